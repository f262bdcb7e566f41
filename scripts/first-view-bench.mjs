// First-view benchmark, as a person on a phone meets the page: a 412x823
// touch screen (isMobile, deviceScaleFactor 2), on a throttled connection
// (Chrome DevTools Protocol: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up,
// CPU 4x slower), files gzip-compressed as static hosts send them, each visit
// cold (a fresh browser context), the pages visited alternately, RUNS times
// each (after one untimed visit of each, which warms the browser up). Each
// time is a median, in ms from navigation start (the page's performance.now()
// in the first frame where the condition holds):
// - first card: the first visible card of the release build (an `article` in
//   #app) against a minimal static page (an <h1> and the cards' names and
//   summaries, no stylesheet: the physical limit); target at most 1.3x;
// - first sector choice: as soon as the first card is visible, a real tap on
//   "Filters" (#filters-button, shown at phone width), then a real tap on the
//   "Healthcare" label in the panel it opens, until exactly the healthcare
//   cards show and the status line says how many; against a plain-JavaScript
//   peer built here (one HTML file and one script that fetches the same JSON,
//   renders the cards, and has a Filters button opening a panel of sector
//   radios and a list of states); target at most 1.0x;
// - every control live: the same start, then a real tap on a state's tile on
//   the map (the state of the first partnership in the data), until exactly
//   that state's cards show and the status line says how many; against the
//   peer's state list; target at most 1.5x;
// - a second choice: the same start, Filters, the sector, then the tile of a
//   state that has one of its partnerships (Filters again if the panel closed),
//   until exactly that sector's cards in that state show; against the peer's
//   sector radio and state list; target at most 1.3x (issue 29);
// - controls live: when the app has taken the prerendered page over (#app is
//   no longer `data-prerendered` and has cards, or is `.settled`); no reference.
// Taps are Playwright's (touch events at the element's position, after it is
// visible, stable and the one hit), so they land whenever the page lets them:
// on the prerendered page (public/shell.js answers) or on the app. Those checks
// take a few round trips to the page, which wait while its main thread is busy,
// as a real tap's events would. A tap that cannot be made, or a choice not
// answered within 30 s, is reported as such, never retried another way.
// What the bench runs in the page to see these moments (its probe) must not
// slow the page: it asks only when the page has changed and never reaches
// into a card the page keeps unrendered, and the report gives its own cost.
//
//   node scripts/first-view-bench.mjs [--runs 7] [--dist dist] [--data 40]
//
// With --data N the app's page is a partner's list of N entries
// (scripts/synthetic.mjs) dropped beside the explorer and opened at
// `?data=data/partner-N.json`, as a partner who has not published it; the
// static page and the peer show the same list. `--dist` a folder made by
// `./run data publish` benches a published list.
//
// The static page and the peer are written to temporary folders, never into the build.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium, PHONE, THROTTLE, throttle } from './chromium.mjs';
import { serveStatic } from './serve-static.mjs';
import { syntheticDataset } from './synthetic.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const RUNS = Number(option('--runs', 7));
const BUILD = resolve(option('--dist', 'dist'));
const LIST_SIZE = option('--data', null);
const TAP_TIMEOUT = 60_000;
const ANSWER_TIMEOUT = 30_000;

