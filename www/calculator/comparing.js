// 对比往年数据: an earlier year's file (a table in any format the page reads, or a project
// file with its plan) compared with the data as it is now, by the engine (the core's
// comparison); the view beside the results, its CSV. Loaded when a file is first compared.

import { html, setHtml } from '../lib/html.js';
import { t, useExtraStrings } from '../i18n/i18n.js';
import { download } from '../io/files.js';
import { renderYears } from '../views/compare.js';
import { yearsCsv } from '../io/export.js';
import { otherTableText } from './opening.js';
import { problemList, refuse, reveal } from './notices.js';

/** A template column's name in the reader's language, by its key. */
const labelOf = (c) => (key) => c.columnLabels(c.state.lang).find(([k]) => k === key)?.[1] ?? key;

/** Compares the file with the data now, and shows the comparison where the results are. */
export async function compareWith(c, file) {
  const [text] = await Promise.all([otherTableText(c, file), useExtraStrings()]);
  if (text == null) return;
  const project = /^\s*\{/.test(text);
  const { comparison, errors } = await c.engine.call('compareYears', text, project, c.state.text, c.options());
  if (!comparison) return refuse(c, file.name, problemList(c, errors));
  c.compared = { comparison, name: file.name };
  setHtml(c.$('compare'), renderYears(comparison, c.state.lang, file.name, labelOf(c)));
  reveal(c.$('compare').querySelector('section'));
}

/** The comparison's buttons: its CSV, and closing it. */
export function compareAction(c, action) {
  if (action === 'close') {
    c.compared = null;
    return setHtml(c.$('compare'), html``);
  }
  const { comparison, name } = c.compared;
  download(t(c.state.lang, 'yearsCsvFile'), yearsCsv(comparison, c.state.lang, name, labelOf(c)));
}
