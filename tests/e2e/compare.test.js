// 对比往年数据 (issue 25): an earlier year's table, opened through compare-file, against the
// data as it is now. Each CV then and now equals the test's own student-weighted CV of each
// table; the school closed since and the one opened since are named; the comparison is
// brought to the user, prints with the report and exports as CSV.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, openPage, openCsv, settled, weightedCv, ROOT, ARTIFACTS } from './harness.js';

const env = useBrowser();

test('an earlier year compared: every CV then and now, the schools new and gone, printed and exported', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url, { viewport: { width: 1366, height: 900 } });
  await page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await settled(page);
  const now = await readFile(join(ROOT, 'tests/fixtures/expected.csv'), 'utf8');
  await openCsv(page, 'now.csv', now);
  // The earlier year: 城关第一小学 had fewer books, 北坡小学 was open, 西山乡石门小学 was not.
  const [header, ...rows] = now.replace(/^\ufeff/, '').trim().split(/\r?\n/);
  const earlier = [header, ...rows.filter((r) => !r.startsWith('西山乡石门小学')).map((r) => r.replace(/,62000$/, ',50000')),
    '北坡小学,小学,小学,300,20,19,8,4,3,1500,2400,700000,7,40,6000'].join('\n') + '\n';
  await page.setInputFiles('[data-testid="compare-file"]', { name: '去年.csv', mimeType: 'text/csv', buffer: Buffer.from(earlier) });
  const row = page.locator('[data-testid="compare-primary-books_per_student"]');
  await row.waitFor();
  const [before, after] = await Promise.all(['data-before', 'data-after'].map((a) => row.getAttribute(a)).map(async (v) => Number(await v)));
  assert.ok(Math.abs(before - weightedCv([1860, 640, 300], [50000, 19800, 6000])) < 1e-12, `then ${before}`);
  assert.ok(Math.abs(after - weightedCv([1860, 640, 186], [62000, 19800, 4900])) < 1e-12, `now ${after}`);
  assert.match(await page.textContent('[data-testid="compare-new"]'), /西山乡石门小学/);
  assert.match(await page.textContent('[data-testid="compare-gone"]'), /北坡小学/);
  assert.match(await page.textContent('[data-testid="compare-matched"] summary'), /4/);
  // Each school found again, its values then → now: 城关第一小学's books per student.
  await page.click('[data-testid="compare-matched"] summary');
  const first = await page.textContent('[data-testid="compare-school"]:has-text("城关第一小学")');
  assert.ok(first.includes(`${(50000 / 1860).toFixed(2)} → ${(62000 / 1860).toFixed(2)}`), first);
  // basic2012's composite has a limit, and says whether it was crossed.
  assert.match(await page.textContent('[data-testid="compare-primary-composite"]'), /≤ 0\.65/);
  // Brought into view; on paper with the report, its buttons not.
  await page.waitForFunction(() => {
    const r = calc.querySelector('[data-testid="compare"]').getBoundingClientRect();
    return r.top < innerHeight && r.bottom > 0;
  });
  await page.screenshot({ path: join(ARTIFACTS, 'compare-years.png') });
  await page.pdf({ path: join(ARTIFACTS, 'compare-print.pdf'), format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('[data-testid="compare"]'));
  assert.equal(await page.isVisible('[data-testid="compare-csv"]'), false);
  await page.emulateMedia({ media: 'screen' });
  const download = page.waitForEvent('download');
  await page.click('[data-testid="compare-csv"]');
  const csv = await readFile(await (await download).path(), 'utf8');
  assert.match(csv, /与往年数据对比,去年\.csv/);
  assert.ok(csv.includes(String(before)), 'unrounded in the CSV');
  assert.deepEqual(errors, []);
  await context.close();
});
