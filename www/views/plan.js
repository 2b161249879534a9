// The rectification plan (整改台账) as markup: its options' form, the plan the core made
// explained in words, its ledger with the core's totals, the actions on it, and the ledger
// as CSV. Loaded the first time a plan is asked for (calculator/planning.js); every figure
// is the core's.

import { t } from '../i18n/i18n.js';
import { headedTable, html, user } from '../lib/html.js';
import { formatCount, formatDate, formatLimit, formatMoney, formatShare, formatValue } from '../lib/format.js';
import { gridToText } from '../io/files.js';
import { neutral } from '../io/export.js';

/** @typedef {import('../types/Plan').Plan} Plan
 *  @typedef {import('../types/Addition').Addition} Addition
 *  @typedef {import('../types/PlanOptions').PlanOptions} PlanOptions
 *  @typedef {'zh' | 'zh-Hant' | 'en'} Lang */

/** The plan's options as a form, filled with `choices`. @param {PlanOptions} choices @param {Lang} lang
 * @param {(key: string) => string} label */
export function renderPlanForm(choices, lang, label) {
  const costs = Object.entries(choices.costs.resources).map(([key, value]) => html`<label class="cost">
    <span>${label(key)}</span><input type="number" min="0" step="any" data-cost="${key}" data-testid="plan-cost-${key}" value="${value}"></label>`);
  return html`<p class="hint">${t(lang, 'planIntro')}</p>
    <form id="plan-form" class="plan-form">
      <div class="field"><label for="plan-margin">${t(lang, 'planMargin')}</label>
        <input id="plan-margin" data-testid="plan-margin" type="number" min="0" step="0.01" value="${choices.margin}"></div>
      <div class="field"><label for="plan-fixed">${t(lang, 'planFixed')}</label>
        <input id="plan-fixed" data-testid="plan-fixed" inputmode="numeric" value="${choices.fixed.join(', ')}"></div>
      <div class="field check"><input type="checkbox" id="plan-rotation" data-testid="plan-rotation"${choices.rotation ? html` checked` : ''}>
        <label for="plan-rotation">${t(lang, 'planRotation')}</label></div>
      <details class="plan-costs"><summary>${t(lang, 'planCosts')}</summary><div class="cost-grid">${costs}
        <label class="cost"><span>${t(lang, 'planCostTransfer')}</span><input type="number" min="0" step="any" data-cost="transfer" data-testid="plan-cost-transfer" value="${choices.costs.transfer}"></label>
      </div></details>
      <button type="submit" data-testid="plan-make">${t(lang, 'planMake')}</button>
    </form>
    <div id="plan-result" data-testid="plan-result" aria-live="polite"></div>`;
}

/** A plan being made. @param {Lang} lang */
export const renderPlanWorking = (lang) => html`<p class="meta"><span class="spinner" aria-hidden="true"></span>${t(lang, 'planWorking')}</p>`;

/** The core refused the plan's options. @param {import('../types/Problem').Problem[]} errors @param {Lang} lang */
export function renderPlanRefused(errors, lang) {
  const reasons = errors.map((p) => p.message).join(t(lang, 'semicolon'));
  return html`<div class="problems" role="alert"><p>${t(lang, 'planOptionsError', { reasons })}</p></div>`;
}

/** The plan made, and whether it is older than the data or the settings; on paper with its
 * title block and signature lines. @param {Plan} plan @param {boolean} stale @param {Lang} lang
 * @param {(key: string) => string} label @param {{ county: string, date: string }} head */
export function renderMadePlan(plan, stale, lang, label, head) {
  const note = stale ? html`<p class="notice info" data-testid="plan-stale">${t(lang, 'planStale')}</p>` : '';
  return html`${renderLedgerHead(plan, lang, label, head)}${note}${renderPlan(plan, lang, label)}${signatures(lang)}`;
}

/** On paper, the ledger's own title block: the county, the standard, the date, the margin and
 * the unit costs it was made with. @param {Plan} plan @param {Lang} lang
 * @param {(key: string) => string} label @param {{ county: string, date: string }} head */
