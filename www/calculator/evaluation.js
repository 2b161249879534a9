// The report, recomputed on every edit by the engine in its worker (this thread never parses
// or evaluates) and drawn: the latest evaluation wins, the results are busy until it is
// drawn, each level's schools are drawn as they come into view, and the whole result goes to
// whoever embeds the calculator.

import { html } from '../lib/html.js';
import { t, useExtraStrings } from '../i18n/i18n.js';
import { formatCount } from '../lib/format.js';
import { VirtualRows } from '../lib/virtual.js';
import { nextTask } from '../lib/tasks.js';
import { levelFrames, renderNotes, renderReport } from '../views/report.js';
import { renderSchools, schoolColumns, schoolRow } from '../views/schools.js';
import { renderSources } from '../views/sources.js';
import { firstSteps, renderForms } from './language.js';

/** The whole result (schools and all) is made after every evaluation of up to this many
 * schools: any county's. A province's costs as much as its evaluation (docs/PERFORMANCE.md),
 * so it is made only when asked for (a `result` listener, `evaluate()`, `load()`). */
const WHOLE_RESULT_SCHOOLS = 5000;

/** Marks the results busy (aria-busy) or not. */
export const setBusy = (c, busy) => c.$('results').setAttribute('aria-busy', String(busy));

/** Evaluates the data as it is now and draws it; resolves when drawn (or overtaken). */
export function recompute(c) {
  const mine = ++c.evaluations;
  setBusy(c, true);
  c.latestRun = evaluateAndShow(c).then(async (schools) => {
    if (mine !== c.evaluations) return;
    if (schools === undefined) c.whole = { of: mine, result: null };
    else if (schools <= WHOLE_RESULT_SCHOOLS || c.embed.wanted()) await takeWhole(c, mine);
    if (mine === c.evaluations) await showWhatIf(c, schools);
    c.planner?.refresh();
    // An open step-by-step view follows the data (its module is loaded, as it is open).
    if (c.$('explain').querySelector('section')) (await import('./explaining.js')).refreshExplain(c);
  }).finally(async () => {
    // Busy until the table shows the same data: a new text's grid comes after its result.
    await c.editorLoading?.catch(() => {});
    if (mine === c.evaluations) setBusy(c, false);
  });
  return c.latestRun;
}

/** Asks the engine for the whole result of evaluation `mine` (it keeps the last one) and
 * hands it to the host page: the `result` event. Null when a newer one overtook it. */
async function takeWhole(c, mine) {
  const result = await c.engine.call('result');
  if (mine !== c.evaluations || !result) return null;
  c.whole = { of: mine, result };
  c.host.dispatchEvent(new CustomEvent('result', { detail: result, bubbles: true }));
  return result;
}

/** The whole result of the data as it is now, once every evaluation asked for has run. */
export async function settledResult(c) {
  let run;
  do {
    run = c.latestRun;
    await run;
  } while (run !== c.latestRun);
  return c.whole.of === c.evaluations ? c.whole.result : takeWhole(c, c.evaluations);
}

/** The whole result of the latest evaluation, if it has been made. */
export const latestResult = (c) => (c.whole.of === c.evaluations ? c.whole.result : null);

/** Each part of the results, as markup (or '' for none); `extras` the notes below them, a
 * section each (the review, the excluded, the splits, the warnings: calculator-markup.js),
 * or null to leave them as they are.
 * @typedef {import('../lib/html.js').Html | import('../lib/html.js').Html[] | string} Markup
 * @param {Markup} problems @param {Markup} [summary] @param {Markup} [levels] @param {Markup[]} [extras] @param {Markup} [overall] */
function show(c, problems, summary = '', levels = '', extras = [], overall = '') {
  const parts = { problems, overall, summary };
  for (const [id, markup] of Object.entries(parts)) c.update(id, html`${markup}`);
  // Anew: each level's card and schools are drawn into it apart.
  c.update('levels', html`${levels}`, true);
  if (extras) showNotes(c, extras);
}

/** The notes below the results (`show`'s `extras`). @param {Markup[]} extras */
function showNotes(c, extras) {
  for (let i = 0; i < 4; i++) c.update(`extras-${i}`, html`${extras[i] ?? ''}`);
}

/** Evaluates and draws; resolves to the number of schools evaluated, or undefined when
 * there was nothing to evaluate, or null when a newer edit overtook it. */
