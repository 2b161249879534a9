//! Checks over a whole table: the columns a standard needs, sums against the file's totals
//! row, duplicate schools, teachers of a kind above all teachers, and unit mistakes.

use crate::diagnostics::Problem;
use crate::header::{SumCheck, SUM_TOLERANCE};
use crate::model::{Lang, Level, Resource};
use crate::rows::{parse_number, RowReader};
use crate::standards::Standard;
use crate::table::Table;
use crate::template::Column;
use std::collections::HashMap;

/// A warning for each sum that disagrees with the file's totals row.
pub(crate) fn sum_warnings(sums: &[SumCheck], lang: Lang) -> Vec<Problem> {
    sums.iter()
        .filter_map(|check| match (check.file_total, check.matches) {
            (Some(file), Some(false)) => Some(Problem::column(&check.column, match lang {
                Lang::Zh => format!("读入合计 {} 与文件合计行 {file} 不符，请检查是否有行未读入", check.read),
                Lang::En => format!("the rows read add up to {}, the file's totals row says {file}: check for rows not read", check.read),
            })),
            _ => None,
        })
        .collect()
}

/// The problems that stop an evaluation under `standard`: a needed column absent, or a
/// needed cell empty (mixed schools may leave facility totals on one row only).
pub fn needs(table: &Table, standard: Standard, lang: Lang) -> Vec<Problem> {
    let mut problems = Vec::new();
    for resource in standard.resources() {
        let column = Column::Resource(resource);
        if !table.has(column) {
            let name = column.header(lang);
            problems.push(Problem::column(name, msg_missing_column(lang, name, standard)));
            continue;
        }
        let label = table.label(column, lang);
        for row in &table.rows {
            let may_be_blank = resource.is_facility() && row.school_type.is_mixed();
            if row.resource(resource).is_none() && !may_be_blank {
                let message = lang.pick("此列为空，应填写不小于0的数", "the cell is empty; expected a number ≥ 0");
                problems.push(Problem::at(row.row, &label, message.to_string()));
            }
        }
    }
    problems
}

fn msg_missing_column(lang: Lang, name: &str, standard: Standard) -> String {
    match lang {
        Lang::Zh => format!("缺少此列：{}需要「{name}」", standard.name(lang)),
        Lang::En => format!("the column is missing: {} needs \"{name}\"", standard.name(lang)),
    }
}

/// Students and teachers read, against the totals row of the file when there is one.
pub(crate) fn sum_checks(table: &Table, totals: Option<&[String]>, reader: &RowReader, lang: Lang) -> Vec<SumCheck> {
    [Column::Students, Column::Resource(Resource::Teachers)]
        .into_iter()
        .filter(|c| table.has(*c))
        .map(|column| {
            let read = table.rows.iter().map(|r| match column {
                Column::Students => r.students,
                _ => r.resource(Resource::Teachers).unwrap_or(0.0),
            });
            let file_total = totals.and_then(|cells| reader.cell(cells, column)).and_then(parse_number);
            let factor = reader.factors.get(&column).copied().unwrap_or(1.0);
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
                problems.push(Problem::at(row.row, &table.label(Column::Resource(part), lang), match lang {
                    Lang::Zh => format!("{count} 人多于「{all}」{teachers} 人：应不多于专任教师数"),
                    Lang::En => format!("{count} is more than the {teachers} of \"{all}\": it cannot exceed all teachers"),
                }));
            }
        }
    }
    problems
}

/// Per-student values far outside what a school can have: probably a unit mistake
/// (万元 read as 元, 亩 as ㎡). Flagged, not rejected.
pub(crate) fn plausibility(table: &Table, lang: Lang) -> Vec<Problem> {
    use Resource::*;
    const LIMITS: [(Resource, f64); 6] = [
        (TeachingArea, 100.0),
        (SportsArea, 300.0),
        (EquipmentValue, 200_000.0),
        (Books, 1_000.0),
        (Computers, 5.0),
        (Teachers, 1.0),
    ];
    let mut problems = Vec::new();
    for row in &table.rows {
        for (resource, limit) in LIMITS {
            if let Some(per) = row.resource(resource).map(|r| r / row.students).filter(|per| *per > limit) {
                problems.push(Problem::at(row.row, &table.label(Column::Resource(resource), lang), match lang {
                    Lang::Zh => format!("每名学生 {per:.1}，远超常见范围（{limit}），可能是单位错误，请核对"),
                    Lang::En => format!("{per:.1} per student is far above what schools have ({limit}): probably a unit mistake"),
                }));
            }
        }
    }
    problems
}

/// Two rows for the same school and level would count the school twice.
pub(crate) fn duplicates(table: &Table, lang: Lang) -> Vec<Problem> {
    let mut seen: HashMap<(&str, Level), usize> = HashMap::new();
    let mut problems = Vec::new();
    for row in &table.rows {
        if let Some(first) = seen.insert((row.name.as_str(), row.level), row.row) {
            let message = match lang {
                Lang::Zh => format!("「{}」{}与第{first}行重复：每所学校每个学段只能有一行", row.name, row.level.name(lang)),
                Lang::En => format!(
                    "\"{}\" ({}) repeats row {first}: one row per school and level",
                    row.name,
                    row.level.name(lang)
                ),
            };
            problems.push(Problem::at(row.row, &table.label(Column::School, lang), message));
            seen.insert((row.name.as_str(), row.level), first);
        }
    }
    problems
}
