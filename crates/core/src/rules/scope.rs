//! Who is evaluated, and how mixed schools' facilities are shared between levels (SPEC §4).

use crate::args;
use crate::diagnostics::{Code, Problem};
use crate::input::{Column, Table};
use crate::model::{Affiliation, Lang, Level, Ownership, Resource, SchoolRow, SchoolType};
use crate::standards::{Scope, SplitWeights, TeachingPoints};
use serde::Serialize;

/// A row left out of the evaluation, with the rule that left it out.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Exclusion {
    pub row: usize,
    pub name: String,
    pub level: Level,
    pub school_type: SchoolType,
    pub students: f64,
    pub reason: String,
}

/// Why `row` is out of scope, or `None` when it is evaluated.
/// The rows in scope, and the others with the reason each is left out.
pub fn in_scope(rows: &[SchoolRow], scope: &Scope, lang: Lang) -> (Vec<SchoolRow>, Vec<Exclusion>) {
    let mut excluded = Vec::new();
    // Most rows are in scope: room for all of them at once, not grown by doubling (a row is
    // 448 bytes, and a nation has 200 000).
    let mut included = Vec::with_capacity(rows.len());
    for row in rows {
        match exclusion_reason(row, scope, lang) {
            Some(reason) => excluded.push(Exclusion {
                row: row.row,
                name: row.name.clone(),
                level: row.level,
                school_type: row.school_type,
                students: row.students,
                reason,
            }),
            None => included.push(row.clone()),
        }
    }
    (included, excluded)
}

pub fn exclusion_reason(row: &SchoolRow, scope: &Scope, lang: Lang) -> Option<String> {
    if scope.exclude_private && row.ownership == Ownership::Private {
        return Some(lang.pick("民办学校不参加县域均衡评估", "private schools are not evaluated").into());
    }
    if scope.exclude_direct && row.affiliation == Some(Affiliation::Direct) {
        return Some(
            lang.pick(
                "省（市）直属学校不参加县域评估（按所选数值标准）",
                "schools run by the province or city are not evaluated (the profile says so)",
            )
            .into(),
        );
    }
    if scope.exclude_special && row.school_type == SchoolType::Special {
        return Some(lang.pick("特殊教育学校不参加本项评估", "special-education schools are not evaluated").into());
    }
    if scope.exclude_vocational && row.school_type == SchoolType::Vocational {
        return Some(lang.pick("职业学校不属于义务教育学校", "vocational schools are not compulsory education").into());
    }
    if row.school_type != SchoolType::TeachingPoint {
        return None;
    }
    match scope.teaching_points {
        TeachingPoints::ExcludeAll => Some(lang.pick("教学点不参加基本均衡评估", "teaching points are not evaluated").into()),
        TeachingPoints::ExcludeBelow(min) if row.students < min => Some(lang.script(match lang {
            Lang::Zh | Lang::ZhHant => format!("教学点在校生 {} 人，少于 {min} 人，不参加评估", row.students),
            #[cfg(feature = "en")]
            Lang::En => format!("a teaching point with {} students, fewer than {min}, is not evaluated", row.students),
        })),
        TeachingPoints::ExcludeBelow(_) | TeachingPoints::IncludeAll => None,
    }
}

/// Students of a mixed school per level: the weights' denominators.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct LevelStudents {
    pub primary: f64,
    pub junior: f64,
    pub senior: f64,
}

/// One facility total of a mixed school and the share each level receives.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct SplitResource {
    pub resource: Resource,
    /// The column as the file names it.
    pub column: String,
    /// The resource's name with the unit its figures are in (「教学仪器设备值（元）」): the
    /// figures are in the core's unit whatever unit the file's header named.
    pub name: String,
    pub total: f64,
    pub primary: f64,
    pub junior: f64,
    pub senior: f64,
}

/// How one mixed school's facilities were split (the report shows every split).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Split {
    pub name: String,
    pub school_type: SchoolType,
    pub students: LevelStudents,
    /// All its students, of every level.
    pub students_total: f64,
    pub weights: SplitWeights,
    pub resources: Vec<SplitResource>,
}

