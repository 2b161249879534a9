// site/: the calculator as it is served. www/ is the source (read, type-checked, tested for its
// shape, and itself a working site, one file per module); site/ is www/ with its modules
// bundled by esbuild, the style sheets minified, the pages without comments or indentation,
// everything else copied. `./build.sh serve` serves it; the page tests serve it too
// (harness.js builds it first), so that they test what ships.
//
// The modules are bundled, not each minified alone (docs/PERFORMANCE.md, issue 24): gzip
// then sees one first-load file rather than thirty, and names shared between modules are
// shortened too (−7 KB of the first load, gzipped). Every file a browser is sent to by address
// keeps its address: the pages' scripts, the element embedders load, the engine's worker,
// each module imported on demand (so that it is still fetched only when asked for), the
// wasm's glue (pkg/, which finds its wasm beside itself) and the examples (docs/EMBED.md
// shows them as written). What they share is in chunks/.
//
//     node tools/site.mjs

import { createRequire } from 'node:module';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const esbuild = createRequire(join(ROOT, 'tests/e2e/package.json'))('esbuild');
export const SITE = join(ROOT, 'site');
const WWW = join(ROOT, 'www');

/** The browser floor (README), which the modules' syntax is lowered to. */
const TARGET = ['chrome87', 'firefox115', 'safari15'];
/** How every script and style sheet is written for the browser: here, and by the single file
 * (tools/single.mjs). */
export const MINIFIED = { minify: true, target: TARGET, legalComments: 'none', charset: 'utf8' };

/** The modules browsers are pointed at by address: the page's script (index.html), the
 * element (docs/EMBED.md), the engine's worker (io/assets.js). */
const ADDRESSED = ['index.js', 'junheng-calculator.js', 'engine/engine-worker.js'];
/** The element's module: what every part loaded after the calculator has started shares. */
const CALCULATOR = 'junheng-calculator.js';

/** Served as written but minified, each alone: the wasm's glue and the examples. */
const alone = (path) => path.startsWith('pkg/') || path.startsWith('examples/');
/** What the site does not serve: the sources of the types, and tsc's settings. */
const skipped = (path) => path.startsWith('types/') || path.endsWith('.d.ts') || path === 'tsconfig.json';

const COMMON = { bundle: true, format: 'esm', splitting: true, absWorkingDir: WWW, outdir: SITE, outbase: WWW, metafile: true };

/** The wasm's glue stays a file of its own (it fetches its wasm beside itself): imported by
 * the path written, which holds because its one importer, the worker, keeps its folder. */
const glue = {
  name: 'glue',
  setup(build) {
    build.onResolve({ filter: /\/pkg\// }, (args) => ({ path: args.path, external: true }));
  },
};

/** Each module imported on demand whose own imports are the calculator's modules also imports
 * the element's module (already run when it is asked for): they then reach the calculator's
 * code from the same entries, and esbuild puts it in one chunk instead of a dozen. */
const sharing = (parts) => ({
  name: 'sharing',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, async (args) => {
      const path = relative(WWW, args.path);
      if (!parts.has(path)) return undefined;
      const element = `./${relative(dirname(path), CALCULATOR)}`;
      return { contents: `import ${JSON.stringify(element)};\n${await readFile(args.path, 'utf8')}`, loader: 'js' };
    });
  },
});

/** The modules a module imports, and they import, within a metafile's `inputs` or `outputs`:
 * statically only, or on demand too. */
function closure(files, start, kinds = ['import-statement']) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path) || !files[path]) return;
    seen.add(path);
    for (const i of files[path].imports) if (kinds.includes(i.kind) && !i.external) visit(i.path);
  };
  visit(start);
  return seen;
}

/** The modules imported on demand, and which of them are parts of the started calculator
 * (imported on demand by it or by its parts) that import modules of their own. */
