// Shared by the page tests and the browser benchmark: a static server for www/ on a free
// loopback port, and Debian's Chromium driven by playwright-core (no browser download).

import { createServer } from 'node:http';
import { before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildSite } from '../../tools/site.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The page's own modules: every .js under www/ but the wasm's glue (pkg/), by path from www/. */
export async function pageModules() {
  const files = await readdir(WWW, { recursive: true });
  return files.filter((f) => f.endsWith('.js') && !f.startsWith('pkg/')).sort();
}

export const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
const WWW = join(ROOT, 'www');
/** What the server serves: site/, www/ as it ships (tools/site.mjs), made once per test
 * process from the sources as they are now. */
let site = null;
export const SITE = () => (site ??= buildSite());
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.csv': 'text/csv; charset=utf-8', '.json': 'application/json' };

/** The policy a strict government host sets: the page must work under it, with no violation. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'";

/** Every Content-Security-Policy violation and every sign of injected script, across the
 * pages a test file opens; each test must end with none. */
export const violations = [];

export async function startServer() {
  const root = await SITE();
  const server = createServer(async (req, res) => {
    try {
      const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
      // /src/: www/ itself, one file per module, for a test that imports one of them (site/
      // has them bundled: a module's code is in a chunk of its importers).
      const [from, file] = path.startsWith('/src/') ? [WWW, path.slice('/src'.length)] : [root, path];
      const body = await readFile(join(from, file.endsWith('/') ? `${file}index.html` : file));
      res.writeHead(200, { 'content-type': TYPES[extname(path) || '.html'] ?? 'application/octet-stream', 'content-security-policy': CSP });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // Host pages served by a test's route have no address, so Chromium's Local Network
      // Access checks take them for public sites framing a loopback one (real sites are
      // public on both sides).
      '--disable-features=LocalNetworkAccessChecks'],
  });
}

/** Watches a new page of `context`: page errors and console errors into `errors`, every CSP
 * violation and injected script into `violations`, every request's URL into `requests`,
 * and every calculator's `result` event into `window.results` (as `{ id, detail }`). */
export async function watch(context) {
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
    if (/Content Security Policy|__pwned/.test(message.text())) violations.push(message.text());
  });
  context.on('request', (request) => requests.push(request.url()));
  // A violation event, and a trap that any injected script would spring.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`));
    Object.defineProperty(window, '__pwned', { set: () => console.error('__pwned: injected script ran') });
    // The calculator draws into its shadow root: tests query it as `calc` (the document when
    // a page has no calculator).
    Object.defineProperty(window, 'calc', { get: () => document.querySelector('junheng-calculator')?.shadowRoot ?? document });
    // Captured on the way down, so that no listener on the element is needed.
    window.results = [];
    document.addEventListener('result', (e) => window.results.push({ id: /** @type {HTMLElement} */ (e.target).id, detail: /** @type {CustomEvent} */ (e).detail }), true);
  });
  return { page, errors, requests };
}

/** A fresh page (empty storage) that has finished loading the calculator. */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const { page, errors, requests } = await watch(context);
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  await settled(page);
  return { page, context, errors, requests };
}

/** A host page in a fresh context, once every calculator on it has shown its first result;
 * `init` runs in it before the page's own scripts. */
export async function openHost(browser, url, { init = undefined, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, ...options });
  if (init) await context.addInitScript(init);
  const { page, errors, requests } = await watch(context);
  await page.goto(url);
  await page.waitForFunction(() => [...document.querySelectorAll('junheng-calculator')].every((c) =>
    c.dataset.ready === 'true' && c.shadowRoot.getElementById('results').getAttribute('aria-busy') === 'false'));
  return { page, context, errors, requests };
}

/** The requests that went anywhere but `origin`'s own files (data: and blob: are in-page). */
export const foreign = (requests, origin) => requests.filter((u) => !u.startsWith(origin) && !/^(data|blob):/.test(u));

/** Waits until the results show the latest data: the engine evaluates in a worker, and
 * the results are aria-busy until its answer is drawn. */
export async function settled(page, timeout = 30_000) {
  await page.waitForSelector('#results[aria-busy="false"]', { state: 'attached', timeout });
}

/** The demo county repeated to `schools` rows as CSV text, names made unique; `edit(line,
 * cells)` may change a data line (numbered as the file numbers it). */
