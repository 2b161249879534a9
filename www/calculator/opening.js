// Every way a table, a project or a profile arrives from a file: a picked or dropped file, a
// workbook's sheets, the host's `src`, `load()` and inline table, project and profile files
// and share links (io/documents.js). Each ends in data.js's `replaceData`; what cannot be
// read is refused with the reason, the data kept. Loaded when first used: a first visit
// opens the demo (data.js) and reads no file.

import { html, setHtml } from '../lib/html.js';
import { t } from '../i18n/i18n.js';
import { formatMegabytes } from '../lib/format.js';
import { decodedUriPart } from '../io/files.js';
import { nationalProfile } from '../io/assets.js';
import { isWorkbook } from '../io/decode.js';
import { describeProblem } from '../lib/markup.js';
import { action, notify, problemList, quoted, refuse } from './notices.js';
import { openTable, replaceData } from './data.js';
import { recompute, setBusy } from './evaluation.js';
import { applyLanguage } from './language.js';

/** The largest file opened (a nation's table is 24 MB): a bound of the browser's memory,
 * checked before a byte is read, not a rule of the evaluation. */
const MAX_FILE_BYTES = 200 * 2 ** 20;

/** Project and profile files and share links, as functions of what they need of the
 * calculator (io/documents.js, loaded the first time one is opened or made). */
export async function documents(c) {
  const module = await import('../io/documents.js');
  c.documents ??= {
    module,
    calc: {
      state: c.state, engine: c.engine, $: c.$, options: c.options,
      notify: (kind, content, role) => notify(c, kind, content, role), refuse: (name, reason) => refuse(c, name, reason),
      action: (name, key) => action(c, name, key), quoted: (name) => quoted(c, name), problemList: (problems) => problemList(c, problems),
      replaceData: (text, how) => replaceData(c, text, how), recompute: () => recompute(c), applyLanguage: () => applyLanguage(c),
      national: nationalProfile,
      keepOwnWork: (saved) => { c.ownWork = saved; },
      // The options of the plan made for the data as it is now, if one was.
      planOptions: () => (c.planner?.made?.text === c.state.text ? c.planner.choices : null),
    },
  };
  return c.documents;
}

/** Runs `name` of io/documents.js with the calculator. */
export async function withDocuments(c, name, ...args) {
  const { module, calc } = await documents(c);
  return module[name](calc, ...args);
}

/** Opens a profile or project file; the results, busy from its pick (wiring.js), stay busy
 * until they show what it changed. */
export async function openDocument(c, kind, file) {
  const before = c.evaluations;
  try {
    await withDocuments(c, kind === 'profile' ? 'importProfile' : 'importProject', file);
  } finally {
    if (c.evaluations === before) setBusy(c, false);
  }
}

/** A file's bytes (`head`: its first four, which tell a workbook), or null when it is
 * refused (too large, unreadable, empty: said so). */
async function fileBytes(c, file, head = false) {
  const lang = c.state.lang;
  let reason = file.size > MAX_FILE_BYTES ? overSize(lang) : null;
  let bytes = null;
  if (!reason) {
    try {
      bytes = new Uint8Array(await (head ? file.slice(0, 4) : file).arrayBuffer());
      if (!bytes.length) reason = t(lang, 'fileEmpty');
    } catch {
      reason = t(lang, 'fileUnreadable');
    }
  }
  if (!reason) return bytes;
  refuse(c, file.name, reason);
  return null;
}

/** A text file's text, read, decoded and its shape checked in the worker (a nation's 22 MB
 * never cross the page's thread as bytes), or null when it is no table (said so). */
async function tableTextOf(c, file) {
  const lang = c.state.lang;
  const { text, refused, problem } = await c.engine.call('fileText', file, lang);
  if (!refused && !problem) return text;
  refuse(c, file.name, problem ? describeProblem(problem, lang) : t(lang, refused ?? 'fileNotTable'));
  return null;
}

