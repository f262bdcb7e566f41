// Takes the README screenshots of the built site: the explorer
// (docs/screenshot.png), or with --check FILE the check page with that file
// chosen (docs/check-page.png), or with --handout QUERY the first page of that
// view printed to PDF (Letter), rendered to PNG by pdftoppm (docs/handout.png).
//   node scripts/screenshot.mjs [--dark] [--width 1280] [--height 800] [--out docs/screenshot.png] [--check FILE]
//   node scripts/screenshot.mjs --handout '?sector=healthcare' --out docs/handout.png
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  const handout = opt('--handout', null);
  if (handout !== null) {
    await page.goto(`http://127.0.0.1:${port}/explorer/${handout}`);
    await page.waitForFunction(() => document.querySelector('#app.settled'));
    const dir = mkdtempSync(join(tmpdir(), 'handout-'));
    await page.pdf({ path: join(dir, 'view.pdf'), format: 'Letter' });
    execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', join(dir, 'view.pdf'), join(dir, 'page')]);
    renameSync(join(dir, 'page.png'), out);
    await browser.close();
    console.log(`wrote ${out}`);
    process.exit(0);
  }
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
