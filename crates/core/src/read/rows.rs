//! Reading one record into a `SchoolRow`: names, levels and types, numbers as spreadsheets
//! write them (full-width, thousands separators, dashes for none, units), each problem at
//! its row and column.

use crate::args;
use crate::cells::fold_width;
use crate::diagnostics::{Args, Code, Problem};
use crate::model::{Affiliation, Lang, Level, Locality, Ownership, Resource, Resources, SchoolFact, SchoolRow, SchoolType};
use crate::record::Record;
use crate::template::{column_label, Column};
use std::collections::HashMap;

/// The largest number a cell may hold (after its unit): above every real school's figure by
/// far, and small enough that sums and squares over a whole nation stay finite.
pub const MAX_CELL: f64 = 1e12;

/// A school name longer than this is almost surely not a name (a pasted paragraph, a file).
const MAX_NAME_CHARS: usize = 200;

/// Rows that total the others: their name cell says 合计, 总计 or 小计.
pub(crate) fn is_totals_row(name: &str) -> bool {
    // Every school's name passes here: look at its ends before folding anything.
    let starts = name.trim_start().starts_with(['合', '总', '小', 't', 'T', 'ｔ', 'Ｔ']);
    if !starts && !name.trim_end().ends_with(['计', 'l', 'L', 'ｌ', 'Ｌ']) {
        return false;
    }
    let name: String = fold_width(name).chars().filter(|c| !c.is_whitespace()).collect();
    ["合计", "总计", "小计", "total"].iter().any(|w| name.to_ascii_lowercase().ends_with(w) || name.starts_with(w))
}

/// Reads one record into a `SchoolRow`.
pub(crate) struct RowReader<'a> {
    /// The columns' headers as the file writes them, for messages.
    pub(crate) headers: &'a HashMap<Column, String>,
    /// Where each column is in a record, by `Column::slot`.
    pub(crate) positions: [Option<usize>; Column::SLOTS],
    /// The factor of each column's unit to the core's unit (万元 → 元); a short list, read
    /// for every cell, so searched rather than hashed.
    pub(crate) factors: &'a [(Column, f64)],
    pub(crate) lang: Lang,
    /// Cells read as 0 because they held a dash or slash for "none".
    pub(crate) dashes: std::cell::Cell<usize>,
}

/// Who a record is: its name, level, type and ownership.
struct Identity {
    name: String,
    level: Level,
    school_type: SchoolType,
    ownership: Ownership,
    locality: Option<Locality>,
    affiliation: Option<Affiliation>,
}

