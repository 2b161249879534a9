// The classroom: one CV step by step on a projector. The step view opens with its title on
// the screen; presenter mode fits one indicator into a 1920×1080 and a 1366×768 screen in
// every language: the title, every column of the step table, its sums and the CV line, and
// the chart, with no scrolling of the page and none sideways; the chart's type is at least
// 18 px at 1920. Screenshots: artifacts/presenter-<width>-<lang>.png.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, openPage, ARTIFACTS } from './harness.js';
import { measurePresenter, FITS } from './presenter.js';

const env = useBrowser();

for (const [width, height] of [[1920, 1080], [1366, 768]]) {
  for (const lang of ['zh', 'zh-Hant', 'en']) {
    test(`presenter mode at ${width}×${height} in ${lang}: the title, every column, the CV and the chart on the screen`, async () => {
      const { page, context, errors } = await openPage(env.browser, `${env.url}?lang=${lang}#explain=primary/teaching_area_per_student`, { viewport: { width, height } });
      await page.waitForSelector('[data-testid="explain"]');
      await page.click('[data-testid="explain-present"]');
      await page.waitForSelector('[data-testid="explain"].presenting');
      const { smallest, ...at } = await page.evaluate(measurePresenter);
      await page.screenshot({ path: join(ARTIFACTS, `presenter-${width}-${lang}.png`) });
      assert.deepEqual(at, FITS);
      if (width === 1920) assert.ok(smallest >= 18 - 1e-6, `the chart's smallest type is ${smallest} px`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('the step view opens with its title on the screen, under the bar of the parts', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url, { viewport: { width: 1920, height: 1080 } });
  await page.waitForSelector('[data-testid="verdict-overall"]');
  await page.click('[data-testid="explain-primary-teaching_area_per_student"]');
  await page.waitForSelector('[data-testid="explain"]');
  await page.waitForFunction(() => {
    const title = calc.querySelector('#explain-title').getBoundingClientRect();
    const bar = calc.querySelector('#parts-nav').getBoundingClientRect();
    return title.top >= bar.bottom - 1 && title.bottom <= innerHeight;
  });
  const box = await page.evaluate(() => {
    const scroll = calc.querySelector('.steps').closest('.table-scroll');
    return { scrollWidth: scroll.scrollWidth, clientWidth: scroll.clientWidth };
  });
  assert.ok(box.scrollWidth <= box.clientWidth + 1, `the step table in its box: ${JSON.stringify(box)}`);
  assert.deepEqual(errors, []);
  await context.close();
});
