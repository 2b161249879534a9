//! Text into cells: comma- or tab-separated records with the line each starts on, full-width
//! forms folded, invisible characters found and removed.

use crate::args;
use crate::diagnostics::{Code, Problem};
use crate::model::Lang;
use crate::record::{Grid, Record};

/// No school table is wider: a file's header row has some 30 columns, a statistics report's
/// a few hundred. Wider is the wrong file (or separator), refused before any cell is held.
pub const MAX_COLUMNS: usize = 2_000;
/// No cell of a school table is anywhere near this long (a school's name is at most 200
/// characters, refused past that with its own message); an unclosed quote makes the rest of
/// the file one cell.
pub const MAX_CELL_BYTES: usize = 1024 * 1024;

/// Checks the text's shape in one pass before it is cut into cells: no record wider than
/// `MAX_COLUMNS`, no cell longer than `MAX_CELL_BYTES`, so that a file that is not a table
/// is refused at the row where it goes wrong instead of being held and drawn (issue 20: a
/// CSV of 100 000 columns, one line of a million commas, a quote never closed).
pub fn check_shape(text: &str, lang: Lang) -> Result<(), Problem> {
    let text = text.trim_start_matches('\u{feff}');
    let delimiter = if has_tab_delimiter(text) { b'\t' } else { b',' };
    let (mut line, mut record_line, mut fields, mut cell) = (1, 1, 1, 0);
    let mut quotes = Quotes::default();
    for &byte in text.as_bytes() {
        if byte == b'\n' {
            line += 1;
        }
        if !quotes.inside(byte, cell == 0) {
            if byte == b'\n' {
                (record_line, fields, cell) = (line, 1, 0);
                continue;
            }
            if byte == delimiter {
                (fields, cell) = (fields + 1, 0);
                if fields > MAX_COLUMNS {
                    return Err(Problem::error(Code::TooManyColumns, args!["max" => MAX_COLUMNS], lang).at_row(record_line));
                }
                continue;
            }
        }
        cell += 1;
        if cell > MAX_CELL_BYTES {
            return Err(Problem::error(Code::CellTooLong, args!["max" => MAX_CELL_BYTES], lang).at_row(record_line));
        }
    }
    Ok(())
}

/// Whether a byte is inside a quoted cell, as the csv crate reads quotes: a quote opens one
/// only at the start of a cell, `""` inside is a quote, and a quote elsewhere is text.
#[derive(Default)]
struct Quotes {
    quoted: bool,
    /// The last byte closed the quoted part (a second quote right after it is an escape).
    closed: bool,
}

impl Quotes {
    /// Takes the next byte (`start`: the first of its cell); true while quoted, the quotes
    /// themselves included.
    fn inside(&mut self, byte: u8, start: bool) -> bool {
        let was = self.quoted;
        if byte == b'"' {
            if self.quoted {
                (self.quoted, self.closed) = (false, true);
            } else if start || self.closed {
                (self.quoted, self.closed) = (true, false);
            }
            return true;
        }
        self.closed = false;
        was
    }
}

/// Folds full-width forms to half-width and the ideographic space to a space, so that
/// "（万元）" and "(万元)", "１２" and "12" read alike.
pub fn fold_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// The text split into records, each with the line it starts on. Tab-separated when the
/// first line has a tab (a paste from a spreadsheet), comma-separated otherwise.
pub fn read_grid(text: &str) -> Grid {
    let text = text.trim_start_matches('\u{feff}');
    let delimiter = if has_tab_delimiter(text) { b'\t' } else { b',' };
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut grid = Vec::new();
    let mut record = csv::StringRecord::new();
    // Lines are counted here from byte offsets: csv's own line count skips blank lines,
    // and the user's file numbers them.
    let (mut line, mut counted_to) = (1, 0);
    // A malformed record (invalid UTF-8 cannot occur in &str) ends the reading; csv is lenient.
    while let Ok(true) = reader.read_record(&mut record) {
        let mut start = record.position().map_or(counted_to, |p| usize::try_from(p.byte()).unwrap_or(counted_to));
        // The position is where the previous record ended: blank lines come first.
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        line += text[counted_to..start].matches('\n').count();
        counted_to = start;
        let mut cells = Record::with_capacity(record.len(), record.as_slice().len());
        for cell in &record {
            cells.push(cell.trim());
        }
        // No text in any cell once trimmed: a record of separators only.
        if !cells.text().is_empty() {
            grid.push((line, cells));
        }
    }
    grid
}

/// Whether the text is tab-separated: a tab outside quotes in its first ten lines (title
/// lines above a pasted table may have none; a tab inside a quoted CSV cell is text).
fn has_tab_delimiter(text: &str) -> bool {
    let (mut lines, mut start) = (0, true);
    let mut quotes = Quotes::default();
    for byte in text.bytes() {
        let inside = quotes.inside(byte, start);
        start = !inside && matches!(byte, b'\t' | b',' | b'\n');
        match byte {
            b'\t' if !inside => return true,
            b'\n' if !inside => {
                lines += 1;
                if lines == 10 {
                    return false;
                }
            }
            _ => {}
        }
    }
    false
}

/// Characters that show as nothing but change a text: zero-width marks, which make two
/// identical-looking names differ, and direction controls, which reverse a message line.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
        || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// A grid as read, or a cleaned copy when some cell held invisible characters.
pub(crate) type CleanGrid<'a> = std::borrow::Cow<'a, [(usize, Record)]>;

/// The grid without invisible characters, and where they were: how many cells, the first.
pub(crate) fn clean_grid(grid: &[(usize, Record)]) -> (CleanGrid<'_>, Option<(usize, usize, usize)>) {
    let dirty = |cell: &str| cell.chars().any(is_invisible);
    // A record's text is its cells' end to end: one look at it finds a clean record.
    if !grid.iter().any(|(_, cells)| dirty(cells.text())) {
        return (std::borrow::Cow::Borrowed(grid), None);
    }
    let (mut count, mut first) = (0, None);
    let mut cleaned = Vec::with_capacity(grid.len());
    for (line, cells) in grid {
        let mut record = Record::with_capacity(cells.len(), cells.text().len());
        for (index, cell) in cells.iter().enumerate() {
            if !dirty(cell) {
                record.push(cell);
                continue;
            }
            count += 1;
            first.get_or_insert((*line, index));
            record.push(cell.chars().filter(|c| !is_invisible(*c)).collect::<String>().trim());
        }
        cleaned.push((*line, record));
    }
    (std::borrow::Cow::Owned(cleaned), first.map(|(line, index)| (count, line, index)))
}