async function onDemand() {
  const { metafile } = await esbuild.build({ ...COMMON, entryPoints: ADDRESSED, write: false, plugins: [glue] });
  const inputs = metafile.inputs;
  const lazy = new Set(Object.values(inputs).flatMap((input) => input.imports.filter((i) => i.kind === 'dynamic-import' && !i.external).map((i) => i.path)));
  const started = closure(inputs, CALCULATOR, ['import-statement', 'dynamic-import']);
  const parts = new Set([...lazy].filter((path) => started.has(path) && inputs[path].imports.some((i) => i.kind === 'import-statement')));
  return { lazy, parts };
}

/** Bundles the modules into site/; returns the files the element's module needs at once. */
async function bundle() {
  const { lazy, parts } = await onDemand();
  const { metafile } = await esbuild.build({
    ...COMMON,
    entryPoints: [...ADDRESSED, ...lazy],
    entryNames: '[dir]/[name]',
    // One folder deep, as are the modules whose code goes there: addresses made from
    // `import.meta.url` (io/assets.js) hold wherever their code is (checked below).
    chunkNames: 'chunks/[hash]',
    ...MINIFIED,
    plugins: [glue, sharing(parts)],
  });
  // The metafile's paths are www/'s (its inputs) or lead out of it into site/ (its outputs).
  const out = (path) => relative(SITE, join(WWW, path));
  const depth = (path) => path.split('/').length;
  for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
    for (const input of Object.keys(inputs)) {
      if (depth(input) !== depth(out(output)) && (await readFile(join(WWW, input), 'utf8')).includes('import.meta')) {
        throw new Error(`site.mjs: ${input} uses import.meta but its code is in ${out(output)}, another folder depth`);
      }
    }
  }
  const outputs = Object.fromEntries(Object.entries(metafile.outputs).map(([k, v]) => [out(k), { imports: v.imports.map((i) => ({ ...i, path: i.external ? i.path : out(i.path) })) }]));
  return [...closure(outputs, CALCULATOR)].sort();
}

/** The page, without comments or indentation, preloading the bundle's files rather than
 * www/'s modules. */
async function page(path, preloads) {
  let text = await readFile(join(WWW, path), 'utf8');
  if (path === 'index.html') {
    const links = preloads.map((p) => `<link rel="modulepreload" href="${p}">`).join('\n');
    const before = text;
    text = text.replace(/(?:[ ]*<link rel="modulepreload"[^>]*>\n)+/, () => `${links}\n`);
    if (text === before) throw new Error('site.mjs: www/index.html no longer preloads its modules');
  }
  return text.replace(/<!--[^]*?-->/g, '').replace(/\n\s+/g, '\n');
}

/** One file of www/ that is not bundled, as served. */
async function serve(path, preloads) {
  const from = join(WWW, path);
  const to = join(SITE, path);
  await mkdir(dirname(to), { recursive: true });
  // The calculator's own pages lose their comments and indentation (the examples are kept as
  // written: docs/EMBED.md shows them).
  if (path.endsWith('.html') && !path.startsWith('examples/')) return writeFile(to, await page(path, preloads));
  const minified = path.endsWith('.js') ? 'js' : path.endsWith('.css') ? 'css' : null;
  if (!minified) return cp(from, to);
  const { code } = await esbuild.transform(await readFile(from, 'utf8'), {
    loader: minified, ...MINIFIED, ...(minified === 'js' ? { format: 'esm' } : {}),
  });
  return writeFile(to, code);
}

/** Makes site/ afresh from www/. */
export async function buildSite() {
  await rm(SITE, { recursive: true, force: true });
  const preloads = await bundle();
  const entries = await readdir(WWW, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name).slice(WWW.length + 1));
  await Promise.all(files.filter((f) => !skipped(f) && (!f.endsWith('.js') || alone(f))).map((f) => serve(f, preloads)));
  return SITE;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildSite();
  console.log(`site/: www/ as served (modules bundled, lowered to ${TARGET.join(', ')})`);
}
