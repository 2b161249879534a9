// Trust, in the real browser under the strict CSP of harness.js (every test fails on any
// violation or injected script): no script from data, no data lost to a file, no answer
// that was not given, no wrong pass, and the smaller defects found by new users.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, openPage, weightedCv, ROOT, ARTIFACTS, settled, demoUserTexts, visibleTexts, withoutUserTexts } from './harness.js';

const env = useBrowser();
const HOSTILE = join(ROOT, 'tests/fixtures/hostile');
const PAYLOAD = '<img src=x onerror="window.__pwned=1">';

const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('junheng.state')));
const passed = (page, testid) => page.getAttribute(`[data-testid="${testid}"]`, 'data-passed');

/** Picks a file and waits for the page's answer: a notice that names it. */
async function pick(page, testid, name, buffer) {
  await page.evaluate(() => { for (const n of calc.querySelectorAll('[data-testid^="notice-"]')) n.remove(); });
  await page.setInputFiles(`[data-testid="${testid}"]`, { name, mimeType: 'application/octet-stream', buffer });
  await settled(page);
  await page.waitForFunction((n) => [...calc.querySelectorAll('[data-testid^="notice-"]')].some((el) => el.textContent.includes(n)), name);
}

const hostile = (name) => readFile(join(HOSTILE, name));

/** Nothing from the data became an element or an event handler. */
async function assertInert(page) {
  const found = await page.evaluate(() => calc.querySelectorAll('main img, main script, [onerror], [onload], [onclick]').length);
  assert.equal(found, 0, 'no element or handler came from the data');
}

test('hostile names, headers, sheets, file names, profiles, projects and comments stay text', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await pick(page, 'data-file', 'markup-names.csv', await hostile('markup-names.csv'));
  await page.waitForSelector('[data-testid="school-primary-2"]');
  assert.match(await page.textContent('[data-testid="school-primary-2"]'), /甲<img src=x onerror="window.__pwned=1">小学/);
  // A header the reader does not know: named in the notes, as text.
  await page.click('#tab-text');
  await settled(page);
  const text = await page.inputValue('[data-testid="paste-input"]');
  await page.fill('[data-testid="paste-input"]', text.replace('在校生数', `在校生数,${PAYLOAD}`).replace(/\n(.+)/g, '\n$1'));
  await settled(page);
  await page.click('#tab-table');
  await settled(page);
  await assertInert(page);
  // A sheet name and a file name.
  await pick(page, 'data-file', 'markup-sheet.xlsx', await hostile('markup-sheet.xlsx'));
  assert.equal(await page.textContent('#sheet-select option'), `表${PAYLOAD}`);
  await pick(page, 'data-file', `${PAYLOAD}.xlsx`, await hostile('truncated.xlsx'));
  assert.ok((await page.textContent('[data-testid="notice-file"]')).includes(`${PAYLOAD}.xlsx`));
  // A profile whose id carries markup is refused; one whose texts do is shown as text.
  await pick(page, 'profile-file', 'p.json', await hostile('profile-markup-id.json'));
  assert.match(await page.textContent('[data-testid="notice-file"]'), /项目编号/);
  assert.equal(await page.textContent('[data-testid="profile-name"]'), '全国标准');
  await pick(page, 'profile-file', 'p.json', await hostile('profile-markup-texts.json'));
  assert.equal(await page.textContent('[data-testid="profile-name"]'), `省标准${PAYLOAD}`);
  assert.match(await page.textContent('#answers-guarantee'), /规划<img src=x/);
  // A project with markup in names, comments and its profile; one with a markup id is refused.
  await pick(page, 'project-file', 'p.json', await hostile('project-markup-id.json'));
  assert.match(await page.textContent('[data-testid="notice-file"]'), /项目编号/);
  await pick(page, 'project-file', 'p.json', await hostile('project-markup.json'));
  await page.waitForSelector('[data-testid="school-junior-4"]');
  assert.equal(await page.inputValue('[data-answer="comment"][data-id="g1"]'), `备注${PAYLOAD}`);
  await page.fill('[data-answer="comment"][data-id="g2"]', `"><script>window.__pwned=1</script>`);
  await settled(page);
  await assertInert(page);
  // Everything is kept in localStorage: a reload draws it all again, still as text.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('[data-testid="school-junior-4"]');
  assert.equal(await page.inputValue('[data-answer="comment"][data-id="g2"]'), `"><script>window.__pwned=1</script>`);
  await assertInert(page);
  await context.close();
});

