// 繁體中文: the third language. Its catalogue is OpenCC's conversion of every Simplified string
// (computed here again with opencc-js), the page switches to it and back without losing the
// data, and nothing on the page is left in Simplified but what the user wrote.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { STRINGS } from '../../www/i18n/i18n.js';
import { EXTRA_STRINGS } from '../../www/i18n/i18n-extra.js';
import { ANSWER_STRINGS } from '../../www/i18n/i18n-answers.js';
import { hant } from '../../www/i18n/i18n-hant.js';
import { demoUserTexts, openPage, settled, useBrowser, visibleTexts, withoutUserTexts } from './harness.js';

const require = createRequire(import.meta.url);
const toTraditional = require('opencc-js').Converter({ from: 'cn', to: 'tw' });
const env = useBrowser();

test('the Traditional catalogue has every string, each OpenCC\'s conversion of the Simplified one', () => {
  const simplified = { ...STRINGS.zh, ...EXTRA_STRINGS.zh, ...ANSWER_STRINGS.zh };
  assert.deepEqual(Object.keys(hant).sort(), Object.keys(simplified).sort());
  for (const [key, text] of Object.entries(simplified)) assert.equal(hant[key], toTraditional(text), key);
  assert.equal(hant.results, '評估結果');
});

test('switching to 繁體中文 keeps the data, and the page (the core\'s words included) is in Traditional', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.waitForSelector('[data-testid="verdict-overall"]');
  const cvs = async () => page.$$eval('[data-testid^="cv-"]', (els) => els.map((e) => e.getAttribute('data-value')));
  const cvsBefore = await cvs();
  assert.equal(await page.textContent('#lang-script'), '繁體中文');
  await page.click('#lang-script');
  await settled(page);
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
  assert.equal(await page.textContent('#lang-script'), '简体中文');
  assert.equal(await page.textContent('#lang-toggle'), 'English');
  assert.deepEqual(await cvs(), cvsBefore, 'the same figures');
  assert.ok(cvsBefore.length > 10);
  const userTexts = await demoUserTexts();
  for (const standard of ['basic2012', 'quality2017']) {
    await page.selectOption('[data-testid="standard-select"]', standard);
    await settled(page);
    await page.evaluate(() => { for (const d of calc.querySelectorAll('details')) d.open = true; });
    const texts = await page.evaluate(visibleTexts);
    assert.ok(texts.some((text) => text.includes('差異係數')), 'the core\'s words are in Traditional');
    const simplified = texts
      .map((text) => withoutUserTexts(text, userTexts))
      .filter((text) => toTraditional(text) !== text)
      .map((text) => `${text} → ${toTraditional(text)}`);
    assert.deepEqual(simplified, [], `${standard}: Simplified on the Traditional page`);
    // A school's name is shown as the user wrote it (Simplified), in the core's sentences too.
    if (standard === 'basic2012') continue;
    // The views loaded on demand: the plan and a CV step by step.
    await page.click('[data-testid="plan-open"]');
    await page.waitForSelector('[data-testid="plan-summary"]');
    await page.click('[data-testid="explain-primary-teaching_area_per_student"]');
    await page.waitForSelector('[data-testid="explain"]');
    const views = (await page.evaluate(visibleTexts)).map((text) => withoutUserTexts(text, userTexts));
    assert.ok(views.some((text) => text.includes('方案')) && views.some((text) => text.includes('逐步計算') || text.includes('計算過程')), 'the plan and the step view are open');
    assert.deepEqual(views.filter((text) => toTraditional(text) !== text), [], 'Simplified in the plan or the step view');
    await page.keyboard.press('Escape');
    if (standard === 'quality2017') assert.match(await page.evaluate(() => calc.textContent), /未達到校際資源配置要求：[^。]*西山乡中学/);
  }
  // Back to Simplified, then English, then Traditional again: the data stays each time.
  await page.click('#lang-script');
  await settled(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await page.click('#lang-toggle');
  await settled(page);
  assert.equal(await page.textContent('#lang-script'), '繁體中文');
  await page.click('#lang-script');
  await settled(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hant');
  await page.selectOption('[data-testid="standard-select"]', 'quality2017');
  await settled(page);
  assert.deepEqual(await cvs(), cvsBefore, 'the data is what it was');
  await context.close();
});

test('the address and the element take zh-Hant, zh-TW and zh-HK as Traditional', async () => {
  const { page, context } = await openPage(env.browser, `${env.url}?lang=zh-TW`);
  await page.waitForSelector('[data-testid="verdict-overall"]');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
  assert.match(await page.textContent('h1'), /縣域義務教育均衡發展計算器/);
  await context.close();
});
