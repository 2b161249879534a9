// A province file on the page: the counties' summary (a row per county and level, sortable,
// only the rows in view drawn: a nation has 2 800 counties) and the picker that opens one
// county's full results. Every figure and verdict is the core's (`ProvinceRow`); the page
// only orders the rows. Loaded when a file with a county column is first opened.

import { t } from '../i18n/i18n.js';
import { html, scrollBox, setHtml, user } from '../lib/html.js';
import { formatCount, formatCv, formatLimit } from '../lib/format.js';
import { VirtualRows } from '../lib/virtual.js';

/** @typedef {import('../types/ProvinceRow').ProvinceRow} ProvinceRow
 *  @typedef {import('../types/LevelSummary').LevelSummary} LevelSummary
 *  @typedef {'zh' | 'zh-Hant' | 'en'} Lang
 *  @typedef {{ county: string, order: number, problems: number, summary: LevelSummary | null }} Line */

/** The columns that sort, and each one's key: the worst first (largest CV, failing first). */
const SORTS = {
  county: (/** @type {Line} */ l) => l.order,
  worst: (/** @type {Line} */ l) => -(l.summary?.worst_cv ?? -1),
  composite: (/** @type {Line} */ l) => -(l.summary?.composite_cv ?? -1),
  failing: (/** @type {Line} */ l) => -(l.summary?.schools_failing ?? -1),
  verdict: (/** @type {Line} */ l) => (l.problems ? 0 : l.summary?.passed ? 2 : 1),
};

/** A line per county and level, in the file's order; a county whose table is unusable is one
 * line that says so. @param {ProvinceRow[]} province @returns {Line[]} */
const linesOf = (province) => province.flatMap((c, order) => (c.summary.length
  ? c.summary.map((summary) => ({ county: c.county, order, problems: c.problems, summary }))
  : [{ county: c.county, order, problems: c.problems, summary: null }]));

/** Wires the province's part of the results in `root`; `pick(county)` opens one ('' the
 * summary alone). @param {ShadowRoot} root @param {(county: string) => void} pick */
export function mountProvince(root, pick) {
  const place = /** @type {HTMLElement} */ (root.getElementById('province'));
  let lines = /** @type {Line[]} */ ([]);
  let sort = 'county';
  let lang = /** @type {Lang} */ ('zh');
  let table = /** @type {VirtualRows | null} */ (null);
  place.addEventListener('change', (event) => {
    const select = /** @type {HTMLSelectElement} */ (event.target);
    if (select.id === 'county-picker') pick(select.value);
  });
  place.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const county = target.closest('[data-county-open]');
    if (county) pick(/** @type {HTMLElement} */ (county).dataset.countyOpen);
    const header = target.closest('[data-sort]');
    if (header) {
      sort = /** @type {HTMLElement} */ (header).dataset.sort;
      draw();
    }
  });

  function draw() {
    const key = SORTS[sort];
    const ordered = [...lines].sort((a, b) => key(a) - key(b) || a.order - b.order);
    for (const button of place.querySelectorAll('th [data-sort]')) {
      button.closest('th').setAttribute('aria-sort', /** @type {HTMLElement} */ (button).dataset.sort === sort ? (sort === 'county' ? 'ascending' : 'descending') : 'none');
    }
    const body = place.querySelector('tbody');
    const how = { count: ordered.length, columns: 8, source: (from, to) => ordered.slice(from, to), row: (line, index) => lineRow(line, index, lang) };
    if (!table || table.body !== body) table = new VirtualRows(/** @type {HTMLElement} */ (body.closest('.table-scroll')), body, how);
    Object.assign(table, how);
    table.draw(true);
  }

  return {
    /** Shows the summary of `province` (`failing`: how many counties' rows fail, the core's
     * count) with `county` in view ('' none). @param {ProvinceRow[]} province
     * @param {number} failing @param {string} county @param {Lang} language */
    show(province, failing, county, language) {
      lang = language;
      lines = linesOf(province);
      setHtml(place, frame(province, failing, county, lang));
      table = null;
      draw();
    },
    clear() {
      if (place.firstChild) setHtml(place, html``);
      lines = [];
      table = null;
    },
  };
}

