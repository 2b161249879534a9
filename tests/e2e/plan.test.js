// The rectification plan and the what-if on the page: the demo county's plan explained, its
// ledger adding up, applied as a what-if until the resources pass (checked here from the
// schools' values), undone and reset; the ledger's CSV; the printed ledger.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, openPage, ARTIFACTS, ROOT, settled, openCsv } from './harness.js';

const env = useBrowser();

/** Opens the demo county and its plan (quality2017, default options). */
async function demoPlan(viewport = { width: 1366, height: 900 }) {
  const opened = await openPage(env.browser, env.url, { viewport });
  await opened.page.waitForSelector('[data-testid="verdict-overall"]');
  await opened.page.click('[data-testid="plan-open"]');
  await opened.page.waitForSelector('[data-testid="plan-summary"]', { timeout: 60_000 });
  return opened;
}

/** The student-weighted CV (SPEC §1) from schools' values, written here: x̄ = Σ P x / Σ P. */
function cvFromValues(schools, key) {
  const P = schools.reduce((s, x) => s + x.students, 0);
  const mean = schools.reduce((s, x) => s + x.students * x.values[key], 0) / P;
  const sd = Math.sqrt(schools.reduce((s, x) => s + (x.students / P) * (x.values[key] - mean) ** 2, 0));
  return sd / mean;
}

