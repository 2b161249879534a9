//! The planned table: the user's rows with the plan's additions and moves, evaluated by the
//! same pipeline as the data (the proof of the plan), and the ledger of what was planned.
//!
//! Teachers of a kind (高于规定学历, 中级职称, 骨干, 体育艺术) are counted among 专任教师: an
//! addition is an existing teacher brought up to the column while the school has teachers
//! who are not, and a hire beyond that, so 专任教师 grow by what the largest kind outgrows
//! them (`counted_in` in the ledger: paid in that kind's column). A moved teacher leaves
//! one school's 专任教师 and joins the other's.

use super::contract::{Addition, Place, Transfer};
use super::costs::{column_key, unit_name, UnitCosts};
use super::waterfill::whole;
use crate::evaluation::{evaluate_table, Evaluation, Options};
use crate::input::Table;
use crate::model::{Lang, Resource, SchoolRow};
use std::collections::BTreeMap;

/// Teachers of one column moved between two rows (table indices).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Moved {
    pub from: usize,
    pub to: usize,
    pub resource: Resource,
    pub count: u64,
}

const KINDS: [Resource; 4] =
    [Resource::QualifiedTeachers, Resource::SeniorTitleTeachers, Resource::BackboneTeachers, Resource::PeArtTeachers];

/// True for the columns counted in teachers (persons who can move).
pub fn is_teacher(resource: Resource) -> bool {
    resource == Resource::Teachers || KINDS.contains(&resource)
}

pub struct Draft<'a> {
    table: &'a Table,
    added: BTreeMap<(usize, Resource), f64>,
    moves: Vec<Moved>,
}

/// 专任教师 added to a row because a kind outgrew them.
struct Induced {
    index: usize,
    count: f64,
    kind: Resource,
}

impl<'a> Draft<'a> {
    pub fn new(table: &'a Table) -> Draft<'a> {
        Draft { table, added: BTreeMap::new(), moves: Vec::new() }
    }

    pub fn add(&mut self, additions: BTreeMap<(usize, Resource), u64>, moves: Vec<Moved>) {
        for (key, n) in additions {
            *self.added.entry(key).or_insert(0.0) += n as f64;
        }
        self.moves.extend(moves);
    }

    /// True when an addition to this row and column goes to a mixed school's whole-school total.
    pub fn is_whole_school(&self, index: usize, resource: Resource) -> bool {
        self.table.rows[index].pooled && resource.is_facility()
    }

    /// How many more teachers of `resource` can leave the row as given, after the moves
    /// `already` planned: what is left of its count, and no more than keeps its other kinds
    /// within what is left of its 专任教师 (every move takes a person).
    pub fn movable(&self, index: usize, resource: Resource, already: &[Moved]) -> u64 {
        let row = &self.table.rows[index];
        let gone = |same: bool| {
            already.iter().filter(|m| m.from == index && (!same || m.resource == resource)).map(|m| m.count as f64).sum::<f64>()
        };
        let count = row.resource(resource).unwrap_or(0.0) - gone(true);
        let Some(teachers) = row.resource(Resource::Teachers) else { return whole(count.floor()) };
        let others = KINDS.iter().filter(|&&k| k != resource).filter_map(|&k| row.resource(k)).fold(0.0, f64::max);
        whole(count.min(teachers - gone(false) - others).floor())
    }

    /// The planned rows.
    pub fn rows(&self) -> Vec<SchoolRow> {
        self.planned().0
    }

    /// The planned rows, and the 专任教师 that came with kinds outgrowing them.
    fn planned(&self) -> (Vec<SchoolRow>, Vec<Induced>) {
        let mut rows = self.table.rows.clone();
        let mut change = |index: usize, resource: Resource, by: f64| {
            let cell = &mut rows[index].resources[resource.index()];
            *cell = Some(cell.unwrap_or(0.0) + by);
        };
        for (&(index, resource), &n) in &self.added {
            change(index, resource, n);
        }
        for m in &self.moves {
            let with_teachers = m.resource != Resource::Teachers && self.table.rows[m.from].resource(Resource::Teachers).is_some();
            for (index, sign) in [(m.from, -1.0), (m.to, 1.0)] {
                change(index, m.resource, sign * m.count as f64);
                if with_teachers {
                    change(index, Resource::Teachers, sign * m.count as f64);
                }
            }
        }
        let mut induced = Vec::new();
        for (index, row) in rows.iter_mut().enumerate() {
            let Some(teachers) = row.resource(Resource::Teachers) else { continue };
            let most = KINDS.iter().filter_map(|&k| row.resource(k).map(|c| (k, c))).max_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((kind, count)) = most.filter(|m| m.1 > teachers) {
                induced.push(Induced { index, count: count - teachers, kind });
                row.resources[Resource::Teachers.index()] = Some(count);
            }
        }
        (rows, induced)
    }

    /// What the additions and moves cost (the 专任教师 that come with kinds are paid there).
    pub fn cost(&self, costs: &UnitCosts) -> f64 {
        // 0.0 + : the sum of nothing is −0.0, which JSON would print as such.
        let added: f64 = 0.0 + self.added.iter().map(|(&(_, r), &n)| n * costs.of(r)).sum::<f64>();
        added + self.moves.iter().map(|m| m.count as f64 * costs.transfer).sum::<f64>()
    }

    /// The planned data evaluated as the user's data is.
    pub fn evaluate(&self, options: &Options) -> Evaluation {
        let table = Table { rows: self.rows(), ..self.table.clone_without_rows() };
        evaluate_table(&table, options)
    }

    /// The additions (with the 专任教师 that come with them) and the moves, priced.
    pub fn ledger(&self, costs: &UnitCosts, lang: Lang) -> (Vec<Addition>, Vec<Transfer>) {
        let row = |index: usize| &self.table.rows[index];
        let addition = |index: usize, resource: Resource, add: f64, cost: f64, counted_in| Addition {
            row: row(index).row,
            name: row(index).name.clone(),
            level: row(index).level,
            column: column_key(resource),
            add,
            unit: unit_name(resource, lang),
            cost,
            whole_school: self.is_whole_school(index, resource),
            indicator: None,
            current: None,
            target: None,
            counted_in,
        };
        let mut additions: Vec<Addition> = self.added.iter().map(|(&(i, r), &n)| addition(i, r, n, n * costs.of(r), None)).collect();
        for extra in self.planned().1 {
            additions.push(addition(extra.index, Resource::Teachers, extra.count, 0.0, Some(column_key(extra.kind))));
        }
        additions.sort_by_key(|a| a.row);
        let place = |index: usize| Place { row: row(index).row, name: row(index).name.clone(), level: row(index).level };
        let transfers = self
            .moves
            .iter()
            .map(|m| Transfer {
                from: place(m.from),
                to: place(m.to),
                column: column_key(m.resource),
                count: m.count,
                cost: m.count as f64 * costs.transfer,
            })
            .collect();
        (additions, transfers)
    }
}
