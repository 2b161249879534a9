//! A plan written into the user's own table: each addition added to its cell (in the unit
//! the file's header names, 万元 included), each move taken from one row and given to
//! another. The page applies a plan as a what-if with it; the cells stay the user's.

use super::contract::{Addition, Transfer};
use crate::cells::clean_grid;
use crate::diagnostics::Problem;
use crate::header::{map_columns, Mapping};
use crate::input::parse_number;
use crate::model::{Lang, Resource};
use crate::record::{Grid, Record};
use crate::template::Column;

/// The grid with the plan's additions and transfers in its cells. The grid is the one the
/// plan was made from (rows are its lines); a column the file lacks gets nothing (the plan
/// adds only to columns it read).
pub fn apply(
    grid: &[(usize, Record)],
    mapping: &Mapping,
    additions: &[Addition],
    transfers: &[Transfer],
    lang: Lang,
) -> Result<Grid, Vec<Problem>> {
    // Found as the reader finds them: in the cells cleaned of invisible characters.
    let columns = map_columns(&clean_grid(grid).0, mapping, lang);
    if !columns.errors.is_empty() {
        return Err(columns.errors);
    }
    let mut out = grid.to_vec();
    let mut change = |line: usize, key: &str, by: f64| {
        let Some(column) = Column::from_key(key) else { return };
        let Some(index) = columns.positions[column.slot()] else { return };
        let factor = columns.factors.iter().find(|(c, _)| *c == column).map_or(1.0, |(_, f)| *f);
        let Some((_, cells)) = out.iter_mut().find(|(l, _)| *l == line) else { return };
        let now = cells.get(index).and_then(parse_number).unwrap_or(0.0);
        *cells = cells.with_cell(index, &number(now + by / factor));
    };
    for a in additions {
        change(a.row, a.column, a.add);
    }
    for t in transfers {
        let count = t.count as f64;
        change(t.from.row, t.column, -count);
        change(t.to.row, t.column, count);
        if t.column != Column::Resource(Resource::Teachers).key() {
            change(t.from.row, "teachers", -count);
            change(t.to.row, "teachers", count);
        }
    }
    Ok(out)
}

/// A cell's number: as many decimals as it needs, up to ten (a 万元 cell keeps 元 and fen).
fn number(value: f64) -> String {
    let text = format!("{value:.10}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.into()
    }
}
