// Debian's Chromium, headless, for the scripts (benchmarks, task list,
// screenshot). The flags keep it from reaching for the network, which this
// machine does not have.
import { chromium } from '@playwright/test';

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'],
  });
}
