// Renders an evaluation (the result contract of the core) as the page's report. Every
// pass/fail comes from the core; numbers are rounded here, for display only, and every CV
// cell keeps its unrounded value in data-value.

import { t } from './i18n.js';
import { headedTable, html, scrollBox, user } from './html.js';
import { formatAnswer as formatNumber, formatCount, formatCv, formatLimit, formatRate, formatShare, formatValue } from './format.js';

/** @typedef {import('./types/Evaluation').Evaluation} Evaluation
 *  @typedef {import('./types/Level').Level} Level
 *  @typedef {import('./types/Lang').Lang} Lang
 *  @typedef {import('./types/Problem').Problem} Problem
 *  @typedef {import('./types/PartItem').PartItem} PartItem
 *  @typedef {import('./types/Part').Part} Part
 *  @typedef {import('./types/Review').Review} Review
 *  @typedef {import('./types/MappedColumn').MappedColumn} MappedColumn
 *  @typedef {import('./types/Profile').Profile} Profile
 *  @typedef {import('./types/SchoolResult').SchoolResult} SchoolResult
 *  @typedef {import('./types/IndicatorResult').IndicatorResult} IndicatorResult
 *  @typedef {import('./types/LevelResult').LevelResult} LevelResult */

/** @type {Level[]} */
const LEVELS = ['primary', 'junior'];

function badge(passed, lang) {
  if (passed == null) return '';
  return passed
    ? html`<span class="badge pass">✓ ${t(lang, 'passed')}</span>`
    : html`<span class="badge fail">✗ ${t(lang, 'failed')}</span>`;
}

/** The standard's rule in one sentence, every number from the profile in use.
 * @param {Profile} profile @param {'basic2012' | 'quality2017'} standard @param {Lang} lang */
export function scopeSentence(profile, standard, lang) {
  const scope = standard === 'quality2017' ? profile.quality2017.scope : profile.basic2012.scope;
  const points = scope.teaching_points;
  const excluded = [
    scope.exclude_private && t(lang, 'excludedPrivate'),
    scope.exclude_direct && t(lang, 'excludedDirect'),
    scope.exclude_special && t(lang, 'excludedSpecial'),
    scope.exclude_vocational && t(lang, 'excludedVocational'),
    points === 'exclude_all' ? t(lang, 'excludedPoints') : typeof points === 'object' ? t(lang, 'excludedPointsBelow', { n: points.exclude_below }) : false,
  ].filter(Boolean);
  const list = excluded.length ? t(lang, 'excludedList', { list: excluded.join(t(lang, 'listJoin')) }) : '';
  if (standard === 'quality2017') {
    const q = profile.quality2017;
    return t(lang, 'scopeQuality', {
      primary: formatLimit(q.cv_limit.primary, lang),
      junior: formatLimit(q.cv_limit.junior, lang),
      count: q.standards.length,
      minMet: q.min_met,
      floor: formatShare(q.floor_fraction, lang),
      excluded: list,
    });
  }
  const b = profile.basic2012;
  return t(lang, 'scopeBasic', {
    primary: formatLimit(b.composite_limit.primary, lang),
    junior: formatLimit(b.composite_limit.junior, lang),
    count: BASIC_INDICATORS,
    excluded: list,
  });
}

/** A list longer than this (a province's exclusions, splits, errors) shows its first
 * entries and says how many more there are: the page draws what a person reads. */
const LIST_LIMIT = 100;

/** The first `LIST_LIMIT` of `items`, and how many are left out. @template T @param {T[]} items */
const firstOf = (items) => ({ shown: items.slice(0, LIST_LIMIT), more: Math.max(0, items.length - LIST_LIMIT) });

/** "… and 12 more" under a shortened list, or nothing. */
const moreNote = (more, lang) => (more ? html`<p class="meta more" data-testid="more">${t(lang, 'moreNotShown', { n: formatCount(more, lang) })}</p>` : '');

/** basic2012 has eight indicators (SPEC §2); the profile does not change them. */
const BASIC_INDICATORS = 8;


/** The whole report, as markup for the summary, the levels and the notes below them. Each
 * level is a `card` (indicators, chart) and its `schools` table, drawn apart: an edit that
 * changes a value leaves the table's frame as it is and only its rows are drawn again.
 * @param {Evaluation} result @param {Lang} lang */
