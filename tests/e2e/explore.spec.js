// The explore journeys against the release build: filters, map, topics, search,
// sort, card links, the URL as state, keyboard use and accessibility.
import { test, expect } from '@playwright/test';
import { DATASET, FETCHED_LIST, cards, collectErrors, expectNoAxeViolations, gotoReady } from './helpers.js';

const status = (page) => page.getByRole('status').filter({ hasText: /^Showing/ });
// Auto-retrying: the card headings, in order.
const headings = (page) => page.locator('main article h3');

test('pick a sector: counts, cards and URL follow', async ({ page }) => {
  const errors = collectErrors(page);
  await gotoReady(page, './');
  const sector = page.getByRole('radiogroup', { name: 'Sector' });
  await expect(sector.getByRole('radio', { name: 'All sectors (11)' })).toBeChecked();
  await sector.getByRole('radio', { name: 'Healthcare (3)' }).check();
  await expect(cards(page)).toHaveCount(3);
  await expect(status(page)).toHaveText('Showing 3 of 11 partnerships');
  await expect(page).toHaveURL(/\?sector=healthcare$/);
  // Facets count with the other filters: the map now shows only healthcare states.
  const map = page.getByRole('group', { name: 'Map of states' });
  await expect(map.getByRole('button', { name: 'Louisiana: 1 partnership' })).toBeVisible();
  await expect(map.getByRole('button', { name: 'Arizona: 0 partnerships' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('click a state tile, then the same state in the list', async ({ page }) => {
  await gotoReady(page, './');
  const map = page.getByRole('group', { name: 'Map of states' });
  await map.getByRole('button', { name: 'Oregon: 1 partnership' }).click();
  await expect(cards(page)).toHaveCount(1);
  await expect(page.getByRole('article', { name: 'Lane County Tech Collaborative' })).toBeVisible();
  await expect(map.getByRole('button', { name: 'Oregon: 1 partnership' })).toHaveAttribute('aria-pressed', 'true');
  const list = page.getByRole('list', { name: 'States' });
  await expect(list.getByRole('button', { name: 'Oregon (1)' })).toHaveAttribute('aria-pressed', 'true');
  await list.getByRole('button', { name: 'Texas (1)' }).click();
  await expect(headings(page)).toHaveText(['East Texas Manufacturing Alliance']);
  await expect(page).toHaveURL(/\?state=TX$/);
  // States without partnerships are muted, not buttons.
  await expect(map.getByRole('button')).toHaveCount(11);
  await expect(map.getByText('AK', { exact: true })).toBeVisible();
});

test('toggle topics: a partnership needs all of them; card labels toggle the same filter', async ({ page }) => {
  await gotoReady(page, './');
  const topics = page.getByRole('group', { name: 'Topics' });
  await topics.getByRole('button', { name: /^Apprenticeships/ }).click();
  await expect(cards(page)).toHaveCount(2);
  await topics.getByRole('button', { name: /^Internships/ }).click();
  await expect(headings(page)).toHaveText(['Lane County Tech Collaborative']);
  await expect(page).toHaveURL(/topic=apprenticeships&topic=internships/);
  const card = page.getByRole('article', { name: 'Lane County Tech Collaborative' });
  await card.getByRole('list', { name: 'Topics' }).getByRole('button', { name: 'Internships' }).click();
  await expect(cards(page)).toHaveCount(2);
  await expect(topics.getByRole('button', { name: /^Internships/ })).toHaveAttribute('aria-pressed', 'false');
});

test('search is case-, accent- and apostrophe-insensitive and marks matches', async ({ page }) => {
  await gotoReady(page, './');
  const search = page.getByRole('searchbox', { name: 'Search partnerships' });
  await search.fill('hawaii');
  await expect(headings(page)).toHaveText(['Hawai’i Island Agricultural Partnership']);
  await expect(page.locator('main article mark').first()).toHaveText('Hawai’i');
  await search.fill('CNA lpn');
  await expect(headings(page)).toHaveText(['Northeast Louisiana Healthcare Partnership']);
  await expect(page).toHaveURL(/\?q=CNA\+lpn$/);
});

test('typing replaces the history entry; clicks add one each; Back and Forward step through them', async ({ page }) => {
  await gotoReady(page, './');
  await page.getByRole('radiogroup', { name: 'Sector' }).getByRole('radio', { name: /^Manufacturing/ }).check();
  await expect(cards(page)).toHaveCount(4);
  await page.getByRole('searchbox', { name: 'Search partnerships' }).pressSequentially('texas', { delay: 20 });
  await expect(cards(page)).toHaveCount(1);
  await page.getByRole('group', { name: 'Map of states' }).getByRole('button', { name: 'Texas: 1 partnership' }).click();
  await expect(page).toHaveURL(/\?sector=manufacturing&state=TX&q=texas$/);
  await page.goBack();
  await expect(page).toHaveURL(/\?sector=manufacturing&q=texas$/);
  await expect(page.getByRole('searchbox', { name: 'Search partnerships' })).toHaveValue('texas');
  await page.goBack(); // the five keystrokes were one entry
  await expect(page).toHaveURL(/\?sector=manufacturing$/);
  await expect(cards(page)).toHaveCount(4);
  await page.goBack();
  await expect(cards(page)).toHaveCount(11);
  await page.goForward();
  await expect(cards(page)).toHaveCount(4);
  await expect(page.getByRole('radio', { name: /^Manufacturing/ })).toBeChecked();
});

test('sort by state and by launch', async ({ page }) => {
  await gotoReady(page, './');
  await page.getByLabel('Sort by').selectOption('launched');
  await expect(headings(page).first()).toHaveText('Cumberland Health Care Sector Partnership');
  const launched = await headings(page).allTextContents();
  expect(launched.slice(0, 3)).toEqual([
    'Cumberland Health Care Sector Partnership',
    'Seattle-King County Healthcare Industry Leadership Table',
    'Lane County Tech Collaborative',
  ]);
  await page.getByLabel('Sort by').selectOption('state');
  await expect(cards(page).first()).toContainText('Arizona');
  await expect(cards(page).last()).toContainText('Wyoming');
  await expect(page).toHaveURL(/\?sort=state$/);
});

test('nothing matches: the empty state names the filters and Clear filters resets them', async ({ page }) => {
  await gotoReady(page, './?sector=construction&state=LA');
  await expect(cards(page)).toHaveCount(0);
  await expect(status(page)).toHaveText('Showing 0 of 11 partnerships');
  await expect(page.getByText('No partnerships match')).toBeVisible();
  await expect(page.getByText('Active filters: Construction · Louisiana.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(cards(page)).toHaveCount(11);
  await expect(page).toHaveURL(/\/explorer\/$/);
});

test('reloading a filtered URL shows that view', async ({ page }) => {
  await gotoReady(page, './?sector=healthcare&topic=career-pathways&sort=launched');
  await expect(headings(page)).toHaveText(['Cumberland Health Care Sector Partnership', 'Northeast Louisiana Healthcare Partnership']);
  await page.reload();
  await expect(cards(page)).toHaveCount(2);
  await expect(page.getByRole('radio', { name: /^Healthcare/ })).toBeChecked();
  await expect(page.getByLabel('Sort by')).toHaveValue('launched');
});

test('a bad query string is ignored with a notice, never an error page', async ({ page }) => {
  const errors = collectErrors(page);
  await gotoReady(page, `./?sector=xyz&state=ZZ&q=${'x'.repeat(10_000)}&topic=%3Cscript%3E`);
  await expect(cards(page)).toHaveCount(11);
  const notice = page.locator('.notice-small');
  await expect(notice).toContainText('Ignored the unknown sector “xyz”');
  await expect(notice).toContainText('Ignored the unknown state “ZZ”');
  await expect(notice).toContainText('longer than 200 characters');
  await expect(notice).toContainText('unknown topic “<script>”');
  await expect(page.locator('main script')).toHaveCount(0);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a card opens to all highlights; Copy link copies a link that opens, scrolls to and marks it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await gotoReady(page, './');
  const lane = page.getByRole('article', { name: 'Lane County Tech Collaborative' });
  const highlights = lane.getByRole('list', { name: 'Highlights' }).getByRole('listitem');
  await expect(highlights.filter({ visible: true })).toHaveCount(2);
  const more = lane.getByRole('button', { name: 'Show all 5 highlights' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await expect(highlights.filter({ visible: true })).toHaveCount(5);
  await expect(lane.getByRole('button', { name: 'Show fewer highlights' })).toHaveAttribute('aria-expanded', 'true');
  await expectNoAxeViolations(page);

  await lane.getByRole('button', { name: /Copy link/ }).click();
  await expect(lane.getByText('Link copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/explorer\/#lane-county-tech-collaborative$/);

  // A colleague opens the link in a new tab.
  const other = await context.newPage();
  await other.setViewportSize({ width: 800, height: 500 });
  await other.goto(link);
  const target = other.locator('#lane-county-tech-collaborative');
  await expect(target).toBeInViewport();
  await expect(target).toHaveClass(/card-target/);
  await expect(target).toBeFocused();
  await expect(target.getByRole('button', { name: 'Show fewer highlights' })).toBeVisible();
});

test('following a card link inside the page (#id) scrolls to the card even when filters hide it', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 500 });
  await gotoReady(page, './?sector=healthcare');
  await expect(cards(page)).toHaveCount(3);
  await page.evaluate(() => { location.hash = 'east-texas-manufacturing-alliance'; });
  const target = page.locator('#east-texas-manufacturing-alliance');
  await expect(target).toBeInViewport();
  await expect(target).toHaveClass(/card-target/);
  await expect(page.locator('.notice-small')).toContainText('filters were cleared');
  await expect(page).toHaveURL(/\/explorer\/#east-texas-manufacturing-alliance$/);
});

test('a card link whose filters hide the card clears them', async ({ page }) => {
  await gotoReady(page, './?sector=healthcare#lane-county-tech-collaborative');
  await expect(page.locator('#lane-county-tech-collaborative')).toBeVisible();
  await expect(page.locator('.notice-small')).toContainText('filters were cleared');
});

test('keyboard only: reach and use search, sector, map, topics and cards with a visible focus ring', async ({ page }) => {
  await gotoReady(page, './');
  await expect(cards(page)).toHaveCount(11);
  await page.keyboard.press('Tab'); // skip link
  await expect(page.getByRole('link', { name: 'Skip to the partnerships' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('searchbox', { name: 'Search partnerships' })).toBeFocused();
  await page.keyboard.type('oregon');
  await expect(cards(page)).toHaveCount(1);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Tab'); // sort
  await page.keyboard.press('Tab'); // sector radios: the checked one
  await expect(page.getByRole('radio', { name: /^All sectors/ })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: /^Healthcare/ })).toBeChecked();
  await expect(cards(page)).toHaveCount(3);
  await page.keyboard.press('Tab'); // first map tile button
  const focused = page.locator(':focus');
  await expect(focused).toHaveText(/Washington: 1 partnership/);
  const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(cards(page)).toHaveCount(1);
  await expect(focused).toHaveAttribute('aria-pressed', 'true');
});

test('zero axe violations in a filtered state and on a 375 px phone', async ({ page }) => {
  await gotoReady(page, './?sector=manufacturing&topic=k12-education&q=school');
  await expect(cards(page)).toHaveCount(2);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 375, height: 740 });
  await gotoReady(page, './?state=LA');
  await expect(cards(page)).toHaveCount(1);
  await expectNoAxeViolations(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.emulateMedia({ colorScheme: 'dark' });
  await gotoReady(page, './?sector=construction&state=LA');
  await expect(page.getByText('No partnerships match')).toBeVisible();
  await expectNoAxeViolations(page);
});

// Serves a dataset of 60 copies of the first partnership, under other names.
async function serveSixtyPartnerships(page) {
  const data = structuredClone(DATASET);
  const base = data.partnerships[0];
  data.partnerships = Array.from({ length: 60 }, (_, i) => ({ ...base, id: `p-${i}`, name: `Partnership ${String(i).padStart(2, '0')}` }));
  await page.route('**/data/partnerships.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(data) }));
}

test('only a batch of cards is rendered at a time, with Show more', async ({ page }) => {
  await serveSixtyPartnerships(page);
  await gotoReady(page, FETCHED_LIST);
  await expect(status(page)).toHaveText('Showing 60 of 60 partnerships');
  await expect(cards(page)).toHaveCount(12);
  const showMore = (more) => page.getByRole('button', { name: `Show more (${more} more)` }).click();
  await showMore(48);
  await expect(cards(page)).toHaveCount(24);
  for (const more of [36, 24, 12]) await showMore(more);
  await expect(cards(page)).toHaveCount(60);
  await expect(page.getByRole('button', { name: /Show more/ })).toHaveCount(0);
});

// How many cards the fresh app (a partner's list) had when it took the busy page's place.
async function countCardsAtTakeover(page) {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const app = document.getElementById('app');
      if (app && !app.hasAttribute('data-prerendered')) {
        window.cardsAtTakeover = app.querySelectorAll('main article').length;
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['id'] });
  });
}

test("a partner's list takes the page with its first cards, and the rest of the batch follows", async ({ page }) => {
  await serveSixtyPartnerships(page);
  await countCardsAtTakeover(page);
  await gotoReady(page, FETCHED_LIST);
  // A slow phone shows the first cards a task sooner than the whole batch (src/fresh.rs).
  expect(await page.evaluate(() => window.cardsAtTakeover)).toBe(4);
  await expect(cards(page)).toHaveCount(12);
  await expect(cards(page).nth(11)).toContainText('Partnership 11');
  await expect(status(page)).toHaveText('Showing 60 of 60 partnerships');
});

test("a partner's list opened at a card further down takes the page once that card is built, and lands on it", async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 500 });
  await serveSixtyPartnerships(page);
  await countCardsAtTakeover(page);
  await gotoReady(page, `${FETCHED_LIST}#p-9`);
  expect(await page.evaluate(() => window.cardsAtTakeover)).toBe(12);
  const target = page.locator('#p-9');
  await expect(target).toBeInViewport();
  await expect(target).toHaveClass(/card-target/);
});

test('a change shows its first new cards at the next paint, and builds the rest right after it', async ({ page }) => {
  await serveSixtyPartnerships(page);
  await gotoReady(page, FETCHED_LIST);
  await expect(headings(page).last()).toHaveText('Partnership 11');
  // At the first frame after the list changes: the name on each item's card, if it has one yet.
  const atFirstFrame = page.evaluate(
    () =>
      new Promise((resolve) => {
        const grid = document.querySelector('main .card-grid');
        new MutationObserver((_, observer) => {
          observer.disconnect();
          requestAnimationFrame(() => resolve([...grid.querySelectorAll('.card-item')].map((item) => item.querySelector('h3')?.textContent ?? null)));
        }).observe(grid, { childList: true });
      }),
  );
  // Every name with a word starting "3": 03 (shown already, kept as it is), 13, 23, 30 to 39, 43, 53.
  await page.locator('input[type=search]').fill('partnership 3');
  const waiting = Array(7).fill(null);
  expect(await atFirstFrame).toEqual(['Partnership 03', 'Partnership 13', 'Partnership 23', 'Partnership 30', 'Partnership 31', ...waiting]);
  const batch = ['03', '13', '23', '30', '31', '32', '33', '34', '35', '36', '37', '38'].map((n) => `Partnership ${n}`);
  await expect(headings(page)).toHaveText(batch);
  await expect(status(page)).toHaveText('Showing 15 of 60 partnerships');
});

test('cards keep their size as they come into view: nothing moves under the pointer', async ({ page }) => {
  await serveSixtyPartnerships(page);
  await gotoReady(page, FETCHED_LIST);
  // Where each card and the Show more button sit in the page (not the view).
  const positions = () => page.evaluate(() => [...document.querySelectorAll('main .card-item, main .show-more')].map((e) => e.getBoundingClientRect().top + window.scrollY));
  const before = await positions();
  expect(before).toHaveLength(13);
  // A jump (End, the scrollbar, a focused button) brings unseen cards into view at once.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await positions()).toEqual(before);
});

test('a #fragment that names no partnership is ignored with a notice, shown as text', async ({ page }) => {
  await gotoReady(page, './#%3Cimg%20src=x%20onerror=alert(1)%3E');
  await expect(cards(page)).toHaveCount(11);
  await expect(page.locator('.notice-small')).toContainText('Ignored the link to an unknown partnership');
  await expect(page.locator('main img')).toHaveCount(0);
  // The skip link's own target is not a partnership link.
  await gotoReady(page, './');
  await expect(cards(page)).toHaveCount(11);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator('.notice-small')).toHaveCount(0);
});
