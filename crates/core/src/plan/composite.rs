//! basic2012 judges the mean of eight CVs, not each one: the plan chooses how far to bring
//! each CV down so that their mean reaches the target at the least cost.
//!
//! Cutting the CVs in steps of δ, the cheapest combination of cuts whose sum reaches the
//! needed total is a knapsack, solved exactly by dynamic programming over the number of
//! steps (no assumption that the costs are convex). The costs it weighs are those of whole
//! units (each school's raise rounded up, `Prepared::whole_estimate`): continuous costs would
//! count a third of a teacher as a third of the price and choose cuts that whole persons make
//! dear. (The exact whole-unit solver per grid step cost quadratic time: 15 s at 3 000 schools.)
//!
//! The lower bound: each indicator's continuous cost of reaching a CV is exact and below any
//! whole plan's. Rounding any plan's cuts down to the grid loses less than δ each, so the
//! knapsack over continuous costs asked for the needed total less one step per indicator
//! costs no more than any plan (`Shared::bound`).

use super::waterfill::{cv_after, whole, Prepared, Unit};

/// The CV each indicator is brought to (`None`: left as it is), and a lower bound of the cost of any plan (元,
/// continuous: whole units cost at least this).
pub struct Shared {
    pub taus: Vec<Option<f64>>,
    pub bound: f64,
}

/// The most steps the knapsack takes: finer grids cost quadratic time for nothing visible.
const MAX_STEPS: f64 = 600.0;
/// The finest step of CV the grid uses.
const FINEST: f64 = 5e-4;

/// Shares the cut among the indicators whose units (and cost per unit) are given, so that the
/// mean CV is at most `target`. `None` when a CV is undefined or the target unreachable.
pub fn share(columns: &[(&[Unit], f64)], target: f64) -> Option<Shared> {
    let cvs: Vec<f64> = columns.iter().map(|(units, _)| cv_after(units, &vec![0; units.len()])).collect();
    if cvs.iter().any(|cv| !cv.is_finite()) {
        return None;
    }
    let needed = cvs.iter().sum::<f64>() - columns.len() as f64 * target;
    if needed <= 0.0 {
        return Some(Shared { taus: vec![None; cvs.len()], bound: 0.0 });
    }
    let delta = FINEST.max(needed / MAX_STEPS);
    let need = steps(needed / delta - 1e-9);
    let tau = |cv: f64, j: usize| (cv - j as f64 * delta).max(0.0);
    let mut whole: Vec<Vec<f64>> = Vec::new();
    let mut continuous: Vec<Vec<f64>> = Vec::new();
    for ((units, cost), &cv) in columns.iter().zip(&cvs) {
        let prepared = Prepared::new(units);
        let steps = 0..=need.min(steps(cv / delta));
        let priced = |n: Option<f64>| n.map_or(f64::INFINITY, |n| n * cost);
        continuous.push(steps.clone().map(|j| priced(prepared.least_units(tau(cv, j)))).collect());
        whole.push(steps.map(|j| priced(prepared.whole_estimate(tau(cv, j)))).collect());
    }
    let (chosen, _) = knapsack(&whole, need)?;
    let relaxed = steps(needed / delta - columns.len() as f64);
    let bound = knapsack(&continuous, relaxed).map_or(0.0, |(_, cost)| cost);
    let taus = cvs.iter().zip(chosen).map(|(&cv, j)| (j > 0).then(|| tau(cv, j))).collect();
    Some(Shared { taus, bound })
}

/// The steps per table whose costs sum least with at least `need` steps in all.
fn knapsack(tables: &[Vec<f64>], need: usize) -> Option<(Vec<usize>, f64)> {
    let mut best = vec![f64::INFINITY; need + 1];
    best[0] = 0.0;
    // For each table, how each total was reached: (total before, steps taken here).
    let mut picks: Vec<Vec<(usize, usize)>> = Vec::with_capacity(tables.len());
    for table in tables {
        let mut next = vec![f64::INFINITY; need + 1];
        let mut pick = vec![(0, 0); need + 1];
        for (s, &so_far) in best.iter().enumerate().filter(|(_, c)| c.is_finite()) {
            for (j, &cost) in table.iter().enumerate().filter(|(_, c)| c.is_finite()) {
                let t = (s + j).min(need);
                if so_far + cost < next[t] {
                    next[t] = so_far + cost;
                    pick[t] = (s, j);
                }
            }
        }
        best = next;
        picks.push(pick);
    }
    let total = best[need];
    if !total.is_finite() {
        return None;
    }
    let mut steps = vec![0; tables.len()];
    let mut at = need;
    for (k, pick) in picks.iter().enumerate().rev() {
        let (before, j) = pick[at];
        steps[k] = j;
        at = before;
    }
    Some((steps, total))
}

/// Steps of the grid, rounded up (at most `MAX_STEPS` + a few, so it fits any usize).
fn steps(x: f64) -> usize {
    usize::try_from(whole(x.ceil())).unwrap_or(usize::MAX)
}
