// The page: one state (the data as text, the standard, the language, the view), kept in
// localStorage so that a reload loses nothing, and a report recomputed on every edit.

import init, { evaluate, readGrid, templateHeader, templateColumns, nationalProfile, checkProfile, openProject, makeProject } from './pkg/junheng.js';
import { applyStrings, t } from './i18n.js';
import { Editor, escapeHtml } from './editor.js';
import { renderReport, renderProblems, renderReview, describeProblem } from './report.js';
import { renderAnswers, readControl, emptyAnswers, fillTotals } from './answers.js';
import { decodeBytes, download } from './files.js';
import { readXlsx, sheetToText, isZip } from './xlsx.js';

const STORE = 'junheng.state.v1';
const DEMO_URL = 'demo/demo-county.csv';
const DEMO_ANSWERS_URL = 'demo/demo-answers.json';
const $ = (id) => document.getElementById(id);

const saved = loadState();
const state = Object.assign({ text: '', standard: 'quality2017', lang: 'zh', view: 'table', answers: emptyAnswers(), profile: null, mapping: {} }, saved);
let editor;
let national;
/** The guarantee items the school table decides, as of the last evaluation. */
let computed = new Set();

/** The profile in use: an imported one, or the national one. */
const profile = () => state.profile ?? national;
const options = () => ({ standard: state.standard, lang: state.lang, profile: profile(), answers: state.answers, mapping: state.mapping });
/** The sheets of the workbook opened last, to switch between (not kept across reloads). */
let workbook = [];
/** The editor's header row as last seen, to notice added or removed columns. */
let editorHeader = '';

function loadState() {
  try {
    return JSON.parse(localStorage.getItem(STORE)) ?? undefined;
  } catch {
    return undefined;
  }
}

function saveState() {
  try {
    localStorage.setItem(STORE, JSON.stringify(state));
  } catch {
    // Private browsing or a full quota: the page still works, it only forgets on reload.
  }
}

/** Replaces the data (demo, file, new table): both views are refreshed from the text. */
function setText(text, mapping = {}) {
  state.text = text;
  state.mapping = mapping;
  $('paste').value = text;
  editor.load(readGrid(text), state.lang);
  editorHeader = editor.header().join('\t');
  recompute();
}

function recompute() {
  saveState();
  const lang = state.lang;
  const show = (problems, summary = '', levels = '', extras = '', overall = '') => {
    $('problems').innerHTML = problems;
    $('overall').innerHTML = overall;
    $('summary').innerHTML = summary;
    $('levels').innerHTML = levels;
    $('extras').innerHTML = extras;
  };
  if (!state.text.trim()) {
    show('', `<p class="empty">${t(lang, 'empty')}</p>`);
    editor.markProblems([]);
    return;
  }
  let result;
  try {
    result = evaluate(state.text, options());
  } catch (error) {
    // Only a bug gets here: user mistakes come back as result.errors.
    console.error(error);
    show(`<div class="problems internal"><p>${t(lang, 'internalError')}${String(error?.message ?? error)}</p></div>`);
    return;
  }
  editor.markProblems(result.errors);
  const names = templateHeader(lang).split(',');
  const columns = templateHeader('en').split(',').map((key, i) => [key, names[i]]);
  const review = renderReview(result.review, columns, state.mapping, lang);
  if (result.errors.length) {
    show(renderProblems(result.errors, lang), '', '', review);
    return;
  }
  const report = renderReport(result, lang);
  show('', report.summary, report.levels, review + report.extras, report.overall);
  const nowComputed = new Set(result.parts.flatMap((p) => p.items.filter((i) => i.computed).map((i) => i.id)));
  if ([...nowComputed].join() !== [...computed].join()) {
    computed = nowComputed;
    renderForms();
  }
  fillTotals($('answers-forms'), result.parts);
}

function renderForms() {
  $('answers-forms').innerHTML = renderAnswers(state.standard, profile(), state.answers, computed, state.lang);
  $('profile-name').textContent = profile().name;
}

