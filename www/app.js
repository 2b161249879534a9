// One calculator: one state (the data as text, the standard, the language, the answers, the
// view), kept in localStorage under the host's `persist` key so that a reload loses nothing,
// and a report recomputed on every edit by the engine in its worker (engine.js): this thread
// never parses or evaluates. No action replaces the user's data without a way back: every
// replacement can be undone. Drawn into a shadow root by junheng-calculator.js.

import { Engine } from './engine.js';
import { VirtualRows } from './virtual.js';
import { applyStrings, t, useLang } from './i18n.js';
import { Editor } from './editor.js';
import { html, setHtml, user } from './html.js';
import { renderReport, renderProblems, renderReview, describeProblem, profileName, scopeSentence, schoolRow, schoolColumns, levelFrames } from './report.js';
import { renderAnswers, readControl, emptyAnswers, hasAnswers, fillTotals, markAnswerErrors, useAnswerForm } from './answers.js';
import { decodeBytes, decodedUriPart, download, isZip, looksBinary } from './files.js';
import { formatCount, formatDate, formatMegabytes, LOCALES } from './format.js';
import { Store } from './storage.js';
import { mountPartsNav } from './parts-nav.js';
import { demoTable, demoAnswers, fileUrl } from './assets.js';

/** The whole result (schools and all) is made after every evaluation of up to this many
 * schools: any county's. A province's costs as much as its evaluation (docs/PERFORMANCE.md),
 * so it is made only when asked for (a `result` listener, `evaluate()`, `load()`). */
const WHOLE_RESULT_SCHOOLS = 5000;

/** The largest file opened (a nation's table is 24 MB). */
const MAX_FILE_BYTES = 200 * 2 ** 20;

/** The language a `lang` attribute names: 繁體中文 for Traditional Chinese (zh-Hant, or the
 * regions that write it: zh-TW, zh-HK, zh-MO), 简体中文 for any other Chinese, English, or
 * null for none of these. */
export const langOf = (value) => {
  if (value === 'en' || value?.startsWith('en-')) return 'en';
  if (/^zh-(Hant|TW|HK|MO)\b/i.test(value ?? '')) return 'zh-Hant';
  return value === 'zh' || value?.startsWith('zh-') ? 'zh' : null;
};

/** Starts a calculator in `root` (the shadow root of `host`, whose markup it finds there).
 * `embed.wanted()`: whether someone takes the whole result whatever its size; `embed.inline`:
 * the table the host page holds inline, if any.
 * @param {ShadowRoot} root @param {HTMLElement} host
 * @param {{ wanted: () => boolean, inline: string | null }} embed */