impl RowReader<'_> {
    pub(crate) fn cell<'c>(&self, cells: &'c Record, column: Column) -> Option<&'c str> {
        cells.get(self.positions[column.slot()]?).filter(|c| !c.is_empty())
    }

    /// The factor of the column's unit to the core's unit (1 when it has none).
    pub(crate) fn factor(&self, column: Column) -> f64 {
        self.factors.iter().find(|(c, _)| *c == column).map_or(1.0, |(_, f)| *f)
    }

    pub(crate) fn label(&self, column: Column) -> String {
        column_label(self.headers, column, self.lang)
    }

    fn problem(&self, line: usize, column: Column, code: Code, args: Args) -> Problem {
        Problem::error(code, args, self.lang).at_row(line).in_column(self.label(column))
    }

    /// The record as a school row, or every problem it has.
    pub(crate) fn read(&self, line: usize, cells: &Record) -> Result<SchoolRow, Vec<Problem>> {
        let mut problems = Vec::new();
        let identity = self.identity(line, cells, &mut problems);
        let mut number = |column| self.number(line, cells, column, &mut problems);
        let students = number(Column::Students);
        let senior_students = number(Column::SeniorStudents);
        let mut resources: Resources = [None; Resource::COUNT];
        for resource in Resource::ALL {
            resources[resource.index()] = number(Column::Resource(resource));
        }
        let facts = SchoolFact::ALL.map(|fact| number(Column::Fact(fact)));
        let students = self.students(line, cells, students, &mut problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        let identity = identity.expect("a record without problems has its identity");
        if identity.name.chars().count() > MAX_NAME_CHARS {
            let args = args!["count" => identity.name.chars().count(), "max" => MAX_NAME_CHARS];
            return Err(vec![self.problem(line, Column::School, Code::NameTooLong, args)]);
        }
        Ok(SchoolRow {
            row: line,
            name: identity.name,
            code: self.cell(cells, Column::SchoolCode).map(|c| fold_width(c).trim().to_string()).filter(|c| !c.is_empty()),
            level: identity.level,
            school_type: identity.school_type,
            group: self.cell(cells, Column::Group).map(|g| fold_width(g).trim().to_string()),
            locality: identity.locality,
            affiliation: identity.affiliation,
            pooled: identity.school_type.is_mixed(),
            ownership: identity.ownership,
            students,
            senior_students,
            resources,
            facts,
        })
    }

    /// Name, level, type and ownership; `None` when any is missing or unknown.
    fn identity(&self, line: usize, cells: &Record, problems: &mut Vec<Problem>) -> Option<Identity> {
        let name = self.cell(cells, Column::School).map(|n| fold_width(n).trim().to_string());
        if name.is_none() {
            problems.push(self.problem(line, Column::School, Code::EmptyName, args![]));
        }
        let level = self.cell(cells, Column::Level).and_then(parse_level);
        if level.is_none() {
            problems.push(self.problem(line, Column::Level, Code::BadLevel, args![]));
        }
        let school_type = self.school_type(line, cells, level, problems);
        let ownership = self.ownership(line, cells, problems);
        let locality = self.locality(line, cells, problems);
        let affiliation = self.affiliation(line, cells, problems);
        Some(Identity {
            name: name?,
            level: level?,
            school_type: school_type?,
            ownership: ownership?,
            locality: locality.ok()?,
            affiliation: affiliation.ok()?,
        })
    }

    /// The school type (default: the level's own), which must allow the level.
    fn school_type(&self, line: usize, cells: &Record, level: Option<Level>, problems: &mut Vec<Problem>) -> Option<SchoolType> {
        let lang = self.lang;
        let school_type = match self.cell(cells, Column::SchoolType) {
            Some(text) => parse_school_type(text),
            None => Some(level.map_or(SchoolType::Primary, SchoolType::default_for)),
        };
        let Some(school_type) = school_type else {
            problems.push(self.problem(line, Column::SchoolType, Code::BadSchoolType, args![]));
            return None;
        };
        if let (Some(level), Some(allowed)) = (level, school_type.allowed_level()) {
            // An attached class (附设班) is checked against its host's row with the table.
            if level != allowed && !school_type.may_attach(level) {
                let args = args!["school_type" => school_type.name(lang), "level" => allowed.name(lang)];
                problems.push(self.problem(line, Column::Level, Code::LevelNotAllowed, args));
            }
        }
        Some(school_type)
    }

    /// 城区, 镇区 or 乡村, or none when the cell (or the column) is empty; `Err` (with its
    /// problem) for another word.
    fn locality(&self, line: usize, cells: &Record, problems: &mut Vec<Problem>) -> Result<Option<Locality>, ()> {
        let Some(text) = self.cell(cells, Column::Locality) else { return Ok(None) };
        let found = Locality::ALL.into_iter().find(|l| is_word(text, l.aliases()));
        if found.is_none() {
            problems.push(self.problem(line, Column::Locality, Code::BadLocality, args![]));
            return Err(());
        }
        Ok(found)
    }

    /// Who runs the school, or none when the cell (or the column) is empty; `Err` (with its
    /// problem) for words that name no one.
    fn affiliation(&self, line: usize, cells: &Record, problems: &mut Vec<Problem>) -> Result<Option<Affiliation>, ()> {
        let Some(text) = self.cell(cells, Column::Affiliation) else { return Ok(None) };
        let found = Affiliation::parse(&fold_width(text));
        if found.is_none() {
            problems.push(self.problem(line, Column::Affiliation, Code::BadAffiliation, args![]));
            return Err(());
        }
        Ok(found)
    }

    fn ownership(&self, line: usize, cells: &Record, problems: &mut Vec<Problem>) -> Option<Ownership> {
        let Some(text) = self.cell(cells, Column::Ownership) else { return Some(Ownership::Public) };
        if is_word(text, &["公办", "public"]) {
            Some(Ownership::Public)
        } else if is_word(text, &["民办", "private"]) {
            Some(Ownership::Private)
        } else {
            problems.push(self.problem(line, Column::Ownership, Code::BadOwnership, args![]));
            None
        }
    }

    /// A number cell in the core's unit; `None` when empty, or with a problem when unusable.
    fn number(&self, line: usize, cells: &Record, column: Column, problems: &mut Vec<Problem>) -> Option<f64> {
        let text = self.cell(cells, column)?;
        let Some(raw) = parse_number(text) else {
            if is_none_mark(text) {
                self.dashes.set(self.dashes.get() + 1);
                return Some(0.0);
            }
            problems.push(self.problem(line, column, Code::NotANumber, args!["text" => text]));
            return None;
        };
        let value = raw * self.factor(column);
        if raw < 0.0 {
            problems.push(self.problem(line, column, Code::Negative, args!["text" => text]));
            return None;
        }
        if value > MAX_CELL {
            problems.push(self.problem(line, column, Code::TooLarge, args!["text" => text]));
            return None;
        }
        Some(value)
    }

    /// Students: at least one, and present.
    fn students(&self, line: usize, cells: &Record, students: Option<f64>, problems: &mut Vec<Problem>) -> f64 {
        let code = match students {
            Some(s) if s >= 1.0 => return s,
            Some(s) if s > 0.0 => Code::StudentsBelowOne,
            Some(_) => Code::StudentsNotPositive,
            // A cell that is not a number has its problem already.
            None if self.cell(cells, Column::Students).is_some() => return 0.0,
            None => Code::StudentsEmpty,
        };
        problems.push(self.problem(line, Column::Students, code, args![]));
        0.0
    }
}

