// The first visit's bytes: every HTML, CSS, JavaScript and wasm file the calculator fetches
// until its first result, gzipped as a server would send them, against the budget in
// docs/PERFORMANCE.md. `./build.sh test` fails when the page grows past it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, firstLoad, SITE } from './harness.js';

/** Bytes, gzipped. The goal of issue 9 is 120 000; this is a ceiling just above where the
 * page stands: 153 732 with a record's cells in one buffer (read/record.rs: one `String`
 * per record rather than per cell, −0.2 KB of the first wasm; each cell trimmed once, −31 B). Before: 153 957 with the
 * page's modules bundled (tools/site.mjs: 10 files fetched rather than 32, −7.9 KB). Before: 161 893 with the first wasm's options read without serde's machinery
 * (junheng::options, −10.3 KB of wasm). Before: 172 357 with the first wasm in 简体中文 alone (the core's English and 繁體中文
 * in a first module of their own, which a page in either loads instead: −9.5 KB) and no
 * national profile in it (the page fetches www/profiles/national.json with the answer forms,
 * after the first result: −1.0 KB). Before: 182 947 with the rows of a long table measured after their frame (+58 B;
 * 01fc9fe stood at 183 004), paid for by a dropped edit evaluated again rather than a
 * function of its own. Before: 182 946 with a school's duplicates found in a map per level of the same
 * type as the other name maps (one copy of the hashing's code), which paid for a level's
 * groupings found once (+0.3 KB; the commit that made them, f9154ae, stood at 183 335 over
 * the ceiling) and an edit kept when the table's tab is clicked (+0.15 KB). Before: 182 995
 * with the local allowances' rules out of the first wasm (the national profile has none:
 * −1.3 KB). Before: 184 583 with a profile's checks and their words out of the first wasm (only
 * builds that read users' profiles check one: −4.6 KB), which paid for a bound on a
 * profile's items (+0.3 KB). Before: 189 211 with the words of saving gone wrong loaded when needed (−443 B),
 * which paid for the variance's groups hashed and the answers' maps read within a bound
 * (+335 B, a review's fix of a quadratic worst case; the commit that made it, 9f47a7e,
 * stood at 189 654 over the ceiling of then). Before: 189 319 with the answers' maps and set, a profile's words and the
 * variance's groups in vectors kept in order (keyed.rs) rather than B-tree maps (−9.0 KB of
 * the first wasm). Before: 198 334 with a problem's arguments in a vector rather than a B-tree map
 * (−2.3 KB of the first wasm) and the options' standard and language read by their ids
 * (−0.36 KB), and the results made busy at an edit's first moment (+15 B). Before:
 * 200 199 with its three labels written once too (−53 B), which paid for a
 * change whose text was still being made dropped when other data was loaded (+13 B).
 * Before: 200 239 with the calculator's words written once, in the catalogue and no
 * longer in its markup too (−704 B), which paid for the grid's text patched at each change
 * rather than made again (+180 B: lib/tasks.js on the first load, the editor's text made
 * in tasks). Before: 200 758 with the answer forms' strings in a catalogue of their own, added
 * after the first result (−562 B), which paid for a file decoded in the worker with its text
 * crossing once (+36 B) and the report's notes drawn in a task of their own (+108 B).
 * Before: 201 191 with the rows' vectors made at their size (−20 B). Before: 201 200
 * with each column of a row found by its slot (+0.1 KB: an evaluation
 * 10 % faster), paid for by `pickCounty` in the second module only. Before: 201 220 with a caller's bad JSON said by its kind and place, without
 * serde_json's wording (−1.3 KB). Before: 202 661 with headers lowercased as ASCII (the Unicode case tables out of the
 * first wasm, −3.2 KB), less the template's names read once (+0.2 KB). Before: 205 675 with the answers set aside without B-tree removal (−2.2 KB of wasm),
 * less the summary's lists cut to what the page lists, with their lengths (+0.45 KB).
 * Before: 207 698 with the table editor's cells packed (lib/grid.js and the worker's
 * packing, +0.9 KB; a state too large for any browser's storage refused unwritten, +0.1 KB),
 * paid for by three sorts' code out of the first wasm (−4.2 KB). Before: 211 604 with a
 * result's levels in fixed slots too (−3.0 KB). Before: 214 634
 * with a school's values in fixed slots (no map per school: −4.1 KB).
 * Before: 218 737 with no profile's reader in the first wasm module (a profile of the
 * user's, a hand mapping and provinces are the second's: −20.5 KB). Before: 239 250 with edits drawn in place (html.js `morph`, +0.5 KB: an edit at 1 000
 * schools paints its CV in half the time), paid for by the answer forms' styles linked with
 * their view (styles/answers.css) and the words of how a file was read moved to i18n-extra.js
 * with views/review.js (−0.5 KB); the demo's table fetched once. Before: 239 262 with two
 * years compared (对比往年数据: its button and wiring, the
 * core's school code column and its words, +0.8 KB), paid for by the answer forms' view
 * loaded once the first result is drawn (views/answers.js; their state in lib/answers.js),
 * −2.0 KB. Before: 240 491 with the editor under the header row the reader found (+0.2 KB),
 * paid for by the demo's review of its file drawn only when opened (views/review.js no
 * longer on the first load, −0.9 KB). Before: 241 220 with the first steps beside the demo's notice and in place of an
 * empty table, and answers brought to where the user acted (+0.7 KB), paid for by the
 * calculator's print rules linked when the browser is idle after the first result
 * (styles/print.css, −0.4 KB) and site/'s pages without comments or indentation (−0.2 KB);
 * measured until the first result is drawn (the page says when). Before: 241 221 once the
 * page is served as site/ (tools/site.mjs: every module
 * without comments or spaces, −30.4 KB), with the browser floor's costs in it (the wasm for
 * Safari 15.0, +0.5 KB; the start without top-level await, the words naming the browsers
 * that work, +0.5 KB). Before: 270 633 after the workbook module (+0.2 KB on the first load, for loading
 * it and the rules' race), paid for by the modules built without Debug formatting and panic
 * locations (−3.3 KB). Before: 273 401 after issue 22's running title for print (+157 B), paid for by the
 * not-started notice in a clerk's words (−162 B). Before: 274 074 after issue 20's first part (every way in checked, +6.2 KB;
 * provisional results while rows are wrong and the table's shape checked before it is held,
 * +2.6 KB; which items rest on an answer, in the core's result, +0.4 KB; files over 200 MB
 * refused by their size, +0.2 KB; an engine that cannot start said in words, +0.5 KB;
 * paid for by the saved state's check folded into storage.js, −0.4 KB, by building the
 * shipped wasm with panic=immediate-abort and without the panic hook, −11.9 KB, and by
 * loading project, profile and share-link code on demand, −1.4 KB; docs/PERFORMANCE.md).
 * Before: 276 761 after
 * issues 12 and 13 (繁體中文, which the core writes itself,
 * +3.1 KB; the step bar and the printed report's summary and answers, +2.2 KB, less 0.8 KB
 * from wasm-opt --converge; the indoor sports rooms' move, the county column's detection and
 * the province picker's wiring, +5.6 KB, the province's evaluation itself being in the second
 * module; the 隶属关系 column and its scope option, +0.9 KB; the work rules' allowances, +5.4
 * KB, 2.9 KB of it reading them from a profile; attached classes (附设班), +0.7 KB;
 * docs/PERFORMANCE.md has the history, the gap and what would close it). Lower it as the page
 * shrinks; never raise it without saying why there. */
