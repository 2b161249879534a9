// The calculator page in real Chromium: paste, edit, switch standard and language, reload.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, openPage, weightedCv, ARTIFACTS, settled } from './harness.js';

const env = useBrowser();

/** The handout's five schools (books per student, SPEC §1), other columns equal per student. */
function handoutTable(separator) {
  const header = ['学校名称', '学段', '在校生数', '图书册数', '教学及辅助用房面积', '体育运动场馆面积', '教学仪器设备值', '计算机台数', '专任教师数', '高于规定学历教师数', '中级及以上职称教师数'];
  const rows = [['甲校', 45, 279], ['乙校', 37, 137], ['丙校', 89, 935], ['丁校', 76, 160], ['戊校', 55, 402]]
    .map(([name, p, books]) => [name, '小学', p, books, p * 5, p * 8, p * 2000, p / 5, p / 18, p / 20, p / 40]);
  return [header, ...rows].map((r) => r.join(separator)).join('\n');
}

async function pasteText(page, text) {
  await page.click('#tab-text');
  await settled(page);
  await page.fill('[data-testid="paste-input"]', text);
  await settled(page);
}

async function cv(page, level, key) {
  return Number(await page.getAttribute(`[data-testid="cv-${level}-${key}"]`, 'data-value'));
}

test('a first visit opens on the demo county, with verdicts and every indicator', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url);
  await page.waitForSelector('[data-testid="verdict-primary"]');
  for (const level of ['primary', 'junior']) {
    const passed = await page.getAttribute(`[data-testid="verdict-${level}"]`, 'data-passed');
    assert.ok(passed === 'true' || passed === 'false');
    assert.equal(await page.locator(`[data-testid^="cv-${level}-"]`).count(), 7);
  }
  assert.match(await page.textContent('#extras'), /西山乡岭上教学点/);
  assert.match(await page.textContent('#extras'), /北湖镇九年一贯制学校/);
  await page.screenshot({ path: join(ARTIFACTS, 'demo-quality2017.png'), fullPage: true });
  await page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await settled(page);
  assert.ok(await page.isVisible('[data-testid="composite-primary"]'));
  await page.screenshot({ path: join(ARTIFACTS, 'demo-basic2012.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('pasted CSV gives the published weighted CV, read back from the DOM', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await settled(page);
  await pasteText(page, handoutTable(','));
  const books = await cv(page, 'primary', 'books_per_student');
  assert.ok(Math.abs(books - 0.51526) < 5e-6, String(books));
  assert.equal(await page.textContent('[data-testid="cv-primary-books_per_student"]'), '0.515');
  // The other columns are proportional to students: no variation.
  assert.ok(Math.abs(await cv(page, 'primary', 'teaching_area_per_student')) < 1e-12);
  // Composite = mean of the 8 unrounded CVs, recomputed here from the DOM.
  const keys = await page.$$eval('[data-testid^="cv-primary-"]', (cells) => cells.map((c) => Number(c.dataset.value)));
  const composite = Number(await page.getAttribute('[data-testid="composite-primary"]', 'data-value'));
  assert.equal(keys.length, 8);
  assert.ok(Math.abs(composite - keys.reduce((a, b) => a + b) / 8) < 1e-12);
  assert.equal(await page.getAttribute('[data-testid="verdict-primary"]', 'data-passed'), 'true');
  // Where the books' CV comes from: each school's share of the weighted variance, written
  // here from the handout's numbers; the three largest are named, with their side.
  const students = [45, 37, 89, 76, 55];
  const booksOf = [279, 137, 935, 160, 402];
  const P = students.reduce((a, b) => a + b);
  const X = booksOf.reduce((a, b) => a + b) / P;
  const parts = students.map((p, i) => (p / P) * (booksOf[i] / p - X) ** 2);
  const S2 = parts.reduce((a, b) => a + b);
  const percent = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });
  const expected = ['甲校', '乙校', '丙校', '丁校', '戊校'].map((name, i) => [name, parts[i] / S2, booksOf[i] / students[i] < X])
    .sort((a, b) => b[1] - a[1]).slice(0, 3)
    .map(([name, share, below]) => `${name}（${below ? '低于' : '高于'}县域值，占 ${percent.format(share)}）`).join('、');
  assert.equal(await page.textContent('[data-testid="contributions-primary-books_per_student"] td'), expected);
  assert.equal(await page.locator('[data-testid="contributions-primary-teaching_area_per_student"]').count(), 0, 'no dispersion, no sources');
  await context.close();
});

