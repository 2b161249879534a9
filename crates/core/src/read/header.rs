//! Finding the header among the top rows (titles above it, a two-row merged header) and
//! mapping each file column to a template column, by its header or by the user's hand.

use crate::args;
use crate::diagnostics::{Code, Problem};
use crate::model::Lang;
use crate::record::Record;
use crate::rows::parse_number;
use crate::template::{match_column, split_header, Column};
use serde::Serialize;
use std::collections::HashMap;

/// How the file's columns were read: its header row(s) and what each column became.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Review {
    /// The lines of the header (two for a merged two-row header).
    pub header_rows: Vec<usize>,
    pub columns: Vec<MappedColumn>,
    /// Rows left out (titles above the header, totals rows), with the reason.
    pub skipped: Vec<Problem>,
    /// Students and teachers read against the file's own totals row, when it has one.
    pub sums: Vec<SumCheck>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct MappedColumn {
    /// The column's position in the file, from 0.
    pub index: usize,
    /// Its header as the file writes it ("专任教师/高于规定学历" for a two-row header).
    pub header: String,
    /// The template column it was read as (its English key), or none.
    pub column: Option<&'static str>,
    /// True when the user chose the column by hand.
    pub by_user: bool,
    /// What its values were multiplied by to read them in the core's unit (10 000 for a
    /// header in 万元): 1 when read as written.
    pub factor: f64,
    /// The core's unit of the column, in the reader's language ('' for none): what the
    /// values are in once read.
    pub unit: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct SumCheck {
    pub column: String,
    pub read: f64,
    pub file_total: Option<f64>,
    /// Whether the rows read add up to the file's total (within rounding); none without one.
    pub matches: Option<bool>,
}

/// Totals written by a spreadsheet are rounded sums of rounded cells: this close is equal.
pub(crate) const SUM_TOLERANCE: f64 = 1e-6;

/// Columns chosen by hand: file column index → template column key ("" to ignore it).
pub type Mapping = std::collections::BTreeMap<ColumnIndex, String>;

/// A file column's position, from 0. Reads from a number or from text, because JSON and
/// JavaScript object keys are text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[serde(transparent)]
pub struct ColumnIndex(pub usize);

impl<'de> serde::Deserialize<'de> for ColumnIndex {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(usize),
            Text(String),
        }
        match Raw::deserialize(deserializer)? {
            Raw::Number(n) => Ok(ColumnIndex(n)),
            Raw::Text(text) => text.parse().map(ColumnIndex).map_err(serde::de::Error::custom),
        }
    }
}

/// How many template columns the best of a grid's top rows names: which sheet is the table.
pub fn template_columns_in(grid: &[(usize, Record)]) -> usize {
    grid.iter().take(HEADER_SEARCH_ROWS).map(|(_, cells)| named_columns(cells)).max().unwrap_or(0)
}

/// How far down the header may be: below the titles a statistics table puts above it.
pub(crate) const HEADER_SEARCH_ROWS: usize = 10;

/// How many cells of a row name a template column.
pub(crate) fn named_columns(cells: &Record) -> usize {
    cells.iter().filter(|c| match_column(&split_header(c).0).is_some()).count()
}

/// The header: the first of the top rows that names at least three template columns (or
/// the first row), and the row below it when that row completes a two-row merged header.
pub(crate) fn find_header(grid: &[(usize, Record)]) -> (usize, Option<usize>) {
    let header = (0..grid.len().min(HEADER_SEARCH_ROWS)).find(|&i| named_columns(&grid[i].1) >= 3).unwrap_or(0);
    let sub = header + 1;
    let is_sub = grid.get(sub).is_some_and(|(_, cells)| {
        let numeric = cells.iter().any(|c| parse_number(c).is_some());
        !numeric && header_matches(&grid[header].1, Some(cells)) > header_matches(&grid[header].1, None)
    });
    (header, is_sub.then_some(sub))
}

/// How many columns a header names, with an optional second row under merged cells: a
/// child name alone ("高于规定学历") or with its parent ("专任教师" + "合计").
pub(crate) fn header_matches(header: &Record, sub: Option<&Record>) -> usize {
    header_texts(header, sub).iter().filter(|text| match_column(&header_name(text).0).is_some()).count()
}

/// The text each column's header stands for: "parent/child" under a two-row header.
pub(crate) fn header_texts(header: &Record, sub: Option<&Record>) -> Vec<String> {
    let width = header.len().max(sub.map_or(0, Record::len));
    let mut parent = String::new();
    (0..width)
        .map(|i| {
            let own = header.get(i).unwrap_or_default().to_string();
            if !own.is_empty() {
                parent.clone_from(&own);
            }
            let child = sub.and_then(|s| s.get(i)).unwrap_or_default();
            if child.is_empty() {
                return own;
            }
            let combined = format!("{parent}{child}");
            if match_column(&split_header(child).0).is_some() || match_column(&split_header(&combined).0).is_none() {
                format!("{parent}/{child}").trim_start_matches('/').to_string()
            } else {
                combined
            }
        })
        .collect()
}

