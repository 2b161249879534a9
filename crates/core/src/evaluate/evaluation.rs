//! The pipeline: what to evaluate against (`Options`) and the result contract
//! (`Evaluation`); it reads the table, applies the scope and the mixed-school split, and
//! has the resources (resources.rs) and the other parts (assessment.rs) judged.

use crate::args;
use crate::assessment::{self, Answers, Context, Overall, Part};
use crate::diagnostics::Code;
use crate::input::{self, Problem, Table};
use crate::model::{Lang, Levels};
use crate::province::{self, LevelSummary};
use crate::record::{Grid, Record};
use crate::resources::{self, Rules};
use crate::scope::{self, Exclusion, Split};
use crate::standards::{Profile, Standard};
use serde::{Deserialize, Serialize};

pub use crate::resources::{IndicatorResult, LevelResult, SchoolResult, Standing};

/// What to evaluate against, and in which language to explain it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[serde(default)]
pub struct Options {
    pub standard: Standard,
    pub lang: Lang,
    pub profile: Profile,
    /// Everything beside the school table: scores, items, survey, vetoes.
    pub answers: Answers,
    /// Columns the user mapped by hand: file column index → template column key.
    pub mapping: input::Mapping,
}

/// The result contract: the JSON of the CLI and of the wasm `evaluate` function.
/// When `errors` is not empty the input was unusable: nothing else is filled, unless
/// `provisional` (the mistakes are in some rows only): then the other rows are evaluated and
/// every verdict is withheld (no level passes, no overall, each level's reason says why).
#[derive(Clone, Debug, Default, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Evaluation {
    pub standard: Standard,
    /// The profile's name, and whether it is exactly the built-in national profile (a file
    /// may call itself "national" and still differ).
    pub profile: String,
    pub profile_national: bool,
    #[cfg_attr(feature = "typescript", ts(as = "std::collections::BTreeMap<crate::model::Level, LevelResult>"))]
    pub levels: Levels<LevelResult>,
    pub schools: Vec<SchoolResult>,
    pub excluded: Vec<Exclusion>,
    pub splits: Vec<Split>,
    pub warnings: Vec<Problem>,
    pub errors: Vec<Problem>,
    /// Every part of the standard with its items, and the overall verdict.
    pub parts: Vec<Part>,
    pub overall: Option<Overall>,
    /// How the file was read: header, column mapping, skipped rows, sum checks.
    pub review: Option<input::Review>,
    /// The figures are the rows that read, while `errors` names the rows that did not: no
    /// verdict until they are fixed.
    pub provisional: bool,
    /// A province file (a county column): each county's own result, with its name and its
    /// summary rows; nothing above is then evaluated across counties (province.rs).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub counties: Option<Vec<Evaluation>>,
    /// One county of a province file: its name, and what a provincial office compares first.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub county: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub summary: Option<Vec<LevelSummary>>,
    /// A province's summary table (the page's view of it, without the counties' results).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub province: Option<Vec<ProvinceRow>>,
    /// How many of those counties' rows fail (`levels_passed` not true): the headline's count.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub province_failing: Option<usize>,
    /// Only in a summary that carries the first of `excluded` and `splits` (the page's: a
    /// nation has tens of thousands of each, the page lists a hundred): how many there are.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub lengths: Option<Lengths>,
}

/// The lengths of a result's lists where a summary carries only their first items.
#[derive(Clone, Copy, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Lengths {
    pub excluded: usize,
    pub splits: usize,
}

/// A county in a province's summary table, without its whole result: its rows per level,
/// how many problems stop it, and its overall verdict.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct ProvinceRow {
    pub county: String,
    pub summary: Vec<LevelSummary>,
    pub problems: usize,
    /// The whole verdict, every part included (`None` when the table has mistakes).
    pub passed: Option<bool>,
    /// Whether every level's resources pass, as the rows show them (`None` when the table
    /// has mistakes): what the province's headline counts.
    pub levels_passed: Option<bool>,
}

