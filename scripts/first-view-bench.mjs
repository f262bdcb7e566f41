// First-view benchmark, on a throttled phone-like connection (Chrome DevTools
// Protocol: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up, CPU 4x slower),
// files gzip-compressed as static hosts send them, each visit cold (a fresh
// browser context), the pages visited alternately, RUNS times each:
// - the first visible card of the release build against a minimal static page
//   (an <h1> and the cards' names and summaries, no stylesheet: the physical
//   limit); target at most 1.3x;
// - when the app's controls respond (it has taken the prerendered page over);
// - the first click answered: a click on Healthcare as soon as the first card
//   is visible, timed from navigation until exactly the healthcare cards show
//   and the status says so, against a plain-JavaScript peer built here (one
//   HTML file and one script that fetches the same JSON and renders the cards
//   with a working sector filter); target at most 1.0x.
//
//   node scripts/first-view-bench.mjs [--runs 7]
//
// The static page and the peer are written to temporary folders, never into dist/.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { serveStatic } from './serve-static.mjs';

const argv = process.argv.slice(2);
const RUNS = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 7;
const THROTTLE = { latency: 150, downloadThroughput: (1.6 * 1e6) / 8, uploadThroughput: (750 * 1e3) / 8, cpu: 4 };

const html = readFileSync('dist/index.html', 'utf8');
if (!html.includes('data-prerendered')) {
  console.error('first-view-bench: dist/ has no prerendered view (run: trunk build --release)');
  process.exit(2);
}
const data = JSON.parse(readFileSync('dist/data/partnerships.json', 'utf8'));
const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const head = (title) => `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>`;

// The physical limit: the same words, nothing else.
const staticDir = mkdtempSync(join(tmpdir(), 'explorer-static-'));
const articles = data.partnerships.map((p) => `<article><h3>${escape(p.name)}</h3><p>${escape(p.summary)}</p></article>`).join('');
writeFileSync(join(staticDir, 'index.html'), `${head(data.title)}<h1>${escape(data.title)}</h1><main>${articles}</main>`);

// The plain-JavaScript peer: fetches the JSON, renders the cards, filters by sector.
const peerDir = mkdtempSync(join(tmpdir(), 'explorer-peer-'));
cpSync('dist/data', join(peerDir, 'data'), { recursive: true });
writeFileSync(
  join(peerDir, 'index.html'),
  `${head(data.title)}<script type="module" src="peer.js"></script><h1>${escape(data.title)}</h1>` +
    '<fieldset id="sectors"><legend>Sector</legend></fieldset><p id="status" role="status"></p><main></main>',
);
writeFileSync(
  join(peerDir, 'peer.js'),
  `const data = await (await fetch('data/partnerships.json')).json();
const main = document.querySelector('main');
const status = document.getElementById('status');
const sectors = document.getElementById('sectors');
const radio = (value, label, checked) => {
  const input = Object.assign(document.createElement('input'), { type: 'radio', name: 'sector', value, checked });
  const wrap = document.createElement('label');
  wrap.append(input, ' ' + label);
  return wrap;
};
sectors.append(radio('', 'All sectors', true), ...data.sectors.map((s) => radio(s.id, s.label, false)));
const card = (p) => {
  const article = document.createElement('article');
  const name = document.createElement('h3');
  name.textContent = p.name;
  const summary = document.createElement('p');
  summary.textContent = p.summary;
  article.append(name, summary);
  return article;
};
const render = (sector) => {
  const shown = data.partnerships.filter((p) => !sector || p.sector === sector);
  main.replaceChildren(...shown.map(card));
  status.textContent = 'Showing ' + shown.length + ' of ' + data.partnerships.length + ' partnerships';
};
sectors.addEventListener('change', (event) => render(event.target.value));
render('');
`,
);

const servers = [
  await serveStatic({ dir: 'dist', port: 4199 }),
  await serveStatic({ dir: staticDir, port: 4200 }),
  await serveStatic({ dir: peerDir, port: 4201 }),
];
const PAGES = { app: 'http://127.0.0.1:4199/explorer/', static: 'http://127.0.0.1:4200/explorer/', peer: 'http://127.0.0.1:4201/explorer/' };
const healthcare = data.partnerships.filter((p) => p.sector === 'healthcare').map((p) => p.name);
const answer = { names: healthcare, status: `Showing ${healthcare.length} of ${data.partnerships.length} ` };

const browser = await launchChromium();

/**
 * One cold visit: ms from navigation to the first visible card and to the
 * app's takeover; with `click`, also to the first click answered.
 */
