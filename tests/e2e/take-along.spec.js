// Taking a view along (issue 20): the printed handout (its text read back from
// the PDF with pdftotext, its QR code decoded with zbarimg), the downloads of
// the shown partnerships (CSV read by Python's csv module, JSON by the app's
// own check), no live formula in a CSV, and Share with its fallback.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATASET, FETCHED_LIST, WHOLE_LIST_UP_TO, cards, collectErrors, expectNoAxeViolations, gotoReady, serveData, stubPrint } from './helpers.js';

const CONTROL_LABELS = ['Print this view', 'Download CSV', 'Download JSON', 'Share this view', 'Embed this view',
  'Copy link', 'Show all', 'Clear filters', 'All sectors', 'Search partnerships', 'Sort by', 'Skip to'];

/** Text as pdftotext gives it, every run of white space one space. */
const flat = (text) => text.replace(/\s+/g, ' ');

function workDir() {
  return mkdtempSync(join(tmpdir(), 'take-along-'));
}

/** The page printed to PDF (Letter), its text and its pages as PNG files. */
async function printed(page) {
  const dir = workDir();
  const pdf = join(dir, 'view.pdf');
  await page.pdf({ path: pdf, format: 'Letter' });
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '150', pdf, join(dir, 'page')]);
  const pages = readdirSync(dir).filter((f) => f.endsWith('.png')).map((f) => join(dir, f));
  return { text: flat(text), pages };
}

