// Keeps the page's state in localStorage across reloads: versioned, never silently
// overwriting what another tab saved later, and saying when saving fails. What is read back
// is input like any other: each field is checked for its type (a profile's rules by the
// engine, calculator/mount.js); what cannot be used is kept aside under a key of its own, never deleted,
// and the calculator starts without it.

import { MAX_DEPTH, isRecord, nestingDepth } from './files.js';

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
function usableState(saved) {
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

/** The key the calculator's own page keeps its state under (`persist` names it). */
export const PAGE_KEY = 'junheng.state';
/** The first stage stored the bare state here, without a version. */
const OLD_KEY = 'junheng.state.v1';
export const SCHEMA = 2;
/** The most characters any browser keeps for one site: 5 MiB (Chromium's 10 MiB of UTF-16,
 * Firefox's and Safari's 5 MiB). A state holding more text cannot be saved anywhere. */
const MAX_CHARS = 5 * 2 ** 20;

const read = (key) => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};

/** { schema, rev, tab, saved, state } or null when there is nothing readable. */
function envelope(text) {
  const value = parseStored(text);
  return value && typeof value === 'object' && Number.isInteger(value.schema) && value.schema >= 1 ? value : null;
}

/** Stored text as JSON, or null (nested deeper than any state is, or not JSON). */
function parseStored(text) {
  if (text == null || nestingDepth(text) > MAX_DEPTH) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Keeps `text` under the first free `<key>.damaged`, `<key>.damaged.2`, …: an earlier
 * backup is never overwritten. False when nothing could be kept (no room). */
function setAside(key, text) {
  for (let n = 1; n <= 20; n++) {
    const name = n === 1 ? `${key}.damaged` : `${key}.damaged.${n}`;
    const there = read(name);
    if (there === text) return true;
    if (there != null) continue;
    try {
      localStorage.setItem(name, text);
      return true;
    } catch {
      return false;
    }
  }
  return false;
}

/** The usable part of a stored state; when some of it is not usable, the stored text is kept
 * aside and `problem` says so. @returns {{ state: object | undefined, problem?: string }} */
function checked(key, text, saved) {
  const { state, damaged } = usableState(saved);
  if (!damaged.length) return { state };
  setAside(key, text);
  return damaged.includes('state') ? { state: undefined, problem: 'storageDamaged' } : { state, problem: 'storagePartDamaged' };
}

export class Store {
  /**
   * `on.conflict(theirs)`: another tab saved newer data; saving pauses until the user picks.
   * `on.failure(error)` / `on.saved()`: a save failed (quota, private mode) / worked again.
   */
  constructor(on, key = PAGE_KEY) {
    this.on = on;
    /** Where the state is kept; null keeps nothing (an embedded calculator without `persist`). */
    this.key = key;
    this.rev = 0;
    this.tab = Math.random().toString(36).slice(2);
    this.paused = false;
    this.failing = false;
    /** What this tab last read or wrote under its key: while it is still there, nobody else
     * wrote, and saving need not parse the stored state to compare revisions. */
    this.seen = null;
    window.addEventListener('storage', (event) => {
      if (!this.key || event.key !== this.key || !event.newValue) return;
      const theirs = envelope(event.newValue);
      if (theirs && theirs.rev > this.rev) this.#conflict(theirs);
    });
  }

  /** The saved state, or undefined on a first visit. `problem` names what could not be used.
   * @returns {{ state: Record<string, any> | undefined, problem?: string }} */
  load() {
    if (!this.key) return { state: undefined };
    const text = read(this.key);
    this.seen = text;
    if (text == null) {
      // The state a first-stage page saved, carried over once (checked as any other).
      const old = this.key === PAGE_KEY ? read(OLD_KEY) : null;
      return old == null ? { state: undefined } : checked(OLD_KEY, old, parseStored(old));
    }
    const saved = envelope(text);
    if (!saved) {
      // Unreadable: set aside under another key rather than overwritten by the next save.
      setAside(this.key, text);
      return { state: undefined, problem: 'storageDamaged' };
    }
    if (saved.schema > SCHEMA) {
      // Written by a newer version of the calculator: never overwrite it from here.
      this.paused = true;
      return { state: undefined, problem: 'storageNewer' };
    }
    this.rev = Number.isInteger(saved.rev) ? saved.rev : 0;
    return checked(this.key, text, saved.state);
  }

  save(state) {
    if (this.paused || !this.key) return;
    const stored = read(this.key);
    const theirs = stored === this.seen ? null : envelope(stored);
    if (theirs && theirs.rev > this.rev && theirs.tab !== this.tab) {
      this.#conflict(theirs);
      return;
    }
    const next = { schema: SCHEMA, rev: this.rev + 1, tab: this.tab, saved: Date.now(), state };
    try {
      // Refused unwritten: writing it (a province's 20 MB) would cost the page's thread a
      // tenth of a second per edit, to be refused by the browser all the same.
      if ((state.text?.length ?? 0) + (state.baseline?.length ?? 0) > MAX_CHARS) throw new DOMException('', 'QuotaExceededError');
      const text = JSON.stringify(next);
      localStorage.setItem(this.key, text);
      this.seen = text;
      this.rev = next.rev;
      if (this.failing) {
        this.failing = false;
        this.on.saved();
      }
    } catch (error) {
      this.failing = true;
      this.on.failure(error);
    }
  }

  /** Keeps a part of the state that could not be used (a profile the engine refused) aside,
   * as a damaged stored state is kept. */
  keepAside(text) {
    if (this.key) setAside(this.key, text);
  }

  /** The other tab's state, taken: saving resumes from it. */
  takeTheirs() {
    this.seen = read(this.key);
    const theirs = envelope(this.seen);
    this.rev = theirs?.rev ?? this.rev;
    this.paused = false;
    return theirs?.state;
  }

  /** This tab's state wins, by the user's choice: it is saved over the other tab's. */
  keepMine(state) {
    this.rev = envelope(read(this.key))?.rev ?? this.rev;
    this.paused = false;
    this.save(state);
  }

  #conflict(theirs) {
    this.paused = true;
    this.on.conflict(theirs);
  }
}
