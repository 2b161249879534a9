// The whole result as files to keep or pass on: the JSON contract as it is, and the schools
// as a CSV table (UTF-8 with BOM, numbers unrounded: a file is data, not display). A cell
// that a spreadsheet would run as a formula (= + - @ first) gets a leading ' so that it stays
// text (CSV injection).

import { gridToText } from './files.js';
import { t } from '../i18n/i18n.js';

/** @typedef {import('../types/Evaluation').Evaluation} Evaluation */

/** A cell as a spreadsheet will show it, never run it. */
export const neutral = (cell) => {
  const text = String(cell ?? '');
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
};

/** The schools' CSV file: its name and text; during a what-if both say so.
 * @param {Evaluation} result @param {'zh' | 'zh-Hant' | 'en'} lang @param {boolean} hypothetical
 * @returns {[string, string]} */
export const resultCsvFile = (result, lang, hypothetical) =>
  [t(lang, hypothetical ? 'resultCsvFileHypothetical' : 'resultCsvFile'), resultCsv(result, lang, hypothetical)];

/** The schools of the result, one row each, with every indicator's value and the verdict;
 * `hypothetical`: the data was edited since it was loaded (a what-if), said in the first line.
 * @param {Evaluation} result @param {'zh' | 'zh-Hant' | 'en'} lang @param {boolean} [hypothetical] */
export function resultCsv(result, lang, hypothetical = false) {
  const indicators = [...new Map(Object.values(result.levels).flatMap((l) => l.indicators).map((i) => [i.key, i.name]))];
  const header = [t(lang, 'rowNumber'), t(lang, 'school'), t(lang, 'level'), t(lang, 'group'), t(lang, 'students'),
    ...indicators.map(([, name]) => name), t(lang, 'result'), t(lang, 'reasons')];
  const verdict = (passed) => (passed == null ? '' : t(lang, passed ? 'passed' : 'failed'));
  const rows = result.schools.map((s) => [s.row, s.name, t(lang, s.level), s.group ?? '', s.students,
    ...indicators.map(([key]) => s.values[key] ?? ''), verdict(s.passed), s.reasons.join(t(lang, 'semicolon'))]);
  const note = hypothetical ? [[t(lang, 'csvHypothetical')]] : [];
  return gridToText([...note, header, ...rows].map((row) => row.map(neutral)), ',');
}

/** The comparison as CSV (numbers unrounded): the indicators, then the plan's lines. */
export function yearsCsv(/** @type {import('../types/Comparison').Comparison} */ c, lang, name, label) {
  const head = [[t(lang, 'yearsTitle'), name]];
  const indicators = [[t(lang, 'level'), t(lang, 'indicator'), t(lang, 'yearsBefore'), t(lang, 'yearsAfter'), t(lang, 'yearsChange'), t(lang, 'yearsLimit'), t(lang, 'yearsCrossing')],
    ...c.indicators.map((i) => [t(lang, i.level), i.name, i.before ?? '', i.after ?? '', i.change ?? '', i.limit ?? '', i.crossed == null ? '' : t(lang, i.crossed ? 'yearsCrossed' : 'yearsNotCrossed')])];
  const lines = c.plan ? [[], [t(lang, 'rowNumber'), t(lang, 'school'), t(lang, 'yearsColumn'), t(lang, 'yearsPlanned'), t(lang, 'yearsAdded'), t(lang, 'yearsStatus')],
    ...c.plan.lines.map((l) => [l.row, l.name, label(l.column), l.planned, l.added ?? '', t(lang, `yearsLine_${l.status}`)])] : [];
  return gridToText([...head, ...indicators, ...lines].map((row) => row.map(neutral)), ',');
}
