// The data's two views, the table (the grid editor) and the text box: which one is shown,
// the editor filled with the cells the engine reads, the add-column menu, and the way from a
// mistake to its cell.

import { html, setHtml } from '../lib/html.js';
import { t } from '../i18n/i18n.js';

/** Loads the data's cells (read by the engine) into the editor. */
export function loadEditor(c, text) {
  c.editorText = text;
  c.editorLoading = c.engine.call('readGrid', text).then((grid) => {
    c.editor.load(grid, c.state.lang);
    c.editor.markProblems(c.lastErrors);
    c.editorHeader = c.editor.header().join('\t');
  });
  return c.editorLoading;
}

/** The add-column menu offers the template's columns that the table lacks. */
export function fillColumnChoices(c) {
  const lang = c.state.lang;
  const have = new Set(c.editor.header());
  const missing = c.columnLabels(lang).filter(([, label]) => !have.has(label));
  setHtml(c.$('add-column'), html`<option value="">${t(lang, 'addColumnPrompt')}</option>${missing.map(([, label]) => html`<option value="${label}">${label}</option>`)}`);
}

/** Shows the table or the text view of the data. */
export async function showView(c, view) {
  c.state.view = view;
  for (const [name, tab, panel] of [['table', 'tab-table', 'panel-table'], ['text', 'tab-text', 'panel-text']]) {
    const active = name === view;
    c.$(tab).setAttribute('aria-selected', String(active));
    c.$(tab).tabIndex = active ? 0 : -1;
    c.$(panel).hidden = !active;
  }
  if (view === 'text') c.$('paste').value = c.state.text;
  // The table read again only when the text changed in the text box since: a table read
  // again replaces the grid that an edit may be being made in (its text still being made).
  else if (c.editorText !== c.state.text) await loadEditor(c, c.state.text);
  fillColumnChoices(c);
  c.saveState();
}

/** Takes the user from a mistake to its cell in the table. */
export async function jumpToCell(c, row, column) {
  if (c.state.view !== 'table') await showView(c, 'table');
  await c.editorLoading;
  if (!(await c.editor.focusCell(row, column))) c.$('editor').focus();
}

/** The template's header row alone, tab-separated as the editor writes it. */
export const emptyTable = (c) => c.template.header[c.state.lang].replace(/,/g, '\t') + '\n';
