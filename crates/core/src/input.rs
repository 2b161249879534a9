//! Input parsing: the CSV template of SPEC §5, comma- or tab-separated (cells copied from
//! Excel or WPS arrive as TSV). Every problem names the row of the user's file, the column
//! as the user wrote it, and what was expected.

use crate::model::{Lang, Level, Ownership, Resource, Resources, SchoolFact, SchoolRow, SchoolType};
use crate::standards::Standard;
use serde::Serialize;
use std::collections::HashMap;

/// An error or a warning about the input. `row` is the line of the user's file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    pub row: Option<usize>,
    pub column: Option<String>,
    pub message: String,
}

impl Problem {
    fn at(row: usize, column: &str, message: String) -> Problem {
        Problem { row: Some(row), column: Some(column.to_string()), message }
    }

    fn column(column: &str, message: String) -> Problem {
        Problem { row: None, column: Some(column.to_string()), message }
    }

    fn general(message: String) -> Problem {
        Problem { row: None, column: None, message }
    }

    /// One line for a terminal or a log: "第3行「在校生数」：…".
    pub fn describe(&self, lang: Lang) -> String {
        let place = match (self.row, &self.column, lang) {
            (Some(r), Some(c), Lang::Zh) => format!("第{r}行「{c}」："),
            (Some(r), None, Lang::Zh) => format!("第{r}行："),
            (None, Some(c), Lang::Zh) => format!("「{c}」列："),
            (Some(r), Some(c), Lang::En) => format!("row {r}, column \"{c}\": "),
            (Some(r), None, Lang::En) => format!("row {r}: "),
            (None, Some(c), Lang::En) => format!("column \"{c}\": "),
            (None, None, _) => String::new(),
        };
        format!("{place}{}", self.message)
    }
}

/// A column of the template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    School,
    Level,
    SchoolType,
    Group,
    Ownership,
    Students,
    SeniorStudents,
    Resource(Resource),
    Fact(SchoolFact),
}

impl Column {
    pub const ALL: [Column; 24] = [
        Column::School,
        Column::Level,
        Column::SchoolType,
        Column::Group,
        Column::Ownership,
        Column::Students,
        Column::SeniorStudents,
        Column::Resource(Resource::Teachers),
        Column::Resource(Resource::QualifiedTeachers),
        Column::Resource(Resource::SeniorTitleTeachers),
        Column::Resource(Resource::BackboneTeachers),
        Column::Resource(Resource::PeArtTeachers),
        Column::Resource(Resource::TeachingArea),
        Column::Resource(Resource::SportsArea),
        Column::Resource(Resource::EquipmentValue),
        Column::Resource(Resource::MultimediaRooms),
        Column::Resource(Resource::Computers),
        Column::Resource(Resource::Books),
        Column::Fact(SchoolFact::Classes),
        Column::Fact(SchoolFact::LargestClass),
        Column::Fact(SchoolFact::MusicRooms),
        Column::Fact(SchoolFact::MusicRoomArea),
        Column::Fact(SchoolFact::ArtRooms),
        Column::Fact(SchoolFact::ArtRoomArea),
    ];

