// "Check and preview your list" (?check=1, issue 13): a partner's CSV or JSON
// file is read in the page, checked by the app's own validation, its problems
// listed by row or entry, its valid partnerships previewed in the explorer,
// and the converted dataset downloaded. Nothing is sent anywhere.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectErrors, expectNoAxeViolations, settledIn, DATASET } from './helpers.js';
import { serveStatic } from '../../scripts/serve-static.mjs';

const EXAMPLE_CSV = readFileSync(new URL('../../public/data/partnerships.csv', import.meta.url), 'utf8');
const FIXTURE_JSON = readFileSync(new URL('../fixtures/some-entries-bad.json', import.meta.url), 'utf8');

/** The example spreadsheet with three rows broken, each in one cell. */
function csvWithThreeBrokenRows() {
  // Rows whose cells hold no line break are single lines: break three of them.
  const breaks = [
    ['kingman-mohave-manufacturers-association', ',AZ,', ',Ariz.,'],
    ['calumet-manufacturing-industry-sector-partnership', ',Manufacturing,', ',Mining,'],
    ['hawaii-island-agricultural-partnership', ',HI,Hawai’i Island,,', ',HI,Hawai’i Island,1999-13,'],
  ];
  let text = EXAMPLE_CSV;
  for (const [id, from, to] of breaks) {
    const start = text.indexOf(`\r\n${id},`);
    expect(start, id).toBeGreaterThan(0);
    const at = text.indexOf(from, start);
    text = text.slice(0, at) + to + text.slice(at + from.length);
  }
  return text;
}

/** The row number (header = 1) of a partnership in the example spreadsheet. */
const rowOf = (id) => DATASET.partnerships.findIndex((p) => p.id === id) + 2;

async function openCheck(page) {
  await page.goto('./?check=1');
  await expect(page.getByRole('heading', { level: 1, name: 'Check and preview your list' })).toBeVisible();
}

async function choose(page, name, text) {
  await page.getByLabel('Choose a list (CSV or JSON)').setInputFiles({
    name,
    mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/json',
    buffer: Buffer.from(text),
  });
}

const status = (page) => page.locator('.check-summary[role="status"]');
const problems = (page) => page.getByRole('list', { name: 'Problems' }).getByRole('listitem');
const previewCards = (page) => page.locator('.check-preview main article, .check-preview article');

