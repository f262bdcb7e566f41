// The page a visitor is reading becomes the app in place (issue 21): the app
// hydrates the prerendered elements instead of rendering a copy and swapping
// it in. The wasm is held back, the page is used as a visitor would use it,
// then the wasm runs: the elements are the same ones, and what the visitor did
// carried over. If the app cannot start, the page says so and shows the cards.
import { test, expect } from '@playwright/test';
import { DATASET, cards, collectErrors, holdWasm, settledIn } from './helpers.js';

const healthcare = DATASET.partnerships.filter((p) => p.sector === 'healthcare').map((p) => p.id);

test('the 11 articles and the search box are the same elements once the app has started, and the app filters them', async ({ page }) => {
  const errors = collectErrors(page);
  const release = await holdWasm(page);
  await page.goto('./');
  await expect(cards(page)).toHaveCount(DATASET.partnerships.length);
  await page.evaluate(() => {
    window.__before = { articles: [...document.querySelectorAll('main article')], search: document.getElementById('search') };
    for (const article of window.__before.articles) article.dataset.marked = 'prerendered';
  });
  release();
  await settledIn(page);
  const same = await page.evaluate(() => {
    const now = [...document.querySelectorAll('main article')];
    return {
      articles: now.length === window.__before.articles.length && now.every((a, i) => a === window.__before.articles[i]),
      search: document.getElementById('search') === window.__before.search,
    };
  });
  expect(same).toEqual({ articles: true, search: true });
  await expect(page.locator('main article[data-marked=prerendered]')).toHaveCount(DATASET.partnerships.length);

  // The app filters those very elements: a state tile leaves Louisiana's card, the same element.
  await page.getByRole('group', { name: 'Map of states' }).getByRole('button', { name: 'Louisiana: 1 partnership' }).click();
  await expect(cards(page)).toHaveCount(1);
  const kept = await page.evaluate(() => window.__before.articles.includes(document.querySelector('main article')));
  expect(kept).toBe(true);
  await expect(page.locator('main article')).toHaveAttribute('data-marked', 'prerendered');
  expect(errors).toEqual([]);
});

// A hydration mismatch is reported where the release build reports it: tachys
// (without debug assertions) panics ("unreachable") at the first node it cannot
// claim (a text where its element should be, say; it does not compare tag names
// or text, with or without debug assertions), and the panic hook logs it with
// console.error and shows the crash notice. So the `collectErrors` every test
// here asserts empty is the check that sees a mismatch; a deliberate one proves it.
test('a deliberate mismatch (the heading made text before the wasm runs) is caught by the errors every test checks', async ({ page }) => {
  const errors = collectErrors(page);
  const release = await holdWasm(page);
  await page.goto('./');
  await expect(cards(page)).toHaveCount(DATASET.partnerships.length);
  await page.evaluate(() => {
    const heading = document.querySelector('main h1');
    heading.replaceWith(document.createTextNode(heading.textContent));
  });
  release();
  await expect.poll(() => errors.length, { timeout: 15000 }).toBeGreaterThan(0);
  expect(errors.join('\n')).toMatch(/unreachable/);
  await expect(page.getByRole('alert')).toContainText('Something went wrong');
  // The cards the visitor was reading stay.
  await expect(cards(page)).toHaveCount(DATASET.partnerships.length);
});

test('a text selection made in a card before the wasm arrives is still selected after', async ({ page }) => {
  const errors = collectErrors(page);
  const release = await holdWasm(page);
  await page.goto('./');
  const selected = await page.evaluate(() => {
    const summary = document.querySelector('main article .card-summary');
    const range = document.createRange();
    range.selectNodeContents(summary);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    window.__summary = summary;
    return getSelection().toString();
  });
  expect(selected.length).toBeGreaterThan(20);
  release();
  await settledIn(page);
  const after = await page.evaluate(() => ({
    text: getSelection().toString(),
    inSameElement: window.__summary.isConnected && window.__summary.contains(getSelection().anchorNode),
  }));
  expect(after).toEqual({ text: selected, inSameElement: true });
  expect(errors).toEqual([]);
});