function renderLedgerHead(plan, lang, label, head) {
  const costs = Object.entries(plan.unit_costs).map(([key, cost]) => `${label(key)} ${formatMoney(cost, lang)}`);
  if (plan.transfer_cost > 0) costs.push(`${t(lang, 'planCostTransfer')} ${formatMoney(plan.transfer_cost, lang)}`);
  return html`<div class="print-only ledger-head" data-testid="ledger-head">
    <h2>${head.county ? html`${user(head.county)}` : ''}${t(lang, 'planLedgerTitle')}</h2>
    <p>${t(lang, 'ledgerStandard')}${t(lang, 'colon')}${t(lang, plan.standard)}　${t(lang, 'ledgerDate')}${t(lang, 'colon')}${formatDate(head.date, lang)}　${t(lang, 'ledgerMargin')}${t(lang, 'colon')}${formatLimit(plan.margin, lang)}</p>
    <p class="meta">${t(lang, 'planCosts')}${t(lang, 'colon')}${costs.join(t(lang, 'listJoin'))}</p></div>`;
}

/** The lines an inspection file is signed on, on paper only. @param {Lang} lang */
const signatures = (lang) => html`<p class="signatures print-only ledger-signatures">${['signUnit', 'signHead', 'signBy', 'signPhone'].map((key) => html`<span>${t(lang, key)}</span>`)}</p>`;

/** A school and its level, in the language's brackets. @param {string} name @param {string} level @param {Lang} lang */
const place = (name, level, lang) => (lang !== 'en' ? html`${user(name)}（${t(lang, level)}）` : html`${user(name)} (${t(lang, level)})`);

/** The plan in words, its ledger and its totals. @param {Plan} plan @param {Lang} lang
 * @param {(key: string) => string} label */
export function renderPlan(plan, lang, label) {
  const nothing = !plan.additions.length && !plan.transfers.length;
  if (plan.feasible && nothing) return html`<p class="plan-summary" data-testid="plan-summary">${t(lang, 'planNothing')}</p>`;
  return html`${renderSummary(plan, lang, label)}${renderExempt(plan, lang)}${renderLedger(plan, lang, label)}
    ${renderTotals(plan, lang, label)}${renderTransfers(plan, lang, label)}
    <div class="actions plan-actions">
      ${plan.feasible ? html`<button type="button" data-plan="apply" data-testid="plan-apply">${t(lang, 'planApply')}</button>` : ''}
      <button type="button" class="ghost" data-plan="csv" data-testid="plan-csv">${t(lang, 'planCsv')}</button>
      <button type="button" class="ghost" data-plan="print" data-testid="plan-print">${t(lang, 'planPrint')}</button>
    </div><p class="meta" id="plan-applied" role="status"></p>`;
}

/** What the plan costs and buys, in one paragraph; why it cannot pass when it cannot.
 * @param {Plan} plan @param {Lang} lang @param {(key: string) => string} label */
function renderSummary(plan, lang, label) {
  if (!plan.feasible) {
    const reasons = plan.problems.map((p) => p.message).join(t(lang, 'semicolon'));
    return html`<div class="problems" role="alert" data-testid="plan-summary"><p>${t(lang, 'planInfeasible', { reasons })}</p></div>`;
  }
  const bought = plan.totals.resources.filter((r) => r.bought).map((r) => `${label(r.column)} ${formatCount(r.add, lang)} ${r.unit}`);
  if (plan.totals.moved) bought.push(t(lang, 'planWhatMoves', { count: formatCount(plan.totals.moved, lang) }));
  const what = bought.join(t(lang, 'listJoin'));
  const sentence = t(lang, 'planSummary', { standard: t(lang, plan.standard), margin: formatLimit(plan.margin, lang), cost: formatMoney(plan.total_cost, lang), what });
  const bound = plan.lower_bound == null ? '' : html` ${t(lang, 'planBound', { bound: formatMoney(plan.lower_bound, lang) })}`;
  const method = plan.method === 'baseline' ? html` ${t(lang, 'planBaseline')}` : '';
  return html`<p class="plan-summary" data-testid="plan-summary" data-cost="${plan.total_cost}">${sentence} <strong>${t(lang, 'planProven')}</strong>${bound}${method}</p>`;
}