/// Whether a cell is one of `words` (compared ignoring case, full-width forms and spaces
/// around). Cells are compared as written first: folding allocates, and most cells are plain.
fn is_word(text: &str, words: &[&str]) -> bool {
    let plain = |t: &str| words.iter().any(|w| t.trim().eq_ignore_ascii_case(w));
    plain(text) || (!text.is_ascii() && plain(&fold_width(text)))
}

/// "—", "-", "/", "无": the statistics tables' marks for none.
fn is_none_mark(text: &str) -> bool {
    is_word(text, &["—", "——", "-", "--", "/", "无", "－", "–"])
}

/// Reads a number as spreadsheets write it: full-width digits, thousands separators,
/// surrounding spaces. Rejects anything that is not a finite number.
pub fn parse_number(text: &str) -> Option<f64> {
    let trimmed = text.trim();
    // Most cells are plain ASCII numbers: parse them where they lie.
    let value: f64 = if let Ok(value) = trimmed.parse() {
        value
    } else {
        let folded = fold_width(trimmed);
        let folded = folded.trim();
        if is_grouped(folded) { folded.replace(',', "").parse() } else { folded.parse() }.ok()?
    };
    // "inf" and "NaN" parse as f64 but are not numbers a bureau reports.
    value.is_finite().then_some(value)
}

/// "12,345.6": digits in groups of three separated by commas.
fn is_grouped(text: &str) -> bool {
    let integer = text.split('.').next().unwrap_or("");
    let integer = integer.strip_prefix('-').unwrap_or(integer);
    let mut groups = integer.split(',');
    let first = groups.next().unwrap_or("");
    integer.contains(',')
        && (1..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

fn parse_level(text: &str) -> Option<Level> {
    Level::ALL.into_iter().find(|level| is_word(text, &[level.name(Lang::Zh), level.key()]))
}

fn parse_school_type(text: &str) -> Option<SchoolType> {
    SchoolType::ALL.into_iter().find(|t| is_word(text, t.aliases()))
}
