#![forbid(unsafe_code)]
//! Native file reading for the CLI: text in any of the encodings Chinese offices produce,
//! and spreadsheets. Both end as the cells that `input::read_grid_table` reads, the same
//! code the page feeds (the page decodes with `TextDecoder` and unzips xlsx itself).

use calamine::{open_workbook_auto_from_rs, Data, Reader};
use junheng::args;
use junheng::diagnostics::{Code, Problem};
use junheng::input::{read_grid, Record};
use junheng::model::Lang;

/// Text from bytes: UTF-16 or UTF-8 by their BOM, UTF-8 when valid, GB18030 otherwise
/// (a superset of GBK, what Chinese Excel writes as "CSV"). Returns the encoding's name too.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_with_bom_removal(bytes);
        return (text.into_owned(), encoding.name());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), "UTF-8"),
        Err(_) => (encoding_rs::GB18030.decode(bytes).0.into_owned(), "gb18030"),
    }
}

/// A sheet's cells, each row with its spreadsheet row number.
pub use junheng::input::Grid;

/// True for the bytes of a zip (xlsx, ods) or an OLE document (xls).
pub fn is_spreadsheet(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// Excel's own limits: a cell beyond them is not from a spreadsheet program.
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;
/// The most cells a sheet's rectangle may span: calamine allocates the whole rectangle
/// (a cell at A1 and one at XFD1048576 would ask for 17 billion cells). A whole nation's
/// schools, 200 000 rows of 25 columns, fit.
const MAX_AREA: u64 = 6_000_000;
/// The most XML a workbook may unpack to (a zip bomb unpacks to far more).
const MAX_XML_BYTES: u64 = 1 << 30;

/// Checks a zipped workbook (.xlsx, .ods) before calamine reads it: no DTD in any XML part, the
/// unpacked XML bounded, and an .xlsx's every cell reference within Excel's limits
/// (calamine's u32 arithmetic wraps A4294967297 to row 1), the rectangle of cells small
/// enough to allocate.
fn check_zipped_workbook(bytes: &[u8], lang: Lang) -> Result<(), Problem> {
    let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else { return Ok(()) };
    let mut unpacked = 0;
    for index in 0..archive.len() {
        let Ok(entry) = archive.by_index(index) else { continue };
        let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        // Every XML part (an .xlsx's sheets and strings, an .ods's content.xml) is bounded and
        // must have no DTD; the sheets' cell references are checked below.
        let xml = std::path::Path::new(&name).extension().is_some_and(|e| e.eq_ignore_ascii_case("xml"));
        if !xml {
            continue;
        }
        let mut xml = Vec::new();
        let read = std::io::Read::read_to_end(&mut std::io::Read::take(entry, MAX_XML_BYTES - unpacked + 1), &mut xml).unwrap_or(0);
        unpacked += read as u64;
        if unpacked > MAX_XML_BYTES {
            return Err(Problem::error(Code::UnpackedTooLarge, args![], lang));
        }
        // A document type can declare entities that expand a few bytes into gigabytes;
        // spreadsheet programs never write one.
        if xml.windows(9).any(|w| w.eq_ignore_ascii_case(b"<!DOCTYPE")) {
            return Err(Problem::error(Code::Dtd, args![], lang));
        }
        if name == "content.xml" {
            check_ods_tables(&xml, lang)?;
        }
        if !name.starts_with("xl/worksheets/") {
            continue;
        }
        let (mut low, mut high) = ((u64::MAX, u64::MAX), (0, 0));
        for reference in cell_references(&xml) {
            // A reference that is not letters then digits (calamine's arithmetic overflows on
            // eight letters alone) is as damaged as one beyond Excel's limits.
            let (row, column) = parse_reference(reference).unwrap_or((u64::MAX, u64::MAX));
            if row > MAX_ROWS || column > MAX_COLUMNS {
                let shown = String::from_utf8_lossy(&reference[..reference.len().min(40)]).into_owned();
                let args = args!["cell" => shown, "columns" => MAX_COLUMNS as f64, "rows" => MAX_ROWS as f64];
                return Err(Problem::error(Code::CellBeyondExcel, args, lang));
            }
            low = (low.0.min(row), low.1.min(column));
            high = (high.0.max(row), high.1.max(column));
        }
        if high.0 >= low.0 && (high.0 - low.0 + 1) * (high.1 - low.1 + 1) > MAX_AREA {
            let (rows, columns) = ((high.0 - low.0 + 1) as f64, (high.1 - low.1 + 1) as f64);
            let args = args!["sheet" => name, "rows" => rows, "columns" => columns, "max" => MAX_AREA as f64];
            return Err(Problem::error(Code::SheetTooLarge, args, lang));
        }
    }
    Ok(())
}

/// An .ods's tables, each refused when its cells, with their repeated rows and columns
/// expanded (as calamine expands them, up to 16 384 × 1 048 576), span more than `MAX_AREA`.
fn check_ods_tables(xml: &[u8], lang: Lang) -> Result<(), Problem> {
    for (name, rows, columns) in ods_extents(xml) {
        if rows * columns > MAX_AREA {
            let args = args!["sheet" => name, "rows" => rows as f64, "columns" => columns as f64, "max" => MAX_AREA as f64];
            return Err(Problem::error(Code::SheetTooLarge, args, lang));
        }
    }
    Ok(())
}

/// Each table of an .ods's content.xml: its name and the rows and columns its filled cells
/// span once repeats are expanded. A cell is filled when it has content (it is not an empty
/// element) or a value type; counts saturate rather than wrap.
fn ods_extents(xml: &[u8]) -> Vec<(String, u64, u64)> {
    let mut tables = Vec::new();
    let mut table: Option<String> = None;
    let (mut row, mut row_repeat, mut column) = (0u64, 1u64, 0u64);
    let (mut first, mut last, mut width) = (u64::MAX, 0u64, 0u64);
    let mut close = |table: &mut Option<String>, first: u64, last: u64, width: u64| {
        if let Some(name) = table.take() {
            tables.push((name, if last >= first { last - first + 1 } else { 0 }, width));
        }
    };
    for tag in xml_tags(xml) {
        let empty = tag.ends_with(b"/");
        if tag.starts_with(b"table:table ") || tag == b"table:table" {
            close(&mut table, first, last, width);
            table = Some(attribute(tag, b"table:name").map(|n| String::from_utf8_lossy(n).into_owned()).unwrap_or_default());
            (row, first, last, width) = (0, u64::MAX, 0, 0);
        } else if tag == b"/table:table" {
            close(&mut table, first, last, width);
        } else if tag.starts_with(b"table:table-row") && !tag.starts_with(b"table:table-rows") {
            row_repeat = repeat(tag, b"table:number-rows-repeated");
            column = 0;
            if empty {
                row = row.saturating_add(row_repeat);
            }
        } else if tag == b"/table:table-row" {
            row = row.saturating_add(row_repeat);
        } else if tag.starts_with(b"table:table-cell") || tag.starts_with(b"table:covered-table-cell") {
            let columns = repeat(tag, b"table:number-columns-repeated");
            if !empty || attribute(tag, b"office:value-type").is_some() {
                first = first.min(row);
                last = last.max(row.saturating_add(row_repeat - 1));
                width = width.max(column.saturating_add(columns));
            }
            column = column.saturating_add(columns);
        }
    }
    close(&mut table, first, last, width);
    tables
}

/// The insides of an XML document's tags, `<` and `>` left off (`table:table-row a="1"`,
/// `/table:table-row`, `text:s/`).
fn xml_tags(xml: &[u8]) -> impl Iterator<Item = &[u8]> {
    xml.split(|&b| b == b'<').skip(1).filter_map(|part| part.iter().position(|&b| b == b'>').map(|end| &part[..end]))
}

/// The value of attribute `name` in a tag's inside.
fn attribute<'a>(tag: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let at = tag
        .windows(name.len() + 3)
        .position(|w| w[0].is_ascii_whitespace() && &w[1..=name.len()] == name && &w[name.len() + 1..] == b"=\"")?;
    let value = &tag[at + name.len() + 3..];
    value.iter().position(|&b| b == b'"').map(|end| &value[..end])
}