/// Pools the facility totals of each mixed school over its rows and gives each level
/// its share by weighted students: `share_l` = total · `w_l·P_l` / Σ w·P. Rewrites the rows'
/// facility values in place. `needed` are the resources the standard uses.
pub fn split_mixed_schools(
    rows: &mut [SchoolRow],
    table: &Table,
    weights: SplitWeights,
    needed: &[Resource],
    lang: Lang,
) -> (Vec<Split>, Vec<Problem>, Vec<Problem>) {
    let (mut splits, mut errors, mut warnings) = (Vec::new(), Vec::new(), Vec::new());
    let mixed: Vec<Vec<usize>> = school_groups(rows).into_iter().filter(|members| rows[members[0]].pooled).collect();
    for members in mixed {
        let school: Vec<&SchoolRow> = members.iter().map(|&i| &rows[i]).collect();
        let students = match level_students(&school, table, lang) {
            Ok(students) => students,
            Err(problem) => {
                errors.push(problem);
                continue;
            }
        };
        warnings.extend(missing_seniors(&school, table, lang));
        let students_total = students.primary + students.junior + students.senior;
        let mut split = Split {
            name: school[0].name.clone(),
            school_type: school[0].school_type,
            students,
            students_total,
            weights,
            resources: Vec::new(),
        };
        for &resource in needed.iter().filter(|r| r.is_facility()) {
            match split_facility(resource, &school, &split, table, lang) {
                Ok((part, warning)) => {
                    split.resources.push(part);
                    warnings.extend(warning);
                }
                Err(problem) => errors.push(problem),
            }
        }
        for &i in &members {
            let level = rows[i].level;
            for part in &split.resources {
                rows[i].resources[part.resource.index()] = Some(if level == Level::Primary { part.primary } else { part.junior });
            }
        }
        splits.push(split);
    }
    (splits, errors, warnings)
}

/// A 完全中学 or 十二年一贯制 without its senior students: split as if it had none, and say so.
fn missing_seniors(school: &[&SchoolRow], table: &Table, lang: Lang) -> Option<Problem> {
    (school[0].school_type != SchoolType::NineYear && school.iter().all(|r| r.senior_students.is_none())).then(|| {
        Problem::warning(Code::SeniorMissing, args!["school_type" => school[0].school_type.name(lang)], lang)
            .at_row(school[0].row)
            .in_column(table.label(Column::SeniorStudents, lang))
    })
}

/// One facility total of a mixed school, pooled over its rows and shared by weighted
/// students; a warning when every row repeats the same value (a whole-school total copied).
fn split_facility(
    resource: Resource,
    school: &[&SchoolRow],
    split: &Split,
    table: &Table,
    lang: Lang,
) -> Result<(SplitResource, Option<Problem>), Problem> {
    let label = table.label(Column::Resource(resource), lang);
    let values: Vec<f64> = school.iter().filter_map(|r| r.resource(resource)).collect();
    if values.is_empty() {
        return Err(Problem::error(Code::WholeSchoolTotalEmpty, args![], lang).at_row(school[0].row).in_column(label));
    }
    let repeated = values.len() > 1 && values.iter().all(|v| *v == values[0] && *v > 0.0);
    let warning = repeated.then(|| Problem::warning(Code::TotalRepeated, args![], lang).at_row(school[0].row).in_column(&label));
    let (w, s) = (&split.weights, &split.students);
    let weighted = [w.primary * s.primary, w.junior * s.junior, w.senior * s.senior];
    let weight_total: f64 = weighted.iter().sum();
    let total: f64 = values.iter().sum();
    let share = |w: f64| if weight_total > 0.0 { total * w / weight_total } else { 0.0 };
    let part = SplitResource {
        resource,
        column: label,
        name: Column::Resource(resource).label_with_unit(lang),
        total,
        primary: share(weighted[0]),
        junior: share(weighted[1]),
        senior: share(weighted[2]),
    };
    Ok((part, warning))
}

/// The rows of each school, as indices: a mixed school's rows (same name, mixed type)
/// together, every other row alone. In the order schools first appear.
pub fn school_groups(rows: &[SchoolRow]) -> Vec<Vec<usize>> {
    // A map from a mixed school's name to its group keeps this linear: a province has
    // 200 000 rows, and a search of the groups per row was 42% of the time at 10 000.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut mixed: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, row) in rows.iter().enumerate() {
        if row.pooled {
            if let Some(&group) = mixed.get(row.name.as_str()) {
                groups[group].push(i);
                continue;
            }
            mixed.insert(&row.name, groups.len());
        }
        groups.push(vec![i]);
    }
    groups
}

/// Students per level of one mixed school; the senior count must agree across its rows.
fn level_students(school: &[&SchoolRow], table: &Table, lang: Lang) -> Result<LevelStudents, Problem> {
    let mut students = LevelStudents::default();
    for row in school {
        match row.level {
            Level::Primary => students.primary += row.students,
            Level::Junior => students.junior += row.students,
        }
    }
    let seniors: Vec<(usize, f64)> = school.iter().filter_map(|r| r.senior_students.map(|s| (r.row, s))).collect();
    if let Some(&(row, value)) = seniors.iter().find(|(_, s)| *s != seniors[0].1) {
        let (first_row, first) = seniors[0];
        let args = args!["value" => value, "first_row" => first_row, "first" => first];
        return Err(Problem::error(Code::SeniorMismatch, args, lang).at_row(row).in_column(table.label(Column::SeniorStudents, lang)));
    }
    students.senior = seniors.first().map_or(0.0, |s| s.1);
    Ok(students)
}