export const FIRST_LOAD_BUDGET = 153_740;

const env = useBrowser();

test('the first visit fetches no more than its byte budget (HTML, CSS, JS and wasm, gzipped)', async () => {
  const sizes = await firstLoad(env.browser, env.url);
  const total = sizes.reduce((sum, [, size]) => sum + size, 0);
  console.log(`first load: ${total} bytes gzipped in ${sizes.length} files (budget ${FIRST_LOAD_BUDGET})`);
  for (const [p, size] of sizes.sort((a, b) => b[1] - a[1])) console.log(`  ${String(size).padStart(7)}  ${p}`);
  assert.ok(sizes.some(([p]) => p.endsWith('.wasm')), 'the wasm is counted');
  assert.ok(sizes.some(([p]) => p.endsWith('engine-worker.js')), "the worker's module is counted");
  assert.ok(total <= FIRST_LOAD_BUDGET, `first load ${total} B gzipped is over its budget of ${FIRST_LOAD_BUDGET} B`);
});

test('the page preloads every module its first visit fetches, and no other (the bundle made by tools/site.mjs)', async () => {
  const fetched = (await firstLoad(env.browser, env.url)).map(([p]) => p.slice(1)).filter((p) => p.endsWith('.js'));
  const page = await readFile(join(await SITE(), 'index.html'), 'utf8');
  const preloaded = [...page.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
  // The page's script itself, the worker's module and the wasm's glue are fetched otherwise.
  const others = fetched.filter((p) => p !== 'index.js' && p !== 'engine/engine-worker.js' && !p.startsWith('pkg/'));
  assert.deepEqual([...others].sort(), [...preloaded].sort());
  assert.ok(preloaded.some((p) => p.startsWith('chunks/')), 'the modules are bundled');
});

test('a first visit loads the first module of its language: 简体中文 alone, or the one with English and 繁體中文', async () => {
  for (const [query, wanted] of [['', 'junheng_bg.wasm'], ['?lang=en', 'junheng-languages_bg.wasm'], ['?lang=zh-Hant', 'junheng-languages_bg.wasm']]) {
    const sizes = await firstLoad(env.browser, env.url + query);
    const total = sizes.reduce((sum, [, size]) => sum + size, 0);
    console.log(`first load ${query || '(简体中文)'}: ${total} bytes gzipped in ${sizes.length} files`);
    const wasm = sizes.map(([p]) => p).filter((p) => p.endsWith('.wasm'));
    assert.deepEqual(wasm, [`/pkg/${wanted}`], `${query}: one first module, its language's`);
  }
});