/** quality2017: each school's indicator left at the floor fraction, and what that saves.
 * @param {Plan} plan @param {Lang} lang */
function renderExempt(plan, lang) {
  const schools = plan.schools.filter((s) => s.exempt.length);
  if (!schools.length) return '';
  const first = schools[0].exempt[0];
  const floor = formatShare(first.floor / first.standard, lang);
  const name = (level, key) => plan.after.levels[level]?.indicators.find((i) => i.key === key)?.name ?? key;
  const items = schools.map((s) => html`<li data-testid="plan-exempt-${s.row}">${place(s.name, s.level, lang)}${t(lang, 'colon')}${s.exempt.map((e) => t(lang, e.saving > 0 ? 'planExemptRow' : 'planExemptMet', {
    indicator: name(s.level, e.indicator), value: formatValue(e.value, lang), standard: formatValue(e.standard, lang),
    floor: formatValue(e.floor, lang), saving: formatMoney(e.saving, lang),
  })).join(t(lang, 'semicolon'))}</li>`);
  return html`<details class="plan-exempt"><summary>${t(lang, 'planExemptTitle', { floor })}</summary>
    <p class="meta">${t(lang, 'planExemptNote', { floor })}</p><ul>${items}</ul></details>`;
}

/** The ledger's lines: one per addition, as the table and the CSV show them.
 * @param {Plan} plan @param {Lang} lang @param {(key: string) => string} label */
function ledgerLines(plan, lang, label) {
  const name = (a) => (a.counted_in ? t(lang, 'planCountedIn', { column: label(a.counted_in) })
    : plan.after.levels[a.level]?.indicators.find((i) => i.key === a.indicator)?.name ?? label(a.column));
  return plan.additions.map((a) => ({ a, indicator: name(a), what: `${label(a.column)}${a.whole_school ? t(lang, 'planWholeSchool') : ''}` }));
}

/** @param {Plan} plan @param {Lang} lang @param {(key: string) => string} label */
function renderLedger(plan, lang, label) {
  const value = (v) => (v == null ? '' : html`<span data-value="${v}">${formatValue(v, lang)}</span>`);
  const names = [t(lang, 'rowNumber'), t(lang, 'school'), t(lang, 'level'), t(lang, 'indicator'), t(lang, 'planCurrent'), t(lang, 'planTarget'),
    t(lang, 'planColumnAdded'), t(lang, 'planAdd'), t(lang, 'planUnit'), t(lang, 'planCost')];
  // Each cell names its column (data-label): on a phone each line is a card (style.css).
  const [row, school, level, indicatorName, current, target, added, add, , cost] = names;
  const rows = ledgerLines(plan, lang, label).map(({ a, indicator, what }) => html`<tr data-testid="plan-line">
    <td class="line" data-label="${row}">${a.row}</td><td class="school" data-label="${school}">${user(a.name)}</td><td data-label="${level}">${t(lang, a.level)}</td>
    <td data-label="${indicatorName}">${indicator}</td>
    <td class="num" data-label="${current}">${value(a.current)}</td><td class="num" data-label="${target}">${value(a.target)}</td>
    <td data-label="${added}">${what}</td><td class="num" data-label="${add}" data-value="${a.add}">${formatCount(a.add, lang)} <span class="unit-inline">${a.unit}</span></td><td class="unit-cell">${a.unit}</td>
    <td class="num" data-label="${cost}" data-value="${a.cost}">${formatMoney(a.cost, lang)}</td></tr>`);
  const total = html`<tr class="total"><th scope="row" colspan="9">${t(lang, 'planTotal')}</th><td class="num" data-testid="plan-total" data-value="${plan.total_cost}">${formatMoney(plan.total_cost, lang)}</td></tr>`;
  return html`<h3>${t(lang, 'planLedgerTitle')}</h3><div data-testid="plan-ledger">${headedTable(t(lang, 'planLedgerTitle'), names, html`${rows}${total}`, 'plan-ledger')}</div>`;
}

