// Takes the README screenshot (docs/screenshot.png) of the built site.
//   node scripts/screenshot.mjs [--dark] [--width 1280] [--height 800] [--out docs/screenshot.png]
import { launchChromium } from './chromium.mjs';
import { serveStatic } from './serve-static.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const width = Number(opt('--width', 1280));
const height = Number(opt('--height', 800));
const out = opt('--out', 'docs/screenshot.png');
const port = 4199;

const server = await serveStatic({ dir: 'dist', prefix: '/explorer/', port });
try {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width, height }, colorScheme: argv.includes('--dark') ? 'dark' : 'light' });
  await page.goto(`http://127.0.0.1:${port}/explorer/`);
  await page.locator('main article').first().waitFor();
  await page.waitForFunction(() => document.querySelector('#app.settled'));
  await page.screenshot({ path: out, fullPage: argv.includes('--full') });
  await browser.close();
  console.log(`wrote ${out}`);
} finally {
  server.close();
}
