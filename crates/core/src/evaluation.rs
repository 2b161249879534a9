//! The evaluation of the resource part of a standard: per level, every indicator's county
//! value, SD and CV against its limit; basic2012's composite; quality2017's per-school rule.

use crate::assessment::{self, Answers, Context, Overall, Part};
use crate::indicators::Indicator;
use crate::input::{self, Problem, Table};
use crate::model::{Lang, Level, SchoolRow, SchoolType};
use crate::scope::{self, Exclusion, Split};
use crate::standards::{Profile, Standard};
use crate::statistics::{self, Share};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What to evaluate against, and in which language to explain it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
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
/// When `errors` is not empty the input was unusable and nothing else is filled.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Evaluation {
    pub standard: Standard,
    /// The profile's name, and whether it is exactly the built-in national profile (a file
    /// may call itself "national" and still differ).
    pub profile: String,
    pub profile_national: bool,
    pub levels: BTreeMap<Level, LevelResult>,
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
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelResult {
    pub schools: usize,
    pub students: f64,
    pub indicators: Vec<IndicatorResult>,
    /// basic2012 only: the plain mean of the CVs, its limit, and whether it is within it.
    pub composite_cv: Option<f64>,
    pub composite_limit: Option<f64>,
    pub composite_passed: Option<bool>,
    /// quality2017 only: how many schools meet the per-school rule.
    pub schools_passed: Option<usize>,
    pub passed: bool,
    /// Every reason the level fails; empty when it passes.
    pub reasons: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorResult {
    pub key: &'static str,
    pub name: &'static str,
    pub unit: &'static str,
    pub county_value: f64,
    pub sd: f64,
    /// `None` when the county value is 0: the CV is undefined.
    pub cv: Option<f64>,
    /// quality2017: the CV limit and whether the CV is within it (`None` under basic2012).
    pub limit: Option<f64>,
    pub passed: Option<bool>,
    /// quality2017: the value each school should reach, and how many do.
    pub standard: Option<f64>,
    pub schools_at_standard: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SchoolResult {
    pub row: usize,
    pub name: String,
    pub level: Level,
    pub school_type: SchoolType,
    pub group: Option<String>,
    pub included: bool,
    pub students: f64,
    pub values: BTreeMap<&'static str, f64>,
    /// quality2017 only: each indicator against the school's standard.
    pub standing: BTreeMap<&'static str, Standing>,
    /// quality2017 only: indicators at standard, and the per-school verdict.
    pub met: Option<usize>,
    pub passed: Option<bool>,
    pub reasons: Vec<String>,
}

/// One school's value of one indicator against its standard (quality2017).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Standing {
    pub standard: f64,
    /// value ≥ standard.
    pub meets: bool,
    /// value ÷ standard (1 when the standard is 0).
    pub share: f64,
    /// How much is missing to reach the standard: standard − value, or 0.
    pub shortfall: f64,
    /// Below the floor fraction of its standard (less than 85% nationally).
    pub below_floor: bool,
}

/// Reads the text and evaluates it. Unusable input gives an `Evaluation` with `errors`.
pub fn evaluate_text(text: &str, options: &Options) -> Evaluation {
    evaluate_grid(&input::read_grid(text), options)
}

/// Evaluates a table given as cells (from text, or from a spreadsheet's sheet).
pub fn evaluate_grid(grid: &[(usize, Vec<String>)], options: &Options) -> Evaluation {
    let errors = options.profile.validate(options.lang);
    if !errors.is_empty() {
        return failed(options, errors, Vec::new(), None);
    }
    match input::read_grid_reviewed(grid, &options.mapping, options.lang) {
        Ok(table) => evaluate_table(&table, options),
        Err((errors, review)) => failed(options, errors, Vec::new(), Some(review)),
    }
}

/// An evaluation that stopped at `errors`, keeping how the file was read when it was.
fn failed(options: &Options, errors: Vec<Problem>, warnings: Vec<Problem>, review: Option<input::Review>) -> Evaluation {
    Evaluation {
        standard: options.standard,
        profile: options.profile.name.clone(),
        profile_national: options.profile == Profile::national(),
        errors,
        warnings,
        review,
        ..Evaluation::default()
    }
}

pub fn evaluate_table(table: &Table, options: &Options) -> Evaluation {
    let (standard, lang, profile) = (options.standard, options.lang, &options.profile);
    let mut warnings = table.warnings.clone();
    let scope = profile.scope(standard);
    let mut excluded = Vec::new();
    let mut rows: Vec<SchoolRow> = Vec::new();
    for row in &table.rows {
        match scope::exclusion_reason(row, scope, lang) {
            Some(reason) => excluded.push(Exclusion {
                row: row.row,
                name: row.name.clone(),
                level: row.level,
                school_type: row.school_type,
                students: row.students,
                reason,
            }),
            None => rows.push(row.clone()),
        }
    }
    let included = Table { rows, ..table.clone() };
    let errors = included.check_needs(standard, lang);
    if !errors.is_empty() {
        return failed(options, errors, warnings, Some(table.review.clone()));
    }
    let mut rows = included.rows.clone();
    let (splits, errors, split_warnings) =
        scope::split_mixed_schools(&mut rows, table, profile.split_weights, &standard.resources(), lang);
    warnings.extend(split_warnings);
    if !errors.is_empty() {
        return failed(options, errors, warnings, Some(table.review.clone()));
    }
    let mut schools: Vec<SchoolResult> = rows.iter().map(|row| school_values(row, standard)).collect();
    if standard == Standard::Quality2017 {
        for school in &mut schools {
            judge_school(school, profile, lang);
        }
    }
    let levels: BTreeMap<Level, LevelResult> = Level::ALL
        .into_iter()
        .filter_map(|level| {
            let members: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].level == level).collect();
            (!members.is_empty()).then(|| {
                let level_rows: Vec<&SchoolRow> = members.iter().map(|&i| &rows[i]).collect();
                let level_schools: Vec<&SchoolResult> = members.iter().map(|&i| &schools[i]).collect();
                (level, evaluate_level(level, &level_rows, &level_schools, options))
            })
        })
        .collect();
    let cx = Context { standard, profile, lang, levels: &levels, rows: &included.rows, table };
    let (parts, overall) = assessment::assess(&options.answers, &cx);
    if !all_finite(&levels, &schools, &splits, &parts) {
        // The reader bounds every cell, so this is a bug; it must never become a verdict.
        let message = lang.pick("计算结果超出数值范围，无法得出结论：请检查数据中是否有异常大或异常小的数", "a result is out of numeric range, so there is no verdict: check the data for extreme numbers");
        return failed(options, vec![Problem { row: None, column: None, message: message.into() }], warnings, Some(table.review.clone()));
    }
    Evaluation {
        standard,
        profile: profile.name.clone(),
        profile_national: *profile == Profile::national(),
        levels,
        schools,
        excluded,
        splits,
        warnings,
        errors: Vec::new(),
        parts,
        overall: Some(overall),
        review: Some(table.review.clone()),
    }
}