test('a file that cannot be read never replaces the data, and says why', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.waitForSelector('[data-testid="verdict-overall"]');
  const before = (await stored(page)).state.text;
  const schools = await page.locator('[data-testid^="school-primary-"]').count();
  const cases = [
    ['letter.docx', /Word 文档/],
    // The CLI's reader and its words (the workbook module): calamine's own reason.
    ['truncated.xlsx', /无法读取电子表格/],
    ['dtd-entities.xlsx', /DTD/],
    ['far-cell-zzzzzz.xlsx', /ZZZZZZ40.*超出 Excel 的范围/],
    ['wrapping-row.xlsx', /4294967297/],
    ['corner-cells.xlsx', /1048576 行 × 16384 列/],
    // Rows and cells repeated past any sheet: refused by the expanded size, nothing allocated.
    ['repeated-rows.ods', /1000000 行 × 16384 列/],
    ['picture.png', /不是表格文件/],
    ['empty.csv', /文件是空的/],
  ];
  for (const [name, reason] of cases) {
    await pick(page, 'data-file', name, await hostile(name));
    const notice = await page.textContent('[data-testid="notice-file"]');
    assert.match(notice, reason, name);
    assert.match(notice, /现有数据未作任何改动/, name);
    assert.equal((await stored(page)).state.text, before, `${name} left the data as it was`);
    assert.equal(await page.locator('[data-testid^="school-primary-"]').count(), schools, name);
  }
  // After a reload the demo is still there.
  await page.reload();
  await page.waitForSelector('[data-testid="verdict-overall"]');
  assert.equal((await stored(page)).state.text, before);
  // An .ods opens (zip + XML like xlsx), and a good file clears the old notice.
  await pick(page, 'data-file', 'schools.ods', await hostile('schools.ods'));
  await page.waitForSelector('[data-testid="school-junior-4"]');
  assert.equal(await page.locator('[data-testid="notice-file"]').count(), 0);
  assert.equal(await page.locator('[data-testid^="school-primary-"]').count(), 2);
  const cv = Number(await page.getAttribute('[data-testid="cv-primary-teaching_area_per_student"]', 'data-value'));
  assert.ok(Math.abs(cv - weightedCv([500, 400], [2500, 1200])) < 1e-12, String(cv));
  await context.close();
});