test('typed text, its caret and the focus carry over: the search box is the same and the app searches what was typed', async ({ page }) => {
  const errors = collectErrors(page);
  const release = await holdWasm(page);
  await page.goto('./');
  const search = page.getByRole('searchbox');
  await search.click();
  await search.pressSequentially('apprentice');
  await search.press('ArrowLeft');
  // Not answered before the app: the cards give way to "Loading this view…".
  await expect(page.getByText('Loading this view…')).toBeVisible();
  release();
  await settledIn(page);
  await expect(search).toHaveValue('apprentice');
  await expect(search).toBeFocused();
  expect(await search.evaluate((input) => [input.selectionStart, input.selectionEnd])).toEqual([9, 9]);
  await expect(page).toHaveURL(/[?&]q=apprentice/);
  const matching = DATASET.partnerships.filter((p) => JSON.stringify(p).toLowerCase().includes('apprentice'));
  await expect(page.locator('.status-line')).toContainText(`of ${DATASET.partnerships.length}`);
  await expect(page.getByText('Loading this view…')).toBeHidden();
  expect(await cards(page).count()).toBeGreaterThan(0);
  expect(await cards(page).count()).toBeLessThanOrEqual(matching.length);
  expect(errors).toEqual([]);
});

const PHONE = { viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true };

/** On a phone, before the app is live: opens Filters, then taps `choice` (a locator). */
async function filtersThen(page, choice) {
  await page.getByRole('button', { name: /^Filters/ }).tap();
  await choice(page).tap();
}
const healthcareChoice = (page) => page.locator('.filter-panel label').filter({ hasText: /^Healthcare/ });
const louisianaTile = (page) => page.getByRole('group', { name: 'Map of states' }).getByRole('button', { name: /^Louisiana: / });

test.describe('on a phone', () => {
  test.use(PHONE);

  test('Filters, then Healthcare: answered before the wasm, and the same elements stay the answer after', async ({ page }) => {
    const errors = collectErrors(page);
    const release = await holdWasm(page);
    await page.goto('./');
    await filtersThen(page, healthcareChoice);
    // Answered by the prerendered page: the other cards are hidden, not gone.
    await expect(page.locator('main article:visible')).toHaveCount(healthcare.length);
    await expect(page.locator('.status-line')).toHaveText(`Showing ${healthcare.length} of ${DATASET.partnerships.length} partnerships`);
    await page.evaluate(() => (window.__answer = [...document.querySelectorAll('main article')].filter((a) => a.checkVisibility())));
    release();
    await settledIn(page);
    await expect(page).toHaveURL(/[?&]sector=healthcare/);
    await expect(cards(page)).toHaveCount(healthcare.length);
    expect((await cards(page).evaluateAll((now) => now.map((a) => a.id))).sort()).toEqual([...healthcare].sort());
    expect(await page.evaluate(() => [...document.querySelectorAll('main article')].every((a, i) => a === window.__answer[i]))).toBe(true);
    await expect(page.getByRole('radio', { name: 'Healthcare' })).toBeChecked();
    await expect(page.getByRole('button', { name: /^Filters/ })).toHaveAttribute('aria-expanded', 'true');
    // The app's own panel now: Filters closes it.
    await page.getByRole('button', { name: /^Filters/ }).tap();
    await expect(page.getByRole('button', { name: /^Filters/ })).toHaveAttribute('aria-expanded', 'false');
    expect(errors).toEqual([]);
  });
});

