// Every sentence with a number shows the number of the profile in use, never a national one
// baked into the page: a provincial profile changes limits, points and thresholds.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, openPage, ROOT, settled } from './harness.js';

const env = useBrowser();

test('a strict provincial profile: every sentence shows its numbers', async () => {
  const { page, context } = await openPage(env.browser, env.url);
  await page.waitForSelector('[data-testid="verdict-overall"]');
  const strict = await readFile(join(ROOT, 'www/profiles/example-strict.json'));
  await page.setInputFiles('[data-testid="profile-file"]', { name: 'strict.json', mimeType: 'application/json', buffer: strict });
  await settled(page);
  await page.waitForSelector('[data-testid="notice-profile"]');
  await settled(page);
  // quality2017: CV limits 0.45 / 0.40 in the rule sentence, the chart and the table.
  const scope = await page.textContent('#scope-note');
  assert.match(scope, /小学≤0\.45、初中≤0\.40/);
  assert.doesNotMatch(scope, /0\.50/);
  assert.match(await page.textContent('#levels'), /≤ 0\.45/);
  assert.doesNotMatch(await page.textContent('#levels'), /≤ 0\.50/);
  // The special-education funds rule: 8000 元, and 6000 nowhere in the guarantee form.
  assert.match(await page.textContent('#answers-guarantee'), /≥ 8000 ?元/);
  assert.doesNotMatch(await page.textContent('#answers-guarantee'), /6000/);
  // basic2012: the government pass mark 90 in the note and the total row.
  await page.selectOption('[data-testid="standard-select"]', 'basic2012');
  await settled(page);
  const government = await page.textContent('#answers-government');
  assert.match(government, /90分及以上为达标/);
  assert.match(government, /达标线 90 分/);
  assert.doesNotMatch(government, /85分/);
  assert.equal(Number(await page.textContent('[data-testid="government-max"]')), 100);
  // Back to national: the national numbers return, from the national profile.
  await page.click('#reset-profile');
  await settled(page);
  assert.match(await page.textContent('#answers-government'), /85分及以上为达标/);
  await page.selectOption('[data-testid="standard-select"]', 'quality2017');
  await settled(page);
  assert.match(await page.textContent('#scope-note'), /小学≤0\.50、初中≤0\.45/);
  await context.close();
});
