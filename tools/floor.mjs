// The browser floor, measured: every JavaScript built-in, Web API and syntax the page's code
// (www/**/*.js, the wasm glue included) uses, each looked up in MDN's browser-compat-data
// (npm), and the wasm features build.sh enables, against the floor the README states:
// Chrome/Edge 87, Firefox 115, Safari and iPadOS 15. Uses above it are listed; `--check`
// (./build.sh test) fails on any that is not guarded: tested for before use, with what
// happens where it is missing written beside it below.
//
//     node tools/floor.mjs [--check]

import { createRequire } from 'node:module';
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(join(ROOT, 'tests/e2e/package.json'));
const bcd = require('@mdn/browser-compat-data');
const acorn = require('acorn');
const walk = require('acorn-walk');

export const FLOOR = { chrome: 87, firefox: 115, safari: 15, safari_ios: 15 };

/** Uses above the floor that the code tests for first, and what happens without them. */
const GUARDED = {
  'api.HTMLElement.inert': 'the page behind a dialog or the busy results: without it they stay focusable, nothing breaks',
  'api.Location.ancestorOrigins': "embed.js: read with ?., the referrer's origin where it is missing",
  'api.Element.checkVisibility': 'tests only',
  'api.CompressionStream': "share links: hasRawDeflate() tests it; without it the workbook module's raw deflate makes the same link",
  'api.DecompressionStream': "share links: hasRawDeflate() tests it; without it the workbook module's inflate reads the link",
};

/** A BCD version as a number: "≤37" → 37, true → 0, false / null / "preview" → Infinity. */
function version(value) {
  if (value === true) return 0;
  if (typeof value !== 'string') return Infinity;
  const number = parseFloat(value.replace('≤', ''));
  return Number.isNaN(number) ? Infinity : number;
}

/** The first version of `browser` that supports a feature, unflagged and unprefixed
 * (partial implementations count, the ones a fuller one replaced too: what this page asks of
 * them they do; the notes were read for the few it uses). */
function firstVersion(compat, browser) {
  const entries = [].concat(compat?.support?.[browser] ?? []);
  const usable = entries.filter((e) => !e.flags && !e.prefix && !e.alternative_name);
  return Math.min(Infinity, ...usable.map((e) => version(e.version_added)));
}

const versions = (compat) => Object.fromEntries(Object.keys(FLOOR).map((b) => [b, firstVersion(compat, b)]));
const above = (v) => Object.keys(FLOOR).filter((b) => v[b] > FLOOR[b]);

/** Names to BCD features: globals (api.X, javascript.builtins.X) and members (X.name), each
 * name with every feature that has it; a member is judged by its oldest bearer, so that
 * `.add` of a new interface does not flag Set's. */
function indexes() {
  const globals = new Map();
  const members = new Map();
  const add = (map, name, path, compat) => {
    if (!compat) return;
    if (!map.has(name)) map.set(name, []);
    map.get(name).push({ path, versions: versions(compat) });
  };
  for (const [area, tree] of [['api', bcd.api], ['javascript.builtins', bcd.javascript.builtins]]) {
    for (const [name, feature] of Object.entries(tree)) {
      add(globals, name, `${area}.${name}`, feature.__compat);
      for (const [member, sub] of Object.entries(feature)) {
        if (member === '__compat') continue;
        add(members, member.replace(/_static$/, ''), `${area}.${name}.${member}`, sub.__compat);
        // Namespaces' classes: Intl.NumberFormat's format.
        if (name === 'Intl') for (const [inner, deeper] of Object.entries(sub)) add(members, inner, `${area}.Intl.${member}.${inner}`, deeper.__compat);
      }
    }
  }
  return { globals, members };
}

/** Of the features bearing a name, the one the code most likely means: any within the floor
 * (then nothing to report), else the one the fewest browsers lack. */
function likeliest(candidates) {
  return candidates.reduce((best, c) => (above(c.versions).length < above(best.versions).length ? c : best));
}

/** The names the page's own objects have (object keys, class members, the core's result
 * fields in www/types): a member of those is no built-in's. */
async function ownNames(www, files) {
  const names = new Set();
  for (const file of files.filter((f) => !f.startsWith('pkg/'))) {
    const ast = acorn.parse(await readFile(join(www, file), 'utf8'), { ecmaVersion: 'latest', sourceType: 'module' });
    walk.full(ast, (node) => {
      const key = (node.type === 'Property' || node.type === 'MethodDefinition' || node.type === 'PropertyDefinition') && node.key;
      if (key?.type === 'Identifier') names.add(key.name);
      if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && node.left.object.type === 'ThisExpression') names.add(node.left.property.name);
    });
  }
  for (const file of (await readdir(join(www, 'types'))).map((f) => join(www, 'types', f)).concat(join(www, 'junheng.d.ts'))) {
    for (const [, name] of (await readFile(file, 'utf8')).matchAll(/(?:^|[{,])\s*(?:readonly )?(\w+)\??:/gm)) names.add(name);
  }
  return names;
}

const SYNTAX = {
  ChainExpression: 'javascript.operators.optional_chaining',
  StaticBlock: 'javascript.classes.static_initialization_blocks',
  ImportExpression: 'javascript.operators.import',
};
const compatAt = (path) => path.split('.').reduce((o, k) => o?.[k], bcd)?.__compat;

