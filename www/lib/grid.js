// The table editor's cells, kept packed as the engine's worker sends them: every cell's
// characters in one array and where each cell ends. A province's 200 000 rows × 18 cells,
// sent as a string per cell, took the page's thread 0.7 s to receive and as long again to
// collect; packed, they cross as four arrays, moved rather than copied. A row is unpacked
// when drawn, and gets an array of its own only when it is changed; the rows' order and
// the columns are maps onto the packed cells.

/** @typedef {{ units: Uint16Array, ends: Uint32Array, rowEnds: Uint32Array, lines: Uint32Array, width: number }} Packed */

/** `[[line, cells], …]`, as the core reads a text, packed: what the worker posts (moving
 * the arrays, `buffers`). @param {[number, string[]][]} grid @returns {Packed} */
export function packGrid(grid) {
  const ends = new Uint32Array(grid.reduce((n, [, cells]) => n + cells.length, 0));
  const rowEnds = new Uint32Array(grid.length);
  const lines = new Uint32Array(grid.length);
  const parts = [];
  let [at, k, width] = [0, 0, 0];
  grid.forEach(([line, cells], r) => {
    for (const cell of cells) {
      parts.push(cell);
      ends[k++] = at += cell.length;
    }
    [rowEnds[r], lines[r], width] = [k, line, Math.max(width, cells.length)];
  });
  const text = parts.join('');
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return { units, ends, rowEnds, lines, width };
}

/** The arrays a packed grid moves to the page with. @param {Packed} packed */
export const buffers = ({ units, ends, rowEnds, lines }) => [units.buffer, ends.buffer, rowEnds.buffer, lines.buffer];

/** Decodes a row's characters; a leading U+FEFF is a character of the cell, not a mark. */
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

export class Grid {
  /** @param {Packed} packed */
  constructor(packed = packGrid([])) {
    this.packed = packed;
    /** Row index → the packed row it shows (ids past the packed rows: rows added later). */
    this.order = Array.from(packed.rowEnds, (_, i) => i);
    /** Column index → the packed column it shows (-1: a column added later, empty). */
    this.cols = Array.from({ length: packed.width }, (_, i) => i);
    /** The rows changed or added, by id: their cells, one per column. */
    this.changed = new Map();
    this.nextId = packed.rowEnds.length;
    /** Whether anything changed since it was packed: the text is then the grid, a line per row. */
    this.edited = false;
    /** Its text once asked for (lib/grid-text.js), patched as cells change; dropped when
     * rows or columns are added or removed. @type {import('./grid-text.js').GridText | null} */
    this.lines = null;
  }

  get length() {
    return this.order.length;
  }

  get width() {
    return this.cols.length;
  }

  /** Row `r`'s cells, one per column (a copy, for reading). */
  row(r) {
    const id = this.order[r];
    return this.changed.get(id)?.slice() ?? this.#unpack(id);
  }

  /** The text's line of row `r`: the file's as read, or after a change its place. */
  line(r) {
    return this.edited ? r + 1 : this.packed.lines[this.order[r]];
  }

  /** The row at the text's line `line`, or -1. */
  index(line) {
    if (!this.edited) return this.packed.lines.indexOf(line);
    return line >= 1 && line <= this.length ? line - 1 : -1;
  }

  set(r, c, value) {
    this.edited = true;
    const id = this.order[r];
    if (!this.changed.has(id)) this.changed.set(id, this.#unpack(id));
    this.changed.get(id)[c] = value;
    this.lines?.changed(r, this.changed.get(id));
  }

  /** Adds a row of empty cells at the end. */
  push() {
    this.#reshaped();
    this.changed.set(this.nextId, this.cols.map(() => ''));
    this.order.push(this.nextId++);
  }

  remove(r) {
    this.#reshaped();
    this.changed.delete(this.order[r]);
    this.order.splice(r, 1);
  }

  addColumn() {
    this.#reshaped();
    this.cols.push(-1);
    for (const row of this.changed.values()) row.push('');
  }

  removeColumn(c) {
    this.#reshaped();
    this.cols.splice(c, 1);
    for (const row of this.changed.values()) row.splice(c, 1);
  }

  /** Rows or columns added or removed: the text is the grid's, made anew when asked for. */
  #reshaped() {
    this.edited = true;
    this.lines = null;
  }

  *[Symbol.iterator]() {
    for (let r = 0; r < this.length; r++) yield this.row(r);
  }

  #unpack(id) {
    const { units, ends, rowEnds } = this.packed;
    const first = id ? rowEnds[id - 1] : 0;
    const count = rowEnds[id] - first;
    const start = first ? ends[first - 1] : 0;
    const text = UTF16.decode(units.subarray(start, count ? ends[first + count - 1] : start));
    const cell = (g) => text.slice((g ? ends[g - 1] : 0) - start, ends[g] - start);
    return this.cols.map((k) => (k < 0 || k >= count ? '' : cell(first + k)));
  }
}
