// Keeps the page's state in localStorage across reloads: versioned, never silently
// overwriting what another tab saved later, and saying when saving fails.

/** The key the calculator's own page keeps its state under (`persist` names it). */
export const PAGE_KEY = 'junheng.state';
/** The first stage stored the bare state here, without a version. */
const OLD_KEY = 'junheng.state.v1';
export const SCHEMA = 2;

const read = (key) => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};

/** { schema, rev, tab, saved, state } or null when there is nothing readable. */
function envelope(text) {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && Number.isInteger(value.schema) ? value : null;
  } catch {
    return null;
  }
}

/** The state a first-stage page saved, to carry over once. */
function oldState() {
  try {
    return JSON.parse(read(OLD_KEY)) ?? undefined;
  } catch {
    return undefined;
  }
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

  /** The saved state, or undefined on a first visit. `problem` names what could not be used. */
  load() {
    if (!this.key) return { state: undefined };
    const text = read(this.key);
    this.seen = text;
    if (text == null) return { state: this.key === PAGE_KEY ? oldState() : undefined };
    const saved = envelope(text);
    if (!saved) {
      // Unreadable: set aside under another key rather than overwritten by the next save.
      try {
        localStorage.setItem(`${this.key}.damaged`, text);
      } catch {
        // Nothing more can be done; the notice still tells the user.
      }
      return { problem: 'storageDamaged' };
    }
    if (saved.schema > SCHEMA) {
      // Written by a newer version of the calculator: never overwrite it from here.
      this.paused = true;
      return { problem: 'storageNewer' };
    }
    this.rev = saved.rev ?? 0;
    return { state: saved.state };
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
