// Bad data and broken networks, served to the release build: the visitor always
// gets a clear message, every valid entry, and a page that still works.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { DATASET, FETCHED_LIST, cards, collectErrors, gotoReady, holdWasm, settledIn } from './helpers.js';

const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const serveFixture = (page, name) =>
  page.route('**/data/partnerships.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: fixture(name) }));

// What the visitor sees for each unusable file: the message, and Retry.
const UNUSABLE = {
  'truncated-json.json': 'line 208, column 46: invalid JSON: EOF while parsing a string',
  'invalid-utf8.json': 'the file is not UTF-8 text',
  'html-error-page.json': 'this is an HTML page, not JSON',
  'empty-file.json': 'the file is empty',
  'null.json': 'expected a JSON object at the top, found null',
  'array-at-top.json': 'expected a JSON object at the top, found an array',
  'trailing-garbage.json': 'trailing characters',
  'schema-version-2.json': 'version 2 is not supported',
  'schema-version-missing.json': 'schema_version: missing',
  'schema-version-string.json': 'schema_version: invalid type: string "1", expected a whole number',
  'title-wrong-type.json': 'title: invalid type: integer `5`, expected a string',
  'national-wrong-types.json': 'national, field "states"',
  'source-missing.json': 'source: missing',
  'sectors-not-an-array.json': 'sectors: invalid type: object, expected an array',
  'partnerships-not-an-array.json': 'partnerships: invalid type: string "none", expected an array',
  'nesting-too-deep.json': 'line 3, column 137: invalid JSON: recursion limit exceeded',
};

// Usable files: how many cards show, and a problem the notice must name.
const USABLE = {
  'member-count-not-a-number.json': [10, 'field "members.approx"'],
  'missing-summary.json': [10, 'field "summary": missing'],
  'unknown-sector.json': [10, 'unknown sector "mining"'],
  'unknown-topic.json': [10, 'unknown topic "rocketry"'],
  'unknown-state.json': [10, 'unknown state code "ZZ"'],
  'duplicate-ids.json': [11, 'duplicate id'],
  'launched-month-13.json': [10, '"2018-13" is not a year'],
  'launched-in-words.json': [10, '"May 2018" is not a year'],
  'website-javascript.json': [10, 'is not an https:// address'],
  'website-data-url.json': [10, 'is not an https:// address'],
  'website-http.json': [10, '"http://example.org/" is not an https:// address'],
  'empty-name.json': [10, 'field "name": must not be empty'],
  'one-megabyte-string.json': [10, 'is 1048576 characters long'],
  'ten-thousand-highlights.json': [10, 'has 10000 highlights'],
  'wrong-type-in-every-field.json': [0, 'field "topics[1]": invalid type: integer `2`, expected a string'],
  'some-entries-bad.json': [8, 'partnerships[8] "inland-empire-transportation-and-logistics-partnership", field "website"'],
  'byte-order-mark.json': [11, null],
  'nested-junk-in-unknown-field.json': [11, null],
  'zero-partnerships.json': [0, null],
};

for (const [name, message] of Object.entries(UNUSABLE)) {
  test(`unusable data: ${name} says why and offers Retry`, async ({ page }) => {
    const errors = collectErrors(page);
    await serveFixture(page, name);
    await gotoReady(page, FETCHED_LIST);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(message);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.unroute('**/data/partnerships.json');
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(cards(page)).toHaveCount(11);
    expect(errors).toEqual([]);
  });
}

for (const [name, [count, problem]] of Object.entries(USABLE)) {
  test(`usable data: ${name} shows ${count} cards and stays usable`, async ({ page }) => {
    const errors = collectErrors(page);
    await serveFixture(page, name);
    await gotoReady(page, FETCHED_LIST);
    await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(`Showing ${count} of ${count} partnerships`);
    await expect(cards(page)).toHaveCount(Math.min(count, 12));
    if (problem) await expect(page.locator('.notice')).toContainText(problem);
    else await expect(page.locator('.notice')).toHaveCount(0);
    if (count === 0) {
      // No valid entry at all (none in the file, or none that passed) is said plainly.
      await expect(page.getByText('This dataset has no partnerships to show')).toBeVisible();
    } else {
      // Still usable: a filter click works.
      await page.getByRole('searchbox', { name: 'Search partnerships' }).fill('zzzz-nothing');
      await expect(cards(page)).toHaveCount(0);
      await page.getByRole('button', { name: 'Clear filters' }).first().click();
      await expect(cards(page)).toHaveCount(Math.min(count, 12));
    }
    expect(errors).toEqual([]);
  });
}

test('markup in the data is shown as text, never run or rendered', async ({ page }) => {
  await serveFixture(page, 'markup-in-text.json');
  await gotoReady(page, FETCHED_LIST);
  await expect(cards(page)).toHaveCount(11);
  const card = page.locator('#northeast-louisiana-healthcare-partnership');
  await expect(card.locator('h3')).toHaveText('<script>window.__pwned = 1</script>Northeast Louisiana Healthcare Partnership');
  await expect(card).toContainText('<img src=x onerror=');
  await expect(card.locator('script, svg, img, b, a[href^="javascript"]')).toHaveCount(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

// Broken networks: each fault gives a clear message, and Retry works once it is gone.
const FAULTS = {
  'a 500 error': [(route) => route.fulfill({ status: 500, body: 'boom' }), 'The server answered 500'],
  'a 404 error': [(route) => route.fulfill({ status: 404, body: 'missing' }), 'The server answered 404'],
  'an HTML page with status 200': [(route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Sign in</title>' }), 'this is an HTML page, not JSON'],
  'a body cut off mid-way': [(route) => route.fulfill({ status: 200, contentType: 'application/json', body: fixture('truncated-json.json') }), 'EOF while parsing'],
  'the network offline': [(route) => route.abort('internetdisconnected'), 'could not be reached'],
  // Redirected requests are not routed again, so the loop itself is the test server's.
  'a redirect loop': [(route) => route.fulfill({ status: 302, headers: { Location: '/redirect-loop/data.json' } }), 'could not be reached'],
};

for (const [fault, [handler, message]] of Object.entries(FAULTS)) {
  test(`broken network: ${fault} gives a clear message and a working Retry`, async ({ page }) => {
    await page.route('**/data/partnerships.json', handler);
    await gotoReady(page, FETCHED_LIST);
    await expect(page.getByRole('alert')).toContainText(message);
    await page.unroute('**/data/partnerships.json');
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(cards(page)).toHaveCount(11);
  });
}

test('a request that hangs: after 10 seconds the page says so and offers Retry', async ({ page }) => {
  test.setTimeout(60_000);
  await page.route('**/data/partnerships.json', () => {}); // never answered
  await page.goto(FETCHED_LIST);
  // Meanwhile the page says it is loading this list, and shows no card of another.
  await expect(page.getByText('Loading this view…')).toBeVisible();
  await expect(cards(page).filter({ visible: true })).toHaveCount(0);
  await expect(page.getByRole('alert')).toContainText('did not arrive within 10 seconds', { timeout: 15_000 });
  await expect(cards(page)).toHaveCount(0);
  // Retry, still hanging: now the loading state is on screen, with its promise.
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByText('Loading partnerships…')).toBeVisible();
  await expect(page.getByText('within 10 seconds')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('did not arrive within 10 seconds', { timeout: 15_000 });
  await page.unroute('**/data/partnerships.json');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(cards(page)).toHaveCount(11);
});

// The bundled dataset comes with the page: whatever its file's address answers,
// the cards on screen stay, in every frame, and work.
for (const [fault, handler] of Object.entries({
  'a 500 error': (route) => route.fulfill({ status: 500, body: 'boom' }),
  'an HTML page': (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Sign in</title>' }),
  'a dropped connection': (route) => route.abort('connectionreset'),
  'no answer at all': () => {},
})) {
  test(`the bundled data's address answering ${fault}: the 11 cards stay in every frame for 15 s`, async ({ page }) => {
    test.setTimeout(60_000);
    const errors = collectErrors(page);
    await page.route('**/data/partnerships.json', handler);
    // From the first frame on: how many cards are visible, and any alert.
    await page.addInitScript(() => {
      window.__frames = [];
      const record = () => {
        const shown = [...document.querySelectorAll('main article')].filter((card) => card.checkVisibility()).length;
        window.__frames.push({ shown, alert: document.querySelector('[role="alert"]') !== null, at: performance.now() });
        requestAnimationFrame(record);
      };
      requestAnimationFrame(record);
    });
    await page.goto('./');
    await page.waitForFunction(() => performance.now() > 15_000, null, { timeout: 30_000, polling: 500 });
    const frames = await page.evaluate(() => window.__frames);
    // From the frame the cards first show in (before it, the page is not yet parsed).
    const first = frames.findIndex((f) => f.shown > 0);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(frames.at(-1).at - frames[first].at).toBeGreaterThan(14_000);
    expect(frames.slice(first).filter((f) => f.shown !== DATASET.partnerships.length || f.alert)).toEqual([]);
    // And they work: the app has taken over.
    await page.getByRole('radio', { name: /^Healthcare \(/ }).click();
    await expect(cards(page)).toHaveCount(DATASET.partnerships.filter((p) => p.sector === 'healthcare').length);
    expect(errors).toEqual([]);
  });
}

test('a partner list is asked for once, at once: before any wasm has arrived, and by the list wasm alone', async ({ page }) => {
  // The page's own requests (the service worker's precache is its own).
  const requests = [];
  page.on('request', (request) => request.serviceWorker() || requests.push(new URL(request.url()).pathname));
  const listRequests = () => requests.filter((path) => path.endsWith('/data/partnerships.json'));
  const release = await holdWasm(page);
  await page.goto(FETCHED_LIST);
  // The wasm is asked for and held back: the list has been asked for all the same.
  await expect.poll(() => requests.filter((path) => path.endsWith('.wasm'))).toHaveLength(1);
  expect(listRequests()).toHaveLength(1);
  release();
  await settledIn(page);
  await expect(cards(page)).toHaveCount(11);
  // Once, and only the partner list's wasm: neither the explorer's nor the check page's.
  expect(listRequests()).toHaveLength(1);
  expect(requests.filter((path) => /\.wasm$/.test(path)).map((path) => path.split('/').pop())).toEqual([
    expect.stringMatching(/^list-[0-9a-f]{16}_bg\.wasm$/),
  ]);
});

test('the explorer and the check page each load their own wasm only', async ({ page }) => {
  const wasm = [];
  page.on('request', (request) => request.serviceWorker() || (request.url().endsWith('.wasm') && wasm.push(request.url().split('/').pop())));
  await gotoReady(page, './');
  expect(wasm).toEqual([expect.stringMatching(/^partnership-explorer-[0-9a-f]+_bg\.wasm$/)]);
  wasm.length = 0;
  await page.goto('./?check=1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Check/);
  await expect.poll(() => wasm).toEqual([expect.stringMatching(/^check-[0-9a-f]{16}_bg\.wasm$/)]);
});

test('?data= loads another dataset on the same site and survives filter clicks', async ({ page }) => {
  const other = JSON.parse(fixture('some-entries-bad.json').toString());
  other.title = 'Colorado partnerships';
  let asked = null;
  await page.route('**/data/colorado.json', (route) => {
    asked = route.request().url();
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(other) });
  });
  await gotoReady(page, './?data=data/colorado.json');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Colorado partnerships');
  expect(asked).toBe('http://127.0.0.1:4180/explorer/data/colorado.json');
  await page.getByRole('radio', { name: /^Manufacturing/ }).check();
  await expect(page).toHaveURL(/\?sector=manufacturing&data=data\/colorado\.json$/);
});

for (const bad of ['https://evil.example/x.json', '//evil.example/x.json', '../../etc/passwd.json', 'javascript:alert(1)//.json', '/data/partnerships.json']) {
  test(`?data=${bad} is refused with a message and the bundled data shows`, async ({ page }) => {
    const foreign = [];
    page.on('request', (req) => {
      if (!req.url().startsWith('http://127.0.0.1:4180/explorer/')) foreign.push(req.url());
    });
    await gotoReady(page, `./?data=${encodeURIComponent(bad)}`);
    await expect(cards(page)).toHaveCount(11);
    await expect(page.locator('.notice-small')).toContainText('Refused the data address');
    expect(foreign).toEqual([]);
  });
}
