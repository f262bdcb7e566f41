// Shared helpers for the end-to-end tests.
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** The bundled dataset, as the tests' source of truth. */
export const DATASET = JSON.parse(readFileSync(new URL('../../public/data/partnerships.json', import.meta.url), 'utf8'));

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
