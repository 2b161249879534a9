// Reads the sheets of an .xlsx or .ods with the browser's own DecompressionStream and
// DOMParser, so the wasm carries no zip or XML code. Each sheet becomes rows of cell texts,
// which go through the same core reader as pasted text. A file that cannot be read throws a
// FileProblem naming why, and the page keeps the user's data.

const decoder = new TextDecoder();

/** Why a file cannot be read: a message key of i18n.js and its values. */
export class FileProblem extends Error {
  constructor(code, values = {}) {
    super(code);
    this.code = code;
    this.values = values;
  }
}

// Excel's limits: a cell beyond them is not from a spreadsheet program. The area bound keeps
// a stray far cell from asking for billions of empty cells (a nation's 200 000 rows fit).
const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;
const MAX_AREA = 6_000_000;
/** The most an entry may unpack to: a zip bomb unpacks to far more. */
const MAX_UNPACKED = 512 * 1024 * 1024;

/** The entries of a zip archive: name → { method, packed, size, local } from its central
 * directory. Offsets past the end throw a RangeError, which readWorkbook reports as damage. */
function zipEntries(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new FileProblem('fileDamaged');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new FileProblem('fileDamaged');
    const method = view.getUint16(at + 10, true);
    const packed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, { method, packed, size, local });
    at += 46 + nameLength + extra + comment;
  }
  return { view, entries };
}

async function unzip(bytes, zip, name) {
  const entry = zip.entries.get(name);
  if (!entry) return undefined;
  if (entry.size > MAX_UNPACKED) throw new FileProblem('fileTooLarge');
  const start = entry.local + 30 + zip.view.getUint16(entry.local + 26, true) + zip.view.getUint16(entry.local + 28, true);
  const data = bytes.subarray(start, start + entry.packed);
  if (data.length < entry.packed) throw new FileProblem('fileDamaged');
  if (entry.method === 0) return decoder.decode(data);
  if (entry.method !== 8) throw new FileProblem('fileDamaged');
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

/** Parses XML, refusing a document type (its entities can expand to gigabytes; spreadsheet
 * programs never write one) and anything the parser rejects. */
function parse(xml) {
  if (/<!DOCTYPE/i.test(xml)) throw new FileProblem('fileDtd');
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) throw new FileProblem('fileDamaged');
  return doc;
}

