// Does a partner who checks a file against the published JSON Schema with an
// ordinary validator get the app's verdict? For the bundled dataset, every
// fixture in tests/fixtures/ and a set of datasets made here by breaking one
// field at a time, this runs ajv (draft 2020-12, every error) over
// public/data/partnerships.schema.json and the app's own reader
// (`cargo run --bin data -- check --format json`), and compares, file by file:
//   - whether the text is JSON at all;
//   - the places at fault (JSON Pointers), leaving out the problems only the app
//     can see (kind "app": duplicate ids, references to sectors and topics,
//     nesting deeper than 128 levels, 5.0 where a whole number is due).
// Exits 1 on any disagreement.
//
//   node scripts/schema-agreement.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

const root = new URL('..', import.meta.url).pathname;
const schema = JSON.parse(readFileSync(join(root, 'public/data/partnerships.schema.json'), 'utf8'));
// Defaults: strict mode, so a schema keyword ajv does not know fails here too.
const validate = new Ajv2020({ allErrors: true }).compile(schema);

// Datasets made by breaking one field of the bundled dataset at a time.
const bundled = join(root, 'public/data/partnerships.json');
const base = JSON.parse(readFileSync(bundled, 'utf8'));
const made = mkdtempSync(join(tmpdir(), 'schema-agreement-'));
const junk = [42, 5.0, 1e2, -1, 4294967296, 1.5, true, null, [7], ['x', 3], { a: 1 }, '', ' \u00a0\u2003', '\ufeff',
  'x'.repeat(201), 'y'.repeat(1001), 'LA', 'la', 'ZZ', '2018-05', '2018-13', 'https://example.org/a?b#c',
  'http://example.org', 'https://', 'https://a b', 'https://a\u0085b', 'https://a<b', 'Bad Id', 'ok-id',
  'a'.repeat(101), [40, null, 'farms']];
const cases = [];
const put = (name, change) => {
  const copy = structuredClone(base);
  change(copy);
  const file = join(made, `${name}.json`);
  writeFileSync(file, JSON.stringify(copy, null, 2));
  cases.push(file);
};
const fields = Object.keys(base.partnerships[0]);
junk.forEach((value, j) => {
  for (const field of fields) put(`partnership-${field}-${j}`, (d) => { d.partnerships[1][field] = value; });
  for (const field of ['partnerships', 'partnerships_qualifier', 'states']) put(`national-${field}-${j}`, (d) => { d.national[field] = value; });
  for (const field of ['approx', 'qualifier', 'what']) put(`members-${field}-${j}`, (d) => { d.partnerships[0].members[field] = value; });
  for (const field of ['id', 'label']) put(`sector-${field}-${j}`, (d) => { d.sectors[2][field] = value; });
  put(`title-${j}`, (d) => { d.title = value; });
  put(`source-url-${j}`, (d) => { d.source.url = value; });
  put(`schema-version-${j}`, (d) => { d.schema_version = value; });
  put(`highlight-${j}`, (d) => { d.partnerships[3].highlights[1] = value; });
  put(`topic-${j}`, (d) => { d.partnerships[3].topics.push(value); });
});
for (const field of fields) put(`without-${field}`, (d) => { delete d.partnerships[2][field]; });
put('fifty-one-topics', (d) => { d.partnerships[4].topics = Array(51).fill(d.topics[0].id); });
// serde reads a struct from an array of its fields in order. The app refuses
// such an array where an object is due, and names it as ajv does, except when
// the array fills every field and one of them has the wrong type: then the app
// names that item (members[2]). Both refuse the entry; only the place differs.
const ENTRY_LEVEL_ONLY = new Set();
put('members-array-of-its-fields-one-wrong', (d) => { d.partnerships[1].members = [40, 'x', 3]; });
ENTRY_LEVEL_ONLY.add(cases.at(-1));
put('two-wrong-fields-and-too-many-highlights', (d) => {
  Object.assign(d.partnerships[5], { state: 'ZZ', launched: 'soon', highlights: Array(60).fill('A highlight.') });
});

const fixtures = readdirSync(join(root, 'tests/fixtures')).filter((f) => f.endsWith('.json')).map((f) => join(root, 'tests/fixtures', f));
const files = [bundled, ...fixtures, ...cases];

// The app's reader exits 1 when a file has problems: read its report either way.
const run = spawnSync('cargo', ['run', '--quiet', '--locked', '--bin', 'data', '--', 'check', '--format', 'json', ...files], {
  cwd: root, maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'inherit'],
});
if (run.status !== 0 && run.status !== 1) {
  console.error(`schema-agreement: the app's checker failed (exit ${run.status})`);
  process.exit(2);
}
const appReports = new Map(JSON.parse(run.stdout.toString()).map((r) => [r.file, r]));

/// Keeps the deepest places: a value at fault inside another counts once.
function deepest(pointers) {
  const all = [...new Set(pointers)];
  return all.filter((p) => !all.some((q) => q !== p && q.startsWith(`${p}/`))).sort();
}

/// ajv's verdict: null when the text is not JSON, else the places at fault.
function schemaVerdict(file) {
  let text;
  try {
    // As the app reads it: UTF-8 or nothing, a byte-order mark ignored.
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file)).replace(/^\ufeff/, '');
  } catch {
    return null;
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (validate(data)) return [];
  return deepest(validate.errors
    .filter((e) => e.keyword !== 'anyOf')
    .map((e) => (e.keyword === 'required' ? `${e.instancePath}/${e.params.missingProperty}` : e.instancePath)));
}

/// The app's verdict in the same terms, leaving out what only the app checks.
function appVerdict(report) {
  if (report.problems.some((p) => p.kind === 'syntax')) return null;
  return deepest(report.problems.filter((p) => p.kind === 'schema').map((p) => p.pointer));
}

const show = (v) => (v === null ? 'not JSON' : v.length ? v.join(' ') : 'valid');
// `/partnerships/1/members/2` → `/partnerships/1`: the entry (or header field) at fault.
const entries = (v) => (v === null ? null : [...new Set(v.map((p) => p.match(/^\/(sectors|topics|partnerships)\/\d+|^\/[^/]*/)[0]))]);
let disagreements = 0;
let appOnly = 0;
for (const file of files) {
  const report = appReports.get(file);
  let theirs = schemaVerdict(file);
  let ours = report ? appVerdict(report) : undefined;
  if (ENTRY_LEVEL_ONLY.has(file)) [theirs, ours] = [entries(theirs), ours && entries(ours)];
  if (report?.problems.some((p) => p.kind === 'app')) appOnly += 1;
  if (show(theirs) !== show(ours)) {
    disagreements += 1;
    console.error(`DISAGREE ${file.replace(root, '').replace(made, '(made)')}\n  ajv: ${show(theirs)}\n  app: ${show(ours)}`);
    for (const p of report?.problems ?? []) console.error(`    app ${p.kind}: ${p.text}`);
  }
}
rmSync(made, { recursive: true, force: true });
const summary = `${files.length} files (the bundled dataset, ${fixtures.length} fixtures, ${cases.length} made here); ${appOnly} with problems only the app checks`;
if (disagreements) {
  console.error(`schema-agreement: ajv and the app disagree on ${disagreements} of ${summary}`);
  process.exit(1);
}
console.log(`schema-agreement: ajv and the app agree on all ${summary}`);