/** What the QR codes on these PNG pages say. */
function decodeQr(pages) {
  try {
    return execFileSync('zbarimg', ['--quiet', '--raw', ...pages], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim().split('\n');
  } catch (e) {
    // zbarimg exits 4 when it finds no code.
    if (e.status === 4) return [];
    throw e;
  }
}

/** Presses "Print this view" and waits until the handout is on the page, with its QR code. */
async function pressPrint(page) {
  await page.getByRole('button', { name: 'Print this view' }).click();
  await expect.poll(() => page.evaluate(() => window.printCalls)).toBe(1);
  await expect(page.locator('svg.qr-code')).toHaveCount(1);
}

test('a filtered view prints as a handout: its cards whole, the filters in words, the address and a QR code of it', async ({ page }) => {
  const errors = collectErrors(page);
  await stubPrint(page);
  await gotoReady(page, './?sector=healthcare&state=LA');
  await pressPrint(page);
  const shown = DATASET.partnerships.filter((p) => p.sector === 'healthcare' && p.state === 'LA');
  expect(shown.length).toBeGreaterThan(0);
  const { text, pages } = await printed(page);
  for (const p of shown) {
    expect(text).toContain(flat(p.name));
    for (const h of p.highlights) expect(text, 'every highlight, the collapsed ones too').toContain(flat(h));
  }
  for (const p of DATASET.partnerships.filter((p) => !shown.includes(p))) expect(text).not.toContain(flat(p.name));
  expect(text).toContain('This view: Healthcare · Louisiana');
  expect(text).toContain(`Showing ${shown.length} of 11 partnerships`);
  const address = page.url();
  expect(text.replace(/ /g, '')).toContain(address);
  expect(text).toContain('Source: Next Generation Sector Partnership Community of Practice');
  for (const label of CONTROL_LABELS) expect(text, 'no controls on paper').not.toContain(label);
  expect(decodeQr(pages)).toEqual([address]);
  expect(errors).toEqual([]);
});

test("the browser's own Print, before the QR code's code has come, prints the address in words and asks for it", async ({ page }) => {
  const takeAlong = [];
  page.on('request', (request) => {
    if (/\/take-[0-9a-f]+(_bg\.wasm|\.js)$/.test(request.url())) takeAlong.push(request.url());
  });
  await gotoReady(page, './?state=LA');
  expect(takeAlong, 'the first visit asks for none of it').toEqual([]);
  const first = await printed(page);
  expect(first.text.replace(/ /g, '')).toContain(page.url());
  expect(decodeQr(first.pages)).toEqual([]);
  await expect.poll(() => takeAlong.length, 'the print asked for it').toBe(2);
  await expect.poll(async () => decodeQr((await printed(page)).pages)).toEqual([page.url()]);
});

test("the browser's own Print holds every matching card, not only the first batch", async ({ page }) => {
  // Longer than a list shown whole (src/components/explorer.rs, WHOLE_LIST_UP_TO).
  const n = WHOLE_LIST_UP_TO + 10;
  const many = { ...DATASET, partnerships: Array.from({ length: n }, (_, i) => ({ ...DATASET.partnerships[i % 11], id: `p-${i}`, name: `Partnership number ${i}` })) };
  await serveData(page, many);
  await gotoReady(page, FETCHED_LIST);
  expect(await cards(page).count(), 'the screen shows a first batch').toBeLessThan(n);
  const { text } = await printed(page);
  for (let i = 0; i < n; i++) expect(text).toContain(`Partnership number ${i} `);
  expect(text).toContain(`Showing ${n} of ${n} partnerships`);
});

test('in print no card is taller than a page, each avoids breaks, and the handout is never dark', async ({ page }) => {
  await stubPrint(page);
  await gotoReady(page, './');
  // The button does what a browser does before it prints (emulating print
  // media alone does not): the handout's footer and QR code are made then
  // (take_along.rs), once the QR code's code has come.
  await pressPrint(page);
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  // A Letter page, less the margins of the print stylesheet, in CSS pixels.
  const pageHeight = (11 * 96) - ((14 * 2) / 25.4) * 96;
  const boxes = await page.locator('.card-item').evaluateAll((items) => items.map((item) => ({
    height: item.getBoundingClientRect().height,
    breaks: getComputedStyle(item).breakInside,
  })));
  expect(boxes).toHaveLength(11);
  for (const box of boxes) {
    expect(box.height).toBeLessThan(pageHeight);
    expect(box.breaks).toBe('avoid');
  }
  const colours = await page.evaluate(() => ({
    body: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(document.querySelector('.card-name')).color,
  }));
  expect(colours).toEqual({ body: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)' });
  await expect(page.getByRole('img', { name: 'QR code for this view' })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('img', { name: 'QR code for this view' })).toBeHidden();
});

/** Clicks a download button: the file's name and text. */
async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

/** A CSV read by a real CSV parser (Python's csv module): its rows. */
function parseCsv(text) {
  const script = 'import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))))';
  const file = join(workDir(), 'view.csv');
  writeFileSync(file, text);
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
}

/** `./run data ARGS` (the app's own check and conversion): exit code and output. */
function data(...args) {
  try {
    return { code: 0, out: execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'data', '--', ...args], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    return { code: e.status, out: e.stdout };
  }
}

test('Download CSV and Download JSON hold exactly the shown partnerships, in the shown order', async ({ page }) => {
  await gotoReady(page, './?sector=manufacturing&sort=state');
  const ids = await cards(page).evaluateAll((articles) => articles.map((a) => a.id));
  expect(ids.length).toBeGreaterThan(1);
  const csv = await download(page, 'Download CSV');
  expect(csv.name).toBe('partnerships-manufacturing.csv');
  expect(csv.text.startsWith('\uFEFF') && csv.text.includes('\r\n')).toBe(true);
  const rows = parseCsv(csv.text);
  expect(rows[0].slice(0, 2)).toEqual(['id', 'name']);
  expect(rows.slice(1).map((r) => r[0])).toEqual(ids);
  const json = await download(page, 'Download JSON');
  expect(json.name).toBe('partnerships-manufacturing.json');
  expect(JSON.parse(json.text).partnerships.map((p) => p.id)).toEqual(ids);
  const file = join(workDir(), json.name);
  writeFileSync(file, json.text);
  expect(data('check', file)).toEqual({ code: 0, out: `${file}: ${ids.length} partnerships ready, none need fixing\n` });
  // And the file names say every filter: a state too.
  await gotoReady(page, './?sector=healthcare&state=LA');
  expect((await download(page, 'Download CSV')).name).toBe('partnerships-healthcare-LA.csv');
});

test("a partner's list with formula-like cells downloads with none of them live, and imports back the same", async ({ page }) => {
  const list = structuredClone(DATASET);
  list.partnerships[0].name = '=HYPERLINK("https://evil.example","Click")';
  list.partnerships[1].region = '+1 county';
  list.partnerships[2].summary = '@SUM(A1:A2) and more';
  list.partnerships[3].highlights[0] = '-3 sites';
  await serveData(page, list);
  await gotoReady(page, FETCHED_LIST);
  const csv = await download(page, 'Download CSV');
  for (const row of parseCsv(csv.text)) {
    for (const cell of row) expect(cell, 'no cell a spreadsheet would run').not.toMatch(/^[=+\-@\t\r]/);
  }
  const dir = workDir();
  writeFileSync(join(dir, 'view.csv'), csv.text);
  expect(data('import', join(dir, 'view.csv'), '-o', join(dir, 'back.json')).code).toBe(0);
  const back = JSON.parse(readFileSync(join(dir, 'back.json'), 'utf8'));
  const byName = (a, b) => a.name.localeCompare(b.name);
  expect([...back.partnerships].sort(byName)).toEqual([...list.partnerships].sort(byName));
});

test('Share opens the Web Share sheet with the title and address where there is one', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.share = (data) => {
      window.shared = data;
      return Promise.resolve();
    };
  });
  await gotoReady(page, './?sector=healthcare');
  await page.getByRole('button', { name: 'Share this view' }).click();
  await expect.poll(() => page.evaluate(() => window.shared)).toEqual({ title: 'Partnership Explorer: Healthcare', url: page.url() });
});