/// True when every number a verdict rests on is finite.
fn all_finite(levels: &BTreeMap<Level, LevelResult>, schools: &[SchoolResult], splits: &[Split], parts: &[Part]) -> bool {
    let levels_ok = levels.values().all(|l| {
        l.students.is_finite()
            && l.composite_cv.is_none_or(f64::is_finite)
            && l.indicators.iter().all(|i| [i.county_value, i.sd].iter().all(|v| v.is_finite()) && i.cv.is_none_or(f64::is_finite))
    });
    let schools_ok = schools.iter().all(|s| {
        s.students.is_finite() && s.values.values().all(|v| v.is_finite()) && s.standing.values().all(|v| v.share.is_finite() && v.shortfall.is_finite())
    });
    let splits_ok = splits.iter().all(|s| s.resources.iter().all(|r| [r.total, r.primary, r.junior, r.senior].iter().all(|v| v.is_finite())));
    let parts_ok = parts.iter().all(|p| {
        p.score.is_none_or(f64::is_finite)
            && p.items.iter().all(|i| !matches!(i.value, Some(assessment::Value::Number(v)) if !v.is_finite()))
    });
    levels_ok && schools_ok && splits_ok && parts_ok
}

fn school_values(row: &SchoolRow, standard: Standard) -> SchoolResult {
    let values = standard
        .indicators()
        .iter()
        .map(|i| (i.key(), i.value(row.resource(i.resource()).unwrap_or(0.0), row.students)))
        .collect();
    SchoolResult {
        row: row.row,
        name: row.name.clone(),
        level: row.level,
        school_type: row.school_type,
        group: row.group.clone(),
        included: true,
        students: row.students,
        values,
        standing: BTreeMap::new(),
        met: None,
        passed: None,
        reasons: Vec::new(),
    }
}

