// The prerendered first view: in dist/index.html before any script runs,
// readable without JavaScript, and made live by the app (hydrated) without a
// flash, a shift or a duplicate.
import { test, expect } from '@playwright/test';
import {
  DATASET, SECTOR, STATE, STATE_NAMES, TOPIC, WORD,
  cards, collectErrors, firstCards, holdWasm, inSector, inState, inTopic, literal, matching, pixelDifference, settledIn,
} from './helpers.js';

const ALL = DATASET.partnerships.length;
// The default view's cards: the page lists a batch of them before "Show more".
const FIRST = firstCards(DATASET.partnerships);
const holdApp = holdWasm;
// A sector's radio and a state's tile on the map, by their names.
const sectorRadio = (page, sector) => page.getByRole('radio', { name: new RegExp(`^${literal(sector.label)} \\(`) });
const stateTile = (page, code) => page.getByRole('button', { name: new RegExp(`^${literal(STATE_NAMES[code])}: `) });
const topicButton = (page, topic) => page.getByRole('group', { name: 'Topics' }).getByRole('button', { name: new RegExp(`^${literal(topic.label)} \\(`) });

const tookOver = (page) => expect.poll(() => page.evaluate(() => !document.getElementById('app').hasAttribute('data-prerendered'))).toBe(true);

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page shows every card, the national figures and the state list, styled', async ({ page }) => {
    // A list of a few dozen shows whole (src/components/explorer.rs,
    // `first_batch`); a longer one its first cards, as the note says below.
    await page.goto('./');
    await expect(cards(page)).toHaveCount(FIRST.length);
    for (const p of FIRST) await expect(page.getByRole('heading', { name: p.name, exact: true })).toBeVisible();
    const figures = page.getByRole('list', { name: 'National figures' });
    await expect(figures).toContainText(`over ${DATASET.national.partnerships}`);
    await expect(figures).toContainText(String(DATASET.national.states));
    const states = [...new Set(DATASET.partnerships.map((p) => p.state))];
    const list = page.getByRole('group', { name: 'States' });
    await expect(list.getByRole('button')).toHaveCount(states.length);
    // Chromium parses <noscript> as text when scripts are switched off through the
    // DevTools protocol (as here), so the note is checked in the served HTML.
    const html = await (await page.request.get('./')).text();
    const note = ALL > FIRST.length ? `the first ${FIRST.length} of ${ALL} partnerships are listed below; all of them are in` : 'every partnership is listed below.';
    expect(html).toContain(`<noscript><p class="wrap noscript-note">Filters and search need JavaScript; ${note}`);
    // Styled: the stylesheet applies (cards are boxes, not plain text).
    const radius = await cards(page).first().evaluate((e) => getComputedStyle(e).borderTopLeftRadius);
    expect(radius).not.toBe('0px');
    await expect(page.locator('.site-header')).toBeVisible();
  });
});

