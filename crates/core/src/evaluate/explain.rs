//! One CV computed step by step, the way the official handout lays it out (SPEC §1): a row per
//! school with `P_i`, `R_i`, `x_i`, `P_i/P`, `x_i − X̄` and `(P_i/P)(x_i − X̄)²`, then the sums,
//! S, X̄ and the CV; beside it the two spreadsheet recipes (the unweighted population and
//! sample CVs), so that a class can see why STDEV/AVERAGE gives another number. The numbers
//! are the core's, unrounded; the page lays them out.

use crate::args;
use crate::diagnostics::{Code, Problem};
use crate::evaluation::{read_checked, scoped, Options};
use crate::indicators::Indicator;
use crate::model::Level;
use crate::record::Record;
use serde::Serialize;

/// The step-by-step computation of one indicator's CV at one level.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Explanation {
    pub level: Level,
    pub indicator: &'static str,
    pub name: &'static str,
    pub unit: &'static str,
    /// s: 100 for "per 100 students", else 1.
    pub scale: f64,
    /// quality2017: the value each school should reach (the profile's).
    pub standard: Option<f64>,
    pub steps: Vec<Step>,
    /// P = Σ `P_i`, Σ `R_i`.
    pub students: f64,
    pub resource: f64,
    /// X̄ = s·ΣR/ΣP.
    pub county_value: f64,
    /// S² = Σ (`P_i`/P)(`x_i` − X̄)², and S.
    pub variance: f64,
    pub sd: f64,
    /// S / X̄; none when X̄ is 0.
    pub cv: Option<f64>,
    /// The spreadsheet's recipes over the school values, every school counting once.
    pub unweighted: Unweighted,
}

/// One school's row of the handout's table.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Step {
    pub row: usize,
    pub name: String,
    pub students: f64,
    pub resource: f64,
    /// `x_i` = s·`R_i`/`P_i`.
    pub value: f64,
    /// `P_i`/P.
    pub weight: f64,
    /// `x_i` − X̄.
    pub deviation: f64,
    /// (`P_i`/P)(`x_i` − X̄)².
    pub term: f64,
    /// quality2017: whether the value reaches the standard.
    pub meets: Option<bool>,
    /// Its share of the variance, term / S² (0 when S is 0): who makes the CV.
    pub share: f64,
}

/// AVERAGE and STDEVP / STDEV of the school values, and their CVs.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Unweighted {
    pub mean: f64,
    pub sd_population: f64,
    pub cv_population: Option<f64>,
    /// None with a single school (n − 1 = 0).
    pub sd_sample: Option<f64>,
    pub cv_sample: Option<f64>,
}

/// The step-by-step computation for `level` and the indicator `key` of `options.standard`,
/// from a table given as cells. Unusable input, or an indicator or level the data has not,
/// gives the problems.
pub fn explain_grid(grid: &[(usize, Record)], options: &Options, level: Level, key: &str) -> Result<Explanation, Vec<Problem>> {
    let lang = options.lang;
    let table = read_checked(grid, options).map_err(|failed| failed.errors)?;
    let scoped = scoped(&table, options).map_err(|(errors, _)| errors)?;
    let indicator = options.standard.indicators().iter().copied().find(|i| i.key() == key);
    let shares: Vec<(usize, &str, f64, f64)> = scoped
        .rows
        .iter()
        .filter(|r| r.level == level)
        .map(|r| (r.row, r.name.as_str(), r.students, indicator.and_then(|i| r.resource(i.resource())).unwrap_or(0.0)))
        .collect();
    let Some(indicator) = indicator.filter(|_| !shares.is_empty()) else {
        let args = args!["indicator" => key, "level" => level.name(lang)];
        return Err(vec![Problem::error(Code::NothingToExplain, args, lang)]);
    };
    let standard = match options.standard {
        crate::Standard::Quality2017 => options.profile.quality2017.minimum(indicator, level),
        crate::Standard::Basic2012 => None,
    };
    Ok(explain(indicator, level, &shares, standard, lang))
}

/// The handout's table and sums for one indicator from each school's (row, name, P, R).
fn explain(
    indicator: Indicator,
    level: Level,
    schools: &[(usize, &str, f64, f64)],
    standard: Option<f64>,
    lang: crate::Lang,
) -> Explanation {
    let s = indicator.scale();
    let students: f64 = schools.iter().map(|x| x.2).sum();
    let resource: f64 = schools.iter().map(|x| x.3).sum();
    let county_value = s * resource / students;
    let mut steps: Vec<Step> = schools
        .iter()
        .map(|&(row, name, p, r)| {
            let (value, weight) = (s * r / p, p / students);
            let deviation = value - county_value;
            let meets = standard.map(|minimum| value >= minimum);
            Step {
                row,
                name: name.to_string(),
                students: p,
                resource: r,
                value,
                weight,
                deviation,
                term: weight * deviation * deviation,
                meets,
                share: 0.0,
            }
        })
        .collect();
    let variance: f64 = steps.iter().map(|x| x.term).sum();
    if variance > 0.0 {
        for step in &mut steps {
            step.share = step.term / variance;
        }
    }
    let sd = variance.sqrt();
    let values: Vec<f64> = steps.iter().map(|x| x.value).collect();
    Explanation {
        level,
        indicator: indicator.key(),
        name: indicator.name(lang),
        unit: indicator.unit(lang),
        scale: s,
        standard,
        steps,
        students,
        resource,
        county_value,
        variance,
        sd,
        cv: (county_value > 0.0).then(|| sd / county_value),
        unweighted: unweighted(&values),
    }
}

/// What a spreadsheet computes from the school values alone.
fn unweighted(values: &[f64]) -> Unweighted {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let squares: f64 = values.iter().map(|v| (v - mean).powi(2)).sum();
    let sd_population = (squares / n).sqrt();
    let sd_sample = (values.len() > 1).then(|| (squares / (n - 1.0)).sqrt());
    let cv = |sd: f64| (mean > 0.0).then(|| sd / mean);
    Unweighted { mean, sd_population, cv_population: cv(sd_population), sd_sample, cv_sample: sd_sample.and_then(cv) }
}
