// The page's shape, checked on every run as crates/core/tests/shape.rs checks the core's: its
// modules (every .js of www/ but the wasm's glue) import each other without a cycle; no
// module is over 400 lines and no function over 80; at most a dozen modules side by side in
// a folder; a view (views/) imports no other view, no engine, no storage and no part of the
// calculator, runs nothing when imported, and never compares a standard's name; and the
// page preloads exactly the modules the element imports. Read with a JavaScript parser (acorn).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { parse } from 'acorn';
import { full } from 'acorn-walk';
import { ROOT, pageModules } from './harness.js';

const WWW = join(ROOT, 'www');

/** Every module: its path from www/, its text and its syntax tree. */
const modules = await Promise.all((await pageModules()).map(async (path) => {
  const text = await readFile(join(WWW, path), 'utf8');
  return { path, text, tree: parse(text, { ecmaVersion: 'latest', sourceType: 'module', locations: true }) };
}));

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** A module's imports, by path from www/: `static` the import declarations, `all` with
 * `import()` too. */
function importsOf({ path, tree }) {
  const resolve = (spec) => posix.normalize(posix.join(posix.dirname(path), spec));
  const imports = { static: new Set(), all: new Set() };
  full(tree, (node) => {
    const spec = node.source?.value;
    if (typeof spec !== 'string' || !spec.startsWith('.')) return;
    if (node.type === 'ImportDeclaration' || node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') imports.static.add(resolve(spec));
    imports.all.add(resolve(spec));
  });
  return imports;
}

const graph = new Map(modules.map((m) => [m.path, importsOf(m)]));

test('the modules are read', () => {
  assert.ok(modules.length > 30, `${modules.length} modules`);
  assert.ok(graph.get('junheng-calculator.js').static.has('calculator/mount.js'), 'imports are resolved');
});

test('no module imports itself through others (no cycle, dynamic imports included)', () => {
  const done = new Set();
  const visit = (path, trail) => {
    if (trail.includes(path)) assert.fail(`a module cycle: ${[...trail.slice(trail.indexOf(path)), path].join(' → ')}`);
    if (done.has(path) || !graph.has(path)) return;
    for (const next of graph.get(path).all) visit(next, [...trail, path]);
    done.add(path);
  };
  for (const path of graph.keys()) visit(path, []);
});

test('no module over 400 lines, no function over 80', () => {
  const long = [];
  for (const { path, text, tree } of modules) {
    // The catalogues are data, one string a line.
    if (!path.startsWith('i18n/') && text.split('\n').length > 400) long.push(`${path}: ${text.split('\n').length} lines`);
    full(tree, (node) => {
      if (!FUNCTIONS.has(node.type)) return;
      const lines = node.loc.end.line - node.loc.start.line + 1;
      if (lines > 80) long.push(`${path}:${node.loc.start.line}: a function of ${lines} lines`);
    });
  }
  assert.deepEqual(long, []);
});

test('at most a dozen modules side by side in a folder', () => {
  const folders = new Map();
  for (const { path } of modules) folders.set(dirname(path), (folders.get(dirname(path)) ?? 0) + 1);
  assert.ok(folders.size >= 6, `${folders.size} folders`);
  assert.deepEqual([...folders].filter(([, count]) => count > 12), []);
});

test('views decide nothing: no other view, engine, storage or calculator, no effect on import, no standard named', () => {
  const views = modules.filter((m) => m.path.startsWith('views/'));
  assert.ok(views.length >= 10, `${views.length} views`);
  for (const view of views) {
    const named = [...graph.get(view.path).all].filter((p) => /^(views|engine|calculator)\//.test(p) || p === 'io/storage.js' || p === 'io/documents.js');
    assert.deepEqual(named, [], `${view.path} imports these`);
    assert.doesNotMatch(view.text, /[=!]==?\s*['"](basic2012|quality2017)['"]|['"](basic2012|quality2017)['"]\s*[=!]==?/, `${view.path} compares a standard's name`);
    // What runs on import: only declarations (functions, constants made of literals and functions).
    for (const statement of view.tree.body) {
      assert.notEqual(statement.type, 'ExpressionStatement', `${view.path}:${statement.loc.start.line} runs a statement when imported`);
    }
  }
});

test('the page preloads exactly the modules the element imports', async () => {
  const closure = new Set();
  const visit = (path) => {
    if (closure.has(path)) return;
    closure.add(path);
    for (const next of graph.get(path).static) visit(next);
  };
  visit('junheng-calculator.js');
  const page = await readFile(join(WWW, 'index.html'), 'utf8');
  const preloaded = [...page.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
  assert.deepEqual([...preloaded].sort(), [...closure].sort());
});
