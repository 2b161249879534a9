// Small pieces of markup the views share: a verdict's badge, a problem with its place, a
// list shortened to what a person reads, a profile's name, the room a chart's label needs.

import { t } from '../i18n/i18n.js';
import { html, user } from './html.js';
import { formatCount } from './format.js';

/** @typedef {import('../types/Lang').Lang} Lang
 *  @typedef {import('../types/Problem').Problem} Problem */

/** A verdict of the core as a badge: ✓ or ✗ and the word, nothing when there is none. */
export function badge(passed, lang) {
  if (passed == null) return '';
  return passed
    ? html`<span class="badge pass">✓ ${t(lang, 'passed')}</span>`
    : html`<span class="badge fail">✗ ${t(lang, 'failed')}</span>`;
}

/** A list longer than this (a province's exclusions, splits, errors) shows its first
 * entries and says how many more there are: the page draws what a person reads. */
const LIST_LIMIT = 100;

/** The first `LIST_LIMIT` of `items`, and how many are left out of the `length` there are
 * (a summary carries only the first of a long list). @template T @param {T[]} items */
export const firstOf = (items, length = items.length) => ({ shown: items.slice(0, LIST_LIMIT), more: Math.max(0, length - LIST_LIMIT) });

/** "… and 12 more" under a shortened list, or nothing. */
export const moreNote = (more, lang) => (more ? html`<p class="meta more" data-testid="more">${t(lang, 'moreNotShown', { n: formatCount(more, lang) })}</p>` : '');

/** A problem's place, "第3行「在校生数」：", the column as the user wrote it. */
function place(p, lang) {
  const row = p.row == null ? '' : t(lang, 'rowWord', { n: p.row });
  const column = p.column == null ? '' : lang !== 'en' ? html`「${user(p.column)}」` : html` "${user(p.column)}"`;
  return row || column ? html`${row}${column}${lang !== 'en' ? '：' : ': '}` : '';
}

/** Errors or warnings, each with its place: "第3行「在校生数」：…".
 * @param {Problem} p @param {Lang} lang */
export function describeProblem(p, lang) {
  return html`${place(p, lang)}${p.message}`;
}

/** The national profile is named in the page's language; any other as it names itself. */
export function profileName(name, national, lang) {
  return national ? t(lang, 'profileNational') : user(name);
}

/** Room for a chart's label: CJK characters are about twice as wide as Latin ones. */
export const labelWidth = (text) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 12 : 6.6), 0);
