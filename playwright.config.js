// End-to-end tests against the release build (dist/), in Debian's Chromium.
// Never `npx playwright install`: there is no browser download here.
//
// Three servers, each sending the headers of its folder's _headers (so every
// test runs under the real Content-Security-Policy):
//   4180  dist/ under a sub-path, /explorer/ (most tests)
//   4181  dist/ at the root, /
//   4182  a partner's page on another origin that embeds the explorer (tests/embed-host/)
//
// EXPLORER_DIST=DIR serves another build in dist/'s place, such as a partner's
// list published with `./run data publish LIST --out DIR`; tests/e2e/helpers.js
// then reads that folder's list, and the specs that hold for any list
// (first-view, prerender, offline, embed, published) test it.
import { defineConfig } from '@playwright/test';

export const PORT = 4180;
export const ROOT_PORT = 4181;
export const HOST_PORT = 4182;

const DIST = process.env.EXPLORER_DIST || 'dist';

const server = (dir, prefix, port) => ({
  command: `node scripts/serve-static.mjs --dir ${JSON.stringify(dir)} --prefix ${prefix} --port ${port}`,
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
  webServer: [server(DIST, '/explorer/', PORT), server(DIST, '/', ROOT_PORT), server('tests/embed-host', '/', HOST_PORT)],
});
