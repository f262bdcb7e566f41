// Shared helpers for the end-to-end tests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * The build under test: our release build (dist/), or any folder the explorer
 * was built into, such as a partner's list published with `./run data publish
 * LIST --out DIR` (EXPLORER_DIST=DIR; playwright.config.js serves the same).
 */
export const DIST = resolve(fileURLToPath(new URL('../../', import.meta.url)), process.env.EXPLORER_DIST || 'dist');

/** True when the build under test is not our own dist/ (a published folder). */
export const PUBLISHED = DIST !== resolve(fileURLToPath(new URL('../../dist', import.meta.url)));

/**
 * The list the build under test carries, as the tests' source of truth: for
 * our dist/ the bundled public/data/partnerships.json, for a published folder
 * the partner's list. Every expectation about the data is derived from it.
 */
export const DATASET = JSON.parse(readFileSync(resolve(DIST, 'data/partnerships.json'), 'utf8'));

/** Our own bundled list, whatever the build under test. */
export const OURS = JSON.parse(readFileSync(new URL('../../public/data/partnerships.json', import.meta.url), 'utf8'));

/** How many cards a view shows before "Show more" (src/components/explorer.rs, BATCH)... */
export const BATCH = 12;
/** ...unless the list is short enough to show whole (`WHOLE_LIST_UP_TO`, `first_batch`). */
export const WHOLE_LIST_UP_TO = 50;
export const FIRST_BATCH = DATASET.partnerships.length <= WHOLE_LIST_UP_TO ? Math.max(DATASET.partnerships.length, BATCH) : BATCH;

/** State names by code, read from the app's own table (src/geo.rs), so that none is copied here. */
export const STATE_NAMES = Object.fromEntries(
  [...readFileSync(new URL('../../src/geo.rs', import.meta.url), 'utf8').matchAll(/\bs\("([A-Z]{2})", "([^"]+)"/g)].map(([, code, name]) => [code, name]),
);

/** `text` as a regular expression that matches it literally. */
export const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A text folded as the app folds names to sort them and texts to search them
 * (src/explore/search.rs, `fold`): lower case, no accents or apostrophes,
 * punctuation as spaces. Close enough for Latin script; the tests' orders and
 * searches hold only as far as this does.
 */
export function fold(text) {
  return text
    .replace(/['’‘ʻʼ`´]/g, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f\u00a0\u00ad“”„«»‹›–—‐‑…•·§¶©®™°×÷¡¿\u2000-\u200f\u2028-\u202f\u3000\ufeff]/g, ' ');
}

const position = new Map(DATASET.partnerships.map((p, i) => [p, i]));
const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const SORT_KEYS = { name: () => '', state: (p) => STATE_NAMES[p.state] ?? '' };

/**
 * `list` (partnerships of DATASET) in the app's order for `sort`: by the
 * sort's key (src/explore/index.rs, `sort_orders`), then the folded name, then
 * the list's own order. (The launch date's order is not needed here.)
 */
export function inOrder(list, sort = 'name') {
  const key = SORT_KEYS[sort];
  return [...list].sort((a, b) => compare(key(a), key(b)) || compare(fold(a.name), fold(b.name)) || position.get(a) - position.get(b));
}

/** The cards a view whose matches are `list` shows before "Show more", in order. */
export const firstCards = (list, sort = 'name') => inOrder(list, sort).slice(0, FIRST_BATCH);

/** The partnerships of DATASET in a sector, a state, a topic. */
export const inSector = (id) => DATASET.partnerships.filter((p) => p.sector === id);
export const inState = (code) => DATASET.partnerships.filter((p) => p.state === code);
export const inTopic = (id) => DATASET.partnerships.filter((p) => p.topics.includes(id));

// The choices the tests make, taken from the list under test (for our own list:
// Healthcare and Louisiana, the first partnership's).
const FIRST = DATASET.partnerships[0];
/** The first partnership's sector, as `{ id, label }`. */
export const SECTOR = DATASET.sectors.find((s) => s.id === FIRST.sector);
/** Another sector that has partnerships (a filter to change to). */
export const OTHER_SECTOR = DATASET.sectors.find((s) => s.id !== SECTOR.id && inSector(s.id).length > 0);
/** The first partnership's state (a code). */
export const STATE = FIRST.state;
/** Another state: the one, other than STATE, with the most partnerships (the first listed of those). */
export const OTHER_STATE = DATASET.partnerships
  .map((p) => p.state)
  .filter((code) => code !== STATE)
  .reduce((best, code) => (best && inState(best).length >= inState(code).length ? best : code), undefined);