function notify(message) {
  $('notice').innerHTML = message ? `<div class="problems"><p>${escapeHtml(message)}</p></div>` : '';
}

/** Reads a JSON file, or says why it cannot. */
async function readJson(file) {
  try {
    return JSON.parse(decodeBytes(new Uint8Array(await file.arrayBuffer())));
  } catch (error) {
    notify(t(state.lang, 'fileError', { name: file.name, message: error.message }));
    return undefined;
  }
}

async function importProfile(file) {
  const value = await readJson(file);
  if (value === undefined) return;
  const problems = checkProfile(value, state.lang);
  if (problems.length) {
    notify(t(state.lang, 'profileError') + problems.map((p) => describeProblem(p, state.lang)).join('；'));
    return;
  }
  notify('');
  state.profile = value;
  renderForms();
  recompute();
}

async function importProject(file) {
  const value = await readJson(file);
  if (value === undefined) return;
  const opened = openProject(value, state.lang);
  if (opened.errors.length) {
    notify(t(state.lang, 'projectError') + opened.errors.map((p) => describeProblem(p, state.lang)).join('；'));
    return;
  }
  notify('');
  const { project } = opened;
  Object.assign(state, { standard: project.standard, profile: project.profile, answers: { ...emptyAnswers(), ...project.answers } });
  $('standard').value = state.standard;
  applyLanguage();
  setText(project.schools, project.mapping ?? {});
}

function applyLanguage() {
  const lang = state.lang;
  applyStrings(lang);
  const toggle = $('lang-toggle');
  toggle.textContent = lang === 'zh' ? 'English' : '中文';
  toggle.lang = lang === 'zh' ? 'en' : 'zh-CN';
  toggle.setAttribute('aria-label', lang === 'zh' ? 'Switch to English' : '切换到中文');
  $('scope-note').textContent = t(lang, state.standard === 'quality2017' ? 'scopeQuality' : 'scopeBasic');
  editor.lang = lang;
  editor.render();
  fillColumnChoices();
  renderForms();
}

/** The add-column menu offers the template's columns that the table lacks. */
function fillColumnChoices() {
  const have = new Set(editor.header());
  const names = templateHeader(state.lang).split(',');
  const options = names.filter((name) => !have.has(name)).map((name) => `<option value="${name}">${name}</option>`);
  $('add-column').innerHTML = `<option value="">${t(state.lang, 'addColumnPrompt')}</option>${options.join('')}`;
}

function showView(view) {
  state.view = view;
  for (const [name, tab, panel] of [['table', 'tab-table', 'panel-table'], ['text', 'tab-text', 'panel-text']]) {
    const active = name === view;
    $(tab).setAttribute('aria-selected', String(active));
    $(tab).tabIndex = active ? 0 : -1;
    $(panel).hidden = !active;
  }
  if (view === 'table') {
    editor.load(readGrid(state.text), state.lang);
    editorHeader = editor.header().join('\t');
  } else {
    $('paste').value = state.text;
  }
  fillColumnChoices();
  saveState();
}

async function openFile(file) {
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (isZip(bytes)) return openWorkbook(await readXlsx(bytes));
    // The old binary .xls needs a reader the page does not ship; the CLI reads it.
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf) return notify(t(state.lang, 'xlsUnsupported', { name: file.name }));
    workbook = [];
    $('sheet-row').hidden = true;
    setText(decodeBytes(bytes));
  } catch (error) {
    notify(t(state.lang, 'fileError', { name: file.name, message: error.message }));
  }
}

/** Opens the sheet that looks most like the template, and offers the others. */
function openWorkbook(sheets) {
  workbook = sheets.map((sheet) => ({ name: sheet.name, text: sheetToText(sheet.rows) }));
  const scores = workbook.map((sheet) => templateColumns(sheet.text));
  const best = scores.indexOf(Math.max(...scores));
  $('sheet-select').innerHTML = workbook.map((s, i) => `<option value="${i}"${i === best ? ' selected' : ''}>${escapeHtml(s.name)}</option>`).join('');
  $('sheet-row').hidden = workbook.length < 2;
  setText(workbook[best]?.text ?? '');
}

