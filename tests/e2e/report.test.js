// The printed report (issue 12, item 5 in part): the county and date entered once title it,
// with the standard and profile; signature lines close it; on screen neither shows. The PDF
// is written to the artifacts to look at (pdftoppm).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, openPage, ARTIFACTS } from './harness.js';

const env = useBrowser();

test('the county and date entered once title the printed report, kept across a reload; signatures close it', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url, { viewport: { width: 1366, height: 900 } });
  await page.waitForSelector('[data-testid="verdict-overall"]');
  assert.equal(await page.isVisible('[data-testid="report-title"]'), false, 'not on screen');
  await page.fill('[data-testid="report-county"]', '示例县');
  await page.fill('[data-testid="report-date"]', '2026-11-24');
  await page.reload();
  await page.waitForSelector('[data-testid="verdict-overall"]');
  assert.equal(await page.inputValue('[data-testid="report-county"]'), '示例县');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.textContent('[data-testid="report-title"]'), '示例县义务教育均衡发展督导评估自查报告');
  const head = await page.textContent('.report-head');
  assert.match(head, /优质均衡（教督〔2017〕6号）/);
  assert.match(head, /全国标准/);
  assert.match(head, /2026-11-24/);
  assert.equal(await page.isVisible('.signatures'), true);
  assert.equal(await page.isVisible('[data-testid="report-county"]'), false, 'the form is not printed');
  await page.pdf({ path: join(ARTIFACTS, 'report.pdf'), format: 'A4', displayHeaderFooter: false, preferCSSPageSize: true });
  assert.deepEqual(errors, []);
  await context.close();
});