export async function county(schools, edit = () => {}) {
  const [header, ...rows] = (await readFile(join(WWW, 'demo/demo-county.csv'), 'utf8')).replace(/^\ufeff/, '').trim().split('\n');
  const lines = [header];
  for (let i = 0; i < schools; i++) {
    const cells = `${Math.floor(i / rows.length)}${rows[i % rows.length]}`.split(',');
    edit(i + 2, cells);
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

/** A province's file: the demo county's rows under each of `counties`, a 县 column first;
 * `edit(county, k, cells)` gives the cells of the county's row `k` (as they are by default). */
export async function provinceOf(counties, edit = (county, k, cells) => cells) {
  const [header, ...rows] = (await readFile(join(WWW, 'demo/demo-county.csv'), 'utf8')).trim().split('\n');
  const lines = [`县,${header}`];
  for (const county of counties) rows.forEach((row, k) => lines.push(`${county},${edit(county, k, row.split(',')).join(',')}`));
  return lines.join('\n') + '\n';
}

/** Waits until the file `name` is opened (the undo notice names it) or refused (the file
 * notice does), and its result is drawn. */
export async function opened(page, name, timeout = 30_000) {
  const named = (n) => [...calc.querySelectorAll('[data-testid="notice-undo"], [data-testid="notice-file"]')].some((el) => el.textContent.includes(n));
  await page.waitForFunction(named, name, { timeout });
  await settled(page, timeout);
}

/** Opens CSV `text` as the file `name` through the file picker, until its result shows. */
export async function openCsv(page, name, text, timeout = 30_000) {
  await page.setInputFiles('[data-testid="data-file"]', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await opened(page, name, timeout);
}

/** Every HTML, CSS, JavaScript and wasm file a first visit fetches until its first result
 * (the worker's included: its fetches are the context's requests too), each as
 * `[path, bytes gzipped]`. */
export async function firstLoad(browser, url) {
  const context = await browser.newContext();
  const paths = new Set();
  // Until the first result: the calculator's first `result` event (dispatched once its
  // results are drawn) is told at once, before anything fetched after it is asked for.
  let drawn = false;
  context.on('request', (request) => drawn || paths.add(new URL(request.url()).pathname));
  await context.exposeBinding('firstResultDrawn', () => { drawn = true; });
  await context.addInitScript(() => {
    document.addEventListener('result', () => /** @type {any} */ (window).firstResultDrawn(), { once: true, capture: true });
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-testid="verdict-overall"]');
  await page.waitForFunction(() => true);
  await context.close();
  const files = [...paths].map((p) => (p.endsWith('/') ? `${p}index.html` : p)).filter((p) => /\.(html|css|js|wasm)$/.test(p));
  const root = await SITE();
  return Promise.all(files.map(async (p) => [p, gzipSync(await readFile(join(root, p)), { level: 9 }).length]));
}

/** For a test file: one server and one browser, started before its tests and closed after. */
export function useBrowser() {
  const env = {};
  before(async () => {
    Object.assign(env, await startServer());
    env.browser = await launch();
    await mkdir(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  afterEach(() => {
    const seen = violations.splice(0);
    assert.deepEqual(seen, [], 'no CSP violation and no injected script');
  });
  return env;
}

/** The student-weighted CV of SPEC §1, written here independently of the core. */
export function weightedCv(students, resources) {
  const P = students.reduce((a, b) => a + b, 0);
  const X = resources.reduce((a, b) => a + b, 0) / P;
  const S = Math.sqrt(students.reduce((s, p, i) => s + (p / P) * (resources[i] / p - X) ** 2, 0));
  return S / X;
}

/** Every text a reader sees or hears (run in the page): the text of the page around the
 * calculator and of its shadow root, and every label, title and placeholder; not what is
 * marked as the user's (bdi.user), nor the language buttons, each named in its own language. */
export const visibleTexts = () => {
  const out = [];
  for (const top of [document.body, calc]) {
    const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('bdi.user, #lang-toggle, #lang-script, script, style, textarea')) continue;
      if (node.textContent.trim()) out.push(node.textContent.trim());
    }
  }
  const labelled = '[aria-label], [title], [placeholder]';
  for (const el of [...document.querySelectorAll(labelled), ...calc.querySelectorAll(labelled)]) {
    if (el.closest('#lang-toggle, #lang-script') || el.matches('.cell')) continue;
    for (const name of ['aria-label', 'title', 'placeholder']) if (el.getAttribute(name)) out.push(el.getAttribute(name));
  }
  return out;
};

/** The demo county's own Chinese words (its cells, its answers' comments), longest first:
 * what `withoutUserTexts` takes out of a page's texts. */
export async function demoUserTexts() {
  const demo = await readFile(join(WWW, 'demo/demo-county.csv'), 'utf8');
  const answers = JSON.parse(await readFile(join(WWW, 'demo/demo-answers.json'), 'utf8'));
  return [...demo.split(/[,\n]/), ...Object.values(answers.items ?? {}).map((a) => a.comment ?? '')]
    .filter((s) => /\p{Script=Han}/u.test(s)).sort((a, b) => b.length - a.length);
}

/** `text` without any of the user's words in `userTexts` (longest first). */
export const withoutUserTexts = (text, userTexts) => userTexts.reduce((rest, u) => rest.split(u).join(''), text);
