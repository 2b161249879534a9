// Reads the sheets of an .xlsx with the browser's own DecompressionStream and DOMParser,
// so the wasm carries no zip or XML code. Each sheet becomes rows of cell texts, which
// go through the same core reader as pasted text.

const decoder = new TextDecoder();

/** The entries of a zip archive: name → { method, offset, size } from its central directory. */
function zipEntries(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, { method, size, local });
    at += 46 + nameLength + extra + comment;
  }
  return { view, entries };
}

async function unzip(bytes, zip, name) {
  const entry = zip.entries.get(name);
  if (!entry) return undefined;
  const start = entry.local + 30 + zip.view.getUint16(entry.local + 26, true) + zip.view.getUint16(entry.local + 28, true);
  const data = bytes.subarray(start, start + entry.size);
  if (entry.method === 0) return decoder.decode(data);
  if (entry.method !== 8) throw new Error(`unsupported zip method ${entry.method}`);
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

const parse = (xml) => new DOMParser().parseFromString(xml, 'application/xml');

/** "C12" → column index 2 (from 0) and row 12. */
function cellPosition(reference) {
  const [, letters, digits] = reference.match(/^([A-Z]+)(\d+)$/);
  const column = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { column, row: Number(digits) };
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
    if (!rows.has(row)) rows.set(row, []);
    rows.get(row)[column] = text.trim();
  }
  return rows;
}

/** Every sheet of the workbook: [{ name, rows: Map(row number → cells) }]. */
export async function readXlsx(bytes) {
  const zip = zipEntries(bytes);
  const sharedXml = await unzip(bytes, zip, 'xl/sharedStrings.xml');
  const shared = sharedXml
    ? [...parse(sharedXml).getElementsByTagName('si')].map((si) => [...si.getElementsByTagName('t')].map((t) => t.textContent).join(''))
    : [];
  const workbook = parse(await unzip(bytes, zip, 'xl/workbook.xml'));
  const rels = parse(await unzip(bytes, zip, 'xl/_rels/workbook.xml.rels'));
  const targets = new Map([...rels.getElementsByTagName('Relationship')].map((r) => [r.getAttribute('Id'), r.getAttribute('Target')]));
  const sheets = [];
  for (const sheet of workbook.getElementsByTagName('sheet')) {
    const id = sheet.getAttribute('r:id') ?? sheet.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
    const target = targets.get(id) ?? '';
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const xml = await unzip(bytes, zip, path);
    if (xml) sheets.push({ name: sheet.getAttribute('name'), rows: sheetRows(xml, shared) });
  }
  return sheets;
}

/** A sheet as tab-separated text with its row numbers kept: empty rows stay empty lines. */
export function sheetToText(rows) {
  const last = Math.max(0, ...rows.keys());
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

export const isZip = (bytes) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
