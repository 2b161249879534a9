// Text in and out of the page: the editor's grid back into text, downloads, and JSON from
// outside the page (a share link, a project or profile file, the saved state, a host's
// message) read within bounds, before anything holds or walks it: too large or nested too
// deep is a reason, never a frozen tab or a stack overflow in the engine. (A file's bytes
// are decoded by decode.js, in the engine's worker.)

/** A percent-encoded part of an address, or itself when its encoding is broken. */
export function decodedUriPart(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function quoteCell(cell, delimiter) {
  const text = String(cell ?? '');
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A row as a line of text, its cells quoted where they must be. */
export const rowLine = (row, delimiter = '\t') => `${row.map((cell) => quoteCell(cell, delimiter)).join(delimiter)}\n`;

/** The grid as text, one line per row: tab-separated, as a spreadsheet copies it. */
export const gridToText = (rows, delimiter = '\t') => rows.map((row) => rowLine(row, delimiter)).join('');

/** Offers `text` as a download; CSV gets a BOM so that Excel opens UTF-8 correctly. */
export function download(name, text, type = 'text/csv') {
  const parts = type === 'text/csv' ? ['\ufeff', text] : [text];
  const blob = new Blob(parts, { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Nesting deeper than any project, profile or saved state has (they nest five levels). */
export const MAX_DEPTH = 64;

/** How deep `text`'s arrays and objects nest, counted in one pass that skips strings; stops
 * counting past `limit`. */
export function nestingDepth(text, limit = MAX_DEPTH) {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** `text` parsed, or the reason it cannot be used: `{ value }` or `{ problem }` with
 * `problem` one of 'jsonTooLarge', 'jsonTooDeep', 'notJson' (keys of the page's strings).
 * @param {string} text @param {{ maxChars: number, maxDepth?: number }} bounds
 * @returns {{ value: unknown, problem?: undefined } | { problem: 'jsonTooLarge' | 'jsonTooDeep' | 'notJson', value?: undefined }} */
export function parseBounded(text, { maxChars, maxDepth = MAX_DEPTH }) {
  if (text.length > maxChars) return { problem: 'jsonTooLarge' };
  if (nestingDepth(text, maxDepth) > maxDepth) return { problem: 'jsonTooDeep' };
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { problem: 'notJson' };
  }
}

/** A plain object (not an array, not null).
 * @param {unknown} value @returns {value is Record<string, any>} */
export function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
