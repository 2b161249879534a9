//! What one unit of each resource costs a county, for the rectification plan (plan.rs).
//!
//! The defaults are round planning estimates, documented in docs/PLAN.md with what each rests
//! on; they are not prices. A county replaces them with its own (预算定额, 招标价), in the
//! page's cost table or with `junheng plan --costs FILE.json`.

use crate::args;
use crate::diagnostics::{Code, Problem};
use crate::model::{Lang, Resource};
use crate::template::Column;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// 元 per unit of each resource, keyed by the template column's English key, and per teacher
/// moved between schools (交流轮岗).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct UnitCosts {
    pub resources: BTreeMap<String, f64>,
    pub transfer: f64,
}

/// A year of one full-time teacher's pay and contributions: a hire, or an existing teacher
/// brought up to the column (学历提升, 职称评聘, 骨干认定) counted at the same price.
const TEACHER: f64 = 120_000.0;

/// The defaults (元): see docs/PLAN.md for what each rests on.
pub fn default_cost(resource: Resource) -> f64 {
    use Resource::*;
    match resource {
        Teachers | QualifiedTeachers | SeniorTitleTeachers | BackboneTeachers | PeArtTeachers => TEACHER,
        // Building teaching and auxiliary rooms, per ㎡ of floor area.
        TeachingArea => 3_000.0,
        // A surfaced sports ground (塑胶跑道, 球场), per ㎡.
        SportsArea => 300.0,
        // The indicator is itself in 元.
        EquipmentValue => 1.0,
        // An interactive display, computer and network for one classroom.
        MultimediaRooms => 30_000.0,
        Computers => 5_000.0,
        Books => 30.0,
    }
}

/// The dearest unit cost accepted: far above any real one, and finite in every sum.
const MAX_COST: f64 = 1e12;

/// One teacher moved for a year (a rotation allowance, travel, housing).
pub const DEFAULT_TRANSFER: f64 = 20_000.0;

/// The natural unit a plan adds: whole persons, rooms, computers, books; whole ㎡ and 元.
pub fn unit_name(resource: Resource, lang: Lang) -> &'static str {
    use Resource::*;
    match resource {
        Teachers | QualifiedTeachers | SeniorTitleTeachers | BackboneTeachers | PeArtTeachers => lang.pick("人", "teachers"),
        TeachingArea | SportsArea => "㎡",
        EquipmentValue => lang.pick("元", "yuan"),
        MultimediaRooms => lang.pick("间", "rooms"),
        Computers => lang.pick("台", "computers"),
        Books => lang.pick("册", "books"),
    }
}

/// The template column key of a resource (`teaching_area`, `qualified_teachers`, …).
pub fn column_key(resource: Resource) -> &'static str {
    Column::Resource(resource).key()
}

impl Default for UnitCosts {
    fn default() -> Self {
        UnitCosts {
            resources: Resource::ALL.iter().map(|&r| (column_key(r).to_string(), default_cost(r))).collect(),
            transfer: DEFAULT_TRANSFER,
        }
    }
}

impl UnitCosts {
    /// The cost of one unit of `resource`.
    pub fn of(&self, resource: Resource) -> f64 {
        self.resources.get(column_key(resource)).copied().unwrap_or_else(|| default_cost(resource))
    }

    /// Every cost a finite number ≥ 0 under a known key, or the problem naming the first that is not.
    pub fn check(&self, lang: Lang) -> Result<(), Problem> {
        let costs = self.resources.iter().map(|(k, v)| (k.as_str(), *v)).chain([("transfer", self.transfer)]);
        for (key, value) in costs {
            if !(value.is_finite() && (0.0..=MAX_COST).contains(&value)) {
                return Err(Problem::error(Code::CostNotNumber, args!["key" => key, "max" => MAX_COST], lang).in_column(key));
            }
            if key != "transfer" && !Resource::ALL.iter().any(|&r| column_key(r) == key) {
                return Err(Problem::error(Code::UnknownCost, args!["key" => key], lang).in_column(key));
            }
        }
        Ok(())
    }

    /// The defaults with the given costs in place of theirs: `{ "<column key>": 元, "transfer": 元 }`.
    /// An unknown key, or a cost that is not a finite number ≥ 0, is refused naming it.
    pub fn from_json(text: &str, lang: Lang) -> Result<UnitCosts, Problem> {
        let given: BTreeMap<String, serde_json::Value> =
            serde_json::from_str(text).map_err(|e| crate::project::shape_problem("costs", e, lang))?;
        let mut costs = UnitCosts::default();
        for (key, value) in given {
            let number = value.as_f64().filter(|v| v.is_finite() && (0.0..=MAX_COST).contains(v));
            let Some(number) = number else {
                return Err(Problem::error(Code::CostNotNumber, args!["key" => key.as_str()], lang).in_column(key));
            };
            if key == "transfer" {
                costs.transfer = number;
            } else if Resource::ALL.iter().any(|&r| column_key(r) == key) {
                costs.resources.insert(key, number);
            } else {
                return Err(Problem::error(Code::UnknownCost, args!["key" => key.as_str()], lang).in_column(key));
            }
        }
        Ok(costs)
    }
}
