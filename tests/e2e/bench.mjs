// Browser benchmark (./build.sh bench), each figure beside a floor measured in the same run:
//   1. wasm evaluation (what the worker runs) against a JS split + Number() pass over the same
//      text, at 1 000, 20 000 and 200 000 rows;
//   2. one edit at 1 000 schools: input → next frame, and input → results painted;
//   3. a 200 000-row file: file → result, and the page thread's longest task;
//   4. first visit: navigation → first result, against a blank page that instantiates the wasm;
//   5. the first load's bytes (gzipped);
//   6. a nation's file (2 800 counties): the province's summary and one county picked.
// Medians of a few runs; ratios are the figures to compare across machines. Name parts on
// the command line to run only those: evaluation, edit, big-file, first-visit, first-load,
// province.

import { startServer, launch, openPage, county, openCsv, firstLoad } from './harness.js';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x, d = 1) => Number(x.toFixed(d));

const { server, url } = await startServer();
const browser = await launch();

async function evaluation() {
  const { page, context } = await openPage(browser, url);
  const rows = [];
  for (const n of [1_000, 20_000, 200_000]) {
    const runs = n === 200_000 ? 3 : 7;
    const times = await page.evaluate(async ({ text, runs }) => {
      const core = await import('./pkg/junheng.js');
      await core.default();
      const options = JSON.stringify({ standard: 'quality2017' });
      const time = (f) => { const s = performance.now(); f(); return performance.now() - s; };
      const out = { floor: [], summary: [], whole: [] };
      for (let i = 0; i < runs; i++) {
        out.floor.push(time(() => { let sum = 0; for (const line of text.split('\n')) for (const cell of line.split(',')) { const x = Number(cell); if (x === x) sum += x; } return sum; }));
        out.summary.push(time(() => JSON.parse(core.evaluateSummary(text, options, ''))));
        out.whole.push(time(() => JSON.parse(core.evaluate(text, options))));
      }
      return out;
    }, { text: await county(n), runs });
    const [floor, summary, whole] = [median(times.floor), median(times.summary), median(times.whole)];
    rows.push({ rows: n, floor_ms: round(floor), summary_ms: round(summary), whole_ms: round(whole), summary_x: round(summary / floor), whole_x: round(whole / floor) });
  }
  await context.close();
  return rows;
}

async function edit() {
  const { page, context } = await openPage(browser, url);
  await openCsv(page, 'k.csv', await county(1_000));
  await page.click('#tab-table');
  const results = [];
  for (let i = 0; i < 7; i++) {
    results.push(await page.evaluate((value) => new Promise((resolve) => {
      const input = /** @type {HTMLInputElement} */ (calc.querySelector('#editor input[data-r="1"][data-c="5"]'));
      const results = calc.querySelector('#results');
      const start = performance.now();
      let frame = 0;
      requestAnimationFrame(() => { frame = performance.now() - start; });
      new MutationObserver((_, observer) => {
        if (results.getAttribute('aria-busy') !== 'false') return;
        observer.disconnect();
        requestAnimationFrame(() => resolve({ frame, painted: performance.now() - start }));
      }).observe(results, { attributes: true, attributeFilter: ['aria-busy'] });
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }), String(2000 + i)));
  }
  await context.close();
  return { next_frame_ms: round(median(results.map((r) => r.frame))), painted_ms: round(median(results.map((r) => r.painted))) };
}

async function bigFile() {
  const { page, context } = await openPage(browser, url);
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
  });
  const text = await county(200_000);
  const start = Date.now();
  await openCsv(page, 'nation.csv', text, 600_000);
  const seconds = (Date.now() - start) / 1000;
  const long = await page.evaluate(() => window.__long);
  await context.close();
  return { file_to_result_s: round(seconds, 2), longest_task_ms: round(Math.max(0, ...long)), tasks_over_50ms: long.length };
}

async function firstVisit() {
  const firstResult = [], blank = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('[data-testid="verdict-overall"]');
    firstResult.push(await page.evaluate(() => performance.now()));
    // The floor: a page that only loads and instantiates the same wasm (served by a route,
    // so that its one inline script is allowed).
    await page.route('**/blank.html', (route) => route.fulfill({ contentType: 'text/html',
      body: '<!doctype html><script type="module">import init from "./pkg/junheng.js"; await init(); window.done = performance.now();</script>' }));
    await page.goto(`${url}blank.html`);
    await page.waitForFunction(() => window.done);
    blank.push(await page.evaluate(() => window.done));
    await context.close();
  }
  return { first_result_ms: round(median(firstResult)), blank_with_wasm_ms: round(median(blank)), ratio: round(median(firstResult) / median(blank)) };
}

/** A nation (2 800 counties of 71 rows: 198 800 rows with a county column) in the engine:
 * the province's summary (every county evaluated, their rows returned) and one county picked
 * afterwards, against the JS floor over the same text. */
async function province() {
  const { page, context } = await openPage(browser, url);
  const [header, ...rows] = (await county(71)).trim().split('\n');
  const lines = [`县,${header}`];
  for (let c = 0; c < 2800; c++) for (const row of rows) lines.push(`第${c}县,${row}`);
  const times = await page.evaluate(async (text) => {
    const core = await import('./pkg/junheng.js');
    await core.default();
    const options = JSON.stringify({ standard: 'quality2017' });
    const time = (f) => { const s = performance.now(); f(); return performance.now() - s; };
    const out = { floor: [], summary: [], pick: [] };
    for (let i = 0; i < 3; i++) {
      out.floor.push(time(() => { let sum = 0; for (const line of text.split('\n')) for (const cell of line.split(',')) { const x = Number(cell); if (x === x) sum += x; } return sum; }));
      out.summary.push(time(() => JSON.parse(core.evaluateSummary(text, options, ''))));
      out.pick.push(time(() => JSON.parse(core.pickCounty('第1400县'))));
    }
    return out;
  }, lines.join('\n') + '\n');
  await context.close();
  const [floor, summary, pick] = [median(times.floor), median(times.summary), median(times.pick)];
  return { rows: lines.length - 1, floor_ms: round(floor), summary_ms: round(summary), summary_x: round(summary / floor), pick_ms: round(pick) };
}

async function bytes() {
  const sizes = await firstLoad(browser, url);
  return { files: sizes.length, gzip_bytes: sizes.reduce((sum, [, size]) => sum + size, 0) };
}

/** Every part, or those named on the command line (`node bench.mjs edit first-visit`). */
const parts = {
  evaluation: ['wasm evaluation against the JS floor (quality2017; summary = what the page asks for)', evaluation],
  edit: ['one edit at 1 000 schools', edit],
  'big-file': ['a 200 000-row file in the page', bigFile],
  province: ['a nation: 2 800 counties in one file', province],
  'first-visit': ['first visit', firstVisit],
  'first-load': ['first load', bytes],
};
const chosen = process.argv.slice(2);
for (const [name, [title, run]] of Object.entries(parts)) {
  if (chosen.length && !chosen.includes(name)) continue;
  console.log(title);
  const result = await run();
  console.table(Array.isArray(result) ? result : [result]);
}
await browser.close();
server.close();
