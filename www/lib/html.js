// Markup with escaping by default. html`<p>${text}</p>` escapes every interpolated value
// unless it is itself html`…` (or an array of them); setHtml and morph accept nothing else,
// so user text can only ever reach the page as text.

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

// In place: brings an element's content to new markup, writing only the texts and attributes
// that differ where the old and the new tree have the same shape, so that an edit that
// changes a few numbers makes the browser lay out a few numbers again (replacing the part
// made it style and lay out the whole of it: docs/PERFORMANCE.md). The result is the DOM
// that replacing would give, with the same elements kept: focus and inner scroll stay.

/** Like setHtml (escaped markup only), but in place. */
export function morph(element, content) {
  if (!(content instanceof Html)) throw new TypeError('morph takes html`…` markup only');
  const template = document.createElement('template');
  template.innerHTML = content.text;
  children(element, template.content);
}

/** Makes `old`'s children those of `next` (whose nodes it may take). */
function children(old, next) {
  let a = old.firstChild;
  for (let b = next.firstChild; b; ) {
    const following = b.nextSibling;
    if (!a) old.append(b);
    else if (alike(a, b)) {
      node(a, b);
      a = a.nextSibling;
    } else {
      const replaced = a;
      a = a.nextSibling;
      replaced.replaceWith(b);
    }
    b = following;
  }
  while (a) {
    const gone = a;
    a = a.nextSibling;
    gone.remove();
  }
}

/** Whether `a` can become `b` in place: the same kind of node; a form control only when it
 * is written the same (its live value and focus are the user's). */
const alike = (a, b) => a.nodeName === b.nodeName && (!/^(INPUT|SELECT|TEXTAREA)$/.test(a.nodeName) || a.outerHTML === b.outerHTML);

function node(a, b) {
  if (!(a instanceof Element)) {
    if (a.nodeValue !== b.nodeValue) a.nodeValue = b.nodeValue;
    return;
  }
  for (const name of a.getAttributeNames()) if (!b.hasAttribute(name)) a.removeAttribute(name);
  for (const { name, value } of b.attributes) if (a.getAttribute(name) !== value) a.setAttribute(name, value);
  children(a, b);
}
