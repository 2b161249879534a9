// One CV step by step, as the official handout lays it out: a row per school with P, R, x,
// P/P_total, x − X̄ and the weighted square, then the sums, S, X̄ and the CV, beside the two
// spreadsheet recipes and why they differ. Every number is the core's (`explain`, from the
// engine's second module), unrounded in data- attributes; this module only lays them out.

import { addStrings, t } from './i18n.js';
import { EXTRA_STRINGS } from './i18n-extra.js';
import { headedTable, html, user } from './html.js';
import { formatCount, formatCv, formatValue } from './format.js';

addStrings(EXTRA_STRINGS);

/** @typedef {import('./types/Explanation').Explanation} Explanation
 *  @typedef {'zh' | 'en'} Lang */

/** A small number in full enough to follow the arithmetic: six significant digits. */
const precise = (value, lang) => new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { maximumSignificantDigits: 6 }).format(value);

/** The view of `e`. @param {Explanation} e @param {Lang} lang */
export function renderExplanation(e, lang) {
  const title = t(lang, 'explainTitle', { level: t(lang, e.level), indicator: e.name });
  const scale = t(lang, e.scale === 100 ? 'explainScaleHundred' : 'explainScaleOne');
  const rows = e.steps.map((s) => html`<tr data-testid="step-${s.row}" data-x="${s.value}" data-weight="${s.weight}" data-term="${s.term}">
    <td class="line">${s.row}</td><td>${user(s.name)}</td><td class="num">${formatCount(s.students, lang)}</td>
    <td class="num">${formatValue(s.resource, lang)}</td><td class="num">${precise(s.value, lang)}</td><td class="num">${precise(s.weight, lang)}</td>
    <td class="num">${precise(s.deviation, lang)}</td><td class="num">${precise(s.term, lang)}</td></tr>`);
  const total = html`<tr class="total"><th scope="row" colspan="2">${t(lang, 'explainTotal')}</th><td class="num">${formatCount(e.students, lang)}</td>
    <td class="num">${formatValue(e.resource, lang)}</td><td></td><td class="num">1</td><td></td><td class="num">${precise(e.variance, lang)}</td></tr>`;
  const names = [t(lang, 'rowNumber'), t(lang, 'school'), t(lang, 'explainStudents'), t(lang, 'explainResource', { unit: e.unit }), t(lang, 'explainValue'),
    t(lang, 'explainWeight'), t(lang, 'explainDeviation'), t(lang, 'explainTerm')];
  const u = e.unweighted;
  const line = (testid, label, value, shown) => html`<tr data-testid="${testid}" data-value="${value ?? ''}"><th scope="row">${label}</th><td class="num">${shown}</td></tr>`;
  const sums = [
    line('step-county-value', t(lang, 'explainCounty'), e.county_value, precise(e.county_value, lang)),
    line('step-variance', t(lang, 'explainVariance'), e.variance, precise(e.variance, lang)),
    line('step-sd', t(lang, 'explainSd'), e.sd, precise(e.sd, lang)),
    line('step-cv', t(lang, 'explainCv'), e.cv, html`<strong>${formatCv(e.cv, lang)}</strong>`),
    line('step-cv-unweighted', t(lang, 'explainUnweighted', { mean: precise(u.mean, lang), sd: precise(u.sd_population, lang) }), u.cv_population, formatCv(u.cv_population, lang)),
    line('step-cv-sample', t(lang, 'explainSample', { sd: u.sd_sample == null ? '—' : precise(u.sd_sample, lang) }), u.cv_sample, formatCv(u.cv_sample, lang)),
  ];
  return html`<section class="panel explain" data-testid="explain" aria-labelledby="explain-title" tabindex="-1">
    <div class="panel-head"><h3 id="explain-title">${title}</h3>
      <div class="actions"><button type="button" class="ghost" data-explain-close data-testid="explain-close">${t(lang, 'explainClose')}</button></div></div>
    <p class="meta">${t(lang, 'explainIntro', { scale })}</p>
    ${headedTable(title, names, html`${rows}${total}`, 'steps')}
    ${headedTable(t(lang, 'explainCv'), [t(lang, 'explainFormula'), t(lang, 'explainResult')], sums, 'step-sums')}
    <p class="explain-why">${t(lang, 'explainWhy')}</p></section>`;
}
