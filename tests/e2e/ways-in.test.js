// Every way data arrives is one action on one state that knows where it came from (issue 20):
// a table pasted or typed over the demo is the user's own (the demo's answers leave); share
// links within bounds, the user's saved work kept; a framing page of another origin gets
// nothing it did not send; a damaged saved state never stops the start; the address is
// followed when it changes; nothing is live before the calculator is ready.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, openPage, watch, settled, county, startServer, CSP, ROOT } from './harness.js';

const env = useBrowser();

/** A county table of `schools` rows whose names are none of the demo's (each written
 * backwards: a mixed school's rows keep one name). */
const ownCounty = (schools) => county(schools, (line, cells) => { cells[0] = [...cells[0]].reverse().join(''); });
const passed = (page, testid) => page.getAttribute(`[data-testid="${testid}"]`, 'data-passed');
const stored = (page, key = 'junheng.state') => page.evaluate((k) => localStorage.getItem(k), key);

/** The demo's answers no longer judge the table, and the page says it is the user's own. */
async function assertOwnTable(page) {
  await settled(page);
  assert.equal(await page.locator('[data-testid="demo-banner"]').isVisible(), false, 'no demo banner');
  assert.match(await page.textContent('[data-testid="notice-undo"]'), /你的表格/);
  assert.equal(await passed(page, 'verdict-overall'), 'false', 'no pass on answers never given');
  assert.equal(await passed(page, 'part-recognition'), 'false');
  assert.equal(await page.locator('[data-testid="example-answers"]').count(), 0);
  assert.equal(await page.locator('[data-testid="whatif"]').count(), 0, 'no comparison with the demo');
  assert.equal(JSON.parse(await stored(page)).state.answers.vetoes.length, 0);
}

