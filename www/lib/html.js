// Markup with escaping by default. html`<p>${text}</p>` escapes every interpolated value
// unless it is itself html`…` (or an array of them); setHtml accepts nothing else, so user
// text can only ever reach the page as text.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Markup that has been escaped already. */
export class Html {
  constructor(text) {
    this.text = text;
  }

  toString() {
    return this.text;
  }
}

function piece(value) {
  if (value == null) return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(piece).join('');
  return String(value).replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** The tag: static parts as written, every value escaped. */
export function html(strings, ...values) {
  let text = strings[0];
  values.forEach((value, i) => {
    text += piece(value) + strings[i + 1];
  });
  return new Html(text);
}

/** Text that came from the user (names, headers, file names): isolated from the text
 * around it, so that right-to-left characters cannot reorder a sentence, and marked. */
export const user = (text) => html`<bdi class="user">${text}</bdi>`;

/** A table's scroll box: reachable by keyboard, named for screen readers. */
export const scrollBox = (label, table) => html`<div class="table-scroll" tabindex="0" role="region" aria-label="${label}">${table}</div>`;

/** A table with a header row of `names` and body `rows`, in its scroll box. */
export const headedTable = (caption, names, rows, className = '') =>
  scrollBox(caption, html`<table class="${className}"><thead><tr>${names.map((n) => html`<th scope="col">${n}</th>`)}</tr></thead><tbody>${rows}</tbody></table>`);

/** Replaces an element's content with escaped markup; refuses a plain string. */
export function setHtml(element, content) {
  if (!(content instanceof Html)) throw new TypeError('setHtml takes html`…` markup only');
  element.innerHTML = content.text;
}
