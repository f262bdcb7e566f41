// Embedding: ?embed=1, the embed.js loader on a partner's page on another
// origin, auto-height, and "Embed this view".
import { test, expect } from '@playwright/test';
import {
  DATASET, HOST, HOST_OF_THIS_LIST, OTHER_SECTOR, OTHER_STATE, SECTOR, STATE, STATE_NAMES, TOPIC,
  cards, collectErrors, expectNoAxeViolations, firstCards, gotoReady, holdWasm, inOrder, inSector, inState, inTopic, literal,
} from './helpers.js';

const EXPLORER = 'http://127.0.0.1:4180';
// How many cards a view of these partnerships shows (those before "Show more").
const shown = (list) => firstCards(list).length;
const stateTile = (where, code) => where.getByRole('button', { name: new RegExp(`^${literal(STATE_NAMES[code])}: `) });
const sectorRadio = (where, sector) => where.getByRole('radio', { name: new RegExp(`^${literal(sector.label)} \\(`) });

/** The iframe element inside `#id` on the host page, and its frame. */
async function embedded(page, id) {
  const element = page.locator(`#${id} iframe`);
  await element.scrollIntoViewIfNeeded();
  const frame = page.frameLocator(`#${id} iframe`);
  await expect(frame.locator('main article').first()).toBeVisible();
  return { element, frame };
}

/** The partner's page (another origin) with `body` as its content and the explorer's embed.js. */
async function partnerPage(page, body) {
  await gotoReady(page, HOST);
  await page.evaluate(
    ([html, src]) => {
      document.body.innerHTML = html;
      const script = document.createElement('script');
      script.src = src;
      document.body.append(script);
    },
    [body, `${EXPLORER}/explorer/embed.js`],
  );
}

/** Waits until the iframe is exactly as tall as the explorer's content. */
async function expectFitted(element) {
  const handle = await element.elementHandle();
  const frame = await handle.contentFrame();
  await expect
    .poll(async () => {
      const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      const box = await element.evaluate((e) => e.getBoundingClientRect().height);
      return Math.abs(content - box);
    })
    .toBeLessThanOrEqual(1);
  // No inner scrollbar: the explorer's document fits its frame.
  const overflow = await frame.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight);
  expect(overflow).toBeLessThanOrEqual(1);
}

test('the embed mode hides the site frame, links out, and keeps the host history', async ({ page }) => {
  const errors = collectErrors(page);
  await gotoReady(page, `./?embed=1&sector=${SECTOR.id}`);
  await expect(cards(page)).toHaveCount(shown(inSector(SECTOR.id)));
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.site-footer')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Embed this view' })).toHaveCount(0);
  const open = page.getByRole('link', { name: /Open full explorer/ });
  await expect(open).toHaveAttribute('target', '_blank');
  await expect(open).toHaveAttribute('href', `${EXPLORER}/explorer/?sector=${SECTOR.id}`);

  // An embed's controls are compact by default: the search and the Filters button.
  await expect(page.getByRole('searchbox', { name: 'Search partnerships' })).toBeVisible();
  await expect(page.getByLabel('Sort by')).toBeHidden();
  await expect(sectorRadio(page, OTHER_SECTOR)).toBeHidden();
  await page.getByRole('button', { name: 'Filters (1)' }).click();

  // Filters change the view and the link, never the history.
  const length = await page.evaluate(() => history.length);
  await sectorRadio(page, OTHER_SECTOR).click();
  await page.getByRole('radio', { name: /All sectors/ }).click();
  await stateTile(page, OTHER_STATE).click();
  await expect(cards(page)).toHaveCount(shown(inState(OTHER_STATE)));
  expect(await page.evaluate(() => history.length)).toBe(length);
  await expect(page).toHaveURL(new RegExp(`\\?embed=1&state=${OTHER_STATE}$|\\?state=${OTHER_STATE}&embed=1$`));
  await expect(open).toHaveAttribute('href', `${EXPLORER}/explorer/?state=${OTHER_STATE}`);
  expect(errors).toEqual([]);
});

