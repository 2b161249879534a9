// The editable table: the grid of cells that the text stands for, under the header row the
// core's reader found (a title above it is shown as the table's caption, and kept). Editing
// a cell rewrites the text; the table is rebuilt only when the text comes from elsewhere,
// so typing never loses focus. Row numbers are the lines of the text, as errors name them.
// Only the rows in view are drawn (virtual.js), and only they are unpacked (grid.js): a
// province's table has 200 000.

import { t } from '../i18n/i18n.js';
import { Grid } from './grid.js';
import { html, setHtml } from './html.js';
import { VirtualRows } from './virtual.js';

export class Editor {
  /** `onChange(text, how)` after each change, with the grid's text; `onEditing()` at once,
   * as that text may take a while to make (the first change of a large table); `onDropped()`
   * instead of `onChange` when other data was loaded while it was made. */
  constructor(container, onChange, onEditing = () => {}, onDropped = () => {}) {
    this.container = container;
    this.onChange = onChange;
    this.onEditing = onEditing;
    this.onDropped = onDropped;
    this.grid = new Grid();
    /** The header's line in the text (as the reader found it), and its row in the grid. */
    this.headerLine = 1;
    this.top = 0;
    this.lang = 'zh';
    /** The problems to mark, kept so that rows drawn later are marked too. */
    this.problems = new Map();
    this.virtual = null;
    container.addEventListener('input', (event) => this.#edit(event));
    container.addEventListener('click', (event) => this.#click(event));
    container.addEventListener('paste', (event) => this.#paste(event));
    container.addEventListener('keydown', (event) => this.#key(event));
    // The cell being edited, so that a drawing of the rows in view (a scroll, a result) that
    // replaces its input gives the focus back to the new one.
    this.focused = null;
    container.addEventListener('focusin', (event) => {
      const { r, c } = event.target.dataset;
      this.focused = r === undefined ? null : { r, c };
    });
    container.addEventListener('focusout', (event) => {
      if (event.relatedTarget && !container.contains(event.relatedTarget)) this.focused = null;
    });
  }

  /** Loads the cells as the core read them, packed by the engine's worker (grid.js).
   * @param {import('./grid.js').Packed} packed */
  load(packed, lang) {
    this.grid = new Grid(packed);
    this.lang = lang;
    this.top = Math.max(0, this.grid.index(this.headerLine));
    this.render();
  }

  /** The header at the text's line `line`, as the reader found it (below a title). */
  setHeaderLine(line) {
    this.headerLine = line;
    const top = Math.max(0, this.grid.index(line));
    if (top === this.top) return;
    this.top = top;
    this.render();
  }

  /** The grid as text, made in short tasks at the first change and then patched at each
   * (lib/grid-text.js). */
  async text() {
    const grid = this.grid;
    if (!grid.length) return '';
    const { GridText } = await import('./grid-text.js');
    return (await (grid.lines ?? new GridText(grid)).ready).text;
  }

  /** The header row's cells (a copy). */
  header() {
    return this.grid.length ? this.grid.row(this.top) : [];
  }

  async addRow() {
    if (!this.grid.length) return;
    this.grid.push();
    this.#changed(true);
    await this.#focus(this.grid.length - 1, 0);
  }

  addColumn(name) {
    if (!this.grid.length) this.grid.push();
    this.grid.addColumn();
    this.grid.set(this.top, this.grid.width - 1, name);
    this.#changed(true);
  }

  render() {
    const lang = this.lang;
    if (!this.grid.length) {
      setHtml(this.container, html`<p class="empty">${t(lang, 'empty')}</p>`);
      return;
    }
    const header = this.header();
    const top = this.top;
    const head = header.map((name, c) => html`<th scope="col"><div class="th-cell">
          <input class="cell head" data-r="${top}" data-c="${c}" value="${name}" aria-label="${t(lang, 'cellLabel', { n: this.grid.line(top), name })}">
          <button type="button" class="icon" data-remove-column="${c}" title="${t(lang, 'removeColumn', { name })}" aria-label="${t(lang, 'removeColumn', { name })}">×</button>
        </div></th>`);
    const above = Array.from({ length: top }, (_, r) => this.grid.row(r).filter(Boolean).join(' ')).join(' · ');
    const table = html`<table class="editor" aria-rowcount="${this.grid.length - top}">${above ? html`<caption>${above}</caption>` : ''}<thead><tr aria-rowindex="1"><th class="line" scope="col">${t(lang, 'rowNumber')}</th>${head}<th scope="col"><span class="visually-hidden">${t(lang, 'rowActions')}</span></th></tr></thead><tbody></tbody></table>`;
    setHtml(this.container, table);
    const body = this.container.querySelector('tbody');
    const shape = { body, count: this.grid.length - 1 - top, columns: header.length + 2 };
    // One drawer per editor: it keeps its measured row height and its scroll listener.
    this.virtual ??= new VirtualRows(this.container, body, {
      ...shape,
      source: (from, to) => Array.from({ length: to - from }, (_, i) => this.grid.row(this.top + from + 1 + i)),
      row: (row, i) => this.#row(row, this.top + i + 1),
      drawn: () => {
        this.#mark();
        this.#keepFocus();
      },
    });
    Object.assign(this.virtual, shape);
    this.virtual.draw(true);
  }

  /** Row `r` of the grid (1 is the first below the header). */
  #row(row, r) {
    const lang = this.lang;
    const header = this.header();
    const line = this.grid.line(r);
    const cells = row.map((cell, c) => html`<td><input class="cell" data-r="${r}" data-c="${c}" value="${cell}" aria-label="${t(lang, 'cellLabel', { n: line, name: header[c] })}"></td>`);
    const remove = t(lang, 'removeRow', { n: line });
    return html`<tr aria-rowindex="${r - this.top + 1}" data-line="${line}"><th scope="row" class="line">${line}</th>${cells}
        <td><button type="button" class="icon" data-remove-row="${r}" aria-label="${remove}" title="${remove}">×</button></td></tr>`;
  }

  /** Draws row `r` if it is not in view, then focuses its cell `c`; false if there is none. */
  async #focus(r, c) {
    if (r > this.top) await this.virtual?.reveal(r - this.top - 1);
    const input = this.container.querySelector(`[data-r="${r}"][data-c="${c}"]`);
    input?.focus();
    return input;
  }

  /** Focuses the cell at the file's line `row` under the header `column`; false if none. */
  async focusCell(row, column) {
    const r = this.grid.index(row);
    const c = this.header().indexOf(column);
    const input = r < 0 || c < 0 ? null : await this.#focus(r, c);
    input?.select();
    return Boolean(input);
  }

  /** Marks the cells that problems name (by line and header text), now and when drawn. */
  markProblems(problems) {
    /** The problems' messages by "line<TAB>column": each drawn cell looks itself up. */
    this.problems = new Map(problems.map((p) => [`${p.row}\t${p.column}`, p.message]));
    this.#mark();
  }

  #keepFocus() {
    const active = /** @type {Document | ShadowRoot} */ (this.container.getRootNode()).activeElement;
    if (!this.focused || this.container.contains(active)) return;
    const { r, c } = this.focused;
    /** @type {HTMLInputElement | null} */ (this.container.querySelector(`[data-r="${r}"][data-c="${c}"]`))?.focus({ preventScroll: true });
  }

  /** Marks the drawn cells that have a problem (only those: the rest are not drawn). */
  #mark() {
    const header = this.header();
    for (const input of this.container.querySelectorAll('tbody input[data-r]')) {
      const { r, c } = /** @type {HTMLInputElement} */ (input).dataset;
      const message = this.problems.get(`${this.grid.line(Number(r))}\t${header[c]}`);
      if (message === undefined) {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('title');
      } else {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('title', message);
      }
    }
  }

