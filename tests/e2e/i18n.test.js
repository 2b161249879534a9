// Every string of the page exists in both languages, and every key the page uses exists.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { STRINGS } from '../../www/i18n.js';
import { ROOT } from './harness.js';

test('Chinese and English have the same keys, none empty', () => {
  assert.deepEqual(Object.keys(STRINGS.en).sort(), Object.keys(STRINGS.zh).sort());
  for (const lang of ['zh', 'en']) {
    for (const [key, text] of Object.entries(STRINGS[lang])) assert.ok(text.trim(), `${lang}.${key} is empty`);
  }
});

test('every key the page names is defined', async () => {
  const www = join(ROOT, 'www');
  const sources = await Promise.all((await readdir(www)).filter((f) => /\.(js|html)$/.test(f)).map((f) => readFile(join(www, f), 'utf8')));
  const used = new Set();
  for (const source of sources) {
    for (const [, key] of source.matchAll(/\bt\(\s*(?:state\.)?lang\s*,\s*'(\w+)'/g)) used.add(key);
    for (const [, key] of source.matchAll(/data-i18n(?:-aria)?="(\w+)"/g)) used.add(key);
  }
  assert.ok(used.size > 40, `${used.size} keys found`);
  for (const key of used) assert.ok(key in STRINGS.zh, `missing string ${key}`);
});

test('no key is written twice in a language (the later one would silently win)', async () => {
  const source = await readFile(join(ROOT, 'www/i18n.js'), 'utf8');
  const blocks = source.split(/^ {2}(\w+): \{$/m).slice(1);
  assert.ok(blocks.length >= 4, 'the language blocks are found');
  for (let i = 0; i < blocks.length; i += 2) {
    const keys = [...blocks[i + 1].matchAll(/^ {4}(?:'([^']+)'|([\p{L}\p{N}_]+)):/gmu)].map((m) => m[1] ?? m[2]);
    assert.ok(keys.length > 100, `${blocks[i]}: ${keys.length} keys read`);
    const repeated = keys.filter((key, k) => keys.indexOf(key) !== k);
    assert.deepEqual(repeated, [], `${blocks[i]} defines these keys twice`);
  }
});