/// A repeat count attribute: 1 when absent or unreadable, at least 1.
fn repeat(tag: &[u8], name: &[u8]) -> u64 {
    attribute(tag, name).and_then(|v| std::str::from_utf8(v).ok()?.parse::<u64>().ok()).unwrap_or(1).max(1)
}

/// The values of the `r` attributes (cells and rows) of a sheet's XML.
fn cell_references(xml: &[u8]) -> impl Iterator<Item = &[u8]> {
    xml.windows(4).enumerate().filter(|(_, w)| *w == b" r=\"").filter_map(move |(at, _)| {
        let value = &xml[at + 4..];
        value.iter().position(|&b| b == b'"').map(|end| &value[..end])
    })
}

/// "C12" → (12, 3); "12" (a row) → (12, 1). None when it is not a reference.
fn parse_reference(reference: &[u8]) -> Option<(u64, u64)> {
    let letters = reference.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let (column, row) = reference.split_at(letters);
    if row.is_empty() || !row.iter().all(u8::is_ascii_digit) {
        return None;
    }
    // Saturating: a reference of 30 digits is simply too large, never wrapped.
    let row = row.iter().fold(0u64, |n, d| n.saturating_mul(10).saturating_add(u64::from(d - b'0')));
    let column = column.iter().fold(0u64, |n, c| n.saturating_mul(26).saturating_add(u64::from(c.to_ascii_uppercase() - b'A' + 1)));
    Some((row, column.max(1)))
}

