// WebKit (Debian's WebKitGTK, over WebDriver under Xvfb): the smoke run (smoke.js), and what
// only another engine can show. Presenter mode at 1366×768, where WebKit once cut the step table: the title, every column,
// the CV line and the chart on the screen, nothing sideways. Screenshot:
// artifacts/webkit-presenter-1366.png.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, ARTIFACTS } from './harness.js';
import { webkitSession } from './browsers.js';
import { measurePresenter, FITS } from './presenter.js';
import { smoke } from './smoke.js';

let server;
let url;
before(async () => ({ server, url } = await startServer()));
after(() => server?.close());

/** Waits in the page until `selector` is in the calculator's shadow root. */
const waitFor = (selector) => new Promise((resolve, reject) => {
  const started = Date.now();
  const look = () => {
    const found = document.querySelector('junheng-calculator')?.shadowRoot?.querySelector(selector);
    if (found) resolve(true);
    else if (Date.now() - started > 60_000) reject(new Error(`no ${selector}`));
    else setTimeout(look, 50);
  };
  look();
});

test('WebKit: presenter mode at 1366×768 fits the title, every column, the CV and the chart', async () => {
  const browser = await webkitSession({ width: 1366, height: 768 });
  try {
    await browser.goto(`${url}#explain=primary/teaching_area_per_student`);
    await browser.evaluate(waitFor, '[data-testid="explain-present"]');
    await browser.evaluate(() => document.querySelector('junheng-calculator').shadowRoot.querySelector('[data-testid="explain-present"]').click());
    await browser.evaluate(waitFor, '[data-testid="explain"].presenting');
    const { smallest, ...at } = await browser.evaluate(measurePresenter);
    await writeFile(join(ARTIFACTS, 'webkit-presenter-1366.png'), await browser.screenshot());
    assert.deepEqual(at, FITS);
    assert.ok(smallest > 0);
    assert.deepEqual(await browser.evaluate(() => [innerWidth, innerHeight]), [1366, 768]);
  } finally {
    await browser.close();
  }
});

test('WebKit: the demo, a pasted county, an .xlsx and an .xls, the plan, the step view, a share link', async () => {
  const browser = await webkitSession({ width: 1366, height: 900 });
  try {
    await smoke({ evaluate: (fn, ...args) => browser.evaluate(fn, ...args), goto: (address) => browser.goto(address) }, url);
  } finally {
    await browser.close();
  }
});