if (!(RUNS >= 1)) {
  console.error('first-view-bench: --runs takes a number of at least 1');
  process.exit(2);
}
if (!existsSync(join(BUILD, 'index.html'))) {
  console.error(`first-view-bench: no ${join(BUILD, 'index.html')} (run: trunk build --release, or pass --dist DIR)`);
  process.exit(2);
}
const html = readFileSync(join(BUILD, 'index.html'), 'utf8');
if (!html.includes('data-prerendered')) {
  console.error(`first-view-bench: ${BUILD} has no prerendered view (run: trunk build --release)`);
  process.exit(2);
}
// A partner's list beside the explorer: the build copied, never written into.
const LIST_PATH = LIST_SIZE ? `data/partner-${Number(LIST_SIZE)}.json` : null;
const DIST = LIST_PATH ? mkdtempSync(join(tmpdir(), 'explorer-with-list-')) : BUILD;
if (LIST_PATH) {
  cpSync(BUILD, DIST, { recursive: true });
  writeFileSync(join(DIST, LIST_PATH), JSON.stringify(syntheticDataset(Number(LIST_SIZE), `A partner's list of ${LIST_SIZE} (test data)`)));
}
const data = JSON.parse(readFileSync(join(DIST, LIST_PATH ?? 'data/partnerships.json'), 'utf8'));
const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// No favicon request (a 404 competing with the page's own requests).
const head = (title) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>${escape(title)}</title>`;

// State names, as the app's map tiles and the peer's list say them.
const STATES = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut', DE: 'Delaware',
  DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa',
  KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota',
  MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey',
  NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon',
  PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
  VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
};

// The physical limit: the same words, nothing else.
const staticDir = mkdtempSync(join(tmpdir(), 'explorer-static-'));
const articles = data.partnerships.map((p) => `<article><h3>${escape(p.name)}</h3><p>${escape(p.summary)}</p></article>`).join('');
writeFileSync(join(staticDir, 'index.html'), `${head(data.title)}<h1>${escape(data.title)}</h1><main>${articles}</main>`);

// The plain-JavaScript peer: fetches the JSON, renders the cards; a Filters
// button opens a panel with the sector radios and one button per state.
const peerDir = mkdtempSync(join(tmpdir(), 'explorer-peer-'));
cpSync(join(DIST, 'data'), join(peerDir, 'data'), { recursive: true });
if (LIST_PATH) writeFileSync(join(peerDir, 'data/partnerships.json'), JSON.stringify(data));
writeFileSync(
  join(peerDir, 'index.html'),
  `${head(data.title)}<script type="module" src="peer.js"></script><h1>${escape(data.title)}</h1>` +
    '<button type="button" id="filters-button" aria-expanded="false" aria-controls="filter-panel">Filters</button>' +
    '<div id="filter-panel" hidden><fieldset id="sectors"><legend>Sector</legend></fieldset>' +
    '<ul id="states" aria-label="States"></ul></div><p class="status-line" role="status"></p><main></main>',
);
writeFileSync(
  join(peerDir, 'peer.js'),
  `const STATES = ${JSON.stringify(STATES)};
const data = await (await fetch('data/partnerships.json')).json();
const main = document.querySelector('main');
const status = document.querySelector('.status-line');
const button = document.getElementById('filters-button');
const panel = document.getElementById('filter-panel');
const sectors = document.getElementById('sectors');
const states = document.getElementById('states');
const chosen = { sector: '', state: '' };
button.addEventListener('click', () => {
  panel.hidden = !panel.hidden;
  button.setAttribute('aria-expanded', String(!panel.hidden));
});
const radio = (value, label, checked) => {
  const input = Object.assign(document.createElement('input'), { type: 'radio', name: 'sector', value, checked });
  const wrap = document.createElement('label');
  wrap.append(input, ' ' + label);
  return wrap;
};
sectors.append(radio('', 'All sectors', true), ...data.sectors.map((s) => radio(s.id, s.label, false)));
const present = [...new Set(data.partnerships.map((p) => p.state))].sort((a, b) => (STATES[a] ?? a).localeCompare(STATES[b] ?? b));
states.append(
  ...present.map((code) => {
    const item = document.createElement('li');
    const choice = Object.assign(document.createElement('button'), { type: 'button', value: code });
    choice.textContent = (STATES[code] ?? code) + ' (' + data.partnerships.filter((p) => p.state === code).length + ')';
    choice.setAttribute('aria-pressed', 'false');
    item.append(choice);
    return item;
  }),
);
const card = (p) => {
  const article = document.createElement('article');
  const name = document.createElement('h3');
  name.textContent = p.name;
  const summary = document.createElement('p');
  summary.textContent = p.summary;
  article.append(name, summary);
  return article;
};
const render = () => {
  const shown = data.partnerships.filter((p) => (!chosen.sector || p.sector === chosen.sector) && (!chosen.state || p.state === chosen.state));
  main.replaceChildren(...shown.map(card));
  status.textContent = 'Showing ' + shown.length + ' of ' + data.partnerships.length + ' partnerships';
};
sectors.addEventListener('change', (event) => {
  chosen.sector = event.target.value;
  render();
});
states.addEventListener('click', (event) => {
  const choice = event.target.closest('button');
  if (!choice) return;
  chosen.state = chosen.state === choice.value ? '' : choice.value;
  for (const other of states.querySelectorAll('button')) other.setAttribute('aria-pressed', String(other.value === chosen.state));
  render();
});
render();
`,
);

const servers = [
  await serveStatic({ dir: DIST, port: 4199 }),
  await serveStatic({ dir: staticDir, port: 4200 }),
  await serveStatic({ dir: peerDir, port: 4201 }),
];
const PAGES = { app: `http://127.0.0.1:4199/explorer/${LIST_PATH ? `?data=${LIST_PATH}` : ''}`, static: 'http://127.0.0.1:4200/explorer/', peer: 'http://127.0.0.1:4201/explorer/' };