/// Every sheet of a workbook as (name, grid). Numbers keep full precision.
pub fn read_workbook(bytes: &[u8], lang: Lang) -> Result<Vec<(String, Grid)>, Problem> {
    if bytes.starts_with(b"PK\x03\x04") {
        check_zipped_workbook(bytes, lang)?;
    }
    let mut workbook = open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| Problem::error(Code::SpreadsheetUnreadable, args!["error" => e.to_string()], lang))?;
    let names = workbook.sheet_names().clone();
    let mut sheets = Vec::new();
    for name in names {
        let Ok(range) = workbook.worksheet_range(&name) else { continue };
        let first_row = range.start().map_or(0, |(row, _)| row as usize);
        let first_col = range.start().map_or(0, |(_, col)| col as usize);
        let grid = range
            .rows()
            .enumerate()
            .map(|(i, cells)| {
                // Only up to the last cell with text: a stray cell far right costs nothing.
                let used = cells.iter().rposition(|c| !matches!(c, Data::Empty)).map_or(0, |i| i + 1);
                let empty = std::iter::repeat_n(String::new(), if used > 0 { first_col } else { 0 });
                (first_row + i + 1, empty.chain(cells[..used].iter().map(cell_text)).collect::<Record>())
            })
            .filter(|(_, cells)| !cells.text().is_empty())
            .collect();
        sheets.push((name, grid));
    }
    Ok(sheets)
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => format!("{i}"),
        Data::Bool(b) => format!("{b}"),
        other => other.to_string().trim().to_string(),
    }
}

/// Text files have no NUL bytes and few control characters; pictures, PDFs and the like do.
fn looks_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(4096).collect();
    let odd = sample.iter().filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r') || **c == '\u{FFFD}').count();
    sample.contains(&'\0') || odd * 20 > sample.len()
}

/// What a zip that is not a workbook is, for the message: a Word or `PowerPoint` file.
fn zip_kind(bytes: &[u8]) -> Option<&'static str> {
    let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let has = |prefix: &str| archive.file_names().any(|n| n.as_ref().is_ok_and(|n| n.starts_with(prefix)));
    if has("word/") {
        Some("word")
    } else if has("ppt/") {
        Some("powerpoint")
    } else {
        None
    }
}

/// The cells of a file: the sheet that looks most like the template when it is a
/// workbook (or the one named), otherwise the decoded text.
pub fn read_file_grid(bytes: &[u8], sheet: Option<&str>, lang: Lang) -> Result<(Grid, String), Problem> {
    if !is_spreadsheet(bytes) {
        let (text, encoding) = decode(bytes);
        if looks_binary(&text) {
            return Err(Problem::error(Code::NotATable, args![], lang));
        }
        junheng::input::check_shape(&text, lang)?;
        return Ok((read_grid(&text), encoding.to_string()));
    }
    let mut sheets = read_spreadsheet(bytes, lang)?;
    let index = match sheet {
        Some(name) => {
            sheets.iter().position(|(n, _)| n == name).ok_or_else(|| Problem::error(Code::NoSuchSheet, args!["name" => name], lang))?
        }
        None => best_sheet(&sheets).unwrap_or(0),
    };
    let chosen = if sheets.is_empty() { Default::default() } else { sheets.swap_remove(index) };
    Ok((chosen.1, chosen.0))
}

/// The sheets of a spreadsheet file (a zip or OLE document), or why it cannot be read: a Word
/// or `PowerPoint` file is named as such; the rest is `read_workbook`.
pub fn read_spreadsheet(bytes: &[u8], lang: Lang) -> Result<Vec<(String, Grid)>, Problem> {
    if let Some(kind) = zip_kind(bytes) {
        return Err(Problem::error(Code::OtherDocument, args!["kind" => kind], lang));
    }
    read_workbook(bytes, lang)
}

/// The sheet that looks most like the template: the most template columns named in a header
/// row (the last of equals, as before); None for a workbook without sheets.
pub fn best_sheet(sheets: &[(String, Grid)]) -> Option<usize> {
    (0..sheets.len()).max_by_key(|&i| junheng::input::template_columns_in(&sheets[i].1))
}
