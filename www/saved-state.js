// The saved state (localStorage, a first-stage key) is input like any other: each field is
// checked for its type before the calculator starts on it. A field that cannot be used is
// left out (the calculator's default takes its place) and named, so that the caller can keep
// the whole stored text aside and tell the user; a damaged field never stops the start.
// The profile's rules are the engine's to check (app.js, at the start).

import { isRecord } from './bounded-json.js';

const isString = (value) => typeof value === 'string';
const orNull = (check) => (value) => value === null || check(value);
const oneOf = (...values) => (value) => values.includes(value);

/** The answers' parts, each of its own kind; a part left out is unanswered. */
const ANSWER_PARTS = {
  school_standard_met: orNull((v) => typeof v === 'boolean'),
  government_points: isRecord,
  items: isRecord,
  survey: isRecord,
  vetoes: Array.isArray,
};

const validAnswers = (value) => isRecord(value) && Object.entries(ANSWER_PARTS).every(([key, ok]) => !(key in value) || ok(value[key]));

/** Every field the calculator keeps, and what it must be. */
const FIELDS = {
  text: isString,
  standard: oneOf('basic2012', 'quality2017'),
  lang: oneOf('zh', 'zh-Hant', 'en'),
  view: oneOf('table', 'text'),
  answers: validAnswers,
  profile: orNull(isRecord),
  mapping: (value) => isRecord(value) && Object.values(value).every(isString),
  demo: (value) => typeof value === 'boolean',
  baseline: orNull(isString),
  planOptions: orNull(isRecord),
  report: (value) => isRecord(value) && isString(value.county) && isString(value.date),
  county: isString,
};

/** The usable fields of a saved state, and the names of those that were not usable (the
 * whole state's name, 'state', when it is not an object at all).
 * @param {unknown} saved @returns {{ state: Record<string, any>, damaged: string[] }} */
export function usableState(saved) {
  if (!isRecord(saved)) return { state: {}, damaged: ['state'] };
  const state = {};
  const damaged = [];
  for (const [key, ok] of Object.entries(FIELDS)) {
    if (saved[key] === undefined) continue;
    if (ok(saved[key])) state[key] = saved[key];
    else damaged.push(key);
  }
  return { state, damaged };
}