/** Opens a table file. What cannot be read is refused with the reason; the data stays. */
export async function openFile(c, file) {
  const head = await fileBytes(c, file, true);
  if (!head) return false;
  if (isWorkbook(head)) {
    const bytes = await fileBytes(c, file);
    return bytes != null && openWorkbook(c, file.name, bytes);
  }
  const text = await tableTextOf(c, file);
  return text != null && openTable(c, text, { label: file.name });
}

/** The text of another table file (a workbook's sheet most like the template), for a
 * comparison: nothing is opened. Null when it is refused (said so). */
export async function otherTableText(c, file) {
  const head = await fileBytes(c, file, true);
  if (!head) return null;
  if (!isWorkbook(head)) return tableTextOf(c, file);
  const bytes = await fileBytes(c, file);
  if (!bytes) return null;
  const read = await c.engine.call('readWorkbook', bytes, c.state.lang);
  const sheet = read.sheets?.[read.best];
  if (sheet?.columns) return sheet.text;
  refuse(c, file.name, read.problem ? describeProblem(read.problem, c.state.lang) : t(c.state.lang, 'fileNoSheets'));
  return null;
}

/** A file past MAX_FILE_BYTES, refused by its size. */
const overSize = (lang) => t(lang, 'fileOverSize', { max: formatMegabytes(MAX_FILE_BYTES, lang) });
const refuseOverSize = (c, name) => refuse(c, name, overSize(c.state.lang));

/** Opens a table's text named `name`, refused when it has no cell. */
async function openText(c, text, name) {
  // Not a table's shape (far too wide, a quote never closed): refused before it is held.
  const { problem, empty } = await c.engine.call('tableCheck', text, c.state.lang);
  if (problem) return refuse(c, name, describeProblem(problem, c.state.lang));
  if (empty) return refuse(c, name, t(c.state.lang, 'fileEmpty'));
  return openTable(c, text, { label: name });
}

/** Opens the sheet that looks most like the template, and offers the others. The worker
 * reads the workbook with the CLI's reader (the third wasm module, fetched with the first
 * workbook), within the CLI's limits; what it cannot read is refused with its reason. */
async function openWorkbook(c, name, bytes) {
  const read = await c.engine.call('readWorkbook', bytes, c.state.lang);
  if (read.problem) return refuse(c, name, describeProblem(read.problem, c.state.lang));
  // A sheet whose header names no template column has no table to offer.
  const { sheets, best } = read;
  if (!sheets.length || !sheets[best].columns) return refuse(c, name, t(c.state.lang, 'fileNoSheets'));
  c.workbook = sheets;
  setHtml(c.$('sheet-select'), html`${sheets.map((s, i) => html`<option value="${i}"${i === best ? html` selected` : ''}>${s.name}</option>`)}`);
  c.$('sheet-row').hidden = sheets.length < 2;
  return replaceData(c, sheets[best].text, { label: name });
}

/** Opens the workbook's sheet number `index`. */
export function openSheet(c, index) {
  const sheet = c.workbook[index];
  return replaceData(c, sheet.text, { label: sheet.name });
}

/** Opens a table the host page gives (`load()`, inline): text, or a File or Blob. */
export async function openGiven(c, input) {
  const label = t(c.state.lang, 'givenData');
  if (typeof input !== 'string') return openFile(c, input instanceof File ? input : new File([input], label));
  return openText(c, input, label);
}

/** Opens the table at `src` (the element's attribute), relative to the host page. */
export async function openUrl(c, src) {
  let url;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    return refuse(c, src, t(c.state.lang, 'fetchFailed'));
  }
  const name = decodedUriPart(url.pathname.split('/').pop() || url.host);
  let response;
  try {
    response = await fetch(url);
  } catch {
    return refuse(c, name, t(c.state.lang, 'fetchFailed'));
  }
  if (!response.ok) return refuse(c, name, t(c.state.lang, 'fetchStatus', { status: response.status }));
  // A size the server states is checked before the body is read.
  if (Number(response.headers.get('content-length')) > MAX_FILE_BYTES) {
    response.body?.cancel();
    return refuseOverSize(c, name);
  }
  return openFile(c, new File([await response.blob()], name));
}