/** A topic some partnerships have and others lack (a filter that changes the view), as `{ id, label }`. */
export const TOPIC = DATASET.topics.find((t) => inTopic(t.id).length > 0 && inTopic(t.id).length < DATASET.partnerships.length);

/**
 * The words the app searches for a partnership, folded (src/explore/index.rs:
 * name, short name, region, state name, summary and highlights).
 */
export const searched = (p) =>
  [p.name, p.short_name, p.region, STATE_NAMES[p.state], p.summary, ...p.highlights].filter(Boolean).map(fold).join('\n');

/** The partnerships a search for one `word` finds. */
export const matching = (word) => DATASET.partnerships.filter((p) => searched(p).includes(fold(word).trim()));

/**
 * A search word of SECTOR's partnerships' summaries (six letters or more) that
 * not every partnership matches: the first that two or more match, else the first.
 */
const words = [...new Set(inSector(SECTOR.id).flatMap((p) => fold(p.summary).split(' ')))].filter(
  (w) => /^[a-z]{6,}$/.test(w) && matching(w).length < DATASET.partnerships.length,
);
export const WORD = words.find((w) => matching(w).length >= 2) ?? words[0];

/** A partner's page on another origin that embeds the explorer twice (tests/embed-host/). */
export const HOST = 'http://127.0.0.1:4182/';

/**
 * The partner's page with its two embeds showing STATE and SECTOR of the list
 * under test. By itself the page shows Louisiana and Healthcare, which are our
 * list's (so for ours this is the same page); a partner's list may have neither.
 */
export const HOST_OF_THIS_LIST = `${HOST}?state=${STATE}&sector=${SECTOR.id}`;

/** Fails the test on any console error or uncaught page error. */
export function collectErrors(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/**
 * The explorer with a list it must fetch, as for a partner's `?data=` list:
 * the bundled file's own address, which the tests answer with `serveData`.
 * (Without `?data=` the app reads the dataset the page carries, with no request.)
 */
export const FETCHED_LIST = './?data=data/partnerships.json';

/** Answers the dataset request with `body` (a string or an object) and `status`. */
export async function serveData(page, body, status = 200, contentType = 'application/json') {
  await page.route('**/data/partnerships.json', (route) =>
    route.fulfill({ status, contentType, body: typeof body === 'string' ? body : JSON.stringify(body) }),
  );
}

/** Makes `window.print` what a browser does before its dialog (`beforeprint`), counted in `window.printCalls`. */
export async function stubPrint(page) {
  await page.addInitScript(() => {
    window.printCalls = 0;
    window.print = () => {
      window.printCalls += 1;
      dispatchEvent(new Event('beforeprint'));
    };
  });
}

/**
 * Holds the app's wasm back until the returned function is called: the page
 * is then the prerendered one, as on a slow line before the app is live.
 */
export async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Zero WCAG 2.1 A/AA violations, with readable output when there are some. */
export async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

export function cards(page) {
  return page.locator('main article');
}

/**
 * Opens `url` and waits until the app has taken over the prerendered page
 * (its data, or why it failed, is on screen) and settled in (every card laid
 * out, so nothing moves under a click): before that the controls are the
 * static prerender's and do nothing.
 */
export async function gotoReady(page, url, options) {
  const response = await page.goto(url, options);
  await settledIn(page);
  return response;
}

/** Waits until the app has taken the prerendered page over and settled in. */
export async function settledIn(page) {
  await page.waitForFunction(() => {
    const app = document.getElementById('app');
    return !app || (!app.hasAttribute('data-prerendered') && app.classList.contains('settled'));
  });
}

/**
 * How two screenshots (PNG buffers of one size) differ: the number of pixels
 * and the largest change of a colour channel. Decoded and compared in a blank
 * page of the same browser (no image package needed).
 */
export async function pixelDifference(context, a, b) {
  const blank = await context.newPage();
  try {
    return await blank.evaluate(async ([a, b]) => {
      const decode = async (base64) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      };
      const [x, y] = [await decode(a), await decode(b)];
      if (x.length !== y.length) return { pixels: Infinity, largest: 255 };
      let pixels = 0;
      let largest = 0;
      for (let i = 0; i < x.length; i += 4) {
        const change = Math.max(Math.abs(x[i] - y[i]), Math.abs(x[i + 1] - y[i + 1]), Math.abs(x[i + 2] - y[i + 2]));
        if (change > 0) pixels += 1;
        largest = Math.max(largest, change);
      }
      return { pixels, largest };
    }, [a.toString('base64'), b.toString('base64')]);
  } finally {
    await blank.close();
  }
}