test.describe('on a phone, a state', () => {
  test.use(PHONE);

  test('Filters, then a state tile: answered before the wasm, the same card after, the same tile pressed', async ({ page }) => {
    const errors = collectErrors(page);
    const release = await holdWasm(page);
    await page.goto('./');
    await filtersThen(page, louisianaTile);
    const tile = louisianaTile(page);
    const louisiana = DATASET.partnerships.filter((p) => p.state === 'LA').map((p) => p.id);
    await expect(page.locator('main article:visible')).toHaveCount(louisiana.length);
    await expect(page.locator('.status-line')).toHaveText(`Showing ${louisiana.length} of ${DATASET.partnerships.length} partnerships`);
    await expect(tile).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText('Loading this view…')).toBeHidden();
    // The same tile again is the page as it came.
    await tile.tap();
    await expect(page.locator('main article:visible')).toHaveCount(DATASET.partnerships.length);
    await tile.tap();
    await expect(page.locator('main article:visible')).toHaveCount(louisiana.length);
    await page.evaluate(() => (window.__answer = [...document.querySelectorAll('main article')].filter((a) => a.checkVisibility())));
    release();
    await settledIn(page);
    await expect(page).toHaveURL(/[?&]state=LA/);
    expect((await cards(page).evaluateAll((now) => now.map((a) => a.id))).sort()).toEqual([...louisiana].sort());
    expect(await page.evaluate(() => [...document.querySelectorAll('main article')].every((a, i) => a === window.__answer[i]))).toBe(true);
    await expect(tile).toHaveAttribute('aria-pressed', 'true');
    expect(errors).toEqual([]);
  });

  test('a sector, then a state with one of its partnerships: answered before the wasm, the same cards after', async ({ page }) => {
    const errors = collectErrors(page);
    const release = await holdWasm(page);
    await page.goto('./');
    await filtersThen(page, healthcareChoice);
    await louisianaTile(page).tap();
    const both = DATASET.partnerships.filter((p) => p.state === 'LA' && p.sector === 'healthcare').map((p) => p.id);
    expect(both.length).toBeGreaterThan(0);
    await expect(page.locator('main article:visible')).toHaveCount(both.length);
    await expect(page.locator('.status-line')).toHaveText(`Showing ${both.length} of ${DATASET.partnerships.length} partnerships`);
    await expect(louisianaTile(page)).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText('Loading this view…')).toBeHidden();
    await page.evaluate(() => (window.__answer = [...document.querySelectorAll('main article')].filter((a) => a.checkVisibility())));
    release();
    await settledIn(page);
    await expect(page).toHaveURL(/sector=healthcare/);
    await expect(page).toHaveURL(/state=LA/);
    expect((await cards(page).evaluateAll((now) => now.map((a) => a.id))).sort()).toEqual([...both].sort());
    expect(await page.evaluate(() => [...document.querySelectorAll('main article')].every((a, i) => a === window.__answer[i]))).toBe(true);
    expect(errors).toEqual([]);
  });

  test('a sector, then a state without any of its partnerships: not a view the page holds, so the cards wait for the app', async ({ page }) => {
    // A state with partnerships, none of them in healthcare.
    const other = DATASET.partnerships.find((p) => !DATASET.partnerships.some((q) => q.state === p.state && q.sector === 'healthcare'));
    expect(other).toBeTruthy();
    const release = await holdWasm(page);
    await page.goto('./');
    await filtersThen(page, healthcareChoice);
    await page.getByRole('group', { name: 'Map of states' }).locator(`[data-state="${other.state}"]`).tap();
    await expect(page.getByText('Loading this view…')).toBeVisible();
    release();
    await settledIn(page);
    await expect(cards(page)).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`sector=healthcare.*state=${other.state}`));
  });
});

