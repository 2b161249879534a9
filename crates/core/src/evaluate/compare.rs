//! Progress between two years: the same county's table then and now, evaluated under the
//! same standard and profile. For each level and indicator the CV then and now and whether it
//! crossed its limit; each part's verdict then and now; each school found again (by 学校标识码
//! when both tables have it, else by name and level) with its values then and now, the new
//! schools and the closed ones; and, when the earlier year's project made a plan, each line of
//! its 整改台账 against what the later table shows was added.

use crate::evaluation::{evaluate_table, Evaluation, Options};
use crate::input::{Column, Problem, Table};
use crate::model::{Level, SchoolRow};
use crate::plan::{make_plan, Plan, PlanOptions};
use crate::record::{Grid, Record};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// One indicator of one level, then and now. `crossed`: whether the two CVs lie on different
/// sides of the limit (none without a limit or a CV); basic2012's composite is the key
/// "composite".
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct IndicatorChange {
    pub level: Level,
    pub key: &'static str,
    pub name: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub change: Option<f64>,
    pub limit: Option<f64>,
    pub crossed: Option<bool>,
}

/// A verdict then and now: the whole, a level or a part (none where there is none).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct VerdictChange {
    /// "overall", a level ("primary", "junior") or a part's key.
    pub key: String,
    pub name: String,
    pub before: Option<bool>,
    pub after: Option<bool>,
}

/// Whether a school is in both tables, only the later (new) or only the earlier (gone).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum SchoolStatus {
    Matched,
    New,
    Gone,
}

/// One school at one level, then and now: each indicator's value `[before, after]`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct SchoolChange {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub code: Option<String>,
    pub level: Level,
    pub status: SchoolStatus,
    pub values: BTreeMap<&'static str, [Option<f64>; 2]>,
}

/// How far a line of the plan got: all of it, some, or nothing yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum LineStatus {
    Done,
    Partly,
    NotYet,
}

/// A line of the earlier year's 整改台账 against the later table.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct LineProgress {
    pub row: usize,
    pub name: String,
    pub level: Level,
    pub column: &'static str,
    pub unit: &'static str,
    pub planned: f64,
    /// The column's value then, now, and what was added (now − then); none for a school the
    /// later table does not have.
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub added: Option<f64>,
    pub status: LineStatus,
    pub cost: f64,
    /// The line's cost in proportion to what was added of it (at most its cost).
    pub cost_done: f64,
}

/// The earlier plan against the later table: each line, and the costs planned and done.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct PlanProgress {
    pub lines: Vec<LineProgress>,
    pub cost: f64,
    pub cost_done: f64,
    pub done: usize,
    pub partly: usize,
    pub not_yet: usize,
}

/// The comparison of two years (`junheng compare`, the page's 对比往年数据).
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Comparison {
    pub standard: crate::standards::Standard,
    pub before: Evaluation,
    pub after: Evaluation,
    pub indicators: Vec<IndicatorChange>,
    pub verdicts: Vec<VerdictChange>,
    pub schools: Vec<SchoolChange>,
    pub plan: Option<PlanProgress>,
    /// What the comparison should be read with (the two years had different standards or
    /// profiles: both are evaluated under the one chosen).
    pub notes: Vec<Problem>,
}

/// A year's table: its cells and the options its project (if any) had.
pub struct Year<'a> {
    pub table: &'a Table,
    /// The earlier year's plan options, when its project made a plan.
    pub plan: Option<&'a PlanOptions>,
}

/// A share of a planned quantity counted as done (a unit's rounding).
const DONE: f64 = 1.0 - 1e-9;

/// Compares two years' tables under `options` (the standard and profile chosen).
pub fn compare(before: &Year, after: &Year, options: &Options, notes: Vec<Problem>) -> Comparison {
    let (then, now) = (evaluate_table(before.table, options), evaluate_table(after.table, options));
    let plan = before.plan.and_then(|p| make_plan(before.table, options, p).ok()).map(|p| progress(&p, before.table, after.table));
    Comparison {
        standard: options.standard,
        indicators: indicators(&then, &now, options.lang),
        verdicts: verdicts(&then, &now, options),
        schools: schools(&then, &now),
        plan,
        notes,
        before: then,
        after: now,
    }
}

