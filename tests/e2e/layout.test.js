// Results first, the parts as steps, and the keyboard (issue 12, items 1 and 7): on a 1920 px
// projector the verdict is on the first screen; the step bar takes a reader to each part and
// says where they are; every control the Tab key reaches shows where the focus is.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, openPage, ARTIFACTS } from './harness.js';

const env = useBrowser();

/** The element with the focus, inside the calculator's shadow root too. */
const focused = () => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  const style = el ? getComputedStyle(el) : null;
  return el && {
    id: el.id, testid: el.dataset?.testid ?? '', tag: el.tagName,
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2, how: `${style.outlineStyle} ${style.outlineWidth}`,
  };
};

test('on a 1920 px projector the verdict is on the first screen, and the steps take the reader to each part', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url, { viewport: { width: 1920, height: 1080 } });
  await page.waitForSelector('[data-testid="verdict-overall"]');
  const verdict = await page.locator('[data-testid="verdict-overall"]').boundingBox();
  assert.ok(verdict.y < 1080 * 0.6, `the verdict starts at ${verdict.y} px`);
  assert.ok(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize)) >= 20, 'larger type on a projector');
  await page.screenshot({ path: join(ARTIFACTS, 'layout-1920.png') });
  for (const part of ['answers', 'data', 'settings', 'plan', 'results']) {
    await page.click(`[data-testid="goto-${part}"]`);
    await page.waitForFunction((p) => calc.querySelector(`[data-testid="goto-${p}"]`).getAttribute('aria-current') === 'step', part);
    const top = await page.evaluate((p) => calc.getElementById(p).getBoundingClientRect().top, part);
    assert.ok(top >= 0 && top < 200, `${part} starts at ${top} px`);
    assert.equal(await page.evaluate(() => calc.activeElement?.id), part, 'the part has the focus');
    // The bar stays in view.
    const bar = await page.locator('[data-testid="goto"]').boundingBox();
    assert.ok(bar.y >= 0 && bar.y < 10, `the bar is at ${bar.y}`);
  }
  await page.click('[data-testid="goto-answers"]');
  await page.screenshot({ path: join(ARTIFACTS, 'layout-1920-answers.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('every control the Tab key reaches shows its focus, the steps and the results\' buttons among them', async () => {
  const { page, context } = await openPage(env.browser, env.url, { viewport: { width: 1366, height: 900 } });
  await page.waitForSelector('[data-testid="verdict-overall"]');
  const seen = [];
  for (let i = 0; i < 220; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(focused);
    if (!el) continue;
    seen.push(el);
  }
  const unmarked = seen.filter((el) => !el.outline).map((el) => `${el.tag}#${el.id}[${el.testid}] ${el.how}`);
  assert.deepEqual([...new Set(unmarked)], [], 'focus without a visible outline');
  const reached = new Set(seen.map((el) => el.testid || el.id));
  for (const hook of ['goto-results', 'goto-plan', 'goto-settings', 'goto-data', 'goto-answers', 'standard-select', 'report-county', 'export-json', 'explain-primary-teaching_area_per_student', 'plan-open']) {
    assert.ok(reached.has(hook), `Tab reaches ${hook}`);
  }
  // The steps work from the keyboard: Enter on one moves there.
  await page.focus('[data-testid="goto-data"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => calc.activeElement?.id === 'data');
  await context.close();
});

test('on a 360 px phone the step bar scrolls sideways and the page does not', async () => {
  const { page, context } = await openPage(env.browser, env.url, { viewport: { width: 360, height: 740 } });
  await page.waitForSelector('[data-testid="verdict-overall"]');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1));
  await page.click('[data-testid="goto-answers"]');
  await page.waitForFunction(() => calc.querySelector('[data-testid="goto-answers"]').getAttribute('aria-current') === 'step');
  await page.screenshot({ path: join(ARTIFACTS, 'layout-360-answers.png') });
  await context.close();
});

test('on a 360 px phone the verdict starts on the first screen', async () => {
  const { page, context } = await openPage(env.browser, env.url, { viewport: { width: 360, height: 740 } });
  await page.waitForSelector('[data-testid="verdict-overall"]');
  const verdict = await page.locator('[data-testid="verdict-overall"]').boundingBox();
  await page.screenshot({ path: join(ARTIFACTS, 'layout-360.png') });
  assert.ok(verdict.y < 740 - 60, `the verdict starts at ${verdict.y} px`);
  await context.close();
});
