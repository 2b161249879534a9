// ./build.sh single: dist/junheng.html, the whole calculator in one file that works opened
// from file:// with no server and no network (to be mailed, or kept on a USB stick). The
// page's modules are bundled by esbuild with www/io/assets.js swapped for tools/single/*, the
// worker's bundle (with the wasm) goes in as text, and the page's CSP allows its one
// script and one style by hash, blob: workers, and nothing else.

import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { MINIFIED } from './site.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const esbuild = createRequire(join(ROOT, 'tests/e2e/package.json'))('esbuild');
const OUT = join(ROOT, 'dist/junheng.html');

/** Resolves www/io/assets.js to `replacement`, www/io/part-styles.js to its inline twin,
 * `junheng:worker` to the worker's code, and the first module for Chinese to the one with every
 * language (one copy of the evaluation in the file; its glue starts once however asked). */
const swap = (replacement, worker = '') => ({
  name: 'single-assets',
  setup(build) {
    build.onResolve({ filter: /\/assets\.js$/ }, () => ({ path: join(ROOT, 'tools/single', replacement) }));
    build.onResolve({ filter: /\/part-styles\.js$/ }, () => ({ path: join(ROOT, 'tools/single/part-styles.js') }));
    build.onResolve({ filter: /\/pkg\/junheng\.js$/ }, () => ({ path: join(ROOT, 'www/pkg/junheng-languages.js') }));
    build.onResolve({ filter: /^junheng:worker$/ }, () => ({ path: 'worker', namespace: 'junheng' }));
    build.onLoad({ filter: /.*/, namespace: 'junheng' }, () => ({ contents: `export default ${JSON.stringify(worker)};`, loader: 'js' }));
  },
});

async function bundle(entry, plugin, format = 'esm') {
  const result = await esbuild.build({
    entryPoints: [join(ROOT, 'www', entry)],
    bundle: true,
    format,
    write: false,
    // Written as site/ is (the browser floor's syntax, minified).
    ...MINIFIED,
    loader: { '.wasm': 'base64', '.xlsx': 'base64', '.csv': 'text', '.css': 'text' },
    plugins: [plugin],
  });
  return result.outputFiles[0].text;
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

// A classic worker: a page opened from file:// (an opaque origin) cannot start a module
// worker, even from a blob: URL.
const worker = await bundle('engine/engine-worker.js', swap('worker-assets.js'), 'iife');
// A `</script` inside the bundle would end the inline script early.
const script = (await bundle('index.js', swap('page-assets.js', worker))).replace(/<\/script/gi, '<\\/script');
const style = await readFile(join(ROOT, 'www/style.css'), 'utf8');
// The parts' styles, allowed by hash too: <style> elements where sheets cannot be constructed.
const parts = await Promise.all(['plan', 'explain', 'print', 'answers'].map((name) => readFile(join(ROOT, `www/styles/${name}.css`), 'utf8')));
const icon = `data:image/svg+xml;base64,${(await readFile(join(ROOT, 'www/favicon.svg'))).toString('base64')}`;
const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  'worker-src blob:',
  `style-src ${[style, ...parts].map(sha256).join(' ')}`,
  'img-src data:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

let page = await readFile(join(ROOT, 'www/index.html'), 'utf8');
const replace = (pattern, by) => {
  if (!pattern.test(page)) throw new Error(`single.mjs: www/index.html no longer has ${pattern}`);
  page = page.replace(pattern, () => by);
};
replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
replace(/ *<link rel="stylesheet" href="style.css">\n/, '');
replace(/<link rel="icon" href="favicon.svg"/, `<link rel="icon" href="${icon}"`);
replace(/ *<script type="module" src="index.js"><\/script>\n/, '');
replace(/ *<!-- The modules index.js imports[^]*?-->\n(?: *<link rel="modulepreload"[^>]*>\n)+/, '');
// The message for a page whose scripts cannot run from file:// is not this file's.
replace(/ *<!-- file:\/\/ -->[^]*?<!-- \/file:\/\/ -->\n/, '');
replace(/<\/head>/, `  <style>${style}</style>\n  <script type="module">${script}</script>\n</head>`);

await mkdir(join(ROOT, 'dist'), { recursive: true });
await writeFile(OUT, page);
console.log(`dist/junheng.html: ${page.length} bytes (script ${script.length}, worker with wasm ${worker.length})`);