/// quality2017's per-school rule: at least `min_met` indicators at standard, and every
/// other one at least `floor_fraction` of its standard.
fn judge_school(school: &mut SchoolResult, profile: &Profile, lang: Lang) {
    let rule = &profile.quality2017;
    let mut met = 0;
    let mut below_floor = false;
    let mut reasons = Vec::new();
    for standard in &rule.standards {
        let minimum = standard.minimum.get(school.level);
        let value = school.values.get(standard.key.key()).copied().unwrap_or(0.0);
        let share = if minimum > 0.0 { value / minimum } else { 1.0 };
        let meets = value >= minimum;
        let floor = !meets && share < rule.floor_fraction;
        let shortfall = (minimum - value).max(0.0);
        school.standing.insert(standard.key.key(), Standing { standard: minimum, meets, share, shortfall, below_floor: floor });
        if meets {
            met += 1;
            continue;
        }
        below_floor |= floor;
        reasons.push(match lang {
            Lang::Zh => format!(
                "{} {}{}，未达到标准 {}（为标准的 {:.1}%）",
                standard.key.name(lang),
                display(value),
                standard.key.unit(lang),
                minimum,
                share * 100.0
            ),
            Lang::En => format!(
                "{} is {} {}, below the standard {} ({:.1}% of it)",
                standard.key.name(lang),
                display(value),
                standard.key.unit(lang),
                minimum,
                share * 100.0
            ),
        });
    }
    let passed = met >= rule.min_met && !below_floor;
    if !passed {
        let floor = rule.floor_fraction * 100.0;
        reasons.push(match lang {
            Lang::Zh => format!("{}项达标（要求至少{}项达标、其余不低于标准的{floor}%）", met, rule.min_met),
            Lang::En => format!("{met} indicators at standard (needs at least {} and the rest at {floor}% or more)", rule.min_met),
        });
    }
    school.met = Some(met);
    school.passed = Some(passed);
    school.reasons = reasons;
}

/// A value for a sentence: two decimals, enough for every indicator's unit.
fn display(value: f64) -> String {
    format!("{value:.2}")
}

