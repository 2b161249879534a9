//! Checks over a whole table: the columns a standard needs, sums against the file's totals
//! row, duplicate schools, teachers of a kind above all teachers, and unit mistakes.

use crate::args;
use crate::diagnostics::{Code, Problem};
use crate::header::{SumCheck, SUM_TOLERANCE};
use crate::model::{Lang, Resource, SchoolRow};
use crate::record::Record;
use crate::rows::{parse_number, RowReader};
use crate::standards::Standard;
use crate::table::Table;
use crate::template::Column;
use std::collections::HashMap;

/// A warning for each sum that disagrees with the file's totals row.
pub(crate) fn sum_warnings(sums: &[SumCheck], lang: Lang) -> Vec<Problem> {
    sums.iter()
        .filter_map(|check| match (check.file_total, check.matches) {
            (Some(file), Some(false)) => {
                Some(Problem::warning(Code::SumMismatch, args!["read" => check.read, "file" => file], lang).in_column(&check.column))
            }
            _ => None,
        })
        .collect()
}

/// The problems that stop an evaluation under `standard`: a needed column absent, or a
/// needed cell empty in `rows`, the table's rows in scope (mixed schools may leave facility
/// totals on one row only).
pub fn needs(table: &Table, rows: &[SchoolRow], standard: Standard, lang: Lang) -> Vec<Problem> {
    let mut problems = Vec::new();
    for resource in standard.resources() {
        let column = Column::Resource(resource);
        if !table.has(column) {
            let name = column.header(lang);
            problems
                .push(Problem::error(Code::MissingColumn, args!["name" => name, "standard" => standard.name(lang)], lang).in_column(name));
            continue;
        }
        let label = table.label(column, lang);
        for row in rows {
            let may_be_blank = resource.is_facility() && row.pooled;
            if row.resource(resource).is_none() && !may_be_blank {
                problems.push(Problem::error(Code::EmptyCell, args![], lang).at_row(row.row).in_column(&label));
            }
        }
    }
    problems
}

/// Students and teachers read, against the totals row of the file when there is one.
pub(crate) fn sum_checks(table: &Table, totals: Option<&Record>, reader: &RowReader, lang: Lang) -> Vec<SumCheck> {
    [Column::Students, Column::Resource(Resource::Teachers)]
        .into_iter()
        .filter(|c| table.has(*c))
        .map(|column| {
            let read = table.rows.iter().map(|r| match column {
                Column::Students => r.students,
                _ => r.resource(Resource::Teachers).unwrap_or(0.0),
            });
            let file_total = totals.and_then(|cells| reader.cell(cells, column)).and_then(parse_number);
            let factor = reader.factor(column);
            let (read, file_total) = (read.sum::<f64>(), file_total.map(|v| v * factor));
            let matches = file_total.map(|total| (total - read).abs() <= SUM_TOLERANCE);
            SumCheck { column: table.label(column, lang), read, file_total, matches }
        })
        .collect()
}

/// Teachers of a kind cannot outnumber all teachers.
pub(crate) fn consistency(table: &Table, lang: Lang) -> Vec<Problem> {
    use Resource::*;
    let mut problems = Vec::new();
    for row in &table.rows {
        let Some(teachers) = row.resource(Teachers) else { continue };
        for part in [QualifiedTeachers, SeniorTitleTeachers, BackboneTeachers, PeArtTeachers] {
            if let Some(count) = row.resource(part).filter(|c| *c > teachers) {
                let all = table.label(Column::Resource(Teachers), lang);
                let args = args!["count" => count, "all" => all, "teachers" => teachers];
                problems.push(
                    Problem::error(Code::MoreThanAllTeachers, args, lang)
                        .at_row(row.row)
                        .in_column(table.label(Column::Resource(part), lang)),
                );
            }
        }
    }
    problems
}

/// Attached classes (附设班): a 小学's junior row, or an 初中's primary row, is part of its host
/// school, whose row of its own level must be in the table; the school's facilities are then
/// pooled over both rows and split by level, as a mixed school's (`pooled`).
pub(crate) fn attached_classes(table: &mut Table, lang: Lang) -> Vec<Problem> {
    let own = |r: &SchoolRow| r.school_type.allowed_level() == Some(r.level);
    let hosts: HashMap<&str, usize> = table.rows.iter().enumerate().filter(|(_, r)| own(r)).map(|(i, r)| (r.name.as_str(), i)).collect();
    let (mut pairs, mut problems) = (Vec::new(), Vec::new());
    for (i, row) in table.rows.iter().enumerate().filter(|(_, r)| r.school_type.may_attach(r.level)) {
        if let Some(&host) = hosts.get(row.name.as_str()) {
            pairs.push((host, i));
            continue;
        }
        let args = args!["school_type" => row.school_type.name(lang), "level" => row.level.name(lang)];
        problems.push(Problem::error(Code::AttachedWithoutHost, args, lang).at_row(row.row).in_column(table.label(Column::Level, lang)));
    }
    for (host, attached) in pairs {
        table.rows[host].pooled = true;
        table.rows[attached].pooled = true;
    }
    problems
}

/// Per-student values far outside what a school can have: probably a unit mistake
/// (万元 read as 元, 亩 as ㎡). Flagged, not rejected.
pub(crate) fn plausibility(table: &Table, lang: Lang) -> Vec<Problem> {
    use Resource::*;
    const LIMITS: [(Resource, f64); 6] =
        [(TeachingArea, 100.0), (SportsArea, 300.0), (EquipmentValue, 200_000.0), (Books, 1_000.0), (Computers, 5.0), (Teachers, 1.0)];
    let mut problems = Vec::new();
    for row in &table.rows {
        for (resource, limit) in LIMITS {
            if let Some(per) = row.resource(resource).map(|r| r / row.students).filter(|per| *per > limit) {
                let args = args!["per" => per, "limit" => limit];
                problems.push(
                    Problem::warning(Code::ProbableUnitMistake, args, lang)
                        .at_row(row.row)
                        .in_column(table.label(Column::Resource(resource), lang)),
                );
            }
        }
    }
    problems
}

/// Two rows for the same school and level would count the school twice.
pub(crate) fn duplicates(table: &Table, lang: Lang) -> Vec<Problem> {
    // A map of names per level: the same map type as the other name maps, one copy of its code.
    let mut seen: [HashMap<&str, usize>; 2] = Default::default();
    let mut problems = Vec::new();
    for row in &table.rows {
        let first = *seen[row.level as usize].entry(row.name.as_str()).or_insert(row.row);
        if first != row.row {
            let args = args!["name" => row.name.as_str(), "level" => row.level.name(lang), "first" => first];
            problems.push(Problem::error(Code::Duplicate, args, lang).at_row(row.row).in_column(table.label(Column::School, lang)));
        }
    }
    problems
}
