// The whole verdict on the page: forms filled in Chromium, verdicts read back from the DOM.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, openPage, ROOT, ARTIFACTS, settled } from './harness.js';

const env = useBrowser();

const passed = (page, testid) => page.getAttribute(`[data-testid="${testid}"]`, 'data-passed');

async function demo(standard) {
  const opened = await openPage(env.browser, env.url);
  await opened.page.waitForSelector('[data-testid="verdict-overall"]');
  if (standard) await opened.page.selectOption('[data-testid="standard-select"]', standard);
  await settled(opened.page);
  return opened;
}

test('the demo county under quality2017: every part listed, failing ones with their items', async () => {
  const { page, context, errors } = await demo();
  assert.equal(await passed(page, 'verdict-overall'), 'false');
  assert.equal(await passed(page, 'part-resources'), 'false');
  assert.equal(await passed(page, 'part-guarantee'), 'false');
  assert.match(await page.textContent('[data-testid="part-guarantee"]'), /城关第一小学：2150人，超过2000人/);
  for (const part of ['quality', 'recognition', 'veto']) assert.equal(await passed(page, `part-${part}`), 'true', part);
  // A failing county is not shown as passing anywhere: no level verdict passes either.
  for (const level of ['primary', 'junior']) assert.equal(await passed(page, `verdict-${level}`), 'false');
  await page.evaluate(() => calc.querySelector('#answers').scrollIntoView());
  await page.screenshot({ path: join(ARTIFACTS, 'quality2017-forms.png') });
  await page.evaluate(() => calc.querySelector('#results').scrollIntoView());
  await page.screenshot({ path: join(ARTIFACTS, 'quality2017-verdict.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a veto fails the county whatever else', async () => {
  const { page, context } = await demo();
  await page.check('[data-testid="veto-key_schools"]');
  await settled(page);
  assert.equal(await passed(page, 'part-veto'), 'false');
  assert.match(await page.textContent('[data-testid="part-veto"]'), /设置重点学校或重点班/);
  await page.uncheck('[data-testid="veto-key_schools"]');
  await settled(page);
  assert.equal(await passed(page, 'part-veto'), 'true');
  await context.close();
});

test('survey rates follow the counts, and below 85% fails recognition and vetoes', async () => {
  const { page, context } = await demo();
  await page.fill('[data-testid="survey-parents-satisfied"]', '600');
  await settled(page);
  const counts = await page.$$eval('[data-testid^="survey-"]', (inputs) => inputs.map((i) => [i.dataset.testid, Number(i.value || 0)]));
  const get = (group, field) => counts.find(([id]) => id === `survey-${group}-${field}`)[1];
  const groups = ['students', 'parents', 'teachers', 'principals', 'deputies', 'residents'];
  const satisfied = groups.reduce((s, g) => s + get(g, 'satisfied'), 0);
  const respondents = groups.reduce((s, g) => s + get(g, 'respondents'), 0);
  assert.equal(await page.textContent('[data-testid="rate-overall"]'), `${((100 * satisfied) / respondents).toFixed(1)}%`);
  assert.equal(await page.textContent('[data-testid="rate-parents"]'), `${((100 * 600) / 1500).toFixed(1)}%`);
  assert.ok(satisfied / respondents < 0.85);
  assert.equal(await passed(page, 'part-recognition'), 'false');
  assert.equal(await passed(page, 'part-veto'), 'false');
  await context.close();
});

test('basic2012: the government score is the sum of the points, and 85 is the pass mark', async () => {
  const { page, context } = await demo('basic2012');
  const sum = async () => (await page.$$eval('[data-testid^="points-"]', (inputs) => inputs.map((i) => Number(i.value || 0)))).reduce((a, b) => a + b, 0);
  assert.equal(Number(await page.textContent('[data-testid="government-total"]')), await sum());
  const access = (await page.$$eval('[data-testid^="points-a"]', (inputs) => inputs.map((i) => Number(i.value || 0)))).reduce((a, b) => a + b, 0);
  assert.equal(Number(await page.textContent('[data-testid="subtotal-access"]')), access);
  assert.equal(await passed(page, 'part-government'), 'true');
  assert.equal(await passed(page, 'verdict-overall'), 'true');
  await page.fill('[data-testid="points-a1"]', '0');
  await settled(page);
  await page.fill('[data-testid="points-a2"]', '0');
  await settled(page);
  const total = await sum();
  assert.ok(total < 85, String(total));
  assert.equal(Number(await page.textContent('[data-testid="government-total"]')), total);
  assert.equal(await passed(page, 'part-government'), 'false');
  assert.equal(await passed(page, 'verdict-overall'), 'false');
  await page.fill('[data-testid="points-a1"]', '9');
  await settled(page);
  // The message stands beside the field, which is marked; the rest of the results stay.
  const describedBy = await page.getAttribute('[data-testid="points-a1"]', 'aria-describedby');
  assert.match(await page.textContent(`#${describedBy}`), /应在 0 到 5 分之间/);
  assert.equal(await page.getAttribute('[data-testid="points-a1"]', 'aria-invalid'), 'true');
  assert.ok(await page.isVisible('[data-testid="composite-primary"]'));
  await page.selectOption('[data-testid="answer-gate"]', 'no');
  await settled(page);
  await page.fill('[data-testid="points-a1"]', '5');
  await settled(page);
  assert.equal(await passed(page, 'part-school_standard'), 'false');
  await context.close();
});

test('answers survive a reload; a project file saves and opens; an unknown version is named', async () => {
  const { page, context } = await demo();
  await page.fill('[data-testid="value-q1-retention"]', '93');
  await settled(page);
  await page.reload();
  await page.waitForSelector('[data-testid="verdict-overall"]');
  assert.equal(await page.inputValue('[data-testid="value-q1-retention"]'), '93');
  assert.equal(await passed(page, 'part-quality'), 'false');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-project')]);
  const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(saved.format, 'junheng-project');
  assert.equal(saved.version, 1);
  assert.equal(saved.answers.items.q1.values.retention, 93);
  await context.close();

  const fresh = await openPage(env.browser, env.url);
  const file = join(ARTIFACTS, 'project.json');
  await writeFile(file, JSON.stringify({ ...saved, standard: 'basic2012' }));
  await fresh.page.setInputFiles('#project-input', file);
  await settled(fresh.page);
  await fresh.page.waitForSelector('[data-testid="part-government"]');
  assert.equal(await fresh.page.inputValue('[data-testid="standard-select"]'), 'basic2012');
  await fresh.page.selectOption('[data-testid="standard-select"]', 'quality2017');
  assert.equal(await fresh.page.inputValue('[data-testid="value-q1-retention"]'), '93');
  await writeFile(file, JSON.stringify({ ...saved, version: 7 }));
  await fresh.page.setInputFiles('#project-input', file);
  await settled(fresh.page);
  await fresh.page.waitForSelector('#notice .problems');
  assert.match(await fresh.page.textContent('#notice'), /项目文件版本 7 无法识别/);
  await fresh.context.close();
});

test('a provincial profile is imported, named, applied and exported; a broken one is refused', async () => {
  const { page, context } = await demo();
  await page.setInputFiles('#profile-input', join(ROOT, 'www/profiles/example-strict.json'));
  await settled(page);
  await page.waitForFunction(() => calc.querySelector('[data-testid="profile-name"]').textContent.includes('从严'));
  assert.match(await page.textContent('[data-testid="verdict-overall"]'), /示例：某市从严标准/);
  assert.match(await page.textContent('[data-testid="part-guarantee"]'), /特殊教育学校生均公用经费不低于8000元/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-profile')]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.quality2017.recognition_min, 90);
  const broken = join(ARTIFACTS, 'broken-profile.json');
  exported.basic2012.government_items[0].max_points = 50;
  await writeFile(broken, JSON.stringify(exported));
  await page.setInputFiles('#profile-input', broken);
  await settled(page);
  await page.waitForSelector('#notice .problems');
  assert.match(await page.textContent('#notice'), /标准文件不能使用.*之和应为100/);
  await page.click('#reset-profile');
  await settled(page);
  assert.match(await page.textContent('[data-testid="profile-name"]'), /全国标准/);
  await context.close();
});

test('the national profile applies no local allowance; the example provincial profile names each school judged by one', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url);
  await page.waitForSelector('[data-testid="verdict-overall"]');
  // The demo county with 建校年份: 城关第一小学 (2 150 students) was built in 2008.
  const [header, ...rows] = (await readFile(join(ROOT, 'www/demo/demo-county.csv'), 'utf8')).trim().split('\n');
  const text = [`${header},建校年份`, ...rows.map((r) => `${r},${r.startsWith('城关第一小学') ? 2008 : 2015}`)].join('\n');
  await page.click('#tab-text');
  await page.fill('[data-testid="paste-input"]', text);
  await settled(page);
  // National: 2 000 students for every single-level school (教督〔2017〕6号), nobody relaxed.
  assert.equal(await page.locator('[data-testid="allowances-guarantee"]').count(), 0);
  assert.match(await page.textContent('[data-testid="part-guarantee"]'), /城关第一小学：2150人，超过2000人/);
  assert.match(await page.textContent('[data-testid="verdict-overall"]'), /全国标准/);
  // The example provincial profile with the local allowances: the school is named, and so is the profile.
  await page.setInputFiles('[data-testid="profile-file"]', join(ROOT, 'www/profiles/example-local-allowances.json'));
  await page.waitForSelector('[data-testid="allowances-guarantee"]');
  await settled(page);
  assert.match(await page.textContent('[data-testid="allowances-guarantee"] + ul'), /城关第一小学：2008年建校，规模上限按本方案的地方放宽规则为2400人/);
  assert.match(await page.textContent('[data-testid="allowances-guarantee"]'), /非国家规定/);
  assert.match(await page.textContent('[data-testid="verdict-overall"]'), /部分地区的放宽做法（非国家规定）/);
  assert.match(await page.textContent('[data-testid="profile-name"]'), /部分地区的放宽做法/);
  assert.deepEqual(errors, []);
  await context.close();
});
