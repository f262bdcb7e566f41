// The first view is the view the address asks for: recorded frame by frame
// from navigation, on a slow phone (150 ms, 1.6 Mbit/s, CPU 4x slower), no
// frame shows a card, a count or a title of another view, and an embed's
// frame never grows past its final height.
import { createServer } from 'node:http';
import { test, expect } from '@playwright/test';
import { DATASET, HOST_OF_THIS_LIST, OTHER_STATE, SECTOR, collectErrors, firstCards, inSector, inState, settledIn } from './helpers.js';

test.describe.configure({ timeout: 90_000 });

/** Throttles `page` as a new visitor on a slow phone meets the site. */
async function throttle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

/** From the first frame: the cards, the count and the title each frame shows. */
function recordFrames() {
  window.__frames = [];
  const shown = (element) => element.checkVisibility();
  const record = () => {
    const cards = [...document.querySelectorAll('main article')].filter(shown).map((card) => card.id);
    const status = [...document.querySelectorAll('.status-line')].filter(shown).map((e) => e.textContent);
    const title = [...document.querySelectorAll('h1')].filter(shown).map((e) => e.textContent);
    window.__frames.push({ cards: cards.join(' '), status: status.join(' '), title: title.join(' ') });
    requestAnimationFrame(record);
  };
  requestAnimationFrame(record);
  window.__shifts = [];
  const describe = (node) => `${node?.nodeName}${node?.id ? `#${node.id}` : ''}.${node?.className ?? ''}`;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      const sources = entry.sources.map((s) => `${describe(s.node)} ${JSON.stringify(s.previousRect)} → ${JSON.stringify(s.currentRect)}`);
      window.__shifts.push({ value: entry.value, at: Math.round(entry.startTime), sources });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** Every frame's cards, count and title are either none or the final view's. */
function expectOnlyTheFinalView(frames) {
  const last = frames.at(-1);
  expect(last.cards).not.toBe('');
  for (const key of ['cards', 'status', 'title']) {
    const stray = [...new Set(frames.map((f) => f[key]).filter((v) => v !== '' && v !== last[key]))];
    expect(stray, `${key} of another view`).toEqual([]);
  }
}

const ids = (list) => list.map((p) => p.id).join(' ');
const twoEntries = { ...DATASET, title: 'Two partnerships of a partner', partnerships: DATASET.partnerships.slice(3, 5) };

// Each address and the cards (those before "Show more") and title of its view.
const ADDRESSES = {
  [`?sector=${SECTOR.id}`]: [ids(firstCards(inSector(SECTOR.id))), DATASET.title],
  [`?state=${OTHER_STATE}&embed=1`]: [ids(firstCards(inState(OTHER_STATE))), DATASET.title],
  '?sort=state': [ids(firstCards(DATASET.partnerships, 'state')), DATASET.title],
  '?data=data/two.json': [ids(twoEntries.partnerships), twoEntries.title],
};

for (const [address, [expected, title]] of Object.entries(ADDRESSES)) {
  test(`${address}: no frame shows a card, a count or a title of another view`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.route('**/data/two.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(twoEntries) }));
    await throttle(page);
    await page.addInitScript(recordFrames);
    await page.goto(`./${address}`);
    await settledIn(page);
    const frames = await page.evaluate(() => window.__frames);
    expectOnlyTheFinalView(frames);
    const last = frames.at(-1);
    const sorted = (list) => list.split(' ').sort();
    expect(sorted(last.cards)).toEqual(sorted(expected));
    expect(last.title).toBe(title);
    // The right view comes in place of "Loading this view…" without moving anything.
    // CLS 0 as Lighthouse reports it (three decimals), with a hundredfold
    // margin: one clean-clone run saw 0.0000016 here once (a sliver of some
    // element; not seen in some 150 runs since), which no one can see and which
    // Lighthouse reports as 0. Every shift is noted with what moved, so that
    // a next one can be found.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const shifts = await page.evaluate(() => window.__shifts);
    for (const shift of shifts) test.info().annotations.push({ type: 'layout shift', description: JSON.stringify(shift) });
    const cls = shifts.reduce((sum, shift) => sum + shift.value, 0);
    expect(cls, JSON.stringify(shifts, null, 1)).toBeLessThan(0.00001);
    expect(errors).toEqual([]);
  });
}

test('a partner page with two embeds: each frame settles once, never taller than its final height', async ({ page }) => {
  await throttle(page);
  await page.addInitScript(() => {
    window.__heights = { 'state-embed': [], 'sector-embed': [] };
    const record = () => {
      for (const [id, list] of Object.entries(window.__heights)) {
        const frame = document.querySelector(`#${id} iframe`);
        if (frame && list.at(-1) !== frame.getAttribute('height')) list.push(frame.getAttribute('height'));
      }
      requestAnimationFrame(record);
    };
    requestAnimationFrame(record);
  });
  // Both frames in view (lazy iframes load only there): a tall window.
  await page.setViewportSize({ width: 1280, height: 4000 });
  await page.goto(HOST_OF_THIS_LIST);
  for (const id of ['state-embed', 'sector-embed']) {
    const frame = page.frameLocator(`#${id} iframe`);
    await expect(frame.locator('#app.settled')).toHaveCount(1, { timeout: 60_000 });
  }
  // A moment for the last height message to arrive.
  await page.waitForTimeout(1000);
  const heights = await page.evaluate(() => window.__heights);
  for (const [id, list] of Object.entries(heights)) {
    // The attribute's first value (embed.js's default), then the explorer's one height.
    expect(list.length, `${id}: ${list.join(' → ')}`).toBeLessThanOrEqual(2);
    const last = Number(list.at(-1));
    expect(last, id).toBeGreaterThan(300);
    expect(Math.max(...list.map(Number)), `${id}: ${list.join(' → ')}`).toBe(last);
  }
});

test('at a desktop width, a page that arrives in parts moves nothing as it grows taller than the window', async ({ playwright }) => {
  // Scrollbars that take room, as desktop Chromium on Linux or Windows shows
  // them (Playwright's headless Chromium hides them).
  const browser = await playwright.chromium.launch({ ...test.info().project.use.launchOptions, ignoreDefaultArgs: ['--hide-scrollbars'] });
  // The page's HTML in two parts, as a slow network delivers it: first up to
  // the end of the intro (a page shorter than the window), the rest later;
  // every other file as the test server sends it.
  const upstream = 'http://127.0.0.1:4180';
  const server = createServer(async (request, response) => {
    const answer = await fetch(upstream + request.url);
    const headers = Object.fromEntries([...answer.headers].filter(([name]) => !/^(content-encoding|content-length|transfer-encoding)$/.test(name)));
    response.writeHead(answer.status, headers);
    const body = Buffer.from(await answer.arrayBuffer());
    if (request.url !== '/explorer/') return response.end(body);
    const html = body.toString();
    const cut = html.indexOf('</section>', html.indexOf('class="intro')) + '</section>'.length;
    response.write(html.slice(0, cut));
    setTimeout(() => response.end(html.slice(cut)), 600);
  });
  await new Promise((listening) => server.listen(4185, '127.0.0.1', listening));
  try {
    const page = await browser.newPage({ viewport: { width: 1350, height: 940 } });
    await page.addInitScript(recordFrames);
    await page.addInitScript(() => {
      window.__heights = [];
      const record = () => {
        window.__heights.push(document.documentElement.scrollHeight);
        requestAnimationFrame(record);
      };
      requestAnimationFrame(record);
    });
    await page.goto('http://127.0.0.1:4185/explorer/');
    await settledIn(page);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const { heights, shifts, scrollbar } = await page.evaluate(() => ({
      heights: window.__heights,
      shifts: window.__shifts,
      scrollbar: window.innerWidth - document.documentElement.clientWidth,
    }));
    // What this test is about happened: a frame of the page no taller than
    // the window, then taller, with a scrollbar that takes room. (Without the
    // kept gutter, the centred blocks moved 7.5 px: a shift of 0.0015, as
    // Lighthouse's desktop run measured now and then.)
    expect(Math.min(...heights), 'a frame of the first part alone').toBeLessThanOrEqual(940);
    expect(Math.max(...heights)).toBeGreaterThan(940);
    expect(scrollbar).toBeGreaterThan(0);
    const cls = shifts.reduce((sum, shift) => sum + shift.value, 0);
    expect(cls, JSON.stringify(shifts, null, 1)).toBeLessThan(0.00001);
  } finally {
    server.close();
    await browser.close();
  }
});
