// Offline and updates: the service worker precaches the build, the page works
// without a network after one visit (with a note saying how old the data is),
// and a new build replaces the old one only after the reload prompt.
import { test, expect } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../../scripts/serve-static.mjs';
import { DATASET, DIST, SECTOR, cards, collectErrors, expectNoAxeViolations, firstCards, inSector, stubPrint } from './helpers.js';

// The cards of the default view (a batch, before "Show more").
const FIRST = firstCards(DATASET.partnerships).length;

test.use({ serviceWorkers: 'allow' });

/** Waits until the service worker controls the page (its precache is complete). */
async function waitForControl(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
    }
  });
}

test('after one visit the explorer works offline, saying the data is a saved copy', async ({ page, context }) => {
  // Its own server, so the test can take the network away for real: Chromium's
  // offline emulation does not reach a service worker's own requests.
  let server = await serveStatic({ dir: DIST, prefix: '/explorer/', port: 4184 });
  const url = 'http://127.0.0.1:4184/explorer/';
  const stop = () => new Promise((done) => { server.closeAllConnections(); server.close(done); });
  const errors = collectErrors(page);
  try {
    await page.goto(url);
    await expect(cards(page)).toHaveCount(FIRST);
    await waitForControl(page);
    // Online, the data comes from the network: no offline note.
    await page.reload();
    await expect(cards(page)).toHaveCount(FIRST);
    await expect(page.locator('.offline-note')).toHaveCount(0);

    await stop();
    await context.setOffline(true);
    await page.reload();
    await expect(cards(page)).toHaveCount(FIRST);
    const today = new Date().toLocaleDateString('en-US', { day: 'numeric', month: 'long', year: 'numeric' });
    await expect(page.locator('.offline-note')).toHaveText(`You are offline: showing the partnerships as saved on ${today}.`);
    // Any address of the page works offline, filters and embedding included.
    await page.goto(`${url}?sector=${SECTOR.id}&embed=1`);
    await expect(cards(page)).toHaveCount(firstCards(inSector(SECTOR.id)).length);
    await expect(page.locator('.offline-note')).toBeVisible();
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByRole('radio', { name: /All sectors/ }).click();
    await expect(cards(page)).toHaveCount(FIRST);
    // Taking the view along needs no network, in an embed too: the file is made
    // in the page, and holds the whole view, the cards after "Show more" too.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(file.suggestedFilename()).toBe('partnerships.csv');
    const csv = readFileSync(await file.path(), 'utf8');
    expect(csv.startsWith('\uFEFFid,name,')).toBe(true);
    for (const p of DATASET.partnerships) expect(csv).toContain(`\r\n${p.id},`);

    // Back online, fresh data again and no note.
    await context.setOffline(false);
    server = await serveStatic({ dir: DIST, prefix: '/explorer/', port: 4184 });
    await page.goto(url);
    await expect(cards(page)).toHaveCount(FIRST);
    await expect(page.locator('.offline-note')).toHaveCount(0);
  } finally {
    await stop();
  }
  // The failed network attempts are logged by the browser; nothing else is.
  expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|Failed to fetch|Failed to load resource/.test(e))).toEqual([]);
});

test('the check page is not precached, is cached when first opened, and then works offline', async ({ page, context }) => {
  let server = await serveStatic({ dir: DIST, prefix: '/explorer/', port: 4187 });
  const url = 'http://127.0.0.1:4187/explorer/';
  const stop = () => new Promise((done) => { server.closeAllConnections(); server.close(done); });
  const shellFiles = () =>
    page.evaluate(async () => {
      const shell = await caches.open((await caches.keys()).find((n) => n.includes('-shell-')));
      return (await shell.keys()).map((r) => new URL(r.url).pathname);
    });
  try {
    await page.goto(url);
    await waitForControl(page);
    // A visitor's install does not fetch the check page's wasm.
    expect((await shellFiles()).filter((p) => p.includes('/check-'))).toEqual([]);
    await page.goto(`${url}?check=1`);
    await expect(page.getByLabel('Choose a list (CSV or JSON)')).toBeVisible();
    expect((await shellFiles()).filter((p) => p.includes('/check-')).length).toBe(2);

    await stop();
    await context.setOffline(true);
    await page.reload();
    // The build's own list as a spreadsheet (data/partnerships.csv, beside its JSON).
    await page.getByLabel('Choose a list (CSV or JSON)').setInputFiles({
      name: 'list.csv',
      mimeType: 'text/csv',
      buffer: readFileSync(join(DIST, 'data/partnerships.csv')),
    });
    await expect(page.locator('.check-summary')).toHaveText(new RegExp(`^${DATASET.partnerships.length} partnerships ready`));
  } finally {
    await context.setOffline(false);
    await stop();
  }
});

test('every file of the build is precached, with the hashed names of this build', async ({ page }) => {
  await page.goto('./');
  await waitForControl(page);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const shell = await caches.open(names.find((n) => n.includes('-shell-')));
    return (await shell.keys()).map((r) => new URL(r.url).pathname);
  });
  const worker = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const files = JSON.parse(worker.match(/FILES=(\[[^\]]*\])/)[1]);
  // And, after them, the take-along code (asked for by the page only when wanted).
  const later = JSON.parse(worker.match(/LATER=(\[[^\]]*\])/)[1]);
  expect(later.map((f) => f.replace(/-[0-9a-f]+/, '-<hash>')).sort()).toEqual(['take-<hash>.js', 'take-<hash>_bg.wasm']);
  expect(cached.sort()).toEqual([...files, ...later].map((f) => new URL(f, 'http://x/explorer/').pathname).sort());
  for (const name of ['index.html', '.wasm', 'boot-', 'data/partnerships.json', 'manifest.webmanifest']) {
    if (name === 'index.html') expect(cached).toContain('/explorer/');
    else expect(cached.some((p) => p.includes(name)), name).toBe(true);
  }
});

