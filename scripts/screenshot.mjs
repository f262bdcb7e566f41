// Takes the README screenshots of the built site: the explorer
// (docs/screenshot.png), or with --check FILE the check page with that file
// chosen (docs/check-page.png).
//   node scripts/screenshot.mjs [--dark] [--width 1280] [--height 800] [--out docs/screenshot.png] [--check FILE]
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
  const check = opt('--check', null);
  if (check) {
    await page.goto(`http://127.0.0.1:${port}/explorer/?check=1`);
    await page.getByLabel('Choose a list (CSV or JSON)').setInputFiles(check);
    await page.locator('.check-preview article').first().waitFor();
  } else {
    await page.goto(`http://127.0.0.1:${port}/explorer/`);
    await page.locator('main article').first().waitFor();
  }
  await page.waitForFunction(() => document.querySelector('#app.settled'));
  await page.screenshot({ path: out, fullPage: argv.includes('--full') });
  await browser.close();
  console.log(`wrote ${out}`);
} finally {
  server.close();
}