test('the app takes the prerendered page over: one card per partnership, never two, and the controls work', async ({ page }) => {
  const errors = collectErrors(page);
  await page.addInitScript(() => {
    window.__mostCards = 0;
    window.__sawLoading = false;
    new MutationObserver(() => {
      window.__mostCards = Math.max(window.__mostCards, document.querySelectorAll('article').length);
      // No flash: the app's loading state never reaches the page.
      window.__sawLoading ||= document.querySelector('[aria-busy="true"]') !== null;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('./');
  await expect(cards(page)).toHaveCount(FIRST.length);
  await tookOver(page);
  expect(await page.evaluate(() => window.__mostCards)).toBe(FIRST.length);
  expect(await cards(page).evaluateAll((list) => list.map((card) => card.id))).toEqual(FIRST.map((p) => p.id));
  expect(await page.evaluate(() => window.__sawLoading)).toBe(false);
  expect(await page.locator('#app').count()).toBe(1);
  await sectorRadio(page, SECTOR).click();
  await expect(cards(page)).toHaveCount(firstCards(inSector(SECTOR.id)).length);
  expect(errors).toEqual([]);
});

test('no layout shift over the load (CLS 0)', async ({ page }) => {
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('./');
    await tookOver(page);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.__shift), `at ${width} px`).toBe(0);
  }
});

// What the visitor sees (the viewport: a full-page capture would not show
// cards out of view, which are laid out only once the app has settled in).
for (const scrolled of [0, 1500]) {
  test(`the takeover and the settling in are pixel-identical, scrolled ${scrolled} px`, async ({ page }) => {
    // Hold the app back: the prerendered page is all there is.
    const release = await holdApp(page);
    await page.goto('./');
    await page.waitForLoadState('load');
    await page.evaluate((y) => window.scrollTo(0, y), scrolled);
    // Two frames, as after the settling in below: cards that scrolling brings
    // near the viewport are laid out in the frame after (content-visibility).
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const before = await page.screenshot();
    release();
    await settledIn(page);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const after = await page.screenshot();
    expect(after.equals(before)).toBe(true);
  });
}

// The layouts of every screen size (side column, Filters button) are the
// prerender's too: the takeover changes nothing a visitor could see.
for (const [width, height] of [[1440, 900], [1280, 800], [1024, 768], [768, 1024], [390, 844], [375, 667]]) {
  test(`the takeover is pixel-identical at ${width}x${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const release = await holdApp(page);
    await page.goto('./');
    await page.waitForLoadState('load');
    const before = await page.screenshot();
    release();
    await settledIn(page);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    // Identical to the eye: at some sizes the rounded corners of a box are
    // antialiased one level (of 255) apart in a few pixels each, a difference
    // of rasterisation, not of layout (positions are equal to 1/64 px). At
    // 768x1024 that is 51 pixels at the corners of the figures, the filters'
    // box and the search field since the page grew by the overview, below
    // the screen (listed by position while finding out).
    const difference = await pixelDifference(page.context(), before, await page.screenshot());
    expect(difference.largest).toBeLessThanOrEqual(1);
    expect(difference.pixels).toBeLessThan(100);
  });
}

test('an address with filters shows them once the app has started, never the stale full list', async ({ page }) => {
  await page.goto(`./?state=${STATE}&sort=launched`);
  await tookOver(page);
  await expect(cards(page)).toHaveCount(firstCards(inState(STATE)).length);
  await expect(stateTile(page, STATE)).toHaveAttribute('aria-pressed', 'true');
});

test('focus, search text and sort chosen before the takeover are carried across', async ({ page }) => {
  const release = await holdApp(page);
  await page.goto('./');
  // In the prerendered page: type a search, choose a sort, stay on the sort menu.
  await page.getByLabel('Search partnerships').fill(WORD);
  await page.getByLabel('Sort by').selectOption('state');
  await page.getByLabel('Sort by').focus();
  release();
  await tookOver(page);
  await expect(page.getByLabel('Sort by')).toBeFocused();
  await expect(page.getByLabel('Search partnerships')).toHaveValue(WORD);
  await expect(cards(page)).toHaveCount(firstCards(matching(WORD)).length);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${WORD}(&|$)`));
  await expect(page.getByLabel('Sort by')).toHaveValue('state');
  await expect(page).toHaveURL(/[?&]sort=state/);
});

test('a sector chosen in the prerendered page before its shell script arrived is applied by the app', async ({ page }) => {
  // On a slow line the cards show well before shell.js: hold it, and the app.
  let releaseShell;
  const shellHeld = new Promise((done) => (releaseShell = done));
  await page.route('**/shell-*.js', async (route) => {
    await shellHeld;
    await route.continue();
  });
  const release = await holdApp(page);
  await page.goto('./', { waitUntil: 'commit' });
  await sectorRadio(page, SECTOR).click();
  await page.getByLabel('Search partnerships').fill(WORD);
  releaseShell();
  await page.waitForFunction(() => [...document.scripts].some((s) => s.src.includes('shell-')));
  await page.waitForLoadState('load');
  release();
  await tookOver(page);
  await expect(page).toHaveURL(new RegExp(`[?&]sector=${SECTOR.id}(&|$)`));
  await expect(sectorRadio(page, SECTOR)).toBeChecked();
  await expect(page.getByLabel('Search partnerships')).toHaveValue(WORD);
  const expected = matching(WORD).filter((p) => p.sector === SECTOR.id);
  expect(expected.length).toBeGreaterThan(0);
  await expect(cards(page)).toHaveCount(firstCards(expected).length);
});

// The prerendered page can answer a sector only with the cards it holds: one
// whose cards are all among the first ones (for our list, any; for a longer
// list, perhaps none, and then the click waits for the app like any other).
const ANSWERED = DATASET.sectors.find((s) => inSector(s.id).length > 0 && inSector(s.id).every((p) => FIRST.includes(p)));

