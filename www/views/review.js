// What the data's reading found: its mistakes (each one at a cell with a way to it), and how
// the file was read (the header, what each column became with a menu to choose by hand, the
// rows skipped, the sum check).

import { t } from '../i18n/i18n.js';
import { headedTable, html, user } from '../lib/html.js';
import { formatCount } from '../lib/format.js';
import { describeProblem, firstOf, moreNote } from '../lib/markup.js';

/** @typedef {import('../types/Evaluation').Evaluation} Evaluation
 *  @typedef {import('../types/Level').Level} Level
 *  @typedef {import('../types/Lang').Lang} Lang
 *  @typedef {import('../types/Problem').Problem} Problem
 *  @typedef {import('../types/PartItem').PartItem} PartItem
 *  @typedef {import('../types/Part').Part} Part
 *  @typedef {import('../types/Review').Review} Review
 *  @typedef {import('../types/MappedColumn').MappedColumn} MappedColumn
 *  @typedef {import('../types/SchoolResult').SchoolResult} SchoolResult
 *  @typedef {import('../types/IndicatorResult').IndicatorResult} IndicatorResult
 *  @typedef {import('../types/LevelResult').LevelResult} LevelResult */

/** The data's errors; each one at a cell has a button that takes the user to it.
 * @param {Problem[]} errors @param {Lang} lang */
export function renderProblems(errors, lang) {
  if (!errors.length) return '';
  const { shown, more } = firstOf(errors);
  const items = shown.map((e) => {
    const jump = e.row != null && e.column != null
      ? html` <button type="button" class="link" data-jump-row="${e.row}" data-jump-column="${e.column}">${t(lang, 'jumpToCell')}</button>`
      : '';
    return html`<li>${describeProblem(e, lang)}${jump}</li>`;
  });
  return html`<div class="problems"><p><strong>${t(lang, 'problemsTitle', { n: errors.length })}</strong></p><ul>${items}</ul>${moreNote(more, lang)}</div>`;
}

/** Beside a column whose header named another unit: that its values were converted. */
const converted = (/** @type {MappedColumn} */ c, /** @type {Lang} */ lang) =>
  (c.factor !== 1 ? html` <span class="meta" data-testid="converted-${c.index}">${t(lang, 'unitConverted', { unit: c.unit, factor: formatCount(c.factor, lang) })}</span>` : '');

/**
 * How the file was read: the header row(s), what each column became (with a menu to choose
 * by hand), the rows skipped and the sum check. `columns` are the template's [key, label].
 */
export function renderReview(/** @type {Review | null} */ review, /** @type {[string, string][]} */ columns, mapping, /** @type {Lang} */ lang, open = false) {
  if (!review || !review.columns.length) return '';
  const label = (key) => columns.find(([k]) => k === key)?.[1] ?? key;
  const choices = (c) => {
    const chosen = c.index in mapping ? mapping[c.index] : null;
    const option = (value, text, selected) => html`<option value="${value}"${selected ? html` selected` : ''}>${text}</option>`;
    const automatic = `${t(lang, 'auto')}${chosen === null ? `${lang !== 'en' ? '：' : ': '}${c.column ? label(c.column) : t(lang, 'ignore')}` : ''}`;
    return html`${option('*', automatic, chosen === null)}${option('', t(lang, 'ignore'), chosen === '')}${columns.map(([key, name]) => option(key, name, chosen === key))}`;
  };
  const rows = review.columns
    .filter((c) => c.header || c.index in mapping)
    .map((c) => html`<tr class="${c.column ? '' : 'unmapped'}"><td>${columnLetter(c.index)}</td><td>${user(c.header)}${converted(c, lang)}</td>
      <td><select data-map="${c.index}" data-testid="map-${c.index}" aria-label="${t(lang, 'readAs')} ${c.header}">${choices(c)}</select></td></tr>`);
  const skipped = review.skipped.length
    ? html`<h4>${t(lang, 'skippedRows')}</h4><ul>${review.skipped.map((p) => html`<li>${describeProblem(p, lang)}</li>`)}</ul>`
    : '';
  const sums = review.sums.length
    ? html`<h4>${t(lang, 'sumCheck')}</h4><ul data-testid="sum-check">${review.sums.map((s) => html`<li>${user(s.column)}${lang !== 'en' ? '：' : ': '}${t(lang, 'sumRead')} ${formatCount(s.read, lang)}${lang !== 'en' ? '；' : '; '}${s.file_total == null ? t(lang, 'noTotals') : html`${t(lang, 'sumFile')} ${formatCount(s.file_total, lang)} ${s.matches ? '✓' : '✗'}`}</li>`)}</ul>`
    : '';
  const title = t(lang, 'reviewTitle');
  return html`<details class="panel review" data-testid="review"${open ? html` open` : ''}>
    <summary><h3>${title}</h3></summary>
    <p class="meta">${t(lang, 'reviewHeader', { rows: review.header_rows.join('–') })}</p>
    ${headedTable(title, [t(lang, 'fileColumn'), t(lang, 'fileHeader'), t(lang, 'readAs')], rows, 'mapping')}
    ${skipped}${sums}</details>`;
}

/** 0 → A, 25 → Z, 26 → AA: as spreadsheets name columns. */
function columnLetter(index) {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

