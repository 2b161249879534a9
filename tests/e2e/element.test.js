// <junheng-calculator> on host pages (www/examples/): the whole calculator in an open shadow
// root that the host's CSS cannot break, its `result` event carrying the result contract
// with the right CVs for inline data and for `src`, two instances that never share state,
// and the methods a host calls. Under the strict CSP, with no request beyond the site.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, openHost, foreign, weightedCv, CSP, ROOT, ARTIFACTS } from './harness.js';

const env = useBrowser();

/** Each basic2012 indicator's resource column: every one is s·R/P, and a CV does not depend on s. */
const COLUMNS = {
  teaching_area_per_student: '教学及辅助用房面积',
  sports_area_per_student: '体育运动场馆面积',
  equipment_value_per_student: '教学仪器设备值',
  computers_per_100: '计算机台数',
  books_per_student: '图书册数',
  teacher_student_ratio: '专任教师数',
  qualified_teachers_per_student: '高于规定学历教师数',
  senior_title_teachers_per_student: '中级及以上职称教师数',
};

/** The CVs SPEC §1 gives for a plain CSV table (one row per school and level), by level
 * and indicator, computed here from the text alone. */
function expectedCvs(csv) {
  const [header, ...rows] = csv.trim().split('\n').map((line) => line.trim().split(','));
  const column = (name) => header.indexOf(name);
  const cvs = {};
  for (const [level, word] of [['primary', '小学'], ['junior', '初中']]) {
    const schools = rows.filter((r) => r[column('学段')] === word);
    if (!schools.length) continue;
    const students = schools.map((r) => Number(r[column('在校生数')]));
    cvs[level] = Object.fromEntries(Object.entries(COLUMNS).map(([key, name]) => [key, weightedCv(students, schools.map((r) => Number(r[column(name)])))]));
  }
  return cvs;
}

/** Every CV of `result` against `expected`, to 1e-12. */
function assertCvs(result, expected, what) {
  assert.deepEqual(Object.keys(result.levels).sort(), Object.keys(expected).sort(), `${what}: levels`);
  for (const [level, byKey] of Object.entries(expected)) {
    const indicators = result.levels[level].indicators;
    assert.equal(indicators.length, 8, `${what}: ${level} has the 8 basic2012 indicators`);
    for (const indicator of indicators) {
      const want = byKey[indicator.key];
      assert.ok(Math.abs(indicator.cv - want) < 1e-12, `${what}: ${level} ${indicator.key} ${indicator.cv} vs ${want}`);
    }
  }
}

const example = (name) => readFile(join(ROOT, 'www/examples', name), 'utf8');
/** The table inside an example page's <script type="text/csv">. */
const inlineTable = async (name) => (await example(name)).match(/<script type="text\/csv">([^]*?)<\/script>/)[1];
/** The latest `result` event of the calculator `id`. */
const lastResult = (page, id) => page.evaluate((id) => window.results.filter((r) => r.id === id).at(-1)?.detail, id);