test('a first click on a sector is answered by the prerendered page at once, with the app\'s own answer', async ({ page }) => {
  test.skip(!ANSWERED, `no sector of this list has all its cards among the first ${FIRST.length} the page holds`);
  const release = await holdApp(page);
  await page.goto('./');
  await page.waitForLoadState('load');
  const visible = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('main article')].filter((c) => c.checkVisibility({ visibilityProperty: true })).map((c) => c.id),
    );
  const answer = inSector(ANSWERED.id).map((p) => p.id).sort();
  await sectorRadio(page, ANSWERED).click();
  // The app has not arrived: the prerendered page shows the answer, not "Loading".
  expect(await page.evaluate(() => document.getElementById('app').hasAttribute('data-prerendered'))).toBe(true);
  expect((await visible()).sort()).toEqual(answer);
  await expect(page.locator('.status-line')).toHaveText(`Showing ${answer.length} of ${ALL} partnerships`);
  await expect(page.getByText('Loading this view…')).toBeHidden();
  await expect(page.locator('#app')).not.toHaveAttribute('aria-busy', 'true');
  // Back to all sectors: answered too.
  await page.getByRole('radio', { name: /^All sectors/ }).click();
  expect((await visible()).length).toBe(FIRST.length);
  // A second choice, the sector and then a state with one of its partnerships: answered too.
  const state = inSector(ANSWERED.id)[0].state;
  await sectorRadio(page, ANSWERED).click();
  await stateTile(page, state).click();
  const both = inSector(ANSWERED.id).filter((p) => p.state === state).map((p) => p.id).sort();
  expect((await visible()).sort()).toEqual(both);
  await expect(page.locator('.status-line')).toHaveText(`Showing ${both.length} of ${ALL} partnerships`);
  await expect(page.getByText('Loading this view…')).toBeHidden();
  // The search is not answered here: it waits for the app.
  await page.locator('#search').fill('qqqzzz');
  await expect(page.getByText('Loading this view…')).toBeVisible();
  release();
  await tookOver(page);
  expect(await visible()).toEqual([]);
  await expect(page).toHaveURL(new RegExp(`sector=${ANSWERED.id}&state=${state}&q=qqqzzz`));
});

test('a first click answered by the prerendered page leaves no "Show more" of the whole list', async ({ page }) => {
  test.skip(!ANSWERED || ALL <= FIRST.length, `a list shown whole has no "Show more", or no sector is answered`);
  const release = await holdApp(page);
  await page.goto('./');
  await page.waitForLoadState('load');
  await expect(page.locator('.show-more')).toBeVisible();
  await sectorRadio(page, ANSWERED).click();
  await expect(page.locator('.status-line')).toHaveText(`Showing ${inSector(ANSWERED.id).length} of ${ALL} partnerships`);
  expect(await page.evaluate(() => document.getElementById('app').hasAttribute('data-prerendered'))).toBe(true);
  await expect(page.locator('.show-more')).toBeHidden({ timeout: 1000 });
  release();
});

// A sector with cards the page lacks (a list longer than a batch) is not
// answered with the few it has: the cards give way to "Loading this view…".
const UNANSWERED = DATASET.sectors.find((s) => inSector(s.id).some((p) => !FIRST.includes(p)));

test('a first click on a sector whose cards the prerendered page lacks waits for the app', async ({ page }) => {
  test.skip(!UNANSWERED, `every sector's cards are among the first ${FIRST.length} the page holds`);
  const release = await holdApp(page);
  await page.goto('./');
  await page.waitForLoadState('load');
  await sectorRadio(page, UNANSWERED).click();
  await expect(page.getByText('Loading this view…')).toBeVisible();
  await expect(page.locator('#app')).toHaveAttribute('aria-busy', 'true');
  release();
  await tookOver(page);
  await expect(cards(page)).toHaveCount(firstCards(inSector(UNANSWERED.id)).length);
  await expect(page.locator('.status-line')).toHaveText(`Showing ${inSector(UNANSWERED.id).length} of ${ALL} partnerships`);
});

