//! The plan as the CLI prints it and the page reads it: the `junheng plan` contract.

use super::floors::SchoolPlan;
use crate::diagnostics::Problem;
use crate::evaluation::Evaluation;
use crate::model::Level;
use crate::standards::Standard;
use serde::Serialize;
use std::collections::BTreeMap;

/// The plan: the `junheng plan` contract.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Plan {
    pub standard: Standard,
    pub margin: f64,
    /// The optimiser's plan, or the simple method's where that came out cheaper.
    pub method: Method,
    /// The planned data passes the resource part with the margin.
    pub feasible: bool,
    pub total_cost: f64,
    /// 元 per unit, by template column key.
    pub unit_costs: BTreeMap<String, f64>,
    /// 元 per teacher moved.
    pub transfer_cost: f64,
    pub additions: Vec<Addition>,
    pub transfers: Vec<Transfer>,
    /// The sums per school and per resource.
    pub totals: Totals,
    /// quality2017: which indicators each school leaves at the floor fraction, and why.
    pub schools: Vec<SchoolPlan>,
    /// Every CV before, the CV planned for it, and after.
    pub targets: Vec<Target>,
    /// No plan can cost less (元); given when it can be proven (no mixed school, no rotation,
    /// and under basic2012 no 专任教师 that come with hires of a kind).
    pub lower_bound: Option<f64>,
    /// Why the plan cannot pass, when it cannot (a fixed school, an unreachable CV).
    pub problems: Vec<Problem>,
    /// The evaluation of the planned data: the proof.
    pub after: Evaluation,
}

/// Resources added to one row: to the whole-school total when `whole_school`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Addition {
    pub row: usize,
    pub name: String,
    pub level: Level,
    /// The template column's key.
    pub column: &'static str,
    pub add: f64,
    pub unit: &'static str,
    pub cost: f64,
    pub whole_school: bool,
    /// The standard's indicator this column feeds (none for 专任教师 under quality2017), and
    /// the school's value of it before and after the plan (at this row's level).
    pub indicator: Option<&'static str>,
    pub current: Option<f64>,
    pub target: Option<f64>,
    /// For 专任教师 that come with teachers of a kind added beyond the school's count: the
    /// column whose additions they are (already paid there, so `cost` is 0).
    pub counted_in: Option<&'static str>,
}

/// Teachers moved between two schools.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Transfer {
    pub from: Place,
    pub to: Place,
    pub column: &'static str,
    /// Whole persons: far below 2⁵³, a plain number in JSON.
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub count: u64,
    pub cost: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Place {
    pub row: usize,
    pub name: String,
    pub level: Level,
}

/// One indicator of one level: its CV before, the CV the plan brings it to, and after.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Target {
    pub level: Level,
    pub indicator: &'static str,
    pub before: Option<f64>,
    pub planned: Option<f64>,
    pub after: Option<f64>,
}

/// Which candidate a plan is: the optimiser's, or the simple method's (baseline.rs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum Method {
    #[default]
    Optimised,
    Baseline,
}

/// The plan's sums: what each school receives, what each resource costs in all.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Totals {
    /// By school name (a mixed school's levels together), in the order of the file.
    pub schools: Vec<SchoolTotal>,
    /// By template column, in the template's order.
    pub resources: Vec<ResourceTotal>,
    /// All moves together: what they cost, and how many teachers move.
    pub transfers: f64,
    pub moved: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct SchoolTotal {
    pub name: String,
    pub cost: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct ResourceTotal {
    pub column: &'static str,
    pub add: f64,
    pub unit: &'static str,
    pub cost: f64,
    /// Bought in its own right (the plan's summary names it): it costs, or none of its
    /// additions is only counted inside another column's (`Addition::counted_in`).
    pub bought: bool,
}