async function evaluateAndShow(c) {
  c.saveState();
  const { lang } = c.state;
  if (!c.state.text.trim()) {
    c.engine.cancel();
    showStart(c, t(lang, 'empty'));
    c.editor.markProblems([]);
    // The profile's words follow a change of language or profile with no data too.
    await refreshRules(c);
    if (c.rules !== c.rulesDrawn) renderForms(c);
    return undefined;
  }
  let result;
  try {
    [result] = await Promise.all([c.engine.evaluate(c.state.text, c.options(), c.state.county ?? ''), refreshRules(c)]);
  } catch (error) {
    // Only a bug gets here: user mistakes come back as result.errors.
    console.error(error);
    show(c, html`<div class="problems internal"><p>${t(lang, 'internalError')}${String(error?.message ?? error)}</p></div>`);
    return null;
  }
  // A newer edit overtook this one, or the user stopped it: the newer answer will draw.
  if (!result) return null;
  // The views of mistakes and of how one's own file was read, fetched the first time one is
  // drawn (the demo's folded review is drawn when opened); a newer edit may overtake this.
  const mine = c.evaluations;
  const reviewing = result.errors.length > 0 || !c.state.demo || reviewOpens(result.review) ? await reviewView() : null;
  if (mine !== c.evaluations) return null;
  const notes = showResult(c, result, lang, reviewing);
  showForms(c, result);
  await notes;
  return Object.values(result.levels).reduce((sum, level) => sum + level.schools, 0);
}

/** The answer forms, drawn again when the items the table decides or the rules changed,
 * with the core's totals and the answers' mistakes. */
function showForms(c, result) {
  const nowComputed = new Set(result.parts.flatMap((p) => p.items.filter((i) => i.computed).map((i) => i.id)));
  if ([...nowComputed].join() !== [...c.computed].join() || c.rules !== c.rulesDrawn) {
    c.computed = nowComputed;
    renderForms(c);
  }
  fillForms(c, result.parts);
}

/** The core's totals and the answers' mistakes in the forms, once their view is loaded. */
export function fillForms(c, parts) {
  c.answersView?.fillTotals(c.$('answers-forms'), parts, c.state.lang);
  c.answersView?.markAnswerErrors(c.$('answers-forms'), parts);
}

/** Asks the engine for the rules in words when the profile or the language has changed
 * since they were last asked for. A second caller for the same profile and language waits
 * for the same answer (it would otherwise draw the old words before they came). */
export function refreshRules(c) {
  const [p, lang] = [c.state.profile, c.state.lang];
  if (c.rulesOf?.[0] === p && c.rulesOf[1] === lang) return c.rulesAsked;
  c.rulesOf = [p, lang];
  c.rulesAsked = c.engine.call('measureRules', p, lang).then((fresh) => {
    // A later change may have asked again meanwhile: only the latest are kept.
    if (c.rulesOf[0] === p && c.rulesOf[1] === lang) c.rules = fresh;
  });
  return c.rulesAsked;
}

/** How the file was read, and its mistakes: views/review.js and its words, fetched when first
 * drawn (the demo's review is folded, and drawn when it is opened: a first visit needs neither). */
export const reviewView = async () => (await Promise.all([import('../views/review.js'), useExtraStrings()]))[0];

/** A review opens by itself when a column with a header was not read, or rows were skipped. */
const reviewOpens = (review) => Boolean(review?.columns.some((col) => col.header && !col.column) || review?.skipped.length);

/** A folded review: its summary, drawn in full when opened (wiring.js). */
const foldedReview = (review, lang) => (review?.columns.length
  ? html`<details class="panel review" data-testid="review" data-later><summary><h3>${t(lang, 'reviewTitle')}</h3></summary></details>` : '');

/** An empty table's place in the results (it has no school yet, which is no mistake): what
 * it is, and the first steps. */
const showStart = (c, words) => show(c, '', html`<div class="empty" data-testid="start"><p>${words}</p><p>${firstSteps(c.state.lang)}</p></div>`);

/** Draws a result: its problems, or the report with each level's schools drawn as they
 * come into view, fetched from the engine a window at a time; resolves when all is drawn. */