test('a table pasted over the demo in the text view is the user\'s own: the demo\'s answers leave, with undo', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.waitForSelector('[data-testid="verdict-overall"]');
  assert.ok(await page.isVisible('[data-testid="example-answers"]'), 'the demo\'s verdict says its answers are examples');
  assert.ok(await page.isVisible('[data-testid="example-answers-recognition"]'));
  await page.click('#tab-text');
  const table = await ownCounty(12);
  await page.evaluate((text) => navigator.clipboard.writeText(text), table);
  await page.focus('[data-testid="paste-input"]');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await assertOwnTable(page);
  assert.equal(await page.inputValue('[data-testid="paste-input"]'), table);
  // Undo: the demo and its answers are back.
  await page.click('[data-testid="notice-undo"] [data-action="undo"]');
  await settled(page);
  assert.ok(await page.isVisible('[data-testid="demo-banner"]'));
  assert.equal(await passed(page, 'part-recognition'), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a table typed over the demo, or cells pasted into its grid, is the user\'s own; one cell edited stays the demo', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.waitForSelector('[data-testid="verdict-overall"]');
  // One cell of the demo edited: still the demo, still said to be judged on example answers.
  await page.locator('#editor input[data-r="1"][data-c="5"]').fill('2000');
  await settled(page);
  assert.ok(await page.isVisible('[data-testid="demo-banner"]'));
  assert.ok(await page.isVisible('[data-testid="example-answers"]'));
  // A block pasted into the grid (cells copied from a spreadsheet).
  const block = (await ownCounty(4)).trim().split('\n').slice(1).map((l) => l.split(',').join('\t')).join('\n');
  await page.locator('#editor input[data-r="1"][data-c="0"]').evaluate((cell, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    cell.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, block);
  await assertOwnTable(page);
  await page.click('[data-testid="notice-undo"] [data-action="undo"]');
  await settled(page);
  assert.ok(await page.isVisible('[data-testid="demo-banner"]'));
  // Typed over it in the text view (no demo school left).
  await page.click('#tab-text');
  await page.fill('[data-testid="paste-input"]', await ownCounty(6));
  await assertOwnTable(page);
  await context.close();
});

/** A share link whose fragment is `json` deflated, as the calculator writes them. */
const shareLink = (json) => `${env.url}index.html#share=${deflateRawSync(Buffer.from(json)).toString('base64url')}`;

test('share links within bounds: too long, a deflate bomb, deep nesting are refused with the reason, the page answering', async () => {
  const cases = [
    [`${env.url}index.html#share=${'A'.repeat(9000)}`, /超过 8,?000 个字符/],
    [shareLink(' '.repeat(4.5 * 1024 * 1024)), /展开后超过 4 MB/],
    [shareLink('['.repeat(100_000) + ']'.repeat(100_000)), /嵌套超过 64 层/],
  ];
  for (const [link, reason] of cases) {
    const started = Date.now();
    const { page, context, errors } = await openPage(env.browser, link);
    assert.match(await page.textContent('[data-testid="notice-file"]'), reason);
    assert.ok(Date.now() - started < 20_000, 'the calculator answered');
    assert.equal(await page.evaluate(() => 1 + 1), 2);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a share link never replaces saved work without a choice: answers, a profile or a title with no table are work', async () => {
  const made = await openPage(env.browser, env.url);
  await made.page.click('[data-testid="share-button"]');
  const link = await made.page.locator('[data-testid="share-url"]').inputValue();
  await made.context.close();
  const works = [
    { text: '', report: { county: '本县', date: '' } },
    { text: '  \n ', answers: { school_standard_met: true } },
    { text: '', profile: JSON.parse(await readFile(join(ROOT, 'www/profiles/example-strict.json'), 'utf8')) },
  ];
  for (const work of works) {
    const { page, context } = await openPage(env.browser, env.url);
    const saved = JSON.stringify({ schema: 2, rev: 1, tab: 'x', saved: 0, state: { standard: 'quality2017', lang: 'zh', ...work } });
    await page.evaluate((s) => localStorage.setItem('junheng.state', s), saved);
    await page.goto(link);
    await page.waitForSelector('body[data-ready="true"]');
    await settled(page);
    await page.waitForSelector('[data-testid="notice-shared"] [data-action="back-to-mine"]');
    const kept = JSON.parse(await stored(page)).state;
    for (const [key, value] of Object.entries(work)) {
      const expected = key === 'answers' ? { ...kept.answers, ...value } : value;
      assert.deepEqual(kept[key], expected, `saved work kept: ${JSON.stringify(work)}`);
    }
    await context.close();
  }
});

test('the address is followed when it changes: #explain= and #share= typed into an open page', async () => {
  const made = await openPage(env.browser, env.url);
  await made.page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await settled(made.page);
  await made.page.click('[data-testid="share-button"]');
  const link = await made.page.locator('[data-testid="share-url"]').inputValue();
  await made.context.close();
  const { page, context, errors } = await openPage(env.browser, env.url);
  await page.evaluate(() => { location.hash = '#explain=junior/teaching_area_per_student'; });
  await page.waitForSelector('[data-testid="explain"][data-indicator="teaching_area_per_student"][data-level="junior"]');
  await page.evaluate((hash) => { location.hash = hash; }, new URL(link).hash);
  await page.waitForSelector('[data-testid="notice-shared"]');
  await settled(page);
  assert.equal(await page.inputValue('[data-testid="standard-select"]'), 'basic2012');
  assert.deepEqual(errors, []);
  await context.close();
});

test('broken escapes in the address or src, and nesting in a profile file, are refused with a reason; the calculator starts', async () => {
  const explain = await openPage(env.browser, `${env.url}index.html#explain=%E0%A4%A`);
  assert.deepEqual(explain.errors, []);
  await explain.context.close();
  const src = await openPage(env.browser, `${env.url}index.html?src=a%25ZZ.csv`);
  assert.match(await src.page.textContent('[data-testid="notice-file"]'), /无法打开/);
  const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
  await src.page.setInputFiles('[data-testid="profile-file"]', { name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(deep) });
  await src.page.waitForFunction(() => /嵌套超过/.test(calc.querySelector('[data-testid="notice-file"]')?.textContent ?? ''));
  const huge = `{"name":"${'x'.repeat(3 * 1024 * 1024)}"}`;
  await src.page.setInputFiles('[data-testid="profile-file"]', { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.from(huge) });
  await src.page.waitForFunction(() => /文件超过 1 MB/.test(calc.querySelector('[data-testid="notice-file"]')?.textContent ?? ''));
  // The one error: the browser's own line for the file that is not there.
  assert.deepEqual(src.errors.filter((e) => !/404/.test(String(e))), []);
  await src.context.close();
});

test('a damaged saved state is kept aside, never deleted, and the calculator starts', async () => {
  const good = { text: 'a,b\n', standard: 'basic2012', lang: 'zh' };
  const envelope = (state, schema = 2) => JSON.stringify({ schema, rev: 1, tab: 'x', saved: 0, state });
  const damages = [
    envelope({ ...good, text: 5 }), envelope({ ...good, text: { a: 1 } }), envelope({ ...good, text: [1] }),
    envelope({ ...good, answers: 'x' }), envelope({ ...good, answers: null }), envelope(good, -1),
    envelope({ ...good, lang: 'xx' }), envelope({ ...good, report: null }), envelope({ ...good, baseline: 7 }),
    envelope({ ...good, profile: 'x' }), envelope({ ...good, profile: {} }), envelope({ ...good, county: 5 }),
    envelope({ ...good, standard: 'x' }), envelope({ ...good, mapping: 'x' }), envelope('[[[['),
  ];
  const { page, context } = await openPage(env.browser, env.url);
  for (const damaged of damages) {
    await page.evaluate((d) => { localStorage.clear(); localStorage.setItem('junheng.state', d); }, damaged);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    await settled(page);
    assert.ok(await page.isVisible('[data-testid="notice-storage"]'), `said: ${damaged}`);
    assert.equal(await page.locator('.problems.internal').count(), 0, `no internal error: ${damaged}`);
    const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('junheng.state.damaged')).map((k) => localStorage.getItem(k)));
    assert.ok(aside.some((text) => text === damaged || JSON.parse(text).profile !== undefined), `kept aside: ${damaged}`);
  }
  // A second damage keeps the first one's backup.
  await page.evaluate((d) => { localStorage.clear(); localStorage.setItem('junheng.state', d[0]); }, damages);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.evaluate((d) => localStorage.setItem('junheng.state', d[1]), damages);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('junheng.state.damaged')).map((k) => localStorage.getItem(k)));
  assert.ok(backups.includes(damages[0]) && backups.includes(damages[1]), 'both backups kept');
  // A first-stage key with a string profile.
  await page.evaluate(() => { localStorage.clear(); localStorage.setItem('junheng.state.v1', JSON.stringify({ text: 'a,b\n', profile: 'x' })); });
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.locator('.problems.internal').count(), 0);
  await context.close();
});