/// The name a header text is matched by: the child of "parent/child" alone when it names a
/// column, else the two together.
pub(crate) fn header_name(text: &str) -> (String, Option<String>) {
    match text.split_once('/') {
        Some((parent, child)) => {
            let (name, unit) = split_header(child);
            if match_column(&name).is_some() {
                (name, unit)
            } else {
                split_header(&format!("{parent}{child}"))
            }
        }
        None => split_header(text),
    }
}

/// How a table's columns were read: where the header is, which file column is which
/// template column (with its unit's factor), and what that found.
#[derive(Clone, Default)]
pub(crate) struct Columns {
    /// The index in the grid of the first record after the header.
    pub(crate) body: usize,
    /// Each file column's header text ("parent/child" under a two-row header).
    pub(crate) texts: Vec<String>,
    /// Where each template column is in a record (the first file column mapped to it), by
    /// `Column::slot`: looked up for every cell of every row.
    pub(crate) positions: [Option<usize>; Column::SLOTS],
    pub(crate) factors: Vec<(Column, f64)>,
    pub(crate) headers: HashMap<Column, String>,
    pub(crate) review: Review,
    pub(crate) warnings: Vec<Problem>,
    pub(crate) errors: Vec<Problem>,
}

/// Finds the header and maps every column; the required columns must be among them.
pub(crate) fn map_columns(grid: &[(usize, Record)], mapping: &Mapping, lang: Lang) -> Columns {
    let (header_index, sub_index) = find_header(grid);
    let header_line = grid[header_index].0;
    let mut columns = Columns { body: sub_index.unwrap_or(header_index) + 1, ..Columns::default() };
    for (line, _) in &grid[..header_index] {
        columns.review.skipped.push(Problem::notice(Code::TitleSkipped, args![], lang).at_row(*line));
    }
    columns.texts = header_texts(&grid[header_index].1, sub_index.map(|i| &grid[i].1));
    columns.review.header_rows = std::iter::once(header_line).chain(sub_index.map(|i| grid[i].0)).collect();
    for index in 0..columns.texts.len() {
        map_column(&mut columns, index, header_line, mapping, lang);
    }
    for required in [Column::School, Column::Level, Column::Students] {
        if !columns.headers.contains_key(&required) {
            let name = required.header(lang);
            let args = args!["name" => name, "alias" => required.english_header()];
            columns.errors.push(Problem::error(Code::MissingRequiredColumn, args, lang).in_column(name));
        }
    }
    columns
}

/// Maps the file column `index`: by the user's choice, else by its header's name; a column
/// may appear once, and a unit in its header must be one the column knows.
fn map_column(columns: &mut Columns, index: usize, header_line: usize, mapping: &Mapping, lang: Lang) {
    let text = columns.texts[index].clone();
    let (name, unit) = header_name(&text);
    let chosen = mapping.get(&ColumnIndex(index));
    let column = match chosen {
        Some(key) => Column::from_key(key),
        None if text.is_empty() => None,
        None => match_column(&name),
    };
    let unit_of = |c: Option<Column>| c.map(|c| c.unit(lang)).unwrap_or_default();
    let mapped = MappedColumn {
        index,
        header: text.clone(),
        column: column.map(Column::key),
        by_user: chosen.is_some(),
        factor: 1.0,
        unit: unit_of(column),
    };
    columns.review.columns.push(mapped);
    let Some(column) = column else {
        if !text.is_empty() && chosen.is_none() {
            columns.warnings.push(Problem::notice(Code::UnknownColumn, args![], lang).at_row(header_line).in_column(&text));
        }
        return;
    };
    if let Some(first) = columns.headers.get(&column) {
        columns
            .errors
            .push(Problem::error(Code::RepeatedColumn, args!["first" => first.as_str()], lang).at_row(header_line).in_column(&text));
        return;
    }
    if let Some(unit) = unit.filter(|_| chosen.is_none()) {
        let Some((_, factor)) = column.units().iter().find(|(name, _)| *name == unit) else {
            let known: Vec<&str> = column.units().iter().map(|(n, _)| *n).collect();
            let args = args!["unit" => unit.as_str(), "known" => known.join(" ")];
            columns.errors.push(Problem::error(Code::UnknownUnit, args, lang).at_row(header_line).in_column(&text));
            return;
        };
        columns.factors.push((column, *factor));
        if let Some(mapped) = columns.review.columns.last_mut() {
            mapped.factor = *factor;
        }
    }
    columns.headers.insert(column, text);
    columns.positions[column.slot()].get_or_insert(index);
}
