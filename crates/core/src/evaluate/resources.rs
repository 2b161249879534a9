//! The resource part of a standard (SPEC §1–§3.1): per level, every indicator's county
//! value, SD and CV against its limit; basic2012's composite; quality2017's per-school rule.

use crate::indicators::{Indicator, PerIndicator};
use crate::model::{Lang, Level, Levels, Locality, SchoolRow, SchoolType};
use crate::numbers;
use crate::standards::{Profile, Standard};
use crate::statistics::{self, Share};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

/// What the resources are judged by.
#[derive(Clone, Copy)]
pub struct Rules<'a> {
    pub standard: Standard,
    pub profile: &'a Profile,
    pub lang: Lang,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
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
    /// How many of the level's schools the scope left out (listed in `excluded`).
    pub excluded: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
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
    /// Who makes the CV: each school's share of the weighted variance, largest first (ties
    /// in row order), summing to 1; empty when every school has the county value.
    pub contributions: Vec<Contribution>,
    /// With a 乡镇/学区 column: the weighted variance split into the differences inside the
    /// groups and between them (S² = within + between), and each group's own dispersion.
    pub groups: Option<Decomposition>,
    /// The same split with a 城乡类型 column, the groups named by `Locality` key (urban,
    /// town, rural); schools without one are in the group "".
    pub localities: Option<Decomposition>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Decomposition {
    /// `Σ_g (P_g/P)·S_g²`: schools differing from their own group's value.
    pub within: f64,
    /// `Σ_g (P_g/P)·(X̄_g − X̄)²`: groups differing from the county value.
    pub between: f64,
    /// In the order they first appear in the file; a school without a group is in the one named "".
    pub groups: Vec<GroupDispersion>,
    /// `within` and `between` as shares of the variance they make up (`None` when it is 0:
    /// every school has the county value).
    pub within_share: Option<f64>,
    pub between_share: Option<f64>,
    /// The groups with the lowest and the highest value, as indices into `groups` (the first
    /// lowest and the last highest in the file's order).
    pub lowest: usize,
    pub highest: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct GroupDispersion {
    pub name: String,
    pub schools: usize,
    pub students: f64,
    pub value: f64,
    pub sd: f64,
    pub cv: Option<f64>,
}

/// One school's share of an indicator's weighted variance, (`P_i/P)(x_i` − X̄)² / S², and on
/// which side of the county value it stands: what a rectification plan starts from.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Contribution {
    pub row: usize,
    /// Shared by the school's contributions to every indicator (a province has millions).
    pub name: Arc<str>,
    pub share: f64,
    pub direction: Direction,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Below,
    Above,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct SchoolResult {
    pub row: usize,
    pub name: String,
    /// 学校标识码, when the table has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub code: Option<String>,
    pub level: Level,
    pub school_type: SchoolType,
    pub group: Option<String>,
    pub locality: Option<Locality>,
    pub included: bool,
    pub students: f64,
    #[cfg_attr(feature = "typescript", ts(as = "std::collections::BTreeMap<&'static str, f64>"))]
    pub values: PerIndicator<f64>,
    /// quality2017 only: each indicator against the school's standard.
    #[cfg_attr(feature = "typescript", ts(as = "std::collections::BTreeMap<&'static str, Standing>"))]
    pub standing: PerIndicator<Standing>,
    /// quality2017 only: indicators at standard, and the per-school verdict.
    pub met: Option<usize>,
    pub passed: Option<bool>,
    pub reasons: Vec<String>,
}

/// One school's value of one indicator against its standard (quality2017).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
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

/// Every school's values (and, under quality2017, its per-school verdict), and every level's
/// indicators and verdict. `rows` are the schools in scope, mixed schools already split.
pub fn evaluate_resources(rows: &[SchoolRow], rules: &Rules) -> (Vec<SchoolResult>, Levels<LevelResult>) {
    let mut schools: Vec<SchoolResult> = rows.iter().map(|row| school_values(row, rules.standard)).collect();
    if rules.standard == Standard::Quality2017 {
        for school in &mut schools {
            judge_school(school, rules.profile, rules.lang);
        }
    }
    let levels = Level::ALL
        .into_iter()
        .filter_map(|level| {
            let members: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].level == level).collect();
            (!members.is_empty()).then(|| {
                let level_rows: Vec<&SchoolRow> = members.iter().map(|&i| &rows[i]).collect();
                let level_schools: Vec<&SchoolResult> = members.iter().map(|&i| &schools[i]).collect();
                (level, evaluate_level(level, &level_rows, &level_schools, rules))
            })
        })
        .collect();
    (schools, levels)
}

