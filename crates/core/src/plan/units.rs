//! The schools of one level as the solver sees one indicator (waterfill.rs): each school's
//! value and students, the least value it must reach, and what one unit added changes.
//! A mixed school's facility is added to the whole-school total, which the split shares out:
//! one unit raises this level by its part f = `w_l P_l` / Σ w·P (SPEC §4).

use super::waterfill::Unit;
use crate::evaluation::Evaluation;
use crate::indicators::Indicator;
use crate::input::Table;
use crate::model::{Level, SchoolRow};
use std::collections::{HashMap, HashSet};

/// Where a unit's additions go: the table row that receives them.
#[derive(Clone, Debug)]
pub struct Site {
    /// The line of the user's file of this school and level.
    pub row: usize,
    pub name: String,
    /// The index in the table of the row the addition is written to: the row itself, or for a
    /// mixed school's facility, the school's first row (the total is pooled over its rows).
    pub target: usize,
}

/// One indicator of one level: a unit and a site per school in scope.
pub struct Column {
    pub level: Level,
    pub indicator: Indicator,
    pub units: Vec<Unit>,
    pub sites: Vec<Site>,
}

/// What stays the same through a plan: rows by line, mixed schools' first rows and shares,
/// and the schools the user fixed.
pub struct Layout {
    index: HashMap<usize, usize>,
    first_row: HashMap<String, usize>,
    parts: HashMap<String, [f64; 2]>,
    fixed: HashSet<usize>,
    fixed_mixed: HashSet<String>,
    /// The lines whose facilities are a whole school's (mixed schools, attached classes).
    pooled: HashSet<usize>,
}

impl Layout {
    /// `fixed` are lines of the user's file; a mixed school with one fixed row is fixed for
    /// its whole-school facilities.
    pub fn new(table: &Table, before: &Evaluation, fixed: &[usize]) -> Layout {
        let index: HashMap<usize, usize> = table.rows.iter().enumerate().map(|(i, r)| (r.row, i)).collect();
        let mut first_row = HashMap::new();
        for (i, row) in table.rows.iter().enumerate().filter(|(_, r)| r.pooled) {
            first_row.entry(row.name.clone()).or_insert(i);
        }
        let parts = before
            .splits
            .iter()
            .map(|s| {
                let (w, p) = (&s.weights, &s.students);
                let all = w.primary * p.primary + w.junior * p.junior + w.senior * p.senior;
                let part = |x: f64| if all > 0.0 { x / all } else { 0.0 };
                (s.name.clone(), [part(w.primary * p.primary), part(w.junior * p.junior)])
            })
            .collect();
        let fixed: HashSet<usize> = fixed.iter().copied().collect();
        let fixed_mixed = table.rows.iter().filter(|r| r.pooled && fixed.contains(&r.row)).map(|r| r.name.clone()).collect();
        let pooled = table.rows.iter().filter(|r| r.pooled).map(|r| r.row).collect();
        Layout { index, first_row, parts, fixed, fixed_mixed, pooled }
    }

    /// The table index of a line of the user's file.
    pub fn index(&self, row: usize) -> Option<usize> {
        self.index.get(&row).copied()
    }

    pub fn is_fixed(&self, row: usize) -> bool {
        self.fixed.contains(&row)
    }

    /// The indicator's units at `level` in `eval` (of the table's `rows` as now planned), with
    /// `floor` giving each school's least value.
    pub fn column(
        &self,
        eval: &Evaluation,
        rows: &[SchoolRow],
        level: Level,
        indicator: Indicator,
        floor: &dyn Fn(usize) -> f64,
    ) -> Column {
        let resource = indicator.resource();
        let (mut units, mut sites) = (Vec::new(), Vec::new());
        for school in eval.schools.iter().filter(|s| s.level == level) {
            let Some(own) = self.index(school.row) else { continue };
            let mixed = self.pooled.contains(&school.row) && resource.is_facility();
            let (target, part, fixed) = if mixed {
                let part = self.parts.get(&school.name).map_or(0.0, |p| p[usize::from(level == Level::Junior)]);
                (self.first_row.get(&school.name).copied().unwrap_or(own), part, self.fixed_mixed.contains(&school.name))
            } else {
                (own, 1.0, self.is_fixed(school.row))
            };
            // A row's own resource, read as the evaluation reads it; a mixed school's facility
            // share exists only in the evaluation's split.
            let resource = if mixed {
                school.values.get(indicator.key()).copied().unwrap_or(0.0) * school.students / indicator.scale()
            } else {
                rows[own].resource(resource).unwrap_or(0.0)
            };
            let part = if fixed { 0.0 } else { part };
            units.push(Unit { students: school.students, resource, scale: indicator.scale(), part, floor: floor(school.row) });
            sites.push(Site { row: school.row, name: school.name.clone(), target });
        }
        Column { level, indicator, units, sites }
    }
}