test('zero axe violations in embed mode', async ({ page }) => {
  await gotoReady(page, `./?embed=1&state=${STATE}`);
  await expect(cards(page)).toHaveCount(shown(inState(STATE)));
  await expectNoAxeViolations(page);
});

test('a partner page on another origin embeds two views that size themselves', async ({ page }) => {
  const errors = collectErrors(page);
  // Frames narrower than the side-column layout (64rem): their height follows
  // their cards (on a wide frame the filter column may be the taller).
  await page.setViewportSize({ width: 900, height: 800 });
  await gotoReady(page, HOST_OF_THIS_LIST);
  const frames = page.locator('iframe.partnership-explorer-frame');
  await expect(frames).toHaveCount(2);
  await expect(frames.nth(0)).toHaveAttribute('title', `Partnership Explorer (state: ${STATE})`);
  await expect(frames.nth(1)).toHaveAttribute('title', `Partnership Explorer (sector: ${SECTOR.id})`);
  await expect(frames.nth(0)).toHaveAttribute('loading', 'lazy');
  // The host's CSS keeps control: attributes only, no inline style.
  expect(await frames.evaluateAll((list) => list.map((f) => f.getAttribute('style')))).toEqual([null, null]);

  const state = await embedded(page, 'state-embed');
  await expect(state.frame.locator('main article')).toHaveCount(shown(inState(STATE)));
  for (const place of await state.frame.locator('.card-place').allTextContents()) expect(place).toContain(STATE_NAMES[STATE]);
  await expectFitted(state.element);

  const sector = await embedded(page, 'sector-embed');
  await expect(sector.frame.locator('main article')).toHaveCount(shown(inSector(SECTOR.id)));
  await expectFitted(sector.element);

  // The two are sized separately: different content, different heights.
  const heights = await frames.evaluateAll((list) => list.map((f) => Number(f.getAttribute('height'))));
  expect(heights[0]).not.toBe(heights[1]);

  // A change inside one embed resizes that one, and leaves the host's history alone.
  const length = await page.evaluate(() => history.length);
  // A frame this narrow keeps its filters behind the Filters button; opening them resizes it too.
  let before = Number(await state.element.getAttribute('height'));
  await state.frame.getByRole('button', { name: /^Filters/ }).click();
  await expect(state.frame.locator('#filter-panel')).toBeVisible();
  await expect.poll(async () => Number(await state.element.getAttribute('height'))).toBeGreaterThan(before);
  await expectFitted(state.element);
  before = Number(await state.element.getAttribute('height'));
  await stateTile(state.frame, OTHER_STATE).click();
  await expect(state.frame.locator('main article')).toHaveCount(shown(inState(OTHER_STATE)));
  await expect.poll(async () => Number(await state.element.getAttribute('height'))).not.toBe(before);
  await expectFitted(state.element);
  expect(await page.evaluate(() => history.length)).toBe(length);
  expect(errors).toEqual([]);
});