/** What a choice must end in: exactly these cards, and the status line's count. */
const answerFor = (keep) => {
  const names = data.partnerships.filter(keep).map((p) => p.name);
  return { names, count: `${names.length} of ${data.partnerships.length}` };
};
const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SECTOR = data.sectors.find((s) => s.id === 'healthcare') ?? data.sectors[0];
const STATE = data.partnerships[0].state;
const STATE_NAME = STATES[STATE] ?? STATE;
// The second choice's state: one with a partnership of the sector.
const SECOND_STATE = (data.partnerships.find((p) => p.sector === SECTOR.id) ?? data.partnerships[0]).state;
const SECOND_STATE_NAME = STATES[SECOND_STATE] ?? SECOND_STATE;
const stateButton = (name) => (panel, kind) =>
  (kind === 'app' ? panel.getByRole('group', { name: 'Map of states' }) : panel).getByRole('button', { name: new RegExp(`^${literal(name)}\\b`) });
const CHOICES = {
  sector: {
    answer: answerFor((p) => p.sector === SECTOR.id),
    // The radio itself may be visually hidden: a person taps its label's words.
    targets: [(panel) => panel.locator('label').filter({ hasText: new RegExp(`^\\s*${literal(SECTOR.label)}\\b`) })],
  },
  state: {
    answer: answerFor((p) => p.state === STATE),
    // The app's tile on the map (accessible name "Louisiana: 1 partnership");
    // the peer's button in its list ("Louisiana (1)").
    targets: [stateButton(STATE_NAME)],
  },
  second: {
    answer: answerFor((p) => p.sector === SECTOR.id && p.state === SECOND_STATE),
    targets: [(panel) => panel.locator('label').filter({ hasText: new RegExp(`^\\s*${literal(SECTOR.label)}\\b`) }), stateButton(SECOND_STATE_NAME)],
  },
};

const browser = await launchChromium();
const consoleErrors = new Map();

/**
 * One cold visit of `kind`: ms from navigation to the first visible card and
 * (the app) to its takeover; with `choice` ('sector' or 'state'), tapped as a
 * person would, also to the choice answered, and when each tap landed.
 */