/** "C12" → column index 2 (from 0) and row 12; beyond Excel's limits is refused. */
function cellPosition(reference) {
  const match = /^([A-Z]{1,3})(\d{1,7})$/.exec(reference ?? '');
  const column = match ? [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 : Infinity;
  const row = match ? Number(match[2]) : Infinity;
  if (!(column < MAX_COLUMNS && row >= 1 && row <= MAX_ROWS)) throw new FileProblem('fileCellRange', { cell: String(reference).slice(0, 40) });
  return { column, row };
}

function sheetRows(xml, shared) {
  const rows = new Map();
  for (const c of parse(xml).getElementsByTagName('c')) {
    const { column, row } = cellPosition(c.getAttribute('r'));
    const type = c.getAttribute('t');
    const v = c.getElementsByTagName('v')[0]?.textContent ?? '';
    const text =
      type === 's' ? shared[Number(v)] ?? ''
      : type === 'inlineStr' ? [...c.getElementsByTagName('t')].map((t) => t.textContent).join('')
      : type === 'b' ? (v === '1' ? 'TRUE' : 'FALSE')
      : v;
    if (!text.trim()) continue;
    if (!rows.has(row)) rows.set(row, []);
    rows.get(row)[column] = text.trim();
  }
  checkArea(rows);
  return rows;
}

/** Refuses a sheet whose cells span more than can be drawn and read. */
function checkArea(rows) {
  let [top, bottom, width] = [Infinity, 0, 0];
  for (const [row, cells] of rows) {
    top = Math.min(top, row);
    bottom = Math.max(bottom, row);
    width = Math.max(width, cells.length);
  }
  if (bottom >= top && (bottom - top + 1) * width > MAX_AREA) throw new FileProblem('fileArea', { rows: bottom - top + 1, columns: width });
}

/** What kind of zip this is: xlsx, ods, or another document named for the message. */
function zipKind(zip) {
  const names = [...zip.entries.keys()];
  if (zip.entries.has('xl/workbook.xml')) return 'xlsx';
  if (zip.entries.has('content.xml') && zip.entries.has('mimetype')) return 'ods';
  if (names.some((n) => n.startsWith('word/'))) throw new FileProblem('fileWord');
  if (names.some((n) => n.startsWith('ppt/'))) throw new FileProblem('filePowerPoint');
  throw new FileProblem('fileNotSpreadsheet');
}

/** Every sheet of the workbook (.xlsx or .ods): [{ name, rows: Map(row number → cells) }].
 * Whatever goes wrong is a FileProblem: a named one, or else the file is damaged (an offset
 * past the end, a stream that does not inflate, XML the parser rejects). */
export async function readWorkbook(bytes) {
  try {
    const zip = zipEntries(bytes);
    return await (zipKind(zip) === 'ods' ? readOds(bytes, zip) : readXlsx(bytes, zip));
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    if (!(error instanceof RangeError || error instanceof TypeError)) console.error(error);
    throw new FileProblem('fileDamaged');
  }
}

async function readXlsx(bytes, zip) {
  const sharedXml = await unzip(bytes, zip, 'xl/sharedStrings.xml');
  const shared = sharedXml
    ? [...parse(sharedXml).getElementsByTagName('si')].map((si) => [...si.getElementsByTagName('t')].map((t) => t.textContent).join(''))
    : [];
  const workbook = parse(await unzip(bytes, zip, 'xl/workbook.xml'));
  const relsXml = await unzip(bytes, zip, 'xl/_rels/workbook.xml.rels');
  if (!relsXml) throw new FileProblem('fileDamaged');
  const rels = parse(relsXml);
  const targets = new Map([...rels.getElementsByTagName('Relationship')].map((r) => [r.getAttribute('Id'), r.getAttribute('Target')]));
  const sheets = [];
  for (const sheet of workbook.getElementsByTagName('sheet')) {
    const id = sheet.getAttribute('r:id') ?? sheet.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
    const target = targets.get(id) ?? '';
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const xml = await unzip(bytes, zip, path);
    if (xml) sheets.push({ name: sheet.getAttribute('name') ?? '', rows: sheetRows(xml, shared) });
  }
  return sheets;
}

const ODS_TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const ODS_OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';

/** An OpenDocument sheet: rows and cells may repeat (number-rows/columns-repeated), which
 * spreadsheet programs use for long runs of empty cells; only cells with text are kept. */
function odsRows(table) {
  const rows = new Map();
  let row = 1;
  for (const tr of table.getElementsByTagNameNS(ODS_TABLE, 'table-row')) {
    const rowRepeat = Math.max(1, Number(tr.getAttributeNS(ODS_TABLE, 'number-rows-repeated')) || 1);
    let column = 0;
    const cells = [];
    for (const td of tr.children) {
      if (td.localName !== 'table-cell' && td.localName !== 'covered-table-cell') continue;
      const repeat = Math.max(1, Number(td.getAttributeNS(ODS_TABLE, 'number-columns-repeated')) || 1);
      const type = td.getAttributeNS(ODS_OFFICE, 'value-type');
      const value = type === 'float' || type === 'percentage' || type === 'currency' ? td.getAttributeNS(ODS_OFFICE, 'value') : null;
      const text = (value ?? [...td.children].map((p) => p.textContent).join('\n')).trim();
      if (text) {
        if (column + repeat > MAX_COLUMNS) throw new FileProblem('fileCellRange', { cell: `${row}:${column + repeat}` });
        for (let k = 0; k < repeat; k++) cells[column + k] = text;
      }
      column += repeat;
    }
    if (cells.length) {
      if (row + rowRepeat - 1 > MAX_ROWS) throw new FileProblem('fileCellRange', { cell: `${row + rowRepeat - 1}` });
      for (let k = 0; k < rowRepeat; k++) rows.set(row + k, [...cells]);
    }
    row += rowRepeat;
  }
  checkArea(rows);
  return rows;
}

async function readOds(bytes, zip) {
  const content = parse(await unzip(bytes, zip, 'content.xml'));
  return [...content.getElementsByTagNameNS(ODS_TABLE, 'table')].map((table) => ({
    name: table.getAttributeNS(ODS_TABLE, 'name') ?? '',
    rows: odsRows(table),
  }));
}

/** A sheet as tab-separated text with its row numbers kept: empty rows stay empty lines. */
export function sheetToText(rows) {
  let last = 0;
  for (const row of rows.keys()) last = Math.max(last, row);
  const lines = [];
  for (let r = 1; r <= last; r++) {
    const cells = rows.get(r) ?? [];
    lines.push(Array.from(cells, (c) => {
      const text = c ?? '';
      return /[\t\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    }).join('\t'));
  }
  return lines.join('\n') + '\n';
}
