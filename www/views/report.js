// Renders an evaluation (the result contract of the core) as the page's report: the verdicts,
// each level's indicators, the exclusions, the splits, the notes and the parts' answers. The
// schools (schools.js), where differences come from (sources.js) and the reading (review.js)
// are views of their own. Every pass/fail comes from the core; numbers are rounded here, for
// display only, and every CV cell keeps its unrounded value in data-value.

import { t } from '../i18n/i18n.js';
import { headedTable, html, scrollBox, user } from '../lib/html.js';
import { badge, describeProblem, firstOf, moreNote, profileName } from '../lib/markup.js';
import { formatAnswer as formatNumber, formatCount, formatCv, formatLimit, formatRate, formatShare, formatValue } from '../lib/format.js';

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

/** @type {Level[]} */
const LEVELS = ['primary', 'junior'];

/** The report, as markup for the summary and the levels' indicators (each level's `card`).
 * @param {Evaluation} result @param {Lang} lang */
export function renderReport(result, lang, { exampleAnswers = false } = {}) {
  const levels = LEVELS.filter((level) => result.levels[level]);
  return {
    overall: renderOverall(result, lang, exampleAnswers),
    summary: renderSummary(result, levels, lang),
    levels: levels.map((level) => ({ level, card: renderLevel(result, level, lang) })),
  };
}

/** The notes below the report: the excluded schools, the split ones, the warnings; a
 * section each, drawn apart, so that an edit that changes one draws that one.
 * @param {Evaluation} result @param {Lang} lang */
export const renderNotes = (result, lang) => [renderExcluded(result, lang), renderSplits(result, lang), renderWarnings(result.warnings, lang)];

/** The frame the levels are drawn into: per level, a place for its card and its schools.
 * @param {Level[]} levels */
export const levelFrames = (levels) =>
  levels.map((level) => html`<section class="panel level" aria-labelledby="level-${level}">
    <div id="card-${level}"></div><div id="schools-${level}"></div></section>`);

/** @param {Evaluation} result @param {Level[]} levels @param {Lang} lang */
function renderSummary(result, levels, lang) {
  const cards = levels.map((level) => {
    const r = result.levels[level];
    // Provisional figures (some rows wrong): the core withholds the verdict, said in words.
    const [key, mark, kind] = result.provisional ? ['levelWithheld', '…', 'withheld'] : r.passed ? ['levelPassed', '✓', 'pass'] : ['levelFailed', '✗', 'fail'];
    const heading = t(lang, key, { level: t(lang, level) });
    const reasons = r.reasons.map((reason) => html`<li>${reason}</li>`);
    return html`<div class="verdict ${kind}" data-testid="verdict-${level}" data-passed="${r.passed}"${result.provisional ? html` data-provisional="true"` : ''}>
        <p class="verdict-head"><span aria-hidden="true">${mark}</span> ${heading}</p>
        <p class="meta">${t(lang, 'levelMeta', { schools: r.schools, students: formatCount(r.students, lang) })}</p>
        ${reasons.length ? html`<ul>${reasons}</ul>` : ''}
      </div>`;
  });
  return html`<div class="summary"><h3>${t(lang, 'verdictTitle')} · ${t(lang, result.standard)}</h3>
    <div class="verdicts">${cards}</div>
    <p class="meta">${t(lang, 'verdictNote')}</p>${renderDataSummary(result, levels, lang)}</div>`;
}

/** On paper, the data the verdict rests on: per level the schools and students evaluated and
 * the schools left out; the core's counts.
 * @param {Evaluation} result @param {Level[]} levels @param {Lang} lang */
function renderDataSummary(result, levels, lang) {
  const rows = levels.map((level) => {
    const r = result.levels[level];
    return html`<tr data-testid="report-data-${level}"><th scope="row">${t(lang, level)}</th><td class="num">${formatCount(r.schools, lang)}</td>
      <td class="num">${formatCount(r.students, lang)}</td><td class="num">${formatCount(r.excluded, lang)}</td></tr>`;
  });
  const title = t(lang, 'reportData');
  return html`<div class="print-only" data-testid="report-data"><h4>${title}</h4>
    ${headedTable(title, [t(lang, 'level'), t(lang, 'reportSchools'), t(lang, 'students'), t(lang, 'reportExcluded')], rows, 'data-summary')}</div>`;
}

