// The classroom: one CV step by step on a projector. The step view opens with its title on
// the screen; presenter mode fits one indicator into a 1920×1080 and a 1366×768 screen in
// every language: the title, every column of the step table, its sums and the CV line, and
// the chart, with no scrolling of the page and none sideways; the chart's type is at least
// 18 px at 1920. Screenshots: artifacts/presenter-<width>-<lang>.png.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, openPage, ARTIFACTS } from './harness.js';

const env = useBrowser();

/** Where the parts of the open presenter view are, measured in the page. */
const measure = () => {
  const view = calc.querySelector('[data-testid="explain"].presenting');
  const inside = (el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5;
  };
  const box = view.querySelector('.steps').closest('.table-scroll');
  const texts = [...view.querySelectorAll('[data-testid="explain-chart"] text')];
  return {
    title: inside(view.querySelector('#explain-title')),
    cv: inside(view.querySelector('[data-testid="step-cv"]')),
    columns: [...view.querySelectorAll('.steps thead th')].every(inside),
    sideways: box.scrollWidth > box.clientWidth + 1 || document.documentElement.scrollWidth > innerWidth,
    chart: inside(view.querySelector('[data-testid="explain-chart"] svg')),
    // Each text's size on the screen: its font size times the SVG's scale.
    smallest: Math.min(...texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)),
  };
};

for (const [width, height] of [[1920, 1080], [1366, 768]]) {
  for (const lang of ['zh', 'zh-Hant', 'en']) {
    test(`presenter mode at ${width}×${height} in ${lang}: the title, every column, the CV and the chart on the screen`, async () => {
      const { page, context, errors } = await openPage(env.browser, `${env.url}?lang=${lang}#explain=primary/teaching_area_per_student`, { viewport: { width, height } });
      await page.waitForSelector('[data-testid="explain"]');
      await page.click('[data-testid="explain-present"]');
      await page.waitForSelector('[data-testid="explain"].presenting');
      const at = await page.evaluate(measure);
      await page.screenshot({ path: join(ARTIFACTS, `presenter-${width}-${lang}.png`) });
      assert.deepEqual({ ...at, smallest: undefined }, { title: true, cv: true, columns: true, sideways: false, chart: true, smallest: undefined });
      if (width === 1920) assert.ok(at.smallest >= 18 - 1e-6, `the chart's smallest type is ${at.smallest} px`);
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
