// The editable table: the grid of cells (header first) that the text stands for. Editing
// a cell rewrites the text; the table is rebuilt only when the text comes from elsewhere,
// so typing never loses focus. Row numbers are the lines of the text, as errors name them.

import { t } from './i18n.js';
import { gridToText } from './files.js';
import { html, setHtml } from './html.js';

export class Editor {
  constructor(container, onChange) {
    this.container = container;
    this.onChange = onChange;
    this.rows = [];
    this.lines = [];
    this.lang = 'zh';
    container.addEventListener('input', (event) => this.#edit(event));
    container.addEventListener('click', (event) => this.#click(event));
    container.addEventListener('paste', (event) => this.#paste(event));
    container.addEventListener('keydown', (event) => this.#key(event));
  }

  /** Loads `[[line, cells], …]` as read by the core. */
  load(grid, lang) {
    this.rows = grid.map(([, cells]) => [...cells]);
    this.lines = grid.map(([line]) => line);
    this.lang = lang;
    this.#pad();
    this.render();
  }

  text() {
    return this.rows.length ? gridToText(this.rows) : '';
  }

  header() {
    return this.rows[0] ?? [];
  }

  addRow() {
    if (!this.rows.length) return;
    this.rows.push(this.header().map(() => ''));
    this.#changed(true);
    const inputs = this.container.querySelectorAll(`[data-r="${this.rows.length - 1}"]`);
    inputs[0]?.focus();
  }

  addColumn(name) {
    if (!this.rows.length) this.rows = [[]];
    this.rows[0].push(name);
    this.#pad();
    this.#changed(true);
  }

  render() {
    const lang = this.lang;
    if (!this.rows.length) {
      setHtml(this.container, html`<p class="empty">${t(lang, 'empty')}</p>`);
      return;
    }
    const header = this.header();
    const head = header.map((name, c) => html`<th scope="col"><div class="th-cell">
          <input class="cell head" data-r="0" data-c="${c}" value="${name}" aria-label="${t(lang, 'cellLabel', { n: this.lines[0], name })}">
          <button type="button" class="icon" data-remove-column="${c}" title="${t(lang, 'removeColumn', { name })}" aria-label="${t(lang, 'removeColumn', { name })}">×</button>
        </div></th>`);
    const body = this.rows.slice(1).map((row, i) => {
      const r = i + 1;
      const cells = row.map((cell, c) => html`<td><input class="cell" data-r="${r}" data-c="${c}" value="${cell}" aria-label="${t(lang, 'cellLabel', { n: this.lines[r], name: header[c] })}"></td>`);
      const remove = t(lang, 'removeRow', { n: this.lines[r] });
      return html`<tr data-line="${this.lines[r]}"><th scope="row" class="line">${this.lines[r]}</th>${cells}
          <td><button type="button" class="icon" data-remove-row="${r}" aria-label="${remove}" title="${remove}">×</button></td></tr>`;
    });
    setHtml(this.container, html`<table class="editor"><thead><tr><th class="line" scope="col">${t(lang, 'rowNumber')}</th>${head}<th></th></tr></thead><tbody>${body}</tbody></table>`);
  }

  /** Focuses the cell at the file's line `row` under the header `column`; false if none. */
  focusCell(row, column) {
    const r = this.lines.indexOf(row);
    const c = this.header().indexOf(column);
    const input = r < 0 || c < 0 ? null : this.container.querySelector(`[data-r="${r}"][data-c="${c}"]`);
    input?.focus();
    input?.select();
    return Boolean(input);
  }

  /** Marks the cells that problems name (by line and header text). */
  markProblems(problems) {
    for (const el of this.container.querySelectorAll('[aria-invalid]')) {
      el.removeAttribute('aria-invalid');
      el.removeAttribute('title');
    }
    const header = this.header();
    for (const p of problems) {
      const r = this.lines.indexOf(p.row);
      const c = header.indexOf(p.column);
      if (r < 0 || c < 0) continue;
      const input = this.container.querySelector(`[data-r="${r}"][data-c="${c}"]`);
      input?.setAttribute('aria-invalid', 'true');
      input?.setAttribute('title', p.message);
    }
  }

  #pad() {
    const width = Math.max(0, ...this.rows.map((row) => row.length));
    for (const row of this.rows) while (row.length < width) row.push('');
  }

  /** After an edit the text is the grid, one line per row. */
  #changed(rebuild) {
    this.lines = this.rows.map((_, i) => i + 1);
    if (rebuild) this.render();
    this.onChange(this.text());
  }

  #edit(event) {
    const { r, c } = event.target.dataset;
    if (r === undefined) return;
    this.rows[r][c] = event.target.value;
    this.#changed(false);
  }

  #click(event) {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.dataset.removeRow) {
      this.rows.splice(Number(button.dataset.removeRow), 1);
      this.#changed(true);
    } else if (button.dataset.removeColumn) {
      const c = Number(button.dataset.removeColumn);
      for (const row of this.rows) row.splice(c, 1);
      if (!this.header().length) this.rows = [];
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
      while (this.rows.length <= row) this.rows.push(this.header().map(() => ''));
      cells.forEach((cell, j) => {
        const col = Number(c) + j;
        if (col >= this.header().length) this.rows[0][col] = this.rows[0][col] ?? '';
        this.rows[row][col] = cell.trim();
      });
    });
    this.#pad();
    this.#changed(true);
  }

  /** Enter moves down a row, as in a spreadsheet. */
  #key(event) {
    const { r, c } = event.target.dataset;
    if (event.key !== 'Enter' || r === undefined) return;
    event.preventDefault();
    const next = Number(r) + (event.shiftKey ? -1 : 1);
    this.container.querySelector(`[data-r="${next}"][data-c="${c}"]`)?.focus();
  }
}
