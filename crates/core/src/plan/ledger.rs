//! The ledger's figures the page and the CSV show: each addition's indicator with the
//! school's value before and after, and the totals per school and per resource. Sums are
//! made here, in one place, not by each front end.

use super::contract::{Addition, ResourceTotal, SchoolTotal, Totals, Transfer};
use crate::evaluation::Evaluation;
use crate::model::Level;
use crate::standards::Standard;
use std::collections::HashMap;

/// Fills each addition's indicator (the one of `standard` its column feeds) and the school's
/// value of it before and after.
pub fn describe(additions: &mut [Addition], standard: Standard, before: &Evaluation, after: &Evaluation) {
    // Each evaluation's schools by (row, level), once: a county's plan has thousands of lines.
    let index = |eval: &Evaluation| -> HashMap<(usize, Level), usize> {
        eval.schools.iter().enumerate().map(|(i, s)| ((s.row, s.level), i)).collect()
    };
    let (before_at, after_at) = (index(before), index(after));
    let value = |eval: &Evaluation, at: &HashMap<(usize, Level), usize>, a: &Addition, key: &str| {
        at.get(&(a.row, a.level)).and_then(|&i| eval.schools[i].values.get(key).copied())
    };
    for a in additions {
        let indicator = standard.indicators().iter().find(|i| super::costs::column_key(i.resource()) == a.column);
        a.indicator = indicator.map(|i| i.key());
        if let Some(key) = a.indicator {
            a.current = value(before, &before_at, a, key);
            a.target = value(after, &after_at, a, key);
        }
    }
}

/// The sums of the additions and moves.
pub fn totals(additions: &[Addition], transfers: &[Transfer]) -> Totals {
    let mut totals = Totals {
        transfers: 0.0 + transfers.iter().map(|t| t.cost).sum::<f64>(),
        moved: transfers.iter().map(|t| t.count).sum(),
        ..Totals::default()
    };
    let mut by_row: Vec<&Addition> = additions.iter().collect();
    by_row.sort_by_key(|a| a.row);
    for a in by_row {
        match totals.schools.iter_mut().find(|s| s.name == a.name) {
            Some(school) => school.cost += a.cost,
            None => totals.schools.push(SchoolTotal { name: a.name.clone(), cost: a.cost }),
        }
    }
    for resource in crate::model::Resource::ALL {
        let key = super::costs::column_key(resource);
        let of: Vec<&Addition> = additions.iter().filter(|a| a.column == key).collect();
        if let Some(first) = of.first() {
            let add = of.iter().map(|a| a.add).sum();
            let cost = of.iter().map(|a| a.cost).sum();
            let bought = cost > 0.0 || of.iter().all(|a| a.counted_in.is_none());
            totals.resources.push(ResourceTotal { column: key, add, unit: first.unit, cost, bought });
        }
    }
    totals
}
