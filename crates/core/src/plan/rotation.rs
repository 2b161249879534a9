//! Teacher rotation (县管校聘, 交流轮岗): instead of hiring, move teachers from a school above the
//! county value to one below it, at a cost per move.
//!
//! A move leaves the county value as it is and brings two schools nearer to it, so it lowers
//! the CV without adding anybody. Greedy: the school furthest above gives one teacher to the
//! school furthest below, and the move is kept only when it costs less than the hires it saves
//! (the exact least hires before and after, waterfill.rs). So a plan with rotation never costs
//! more than the same plan without it.

use super::waterfill::{Prepared, Unit};

/// Teachers moved from one unit to another (indices into the column's units).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Move {
    pub from: usize,
    pub to: usize,
    pub count: u64,
}

/// The moves that lower the cost of reaching `tau`, applied to `units`' values. `movable`
/// says how many teachers of the column each unit can give (its count, and no more than
/// keeps its other kinds within its 专任教师).
pub fn rotate(units: &mut [Unit], tau: f64, hire: f64, transfer: f64, movable: &[u64]) -> Vec<Move> {
    let mut left = movable.to_vec();
    let mut moves: Vec<Move> = Vec::new();
    let Some(mut cost) = Prepared::new(units).least_units(tau).map(|n| n * hire) else { return moves };
    let total: f64 = units.iter().map(|u| u.students).sum();
    let county = units.iter().map(|u| u.students * u.value()).sum::<f64>() / total;
    for _ in 0..movable.iter().sum::<u64>() {
        let free = |i: &usize| units[*i].part > 0.0;
        let donor = (0..units.len())
            .filter(free)
            .filter(|&i| left[i] > 0 && units[i].value() - units[i].step() >= county.max(units[i].floor))
            .max_by(|&a, &b| units[a].value().total_cmp(&units[b].value()));
        let receiver = (0..units.len())
            .filter(free)
            .filter(|&i| units[i].value() < county)
            .min_by(|&a, &b| units[a].value().total_cmp(&units[b].value()));
        let (Some(from), Some(to)) = (donor, receiver) else { break };
        let mut trial = units.to_vec();
        // Teachers are counted per level: a move is one person, whole.
        trial[from].resource -= 1.0;
        trial[to].resource += 1.0;
        let Some(after) = Prepared::new(&trial).least_units(tau).map(|n| n * hire) else { break };
        if transfer + after >= cost - 1e-9 * cost.abs() {
            break;
        }
        units.copy_from_slice(&trial);
        cost = after;
        left[from] -= 1;
        match moves.iter_mut().find(|m| m.from == from && m.to == to) {
            Some(m) => m.count += 1,
            None => moves.push(Move { from, to, count: 1 }),
        }
    }
    moves
}