test('the demo is marked, its answers never follow into one\'s own data, and undo brings it back', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.waitForSelector('[data-testid="part-recognition"]');
  assert.ok(await page.isVisible('[data-testid="demo-banner"]'));
  assert.equal(await passed(page, 'part-recognition'), 'true');
  // One's own file: nothing the demo answered counts.
  await pick(page, 'data-file', 'schools.ods', await hostile('schools.ods'));
  await page.waitForSelector('[data-testid="school-junior-4"]');
  assert.ok(!(await page.isVisible('[data-testid="demo-banner"]')));
  assert.equal(await passed(page, 'part-recognition'), 'false');
  assert.equal(await page.inputValue('[data-testid="survey-parents-respondents"]'), '');
  assert.equal((await stored(page)).state.answers.vetoes.length, 0);
  // Undo: the demo and its answers are back.
  await page.click('[data-testid="notice-undo"] [data-action="undo"]');
  await settled(page);
  await page.waitForSelector('[data-testid="school-primary-2"]');
  assert.equal(await passed(page, 'part-recognition'), 'true');
  assert.ok(await page.isVisible('[data-testid="demo-banner"]'));
  // 新建空表 from the demo: no answers either.
  await page.click('#new-table');
  await settled(page);
  assert.equal(Object.keys((await stored(page)).state.answers.survey).length, 0);
  // The user's own answers are kept when they open a corrected file, and can be cleared.
  await page.selectOption('[data-testid="standard-select"]', 'quality2017');
  await settled(page);
  await page.fill('[data-testid="survey-parents-respondents"]', '100');
  await settled(page);
  await page.fill('[data-testid="survey-parents-satisfied"]', '90');
  await settled(page);
  await pick(page, 'data-file', 'schools.ods', await hostile('schools.ods'));
  assert.match(await page.textContent('[data-testid="notice-undo"]'), /已保留/);
  assert.equal(await page.inputValue('[data-testid="survey-parents-respondents"]'), '100');
  await page.click('[data-testid="notice-undo"] [data-action="clear-answers"]');
  await settled(page);
  assert.equal(await page.inputValue('[data-testid="survey-parents-respondents"]'), '');
  await context.close();
});

test('one bad answer marks its field and leaves every other result in place', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await settled(page);
  await page.waitForSelector('[data-testid="part-government"]');
  await page.fill('[data-testid="points-a1"]', '999');
  await settled(page);
  const field = '[data-testid="points-a1"]';
  assert.equal(await page.getAttribute(field, 'aria-invalid'), 'true');
  const message = await page.locator(`#${await page.getAttribute(field, 'aria-describedby')}`);
  assert.match(await message.textContent(), /999.*超出范围/);
  // Beside the field: in the same table cell.
  assert.equal(await message.evaluate((el, selector) => el.closest('td') === calc.querySelector(selector).closest('td'), field), true);
  assert.equal(await passed(page, 'part-government'), 'false');
  assert.ok(await page.isVisible('[data-testid="composite-primary"]'));
  assert.equal(await page.locator('[data-testid^="cv-primary-"]').count(), 8);
  assert.equal(await passed(page, 'part-satisfaction'), 'true', 'the other parts are still judged');
  await page.fill(field, '5');
  await settled(page);
  assert.equal(await page.getAttribute(field, 'aria-invalid'), null);
  assert.equal(await passed(page, 'part-government'), 'true');
  await context.close();
});

const HANDOUT = ['学校名称,学段,在校生数,图书册数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,计算机台数,专任教师数,高于规定学历教师数,中级及以上职称教师数',
  '甲校,小学,45,279,225,360,90000,9,3,2,1', '乙校,小学,37,137,185,296,74000,7,2,2,1', '丙校,小学,89,935,445,712,178000,18,5,4,2'];

test('a number that would overflow is an error at its cell, never a pass; the error leads to the cell', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await settled(page);
  await page.click('#tab-text');
  await settled(page);
  for (const huge of ['1e308', '1e300']) {
    await page.fill('[data-testid="paste-input"]', HANDOUT.join('\n').replace(',935,', `,${huge},`));
    await settled(page);
    assert.match(await page.textContent('#problems'), /第4行「图书册数」：「1e30\d」过大/);
    assert.equal(await page.locator('[data-testid="verdict-overall"]').count(), 0);
    // The other rows' figures, provisional: nothing passes until the cell is corrected.
    assert.equal(await page.getAttribute('[data-testid="verdict-primary"]', 'data-provisional'), 'true');
    assert.equal(await page.locator('.verdict.pass, .panel-head .badge.pass').count(), 0);
  }
  await page.click('#problems [data-jump-row="4"]');
  await settled(page);
  assert.equal(await page.getAttribute('#tab-table', 'aria-selected'), 'true');
  assert.equal(await page.evaluate(() => calc.activeElement.value), '1e300');
  assert.equal(await page.evaluate(() => calc.activeElement.getAttribute('aria-invalid')), 'true');
  await context.close();
});

