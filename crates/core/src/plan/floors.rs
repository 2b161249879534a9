//! quality2017's per-school rule as floors for the solver: each school must reach the
//! standard in `min_met` indicators and `floor_fraction` (85%) of it in the others. Which ones
//! it leaves at 85% is chosen here, once, before the CVs are planned.
//!
//! The choice: the indicators whose full raise would cost the most beyond the 85% raise
//! (the "saving"), because leaving those at 85% saves the most. This is the cheapest choice
//! for the floors alone; a CV that later raises the school anyway can make another choice
//! cheaper, which is why the plan also reports a lower bound (docs/PLAN.md).

use super::costs::UnitCosts;
use super::units::Column;
use crate::args;
use crate::diagnostics::{Code, Problem};
use crate::indicators::Indicator;
use crate::model::{Lang, Level};
use crate::standards::Quality2017Profile;
use serde::Serialize;
use std::collections::HashMap;

/// A school's indicator left at the floor fraction of its standard, and why: leaving it there
/// instead of raising it to the standard saves `saving` 元 (0 when it is already there).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Exempt {
    pub indicator: &'static str,
    pub value: f64,
    pub standard: f64,
    pub floor: f64,
    pub saving: f64,
}

/// One school's part of the per-school rule in the plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct SchoolPlan {
    pub row: usize,
    pub name: String,
    pub level: Level,
    pub exempt: Vec<Exempt>,
}

/// The least value of each school (by line) and indicator, with the choices made.
#[derive(Default)]
pub struct Floors {
    values: HashMap<(usize, Indicator), f64>,
    pub schools: Vec<SchoolPlan>,
    pub problems: Vec<Problem>,
}

impl Floors {
    pub fn get(&self, row: usize, indicator: Indicator) -> f64 {
        self.values.get(&(row, indicator)).copied().unwrap_or(0.0)
    }
}

/// Chooses every school's floors from the level's columns (one per indicator, the schools in
/// the same order in each, as `Layout::column` gives them).
pub fn choose(columns: &[Column], rule: &Quality2017Profile, costs: &UnitCosts, lang: Lang, floors: &mut Floors) {
    let Some(first) = columns.first() else { return };
    let level = first.level;
    let spare = columns.len().saturating_sub(rule.min_met);
    for (j, site) in first.sites.iter().enumerate() {
        let fixed = columns.iter().all(|c| c.units[j].part == 0.0);
        // (indicator, value, standard, saving) per indicator with a standard.
        let mut options: Vec<(Indicator, f64, f64, f64)> = columns
            .iter()
            .filter_map(|c| {
                let standard = rule.minimum(c.indicator, level)?;
                let unit = c.units[j];
                let raise = |to: f64| (to - unit.value()).max(0.0);
                let saving = if unit.part > 0.0 {
                    costs.of(c.indicator.resource()) * (raise(standard) - raise(rule.floor_fraction * standard)) / unit.step()
                } else {
                    // Nothing can be added: leave out what falls furthest short.
                    raise(standard) / standard.max(f64::MIN_POSITIVE)
                };
                Some((c.indicator, unit.value(), standard, saving))
            })
            .collect();
        options.sort_by(|a, b| b.3.total_cmp(&a.3));
        let exempt: Vec<Exempt> = options
            .iter()
            .take(spare)
            .filter(|o| o.1 < o.2)
            .map(|&(indicator, value, standard, saving)| Exempt {
                indicator: indicator.key(),
                value,
                standard,
                floor: rule.floor_fraction * standard,
                saving: if fixed { 0.0 } else { saving },
            })
            .collect();
        let mut meets = true;
        for &(indicator, value, standard, _) in &options {
            let floor = if exempt.iter().any(|e| e.indicator == indicator.key()) { rule.floor_fraction * standard } else { standard };
            meets &= value >= floor;
            floors.values.insert((site.row, indicator), floor);
        }
        if fixed && !meets {
            let args = args!["name" => site.name.as_str(), "level" => level.name(lang)];
            floors.problems.push(Problem::error(Code::PlanFixedFails, args, lang).at_row(site.row));
        }
        floors.schools.push(SchoolPlan { row: site.row, name: site.name.clone(), level, exempt });
    }
}