async function visit(kind, choice) {
  const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
  const page = await context.newPage();
  const note = (text) => consoleErrors.set(`${kind}: ${text}`, (consoleErrors.get(`${kind}: ${text}`) ?? 0) + 1);
  page.on('console', (message) => message.type() === 'error' && note(`${message.text().slice(0, 300)} (${message.location().url || 'no url'})`));
  page.on('pageerror', (error) => note(String(error).slice(0, 300)));
  await throttle(context, page);
  await page.addInitScript((answer) => {
    const root = () => document.getElementById('app') ?? document;
    // Shown: rendered and not hidden by the page (a card laid out and styled;
    // the stylesheet blocks rendering, so the first frame that has it paints it).
    // Asked of the card's outermost element (the app's list item, the others'
    // article): the app's list items skip their inside while out of view
    // (content-visibility), and a question about an element in there makes
    // the browser style and lay it out after all, which the page itself never
    // does (230 ms for 40 cards at a 4x slower CPU).
    const outer = (a) => (a.parentElement?.localName === 'li' ? a.parentElement : a);
    const visible = (a) => outer(a).checkVisibility({ visibilityProperty: true }) && outer(a).getBoundingClientRect().height > 0;
    const articles = () => [...root().querySelectorAll('article')];
    const shown = () => articles().filter(visible);
    const answered = () => {
      const names = shown().map((a) => a.querySelector('h3')?.textContent.trim());
      const status = document.querySelector('.status-line')?.textContent ?? '';
      return names.length === answer.names.length && names.every((n) => answer.names.includes(n)) && new RegExp(`\\b${answer.count}\\b`).test(status);
    };
    // Where each tap landed: on the prerendered page (shell.js) or on the app.
    window.__taps = [];
    addEventListener(
      'pointerdown',
      (event) => window.__taps.push({ at: performance.now(), on: document.querySelector('#app[data-prerendered]') ? 'prerendered' : 'live', type: event.pointerType }),
      true,
    );
    // The probe must not slow the page it measures: it once took 270-340 ms
    // of a visit to a page of 40 full cards at a 4x slower CPU (16-49 ms on
    // the peer), delaying the page's scripts and the taps. So, besides asking
    // of the cards' outer elements: checked in a frame only if the page has
    // changed since the last check (nothing else shows or hides a card here);
    // the first card's check stops at the first one shown; and the answer is
    // looked for only once a tap has been made (none can show before).
    // __probe keeps its own cost, which the report shows.
    let changed = true;
    new MutationObserver(() => (changed = true)).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    window.__probe = 0;
    const tick = () => {
      const now = performance.now();
      const app = document.getElementById('app');
      if (changed) {
        changed = false;
        if (window.__card === undefined && articles().some(visible)) window.__card = now;
        const live = app && (app.classList.contains('settled') || (!app.hasAttribute('data-prerendered') && app.querySelector('article')));
        if (window.__ready === undefined && live) window.__ready = now;
        if (answer && window.__card !== undefined && window.__answered === undefined && window.__taps.length && answered()) window.__answered = now;
        window.__probe += performance.now() - now;
      }
      const done = window.__card !== undefined && (window.__ready !== undefined || (document.body && !app)) && (!answer || window.__answered !== undefined);
      if (!done) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, choice ? CHOICES[choice].answer : null);
  const times = {};
  try {
    // No waiting for `load`: a person taps when there is something to see.
    await page.goto(PAGES[kind], { waitUntil: 'commit', timeout: 120_000 });
    await page.waitForFunction(() => window.__card !== undefined, null, { polling: 'raf', timeout: 120_000 });
    if (choice) {
      const button = page.locator('#filters-button');
      await button.tap({ timeout: TAP_TIMEOUT });
      const panel = page.locator(`[id="${(await button.getAttribute('aria-controls', { timeout: TAP_TIMEOUT })) ?? 'filter-panel'}"]`);
      for (const [step, target] of CHOICES[choice].targets.entries()) {
        // A person reopens the panel if a choice closed it.
        if (step > 0 && (await button.getAttribute('aria-expanded')) === 'false') await button.tap({ timeout: TAP_TIMEOUT });
        await target(panel, kind).tap({ timeout: TAP_TIMEOUT });
      }
      // A choice never answered counts as such, not as a hang.
      await page.waitForFunction(() => window.__answered !== undefined, null, { polling: 'raf', timeout: ANSWER_TIMEOUT }).catch(() => {});
    } else if (kind === 'app') {
      await page.waitForFunction(() => window.__ready !== undefined, null, { polling: 'raf', timeout: 120_000 });
    }
  } catch (error) {
    times.failure = String(error.message ?? error).split('\n')[0];
  }
  Object.assign(times, await page.evaluate(() => ({ card: window.__card, ready: window.__ready, answered: window.__answered ?? Infinity, taps: window.__taps, probe: window.__probe })).catch(() => ({})));
  await context.close();
  return times;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const card = { app: [], static: [] };
// The peer's first card (on its sector-choice visits): a partner list's reference.
const peerCard = [];
const ready = [];
const CHOSEN = Object.keys(CHOICES);
const byChoice = () => Object.fromEntries(CHOSEN.map((choice) => [choice, { app: [], peer: [] }]));
const answered = byChoice();
const taps = byChoice();
const failures = [];
// The probe's own main-thread time in each timed visit, by page.
const probes = { app: [], static: [], peer: [] };
const record = (what, kind, t, run) => {
  if (t.failure) failures.push(`${what}, ${kind}, run ${run + 1}: ${t.failure}`);
  if (Number.isFinite(t.probe)) probes[kind].push(t.probe);
  return t;
};
try {
  // One untimed visit of each first: the browser's own start-up is no page's cost.
  for (const kind of ['app', 'static', 'peer']) await visit(kind, kind === 'static' ? undefined : 'sector');
  consoleErrors.clear();
  for (let run = 0; run < RUNS; run++) {
    // Alternate, so slow moments of a noisy machine hit both alike.
    for (const kind of run % 2 ? ['static', 'app'] : ['app', 'static']) {
      const t = record('first card', kind, await visit(kind), run);
      card[kind].push(t.card ?? Infinity);
      if (kind === 'app') ready.push(t.ready ?? Infinity);
    }
    for (const choice of CHOSEN) {
      for (const kind of run % 2 ? ['peer', 'app'] : ['app', 'peer']) {
        const t = record(`${choice} choice`, kind, await visit(kind, choice), run);
        answered[choice][kind].push(t.failure ? Infinity : t.answered);
        if (kind === 'peer' && choice === 'sector') peerCard.push(t.card ?? Infinity);
        taps[choice][kind].push(t);
      }
    }
  }
} finally {
  await browser.close();
  for (const server of servers) server.close();
  rmSync(staticDir, { recursive: true, force: true });
  rmSync(peerDir, { recursive: true, force: true });
  if (LIST_PATH) rmSync(DIST, { recursive: true, force: true });
}

const fmt = (v) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : 'none');
const msOf = (v) => (Number.isFinite(v) ? `${fmt(v)} ms` : 'none');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) ? `${(a / b).toFixed(2)}x` : 'n/a');
const MEASURES = [
  { name: 'first card', app: card.app, ref: card.static, refName: 'static page', target: 1.3 },
  { name: 'first sector choice', choice: 'sector', app: answered.sector.app, ref: answered.sector.peer, refName: 'plain-JS peer', target: LIST_PATH ? 1.5 : 1.0, tapped: `Filters, then "${SECTOR.label}"` },
  { name: 'every control live (a state tile)', choice: 'state', app: answered.state.app, ref: answered.state.peer, refName: 'plain-JS peer', target: 1.5, tapped: `Filters, then ${STATE_NAME}` },
  { name: 'a second choice (sector, then state)', choice: 'second', app: answered.second.app, ref: answered.second.peer, refName: 'plain-JS peer', target: 1.3, tapped: `Filters, "${SECTOR.label}", then ${SECOND_STATE_NAME}` },
  { name: 'controls live', app: ready },
];
// A partner's list beside the explorer (`--data`) is fetched, as the peer's
// is: its first card is measured against the peer's too (issue 27: at most 2x).
if (LIST_PATH) MEASURES.splice(1, 0, { name: 'first card (against the peer)', app: card.app, ref: peerCard, refName: 'plain-JS peer', target: 2.0 });