test('a filter chosen in the prerendered page hides the cards it no longer matches at once, until the app shows the right ones', async ({ page }) => {
  const release = await holdApp(page);
  await page.goto('./');
  await page.waitForLoadState('load');
  const visibleCards = () =>
    page.evaluate(() => [...document.querySelectorAll('main article')].filter((c) => c.checkVisibility({ visibilityProperty: true })).length);
  expect(await visibleCards()).toBe(FIRST.length);
  // A topic: the prerendered page answers a first sector or state itself
  // (hydrate.spec.js), any other filter waits for the app.
  const radio = topicButton(page, TOPIC);
  const filters = page.locator('section.filters');
  await radio.scrollIntoViewIfNeeded();
  const before = [await filters.boundingBox(), (await radio.boundingBox()).y];
  // From the click on, every frame: the visible cards.
  await page.evaluate(() => {
    window.__after = [];
    const record = () => {
      window.__after.push([...document.querySelectorAll('main article')].filter((c) => c.checkVisibility({ visibilityProperty: true })).length);
      requestAnimationFrame(record);
    };
    document.addEventListener('click', () => requestAnimationFrame(record), { once: true, capture: true });
  });
  await radio.click();
  await expect(page.getByText('Loading this view…')).toBeVisible();
  await expect(page.locator('#app')).toHaveAttribute('aria-busy', 'true');
  // The filters stay where they were, under the pointer (a checked chip may
  // be drawn bolder, so only its row is compared).
  expect([await filters.boundingBox(), (await radio.boundingBox()).y]).toEqual(before);
  release();
  await tookOver(page);
  const shown = firstCards(inTopic(TOPIC.id)).length;
  await expect(cards(page)).toHaveCount(shown);
  const after = await page.evaluate(() => window.__after);
  expect(after.length).toBeGreaterThan(0);
  expect(after.filter((n) => n !== 0 && n !== shown)).toEqual([]);
});

// The choices of the next test: the sector, state and a topic of the last
// partnership with two topics or more (so that the view is not empty), and
// another of its topics to click on and off again.
const CHOSEN = DATASET.partnerships.findLast((p) => new Set(p.topics).size >= 2);

test('filters chosen in the prerendered page before the takeover are applied by the app', async ({ page }) => {
  const [sector, state] = [DATASET.sectors.find((s) => s.id === CHOSEN.sector), CHOSEN.state];
  const [kept, dropped] = [...new Set(CHOSEN.topics)].map((id) => DATASET.topics.find((t) => t.id === id));
  const release = await holdApp(page);
  await page.goto('./');
  // Before the app has its data: a sector radio, a state tile, a topic clicked
  // twice (off again), then another topic.
  await sectorRadio(page, sector).click();
  await stateTile(page, state).click();
  await topicButton(page, dropped).click();
  await topicButton(page, dropped).click();
  await topicButton(page, kept).click();
  release();
  await tookOver(page);
  await expect(page).toHaveURL(new RegExp(`[?&]sector=${sector.id}(&|$)`));
  await expect(page).toHaveURL(new RegExp(`[?&]state=${state}(&|$)`));
  await expect(page).toHaveURL(new RegExp(`[?&]topic=${kept.id}(&|$)`));
  await expect(page).not.toHaveURL(new RegExp(`=${dropped.id}(&|$)`));
  const expected = DATASET.partnerships.filter((p) => p.sector === sector.id && p.state === state && p.topics.includes(kept.id));
  expect(expected.length).toBeGreaterThan(0);
  await expect(cards(page)).toHaveCount(firstCards(expected).length);
  await expect(sectorRadio(page, sector)).toBeChecked();
  await expect(stateTile(page, state)).toHaveAttribute('aria-pressed', 'true');
});

test('a card button clicked before the takeover is applied by the app, and focus stays on it', async ({ page }) => {
  const release = await holdApp(page);
  await page.goto('./');
  // A card of the first view (the page holds no other) with highlights to show.
  const partnership = FIRST.find((p) => p.highlights.length > 2);
  test.skip(!partnership, `no card of the first ${FIRST.length} has more than two highlights, so none has "Show all"`);
  const card = page.locator(`article[id="${partnership.id}"]`);
  const showAll = card.getByRole('button', { name: /^Show all \d+ highlights$/ });
  await showAll.click();
  release();
  await tookOver(page);
  await expect(card.getByRole('button', { name: 'Show fewer highlights' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Show fewer highlights' })).toBeFocused();
  await expect(card.locator('.card-highlights li:not([hidden])')).toHaveCount(partnership.highlights.length);
});

test('the bundled view asks for no data: the page carries its dataset', async ({ page }) => {
  const requests = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.json')) requests.push(request.url());
  });
  const errors = collectErrors(page);
  await page.goto('./');
  await tookOver(page);
  await expect(cards(page)).toHaveCount(FIRST.length);
  await sectorRadio(page, SECTOR).click();
  await expect(cards(page)).toHaveCount(firstCards(inSector(SECTOR.id)).length);
  expect(requests).toEqual([]);
  // The data in the page is the bundled file's (data/partnerships.json), exactly.
  const carried = await page.evaluate(() => JSON.parse(document.getElementById('dataset').textContent));
  expect(carried).toEqual(DATASET);
  expect(errors).toEqual([]);
});