test('?embed=%31 is an embed to the head script and to the app alike', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./?embed=%31&state=LA');
  await settledIn(page);
  await expect(page.locator('html')).toHaveClass(/\bembedded\b/);
  await expect(page.getByRole('link', { name: /Open full explorer/ })).toBeVisible();
  await expect(cards(page)).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^Embed/ })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('"Embed this view" on a partner\'s list embeds that list', async ({ page }) => {
  await page.goto('./?data=data/partnerships.json&sector=healthcare');
  await settledIn(page);
  await page.getByRole('button', { name: /^Embed/ }).click();
  await expect(page.locator('#embed-loader')).toHaveValue(/data-sector="healthcare" data-list="data\/partnerships\.json"/);
  await expect(page.locator('#embed-iframe')).toHaveValue(/\?embed=1&amp;sector=healthcare&amp;data=data\/partnerships\.json/);
  await expect(page.locator('.embed-preview')).toHaveAttribute('data-src', /\?embed=1&sector=healthcare&data=data\/partnerships\.json$/);
});

test.describe('when the app cannot start', () => {
  test('its code not downloaded: a filtered address shows every card with a notice saying why, never "Loading" for ever', async ({
    page,
  }) => {
    await page.route('**/*_bg.wasm', (route) => route.abort());
    await page.goto('./?sector=healthcare');
    const notice = page.getByRole('alert');
    await expect(notice).toHaveText(
      'This view needs the explorer’s app, which could not start: its code could not be downloaded. ' +
        'Every partnership is listed below; filters and search need the app.',
    );
    await expect(cards(page)).toHaveCount(DATASET.partnerships.length);
    for (const card of await cards(page).all()) await expect(card).toBeVisible();
    await expect(page.getByText('Loading this view…')).toBeHidden();
    await expect(page.locator('#app')).not.toHaveAttribute('aria-busy', 'true');
    await expect(page.getByRole('searchbox')).toBeHidden();
  });

  test('WebAssembly turned off: the notice says so', async ({ page }) => {
    await page.addInitScript(() => delete globalThis.WebAssembly);
    await page.goto('./');
    await expect(page.getByRole('alert')).toContainText(
      'The explorer’s app could not start: this browser has WebAssembly turned off.',
    );
    await expect(cards(page)).toHaveCount(DATASET.partnerships.length);
  });
});

// On an untouched page the app makes the cards, the map and the topics live a
// little after the rest (src/start/later.rs): one long task is many short
// ones on a slow phone. A press that comes first is answered all the same.
// Clicked here as soon as the app is live (a microtask after the live event,
// once shell.js has handed over), before any later task, so none of them is
// live yet: the click itself makes them live before it reaches its target.
for (const [what, selector] of [
  ["a card's topic", 'main article .card-topics button'],
  ['a topic toggle', '[aria-labelledby=topics-label] button'],
  ['a state tile', '.where-map button[data-state]'],
]) {
  test(`${what} clicked as the app goes live is answered, though it was not live yet`, async ({ page }) => {
    const errors = collectErrors(page);
      await page.addInitScript((selector) => {
      addEventListener(
        'partnership-explorer-live',
        () => {
          const target = document.querySelector(selector);
          window.__clicked = { text: target.textContent, state: target.getAttribute('data-state') };
          queueMicrotask(() => target.click());
        },
        { once: true },
      );
    }, selector);
    await page.goto('./');
    await settledIn(page);
    const clicked = await page.evaluate(() => window.__clicked);
    if (clicked.state) {
      await expect(page).toHaveURL(new RegExp(`[?&]state=${clicked.state}`));
      const inState = DATASET.partnerships.filter((p) => p.state === clicked.state).length;
      await expect(cards(page)).toHaveCount(inState);
    } else {
      const label = clicked.text.replace(/\s*\(\d+\)$/, '').trim();
      const topic = DATASET.topics.find((t) => t.label === label);
      expect(topic, `a topic named ${label}`).toBeTruthy();
      await expect(page).toHaveURL(new RegExp(`[?&]topic=${topic.id}`));
      const withTopic = DATASET.partnerships.filter((p) => p.topics.includes(topic.id)).length;
      await expect(cards(page)).toHaveCount(withTopic);
      await expect(page.getByRole('group', { name: 'Topics' }).getByRole('button', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })).toHaveAttribute('aria-pressed', 'true');
    }
    expect(errors).toEqual([]);
    });
}
