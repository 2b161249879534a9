//! The rectification plan (整改台账): the least a county must add, and where, for its
//! resources to pass with a margin; every plan proven by evaluating the planned data.
//!
//! The parts: units.rs (a level's schools as the solver sees one indicator), floors.rs
//! (quality2017's per-school rule and which indicator each school leaves at 85%),
//! waterfill.rs (the exact cheapest raise of one indicator, then whole units), composite.rs
//! (basic2012: how far to bring each of the eight CVs so their mean passes), rotation.rs
//! (moving teachers instead of hiring), baseline.rs (the simple method, a second candidate),
//! costs.rs (unit costs), draft.rs (the planned table), contract.rs (the plan as printed),
//! ledger.rs (its figures and totals), apply.rs (the plan written into the user's cells).
//! docs/PLAN.md explains the method and its bounds.

mod apply;
mod baseline;
mod composite;
mod contract;
pub mod costs;
mod draft;
mod floors;
mod ledger;
mod rotation;
mod units;
pub mod waterfill;

pub use apply::apply;
pub use contract::{Addition, Method, Place, Plan, ResourceTotal, SchoolTotal, Target, Totals, Transfer};
pub use costs::UnitCosts;
pub use floors::{Exempt, SchoolPlan};

use crate::args;
use crate::diagnostics::{Code, Problem};
use crate::evaluation::{evaluate_table, Evaluation, Options};
use crate::input::Table;
use crate::model::{Level, Resource};
use crate::record::Record;
use crate::standards::Standard;
use draft::Draft;
use floors::Floors;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use units::{Column, Layout};

/// What the plan may do, and how much is left to spare.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[serde(default)]
pub struct PlanOptions {
    /// Every CV (basic2012: the composite) must end at most its limit minus this.
    pub margin: f64,
    pub costs: UnitCosts,
    /// Move teachers between schools (交流轮岗) where that is cheaper than hiring.
    pub rotation: bool,
    /// Lines of the user's file where nothing may be added.
    pub fixed: Vec<usize>,
}

pub const DEFAULT_MARGIN: f64 = 0.02;

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions { margin: DEFAULT_MARGIN, costs: UnitCosts::default(), rotation: false, fixed: Vec::new() }
    }
}

/// Rounds of planning: the first plans everything; later ones add what mixed schools' shared
/// facilities and teachers that come with hires moved (each only ever adds).
const ROUNDS: usize = 8;
/// The solver aims this far inside each target, so that the core's own CV, computed in
/// another order of operations, is within it.
const INSIDE: f64 = 1.0 - 1e-9;

/// `make_plan` for a table given as cells (text or a sheet), read as `evaluate_grid` reads it.
pub fn plan_grid(grid: &[(usize, Record)], options: &Options, plan: &PlanOptions) -> Result<Plan, Vec<Problem>> {
    let table = crate::evaluation::read_checked(grid, options).map_err(|failed| failed.errors)?;
    make_plan(&table, options, plan)
}

/// Plans the least additions (and, with rotation, moves) for `table` to pass the resource
/// part of `options.standard` with `plan.margin` to spare, and evaluates the planned data.
/// Unusable input, or a margin beyond the limits, gives the problems.
pub fn make_plan(table: &Table, options: &Options, plan: &PlanOptions) -> Result<Plan, Vec<Problem>> {
    let before = evaluate_table(table, options);
    if !before.errors.is_empty() {
        return Err(before.errors);
    }
    check_margin(&before, options, plan.margin)?;
    plan.costs.check(options.lang).map_err(|problem| vec![problem])?;
    let layout = Layout::new(table, &before, &plan.fixed);
    let floors = choose_floors(&before, table, &layout, options, plan);
    let run = |method| {
        let mut draft = Draft::new(table);
        let found = run(&mut draft, &before, &Planner { layout: &layout, floors: &floors, options, plan, method });
        (draft, found)
    };
    let (optimised, found) = run(Method::Optimised);
    let (simple, simple_found) = run(Method::Baseline);
    // The cheaper of the two proven plans; the optimiser's on a tie.
    let cost = |f: &Found| if f.feasible { f.cost } else { f64::INFINITY };
    let (draft, mut found) = if cost(&simple_found) < cost(&found) { (simple, simple_found) } else { (optimised, found) };
    // The simple method leaves nothing at the floor fraction: every school to every standard.
    let exempting = found.method == Method::Optimised;
    found.schools =
        floors.schools.iter().map(|s| SchoolPlan { exempt: if exempting { s.exempt.clone() } else { Vec::new() }, ..s.clone() }).collect();
    found.problems.splice(0..0, floors.problems.iter().cloned());
    Ok(finish(&draft, &before, options, plan, found))
}

