// site/: the calculator as it is served. www/ is the source (read, type-checked, tested for its
// shape); site/ is www/ with each module's comments and spaces taken out and its syntax
// lowered to the browser floor (esbuild, one file at a time: no bundling, the same modules,
// names and imports), the style sheets minified, the pages without comments or indentation,
// everything else copied. The comments are a
// quarter of the page's bytes gzipped (docs/PERFORMANCE.md). `./build.sh serve` serves it;
// the page tests serve it too (harness.js builds it first), so that they test what ships.
//
//     node tools/site.mjs

import { createRequire } from 'node:module';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const esbuild = createRequire(join(ROOT, 'tests/e2e/package.json'))('esbuild');
export const SITE = join(ROOT, 'site');
const WWW = join(ROOT, 'www');

/** The browser floor (README), which the modules' syntax is lowered to. */
const TARGET = ['chrome87', 'firefox115', 'safari15'];

/** What the site does not serve: the sources of the types, and tsc's settings. */
const skipped = (path) => path.startsWith('types/') || path.endsWith('.d.ts') || path === 'tsconfig.json';

/** One file of www/ as served. */
async function serve(path) {
  const from = join(WWW, path);
  const to = join(SITE, path);
  await mkdir(dirname(to), { recursive: true });
  const minified = path.endsWith('.js') ? 'js' : path.endsWith('.css') ? 'css' : null;
  // The calculator's own pages lose their comments and indentation (the examples are kept as
  // written: docs/EMBED.md shows them).
  if (path.endsWith('.html') && !path.startsWith('examples/')) {
    return writeFile(to, (await readFile(from, 'utf8')).replace(/<!--[^]*?-->/g, '').replace(/\n\s+/g, '\n'));
  }
  if (!minified) return cp(from, to);
  const { code } = await esbuild.transform(await readFile(from, 'utf8'), {
    loader: minified, minify: true, target: TARGET, legalComments: 'none', charset: 'utf8', ...(minified === 'js' ? { format: 'esm' } : {}),
  });
  return writeFile(to, code);
}

/** Makes site/ afresh from www/. */
export async function buildSite() {
  await rm(SITE, { recursive: true, force: true });
  const entries = await readdir(WWW, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name).slice(WWW.length + 1));
  await Promise.all(files.filter((f) => !skipped(f)).map(serve));
  return SITE;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildSite();
  console.log(`site/: www/ as served (modules without comments, lowered to ${TARGET.join(', ')})`);
}