fn evaluate_level(level: Level, rows: &[&SchoolRow], schools: &[&SchoolResult], options: &Options) -> LevelResult {
    let (standard, lang, profile) = (options.standard, options.lang, &options.profile);
    let mut reasons = Vec::new();
    let indicators: Vec<IndicatorResult> = standard
        .indicators()
        .iter()
        .map(|&indicator| evaluate_indicator(indicator, level, rows, schools, options))
        .collect();
    let (mut composite_cv, mut composite_limit, mut schools_passed) = (None, None, None);
    match standard {
        Standard::Basic2012 => {
            let limit = profile.basic2012.composite_limit.get(level);
            let cvs: Vec<f64> = indicators.iter().filter_map(|i| i.cv).collect();
            composite_limit = Some(limit);
            if cvs.len() < indicators.len() {
                reasons.extend(undefined_cvs(&indicators, lang));
            } else {
                composite_cv = statistics::mean(&cvs);
            }
            if let Some(cv) = composite_cv.filter(|cv| *cv > limit) {
                reasons.push(match lang {
                    Lang::Zh => format!("综合差异系数 {cv:.3} 高于 {limit:.2}"),
                    Lang::En => format!("composite CV {cv:.3} is above {limit:.2}"),
                });
            }
        }
        Standard::Quality2017 => {
            reasons.extend(undefined_cvs(&indicators, lang));
            for i in indicators.iter().filter(|i| i.passed == Some(false) && i.cv.is_some()) {
                let (cv, limit) = (i.cv.unwrap_or_default(), i.limit.unwrap_or_default());
                reasons.push(match lang {
                    Lang::Zh => format!("{}差异系数 {cv:.3} 高于 {limit:.2}", i.name),
                    Lang::En => format!("{}: CV {cv:.3} is above {limit:.2}", i.name),
                });
            }
            let failing: Vec<&str> =
                schools.iter().filter(|s| s.passed == Some(false)).map(|s| s.name.as_str()).collect();
            schools_passed = Some(schools.len() - failing.len());
            if !failing.is_empty() {
                reasons.push(match lang {
                    Lang::Zh => format!("{} 所学校未达到校际资源配置要求：{}", failing.len(), failing.join("、")),
                    Lang::En => format!("{} schools miss the per-school requirement: {}", failing.len(), failing.join(", ")),
                });
            }
        }
    }
    LevelResult {
        schools: rows.len(),
        students: rows.iter().map(|r| r.students).sum(),
        indicators,
        composite_cv,
        composite_limit,
        composite_passed: composite_limit.map(|limit| composite_cv.is_some_and(|cv| cv <= limit)),
        schools_passed,
        passed: reasons.is_empty(),
        reasons,
    }
}

fn undefined_cvs(indicators: &[IndicatorResult], lang: Lang) -> Vec<String> {
    indicators
        .iter()
        .filter(|i| i.cv.is_none())
        .map(|i| match lang {
            Lang::Zh => format!("{}的县域值为0，差异系数无法计算", i.name),
            Lang::En => format!("{}: the county value is 0, so the CV is undefined", i.name),
        })
        .collect()
}

fn evaluate_indicator(
    indicator: Indicator,
    level: Level,
    rows: &[&SchoolRow],
    schools: &[&SchoolResult],
    options: &Options,
) -> IndicatorResult {
    let shares: Vec<Share> = rows
        .iter()
        .map(|r| Share { students: r.students, resource: r.resource(indicator.resource()).unwrap_or(0.0) })
        .collect();
    // Every row has students > 0 (the reader guarantees it), so a dispersion exists.
    let dispersion = statistics::weighted_dispersion(&shares, indicator.scale())
        .unwrap_or(statistics::Dispersion { county_value: 0.0, sd: 0.0, cv: None });
    let quality = options.standard == Standard::Quality2017;
    let limit = quality.then(|| options.profile.quality2017.cv_limit.get(level));
    let minimum = if quality { options.profile.quality2017.minimum(indicator, level) } else { None };
    IndicatorResult {
        key: indicator.key(),
        name: indicator.name(options.lang),
        unit: indicator.unit(options.lang),
        county_value: dispersion.county_value,
        sd: dispersion.sd,
        cv: dispersion.cv,
        limit,
        passed: limit.map(|limit| dispersion.cv.is_some_and(|cv| cv <= limit)),
        standard: minimum,
        schools_at_standard: minimum.map(|m| schools.iter().filter(|s| s.values.get(indicator.key()).is_some_and(|v| *v >= m)).count()),
    }
}
