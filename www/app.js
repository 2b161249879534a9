// One calculator: one state (the data as text, the standard, the language, the answers, the
// view), kept in localStorage under the host's `persist` key so that a reload loses nothing,
// and a report recomputed on every edit by the engine in its worker (engine.js): this thread
// never parses or evaluates. No action replaces the user's data without a way back: every
// replacement can be undone. Drawn into a shadow root by junheng-calculator.js.

import { Engine } from './engine.js';
import { VirtualRows } from './virtual.js';
import { applyStrings, t } from './i18n.js';
import { Editor } from './editor.js';
import { html, setHtml, user } from './html.js';
import { renderReport, renderProblems, renderReview, describeProblem, profileName, scopeSentence, schoolRow, schoolColumns, levelFrames } from './report.js';
import { renderAnswers, readControl, emptyAnswers, fillTotals, markAnswerErrors, useAnswerForm } from './answers.js';
import { decodeBytes, download } from './files.js';
import { formatCount } from './format.js';
import { readWorkbook, sheetToText, isZip, looksBinary } from './xlsx.js';
import { Store } from './storage.js';

/** Starts a calculator in `root` (the shadow root of `host`, whose markup it finds there).
 * @param {ShadowRoot} root @param {HTMLElement} host */
export function mountCalculator(root, host) {
  // Beside the modules, wherever the page that embeds the calculator is.
  const DEMO_URL = new URL('demo/demo-county.csv', import.meta.url);
  const DEMO_ANSWERS_URL = new URL('demo/demo-answers.json', import.meta.url);
  /** An element of the calculator by id. Typed loosely: it looks up its own inputs,
   * selects and containers, whose kinds calculator-markup.js fixes. @type {(id: string) => any} */
  const $ = (id) => root.getElementById(id);
  /** An event's target, which the page's own listeners know the kind of. @type {(event: Event) => any} */
  const target = (event) => event.target;

  /** What the user is working on. `demo` is true while the data is the example county's. */
  const initial = () => ({ text: '', standard: 'quality2017', lang: 'zh', view: 'table', answers: emptyAnswers(), profile: null, mapping: {}, demo: false });

  const store = new Store({
    conflict: () => notify('conflict', html`${t(state.lang, 'storageConflict')} ${action('take-theirs', 'storageTakeTheirs')} ${action('keep-mine', 'storageKeepMine')}`, 'alert'),
    failure: (error) => notify('storage', html`${t(state.lang, 'storageFailed', { reason: error?.name ?? '' })} ${action('save-project', 'saveProject')}`, 'alert'),
    saved: () => notify('storage'),
  }, host.getAttribute('persist') || null);
  const loaded = store.load();
  // The host's `lang` attribute, when it names a language, wins over the saved one.
  const asked = { zh: 'zh', en: 'en' }[host.getAttribute('lang')];
  const state = Object.assign(initial(), loaded.state, asked ? { lang: asked } : {});
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

  /** The profile in use: an imported one, or the national one. */
  const profile = () => state.profile ?? national;
  const options = () => ({ standard: state.standard, lang: state.lang, profile: profile(), answers: state.answers, mapping: state.mapping });
  /** The sheets of the workbook opened last, to switch between (not kept across reloads). */
  let workbook = [];
  /** The editor's header row as last seen, to notice added or removed columns. */
  let editorHeader = '';

  const saveState = () => store.save(state);

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

  /** A file or document that could not be used: the reason, and that nothing was changed. */
  function refuse(name, reason) {
    notify('file', html`${t(state.lang, 'fileRefused')}${quoted(name)}${t(state.lang, 'colon')}${reason} ${t(state.lang, 'dataKept')}`, 'alert');
  }

  /** A file or sheet name inside a sentence. */
  const quoted = (name) => (state.lang === 'zh' ? html`「${user(name)}」` : html`"${user(name)}"`);

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
    Object.assign(state, settings, { demo, text, mapping });
    notify('file');
    const shown = showState();
    const undo = action('undo', 'undo');
    notify('undo', html`${t(state.lang, 'replaced')}${quoted(label)}${t(state.lang, 'replacedAfter')} ${undo}${keptAnswers ? html` ${t(state.lang, 'answersKept')} ${action('clear-answers', 'clearAnswers')}` : ''}`);
    return shown;
  }

  /** Draws everything from the state: the settings, the page's words and forms, both views of
   * the data, the report and the demo banner. */
  function showState() {
    $('standard').value = state.standard;
    applyLanguage();
    $('demo-banner').hidden = !state.demo;
    return setText(state.text, state.mapping);
  }

  function hasAnswers(a) {
    return a.school_standard_met != null || Object.keys(a.government_points).length > 0 || Object.keys(a.items).length > 0 ||
      Object.keys(a.survey).length > 0 || a.vetoes.length > 0;
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

  async function recompute() {
    const mine = ++evaluations;
    $('results').setAttribute('aria-busy', 'true');
    try {
      await evaluateAndShow();
    } finally {
      if (mine === evaluations) $('results').setAttribute('aria-busy', 'false');
    }
  }

  async function evaluateAndShow() {
    saveState();
    const lang = state.lang;
    if (!state.text.trim()) {
      engine.cancel();
      show('', html`<p class="empty">${t(lang, 'empty')}</p>`);
      editor.markProblems([]);
      return;
    }
    let result;
    try {
      [result] = await Promise.all([engine.evaluate(state.text, options()), refreshRules()]);
    } catch (error) {
      // Only a bug gets here: user mistakes come back as result.errors.
      console.error(error);
      show(html`<div class="problems internal"><p>${t(lang, 'internalError')}${String(error?.message ?? error)}</p></div>`);
      return;
    }
    // A newer edit overtook this one, or the user stopped it: the newer answer will draw.
    if (!result) return;
    showResult(result, lang);
    const nowComputed = new Set(result.parts.flatMap((p) => p.items.filter((i) => i.computed).map((i) => i.id)));
    if ([...nowComputed].join() !== [...computed].join() || rules !== rulesDrawn) {
      computed = nowComputed;
      renderForms();
    }
    fillTotals($('answers-forms'), result.parts, state.lang);
    markAnswerErrors($('answers-forms'), result.parts);
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
    if (result.errors.length) {
      show(renderProblems(result.errors, lang), '', '', review);
      return;
    }
    const report = renderReport(result, lang);
    show('', report.summary, levelFrames(report.levels.map((l) => l.level)), html`${review}${report.extras}`, report.overall);
    for (const { level, card, schools } of report.levels) {
      update(`card-${level}`, card);
      showSchools(level, schools, result, lang);
    }
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

  // --- files ---------------------------------------------------------------------------------

  /** Reads a JSON file, or says why it cannot. */
  async function readJson(file) {
    try {
      return JSON.parse(decodeBytes(new Uint8Array(await file.arrayBuffer())));
    } catch (error) {
      refuse(file.name, t(state.lang, 'notJson'));
      return undefined;
    }
  }

  const problemList = (problems) => html`${problems.map((p, i) => html`${i ? t(state.lang, 'semicolon') : ''}${describeProblem(p, state.lang)}`)}`;

  async function importProfile(file) {
    const value = await readJson(file);
    if (value === undefined) return;
    const problems = await engine.call('checkProfile', value, state.lang);
    if (problems.length) return refuse(file.name, html`${t(state.lang, 'profileError')}${problemList(problems)}`);
    notify('file');
    state.profile = value;
    notify('profile', html`${t(state.lang, 'profileImported')}${quoted(file.name)}`);
    applyLanguage();
    recompute();
  }

  async function importProject(file) {
    const value = await readJson(file);
    if (value === undefined) return;
    const opened = await engine.call('openProject', value, state.lang);
    if (opened.errors.length) return refuse(file.name, html`${t(state.lang, 'projectError')}${problemList(opened.errors)}`);
    const { project } = opened;
    const problems = await engine.call('checkProfile', project.profile, state.lang);
    if (problems.length) return refuse(file.name, html`${t(state.lang, 'projectError')}${problemList(problems)}`);
    const answers = { ...emptyAnswers(), ...project.answers };
    const settings = { standard: project.standard, profile: project.profile };
    replaceData(project.schools, { mapping: project.mapping ?? {}, answers, settings, label: file.name });
  }

  /** Opens a table file. What cannot be read is refused with the reason; the data stays. */
  async function openFile(file) {
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
    if (!(await engine.call('hasCells', text))) return refuse(file.name, t(state.lang, 'fileEmpty'));
    workbook = [];
    $('sheet-row').hidden = true;
    replaceData(text, { label: file.name });
  }

  /** Opens the sheet that looks most like the template, and offers the others. */
  async function openWorkbook(name, bytes) {
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
    replaceData(sheets[best].text, { label: name });
  }

  async function loadDemo() {
    const [table, answers] = await Promise.all([fetch(DEMO_URL).then((r) => r.text()), fetch(DEMO_ANSWERS_URL).then((r) => r.json())]);
    workbook = [];
    $('sheet-row').hidden = true;
    await replaceData(table, { demo: true, answers: { ...emptyAnswers(), ...answers }, label: t(state.lang, 'demoName') });
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
    if (host.getAttribute('lang') !== lang) host.setAttribute('lang', lang);
    host.dispatchEvent(new CustomEvent('langchange', { detail: { lang }, bubbles: true, composed: true }));
    $('scope-note').textContent = scopeSentence(profile(), state.standard, lang);
    // The editor's labels follow at its next drawing (the language toggle redraws it).
    editor.lang = lang;
    fillColumnChoices();
    renderForms();
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
    'save-project': () => saveProject(),
    cancel: () => {
      engine.cancel();
      notify('working', t(state.lang, 'cancelled'));
    },
    'clear-demo': () => replaceData(emptyTable(), { label: t(state.lang, 'newTable') }),
  };

  async function saveProject() {
    const project = await engine.call('makeProject', state.text, options());
    download(t(state.lang, 'projectFile'), JSON.stringify(project, null, 2), 'application/json');
  }

  function wire() {
    editor = new Editor($('editor'), (text) => {
      // Hand mappings are by column position: a changed header row makes them stale.
      const header = editor.header().join('\t');
      if (header !== editorHeader) state.mapping = {};
      editorHeader = header;
      state.text = text;
      recompute();
      fillColumnChoices();
    });
    $('paste').addEventListener('input', (event) => {
      state.text = target(event).value;
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
    onFilePicked('profile-input', importProfile);
    onFilePicked('project-input', importProject);
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
    $('save-project').addEventListener('click', saveProject);
    $('load-demo').addEventListener('click', loadDemo);
    $('download-template').addEventListener('click', () => download(t(state.lang, 'templateFile'), template.header[state.lang] + '\r\n'));
    $('download-example').addEventListener('click', async () => download(t(state.lang, 'exampleFile'), await (await fetch(DEMO_URL)).text()));
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
    $('summary').textContent = t(state.lang, 'loading');
    const langs = /** @type {const} */ (['zh', 'en']);
    const perLang = langs.flatMap((l) => [engine.call('templateHeader', l), engine.call('templateLabels', l)]);
    const [nationalValue, form, ...fixed] = await Promise.all([engine.call('nationalProfile'), engine.call('answerForm'), ...perLang]);
    national = nationalValue;
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
    // A first visit opens on the demo county, clearly marked; a returning visitor finds their own data.
    if (loaded.state === undefined && !loaded.problem) {
      await loadDemo();
      notify('undo');
    } else await recompute();
    $('demo-banner').hidden = !state.demo;
    host.dataset.ready = 'true';
    host.dispatchEvent(new Event('ready'));
  }

  /** Switches the calculator's language (the host's `lang` attribute). */
  function setLang(lang) {
    const next = lang === 'en' ? 'en' : 'zh';
    if (next === state.lang || !host.dataset.ready) return;
    state.lang = next;
    applyLanguage();
    editor.render();
    recompute();
  }

  main().catch((error) => {
    console.error(error);
    setHtml($('problems'), html`<div class="problems internal"><p>${t(state.lang, 'internalError')}${String(error?.message ?? error)}</p></div>`);
  });

  return { setLang, results: () => $('results') };
}
