// Firefox (Debian's firefox-esr, over WebDriver BiDi): the smoke run (smoke.js), and what only
// another engine can show. Printed, the report carries its folded parts (where the differences come from, the
// splits): opened for the print by the page's beforeprint, which Firefox fires for
// BiDi's print as for the user's. The PDF: artifacts/firefox-report.pdf.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer, ARTIFACTS } from './harness.js';
import { launchFirefox } from './browsers.js';
import { smoke } from './smoke.js';

let server;
let url;
let browser;
before(async () => {
  ({ server, url } = await startServer());
  browser = await launchFirefox();
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** A new page that records its errors, at `address`, once the calculator's verdict shows. */
async function open(address) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(address);
  await page.waitForFunction(() => document.querySelector('junheng-calculator')?.shadowRoot?.querySelector('[data-testid="verdict-overall"]'), { timeout: 60_000 });
  return { page, errors };
}

/** The text of a PDF with every space and line break taken out (Chinese wraps anywhere). */
const pdfText = (path) => execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

test('Firefox prints every folded part open, and folds them again after', async () => {
  const { page, errors } = await open(url);
  // The notes that only a folded part's body holds, as many times as they are folded.
  const folded = await page.evaluate(() => [...document.querySelector('junheng-calculator').shadowRoot.querySelectorAll('details.contributions:not([open])')]
    .map((details) => details.querySelector('p.meta').textContent.replace(/\s+/g, '')));
  assert.ok(folded.length >= 2, `${folded.length} folded parts`);
  const path = join(ARTIFACTS, 'firefox-report.pdf');
  await writeFile(path, await page.pdf({ format: 'A4' }));
  const text = pdfText(path);
  for (const note of new Set(folded)) {
    const times = text.split(note).length - 1;
    assert.equal(times, folded.filter((n) => n === note).length, `「${note.slice(0, 20)}…」 on paper`);
  }
  const stillOpen = await page.evaluate(() => document.querySelector('junheng-calculator').shadowRoot.querySelectorAll('details.contributions[open]').length);
  assert.equal(stillOpen, 0, 'folded again after the print');
  assert.deepEqual(errors, []);
  await page.close();
});

test('Firefox: the demo, a pasted county, an .xlsx and an .xls, the plan, the step view, a share link', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await smoke({ evaluate: (fn, ...args) => page.evaluate(fn, ...args), goto: (address) => page.goto(address) }, url);
  assert.deepEqual(errors, []);
  await page.close();
});
