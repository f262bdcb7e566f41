// Learning from peers (issue 22): on every card the partnerships most like
// it, with why, each a link to its card; after the cards, what the
// partnerships of the view work on, topics by sector, each count a link to
// its view.
import { test, expect } from '@playwright/test';
import { DATASET, collectErrors, expectNoAxeViolations, gotoReady } from './helpers.js';

const ALL = DATASET.partnerships.length;
const CALUMET = DATASET.partnerships.find((p) => p.id === 'calumet-manufacturing-industry-sector-partnership');
const topicLabel = (id) => DATASET.topics.find((t) => t.id === id).label;
const sectorLabel = (id) => DATASET.sectors.find((s) => s.id === id).label;

test('Calumet\'s card lists partnerships like it, one sharing a topic says which; following it opens that card', async ({ page }) => {
  const errors = collectErrors(page);
  await gotoReady(page, './');
  const card = page.locator(`article#${CALUMET.id}`);
  await card.getByText('Partnerships like this one').click();
  // The group and its list have names, the words on screen.
  await expect(card.getByRole('group', { name: 'Partnerships like this one' })).toHaveCount(1);
  const entries = card.getByRole('list', { name: 'Partnerships like this one', exact: true }).getByRole('listitem');
  await expect(entries.first()).toBeVisible();
  expect(await entries.count()).toBeGreaterThan(0);
  expect(await entries.count()).toBeLessThanOrEqual(3);
  // One of them shares a topic with Calumet and says so.
  const shared = CALUMET.topics.map(topicLabel);
  const texts = await entries.allTextContents();
  const sharing = texts.findIndex((text) => shared.some((label) => text.includes(`also: ${label}`) || text.includes(` · ${label}`)));
  expect(sharing, texts.join('\n')).toBeGreaterThanOrEqual(0);
  const link = entries.nth(sharing).getByRole('link');
  const name = await link.textContent();
  const target = DATASET.partnerships.find((p) => p.name === name);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#${target.id}$`));
  const opened = page.locator(`article#${target.id}`);
  await expect(opened).toHaveClass(/card-target/);
  await expect(opened).toBeInViewport();
  await expect(opened.locator('details.card-similar')).toHaveAttribute('open', '');
  expect(errors).toEqual([]);
});

test('the similar partnerships are in the prerendered page, readable without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('./');
  const card = page.locator(`article#${CALUMET.id}`);
  await card.getByText('Partnerships like this one').click();
  await expect(card.locator('.similar-list li').first()).toBeVisible();
  await context.close();
});

