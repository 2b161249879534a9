// The single file's www/io/assets.js (tools/single.mjs puts it in that module's place): every
// file the page would fetch is inline, so that one .html works from file:// with no server.
// The same exports as www/io/assets.js, less `wasmSource` and `extraWasmSource` (the worker's:
// worker-assets.js).

import workerSource from 'junheng:worker';
import css from '../../www/style.css';
import demoCsv from '../../www/demo/demo-county.csv';
import demoJson from '../../www/demo/demo-answers.json';
import nationalJson from '../../www/profiles/national.json';
import templateXlsx from '../../www/templates/template.xlsx';
import exampleXlsx from '../../www/templates/example.xlsx';

/** The engine's worker, from its inlined bundle (the page's CSP allows blob: workers). A
 * classic one: from file:// (an opaque origin) a module worker cannot start. */
const workerUrl = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
export const startWorker = () => new Worker(workerUrl);

/** One constructed stylesheet shared by every calculator (not subject to style-src). */
let sheet;
export function adoptStyles(root) {
  // Safari before 16.4 constructs no sheets: a <style>, which the file's CSP allows by its hash.
  if (!('replaceSync' in CSSStyleSheet.prototype)) return root.prepend(Object.assign(document.createElement('style'), { textContent: css }));
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  root.adoptedStyleSheets = [sheet];
}

export const demoTable = async () => demoCsv;
export const demoAnswers = async () => structuredClone(demoJson);
export const nationalProfile = async () => nationalJson;

const FILES = { 'templates/template.xlsx': templateXlsx, 'templates/example.xlsx': exampleXlsx };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A blob: URL of an inlined file (base64 in the bundle). */
export function fileUrl(path) {
  const bytes = Uint8Array.from(atob(FILES[path]), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: XLSX }));
}

/** This very file: a share link made here opens here. */
export const pageUrl = () => location.href.replace(/#.*$/, '');
