//! Reading a county's table (SPEC §5): text or a sheet's cells in, schools out, with every
//! problem at the row of the user's file and the column as the user wrote it. The steps live
//! in their own modules: cells (text → cells), header (finding and mapping columns), rows
//! (one record), checks (the whole table); this is the pipeline that runs them.

use crate::args;
use crate::cells::clean_grid;
use crate::checks;
use crate::diagnostics::Code;
use crate::header::{self, Columns};
use crate::model::{Lang, SchoolRow};
use crate::rows::{is_totals_row, RowReader};

pub use crate::cells::{check_shape, fold_width, is_invisible, read_grid, MAX_CELL_BYTES, MAX_COLUMNS};
pub use crate::diagnostics::Problem;
pub use crate::header::{template_columns_in, ColumnIndex, MappedColumn, Mapping, Review, SumCheck};
pub use crate::record::{Grid, Record};
pub use crate::rows::{parse_number, MAX_CELL};
pub use crate::table::Table;
pub use crate::template::{template_header, Column};

/// Reads the template's table. All problems are collected, not only the first.
pub fn read_table(text: &str, lang: Lang) -> Result<Table, Vec<Problem>> {
    read_grid_table(&read_grid(text), &Mapping::new(), lang)
}

/// Reads the table from cells: finds the header, maps the columns (by header, or by the
/// user's `mapping`), skips titles and totals rows with a notice, and reads every row.
pub fn read_grid_table(grid: &[(usize, Record)], mapping: &Mapping, lang: Lang) -> Result<Table, Vec<Problem>> {
    read_grid_reviewed(grid, mapping, lang).map_err(|(errors, _)| errors)
}

/// `read_grid_table`, keeping the review (the column mapping) when the table is unusable,
/// so that the user can map a column by hand.
pub fn read_grid_reviewed(grid: &[(usize, Record)], mapping: &Mapping, lang: Lang) -> Result<Table, (Vec<Problem>, Review)> {
    let (grid, invisible) = clean_grid(grid);
    let grid = &grid[..];
    if grid.is_empty() {
        return Err((vec![Problem::error(Code::NoData, args![], lang)], Review::default()));
    }
    let columns = header::map_columns(grid, mapping, lang);
    read_body(&grid[columns.body.min(grid.len())..], columns, invisible, lang)
}

/// Reads the records under a header already mapped (`columns`): a province's counties share
/// their file's. `invisible`: where cleaning the cells removed invisible characters.
pub(crate) fn read_body(
    records: &[(usize, Record)],
    columns: Columns,
    invisible: Option<(usize, usize, usize)>,
    lang: Lang,
) -> Result<Table, (Vec<Problem>, Review)> {
    let Columns { texts, positions, factors, headers, review, warnings, errors, .. } = columns;
    // One row per record at most: room for them at once rather than grown by doubling (a
    // nation's rows are 90 MB).
    let mut table = Table { rows: Vec::with_capacity(records.len()), headers, warnings, review };
    if !errors.is_empty() {
        return Err((errors, table.review));
    }
    if records.is_empty() {
        return Err((vec![Problem::error(Code::HeaderOnly, args![], lang)], table.review));
    }
    let reader = RowReader { headers: &table.headers, positions, factors: &factors, lang, dashes: std::cell::Cell::default() };
    let (totals, mut errors) = read_records(records, &reader, &mut table.rows, &mut table.review.skipped);
    table.warnings.extend(invisible_notice(invisible, &texts, lang));
    if reader.dashes.get() > 0 {
        table.warnings.push(Problem::notice(Code::DashesAsZero, args!["count" => reader.dashes.get()], lang));
    }
    table.review.sums = checks::sum_checks(&table, totals, &reader, lang);
    table.warnings.extend(checks::sum_warnings(&table.review.sums, lang));
    errors.extend(checks::attached_classes(&mut table, lang));
    errors.extend(checks::duplicates(&table, lang));
    errors.extend(checks::consistency(&table, lang));
    if errors.is_empty() {
        table.warnings.extend(checks::plausibility(&table, lang));
        Ok(table)
    } else {
        Err((errors, table.review))
    }
}

/// Reads every record into `rows`, skipping totals rows (noted in `skipped`; the first is
/// kept for the sum check); returns that totals row and the records' problems.
fn read_records<'g>(
    records: &'g [(usize, Record)],
    reader: &RowReader,
    rows: &mut Vec<SchoolRow>,
    skipped: &mut Vec<Problem>,
) -> (Option<&'g Record>, Vec<Problem>) {
    let (mut totals, mut errors) = (None, Vec::new());
    for (line, cells) in records {
        if reader.cell(cells, Column::School).is_some_and(is_totals_row) {
            let notice = Problem::notice(Code::TotalsSkipped, args![], reader.lang).at_row(*line).in_column(reader.label(Column::School));
            skipped.push(notice);
            totals.get_or_insert(cells);
            continue;
        }
        match reader.read(*line, cells) {
            Ok(row) => rows.push(row),
            Err(mut problems) => errors.append(&mut problems),
        }
    }
    (totals, errors)
}

/// The notice that cleaning removed invisible characters: how many cells, and the first at
/// its row and column (named by its header, or its number; `texts` are the headers).
pub(crate) fn invisible_notice(invisible: Option<(usize, usize, usize)>, texts: &[String], lang: Lang) -> Option<Problem> {
    let (count, line, index) = invisible?;
    let column = texts.get(index).filter(|t| !t.is_empty()).cloned().unwrap_or_else(|| (index + 1).to_string());
    Some(Problem::warning(Code::InvisibleRemoved, args!["count" => count], lang).at_row(line).in_column(column))
}