test('the books variance splits into within and between townships, and urban, town and rural, as computed here', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await settled(page);
  const towns = ['东镇', '东镇', '西乡', '西乡', '南乡'];
  const places = ['城区', '乡村', '城区', '镇区', '乡村'];
  const lines = handoutTable(',').split('\n').map((line, i) => (i ? `${line},${towns[i - 1]},${places[i - 1]}` : `${line},乡镇,城乡类型`));
  await pasteText(page, lines.join('\n'));
  const students = [45, 37, 89, 76, 55];
  const books = [279, 137, 935, 160, 402];
  const P = students.reduce((a, b) => a + b);
  const X = books.reduce((a, b) => a + b) / P;
  /** Written here: each group's X̄_g and S_g², within = Σ (P_g/P) S_g², between = Σ (P_g/P)(X̄_g − X̄)². */
  const split = (groups) => {
    let within = 0;
    let between = 0;
    const values = [];
    for (const group of new Set(groups)) {
      const members = groups.map((g, i) => (g === group ? i : -1)).filter((i) => i >= 0);
      const Pg = members.reduce((a, i) => a + students[i], 0);
      const Xg = members.reduce((a, i) => a + books[i], 0) / Pg;
      within += members.reduce((a, i) => a + (students[i] / P) * (books[i] / students[i] - Xg) ** 2, 0);
      between += (Pg / P) * (Xg - X) ** 2;
      values.push([group, Xg]);
    }
    return { within, between, values: values.sort((a, b) => a[1] - b[1]) };
  };
  for (const [testid, groups] of [['groups', towns], ['localities', places]]) {
    const { within, between, values } = split(groups);
    const row = page.locator(`[data-testid="${testid}-primary-books_per_student"] td`);
    const shown = await row.evaluateAll((cells) => cells.slice(0, 2).map((c) => Number(c.getAttribute('data-value'))));
    assert.ok(Math.abs(shown[0] - within / (within + between)) < 1e-12, `${testid} within ${shown[0]}`);
    assert.ok(Math.abs(shown[1] - between / (within + between)) < 1e-12, `${testid} between ${shown[1]}`);
    // The lowest and highest groups by books per student, named with their value.
    assert.equal(await row.nth(2).textContent(), `${values[0][0]} ${values[0][1].toFixed(2)}`);
    assert.equal(await row.nth(3).textContent(), `${values[2][0]} ${values[2][1].toFixed(2)}`);
  }
  await context.close();
});

test('cells pasted from a spreadsheet (tabs) read the same as CSV', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await settled(page);
  await pasteText(page, handoutTable('\t'));
  assert.ok(Math.abs((await cv(page, 'primary', 'books_per_student')) - 0.51526) < 5e-6);
  await context.close();
});

test('results follow edits in the table, and bad cells are named and marked', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await settled(page);
  await pasteText(page, handoutTable(','));
  await page.click('#tab-table');
  await settled(page);
  // Row 4 (丙校) books: 935 → 160 makes 丙 like 丁.
  const cell = page.locator('input[data-r="3"][data-c="3"]');
  assert.equal(await cell.inputValue(), '935');
  await cell.fill('160');
  await settled(page);
  const books = await cv(page, 'primary', 'books_per_student');
  // Independent: students 45,37,89,76,55; books 279,137,160,160,402.
  const expected = weightedCv([45, 37, 89, 76, 55], [279, 137, 160, 160, 402]);
  assert.ok(Math.abs(books - expected) < 1e-12, `${books} vs ${expected}`);
  await cell.fill('三百');
  await settled(page);
  await page.waitForSelector('#problems .problems');
  assert.match(await page.textContent('#problems'), /第4行「图书册数」：「三百」不是数字/);
  assert.equal(await cell.getAttribute('aria-invalid'), 'true');
  // The other rows' figures stand, provisional: no verdict until the cell is corrected.
  assert.equal(await page.getAttribute('[data-testid="verdict-primary"]', 'data-provisional'), 'true');
  assert.match(await page.textContent('[data-testid="verdict-primary"]'), /结论待定/);
  await page.screenshot({ path: join(ARTIFACTS, 'error.png') });
  await context.close();
});