/** @param {Evaluation} result @param {Level} level @param {Lang} lang */
function renderLevel(result, level, lang) {
  const r = result.levels[level];
  // Under quality2017 every indicator has its own limit, verdict and school standard (the
  // core fills them); under basic2012 only the composite has a limit.
  const quality = r.indicators.some((i) => i.limit != null);
  // Each cell names its column (data-label): on a phone the rows become cards (style.css).
  const cell = (key, content, extra = html``) => html`<td class="num"${extra} data-label="${t(lang, key)}">${content}</td>`;
  const rows = r.indicators.map((i) => html`<tr>
      <th scope="row">${i.name} <button type="button" class="link step-link" data-explain="${level}/${i.key}" data-testid="explain-${level}-${i.key}">${t(lang, 'explainOpen')}</button></th>
      ${cell('countyValue', html`${formatValue(i.county_value, lang)} <span class="unit">${i.unit}</span>`)}
      ${cell('sd', formatValue(i.sd, lang))}
      <td class="num cv" data-testid="cv-${level}-${i.key}" data-value="${i.cv ?? ''}" data-label="${t(lang, 'cv')}">${formatCv(i.cv, lang)}</td>
      ${quality ? html`${cell('limit', html`≤ ${formatLimit(i.limit, lang)}`)}<td data-label="${t(lang, 'result')}">${badge(i.passed, lang)}</td>
        ${cell('schoolStandard', html`≥ ${i.standard}`)}${cell('schoolsAtStandard', html`${i.schools_at_standard} / ${r.schools}`)}` : html`<td></td><td></td>`}
    </tr>`);
  const composite = r.composite_limit == null ? '' : html`<tr class="composite">
      <th scope="row">${t(lang, 'composite', { n: r.indicators.length })}</th><td></td><td></td>
      <td class="num cv" data-testid="composite-${level}" data-value="${r.composite_cv ?? ''}" data-label="${t(lang, 'cv')}">${formatCv(r.composite_cv, lang)}</td>
      ${cell('limit', html`≤ ${formatLimit(r.composite_limit, lang)}`)}<td data-label="${t(lang, 'result')}">${badge(r.composite_passed, lang)}</td></tr>`;
  const names = [t(lang, 'indicator'), t(lang, 'countyValue'), t(lang, 'sd'), t(lang, 'cv')]
    .concat(quality ? [t(lang, 'limit'), t(lang, 'result'), t(lang, 'schoolStandard'), t(lang, 'schoolsAtStandard')] : r.composite_limit == null ? [] : [t(lang, 'limit'), t(lang, 'result')]);
  const head = names.map((name) => html`<th scope="col">${name}</th>`);
  const note = quality ? '' : html`<p class="meta">${t(lang, 'compositeOnly', { limit: formatLimit(r.composite_limit, lang) })}</p>`;
  const title = t(lang, level);
  const verdict = result.provisional ? html`<span class="badge withheld">… ${t(lang, 'withheld')}</span>` : badge(r.passed, lang);
  return html`<div class="panel-head"><h3 id="level-${level}">${title}</h3>${verdict}
      <span class="meta">${t(lang, 'levelMeta', { schools: r.schools, students: formatCount(r.students, lang) })}</span></div>
    ${scrollBox(`${title} · ${t(lang, 'indicator')}`, html`<table class="indicators"><thead><tr>${head}</tr></thead><tbody>${rows}${composite}</tbody></table>`)}
    ${note}`;
}

/** @param {Evaluation} result @param {Lang} lang */
function renderExcluded(result, lang) {
  if (!result.excluded.length) return '';
  const { shown, more } = firstOf(result.excluded, result.lengths?.excluded);
  const rows = shown.map((x) => html`<tr><td class="num">${x.row}</td><th scope="row">${user(x.name)}</th><td>${t(lang, x.level)}</td><td class="num">${formatCount(x.students, lang)}</td><td>${x.reason}</td></tr>`);
  const title = t(lang, 'excludedTitle');
  return html`<section class="panel"><h3>${title}</h3>
    ${headedTable(title, [t(lang, 'rowNumber'), t(lang, 'school'), t(lang, 'level'), t(lang, 'students'), t(lang, 'reason')], rows)}${moreNote(more, lang)}</section>`;
}

/** @param {Evaluation} result @param {Lang} lang */
function renderSplits(result, lang) {
  if (!result.splits.length) return '';
  const w = result.splits[0].weights;
  const { shown, more } = firstOf(result.splits, result.lengths?.splits);
  const blocks = shown.map((split) => {
    const rows = split.resources.map((r) => html`<tr><th scope="row">${r.name}</th>${['total', 'primary', 'junior', 'senior'].map((k) => html`<td class="num">${formatValue(r[k], lang)}</td>`)}</tr>`);
    const students = html`<tr class="students"><th scope="row">${t(lang, 'students')}</th><td class="num">${formatCount(split.students_total, lang)}</td>${['primary', 'junior', 'senior'].map((k) => html`<td class="num">${formatCount(split.students[k], lang)}</td>`)}</tr>`;
    const names = [t(lang, 'column'), t(lang, 'total'), t(lang, 'primary'), t(lang, 'junior'), t(lang, 'senior')];
    return html`<h4>${user(split.name)}</h4>${headedTable(split.name, names, html`${students}${rows}`, 'splits')}`;
  });
  return html`<section class="panel"><h3>${t(lang, 'splitsTitle')}</h3>
    <p class="meta">${t(lang, 'splitsNote', { w: `${w.primary} : ${w.junior} : ${w.senior}` })}</p>${blocks}${moreNote(more, lang)}</section>`;
}

