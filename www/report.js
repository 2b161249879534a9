// Renders an evaluation (the result contract of the core) as the page's report.
// Numbers are rounded here, for display only; every CV cell keeps its unrounded value
// in data-value.

import { t } from './i18n.js';
import { escapeHtml as h } from './editor.js';

const LEVELS = ['primary', 'junior'];

export function formatCv(cv) {
  return cv == null ? '—' : cv.toFixed(3);
}

export function formatValue(value, lang) {
  const abs = Math.abs(value);
  const digits = abs >= 1000 || abs === 0 ? 0 : abs >= 0.1 ? 2 : 4;
  return value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function formatCount(value, lang) {
  return value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 1 });
}

function badge(passed, lang) {
  if (passed == null) return '';
  return passed
    ? `<span class="badge pass">✓ ${h(t(lang, 'passed'))}</span>`
    : `<span class="badge fail">✗ ${h(t(lang, 'failed'))}</span>`;
}

/** The whole report, as HTML for the summary, the levels and the notes below them. */
export function renderReport(result, lang) {
  const levels = LEVELS.filter((level) => result.levels[level]);
  return {
    overall: renderOverall(result, lang),
    summary: renderSummary(result, levels, lang),
    levels: levels.map((level) => renderLevel(result, level, lang)).join(''),
    extras: renderExcluded(result, lang) + renderSplits(result, lang) + renderWarnings(result.warnings, lang),
  };
}

function renderSummary(result, levels, lang) {
  const cards = levels
    .map((level) => {
      const r = result.levels[level];
      const name = t(lang, level);
      const heading = t(lang, r.passed ? 'levelPassed' : 'levelFailed', { level: name });
      const reasons = r.reasons.map((reason) => `<li>${h(reason)}</li>`).join('');
      return `<div class="verdict ${r.passed ? 'pass' : 'fail'}" data-testid="verdict-${level}" data-passed="${r.passed}">
        <p class="verdict-head"><span aria-hidden="true">${r.passed ? '✓' : '✗'}</span> ${h(heading)}</p>
        <p class="meta">${h(t(lang, 'levelMeta', { schools: r.schools, students: formatCount(r.students, lang) }))}</p>
        ${reasons ? `<ul>${reasons}</ul>` : ''}
      </div>`;
    })
    .join('');
  return `<div class="summary"><h3>${h(t(lang, 'verdictTitle'))} · ${h(t(lang, result.standard))}</h3>
    <div class="verdicts">${cards}</div>
    <p class="meta">${h(t(lang, 'verdictNote'))}</p></div>`;
}

function renderLevel(result, level, lang) {
  const r = result.levels[level];
  const quality = result.standard === 'quality2017';
  const rows = r.indicators
    .map((i) => `<tr>
      <th scope="row">${h(i.name)}</th>
      <td class="num">${formatValue(i.county_value, lang)} <span class="unit">${h(i.unit)}</span></td>
      <td class="num">${formatValue(i.sd, lang)}</td>
      <td class="num cv" data-testid="cv-${level}-${i.key}" data-value="${i.cv ?? ''}">${formatCv(i.cv)}</td>
      ${quality ? `<td class="num">≤ ${i.limit.toFixed(2)}</td><td>${badge(i.passed, lang)}</td>
        <td class="num">≥ ${i.standard}</td><td class="num">${i.schools_at_standard} / ${r.schools}</td>` : '<td></td><td></td>'}
    </tr>`)
    .join('');
  const composite = r.composite_limit == null ? '' : `<tr class="composite">
      <th scope="row">${h(t(lang, 'composite'))}</th><td></td><td></td>
      <td class="num cv" data-testid="composite-${level}" data-value="${r.composite_cv ?? ''}">${formatCv(r.composite_cv)}</td>
      <td class="num">≤ ${r.composite_limit.toFixed(2)}</td><td>${badge(r.composite_cv != null && r.composite_cv <= r.composite_limit, lang)}</td></tr>`;
  const head = [t(lang, 'indicator'), t(lang, 'countyValue'), t(lang, 'sd'), t(lang, 'cv')]
    .concat(quality ? [t(lang, 'limit'), t(lang, 'result'), t(lang, 'schoolStandard'), t(lang, 'schoolsAtStandard')] : r.composite_limit == null ? [] : [t(lang, 'limit'), t(lang, 'result')])
    .map((name) => `<th scope="col">${h(name)}</th>`)
    .join('');
  const note = quality ? '' : `<p class="meta">${h(t(lang, 'compositeOnly', { limit: r.composite_limit.toFixed(2) }))}</p>`;
  return `<section class="panel level" aria-labelledby="level-${level}">
    <div class="panel-head"><h3 id="level-${level}">${h(t(lang, level))}</h3>${badge(r.passed, lang)}
      <span class="meta">${h(t(lang, 'levelMeta', { schools: r.schools, students: formatCount(r.students, lang) }))}</span></div>
    <div class="table-scroll"><table class="indicators"><thead><tr>${head}</tr></thead><tbody>${rows}${composite}</tbody></table></div>
    ${note}
    ${renderChart(r, level, lang)}
    ${renderSchools(result, level, lang)}
  </section>`;
}