fn school_values(row: &SchoolRow, standard: Standard) -> SchoolResult {
    let values = standard.indicators().iter().map(|&i| (i, i.value(row.resource(i.resource()).unwrap_or(0.0), row.students))).collect();
    SchoolResult {
        row: row.row,
        name: row.name.clone(),
        code: row.code.clone(),
        level: row.level,
        school_type: row.school_type,
        group: row.group.clone(),
        locality: row.locality,
        included: true,
        students: row.students,
        values,
        standing: PerIndicator::default(),
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
        let value = school.values.of(standard.key).copied().unwrap_or(0.0);
        let share = if minimum > 0.0 { value / minimum } else { 1.0 };
        let meets = value >= minimum;
        let floor = !meets && share < rule.floor_fraction;
        let shortfall = (minimum - value).max(0.0);
        school.standing.insert(standard.key, Standing { standard: minimum, meets, share, shortfall, below_floor: floor });
        if meets {
            met += 1;
            continue;
        }
        below_floor |= floor;
        reasons.push(lang.script(match lang {
            Lang::Zh | Lang::ZhHant => format!(
                "{} {}{}，未达到标准 {}（为标准的 {}%）",
                standard.key.name(lang),
                numbers::value(value),
                standard.key.unit(lang),
                minimum,
                numbers::percent(share)
            ),
            #[cfg(feature = "en")]
            Lang::En => format!(
                "{} is {} {}, below the standard {} ({}% of it)",
                standard.key.name(lang),
                numbers::value(value),
                standard.key.unit(lang),
                minimum,
                numbers::percent(share)
            ),
        }));
    }
    let passed = met >= rule.min_met && !below_floor;
    if !passed {
        let floor = rule.floor_fraction * 100.0;
        reasons.push(lang.script(match lang {
            Lang::Zh | Lang::ZhHant => format!("{}项达标（要求至少{}项达标、其余不低于标准的{floor}%）", met, rule.min_met),
            #[cfg(feature = "en")]
            Lang::En => format!("{met} indicators at standard (needs at least {} and the rest at {floor}% or more)", rule.min_met),
        }));
    }
    school.met = Some(met);
    school.passed = Some(passed);
    school.reasons = reasons;
}

/// The schools that miss the per-school rule, by name: the first few, since a province has
/// tens of thousands (each school's row in the result says the rest).
fn failing_schools(failing: &[&str], lang: Lang) -> String {
    const NAMED: usize = 10;
    let (n, named) = (failing.len(), &failing[..failing.len().min(NAMED)]);
    lang.script_keeping(
        match (lang, n > NAMED) {
            (Lang::Zh | Lang::ZhHant, false) => format!("{n} 所学校未达到校际资源配置要求：{}", named.join("、")),
            (Lang::Zh | Lang::ZhHant, true) => format!("{n} 所学校未达到校际资源配置要求：{}等（每所学校见下表）", named.join("、")),
            #[cfg(feature = "en")]
            (Lang::En, false) => format!("{n} schools miss the per-school requirement: {}", named.join(", ")),
            #[cfg(feature = "en")]
            (Lang::En, true) => {
                format!("{n} schools miss the per-school requirement: {} and {} more (see the table)", named.join(", "), n - NAMED)
            }
        },
        named,
    )
}