    /// Chinese header, English alias, then other accepted Chinese names.
    pub fn names(self) -> &'static [&'static str] {
        use Resource::*;
        match self {
            Column::School => &["学校名称", "school", "学校", "校名", "单位名称", "学校(机构)名称"],
            Column::Level => &["学段", "level"],
            Column::SchoolType => &["学校类型", "school_type", "办学类型"],
            Column::Group => &["乡镇", "group", "学区", "乡镇（学区）"],
            Column::Ownership => &["办学性质", "ownership"],
            Column::Students => &["在校生数", "students", "学生数", "在校学生数", "在校生合计"],
            Column::SeniorStudents => &["高中在校生数", "senior_students"],
            Column::Resource(r) => match r {
                Teachers => &["专任教师数", "teachers", "专任教师合计", "专任教师数合计", "专任教师"],
                QualifiedTeachers => &["高于规定学历教师数", "qualified_teachers", "高于规定学历", "专任教师高于规定学历"],
                SeniorTitleTeachers => &["中级及以上职称教师数", "senior_title_teachers", "中级及以上职称", "中级及以上", "专任教师中级及以上"],
                BackboneTeachers => &["县级及以上骨干教师数", "backbone_teachers", "骨干教师数", "县级及以上骨干", "专任教师县级及以上骨干"],
                PeArtTeachers => &["体育艺术专任教师数", "pe_art_teachers", "体育艺术", "专任教师体育艺术"],
                TeachingArea => &["教学及辅助用房面积", "teaching_area", "教学及辅助用房"],
                SportsArea => &["体育运动场馆面积", "sports_area", "体育运动场(馆)面积", "体育运动场馆"],
                EquipmentValue => &["教学仪器设备值", "equipment_value", "教学仪器设备资产值", "教学仪器设备资产值合计"],
                MultimediaRooms => &["网络多媒体教室数", "multimedia_rooms", "网络多媒体教室"],
                Computers => &["计算机台数", "computers", "计算机数", "教学用计算机"],
                Books => &["图书册数", "books", "图书"],
            },
            Column::Fact(f) => match f {
                SchoolFact::Classes => &["班级数", "classes"],
                SchoolFact::LargestClass => &["最大班额", "largest_class"],
                SchoolFact::MusicRooms => &["音乐专用教室数", "music_rooms"],
                SchoolFact::MusicRoomArea => &["音乐专用教室面积", "music_room_area"],
                SchoolFact::ArtRooms => &["美术专用教室数", "art_rooms"],
                SchoolFact::ArtRoomArea => &["美术专用教室面积", "art_room_area"],
            },
        }
    }

    /// The column's name for people: the Chinese header, or an English label (the
    /// `header(Lang::En)` key is for files and code, not for menus).
    pub fn label(self, lang: Lang) -> &'static str {
        use Resource::*;
        let en = match self {
            Column::School => "School",
            Column::Level => "Level",
            Column::SchoolType => "School type",
            Column::Group => "Township / district",
            Column::Ownership => "Ownership",
            Column::Students => "Students",
            Column::SeniorStudents => "Senior high students",
            Column::Resource(r) => match r {
                Teachers => "Full-time teachers",
                QualifiedTeachers => "Teachers above the required degree",
                SeniorTitleTeachers => "Teachers with intermediate or senior titles",
                BackboneTeachers => "County-level or higher backbone teachers",
                PeArtTeachers => "PE and art teachers",
                TeachingArea => "Teaching and auxiliary floor area",
                SportsArea => "Sports grounds and halls area",
                EquipmentValue => "Teaching equipment value",
                MultimediaRooms => "Networked multimedia classrooms",
                Computers => "Computers",
                Books => "Library books",
            },
            Column::Fact(f) => match f {
                SchoolFact::Classes => "Classes",
                SchoolFact::LargestClass => "Largest class",
                SchoolFact::MusicRooms => "Music rooms",
                SchoolFact::MusicRoomArea => "Music room area",
                SchoolFact::ArtRooms => "Art rooms",
                SchoolFact::ArtRoomArea => "Art room area",
            },
        };
        lang.pick(self.names()[0], en)
    }

    /// The template's header for this column in the given language.
    pub fn header(self, lang: Lang) -> &'static str {
        self.names()[match lang {
            Lang::Zh => 0,
            Lang::En => 1,
        }]
    }

    /// Units a header may name in brackets, and the factor to the unit the core uses.
    fn units(self) -> &'static [(&'static str, f64)] {
        use Resource::*;
        match self {
            Column::Resource(TeachingArea | SportsArea) | Column::Fact(SchoolFact::MusicRoomArea | SchoolFact::ArtRoomArea) => &[("㎡", 1.0), ("m2", 1.0), ("m²", 1.0), ("平方米", 1.0), ("亩", 10_000.0 / 15.0)],
            Column::Resource(EquipmentValue) => &[("元", 1.0), ("yuan", 1.0), ("千元", 1_000.0), ("万元", 10_000.0)],
            Column::Resource(Computers) => &[("台", 1.0)],
            Column::Resource(Books) => &[("册", 1.0)],
            Column::Resource(MultimediaRooms) | Column::Fact(SchoolFact::MusicRooms | SchoolFact::ArtRooms) => &[("间", 1.0), ("个", 1.0)],
            Column::Fact(SchoolFact::Classes) => &[("个", 1.0), ("班", 1.0)],
            Column::Fact(SchoolFact::LargestClass) => &[("人", 1.0)],
            Column::Students | Column::SeniorStudents | Column::Resource(_) => &[("人", 1.0)],
            _ => &[],
        }
    }
}