/** A bar per indicator CV, with the limit as a line: SVG, no library. */
function renderChart(r, level, lang) {
  const limit = r.indicators[0]?.limit ?? r.composite_limit;
  const cvs = r.indicators.map((i) => i.cv ?? 0);
  const top = Math.max(limit ?? 0, ...cvs, 0.1) * 1.1;
  const [width, bar, gap] = [330, 18, 8];
  // Room for the longest label: CJK characters are about twice as wide as Latin ones.
  const labelWidth = (text) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 12 : 6.6), 0);
  const left = Math.ceil(Math.max(...r.indicators.map((i) => labelWidth(i.name)))) + 16;
  const x = (v) => left + (v / top) * width;
  const height = r.indicators.length * (bar + gap) + 24;
  const bars = r.indicators
    .map((i, k) => {
      const y = k * (bar + gap);
      const over = i.passed === false;
      return `<text x="${left - 8}" y="${y + 13}" text-anchor="end">${h(i.name)}</text>
        <rect x="${left}" y="${y}" width="${Math.max(1, x(i.cv ?? 0) - left)}" height="${bar}" class="${over ? 'bar over' : 'bar'}"><title>${h(i.name)} ${formatCv(i.cv)}</title></rect>
        <text x="${x(i.cv ?? 0) + 4}" y="${y + 13}">${formatCv(i.cv)}</text>`;
    })
    .join('');
  const limitLine = limit == null ? '' : `<line x1="${x(limit)}" x2="${x(limit)}" y1="0" y2="${height - 18}" class="limit"/>
    <text x="${x(limit)}" y="${height - 4}" text-anchor="middle" class="limit-label">${h(t(lang, 'chartLimit', { limit: limit.toFixed(2) }))}</text>`;
  const title = t(lang, 'chartTitle', { level: t(lang, level) });
  return `<figure class="chart"><svg viewBox="0 0 ${left + width + 60} ${height}" role="img" aria-label="${h(title)}">${bars}${limitLine}</svg>
    <figcaption class="visually-hidden">${h(title)}</figcaption></figure>`;
}

function renderSchools(result, level, lang) {
  const quality = result.standard === 'quality2017';
  const indicators = result.levels[level].indicators;
  const head = [t(lang, 'rowNumber'), t(lang, 'school'), t(lang, 'group'), t(lang, 'students')]
    .map((name) => `<th scope="col">${h(name)}</th>`)
    .join('') +
    indicators.map((i) => `<th scope="col" class="num">${h(i.name)}<span class="unit">${quality ? ` ≥ ${i.standard}` : ''}</span></th>`).join('') +
    (quality ? `<th scope="col">${h(t(lang, 'met'))}</th><th scope="col">${h(t(lang, 'schoolResult'))}</th><th scope="col">${h(t(lang, 'notes'))}</th>` : '');
  const rows = result.schools
    .filter((s) => s.level === level)
    .map((s) => {
      const values = indicators
        .map((i) => {
          const value = s.values[i.key];
          const below = quality && value < i.standard;
          return `<td class="num${below ? ' below' : ''}">${formatValue(value, lang)}${below ? '<span class="visually-hidden"> ✗</span>' : ''}</td>`;
        })
        .join('');
      const verdict = quality ? `<td class="num">${s.met} / ${indicators.length}</td><td>${badge(s.passed, lang)}</td><td class="reasons">${s.reasons.map(h).join('<br>')}</td>` : '';
      return `<tr><td class="num">${s.row}</td><th scope="row">${h(s.name)}</th><td>${h(s.group ?? '')}</td><td class="num">${formatCount(s.students, lang)}</td>${values}${verdict}</tr>`;
    })
    .join('');
  return `<details class="schools" open><summary>${h(t(lang, 'schoolsTitle', { level: t(lang, level) }))}</summary>
    <div class="table-scroll"><table class="school-table"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div></details>`;
}

