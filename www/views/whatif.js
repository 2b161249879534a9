// What-if: the data as loaded is the baseline; once it is edited (by hand, or by applying a
// plan), every CV, each level's verdict and each school whose result changed are shown beside
// the baseline's. Both results are the core's; this module only lays them side by side.

import { t } from '../i18n/i18n.js';
import { headedTable, html, user } from '../lib/html.js';
import { formatCv, formatValue } from '../lib/format.js';

/** @typedef {import('../types/Evaluation').Evaluation} Evaluation
 *  @typedef {import('../types/SchoolResult').SchoolResult} SchoolResult
 *  @typedef {'zh' | 'zh-Hant' | 'en'} Lang */

/** A verdict word, or a dash when there is none. @param {boolean | null | undefined} passed @param {Lang} lang */
const verdict = (passed, lang) => (passed == null ? '—' : html`<span class="badge ${passed ? 'pass' : 'fail'}">${t(lang, passed ? 'passed' : 'failed')}</span>`);

/** The comparison of `now` with `baseline`, with the ways back.
 * @param {Evaluation} baseline @param {Evaluation} now @param {Lang} lang */
export function renderComparison(baseline, now, lang) {
  const levels = Object.keys(now.levels).map((level) => renderLevel(baseline, now, level, lang));
  const overall = html`<p data-testid="whatif-overall">${t(lang, 'whatifVerdict')}${t(lang, 'colon')}
    ${t(lang, 'whatifBaseline')} ${verdict(baseline.overall?.passed, lang)} → ${t(lang, 'whatifNow')} ${verdict(now.overall?.passed, lang)}</p>`;
  return html`<section class="panel whatif" data-testid="whatif" aria-labelledby="whatif-title">
    <div class="panel-head"><h3 id="whatif-title">${t(lang, 'whatifTitle')}</h3>
      <div class="actions"><button type="button" class="ghost" data-whatif="undo" data-testid="whatif-undo">${t(lang, 'whatifUndo')}</button>
      <button type="button" class="ghost" data-whatif="reset" data-testid="whatif-reset">${t(lang, 'whatifReset')}</button></div></div>
    <p class="meta">${t(lang, 'whatifNote')}</p>${overall}${levels}${renderSchools(baseline, now, lang)}</section>`;
}

/** One level: each indicator's CV as loaded and now, the composite, the verdict. */
function renderLevel(baseline, now, level, lang) {
  const before = baseline.levels[level];
  const after = now.levels[level];
  const cvOf = (r, key) => r?.indicators.find((i) => i.key === key)?.cv;
  const cell = (v) => html`<td class="num" data-value="${v ?? ''}">${formatCv(v, lang)}</td>`;
  const rows = after.indicators.map((i) => html`<tr data-testid="whatif-${level}-${i.key}"${cvOf(before, i.key) !== i.cv ? html` class="changed"` : ''}>
    <th scope="row">${i.name}</th>${cell(cvOf(before, i.key))}${cell(i.cv)}</tr>`);
  if (after.composite_cv != null || before?.composite_cv != null) {
    rows.push(html`<tr data-testid="whatif-${level}-composite"><th scope="row">${t(lang, 'whatifComposite')}</th>${cell(before?.composite_cv)}${cell(after.composite_cv)}</tr>`);
  }
  rows.push(html`<tr data-testid="whatif-${level}-verdict"><th scope="row">${t(lang, 'whatifResources')}</th>
    <td>${verdict(before?.passed, lang)}</td><td>${verdict(after.passed, lang)}</td></tr>`);
  const title = `${t(lang, level)} · ${t(lang, 'whatifTitle')}`;
  return html`<h4>${t(lang, level)}</h4>${headedTable(title, [t(lang, 'indicator'), t(lang, 'whatifBaseline'), t(lang, 'whatifNow')], rows, 'whatif-table')}`;
}

/** The schools whose verdict or values changed, with what changed. */
function renderSchools(baseline, now, lang) {
  const key = (s) => `${s.row}|${s.level}`;
  const before = new Map(baseline.schools.map((s) => [key(s), s]));
  const names = new Map(Object.values(now.levels).flatMap((l) => l.indicators.map((i) => [i.key, i.name])));
  const rows = now.schools.flatMap((s) => {
    const old = before.get(key(s));
    const changed = Object.keys(s.values).filter((k) => old?.values[k] !== s.values[k]);
    if (old && !changed.length && old.passed === s.passed) return [];
    const values = changed.map((k) => `${names.get(k) ?? k} ${old ? formatValue(old.values[k], lang) : '—'} → ${formatValue(s.values[k], lang)}`);
    return [html`<tr data-testid="whatif-school"><td class="line">${s.row}</td><td>${user(s.name)}</td><td>${t(lang, s.level)}</td>
      <td>${verdict(old?.passed, lang)} → ${verdict(s.passed, lang)}</td><td>${values.join(t(lang, 'semicolon'))}</td></tr>`];
  });
  if (!rows.length) return '';
  const heads = [t(lang, 'rowNumber'), t(lang, 'school'), t(lang, 'level'), t(lang, 'schoolResult'), t(lang, 'indicator')];
  return html`<h4>${t(lang, 'whatifSchools')}</h4>${headedTable(t(lang, 'whatifSchools'), heads, rows)}`;
}
