// Real files on the page: an xlsx, an old .xls and a GBK CSV dropped onto it, the review of how they were
// read, a column mapped by hand, and the Excel template.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, openPage, weightedCv, ROOT, ARTIFACTS, settled, opened } from './harness.js';

const env = useBrowser();

/** Drops the fixture onto the data section, as a person dragging it from the desktop. */
async function drop(page, name) {
  const bytes = (await readFile(join(ROOT, 'tests/fixtures', name))).toString('base64');
  const dataTransfer = await page.evaluateHandle(({ bytes, name }) => {
    const data = Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([data], name));
    return transfer;
  }, { bytes, name });
  await page.dispatchEvent('#data', 'drop', { dataTransfer });
  await opened(page, name);
}

async function studentsOf(page, level) {
  return page.textContent(`[data-testid="verdict-${level}"] .meta`);
}

test('an xlsx with several sheets: the data sheet is chosen, totals checked, others offered', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url);
  await page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await settled(page);
  await drop(page, '20-workbook-several-sheets.xlsx');
  await page.waitForFunction(() => calc.querySelector('#sheet-select')?.selectedOptions[0]?.textContent === '学校数据');
  await page.waitForSelector('[data-testid="verdict-primary"]');
  assert.match(await studentsOf(page, 'primary'), /3 所学校 · 2,686 名学生/);
  assert.match(await studentsOf(page, 'junior'), /2 所学校 · 1,780 名学生/);
  const review = await page.textContent('[data-testid="review"]');
  assert.match(review, /表头在第 2 行/);
  assert.match(review, /第1行：表头之上的标题行，已跳过/);
  assert.match(review, /第8行「学校名称」：合计行，已跳过/);
  assert.match(await page.textContent('[data-testid="sum-check"]'), /读入合计 4,466；文件合计行 4,466 ✓/);
  assert.deepEqual(await page.$$eval('#sheet-select option', (o) => o.map((x) => x.textContent)), ['填表说明', '学校数据', '汇总']);
  // The editor's header is the row the reader found; the title above it is the caption, and
  // the rows keep the sheet's numbers.
  await page.waitForFunction(() => calc.querySelector('table.editor thead input.head')?.value === '学校名称');
  assert.match(await page.textContent('table.editor caption'), /某县义务教育学校办学条件/);
  assert.equal(await page.textContent('table.editor tbody tr th.line'), '3');
  await page.evaluate(() => calc.querySelector('[data-testid="review"]').scrollIntoView());
  await page.screenshot({ path: join(ARTIFACTS, 'xlsx-review.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('an old binary .xls opens as the CLI reads it: the sheet with the table, its title and totals skipped', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url);
  // The picker offers it.
  assert.match(await page.getAttribute('[data-testid="data-file"]', 'accept'), /\.xls\b/);
  await page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await settled(page);
  await drop(page, '22-legacy-workbook.xls');
  await page.waitForFunction(() => calc.querySelector('#sheet-select')?.selectedOptions[0]?.textContent === '学校数据');
  assert.deepEqual(await page.$$eval('#sheet-select option', (o) => o.map((x) => x.textContent)), ['说明', '学校数据']);
  assert.match(await studentsOf(page, 'primary'), /3 所学校 · 2,686 名学生/);
  assert.match(await page.textContent('[data-testid="review"]'), /表头在第 2 行/);
  // Independent: books per student of the three primary schools, weighted CV.
  const expected = weightedCv([1860, 640, 186], [62000, 19800, 4900]);
  const cv = Number(await page.getAttribute('[data-testid="cv-primary-books_per_student"]', 'data-value'));
  assert.ok(Math.abs(cv - expected) < 1e-12, `${cv} vs ${expected}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a merged two-row header in xlsx with numbers stored as text', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await settled(page);
  await drop(page, '21-merged-header-numbers-as-text.xlsx');
  await page.waitForSelector('[data-testid="verdict-primary"]');
  assert.match(await page.textContent('[data-testid="review"]'), /表头在第 1–2 行/);
  // Independent: books per student of the three primary schools, weighted CV.
  const expected = weightedCv([1860, 640, 186], [62000, 19800, 4900]);
  const cv = Number(await page.getAttribute('[data-testid="cv-primary-books_per_student"]', 'data-value'));
  assert.ok(Math.abs(cv - expected) < 1e-12, `${cv} vs ${expected}`);
  await context.close();
});

test('a GBK CSV with titles above the header reads in Chinese', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await settled(page);
  await drop(page, '06-title-rows.csv');
  await page.waitForSelector('[data-testid="verdict-junior"]');
  assert.match(await page.textContent('.school-table'), /西山乡石门小学/);
  assert.match(await page.textContent('[data-testid="review"]'), /表头在第 3 行/);
  await context.close();
});

test('a column the calculator cannot name is mapped by hand, and the choice is kept', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.click('#tab-text');
  await settled(page);
  await page.fill('[data-testid="paste-input"]', '学校名称,学段,人数,图书册数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,计算机台数,专任教师数,高于规定学历教师数,中级及以上职称教师数\n甲,小学,100,300,500,800,200000,10,6,6,3\n乙,小学,50,200,250,400,100000,5,3,3,1\n');
  await settled(page);
  await page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await settled(page);
  assert.match(await page.textContent('#problems'), /缺少必填列「在校生数」/);
  await page.selectOption('[data-testid="map-2"]', 'students');
  await settled(page);
  await page.waitForSelector('[data-testid="verdict-primary"]');
  assert.match(await studentsOf(page, 'primary'), /2 所学校 · 150 名学生/);
  await page.reload();
  await page.waitForSelector('[data-testid="verdict-primary"]');
  assert.equal(await page.inputValue('[data-testid="map-2"]'), 'students');
  await context.close();
});

test('the Excel template and example download', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.click('details.menu > summary');
  await settled(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=空白模板（Excel）')]);
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
  const [example] = await Promise.all([page.waitForEvent('download'), page.click('#download-example')]);
  const text = await readFile(await example.path(), 'utf8');
  assert.match(text, /^\ufeff学校名称,学段,学校类型/);
  await context.close();
});

test('removing a column in the table clears hand mappings, which were by position', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.click('#tab-text');
  await settled(page);
  await page.fill('[data-testid="paste-input"]', '学校名称,学段,备注,人数\n甲,小学,新建,100\n');
  await settled(page);
  assert.match(await page.textContent('#problems'), /缺少必填列「在校生数」/);
  await page.selectOption('[data-testid="map-3"]', 'students');
  await settled(page);
  // Students are read now; what is left missing is what the standard needs.
  assert.doesNotMatch(await page.textContent('#problems'), /缺少必填列/);
  await page.click('#tab-table');
  await settled(page);
  await page.locator('input[data-r="1"][data-c="0"]').fill('甲校');
  await settled(page);
  assert.equal(await page.inputValue('[data-testid="map-3"]'), 'students', 'a cell edit keeps the mapping');
  await page.click('[data-remove-column="2"]');
  await settled(page);
  assert.match(await page.textContent('#problems'), /缺少必填列「在校生数」/);
  await context.close();
});
