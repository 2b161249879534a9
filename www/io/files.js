// Text in and out of the page: decoding files with the browser's own TextDecoder (no
// tables in the wasm), telling a table from a workbook or a binary file, turning the
// editor's grid back into text, and downloads.

/** Decodes a file's bytes: UTF-16 by its BOM, UTF-8 when valid, otherwise GB18030 (a superset of GBK). */
export function decodeBytes(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** A percent-encoded part of an address, or itself when its encoding is broken. */
export function decodedUriPart(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A zip container, as .xlsx and .ods files are. */
export const isZip = (bytes) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Text files have no NUL bytes and few control characters; pictures and PDFs do. */
export function looksBinary(text) {
  const sample = text.slice(0, 4096);
  const odd = sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return sample.includes('\u0000') || odd * 20 > sample.length;
}

function quoteCell(cell, delimiter) {
  const text = String(cell ?? '');
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The grid as text, one line per row: tab-separated, as a spreadsheet copies it. */
export function gridToText(rows, delimiter = '\t') {
  return rows.map((row) => row.map((cell) => quoteCell(cell, delimiter)).join(delimiter)).join('\n') + '\n';
}

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
