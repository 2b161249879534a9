// Makes the 繁體中文 (zh-Hant) text from the 简体中文 text with OpenCC (opencc-js, Taiwan
// standard characters, no change of vocabulary): run it after changing any Chinese string.
//
//   node tools/hant.mjs          writes the three files below
//   node tools/hant.mjs --check  exits 1 when any of them is not what it would write
//
// - www/i18n/i18n-hant.js: the page's catalogue (i18n.js, i18n-extra.js, i18n-answers.js, converted);
// - crates/core/src/text/hant_table.rs: the core's converter, the least it needs to reproduce
//   OpenCC on the core's own strings (a character map and the phrases where a character reads
//   two ways, e.g. 系数 → 係數 but 系统 → 系統), so the wasm module stays small;
// - crates/core/tests/data/hant.tsv: each Chinese literal of the core and the CLI with OpenCC's
//   conversion, which the core's test checks its converter against.
//
// It runs with the page tools' node_modules (tests/e2e: npm ci).
import { readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'tests/e2e/package.json'));
const convert = require('opencc-js').Converter({ from: 'cn', to: 'tw' });
const check = process.argv.includes('--check');

const CJK = /[\u3400-\u9fff]/;

/** Every string literal with a Chinese character in the Rust files under `dir`, outside
 * comments, as written (escapes included): the same scan as crates/core/tests/hant.rs. */
function literals(dir) {
  const found = new Set();
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const text of literals(path)) found.add(text);
    else if (name.endsWith('.rs') && name !== 'hant_table.rs') for (const text of scan(readFileSync(path, 'utf8'))) found.add(text);
  }
  return [...found].sort();
}

function* scan(source) {
  let i = 0;
  while (i < source.length) {
    if (source.startsWith('//', i)) i = source.indexOf('\n', i) + 1 || source.length;
    else if (source[i] === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== '"') j += source[j] === '\\' ? 2 : 1;
      const text = source.slice(i + 1, j);
      if (CJK.test(text)) yield text;
      i = j + 1;
    } else i += 1;
  }
}

/** The smallest table whose conversion (`apply`) gives OpenCC's on every literal. */
function table(pairs) {
  const seen = new Map();
  for (const [from, to] of pairs) {
    const [a, b] = [[...from], [...to]];
    if (a.length !== b.length) throw new Error(`OpenCC changed the length of ${from}`);
    a.forEach((c, k) => seen.set(c, (seen.get(c) ?? new Map()).set(b[k], (seen.get(c)?.get(b[k]) ?? 0) + 1)));
  }
  const chars = new Map();
  for (const [c, outs] of seen) {
    const [best] = [...outs].sort((x, y) => y[1] - x[1] || (x[0] === c ? -1 : 1));
    if (best[0] !== c) chars.set(c, best[0]);
  }
  const phrases = new Map();
  for (let round = 0; round < 10; round++) {
    let wrong = 0;
    for (const [from, to] of pairs) {
      const got = apply(from, chars, phrases);
      if (got === to) continue;
      wrong += 1;
      const [a, b, g] = [[...from], [...to], [...got]];
      const k = b.findIndex((c, n) => c !== g[n]);
      // The shortest window around the wrong character that OpenCC converts as in this literal.
      const width = 2 + round;
      const start = Math.max(0, Math.min(k - 1, a.length - width));
      phrases.set(a.slice(start, start + width).join(''), b.slice(start, start + width).join(''));
    }
    if (wrong === 0) return { chars, phrases };
  }
  throw new Error('no table reproduces OpenCC');
}

/** The core's conversion (crates/core/src/text/hant.rs), here to build and check the table:
 * at each place the longest phrase that starts there, else the character's own mapping. */
function apply(text, chars, phrases) {
  const a = [...text];
  const longest = Math.max(0, ...[...phrases.keys()].map((p) => [...p].length));
  let out = '';
  for (let i = 0; i < a.length; ) {
    let width = Math.min(longest, a.length - i);
    for (; width > 1; width--) if (phrases.has(a.slice(i, i + width).join(''))) break;
    if (width > 1) {
      out += phrases.get(a.slice(i, i + width).join(''));
      i += width;
    } else {
      out += chars.get(a[i]) ?? a[i];
      i += 1;
    }
  }
  return out;
}

