// Long tasks of the app's start, from a Chromium trace: what each main-thread
// task longer than --min ms did (the largest events inside it). Unthrottled:
// Lighthouse's simulated mobile run counts these about 4 times longer.
// --lighthouse traces what Lighthouse traces: its JavaScript sampling alone
// makes the wasm's tasks about twice as long, and those are the durations
// Lighthouse multiplies (keep each under ~12 ms there for no blocking time).
//
// --phone runs it as scripts/first-view-bench.mjs visits (412x823, touch, 150 ms latency,
// 1.6 Mbit/s, a 4x slower CPU), so a task's time there matches the bench's timeline;
// --dist DIR traces another build (a published list's folder, a copy set aside).
//
//   node scripts/tasks.mjs [--min 8] [--runs 3] [--lighthouse] [--phone] [--dist DIR] [--query Q]   (needs a release build)
import { launchChromium, PHONE, throttle } from './chromium.mjs';
import { serveStatic } from './serve-static.mjs';

const argv = process.argv.slice(2);
const text = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const opt = (name, fallback) => (argv.includes(name) ? Number(text(name)) : fallback);
const MIN = opt('--min', 8);
const DIST = text('--dist', 'dist');
// As the first-view bench's phone (chromium.mjs: PHONE, THROTTLE).
const AS_PHONE = argv.includes('--phone');
const RUNS = opt('--runs', 3);
// --query '?data=data/partner-40.json' traces another address of the build (the
// list must be in the build's folder, e.g. node scripts/synthetic.mjs 40 > dist/data/partner-40.json).
const QUERY = text('--query', '');
const PORT = 4197;
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel'];
if (argv.includes('--lighthouse')) CATEGORIES.push('v8', 'disabled-by-default-v8.compile', 'disabled-by-default-v8.cpu_profiler');

const server = await serveStatic({ dir: DIST, prefix: '/explorer/', port: PORT });
try {
  const browser = await launchChromium();
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ serviceWorkers: 'block', ...(AS_PHONE ? PHONE : {}) });
    const page = await context.newPage();
    page.on('console', (m) => console.log(`  console: ${m.text()}`));
    if (AS_PHONE) await throttle(context, page);
    await browser.startTracing(page, { categories: CATEGORIES });
    const t0 = Date.now();
    await page.goto(`http://127.0.0.1:${PORT}/explorer/${QUERY}`);
    await page.waitForFunction(() => !document.getElementById('app')?.hasAttribute('data-prerendered'));
    await page.waitForTimeout(300);
    const trace = JSON.parse((await browser.stopTracing()).toString());
    const events = trace.traceEvents ?? trace;
    // The renderer's main thread: where the navigation's document was parsed.
    const parse = events.find((e) => e.name === 'ParseHTML');
    const main = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X');
    const tasks = main.filter((e) => e.name === 'RunTask' && e.dur >= MIN * 1000);
    const start = Math.min(...main.map((e) => e.ts));
    // performance.now() counts from the navigation start: the same origin here.
    const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args?.data?.documentLoaderURL?.includes('/explorer/'));
    const navStart = nav ? nav.ts : start;
    console.log(`run ${run + 1} (${Date.now() - t0} ms wall)`);
    for (const task of tasks) {
      const inside = main.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e.dur >= 1000);
      const what = inside
        .sort((a, b) => b.dur - a.dur)
        .slice(0, 6)
        .map((e) => `${e.name}${e.args?.data?.url ? ' ' + e.args.data.url.split('/').pop() : ''}${e.args?.data?.functionName ? ' ' + e.args.data.functionName : ''} ${(e.dur / 1000).toFixed(1)}`)
        .join(' | ');
      console.log(`  at ${((task.ts - navStart) / 1000).toFixed(0).padStart(5)} ms  ${(task.dur / 1000).toFixed(1).padStart(6)} ms  ${what}`);
    }
    await context.close();
  }
  await browser.close();
} finally {
  server.close();
}