export function mountCalculator(root, host, embed) {
  /** An element of the calculator by id. Typed loosely: it looks up its own inputs,
   * selects and containers, whose kinds calculator-markup.js fixes. @type {(id: string) => any} */
  const $ = (id) => root.getElementById(id);
  /** An event's target, which the page's own listeners know the kind of. @type {(event: Event) => any} */
  const target = (event) => event.target;

  /** What the user is working on. `demo` is true while the data is the example county's. */
  const initial = () => ({ text: '', standard: 'quality2017', lang: 'zh', view: 'table', answers: emptyAnswers(), profile: null, mapping: {}, demo: false,
    baseline: null, planOptions: null, report: { county: '', date: '' }, county: '' });

  const standardOf = (value) => (['basic2012', 'quality2017'].includes(value) ? value : null);
  const store = new Store({
    conflict: () => notify('conflict', html`${t(state.lang, 'storageConflict')} ${action('take-theirs', 'storageTakeTheirs')} ${action('keep-mine', 'storageKeepMine')}`, 'alert'),
    failure: (error) => notify('storage', html`${t(state.lang, 'storageFailed', { reason: error?.name ?? '' })} ${action('save-project', 'saveProject')}`, 'alert'),
    saved: () => notify('storage'),
  }, host.getAttribute('persist') || null);
  const loaded = store.load();
  // The host's `lang` attribute, when it names a language, wins over the saved one.
  const asked = { lang: langOf(host.getAttribute('lang')), standard: standardOf(host.getAttribute('standard')) };
  const state = Object.assign(initial(), loaded.state, ...Object.entries(asked).filter(([, v]) => v).map(([k, v]) => ({ [k]: v })));
  // Answers saved by an older page may lack a part: it is unanswered.
  state.answers = { ...emptyAnswers(), ...state.answers };
  // The data as loaded, which a what-if compares with (work saved before there was one: as it is).
  state.baseline ??= state.text;
  let editor;
  let national;
  /** The engine's worker; its progress shows (with a way to stop) when an evaluation takes long. */
  const engine = new Engine({ progress: (info) => showProgress(info) });
  /** Each measure's rule in words, for the forms: asked of the engine when the profile or
   * the language changes (`rulesOf`), not on every evaluation; `rulesDrawn`: as the forms
   * show them, drawn again when they differ. */
  let rules = {};
  let rulesOf = null;
  let rulesDrawn = null;
  /** The guarantee items the school table decides, as of the last evaluation. */
  let computed = new Set();
  /** The state before the last replacement (file, demo, new table, project), for undo. */
  let previous = null;
  /** The data's errors as of the last evaluation, to mark in the table whenever it is drawn. */
  let lastErrors = [];
  /** The texts before each edit since the data was loaded, for "undo the last change". */
  const edits = [];
  /** When the data was last edited: typing in a burst is one change to undo. */
  let lastEdit = 0;
  /** The rectification plan (plan.js), once asked for. */
  let planner = null;
  /** A province file's summary and county picker (province.js, loaded with the first one). */
  let province = null;

  /** The profile in use: an imported one, or the national one. */
  const profile = () => state.profile ?? national;
  const options = () => ({ standard: state.standard, lang: state.lang, profile: profile(), answers: state.answers, mapping: state.mapping });
  /** The sheets of the workbook opened last, to switch between (not kept across reloads). */
  let workbook = [];
  /** The editor's header row as last seen, to notice added or removed columns. */
  let editorHeader = '';

  /** Saves the state, unless a share link's data is shown over the user's own work. */
  const saveState = () => {
    if (!ownWork) store.save(state);
  };

  /** The template's header row and [key, label] pairs per language: fixed, asked of the
   * engine once at the start. */
  const template = { header: {}, labels: {} };
  const columnLabels = (lang) => template.labels[lang];

  // --- notices -------------------------------------------------------------------------

  /** Notices by kind, each markup; shown together above the settings. */
  const notices = new Map();

  const action = (name, key) => html`<button type="button" class="link" data-action="${name}">${t(state.lang, key)}</button>`;

  /** Shows (or, without content, removes) the notice of `kind`.
   * @param {string} kind
   * @param {import('./html.js').Html | string} [content]
   * @param {string} [role] */
  function notify(kind, content, role = 'status') {
    if (content) notices.set(kind, { content, role });
    else notices.delete(kind);
    const items = [...notices].map(([k, n]) => html`<div class="notice ${n.role === 'alert' ? 'problems' : 'info'}" role="${n.role}" data-testid="notice-${k}"><p>${n.content}</p></div>`);
    setHtml($('notice'), html`${items}`);
  }

  /** Why the last file or document was refused, as the notice says it (`load()` rejects with it). */
  let refusal = '';

  /** A file or document that could not be used: the reason, and that nothing was changed.
   * Returns false, what every opening returns when it refuses. @returns {false} */
  function refuse(name, reason) {
    notify('file', html`${t(state.lang, 'fileRefused')}${quoted(name)}${t(state.lang, 'colon')}${reason} ${t(state.lang, 'dataKept')}`, 'alert');
    refusal = $('notice').querySelector('[data-testid="notice-file"]').textContent.trim();
    return false;
  }

  /** A file or sheet name inside a sentence. */
  const quoted = (name) => (state.lang !== 'en' ? html`「${user(name)}」` : html`"${user(name)}"`);

  // --- replacing the data ----------------------------------------------------------------

  /** Replaces the data (demo, file, new table, project; a project also brings its standard and
   * profile as `settings`). The state before is kept for undo; answers that came with the
   * demo never follow the user into their own data.
   * @param {string} text
   * @param {{ mapping?: object, demo?: boolean, answers?: object, settings?: object, label: string }} how */
  function replaceData(text, { mapping = {}, demo = false, answers = undefined, settings = {}, label }) {
    previous = structuredClone(state);
    const keptAnswers = !demo && answers === undefined && !state.demo && hasAnswers(state.answers);
    if (answers !== undefined) state.answers = answers;
    else if (state.demo || demo) state.answers = emptyAnswers();
    Object.assign(state, settings, { demo, text, mapping, baseline: text });
    edits.length = 0;
    notify('file');
    const shown = showState();
    const undo = action('undo', 'undo');
    notify('undo', html`${t(state.lang, 'replaced')}${quoted(label)}${t(state.lang, 'replacedAfter')} ${undo}${keptAnswers ? html` ${t(state.lang, 'answersKept')} ${action('clear-answers', 'clearAnswers')}` : ''}`);
    return shown;
  }

  /** Whether an edit of the data makes it the user's own table rather than the demo county:
   * cells pasted or dropped over the demo (a table copied from a spreadsheet), or an edit
   * that leaves none of the demo's schools (a table typed over it). */
  function replacesDemo(text, how) {
    if (!state.demo) return false;
    if (how === 'paste') return true;
    return !demoSchools.some((name) => text.includes(name));
  }

  /** The data becomes the user's own table: the demo's answers leave with it (undoable), so
   * that no verdict judges the user's county on the demo's invented answers. */
  function adoptOwnTable(text) {
    return replaceData(text, { mapping: state.mapping, label: t(state.lang, 'ownTable') });
  }

  /** The demo's school names (its first column): the demo edited, or a table typed over it. */
  let demoSchools = [];
  const learnDemoSchools = async () => {
    demoSchools = (await demoTable()).split('\n').slice(1).map((line) => line.split(',')[0].trim()).filter(Boolean);
  };

  /** Draws everything from the state: the settings, the page's words and forms, both views of
   * the data, the report and the demo banner. */
  function showState() {
    $('standard').value = state.standard;
    applyLanguage();
    $('demo-banner').hidden = !state.demo;
    return setText(state.text, state.mapping);
  }

  function undo() {
    if (!previous) return;
    const before = previous;
    previous = null;
    Object.assign(state, before);
    showState();
    notify('undo', t(state.lang, 'undone'));
  }

  /** Sets the data's text: both views are refreshed from it (the text box when shown). */
  async function setText(text, mapping = {}) {
    state.text = text;
    state.mapping = mapping;
    // The text box is filled when shown: a province's 20 MB in a hidden box costs a frame.
    if (state.view === 'text') $('paste').value = text;
    const evaluated = recompute();
    await loadEditor(text);
    fillColumnChoices();
    await evaluated;
  }

  /** The editor's latest loading of the data: a jump to a cell waits for it. */
  let editorLoading = Promise.resolve();
  /** Loads the data's cells (read by the engine) into the editor. */
  function loadEditor(text) {
    editorLoading = engine.call('readGrid', text).then((grid) => {
      editor.load(grid, state.lang);
      editor.markProblems(lastErrors);
      editorHeader = editor.header().join('\t');
    });
    return editorLoading;
  }

  // --- evaluation --------------------------------------------------------------------------

  /** Each part of the results, as markup (or '' for none).
   * @typedef {import('./html.js').Html | import('./html.js').Html[] | string} Markup
   * @param {Markup} problems @param {Markup} [summary] @param {Markup} [levels] @param {Markup} [extras] @param {Markup} [overall] */
  function show(problems, summary = '', levels = '', extras = '', overall = '') {
    const parts = { problems, overall, summary, levels, extras };
    for (const [id, markup] of Object.entries(parts)) update(id, html`${markup}`);
  }

  /** The markup each element of the results shows now: a part whose markup an edit did
   * not change is left as it is (a province's exclusions and splits are not drawn again).
   * Kept by element, so that a part drawn anew inside a redrawn one starts with nothing. */
  const markupOf = new WeakMap();
  function update(id, markup) {
    const element = $(id);
    if (markupOf.get(element) === markup.text) return false;
    markupOf.set(element, markup.text);
    setHtml(element, markup);
    return true;
  }

  /** Evaluations asked for; the results are busy (aria-busy) until the latest is drawn. */
  let evaluations = 0;
  /** The latest evaluation's run, which `evaluate()` and `load()` wait for. */
  let latestRun = Promise.resolve();
  /** The whole result of evaluation number `of` (null: the data was empty). */
  let whole = { of: 0, result: null };

  function recompute() {
    const mine = ++evaluations;
    $('results').setAttribute('aria-busy', 'true');
    latestRun = evaluateAndShow().then(async (schools) => {
      if (mine !== evaluations) return;
      if (schools === undefined) whole = { of: mine, result: null };
      else if (schools <= WHOLE_RESULT_SCHOOLS || embed.wanted()) await takeWhole(mine);
      if (mine === evaluations) await showWhatIf(schools);
      planner?.refresh();
      refreshExplain();
    }).finally(() => {
      if (mine === evaluations) $('results').setAttribute('aria-busy', 'false');
    });
    return latestRun;
  }

  /** Asks the engine for the whole result of evaluation `mine` (it keeps the last one) and
   * hands it to the host page: the `result` event. Null when a newer one overtook it. */
  async function takeWhole(mine) {
    const result = await engine.call('result');
    if (mine !== evaluations || !result) return null;
    whole = { of: mine, result };
    host.dispatchEvent(new CustomEvent('result', { detail: result, bubbles: true }));
    return result;
  }

  /** The whole result of the data as it is now, once every evaluation asked for has run. */
  async function settledResult() {
    let run;
    do {
      run = latestRun;
      await run;
    } while (run !== latestRun);
    return whole.of === evaluations ? whole.result : takeWhole(evaluations);
  }

  /** Evaluates and draws; resolves to the number of schools evaluated, or undefined when
   * there was nothing to evaluate, or null when a newer edit overtook it. */
  async function evaluateAndShow() {
    saveState();
    const lang = state.lang;
    if (!state.text.trim()) {
      engine.cancel();
      show('', html`<p class="empty">${t(lang, 'empty')}</p>`);
      editor.markProblems([]);
      return undefined;
    }
    let result;
    try {
      [result] = await Promise.all([engine.evaluate(state.text, options(), state.county ?? ''), refreshRules()]);
    } catch (error) {
      // Only a bug gets here: user mistakes come back as result.errors.
      console.error(error);
      show(html`<div class="problems internal"><p>${t(lang, 'internalError')}${String(error?.message ?? error)}</p></div>`);
      return null;
    }
    // A newer edit overtook this one, or the user stopped it: the newer answer will draw.
    if (!result) return null;
    showResult(result, lang);
    const nowComputed = new Set(result.parts.flatMap((p) => p.items.filter((i) => i.computed).map((i) => i.id)));
    if ([...nowComputed].join() !== [...computed].join() || rules !== rulesDrawn) {
      computed = nowComputed;
      renderForms();
    }
    fillTotals($('answers-forms'), result.parts, state.lang);
    markAnswerErrors($('answers-forms'), result.parts);
    return Object.values(result.levels).reduce((sum, level) => sum + level.schools, 0);
  }

  /** Asks the engine for the rules in words when the profile or the language has changed
   * since they were last asked for. */
  async function refreshRules() {
    const [p, lang] = [profile(), state.lang];
    if (rulesOf?.[0] === p && rulesOf[1] === lang) return;
    rulesOf = [p, lang];
    const fresh = await engine.call('measureRules', p, lang);
    // A later change may have asked again meanwhile: only the latest are kept.
    if (rulesOf[0] === p && rulesOf[1] === lang) rules = fresh;
  }

  /** Draws a result: its problems, or the report with each level's schools drawn as they
   * come into view, fetched from the engine a window at a time. */
  function showResult(result, lang) {
    lastErrors = result.errors;
    editor.markProblems(result.errors);
    const review = renderReview(result.review, columnLabels(lang), state.mapping, lang);
    showProvince(result, lang);
    if (result.errors.length && !result.provisional) {
      show(renderProblems(result.errors, lang), '', '', review);
      return;
    }
    // A province file with no county open: its counties' rows alone, nothing evaluated above them.
    if (result.province && !result.county) {
      show('', '', '', html`${review}${renderReport(result, lang).extras}`);
      return;
    }
    const report = renderReport(result, lang, { exampleAnswers: state.demo });
    // With some rows wrong, their mistakes above the other rows' provisional figures.
    const problems = result.provisional ? renderProblems(result.errors, lang) : '';
    show(problems, report.summary, levelFrames(report.levels.map((l) => l.level)), html`${review}${report.extras}`, report.overall);
    for (const { level, card, schools } of report.levels) {
      update(`card-${level}`, card);
      showSchools(level, schools, result, lang);
    }
  }

  /** A province file's counties (their summary rows and the picker), or nothing. The county
   * in view is kept with the data: a file without it shows the province's rows. */
  async function showProvince(result, lang) {
    state.county = result.county ?? '';
    if (!result.province) return province?.clear();
    province ??= (await import('./province.js')).mountProvince(root, pickCounty);
    province.show(result.province, state.county, lang);
  }

  /** Opens a county of the province file in view ('' the province's rows), without
   * evaluating again: the engine keeps every county's result. */
  async function pickCounty(county) {
    state.county = county;
    saveState();
    const result = await engine.call('pickCounty', county);
    if (result) showResult(result, state.lang);
  }

  /** Each level's school table: its rows' drawer, kept while the table's frame (headers,
   * count) stays the same, so that an edit draws only the rows in view again. */
  const schoolTables = new Map();

  function showSchools(level, frame, result, lang) {
    const how = {
      count: result.levels[level].schools,
      columns: schoolColumns(result, level),
      source: (from, to) => engine.call('schools', level, from, to),
      row: (school, index) => schoolRow(school, result, index, lang),
    };
    if (update(`schools-${level}`, frame)) {
      const body = $(`schools-${level}`).querySelector('tbody');
      schoolTables.set(level, new VirtualRows(body.closest('.table-scroll'), body, how));
    }
    const virtual = schoolTables.get(level);
    Object.assign(virtual, how);
    virtual.draw(true);
  }

  /** Says that a long evaluation is under way, with a way to stop it; null: none is. */
  let progressTimer = 0;
  function showProgress(info) {
    clearTimeout(progressTimer);
    if (!info) return notify('working');
    // A short evaluation shows nothing: only one the user would wait for.
    progressTimer = setTimeout(() => {
      const rows = formatCount(info.rows, state.lang);
      notify('working', html`<span class="spinner" aria-hidden="true"></span>${t(state.lang, 'working', { rows })} ${action('cancel', 'cancel')}`);
    }, 200);
  }

  function renderForms() {
    rulesDrawn = rules;
    setHtml($('answers-forms'), renderAnswers(state.standard, profile(), state.answers, computed, state.lang, rules));
    setHtml($('profile-name'), html`${profileName(profile().name, state.profile == null, state.lang)}`);
  }

  // --- what-if and the plan ----------------------------------------------------------------

  /** Keeps the text before an edit, once per burst of typing, for "undo the last change". */
  function remember(force = false) {
    const now = Date.now();
    if (force || now - lastEdit > 1000) edits.push(state.text);
    lastEdit = now;
  }

  /** The baseline's whole result, for the options it was evaluated with. */
  let baselineResult = { key: '', text: null, result: null };

  /** Beside the results: the data as loaded and now, once the data has been edited. */
  async function showWhatIf(schools) {
    if (state.baseline == null || state.text === state.baseline || !state.baseline.trim()) return update('whatif', html``);
    const lang = state.lang;
    const { renderComparison } = await import('./whatif.js');
    if (schools == null || schools > WHOLE_RESULT_SCHOOLS || !whole.result) {
      return update('whatif', html`<p class="meta" data-testid="whatif">${t(lang, 'whatifLarge', { count: formatCount(WHOLE_RESULT_SCHOOLS, lang) })}</p>`);
    }
    const key = JSON.stringify(options());
    if (baselineResult.key !== key || baselineResult.text !== state.baseline) {
      baselineResult = { key, text: state.baseline, result: await engine.call('evaluateWhole', state.baseline, options()) };
    }
    const baseline = baselineResult.result;
    if (baseline.errors.length || whole.result.errors.length) return update('whatif', html``);
    update('whatif', renderComparison(baseline, whole.result, lang));
  }

  /** Undoes the last edit (a burst of typing, an applied plan, a reset). */
  function undoEdit() {
    if (!edits.length) return;
    setText(edits.pop(), state.mapping);
  }

  /** Back to the data as loaded; undoable. */
  function resetToBaseline() {
    if (state.baseline == null || state.text === state.baseline) return;
    remember(true);
    setText(state.baseline, state.mapping);
    notify('undo', t(state.lang, 'whatifResetDone'));
  }

  /** Shows how `level`'s `key` CV is computed, step by step (explain.js, loaded then);
   * `presenting`: large, one indicator at a time; `focus`: the user asked (not a redraw). */
  async function openExplain(level, key, presenting = false, focus = true) {
    const [{ renderExplanation }, answer] = await Promise.all([import('./explain.js'), engine.call('explain', state.text, options(), level, key)]);
    if (answer.errors.length) return notify('explain', html`${problemList(answer.errors)}`, 'alert');
    notify('explain');
    update('explain', renderExplanation(answer.explanation, state.lang, presenting));
    if (focus) $('explain').querySelector('section').focus();
  }

  /** The open step-by-step view follows the data and the settings. */
  function refreshExplain() {
    const view = $('explain').querySelector('section');
    if (view) openExplain(view.dataset.level, view.dataset.indicator, view.classList.contains('presenting'), false);
  }

  /** Presenting: the arrows move to the previous or next indicator of the level. */
  function explainKey(event) {
    const view = $('explain').querySelector('section.presenting');
    if (!view) return;
    if (event.key === 'Escape') return openExplain(view.dataset.level, view.dataset.indicator);
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    const keys = [...$('levels').querySelectorAll(`[data-explain^="${view.dataset.level}/"]`)].map((b) => b.dataset.explain.split('/')[1]);
    if (!step || !keys.length) return;
    event.preventDefault();
    const next = keys[(keys.indexOf(view.dataset.indicator) + step + keys.length) % keys.length];
    openExplain(view.dataset.level, next, true);
  }

  /** Opens the plan (loading plan.js the first time). */
  async function openPlan() {
    if (!planner) {
      const { mountPlan } = await import('./plan.js');
      planner = mountPlan({
        $,
        engine,
        lang: () => state.lang,
        text: () => state.text,
        options,
        labels: columnLabels,
        planOptions: () => state.planOptions,
        setPlanOptions: (choices) => {
          state.planOptions = choices;
          saveState();
        },
        applyText: (text) => {
          remember(true);
          return setText(text, state.mapping);
        },
        print: () => {
          host.dataset.printing = 'plan';
          window.addEventListener('afterprint', () => delete host.dataset.printing, { once: true });
          window.print();
        },
      });
    }
    await planner.open();
  }

  // --- files ---------------------------------------------------------------------------------

  const problemList = (problems) => html`${problems.map((p, i) => html`${i ? t(state.lang, 'semicolon') : ''}${describeProblem(p, state.lang)}`)}`;

  /** The user's own saved work while a share link's data is shown: saving waits until they
   * choose between the two. Null when nothing of theirs is at stake. */
  let ownWork = null;

  /** Project and profile files and share links (documents.js, loaded the first time one is
   * opened or made: a first visit needs none of them). */
  let documents = null;
  const docs = async () => {
    documents ??= (await import('./documents.js')).mountDocuments({
      state, engine, $, notify, refuse, action, quoted, replaceData, recompute, applyLanguage, options, problemList,
      national: () => national,
      keepOwnWork: (saved) => { ownWork = saved; },
    });
    return documents;
  };
  const openShared = async (fragment, saved) => (await docs()).openShared(fragment, saved);

  /** Opens a profile or project file, the results busy until they show what it changed. */
  async function openDocument(kind, file) {
    const before = evaluations;
    $('results').setAttribute('aria-busy', 'true');
    try {
      const documents = await docs();
      await (kind === 'profile' ? documents.importProfile(file) : documents.importProject(file));
    } finally {
      if (evaluations === before) $('results').setAttribute('aria-busy', 'false');
    }
  }

  /** Opens a table file. What cannot be read is refused with the reason; the data stays. */
  async function openFile(file) {
    if (file.size > MAX_FILE_BYTES) return refuseOverSize(file.name);
    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      return refuse(file.name, t(state.lang, 'fileUnreadable'));
    }
    if (!bytes.length) return refuse(file.name, t(state.lang, 'fileEmpty'));
    if (isZip(bytes)) return openWorkbook(file.name, bytes);
    // The old binary .xls needs a reader the page does not ship; the CLI reads it.
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf) return refuse(file.name, t(state.lang, 'xlsUnsupported'));
    const text = decodeBytes(bytes);
    if (looksBinary(text)) return refuse(file.name, t(state.lang, 'fileNotTable'));
    return openText(text, file.name);
  }

  /** A file past MAX_FILE_BYTES, refused by its size. */
  const refuseOverSize = (name) => refuse(name, t(state.lang, 'fileOverSize', { max: formatMegabytes(MAX_FILE_BYTES, state.lang) }));

  /** Opens a table's text named `name`, refused when it has no cell. */
  async function openText(text, name) {
    // Not a table's shape (far too wide, a quote never closed): refused before it is held.
    const problem = await engine.call('tableProblem', text, state.lang);
    if (problem) return refuse(name, describeProblem(problem, state.lang));
    if (!(await engine.call('hasCells', text))) return refuse(name, t(state.lang, 'fileEmpty'));
    return openTable(text, { label: name });
  }

  /** Replaces the data with a table that is not a workbook's sheet: no other sheets are offered. */
  function openTable(text, how) {
    workbook = [];
    $('sheet-row').hidden = true;
    return replaceData(text, how);
  }

  /** Opens the sheet that looks most like the template, and offers the others. */
  async function openWorkbook(name, bytes) {
    // The workbook reader is fetched when a workbook is opened, not on every visit.
    const { readWorkbook, sheetToText } = await import('./xlsx.js');
    let sheets;
    try {
      sheets = (await readWorkbook(bytes)).map((sheet) => ({ name: sheet.name, text: sheetToText(sheet.rows), empty: !sheet.rows.size }));
    } catch (problem) {
      return refuse(name, t(state.lang, problem.code, problem.values));
    }
    // A sheet's row map holds only cells with text: an empty one has no data to offer.
    const scores = await Promise.all(sheets.map((sheet) => (sheet.empty ? -1 : engine.call('templateColumns', sheet.text))));
    const best = scores.reduce((b, score, i) => (score > scores[b] ? i : b), 0);
    if (!sheets.length || scores[best] < 0) return refuse(name, t(state.lang, 'fileNoSheets'));
    workbook = sheets;
    setHtml($('sheet-select'), html`${sheets.map((s, i) => html`<option value="${i}"${i === best ? html` selected` : ''}>${s.name}</option>`)}`);
    $('sheet-row').hidden = sheets.length < 2;
    return replaceData(sheets[best].text, { label: name });
  }

  /** Opens a table the host page gives (`load()`, inline): text, or a File or Blob. */
  async function openGiven(input) {
    const label = t(state.lang, 'givenData');
    if (typeof input !== 'string') return openFile(input instanceof File ? input : new File([input], label));
    return openText(input, label);
  }

  /** Opens the table at `src` (the element's attribute), relative to the host page. */
  async function openUrl(src) {
    let url;
    try {
      url = new URL(src, document.baseURI);
    } catch {
      return refuse(src, t(state.lang, 'fetchFailed'));
    }
    const name = decodedUriPart(url.pathname.split('/').pop() || url.host);
    let response;
    try {
      response = await fetch(url);
    } catch {
      return refuse(name, t(state.lang, 'fetchFailed'));
    }
    if (!response.ok) return refuse(name, t(state.lang, 'fetchStatus', { status: response.status }));
    // A size the server states is checked before the body is read.
    if (Number(response.headers.get('content-length')) > MAX_FILE_BYTES) {
      response.body?.cancel();
      return refuseOverSize(name);
    }
    return openFile(new File([await response.blob()], name));
  }

  async function loadDemo() {
    const [table, answers] = await Promise.all([demoTable(), demoAnswers()]);
    await openTable(table, { demo: true, answers: { ...emptyAnswers(), ...answers }, label: t(state.lang, 'demoName') });
  }

  /** The template's header row alone, tab-separated as the editor writes it. */
  function emptyTable() {
    return template.header[state.lang].replace(/,/g, '\t') + '\n';
  }

  // --- views ------------------------------------------------------------------------------------

  function applyLanguage() {
    const lang = state.lang;
    applyStrings(lang, root);
    // The host says its language (for screen readers, and for the page around it to follow).
    if (langOf(host.getAttribute('lang')) !== lang) host.setAttribute('lang', lang);
    // What is shown is in this language and script, whatever the host's attribute says (zh-Hant).
    $('calculator').lang = LOCALES[lang];
    host.dispatchEvent(new CustomEvent('langchange', { detail: { lang }, bubbles: true, composed: true }));
    $('scope-note').textContent = scopeSentence(profile(), state.standard, lang);
    showReportHead();
    // The editor's labels follow at its next drawing (the language toggle redraws it).
    editor.lang = lang;
    fillColumnChoices();
    renderForms();
  }

  /** The printed report's title: the county and date entered once, the standard and profile. */
  function showReportHead() {
    const lang = state.lang;
    const { county, date } = state.report;
    $('report-county').value = county;
    $('report-date').value = date;
    const meta = t(lang, 'reportMeta', { standard: t(lang, state.standard), profile: state.profile == null ? t(lang, 'profileNational') : profile().name, date: date ? formatDate(date, lang) : t(lang, 'reportNoDate') });
    const scope = scopeSentence(profile(), state.standard, lang);
    setHtml($('report-head'), html`<h2 data-testid="report-title">${county ? html`${user(county)}` : ''}${t(lang, 'reportTitle')}</h2><p>${meta}</p><p class="meta">${scope}</p>`);
  }

  /** The add-column menu offers the template's columns that the table lacks. */
  function fillColumnChoices() {
    const have = new Set(editor.header());
    const missing = columnLabels(state.lang).filter(([, label]) => !have.has(label));
    setHtml($('add-column'), html`<option value="">${t(state.lang, 'addColumnPrompt')}</option>${missing.map(([, label]) => html`<option value="${label}">${label}</option>`)}`);
  }

  async function showView(view) {
    state.view = view;
    for (const [name, tab, panel] of [['table', 'tab-table', 'panel-table'], ['text', 'tab-text', 'panel-text']]) {
      const active = name === view;
      $(tab).setAttribute('aria-selected', String(active));
      $(tab).tabIndex = active ? 0 : -1;
      $(panel).hidden = !active;
    }
    if (view === 'table') {
      await loadEditor(state.text);
    } else {
      $('paste').value = state.text;
    }
    fillColumnChoices();
    saveState();
  }

  /** Takes the user from an error to its cell in the table. */
  async function jumpToCell(row, column) {
    if (state.view !== 'table') await showView('table');
    await editorLoading;
    if (!(await editor.focusCell(row, column))) $('editor').focus();
  }

  // --- wiring ----------------------------------------------------------------------------------

  /** Calls `handle` with the file picked in the file input `id`, which is then cleared so that
   * picking the same file again is noticed. */
  function onFilePicked(id, handle) {
    $(id).addEventListener('change', (event) => {
      const [file] = target(event).files;
      if (file) handle(file);
      target(event).value = '';
    });
  }

  const actions = {
    undo,
    'clear-answers': () => {
      state.answers = emptyAnswers();
      notify('undo');
      renderForms();
      recompute();
    },
    'take-theirs': () => {
      Object.assign(state, initial(), store.takeTheirs());
      notify('conflict');
      showState();
    },
    'keep-mine': () => {
      notify('conflict');
      store.keepMine(state);
    },
    'save-project': async () => (await docs()).saveProject(),
    'copy-link': async () => (await docs()).copyLink(),
    'keep-shared': () => {
      ownWork = null;
      saveState();
      notify('shared', t(state.lang, 'sharedKept'));
    },
    'back-to-mine': () => {
      Object.assign(state, ownWork);
      ownWork = null;
      notify('shared');
      showState();
    },
    cancel: () => {
      engine.cancel();
      notify('working', t(state.lang, 'cancelled'));
    },
    'clear-demo': () => replaceData(emptyTable(), { label: t(state.lang, 'newTable') }),
  };


  function wire() {
    editor = new Editor($('editor'), (text, how) => {
      if (replacesDemo(text, how)) return adoptOwnTable(text);
      // Hand mappings are by column position: a changed header row makes them stale.
      const header = editor.header().join('\t');
      if (header !== editorHeader) state.mapping = {};
      editorHeader = header;
      remember();
      state.text = text;
      recompute();
      fillColumnChoices();
    });
    $('paste').addEventListener('input', (/** @type {InputEvent} */ event) => {
      const text = target(event).value;
      if (replacesDemo(text, /^insertFrom(Paste|Drop)/.test(event.inputType ?? '') ? 'paste' : 'type')) return adoptOwnTable(text);
      remember();
      state.text = text;
      recompute();
    });
    $('standard').addEventListener('change', (event) => {
      state.standard = target(event).value;
      applyLanguage();
      recompute();
    });
    for (const type of ['input', 'change']) {
      $('answers-forms').addEventListener(type, (event) => {
        if (!target(event).dataset.answer) return;
        readControl(state.answers, target(event));
        recompute();
      });
    }
    for (const button of root.querySelectorAll('[data-pick]')) {
      button.addEventListener('click', () => $(/** @type {HTMLElement} */ (button).dataset.pick).click());
    }
    mountPartsNav(root);
    onFilePicked('profile-input', (file) => openDocument('profile', file));
    onFilePicked('project-input', (file) => openDocument('project', file));
    onFilePicked('file-input', openFile);
    $('notice').addEventListener('click', (event) => actions[target(event).closest('[data-action]')?.dataset.action]?.());
    $('demo-banner').addEventListener('click', (event) => actions[target(event).closest('[data-action]')?.dataset.action]?.());
    $('problems').addEventListener('click', (event) => {
      const button = target(event).closest('[data-jump-row]');
      if (button) jumpToCell(Number(button.dataset.jumpRow), button.dataset.jumpColumn);
    });
    $('export-profile').addEventListener('click', () => download(t(state.lang, 'profileFile'), JSON.stringify(profile(), null, 2), 'application/json'));
    $('reset-profile').addEventListener('click', () => {
      state.profile = null;
      notify('file');
      notify('profile');
      applyLanguage();
      recompute();
    });
    $('save-project').addEventListener('click', async () => (await docs()).saveProject());
    $('load-demo').addEventListener('click', loadDemo);
    $('download-template').addEventListener('click', () => download(t(state.lang, 'templateFile'), template.header[state.lang] + '\r\n'));
    $('download-example').addEventListener('click', async () => download(t(state.lang, 'exampleFile'), await demoTable()));
    $('share-link').addEventListener('click', async () => (await docs()).makeShareLink());
    $('plan-open').addEventListener('click', openPlan);
    for (const field of ['report-county', 'report-date']) {
      $(field).addEventListener('input', (event) => {
        state.report = { ...state.report, [target(event).dataset.report]: target(event).value };
        saveState();
        showReportHead();
      });
    }
    $('levels').addEventListener('click', (event) => {
      const [level, key] = target(event).closest('[data-explain]')?.dataset.explain.split('/') ?? [];
      if (key) openExplain(level, key);
    });
    $('explain').addEventListener('click', (event) => {
      const view = $('explain').querySelector('section');
      if (target(event).closest('[data-explain-close]')) update('explain', html``);
      if (target(event).closest('[data-explain-present]')) openExplain(view.dataset.level, view.dataset.indicator, !view.classList.contains('presenting'));
    });
    $('explain').addEventListener('keydown', explainKey);
    $('whatif').addEventListener('click', (event) => {
      const button = target(event).closest('[data-whatif]');
      if (button?.dataset.whatif === 'undo') undoEdit();
      if (button?.dataset.whatif === 'reset') resetToBaseline();
    });
    $('export-json').addEventListener('click', async () => {
      const result = await settledResult();
      if (result) download(t(state.lang, 'resultJsonFile'), JSON.stringify(result, null, 2), 'application/json');
    });
    $('export-csv').addEventListener('click', async () => {
      const [result, { resultCsv }] = await Promise.all([settledResult(), import('./export.js')]);
      if (result) download(t(state.lang, 'resultCsvFile'), resultCsv(result, state.lang));
    });
    for (const link of /** @type {NodeListOf<HTMLAnchorElement>} */ (root.querySelectorAll('a[data-file]'))) link.href = fileUrl(link.dataset.file);
    $('sheet-select').addEventListener('change', (event) => replaceData(workbook[Number(target(event).value)].text, { label: workbook[Number(target(event).value)].name }));
    $('extras').addEventListener('change', (event) => {
      const index = target(event).dataset.map;
      if (index === undefined) return;
      if (target(event).value === '*') delete state.mapping[index];
      else state.mapping[index] = target(event).value;
      recompute();
    });
    $('new-table').addEventListener('click', () => replaceData(emptyTable(), { label: t(state.lang, 'newTable') }));
    $('add-row').addEventListener('click', () => {
      if (!editor.header().length) setText(emptyTable());
      editor.addRow();
    });
    $('add-column').addEventListener('change', (event) => {
      if (target(event).value) editor.addColumn(target(event).value);
    });
    // The template menu closes with Escape, as menus do, and gives focus back to its button.
    const menu = /** @type {HTMLDetailsElement} */ (root.querySelector('details.menu'));
    menu.addEventListener('keydown', (/** @type {KeyboardEvent} */ event) => {
      if (event.key !== 'Escape' || !menu.open) return;
      menu.open = false;
      menu.querySelector('summary').focus();
    });
    for (const [tab, view] of [['tab-table', 'table'], ['tab-text', 'text']]) {
      $(tab).addEventListener('click', () => showView(view));
      $(tab).addEventListener('keydown', (event) => {
        if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
        const other = view === 'table' ? 'text' : 'table';
        showView(other);
        $(`tab-${other}`).focus();
      });
    }
    const drop = $('data');
    drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.classList.add('dropping');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('dropping'));
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('dropping');
      const [file] = event.dataTransfer.files;
      if (file) openFile(file);
    });
  }

  async function main() {
    // Not live until ready: nothing typed, pasted or chosen while it starts can be dropped.
    $('calculator').inert = true;
    await useLang(state.lang);
    $('summary').textContent = t(state.lang, 'loading');
    const langs = /** @type {const} */ (['zh', 'zh-Hant', 'en']);
    const perLang = langs.flatMap((l) => [engine.call('templateHeader', l), engine.call('templateLabels', l)]);
    const [nationalValue, form, ...fixed] = await Promise.all([engine.call('nationalProfile'), engine.call('answerForm'), ...perLang, learnDemoSchools()]);
    national = nationalValue;
    await checkSavedProfile();
    useAnswerForm(form);
    langs.forEach((l, i) => {
      template.header[l] = fixed[2 * i];
      template.labels[l] = fixed[2 * i + 1];
    });
    await refreshRules();
    wire();
    $('standard').value = state.standard;
    applyLanguage();
    await showView(state.view);
    if (loaded.problem) notify('storage', t(state.lang, loaded.problem), 'alert');
    await openStart();
    // The address can open the step-by-step view (#explain=<level>/<indicator key>).
    await explainAsked(host.getAttribute('explain'));
    $('demo-banner').hidden = !state.demo;
    $('calculator').inert = false;
    host.dataset.ready = 'true';
    host.dispatchEvent(new Event('ready'));
  }

  /** A saved profile the engine refuses is kept aside and the national one used instead:
   * the calculator starts, and says so. */
  async function checkSavedProfile() {
    if (!state.profile) return;
    const problems = await engine.call('checkProfile', state.profile, state.lang);
    if (!problems.length) return;
    store.keepAside(JSON.stringify({ profile: state.profile }));
    state.profile = null;
    loaded.problem ??= 'storageProfileDamaged';
  }

  /** What the calculator opens on: a share link's data (without overwriting saved work);
   * else a returning visitor's own data; else, on a first visit, the host's table (`src`,
   * then inline) or the demo county, clearly marked. */
  async function openStart() {
    const share = host.getAttribute('share');
    if (share) {
      // A damaged link is refused with the reason, over whatever would have opened.
      if ((await openShared(share, loaded.state)) === false) await recompute();
      return;
    }
    if (loaded.state !== undefined || loaded.problem) return recompute();
    const src = host.getAttribute('src');
    const opened = await (src ? openUrl(src) : embed.inline ? openGiven(embed.inline) : loadDemo());
    // Nothing of the user's was replaced: there is nothing to undo.
    if (opened === false) await recompute();
    else notify('undo');
  }

  /** Opens the step-by-step view the `explain` attribute names (`<level>/<indicator key>`). */
  async function explainAsked(value) {
    const [level, key] = value?.split('/') ?? [];
    if (key) await openExplain(level, key);
  }

  /** A share link given while the calculator runs (the address changed): the work in view
   * is the user's, kept as any saved work is while the link's data is shown. */
  async function shareAsked(fragment) {
    if (!fragment) return;
    const mine = ownWork ?? structuredClone(state);
    if ((await openShared(fragment, mine)) === false) await recompute();
  }

  /** Switches the calculator's language (the host's `lang` attribute). The results are busy
   * from the moment it is asked until they are drawn in the new language. */
  async function setLang(lang) {
    const next = langOf(lang);
    // Asked twice and back again: the results drawn are right, busy ends with them.
    if (!next || next === state.lang) return $('results').getAttribute('aria-busy') === 'true' && recompute();
    $('results').setAttribute('aria-busy', 'true');
    await useLang(next);
    state.lang = next;
    applyLanguage();
    editor.render();
    await recompute();
  }

  /** Switches the standard (the host's `standard` attribute). */
  function setStandard(value) {
    const next = standardOf(value);
    if (!next || next === state.standard) return;
    state.standard = next;
    $('standard').value = next;
    applyLanguage();
    recompute();
  }

  /** What `load()` resolves to: the result of the data given, or the reason it was refused. */
  async function load(input) {
    if ((await openGiven(input)) === false) throw new Error(refusal);
    return settledResult();
  }

  const started = main().catch((error) => {
    console.error(error);
    const words = error?.unavailable ? t(state.lang, 'engineUnavailable') : `${t(state.lang, 'internalError')}${String(error?.message ?? error)}`;
    setHtml($('problems'), html`<div class="problems internal" data-testid="not-started"><p>${words}</p></div>`);
  });

  return {
    started,
    // Changes asked for while the calculator starts wait for it.
    setLang: (lang) => {
      // Busy at once, so that whoever waits for the results waits for this language's.
      if (langOf(lang) && langOf(lang) !== state.lang) $('results').setAttribute('aria-busy', 'true');
      return started.then(() => setLang(lang));
    },
    explain: (value) => started.then(() => explainAsked(value)),
    share: (fragment) => started.then(() => shareAsked(fragment)),
    setStandard: (value) => started.then(() => setStandard(value)),
    openUrl: (src) => started.then(() => openUrl(src)),
    load,
    evaluate: () => recompute().then(settledResult),
    result: () => (whole.of === evaluations ? whole.result : null),
    results: () => $('results'),
  };
}
