// The iframe mode (index.html?embed=1, www/examples/iframe.html) and share links: the frame
// reports its height and answers "junheng:load" with "junheng:result", ignores an origin
// not allowed; a share link reopens the same data, standard and answers in a fresh browser
// and never overwrites saved work without asking. Under the strict CSP; only own files.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { useBrowser, openHost, openPage, openCsv, watch, foreign, startServer, settled, county, CSP, ARTIFACTS, ROOT } from './harness.js';

const env = useBrowser();

/** The messages the host page received from its frame, by type. */
async function messagesOf(page) {
  return page.evaluate(() => window.messages);
}

/** Records every message the page receives (before its own scripts run). */
const RECORD = () => {
  window.messages = [];
  window.addEventListener('message', (e) => window.messages.push({ origin: e.origin, type: e.data?.type, data: e.data }));
};

test('the iframe mode fits its frame, answers junheng:load with junheng:result, and shows no page chrome', async () => {
  const { page, context, errors, requests } = await openHost(env.browser, `${env.url}examples/iframe.html`, { init: RECORD });
  const frame = page.frameLocator('#calculator');
  await frame.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
  // No masthead or footer in the frame, and nothing kept in the frame's storage.
  assert.equal(await frame.locator('.masthead').isVisible(), false);
  assert.equal(await frame.locator('.footer').isVisible(), false);
  // The frame's height follows its content: the host set it from the last height message.
  await page.waitForFunction(() => window.messages.some((m) => m.type === 'junheng:height'));
  const content = await frame.locator('body').evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
  await page.waitForFunction((h) => document.getElementById('calculator').style.height === `${h}px`, content);
  const inner = await frame.locator('html').evaluate((h) => [h.scrollHeight, h.clientHeight]);
  assert.ok(inner[0] <= inner[1] + 1, `no scroll bar inside the frame: ${inner}`);
  // The host sends its table: the frame answers with its result, which the host shows.
  const before = (await messagesOf(page)).filter((m) => m.type === 'junheng:result').length;
  await page.click('[data-testid="host-send"]');
  await page.waitForFunction((n) => window.messages.filter((m) => m.type === 'junheng:result').length > n
    && window.messages.filter((m) => m.type === 'junheng:result').at(-1).data.result.schools.length === 3, before);
  const result = (await messagesOf(page)).filter((m) => m.type === 'junheng:result').at(-1);
  assert.equal(result.origin, new URL(env.url).origin);
  assert.equal(result.data.result.standard, 'basic2012');
  assert.deepEqual(result.data.result.schools.map((s) => s.name), ['甲校', '乙校', '丙校']);
  assert.match(await page.textContent('[data-testid="host-status"]'), /结果/);
  assert.deepEqual(await frame.locator('html').evaluate(() => Object.keys(localStorage)), []);
  await page.screenshot({ path: join(ARTIFACTS, 'example-iframe.png'), fullPage: true });
  assert.deepEqual(foreign(requests, env.url), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a frame on another origin ignores junheng:load from a host its site does not allow, and sends it no result', async () => {
  // The calculator on a second origin (another port); the host page on the first.
  const other = await startServer();
  try {
    const frameOrigin = new URL(other.url).origin;
    const hostOrigin = new URL(env.url).origin;
    // The frame's address names the host either way: only the site's deployed list allows it.
    const hostPage = () => `<!doctype html><meta charset="utf-8"><title>host</title>
      <iframe id="f" title="calculator" src="${other.url}index.html?embed=1&origins=${encodeURIComponent(hostOrigin)}"></iframe>`;
    const context = await env.browser.newContext();
    await context.addInitScript(RECORD);
    const { page, errors } = await watch(context);
    const hostCsp = `${CSP}; frame-src ${frameOrigin}`;
    await page.route('**/cross-*.html', (route) => route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': hostCsp },
      body: hostPage() }));
    const send = () => page.evaluate((origin) => document.getElementById('f').contentWindow.postMessage({ type: 'junheng:load', text: '学校名称,学段,在校生数\n甲,小学,10\n' }, origin), frameOrigin);
    const frameReady = () => page.frameLocator('#f').locator('body[data-ready="true"]').waitFor({ state: 'attached' });

    // Named by the frame's address only: the height is sent (it tells nothing of the data),
    // the table is ignored.
    await page.goto(`${env.url}cross-denied.html`);
    await frameReady();
    await page.waitForFunction(() => window.messages.some((m) => m.type === 'junheng:height'));
    await send();
    await page.waitForTimeout(1500);
    const denied = await messagesOf(page);
    assert.deepEqual(denied.filter((m) => m.type === 'junheng:result'), [], 'no result goes to a host not named');
    assert.ok(denied.every((m) => m.origin === frameOrigin));
    assert.doesNotMatch(await page.frameLocator('#f').locator('junheng-calculator #notice').textContent(), /网页提供的数据/);

    // Allowed by the calculator's site (its embed-origins.json): the same message is taken,
    // and the result comes back to it alone.
    await context.route(`${other.url}embed-origins.json`, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ origins: [hostOrigin] }) }));
    await page.goto(`${env.url}cross-allowed.html`);
    await frameReady();
    await send();
    await page.waitForFunction(() => window.messages.some((m) => m.type === 'junheng:result' && m.data.result.errors.length > 0));
    const answer = (await messagesOf(page)).filter((m) => m.type === 'junheng:result').at(-1);
    assert.equal(answer.origin, frameOrigin);
    assert.equal(answer.data.result.errors[0].code, 'missing_column');
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    other.server.close();
  }
});