/** The core's totals per school and per resource. @param {Plan} plan @param {Lang} lang
 * @param {(key: string) => string} label */
function renderTotals(plan, lang, label) {
  const money = (v) => html`<td class="num" data-value="${v}">${formatMoney(v, lang)}</td>`;
  const schools = plan.totals.schools.map((s) => html`<tr><td>${user(s.name)}</td>${money(s.cost)}</tr>`);
  const resources = plan.totals.resources.map((r) => html`<tr><td>${label(r.column)}</td><td class="num">${formatCount(r.add, lang)} ${r.unit}</td>${money(r.cost)}</tr>`);
  if (plan.totals.transfers > 0) resources.push(html`<tr><td>${t(lang, 'planTransferCost')}</td><td></td>${money(plan.totals.transfers)}</tr>`);
  return html`<div class="plan-totals">
    <div data-testid="plan-totals-school"><h4>${t(lang, 'planTotalsSchool')}</h4>${headedTable(t(lang, 'planTotalsSchool'), [t(lang, 'school'), t(lang, 'planCost')], schools)}</div>
    <div data-testid="plan-totals-resource"><h4>${t(lang, 'planTotalsResource')}</h4>${headedTable(t(lang, 'planTotalsResource'), [t(lang, 'planColumnAdded'), t(lang, 'planAdd'), t(lang, 'planCost')], resources)}</div></div>`;
}

/** @param {Plan} plan @param {Lang} lang @param {(key: string) => string} label */
function renderTransfers(plan, lang, label) {
  if (!plan.transfers.length) return '';
  const rows = plan.transfers.map((m) => html`<tr data-testid="plan-transfer"><td>${place(m.from.name, m.from.level, lang)}</td>
    <td>${place(m.to.name, m.to.level, lang)}</td><td>${label(m.column)}</td><td class="num">${m.count}</td><td class="num" data-value="${m.cost}">${formatMoney(m.cost, lang)}</td></tr>`);
  const names = [t(lang, 'planFrom'), t(lang, 'planTo'), t(lang, 'planColumn'), t(lang, 'planCount'), t(lang, 'planCost')];
  return html`<h3>${t(lang, 'planTransfers')}</h3>${headedTable(t(lang, 'planTransfers'), names, rows)}`;
}

/** The ledger as CSV (UTF-8 with BOM on download; numbers unrounded; cells that a
 * spreadsheet would run as formulas neutralised): its title block (the county, the standard,
 * the date, the margin), then the lines, the moves and the total.
 * @param {Plan} plan @param {Lang} lang @param {(key: string) => string} label
 * @param {{ county: string, date: string }} head */
export function ledgerCsv(plan, lang, label, head) {
  const header = [t(lang, 'rowNumber'), t(lang, 'school'), t(lang, 'level'), t(lang, 'indicator'), t(lang, 'planCurrent'), t(lang, 'planTarget'),
    t(lang, 'planColumnAdded'), t(lang, 'planAdd'), t(lang, 'planUnit'), t(lang, 'planCost')];
  const lines = ledgerLines(plan, lang, label).map(({ a, indicator, what }) => [a.row, a.name, t(lang, a.level), indicator, a.current ?? '', a.target ?? '', what, a.add, a.unit, a.cost]);
  const moves = plan.transfers.map((m) => [m.to.row, m.to.name, t(lang, m.to.level), t(lang, 'planTransfers'), '', '',
    `${label(m.column)} ← ${m.from.name}`, m.count, '', m.cost]);
  const total = [t(lang, 'planTotal'), '', '', '', '', '', '', '', '', plan.total_cost];
  const title = [[t(lang, 'planLedgerTitle'), head.county], [t(lang, 'ledgerStandard'), t(lang, plan.standard)],
    [t(lang, 'ledgerDate'), head.date], [t(lang, 'ledgerMargin'), plan.margin], []];
  return gridToText([...title, header, ...lines, ...moves, total].map((row) => row.map(neutral)), ',');
}