test('the footer links the check page, which says the file stays in the browser; no axe violations', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await page.getByRole('link', { name: 'Check your own list' }).click();
  await expect(page).toHaveURL(/\?check=1$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Check and preview your list' })).toBeVisible();
  await expect(page.getByText('Your file is read in this browser and never sent anywhere.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Publish it' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Publish it' }).getByRole('listitem')).toHaveCount(5);
  // The explorer's own cards are not this page's.
  await expect(page.locator('article')).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('the template filled with the bundled data: 11 ready and a preview of 11 cards; nothing is sent', async ({ page }) => {
  const errors = collectErrors(page);
  await openCheck(page);
  const requests = [];
  page.on('request', (r) => requests.push(r));
  await choose(page, 'our-list.csv', EXAMPLE_CSV);
  await expect(status(page)).toHaveText(/^11 partnerships ready, none need fixing/);
  await expect(page.getByRole('list', { name: 'Problems' })).toHaveCount(0);
  await expect(previewCards(page)).toHaveCount(11);
  // The real explorer: its filters work on the preview.
  await page.locator('.check-preview').getByRole('radio', { name: /^Healthcare/ }).check();
  const healthcare = DATASET.partnerships.filter((p) => p.sector === 'healthcare').length;
  await expect(previewCards(page)).toHaveCount(healthcare);
  await expect(page).toHaveURL(/check=1/);
  await expectNoAxeViolations(page);
  // No request carries the file: none has a body, none goes elsewhere.
  for (const r of requests) {
    expect(r.postData(), r.url()).toBeNull();
    expect(new URL(r.url()).host).toBe(new URL(page.url()).host);
  }
  expect(errors).toEqual([]);
});

test('a CSV with three broken rows lists each by row and column and previews the rest', async ({ page }) => {
  await openCheck(page);
  await choose(page, 'broken.csv', csvWithThreeBrokenRows());
  await expect(status(page)).toHaveText(/^8 partnerships ready, 3 need fixing/);
  const said = await problems(page).allTextContents();
  expect(said[0]).toMatch(new RegExp(`^row ${rowOf('kingman-mohave-manufacturers-association')}, column "state": unknown state code "Ariz."`));
  expect(said[1]).toMatch(new RegExp(`^row ${rowOf('calumet-manufacturing-industry-sector-partnership')}, column "sector": unknown sector "Mining" \\(use one of: Healthcare`));
  expect(said.slice(2).join('\n')).toContain(`row ${rowOf('hawaii-island-agricultural-partnership')}, column "launched": "1999-13" is not a year`);
  await expect(previewCards(page)).toHaveCount(8);
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
});

test('a JSON file with problems lists them by entry and field and previews the rest', async ({ page }) => {
  await openCheck(page);
  await choose(page, 'ours.json', FIXTURE_JSON);
  await expect(status(page)).toHaveText(/^8 partnerships ready, 3 need fixing/);
  await expect(problems(page)).toHaveCount(3);
  await expect(problems(page).first()).toHaveText(/^partnerships\[0\] "northeast-louisiana-healthcare-partnership", field "state": unknown state code "ZZ"/);
  await expect(previewCards(page)).toHaveCount(8);
  await expectNoAxeViolations(page);
});

// A partner's value is quoted exactly as written, even words that are Rust's
// type names (issue 28: "u32" was once rewritten into "a whole number …").
test('a website holding "u32" and "a sequence" is quoted exactly as the partner wrote it', async ({ page }) => {
  await openCheck(page);
  const list = structuredClone(DATASET);
  list.partnerships[0].website = 'http://u32.example/a sequence';
  await choose(page, 'u32.json', JSON.stringify(list));
  await expect(problems(page)).toHaveCount(1);
  await expect(problems(page).first()).toContainText('"http://u32.example/a sequence" is not an https:// address');
  await expect(problems(page).first()).not.toContainText('a whole number');
});

test('an unusable file says why and shows no preview; a good file after it shows one', async ({ page }) => {
  await openCheck(page);
  await choose(page, 'wrong.csv', 'name,stae\nA,LA\n');
  await expect(status(page)).toHaveText(/^0 partnerships ready: the file cannot be used yet/);
  await expect(problems(page).first()).toHaveText('row 1, column "stae": unknown column; did you mean "state"?');
  await expect(page.getByRole('link', { name: 'Download partnerships.json' })).toHaveCount(0);
  await expect(previewCards(page)).toHaveCount(0);
  await expectNoAxeViolations(page);
  await choose(page, 'fine.csv', EXAMPLE_CSV);
  await expect(status(page)).toHaveText(/^11 partnerships ready/);
  await expect(problems(page)).toHaveCount(0);
});

test('dropping the filled template on the page checks it like choosing it: 11 ready, 11 cards', async ({ page }) => {
  await openCheck(page);
  const drop = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
    return data;
  }, EXAMPLE_CSV);
  await page.locator('main').dispatchEvent('dragover', { dataTransfer: drop });
  await page.locator('main').dispatchEvent('drop', { dataTransfer: drop });
  await expect(status(page)).toHaveText(/^11 partnerships ready.*dropped\.csv/);
  await expect(previewCards(page)).toHaveCount(11);
});

test('the download equals what the CLI writes for the same input', async ({ page }) => {
  await openCheck(page);
  const broken = csvWithThreeBrokenRows();
  await choose(page, 'broken.csv', broken);
  await expect(status(page)).toHaveText(/^8 partnerships ready/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download partnerships.json' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('partnerships.json');
  const downloaded = readFileSync(await download.path(), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'check-'));
  writeFileSync(join(dir, 'broken.csv'), broken);
  const out = join(dir, 'cli.json');
  try {
    execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'data', '--', 'import', join(dir, 'broken.csv'), '-o', out], { stdio: 'pipe' });
  } catch (e) {
    expect(e.status, 'exit 1: problems found, the valid rows written').toBe(1);
  }
  expect(downloaded).toBe(readFileSync(out, 'utf8'));
  expect(JSON.parse(downloaded).partnerships).toHaveLength(8);
});

