// Province files (issue 13, item 1): a table with a county column shows a summary row per
// county and level, sortable, and a picker that opens one county's full results; each
// county's figures are those of its rows alone.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, openPage, openCsv, settled, provinceOf, ARTIFACTS } from './harness.js';

const env = useBrowser();

/** 东河县 (the demo county), 西山县 (the demo, every teacher count and area scaled by 1.5 for
 * its first five schools: other CVs), 南岭县 (one cell wrong). */
function provinceCsv() {
  return provinceOf(['东河县', '西山县', '南岭县'], (county, k, cells) => {
    if (county === '西山县' && k < 5) return cells.map((c, i) => (i >= 7 && i <= 13 && c ? String(Math.round(Number(c) * 1.5)) : c));
    if (county === '南岭县' && k === 2) cells[5] = '一千五';
    return cells;
  });
}

const cvsShown = (page) => page.$$eval('[data-testid^="cv-primary-"]', (cells) => cells.map((c) => Number(c.dataset.value)));

test('a province file: a row per county and level, sortable, and each county opened from the picker', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url, { viewport: { width: 1366, height: 900 } });
  await page.waitForSelector('[data-testid="verdict-overall"]');
  // The demo county alone: its largest primary CV, as the page shows it.
  const demoWorst = Math.max(...(await cvsShown(page)));
  await openCsv(page, 'province.csv', await provinceCsv());
  await page.waitForSelector('[data-testid="province-row"]');
  const rows = await page.$$eval('[data-testid="province-row"]', (trs) => trs.map((tr) => ({ county: tr.dataset.county, level: tr.dataset.level ?? null, worst: Number(tr.cells[3]?.dataset.value ?? NaN), text: tr.textContent })));
  assert.deepEqual(rows.map((r) => `${r.county}/${r.level}`), ['东河县/primary', '东河县/junior', '西山县/primary', '西山县/junior', '南岭县/null']);
  assert.equal(rows[0].worst, demoWorst, '东河县 is the demo county: its largest CV');
  assert.match(rows[4].text, /数据有 1 处需要修改/);
  assert.equal(await page.isVisible('[data-testid="verdict-overall"]'), false, 'no county open: no verdict above the counties');
  // Sorted by the largest CV, the worst first.
  await page.click('[data-testid="province"] th [data-sort="worst"]');
  const sorted = await page.$$eval('[data-testid="province-row"]', (trs) => trs.map((tr) => Number(tr.cells[3]?.dataset.value || -1)));
  assert.deepEqual(sorted, [...sorted].sort((a, b) => b - a));
  assert.equal(await page.getAttribute('[data-testid="province"] th:has([data-sort="worst"])', 'aria-sort'), 'descending');
  // 西山县 from the picker: its own results, its schools, the picker and the rows still there.
  await page.selectOption('[data-testid="county-picker"]', '西山县');
  await page.waitForSelector('[data-testid="verdict-overall"]');
  const western = await cvsShown(page);
  const whole = await page.evaluate(() => document.querySelector('junheng-calculator').evaluate());
  const county = whole.counties.find((c) => c.county === '西山县');
  assert.deepEqual(western, county.levels.primary.indicators.map((i) => i.cv));
  assert.notDeepEqual(western, await Promise.resolve(county.levels.primary.indicators.map(() => demoWorst)));
  assert.ok((await page.$$('[data-testid="province-row"]')).length === 5);
  await page.screenshot({ path: join(ARTIFACTS, 'province-1366.png'), fullPage: false });
  // Kept across a reload; "打开" on a row opens that county; the whole province again.
  await page.reload();
  await page.waitForSelector('[data-testid="verdict-overall"]');
  assert.equal(await page.inputValue('[data-testid="county-picker"]'), '西山县');
  await page.click('[data-testid="province-row"][data-county="东河县"] [data-county-open]');
  await page.waitForFunction(() => calc.querySelector('[data-testid="county-picker"]').value === '东河县');
  await settled(page);
  assert.deepEqual((await cvsShown(page)).length, western.length);
  await page.selectOption('[data-testid="county-picker"]', '');
  await page.waitForSelector('[data-testid="verdict-overall"]', { state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});