const rust = (text) => JSON.stringify(text).replace(/\\u([0-9a-f]{4})/g, '\\u{$1}');

function coreFiles() {
  // The core's strings, and the command line's, which the core's `Lang::pick` converts too.
  const found = new Set([...literals(join(root, 'crates/core/src')), ...literals(join(root, 'crates/cli/src'))]);
  const pairs = [...found].sort().map((text) => [text, convert(text)]);
  const { chars, phrases } = table(pairs);
  const sorted = [...chars].sort((x, y) => x[0].codePointAt(0) - y[0].codePointAt(0));
  // Three bytes each in UTF-8, so that the core finds the k-th at byte 3k.
  for (const pair of sorted) if (pair.some((c) => c.codePointAt(0) < 0x800 || c.codePointAt(0) > 0xffff)) throw new Error(`not three bytes: ${pair}`);
  const column = (k) => sorted.map((pair) => pair[k]).join('').replace(/.{1,30}/g, (line) => `    ${line}\\\n`);
  const phraseRows = [...phrases].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([a, b]) => `(${rust(a)}, ${rust(b)})`);
  const lines = (rows) => rows.reduce((acc, row) => {
    if (acc.length && acc[acc.length - 1].length + row.length < 94) acc[acc.length - 1] += ` ${row},`;
    else acc.push(`    ${row},`);
    return acc;
  }, []).join('\n');
  const table_rs = `// Made by tools/hant.mjs from OpenCC (cn → tw) over the core's own strings: do not edit.

/// Simplified characters that change, sorted; each three bytes in UTF-8.
#[rustfmt::skip]
pub(crate) const SIMPLIFIED: &str = "\\
${column(0)}";

/// Their Traditional characters, in the same order.
#[rustfmt::skip]
pub(crate) const TRADITIONAL: &str = "\\
${column(1)}";

/// Phrases whose character reads otherwise than the table above says, sorted.
#[rustfmt::skip]
pub(crate) const PHRASES: &[(&str, &str)] = &[
${lines(phraseRows)}
];
`;
  const tsv = pairs.map(([a, b]) => `${a}\t${b}`).join('\n') + '\n';
  return { 'crates/core/src/text/hant_table.rs': table_rs, 'crates/core/tests/data/hant.tsv': tsv };
}

async function pageFile() {
  const { STRINGS } = await import(join(root, 'www/i18n/i18n.js'));
  const { EXTRA_STRINGS } = await import(join(root, 'www/i18n/i18n-extra.js'));
  const { ANSWER_STRINGS } = await import(join(root, 'www/i18n/i18n-answers.js'));
  const all = { ...STRINGS.zh, ...EXTRA_STRINGS.zh, ...ANSWER_STRINGS.zh };
  const body = Object.entries(all).map(([key, text]) => `  ${key}: ${JSON.stringify(convert(text))},`).join('\n');
  return {
    'www/i18n/i18n-hant.js': `// The page's strings in 繁體中文, fetched when the reader first picks it (i18n.js); made by
// tools/hant.mjs from the 简体中文 ones (i18n.js, i18n-extra.js, i18n-answers.js) with OpenCC: do not edit.

export const hant = {
${body}
};
`,
  };
}

const files = { ...coreFiles(), ...(await pageFile()) };
let stale = 0;
for (const [path, text] of Object.entries(files)) {
  const full = join(root, path);
  let old = null;
  try {
    old = readFileSync(full, 'utf8');
  } catch {}
  if (old === text) continue;
  if (check) {
    console.error(`${path} is not what tools/hant.mjs makes: run node tools/hant.mjs`);
    stale += 1;
  } else writeFileSync(full, text);
}
process.exit(stale ? 1 : 0);