async function visit(url, click = false) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...THROTTLE });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpu });
  await page.addInitScript(
    ({ click, answer }) => {
      // Checked every frame: a card is visible once it is laid out and styled
      // (the stylesheet blocks rendering, so the first frame that has it paints it).
      const answered = () => {
        // The cards that show: rendered, and not hidden by the page.
        const shown = [...document.querySelectorAll('main article')].filter((a) => a.checkVisibility({ visibilityProperty: true }));
        const names = shown.map((a) => a.querySelector('h3')?.textContent.trim());
        // The app has a status per card ("Link copied") besides the results' one.
        const statuses = [...document.querySelectorAll('[role="status"]')].map((s) => s.textContent).join(' ');
        return names.length === answer.names.length && names.every((n) => answer.names.includes(n)) && statuses.includes(answer.status);
      };
      const tick = () => {
        const now = performance.now();
        const card = document.querySelector('main article');
        if (window.__card === undefined && card && card.getBoundingClientRect().height > 0) {
          window.__card = now;
          // As a visitor would: Healthcare, as soon as there is something to see.
          if (click) document.querySelector('input[name="sector"][value="healthcare"]')?.click();
        }
        const app = document.getElementById('app');
        if (window.__ready === undefined && app && !app.hasAttribute('data-prerendered') && card) window.__ready = now;
        if (click && window.__card !== undefined && window.__answered === undefined && answered()) window.__answered = now;
        const done = window.__card !== undefined && (window.__ready !== undefined || !app) && (!click || window.__answered !== undefined);
        if (!done) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    { click, answer },
  );
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(() => window.__card !== undefined, null, { timeout: 120_000 });
  const isApp = url === PAGES.app;
  if (isApp) await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 120_000 });
  // A click that is never answered (lost) counts as such, not as a hang.
  if (click) await page.waitForFunction(() => window.__answered !== undefined, null, { timeout: 30_000 }).catch(() => {});
  const times = await page.evaluate(() => ({ card: window.__card, ready: window.__ready, answered: window.__answered ?? Infinity }));
  await context.close();
  return times;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const card = { app: [], static: [] };
const ready = [];
const answered = { app: [], peer: [] };
try {
  for (let run = 0; run < RUNS; run++) {
    // Alternate, so slow moments of a noisy machine hit both alike.
    for (const kind of run % 2 ? ['static', 'app'] : ['app', 'static']) {
      const t = await visit(PAGES[kind]);
      card[kind].push(t.card);
      if (kind === 'app') ready.push(t.ready);
    }
    for (const kind of run % 2 ? ['peer', 'app'] : ['app', 'peer']) {
      answered[kind].push((await visit(PAGES[kind], true)).answered);
    }
  }
} finally {
  await browser.close();
  for (const server of servers) server.close();
  rmSync(staticDir, { recursive: true, force: true });
  rmSync(peerDir, { recursive: true, force: true });
}

const ms = (v) => `${v.toFixed(0).padStart(6)} ms`;
console.log(`First view, ${RUNS} cold visits each, alternating; gzip; throttled: ${THROTTLE.latency} ms latency, 1.6 Mbit/s down, 750 kbit/s up, CPU ${THROTTLE.cpu}x slower`);
console.log(`navigation -> first visible card   app ${ms(median(card.app))}   static page ${ms(median(card.static))}   ratio ${(median(card.app) / median(card.static)).toFixed(2)} (target <= 1.3)`);
console.log(`navigation -> controls respond     app ${ms(median(ready))} (the app has taken the page over)`);
const lost = (kind) => answered[kind].filter((v) => v === Infinity).length;
if (lost('app') || lost('peer')) console.log(`first click not answered within 30 s: app ${lost('app')} of ${RUNS}, peer ${lost('peer')} of ${RUNS}`);
console.log(`navigation -> first click answered app ${ms(median(answered.app))}   plain-JS peer ${ms(median(answered.peer))}   ratio ${(median(answered.app) / median(answered.peer)).toFixed(2)} (target <= 1.0)`);
console.log(`all runs (ms): app ${card.app.map((v) => v.toFixed(0)).join(' ')} | static ${card.static.map((v) => v.toFixed(0)).join(' ')} | controls ${ready.map((v) => v.toFixed(0)).join(' ')} | answered app ${answered.app.map((v) => v.toFixed(0)).join(' ')} | peer ${answered.peer.map((v) => v.toFixed(0)).join(' ')}`);
