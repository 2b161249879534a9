// A file's bytes as text, read in the engine's worker (engine-worker.js `fileText`) so that
// a nation's 22 MB are never decoded on the page's thread, and for project files
// (documents.js): the browser's own TextDecoder (no tables in the wasm), a workbook told
// from a text file, and a binary file from a table.

/** A text file's table text, its shape checked by `check` (the worker's `tableCheck`), or
 * why it is none: `refused` a key of the page's strings, or the core's `problem`.
 * @param {Blob} file
 * @param {(text: string) => Promise<{ problem: import('../types/Problem').Problem | null, empty: boolean }>} check
 * @returns {Promise<{ text: string, refused: 'fileUnreadable' | 'fileNotTable' | 'fileEmpty' | null, problem: import('../types/Problem').Problem | null }>} */
export async function tableText(file, check) {
  let text;
  try {
    text = decodeBytes(new Uint8Array(await file.arrayBuffer()));
  } catch {
    return { text: '', refused: 'fileUnreadable', problem: null };
  }
  if (looksBinary(text)) return { text: '', refused: 'fileNotTable', problem: null };
  const { problem, empty } = await check(text);
  return problem || empty ? { text: '', refused: empty ? 'fileEmpty' : null, problem } : { text, refused: null, problem: null };
}

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

/** A zip (.xlsx, .xlsm, .ods) or an OLE document (the old binary .xls). */
export const isWorkbook = (bytes) => (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
  || (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0);

/** Text files have no NUL bytes and few control characters; pictures and PDFs do. */
export function looksBinary(text) {
  const sample = text.slice(0, 4096);
  const odd = sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return sample.includes('\u0000') || odd * 20 > sample.length;
}
