//! Native file reading for the CLI: text in any of the encodings Chinese offices produce,
//! and spreadsheets. Both end as the cells that `input::read_grid_table` reads, the same
//! code the page feeds (the page decodes with TextDecoder and unzips xlsx itself).

use crate::input::{read_grid, Problem};
use crate::model::Lang;
use calamine::{open_workbook_auto_from_rs, Data, Reader};

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
pub type Grid = Vec<(usize, Vec<String>)>;

/// True for the bytes of a zip (xlsx, ods) or an OLE document (xls).
pub fn is_spreadsheet(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// Every sheet of a workbook as (name, grid). Numbers keep full precision.
pub fn read_workbook(bytes: &[u8], lang: Lang) -> Result<Vec<(String, Grid)>, Problem> {
    let mut workbook = open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|e| Problem {
        row: None,
        column: None,
        message: match lang {
            Lang::Zh => format!("无法读取电子表格：{e}"),
            Lang::En => format!("cannot read the spreadsheet: {e}"),
        },
    })?;
    let names = workbook.sheet_names().to_vec();
    let mut sheets = Vec::new();
    for name in names {
        let Ok(range) = workbook.worksheet_range(&name) else { continue };
        let first_row = range.start().map_or(0, |(row, _)| row as usize);
        let first_col = range.start().map_or(0, |(_, col)| col as usize);
        let grid = range
            .rows()
            .enumerate()
            .map(|(i, cells)| {
                let mut row: Vec<String> = vec![String::new(); first_col];
                row.extend(cells.iter().map(cell_text));
                (first_row + i + 1, row)
            })
            .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
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

/// The cells of a file: the sheet that looks most like the template when it is a
/// workbook (or the one named), otherwise the decoded text.
pub fn read_file_grid(bytes: &[u8], sheet: Option<&str>, lang: Lang) -> Result<(Grid, String), Problem> {
    if !is_spreadsheet(bytes) {
        let (text, encoding) = decode(bytes);
        return Ok((read_grid(&text), encoding.to_string()));
    }
    let sheets = read_workbook(bytes, lang)?;
    let chosen = match sheet {
        Some(name) => sheets.into_iter().find(|(n, _)| n == name).ok_or_else(|| Problem {
            row: None,
            column: None,
            message: match lang {
                Lang::Zh => format!("没有名为「{name}」的工作表"),
                Lang::En => format!("there is no sheet named \"{name}\""),
            },
        })?,
        None => sheets
            .into_iter()
            .max_by_key(|(_, grid)| crate::input::template_columns_in(grid))
            .unwrap_or_default(),
    };
    Ok((chosen.1, chosen.0))
}
