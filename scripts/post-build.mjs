// Trunk post-build hook (Trunk.toml [[hooks]]): finishes dist/ as a complete
// static site that shows its first view at once, runs under a strict
// Content-Security-Policy, and works offline. In order:
//
// 1. Replaces Trunk's inline wasm loader with a file (no 'unsafe-inline'
//    script) that starts the app after the first paint, or says why it
//    cannot; drops the preloads. Writes the names the app's Rust and
//    JavaScript sides share (`cargo run --bin prerender`) into the JavaScript.
// 2. Release: writes the prerendered default view into #app (the app's own
//    components, run natively; the app hydrates it), and the bundled dataset
//    and the first answers into the page, as data (no second request).
// 3. Release: inlines the stylesheet, so the first paint needs one response;
//    adds the policy as a <meta> (for hosts that cannot send headers, such as
//    GitHub Pages), allowing the head's one inline script and the stylesheet
//    by their hashes, and fails if any other inline script or style is left.
// 4. Release: minifies the JavaScript with esbuild (Trunk's minifier fails on
//    wasm-bindgen's glue), updating the integrity hashes.
// 5. Writes sw.js with the list of every file of the build and a build id, so
//    the precache always names the right hashed files (the check page's and a
//    partner's list's wasm are cached when first used; the take-along code is
//    precached, though the page asks for it only when a visitor wants it).
// 6. Release: writes `_headers` (Netlify, Cloudflare Pages): the full policy
//    and the caching rules.
//
// Runs in Trunk's staging directory (TRUNK_STAGING_DIR). Needs cargo (there
// already) and esbuild from `npm ci` (without it the JavaScript stays as is).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('post-build: run by Trunk (TRUNK_STAGING_DIR) or with the directory as argument');
  process.exit(2);
}
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';

/** The policy the built page runs under (issue 4). `frame-ancestors` only works as a header. */
const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
];

const hash16 = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

// 1. The inline loader becomes boot-<hash>.js.
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const loader = /<script type="?module"?>([\s\S]*?import init[\s\S]*?)<\/script>/;
const found = html.match(loader);
if (!found) {
  console.error('post-build: Trunk\'s wasm loader script was not found in index.html');
  process.exit(1);
}
// Our own loader, from the names in Trunk's: it starts the app after the first
// paint (the prerendered page is on screen first and the wasm does not compete
// with it for the connection), fetching the wasm and the glue side by side.
const glue = found[1].match(/from\s*['"]([^'"]+)['"]/)?.[1];
const wasm = found[1].match(/module_or_path:\s*['"]([^'"]+)['"]/)?.[1];
if (!glue || !wasm) {
  console.error("post-build: Trunk's loader changed shape; cannot find the glue and wasm names");
  process.exit(1);
}
// The wasm of the check page, of a partner's list and of the take-along code
// (index.html builds them as Trunk's "worker" type, with an ES module glue,
// unhashed): named by their content's hash here, so they can be cached for
// good like the app's, and loaded only at their addresses (?check=1; ?data=)
// or, the take-along code, at a visitor's first Print, CSV download or Embed.
const OTHERS = { check: 'check_page', list: 'list_page', take: 'take_along' };
const other = {};
for (const [prefix, bin] of Object.entries(OTHERS)) {
  other[prefix] = {};
  for (const [key, from] of [['glue', `${bin}.js`], ['wasm', `${bin}_bg.wasm`]]) {
    const path = join(dir, from);
    let bytes;
    try {
      bytes = readFileSync(path);
    } catch {
      console.error(`post-build: ${from} was not built (index.html's ${bin} link)`);
      process.exit(1);
    }
    other[prefix][key] = `./${prefix}-${hash16(bytes)}${key === 'wasm' ? '_bg.wasm' : '.js'}`;
    renameSync(path, join(dir, other[prefix][key]));
  }
}
const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** `page` with its <title>, meta description and footer source line (`p[data-source]`) given `texts` (HTML). */
function withTexts(page, name, texts) {
  const places = [
    [/<title>[^<]*<\/title>/, `<title>${texts.title}</title>`, '<title>'],
    [/<meta\b[^>]*\bname="?description"?[^>]*>/, `<meta name="description" content="${texts.description}">`, 'description'],
    [/<p data-source>[\s\S]*?<\/p>/, `<p data-source>${texts.source} Partnership Explorer runs entirely in your browser.</p>`, 'source line (p[data-source])'],
  ];
  for (const [pattern, by, what] of places) {
    if (!pattern.test(page)) {
      console.error(`post-build: ${name} has no ${what} to give its list's`);
      process.exit(1);
    }
    page = page.replace(pattern, () => by);
  }
  return page;
}

