// Saving the page's state (www/io/storage.js) with a storage of its own: a state whose text
// no browser can keep is refused as the browser would refuse it, without being written out
// (a province's 20 MB cost the page's thread a tenth of a second per edit to be refused).

import { test } from 'node:test';
import assert from 'node:assert/strict';

/** A localStorage that counts what it is asked to write. */
const writes = [];
globalThis.window = /** @type {any} */ ({ addEventListener() {} });
globalThis.localStorage = /** @type {any} */ ({
  store: new Map(),
  getItem(key) { return this.store.get(key) ?? null; },
  setItem(key, value) { writes.push(value.length); this.store.set(key, value); },
});
const { Store } = await import('../../www/io/storage.js');

test('a state too large for any browser is refused unwritten; a smaller one is saved', () => {
  const failures = [];
  const store = new Store({ failure: (error) => failures.push(error.name), saved: () => failures.push('saved'), conflict() {} });
  store.save({ text: '学'.repeat(3 * 2 ** 20), baseline: '学'.repeat(3 * 2 ** 20) });
  assert.deepEqual(failures, ['QuotaExceededError']);
  assert.deepEqual(writes, []);
  store.save({ text: '学'.repeat(2 ** 20), baseline: null });
  assert.deepEqual(failures, ['QuotaExceededError', 'saved']);
  assert.equal(writes.length, 1);
  assert.ok(writes[0] > 2 ** 20);
});
