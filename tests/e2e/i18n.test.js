// Every string of the page exists in both languages, and every key the page uses exists.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STRINGS as ZH } from '../../www/i18n/i18n.js';
import { en } from '../../www/i18n/i18n-en.js';
import { EXTRA_STRINGS } from '../../www/i18n/i18n-extra.js';
import { ANSWER_STRINGS } from '../../www/i18n/i18n-answers.js';
import { ROOT, pageModules } from './harness.js';

// The strings of the parts loaded on demand come with them (i18n.js `addStrings`).
const STRINGS = { zh: { ...ZH.zh, ...EXTRA_STRINGS.zh, ...ANSWER_STRINGS.zh }, en: { ...en, ...EXTRA_STRINGS.en, ...ANSWER_STRINGS.en } };

test("the on-demand parts' strings are their own: none replaces one of the page's or another part's", () => {
  for (const lang of ['zh', 'en']) {
    const own = lang === 'zh' ? ZH.zh : en;
    assert.deepEqual(Object.keys(EXTRA_STRINGS[lang]).filter((key) => key in own), [], lang);
    assert.deepEqual(Object.keys(ANSWER_STRINGS[lang]).filter((key) => key in own || key in EXTRA_STRINGS[lang]), [], lang);
  }
});

test('Chinese and English have the same keys, none empty', () => {
  assert.deepEqual(Object.keys(STRINGS.en).sort(), Object.keys(STRINGS.zh).sort());
  for (const lang of ['zh', 'en']) {
    for (const [key, text] of Object.entries(STRINGS[lang])) assert.ok(text.trim(), `${lang}.${key} is empty`);
  }
});

test('every key the page names is defined', async () => {
  const www = join(ROOT, 'www');
  const sources = await Promise.all([...(await pageModules()), 'index.html'].map((f) => readFile(join(www, f), 'utf8')));
  const used = new Set();
  for (const source of sources) {
    for (const [, key] of source.matchAll(/\bt\(\s*(?:state\.)?lang\s*,\s*'(\w+)'/g)) used.add(key);
    for (const [, key] of source.matchAll(/data-i18n(?:-aria)?="(\w+)"/g)) used.add(key);
  }
  assert.ok(used.size > 40, `${used.size} keys found`);
  for (const key of used) assert.ok(key in STRINGS.zh, `missing string ${key}`);
});

test('no key is written twice in a language (the later one would silently win)', async () => {
  // Each language's object, read as text: zh inside STRINGS (keys at 4 spaces), en alone (2).
  const files = [['zh', 'www/i18n/i18n.js', 4], ['en', 'www/i18n/i18n-en.js', 2]];
  for (const [lang, file, indent] of files) {
    const source = await readFile(join(ROOT, file), 'utf8');
    const pattern = new RegExp(`^ {${indent}}(?:'([^']+)'|([\\p{L}\\p{N}_]+)):`, 'gmu');
    const keys = [...source.matchAll(pattern)].map((m) => m[1] ?? m[2]);
    assert.ok(keys.length > 100, `${lang}: ${keys.length} keys read`);
    const repeated = keys.filter((key, k) => keys.indexOf(key) !== k);
    assert.deepEqual(repeated, [], `${lang} defines these keys twice`);
  }
});
