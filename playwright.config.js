// End-to-end tests against the release build (dist/), in Debian's Chromium.
// Never `npx playwright install`: there is no browser download here.
//
// Three servers, each sending the headers of dist/_headers (so every test runs
// under the real Content-Security-Policy):
//   4180  dist/ under a sub-path, /explorer/ (most tests)
//   4181  dist/ at the root, /
//   4182  a partner's page on another origin that embeds the explorer (tests/embed-host/)
import { defineConfig } from '@playwright/test';

export const PORT = 4180;
export const ROOT_PORT = 4181;
export const HOST_PORT = 4182;

const server = (dir, prefix, port) => ({
  command: `node scripts/serve-static.mjs --dir ${dir} --prefix ${prefix} --port ${port}`,
  url: `http://127.0.0.1:${port}${prefix}`,
  reuseExistingServer: false,
  timeout: 15_000,
});

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/explorer/`,
    // Request interception (page.route) does not see a service worker's
    // requests: the worker is allowed only in the offline tests that need it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    },
  },
  webServer: [server('dist', '/explorer/', PORT), server('dist', '/', ROOT_PORT), server('tests/embed-host', '/', HOST_PORT)],
});