/** The picker, the counts and the table's frame (its rows are drawn as they come into view).
 * @param {ProvinceRow[]} province @param {number} failing @param {string} county @param {Lang} lang */
function frame(province, failing, county, lang) {
  const options = province.map((c) => html`<option value="${c.county}"${c.county === county ? html` selected` : ''}>${c.county}</option>`);
  const sortable = (key, label) => html`<th scope="col" aria-sort="none"><button type="button" class="link" data-sort="${key}">${label}</button></th>`;
  const head = html`<tr><th scope="col">${t(lang, 'provinceCounty')}</th><th scope="col">${t(lang, 'level')}</th>
    <th scope="col" class="num">${t(lang, 'reportSchools')}</th>${sortable('worst', t(lang, 'provinceWorst'))}${sortable('composite', t(lang, 'provinceComposite'))}
    ${sortable('failing', t(lang, 'provinceFailing'))}${sortable('verdict', t(lang, 'result'))}<th scope="col"></th></tr>`;
  const title = t(lang, 'provinceTitle', { n: formatCount(province.length, lang), failing: formatCount(failing, lang) });
  return html`<div class="panel province" data-testid="province">
    <div class="panel-head"><h3>${title}</h3>
      <div class="actions"><label for="county-picker">${t(lang, 'provincePick')}</label>
        <select id="county-picker" data-testid="county-picker"><option value="">${t(lang, 'provinceAll')}</option>${options}</select>
        <button type="button" class="ghost" data-sort="county">${t(lang, 'provinceFileOrder')}</button></div></div>
    ${scrollBox(title, html`<table class="province-table"><thead>${head}</thead><tbody></tbody></table>`)}</div>`;
}

/** Between a figure and its limit: within it or above it, as the core judged. */
const sign = (/** @type {boolean | null} */ passed) => (passed ? '≤' : '>');

/** One line: a county's level with its worst CV against its limit, its composite, the schools
 * missing the per-school rule and its verdict; or that its table cannot be evaluated.
 * @param {Line} line @param {number} index @param {Lang} lang */
function lineRow(line, index, lang) {
  const open = html`<td><button type="button" class="link" data-county-open="${line.county}">${t(lang, 'provinceOpen')}</button></td>`;
  const name = html`<th scope="row">${user(line.county)}</th>`;
  const s = line.summary;
  if (!s) {
    return html`<tr data-testid="province-row" data-county="${line.county}" aria-rowindex="${index + 2}">${name}
      <td colspan="6" class="fail">${t(lang, 'provinceProblems', { n: line.problems })}</td>${open}</tr>`;
  }
  const worst = s.worst_cv == null ? '—' : html`${formatCv(s.worst_cv, lang)}${s.worst_limit == null ? '' : html` ${sign(s.worst_passed)} ${formatLimit(s.worst_limit, lang)}`} <span class="meta">${s.worst_name ?? ''}</span>`;
  const composite = s.composite_cv == null ? '—' : html`${formatCv(s.composite_cv, lang)} ${sign(s.composite_passed)} ${formatLimit(s.composite_limit, lang)}`;
  return html`<tr data-testid="province-row" data-county="${line.county}" data-level="${s.level}" data-passed="${s.passed}" aria-rowindex="${index + 2}">${name}
    <td>${t(lang, s.level)}</td><td class="num">${formatCount(s.schools, lang)}</td>
    <td class="num" data-value="${s.worst_cv ?? ''}">${worst}</td><td class="num" data-value="${s.composite_cv ?? ''}">${composite}</td>
    <td class="num">${s.schools_failing == null ? '—' : formatCount(s.schools_failing, lang)}</td>
    <td class="${s.passed ? 'pass' : 'fail'}">${s.passed ? '✓' : '✗'} ${t(lang, s.passed ? 'passed' : 'failed')}</td>${open}</tr>`;
}
