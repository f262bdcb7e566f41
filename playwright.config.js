// End-to-end tests against the release build (dist/), served from a sub-path,
// in Debian's Chromium. Never `npx playwright install`: there is no browser download here.
import { defineConfig } from '@playwright/test';

const PORT = 4180;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/explorer/`,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    },
  },
  webServer: {
    command: `node scripts/serve-static.mjs --dir dist --prefix /explorer/ --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/explorer/`,
    reuseExistingServer: false,
    timeout: 15_000,
  },
});