fn indicators(then: &Evaluation, now: &Evaluation, lang: crate::Lang) -> Vec<IndicatorChange> {
    let mut out = Vec::new();
    for level in Level::ALL {
        let (a, b) = (then.levels.get(&level), now.levels.get(&level));
        let Some(shape) = b.or(a) else { continue };
        for indicator in &shape.indicators {
            let cv = |r: Option<&crate::resources::LevelResult>| {
                r.and_then(|r| r.indicators.iter().find(|i| i.key == indicator.key)).and_then(|i| i.cv)
            };
            out.push(change(level, indicator.key, indicator.name.to_string(), cv(a), cv(b), indicator.limit));
        }
        if shape.composite_limit.is_some() {
            let name = lang.pick("综合差异系数", "composite CV").to_string();
            out.push(change(
                level,
                "composite",
                name,
                a.and_then(|r| r.composite_cv),
                b.and_then(|r| r.composite_cv),
                shape.composite_limit,
            ));
        }
    }
    out
}

fn change(level: Level, key: &'static str, name: String, before: Option<f64>, after: Option<f64>, limit: Option<f64>) -> IndicatorChange {
    let change = before.zip(after).map(|(a, b)| b - a);
    let crossed = limit.and_then(|l| before.zip(after).map(|(a, b)| (a <= l) != (b <= l)));
    IndicatorChange { level, key, name, before, after, change, limit, crossed }
}

fn verdicts(then: &Evaluation, now: &Evaluation, options: &Options) -> Vec<VerdictChange> {
    let lang = options.lang;
    let mut out = vec![VerdictChange {
        key: "overall".into(),
        name: lang.pick("总体结论", "Overall").into(),
        before: then.overall.as_ref().map(|o| o.passed),
        after: now.overall.as_ref().map(|o| o.passed),
    }];
    for level in Level::ALL {
        let (a, b) = (then.levels.get(&level).map(|l| l.passed), now.levels.get(&level).map(|l| l.passed));
        if a.is_some() || b.is_some() {
            out.push(VerdictChange { key: level.key().into(), name: level.name(lang).into(), before: a, after: b });
        }
    }
    for part in &now.parts {
        let before = then.parts.iter().find(|p| p.part == part.part).map(|p| p.passed);
        out.push(VerdictChange { key: part.part.into(), name: part.name.clone(), before, after: Some(part.passed) });
    }
    out
}

/// A school's key in a year's table: its code when both tables have codes, else its name;
/// with its level.
fn key(school: &crate::resources::SchoolResult, by_code: bool) -> (String, Level) {
    (if by_code { school.code.clone().unwrap_or_default() } else { school.name.clone() }, school.level)
}

fn keyed(schools: &[crate::resources::SchoolResult], by_code: bool) -> HashMap<(String, Level), &crate::resources::SchoolResult> {
    schools.iter().map(|s| (key(s, by_code), s)).collect()
}

fn schools(then: &Evaluation, now: &Evaluation) -> Vec<SchoolChange> {
    let by_code = [then, now].iter().all(|e| !e.schools.is_empty() && e.schools.iter().all(|s| s.code.is_some()));
    let (earlier, later) = (keyed(&then.schools, by_code), keyed(&now.schools, by_code));
    let key = |s| key(s, by_code);
    let mut out: Vec<SchoolChange> = now
        .schools
        .iter()
        .map(|s| {
            let old = earlier.get(&key(s)).copied();
            school(s, old, Some(s), if old.is_some() { SchoolStatus::Matched } else { SchoolStatus::New })
        })
        .collect();
    out.extend(then.schools.iter().filter(|s| !later.contains_key(&key(s))).map(|s| school(s, Some(s), None, SchoolStatus::Gone)));
    out
}

fn school(
    who: &crate::resources::SchoolResult,
    then: Option<&crate::resources::SchoolResult>,
    now: Option<&crate::resources::SchoolResult>,
    status: SchoolStatus,
) -> SchoolChange {
    let keys = then.into_iter().chain(now).flat_map(|s| s.values.keys());
    let values = keys.map(|k| (k, [then.and_then(|s| s.values.get(k).copied()), now.and_then(|s| s.values.get(k).copied())])).collect();
    SchoolChange { name: who.name.clone(), code: who.code.clone(), level: who.level, status, values }
}

/// A column's raw value in a table's row (a resource or a fact).
fn raw(row: &SchoolRow, column: &str) -> Option<f64> {
    match Column::from_key(column)? {
        Column::Resource(r) => row.resource(r),
        Column::Fact(f) => row.fact(f),
        Column::Students => Some(row.students),
        _ => None,
    }
}