test('a partner\'s own list gets its own similar partnerships', async ({ page }) => {
  const two = { ...DATASET, partnerships: DATASET.partnerships.filter((p) => p.sector === 'healthcare').slice(0, 2) };
  await page.route('**/data/two-healthcare.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(two) }));
  await gotoReady(page, './?data=data/two-healthcare.json');
  const [first, second] = two.partnerships;
  const card = page.locator(`article#${first.id}`);
  // Rendered fresh, a card makes its list only when it is first opened
  // (ranked over the whole list: a dozen per change was slow at 10,000),
  // here from the keyboard.
  await expect(card.locator('details.card-similar')).toHaveCount(1);
  await expect(page.locator('.similar-list')).toHaveCount(0);
  await card.locator('.card-similar summary').focus();
  await page.keyboard.press('Enter');
  await expect(card.locator('details.card-similar')).toHaveAttribute('open', '');
  await expect(card.locator('.similar-list li')).toHaveCount(1);
  await expect(card.locator('.similar-list li').getByRole('link')).toHaveText(second.name);
  await expect(card.locator('.similar-list li')).toContainText(sectorLabel('healthcare'));
});

/** The overview's table: its column and row headers, and the cell at a sector and a topic. */
function overview(page) {
  // The table has a name of its own (its caption).
  const table = page.getByRole('region', { name: 'What these partnerships work on' }).getByRole('table', { name: 'Topics by sector', exact: true });
  const cell = async (sector, topic) => {
    const columns = await table.locator('thead th').allTextContents();
    const rows = await table.locator('tbody th').allTextContents();
    const column = columns.indexOf(sectorLabel(sector));
    const row = rows.indexOf(topicLabel(topic));
    expect(column, columns.join(', ')).toBeGreaterThan(0);
    expect(row, rows.join(', ')).toBeGreaterThanOrEqual(0);
    return table.locator('tbody tr').nth(row).locator('td').nth(column - 1);
  };
  return { table, cell };
}

/** Topics (rows) that any of `list` works on. */
const topicsOf = (list) => new Set(list.flatMap((p) => p.topics));

test("the overview's Healthcare × Career pathways count links to a view whose status says the same count", async ({ page }) => {
  const errors = collectErrors(page);
  await gotoReady(page, './');
  const { table, cell } = overview(page);
  await expect(table).toBeVisible();
  const healthcarePathways = await cell('healthcare', 'career-pathways');
  const count = Number(await healthcarePathways.textContent());
  const expected = DATASET.partnerships.filter((p) => p.sector === 'healthcare' && p.topics.includes('career-pathways')).length;
  expect(count).toBe(expected);
  expect(count).toBeGreaterThan(0);
  await healthcarePathways.getByRole('link').click();
  await expect(page).toHaveURL(/[?&]sector=healthcare(&|$)/);
  await expect(page).toHaveURL(/[?&]topic=career-pathways(&|$)/);
  await expect(page.locator('.status-line')).toHaveText(`Showing ${count} of ${ALL} partnerships`);
  await expect(page.locator('article')).toHaveCount(count);
  // The visitor is taken to the results, which now show that view.
  await expect(page.locator('#results')).toBeFocused();
  await expect(page.locator('article').first()).toBeInViewport();
  // And Back is the view before.
  await page.goBack();
  await expect(page.locator('article')).toHaveCount(ALL);
  expect(errors).toEqual([]);
});

test('the overview follows the other filters, as the facet counts do, and goes when nothing matches', async ({ page }) => {
  await gotoReady(page, './?state=LA&sector=healthcare');
  const { table } = overview(page);
  // The sector chosen does not narrow it (each column is a sector); the state does.
  const inLouisiana = DATASET.partnerships.filter((p) => p.state === 'LA');
  const numbers = (await table.locator('tbody td').allTextContents()).map(Number);
  expect(numbers.reduce((a, b) => a + b, 0)).toBe(inLouisiana.reduce((n, p) => n + new Set(p.topics).size, 0));
  await expect(table.locator('tbody tr')).toHaveCount(topicsOf(inLouisiana).size);
  await expect(table.locator('thead th')).toHaveCount(1 + new Set(inLouisiana.map((p) => p.sector)).size);
  // An empty cell is no link; every other one is.
  expect(await table.locator('tbody td:not(:has(a))').allTextContents()).toEqual(numbers.filter((n) => n === 0).map(String));
  await expect(table.locator('tbody td a[href]')).toHaveCount(numbers.filter((n) => n > 0).length);
  await gotoReady(page, './?q=nothing-matches-this-at-all');
  await expect(page.locator('.overview')).toBeHidden();
});

test('the overview is in the prerendered page, readable without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('./');
  const { table, cell } = overview(page);
  await expect(table).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(topicsOf(DATASET.partnerships).size);
  await expect((await cell('healthcare', 'career-pathways')).getByRole('link')).toHaveAttribute('href', '?sector=healthcare&topic=career-pathways');
  await context.close();
});