function renderExcluded(result, lang) {
  if (!result.excluded.length) return '';
  const rows = result.excluded
    .map((x) => `<tr><td class="num">${x.row}</td><th scope="row">${h(x.name)}</th><td>${h(t(lang, x.level))}</td><td class="num">${formatCount(x.students, lang)}</td><td>${h(x.reason)}</td></tr>`)
    .join('');
  const head = [t(lang, 'rowNumber'), t(lang, 'school'), t(lang, 'level'), t(lang, 'students'), t(lang, 'reason')].map((n) => `<th scope="col">${h(n)}</th>`).join('');
  return `<section class="panel"><h3>${h(t(lang, 'excludedTitle'))}</h3>
    <div class="table-scroll"><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

function renderSplits(result, lang) {
  if (!result.splits.length) return '';
  const w = result.splits[0].weights;
  const blocks = result.splits
    .map((split) => {
      const rows = split.resources
        .map((r) => `<tr><th scope="row">${h(r.column)}</th>${['total', 'primary', 'junior', 'senior'].map((k) => `<td class="num">${formatValue(r[k], lang)}</td>`).join('')}</tr>`)
        .join('');
      const students = `<tr class="students"><th scope="row">${h(t(lang, 'students'))}</th><td class="num">${formatCount(split.students.primary + split.students.junior + split.students.senior, lang)}</td>${['primary', 'junior', 'senior'].map((k) => `<td class="num">${formatCount(split.students[k], lang)}</td>`).join('')}</tr>`;
      const head = [t(lang, 'column'), t(lang, 'total'), t(lang, 'primary'), t(lang, 'junior'), t(lang, 'senior')].map((n) => `<th scope="col">${h(n)}</th>`).join('');
      return `<h4>${h(split.name)}</h4><div class="table-scroll"><table class="splits"><thead><tr>${head}</tr></thead><tbody>${students}${rows}</tbody></table></div>`;
    })
    .join('');
  return `<section class="panel"><h3>${h(t(lang, 'splitsTitle'))}</h3>
    <p class="meta">${h(t(lang, 'splitsNote', { w: `${w.primary} : ${w.junior} : ${w.senior}` }))}</p>${blocks}</section>`;
}

/** Errors or warnings, each with its place: "第3行「在校生数」：…". */
export function describeProblem(p, lang) {
  const row = p.row == null ? '' : t(lang, 'rowWord', { n: p.row });
  const column = p.column == null ? '' : lang === 'zh' ? `「${p.column}」` : ` "${p.column}"`;
  const place = row || column ? `${row}${column}${lang === 'zh' ? '：' : ': '}` : '';
  return place + p.message;
}

function renderWarnings(warnings, lang) {
  if (!warnings.length) return '';
  const items = warnings.map((w) => `<li>${h(describeProblem(w, lang))}</li>`).join('');
  return `<section class="panel notes"><h3>${h(t(lang, 'warningsTitle'))}</h3><ul>${items}</ul></section>`;
}

export function renderProblems(errors, lang) {
  if (!errors.length) return '';
  const items = errors.map((e) => `<li>${h(describeProblem(e, lang))}</li>`).join('');
  return `<div class="problems"><p><strong>${h(t(lang, 'problemsTitle', { n: errors.length }))}</strong></p><ul>${items}</ul></div>`;
}

function formatAnswer(value, lang) {
  if (value === true || value === false) return t(lang, value ? 'yes' : 'no');
  return Number.isInteger(value) ? String(value) : value.toFixed(3).replace(/0+$/, '');
}

/** One failing item: its value against its rule, or that it is unanswered, and its details. */
function failingItem(item, lang) {
  const state = !item.answered
    ? t(lang, 'notAnswered')
    : item.computed ? t(lang, 'schoolsInBreach', { n: item.details.length })
    : item.value == null ? '' : `${formatAnswer(item.value, lang)}${item.rule ? (lang === 'zh' ? `（要求 ${item.rule}）` : ` (required ${item.rule})`) : ''}`;
  const details = item.details.length ? `<ul class="details">${item.details.map((d) => `<li>${h(d)}</li>`).join('')}</ul>` : '';
  return `<li>${h(item.name)}${state ? ` — <span class="state">${h(state)}</span>` : ''}${details}</li>`;
}

/** The overall verdict: every part with pass/fail, and every failing item of a failing part. */
export function renderOverall(result, lang) {
  const overall = result.overall;
  if (!overall) return '';
  const parts = result.parts
    .map((part) => {
      const score = part.score == null ? '' : ` <span class="meta">${part.score.toFixed(1)}${part.part === 'government' ? ` / ${part.max_score}` : '%'}</span>`;
      const failing = part.passed ? '' : `<ul>${part.items.filter((i) => !i.passed).map((i) => failingItem(i, lang)).join('')}</ul>`;
      return `<li class="part ${part.passed ? 'pass' : 'fail'}" data-testid="part-${part.part}" data-passed="${part.passed}">
        ${badge(part.passed, lang)} <strong>${h(part.name)}</strong>${score}${failing}</li>`;
    })
    .join('');
  const head = overall.passed ? t(lang, 'overallPassed') : t(lang, 'overallFailed');
  return `<div class="overall ${overall.passed ? 'pass' : 'fail'}" data-testid="verdict-overall" data-passed="${overall.passed}">
    <h3>${h(t(lang, 'overallTitle'))} · ${h(t(lang, result.standard))}: <span class="verdict-word">${overall.passed ? '✓' : '✗'} ${h(head)}</span></h3>
    <ul class="parts">${parts}</ul>
    <p class="meta">${h(t(lang, 'profileLabel'))}${h(result.profile)}</p></div>`;
}

/**
 * How the file was read: the header row(s), what each column became (with a menu to choose
 * by hand), the rows skipped and the sum check. `columns` are the template's [key, name].
 */
export function renderReview(review, columns, mapping, lang) {
  if (!review || !review.columns.length) return '';
  const choices = (c) => {
    const chosen = c.index in mapping ? mapping[c.index] : null;
    const option = (value, label, selected) => `<option value="${h(value)}"${selected ? ' selected' : ''}>${h(label)}</option>`;
    const automatic = `${t(lang, 'auto')}${chosen === null ? `：${c.column ? columns.find(([k]) => k === c.column)?.[1] ?? c.column : t(lang, 'ignore')}` : ''}`;
    return option('*', automatic, chosen === null) + option('', t(lang, 'ignore'), chosen === '') +
      columns.map(([key, name]) => option(key, name, chosen === key)).join('');
  };
  const rows = review.columns
    .filter((c) => c.header || c.index in mapping)
    .map((c) => `<tr class="${c.column ? '' : 'unmapped'}"><td>${h(columnLetter(c.index))}</td><td>${h(c.header)}</td>
      <td><select data-map="${c.index}" data-testid="map-${c.index}" aria-label="${h(t(lang, 'readAs'))} ${h(c.header)}">${choices(c)}</select></td></tr>`)
    .join('');
  const skipped = review.skipped.length
    ? `<h4>${h(t(lang, 'skippedRows'))}</h4><ul>${review.skipped.map((p) => `<li>${h(describeProblem(p, lang))}</li>`).join('')}</ul>`
    : '';
  const sums = review.sums.length
    ? `<h4>${h(t(lang, 'sumCheck'))}</h4><ul data-testid="sum-check">${review.sums.map((s) => `<li>${h(s.column)}：${h(t(lang, 'sumRead'))} ${formatCount(s.read, lang)}；${s.file_total == null ? h(t(lang, 'noTotals')) : `${h(t(lang, 'sumFile'))} ${formatCount(s.file_total, lang)} ${s.file_total === s.read ? '✓' : '✗'}`}</li>`).join('')}</ul>`
    : '';
  const head = [t(lang, 'fileColumn'), t(lang, 'fileHeader'), t(lang, 'readAs')].map((n) => `<th scope="col">${h(n)}</th>`).join('');
  return `<details class="panel review" data-testid="review"${review.columns.some((c) => c.header && !c.column) || review.skipped.length ? ' open' : ''}>
    <summary><h3>${h(t(lang, 'reviewTitle'))}</h3></summary>
    <p class="meta">${h(t(lang, 'reviewHeader', { rows: review.header_rows.join('–') }))}</p>
    <div class="table-scroll"><table class="mapping"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>
    ${skipped}${sums}</details>`;
}

/** 0 → A, 25 → Z, 26 → AA: as spreadsheets name columns. */
function columnLetter(index) {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
