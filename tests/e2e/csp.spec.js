// The strict Content-Security-Policy of issue 4, sent as a real response
// header (from dist/_headers, by scripts/serve-static.mjs), at the site's root
// and under a sub-path: the app runs with zero violations and zero errors.
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DATASET, cards, collectErrors, gotoReady } from './helpers.js';

const html = readFileSync('dist/index.html', 'utf8');
const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
// The one inline script (index.html's head: it marks the page for its address
// before the first paint) is allowed by its hash, and nothing else inline is.
const inline = scripts.filter(([, attributes]) => !/\bsrc=|type="?application\/json/.test(attributes));
const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
// The stylesheet, inlined so that the first paint needs one response, likewise.
const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
const POLICY = [
  "default-src 'self'",
  ["script-src 'self' 'wasm-unsafe-eval'", ...inline.map(([, , body]) => sha256(body))].join(' '),
  ["style-src 'self'", ...styles.map(sha256)].join(' '),
  "img-src 'self' data:; connect-src 'self'; frame-ancestors *",
].join('; ');

test('dist/index.html has one inline script and one inline stylesheet, each allowed by its hash, and _headers carries the policy and caching rules', () => {
  expect(scripts.length).toBeGreaterThan(0);
  expect(inline).toHaveLength(1);
  expect(inline[0][2]).toContain('view-pending');
  for (const [, attributes, body] of scripts) {
    if (inline.some(([, a, b]) => a === attributes && b === body)) continue;
    if (/type="?application\/json/.test(attributes)) {
      // Data, never run: the dataset the page carries, and the answers to a first click.
      expect(attributes).toMatch(/\bid="?(dataset|first-answers)\b/);
      continue;
    }
    expect(attributes).toMatch(/\bsrc=/);
    expect(body.trim()).toBe('');
  }
  expect(styles).toHaveLength(1);
  expect(styles[0]).toContain('.card');
  expect(html).not.toMatch(/\sstyle=/i);
  expect(html).not.toMatch(/<link\b[^>]*\bstylesheet\b/);
  const headers = readFileSync('dist/_headers', 'utf8');
  expect(headers).toContain(`/*\n  Content-Security-Policy: ${POLICY}\n`);
  const boot = html.match(/src="?\.\/(boot-[0-9a-f]+\.js)/)[1];
  const wasm = readFileSync(`dist/${boot}`, 'utf8').match(/(partnership-explorer-[0-9a-f]+_bg\.wasm)/)[1];
  expect(headers).toContain(`/${wasm}\n  Cache-Control: public, max-age=31536000, immutable`);
  for (const path of ['/index.html', '/sw.js', '/data/*']) expect(headers).toContain(`${path}\n  Cache-Control: no-cache`);
});

for (const [where, url] of [
  ['under a sub-path', 'http://127.0.0.1:4180/explorer/'],
  ['at the root', 'http://127.0.0.1:4181/'],
]) {
  test(`runs under the policy ${where} with zero violations and zero console errors`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const response = await gotoReady(page, url);
    expect(response.headers()['content-security-policy']).toBe(POLICY);
    await expect(cards(page)).toHaveCount(DATASET.partnerships.length);
    // Exercise what runs code: filters, search, the dialog, a card, embedding.
    await page.getByRole('radio', { name: /Healthcare/ }).click();
    await page.getByLabel('Search partnerships').fill('nurs');
    await expect(page.locator('mark').first()).toBeVisible();
    await page.getByRole('button', { name: 'Embed this view' }).click();
    await expect(page.getByRole('dialog', { name: 'Embed this view' })).toBeVisible();
    await page.keyboard.press('Escape');
    await gotoReady(page, `${url}?embed=1&state=LA`);
    await expect(cards(page)).toHaveCount(DATASET.partnerships.filter((p) => p.state === 'LA').length);
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
    expect(errors).toEqual([]);
  });
}
