//! 室内体育用房 as 教育事业统计 defines it: the statistics count the indoor sports rooms in
//! 教学及辅助用房, but the per-student teaching area leaves them out and the sports area takes
//! them in (the work rules as peers' sheets quote them). So, when the table has the column,
//! each row's indoor rooms move from its teaching area to its sports area before anything is
//! computed; a mixed school's rows move first and are pooled and split after, like every
//! other facility.

use crate::args;
use crate::diagnostics::{Code, Problem};
use crate::input::{Column, Table};
use crate::model::{Lang, Resource, SchoolFact, SchoolRow};

/// Moves each row's indoor sports rooms. `Ok`: a notice of how many rows moved how much (none
/// when no row has the column filled); `Err`: the rows whose indoor rooms exceed their
/// teaching area, which cannot include them.
pub(crate) fn move_indoor_sports(rows: &mut [SchoolRow], table: &Table, lang: Lang) -> Result<Option<Problem>, Vec<Problem>> {
    let (mut moved, mut area, mut errors) = (0usize, 0.0, Vec::new());
    let teaching = Resource::TeachingArea.index();
    let sports = Resource::SportsArea.index();
    for row in rows.iter_mut() {
        let Some(indoor) = row.fact(SchoolFact::IndoorSportsArea).filter(|&a| a > 0.0) else { continue };
        let (Some(teaching_area), Some(sports_area)) = (row.resources[teaching], row.resources[sports]) else { continue };
        if indoor > teaching_area {
            let args = args!["indoor" => indoor, "teaching" => teaching_area, "header" => table.label(Column::Resource(Resource::TeachingArea), lang)];
            errors.push(
                Problem::error(Code::IndoorAboveTeaching, args, lang)
                    .at_row(row.row)
                    .in_column(table.label(Column::Fact(SchoolFact::IndoorSportsArea), lang)),
            );
            continue;
        }
        row.resources[teaching] = Some(teaching_area - indoor);
        row.resources[sports] = Some(sports_area + indoor);
        moved += 1;
        area += indoor;
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok((moved > 0).then(|| Problem::notice(Code::IndoorSportsMoved, args!["count" => moved, "area" => area], lang)))
}
