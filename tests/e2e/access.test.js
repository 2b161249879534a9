// Accessibility: axe-core (npm) over every view of the calculator, in each language, with no
// moderate, serious or critical finding (the issue asks for none serious or critical). axe
// runs in the page through the test driver and reaches into the calculator's open shadow
// root; it measures colours by adding styles of its own, which the strict CSP every other
// test runs under would refuse, so this file's pages bypass it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, openPage, settled, ROOT } from './harness.js';

const env = useBrowser();
const AXE = readFile(join(ROOT, 'tests/e2e/node_modules/axe-core/axe.min.js'), 'utf8');

/** The moderate, serious and critical findings on the page as it is now, each as "id: where". */
async function findings(page) {
  await page.evaluate(await AXE);
  const result = await page.evaluate(() => axe.run(document));
  // axe looked inside the calculator (its shadow root): the rules it checked there count.
  const inside = result.passes.flatMap((p) => p.nodes).filter((n) => Array.isArray(n.target[0]) && n.target[0][0] === 'junheng-calculator');
  assert.ok(inside.length > 20, `axe checked ${inside.length} elements inside the calculator`);
  return result.violations.filter((v) => ['moderate', 'serious', 'critical'].includes(v.impact))
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** Each view a user reaches: the report, the data as text, the plan, a CV step by step, the
 * presenter mode, the what-if; checked in each language. */
const VIEWS = {
  report: async () => {},
  text: async (page) => {
    await page.click('#tab-text');
    await settled(page);
  },
  plan: async (page) => {
    await page.click('[data-testid="plan-open"]');
    await page.waitForSelector('[data-testid="plan-summary"]');
  },
  explain: async (page) => {
    await page.click('[data-testid="explain-primary-teaching_area_per_student"]');
    await page.waitForSelector('[data-testid="explain"]');
  },
  presenter: async (page) => {
    await page.click('[data-testid="explain-present"]');
    await page.waitForSelector('[data-testid="explain"].presenting');
  },
  whatif: async (page) => {
    await page.keyboard.press('Escape');
    await page.click('[data-testid="plan-apply"]');
    await page.waitForSelector('[data-testid="whatif"]');
    await settled(page);
  },
};

for (const lang of ['zh', 'zh-Hant', 'en']) {
  test(`no moderate, serious or critical accessibility finding on any view (${lang})`, async () => {
    const { page, context, errors } = await openPage(env.browser, `${env.url}?lang=${lang}`, { viewport: { width: 1366, height: 900 }, bypassCSP: true });
    await page.waitForSelector('[data-testid="verdict-overall"]');
    for (const [view, reach] of Object.entries(VIEWS)) {
      await reach(page);
      assert.deepEqual(await findings(page), [], `${lang}, ${view}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}
