// Views that decide nothing (issue 20, finding 6): what the page shows beside a figure comes
// from the core's verdicts, in the reader's language, with its units and words.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, openCsv, settled, provinceOf } from './harness.js';

const env = useBrowser();

/** Three counties of the demo's rows; 西山县's first five schools with five times the
 * teachers and areas (its CVs far above the limits), 北川县 as the demo. */
function provinceCsv() {
  return provinceOf(['东河县', '西山县', '北川县'], (county, k, cells) =>
    (county === '西山县' && k < 5 ? cells.map((c, i) => (i >= 7 && i <= 13 && c ? String(Number(c) * 5) : c)) : cells));
}

test('a province row puts ≤ or > between a CV and its limit as the numbers are, and the headline counts the rows that fail', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url);
  for (const standard of ['quality2017', 'basic2012']) {
    await page.selectOption('[data-testid="standard-select"]', standard);
    await openCsv(page, `province-${standard}.csv`, await provinceCsv(), 60_000);
    await page.waitForSelector('[data-testid="province-row"]');
    const rows = await page.$$eval('[data-testid="province-row"]', (trs) => trs.map((tr) => ({
      county: tr.dataset.county, passed: tr.dataset.passed, cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()) })));
    let compared = 0;
    for (const row of rows) {
      for (const cell of row.cells) {
        const match = cell.match(/^(\d+\.\d+) ([≤>]) (\d+\.\d+)/);
        if (!match) continue;
        compared++;
        assert.equal(match[2], Number(match[1]) <= Number(match[3]) ? '≤' : '>', `${standard} ${row.county}: ${cell}`);
      }
    }
    assert.ok(compared >= rows.length, `${standard}: every row compares a figure with its limit`);
    const failingCounties = new Set(rows.filter((r) => r.passed !== 'true').map((r) => r.county)).size;
    if (standard === 'quality2017') assert.ok(failingCounties >= 1, '西山县 fails');
    const headline = await page.textContent('[data-testid="province"] h3');
    assert.match(headline, new RegExp(`${failingCounties} 个县的资源配置未通过`), `${standard}: ${headline}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('each bar of the CV chart is marked with its own limit: under basic2012 the composite alone', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.waitForSelector('[data-testid="chart-cv-primary"]');
  const marks = () => page.$$eval('[data-testid="chart-cv-primary"] line.limit', (lines) => lines.length);
  const bars = () => page.$$eval('[data-testid="chart-cv-primary"] rect', (rects) => rects.length);
  assert.equal(await marks(), await bars(), 'quality2017: every CV has its limit');
  await page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await settled(page);
  assert.equal(await marks(), 1, 'basic2012: the composite only');
  await context.close();
});

test('the plan made in Chinese follows a switch to English: the ledger\'s indicators and units in English', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url);
  await page.waitForSelector('[data-testid="verdict-overall"]');
  await page.click('[data-testid="plan-open"]');
  await page.waitForSelector('[data-testid="plan-line"]', { timeout: 60_000 });
  await page.click('#lang-toggle');
  await page.waitForFunction(() => calc.querySelector('[data-testid="plan-line"] td:nth-child(3)')?.textContent.trim() === 'Primary'
    || calc.querySelector('[data-testid="plan-line"] td:nth-child(3)')?.textContent.trim() === 'Junior', null, { timeout: 60_000 });
  const cells = await page.$$eval('[data-testid="plan-line"]', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent.trim())));
  // Every cell but the school's name (the user's words) is English.
  const han = cells.flatMap((line) => line.filter((_, i) => i !== 1)).filter((text) => /\p{Script=Han}/u.test(text));
  assert.deepEqual(han, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('one school is "1 school" in English; money is ¥, not CN¥, in 繁體中文 and English', async () => {
  const { page, context } = await openPage(env.browser, `${env.url}?lang=en&standard=basic2012`);
  const header = '学校名称,学段,在校生数,图书册数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,计算机台数,专任教师数,高于规定学历教师数,中级及以上职称教师数';
  await openCsv(page, 'one.csv', `${header}\n甲,小学,100,1000,500,800,200000,10,8,8,4\n乙,小学,120,1000,500,800,200000,10,8,8,4\n丙,初中,300,3000,1500,3000,900000,30,25,25,12\n`);
  assert.match(await page.textContent('[data-testid="verdict-junior"]'), /\b1 school ·/);
  assert.match(await page.textContent('[data-testid="verdict-primary"]'), /\b2 schools ·/);
  for (const lang of ['zh-Hant', 'en']) {
    const money = await page.evaluate(async (l) => (await import('/src/lib/format.js')).formatMoney(123456, l), lang);
    assert.doesNotMatch(money, /CN/, `${lang}: ${money}`);
    assert.match(money, /¥/);
  }
  await context.close();
});
