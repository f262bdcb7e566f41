// Transfer-size report of a build, in two figures, each with its budget:
// - the critical path: what the first paint of the default view needs, i.e.
//   index.html (with the prerendered view) and the stylesheets it links;
//   at most 14 KB brotli, so the readable page fits in the first round trip
//   of a new connection (TCP's initial window of 10 packets);
// - the first visit: every file the page fetches until it is complete (HTML,
//   JS, wasm, CSS, data, icon); at most 195 KB brotli (issue 29: what a visitor
//   asks for later, the take-along code, comes when asked for; Leptos'
//   erase_components, .cargo/config.toml).
// Raw and brotli-compressed (quality 11, as static hosts precompress).
// Exits 1 when either budget is exceeded.
//
//   node scripts/size-report.mjs [dist] [--budget-kb 195] [--critical-kb 14] [--data-visit-kb 240]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, extname } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const budgetKb = option('--budget-kb', 195);
const criticalKb = option('--critical-kb', 14);
// A `?data=` visit's own budget: it carries the validation of an untrusted list.
const dataVisitKb = option('--data-visit-kb', 240);
const dist = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--')) ?? 'dist';

// In dist/ but not fetched by a first visit: the data's schema (for partners),
// embed.js (fetched by partner pages), the install icons (fetched only when the
// app is installed), _headers (read by the host, never served) and the bundled
// data file (index.html carries the dataset, counted there; the file serves
// offline visits and partners), and the page and list of files of a copy of
// the explorer (own-list.html, files.json: the check page's download). The service worker's precache after the page
// has loaded is not counted either. The check page's wasm and glue (?check=1,
// for partners), a partner's list's (?data=) and the take-along code (asked for
// at a first Print, CSV download or Embed) load only there: reported on their
// own lines, and a `?data=` visit (the first visit with the list's wasm and
// glue in place of the explorer's) against its own budget.
const NOT_FETCHED = [/\.schema\.json$/, /^embed\.js$/, /^icons\//, /^_headers$/, /^data\/partnerships\.json$/, /\.csv$/, /^own-list\.html$/, /^files\.json$/];
const ON_DEMAND = /^(check|list|take)-/;
const WHERE = { check: '?check=1', list: '?data=', take: 'Print, CSV, Embed' };
// The explorer's own wasm and glue, which a `?data=` visit does not fetch.
const EXPLORER = /^partnership-explorer-[0-9a-f]+(_bg\.wasm|\.js)$/;

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
const brotli = (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const onDemand = [];
for (const file of files.sort()) {
  const name = relative(dist, file);
  if (NOT_FETCHED.some((re) => re.test(name))) continue;
  const body = readFileSync(file);
  const br = brotli(body);
  if (ON_DEMAND.test(name)) {
    onDemand.push({ name, raw: body.length, br });
    continue;
  }
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
for (const r of onDemand) console.log(`${`${r.name} (${WHERE[r.name.split('-')[0]]} only)`.padEnd(58)} ${kb(r.raw)} ${kb(r.br)}`);
const sum = (list) => list.reduce((total, r) => total + r.br, 0);
const explorerBr = sum(rows.filter((r) => EXPLORER.test(r.name)));
const listBr = sum(onDemand.filter((r) => r.name.startsWith('list-')));
const dataVisitBr = br - explorerBr + listBr;
console.log(`${'?data= visit (first visit, the list wasm for the explorer\'s)'.padEnd(58)} ${''.padStart(8)} ${kb(dataVisitBr)}`);

// The critical path: index.html and the stylesheets it links.
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const sheets = [...html.matchAll(/<link\b[^>]*>/g)]
  .map((m) => m[0])
  .filter((tag) => /\brel="?stylesheet"?/.test(tag))
  // The minified page leaves attribute values unquoted where it can.
  .map((tag) => tag.match(/\bhref=(?:"([^"]+)"|([^\s>]+))/)?.slice(1).find(Boolean))
  .filter(Boolean)
  .map((href) => href.replace(/^\.\//, ''));
const critical = ['index.html', ...sheets].map((name) => rows.find((r) => r.name === name) ?? { name, raw: 0, br: 0 });
const criticalBr = critical.reduce((sum, r) => sum + r.br, 0);
console.log(`Critical path (first paint): ${critical.map((r) => `${r.name} ${(r.br / 1024).toFixed(1)} KB`).join(' + ')}`);

let failed = false;
const verdict = (label, bytes, limitKb) => {
  const figure = `${label} ${(bytes / 1024).toFixed(1)} KB brotli`;
  if (bytes > limitKb * 1024) {
    console.error(`size-report: ${figure} exceeds the budget of ${limitKb} KB`);
    failed = true;
  } else {
    console.log(`size-report: ${figure}, within the budget of ${limitKb} KB`);
  }
};
verdict('critical path', criticalBr, criticalKb);
verdict('first visit', br, budgetKb);
if (explorerBr === 0 || listBr === 0) {
  console.error("size-report: the explorer's or the partner list's wasm is missing from the build");
  failed = true;
}
verdict('?data= visit (without the list itself)', dataVisitBr, dataVisitKb);
if (failed) process.exit(1);