test('the demo county gets a plan in words, whose ledger adds up at the unit costs shown', async () => {
  const { page, context, errors } = await demoPlan();
  const summary = await page.textContent('[data-testid="plan-summary"]');
  assert.match(summary, /最少需投入约/);
  assert.match(summary, /已把方案写入数据重新计算：资源配置达标/);
  const costs = Object.fromEntries(await page.$$eval('[data-cost]', (inputs) => inputs.map((i) => [i.dataset.cost, Number(i.value)])));
  const lines = await page.$$eval('[data-testid="plan-line"]', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.querySelector('[data-value]')?.dataset.value ?? td.dataset.value ?? td.textContent)));
  assert.ok(lines.length > 5, `${lines.length} ledger lines`);
  const total = Number(await page.getAttribute('[data-testid="plan-total"]', 'data-value'));
  const sum = lines.reduce((s, cells) => s + Number(cells[9]), 0);
  assert.ok(Math.abs(sum - total) < 1e-6, `the lines add up to ${sum}, the total says ${total}`);
  assert.equal(Number(await page.getAttribute('[data-testid="plan-summary"]', 'data-cost')), total);
  // Every line's cost is its quantity at the unit cost in the form (the demo's resource names
  // are the template's labels: the line says which column).
  const label = Object.fromEntries(await page.$$eval('label.cost', (ls) => ls.map((l) => [l.querySelector('span').textContent, l.querySelector('input').dataset.cost])));
  for (const cells of lines) {
    const column = label[cells[6].replace(/（全校合计）$/, '')];
    assert.ok(column, `a known column: ${cells[6]}`);
    assert.ok(Math.abs(Number(cells[7]) * costs[column] - Number(cells[9])) < 1e-6, cells.join(' | '));
    assert.ok(Number(cells[5]) >= Number(cells[4]), `a value never falls: ${cells.join(' | ')}`);
  }
  // Each school that leaves an indicator at 85% says which and what it saves.
  const exempt = await page.$$eval('[data-testid^="plan-exempt-"]', (items) => items.map((i) => i.textContent));
  assert.ok(exempt.length > 0 && exempt.every((e) => /只需达到|已达到标准的/.test(e)), exempt.join('\n'));
  await page.evaluate(() => calc.querySelector('#plan').scrollIntoView());
  await page.screenshot({ path: join(ARTIFACTS, 'plan-1366.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('applied as a what-if, the plan makes the resources pass; undo and reset bring the data back', async () => {
  const { page, context, errors } = await demoPlan();
  for (const level of ['primary', 'junior']) assert.equal(await page.getAttribute(`[data-testid="verdict-${level}"]`, 'data-passed'), 'false');
  const before = await page.evaluate(() => window.results.length);
  await page.click('[data-testid="plan-apply"]');
  await page.waitForSelector('[data-testid="whatif"]');
  await settled(page);
  await page.waitForFunction((n) => window.results.length > n, before);
  for (const level of ['primary', 'junior']) {
    assert.equal(await page.getAttribute(`[data-testid="verdict-${level}"]`, 'data-passed'), 'true', `${level} resources pass`);
    assert.match(await page.textContent(`[data-testid="whatif-${level}-verdict"]`), /未达标.*达标/s);
  }
  // Checked here, not taken from the page: every CV of the applied data within its limit less
  // the margin, and every school meeting the per-school rule.
  const result = await page.evaluate(() => window.results.at(-1).detail);
  for (const [level, l] of Object.entries(result.levels)) {
    const schools = result.schools.filter((s) => s.level === level);
    for (const i of l.indicators) {
      const cv = cvFromValues(schools, i.key);
      assert.ok(Math.abs(cv - i.cv) < 1e-9, `${level} ${i.key}: ${cv} vs ${i.cv}`);
      assert.ok(cv <= i.limit - 0.02, `${level} ${i.key} ${cv}`);
    }
    assert.ok(schools.every((s) => s.passed), `${level}: every school passes`);
  }
  await page.evaluate(() => calc.querySelector('[data-testid="whatif"]').scrollIntoView());
  await page.screenshot({ path: join(ARTIFACTS, 'plan-whatif-1366.png') });
  // The results exported now are the what-if's: the file says so, in its name and first line.
  const [whatIf] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
  assert.match(whatIf.suggestedFilename(), /假设情景/);
  const [first, header] = (await readFile(await whatIf.path(), 'utf8')).slice(1).split('\n');
  assert.match(first, /^假设情景：数据在载入后已改动/);
  assert.match(header, /^行,学校,学段/);
  await page.click('[data-testid="whatif-undo"]');
  await settled(page);
  await page.waitForFunction(() => !calc.querySelector('[data-testid="whatif"]'));
  assert.equal(await page.getAttribute('[data-testid="verdict-primary"]', 'data-passed'), 'false');
  // An edit by hand, then back to the data as loaded.
  await page.click('[data-testid="plan-apply"]');
  await page.waitForSelector('[data-testid="whatif"]');
  await page.click('[data-testid="whatif-reset"]');
  await settled(page);
  await page.waitForFunction(() => !calc.querySelector('[data-testid="whatif"]'));
  assert.equal(await page.getAttribute('[data-testid="verdict-primary"]', 'data-passed'), 'false');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the ledger CSV has a BOM, the ledger columns and neutralised cells; the printed ledger is the plan', async () => {
  const demo = await readFile(join(ROOT, 'www/demo/demo-county.csv'), 'utf8');
  const { page, context, errors } = await openPage(env.browser, env.url, { viewport: { width: 1366, height: 900 } });
  // A school name a spreadsheet would run as a formula.
  await openCsv(page, 'formula.csv', demo.replace('东河镇柳湾小学', '=HYPERLINK("x")柳湾'));
  await page.click('[data-testid="plan-open"]');
  await page.waitForSelector('[data-testid="plan-summary"]', { timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="plan-csv"]')]);
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const text = bytes.toString('utf8').slice(1);
  // Its title block first: the county (none entered), the standard, the date (today's), the margin.
  const [title, standard, date, margin, blank, header] = text.split('\n').map((line) => line.trim());
  assert.equal(title, '整改台账,');
  assert.equal(standard, '评估标准,优质均衡（教督〔2017〕6号）');
  assert.equal(date, `日期,${new Date().toISOString().slice(0, 10)}`);
  assert.equal(margin, '余量（差异系数低于上限）,0.02');
  assert.equal(blank, '');
  assert.match(header, /^行,学校,学段,指标,现值,整改后,增加的资源,增加,单位,费用（元）/);
  assert.ok(text.includes(`"'=HYPERLINK(""x"")柳湾"`), 'the formula-like name is neutralised');
  assert.ok(!/(^|,)=/m.test(text), 'no cell starts with =');
  // Print: only the plan is on the page.
  await page.evaluate(() => {
    document.querySelector('junheng-calculator').dataset.printing = 'plan';
  });
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#data'), false);
  assert.equal(await page.isVisible('[data-testid="plan-ledger"]'), true);
  await page.pdf({ path: join(ARTIFACTS, 'plan-ledger.pdf'), format: 'A4' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a plan at 360 px and in English; a margin beyond the limit is refused with the reason', async () => {
  const { page, context, errors } = await demoPlan({ width: 360, height: 780 });
  await page.evaluate(() => calc.querySelector('#plan').scrollIntoView());
  await page.screenshot({ path: join(ARTIFACTS, 'plan-360.png') });
  // On a phone each ledger line is a card: nothing cut at the right, no cell a column of
  // single characters; every step of the parts bar within reach.
  const phone = await page.evaluate(() => {
    const cells = [...calc.querySelectorAll('[data-testid="plan-line"] td')].filter((td) => td.checkVisibility());
    return {
      sideways: document.documentElement.scrollWidth > innerWidth,
      cut: cells.filter((td) => td.getBoundingClientRect().right > innerWidth + 0.5).length,
      narrow: cells.filter((td) => td.textContent.trim().length > 1 && td.getBoundingClientRect().width < 60).length,
      steps: [...calc.querySelectorAll('#parts-nav [data-step]')].filter((b) => b.getBoundingClientRect().right > innerWidth + 0.5).length,
    };
  });
  assert.deepEqual(phone, { sideways: false, cut: 0, narrow: 0, steps: 0 });
  await page.evaluate(() => calc.querySelector('[data-testid="plan-ledger"]').scrollIntoView());
  await page.screenshot({ path: join(ARTIFACTS, 'plan-ledger-360.png') });
  await page.fill('[data-testid="plan-margin"]', '0.7');
  await page.click('[data-testid="plan-make"]');
  await page.waitForSelector('#plan-result .problems');
  assert.match(await page.textContent('#plan-result'), /余量 0\.7 应不小于0且小于限值/);
  await page.evaluate(() => document.querySelector('junheng-calculator').setAttribute('lang', 'en'));
  await settled(page);
  await page.fill('[data-testid="plan-margin"]', '0.02');
  await page.click('[data-testid="plan-make"]');
  await page.waitForSelector('[data-testid="plan-summary"]');
  assert.match(await page.textContent('[data-testid="plan-summary"]'), /the least the county must spend is about/);
  assert.deepEqual(errors, []);
  await context.close();
});
