// The first screen and messages where the user is (issue 23): a first visitor at 1366×768
// sees how to begin with their own data (open a file, paste from Excel, get the template)
// beside the demo's notice; an empty table is a starting state with that offer, not an
// error; a file's refusal or opening, and the what-if's comparison, come to where the user
// acted, in view and focused.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, openPage, openCsv, settled, county, ROOT, ARTIFACTS } from './harness.js';

const env = useBrowser();

/** Whether the element is wholly inside the window. */
const inView = (page, selector) => page.evaluate((s) => {
  const r = calc.querySelector(s).getBoundingClientRect();
  return r.width > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
}, selector);
/** The data-testid of what has focus inside the calculator. */
const focused = (page) => page.evaluate(() => calc.activeElement?.closest('[data-testid]')?.dataset.testid ?? null);

test('the first screen at 1366×768 offers the first steps beside the demo\'s notice', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url, { viewport: { width: 1366, height: 768 } });
  for (const step of ['first-open', 'first-paste', 'first-template']) assert.ok(await inView(page, `[data-testid="${step}"]`), step);
  assert.match(await page.getAttribute('[data-testid="first-template"]', 'href'), /templates\/template\.xlsx$/);
  await page.screenshot({ path: join(ARTIFACTS, 'first-screen-1366.png') });
  // Paste from Excel: the text box, in view, focused and selected, so that Ctrl+V replaces.
  await page.click('[data-testid="first-paste"]');
  assert.equal(await focused(page), 'paste-input');
  assert.ok(await inView(page, '[data-testid="paste-input"]'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('an empty table is a starting state with the first steps, not an error', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url);
  await page.click('[data-action="clear-demo"]');
  await settled(page);
  assert.match(await page.textContent('[data-testid="start"]'), /只有表头，没有学校数据/);
  assert.equal(await page.textContent('#problems'), '');
  assert.equal(await page.locator('.problems').count(), 0, 'no red box');
  assert.ok(await page.isVisible('[data-testid="start"] [data-testid="first-open"]'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file opened or refused from the data section: the answer comes to where the user is', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url, { viewport: { width: 1366, height: 768 } });
  await page.evaluate(() => calc.getElementById('data').scrollIntoView());
  await page.setInputFiles('[data-testid="data-file"]', { name: 'picture.png', mimeType: 'image/png', buffer: await readFile(join(ROOT, 'tests/fixtures/hostile/picture.png')) });
  await page.waitForSelector('[data-testid="notice-file"]');
  await page.waitForFunction(() => calc.activeElement?.dataset.testid === 'notice-file');
  assert.ok(await inView(page, '[data-testid="notice-file"]'), 'the refusal in view');
  // Not under the bar of the parts, which stays at the top.
  assert.ok(await page.evaluate(() => {
    const [notice, bar] = [calc.querySelector('[data-testid="notice-file"]'), calc.getElementById('parts-nav')].map((el) => el.getBoundingClientRect());
    return notice.top >= bar.bottom - 1 || notice.bottom <= bar.top + 1;
  }));
  await page.screenshot({ path: join(ARTIFACTS, 'file-refused-where-the-user-is.png') });
  await page.evaluate(() => calc.getElementById('data').scrollIntoView());
  await openCsv(page, 'own.csv', await county(20));
  await page.waitForFunction(() => calc.activeElement?.dataset.testid === 'notice-undo');
  assert.ok(await inView(page, '[data-testid="notice-undo"]'), 'the confirmation in view');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a plan written into the data as a what-if: its comparison is brought into view', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url, { viewport: { width: 1366, height: 768 } });
  await page.click('[data-testid="plan-open"]');
  await page.waitForSelector('[data-testid="plan-summary"]', { timeout: 120_000 });
  await page.click('[data-testid="plan-apply"]');
  await page.waitForSelector('[data-testid="whatif"]');
  await page.waitForFunction(() => {
    const r = calc.getElementById('whatif').getBoundingClientRect();
    return r.top < innerHeight && r.bottom > 0;
  });
  assert.match(await page.textContent('#plan-applied'), /评估结果上方/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the demo\'s review of how its file was read is drawn when opened (a first visit fetches none of it)', async () => {
  const { page, context, errors, requests } = await openPage(env.browser, env.url);
  assert.equal(requests.some((u) => u.endsWith('/views/review.js')), false, 'not fetched on the first visit');
  await page.click('[data-testid="review"] summary');
  await page.waitForSelector('[data-testid="review"] select[data-map]');
  assert.match(await page.textContent('[data-testid="review"]'), /表头在第 1 行/);
  assert.deepEqual(errors, []);
  await context.close();
});
