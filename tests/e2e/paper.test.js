// Paper for the inspection file: the report of a county of 40 schools printed (Chromium's
// page.pdf under print media) before and after a plan is made, and the ledger printed alone.
// Nothing to click or type is on paper; the plan is a section of its own before the report's
// signatures and adds at most a page per 15 of its lines (+1); the ledger alone carries its
// title block and signature lines and at least 15 lines a page. Pages are written to
// tests/e2e/artifacts (report-plan.pdf, ledger-alone.pdf) to be looked at.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { useBrowser, openPage, openCsv, county, ARTIFACTS } from './harness.js';

const env = useBrowser();

/** The pages of a PDF Chromium wrote: its page objects (not the page tree's /Pages). */
const pagesOf = (bytes) => (bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;

/** How many ledger lines each page of a PDF carries (pdftotext, poppler-utils: build.sh
 * installs it): a line of the ledger starts with its row number, then the school, and ends
 * with its cost (¥). */
function ledgerLinesPerPage(path) {
  const pages = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).split('\f');
  return pages.map((text) => text.split('\n').filter((line) => /^\s*\d+\s+\S/.test(line) && line.includes('¥')).length);
}

/** Prints the page to `name` in the artifacts and gives its number of pages. */
async function printed(page, name) {
  const path = join(ARTIFACTS, name);
  await page.pdf({ path, format: 'A4', preferCSSPageSize: true });
  return pagesOf(await readFile(path));
}

/** The form controls, buttons and hints of the calculator that print media shows. */
const controlsOnPaper = () => [...calc.querySelectorAll('button, input, select, textarea, .hint')]
  .filter((el) => el.checkVisibility())
  .map((el) => el.outerHTML.slice(0, 80));

test('the report of 40 schools with its plan: no control on paper, the ledger its own section before the signatures', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url, { viewport: { width: 1366, height: 900 } });
  await openCsv(page, 'forty.csv', await county(40));
  const before = await printed(page, 'report-forty.pdf');
  await page.click('[data-testid="plan-open"]');
  await page.waitForSelector('[data-testid="plan-summary"]', { timeout: 120_000 });
  const lines = await page.locator('[data-testid="plan-line"]').count();
  assert.ok(lines >= 15, `${lines} ledger lines`);
  const after = await printed(page, 'report-plan.pdf');
  assert.ok(after - before <= Math.ceil(lines / 15) + 1, `the plan of ${lines} lines added ${after - before} pages (${before} → ${after})`);
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await page.evaluate(controlsOnPaper), [], 'no form control, button or hint on paper');
  assert.ok(await page.isVisible('[data-testid="report-title"]'), 'the title block');
  // Each school's table is laid out for its landscape pages, never scaled below readable (8 pt).
  const smallest = await page.evaluate(() => Math.min(...[...calc.querySelectorAll('.school-table td, .school-table th')].map((el) => parseFloat(getComputedStyle(el).fontSize))));
  assert.ok(smallest >= (8 * 96) / 72 - 0.01, `the school tables' smallest type is ${smallest} px`);
  assert.ok(await page.isVisible('[data-testid="ledger-head"]'), "the ledger's own heading");
  // The report's signature lines come last, after the plan; the ledger's own are not repeated.
  const order = await page.evaluate(() => {
    const signatures = calc.querySelector('.report-signatures');
    const plan = calc.querySelector('#plan');
    return { after: Boolean(plan.compareDocumentPosition(signatures) & Node.DOCUMENT_POSITION_FOLLOWING), shown: signatures.checkVisibility(),
      ledgerSignatures: calc.querySelector('.ledger-signatures').checkVisibility() };
  });
  assert.deepEqual(order, { after: true, shown: true, ledgerSignatures: false });
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the ledger alone: its title block, signature lines and at least 15 lines a page', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url, { viewport: { width: 1366, height: 900 } });
  await openCsv(page, 'forty.csv', await county(40));
  await page.fill('[data-testid="report-county"]', '东河县');
  await page.click('[data-testid="plan-open"]');
  await page.waitForSelector('[data-testid="plan-summary"]', { timeout: 120_000 });
  const lines = await page.locator('[data-testid="plan-line"]').count();
  await page.evaluate(() => {
    document.querySelector('junheng-calculator').dataset.printing = 'plan';
  });
  await printed(page, 'ledger-alone.pdf');
  // Every page that carries ledger lines carries at least 15 of them, but the last.
  const perPage = ledgerLinesPerPage(join(ARTIFACTS, 'ledger-alone.pdf')).filter((n) => n > 0);
  assert.equal(perPage.reduce((a, b) => a + b, 0), lines, `every line is read off the pages: ${perPage}`);
  assert.ok(perPage.slice(0, -1).every((n) => n >= 15), `lines a page: ${perPage}`);
  await page.emulateMedia({ media: 'print' });
  assert.match(await page.textContent('[data-testid="ledger-head"]'), /东河县整改台账[\s\S]*评估标准：优质均衡[\s\S]*余量（差异系数低于上限）：0\.02[\s\S]*单价（元）：/);
  assert.ok(await page.isVisible('.ledger-signatures'), 'signature lines');
  assert.equal(await page.isVisible('[data-testid="verdict-overall"]'), false, 'only the plan');
  assert.deepEqual(await page.evaluate(controlsOnPaper), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('every folded part opens for the print and folds again after it (beforeprint, as every browser fires); the title is the report\'s', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url);
  await page.waitForSelector('[data-testid="verdict-overall"]');
  const closed = () => calc.querySelectorAll('details:not([open])').length;
  const folded = await page.evaluate(closed);
  assert.ok(folded > 0, `${folded} folded parts on screen`);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal(await page.evaluate(closed), 0, 'all open for the print');
  // The document's title, which the browser's own header prints where @page margin boxes are
  // missing, is the report's for the print: a running title.
  assert.equal(await page.title(), '义务教育均衡发展督导评估自查报告');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal(await page.evaluate(closed), folded, 'folded again after it');
  assert.equal(await page.title(), '县域义务教育均衡发展计算器');
  assert.deepEqual(errors, []);
  await context.close();
});
