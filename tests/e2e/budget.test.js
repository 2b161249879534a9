// The first visit's bytes: every HTML, CSS, JavaScript and wasm file the calculator fetches
// until its first result, gzipped as a server would send them, against the budget in
// docs/PERFORMANCE.md. `./build.sh test` fails when the page grows past it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { useBrowser, ROOT } from './harness.js';

/** Bytes, gzipped. The goal of issue 9 is 120 000; this is a ceiling 2 % above where the
 * page stood at the end of issue 9 (245 029; docs/PERFORMANCE.md has the gap and what would
 * close it). Lower it as the page shrinks; never raise it without saying why there. */
export const FIRST_LOAD_BUDGET = 250_000;

const env = useBrowser();

test('the first visit fetches no more than its byte budget (HTML, CSS, JS and wasm, gzipped)', async () => {
  const context = await env.browser.newContext();
  const paths = new Set();
  // The worker's fetches (its module and the wasm) are the context's requests too.
  context.on('request', (request) => paths.add(new URL(request.url()).pathname));
  const page = await context.newPage();
  await page.goto(env.url);
  await page.waitForSelector('[data-testid="verdict-overall"]');
  const counted = [...paths].map((p) => (p.endsWith('/') ? `${p}index.html` : p)).filter((p) => /\.(html|css|js|wasm)$/.test(p));
  const sizes = await Promise.all(counted.map(async (p) => [p, gzipSync(await readFile(join(ROOT, 'www', p)), { level: 9 }).length]));
  const total = sizes.reduce((sum, [, size]) => sum + size, 0);
  console.log(`first load: ${total} bytes gzipped in ${sizes.length} files (budget ${FIRST_LOAD_BUDGET})`);
  for (const [p, size] of sizes.sort((a, b) => b[1] - a[1])) console.log(`  ${String(size).padStart(7)}  ${p}`);
  assert.ok(sizes.some(([p]) => p.endsWith('.wasm')), 'the wasm is counted');
  assert.ok(sizes.some(([p]) => p.endsWith('engine-worker.js')), "the worker's module is counted");
  assert.ok(total <= FIRST_LOAD_BUDGET, `first load ${total} B gzipped is over its budget of ${FIRST_LOAD_BUDGET} B`);
  await context.close();
});