/// Plans rounds into `draft` until its evaluation meets the target (or nothing more helps).
fn run(draft: &mut Draft, before: &Evaluation, p: &Planner) -> Found {
    let mut current = before.clone();
    let mut found = Found { method: p.method, ..Found::default() };
    for round in 0..ROUNDS {
        if meets_target(&current, p.options, p.plan.margin) {
            break;
        }
        let rows = draft.rows();
        let step = plan_round(&current, p, &Now { first: round == 0, draft, rows: &rows });
        if round == 0 {
            (found.bound, found.planned) = (step.bound, step.planned);
            found.problems.extend(step.problems);
        }
        if step.additions.is_empty() && step.moves.is_empty() {
            break;
        }
        draft.add(step.additions, step.moves);
        current = draft.evaluate(p.options);
    }
    found.feasible = current.errors.is_empty() && meets_target(&current, p.options, p.plan.margin);
    found.cost = draft.cost(&p.plan.costs);
    found.after = current;
    found
}

/// What planning found beside the draft: why it cannot pass, the bound, the CVs planned and
/// the per-school choices.
#[derive(Default)]
struct Found {
    method: Method,
    feasible: bool,
    cost: f64,
    after: Evaluation,
    problems: Vec<Problem>,
    bound: Option<f64>,
    planned: Vec<(Level, &'static str, f64)>,
    schools: Vec<SchoolPlan>,
}

/// The plan's result from the draft, with its proof.
fn finish(draft: &Draft, before: &Evaluation, options: &Options, plan: &PlanOptions, found: Found) -> Plan {
    let Found { method, feasible, cost, after, mut problems, bound, planned, schools } = found;
    let (mut additions, transfers) = draft.ledger(&plan.costs, options.lang);
    // The bound prices each column apart; 专任教师 that come free with hires of a kind lower
    // basic2012's teacher ratio CV outside that pricing, so there it proves nothing.
    let coupled = options.standard.resources().contains(&Resource::Teachers) && additions.iter().any(|a| a.counted_in.is_some());
    let bound = bound.filter(|_| !coupled);
    ledger::describe(&mut additions, options.standard, before, &after);
    let totals = ledger::totals(&additions, &transfers);
    if !feasible && problems.is_empty() {
        problems.push(Problem::error(Code::PlanNotReached, args![], options.lang));
    }
    Plan {
        standard: options.standard,
        margin: plan.margin,
        method,
        feasible,
        total_cost: cost,
        unit_costs: Resource::ALL.iter().map(|&r| (costs::column_key(r).to_string(), plan.costs.of(r))).collect(),
        transfer_cost: plan.costs.transfer,
        additions,
        transfers,
        totals,
        schools,
        targets: targets(before, &after, &planned),
        lower_bound: bound,
        problems,
        after,
    }
}

/// A margin is at least 0 and leaves every limit positive.
fn check_margin(before: &Evaluation, options: &Options, margin: f64) -> Result<(), Vec<Problem>> {
    let smallest = before.levels.keys().map(|&level| limit(options, level)).fold(f64::INFINITY, f64::min);
    if margin.is_finite() && margin >= 0.0 && margin < smallest {
        return Ok(());
    }
    let args = args!["margin" => margin, "limit" => if smallest.is_finite() { smallest } else { 0.0 }];
    // An option, not a column of the table: the problem names none.
    Err(vec![Problem::error(Code::MarginRange, args, options.lang)])
}

/// The limit of a level: basic2012's composite limit, quality2017's CV limit.
fn limit(options: &Options, level: Level) -> f64 {
    match options.standard {
        Standard::Basic2012 => options.profile.basic2012.composite_limit.get(level),
        Standard::Quality2017 => options.profile.quality2017.cv_limit.get(level),
    }
}

/// True when the resource part passes with `margin` to spare: basic2012's composite, or
/// quality2017's every CV and every school.
pub fn meets_target(eval: &Evaluation, options: &Options, margin: f64) -> bool {
    eval.levels.iter().all(|(&level, l)| {
        let target = limit(options, level) - margin;
        match options.standard {
            Standard::Basic2012 => l.composite_cv.is_some_and(|cv| cv <= target),
            Standard::Quality2017 => {
                l.schools_passed == Some(l.schools) && l.indicators.iter().all(|i| i.cv.is_some_and(|cv| cv <= target))
            }
        }
    })
}

/// quality2017's floors for every school, chosen once from the data as given.
fn choose_floors(before: &Evaluation, table: &Table, layout: &Layout, options: &Options, plan: &PlanOptions) -> Floors {
    let mut floors = Floors::default();
    if options.standard == Standard::Quality2017 {
        for &level in before.levels.keys() {
            let columns: Vec<Column> =
                options.standard.indicators().iter().map(|&i| layout.column(before, &table.rows, level, i, &|_| 0.0)).collect();
            floors::choose(&columns, &options.profile.quality2017, &plan.costs, options.lang, &mut floors);
        }
    }
    floors
}

/// What planning knows throughout.
struct Planner<'a> {
    layout: &'a Layout,
    floors: &'a Floors,
    options: &'a Options,
    plan: &'a PlanOptions,
    method: Method,
}