fn evaluate_level(level: Level, rows: &[&SchoolRow], schools: &[&SchoolResult], rules: &Rules) -> LevelResult {
    let (standard, lang, profile) = (rules.standard, rules.lang, rules.profile);
    let mut reasons = Vec::new();
    let of = LevelRows {
        rows,
        names: rows.iter().map(|r| Arc::from(r.name.as_str())).collect(),
        groups: Grouping::of(rows.iter().map(|r| r.group.as_deref()).collect()),
        localities: Grouping::of(rows.iter().map(|r| r.locality.map(Locality::key)).collect()),
    };
    let indicators: Vec<IndicatorResult> =
        standard.indicators().iter().map(|&indicator| evaluate_indicator(indicator, level, &of, schools, rules)).collect();
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
                reasons.push(lang.script(match lang {
                    Lang::Zh | Lang::ZhHant => format!("综合差异系数 {} 高于 {}", numbers::cv(cv), numbers::limit(limit)),
                    #[cfg(feature = "en")]
                    Lang::En => format!("composite CV {} is above {}", numbers::cv(cv), numbers::limit(limit)),
                }));
            }
        }
        Standard::Quality2017 => {
            reasons.extend(undefined_cvs(&indicators, lang));
            for i in indicators.iter().filter(|i| i.passed == Some(false) && i.cv.is_some()) {
                let (cv, limit) = (i.cv.unwrap_or_default(), i.limit.unwrap_or_default());
                reasons.push(lang.script(match lang {
                    Lang::Zh | Lang::ZhHant => format!("{}差异系数 {} 高于 {}", i.name, numbers::cv(cv), numbers::limit(limit)),
                    #[cfg(feature = "en")]
                    Lang::En => format!("{}: CV {} is above {}", i.name, numbers::cv(cv), numbers::limit(limit)),
                }));
            }
            let failing: Vec<&str> = schools.iter().filter(|s| s.passed == Some(false)).map(|s| s.name.as_str()).collect();
            schools_passed = Some(schools.len() - failing.len());
            if !failing.is_empty() {
                reasons.push(failing_schools(&failing, lang));
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
        excluded: 0,
    }
}

fn undefined_cvs(indicators: &[IndicatorResult], lang: Lang) -> Vec<String> {
    indicators
        .iter()
        .filter(|i| i.cv.is_none())
        .map(|i| {
            lang.script(match lang {
                Lang::Zh | Lang::ZhHant => format!("{}的县域值为0，差异系数无法计算", i.name),
                #[cfg(feature = "en")]
                Lang::En => format!("{}: the county value is 0, so the CV is undefined", i.name),
            })
        })
        .collect()
}

/// A level's rows and what every indicator reads of them, found once for the level.
struct LevelRows<'r> {
    rows: &'r [&'r SchoolRow],
    names: Vec<Arc<str>>,
    groups: Option<Grouping<'r>>,
    localities: Option<Grouping<'r>>,
}

/// The rows grouped by a name (乡镇/学区, or 城乡类型): the groups' names in the order they
/// first appear, and each row's group.
struct Grouping<'r> {
    names: Vec<&'r str>,
    of_row: Vec<usize>,
}

