// Lighthouse performance, as a benchmark: the release build's score and total
// blocking time, mobile and desktop, beside the same page without its app (the
// prerendered HTML, its stylesheet and shell.js, no wasm). A score is a timing:
// on a busy machine the page without any app loses points too, so read the
// app's figures against that baseline, measured in the same minutes,
// interleaved. (The test command asserts Lighthouse's other categories and
// the layout shift, which do not depend on the machine's speed.)
//
//   node scripts/lighthouse-bench.mjs [--runs 9]   (needs a release dist/)
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from './serve-static.mjs';

const argv = process.argv.slice(2);
const RUNS = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 9;
const PORT = 4188;
const BASE_PORT = 4189;
// The browser as the test command's Lighthouse runs it (lighthouse/mobile.json).
const { chromePath, settings } = JSON.parse(readFileSync('lighthouse/mobile.json', 'utf8')).ci.collect;

// The page without its app: dist/ copied outside it, the boot script taken out.
const bare = mkdtempSync(join(tmpdir(), 'no-app-'));
cpSync('dist', bare, { recursive: true });
const index = join(bare, 'index.html');
const html = readFileSync(index, 'utf8');
const withoutBoot = html.replace(/<script type="?module"? src="?\.\/boot-[^>]*><\/script>/, '');
if (withoutBoot === html) throw new Error('no boot script found in dist/index.html');
writeFileSync(index, withoutBoot);

const servers = [
  await serveStatic({ dir: 'dist', prefix: '/explorer/', port: PORT }),
  await serveStatic({ dir: bare, prefix: '/explorer/', port: BASE_PORT }),
];
const out = join(bare, 'report.json');

// Asynchronous: the servers answer from this very process.
async function lighthouse(port, desktop) {
  const args = [`http://127.0.0.1:${port}/explorer/`, '--quiet', `--chrome-path=${chromePath}`, `--chrome-flags=${settings.chromeFlags}`];
  args.push('--only-categories=performance', '--output=json', `--output-path=${out}`);
  if (desktop) args.push('--preset=desktop');
  await promisify(execFile)('node_modules/.bin/lighthouse', args);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  return {
    score: report.categories.performance.score,
    tbt: report.audits['total-blocking-time'].numericValue,
    longest: Math.max(0, ...(report.audits['long-tasks'].details?.items ?? []).map((t) => t.duration)),
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

try {
  for (const desktop of [false, true]) {
    const runs = { app: [], bare: [] };
    for (let run = 0; run < RUNS; run++) {
      runs.app.push(await lighthouse(PORT, desktop));
      runs.bare.push(await lighthouse(BASE_PORT, desktop));
    }
    console.log(`Lighthouse ${desktop ? 'desktop' : 'mobile'} performance, ${RUNS} runs each, interleaved:`);
    for (const [name, list] of [['the app', runs.app], ['without its app', runs.bare]]) {
      const scores = list.map((r) => r.score);
      console.log(
        `  ${name.padEnd(16)} score median ${median(scores).toFixed(2)} (${scores.map((s) => s.toFixed(2)).join(' ')}), ` +
          `100 in ${scores.filter((s) => s >= 1).length} of ${RUNS}; total blocking time median ${Math.round(median(list.map((r) => r.tbt)))} ms, ` +
          `longest task median ${Math.round(median(list.map((r) => r.longest)))} ms`,
      );
    }
  }
} finally {
  for (const server of servers) server.close();
  rmSync(bare, { recursive: true, force: true });
}