/** Every use in one module's source: [feature path, versions, where]. */
function usesIn(source, file, { globals, members, own }) {
  const uses = [];
  const use = (path, at, versionsOf = versions(compatAt(path))) => uses.push({ path, versions: versionsOf, where: `${file}:${at}` });
  const ast = acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
  const line = (node) => node.loc.start.line;
  walk.fullAncestor(ast, (node, _state, ancestors) => {
    if (SYNTAX[node.type]) use(SYNTAX[node.type], line(node));
    if (node.type === 'LogicalExpression' && node.operator === '??') use('javascript.operators.nullish_coalescing', line(node));
    if (node.type === 'AssignmentExpression' && ['??=', '||=', '&&='].includes(node.operator)) use('javascript.operators.logical_or_assignment', line(node));
    if (node.type === 'PropertyDefinition') use(node.key.type === 'PrivateIdentifier' ? 'javascript.classes.private_class_fields' : 'javascript.classes.public_class_fields', line(node));
    if (node.type === 'MethodDefinition' && node.key.type === 'PrivateIdentifier') use('javascript.classes.private_class_methods', line(node));
    if (node.type === 'BinaryExpression' && node.operator === 'in' && node.left.type === 'PrivateIdentifier') use('javascript.classes.private_class_fields_in', line(node));
    if (node.type === 'AwaitExpression' && !ancestors.some((a) => /Function/.test(a.type))) use('javascript.operators.await.top_level', line(node));
    if (node.type === 'Literal' && node.regex?.pattern.includes('(?<=')) use('javascript.regular_expressions.lookbehind_assertion', line(node));
    if (node.type === 'Literal' && typeof node.raw === 'string' && /^\d[\d_]*_\d/.test(node.raw)) use('javascript.grammar.numeric_separators', line(node));
    // Members: a built-in's, unless the page's own objects have the name; the wasm glue's
    // members are of the module's exports.
    const member = node.type === 'MemberExpression' && node.property.type === 'Identifier' && !node.computed && node.property.name;
    if (member && members.has(member) && !own.has(member) && !file.startsWith('pkg/')) {
      const { path, versions: v } = likeliest(members.get(member));
      use(path, line(node), v);
    }
    if (node.type === 'Identifier' && globals.has(node.name)) {
      const parent = ancestors[ancestors.length - 2];
      const isName = parent && ((parent.type === 'MemberExpression' && parent.property === node && !parent.computed)
        || (parent.type === 'Property' && parent.key === node) || /Declarator|Function|ImportSpecifier/.test(parent.type));
      if (!isName) {
        const { path, versions: v } = likeliest(globals.get(node.name));
        use(path, line(node), v);
      }
    }
  });
  return uses;
}

/** The wasm features build.sh lets the shipped modules have (WASM_FEATURES, the wasm-opt
 * --enable flags of the build as CI makes it). */
async function wasmUses() {
  const script = (await readFile(join(ROOT, 'build.sh'), 'utf8')).match(/^WASM_FEATURES=\((.*)\)$/m)[1];
  const names = { 'bulk-memory': 'bulk-memory-operations', 'nontrapping-float-to-int': 'non-trapping-float-to-int-conversions',
    'sign-ext': 'sign-extension-operations', 'mutable-globals': 'api', 'multivalue': 'multi-value', 'reference-types': 'reference-types' };
  return [...script.matchAll(/--enable-([a-z-]+)/g)].map(([, flag]) => {
    const path = `webassembly.${names[flag] ?? flag}`;
    return { path, versions: versions(compatAt(path)), where: 'build.sh (wasm-opt --enable)' };
  });
}

export async function measure() {
  const www = join(ROOT, 'www');
  const files = (await readdir(www, { recursive: true })).filter((f) => f.endsWith('.js') && !f.startsWith('examples/')).sort();
  const index = { ...indexes(), own: await ownNames(www, files) };
  const uses = [...(await wasmUses())];
  for (const file of files) uses.push(...usesIn(await readFile(join(www, file), 'utf8'), file, index));
  const byFeature = new Map();
  for (const u of uses) {
    if (!byFeature.has(u.path)) byFeature.set(u.path, { path: u.path, versions: u.versions, where: [] });
    byFeature.get(u.path).where.push(u.where);
  }
  return [...byFeature.values()].filter((f) => above(f.versions).length).map((f) => ({ ...f, guarded: GUARDED[f.path] }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = await measure();
  let failed = false;
  for (const f of found) {
    const { guarded } = f;
    failed ||= !guarded;
    const needs = above(f.versions).map((b) => `${b} ${f.versions[b]}`).join(', ');
    console.log(`${guarded ? 'guarded' : 'ABOVE THE FLOOR'}  ${f.path} (${needs}): ${f.where.slice(0, 4).join(' ')}${f.where.length > 4 ? ` and ${f.where.length - 4} more` : ''}`);
    if (guarded) console.log(`    ${guarded}`);
  }
  console.log(`floor: ${Object.entries(FLOOR).map(([b, v]) => `${b} ${v}`).join(', ')}; ${found.length} features above it, ${found.filter((f) => !f.guarded).length} unguarded`);
  if (process.argv.includes('--check') && failed) process.exit(1);
}
