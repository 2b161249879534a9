// Two years side by side (对比往年数据): every CV then and now, its change and its limit, and
// whether it crossed it; each verdict then and now; the schools new and gone; and the earlier
// project's plan line by line against what the later table shows was added. All of it is the
// core's comparison (junheng::compare); this module only lays it out (its CSV: io/export.js).

import { t } from '../i18n/i18n.js';
import { headedTable, html, user } from '../lib/html.js';
import { badge } from '../lib/markup.js';
import { formatCount, formatCv, formatLimit, formatMoney, formatValue } from '../lib/format.js';

/** @typedef {import('../types/Comparison').Comparison} Comparison
 *  @typedef {import('../types/Lang').Lang} Lang */

/** A verdict as the report shows it, or a dash where there is none. */
const verdict = (passed, lang) => badge(passed, lang) || '—';

/** A change of a CV, with its sign. */
const signed = (change, lang) => (change == null ? '—' : `${change > 0 ? '+' : ''}${formatCv(change, lang)}`);

/** The comparison with the file `name`. @param {Comparison} c @param {Lang} lang
 * @param {string} name @param {(key: string) => string} label a column's name */
export function renderYears(c, lang, name, label) {
  const notes = c.notes.map((n) => html`<p class="meta" data-testid="compare-note">${n.message}</p>`);
  const rows = c.indicators.map((i) => html`<tr data-testid="compare-${i.level}-${i.key}" data-before="${i.before ?? ''}" data-after="${i.after ?? ''}">
    <td>${t(lang, i.level)}</td><th scope="row">${i.name}</th><td class="num">${formatCv(i.before, lang)}</td><td class="num">${formatCv(i.after, lang)}</td>
    <td class="num">${signed(i.change, lang)}</td><td class="num">${i.limit == null ? '—' : html`≤ ${formatLimit(i.limit, lang)}`}</td>
    <td>${i.crossed == null ? '—' : t(lang, i.crossed ? 'yearsCrossed' : 'yearsNotCrossed')}</td></tr>`);
  const names = [t(lang, 'level'), t(lang, 'indicator'), t(lang, 'yearsBefore'), t(lang, 'yearsAfter'), t(lang, 'yearsChange'), t(lang, 'yearsLimit'), t(lang, 'yearsCrossing')];
  const verdicts = c.verdicts.map((v) => html`<li data-testid="compare-verdict-${v.key}">${v.name}${t(lang, 'colon')}${verdict(v.before, lang)} → ${verdict(v.after, lang)}</li>`);
  return html`<section class="panel years" data-testid="compare" aria-labelledby="compare-title">
    <div class="panel-head"><h3 id="compare-title">${t(lang, 'yearsTitle')}${t(lang, 'colon')}${user(name)}</h3>
      <div class="actions"><button type="button" class="ghost" data-compare="csv" data-testid="compare-csv">${t(lang, 'yearsCsv')}</button>
      <button type="button" class="ghost" data-compare="close">${t(lang, 'explainClose')}</button></div></div>
    ${notes}${headedTable(t(lang, 'yearsTitle'), names, rows)}<ul>${verdicts}</ul>
    ${renderSchools(c, lang)}${c.plan ? renderProgress(c.plan, lang, label) : ''}</section>`;
}

/** The schools found again (by 学校标识码 where both tables have it), with each indicator's
 * value then → now (folded), and the schools new and gone. */
function renderSchools(c, lang) {
  const of = (status) => c.schools.filter((s) => s.status === status);
  const list = (status) => of(status).map((s) => html`${user(s.name)}（${t(lang, s.level)}）`);
  const line = (status, key) => (of(status).length ? html`<p data-testid="compare-${status}">${t(lang, key, { n: formatCount(of(status).length, lang) })}${t(lang, 'colon')}${list(status).map((s, i) => html`${i ? t(lang, 'listJoin') : ''}${s}`)}</p>` : '');
  const names = new Map(c.indicators.map((i) => [i.key, i.name]));
  const keys = [...new Set(of('matched').flatMap((s) => Object.keys(s.values)))];
  const value = (v) => (v == null ? '—' : formatValue(v, lang));
  const cell = ([then, now]) => html`<td class="num">${value(then)} → ${value(now)}</td>`;
  const rows = of('matched').map((s) => html`<tr data-testid="compare-school"><th scope="row">${user(s.name)}（${t(lang, s.level)}）</th>${keys.map((k) => cell(s.values[k] ?? [null, null]))}</tr>`);
  const matched = t(lang, 'yearsMatched', { n: formatCount(of('matched').length, lang) });
  return html`<details class="contributions" data-testid="compare-matched"><summary>${matched}</summary>
    ${headedTable(matched, [t(lang, 'school'), ...keys.map((k) => names.get(k) ?? k)], rows)}</details>${line('new', 'yearsNew')}${line('gone', 'yearsGone')}`;
}

/** The earlier plan's lines against the later table. */
function renderProgress(plan, lang, label) {
  const rows = plan.lines.map((l) => html`<tr data-testid="compare-line" data-status="${l.status}"><td>${l.row}</td><td>${user(l.name)}</td><td>${label(l.column)}</td>
    <td class="num">${formatCount(l.planned, lang)}</td><td class="num">${l.added == null ? '—' : formatCount(l.added, lang)}</td><td>${t(lang, `yearsLine_${l.status}`)}</td></tr>`);
  const names = [t(lang, 'rowNumber'), t(lang, 'school'), t(lang, 'yearsColumn'), t(lang, 'yearsPlanned'), t(lang, 'yearsAdded'), t(lang, 'yearsStatus')];
  return html`<h4>${t(lang, 'yearsPlan')}</h4>${headedTable(t(lang, 'yearsPlan'), names, rows)}
    <p data-testid="compare-plan-cost">${t(lang, 'yearsPlanCost', { done: formatMoney(plan.cost_done, lang), cost: formatMoney(plan.cost, lang) })}</p>`;
}
