// Results first: at every screen size the first partnership is on the first
// screen; wide screens put the filters beside the results, narrow ones behind
// a "Filters" button, with the choices made as removable chips.
import { test, expect } from '@playwright/test';
import { DATASET, cards, collectErrors, expectNoAxeViolations, gotoReady } from './helpers.js';

const SIZES = [
  [1440, 900],
  [1280, 800],
  [1024, 768],
  [768, 1024],
  [390, 844],
  [375, 667],
];

for (const [width, height] of SIZES) {
  test(`${width}x${height}: the first card starts within the first three quarters of the screen`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await gotoReady(page, './');
    const top = await cards(page).first().evaluate((card) => card.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThanOrEqual(0.75 * height);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const button = page.getByRole('button', { name: /^Filters/ });
    if (width >= 1024) {
      // Beside the results: the panel is open and the map's tiles are real targets.
      await expect(button).toBeHidden();
      await expect(page.getByRole('radio', { name: /^Healthcare \(/ })).toBeVisible();
      const tile = await page.locator('.state-map .tile').first().boundingBox();
      expect(Math.min(tile.width, tile.height)).toBeGreaterThanOrEqual(24);
      const filters = await page.locator('section.filters').boundingBox();
      const firstCard = await cards(page).first().boundingBox();
      expect(firstCard.x).toBeGreaterThan(filters.x + filters.width);
    } else {
      await expect(button).toBeVisible();
      await expect(page.getByRole('searchbox', { name: 'Search partnerships' })).toBeVisible();
      await expect(page.getByRole('radio', { name: /^Healthcare \(/ })).toBeHidden();
    }
  });
}

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 667 } });

  test('the Filters button opens and closes the panel, by mouse and keyboard, with focus handled', async ({ page }) => {
    const errors = collectErrors(page);
    await gotoReady(page, './');
    const button = page.getByRole('button', { name: 'Filters' });
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toHaveAttribute('aria-controls', 'filter-panel');
    await expectNoAxeViolations(page);

    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('#filter-panel')).toBeVisible();
    // Focus moves into the panel: the chosen sector.
    await expect(page.getByRole('radio', { name: /^All sectors/ })).toBeFocused();
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: /^Healthcare \(/ }).check();
    const healthcare = DATASET.partnerships.filter((p) => p.sector === 'healthcare');
    await expect(cards(page)).toHaveCount(healthcare.length);
    await expect(page.getByRole('button', { name: 'Filters (1)' })).toBeVisible();

    // Escape closes it, back on the button.
    await page.keyboard.press('Escape');
    await expect(page.locator('#filter-panel')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Filters (1)' })).toBeFocused();
    await expect(page.getByRole('button', { name: 'Filters (1)' })).toHaveAttribute('aria-expanded', 'false');

    // The keyboard opens it too; the button closes it again.
    await page.keyboard.press('Enter');
    await expect(page.locator('#filter-panel')).toBeVisible();
    await expect(page.getByRole('radio', { name: /^Healthcare \(/ })).toBeFocused();
    await page.getByRole('button', { name: 'Filters (1)' }).click();
    await expect(page.locator('#filter-panel')).toBeHidden();

    // The choice shows as a removable chip above the cards.
    const chips = page.getByRole('list', { name: 'Active filters' });
    await expect(chips.getByRole('button')).toHaveText(['Remove filter: Healthcare ×']);
    await chips.getByRole('button', { name: 'Remove filter: Healthcare' }).click();
    await expect(cards(page)).toHaveCount(DATASET.partnerships.length);
    await expect(chips).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Filters' })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('zero axe violations in the dark theme with the panel open', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await gotoReady(page, './?sector=healthcare');
    await page.getByRole('button', { name: 'Filters (1)' }).click();
    await expect(page.locator('#filter-panel')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the explore journey through the button: sector, state and topic, each a removable chip', async ({ page }) => {
    await gotoReady(page, './');
    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByRole('radio', { name: /^Manufacturing \(/ }).check();
    await page.getByRole('group', { name: 'States' }).getByRole('button', { name: /^Pennsylvania/ }).click();
    await page.getByRole('group', { name: 'Topics' }).getByRole('button', { name: /^K-12 schools and curriculum \(/ }).click();
    const expected = DATASET.partnerships.filter((p) => p.sector === 'manufacturing' && p.state === 'PA' && p.topics.includes('k12-education'));
    expect(expected.length).toBeGreaterThan(0);
    await expect(cards(page)).toHaveCount(expected.length);
    await expect(page).toHaveURL(/sector=manufacturing/);
    await page.getByRole('button', { name: 'Filters (3)' }).click();
    const chips = page.getByRole('list', { name: 'Active filters' }).getByRole('button');
    await expect(chips).toHaveText(['Remove filter: Manufacturing ×', 'Remove filter: Pennsylvania ×', 'Remove filter: Topic: K-12 schools and curriculum ×']);
    await chips.filter({ hasText: 'Pennsylvania' }).click();
    await expect(page).not.toHaveURL(/state=/);
    await expect(page.getByRole('button', { name: 'Filters (2)' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
