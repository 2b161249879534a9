// The data's one way in: every replacement (demo, file, sheet, project, share link, a table
// pasted or typed over the demo, a new table) goes through `replaceData`, which keeps the
// state before for undo and never lets the demo's answers judge the user's own table; every
// edit is remembered for "undo the last change".

import { html } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { demoAnswers, demoTable } from '../io/assets.js';
import { emptyAnswers, hasAnswers } from '../lib/answers.js';
import { action, notify, quoted } from './notices.js';
import { copyState } from './context.js';
import { recompute } from './evaluation.js';
import { applyLanguage } from './language.js';
import { emptyTable, fillColumnChoices, loadEditor } from './sheet.js';

/** Replaces the data (demo, file, new table, project; a project also brings its standard and
 * profile as `settings`). The state before is kept for undo; answers that came with the
 * demo never follow the user into their own data.
 * @param {string} text
 * @param {{ mapping?: object, demo?: boolean, answers?: object, settings?: object, label: string }} how */
export function replaceData(c, text, how) {
  const { mapping = {}, demo = false, answers = undefined, settings = {}, label } = how;
  const { state } = c;
  c.previous = copyState(state);
  const keptAnswers = !demo && answers === undefined && !state.demo && hasAnswers(state.answers);
  if (answers !== undefined) state.answers = answers;
  else if (state.demo || demo) state.answers = emptyAnswers();
  Object.assign(state, settings, { demo, text, mapping, baseline: text });
  c.edits.length = 0;
  notify(c, 'file');
  const shown = showState(c);
  const lang = state.lang;
  const kept = keptAnswers ? html` ${t(lang, 'answersKept')} ${action(c, 'clear-answers', 'clearAnswers')}` : '';
  notify(c, 'undo', html`${t(lang, 'replaced')}${quoted(c, label)}${t(lang, 'replacedAfter')} ${action(c, 'undo', 'undo')}${kept}`);
  return shown;
}

/** Draws everything from the state: the settings, the page's words and forms, both views of
 * the data, the report and the demo banner. */
export function showState(c) {
  c.$('standard').value = c.state.standard;
  applyLanguage(c);
  c.$('demo-banner').hidden = !c.state.demo;
  return setText(c, c.state.text, c.state.mapping);
}

/** Replaces the data with a table that is not a workbook's sheet: no other sheets are offered. */
export function openTable(c, text, how) {
  c.workbook = [];
  c.$('sheet-row').hidden = true;
  return replaceData(c, text, how);
}

/** Opens the demo county, with its invented answers. */
export async function loadDemo(c) {
  const [table, answers] = await Promise.all([demoTable(), demoAnswers()]);
  await openTable(c, table, { demo: true, answers: { ...emptyAnswers(), ...answers }, label: t(c.state.lang, 'demoName') });
}

/** Back to the state before the last replacement. */
export function undo(c) {
  if (!c.previous) return;
  Object.assign(c.state, c.previous);
  c.previous = null;
  showState(c);
  notify(c, 'undo', t(c.state.lang, 'undone'));
}

/** Sets the data's text: both views are refreshed from it (the text box when shown). */
export async function setText(c, text, mapping = {}) {
  c.state.text = text;
  c.state.mapping = mapping;
  // The text box is filled when shown: a province's 20 MB in a hidden box costs a frame.
  if (c.state.view === 'text') c.$('paste').value = text;
  const evaluated = recompute(c);
  await loadEditor(c, text);
  fillColumnChoices(c);
  await evaluated;
}

/** An edit of the data, in the table or the text box. Cells pasted or dropped over the demo
 * (a table copied from a spreadsheet), or an edit that leaves none of the demo's schools (a
 * table typed over it), make the data the user's own table: the demo's answers leave with
 * it (undoable), so that no verdict judges the user's county on the demo's invented answers.
 * @param {'paste' | 'type'} how */
export function edited(c, text, how) {
  if (c.state.demo && (how === 'paste' || !c.demoSchools.some((name) => text.includes(name)))) {
    return replaceData(c, text, { mapping: c.state.mapping, label: t(c.state.lang, 'ownTable') });
  }
  remember(c);
  c.state.text = text;
  return recompute(c);
}

/** Learns the demo's school names (its first column). */
export async function learnDemoSchools(c) {
  c.demoSchools = (await demoTable()).split('\n').slice(1).map((line) => line.split(',')[0].trim()).filter(Boolean);
}

/** Keeps the text before an edit, once per burst of typing, for "undo the last change". */
export function remember(c, force = false) {
  const now = Date.now();
  if (force || now - c.lastEdit > 1000) c.edits.push(c.state.text);
  c.lastEdit = now;
}

/** Undoes the last edit (a burst of typing, an applied plan, a reset). */
export function undoEdit(c) {
  if (c.edits.length) setText(c, c.edits.pop(), c.state.mapping);
}

/** Back to the data as loaded; undoable. */
export function resetToBaseline(c) {
  if (c.state.baseline == null || c.state.text === c.state.baseline) return;
  remember(c, true);
  setText(c, c.state.baseline, c.state.mapping);
  notify(c, 'undo', t(c.state.lang, 'whatifResetDone'));
}

/** A new table: the template's header row alone (undoable). */
export const newTable = (c) => replaceData(c, emptyTable(c), { label: t(c.state.lang, 'newTable') });