test('bad input gets a clear message: empty, header only, missing column, duplicate, zero students', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  // A header alone is where one starts: said so in place of the results, with the first
  // steps, not as a mistake.
  await pasteText(page, '学校名称,学段,在校生数\n');
  assert.match(await page.textContent('[data-testid="start"]'), /只有表头，没有学校数据[^]*打开本县的表格文件[^]*从 Excel \/ WPS 复制粘贴[^]*下载 Excel 模板/);
  assert.equal(await page.textContent('#problems'), '');
  const cases = [
    ['学校名称,学段,在校生数,图书册数\n甲,小学,100,3\n', /缺少此列.*高于规定学历教师数|高于规定学历教师数.*缺少此列/],
    ['学校名称,学段,在校生数\n甲,小学,0\n', /第2行「在校生数」：在校生数应大于0/],
    ['学校名称,学段,在校生数\n甲,小学,10\n甲,小学,20\n', /第3行「学校名称」：「甲」小学与第2行重复/],
  ];
  for (const [text, message] of cases) {
    await pasteText(page, text);
    assert.match(await page.textContent('#problems'), message);
  }
  await pasteText(page, '');
  assert.match(await page.textContent('[data-testid="start"]'), /还没有数据/);
  await context.close();
});

test('English switch, and nothing typed is lost on reload', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await settled(page);
  await pasteText(page, handoutTable(',') + '\n己校,小学,abc,1,1,1,1,1,1,1,1');
  await page.click('#lang-toggle');
  await settled(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('#problems'), /row 7 "在校生数": "abc" is not a number/);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.inputValue('[data-testid="standard-select"]'), 'basic2012');
  assert.match(await page.inputValue('[data-testid="paste-input"]'), /己校,小学,abc/);
  assert.match(await page.textContent('h1'), /County Education Balance Calculator/);
  await context.close();
});

test('a phone-width screen shows the page without sideways scrolling of the page itself', async () => {
  const { page, context } = await openPage(env.browser, env.url, { viewport: { width: 390, height: 844 } });
  await page.waitForSelector('[data-testid="verdict-primary"]');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await page.screenshot({ path: join(ARTIFACTS, 'phone.png'), fullPage: false });
  await context.close();
});

test('the template download has a BOM and the template header', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.click('details.menu > summary');
  await settled(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-template')]);
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(bytes.toString('utf8'), /^\ufeff学校名称,学段,学校类型/);
  await context.close();
});

test('the result exports as JSON (the contract) and as a CSV of the schools, formulas kept as text', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await settled(page);
  await pasteText(page, handoutTable(',').replace('甲校', '=1+1'));
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-json"]')]);
  const exported = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.deepEqual(exported, await page.evaluate(() => document.querySelector('junheng-calculator').result));
  assert.equal(exported.schools.length, 5);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
  const bytes = await readFile(await csv.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const [header, ...rows] = bytes.toString('utf8').slice(1).trim().split('\n').map((line) => line.split(','));
  assert.deepEqual(header.slice(0, 5), ['行', '学校', '学段', '乡镇', '在校生']);
  assert.equal(rows.length, 5);
  assert.equal(rows[0][1], "'=1+1", 'a cell a spreadsheet would run stays text');
  // Unrounded: 279 books for 45 students, as the number itself.
  assert.equal(Number(rows[0][header.indexOf('生均图书册数')]), 279 / 45);
  await context.close();
});

test('on a 360 px phone each indicator is a card: its name on one or two lines, its figures labelled', async () => {
  const { page, context } = await openPage(env.browser, env.url, { viewport: { width: 360, height: 780 } });
  await page.waitForSelector('[data-testid="verdict-overall"]');
  for (const standard of ['quality2017', 'basic2012']) {
    await page.selectOption('[data-testid="standard-select"]', standard);
    await settled(page);
    const names = await page.$$eval('table.indicators th[scope="row"]', (ths) => ths.map((th) => [th.textContent.trim(), th.getBoundingClientRect().width, th.getBoundingClientRect().height]));
    assert.ok(names.length >= 8, `${standard}: ${names.length} indicators`);
    for (const [name, width, height] of names) assert.ok(width > 250 && height < 70, `${standard} ${name}: ${width}×${height}`);
    const label = await page.evaluate(() => getComputedStyle(calc.querySelector('[data-testid^="cv-primary-"]'), '::before').content);
    assert.match(label, /差异系数/);
  }
  await context.close();
});