async function loadDemo() {
  const [table, answers] = await Promise.all([fetch(DEMO_URL).then((r) => r.text()), fetch(DEMO_ANSWERS_URL).then((r) => r.json())]);
  state.answers = { ...emptyAnswers(), ...answers };
  renderForms();
  setText(table);
}

/** The template's header row alone, tab-separated as the editor writes it. */
function emptyTable() {
  return templateHeader(state.lang).replace(/,/g, '\t') + '\n';
}

/** Calls `handle` with the file picked in the file input `id`, which is then cleared so that
 * picking the same file again is noticed. */
function onFilePicked(id, handle) {
  $(id).addEventListener('change', (event) => {
    const [file] = event.target.files;
    if (file) handle(file);
    event.target.value = '';
  });
}

function wire() {
  editor = new Editor($('editor'), (text) => {
    // Hand mappings are by column position: a changed header row makes them stale.
    const header = editor.header().join('\t');
    if (header !== editorHeader) state.mapping = {};
    editorHeader = header;
    state.text = text;
    $('paste').value = text;
    recompute();
    fillColumnChoices();
  });
  $('paste').addEventListener('input', (event) => {
    state.text = event.target.value;
    recompute();
  });
  $('standard').addEventListener('change', (event) => {
    state.standard = event.target.value;
    applyLanguage();
    recompute();
  });
  $('lang-toggle').addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    applyLanguage();
    recompute();
  });
  $('print').addEventListener('click', () => window.print());
  for (const type of ['input', 'change']) {
    $('answers-forms').addEventListener(type, (event) => {
      if (!event.target.dataset.answer) return;
      readControl(state.answers, event.target);
      recompute();
    });
  }
  onFilePicked('profile-input', importProfile);
  onFilePicked('project-input', importProject);
  $('export-profile').addEventListener('click', () => download(t(state.lang, 'profileFile'), JSON.stringify(profile(), null, 2), 'application/json'));
  $('reset-profile').addEventListener('click', () => {
    state.profile = null;
    notify('');
    renderForms();
    recompute();
  });
  $('save-project').addEventListener('click', () => {
    download(t(state.lang, 'projectFile'), JSON.stringify(makeProject(state.text, options()), null, 2), 'application/json');
  });
  $('load-demo').addEventListener('click', loadDemo);
  onFilePicked('file-input', openFile);
  $('download-template').addEventListener('click', () => download(t(state.lang, 'templateFile'), templateHeader(state.lang) + '\r\n'));
  $('download-example').addEventListener('click', async () => download(t(state.lang, 'exampleFile'), await (await fetch(DEMO_URL)).text()));
  $('sheet-select').addEventListener('change', (event) => setText(workbook[Number(event.target.value)].text));
  $('extras').addEventListener('change', (event) => {
    const index = event.target.dataset.map;
    if (index === undefined) return;
    if (event.target.value === '*') delete state.mapping[index];
    else state.mapping[index] = event.target.value;
    recompute();
  });
  $('new-table').addEventListener('click', () => setText(emptyTable()));
  $('add-row').addEventListener('click', () => {
    if (!editor.header().length) setText(emptyTable());
    editor.addRow();
  });
  $('add-column').addEventListener('change', (event) => {
    if (event.target.value) editor.addColumn(event.target.value);
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
  await init();
  national = nationalProfile();
  wire();
  $('standard').value = state.standard;
  applyLanguage();
  showView(state.view);
  // A first visit opens on the demo county; a returning visitor finds their own data.
  if (saved === undefined) await loadDemo();
  else recompute();
  document.body.dataset.ready = 'true';
}

main().catch((error) => {
  console.error(error);
  $('problems').innerHTML = `<div class="problems internal"><p>${t(state.lang, 'internalError')}${String(error?.message ?? error)}</p></div>`;
});