/// Folds full-width forms to half-width and the ideographic space to a space, so that
/// "（万元）" and "(万元)", "１２" and "12" read alike.
pub fn fold_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// A header split into its name and an optional trailing unit in brackets.
fn split_header(header: &str) -> (String, Option<String>) {
    let folded: String = fold_width(header).chars().filter(|c| !c.is_whitespace()).collect();
    let folded = folded.trim_start_matches('\u{feff}').to_lowercase();
    for (open, close) in [('(', ')'), ('[', ']'), ('【', '】')] {
        if let Some(body) = folded.strip_suffix(close) {
            if let Some(at) = body.rfind(open) {
                return (body[..at].to_string(), Some(body[at + open.len_utf8()..].to_string()));
            }
        }
    }
    (folded, None)
}

fn match_column(name: &str) -> Option<Column> {
    Column::ALL
        .into_iter()
        .find(|c| c.names().iter().chain([&c.label(Lang::En)]).any(|n| split_header(n).0 == name))
}

/// The text split into records, each with the line it starts on. Tab-separated when the
/// first line has a tab (a paste from a spreadsheet), comma-separated otherwise.
pub fn read_grid(text: &str) -> Vec<(usize, Vec<String>)> {
    let text = text.trim_start_matches('\u{feff}');
    // Title lines above a pasted table may have no tab: look a few lines down.
    let delimiter = if text.lines().take(10).any(|l| l.contains('\t')) { b'\t' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut grid = Vec::new();
    let mut record = csv::StringRecord::new();
    // Lines are counted here from byte offsets: csv's own line count skips blank lines,
    // and the user's file numbers them.
    let (mut line, mut counted_to) = (1, 0);
    // A malformed record (invalid UTF-8 cannot occur in &str) ends the reading; csv is lenient.
    while let Ok(true) = reader.read_record(&mut record) {
        let mut start = record.position().map_or(counted_to, |p| p.byte() as usize);
        // The position is where the previous record ended: blank lines come first.
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        line += text.as_bytes()[counted_to..start].iter().filter(|&&b| b == b'\n').count();
        counted_to = start;
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        if cells.iter().any(|c| !c.is_empty()) {
            grid.push((line, cells));
        }
    }
    grid
}

/// Characters that show as nothing but change a text: zero-width marks, which make two
/// identical-looking names differ, and direction controls, which reverse a message line.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
        || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// The grid without invisible characters, and where they were: how many cells, the first.
fn clean_grid(grid: &[(usize, Vec<String>)]) -> (std::borrow::Cow<'_, [(usize, Vec<String>)]>, Option<(usize, usize, usize)>) {
    let dirty = |cell: &String| cell.chars().any(is_invisible);
    if !grid.iter().any(|(_, cells)| cells.iter().any(dirty)) {
        return (std::borrow::Cow::Borrowed(grid), None);
    }
    let (mut count, mut first) = (0, None);
    let cleaned = grid
        .iter()
        .map(|(line, cells)| {
            let cells = cells
                .iter()
                .enumerate()
                .map(|(index, cell)| {
                    if !dirty(cell) {
                        return cell.clone();
                    }
                    count += 1;
                    first.get_or_insert((*line, index));
                    cell.chars().filter(|c| !is_invisible(*c)).collect::<String>().trim().to_string()
                })
                .collect();
            (*line, cells)
        })
        .collect();
    (std::borrow::Cow::Owned(cleaned), first.map(|(line, index)| (count, line, index)))
}

/// The largest number a cell may hold (after its unit): above every real school's figure by
/// far, and small enough that sums and squares over a whole nation stay finite.
pub const MAX_CELL: f64 = 1e12;

/// A school name longer than this is almost surely not a name (a pasted paragraph, a file).
const MAX_NAME_CHARS: usize = 200;

/// The schools read from a table, with the columns it had.
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub rows: Vec<SchoolRow>,
    /// The header text of each template column present, as the user wrote it.
    pub headers: HashMap<Column, String>,
    pub warnings: Vec<Problem>,
    pub review: Review,
}

/// A column's name as the file writes it, or the template's name when the file lacks it.
fn column_label(headers: &HashMap<Column, String>, column: Column, lang: Lang) -> String {
    headers.get(&column).cloned().unwrap_or_else(|| column.header(lang).to_string())
}

impl Table {
    pub fn has(&self, column: Column) -> bool {
        self.headers.contains_key(&column)
    }

