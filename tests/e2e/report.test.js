// The printed report (issue 12, item 5): the county and date entered once title it, with the
// standard, profile and scope; a data summary, every part's items with the answers given, the
// folded parts opened; signature lines close it; on screen none of it shows. The PDF is written
// to the artifacts to look at (pdftoppm).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, openPage, openCsv, ARTIFACTS, ROOT } from './harness.js';

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
  assert.match(head, /2026年11月24日/, 'the date in the language\'s own way');
  assert.equal(await page.isVisible('.signatures'), true);
  assert.equal(await page.isVisible('[data-testid="report-county"]'), false, 'the form is not printed');
  // The data summary: each level's schools and students as the demo file has them, counted
  // here (private schools and teaching points under 50 students are not evaluated).
  const demo = (await readFile(join(ROOT, 'www/demo/demo-county.csv'), 'utf8')).trim().split('\n').map((line) => line.split(','));
  const col = (name) => demo[0].indexOf(name);
  for (const [level, word] of [['primary', '小学'], ['junior', '初中']]) {
    const rows = demo.slice(1).filter((r) => r[col('学段')] === word);
    const left = rows.filter((r) => r[col('办学性质')] === '民办' || (r[col('学校类型')] === '教学点' && Number(r[col('在校生数')]) < 50));
    const counted = rows.filter((r) => !left.includes(r));
    const cells = (await page.$$eval(`[data-testid="report-data-${level}"] td`, (tds) => tds.map((td) => Number(td.textContent.replace(/,/g, '')))));
    assert.deepEqual(cells, [counted.length, counted.reduce((sum, r) => sum + Number(r[col('在校生数')]), 0), left.length], level);
  }
  // Every part's items with the answers given: a row per item, the demo's comment beside its item.
  const result = await page.evaluate(() => document.querySelector('junheng-calculator').result);
  const tables = await page.$$eval('[data-testid="report-answers"] table', (ts) => ts.map((t) => [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent.trim()))));
  assert.deepEqual(tables.map((rows) => rows.length), result.parts.map((p) => p.items.length));
  assert.ok(await page.isVisible('[data-testid="report-answers"]'));
  const answers = JSON.parse(await readFile(join(ROOT, 'www/demo/demo-answers.json'), 'utf8'));
  const g3 = result.parts.flatMap((p) => p.items).find((i) => i.id === 'g3');
  const g3Row = tables.flat().find((row) => row[0] === g3.name);
  assert.equal(g3Row[3], answers.items.g3.comment);
  assert.match(g3Row[1], /是/);
  // The folded parts are open on paper: the splits, where the differences come from.
  assert.equal(await page.isVisible('[data-testid="localities-primary-teaching_area_per_student"]'), true);
  assert.equal(await page.isVisible('[data-testid="review"]'), false, 'how the file was read is not printed');
  await page.pdf({ path: join(ARTIFACTS, 'report.pdf'), format: 'A4', displayHeaderFooter: false, preferCSSPageSize: true });
  // The date in each language's own way; the title in each language.
  for (const [lang, title, day] of [['en', /self-check report/, /November 24, 2026/], ['zh-Hant', /示例县義務教育均衡發展督導評估自查報告/, /2026年11月24日/]]) {
    await page.evaluate((l) => document.querySelector('junheng-calculator').setAttribute('lang', l), lang);
    await page.waitForFunction((source) => new RegExp(source).test(calc.querySelector('.report-head').textContent), day.source);
    assert.match(await page.textContent('[data-testid="report-title"]'), title, lang);
  }
  await page.pdf({ path: join(ARTIFACTS, 'report-hant.pdf'), format: 'A4', displayHeaderFooter: false, preferCSSPageSize: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('each level\'s chart: a bar per CV as long as the core\'s value, under basic2012 the composite too, failing ones marked in words', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url, { viewport: { width: 1366, height: 900 } });
  await page.waitForSelector('[data-testid="verdict-overall"]');
  // A county whose schools differ tenfold: every CV is large, the composite fails.
  const header = '学校名称,学段,在校生数,图书册数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,计算机台数,专任教师数,高于规定学历教师数,中级及以上职称教师数';
  const text = [header, '甲,小学,100,100,100,100,100,10,10,10,10', '乙,小学,100,1000,1000,1000,1000,100,100,100,100', '丙,小学,100,3000,200,5000,300,20,30,20,25'].join('\n');
  await page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await openCsv(page, 'tenfold.csv', text);
  const chart = await page.$$eval('[data-testid="chart-cv-primary"] rect', (rects) => rects.map((r) => [Number(r.getAttribute('width')), r.nextElementSibling.textContent]));
  const cvs = await page.$$eval('[data-testid^="cv-primary-"]', (cells) => cells.map((c) => Number(c.dataset.value)));
  const composite = Number(await page.getAttribute('[data-testid="composite-primary"]', 'data-value'));
  assert.equal(chart.length, cvs.length + 1, 'a bar per indicator and the composite');
  // Bars are proportional to the CVs (as long as the core's values say), composite last.
  const values = [...cvs, composite];
  values.forEach((cv, k) => assert.ok(Math.abs(chart[k][0] / chart[0][0] - cv / values[0]) < 1e-3, `bar ${k}`));
  assert.ok(Math.abs(composite - cvs.reduce((a, b) => a + b, 0) / cvs.length) < 1e-12, 'the composite is the mean of the CVs');
  assert.match(chart.at(-1)[1], /✗ 未达标/, 'the failing composite says so in words');
  assert.doesNotMatch(chart[0][1], /✗/, 'under basic2012 a single CV has no limit of its own');
  assert.deepEqual(errors, []);
  await context.close();
});