function renderWarnings(warnings, lang) {
  if (!warnings.length) return '';
  const { shown, more } = firstOf(warnings);
  return html`<section class="panel notes"><h3>${t(lang, 'warningsTitle')}</h3><ul>${shown.map((w) => html`<li>${describeProblem(w, lang)}</li>`)}</ul>${moreNote(more, lang)}</section>`;
}

function formatAnswer(value, lang) {
  if (value === true || value === false) return t(lang, value ? 'yes' : 'no');
  return formatNumber(value, lang);
}

/** What an item stands at: the answer against its rule, that it is unanswered or set aside,
 * or (decided by the school table) how many schools breach it.
 * @param {PartItem} item @param {Lang} lang */
function itemState(item, lang) {
  return item.error ? item.error.message
    : !item.answered ? t(lang, 'notAnswered')
    : item.computed ? t(lang, 'schoolsInBreach', { n: item.details.length })
    : item.value == null ? '' : `${formatAnswer(item.value, lang)}${item.rule ? t(lang, 'required', { rule: item.rule }) : ''}`;
}

/** One failing item: its state and its details.
 * @param {PartItem} item @param {Lang} lang */
function failingItem(item, lang) {
  const state = itemState(item, lang);
  const { shown, more } = firstOf(item.details);
  const details = item.details.length ? html`<ul class="details">${shown.map((d) => html`<li>${d}</li>`)}</ul>${moreNote(more, lang)}` : '';
  return html`<li>${item.name}${state ? html` — <span class="state">${state}</span>` : ''}${details}</li>`;
}

/** The overall verdict: every part with pass/fail, and every failing item of a failing part;
 * `exampleAnswers`: the answers are the demo's invented ones, said beside each part that
 * uses an answer and under the verdict.
 * @param {Evaluation} result @param {Lang} lang @param {boolean} [exampleAnswers] */
export function renderOverall(result, lang, exampleAnswers = false) {
  const overall = result.overall;
  if (!overall) return '';
  const parts = result.parts.map((part) => {
    const score = part.score == null ? '' : html` <span class="meta">${part.score_kind === 'points' ? `${formatCount(part.score, lang)} / ${formatCount(part.max_score, lang)}` : formatRate(part.score, lang)}</span>`;
    const failing = part.passed ? '' : html`<ul>${part.items.filter((i) => !i.passed).map((i) => failingItem(i, lang))}</ul>`;
    // Schools judged by a local allowance of the profile, named whether the item passes or not.
    const allowed = part.items.flatMap((i) => i.allowances);
    const allowances = allowed.length ? html`<p class="meta" data-testid="allowances-${part.part}">${t(lang, 'allowancesUsed')}</p><ul class="details">${allowed.map((a) => html`<li>${a}</li>`)}</ul>` : '';
    const example = exampleAnswers && part.items.some((i) => i.from_answers)
      ? html`<p class="meta example-answers" data-testid="example-answers-${part.part}">${t(lang, 'exampleAnswersPart')}</p>`
      : '';
    return html`<li class="part ${part.passed ? 'pass' : 'fail'}" data-testid="part-${part.part}" data-passed="${part.passed}">
        ${badge(part.passed, lang)} <strong>${part.name}</strong>${score}${example}${failing}${allowances}</li>`;
  });
  const head = overall.passed ? t(lang, 'overallPassed') : t(lang, 'overallFailed');
  const example = exampleAnswers ? html`<p class="example-answers" data-testid="example-answers">${t(lang, 'exampleAnswersOverall')}</p>` : '';
  return html`<div class="overall ${overall.passed ? 'pass' : 'fail'}" data-testid="verdict-overall" data-passed="${overall.passed}">
    <h3>${t(lang, 'overallTitle')} · ${t(lang, result.standard)}: <span class="verdict-word">${overall.passed ? '✓' : '✗'} ${head}</span></h3>${example}
    <ul class="parts">${parts}</ul>
    <p class="meta">${t(lang, 'profileLabel')}${profileName(result.profile, result.profile_national, lang)}</p>
    ${renderPartTables(result.parts, lang)}</div>`;
}

/** On paper, every part's items with the answers given (the screen has them in the forms),
 * as an inspector's file lists them: item, answer against its rule, verdict, comment.
 * @param {Part[]} parts @param {Lang} lang */
function renderPartTables(parts, lang) {
  const tables = parts.map((part) => {
    const rows = part.items.map((i) => html`<tr><td>${i.name}</td><td>${itemState(i, lang) || '—'}</td>
      <td class="verdict-cell">${badge(i.passed, lang)}</td><td>${i.comment ? user(i.comment) : ''}${i.allowances.map((a) => html`<div class="meta">${a}</div>`)}</td></tr>`);
    return html`<h4>${part.name} ${badge(part.passed, lang)}</h4>
      ${headedTable(part.name, [t(lang, 'item'), t(lang, 'answer'), t(lang, 'result'), t(lang, 'comment')], rows, 'part-table')}`;
  });
  return html`<section class="print-only report-parts" data-testid="report-answers"><h3>${t(lang, 'reportAnswers')}</h3>${tables}</section>`;
}
