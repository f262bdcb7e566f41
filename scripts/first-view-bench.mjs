// First-view benchmark: the release build against a plain static HTML page with
// the same cards, on a throttled phone-like connection (Chrome DevTools Protocol:
// 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up, CPU 4x slower), each visit
// cold (a fresh browser context). Pages load alternately, RUNS times each.
// Prints the median time from navigation to the first visible card for each,
// their ratio (target: at most 1.3), and when the app's controls respond.
//
//   node scripts/first-view-bench.mjs [--runs 7]
//
// The static page is dist/index.html with every script removed (the
// prerendered cards, generated from the same data, and the same stylesheet),
// written to a temporary copy of dist/, never into dist/.
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
const staticDir = mkdtempSync(join(tmpdir(), 'explorer-static-'));
cpSync('dist', staticDir, { recursive: true });
const plain = html
  .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
  .replace(/<link\b[^>]*\b(modulepreload|preload|manifest)\b[^>]*>/g, '')
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
writeFileSync(join(staticDir, 'index.html'), plain);
rmSync(join(staticDir, 'sw.js'));

const servers = [await serveStatic({ dir: 'dist', port: 4199 }), await serveStatic({ dir: staticDir, port: 4200 })];
const PAGES = { app: 'http://127.0.0.1:4199/explorer/', static: 'http://127.0.0.1:4200/explorer/' };

const browser = await launchChromium();

/** One cold visit: ms from navigation to the first visible card, and to the app's takeover. */
async function visit(url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...THROTTLE });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpu });
  await page.addInitScript(() => {
    // Checked every frame: a card is visible once it is laid out and styled
    // (the stylesheet blocks rendering, so the first frame that has it paints it).
    const tick = () => {
      const now = performance.now();
      const card = document.querySelector('main article');
      if (window.__card === undefined && card && card.getBoundingClientRect().height > 0) window.__card = now;
      const app = document.getElementById('app');
      if (window.__ready === undefined && app && !app.hasAttribute('data-prerendered') && card) window.__ready = now;
      if (window.__card === undefined || window.__ready === undefined) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(() => window.__card !== undefined, null, { timeout: 120_000 });
  const isApp = url === PAGES.app;
  if (isApp) await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 120_000 });
  const times = await page.evaluate(() => ({ card: window.__card, ready: window.__ready }));
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
try {
  for (let run = 0; run < RUNS; run++) {
    // Alternate, so slow moments of a noisy machine hit both alike.
    for (const kind of run % 2 ? ['static', 'app'] : ['app', 'static']) {
      const t = await visit(PAGES[kind]);
      card[kind].push(t.card);
      if (kind === 'app') ready.push(t.ready);
    }
  }
} finally {
  await browser.close();
  for (const server of servers) server.close();
  rmSync(staticDir, { recursive: true, force: true });
}

const ms = (v) => `${v.toFixed(0).padStart(6)} ms`;
console.log(`First view, ${RUNS} cold visits each, alternating; throttled: ${THROTTLE.latency} ms latency, 1.6 Mbit/s down, 750 kbit/s up, CPU ${THROTTLE.cpu}x slower`);
console.log(`navigation -> first visible card   app ${ms(median(card.app))}   static page ${ms(median(card.static))}   ratio ${(median(card.app) / median(card.static)).toFixed(2)} (target <= 1.3)`);
console.log(`navigation -> controls respond     app ${ms(median(ready))} (the app has taken the page over)`);
console.log(`all runs (ms): app ${card.app.map((v) => v.toFixed(0)).join(' ')} | static ${card.static.map((v) => v.toFixed(0)).join(' ')} | controls ${ready.map((v) => v.toFixed(0)).join(' ')}`);
