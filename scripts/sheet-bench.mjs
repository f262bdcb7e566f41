// How the partner kit's time grows with a spreadsheet's size: the bundled
// list repeated to 1,000, 10,000 and 100,000 rows (examples/exports.rs), then
//   - `data check` and `data import` of the release build, median of --runs;
//   - the check page (?check=1, release dist/, headless Chromium): from
//     choosing the file to the verdict shown ("N partnerships ready").
// Each size is 10 times the one before: a linear reader takes about 10 times
// as long, and the ratio column says how close it comes.
//
//   node scripts/sheet-bench.mjs [--runs 3] [--page-rows 1000,10000]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { serveStatic } from './serve-static.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const RUNS = Number(opt('--runs', 3));
const SIZES = [1_000, 10_000, 100_000];
const PAGE_SIZES = opt('--page-rows', '1000,10000').split(',').map(Number);
const PORT = 4199;

const dir = mkdtempSync(join(tmpdir(), 'sheet-bench-'));
const cargo = (...args) => execFileSync('cargo', ['run', '--quiet', '--locked', '--release', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
cargo('--example', 'exports', '--', dir, ...SIZES.map(String));
execFileSync('cargo', ['build', '--quiet', '--locked', '--release', '--bin', 'data'], { stdio: 'inherit' });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const file = (rows) => join(dir, `rows-${rows}.csv`);

/** The median wall time of a command, in ms. */
function time(command, args) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    try {
      execFileSync(command, args, { stdio: 'pipe' });
    } catch (e) {
      if (e.status !== 0) throw e;
    }
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

function table(title, rows) {
  console.log(`\n${title}`);
  console.log('rows        time (ms)   x the size before');
  let before = null;
  for (const [size, ms] of rows) {
    const ratio = before === null ? '' : `${(ms / before).toFixed(1)}x for 10x the rows`;
    console.log(`${String(size).padStart(7)}  ${ms.toFixed(0).padStart(10)}   ${ratio}`);
    before = ms;
  }
}

const data = join('target', 'release', 'data');
table('data check (release)', SIZES.map((n) => [n, time(data, ['check', file(n)])]));
table('data import (release)', SIZES.map((n) => [n, time(data, ['import', file(n), '-o', join(dir, 'out.json')])]));

const server = await serveStatic({ dir: 'dist', prefix: '/explorer/', port: PORT });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const rows = [];
  for (const n of PAGE_SIZES) {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`http://127.0.0.1:${PORT}/explorer/?check=1`);
      const input = page.getByLabel('Choose a list (CSV or JSON)');
      await input.waitFor();
      const buffer = readFileSync(file(n));
      const start = Date.now();
      await input.setInputFiles({ name: `rows-${n}.csv`, mimeType: 'text/csv', buffer });
      await page.locator('.check-summary').filter({ hasText: `${n} partnerships ready` }).waitFor({ timeout: 600_000 });
      times.push(Date.now() - start);
    }
    rows.push([n, median(times)]);
  }
  table('check page (release dist/, Chromium): choosing the file to the verdict shown', rows);
} finally {
  await browser.close();
  server.close();
}
