// The foundation: every partnership shows as a card from the release build at a
// sub-path; failures show a message with a working Retry; no a11y violations.
import { test, expect } from '@playwright/test';
import { DATASET, FETCHED_LIST, cards, collectErrors, expectNoAxeViolations, serveData, gotoReady } from './helpers.js';

test('shows every partnership with the national figures, without console errors', async ({ page }) => {
  const errors = collectErrors(page);
  await gotoReady(page, './');
  await expect(cards(page)).toHaveCount(DATASET.partnerships.length);
  expect(DATASET.partnerships.length).toBe(11);
  for (const p of DATASET.partnerships) {
    const card = page.getByRole('article', { name: p.name, exact: true });
    await expect(card).toBeVisible();
    await expect(card.getByRole('heading', { name: p.name, exact: true })).toBeVisible();
    await expect(card).toContainText(p.summary);
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DATASET.title);
  await expect(page.locator('h1')).toHaveCount(1);
  const figures = page.getByRole('list', { name: 'National figures' });
  await expect(figures).toContainText('over 75');
  await expect(figures).toContainText('12');
  await expect(page).toHaveTitle(/Partnership Explorer/);
  expect(errors).toEqual([]);
});

test('a card shows sector, region and full state, launch, members and topics', async ({ page }) => {
  await gotoReady(page, './');
  const hilt = page.getByRole('article', { name: 'Seattle-King County Healthcare Industry Leadership Table' });
  await expect(hilt).toContainText('Healthcare');
  await expect(hilt).toContainText('Seattle-King County, Washington');
  await expect(hilt).toContainText('May 2018');
  await expect(hilt).toContainText('HILT');
  const nela = page.getByRole('article', { name: 'Northeast Louisiana Healthcare Partnership' });
  await expect(nela).toContainText('nearly 40 healthcare organizations');
  await expect(nela.getByRole('list', { name: 'Topics' })).toContainText('Career pathways');
  await expect(nela.getByRole('list', { name: 'Highlights' }).getByRole('listitem')).toHaveCount(2);
});

test('a website link opens safely in a new tab', async ({ page }) => {
  const data = structuredClone(DATASET);
  data.partnerships[0].website = 'https://example.org/';
  await serveData(page, data);
  await gotoReady(page, FETCHED_LIST);
  const link = page.getByRole('link', { name: /Visit website/ });
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAttribute('href', 'https://example.org/');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
});

test('a missing dataset shows a clear error, and Retry recovers', async ({ page }) => {
  const errors = collectErrors(page);
  await serveData(page, 'not found', 404, 'text/plain');
  await gotoReady(page, FETCHED_LIST);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The partnerships could not be loaded');
  await expect(alert).toContainText('404');
  await expect(cards(page)).toHaveCount(0);
  await page.unroute('**/data/partnerships.json');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(cards(page)).toHaveCount(11);
  // The browser itself logs the failed 404 request; nothing else may error.
  expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
});

test('malformed JSON names line and column, and Retry recovers', async ({ page }) => {
  await serveData(page, '{\n  "schema_version": 1,\n  "title": oops');
  await gotoReady(page, FETCHED_LIST);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('cannot be used');
  await expect(alert).toContainText('line 3, column');
  await page.unroute('**/data/partnerships.json');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(cards(page)).toHaveCount(11);
});

test('invalid entries are skipped with a notice; the valid ones still show', async ({ page }) => {
  const data = structuredClone(DATASET);
  data.partnerships[9].sector = 'mining';
  data.partnerships[2].launched = '2018-13';
  await serveData(page, data);
  await gotoReady(page, FETCHED_LIST);
  await expect(cards(page)).toHaveCount(9);
  const notice = page.locator('.notice');
  await expect(notice).toContainText('2 entries in the data could not be shown');
  await expect(notice).toContainText('partnerships[9] "east-texas-manufacturing-alliance", field "sector"');
  await expect(notice).toContainText('field "launched"');
  await expectNoAxeViolations(page);
});

for (const colorScheme of ['light', 'dark']) {
  test(`zero axe violations in the ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await gotoReady(page, './');
    await expect(cards(page)).toHaveCount(11);
    await expectNoAxeViolations(page);
  });
}

test('zero axe violations in the error state', async ({ page }) => {
  await serveData(page, '[]');
  await gotoReady(page, FETCHED_LIST);
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('fits a 320 px phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await gotoReady(page, './');
  await expect(cards(page)).toHaveCount(11);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the sub-path build fetches nothing from another origin', async ({ page }) => {
  const foreign = [];
  page.on('request', (req) => {
    if (!req.url().startsWith('http://127.0.0.1:4180/explorer/')) foreign.push(req.url());
  });
  await gotoReady(page, './');
  await expect(cards(page)).toHaveCount(11);
  expect(foreign).toEqual([]);
});
