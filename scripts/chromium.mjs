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

// The phone the benches visit as (scripts/first-view-bench.mjs, scripts/tasks.mjs
// --phone): its screen, and its network and CPU as Chrome DevTools throttles them.
export const PHONE = { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const THROTTLE = { latency: 150, downloadThroughput: (1.6 * 1e6) / 8, uploadThroughput: (750 * 1e3) / 8, cpu: 4 };

/** Throttles `page` (of `context`) as THROTTLE says. */
export async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...THROTTLE });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpu });
}
