// The browser floor (README: Chrome/Edge 87, Firefox 115, Safari 15): the page's code uses
// nothing above it that it does not test for first (tools/floor.mjs, MDN's compat data), and
// Chromium with the built-ins those browsers lack taken away still does every step: the
// demo's verdict, a county's CVs, a workbook, the plan, the step view, a share link made and
// opened (through the engine's deflate, as Safari 15 makes it).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, openHost, openCsv, settled, weightedCv, ROOT } from './harness.js';
import { measure } from '../../tools/floor.mjs';

const env = useBrowser();

test('the page uses nothing above the browser floor that it does not test for first', async () => {
  const unguarded = (await measure()).filter((f) => !f.guarded).map((f) => `${f.path}: ${f.where.join(' ')}`);
  assert.deepEqual(unguarded, []);
});

/** Before the page's scripts: what Chrome 87 and Safari 15 do not have. */
const WITHOUT = () => {
  for (const [owner, name] of [[Array.prototype, 'findLast'], [Array.prototype, 'findLastIndex'], [Array.prototype, 'at'],
    [String.prototype, 'at'], [Object, 'hasOwn'], [window, 'structuredClone'], [window, 'CompressionStream'],
    [window, 'DecompressionStream'], [CSSStyleSheet.prototype, 'replaceSync'], [CSSStyleSheet.prototype, 'replace']]) {
    delete owner[name];
  }
};

test('Chromium without the built-ins the floor lacks: the verdict, a county, a workbook, the plan, the step view, a share link', async () => {
  const { page, context, errors } = await openHost(env.browser, env.url, { init: WITHOUT });
  assert.equal(await page.evaluate(() => typeof structuredClone + typeof [].at + typeof CompressionStream), 'undefinedundefinedundefined');
  assert.match(await page.textContent('[data-testid="verdict-overall"]'), /未通过/);
  // A county of its own (the five schools of the files' corpus): a CV against the test's
  // own student-weighted one of its three primary schools' books.
  await page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await settled(page);
  await openCsv(page, 'own.csv', await readFile(join(ROOT, 'tests/fixtures/expected.csv'), 'utf8'));
  const cv = Number(await page.getAttribute('[data-testid="cv-primary-books_per_student"]', 'data-value'));
  assert.ok(Math.abs(cv - weightedCv([1860, 640, 186], [62000, 19800, 4900])) < 1e-12, `${cv}`);
  // A workbook, read by the workbook module.
  const workbook = (await readFile(join(ROOT, 'www/templates/example.xlsx'))).toString('base64');
  await page.evaluate((b64) => document.querySelector('junheng-calculator').load(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'example.xlsx')), workbook);
  await settled(page);
  assert.match(await page.textContent('[data-testid="verdict-overall"]'), /总体结论/);
  // The plan and the step view, with their styles linked in.
  await page.click('[data-testid="plan-open"]');
  await page.waitForSelector('[data-testid="plan-summary"]', { timeout: 120_000 });
  await page.click('[data-testid="explain-primary-teaching_area_per_student"]');
  await page.waitForSelector('[data-testid="step-cv"]');
  assert.equal(await page.evaluate(() => getComputedStyle(calc.querySelector('[data-testid="explain"]')).display === 'none'), false);
  // A share link made without CompressionStream, and opened in another such browser.
  await page.click('[data-testid="share-button"]');
  const link = await page.locator('[data-testid="share-url"]').inputValue();
  assert.match(link, /#share=[A-Za-z0-9_-]+$/);
  const cvs = await page.evaluate(() => [...calc.querySelectorAll('[data-testid^="cv-"]')].map((el) => el.getAttribute('data-value')));
  await context.close();
  const other = await openHost(env.browser, link, { init: WITHOUT });
  await other.page.waitForSelector('[data-testid="notice-shared"]');
  await settled(other.page);
  assert.deepEqual(await other.page.evaluate(() => [...calc.querySelectorAll('[data-testid^="cv-"]')].map((el) => el.getAttribute('data-value'))), cvs);
  assert.deepEqual([...errors, ...other.errors], []);
  await other.context.close();
});