/// A province's summary table: every county's row, and how many of them fail.
pub fn province_table(counties: &[Evaluation]) -> (Vec<ProvinceRow>, usize) {
    let rows: Vec<ProvinceRow> = counties.iter().map(Evaluation::row).collect();
    let failing = rows.iter().filter(|row| row.levels_passed != Some(true)).count();
    (rows, failing)
}

impl Evaluation {
    /// This county's row in its province's summary table.
    pub fn row(&self) -> ProvinceRow {
        ProvinceRow {
            county: self.county.clone().unwrap_or_default(),
            summary: self.summary.clone().unwrap_or_default(),
            problems: self.errors.len(),
            passed: self.overall.as_ref().map(|o| o.passed),
            levels_passed: self.errors.is_empty().then(|| self.levels.values().all(|l| l.passed)),
        }
    }
}

/// Reads the text and evaluates it. Unusable input gives an `Evaluation` with `errors`.
pub fn evaluate_text(text: &str, options: &Options) -> Evaluation {
    if let Err(problem) = crate::cells::check_shape(text, options.lang) {
        return failed(options, vec![problem], Vec::new(), None);
    }
    evaluate_owned_grid(input::read_grid(text), options)
}

/// Evaluates a table given as cells (from text, or from a spreadsheet's sheet).
pub fn evaluate_grid(grid: &[(usize, Record)], options: &Options) -> Evaluation {
    if province::is_province(grid, &options.mapping, options.lang) {
        return evaluate_province(grid.to_vec(), options);
    }
    read_checked(grid, options).map_or_else(|failed| *failed, |table| evaluate_table(&table, options))
}

/// `evaluate_grid` for a caller done with the cells: they are freed once read, before the
/// evaluation makes its own (a nation's cells are hundreds of megabytes).
pub fn evaluate_owned_grid(grid: Grid, options: &Options) -> Evaluation {
    if province::is_province(&grid, &options.mapping, options.lang) {
        return evaluate_province(grid, options);
    }
    evaluate_county(grid, options)
}

/// A province file's result: each county's, in the order the counties first appear, and a
/// notice of how many; nothing evaluated across counties (the method compares a county's
/// schools with one another, never a province's).
fn evaluate_province(grid: Grid, options: &Options) -> Evaluation {
    let errors = profile_problems(options);
    if !errors.is_empty() {
        return failed(options, errors, Vec::new(), None);
    }
    let lang = options.lang;
    let province::Counties { columns, names, records, invisible } = province::split_by_county(grid, &options.mapping, lang);
    let counties: Vec<Evaluation> = records
        .into_iter()
        .zip(names)
        .map(|(rows, county)| {
            // The header is the file's, mapped once; each county reads only its own records.
            let result = match input::read_body(&rows, columns.clone(), None, lang) {
                Ok(table) => evaluate_table(&table, options),
                Err((errors, review)) => failed(options, errors, Vec::new(), Some(review)),
            };
            Evaluation { county: Some(county), summary: Some(province::summarise(&result.levels)), ..result }
        })
        .collect();
    let review = counties.first().and_then(|c| c.review.clone());
    let mut warnings = vec![Problem::notice(Code::ProvinceCounties, args!["count" => counties.len()], lang)];
    warnings.extend(input::invisible_notice(invisible, &columns.texts, lang));
    Evaluation { warnings, review, counties: Some(counties), ..head(options) }
}

/// One county's table (a province file's county column, if any, is only read past).
fn evaluate_county(grid: Grid, options: &Options) -> Evaluation {
    read_and_evaluate(grid, options, true)
}