test('saving: a full quota is said, another tab is noticed and never overwritten, the state is versioned', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.waitForSelector('[data-testid="verdict-overall"]');
  const saved = await stored(page);
  assert.equal(saved.schema, 2);
  // A second tab of the same browser edits; the first notices and stops saving.
  const other = await context.newPage();
  await other.goto(env.url);
  await other.waitForSelector('body[data-ready="true"]');
  await other.click('#tab-text');
  await other.fill('[data-testid="paste-input"]', HANDOUT.join('\n'));
  await settled(page);
  await page.waitForSelector('[data-testid="notice-conflict"]');
  await settled(page);
  await page.click('#tab-text');
  await settled(page);
  await page.fill('[data-testid="paste-input"]', HANDOUT.slice(0, 3).join('\n'));
  await settled(page);
  assert.equal((await stored(page)).state.text, HANDOUT.join('\n'), 'the other tab\'s newer data was not overwritten');
  await page.click('[data-testid="notice-conflict"] [data-action="take-theirs"]');
  await settled(page);
  assert.equal(await page.inputValue('[data-testid="paste-input"]'), HANDOUT.join('\n'));
  await other.close();
  // A full quota: the edit is said to be unsaved, with a way to keep it.
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await page.fill('[data-testid="paste-input"]', HANDOUT.slice(0, 3).join('\n'));
  await settled(page);
  assert.match(await page.textContent('[data-testid="notice-storage"]'), /QuotaExceededError.*刷新后会丢失/);
  assert.equal(await page.locator('[data-testid="notice-storage"] [data-action="save-project"]').count(), 1);
  await context.close();
  // Data from a newer calculator is never overwritten; first-stage data is carried over.
  const newer = await openPage(env.browser, env.url);
  await newer.page.evaluate(() => localStorage.setItem('junheng.state', JSON.stringify({ schema: 99, rev: 5, state: { text: 'future' } })));
  await newer.page.reload();
  await newer.page.waitForSelector('[data-testid="notice-storage"]');
  await newer.page.click('#new-table');
  assert.equal(JSON.parse(await newer.page.evaluate(() => localStorage.getItem('junheng.state'))).schema, 99);
  await newer.page.evaluate((text) => {
    localStorage.removeItem('junheng.state');
    localStorage.setItem('junheng.state.v1', JSON.stringify({ text, standard: 'basic2012', lang: 'zh' }));
  }, HANDOUT.join('\n'));
  await newer.page.reload();
  await newer.page.waitForSelector('[data-testid="composite-primary"]');
  assert.equal((await stored(newer.page)).state.text, HANDOUT.join('\n'));
  await newer.context.close();
});

/** Each row of the per-school table is no taller than its tallest cell's content needs. */
async function rowsFitContent(page) {
  return page.$$eval('.school-table tbody tr', (rows) => rows.map((row) => {
    const needs = Math.max(...[...row.cells].map((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      const style = getComputedStyle(cell);
      return range.getBoundingClientRect().height + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) + parseFloat(style.borderBottomWidth);
    }));
    return { testid: row.dataset.testid, height: row.getBoundingClientRect().height, needs };
  }).filter((r) => r.height > r.needs + 2));
}

