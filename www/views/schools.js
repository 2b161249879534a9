// Each level's schools as a table: the frame drawn once, each row drawn as it comes into view
// (lib/virtual.js), every school's verdict and every shortfall in words. The core decides
// which schools are judged against standards: a level whose indicators carry a school
// standard has a verdict column and the standard in each header.

import { t } from '../i18n/i18n.js';
import { html, scrollBox, user } from '../lib/html.js';
import { formatCount, formatShare, formatValue } from '../lib/format.js';
import { badge } from '../lib/markup.js';

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

/** Whether the core judges each school of a level against standards (quality2017 does).
 * @param {IndicatorResult[]} indicators */
const judgesSchools = (indicators) => indicators.some((i) => i.standard != null);

/** One school's value of one indicator: below its standard, the cell says by how much.
 * @param {SchoolResult} school @param {IndicatorResult} indicator @param {Lang} lang */
function valueCell(school, indicator, lang) {
  const value = formatValue(school.values[indicator.key], lang);
  const standing = school.standing?.[indicator.key];
  const label = html` data-label="${indicator.name}"`;
  if (!standing || standing.meets) return html`<td class="num"${label}>${value}</td>`;
  const short = t(lang, standing.below_floor ? 'shortBelowFloor' : 'short', {
    amount: formatValue(standing.shortfall, lang),
    share: formatShare(standing.share, lang),
  });
  return html`<td class="num below${standing.below_floor ? ' floor' : ''}"${label}>${value}<span class="short"><span aria-hidden="true">✗ </span>${short}</span></td>`;
}

/** Every school of a level: its verdict beside its name, and in each cell below standard
 * what is short and by how much, so nothing needs sideways scrolling to be read. The body
 * is empty: its rows are drawn as they come into view (virtual.js, `schoolRow`).
 * @param {Evaluation} result @param {Level} level @param {Lang} lang */
export function renderSchools(result, level, lang) {
  const indicators = result.levels[level].indicators;
  const quality = judgesSchools(indicators);
  const head = html`<th scope="col" class="line">${t(lang, 'rowNumber')}</th><th scope="col">${t(lang, 'school')}</th>
    ${quality ? html`<th scope="col">${t(lang, 'schoolResult')}</th>` : ''}<th scope="col" class="num">${t(lang, 'students')}</th>
    ${indicators.map((i) => html`<th scope="col" class="num">${i.name}${quality ? html`<span class="unit"> ≥ ${i.standard}</span>` : ''}</th>`)}`;
  const title = t(lang, 'schoolsTitle', { level: t(lang, level) });
  const table = html`<table class="school-table" aria-rowcount="${result.levels[level].schools + 1}"><thead><tr aria-rowindex="1">${head}</tr></thead>
    <tbody data-schools="${level}"></tbody></table>`;
  return html`<details class="schools" open><summary>${title}</summary>${scrollBox(title, table)}</details>`;
}

/** How many columns a level's school table has (for its spacer rows). */
export const schoolColumns = (result, level) => (judgesSchools(result.levels[level].indicators) ? 4 : 3) + result.levels[level].indicators.length;

/** One school's row of its level's table; `index` counts from 0 below the header row.
 * @param {SchoolResult} s @param {Evaluation} result @param {number} index @param {Lang} lang */
export function schoolRow(s, result, index, lang) {
  const indicators = result.levels[s.level].indicators;
  const quality = judgesSchools(indicators);
  const verdict = quality ? html`<td class="verdict-cell" data-label="${t(lang, 'schoolResult')}">${badge(s.passed, lang)}
    <span class="meta">${t(lang, 'metOf', { met: s.met, n: indicators.length })}</span></td>` : '';
  return html`<tr aria-rowindex="${index + 2}" data-testid="school-${s.level}-${s.row}" data-passed="${s.passed ?? ''}" class="${s.passed === false ? 'failing' : ''}">
    <td class="num line" data-label="${t(lang, 'rowNumber')}">${s.row}</td>
    <th scope="row" class="name">${user(s.name)}${s.group ? html`<span class="meta group">${user(s.group)}</span>` : ''}</th>
    ${verdict}<td class="num" data-label="${t(lang, 'students')}">${formatCount(s.students, lang)}</td>
    ${indicators.map((i) => valueCell(s, i, lang))}</tr>`;
}
