//! Province files: a table with a county column (县 / 县区 / 区县, `county`) is evaluated county
//! by county. This cuts it into one table per county, each under the file's own header, which
//! the evaluation (evaluation.rs) takes through the very pipeline a single county's file goes,
//! so each county's result is exactly what its rows alone give, row numbers as the province's
//! file has them; one county's mistakes stop only that county. A summary row per county and
//! level carries what a provincial office compares first.

use std::collections::HashMap;

use serde::Serialize;

use crate::cells::clean_grid;
use crate::header::{self, Columns, Mapping};
use crate::input::Column;
use crate::model::{Lang, Level, Levels};
use crate::record::{Grid, Record};
use crate::resources::LevelResult;
use crate::rows::is_totals_row;

/// A county's level at a glance: its worst CV against its limit (quality2017), its composite
/// (basic2012), the schools that miss the per-school rule, and the level's verdict.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct LevelSummary {
    pub level: Level,
    pub schools: usize,
    /// The indicator with the largest CV (its key and its name in the result's language), its
    /// CV and its limit (`None` under basic2012).
    pub worst_indicator: Option<&'static str>,
    pub worst_name: Option<&'static str>,
    pub worst_cv: Option<f64>,
    pub worst_limit: Option<f64>,
    /// Whether the worst CV is within its limit (`None` without a limit).
    pub worst_passed: Option<bool>,
    pub composite_cv: Option<f64>,
    pub composite_limit: Option<f64>,
    /// Whether the composite is within its limit (`None` without one).
    pub composite_passed: Option<bool>,
    /// quality2017: schools that miss the per-school rule.
    pub schools_failing: Option<usize>,
    pub passed: bool,
}

/// Whether the table is evaluated as a province's: it has a county column and this build
/// evaluates provinces (the `province` feature; the browser's first module does not).
pub(crate) fn is_province(grid: &[(usize, Record)], mapping: &Mapping, lang: Lang) -> bool {
    cfg!(feature = "province") && has_county_column(grid, mapping, lang)
}

/// Whether the table has a county column (one the user has not unmapped): its first rows
/// tell, so a county's table pays nothing for a province's.
pub fn has_county_column(grid: &[(usize, Record)], mapping: &Mapping, lang: Lang) -> bool {
    // The header is searched for among the first rows only; the row under it may be its second.
    let (clean, _) = clean_grid(&grid[..grid.len().min(header::HEADER_SEARCH_ROWS + 1)]);
    !clean.is_empty() && header::map_columns(&clean, mapping, lang).positions[Column::County.slot()].is_some()
}

/// A province file cut into its counties: the header mapped once for all of them, and each
/// county's records (cells cleaned of invisible characters), in the order the counties first
/// appear.
pub(crate) struct Counties {
    pub(crate) columns: Columns,
    pub(crate) names: Vec<String>,
    pub(crate) records: Vec<Grid>,
    /// Where cleaning removed invisible characters (counted over the whole file).
    pub(crate) invisible: Option<(usize, usize, usize)>,
}

/// Cuts the grid by its county column. A record whose county cell is empty belongs to the
/// county above it (a merged cell in Excel is filled only in its first row), except a totals
/// row, which totals the province and belongs to none.
pub(crate) fn split_by_county(grid: Grid, mapping: &Mapping, lang: Lang) -> Counties {
    let (clean, invisible) = clean_grid(&grid);
    let columns = header::map_columns(&clean, mapping, lang);
    let at = columns.positions[Column::County.slot()].unwrap_or(usize::MAX);
    let name_at = columns.positions[Column::School.slot()];
    let (mut names, mut index, mut of_row) = (Vec::<String>::new(), HashMap::<String, usize>::new(), Vec::new());
    let mut current = None;
    for (_, cells) in &clean[columns.body.min(clean.len())..] {
        let cell = |i: Option<usize>| i.and_then(|i| cells.get(i)).map_or("", |c| c.trim());
        let county = crate::input::fold_width(cell(Some(at))).trim().to_string();
        if county.is_empty() && is_totals_row(cell(name_at)) {
            of_row.push(None);
            continue;
        }
        if !county.is_empty() {
            let next = names.len();
            current = Some(*index.entry(county.clone()).or_insert_with(|| {
                names.push(county);
                next
            }));
        }
        of_row.push(current);
    }
    // The cleaned records, moved (a copy only when cleaning had to change some cell).
    let body = columns.body.min(clean.len());
    let rows: Grid = match clean {
        std::borrow::Cow::Owned(cleaned) => cleaned.into_iter().skip(body).collect(),
        std::borrow::Cow::Borrowed(_) => grid.into_iter().skip(body).collect(),
    };
    let mut records: Vec<Grid> = vec![Vec::new(); names.len()];
    for (row, county) in rows.into_iter().zip(of_row) {
        if let Some(k) = county {
            records[k].push(row);
        }
    }
    Counties { columns, names, records, invisible }
}

/// The summary rows of one county's levels: none when its table was unusable.
pub(crate) fn summarise(levels: &Levels<LevelResult>) -> Vec<LevelSummary> {
    levels
        .iter()
        .map(|(&level, r)| {
            let worst =
                r.indicators.iter().filter(|i| i.cv.is_some()).max_by(|a, b| a.cv.partial_cmp(&b.cv).unwrap_or(std::cmp::Ordering::Equal));
            LevelSummary {
                level,
                schools: r.schools,
                worst_indicator: worst.map(|i| i.key),
                worst_name: worst.map(|i| i.name),
                worst_cv: worst.and_then(|i| i.cv),
                worst_limit: worst.and_then(|i| i.limit),
                worst_passed: worst.and_then(|i| i.passed),
                composite_cv: r.composite_cv,
                composite_limit: r.composite_limit,
                composite_passed: r.composite_passed,
                schools_failing: r.schools_passed.map(|passed| r.schools - passed),
                passed: r.passed,
            }
        })
        .collect()
}