test('every school\'s shortfalls are readable without sideways scrolling at 360, 1366 and 1920 px and in print', async () => {
  for (const width of [1366, 1920, 360]) {
    const { page, context } = await openPage(env.browser, env.url, { viewport: { width, height: 900 } });
    await page.waitForSelector('[data-testid="school-primary-2"]');
    const failing = page.locator('[data-testid^="school-"][data-passed="false"]');
    assert.ok(await failing.count() > 0);
    // Every shortfall lies within the window, and no table scrolls sideways.
    const outside = await page.$$eval('td.below .short', (cells) => cells.filter((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5).length);
    assert.equal(outside, 0, `${width}px: shortfalls off-screen`);
    const scrolling = await page.$$eval('.school-table', (tables) => tables.filter((t) => t.parentElement.scrollWidth > t.parentElement.clientWidth + 1).length);
    assert.equal(scrolling, 0, `${width}px: a per-school table scrolls sideways`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${width}px: the page scrolls sideways`);
    if (width === 1366) assert.deepEqual(await rowsFitContent(page), []);
    // The survey stays a table on a phone (the item tables become cards); the review keeps
    // the class its menus are styled by.
    assert.equal(await page.locator('#answers-recognition table.form-table.survey thead').isVisible(), true, `${width}px: survey table`);
    // (The demo's review is drawn when opened: a first visit needs none of it.)
    if (!(await page.locator('[data-testid="review"] table.mapping').count())) await page.click('[data-testid="review"] summary');
    await page.waitForSelector('[data-testid="review"] table.mapping');
    assert.equal(await page.locator('[data-testid="review"] table.mapping').count(), 1);
    // The failing cell says what is short and by how much, from the core's figures.
    const short = await page.textContent('[data-testid^="school-"][data-passed="false"] td.below .short');
    assert.match(short, /差 [\d.,]+（(仅)?为标准的 [\d.]+%/);
    if (width === 1366) {
      // 东河镇柳湾小学 (line 11 of the demo): backbone teachers per 100 students, computed
      // here from the CSV, against the national standard of 1.0.
      const demo = (await readFile(join(ROOT, 'www/demo/demo-county.csv'), 'utf8')).trim().split('\n').map((l) => l.split(','));
      const [head, row] = [demo[0], demo[10]];
      const x = (100 * Number(row[head.indexOf('县级及以上骨干教师数')])) / Number(row[head.indexOf('在校生数')]);
      const cell = await page.textContent('[data-testid="school-primary-11"] td.below[data-label*="骨干"] .short');
      assert.ok(cell.includes(`差 ${(1.0 - x).toFixed(4)}`) && cell.includes(`${((100 * x) / 1.0).toFixed(1)}%`), `${cell} for x = ${x}`);
    }
    await page.locator('#levels details.schools').first().screenshot({ path: join(ARTIFACTS, `schools-${width}.png`) });
    if (width === 1366) {
      await page.emulateMedia({ media: 'print' });
      assert.deepEqual(await rowsFitContent(page), []);
      await page.pdf({ path: join(ARTIFACTS, 'schools-print.pdf'), format: 'A4', printBackground: true });
    }
    await context.close();
  }
});

test('smaller defects: sheet menu, Escape, file buttons, scroll boxes, invisible characters, long names', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.waitForSelector('[data-testid="verdict-overall"]');
  // The sheet menu shows only for workbooks of several sheets.
  await pick(page, 'data-file', 'markup-names.csv', await hostile('markup-names.csv'));
  assert.ok(!(await page.isVisible('#sheet-select')));
  await pick(page, 'data-file', 'markup-sheet.xlsx', await hostile('markup-sheet.xlsx'));
  assert.ok(!(await page.isVisible('#sheet-select')));
  await pick(page, 'data-file', 'w.xlsx', await readFile(join(ROOT, 'tests/fixtures/20-workbook-several-sheets.xlsx')));
  assert.ok(await page.isVisible('#sheet-select'));
  // The template menu closes with Escape and gives focus back.
  await page.click('details.menu summary');
  await settled(page);
  assert.ok(await page.isVisible('#download-template'));
  await page.keyboard.press('Escape');
  assert.ok(!(await page.isVisible('#download-template')));
  assert.equal(await page.evaluate(() => calc.activeElement.tagName), 'SUMMARY');
  // File buttons are buttons; the file inputs never take focus.
  const chooser = page.waitForEvent('filechooser');
  await page.focus('[data-pick="file-input"]');
  await page.keyboard.press('Enter');
  await chooser;
  assert.equal(await page.$$eval('input[type="file"]', (inputs) => inputs.every((i) => i.hidden && i.getBoundingClientRect().width === 0)), true);
  // Every scroll box can take keyboard focus.
  assert.equal(await page.$$eval('.table-scroll', (boxes) => boxes.filter((b) => b.tabIndex !== 0).length), 0);
  // U+202E is removed with a notice; a zero-width space cannot hide a duplicate.
  await page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await settled(page);
  await page.click('#tab-text');
  await settled(page);
  await page.fill('[data-testid="paste-input"]', [HANDOUT[0], HANDOUT[1].replace('甲校', '甲\u202e校'), HANDOUT[2]].join('\n'));
  await settled(page);
  assert.match(await page.textContent('#extras'), /看不见的字符/);
  assert.ok(!(await page.textContent('#results')).includes('\u202e'));
  await page.fill('[data-testid="paste-input"]', [HANDOUT[0], HANDOUT[1], HANDOUT[1].replace('甲校', '甲\u200b校')].join('\n'));
  await settled(page);
  assert.match(await page.textContent('#problems'), /重复/);
  // A 100 KB name is refused with its row, and the page does not grow sideways.
  await page.fill('[data-testid="paste-input"]', [HANDOUT[0], HANDOUT[1].replace('甲校', '校'.repeat(100_000)), HANDOUT[2]].join('\n'));
  await settled(page);
  assert.match(await page.textContent('#problems'), /第2行「学校名称」：学校名称有 100000 个字符/);
  await page.click('#tab-table');
  await settled(page);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1));
  await context.close();
});

test('another tab\'s state in another language, taken, is drawn in it: its words, column names and results', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.waitForSelector('body[data-ready="true"]');
  // The other tab turns to English and edits: this one has only the Chinese template yet.
  const other = await context.newPage();
  await other.goto(env.url);
  await other.waitForSelector('body[data-ready="true"]');
  await other.click('#lang-toggle');
  await settled(other);
  await other.click('#tab-text');
  await other.fill('[data-testid="paste-input"]', HANDOUT.join('\n'));
  await settled(other);
  await page.waitForSelector('[data-testid="notice-conflict"]');
  await page.click('[data-testid="notice-conflict"] [data-action="take-theirs"]');
  await settled(page);
  await page.waitForFunction(() => calc.getElementById('calculator').lang === 'en');
  await settled(page);
  const choices = await page.$$eval('#add-column option', (os) => os.slice(1).map((o) => o.textContent));
  assert.ok(choices.includes('Year built'), `the columns named in English: ${choices}`);
  const han = /\p{Script=Han}/u;
  assert.deepEqual(choices.filter((c) => han.test(c)), []);
  // Evaluated in English: the columns quality2017 needs and the table lacks, said in it.
  assert.match(await page.textContent('#problems'), /the column is missing/);
  await context.close();
});

test('the English page shows no Chinese but the user\'s own data', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.waitForSelector('[data-testid="verdict-overall"]');
  await page.click('#lang-toggle');
  await settled(page);
  const userTexts = await demoUserTexts();
  for (const standard of ['quality2017', 'basic2012']) {
    await page.selectOption('[data-testid="standard-select"]', standard);
    await settled(page);
    await page.evaluate(() => { for (const d of calc.querySelectorAll('details')) d.open = true; });
    const texts = await page.evaluate(visibleTexts);
    const chinese = texts
      .map((text) => withoutUserTexts(text, userTexts))
      .filter((text) => /\p{Script=Han}/u.test(text));
    assert.deepEqual(chinese, [], `${standard}: Chinese on the English page`);
  }
  // The column menus name columns in words, not keys.
  const options = await page.$$eval('[data-testid="map-0"] option, #add-column option', (os) => os.map((o) => o.textContent));
  assert.ok(options.includes('Teachers above the required degree') || options.includes('School'), options.join('|'));
  assert.deepEqual(options.filter((o) => /^[a-z_]+$/.test(o)), []);
  await context.close();
});