console.log(
  `First view on a phone (${PHONE.viewport.width}x${PHONE.viewport.height}, touch, device scale ${PHONE.deviceScaleFactor}), ${RUNS} cold visits each, alternating; ` +
    `gzip; throttled: ${THROTTLE.latency} ms latency, 1.6 Mbit/s down, 750 kbit/s up, CPU ${THROTTLE.cpu}x slower`,
);
console.log(`build: ${BUILD}${LIST_PATH ? `, at ?data=${LIST_PATH} (${data.partnerships.length} entries)` : ''}; state tile: ${STATE_NAME} (${CHOICES.state.answer.names.length} card), sector: ${SECTOR.label} (${CHOICES.sector.answer.names.length} cards)`);
console.log('');
const row = (cells) => console.log(cells.map(([text, width]) => (width < 0 ? String(text).padEnd(-width) : String(text).padStart(width))).join('  '));
row([['median ms from navigation', -38], ['app', 7], ['reference', -14], ['', 7], ['ratio', 6], ['target', 7]]);
for (const m of MEASURES) {
  const app = median(m.app);
  const ref = m.ref ? median(m.ref) : undefined;
  row([[m.name, -38], [fmt(app), 7], [m.ref ? m.refName : '-', -14], [m.ref ? fmt(ref) : '', 7], [m.ref ? ratio(app, ref) : '', 6], [m.target ? `<= ${m.target.toFixed(1)}x` : '', 7]]);
}
console.log('');
console.log('all runs (ms):');
for (const m of MEASURES) {
  console.log(`  ${m.name}: app ${m.app.map(fmt).join(' ')}${m.ref ? ` | ${m.refName} ${m.ref.map(fmt).join(' ')}` : ''}`);
}
// When the taps landed: their waits are part of the path; "prerendered" means
// the tap reached the page before the app had taken it over (shell.js answered).
console.log('taps (ms from navigation, per run: Filters / choice, where the tap landed):');
for (const { choice, tapped: label } of MEASURES.filter((m) => m.tapped)) {
  for (const kind of ['app', 'peer']) {
    const cells = taps[choice][kind].map((t) => {
      const where = (tap) => `${fmt(tap.at)}${kind === 'app' ? ` ${tap.on === 'prerendered' ? 'P' : 'L'}` : ''}`;
      return `${fmt(t.card)}: ${(t.taps ?? []).map(where).join(' / ') || '-'}`;
    });
    console.log(`  ${label}, ${kind} (first card: each tap): ${cells.join(' | ')}`);
  }
}
console.log('  (P: landed on the prerendered page, answered by shell.js or carried to the app; L: landed on the live app)');
// What measuring cost each page: it should stay small beside the times above.
console.log(`the probe's own time a visit (median ms): ${Object.entries(probes).map(([kind, list]) => `${kind} ${list.length ? median(list).toFixed(1) : '-'}`).join(', ')}`);
const lost = (list) => list.filter((v) => !Number.isFinite(v)).length;
for (const m of MEASURES.filter((m) => m.tapped)) {
  if (lost(m.app) || lost(m.ref)) console.log(`${m.name}: not answered within ${ANSWER_TIMEOUT / 1000} s or a tap failed: app ${lost(m.app)} of ${RUNS}, peer ${lost(m.ref)} of ${RUNS}`);
}
for (const failure of failures) console.log(`FAILED ${failure}`);
if (consoleErrors.size) {
  console.log('console errors:');
  for (const [text, count] of consoleErrors) console.log(`  ${count}x ${text}`);
}
console.log('');
for (const m of MEASURES) {
  const app = median(m.app);
  if (!m.ref) {
    console.log(`${m.name}: app ${msOf(app)}`);
    continue;
  }
  const ref = median(m.ref);
  const short = m.refName === 'static page' ? 'static' : 'peer';
  console.log(`${m.name}: app ${msOf(app)}, ${short} ${msOf(ref)}: ${ratio(app, ref)} (target ≤ ${m.target.toFixed(1)}x)`);
}
