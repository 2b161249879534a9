// The smoke run every engine goes through (firefox.test.js over WebDriver BiDi, webkit.test.js
// over WebDriver): the demo's verdict, a county pasted and its CV against the test's own,
// an .xlsx and an .xls opened, the plan, the step view, a share link made and opened, a page
// in English turned to Traditional. Each step runs in the page as a self-contained function
// (the driver sends its source), so that one list serves both drivers: `evaluate(fn,
// ...args)` resolves to what `fn` resolves to.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, weightedCv } from './harness.js';

/** In the page: waits until `selector` is in the calculator's shadow root (and, with
 * `text`, its text matches), then gives its text. */
export const waitFor = (selector, text = '') => new Promise((resolve, reject) => {
  const started = Date.now();
  const look = () => {
    const found = document.querySelector('junheng-calculator')?.shadowRoot?.querySelector(selector);
    const busy = document.querySelector('junheng-calculator')?.shadowRoot?.getElementById('results')?.getAttribute('aria-busy') === 'true';
    if (found && !busy && (!text || new RegExp(text).test(found.textContent))) resolve(found.textContent);
    else if (Date.now() - started > 90_000) reject(new Error(`no ${selector} ${text}`));
    else setTimeout(look, 50);
  };
  look();
});

/** In the page: clicks `selector` in the calculator. */
const click = (selector) => document.querySelector('junheng-calculator').shadowRoot.querySelector(selector).click();

/** In the page: chooses `value` in the select `selector`, as a person does. */
const choose = (selector, value) => {
  const select = document.querySelector('junheng-calculator').shadowRoot.querySelector(selector);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
};

/** In the page: pastes `text` into the text view, as a paste from a spreadsheet arrives. */
const paste = async (text) => {
  const root = document.querySelector('junheng-calculator').shadowRoot;
  root.getElementById('tab-text').click();
  const box = root.querySelector('[data-testid="paste-input"]');
  box.value = text;
  box.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
};

/** In the page: opens a file (base64) through the element's `load()`. */
const load = (base64, name) => document.querySelector('junheng-calculator')
  .load(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name)).then(() => true);

/** In the page: the attribute `name` of `selector`. */
const attribute = (selector, name) => document.querySelector('junheng-calculator').shadowRoot.querySelector(selector)?.getAttribute(name);

/** In the page: every CV shown, by its test id. */
const cvs = () => [...document.querySelector('junheng-calculator').shadowRoot.querySelectorAll('[data-testid^="cv-"]')].map((el) => `${el.dataset.testid}=${el.getAttribute('data-value')}`);

const fixture = async (path) => (await readFile(join(ROOT, path))).toString('base64');

/** Runs every step in a browser at `url`: `goto(address)` opens a page there. */
export async function smoke({ evaluate, goto }, url) {
  await goto(url);
  assert.match(await evaluate(waitFor, '[data-testid="verdict-overall"]'), /未通过/, "the demo's verdict");
  // A county pasted (the files' corpus: five schools): the CV against the test's own.
  await evaluate(choose, '[data-testid="standard-select"]', 'basic2012');
  await evaluate(waitFor, '[data-testid="verdict-overall"]');
  await evaluate(paste, await readFile(join(ROOT, 'tests/fixtures/expected.csv'), 'utf8'));
  await evaluate(waitFor, '[data-testid="cv-primary-books_per_student"]');
  const cv = Number(await evaluate(attribute, '[data-testid="cv-primary-books_per_student"]', 'data-value'));
  assert.ok(Math.abs(cv - weightedCv([1860, 640, 186], [62000, 19800, 4900])) < 1e-12, `pasted: ${cv}`);
  // Workbooks: the old .xls reads as the corpus' other files do.
  for (const [path, name] of [['www/templates/example.xlsx', 'example.xlsx'], ['tests/fixtures/22-legacy-workbook.xls', 'legacy.xls']]) {
    assert.equal(await evaluate(load, await fixture(path), name), true, name);
    await evaluate(waitFor, '[data-testid="verdict-overall"]');
  }
  const fromXls = Number(await evaluate(attribute, '[data-testid="cv-primary-books_per_student"]', 'data-value'));
  assert.ok(Math.abs(fromXls - weightedCv([1860, 640, 186], [62000, 19800, 4900])) < 1e-12, `xls: ${fromXls}`);
  // The plan and the step view.
  await evaluate(click, '[data-testid="plan-open"]');
  await evaluate(waitFor, '[data-testid="plan-summary"]');
  await evaluate(click, '[data-testid="explain-primary-books_per_student"]');
  assert.match(await evaluate(waitFor, '[data-testid="step-cv"]'), /0\.\d+/);
  // A share link made, and opened in a page of its own.
  const shown = await evaluate(cvs);
  await evaluate(click, '[data-testid="share-button"]');
  await evaluate(waitFor, '[data-testid="share-url"]');
  const link = await evaluate(() => /** @type {HTMLInputElement} */ (document.querySelector('junheng-calculator').shadowRoot.querySelector('[data-testid="share-url"]')).value);
  assert.match(link, /#share=[\w-]+$/);
  await goto('about:blank');
  await goto(link);
  await evaluate(waitFor, '[data-testid="notice-shared"]');
  await evaluate(waitFor, '[data-testid="verdict-overall"]');
  assert.deepEqual(await evaluate(cvs), shown, 'the shared data, as it was');
  // A page in English starts the first module with every language (not the Chinese one),
  // and turned to Traditional, keeps it.
  await goto(`${url}?lang=en`);
  assert.match(await evaluate(waitFor, '[data-testid="verdict-overall"]', 'Overall verdict'), /Overall verdict/);
  await evaluate(() => document.querySelector('junheng-calculator').setAttribute('lang', 'zh-Hant'));
  assert.match(await evaluate(waitFor, '[data-testid="verdict-overall"]', '總體結論'), /總體結論/);
}