/// The county's evaluation; `provisional_on_error`: with mistakes in some rows only, the
/// other rows' provisional figures (`provisional`).
fn read_and_evaluate(grid: Grid, options: &Options, provisional_on_error: bool) -> Evaluation {
    match read_checked(&grid, options) {
        Ok(table) => {
            drop(grid);
            evaluate_table(&table, options)
        }
        Err(failed) if provisional_on_error => provisional(grid, *failed, options),
        Err(failed) => *failed,
    }
}

/// With mistakes in some data rows only, the other rows evaluated, every verdict withheld and
/// the mistakes kept as the errors, so that one cell typed wrong does not blank the report;
/// any other mistake (the profile, the header, a column, or rows whose removal breaks
/// another) stops the evaluation as before.
fn provisional(grid: Grid, failed: Evaluation, options: &Options) -> Evaluation {
    let header = failed.review.as_ref().map(|r| r.header_rows.clone()).unwrap_or_default();
    let rows: Option<Vec<usize>> = failed.errors.iter().map(|e| e.row.filter(|row| header.last().is_some_and(|h| row > h))).collect();
    let Some(rows) = rows else { return failed };
    // Marked by line rather than sorted: linear, and no sort of lines in the first module.
    let mut wrong = vec![false; rows.iter().max().map_or(0, |row| row + 1)];
    for row in rows {
        wrong[row] = true;
    }
    let count = wrong.iter().filter(|w| **w).count();
    let rest: Vec<_> = grid.into_iter().filter(|(line, _)| wrong.get(*line) != Some(&true)).collect();
    let mut result = read_and_evaluate(rest, options, false);
    if !result.errors.is_empty() || result.levels.is_empty() {
        return failed;
    }
    let withheld = Problem::error(Code::VerdictWithheld, args!["rows" => count], options.lang).message;
    for level in result.levels.values_mut() {
        level.passed = false;
        level.reasons = vec![withheld.clone()];
        level.composite_passed = None;
        for indicator in &mut level.indicators {
            indicator.passed = None;
        }
    }
    for part in &mut result.parts {
        part.passed = false;
    }
    Evaluation { errors: failed.errors, overall: None, provisional: true, ..result }
}

/// The profile's problems (`Profile::validate`). A build without users' profiles (the
/// browser's first module, which the page gives the national profile alone) checks none:
/// the national profile is valid (tests/trust.rs).
#[cfg(feature = "profiles")]
fn profile_problems(options: &Options) -> Vec<Problem> {
    options.profile.validate(options.lang)
}

#[cfg(not(feature = "profiles"))]
fn profile_problems(_: &Options) -> Vec<Problem> {
    Vec::new()
}

/// The table read from the cells, or the evaluation that stops at the profile's or the
/// table's problems.
pub(crate) fn read_checked(grid: &[(usize, Record)], options: &Options) -> Result<Table, Box<Evaluation>> {
    let errors = profile_problems(options);
    if !errors.is_empty() {
        return Err(Box::new(failed(options, errors, Vec::new(), None)));
    }
    input::read_grid_reviewed(grid, &options.mapping, options.lang)
        .map_err(|(errors, review)| Box::new(failed(options, errors, Vec::new(), Some(review))))
}

/// An evaluation that stopped at `errors`, keeping how the file was read when it was; with
/// no errors, the head every evaluation shares (standard, profile, notes, review).
fn failed(options: &Options, errors: Vec<Problem>, warnings: Vec<Problem>, review: Option<input::Review>) -> Evaluation {
    Evaluation { warnings, errors, review, ..head(options) }
}

/// What every result starts with: the standard and the profile, nothing evaluated yet.
fn head(options: &Options) -> Evaluation {
    Evaluation {
        standard: options.standard,
        profile: options.profile.name.clone(),
        profile_national: options.profile.is_national(),
        ..Evaluation::default()
    }
}

/// The rows evaluated: those in scope, mixed schools' facilities split; with what was
/// excluded, the splits and their warnings. `Err`: the errors that stop an evaluation.
pub(crate) struct Scoped {
    pub rows: Vec<crate::model::SchoolRow>,
    pub excluded: Vec<Exclusion>,
    pub splits: Vec<Split>,
    pub warnings: Vec<Problem>,
}