test('under hostile CSS the element renders, and its result event has the right CVs for inline data and for src', async () => {
  const { page, context, errors, requests } = await openHost(env.browser, `${env.url}examples/hostile.html`);
  const inline = await lastResult(page, 'inline');
  const file = await lastResult(page, 'file');
  assertCvs(inline, expectedCvs(await inlineTable('hostile.html')), 'inline');
  assertCvs(file, expectedCvs(await example('county.csv')), 'src');
  // The whole contract: schools included, in the file's order.
  assert.deepEqual(inline.schools.map((s) => s.name), ['甲校', '乙校', '丙校', '丁校', '戊校']);
  assert.equal(file.schools.length, 8);
  for (const id of ['inline', 'file']) {
    const host = page.locator(`#${id}`);
    assert.equal(await host.evaluate((el) => el.shadowRoot.mode), 'open');
    // Locators reach into open shadow roots: each instance shows its own verdict, in its language.
    assert.ok(await host.locator('[data-testid="verdict-overall"]').isVisible(), `${id}: the host CSS did not hide the verdict`);
    assert.ok(await host.locator('[data-testid="verdict-primary"]').isVisible());
    const [color, font, display] = await host.locator('#results-title').evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).fontFamily, getComputedStyle(el).display]);
    assert.notEqual(color, 'rgb(204, 0, 0)', "the host's colour reached in");
    assert.notEqual(font, 'serif', "the host's font reached in");
    assert.equal(display, 'block');
  }
  assert.match(await page.locator('#inline #results-title').textContent(), /Results/);
  assert.match(await page.locator('#file #results-title').textContent(), /评估结果/);
  await page.screenshot({ path: join(ARTIFACTS, 'example-hostile.png'), fullPage: false });
  // Without `persist`, nothing is kept; nothing was fetched from beyond the site.
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  assert.deepEqual(foreign(requests, env.url), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two instances keep their own state; the host reads results, loads tables, and switches standard and language', async () => {
  const { page, context, errors, requests } = await openHost(env.browser, `${env.url}examples/element.html`);
  const inlineCsv = await inlineTable('element.html');
  const expected = expectedCvs(inlineCsv);
  // The host page's own script shows the composite CV it took from the event.
  const mean = Object.values(expected.primary).reduce((a, b) => a + b, 0) / 8;
  assert.equal(await page.textContent('[data-testid="host-composite"]'), mean.toFixed(3));
  // `compact`: results only.
  assert.equal(await page.locator('#inline #data').isVisible(), false);
  assert.equal(await page.locator('#inline #answers').isVisible(), false);
  assert.ok(await page.locator('#file #data').isVisible());
  await page.screenshot({ path: join(ARTIFACTS, 'example-element.png'), fullPage: true });
  // The `result` property is the last event's detail.
  assert.deepEqual(await page.evaluate(() => document.getElementById('inline').result), await lastResult(page, 'inline'));

  // load(text) resolves to the new table's result; the other instance is untouched.
  const county = await example('county.csv');
  const loaded = await page.evaluate((text) => document.getElementById('inline').load(text), county);
  assertCvs(loaded, expectedCvs(county), 'load(text)');
  assertCvs(await page.evaluate(() => document.getElementById('file').result), expectedCvs(county), 'the other instance');
  assert.equal(await page.locator('#file').evaluate((el) => el.shadowRoot.querySelector('[data-testid="notice-undo"]') === null), true);
  // load(File) of a workbook (the template's example) works like opening the file.
  const workbook = (await readFile(join(ROOT, 'www/templates/example.xlsx'))).toString('base64');
  const fromXlsx = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    return document.getElementById('file').load(new File([bytes], 'example.xlsx'));
  }, workbook);
  assert.ok(fromXlsx.schools.length > 5, 'the workbook was read');
  assert.deepEqual(fromXlsx.errors, []);
  // What cannot be read is refused with the reason; the data stays.
  const refused = await page.evaluate(() => document.getElementById('inline').load('  \n').then(() => 'resolved', (e) => e.message));
  assert.match(refused, /无法打开.*没有.*数据|empty|空/);
  assertCvs(await page.evaluate(() => document.getElementById('inline').evaluate()), expectedCvs(county), 'after a refusal');

  // Attributes: the standard and the language follow; zh-Hant is 繁體中文, and kept.
  await page.evaluate(() => document.getElementById('inline').setAttribute('standard', 'quality2017'));
  await page.waitForFunction(() => document.getElementById('inline').result?.standard === 'quality2017');
  await page.evaluate(() => document.getElementById('file').setAttribute('lang', 'zh-Hant'));
  await page.waitForFunction(() => document.getElementById('file').shadowRoot.getElementById('results-title').textContent.includes('評估結果'));
  assert.equal(await page.getAttribute('#file', 'lang'), 'zh-Hant');
  // Keeping nothing (no `persist`), and nothing fetched beyond the site.
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  assert.deepEqual(foreign(requests, env.url), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('instances with their own persist keys keep their data apart across a reload', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const body = '<!doctype html><meta charset="utf-8"><script type="module" src="../junheng-calculator.js"></script><junheng-calculator id="a" persist="site.a" standard="basic2012"></junheng-calculator><junheng-calculator id="b" persist="site.b"></junheng-calculator>';
  await page.route('**/examples/two.html', (route) => route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': CSP }, body }));
  const ready = () => page.waitForFunction(() => [...document.querySelectorAll('junheng-calculator')].every((c) => c.result));
  await page.goto(`${env.url}examples/two.html`);
  await ready();
  const county = await example('county.csv');
  await page.evaluate((text) => document.getElementById('a').load(text), county);
  await page.reload();
  await ready();
  const [a, b] = await page.evaluate(() => ['a', 'b'].map((id) => document.getElementById(id).result.schools.length));
  assert.equal(a, 8, 'a kept the table loaded into it');
  assert.ok(b > 8, 'b still shows the demo county');
  assert.deepEqual((await page.evaluate(() => Object.keys(localStorage))).sort(), ['site.a', 'site.b']);
  await context.close();
});

test('a second load of the module defines the element once', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.url);
  await page.waitForSelector('body[data-ready="true"]');
  const again = await page.evaluate(async () => {
    await import(`./junheng-calculator.js?again`);
    return customElements.get('junheng-calculator') === document.querySelector('junheng-calculator').constructor;
  });
  assert.equal(again, true);
  await context.close();
});