test('an embed chooses its controls: full, compact, or none and just the cards', async ({ page }) => {
  const errors = collectErrors(page);
  const matches = inSector(SECTOR.id).length;
  await gotoReady(page, `./?embed=1&sector=${SECTOR.id}&controls=full`);
  await expect(sectorRadio(page, OTHER_SECTOR)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Filters/ })).toBeHidden();

  await gotoReady(page, `./?embed=1&sector=${SECTOR.id}&controls=none`);
  await expect(cards(page)).toHaveCount(shown(inSector(SECTOR.id)));
  await expect(page.locator('.status-line')).toHaveText(`Showing ${matches} of ${DATASET.partnerships.length} partnerships`);
  await expect(page.getByRole('link', { name: /Open full explorer/ })).toHaveAttribute('href', `${EXPLORER}/explorer/?sector=${SECTOR.id}`);
  // No filter control, no title or figures: the cards of the view (and
  // "Show more" for a view of more than a batch).
  await expect(page.locator('main').locator('input, select, button:not(.card button, .show-more)')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await gotoReady(page, './?embed=1&controls=tiny');
  await expect(page.locator('.notice-small')).toContainText('Ignored the unknown controls “tiny”');
  await expect(page.getByRole('button', { name: 'Filters' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('an embed of a sector without controls, 375 px wide, is about as tall as its cards', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await partnerPage(page, `<main><h1>Our partnerships</h1><div id="cards" data-partnership-explorer data-sector="${SECTOR.id}" data-controls="none"></div></main>`);
  const { element, frame } = await embedded(page, 'cards');
  await expect(frame.locator('main article')).toHaveCount(shown(inSector(SECTOR.id)));
  await expectFitted(element);
  const box = await element.boundingBox();
  const first = await frame.locator('main article').first().boundingBox();
  expect(first.y - box.y).toBeLessThan(500);
  const cardsHeight = await frame.locator('main .card-grid').evaluate((grid) => grid.getBoundingClientRect().height);
  expect(box.height).toBeLessThan(cardsHeight + 250);
  await expect(frame.getByRole('button', { name: /^Filters/ })).toHaveCount(0);

  // The default (compact) embed of the same view, as wide, on a page with 16 px
  // of padding of its own: its first card within 500 px too.
  await page.evaluate((sector) => {
    Object.assign(document.body.style, { margin: '0', padding: '16px' });
    const compact = document.createElement('div');
    compact.id = 'compact';
    compact.setAttribute('data-partnership-explorer', '');
    compact.setAttribute('data-sector', sector);
    document.querySelector('main').prepend(compact);
  }, SECTOR.id);
  const other = await embedded(page, 'compact');
  await expect(other.frame.getByRole('button', { name: 'Filters (1)' })).toBeVisible();
  await expectFitted(other.element);
  const compactBox = await other.element.boundingBox();
  expect(compactBox.width).toBe(375 - 2 * 16);
  expect((await other.frame.locator('main article').first().boundingBox()).y - compactBox.y).toBeLessThan(500);
});

test('"Embed this view" offers the controls with a preview of the height, and the snippet names the choice', async ({ page }) => {
  const previews = [];
  page.on('request', (request) => {
    if (request.frame() !== page.mainFrame() && request.resourceType() === 'document') previews.push(request.url());
  });
  await gotoReady(page, `./?state=${STATE}`);
  // The preview loads only once the dialog is open.
  expect(previews).toEqual([]);
  await page.getByRole('button', { name: 'Embed this view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this view' });
  const height = dialog.locator('#embed-preview-height');
  const measured = async () => {
    await expect(height).toHaveText(/^About [\d,]+ px tall in a column \d+ px wide\.$/, { timeout: 15_000 });
    return Number((await height.textContent()).match(/About ([\d,]+)/)[1].replace(/,/g, ''));
  };
  const compact = await measured();
  expect(previews).toEqual([`${EXPLORER}/explorer/?embed=1&state=${STATE}`]);
  // The figure is the frame's own content height.
  const frame = page.frameLocator('iframe.embed-preview-frame');
  await expect(frame.locator('main article')).toHaveCount(shown(inState(STATE)));
  const content = await frame.locator('html').evaluate((e) => Math.ceil(e.getBoundingClientRect().height));
  expect(Math.abs(content - compact)).toBeLessThanOrEqual(1);
  const choices = dialog.getByRole('radiogroup', { name: 'Controls in the embed' });
  await expect(choices.getByRole('radio', { name: 'Search and a Filters button' })).toBeChecked();
  await expect(dialog.getByLabel('Snippet (resizes itself)')).not.toHaveValue(/data-controls/);
  await choices.getByRole('radio', { name: 'None: just the partnerships' }).check();
  await expect(dialog.getByLabel('Snippet (resizes itself)')).toHaveValue(/ data-controls="none"/);
  // Without controls the same view is shorter, and the preview says so.
  await expect.poll(measured, { timeout: 15_000 }).toBeLessThan(compact);
  await expect(dialog.getByLabel(/Plain iframe/)).toHaveValue(new RegExp(`\\?embed=1&amp;controls=none&amp;state=${STATE}"`));
  await expectNoAxeViolations(page);
});

test('an element the host page adds later is embedded too', async ({ page }) => {
  await gotoReady(page, HOST);
  await expect(page.locator('iframe.partnership-explorer-frame')).toHaveCount(2);
  await page.evaluate(([topic, title]) => {
    const later = document.createElement('div');
    later.id = 'later';
    later.setAttribute('data-partnership-explorer', '');
    later.setAttribute('data-topic', topic);
    later.setAttribute('data-title', title);
    document.querySelector('main').append(later);
  }, [TOPIC.id, `Partnerships: ${TOPIC.label}`]);
  await expect(page.locator('iframe.partnership-explorer-frame')).toHaveCount(3);
  await expect(page.locator('#later iframe')).toHaveAttribute('title', `Partnerships: ${TOPIC.label}`);
  const { frame } = await embedded(page, 'later');
  await expect(frame.locator('main article')).toHaveCount(shown(inTopic(TOPIC.id)));
});

test('resize messages from another origin, another frame or of the wrong shape are ignored', async ({ page }) => {
  await gotoReady(page, HOST_OF_THIS_LIST);
  const { element } = await embedded(page, 'state-embed');
  await expectFitted(element);
  const height = async () => Number(await element.getAttribute('height'));
  const fitted = await height();
  const message = (extra) => ({ source: 'partnership-explorer', type: 'resize', height: 77, ...extra });

  // From the host's own origin (not the explorer's).
  await page.evaluate((m) => window.postMessage(m, '*'), message({}));
  // From the explorer's origin, but a frame that embed.js did not make.
  await page.evaluate((src) => {
    const stranger = document.createElement('iframe');
    stranger.id = 'stranger';
    stranger.src = src;
    document.body.append(stranger);
    return new Promise((done) => stranger.addEventListener('load', done));
  }, `${EXPLORER}/explorer/manifest.webmanifest`);
  const stranger = page.frames().find((f) => f.url().endsWith('manifest.webmanifest'));
  await stranger.evaluate((m) => parent.postMessage(m, '*'), message({}));
  // From our own iframe, but misshapen.
  const ours = await (await element.elementHandle()).contentFrame();
  for (const wrong of [{ height: '77' }, { height: -5 }, { height: Infinity }, { source: 'someone-else' }, { type: 'scroll' }]) {
    await ours.evaluate((m) => parent.postMessage(m, '*'), message(wrong));
  }
  await ours.evaluate(() => parent.postMessage('resize:77', '*'));
  await page.waitForTimeout(300);
  expect(await height()).toBe(fitted);

  // The right message from the right frame is obeyed (the check above can fail).
  await ours.evaluate((m) => parent.postMessage(m, '*'), message({ height: 640 }));
  await expect.poll(height).toBe(640);
});

test('"Embed this view" gives a snippet for the current filters that works on another site', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // The first partnership's sector and state: a view with at least that card.
  const both = inSector(SECTOR.id).filter((p) => p.state === STATE);
  await gotoReady(page, `./?sector=${SECTOR.id}&state=${STATE}`);
  await expect(cards(page)).toHaveCount(shown(both));
  const opener = page.getByRole('button', { name: 'Embed this view' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Embed this view' });
  await expect(dialog).toBeVisible();
  const snippet = await dialog.getByLabel('Snippet (resizes itself)').inputValue();
  expect(snippet).toBe(
    `<div data-partnership-explorer data-sector="${SECTOR.id}" data-state="${STATE}"></div>\n<script src="${EXPLORER}/explorer/embed.js" async></script>`,
  );
  const iframe = await dialog.getByLabel(/Plain iframe/).inputValue();
  expect(iframe).toContain(`src="${EXPLORER}/explorer/?embed=1&amp;sector=${SECTOR.id}&amp;state=${STATE}"`);
  await expectNoAxeViolations(page);

  await dialog.getByRole('button', { name: 'Copy Snippet (resizes itself)' }).click();
  await expect(dialog.getByText('Copied', { exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

  // Escape closes it and focus returns to the button.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // Pasted into a page on another origin, the snippet shows the same cards.
  await gotoReady(page, HOST);
  await page.evaluate((code) => {
    document.body.innerHTML = '<main><h1>Pasted</h1><div id="pasted"></div></main>';
    const holder = document.getElementById('pasted');
    holder.innerHTML = code; // the <div>; a <script> set this way does not run …
    const script = document.createElement('script'); // … so it is added as a real one
    script.src = holder.querySelector('script').src;
    holder.querySelector('script').remove();
    document.body.append(script);
  }, snippet);
  const { frame } = await embedded(page, 'pasted');
  await expect(frame.locator('main article')).toHaveCount(shown(both));
});

test('the embed dialog passes axe in the dark theme, and opens where invoker commands are missing', async ({ page }) => {
  const errors = collectErrors(page);
  // As in a browser without invoker commands: shell.js then opens and closes the dialog.
  await page.addInitScript(() => delete HTMLButtonElement.prototype.command);
  await page.emulateMedia({ colorScheme: 'dark' });
  await gotoReady(page, `./?topic=${TOPIC.id}`);
  await expect(cards(page).first()).toBeVisible();
  expect(await page.evaluate(() => 'command' in HTMLButtonElement.prototype)).toBe(false);
  await page.getByRole('button', { name: 'Embed this view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this view' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Snippet (resizes itself)')).toHaveValue(new RegExp(`data-topic="${TOPIC.id}"`));
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  expect(errors).toEqual([]);
});

test("a partner's own list is embedded with data-list (the README's last publishing step)", async ({ page }) => {
  // The list a partner converted and published as data/our-list.json (see check.spec.js for the conversion).
  const ours = { ...DATASET, title: 'Our partnerships', partnerships: DATASET.partnerships.slice(0, 2) };
  await page.route('**/explorer/data/our-list.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(ours) }),
  );
  await partnerPage(page, '<main><h1>Our page</h1><div id="ours" data-partnership-explorer data-list="data/our-list.json"></div></main>');
  const { element, frame } = await embedded(page, 'ours');
  expect(new URL(await element.getAttribute('src')).searchParams.get('data')).toBe('data/our-list.json');
  await expect(frame.locator('main article')).toHaveCount(2);
  await expect(frame.locator('main article h3')).toHaveText(inOrder(ours.partnerships).map((p) => p.name));
});

test('the embed dialog previews the embed in a frame, sized by it, and again for other controls', async ({ page }) => {
  await gotoReady(page, `./?sector=${SECTOR.id}`);
  await page.getByRole('button', { name: 'Embed this view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this view' });
  const frame = dialog.locator('.embed-preview iframe');
  await expect(frame).toHaveAttribute('src', new RegExp(`\\?embed=1&sector=${SECTOR.id}$`));
  await expect(dialog.locator('#embed-preview-height')).toHaveText(/^About [\d,]+ px tall in a column \d+ px wide\.$/);
  await dialog.getByText('None: just the partnerships').click();
  await expect(frame).toHaveAttribute('src', new RegExp(`\\?embed=1&controls=none&sector=${SECTOR.id}$`));
});

test('the embed dialog, opened again after the view changed, holds one set of code, for the new view', async ({ page }) => {
  await gotoReady(page, `./?sector=${SECTOR.id}`);
  const dialog = page.getByRole('dialog', { name: 'Embed this view' });
  await page.getByRole('button', { name: 'Embed this view' }).click();
  await expect(dialog.getByLabel('Snippet (resizes itself)')).toHaveValue(new RegExp(`data-sector="${SECTOR.id}"`));
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('radio', { name: /^All sectors/ }).check();
  await expect(page).not.toHaveURL(/sector=/);
  await page.getByRole('button', { name: 'Embed this view' }).click();
  await expect(dialog.getByLabel('Snippet (resizes itself)')).toHaveValue(/^<div data-partnership-explorer><\/div>/);
  await expect(dialog.locator('textarea')).toHaveCount(2);
  await expect(dialog.getByRole('radiogroup', { name: 'Controls in the embed' })).toHaveCount(1);
});

test('"Embed this view" pressed before the app is live opens the dialog, which the app fills once live', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./');
  await page.waitForLoadState('load');
  await page.getByRole('button', { name: 'Embed this view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this view' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText('Preparing the code to embed…');
  release();
  await expect(dialog.getByLabel('Snippet (resizes itself)')).toHaveValue(/^<div data-partnership-explorer><\/div>/);
  await expect(dialog.locator('textarea')).toHaveCount(2);
  await expect(dialog.locator('.embed-dialog-status')).toHaveText('');
});
