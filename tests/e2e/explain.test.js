// One CV step by step: the view's rows and sums against a computation written here and the
// handout's published figures (SPEC §1), the same CV as the report's; opened from the report
// and from the address (#explain=<level>/<indicator>).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, openPage, settled, ARTIFACTS } from './harness.js';

const env = useBrowser();

const SCHOOLS = [['甲校', 45, 279], ['乙校', 37, 137], ['丙校', 89, 935], ['丁校', 76, 160], ['戊校', 55, 402]];
const TABLE = [
  '学校名称,学段,在校生数,图书册数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,计算机台数,专任教师数,高于规定学历教师数,中级及以上职称教师数',
  ...SCHOOLS.map(([name, p, books]) => [name, '小学', p, books, p * 5, p * 8, p * 2000, p / 5, p / 18, p / 20, p / 40].join(',')),
].join('\n');

/** Written here from the numbers alone (SPEC §1), and the spreadsheet's two recipes. */
function computed() {
  const P = SCHOOLS.reduce((s, x) => s + x[1], 0);
  const X = SCHOOLS.reduce((s, x) => s + x[2], 0) / P;
  const rows = SCHOOLS.map(([, p, r]) => ({ x: r / p, weight: p / P, term: (p / P) * (r / p - X) ** 2 }));
  const sd = Math.sqrt(rows.reduce((s, r) => s + r.term, 0));
  const xs = rows.map((r) => r.x);
  const mean = xs.reduce((a, b) => a + b) / xs.length;
  const squares = xs.reduce((s, x) => s + (x - mean) ** 2, 0);
  return { rows, X, sd, cv: sd / X, unweighted: Math.sqrt(squares / xs.length) / mean, sample: Math.sqrt(squares / (xs.length - 1)) / mean };
}

const value = (page, testid) => page.getAttribute(`[data-testid="${testid}"]`, 'data-value').then(Number);