test("a partner's list gets an overview of its own sectors and topics, and so does an embed with the full controls only", async ({ page }) => {
  const two = { ...DATASET, partnerships: DATASET.partnerships.filter((p) => p.sector === 'healthcare').slice(0, 2) };
  await page.route('**/data/two-healthcare.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(two) }));
  await gotoReady(page, './?data=data/two-healthcare.json');
  const { table } = overview(page);
  await expect(table.locator('thead th')).toHaveText(['Topic', sectorLabel('healthcare')]);
  await expect(table.locator('tbody tr')).toHaveCount(topicsOf(two.partnerships).size);
  // Its links keep the partner's list.
  for (const href of await table.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
    expect(href).toContain('data=data/two-healthcare.json');
  }
  await gotoReady(page, './?embed=1&controls=full');
  await expect(overview(page).table).toBeVisible();
  await gotoReady(page, './?embed=1');
  await expect(page.locator('.overview')).toBeHidden();
});

test('out of view the overview is not drawn, yet its counts follow the view; in view it is drawn', async ({ page }) => {
  // Each of our partnerships six times: a view of a dozen cards and more, the overview far below them.
  const sixfold = { ...DATASET, partnerships: [1, 2, 3, 4, 5, 6].flatMap((n) => DATASET.partnerships.map((p) => ({ ...p, id: `${p.id}-${n}` }))) };
  await page.route('**/data/sixfold.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(sixfold) }));
  await page.setViewportSize({ width: 1280, height: 800 });
  await gotoReady(page, './?data=data/sixfold.json');
  const cell = page.locator('.overview-table tbody td').first();
  // Whether the browser draws the cell now (`contentVisibilityAuto`: not when it skips it).
  const drawn = () => cell.evaluate((td) => td.checkVisibility({ contentVisibilityAuto: true }));
  expect(await drawn()).toBe(false);
  // Still in the page as it is (a screen reader reads it): a topic chosen changes its counts.
  const before = await page.locator('.overview-table tbody').textContent();
  await page.getByRole('group', { name: 'Topics' }).getByRole('button', { name: /^Apprenticeships/ }).click();
  await expect(page.locator('.status-line')).toHaveText('Showing 12 of 66 partnerships');
  await expect(page.locator('.overview-table tbody')).not.toHaveText(before);
  expect(await drawn()).toBe(false);
  await page.locator('.overview').scrollIntoViewIfNeeded();
  await expect.poll(drawn).toBe(true);
});

test('on paper the overview is printed whole, without its disclosure', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await gotoReady(page, './');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.overview-table')).toBeVisible();
  await expect(page.locator('.overview summary')).toBeHidden();
});

for (const colorScheme of ['light', 'dark']) {
  test.describe(`on a phone, ${colorScheme}`, () => {
    test.use({ viewport: { width: 375, height: 740 }, colorScheme });

    test('a card with its similar partnerships open has no axe violations', async ({ page }) => {
      await gotoReady(page, './');
      await page.locator(`article#${CALUMET.id}`).getByText('Partnerships like this one').click();
      await expect(page.locator(`article#${CALUMET.id} .similar-list`)).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      await expectNoAxeViolations(page);
    });

    // Closed, the overview is not counted or drawn at each change (no one
    // sees it); whatever shows it shows the view as it is.
    const LOUISIANA = DATASET.partnerships.filter((p) => p.state === 'LA');
    const showsLouisiana = async (page) => {
      const table = page.locator('.overview-table');
      await expect(table.locator('tbody tr')).toHaveCount(topicsOf(LOUISIANA).size);
      const numbers = (await table.locator('tbody td').allTextContents()).map(Number);
      expect(numbers.reduce((a, b) => a + b, 0)).toBe(LOUISIANA.reduce((n, p) => n + new Set(p.topics).size, 0));
    };

    test('the overview of a view chosen while it was closed is that view\'s when opened', async ({ page }) => {
      await gotoReady(page, './?state=LA');
      // Already as the click is handled, before the disclosure's toggle (a
      // task of its own): the frame that shows it open shows this view's.
      const rows = await page.evaluate(async () => {
        document.querySelector('.overview summary').click();
        for (let i = 0; i < 20; i++) await Promise.resolve();
        return document.querySelectorAll('.overview-table tbody tr').length;
      });
      expect(rows).toBe(topicsOf(LOUISIANA).size);
      await expect(page.locator('.overview-table')).toBeVisible();
      await showsLouisiana(page);
    });

    test('the overview of a view chosen while it was closed is that view\'s on a wider screen, and on paper', async ({ page }) => {
      await gotoReady(page, './?state=LA');
      await expect(page.locator('.overview-table')).toBeHidden();
      await page.setViewportSize({ width: 1024, height: 740 });
      await expect(page.locator('.overview-table')).toBeVisible();
      await showsLouisiana(page);
      await page.setViewportSize({ width: 375, height: 740 });
      await gotoReady(page, './?state=LA');
      await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.overview-table')).toBeVisible();
      await showsLouisiana(page);
    });

    test('the overview is collapsed until asked for, scrolls in its own box, and has no axe violations open', async ({ page }) => {
      await gotoReady(page, './');
      const summary = page.getByText('Show topics by sector');
      await expect(page.locator('.overview-table')).toBeHidden();
      await summary.click();
      const box = page.getByRole('region', { name: 'Topics by sector' });
      await expect(box).toBeVisible();
      await expect(page.locator('.overview details')).toHaveAttribute('open', '');
      // The page itself never scrolls sideways: the table's box does.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      expect(await box.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
      await expectNoAxeViolations(page);
    });
  });
}
