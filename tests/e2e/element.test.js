// <junheng-calculator> on a page of its own: the whole calculator in an open shadow root,
// untouched by the host's CSS, in the language of its `lang` attribute, keeping nothing in
// localStorage without `persist` (so that two calculators on one page never mix).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, CSP } from './harness.js';

const env = useBrowser();

/** A host page with two calculators and CSS that would hide every table and button it could reach. */
const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="stylesheet" href="host.css"><script type="module" src="junheng-calculator.js"></script></head>
<body><h1>A county bureau's page</h1><junheng-calculator lang="en"></junheng-calculator><junheng-calculator></junheng-calculator></body></html>`;
const HOST_CSS = 'table, button, select, .verdict { display: none !important; } * { color: red !important; font-family: serif !important; }';

test('the element renders the calculator in its shadow root, whatever the host CSS, keeping nothing', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.route('**/host.html', (route) => route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': CSP }, body: HOST }));
  await page.route('**/host.css', (route) => route.fulfill({ contentType: 'text/css', body: HOST_CSS }));
  await page.goto(`${env.url}host.html`);
  await page.waitForFunction(() => [...document.querySelectorAll('junheng-calculator')].every((c) => c.dataset.ready === 'true'));
  const [english, chinese] = [page.locator('junheng-calculator').nth(0), page.locator('junheng-calculator').nth(1)];
  assert.equal(await page.evaluate(() => document.querySelector('junheng-calculator').shadowRoot.mode), 'open');
  // Locators reach into open shadow roots: each instance shows its own result.
  assert.ok(await english.locator('[data-testid="verdict-overall"]').isVisible(), 'the host CSS did not hide the verdict');
  assert.ok(await english.locator('#load-demo').isVisible());
  assert.match(await english.locator('#results-title').textContent(), /Results/);
  assert.match(await chinese.locator('#results-title').textContent(), /评估结果/);
  const style = await english.locator('#results-title').evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).fontFamily]);
  assert.notEqual(style[0], 'rgb(255, 0, 0)', "the host's colour reached in");
  assert.notEqual(style[1], 'serif', "the host's font reached in");
  // Switching one instance's language leaves the other alone.
  await english.evaluate((el) => el.setAttribute('lang', 'zh'));
  await page.waitForFunction(() => document.querySelector('junheng-calculator').shadowRoot.getElementById('results-title').textContent.includes('评估结果'));
  assert.equal(await english.getAttribute('lang'), 'zh');
  // Without `persist`, nothing is kept.
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a second load of the module defines the element once', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.url);
  await page.waitForSelector('body[data-ready="true"]');
  const again = await page.evaluate(async () => {
    await import(`./junheng-calculator.js?again`);
    return customElements.get('junheng-calculator') === document.querySelector('junheng-calculator').constructor;
  });
  assert.equal(again, true);
  await context.close();
});
