//! The simple method, kept as a second candidate so that the plan never costs more than it:
//! raise every school to each standard (quality2017), then, while the target is missed,
//! raise the lowest school of the worst indicator to the county value.
//!
//! The optimiser is exact for each indicator's continuous problem, but whole persons and the
//! grid of basic2012's knapsack can make it dearer than this method on a few small counties
//! (docs/PLAN.md); both plans are priced and the cheaper one is the plan.

use super::waterfill::{cv_after, whole, Unit};

/// Whole units per column such that every school reaches `standards` (per column, per unit)
/// and `passes` accepts the columns' CVs. `None` when it cannot (fixed schools).
pub fn raise_lowest(columns: &[&[Unit]], standards: &[Vec<f64>], passes: &dyn Fn(&[f64]) -> bool) -> Option<Vec<Vec<u64>>> {
    let mut counts: Vec<Vec<u64>> = columns
        .iter()
        .zip(standards)
        .map(|(units, floors)| units.iter().zip(floors).map(|(u, &floor)| Unit { floor, ..*u }.to_floor()).collect())
        .collect();
    // Each pass raises one school to the county value: at most a few per school and column.
    let passes_allowed = 16 * columns.iter().map(|c| c.len()).sum::<usize>() + 64;
    for _ in 0..passes_allowed {
        let cvs: Vec<f64> = columns.iter().zip(&counts).map(|(units, n)| cv_after(units, n)).collect();
        if passes(&cvs) {
            return Some(counts);
        }
        let worst = (0..cvs.len()).max_by(|&a, &b| cvs[a].total_cmp(&cvs[b]))?;
        let (units, n) = (columns[worst], &mut counts[worst]);
        let total: f64 = units.iter().map(|u| u.students).sum();
        let mean = units.iter().zip(n.iter()).map(|(u, &k)| u.students * u.after(k)).sum::<f64>() / total;
        let lowest =
            (0..units.len()).filter(|&i| units[i].part > 0.0).min_by(|&a, &b| units[a].after(n[a]).total_cmp(&units[b].after(n[b])))?;
        let raise = ((mean - units[lowest].after(n[lowest])) / units[lowest].step()).ceil().max(1.0);
        n[lowest] += whole(raise);
    }
    None
}
