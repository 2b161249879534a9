//! Workbooks in the browser: the CLI's reader (junheng-files: calamine, with the sheet
//! dimensions and unpacked sizes checked before anything is allocated), built as a wasm
//! module of its own that the page's worker loads the first time a workbook is opened. A
//! sheet comes back as the tab-separated text the page's editor and the core's reader take,
//! its row numbers kept (an empty row is an empty line), so that a problem names the row the
//! spreadsheet program shows.
//!
//! Also raw deflate for share links, for browsers without `CompressionStream('deflate-raw')`
//! (Chrome before 103, Safari before 16.4): the same format, so that a link made in one
//! browser opens in every other.

use junheng::diagnostics::Problem;
use junheng::input::template_columns_in;
use junheng::model::Lang;
use junheng_files::{best_sheet, read_spreadsheet, Grid};
use serde::Serialize;
use std::io::{Read, Write};
use wasm_bindgen::prelude::*;

/// A sheet for the page: its name, its text, and how many of the template's columns its best
/// header row names (0: no table there).
#[derive(Serialize)]
struct Sheet {
    name: String,
    text: String,
    columns: usize,
}

/// What `readWorkbook` answers: the sheets and the one that looks most like the template,
/// or why the file cannot be read.
#[derive(Serialize)]
#[serde(untagged)]
enum Answer {
    Sheets { sheets: Vec<Sheet>, best: usize },
    Refused { problem: Problem },
}

fn parse_lang(lang: &str) -> Lang {
    Lang::parse(lang).unwrap_or_default()
}

/// Every sheet of an .xlsx, .xlsm, .xls or .ods as `{ sheets: [{ name, text, columns }], best }`,
/// or `{ problem }` (a Word or `PowerPoint` file, a damaged one, a sheet too large, a zip bomb).
///
/// # Panics
/// Never: sheets and problems always serialise.
#[wasm_bindgen(js_name = readWorkbook)]
pub fn read_workbook(bytes: &[u8], lang: &str) -> String {
    let answer = match read_spreadsheet(bytes, parse_lang(lang)) {
        Ok(sheets) => {
            let best = best_sheet(&sheets).unwrap_or(0);
            let sheets = sheets
                .into_iter()
                .map(|(name, grid)| Sheet { columns: template_columns_in(&grid), text: sheet_text(&grid), name })
                .collect();
            Answer::Sheets { sheets, best }
        }
        Err(problem) => Answer::Refused { problem },
    };
    serde_json::to_string(&answer).expect("sheets and problems serialise")
}

/// A sheet as tab-separated text with its row numbers kept: row n is line n.
pub fn sheet_text(grid: &Grid) -> String {
    let mut text = String::new();
    let mut line = 1;
    for (row, cells) in grid {
        while line < *row {
            text.push('\n');
            line += 1;
        }
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                text.push('\t');
            }
            if cell.contains(['\t', '\n', '\r', '"']) {
                text.push('"');
                text.push_str(&cell.replace('"', "\"\""));
                text.push('"');
            } else {
                text.push_str(cell);
            }
        }
        text.push('\n');
        line += 1;
    }
    text
}

/// Raw deflate (RFC 1951), as `CompressionStream('deflate-raw')` writes it.
///
/// # Panics
/// Never: it writes to memory.
#[wasm_bindgen]
pub fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

/// Raw deflate undone, reading no more than `limit` + 1 bytes: `None` when the data is
/// damaged; a result longer than `limit` unpacks to more and was cut there (a share link that
/// inflates to gigabytes is refused, never held).
#[wasm_bindgen]
pub fn inflate(bytes: &[u8], limit: usize) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::DeflateDecoder::new(bytes).take(limit as u64 + 1).read_to_end(&mut out).ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_their_numbers_and_cells_their_quotes() {
        let grid: Grid = vec![(2, vec!["a", "b\tc"].into()), (4, vec!["", "say \"x\""].into())];
        assert_eq!(sheet_text(&grid), "\na\t\"b\tc\"\n\n\t\"say \"\"x\"\"\"\n");
    }

    #[test]
    fn deflate_round_trips_and_inflate_keeps_to_its_limit() {
        let text = "学校名称,在校生数\n".repeat(1000);
        let packed = deflate(text.as_bytes());
        assert!(packed.len() < text.len() / 10);
        assert_eq!(inflate(&packed, text.len()).unwrap(), text.as_bytes());
        assert_eq!(inflate(&packed, text.len() - 1).unwrap().len(), text.len(), "cut past its limit");
        assert_eq!(inflate(b"\xff\xff not deflate", 1000), None);
    }
}