    /// The column's name as the user wrote it, or the template's name.
    pub fn label(&self, column: Column, lang: Lang) -> String {
        column_label(&self.headers, column, lang)
    }

    /// The problems that stop an evaluation under `standard`: a needed column absent, or a
    /// needed cell empty (mixed schools may leave facility totals on one row only).
    pub fn check_needs(&self, standard: Standard, lang: Lang) -> Vec<Problem> {
        let mut problems = Vec::new();
        for resource in standard.resources() {
            let column = Column::Resource(resource);
            if !self.has(column) {
                let name = column.header(lang);
                problems.push(Problem::column(name, msg_missing_column(lang, name, standard)));
                continue;
            }
            let label = self.label(column, lang);
            for row in &self.rows {
                let may_be_blank = resource.is_facility() && row.school_type.is_mixed();
                if row.resource(resource).is_none() && !may_be_blank {
                    let message = lang.pick("此列为空，应填写不小于0的数", "the cell is empty; expected a number ≥ 0");
                    problems.push(Problem::at(row.row, &label, message.to_string()));
                }
            }
        }
        problems
    }
}

fn msg_missing_column(lang: Lang, name: &str, standard: Standard) -> String {
    match lang {
        Lang::Zh => format!("缺少此列：{}需要「{name}」", standard.name(lang)),
        Lang::En => format!("the column is missing: {} needs \"{name}\"", standard.name(lang)),
    }
}

/// How the file's columns were read: its header row(s) and what each column became.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Review {
    /// The lines of the header (two for a merged two-row header).
    pub header_rows: Vec<usize>,
    pub columns: Vec<MappedColumn>,
    /// Rows left out (titles above the header, totals rows), with the reason.
    pub skipped: Vec<Problem>,
    /// Students and teachers read against the file's own totals row, when it has one.
    pub sums: Vec<SumCheck>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MappedColumn {
    /// The column's position in the file, from 0.
    pub index: usize,
    /// Its header as the file writes it ("专任教师/高于规定学历" for a two-row header).
    pub header: String,
    /// The template column it was read as (its English key), or none.
    pub column: Option<&'static str>,
    /// True when the user chose the column by hand.
    pub by_user: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SumCheck {
    pub column: String,
    pub read: f64,
    pub file_total: Option<f64>,
    /// Whether the rows read add up to the file's total (within rounding); none without one.
    pub matches: Option<bool>,
}

/// Totals written by a spreadsheet are rounded sums of rounded cells: this close is equal.
const SUM_TOLERANCE: f64 = 1e-6;

/// Columns chosen by hand: file column index → template column key ("" to ignore it).
pub type Mapping = std::collections::BTreeMap<ColumnIndex, String>;

/// A file column's position, from 0. Reads from a number or from text, because JSON and
/// JavaScript object keys are text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ColumnIndex(pub usize);

impl<'de> serde::Deserialize<'de> for ColumnIndex {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(usize),
            Text(String),
        }
        match Raw::deserialize(deserializer)? {
            Raw::Number(n) => Ok(ColumnIndex(n)),
            Raw::Text(text) => text.parse().map(ColumnIndex).map_err(serde::de::Error::custom),
        }
    }
}