test('a new build is offered with a reload prompt, never mixed in silently', async ({ browser }) => {
  test.setTimeout(90_000);
  // A copy of the build on its own server, so the test can deploy a "new build".
  const dir = mkdtempSync(join(tmpdir(), 'explorer-build-'));
  cpSync(DIST, dir, { recursive: true });
  const server = await serveStatic({ dir, prefix: '/explorer/', port: 4183 });
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await page.goto('http://127.0.0.1:4183/explorer/');
    await expect(cards(page)).toHaveCount(FIRST);
    await waitForControl(page);
    await expect(page.locator('.update-prompt')).toHaveCount(0);
    // The build's own title (ours, or a published list's), which the new build prefixes.
    const title = await page.title();
    expect(title).toContain('Partnership Explorer');

    // Deploy: a changed page and the service worker that comes with it.
    const index = readFileSync(join(dir, 'index.html'), 'utf8');
    writeFileSync(join(dir, 'index.html'), index.replace('<title>', '<title>New build: '));
    const worker = readFileSync(join(dir, 'sw.js'), 'utf8');
    writeFileSync(join(dir, 'sw.js'), worker.replace(/BUILD="([0-9a-f]+)"/, 'BUILD="new$1"'));

    // The next visit still gets the old build, whole, and the offer.
    await page.reload();
    await expect(cards(page)).toHaveCount(FIRST);
    await expect(page).toHaveTitle(title);
    // The offer comes once the new worker has installed, that is precached the
    // whole build: on a busy machine that takes longer than an expectation's
    // few seconds, so wait for the worker itself, as the page does.
    await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting), null, {
      polling: 250,
      timeout: 60_000,
    });
    const prompt = page.locator('.update-prompt');
    await expect(prompt).toContainText('A new version of Partnership Explorer is ready.');
    await expect(page).toHaveTitle(title);
    await expectNoAxeViolations(page);

    await prompt.getByRole('button', { name: 'Reload to update' }).click();
    await expect(page).toHaveTitle(`New build: ${title}`);
    await expect(cards(page)).toHaveCount(FIRST);
    await expect(page.locator('.update-prompt')).toHaveCount(0);
  } finally {
    await context.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a page visited once prints, downloads and embeds offline, though its first visit asked for no take-along code', async ({ page, context }) => {
  let server = await serveStatic({ dir: DIST, prefix: '/explorer/', port: 4185 });
  const url = 'http://127.0.0.1:4185/explorer/';
  const stop = () => new Promise((done) => { server.closeAllConnections(); server.close(done); });
  const errors = collectErrors(page);
  // The page's own requests (the service worker's precache is not among them).
  const requested = [];
  page.on('request', (request) => requested.push(request.url()));
  await stubPrint(page);
  const takeAlong = /\/take-[0-9a-f]+(_bg\.wasm|\.js)$/;
  try {
    await page.goto(url);
    await expect(cards(page)).toHaveCount(FIRST);
    await waitForControl(page);
    expect(requested.filter((u) => /\.wasm$/.test(u)), 'the first visit fetched the explorer\'s wasm').toHaveLength(1);
    expect(requested.filter((u) => takeAlong.test(u)), 'and none of the take-along code').toEqual([]);
    const cached = await page.evaluate(async () => {
      const urls = [];
      for (const key of await caches.keys()) urls.push(...(await (await caches.open(key)).keys()).map((r) => r.url));
      return urls;
    });
    expect(cached.filter((u) => takeAlong.test(u)), 'the service worker keeps it for offline use').toHaveLength(2);

    await stop();
    await context.setOffline(true);
    await page.reload();
    await expect(cards(page)).toHaveCount(FIRST);
    await expect(page.locator('.offline-note')).toBeVisible();

    await page.getByRole('button', { name: 'Print this view' }).click();
    await expect.poll(() => page.evaluate(() => window.printCalls)).toBe(1);
    await expect(page.locator('svg.qr-code path')).toHaveAttribute('d', /^M\d+,\d+h1v1h-1z/);
    await expect(page.locator('.take-along-status')).toHaveText('');

    for (const [name, file, start] of [['Download CSV', 'partnerships.csv', '\uFEFFid,name,'], ['Download JSON', 'partnerships.json', '{']]) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      expect(download.suggestedFilename()).toBe(file);
      const text = readFileSync(await download.path(), 'utf8');
      expect(text.startsWith(start), name).toBe(true);
      for (const p of DATASET.partnerships) expect(text, name).toContain(p.id);
    }

    await page.getByRole('button', { name: 'Embed this view' }).click();
    await expect(page.getByRole('dialog', { name: 'Embed this view' })).toBeVisible();
    await expect(page.locator('#embed-loader')).toHaveValue(new RegExp(`${url}embed\\.js`));
    await expect(page.locator('#embed-iframe')).toHaveValue(/<iframe\b/);
  } finally {
    await stop();
  }
  expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|Failed to fetch|Failed to load resource/.test(e))).toEqual([]);
});