// A partner's list published as the page's own (`./run data publish`): its
// files, checked and written by `data bundle`, take the bundled list's place
// before anything is made of it, and the page's title, description and
// source line become the list's. Everything after (the prerender, the first
// answers, the carried data, the policy's hashes, the service worker's list)
// is then made from it as from ours.
const publishing = process.env.PUBLISH_DATA;
if (publishing) {
  if (!release) {
    console.error('post-build: a list is published from a release build only');
    process.exit(1);
  }
  for (const name of ['partnerships.json', 'partnerships.csv']) {
    writeFileSync(join(dir, 'data', name), readFileSync(join(publishing, name)));
  }
  const list = JSON.parse(readFileSync(join(publishing, 'partnerships.json'), 'utf8'));
  const count = list.partnerships.length;
  const source = list.source.url
    ? `<a href="${escape(list.source.url)}">${escape(list.source.name)}</a>`
    : escape(list.source.name);
  html = withTexts(html, 'index.html', {
    title: `${escape(list.title)} · Partnership Explorer`,
    description: escape(`${list.title}: ${count} ${count === 1 ? 'partnership' : 'partnerships'} to explore by sector, state and topic.`),
    source: `Partnerships from ${source}.`,
  });
}

// The names the app's Rust and JavaScript sides share, defined once in Rust
// (src/names.rs) and written here wherever the JavaScript reads
// `START_NAMES`; in release builds with the prerendered page and the first
// answers (src/bin/prerender.rs).
const data = join(dir, 'data', 'partnerships.json');
const prerendered = spawnSync('cargo', ['run', '--quiet', '--locked', '--bin', 'prerender', '--', release ? data : '--names'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
  maxBuffer: 64 * 1024 * 1024,
});
let built;
try {
  built = JSON.parse(prerendered.stdout);
} catch {
  built = null;
}
if (prerendered.status !== 0 || !built?.names || (release && !built.page?.includes('<main'))) {
  console.error('post-build: the prerender failed (cargo run --bin prerender)');
  process.exit(1);
}
const names = built.names;
const withNames = (code) => code.replaceAll('START_NAMES', () => JSON.stringify(names));
// If the app's code cannot start (WebAssembly turned off, as some locked-down
// browsers have it, or a failed download), the page says so: shell.js shows
// the prerendered view with a notice (names.bootFailedEvent).
const boot = withNames(`// Written by scripts/post-build.mjs: starts Partnership Explorer after the first paint.
// (A hidden tab paints nothing: then it starts after a second.) For other data
// than the bundled list (marked by the head's script) it starts the wasm that
// renders it fresh instead: the check page's (?check=1, src/bin/check_page.rs)
// or a partner's list's (?data=, src/bin/list_page.rs).
const names = START_NAMES;
// The take-along code (src/bin/take_along.rs), for the app to ask for at a
// visitor's first Print, CSV download or Embed (src/on_demand.rs): one
// request, shared; asked again after a failure.
let takeAlong = null;
window[names.takeAlongCode] = () =>
  (takeAlong ??= import(${JSON.stringify(other.take.glue)})
    .then(async (code) => {
      await code.default({ module_or_path: ${JSON.stringify(other.take.wasm)} });
      return code;
    })
    .catch((error) => {
      takeAlong = null;
      throw error;
    }));
await new Promise((resolve) => {
  requestAnimationFrame(() => setTimeout(resolve));
  setTimeout(resolve, 1000);
});
const marks = document.documentElement.classList;
const [glue, wasm] = marks.contains(names.checkPage)
  ? [${JSON.stringify(other.check.glue)}, ${JSON.stringify(other.check.wasm)}]
  : marks.contains(names.viewOtherData)
    ? [${JSON.stringify(other.list.glue)}, ${JSON.stringify(other.list.wasm)}]
    : [${JSON.stringify(glue)}, ${JSON.stringify(wasm)}];
const failed = (why) => {
  marks.add(names.bootFailed);
  dispatchEvent(new CustomEvent(names.bootFailedEvent, { detail: why }));
};
if (typeof WebAssembly !== 'object') {
  failed('this browser has WebAssembly turned off');
} else {
  try {
    const module = fetch(wasm);
    const bindings = await import(glue);
    const instance = await bindings.default({ module_or_path: module });
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
  } catch (error) {
    console.error('Partnership Explorer could not start:', error);
    failed('its code could not be downloaded');
  }
}
`);
const bootName = `boot-${hash16(boot)}.js`;
writeFileSync(join(dir, bootName), boot);
html = html.replace(loader, `<script type="module" src="./${bootName}"></script>`);
// Trunk gives the icon's link an integrity hash, which HTML allows only on
// stylesheets and preloads (the W3C checker reports it).
html = html.replace(/<link\b[^>]*\brel="?icon"?[^>]*>/g, (link) => link.replace(/\s+integrity=("[^"]*"|[^\s>]+)/, ''));
// Trunk's preloads would start the glue and the wasm before the first paint.
html = html.replace(/<link\b[^>]*\brel="?(modulepreload|preload)"?[^>]*>/g, (link) =>
  /\.(js|wasm)\b/.test(link) ? '' : link,
);

// The head's inline script reads the names too (before its hash is taken below).
// And the names of a partner list's code and the check page's, which it starts
// to fetch at once, and of the explorer's, which it starts to fetch once the
// page is parsed.
// The explorer's as the boot script names them (it sits beside the page).
const codeFiles = { LIST_CODE: other.list, CHECK_CODE: other.check, APP_CODE: { wasm, glue } };
html = html.replace(/<script>([\s\S]*?)<\/script>/, (_, script) => {
  let written = withNames(script);
  for (const [placeholder, files] of Object.entries(codeFiles)) written = written.replaceAll(placeholder, () => JSON.stringify(files));
  return `<script>${written}</script>`;
});

// 2a. Release: the page of a copy of the explorer whose own list is beside it,
// in data/partnerships.json (the check page's "Download the explorer with your
// list" puts it in the copy as index.html; src/own_copy.rs): the same page
// without our prerendered view or carried data, marked on <html> so that the
// head script asks for that file at once and the list's wasm shows it, as at
// `?data=data/partnerships.json`. No build is needed to make such a copy: its
// policy's hashes are this page's (the same inline script and style).
let own = null;
if (release) {
  own = html.replace(/<html\b/, (tag) => `${tag} ${names.ownList}`);
  if (!own.includes(names.ownList)) {
    console.error('post-build: cannot make own-list.html (no <html> in index.html)');
    process.exit(1);
  }
  own = withTexts(own, 'own-list.html', {
    title: 'Partnership Explorer',
    description: 'Explore partnerships by sector, state and topic.',
    source: 'The partnerships are those of data/partnerships.json.',
  });
}

// 2. Release builds: the default view, prerendered by the app's own components
// (src/prerender.rs, run natively), replaces the "Loading…" line in #app. The
// page is complete before the wasm arrives and readable without JavaScript.
if (release) {
  const app = /(<div\b[^>]*\bid="?app"?[^>]*)>[\s\S]*?<\/div>/;
  if (!app.test(html)) {
    console.error('post-build: #app was not found in index.html');
    process.exit(1);
  }
  // A long list (more than the app shows at once: components::explorer,
  // `first_batch`) is prerendered as its first cards: the note says so.
  const listed = (built.page.match(new RegExp(`class="${names.cardItem}"`, 'g')) ?? []).length;
  const bundled = JSON.parse(readFileSync(data, 'utf8'));
  const total = bundled.partnerships.length;
  const which = listed < total ? `the first ${listed} of ${total} partnerships are listed below; all of them are in` : 'every partnership is listed below. The data is also available as';
  const noscript =
    `<noscript><p class="wrap noscript-note">Filters and search need JavaScript; ${which} ` +
    '<a href="data/partnerships.json">data/partnerships.json</a>.</p></noscript>';
  // The page exactly as the components rendered it: the app hydrates it, and
  // finds each element where it put it. (It says "Loading this view…" itself,
  // for an address that asks for another view: see the CSS.)
  if (!built.page.includes('class="loading view-loading"')) {
    console.error('post-build: the prerendered page has no "Loading this view…" line (p.view-loading)');
    process.exit(1);
  }
  html = html.replace(app, (_, open) => `${noscript}${open} ${names.prerendered}>${built.page}</div>`);
  // The page carries the dataset it was prerendered from, as data (a script
  // element of type application/json is never run): the app reads it from
  // here (browser::bundled_dataset), so the bundled view needs no second
  // request and no failed request can take its cards away; and the answers to
  // a first sector click, which shell.js shows. At the end of the body, after
  // everything the first paint needs. `<` is escaped so that no text in them
  // can close the element.
  const json = JSON.stringify(bundled).replace(/</g, '\\u003c');
  const asData = (id, text) => `<script type="application/json" id="${id}">${text}</script>`;
  const carried = asData(names.firstAnswers, built.firstAnswers) + asData(names.dataset, json);
  html = html.replace(/<\/body>/, () => `${carried}</body>`);
}

// 3. Release: the stylesheet inline. It is what the first paint waits for: in
// the page, it comes with the first response instead of a second round trip.
// The file itself goes (nothing else asks for it).
const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
let styleHash = null;
if (release) {
  const link = /<link\b[^>]*\brel="?stylesheet"?[^>]*>/;
  const href = html.match(link)?.[0].match(/\bhref=(?:"([^"]+)"|([^\s>]+))/)?.slice(1).find(Boolean);
  if (!href) {
    console.error('post-build: the stylesheet link was not found in index.html');
    process.exit(1);
  }
  const cssPath = join(dir, href.replace(/^\.\//, ''));
  // Nothing in the stylesheet can close the element early.
  const css = readFileSync(cssPath, 'utf8').replace(/<\/style/gi, '<\\/style');
  styleHash = sha256(css);
  html = html.replace(link, () => `<style>${css}</style>`);
  own = own.replace(link, () => `<style>${css}</style>`);
  rmSync(cssPath);
}

// The policy in the page (release only: `trunk serve` injects its own inline reload script).
// The head's inline script (index.html) runs before the first paint, where a
// file would cost a round trip. It and the inline stylesheet are allowed by
// their hashes, never by 'unsafe-inline', and nothing else inline is.
const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (release && inline.length !== 1) {
  console.error(`post-build: expected the head's one inline script, found ${inline.length}`);
  process.exit(1);
}
POLICY[1] = [POLICY[1], ...inline.map(sha256)].join(' ');
if (styleHash) POLICY[2] = `${POLICY[2]} ${styleHash}`;
const HEADER_POLICY = [...POLICY, 'frame-ancestors *'].join('; ');
if (release) {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${POLICY.join('; ')}">`;
  html = html.replace(/<meta charset=("?)utf-8\1>/i, (charset) => charset + meta);
  own = own.replace(/<meta charset=("?)utf-8\1>/i, (charset) => charset + meta);
  if (!html.includes(meta)) {
    console.error('post-build: could not place the Content-Security-Policy meta');
    process.exit(1);
  }
}
const inlineScript = /<script(?![^>]*\ssrc=)(?![^>]*\stype="application\/json")[^>]*>/gi;
const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => sha256(m[1]));
const ownStyles = styles.length === (styleHash ? 1 : 0) && styles.every((hash) => hash === styleHash);
if (release && (!ownStyles || /\sstyle=/i.test(html) || (html.match(inlineScript) ?? []).length !== 1)) {
  console.error('post-build: index.html has inline script or style other than its own');
  process.exit(1);
}
writeFileSync(indexPath, html);

// 4. Release builds: minify the JavaScript that Trunk cannot (its minifier fails
// on wasm-bindgen's glue), updating the integrity hashes that name the old bytes.
let esbuild = null;
if (release) {
  try {
    esbuild = await import('esbuild');
  } catch {
    console.warn('post-build: esbuild is not installed (npm ci): JavaScript left unminified');
  }
}
const minify = async (code, format) => (esbuild ? (await esbuild.transform(code, { minify: true, format, target: 'es2022' })).code : code);
for (const name of readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'embed.js')) {
  const path = join(dir, name);
  const before = readFileSync(path);
  const after = Buffer.from(await minify(withNames(before.toString('utf8')), 'esm'));
  writeFileSync(path, after);
  const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');
  html = html.split(sri(before)).join(sri(after));
  if (own) own = own.split(sri(before)).join(sri(after));
}
writeFileSync(indexPath, html);
if (own) writeFileSync(join(dir, 'own-list.html'), own);
// embed.js runs on partners' pages as it is (not minified, not a module).
const embedPath = join(dir, 'embed.js');
writeFileSync(embedPath, withNames(readFileSync(embedPath, 'utf8')));

// Every file of the build, as paths relative to the site's root.
function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const path = join(d, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(dir, path).split(sep).join('/')];
  });
}
// files.json: every file of the site, for the check page's copy of the
// explorer (src/own_copy.rs), which fetches them (from the service worker's
// cache once visited) and puts them in one .zip.
const SITE_FILES = 'files.json';
const site = [...new Set([...walk(dir), SITE_FILES, 'sw.js', ...(release ? ['_headers'] : [])])].sort();
writeFileSync(join(dir, SITE_FILES), `${JSON.stringify(site, null, 1)}\n`);
const NOT_CACHED = new Set(['sw.js', '_headers']);
const files = walk(dir).filter((f) => !NOT_CACHED.has(f)).sort();
// Trunk's content hash (hex, leading zeros dropped) in a name means the file never changes under that name.
const isHashed = (f) => /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/.test(f);

// 5. The service worker.
const build = createHash('sha256');
for (const f of files) build.update(f).update(readFileSync(join(dir, f)));
// The check page's and a partner's list's files are cached when first used,
// not by every visitor's install. The take-along code is precached after the
// rest (the page has loaded by then), so Print, the CSV download and Embed
// work offline; unless the visitor asked to save data (the worker decides).
const onDemand = (f) => ['check', 'list'].some((prefix) => f.startsWith(`${prefix}-`));
const later = (f) => f.startsWith('take-');
const precache = ['./', ...files.filter((f) => f !== 'index.html' && !onDemand(f) && !later(f))];
const template = readFileSync(new URL('./service-worker.template.js', import.meta.url), 'utf8');
const worker = release
  ? template
      .replace("'__BUILD__'", JSON.stringify(build.digest('hex').slice(0, 16)))
      .replace('__FILES__', JSON.stringify(precache, null, 2))
      .replace('__ON_DEMAND__', JSON.stringify(files.filter(onDemand)))
      .replace('__LATER__', JSON.stringify(files.filter(later)))
  : // `trunk serve` rebuilds on every save: a cache would only get in the way.
    "// Development build: no offline cache; remove any earlier one.\nself.addEventListener('install', () => self.skipWaiting());\nself.addEventListener('activate', (e) => e.waitUntil(self.registration.unregister()));\n";
writeFileSync(join(dir, 'sw.js'), await minify(worker, undefined));

// 6. Headers for hosts that read `_headers`. Each header appears in one rule
// only: Netlify joins the values of overlapping rules.
if (release) {
  const rules = [
    ['/*', ['Content-Security-Policy: ' + HEADER_POLICY, 'X-Content-Type-Options: nosniff', 'Referrer-Policy: strict-origin-when-cross-origin']],
    ...files.filter(isHashed).map((f) => [`/${f}`, ['Cache-Control: public, max-age=31536000, immutable']]),
    ...['/', '/index.html', '/sw.js', '/embed.js', '/manifest.webmanifest', '/data/*'].map((p) => [p, ['Cache-Control: no-cache']]),
  ];
  const text = rules.map(([path, headers]) => [path, ...headers.map((h) => `  ${h}`)].join('\n')).join('\n');
  writeFileSync(join(dir, '_headers'), `# Written by scripts/post-build.mjs. Paths are from the site's root.\n${text}\n`);
}
console.log(`post-build: ${bootName}, sw.js (${precache.length} files)${release ? ', prerendered #app, _headers, CSP meta, minified JS' : ''}`);
