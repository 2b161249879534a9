// One CV step by step, as the official handout lays it out: a row per school with P, R, x,
// P/P_total, x − X̄ and the weighted square, then the sums, S, X̄ and the CV, beside the two
// spreadsheet recipes and why they differ. Every number is the core's (`explain`, from the
// engine's second module), unrounded in data- attributes; this module only lays them out.

import { t } from '../i18n/i18n.js';
import { headedTable, html, user } from '../lib/html.js';
import { formatCount, formatCv, formatShare, formatValue, LOCALES } from '../lib/format.js';
import { labelWidth } from '../lib/markup.js';

/** A figure of the computation: six significant digits, one formatter per language. (Its place
 * is format.js, whose bytes are on the first load, which this view is not.) */
const preciseFormats = new Map();
const precise = (value, lang) => {
  if (!preciseFormats.has(lang)) preciseFormats.set(lang, new Intl.NumberFormat(LOCALES[lang], { maximumSignificantDigits: 6 }));
  return preciseFormats.get(lang).format(value);
};

/** @typedef {import('../types/Explanation').Explanation} Explanation
 *  @typedef {'zh' | 'zh-Hant' | 'en'} Lang */

/** The indicator's schools as bars sorted by value, with the county value and (quality2017)
 * the standard as lines; a school below its standard is marked in words (✗ and the word), not
 * by colour alone. Inline SVG, no library; `k`: how much larger than on the page (presenting).
 * @param {Explanation} e @param {Lang} lang @param {number} k */
function renderSchoolChart(e, lang, k) {
  const sorted = [...e.steps].sort((a, b) => a.value - b.value);
  const top = Math.max(e.county_value, e.standard ?? 0, ...sorted.map((s) => s.value), 1e-9) * 1.1;
  const [width, bar, gap, base] = [300 * k, 16 * k, 5 * k, 12 * k];
  const left = Math.ceil(Math.max(...sorted.map((s) => labelWidth(s.name) * k))) + 12;
  const x = (v) => left + (v / top) * width;
  // Room under the bars for the lines' two labels, one row each.
  const height = sorted.length * (bar + gap) + 2.6 * base + 4;
  const bars = sorted.map((s, n) => {
    const y = n * (bar + gap);
    const below = s.meets === false;
    return html`<text x="${left - 6}" y="${y + base}" text-anchor="end">${s.name}</text>
      <rect x="${left}" y="${y}" width="${Math.max(1, x(s.value) - left)}" height="${bar}" class="${below ? 'bar over' : 'bar'}"><title>${s.name} ${formatValue(s.value, lang)}</title></rect>
      <text x="${x(s.value) + 4}" y="${y + base}">${formatValue(s.value, lang)}${below ? ` ✗ ${t(lang, 'explainBelow')}` : ''}</text>`;
  });
  const line = (value, label, className, row) => html`<line x1="${x(value)}" x2="${x(value)}" y1="0" y2="${sorted.length * (bar + gap)}" class="${className}"/>
    <text x="${x(value)}" y="${height - 4 - row * 1.3 * base}" text-anchor="middle" class="${className}-label">${label} ${formatValue(value, lang)}</text>`;
  const title = t(lang, 'explainChart', { indicator: e.name, level: t(lang, e.level) });
  const w = left + width + 90 * k;
  return html`<figure class="chart school-chart" data-testid="explain-chart"><svg viewBox="0 0 ${w} ${height}" ${k > 1 ? html`width="${w}" height="${height}" ` : ''}role="img" aria-label="${title}">
    ${bars}${line(e.county_value, t(lang, 'explainCountyLine'), 'county', 1)}${e.standard == null ? '' : line(e.standard, t(lang, 'explainStandardLine'), 'limit', 0)}</svg>
    <figcaption>${title}</figcaption></figure>`;
}

/** Presenting, the charts are drawn this much larger, at their own size (style.css): their
 * 12-unit type becomes 18 px, to be read from the back of a room. */
const PRESENTING = 1.5;

/** How many schools the chart of shares names: the largest, which make most of the CV. */
const SHARES_SHOWN = 10;

/** Who makes the CV: the schools with the largest shares of the variance as bars, each saying
 * in words whether it stands below or above the county value. @param {Explanation} e @param {Lang} lang
 * @param {number} k */
function renderShares(e, lang, k) {
  const top = [...e.steps].sort((a, b) => b.share - a.share).slice(0, SHARES_SHOWN).filter((s) => s.share > 0);
  if (!top.length) return '';
  const [width, bar, gap, base] = [220 * k, 16 * k, 5 * k, 12 * k];
  const left = Math.ceil(Math.max(...top.map((s) => labelWidth(s.name) * k))) + 12;
  const height = top.length * (bar + gap);
  const bars = top.map((s, n) => {
    const y = n * (bar + gap);
    const side = t(lang, s.deviation < 0 ? 'contributionBelow' : 'contributionAbove', { share: formatShare(s.share, lang) });
    return html`<text x="${left - 6}" y="${y + base}" text-anchor="end">${s.name}</text>
      <rect x="${left}" y="${y}" width="${Math.max(1, s.share * width)}" height="${bar}" class="${s.deviation < 0 ? 'bar under' : 'bar'}" data-share="${s.share}"><title>${s.name}${side}</title></rect>
      <text x="${left + s.share * width + 4}" y="${y + base}">${side}</text>`;
  });
  const title = t(lang, 'contributionsTitle');
  const w = left + width + 200 * k;
  return html`<figure class="chart school-chart" data-testid="explain-shares"><svg viewBox="0 0 ${w} ${height}" ${k > 1 ? html`width="${w}" height="${height}" ` : ''}role="img" aria-label="${title}">${bars}</svg>
    <figcaption>${title}</figcaption></figure>`;
}

/** The view of `e`; `presenting`: large, one indicator at a time, arrows to move.
 * @param {Explanation} e @param {Lang} lang @param {boolean} presenting */
export function renderExplanation(e, lang, presenting = false) {
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
  const present = html`<button type="button" class="ghost" data-explain-present data-testid="explain-present" aria-pressed="${presenting}">${t(lang, presenting ? 'explainPresentEnd' : 'explainPresent')}</button>`;
  return html`<section class="panel explain${presenting ? ' presenting' : ''}" data-testid="explain" data-level="${e.level}" data-indicator="${e.indicator}" aria-labelledby="explain-title" tabindex="-1">
    <div class="panel-head"><h3 id="explain-title">${title}</h3>
      <div class="actions">${present}<button type="button" class="ghost" data-explain-close data-testid="explain-close">${t(lang, 'explainClose')}</button></div></div>
    ${presenting ? html`<p class="meta">${t(lang, 'explainKeys')}</p>` : ''}
    <p class="meta">${t(lang, 'explainIntro', { scale })}</p>
    <div class="explain-body"><div>${headedTable(e.name, names, html`${rows}${total}`, 'steps')}
    ${headedTable(t(lang, 'explainCv'), [t(lang, 'explainFormula'), t(lang, 'explainResult')], sums, 'step-sums')}</div>
    <div>${renderSchoolChart(e, lang, presenting ? PRESENTING : 1)}${renderShares(e, lang, presenting ? PRESENTING : 1)}</div></div>
    <p class="explain-why">${t(lang, 'explainWhy')}</p></section>`;
}