export function renderReport(result, lang, { exampleAnswers = false } = {}) {
  const levels = LEVELS.filter((level) => result.levels[level]);
  return {
    overall: renderOverall(result, lang, exampleAnswers),
    summary: renderSummary(result, levels, lang),
    levels: levels.map((level) => ({ level, card: renderLevel(result, level, lang), schools: renderSchools(result, level, lang) })),
    extras: html`${renderExcluded(result, lang)}${renderSplits(result, lang)}${renderWarnings(result.warnings, lang)}`,
  };
}

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
    const excluded = result.excluded.filter((e) => e.level === level).length;
    return html`<tr data-testid="report-data-${level}"><th scope="row">${t(lang, level)}</th><td class="num">${formatCount(r.schools, lang)}</td>
      <td class="num">${formatCount(r.students, lang)}</td><td class="num">${formatCount(excluded, lang)}</td></tr>`;
  });
  const title = t(lang, 'reportData');
  return html`<div class="print-only" data-testid="report-data"><h4>${title}</h4>
    ${headedTable(title, [t(lang, 'level'), t(lang, 'reportSchools'), t(lang, 'students'), t(lang, 'reportExcluded')], rows, 'data-summary')}</div>`;
}

/** @param {Evaluation} result @param {Level} level @param {Lang} lang */
function renderLevel(result, level, lang) {
  const r = result.levels[level];
  const quality = result.standard === 'quality2017';
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
    ${note}
    ${renderChart(r, level, lang)}
    ${renderContributions(r, level, lang)}
    ${renderGroups(r, level, lang)}${renderGroups(r, level, lang, 'localities')}`;
}

/** With a 乡镇/学区 column (or, `split` = 'localities', a 城乡类型 one): how much of each
 * indicator's variance is inside the groups and how much between them (the core splits it
 * exactly), and the groups furthest below and above.
 * @param {LevelResult} r @param {Level} level @param {Lang} lang */
const SPLIT_WORDS = {
  groups: { title: 'groupsTitle', note: 'groupsNote', within: 'withinGroups', between: 'betweenGroups', lowest: 'lowestGroup', highest: 'highestGroup', none: 'noGroup' },
  localities: { title: 'localitiesTitle', note: 'localitiesNote', within: 'withinLocalities', between: 'betweenLocalities', lowest: 'lowestLocality', highest: 'highestLocality', none: 'noLocality' },
};

function renderGroups(r, level, lang, split = 'groups') {
  const words = SPLIT_WORDS[split];
  // Townships are the user's names; localities are the core's keys (urban, town, rural).
  const groupName = (g) => (!g.name ? t(lang, words.none) : split === 'groups' ? user(g.name) : t(lang, `locality_${g.name}`));
  const rows = r.indicators.filter((i) => i[split] && i[split].within + i[split].between > 0).map((i) => {
    const { within, between, groups } = i[split];
    const total = within + between;
    const byValue = [...groups].sort((a, b) => a.value - b.value);
    const named = (g) => html`${groupName(g)} ${formatValue(g.value, lang)}`;
    return html`<tr data-testid="${split}-${level}-${i.key}"><th scope="row">${i.name}</th>
      <td class="num" data-value="${within / total}">${formatShare(within / total, lang)}</td>
      <td class="num" data-value="${between / total}">${formatShare(between / total, lang)}</td>
      <td>${named(byValue[0])}</td><td>${named(byValue[byValue.length - 1])}</td></tr>`;
  });
  if (!rows.length) return '';
  const names = [t(lang, 'indicator'), t(lang, words.within), t(lang, words.between), t(lang, words.lowest), t(lang, words.highest)];
  return html`<details class="contributions"><summary>${t(lang, words.title)}</summary>
    <p class="meta">${t(lang, words.note)}</p>
    ${headedTable(t(lang, words.title), names, rows)}</details>`;
}

/** How many schools each indicator names as the source of its dispersion. */
const CONTRIBUTORS_SHOWN = 3;

/** Where each CV comes from: the schools with the largest shares of the weighted variance,
 * and whether they stand below or above the county value (the core ranks them).
 * @param {LevelResult} r @param {Level} level @param {Lang} lang */
function renderContributions(r, level, lang) {
  const rows = r.indicators.filter((i) => i.contributions.length).map((i) => {
    const schools = i.contributions.slice(0, CONTRIBUTORS_SHOWN).map((c, k) => html`${k ? t(lang, 'listJoin') : ''}${user(c.name)}${t(lang, c.direction === 'below' ? 'contributionBelow' : 'contributionAbove', { share: formatShare(c.share, lang) })}`);
    return html`<tr data-testid="contributions-${level}-${i.key}"><th scope="row">${i.name}</th><td>${schools}</td></tr>`;
  });
  if (!rows.length) return '';
  return html`<details class="contributions"><summary>${t(lang, 'contributionsTitle')}</summary>
    <p class="meta">${t(lang, 'contributionsNote')}</p>
    ${scrollBox(t(lang, 'contributionsTitle'), html`<table><tbody>${rows}</tbody></table>`)}</details>`;
}

/** Room for a chart's label: CJK characters are about twice as wide as Latin ones. */
export const labelWidth = (text) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 12 : 6.6), 0);

/** A bar per indicator CV, each with its own limit marked across its bar: SVG, no library.
 * Under basic2012 only the composite has a limit (the core's `composite_limit`; single CVs
 * have none), so it is a bar of its own and the only one marked; only the core's verdicts
 * mark a bar (in words beside it, not by colour alone).
 * @param {LevelResult} r @param {Level} level @param {Lang} lang */
function renderChart(r, level, lang) {
  const entries = r.indicators.map((i) => ({ name: i.name, cv: i.cv, limit: i.limit, passed: i.passed, composite: false }));
  if (r.composite_limit != null) entries.push({ name: t(lang, 'composite', { n: r.indicators.length }), cv: r.composite_cv, limit: r.composite_limit, passed: r.composite_passed, composite: true });
  const top = Math.max(...entries.map((e) => Math.max(e.cv ?? 0, e.limit ?? 0)), 0.1) * 1.1;
  const [width, bar, gap] = [330, 18, 8];
  const left = Math.ceil(Math.max(...entries.map((e) => labelWidth(e.name)))) + 16;
  const x = (v) => left + (v / top) * width;
  const height = entries.length * (bar + gap) + 24;
  const bars = entries.map((e, k) => {
    const y = k * (bar + gap);
    const words = `${formatCv(e.cv, lang)}${e.passed === false ? ` ✗ ${t(lang, 'failed')}` : ''}`;
    const mark = e.limit == null ? '' : html`<line x1="${x(e.limit)}" x2="${x(e.limit)}" y1="${y - gap / 2}" y2="${y + bar + gap / 2}" class="limit"/>`;
    return html`<text x="${left - 8}" y="${y + 13}" text-anchor="end"${e.composite ? html` font-weight="bold"` : ''}>${e.name}</text>
        <rect x="${left}" y="${y}" width="${Math.max(1, x(e.cv ?? 0) - left)}" height="${bar}" class="${e.passed === false ? 'bar over' : 'bar'}"><title>${e.name} ${words}</title></rect>
        <text x="${x(e.cv ?? 0) + 4}" y="${y + 13}">${words}</text>${mark}`;
  });
  // The limit named once, under the last bar that has one.
  const named = [...entries].reverse().find((e) => e.limit != null);
  const label = named ? html`<text x="${x(named.limit)}" y="${height - 4}" text-anchor="middle" class="limit-label">${t(lang, 'chartLimit', { limit: formatLimit(named.limit, lang) })}</text>` : '';
  const title = t(lang, 'chartTitle', { level: t(lang, level) });
  return html`<figure class="chart" data-testid="chart-cv-${level}"><svg viewBox="0 0 ${left + width + 130} ${height}" role="img" aria-label="${title}">${bars}${label}</svg>
    <figcaption>${title}</figcaption></figure>`;
}

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
function renderSchools(result, level, lang) {
  const quality = result.standard === 'quality2017';
  const indicators = result.levels[level].indicators;
  const head = html`<th scope="col" class="line">${t(lang, 'rowNumber')}</th><th scope="col">${t(lang, 'school')}</th>
    ${quality ? html`<th scope="col">${t(lang, 'schoolResult')}</th>` : ''}<th scope="col" class="num">${t(lang, 'students')}</th>
    ${indicators.map((i) => html`<th scope="col" class="num">${i.name}${quality ? html`<span class="unit"> ≥ ${i.standard}</span>` : ''}</th>`)}`;
  const title = t(lang, 'schoolsTitle', { level: t(lang, level) });
  const table = html`<table class="school-table" aria-rowcount="${result.levels[level].schools + 1}"><thead><tr aria-rowindex="1">${head}</tr></thead>
    <tbody data-schools="${level}"></tbody></table>`;
  return html`<details class="schools" open><summary>${title}</summary>${scrollBox(title, table)}</details>`;
}

/** How many columns a level's school table has (for its spacer rows). */
export const schoolColumns = (result, level) => (result.standard === 'quality2017' ? 4 : 3) + result.levels[level].indicators.length;

/** One school's row of its level's table; `index` counts from 0 below the header row.
 * @param {SchoolResult} s @param {Evaluation} result @param {number} index @param {Lang} lang */
export function schoolRow(s, result, index, lang) {
  const quality = result.standard === 'quality2017';
  const indicators = result.levels[s.level].indicators;
  const verdict = quality ? html`<td class="verdict-cell" data-label="${t(lang, 'schoolResult')}">${badge(s.passed, lang)}
    <span class="meta">${t(lang, 'metOf', { met: s.met, n: indicators.length })}</span></td>` : '';
  return html`<tr aria-rowindex="${index + 2}" data-testid="school-${s.level}-${s.row}" data-passed="${s.passed ?? ''}" class="${s.passed === false ? 'failing' : ''}">
    <td class="num line" data-label="${t(lang, 'rowNumber')}">${s.row}</td>
    <th scope="row" class="name">${user(s.name)}${s.group ? html`<span class="meta group">${user(s.group)}</span>` : ''}</th>
    ${verdict}<td class="num" data-label="${t(lang, 'students')}">${formatCount(s.students, lang)}</td>
    ${indicators.map((i) => valueCell(s, i, lang))}</tr>`;
}


/** @param {Evaluation} result @param {Lang} lang */
function renderExcluded(result, lang) {
  if (!result.excluded.length) return '';
  const { shown, more } = firstOf(result.excluded);
  const rows = shown.map((x) => html`<tr><td class="num">${x.row}</td><th scope="row">${user(x.name)}</th><td>${t(lang, x.level)}</td><td class="num">${formatCount(x.students, lang)}</td><td>${x.reason}</td></tr>`);
  const title = t(lang, 'excludedTitle');
  return html`<section class="panel"><h3>${title}</h3>
    ${headedTable(title, [t(lang, 'rowNumber'), t(lang, 'school'), t(lang, 'level'), t(lang, 'students'), t(lang, 'reason')], rows)}${moreNote(more, lang)}</section>`;
}

/** @param {Evaluation} result @param {Lang} lang */
function renderSplits(result, lang) {
  if (!result.splits.length) return '';
  const w = result.splits[0].weights;
  const { shown, more } = firstOf(result.splits);
  const blocks = shown.map((split) => {
    const rows = split.resources.map((r) => html`<tr><th scope="row">${r.name}</th>${['total', 'primary', 'junior', 'senior'].map((k) => html`<td class="num">${formatValue(r[k], lang)}</td>`)}</tr>`);
    const students = html`<tr class="students"><th scope="row">${t(lang, 'students')}</th><td class="num">${formatCount(split.students_total, lang)}</td>${['primary', 'junior', 'senior'].map((k) => html`<td class="num">${formatCount(split.students[k], lang)}</td>`)}</tr>`;
    const names = [t(lang, 'column'), t(lang, 'total'), t(lang, 'primary'), t(lang, 'junior'), t(lang, 'senior')];
    return html`<h4>${user(split.name)}</h4>${headedTable(split.name, names, html`${students}${rows}`, 'splits')}`;
  });
  return html`<section class="panel"><h3>${t(lang, 'splitsTitle')}</h3>
    <p class="meta">${t(lang, 'splitsNote', { w: `${w.primary} : ${w.junior} : ${w.senior}` })}</p>${blocks}${moreNote(more, lang)}</section>`;
}

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

function renderWarnings(warnings, lang) {
  if (!warnings.length) return '';
  const { shown, more } = firstOf(warnings);
  return html`<section class="panel notes"><h3>${t(lang, 'warningsTitle')}</h3><ul>${shown.map((w) => html`<li>${describeProblem(w, lang)}</li>`)}</ul>${moreNote(more, lang)}</section>`;
}

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
    const score = part.score == null ? '' : html` <span class="meta">${part.part === 'government' ? `${formatCount(part.score, lang)} / ${formatCount(part.max_score, lang)}` : formatRate(part.score, lang)}</span>`;
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

/** The national profile is named in the page's language; any other as it names itself. */
export function profileName(name, national, lang) {
  return national ? t(lang, 'profileNational') : user(name);
}

/** Beside a column whose header named another unit: that its values were converted. */
const converted = (/** @type {MappedColumn} */ c, /** @type {Lang} */ lang) =>
  (c.factor !== 1 ? html` <span class="meta" data-testid="converted-${c.index}">${t(lang, 'unitConverted', { unit: c.unit, factor: formatCount(c.factor, lang) })}</span>` : '');

/**
 * How the file was read: the header row(s), what each column became (with a menu to choose
 * by hand), the rows skipped and the sum check. `columns` are the template's [key, label].
 */
export function renderReview(/** @type {Review | null} */ review, /** @type {[string, string][]} */ columns, mapping, /** @type {Lang} */ lang) {
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
  return html`<details class="panel review" data-testid="review"${review.columns.some((c) => c.header && !c.column) || review.skipped.length ? html` open` : ''}>
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
