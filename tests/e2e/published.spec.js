// A partner's list published with `./run data publish LIST --out DIR`, tested
// with EXPLORER_DIST=DIR: the folder is an explorer of that list and of no
// other (its page is prerendered from it, titled by it, and runs under the
// folder's own Content-Security-Policy). Our own dist/ has other tests.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { DATASET, DIST, OURS, PUBLISHED, cards, collectErrors, firstCards, literal, settledIn } from './helpers.js';

test.skip(!PUBLISHED, 'for a folder made by ./run data publish (EXPLORER_DIST=DIR); dist/ carries our own list');

const ALL = DATASET.partnerships.length;
const FIRST = firstCards(DATASET.partnerships);

test.describe('the served index.html', () => {
  // The page as it arrives, before any script could change it.
  test.use({ javaScriptEnabled: false });

  test("holds the published list's cards and none of ours", async ({ page }) => {
    const response = await page.goto('./');
    const html = await response.text();
    // Every name of the list is in the page: as a card's heading (text) or in
    // the list the page carries (JSON in a script element, `<` escaped).
    const asText = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const asJson = (text) => JSON.stringify(text).slice(1, -1).replace(/</g, '\\u003c');
    for (const { name } of DATASET.partnerships) {
      expect([asText(name), asJson(name)].some((form) => html.includes(form)), name).toBe(true);
    }
    // The cards are the list's first view, in order (a batch of them), each with its name.
    await expect(cards(page)).toHaveCount(FIRST.length);
    expect(await cards(page).evaluateAll((list) => list.map((card) => card.id))).toEqual(FIRST.map((p) => p.id));
    await expect(cards(page).locator('h3')).toHaveText(FIRST.map((p) => p.name));
    const carried = await page.evaluate(() => JSON.parse(document.getElementById('dataset').textContent));
    expect(carried.partnerships.map((p) => p.name)).toEqual(DATASET.partnerships.map((p) => p.name));
    // None of our own partnerships, by id exactly (a partner's ids may contain
    // ours, as the test lists' `<our id>-<n>` do): no element, no carried entry.
    const ids = [...html.matchAll(/\sid="?([^"\s>]+)/g)].map(([, id]) => id);
    expect(ids, 'the cards are found by their id attributes').toEqual(expect.arrayContaining(FIRST.map((p) => p.id)));
    const ours = new Set(OURS.partnerships.map((p) => p.id));
    expect(ids.filter((id) => ours.has(id))).toEqual([]);
    expect(carried.partnerships.map((p) => p.id).filter((id) => ours.has(id))).toEqual([]);
  });

  test('is titled by the published list', async ({ page }) => {
    await page.goto('./');
    await expect(page).toHaveTitle(new RegExp(literal(DATASET.title)));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(DATASET.title);
    const count = `${ALL} ${ALL === 1 ? 'partnership' : 'partnerships'}`;
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', new RegExp(`^${literal(`${DATASET.title}: ${count}`)}`));
  });
});

// The folder's policy allows its own page's inline script and stylesheet by
// their hashes: post-build rewrote that page for the list, so the two must agree.
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attributes]) => !/\bsrc=|type="?application\/json/.test(attributes));
const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map(([, body]) => body);

for (const [where, url] of [
  ['under a sub-path', 'http://127.0.0.1:4180/explorer/'],
  ['at the root', 'http://127.0.0.1:4181/'],
]) {
  test(`no Content-Security-Policy violation while the page loads and the app takes over, ${where}`, async ({ page }) => {
    const errors = collectErrors(page);
    const reported = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) reported.push(message.text());
    });
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const response = await page.goto(url);
    const policy = response.headers()['content-security-policy'];
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' /);
    expect(policy).not.toContain('unsafe-inline');
    expect(inline.length).toBeGreaterThan(0);
    for (const [, , body] of inline) expect(policy).toContain(sha256(body));
    for (const body of styles) expect(policy).toContain(sha256(body));
    await settledIn(page);
    await expect(cards(page)).toHaveCount(FIRST.length);
    await expect(page.locator('h1')).toHaveText(DATASET.title);
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
    expect(reported).toEqual([]);
    expect(errors).toEqual([]);
    // The listener hears a violation when there is one: an inline script added now is refused.
    await page.evaluate(() => document.head.append(Object.assign(document.createElement('script'), { textContent: 'window.ran = true' })));
    await expect.poll(() => page.evaluate(() => window.__violations.length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.ran)).toBeUndefined();
  });
}