test('the handout example step by step: every row and sum as computed here, the published figures, the report\'s CV', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url, { viewport: { width: 1366, height: 900 } });
  await page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await settled(page);
  await page.click('#tab-text');
  await page.fill('[data-testid="paste-input"]', TABLE);
  await settled(page);
  await page.click('[data-testid="explain-primary-books_per_student"]');
  await page.waitForSelector('[data-testid="explain"]');
  const want = computed();
  for (const [i, row] of want.rows.entries()) {
    const step = page.locator(`[data-testid="step-${i + 2}"]`);
    for (const [attribute, expected] of [['data-x', row.x], ['data-weight', row.weight], ['data-term', row.term]]) {
      const got = Number(await step.getAttribute(attribute));
      assert.ok(Math.abs(got - expected) <= 1e-12 * Math.max(1, Math.abs(expected)), `row ${i + 2} ${attribute}: ${got} vs ${expected}`);
    }
  }
  for (const [testid, expected] of [['step-county-value', want.X], ['step-sd', want.sd], ['step-cv', want.cv], ['step-cv-unweighted', want.unweighted], ['step-cv-sample', want.sample]]) {
    assert.ok(Math.abs((await value(page, testid)) - expected) < 1e-12, `${testid}`);
  }
  // The handout's figures (SPEC §1): X̄ 6.33444, S 3.26386, CV 0.51526; 0.48877 and 0.54646.
  for (const [testid, published] of [['step-county-value', 6.33444], ['step-sd', 3.26386], ['step-cv', 0.51526], ['step-cv-unweighted', 0.48877], ['step-cv-sample', 0.54646]]) {
    assert.ok(Math.abs((await value(page, testid)) - published) < 5e-6, testid);
  }
  assert.equal(await value(page, 'step-cv'), await value(page, 'cv-primary-books_per_student'), 'the report shows the same CV');
  assert.match(await page.textContent('[data-testid="explain"]'), /STDEV/);
  await page.screenshot({ path: join(ARTIFACTS, 'explain-1366.png') });
  // The open view follows an edit of the data.
  await page.fill('[data-testid="paste-input"]', TABLE.replace('甲校,小学,45,279', '甲校,小学,45,500'));
  await settled(page);
  await page.waitForFunction(() => calc.querySelector('[data-testid="step-cv"]')?.dataset.value === calc.querySelector('[data-testid="cv-primary-books_per_student"]').dataset.value);
  assert.equal(Number(await page.getAttribute('[data-testid="step-2"]', 'data-x')), 500 / 45);
  await page.click('[data-testid="explain-close"]');
  assert.equal(await page.locator('[data-testid="explain"]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the address opens a CV step by step: #explain=junior/teaching_area_per_student on the demo county', async () => {
  const { page, context, errors } = await openPage(env.browser, `${env.url}#explain=junior/teaching_area_per_student`, { viewport: { width: 360, height: 780 } });
  await page.waitForSelector('[data-testid="explain"]');
  assert.match(await page.textContent('#explain-title'), /初中 · 生均教学及辅助用房面积/);
  assert.equal(await value(page, 'step-cv'), await value(page, 'cv-junior-teaching_area_per_student'));
  // Each row's term adds up to S².
  const terms = await page.$$eval('[data-testid^="step-"][data-term]', (rows) => rows.map((r) => Number(r.dataset.term)));
  const variance = terms.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(Math.sqrt(variance) - (await value(page, 'step-sd'))) < 1e-12);
  await page.screenshot({ path: join(ARTIFACTS, 'explain-360.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the chart of the schools marks those below the standard in words; presenter mode moves with the arrows', async () => {
  const { page, context, errors } = await openPage(env.browser, `${env.url}#explain=primary/teaching_area_per_student`, { viewport: { width: 1920, height: 1080 } });
  await page.waitForSelector('[data-testid="explain-chart"]');
  // Below the standard (4.5 ㎡ nationally), from the rows' own values: each such bar is marked,
  // and says so in text.
  const values = await page.$$eval('[data-testid^="step-"][data-x]', (rows) => rows.map((r) => Number(r.dataset.x)));
  const below = values.filter((x) => x < 4.5).length;
  assert.ok(below > 0 && below < values.length, `${below} of ${values.length} below`);
  assert.equal(await page.locator('[data-testid="explain-chart"] rect.bar').count(), values.length);
  assert.equal(await page.locator('[data-testid="explain-chart"] rect.bar.over').count(), below);
  const marked = await page.$$eval('[data-testid="explain-chart"] text', (texts) => texts.filter((t) => t.textContent.includes('✗ 未达标准')).length);
  assert.equal(marked, below);
  // Who makes the CV: the largest shares of the variance, each as its row's term / S².
  const terms = await page.$$eval('[data-testid^="step-"][data-term]', (rows) => rows.map((r) => Number(r.dataset.term)));
  const variance = terms.reduce((a, b) => a + b, 0);
  const largest = [...terms].sort((a, b) => b - a).slice(0, 10).map((term) => term / variance);
  const shares = await page.$$eval('[data-testid="explain-shares"] rect', (rects) => rects.map((r) => Number(r.dataset.share)));
  assert.equal(shares.length, largest.length);
  shares.forEach((share, i) => assert.ok(Math.abs(share - largest[i]) < 1e-12, `share ${i}: ${share} vs ${largest[i]}`));
  assert.match(await page.textContent('[data-testid="explain-shares"]'), /低于县域值，占/);
  // Presenter mode: large, one indicator at a time.
  await page.click('[data-testid="explain-present"]');
  await page.waitForSelector('[data-testid="explain"].presenting');
  await page.screenshot({ path: join(ARTIFACTS, 'explain-presenter-1920.png') });
  const keys = await page.$$eval('[data-explain^="primary/"]', (buttons) => buttons.map((b) => b.dataset.explain.split('/')[1]));
  const at = keys.indexOf('teaching_area_per_student');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector(`[data-testid="explain"].presenting[data-indicator="${keys[at + 1]}"]`);
  await page.keyboard.press('ArrowLeft');
  await page.waitForSelector('[data-testid="explain"].presenting[data-indicator="teaching_area_per_student"]');
  // Through every level: from the last of 小学 → reaches 初中's first; Home and End.
  await page.keyboard.press('End');
  await page.waitForSelector('[data-testid="explain"].presenting[data-level="junior"]');
  await page.keyboard.press('Home');
  await page.waitForSelector(`[data-testid="explain"].presenting[data-level="primary"][data-indicator="${keys[0]}"]`);
  await page.keyboard.press('ArrowLeft');
  await page.waitForSelector('[data-testid="explain"].presenting[data-level="junior"]');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector(`[data-testid="explain"].presenting[data-level="primary"][data-indicator="${keys[0]}"]`);
  for (const key of keys.slice(1)) {
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector(`[data-testid="explain"].presenting[data-level="primary"][data-indicator="${key}"]`);
  }
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('[data-testid="explain"].presenting[data-level="junior"]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="explain"]:not(.presenting)');
  assert.deepEqual(errors, []);
  await context.close();
});