/// Each line of the plan against the later table: the school found again (by code when both
/// rows have one, else by name and level).
/// The row of `table` that is `school` (by code when both have one, else by name), at its level.
fn found<'a>(table: &'a Table, school: &SchoolRow) -> Option<&'a SchoolRow> {
    table.rows.iter().find(|r| {
        r.level == school.level
            && match (&school.code, &r.code) {
                (Some(a), Some(b)) => a == b,
                _ => r.name == school.name,
            }
    })
}

fn progress(plan: &Plan, before: &Table, after: &Table) -> PlanProgress {
    let lines: Vec<LineProgress> = plan
        .additions
        .iter()
        .filter(|a| a.counted_in.is_none())
        .map(|a| {
            let old = before.rows.iter().find(|r| r.row == a.row);
            let new = old.and_then(|o| found(after, o));
            let (then, now) = (old.and_then(|r| raw(r, a.column)), new.and_then(|r| raw(r, a.column)));
            let added = then.zip(now).map(|(t, n)| n - t);
            let share = added.map_or(0.0, |d| if a.add > 0.0 { (d / a.add).clamp(0.0, 1.0) } else { 1.0 });
            let status = if share >= DONE {
                LineStatus::Done
            } else if share > 0.0 {
                LineStatus::Partly
            } else {
                LineStatus::NotYet
            };
            LineProgress {
                row: a.row,
                name: a.name.clone(),
                level: a.level,
                column: a.column,
                unit: a.unit,
                planned: a.add,
                before: then,
                after: now,
                added,
                status,
                cost: a.cost,
                cost_done: a.cost * share,
            }
        })
        .collect();
    let count = |s: LineStatus| lines.iter().filter(|l| l.status == s).count();
    PlanProgress {
        cost: lines.iter().map(|l| l.cost).sum(),
        cost_done: lines.iter().map(|l| l.cost_done).sum(),
        done: count(LineStatus::Done),
        partly: count(LineStatus::Partly),
        not_yet: count(LineStatus::NotYet),
        lines,
    }
}

/// The years' tables read from grids; the first problem of either stops the comparison.
pub fn read_years(before: &[(usize, Record)], after: &[(usize, Record)], options: &Options) -> Result<(Table, Table), Vec<Problem>> {
    let read = |grid| crate::evaluation::read_checked(grid, options).map_err(|failed| failed.errors);
    Ok((read(before)?, read(after)?))
}

/// A year as it was given: its cells, and its project when the file was one (its standard,
/// profile, answers and plan).
pub struct Given {
    pub grid: Grid,
    pub project: Option<crate::project::Project>,
}

/// Two years as given, compared: both under the standard asked for (`asked.standard` when
/// `standard_asked`), else the later project's, else the earlier's; the later project's
/// profile and answers, else the earlier's, else `asked`'s. When the two projects differ in
/// standard or profile, a note says so and names the one chosen. The first problem of
/// either table stops it.
pub fn compare_given(before: &Given, after: &Given, asked: &Options, standard_asked: bool) -> Result<Comparison, Vec<Problem>> {
    let lang = asked.lang;
    let mut options = asked.clone();
    if let Some(project) = after.project.as_ref().or(before.project.as_ref()) {
        options.profile = project.profile.clone();
        options.answers = project.answers.clone();
        if !standard_asked {
            options.standard = project.standard;
        }
    }
    let named =
        |standard: crate::standards::Standard, profile: &crate::standards::Profile| format!("{} · {}", standard.name(lang), profile.name);
    let mut notes = Vec::new();
    if let (Some(a), Some(b)) = (&before.project, &after.project) {
        if a.standard != b.standard || a.profile != b.profile {
            let args = crate::args!["before" => named(a.standard, &a.profile), "after" => named(b.standard, &b.profile), "chosen" => named(options.standard, &options.profile)];
            notes.push(Problem::warning(crate::diagnostics::Code::YearsDiffer, args, lang));
        }
    }
    let (then, now) = read_years(&before.grid, &after.grid, &options)?;
    let plan = before.project.as_ref().and_then(|p| p.plan.as_ref());
    Ok(compare(&Year { table: &then, plan }, &Year { table: &now, plan: None }, &options, notes))
}
