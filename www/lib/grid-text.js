// The editor's grid as text (io/files.js `gridToText`: a line per row, tab-separated), made
// whole at the first edit, a few thousand rows a task, and then patched: a changed cell
// rewrites its row's line, found by where it starts, a sum over the lines above kept in a
// Fenwick tree (O(log rows) to read and to change). Typing in a 200 000-row table made the
// whole text again at every keystroke (1–2 s of the page's thread); now the first edit
// takes about a second in short tasks, and a keystroke after it does no work per row.
// Loaded with the first edit (lib/editor.js).

import { rowLine } from '../io/files.js';
import { nextTask } from './tasks.js';

/** Rows made into lines in one task while the text is first made (≈ 15 ms). */
const ROWS_PER_TASK = 2_000;

export class GridText {
  /** Starts making the text of `grid`, which keeps it as its `lines` (until rows or columns
   * are added or removed). @param {import('./grid.js').Grid} grid */
  constructor(grid) {
    grid.lines = this;
    this.text = '';
    /** Each row's line's length, and their sums by prefix (a Fenwick tree, 1-based). */
    this.lengths = new Uint32Array();
    this.sums = new Float64Array(1);
    /** The rows changed while it is being made: made again at its end. @type {Set<number> | null} */
    this.pending = new Set();
    /** Resolves when made, to this; or, when rows or columns were added or removed
     * meanwhile, to the grid's text made again. @type {Promise<GridText>} */
    this.ready = this.#make(grid);
  }

  /** @param {import('./grid.js').Grid} grid */
  async #make(grid) {
    const lines = [];
    for (let r = 0; r < grid.length; r++) {
      if (r && r % ROWS_PER_TASK === 0) {
        await nextTask();
        if (grid.lines !== this) return (grid.lines ?? new GridText(grid)).ready;
      }
      lines.push(rowLine(grid.row(r)));
    }
    for (const r of this.pending ?? []) lines[r] = rowLine(grid.row(r));
    this.pending = null;
    this.lengths = Uint32Array.from(lines, (line) => line.length);
    this.sums = new Float64Array(lines.length + 1);
    this.lengths.forEach((length, r) => this.#add(r, length));
    this.text = lines.join('');
    return this;
  }

  /** Row `r`'s cells are now `cells`. */
  changed(r, cells) {
    if (this.pending) return void this.pending.add(r);
    const line = rowLine(cells);
    const start = this.#before(r);
    this.text = this.text.slice(0, start) + line + this.text.slice(start + this.lengths[r]);
    this.#add(r, line.length - this.lengths[r]);
    this.lengths[r] = line.length;
  }

  #add(r, delta) {
    for (let k = r + 1; k < this.sums.length; k += k & -k) this.sums[k] += delta;
  }

  /** The length of the lines above row `r`: where its line starts. */
  #before(r) {
    let sum = 0;
    for (let k = r; k > 0; k -= k & -k) sum += this.sums[k];
    return sum;
  }
}