test('nothing is live while the calculator starts: its controls are inert until ready', async () => {
  const context = await env.browser.newContext();
  const { page } = await watch(context);
  await page.goto(env.url, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.querySelector('junheng-calculator')?.shadowRoot?.getElementById('calculator'));
  const early = await page.evaluate(() => [document.body.dataset.ready, calc.getElementById('calculator').inert]);
  if (early[0] !== 'true') assert.equal(early[1], true, 'inert before ready');
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.evaluate(() => calc.getElementById('calculator').inert), false);
  await context.close();
});

test('a framing page of another origin gets nothing it did not send, and never the main page\'s saved work', async () => {
  const other = await startServer();
  try {
    const frameOrigin = new URL(other.url).origin;
    const hostOrigin = new URL(env.url).origin;
    const context = await env.browser.newContext();
    await context.addInitScript(() => {
      window.messages = [];
      window.addEventListener('message', (e) => window.messages.push({ type: e.data?.type, data: e.data }));
    });
    const { page, errors } = await watch(context);
    // The user's own work, saved by the calculator's main page.
    await page.goto(`${other.url}index.html`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('#tab-text');
    await page.fill('[data-testid="paste-input"]', await ownCounty(3));
    await settled(page);
    const mine = await stored(page);
    // A page of another origin frames it naming itself and the main page's key.
    const frameUrl = (extra) => `${other.url}index.html?embed=1&origins=${encodeURIComponent(hostOrigin)}&persist=junheng.state${extra}`;
    await page.route('**/framing-*.html', (route) => route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': `${CSP}; frame-src ${frameOrigin}` },
      body: `<!doctype html><meta charset="utf-8"><title>host</title><iframe id="f" title="calculator" src="${frameUrl(route.request().url().includes('src') ? '&src=demo/demo-county.csv' : '')}"></iframe>` }));
    for (const name of ['framing-saved.html', 'framing-src.html']) {
      await page.goto(`${env.url}${name}`);
      await page.frameLocator('#f').locator('body[data-ready="true"]').waitFor({ state: 'attached' });
      await page.evaluate((origin) => document.getElementById('f').contentWindow.postMessage({ type: 'junheng:load', text: '学校名称,学段,在校生数\n甲,小学,10\n' }, origin), frameOrigin);
      await page.waitForTimeout(1500);
      const got = await page.evaluate(() => window.messages.map((m) => m.type));
      assert.ok(got.includes('junheng:height'));
      assert.deepEqual(got.filter((t) => t !== 'junheng:height'), [], `${name}: no result, no data`);
    }
    await page.goto(`${other.url}index.html`);
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(JSON.parse(await stored(page)).state.text, JSON.parse(mine).state.text, 'the saved work is untouched');
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('junheng.') && k !== 'junheng.state' && !k.startsWith('junheng.embed.'))), []);
    // Allowed by the site's own deployed list: results go to it.
    await context.route(`${other.url}embed-origins.json`, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ origins: [hostOrigin] }) }));
    await page.goto(`${env.url}framing-allowed.html`);
    await page.frameLocator('#f').locator('body[data-ready="true"]').waitFor({ state: 'attached' });
    await page.evaluate((origin) => document.getElementById('f').contentWindow.postMessage({ type: 'junheng:load', text: '学校名称,学段,在校生数\n甲,小学,10\n' }, origin), frameOrigin);
    await page.waitForFunction(() => window.messages.some((m) => m.type === 'junheng:result' && m.data.result.errors.length > 0));
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    other.server.close();
  }
});

