// Benchmark at scale: the release build (dist/) with a synthetic dataset of
// N partnerships (default 10,000), in headless Chromium. Prints the time from
// navigation to the first cards on screen, and the median and 95th percentile
// time from a filter click or a keystroke to the next paint.
//
//   node scripts/bench.mjs [--entries 10000] [--rounds 20] [--dist DIR] [--width 1280]
//
// Each kind of interaction is timed in a visit of its own, in a fresh browser
// context with service workers blocked. Blocked, because the app's service
// worker fetches the list itself, where this script's request interception
// cannot answer: a page it controls (any visit after the first in a context)
// would show the site's own list of 11, not the N synthetic ones. Until
// 2026-12-06 this bench reloaded the page between kinds in one context, so
// only the first kind (sector click) met 10,000 partnerships. The script
// checks the status line of every visit.
//
// --dist benches another build (default dist/): to compare two builds, copy
// one aside and run the two in turn, alternating, on the same machine.
// --width sets the window's width (900 px high), such as 375 for a phone's
// layout (no throttling: the same machine, a narrower page).
//
// Each round starts on a page at rest (requestIdleCallback): a person does
// not click again within milliseconds of a paint. IDLE=0 times the rounds
// back to back, as the bench did before 2026-12-06.
//
// The synthetic dataset is generated here and served by request interception:
// it is never written into dist/. Figures vary with the machine; compare runs
// made on the same machine.
import { launchChromium } from './chromium.mjs';
import { serveStatic } from './serve-static.mjs';
import { synthetic } from './synthetic.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const ENTRIES = opt('--entries', 10_000);
const ROUNDS = opt('--rounds', 20);
const DIST = argv.includes('--dist') ? argv[argv.indexOf('--dist') + 1] : 'dist';
const WIDTH = opt('--width', 1280);
const PORT = 4198;
const IDLE = process.env.IDLE !== '0';

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const fmt = (ms) => `${ms.toFixed(1).padStart(7)} ms`;

const body = synthetic(ENTRIES);
const server = await serveStatic({ dir: DIST, prefix: '/explorer/', port: PORT });
try {
  const browser = await launchChromium();
  // Asked for as a partner's list (?data=): without it the page's own dataset is used.
  const url = `http://127.0.0.1:${PORT}/explorer/?data=data/partnerships.json`;

  // Each interaction runs inside the page: the time from the event to the next
  // paint (a frame, then a task after it), with no driver round trip included.
  const interactions = {
    'sector click': () => {
      const radios = [...document.querySelectorAll('[role=radiogroup] input')];
      window.__i = ((window.__i ?? 0) + 1) % radios.length;
      radios[window.__i].click();
    },
    'state click': () => {
      const tiles = [...document.querySelectorAll('.state-map button')];
      window.__s = ((window.__s ?? 0) + 7) % tiles.length;
      tiles[window.__s].click();
    },
    'topic toggle': () => {
      const buttons = [...document.querySelectorAll('[aria-labelledby=topics-label] button')];
      window.__t = ((window.__t ?? 0) + 3) % buttons.length;
      buttons[window.__t].click();
    },
    keystroke: () => {
      const input = document.querySelector('input[type=search]');
      const word = 'nursing';
      input.value = input.value.length >= word.length ? '' : word.slice(0, input.value.length + 1);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
  };

  /** A visit in a browser context of its own: the time to the first cards,
   *  the status and cards shown, and ROUNDS timings of `action`. */
  const visit = async (action) => {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route('**/data/partnerships.json', (route) => route.fulfill({ contentType: 'application/json', body }));
    // Record when the app's first cards (of the synthetic data, not the
    // prerendered page it replaces) are in the DOM and then painted.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const app = document.getElementById('app');
        if (app && !app.hasAttribute('data-prerendered') && document.querySelector('main article')) {
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => { window.__firstCards = performance.now(); }));
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(url);
    await page.waitForFunction(() => window.__firstCards !== undefined, null, { timeout: 120_000 });
    // The app has taken the page and settled in (every card laid out): the
    // interactions are timed on the app, never on the prerendered page it
    // replaces (whose own cards match `main article` too) or during its start.
    await page.waitForFunction(() => document.querySelector('#app.settled:not([data-prerendered])'), null, { timeout: 120_000 });
    const firstCards = await page.evaluate(() => window.__firstCards);
    const shown = await page.locator('main article').count();
    const status = (await page.locator('.status-line').textContent())?.trim() ?? '';
    // "Showing 10000 of 10000 partnerships" (or with thousands separators).
    if (!status.replaceAll(',', '').startsWith(`Showing ${ENTRIES} of ${ENTRIES}`)) {
      throw new Error(`the page shows "${status}", not the ${ENTRIES} synthetic partnerships`);
    }
    const times = [];
    for (let i = 0; i < ROUNDS; i++) {
      // Each round starts on a page at rest, as a person's next click or key
      // comes at least a frame or two after the last answer: what the page
      // does in the tasks right after a paint (the rest of a change's cards)
      // is not timed as part of the next interaction (IDLE=0: back to back).
      if (IDLE) await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 })));
      times.push(
        await page.evaluate(
          (src) =>
            new Promise((resolve) => {
              const t0 = performance.now();
              (0, eval)(`(${src})`)();
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
            }),
          action.toString(),
        ),
      );
    }
    await context.close();
    return { firstCards, shown, status, times };
  };

  const results = {};
  let first;
  for (const [name, action] of Object.entries(interactions)) {
    const done = await visit(action);
    first ??= done;
    results[name] = done.times;
  }
  await browser.close();

  console.log(`Partnership Explorer benchmark: ${ENTRIES} partnerships, release build in ${DIST}/, headless Chromium, ${WIDTH} px wide`);
  console.log(`first load: ${first.status}, ${first.shown} cards rendered`);
  console.log(`navigation -> first cards painted: ${fmt(first.firstCards)}`);
  console.log(`${'interaction -> next paint'.padEnd(28)} ${'median'.padStart(10)} ${'p95'.padStart(10)} ${'max'.padStart(10)}   (${ROUNDS} each, a visit each)`);
  const all = [];
  for (const [name, values] of Object.entries(results)) {
    all.push(...values);
    console.log(`${name.padEnd(28)} ${fmt(percentile(values, 50))} ${fmt(percentile(values, 95))} ${fmt(Math.max(...values))}`);
  }
  console.log(`${'all interactions'.padEnd(28)} ${fmt(percentile(all, 50))} ${fmt(percentile(all, 95))} ${fmt(Math.max(...all))}`);
} finally {
  server.close();
}
