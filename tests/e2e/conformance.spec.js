// Conforming HTML: the W3C Nu Html Checker (vnu-jar from the npm registry, run
// with Java) reports no error on the built page, nor on the page the app has
// made of it (its serialised DOM), in the full view, filtered, and embedded.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { gotoReady } from './helpers.js';

const vnu = String(createRequire(import.meta.url)('vnu-jar'));

/** The checker's errors for these files, one line each (empty when they conform). */
function htmlErrors(files) {
  try {
    execFileSync('java', ['-jar', vnu, '--errors-only', '--format', 'text', ...files], { stdio: 'pipe' });
    return [];
  } catch (e) {
    // The checker exits 1 and prints its errors when a file does not conform.
    const report = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim();
    if (!report) throw e;
    return report.split('\n');
  }
}

test('the built page conforms: no error from the Nu Html Checker', () => {
  expect(htmlErrors(['dist/index.html'])).toEqual([]);
});

test('the checker does report a planted error (so the check can fail)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vnu-'));
  try {
    const page = readFileSync('dist/index.html', 'utf8').replace('<main', '<!><main');
    writeFileSync(join(dir, 'planted.html'), page);
    expect(htmlErrors([join(dir, 'planted.html')]).join('\n')).toContain('Bogus comment');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the page the app made conforms, full, filtered and embedded', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'vnu-'));
  try {
    const files = [];
    for (const [name, url] of [
      ['default', './'],
      ['filtered', './?sector=healthcare&topic=apprenticeships&q=nursing&sort=state'],
      ['embedded', './?embed=1&state=LA'],
    ]) {
      await gotoReady(page, url);
      const file = join(dir, `${name}.html`);
      writeFileSync(file, `<!DOCTYPE html>\n${await page.evaluate(() => document.documentElement.outerHTML)}`);
      files.push(file);
    }
    expect(htmlErrors(files)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