function showResult(c, result, lang, reviewing) {
  c.lastErrors = result.errors;
  c.lastReview = result.review;
  c.editor.markProblems(result.errors);
  // The editor's header is the row the reader found (a title above it is no header).
  c.editor.setHeaderLine(result.review?.header_rows[0] ?? 1);
  const { renderProblems } = reviewing ?? {};
  const review = reviewing ? reviewing.renderReview(result.review, c.columnLabels(lang), c.state.mapping, lang, reviewOpens(result.review)) : foldedReview(result.review, lang);
  showProvince(c, result, lang);
  // A table with no school yet is where one starts, not a mistake: the way in, in its place.
  if (result.errors.length === 1 && ['no_data', 'header_only'].includes(result.errors[0].code)) return showStart(c, result.errors[0].message);
  if (result.errors.length && !result.provisional) return show(c, renderProblems(result.errors, lang), '', '', [review]);
  // A province file with no county open: its counties' rows alone, nothing evaluated above them.
  if (result.province && !result.county) return show(c, '', '', '', [review, ...renderNotes(result, lang)]);
  const report = renderReport(result, lang, { exampleAnswers: c.state.demo });
  // With some rows wrong, their mistakes above the other rows' provisional figures.
  const problems = result.provisional ? renderProblems(result.errors, lang) : '';
  show(c, problems, report.summary, levelFrames(report.levels.map((l) => l.level)), null, report.overall);
  // Each level: its indicators, where its differences come from, and its schools (each table
  // drawn apart: an edit that changes a value leaves the table's frame as it is and only its
  // rows are drawn again).
  for (const { level, card } of report.levels) {
    c.update(`card-${level}`, html`${card}${renderSources(result.levels[level], level, lang)}`);
    showSchools(c, level, renderSchools(result, level, lang), result, lang);
  }
  // The notes below in a task of their own, after the verdict and the levels: with a
  // nation's hundred split schools' tables, one task would be long (docs/PERFORMANCE.md).
  const mine = c.evaluations;
  return nextTask().then(() => {
    if (mine === c.evaluations) showNotes(c, [review, ...renderNotes(result, lang)]);
  });
}

/** A province file's counties (their summary rows and the picker), or nothing. The county
 * in view is kept with the data: a file without it shows the province's rows. */
async function showProvince(c, result, lang) {
  c.state.county = result.county ?? '';
  if (!result.province) return c.province?.clear();
  if (!c.province) {
    const [{ mountProvince }] = await Promise.all([import('../views/province.js'), useExtraStrings()]);
    c.province ??= mountProvince(c.root, (county) => pickCounty(c, county));
  }
  c.province.show(result.province, result.province_failing, c.state.county, lang);
}

/** Opens a county of the province file in view ('' the province's rows), without
 * evaluating again: the engine keeps every county's result. */
async function pickCounty(c, county) {
  c.state.county = county;
  c.saveState();
  const result = await c.engine.call('pickCounty', county);
  if (result) showResult(c, result, c.state.lang);
}

/** Each level's school table: its rows' drawer, kept while the table's frame (headers,
 * count) stays the same, so that an edit draws only the rows in view again. */
function showSchools(c, level, frame, result, lang) {
  const how = {
    count: result.levels[level].schools,
    columns: schoolColumns(result, level),
    source: (from, to) => c.engine.call('schools', level, from, to),
    row: (school, index) => schoolRow(school, result, index, lang),
  };
  // Anew: the rows' drawer holds the frame's table body.
  if (c.update(`schools-${level}`, frame, true)) {
    const body = c.$(`schools-${level}`).querySelector('tbody');
    c.schoolTables.set(level, new VirtualRows(body.closest('.table-scroll'), body, how));
  }
  const virtual = c.schoolTables.get(level);
  Object.assign(virtual, how);
  virtual.draw(true);
}

/** Beside the results: the data as loaded and now, once the data has been edited. */
async function showWhatIf(c, schools) {
  const { baseline, text, lang } = c.state;
  if (baseline == null || text === baseline || !baseline.trim()) return c.update('whatif', html``);
  const [{ renderComparison }] = await Promise.all([import('../views/whatif.js'), useExtraStrings()]);
  if (schools == null || schools > WHOLE_RESULT_SCHOOLS || !c.whole.result) {
    return c.update('whatif', html`<p class="meta" data-testid="whatif">${t(lang, 'whatifLarge', { count: formatCount(WHOLE_RESULT_SCHOOLS, lang) })}</p>`);
  }
  const key = JSON.stringify(c.options());
  if (c.baselineResult.key !== key || c.baselineResult.text !== baseline) {
    c.baselineResult = { key, text: baseline, result: await c.engine.call('evaluateWhole', baseline, c.options()) };
  }
  const before = c.baselineResult.result;
  if (before.errors.length || c.whole.result.errors.length) return c.update('whatif', html``);
  c.update('whatif', renderComparison(before, c.whole.result, lang));
}