impl Column {
    /// The English key of the column: the template's English header.
    pub fn key(self) -> &'static str {
        self.names()[1]
    }

    pub fn from_key(key: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// Reads the template's table. All problems are collected, not only the first.
pub fn read_table(text: &str, lang: Lang) -> Result<Table, Vec<Problem>> {
    read_grid_table(&read_grid(text), &Mapping::new(), lang)
}

/// How many template columns the best of a grid's top rows names: which sheet is the table.
pub fn template_columns_in(grid: &[(usize, Vec<String>)]) -> usize {
    grid.iter().take(HEADER_SEARCH_ROWS).map(|(_, cells)| named_columns(cells)).max().unwrap_or(0)
}

/// How far down the header may be: below the titles a statistics table puts above it.
const HEADER_SEARCH_ROWS: usize = 10;

/// How many cells of a row name a template column.
fn named_columns(cells: &[String]) -> usize {
    cells.iter().filter(|c| match_column(&split_header(c).0).is_some()).count()
}

/// The header: the first of the top rows that names at least three template columns (or
/// the first row), and the row below it when that row completes a two-row merged header.
fn find_header(grid: &[(usize, Vec<String>)]) -> (usize, Option<usize>) {
    let header = (0..grid.len().min(HEADER_SEARCH_ROWS)).find(|&i| named_columns(&grid[i].1) >= 3).unwrap_or(0);
    let sub = header + 1;
    let is_sub = grid.get(sub).is_some_and(|(_, cells)| {
        let numeric = cells.iter().any(|c| parse_number(c).is_some());
        !numeric && header_matches(&grid[header].1, Some(cells)) > header_matches(&grid[header].1, None)
    });
    (header, is_sub.then_some(sub))
}

/// How many columns a header names, with an optional second row under merged cells: a
/// child name alone ("高于规定学历") or with its parent ("专任教师" + "合计").
fn header_matches(header: &[String], sub: Option<&[String]>) -> usize {
    header_texts(header, sub).iter().filter(|text| match_column(&header_name(text).0).is_some()).count()
}

/// The text each column's header stands for: "parent/child" under a two-row header.
fn header_texts(header: &[String], sub: Option<&[String]>) -> Vec<String> {
    let width = header.len().max(sub.map_or(0, <[String]>::len));
    let mut parent = String::new();
    (0..width)
        .map(|i| {
            let own = header.get(i).cloned().unwrap_or_default();
            if !own.is_empty() {
                parent = own.clone();
            }
            let child = sub.and_then(|s| s.get(i)).cloned().unwrap_or_default();
            if child.is_empty() {
                return own;
            }
            let combined = format!("{parent}{child}");
            if match_column(&split_header(&child).0).is_some() || match_column(&split_header(&combined).0).is_none() {
                format!("{parent}/{child}").trim_start_matches('/').to_string()
            } else {
                combined
            }
        })
        .collect()
}

/// The name a header text is matched by: the child of "parent/child" alone when it names a
/// column, else the two together.
fn header_name(text: &str) -> (String, Option<String>) {
    match text.split_once('/') {
        Some((parent, child)) => {
            let (name, unit) = split_header(child);
            if match_column(&name).is_some() {
                (name, unit)
            } else {
                split_header(&format!("{parent}{child}"))
            }
        }
        None => split_header(text),
    }
}

/// Rows that total the others: their name cell says 合计, 总计 or 小计.
fn is_totals_row(name: &str) -> bool {
    let name: String = fold_width(name).chars().filter(|c| !c.is_whitespace()).collect();
    ["合计", "总计", "小计", "total"].iter().any(|w| name.to_lowercase().ends_with(w) || name.starts_with(w))
}

/// Reads the table from cells: finds the header, maps the columns (by header, or by the
/// user's `mapping`), skips titles and totals rows with a notice, and reads every row.
pub fn read_grid_table(grid: &[(usize, Vec<String>)], mapping: &Mapping, lang: Lang) -> Result<Table, Vec<Problem>> {
    read_grid_reviewed(grid, mapping, lang).map_err(|(errors, _)| errors)
}

/// `read_grid_table`, keeping the review (the column mapping) when the table is unusable,
/// so that the user can map a column by hand.
pub fn read_grid_reviewed(grid: &[(usize, Vec<String>)], mapping: &Mapping, lang: Lang) -> Result<Table, (Vec<Problem>, Review)> {
    let (grid, invisible) = clean_grid(grid);
    let grid = &grid[..];
    if grid.is_empty() {
        let message = lang.pick("没有数据：请粘贴表格或选择 CSV 文件", "no data: paste a table or choose a CSV file");
        return Err((vec![Problem::general(message.to_string())], Review::default()));
    }
    let (header_index, sub_index) = find_header(grid);
    let header_line = grid[header_index].0;
    let mut table = Table::default();
    for (line, _) in &grid[..header_index] {
        let message = lang.pick("表头之上的标题行，已跳过", "a title above the header, skipped");
        table.review.skipped.push(Problem { row: Some(*line), column: None, message: message.into() });
    }
    let texts = header_texts(&grid[header_index].1, sub_index.map(|i| grid[i].1.as_slice()));
    table.review.header_rows = std::iter::once(header_line).chain(sub_index.map(|i| grid[i].0)).collect();
    let mut errors = Vec::new();
    let mut positions: Vec<(Column, usize)> = Vec::new();
    let mut factors: HashMap<Column, f64> = HashMap::new();
    for (index, text) in texts.iter().enumerate() {
        let (name, unit) = header_name(text);
        let chosen = mapping.get(&ColumnIndex(index));
        let column = match chosen {
            Some(key) => Column::from_key(key),
            None if text.is_empty() => None,
            None => match_column(&name),
        };
        table.review.columns.push(MappedColumn { index, header: text.clone(), column: column.map(Column::key), by_user: chosen.is_some() });
        let Some(column) = column else {
            if !text.is_empty() && chosen.is_none() {
                let message = lang.pick("未识别的列，已忽略", "unknown column, ignored");
                table.warnings.push(Problem::at(header_line, text, message.to_string()));
            }
            continue;
        };
        if let Some(first) = table.headers.get(&column) {
            let message = match lang {
                Lang::Zh => format!("与「{first}」是同一列，只能出现一次"),
                Lang::En => format!("the same column as \"{first}\"; it may appear once"),
            };
            errors.push(Problem::at(header_line, text, message));
            continue;
        }
        match unit.filter(|_| chosen.is_none()).map(|u| column.units().iter().find(|(name, _)| *name == u).ok_or(u)) {
            Some(Ok((_, factor))) => {
                factors.insert(column, *factor);
            }
            Some(Err(unit)) => {
                let known: Vec<&str> = column.units().iter().map(|(n, _)| *n).collect();
                let message = match lang {
                    Lang::Zh => format!("不认识单位「{unit}」，可用的单位：{}", known.join("、")),
                    Lang::En => format!("unknown unit \"{unit}\"; expected one of: {}", known.join(", ")),
                };
                errors.push(Problem::at(header_line, text, message));
                continue;
            }
            None => {}
        }
        table.headers.insert(column, text.clone());
        positions.push((column, index));
    }
    for required in [Column::School, Column::Level, Column::Students] {
        if !table.has(required) {
            let name = required.header(lang);
            let message = match lang {
                Lang::Zh => format!("缺少必填列「{name}」（或英文 {}）", required.header(Lang::En)),
                Lang::En => format!("the required column \"{}\" ({name}) is missing", required.header(Lang::En)),
            };
            errors.push(Problem::column(name, message));
        }
    }
    if !errors.is_empty() {
        return Err((errors, table.review));
    }
    let records = &grid[sub_index.unwrap_or(header_index) + 1..];
    if records.is_empty() {
        let message = lang.pick("只有表头，没有学校数据", "only a header row: no schools");
        return Err((vec![Problem::general(message.to_string())], table.review));
    }
    let reader = RowReader { headers: &table.headers, positions: &positions, factors: &factors, lang, dashes: Default::default() };
    let (mut rows, mut totals) = (Vec::new(), None);
    for (line, cells) in records {
        if reader.cell(cells, Column::School).is_some_and(is_totals_row) {
            let message = lang.pick("合计行，已跳过（用于核对合计）", "a totals row, skipped (used to check the sums)");
            let skipped = Problem { row: Some(*line), column: Some(reader.label(Column::School)), message: message.into() };
            table.review.skipped.push(skipped);
            totals.get_or_insert(cells);
            continue;
        }
        match reader.read(*line, cells) {
            Ok(row) => rows.push(row),
            Err(mut problems) => errors.append(&mut problems),
        }
    }
    if let Some((count, line, index)) = invisible {
        let column = texts.get(index).filter(|t| !t.is_empty()).cloned().unwrap_or_else(|| (index + 1).to_string());
        table.warnings.push(Problem::at(line, &column, match lang {
            Lang::Zh => format!("{count} 个单元格含有看不见的字符（零宽字符或文字方向控制符），已去除；此处为第一个"),
            Lang::En => format!("{count} cells held invisible characters (zero-width or direction controls), removed; this is the first"),
        }));
    }
    let dashes = reader.dashes.get();
    if dashes > 0 {
        table.warnings.push(Problem::general(match lang {
            Lang::Zh => format!("{dashes} 个单元格为「—」「/」等，表示无，按 0 计"),
            Lang::En => format!("{dashes} cells hold a dash or slash for none and were read as 0"),
        }));
    }
    table.rows = rows;
    table.review.sums = sum_checks(&table, totals.map(|cells| &cells[..]), &reader, lang);
    for check in &table.review.sums {
        if let (Some(file), Some(false)) = (check.file_total, check.matches) {
            table.warnings.push(Problem::column(&check.column, match lang {
                Lang::Zh => format!("读入合计 {} 与文件合计行 {file} 不符，请检查是否有行未读入", check.read),
                Lang::En => format!("the rows read add up to {}, the file's totals row says {file}: check for rows not read", check.read),
            }));
        }
    }
    errors.extend(duplicates(&table, lang));
    errors.extend(consistency(&table, lang));
    if errors.is_empty() {
        table.warnings.extend(plausibility(&table, lang));
        Ok(table)
    } else {
        Err((errors, table.review))
    }
}

/// Students and teachers read, against the totals row of the file when there is one.
fn sum_checks(table: &Table, totals: Option<&[String]>, reader: &RowReader, lang: Lang) -> Vec<SumCheck> {
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
fn consistency(table: &Table, lang: Lang) -> Vec<Problem> {
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
fn plausibility(table: &Table, lang: Lang) -> Vec<Problem> {
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

/// Reads one record into a `SchoolRow`.
struct RowReader<'a> {
    /// The columns' headers as the file writes them, for messages.
    headers: &'a HashMap<Column, String>,
    positions: &'a [(Column, usize)],
    factors: &'a HashMap<Column, f64>,
    lang: Lang,
    /// Cells read as 0 because they held a dash or slash for "none".
    dashes: std::cell::Cell<usize>,
}

impl RowReader<'_> {
    fn cell<'c>(&self, cells: &'c [String], column: Column) -> Option<&'c str> {
        let (_, index) = self.positions.iter().find(|(c, _)| *c == column)?;
        cells.get(*index).map(String::as_str).filter(|c| !c.is_empty())
    }

    fn label(&self, column: Column) -> String {
        column_label(self.headers, column, self.lang)
    }

    fn read(&self, line: usize, cells: &[String]) -> Result<SchoolRow, Vec<Problem>> {
        let lang = self.lang;
        let mut problems = Vec::new();
        let mut fail = |column: Column, message: &str| problems.push(Problem::at(line, &self.label(column), message.to_string()));

        let name = self.cell(cells, Column::School).map(|n| fold_width(n).trim().to_string());
        if name.is_none() {
            fail(Column::School, lang.pick("学校名称为空", "the school name is empty"));
        }
        let level = match self.cell(cells, Column::Level) {
            Some(text) => parse_level(text),
            None => None,
        };
        if level.is_none() {
            fail(Column::Level, lang.pick("应为「小学」或「初中」", "expected 小学 (primary) or 初中 (junior)"));
        }
        let school_type = match self.cell(cells, Column::SchoolType) {
            Some(text) => parse_school_type(text).ok_or(()),
            None => Ok(level.map(SchoolType::default_for).unwrap_or(SchoolType::Primary)),
        };
        let school_type = school_type.unwrap_or_else(|_| {
            fail(
                Column::SchoolType,
                lang.pick(
                    "应为 小学、初中、九年一贯制、完全中学、十二年一贯制、教学点、特殊教育学校 或 职业学校",
                    "expected one of 小学, 初中, 九年一贯制, 完全中学, 十二年一贯制, 教学点, 特殊教育学校, 职业学校",
                ),
            );
            SchoolType::Primary
        });
        if let (Some(level), Some(allowed)) = (level, school_type.allowed_level()) {
            if level != allowed {
                let message = match lang {
                    Lang::Zh => format!("{}只能填学段「{}」", school_type.name(lang), allowed.name(lang)),
                    Lang::En => format!("a {} has only the level {}", school_type.name(lang), allowed.name(lang)),
                };
                fail(Column::Level, &message);
            }
        }
        let ownership = match self.cell(cells, Column::Ownership).map(fold_width) {
            None => Ownership::Public,
            Some(text) => match text.trim().to_lowercase().as_str() {
                "公办" | "public" => Ownership::Public,
                "民办" | "private" => Ownership::Private,
                _ => {
                    fail(Column::Ownership, lang.pick("应为「公办」或「民办」", "expected 公办 (public) or 民办 (private)"));
                    Ownership::Public
                }
            },
        };
        let mut number = |column: Column| -> Option<f64> {
            let text = self.cell(cells, column)?;
            if is_none_mark(text) {
                self.dashes.set(self.dashes.get() + 1);
                return Some(0.0);
            }
            match parse_number(text).map(|v| (v, v * self.factors.get(&column).copied().unwrap_or(1.0))) {
                Some((_, value)) if value > MAX_CELL => {
                    problems.push(Problem::at(line, &self.label(column), match lang {
                        Lang::Zh => format!("「{text}」过大：应为不超过一万亿（10¹²）的数"),
                        Lang::En => format!("\"{text}\" is too large: expected a number up to 10¹² (one trillion)"),
                    }));
                    None
                }
                Some((raw, value)) if raw >= 0.0 => Some(value),
                Some(_) => {
                    problems.push(Problem::at(line, &self.label(column), msg_number(lang, text, "不能为负数", "it cannot be negative")));
                    None
                }
                None => {
                    problems.push(Problem::at(line, &self.label(column), msg_number(lang, text, "不是数字", "not a number")));
                    None
                }
            }
        };
        let students = number(Column::Students);
        let senior_students = number(Column::SeniorStudents);
        let mut resources: Resources = [None; Resource::COUNT];
        for resource in Resource::ALL {
            resources[resource.index()] = number(Column::Resource(resource));
        }
        let facts = SchoolFact::ALL.map(|fact| number(Column::Fact(fact)));
        let students = match students {
            Some(s) if s >= 1.0 => s,
            Some(s) if s > 0.0 => {
                let message = lang.pick("在校生数应为不小于1的数（人数）", "the number of students must be at least 1");
                problems.push(Problem::at(line, &self.label(Column::Students), message.to_string()));
                0.0
            }
            Some(_) => {
                let message = lang.pick("在校生数应大于0", "the number of students must be greater than 0");
                problems.push(Problem::at(line, &self.label(Column::Students), message.to_string()));
                0.0
            }
            None => {
                if self.cell(cells, Column::Students).is_none() {
                    let message = lang.pick("在校生数为空，应为大于0的数", "the number of students is empty; expected a number > 0");
                    problems.push(Problem::at(line, &self.label(Column::Students), message.to_string()));
                }
                0.0
            }
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        let group = self.cell(cells, Column::Group).map(|g| fold_width(g).trim().to_string());
        let name = name.unwrap_or_default();
        if name.chars().count() > MAX_NAME_CHARS {
            let message = match lang {
                Lang::Zh => format!("学校名称有 {} 个字符，超过 {MAX_NAME_CHARS} 个：请检查是否粘贴了别的内容", name.chars().count()),
                Lang::En => format!("the school name has {} characters, more than {MAX_NAME_CHARS}: check what was pasted", name.chars().count()),
            };
            return Err(vec![Problem::at(line, &self.label(Column::School), message)]);
        }
        Ok(SchoolRow {
            row: line,
            name,
            level: level.unwrap_or(Level::Primary),
            school_type,
            group,
            ownership,
            students,
            senior_students,
            resources,
            facts,
        })
    }
}

fn msg_number(lang: Lang, text: &str, zh: &str, en: &str) -> String {
    match lang {
        Lang::Zh => format!("「{text}」{zh}，应为不小于0的数"),
        Lang::En => format!("\"{text}\" is {en}; expected a number ≥ 0"),
    }
}

/// "—", "-", "/", "无": the statistics tables' marks for none.
fn is_none_mark(text: &str) -> bool {
    matches!(fold_width(text).trim(), "—" | "——" | "-" | "--" | "/" | "无" | "－" | "–")
}

/// Reads a number as spreadsheets write it: full-width digits, thousands separators,
/// surrounding spaces. Rejects anything that is not a finite number.
pub fn parse_number(text: &str) -> Option<f64> {
    let folded = fold_width(text);
    let trimmed = folded.trim();
    let plain: String = if is_grouped(trimmed) { trimmed.replace(',', "") } else { trimmed.to_string() };
    let value: f64 = plain.parse().ok()?;
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
    match fold_width(text).trim().to_lowercase().as_str() {
        "小学" | "primary" => Some(Level::Primary),
        "初中" | "junior" => Some(Level::Junior),
        _ => None,
    }
}

fn parse_school_type(text: &str) -> Option<SchoolType> {
    let folded = fold_width(text).trim().to_lowercase();
    SchoolType::ALL.into_iter().find(|t| t.aliases().contains(&folded.as_str()))
}

/// Two rows for the same school and level would count the school twice.
fn duplicates(table: &Table, lang: Lang) -> Vec<Problem> {
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

/// The header row of the CSV template, in the given language.
pub fn template_header(lang: Lang) -> String {
    Column::ALL.iter().map(|c| c.header(lang)).collect::<Vec<_>>().join(",")
}