  /** After an edit the text is the grid, one line per row; `how` says whether cells were
   * typed or pasted (a block from a spreadsheet). */
  async #changed(rebuild, how = 'type') {
    if (rebuild) this.render();
    this.onEditing();
    const grid = this.grid;
    const text = await this.text();
    // Other data loaded while the text was made: this change was to the data it replaced.
    if (this.grid === grid) this.onChange(text, how);
    else this.onDropped();
  }

  #edit(event) {
    const { r, c } = event.target.dataset;
    if (r === undefined) return;
    this.grid.set(Number(r), Number(c), event.target.value);
    this.#changed(false);
  }

  #click(event) {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.dataset.removeRow) {
      this.grid.remove(Number(button.dataset.removeRow));
      this.#changed(true);
    } else if (button.dataset.removeColumn) {
      this.grid.removeColumn(Number(button.dataset.removeColumn));
      if (!this.grid.width) this.grid = new Grid();
      this.#changed(true);
    }
  }

  /** Cells copied from a spreadsheet spread over the table from the focused cell. */
  #paste(event) {
    const { r, c } = event.target.dataset;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (r === undefined || !/[\t\n]/.test(text.trim())) return;
    event.preventDefault();
    const block = text.replace(/\r?\n$/, '').split(/\r?\n/).map((line) => line.split('\t'));
    block.forEach((cells, i) => {
      const row = Number(r) + i;
      while (this.grid.length <= row) this.grid.push();
      cells.forEach((cell, j) => {
        while (this.grid.width <= Number(c) + j) this.grid.addColumn();
        this.grid.set(row, Number(c) + j, cell.trim());
      });
    });
    this.#changed(true, 'paste');
  }

  /** Enter and the down arrow move down a row, Shift+Enter and the up arrow up, as in a
   * spreadsheet; rows out of view are drawn on the way. */
  #key(event) {
    const { r, c } = event.target.dataset;
    const step = { Enter: event.shiftKey ? -1 : 1, ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (!step || r === undefined) return;
    event.preventDefault();
    const next = Number(r) + step;
    if (next >= this.top && next < this.grid.length) this.#focus(next, Number(c));
  }
}
