// The engine's one list of calls (engine-worker.js `calls`) against the wasm modules' exports
// and their declarations (junheng.d.ts, which types `Engine.call` through the worker): a test
// fails when any of the three differs from the others, or when a view names a call.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, pageModules } from './harness.js';

const WWW = join(ROOT, 'www');
const read = (path) => readFile(join(WWW, path), 'utf8');
const names = (text, pattern) => new Set([...text.matchAll(pattern)].map((m) => m[1]));
const sorted = (set) => [...set].sort();

/** The calls the worker answers: the keys of its `calls` object. */
async function workerCalls() {
  const source = await read('engine/engine-worker.js');
  const body = source.slice(source.indexOf('export const calls = {'), source.indexOf('\n};\n'));
  return { source, calls: names(body, /^ {2}(?:async )?(\w+)(?:: |\()/gm) };
}

test('the wasm modules export exactly what junheng.d.ts declares', async () => {
  const declared = names(await read('junheng.d.ts'), /^export function (\w+)\(/gm);
  const exported = new Set();
  for (const module of ['pkg/junheng.js', 'pkg/junheng-languages.js', 'pkg/junheng-extra.js', 'pkg/junheng-workbook.js']) {
    for (const name of names(await read(module), /^export function (\w+)\(/gm)) exported.add(name);
  }
  assert.ok(declared.size > 15, `${declared.size} declarations read`);
  assert.deepEqual(sorted(exported), sorted(declared));
});

test('the worker calls only declared wasm functions, and every declared one is called', async () => {
  const declared = names(await read('junheng.d.ts'), /^export function (\w+)\(/gm);
  const { source } = await workerCalls();
  // core.f(…), current.f(…), module.f(…), (await extraCore()).f(…), (await coreFor(…)).f(…)
  const used = names(source, /(?:\bcore|\bcurrent|\bmodule|\)\))\.(\w+)\(/g);
  assert.deepEqual(sorted([...used].filter((n) => !declared.has(n))), [], 'called but not declared');
  assert.deepEqual(sorted([...declared].filter((n) => !used.has(n))), [], 'declared but never called');
});

test('the page asks only for the worker\'s calls, and every call is asked for', async () => {
  const { calls } = await workerCalls();
  assert.ok(calls.size > 15, `${calls.size} calls read`);
  const files = (await pageModules()).filter((f) => f !== 'engine/engine-worker.js');
  const asked = new Set();
  for (const file of files) {
    const source = await read(file);
    for (const name of names(source, /\.call\('(\w+)'/g)) asked.add(name);
    for (const name of names(source, /fn: '(\w+)'/g)) asked.add(name);
  }
  // evaluate() is the engine's own method for the latest-wins evaluation.
  asked.add('evaluate');
  assert.deepEqual(sorted([...asked].filter((n) => !calls.has(n))), [], 'asked for but not a call');
  assert.deepEqual(sorted([...calls].filter((n) => !asked.has(n))), [], 'a call nobody asks for');
});

test('views name no call of the engine: they are functions of the state, the result and the language', async () => {
  const views = (await pageModules()).filter((f) => f.startsWith('views/'));
  assert.ok(views.length >= 8, `${views.length} views read`);
  for (const view of [...views, 'io/export.js']) {
    const source = await read(view);
    assert.doesNotMatch(source, /\bengine\.\w+\(|\.call\('|from '\.\/engine/, `${view} names the engine`);
  }
});
