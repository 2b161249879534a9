// The calculator as one file (dist/junheng.html, `./build.sh single`) opened from file://
// with the network off: it evaluates exactly as the served page does, under its own CSP,
// fetching nothing. And www/index.html opened from file:// says why it cannot start and
// points to that file.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { useBrowser, openPage, openCsv, county, ROOT, ARTIFACTS } from './harness.js';

const env = useBrowser();
const SINGLE = pathToFileURL(join(ROOT, 'dist/junheng.html')).href;

/** Every CV the page shows, by its test id. */
const cvs = (page) => page.evaluate(() => Object.fromEntries([...calc.querySelectorAll('[data-testid^="cv-"]')].map((el) => [el.dataset.testid, el.getAttribute('data-value')])));

test('the single file works from file:// with no server and no network, as the served page does', async () => {
  const served = await openPage(env.browser, env.url);
  const expected = await cvs(served.page);
  await served.context.close();

  const { page, context, errors, requests } = await openPage(env.browser, SINGLE, { offline: true });
  assert.ok(await page.locator('[data-testid="verdict-overall"]').isVisible());
  assert.deepEqual(await cvs(page), expected, 'the demo county evaluates as on the served page');
  assert.ok(Object.keys(expected).length >= 14);
  // A table opened from disk is evaluated too, and the template downloads from inside the file.
  await openCsv(page, 'three.csv', await county(3));
  assert.equal(await page.locator('[data-testid^="school-"]').count(), 3);
  const download = page.waitForEvent('download');
  await page.click('summary[data-i18n="template"]');
  await page.click('a[data-file="templates/template.xlsx"]');
  assert.match((await download).suggestedFilename(), /\.xlsx$/);
  // The plan's own module comes from inside the file too.
  await page.click('[data-testid="plan-open"]');
  await page.waitForSelector('[data-testid="plan-summary"]', { timeout: 60_000 });
  assert.match(await page.textContent('[data-testid="plan-summary"]'), /最少需投入约|无需增加资源/);
  // A share link made here opens this same file.
  await page.click('[data-testid="share-button"]');
  assert.ok((await page.locator('[data-testid="share-url"]').inputValue()).startsWith(`${SINGLE}#share=`));
  await page.screenshot({ path: join(ARTIFACTS, 'single-file.png') });
  // Nothing but the file itself (and its in-page blob: worker) was asked for.
  assert.deepEqual(requests.filter((u) => u !== SINGLE && !/^(blob|data):/.test(u)), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('index.html opened from file:// says that it cannot start there and points to the single file', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(ROOT, 'www/index.html')).href);
  const message = page.locator('junheng-calculator .not-started');
  await message.waitFor({ state: 'visible', timeout: 10_000 });
  assert.match(await message.textContent(), /计算器没有启动[^]*junheng\.html/);
  assert.match(await message.textContent(), /did not start[^]*junheng\.html/);
  // In a clerk's words: no command to run.
  assert.doesNotMatch(await message.textContent(), /build\.sh|命令/);
  await page.screenshot({ path: join(ARTIFACTS, 'file-index.png') });
  await context.close();
});