/// Where a round starts from.
struct Now<'a> {
    /// The first round plans everything (and moves teachers); later ones repair.
    first: bool,
    draft: &'a Draft<'a>,
    /// The table's rows as planned so far.
    rows: &'a [crate::model::SchoolRow],
}

/// What one round adds: whole units per (table row, resource), moves, and in the first round
/// the lower bound, the problems and the CV planned for each indicator.
#[derive(Default)]
struct Round {
    additions: BTreeMap<(usize, Resource), u64>,
    moves: Vec<draft::Moved>,
    bound: Option<f64>,
    problems: Vec<Problem>,
    planned: Vec<(Level, &'static str, f64)>,
}

fn plan_round(current: &Evaluation, p: &Planner, now: &Now) -> Round {
    let mut round = Round { bound: Some(0.0), ..Round::default() };
    for &level in current.levels.keys() {
        let indicators = p.options.standard.indicators();
        let mut columns: Vec<Column> =
            indicators.iter().map(|&i| p.layout.column(current, now.rows, level, i, &|row| p.floors.get(row, i))).collect();
        if p.method == Method::Baseline {
            plan_simply(&columns, level, p, &mut round);
            continue;
        }
        let Some(taus) = level_targets(current, level, &columns, p, now, &mut round) else { continue };
        for (column, tau) in columns.iter_mut().zip(taus) {
            // basic2012 leaves some CVs as they are: only the mean is judged.
            let Some(tau) = tau else { continue };
            round.planned.push((level, column.indicator.key(), tau));
            plan_column(column, tau * INSIDE, p, now, &mut round);
        }
    }
    if p.plan.rotation || round.additions.keys().any(|&(i, r)| now.draft.is_whole_school(i, r)) {
        round.bound = None;
    }
    round
}

/// The CV each indicator of a level must reach, and the level's lower bound added to the
/// round's; `None` (with a problem) when no plan can reach the level's target.
fn level_targets(
    current: &Evaluation,
    level: Level,
    columns: &[Column],
    p: &Planner,
    now: &Now,
    round: &mut Round,
) -> Option<Vec<Option<f64>>> {
    let target = limit(p.options, level) - p.plan.margin;
    match p.options.standard {
        Standard::Quality2017 => {
            if now.first {
                let rule = &p.options.profile.quality2017;
                let relaxed: f64 = p
                    .options
                    .standard
                    .indicators()
                    .iter()
                    .map(|&i| {
                        let floor = rule.minimum(i, level).unwrap_or(0.0) * rule.floor_fraction;
                        let column = p.layout.column(current, now.rows, level, i, &|_| floor);
                        waterfill::Prepared::new(&column.units).least_units(target).unwrap_or(0.0) * p.plan.costs.of(i.resource())
                    })
                    .sum();
                round.bound = round.bound.map(|b| b + relaxed);
            }
            Some(vec![Some(target); columns.len()])
        }
        Standard::Basic2012 => {
            let priced: Vec<(&[waterfill::Unit], f64)> =
                columns.iter().map(|c| (&c.units[..], p.plan.costs.of(c.indicator.resource()))).collect();
            let Some(shared) = composite::share(&priced, target) else {
                let args = args!["indicator" => "composite", "level" => level.name(p.options.lang)];
                round.problems.push(Problem::error(Code::PlanUnreachable, args, p.options.lang));
                return None;
            };
            round.bound = round.bound.map(|b| b + shared.bound);
            Some(shared.taus)
        }
    }
}

/// One indicator of one level: moves first (if asked), then whole units to reach `tau`.
fn plan_column(column: &mut Column, tau: f64, p: &Planner, now: &Now, round: &mut Round) {
    let resource = column.indicator.resource();
    let hire = p.plan.costs.of(resource);
    if now.first && p.plan.rotation && draft::is_teacher(resource) {
        let movable: Vec<u64> = column.sites.iter().map(|s| now.draft.movable(s.target, resource, &round.moves)).collect();
        for m in rotation::rotate(&mut column.units, tau, hire, p.plan.costs.transfer, &movable) {
            let (from, to) = (column.sites[m.from].target, column.sites[m.to].target);
            round.moves.push(draft::Moved { from, to, resource, count: m.count });
        }
    }
    match waterfill::whole_units(&column.units, tau) {
        Some(counts) => add_counts(column, &counts, round),
        None if now.first => {
            let args = args!["indicator" => column.indicator.name(p.options.lang), "level" => column.level.name(p.options.lang)];
            round.problems.push(Problem::error(Code::PlanUnreachable, args, p.options.lang));
        }
        None => {}
    }
}

/// The simple method for a level: every school to each standard, then the lowest schools of
/// the worst indicators to the county value.
fn plan_simply(columns: &[Column], level: Level, p: &Planner, round: &mut Round) {
    let target = (limit(p.options, level) - p.plan.margin) * INSIDE;
    let rule = &p.options.profile.quality2017;
    let standards: Vec<Vec<f64>> = columns
        .iter()
        .map(|c| {
            let minimum = if p.options.standard == Standard::Quality2017 { rule.minimum(c.indicator, level).unwrap_or(0.0) } else { 0.0 };
            vec![minimum; c.units.len()]
        })
        .collect();
    let passes = |cvs: &[f64]| match p.options.standard {
        Standard::Quality2017 => cvs.iter().all(|cv| *cv <= target),
        Standard::Basic2012 => cvs.iter().sum::<f64>() / cvs.len() as f64 <= target,
    };
    let units: Vec<&[waterfill::Unit]> = columns.iter().map(|c| &c.units[..]).collect();
    let Some(counts) = baseline::raise_lowest(&units, &standards, &passes) else { return };
    for (column, counts) in columns.iter().zip(counts) {
        add_counts(column, &counts, round);
    }
}

/// Whole units of a column into the round's additions: a mixed school's two levels ask for
/// one whole-school total, the larger of their two asks.
fn add_counts(column: &Column, counts: &[u64], round: &mut Round) {
    let resource = column.indicator.resource();
    for (site, &n) in column.sites.iter().zip(counts).filter(|(_, n)| **n > 0) {
        let entry = round.additions.entry((site.target, resource)).or_insert(0);
        *entry = (*entry).max(n);
    }
}

/// Every indicator's CV before and after, with the CV planned for it.
fn targets(before: &Evaluation, after: &Evaluation, planned: &[(Level, &'static str, f64)]) -> Vec<Target> {
    let cv = |eval: &Evaluation, level: &Level, key: &str| {
        eval.levels.get(level).and_then(|l| l.indicators.iter().find(|i| i.key == key)).and_then(|i| i.cv)
    };
    before
        .levels
        .iter()
        .flat_map(|(level, l)| {
            l.indicators.iter().map(move |i| Target {
                level: *level,
                indicator: i.key,
                before: i.cv,
                planned: planned.iter().find(|p| p.0 == *level && p.1 == i.key).map(|p| p.2),
                after: cv(after, level, i.key),
            })
        })
        .collect()
}