test('a share link reopens the data, standard and answers in a fresh browser, and asks before replacing saved work', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await settled(page);
  await page.locator('input[data-answer]').first().fill('3');
  await settled(page);
  const cvsOf = (p) => p.evaluate(() => [...calc.querySelectorAll('[data-testid^="cv-"]')].map((el) => [el.dataset.testid, el.getAttribute('data-value')]));
  const answersOf = (p) => p.evaluate(() => [...calc.querySelectorAll('[data-answer]')].map((el) => [el.dataset.answer, /** @type {HTMLInputElement} */ (el).value]));
  const cvs = await cvsOf(page);
  const answers = await answersOf(page);
  assert.ok(cvs.length >= 16, 'both levels show their CVs');
  await page.click('[data-testid="share-button"]');
  const link = await page.locator('[data-testid="share-url"]').inputValue();
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/index\.html#share=[A-Za-z0-9_-]+$/);
  assert.doesNotMatch(await page.textContent('[data-testid="notice-share"]'), /超过/);
  await context.close();

  // A fresh browser context: nothing saved, so the shared data is simply opened (and kept).
  const fresh = await openPage(env.browser, link);
  assert.deepEqual(await cvsOf(fresh.page), cvs);
  assert.deepEqual(await answersOf(fresh.page), answers);
  assert.equal(await fresh.page.inputValue('[data-testid="standard-select"]'), 'basic2012');
  assert.match(await fresh.page.textContent('[data-testid="notice-shared"]'), /分享链接/);
  assert.equal(new URL(fresh.page.url()).hash, '', 'the fragment is taken off the address once opened');
  assert.deepEqual(foreign(fresh.requests, env.url), [], 'opening a link asks nothing of any server but the page\'s own files');
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();

  // Someone with work of their own: it is not overwritten while they look, and comes back.
  const mine = await openPage(env.browser, env.url);
  await mine.page.click('#tab-text');
  await mine.page.fill('[data-testid="paste-input"]', await county(3));
  await settled(mine.page);
  const savedState = () => mine.page.evaluate(() => JSON.parse(localStorage.getItem('junheng.state')).state);
  const saved = await savedState();
  await mine.page.goto(link);
  await mine.page.waitForSelector('body[data-ready="true"]');
  await settled(mine.page);
  assert.deepEqual(await cvsOf(mine.page), cvs, 'the shared data shows');
  assert.match(await mine.page.textContent('[data-testid="notice-shared"]'), /没有被覆盖/);
  assert.deepEqual(await savedState(), saved, 'saved work untouched');
  await mine.page.click('[data-action="back-to-mine"]');
  await settled(mine.page);
  assert.equal(await mine.page.inputValue('[data-testid="paste-input"]'), await county(3));
  await mine.context.close();
});

test('a damaged share link is refused with the reason, and nothing else takes its place unasked', async () => {
  const { page, context, errors } = await openPage(env.browser, `${env.url}index.html#share=AAAAbroken-link`);
  assert.match(await page.textContent('[data-testid="notice-file"]'), /无法打开「分享链接」：链接不完整或已损坏/);
  // Not the demo county over the reason: an empty calculator, saying so.
  assert.equal(await page.locator('[data-testid="demo-banner"]').isVisible(), false);
  assert.equal(await page.locator('[data-testid="verdict-overall"]').count(), 0);
  assert.ok(await page.locator('#summary .empty').isVisible());
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link too long for chat apps is not made: the page says so and offers the project file', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await openCsv(page, 'province.csv', await county(1500), 60_000);
  await page.click('[data-testid="share-button"]');
  const notice = page.locator('[data-testid="notice-share"]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /超过常见聊天软件的上限/);
  assert.ok(await notice.locator('[data-action="save-project"]').isVisible());
  assert.equal(await page.locator('[data-testid="share-url"]').count(), 0, 'no link that would be cut');
  await context.close();
});

test('docs/EMBED.md\'s snippets are the example pages\' own files, verbatim, and its CSP is the one the tests serve', async () => {
  const doc = await readFile(join(ROOT, 'docs/EMBED.md'), 'utf8');
  const snippets = [...doc.matchAll(/^`(www\/examples\/[^`]+)`:\n\n```\w*\n([^]*?)```$/gm)];
  assert.deepEqual(snippets.map(([, path]) => path).sort(),
    ['www/examples/element.html', 'www/examples/element.js', 'www/examples/host.css', 'www/examples/iframe.html', 'www/examples/iframe.js']);
  for (const [, path, text] of snippets) assert.equal(text, await readFile(join(ROOT, path), 'utf8'), `${path} as the doc shows it`);
  assert.doesNotMatch(doc, /style="/, 'no inline style in any snippet');
  const policy = doc.match(/Content-Security-Policy: ([^`]+?)\n```/)[1].replace(/\s+/g, ' ').trim();
  assert.equal(policy, CSP);
});

test('the iframe example, followed literally: its table goes in once the frame says junheng:ready, never the demo; the bar marks the results', async () => {
  const { page, context, errors } = await openHost(env.browser, `${env.url}examples/iframe.html`, { init: RECORD });
  // At once: the button waits for the frame (it is disabled until junheng:ready).
  await page.click('[data-testid="host-send"]');
  await page.waitForFunction(() => window.messages.some((m) => m.type === 'junheng:result' && m.data.result.schools.length === 3));
  const types = (await messagesOf(page)).map((m) => m.type);
  assert.ok(types.includes('junheng:ready'), types.join());
  const frame = page.frameLocator('#calculator');
  assert.equal(await frame.locator('[data-testid="demo-banner"]').isVisible(), false, 'not the demo');
  assert.equal(await frame.locator('junheng-calculator').evaluate((c) => c.shadowRoot.querySelector('[aria-current="step"]')?.dataset.step), 'results');
  assert.deepEqual(errors, []);
  await context.close();
});
