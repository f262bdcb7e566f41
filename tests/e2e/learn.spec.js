// Learning from peers (issue 22): on every card the partnerships most like
// it, with why, each a link to its card. (The overview of topics by sector is
// still to come.)
import { test, expect } from '@playwright/test';
import { DATASET, collectErrors, expectNoAxeViolations, gotoReady } from './helpers.js';

const CALUMET = DATASET.partnerships.find((p) => p.id === 'calumet-manufacturing-industry-sector-partnership');
const topicLabel = (id) => DATASET.topics.find((t) => t.id === id).label;
const sectorLabel = (id) => DATASET.sectors.find((s) => s.id === id).label;

test('Calumet\'s card lists partnerships like it, one sharing a topic says which; following it opens that card', async ({ page }) => {
  const errors = collectErrors(page);
  await gotoReady(page, './');
  const card = page.locator(`article#${CALUMET.id}`);
  await card.getByText('Partnerships like this one').click();
  const entries = card.locator('.similar-list li');
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
  await card.getByText('Partnerships like this one').click();
  await expect(card.locator('.similar-list li')).toHaveCount(1);
  await expect(card.locator('.similar-list li').getByRole('link')).toHaveText(second.name);
  await expect(card.locator('.similar-list li')).toContainText(sectorLabel('healthcare'));
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
  });
}