impl<'r> Grouping<'r> {
    /// From each row's group; none when no row has one. Hashed: a nation's file read as one
    /// county has tens of thousands of townships; found once per level, not per indicator.
    /// (The rows' groups are collected first: one copy of the hashing's code, not one for
    /// each way of naming a group.)
    fn of(group_of_row: Vec<Option<&'r str>>) -> Option<Grouping<'r>> {
        group_of_row.iter().any(|g| g.is_some_and(|g| !g.is_empty())).then_some(())?;
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut names = Vec::new();
        let of_row = group_of_row
            .into_iter()
            .map(|group| {
                let name = group.unwrap_or("");
                *index.entry(name).or_insert_with(|| {
                    names.push(name);
                    names.len() - 1
                })
            })
            .collect();
        Some(Grouping { names, of_row })
    }
}

fn evaluate_indicator(indicator: Indicator, level: Level, of: &LevelRows, schools: &[&SchoolResult], rules: &Rules) -> IndicatorResult {
    let rows = of.rows;
    let shares: Vec<Share> =
        rows.iter().map(|r| Share { students: r.students, resource: r.resource(indicator.resource()).unwrap_or(0.0) }).collect();
    // Every row has students > 0 (the reader guarantees it), so a dispersion exists.
    let dispersion = statistics::weighted_dispersion(&shares, indicator.scale()).unwrap_or(statistics::Dispersion {
        county_value: 0.0,
        sd: 0.0,
        cv: None,
    });
    let quality = rules.standard == Standard::Quality2017;
    let limit = quality.then(|| rules.profile.quality2017.cv_limit.get(level));
    let minimum = if quality { rules.profile.quality2017.minimum(indicator, level) } else { None };
    IndicatorResult {
        key: indicator.key(),
        name: indicator.name(rules.lang),
        unit: indicator.unit(rules.lang),
        county_value: dispersion.county_value,
        sd: dispersion.sd,
        cv: dispersion.cv,
        limit,
        passed: limit.map(|limit| dispersion.cv.is_some_and(|cv| cv <= limit)),
        standard: minimum,
        schools_at_standard: minimum.map(|m| schools.iter().filter(|s| s.values.of(indicator).is_some_and(|v| *v >= m)).count()),
        contributions: contributions(rows, &of.names, &shares, indicator.scale(), &dispersion),
        groups: decomposition(of.groups.as_ref(), &shares, indicator.scale(), &dispersion),
        localities: decomposition(of.localities.as_ref(), &shares, indicator.scale(), &dispersion),
    }
}

/// The variance split by the level's grouping (乡镇/学区, or 城乡类型; none when no
/// school has one): each group's own dispersion, from which within = `Σ (P_g/P)·S_g²` and
/// between = `Σ (P_g/P)·(X̄_g − X̄)²`.
fn decomposition(grouping: Option<&Grouping>, shares: &[Share], scale: f64, dispersion: &statistics::Dispersion) -> Option<Decomposition> {
    let grouping = grouping?;
    let mut members: Vec<Vec<Share>> = vec![Vec::new(); grouping.names.len()];
    for (&at, share) in grouping.of_row.iter().zip(shares) {
        members[at].push(*share);
    }
    let total: f64 = shares.iter().map(|s| s.students).sum();
    let (mut within, mut between) = (0.0, 0.0);
    let groups = grouping
        .names
        .iter()
        .zip(&members)
        .map(|(name, list)| {
            let own =
                statistics::weighted_dispersion(list, scale).unwrap_or(statistics::Dispersion { county_value: 0.0, sd: 0.0, cv: None });
            let students: f64 = list.iter().map(|s| s.students).sum();
            within += students / total * own.sd * own.sd;
            between += students / total * (own.county_value - dispersion.county_value).powi(2);
            GroupDispersion { name: (*name).to_string(), schools: list.len(), students, value: own.county_value, sd: own.sd, cv: own.cv }
        })
        .collect::<Vec<GroupDispersion>>();
    let variance = within + between;
    let (within_share, between_share) = if variance > 0.0 { (Some(within / variance), Some(between / variance)) } else { (None, None) };
    let by_value = |a: &(usize, &GroupDispersion), b: &(usize, &GroupDispersion)| a.1.value.total_cmp(&b.1.value);
    let lowest = groups.iter().enumerate().min_by(by_value).map_or(0, |(i, _)| i);
    let highest = groups.iter().enumerate().max_by(by_value).map_or(0, |(i, _)| i);
    Some(Decomposition { within, between, groups, within_share, between_share, lowest, highest })
}

/// The schools' shares of the variance, largest first.
fn contributions(
    rows: &[&SchoolRow],
    names: &[Arc<str>],
    shares: &[Share],
    scale: f64,
    dispersion: &statistics::Dispersion,
) -> Vec<Contribution> {
    let mut list: Vec<Contribution> = statistics::variance_parts(shares, scale, dispersion)
        .into_iter()
        .zip(rows.iter().zip(names))
        .map(|((share, below), (row, name))| Contribution {
            row: row.row,
            name: Arc::clone(name),
            share,
            direction: if below { Direction::Below } else { Direction::Above },
        })
        .collect();
    list.sort_unstable_by(|a, b| b.share.total_cmp(&a.share).then(a.row.cmp(&b.row)));
    list
}
