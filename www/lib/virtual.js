// A long table draws only the rows in view of its scroll box, between two spacer rows that
// keep the scroll bar true (the table editor and the per-school results: a province has
// 200 000 rows). Screen readers still hear "row 5 of 200 001" (aria-rowcount/rowindex), and
// `reveal` brings any row into view for the keyboard and for error links.

import { html, morph } from './html.js';

/** Rows drawn beyond the view on each side, so that a short scroll shows no gap. */
const MARGIN = 20;
/** Rows drawn before the first measurement (and all of a table this short). */
const FIRST = 60;
/** A row's height in pixels until the rows drawn are measured. */
const GUESS = 40;

export class VirtualRows {
  #drawn = { from: -1, to: -1 };
  #ticket = 0;
  #frame = 0;
  /** The box's scroll and height as last laid out: read where the browser has them (a
   * scroll, a resize), never while drawing, where reading would force a layout. */
  #view = { top: 0, height: 0 };
  /** The row height the spacers were last placed with. */
  #placedBy = GUESS;

  /** @param {HTMLElement} box the scroll box @param {HTMLTableSectionElement} body
   * @param {{ count: number, columns: number, source: (from: number, to: number) => any[] | Promise<any[]>,
   *   row: (item: any, index: number) => import('./html.js').Html, drawn?: () => void }} how
   * `source` gives the items `from..to`; `row` draws one (index from 0, `aria-rowindex`
   * is the caller's: header rows come first); `drawn` runs after each drawing. A table
   * redrawn in the same box changes `body`, `count` and `columns` and draws with `force`. */
  constructor(box, body, how) {
    this.box = box;
    this.body = body;
    this.count = how.count;
    this.columns = how.columns;
    this.source = how.source;
    this.row = how.row;
    this.drawn = how.drawn;
    /** The rows' average height in pixels; 0 until measured. */
    this.height = 0;
    box.addEventListener('scroll', () => {
      cancelAnimationFrame(this.#frame);
      this.#frame = requestAnimationFrame(() => {
        this.#view.top = box.scrollTop;
        this.draw();
      });
    });
    new ResizeObserver(() => {
      this.#view = { top: box.scrollTop, height: box.clientHeight };
    }).observe(box);
  }

  /** Draws the rows in view (again, with `force`, when their content changed). */
  async draw(force = false) {
    // The view is found by the height the spacers were placed with, then kept at the same
    // row when the rows have been measured since (#measureLater).
    const placedBy = this.#placedBy;
    const { from, to } = this.#inView(placedBy);
    const rescale = placedBy !== (this.height || GUESS) && this.#drawn.from >= 0;
    const top = rescale ? this.#view.top / placedBy : 0;
    if (!force && !rescale && from === this.#drawn.from && to === this.#drawn.to) return;
    const ticket = ++this.#ticket;
    this.box.classList.toggle('virtual', this.count > FIRST);
    const items = await this.source(from, to);
    // A later drawing (a scroll, a new result) has started: this one is stale.
    if (ticket !== this.#ticket) return;
    this.#drawn = { from, to };
    const spacer = (name) => html`<tr class="spacer" data-spacer="${name}" aria-hidden="true"><td colspan="${this.columns}"></td></tr>`;
    // In place: rows that show the same school again change only their numbers.
    morph(this.body, html`${spacer('top')}${items.map((item, i) => this.row(item, from + i))}${spacer('bottom')}`);
    this.#place(from, to);
    if (rescale) this.#scroll(top * this.height);
    if (!this.height && this.count > FIRST) this.#measureLater();
    this.drawn?.();
  }

  /** Measures the rows once the frame that paints them is done, when reading their size
   * forces no layout: measured in a later drawing instead, after other parts of the page
   * were written (a new result), the reading forced a layout of the whole report (≈ 45 ms
   * a table at 200 000 rows). */
  #measureLater() {
    requestAnimationFrame(() => setTimeout(() => this.height || this.#measure()));
  }

  /** Scrolls row `index` into view and draws it; resolves when it is drawn. */
  async reveal(index) {
    // Twice at most: the first drawing may place the rows by the guessed height.
    for (let tries = 0; tries < 2 && (index < this.#drawn.from || index >= this.#drawn.to); tries++) {
      if (!this.height) this.#measure();
      // The spacers at the measured height, so that the scroll below lands on the row
      // (none when the table's body was replaced and not drawn yet).
      if (this.body.querySelector('[data-spacer]')) this.#place(this.#drawn.from, this.#drawn.to);
      this.#scroll(Math.max(0, index * (this.height || GUESS) - this.box.clientHeight / 2));
      await this.draw(true);
    }
  }

  #inView(height = this.height || GUESS) {
    // A table drawn for the first time starts at its top: nothing to read (reading the
    // box's scroll would force a layout of what was just written).
    if (this.count <= FIRST || this.#drawn.from < 0) return { from: 0, to: Math.min(this.count, FIRST) };
    const first = Math.floor(this.#view.top / height);
    const shown = Math.ceil((this.#view.height || this.box.clientHeight) / height);
    const from = Math.max(0, first - MARGIN);
    return { from, to: Math.min(this.count, first + shown + MARGIN) };
  }

  /** Scrolls the box to `top` pixels, as far as it goes. */
  #scroll(top) {
    this.box.scrollTop = top;
    this.#view.top = this.box.scrollTop;
  }

  /** The average height of the rows drawn: the spacers stand for the others at that height. */
  #measure() {
    const rows = this.body.querySelectorAll('tr:not(.spacer)');
    if (!rows.length) return;
    const first = rows[0].getBoundingClientRect().top;
    const last = rows[rows.length - 1].getBoundingClientRect().bottom;
    // A hidden table (another tab) has no height yet: measured after a later drawing.
    if (last > first) this.height = (last - first) / rows.length;
  }

  #place(from, to) {
    this.#placedBy = this.height || GUESS;
    // CSSOM, not a style attribute: the page's CSP allows no inline style.
    const set = (name, rows) => {
      const row = /** @type {HTMLElement} */ (this.body.querySelector(`[data-spacer="${name}"]`));
      row.hidden = rows === 0;
      row.style.height = `${rows * (this.height || GUESS)}px`;
    };
    set('top', from);
    set('bottom', this.count - to);
  }
}