test('where the browser cannot share, Share copies the address and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => delete Navigator.prototype.share);
  await gotoReady(page, './?sector=healthcare');
  await page.getByRole('button', { name: 'Share this view' }).click();
  await expect(page.locator('.take-along .copied[role="status"]')).toHaveText(/^Address copied/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
});

for (const colorScheme of ['light', 'dark']) {
  test(`the take-along buttons pass axe in the ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await gotoReady(page, './?sector=healthcare');
    for (const name of ['Print this view', 'Download CSV', 'Download JSON', 'Share this view']) {
      await expect(page.getByRole('button', { name })).toBeVisible();
    }
    await expectNoAxeViolations(page);
  });
}

test('"Print this view" puts every matching card on the page, then opens the print dialog', async ({ page }) => {
  const many = { ...DATASET, partnerships: Array.from({ length: 30 }, (_, i) => ({ ...DATASET.partnerships[i % 11], id: `p-${i}`, name: `Partnership number ${i}` })) };
  await serveData(page, many);
  await page.addInitScript(() => {
    window.print = () => {
      window.printedCards = document.querySelectorAll('main article').length;
    };
  });
  await gotoReady(page, FETCHED_LIST);
  await page.getByRole('button', { name: 'Print this view' }).click();
  await expect.poll(() => page.evaluate(() => window.printedCards)).toBe(30);
});

test('while the take-along code comes on a slow network, the button and a status line say so', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\/take-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await held;
    return route.continue();
  });
  await gotoReady(page, './?sector=healthcare');
  const csv = page.locator('.take-along button').nth(1);
  const status = page.locator('.take-along-status');

  // A slow network: the button says it is coming, then the file comes.
  await csv.click();
  await expect(csv).toHaveText('Preparing…');
  await expect(csv).toHaveAttribute('aria-busy', 'true');
  await expect(status).toHaveText('Preparing the CSV file…');
  const [file] = await Promise.all([page.waitForEvent('download'), release()]);
  expect(file.suggestedFilename()).toBe('partnerships-healthcare.csv');
  await expect(csv).toHaveText('Download CSV');
  await expect(csv).not.toHaveAttribute('aria-busy');
  await expect(status).toHaveText('');
});

test('when the take-along code cannot come, the CSV says why and Print prints the address in words', async ({ page }) => {
  await stubPrint(page);
  await page.route(/\/take-[0-9a-f]+_bg\.wasm$/, (route) => route.abort('internetdisconnected'));
  await gotoReady(page, './?sector=healthcare');
  const status = page.locator('.take-along-status');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  await expect(status).toHaveText('The CSV file could not be made: its code could not be downloaded (are you offline?). Try again.');
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeVisible();
  await page.getByRole('button', { name: 'Print this view' }).click();
  await expect.poll(() => page.evaluate(() => window.printCalls)).toBe(1);
  await expect(status).toHaveText(/^The QR code could not be added: its code could not be downloaded \(are you offline\?\)\. The address is printed in words\.$/);
  await expect(page.locator('svg.qr-code')).toHaveCount(0);
  await expect(page.locator('.handout-address')).toHaveText(page.url());
  await page.getByRole('button', { name: 'Embed this view' }).click();
  await expect(page.locator('.embed-dialog-status')).toHaveText(/^The code to embed could not be made: its code could not be downloaded/);
});
