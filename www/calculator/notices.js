// How the calculator speaks to its user outside the results: notices above the settings (a
// file refused, a replacement to undo, storage trouble, a long evaluation under way), each
// of one kind, shown together. Functions of the calculator's context (context.js).

import { html, setHtml, user } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { formatCount } from '../lib/format.js';
import { describeProblem } from '../lib/markup.js';

/** A button inside a notice that runs the action `name` (wiring.js), labelled by `key`. */
export const action = (c, name, key) => html`<button type="button" class="link" data-action="${name}">${t(c.state.lang, key)}</button>`;

/** A file or sheet name inside a sentence. */
export const quoted = (c, name) => (c.state.lang !== 'en' ? html`「${user(name)}」` : html`"${user(name)}"`);

/** Problems in a sentence, in the reader's language. */
export const problemList = (c, problems) => html`${problems.map((p, i) => html`${i ? t(c.state.lang, 'semicolon') : ''}${describeProblem(p, c.state.lang)}`)}`;

/** Shows (or, without content, removes) the notice of `kind`.
 * @param {string} kind
 * @param {import('../lib/html.js').Html | string} [content]
 * @param {string} [role] */
export function notify(c, kind, content = undefined, role = 'status') {
  if (content) c.notices.set(kind, { content, role });
  else c.notices.delete(kind);
  const items = [...c.notices].map(([k, n]) => html`<div class="notice ${n.role === 'alert' ? 'problems' : 'info'}" role="${n.role}" data-testid="notice-${k}"><p>${n.content}</p></div>`);
  setHtml(c.$('notice'), html`${items}`);
}

/** A file or document that could not be used: the reason, and that nothing was changed.
 * Returns false, what every opening returns when it refuses (`load()` rejects with the
 * notice's words). @returns {false} */
export function refuse(c, name, reason) {
  const lang = c.state.lang;
  notify(c, 'file', html`${t(lang, 'fileRefused')}${quoted(c, name)}${t(lang, 'colon')}${reason} ${t(lang, 'dataKept')}`, 'alert');
  c.refusal = c.$('notice').querySelector('[data-testid="notice-file"]').textContent.trim();
  return false;
}

/** Says that a long evaluation is under way, with a way to stop it; `info` null: none is. */
export function showProgress(c, info) {
  clearTimeout(c.progressTimer);
  if (!info) return notify(c, 'working');
  // A short evaluation shows nothing: only one the user would wait for.
  c.progressTimer = setTimeout(() => {
    const rows = formatCount(info.rows, c.state.lang);
    notify(c, 'working', html`<span class="spinner" aria-hidden="true"></span>${t(c.state.lang, 'working', { rows })} ${action(c, 'cancel', 'cancel')}`);
  }, 200);
}

/** Brings the answer to the user's own action (a file's refusal or opening, the what-if's
 * comparison) into view and focus when it is out of sight, as it is when they acted further
 * down the page; its role has it announced.
 * @param {HTMLElement | null} element */
export function reveal(element) {
  if (!element) return;
  element.tabIndex = -1;
  // 'nearest': no scrolling when it is in view already.
  element.scrollIntoView({ block: 'nearest' });
  element.focus({ preventScroll: true });
}
