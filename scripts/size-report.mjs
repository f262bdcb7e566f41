// Transfer-size report of a build: every file the page fetches on a first visit
// (HTML, JS, wasm, CSS, data, icon), raw and brotli-compressed, with the total.
// Exits 1 when the brotli total exceeds the budget.
//
//   node scripts/size-report.mjs [dist] [--budget-kb 150]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, extname } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const argv = process.argv.slice(2);
const budgetAt = argv.indexOf('--budget-kb');
const budgetKb = budgetAt >= 0 ? Number(argv[budgetAt + 1]) : 150;
const dist = argv.find((a, i) => !a.startsWith('--') && i !== budgetAt + 1) ?? 'dist';

// In dist/ but not fetched by a first visit: the data's schema (for partners),
// embed.js (fetched by partner pages), the install icons (fetched only when the
// app is installed) and _headers (read by the host, never served).
// The service worker's precache after the page has loaded is not counted either.
const NOT_FETCHED = [/\.schema\.json$/, /^embed\.js$/, /^icons\//, /^_headers$/];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function kind(file) {
  const ext = extname(file);
  if (ext === '.wasm') return 'wasm';
  if (ext === '.js') return 'js';
  if (ext === '.css') return 'css';
  if (ext === '.html') return 'html';
  if (ext === '.json') return 'data';
  return 'other';
}

let files;
try {
  files = walk(dist);
} catch {
  console.error(`size-report: no build at ${dist}/ (run: trunk build --release)`);
  process.exit(2);
}
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const rows = [];
const totals = {};
for (const file of files.sort()) {
  const name = relative(dist, file);
  if (NOT_FETCHED.some((re) => re.test(name))) continue;
  const body = readFileSync(file);
  const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const k = kind(file);
  rows.push({ name, k, raw: body.length, br });
  totals[k] ??= { raw: 0, br: 0 };
  totals[k].raw += body.length;
  totals[k].br += br;
}
console.log(`Transfer size of ${dist}/ (first visit), KB = 1024 bytes`);
console.log(`${'file'.padEnd(52)} ${'kind'.padEnd(5)} ${'raw KB'.padStart(8)} ${'br KB'.padStart(8)}`);
for (const r of rows) console.log(`${r.name.padEnd(52)} ${r.k.padEnd(5)} ${kb(r.raw)} ${kb(r.br)}`);
console.log('-'.repeat(76));
let raw = 0;
let br = 0;
for (const [k, t] of Object.entries(totals)) {
  console.log(`${('total ' + k).padEnd(58)} ${kb(t.raw)} ${kb(t.br)}`);
  raw += t.raw;
  br += t.br;
}
console.log(`${'TOTAL'.padEnd(58)} ${kb(raw)} ${kb(br)}`);
if (br > budgetKb * 1024) {
  console.error(`size-report: brotli total ${(br / 1024).toFixed(1)} KB exceeds the budget of ${budgetKb} KB`);
  process.exit(1);
}
console.log(`size-report: brotli total ${(br / 1024).toFixed(1)} KB is within the budget of ${budgetKb} KB`);