// Partners' files as their programs really save them (issue 19), made by the
// same generator as the Rust tests' (examples/exports.rs).
const EXPORTS = mkdtempSync(join(tmpdir(), 'exports-'));
test.beforeAll(() => {
  execFileSync('cargo', ['run', '--quiet', '--locked', '--example', 'exports', '--', EXPORTS, '10000'], { stdio: 'pipe' });
});

/** Drops a small file of the exports on the page, as a partner drags it from their folder. */
async function dropExport(page, name) {
  const base64 = readFileSync(join(EXPORTS, name)).toString('base64');
  const drop = await page.evaluateHandle(([base64, name]) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], name, { type: 'text/csv' }));
    return data;
  }, [base64, name]);
  await page.locator('main').dispatchEvent('dragover', { dataTransfer: drop });
  await page.locator('main').dispatchEvent('drop', { dataTransfer: drop });
}

const notes = (page) => page.getByRole('list', { name: 'How your file was read' }).getByRole('listitem');

test("Excel's Windows-1252 and semicolon files: 11 ready, with a note of how each was read; no axe violations", async ({ page }) => {
  const errors = collectErrors(page);
  await openCheck(page);
  await dropExport(page, 'excel-comma-delimited-windows-1252.csv');
  await expect(status(page)).toHaveText(/^11 partnerships ready, none need fixing/);
  await expect(notes(page)).toHaveText([/^read as Windows-1252, as Excel's "CSV \(Comma delimited\)" is saved; every character came through$/]);
  await expect(previewCards(page)).toHaveCount(11);
  // Characters Windows-1252 holds came through: the preview shows them.
  await expect(page.locator('.check-preview').getByRole('heading', { name: /Hawai’i Island/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await dropExport(page, 'excel-semicolon-windows-1252.csv');
  await expect(status(page)).toHaveText(/^11 partnerships ready, none need fixing.*excel-semicolon/);
  await expect(notes(page)).toHaveText([/^read as Windows-1252/, /^cells are separated by semicolons/]);
  await expect(page.getByRole('list', { name: 'Problems' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a column of their own is a warning and every row reads', async ({ page }) => {
  await openCheck(page);
  await dropExport(page, 'extra-column.csv');
  await expect(status(page)).toHaveText(/^11 partnerships ready, none need fixing/);
  await expect(notes(page)).toHaveText([/^Warning: column "notes" is not read/]);
});

test('10,000 rows: the page shows how far the check has come, stays usable, then 10000 ready; no axe violations', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  await openCheck(page);
  await page.getByLabel('Choose a list (CSV or JSON)').setInputFiles(join(EXPORTS, 'rows-10000.csv'));
  const progress = page.getByRole('progressbar', { name: 'Rows checked' });
  await expect(status(page)).toHaveText(/^Checking rows-10000\.csv… [\d,]+ of 10,000 rows$/);
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('max', '10000');
  // The page gets its turn between steps: it paints the count as it grows.
  const first = Number(await progress.getAttribute('value'));
  await expect.poll(async () => Number(await progress.getAttribute('value') ?? 10000)).toBeGreaterThan(first);
  await expectNoAxeViolations(page);
  await expect(status(page)).toHaveText(/^10000 partnerships ready, none need fixing/, { timeout: 60_000 });
  await expect(progress).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('a second file dropped while the first one\'s preview is being built replaces it, without a crash (issue 21)', async ({ page }) => {
  const errors = collectErrors(page);
  await openCheck(page);
  // In the page, so the second drop lands within a task of the first verdict,
  // while the first preview is still being built in phases.
  await page.evaluate(
    ([first, second]) => {
      const drop = (text, name) => {
        const data = new DataTransfer();
        data.items.add(new File([text], name, { type: name.endsWith('.csv') ? 'text/csv' : 'application/json' }));
        const main = document.querySelector('main');
        main.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
        main.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      };
      new MutationObserver((_, observer) => {
        if (!/^11 partnerships ready/.test(document.querySelector('.check-summary')?.textContent ?? '')) return;
        observer.disconnect();
        drop(second, 'second.json');
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
      drop(first, 'first.csv');
    },
    [EXAMPLE_CSV, FIXTURE_JSON],
  );
  await expect(status(page)).toContainText('second.json');
  await expect(page.locator('.crash')).toHaveCount(0);
  await expect(previewCards(page).first()).toBeVisible();
  // Every phase timer of the first preview has run out by now.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 200)));
  await expect(page.locator('.crash')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the explorer as one download: unzipped and served at a sub-path, its own address shows the checked list, asked for once', async ({ page, context }) => {
  test.setTimeout(60_000);
  const errors = collectErrors(page);
  await openCheck(page);
  await choose(page, 'broken.csv', csvWithThreeBrokenRows());
  await expect(status(page)).toHaveText(/^8 partnerships ready/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the explorer with your list (.zip)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('partnership-explorer.zip');
  await expect(page.locator('.own-copy-status')).toHaveText(/^Saved partnership-explorer\.zip: \d+ files/);
  // Unzipped as a partner would (Python's zipfile: any standard unzip).
  const dir = mkdtempSync(join(tmpdir(), 'own-copy-'));
  execFileSync('python3', ['-m', 'zipfile', '-e', await download.path(), dir]);
  const folder = join(dir, 'partnership-explorer');
  const list = JSON.parse(readFileSync(join(folder, 'data/partnerships.json'), 'utf8'));
  expect(list.partnerships).toHaveLength(8);
  // Every file of the site is there, as files.json lists it.
  for (const file of JSON.parse(readFileSync(join(folder, 'files.json'), 'utf8'))) {
    expect(existsSync(join(folder, file)), file).toBe(true);
  }
  const server = await serveStatic({ dir: folder, prefix: '/partners/list/', port: 4187 });
  try {
    const requests = [];
    const visitor = await context.newPage();
    const visitorErrors = collectErrors(visitor);
    visitor.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await visitor.goto('http://127.0.0.1:4187/partners/list/');
    await settledIn(visitor);
    await expect(visitor.locator('main article')).toHaveCount(8);
    // The partner's eight: three of ours were left out for their problems, and none of ours is in the page.
    const names = await visitor.locator('main article h3').allTextContents();
    expect(names.sort()).toEqual(list.partnerships.map((p) => p.name).sort());
    expect(await visitor.locator('#dataset').count()).toBe(0);
    expect(requests.filter((path) => path.endsWith('/data/partnerships.json'))).toHaveLength(1);
    expect(requests.filter((path) => path.endsWith('.wasm')).map((path) => path.split('/').pop())).toEqual([
      expect.stringMatching(/^list-[0-9a-f]{16}_bg\.wasm$/),
    ]);
    // A filter works, and the address stays the folder's own, without ?data=.
    await visitor.getByRole('radio', { name: /^Manufacturing \(/ }).click();
    await expect(visitor.locator('main article')).toHaveCount(list.partnerships.filter((p) => p.sector === 'manufacturing').length);
    expect(visitor.url()).not.toContain('data=');
    expect(visitorErrors).toEqual([]);
  } finally {
    server.close();
  }
  expect(errors).toEqual([]);
});