pub(crate) fn scoped(table: &Table, options: &Options) -> Result<Scoped, (Vec<Problem>, Vec<Problem>)> {
    let (standard, lang, profile) = (options.standard, options.lang, &options.profile);
    let mut warnings = table.warnings.clone();
    // One copy of the rows in scope: the split rewrites mixed schools' facilities in it.
    let (mut rows, excluded) = scope::in_scope(&table.rows, profile.scope(standard), lang);
    let errors = crate::checks::needs(table, &rows, standard, lang);
    if !errors.is_empty() {
        return Err((errors, warnings));
    }
    if standard == Standard::Quality2017 {
        warnings.extend(crate::allowances::count_travelling_teachers(&mut rows, &profile.quality2017.allowances, lang));
    }
    if profile.move_indoor_sports {
        match crate::indoor::move_indoor_sports(&mut rows, table, lang) {
            Ok(notice) => warnings.extend(notice),
            Err(errors) => return Err((errors, warnings)),
        }
    }
    let (splits, errors, split_warnings) = scope::split_mixed_schools(&mut rows, table, profile.split_weights, &standard.resources(), lang);
    warnings.extend(split_warnings);
    if !errors.is_empty() {
        return Err((errors, warnings));
    }
    Ok(Scoped { rows, excluded, splits, warnings })
}

pub fn evaluate_table(table: &Table, options: &Options) -> Evaluation {
    let (standard, lang, profile) = (options.standard, options.lang, &options.profile);
    let Scoped { rows, excluded, splits, warnings } = match scoped(table, options) {
        Ok(scoped) => scoped,
        Err((errors, warnings)) => return failed(options, errors, warnings, Some(table.review.clone())),
    };
    let (schools, mut levels) = resources::evaluate_resources(&rows, &Rules { standard, profile, lang });
    for (level, result) in &mut levels {
        result.excluded = excluded.iter().filter(|e| e.level == *level).count();
    }
    let cx = Context { standard, profile, lang, levels: &levels, rows: &rows, table };
    let (parts, overall) = assessment::assess(&options.answers, &cx);
    if !all_finite(&levels, &schools, &splits, &parts) {
        // The reader bounds every cell, so this is a bug; it must never become a verdict.
        return failed(options, vec![Problem::error(Code::OutOfRange, args![], lang)], warnings, Some(table.review.clone()));
    }
    Evaluation {
        levels,
        schools,
        excluded,
        splits,
        parts,
        overall: Some(overall),
        ..failed(options, Vec::new(), warnings, Some(table.review.clone()))
    }
}

/// True when every number a verdict rests on is finite.
fn all_finite(levels: &Levels<LevelResult>, schools: &[SchoolResult], splits: &[Split], parts: &[Part]) -> bool {
    let levels_ok = levels.values().all(|l| {
        l.students.is_finite()
            && l.composite_cv.is_none_or(f64::is_finite)
            && l.indicators.iter().all(|i| [i.county_value, i.sd].iter().all(|v| v.is_finite()) && i.cv.is_none_or(f64::is_finite))
    });
    let schools_ok = schools.iter().all(|s| {
        s.students.is_finite()
            && s.values.values().all(|v| v.is_finite())
            && s.standing.values().all(|v| v.share.is_finite() && v.shortfall.is_finite())
    });
    let splits_ok =
        splits.iter().all(|s| s.resources.iter().all(|r| [r.total, r.primary, r.junior, r.senior].iter().all(|v| v.is_finite())));
    let parts_ok = parts.iter().all(|p| {
        p.score.is_none_or(f64::is_finite)
            && p.items.iter().all(|i| !matches!(i.value, Some(assessment::Value::Number(v)) if !v.is_finite()))
    });
    levels_ok && schools_ok && splits_ok && parts_ok
}