test('the engine\'s session survives a worker restart: a county picked and schools asked after a stop are answered', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url);
  const province = `县,${(await county(0)).trim()}\n${(await county(8)).trim().split('\n').slice(1).map((row, k) => `${k < 4 ? '东县' : '西县'},${row}`).join('\n')}\n`;
  const answers = await page.evaluate(async (text) => {
    const { Engine } = await import('/src/engine/engine.js');
    const engine = new Engine();
    const options = { standard: 'quality2017', lang: 'zh', profile: await (await fetch('/profiles/national.json')).json(), answers: {}, mapping: {} };
    const first = await engine.evaluate(text, options, '');
    // A second evaluation stopped while it runs: the worker is restarted.
    const stopped = engine.evaluate(text.replace('东县', '北县'), options, '');
    engine.cancel();
    await stopped;
    const picked = await engine.call('pickCounty', '西县');
    const schools = await engine.call('schools', 'primary', 0, 10);
    return { counties: first.province.length, picked: picked?.county ?? null, schools: schools?.length ?? null };
  }, province);
  assert.ok(answers.counties >= 2);
  assert.equal(answers.picked, '西县', 'the county is picked from the replayed session');
  assert.ok(answers.schools > 0, 'the schools of the replayed session');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a header in 万元 is converted, said in the review, and the split table shows 元 under its own name', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url);
  const [header, ...rows] = (await ownCounty(29)).trim().split('\n');
  const at = header.split(',').indexOf('教学仪器设备值');
  const text = [header.replace('教学仪器设备值', '教学仪器设备值（万元）'),
    ...rows.map((row) => row.split(',').map((cell, i) => (i === at && cell ? String(Number(cell) / 10000) : cell)).join(','))].join('\n');
  const plain = [header, ...rows].join('\n');
  await page.click('#tab-text');
  await page.fill('[data-testid="paste-input"]', plain);
  await settled(page);
  const splitValues = () => page.$$eval('table.splits tr', (trs) => trs.filter((tr) => /教学仪器设备值/.test(tr.querySelector('th')?.textContent ?? ''))
    .map((tr) => [tr.querySelector('th').textContent.trim(), [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())]));
  const asYuan = await splitValues();
  await page.fill('[data-testid="paste-input"]', text);
  await settled(page);
  const fromWan = await splitValues();
  assert.ok(fromWan.length >= 1, 'the mixed school\'s split shows the equipment value');
  assert.deepEqual(fromWan, asYuan, 'the same figures as the table written in 元');
  assert.ok(fromWan.every(([name]) => name === '教学仪器设备值（元）'), JSON.stringify(fromWan));
  assert.match(await page.textContent(`[data-testid="converted-${at}"]`), /已换算为元：×10,?000/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a row with mistakes leaves the others evaluated as provisional figures: no verdict, the mistakes listed and linked', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url);
  await page.click('#tab-text');
  await page.fill('[data-testid="paste-input"]', await ownCounty(29));
  await settled(page);
  const cvs = () => page.$$eval('[data-testid^="cv-primary-"]', (cells) => cells.map((c) => c.dataset.value));
  const before = await cvs();
  await page.click('#tab-table');
  await page.click('#add-row');
  const row = await page.evaluate(() => Math.max(...[...calc.querySelectorAll('#editor input[data-r]')].map((i) => Number(i.dataset.r))));
  await page.locator(`#editor input[data-r="${row}"][data-c="0"]`).fill('新建学校');
  await settled(page);
  // The figures stand (the new row is left out of them), the verdict is withheld in words.
  assert.deepEqual(await cvs(), before);
  assert.equal(await page.getAttribute('[data-testid="verdict-primary"]', 'data-provisional'), 'true');
  assert.match(await page.textContent('[data-testid="verdict-primary"]'), /数据有误，结论待定/);
  assert.equal(await page.locator('[data-testid="verdict-overall"]').count(), 0, 'no overall verdict');
  assert.equal(await page.locator('.verdict.pass').count(), 0, 'nothing passes');
  assert.match(await page.textContent('#problems'), /第31行/);
  assert.ok(await page.locator('#problems [data-jump-row="31"]').count() > 0, 'each mistake leads to its cell');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file far too wide, or with a quote never closed, is refused at its row at once; the data stays', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url);
  const before = JSON.parse(await stored(page)).state.text;
  const header = (await county(0)).trim();
  const wide = `${header},${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\n`;
  const unclosed = `${header}\n"${(await ownCounty(29)).trim().split('\n').slice(1).join('\n').repeat(2000)}`;
  for (const [name, text, reason] of [['wide.csv', wide, /第1行：这一行超过 2,?000 列/], ['unclosed.csv', unclosed, /第2行：这一行有单元格超过 1,?048,?576 个字符/]]) {
    const started = Date.now();
    await page.setInputFiles('[data-testid="data-file"]', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page.waitForFunction((n) => calc.querySelector('[data-testid="notice-file"]')?.textContent.includes(n), name);
    assert.match(await page.textContent('[data-testid="notice-file"]'), reason);
    assert.ok(Date.now() - started < 15_000, `${name}: answered in ${Date.now() - started} ms`);
    assert.equal(JSON.parse(await stored(page)).state.text, before, 'the data stays');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file past 200 MB is refused by its size before it is read; the data stays', async () => {
  const { page, context, errors } = await openPage(env.browser, env.url);
  const before = JSON.parse(await stored(page)).state.text;
  const refusal = await page.evaluate(async () => {
    const huge = new Blob([new Uint8Array(201 * 1024 * 1024)], { type: 'text/csv' });
    return document.querySelector('junheng-calculator').load(huge).then(() => 'opened', (error) => String(error.message));
  });
  assert.match(refusal, /文件超过 200 MB/);
  assert.equal(JSON.parse(await stored(page)).state.text, before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a frame sandboxed without allow-same-origin says in words that the calculator cannot run there', async () => {
  const context = await env.browser.newContext();
  const { page } = await watch(context);
  await page.route('**/sandboxed.html', (route) => route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': CSP },
    body: `<!doctype html><meta charset="utf-8"><title>host</title><iframe id="f" title="calculator" sandbox="allow-scripts" src="${env.url}index.html?embed=1"></iframe>` }));
  await page.goto(`${env.url}sandboxed.html`);
  // Its modules cannot load from an opaque origin: the page's own words, without any script.
  const message = page.frameLocator('#f').locator('.not-started');
  await message.waitFor({ state: 'visible', timeout: 20_000 });
  assert.match(await message.textContent(), /嵌在其他网站的页面里.*直接打开计算器本身的网址/);
  await context.close();
});

test('an engine that cannot start is said in words that name what can help, not "refresh"', async () => {
  const context = await env.browser.newContext();
  const { page } = await watch(context);
  await context.route('**/engine-worker.js', (route) => route.abort());
  await page.goto(env.url);
  await page.waitForSelector('[data-testid="not-started"]', { timeout: 20_000 });
  const words = await page.textContent('[data-testid="not-started"]');
  assert.match(words, /计算器无法在这里运行.*直接打开计算器本身的网址/);
  assert.doesNotMatch(words, /刷新/);
  await context.close();
});
