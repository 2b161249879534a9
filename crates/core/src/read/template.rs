//! The template's columns (SPEC §5): their Chinese headers, English keys and labels, the
//! other names offices use, and the units a header may name.

use crate::cells::fold_width;
use crate::model::{Lang, Resource, SchoolFact};
use std::collections::HashMap;

/// A column of the template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// A province file's county (province.rs); not in the county template.
    County,
    /// 隶属关系 (省直属 or the county's): optional, for the scope; not in the template.
    Affiliation,
    /// 学校标识码: optional, to find a school again in another year's table; not in the template.
    SchoolCode,
    School,
    Level,
    SchoolType,
    Group,
    Locality,
    Ownership,
    Students,
    SeniorStudents,
    Resource(Resource),
    Fact(SchoolFact),
}

impl Column {
    /// The columns that are neither a resource nor a fact: the first slots.
    const OWN_SLOTS: usize = 11;
    /// How many columns there are: the length of a table indexed by `slot`.
    pub(crate) const SLOTS: usize = Self::OWN_SLOTS + Resource::COUNT + SchoolFact::ALL.len();

    /// The column's place in a table of `SLOTS`, found without searching: a row's reader
    /// looks up every column of every row.
    pub(crate) fn slot(self) -> usize {
        match self {
            Column::County => 0,
            Column::Affiliation => 1,
            Column::SchoolCode => 2,
            Column::School => 3,
            Column::Level => 4,
            Column::SchoolType => 5,
            Column::Group => 6,
            Column::Locality => 7,
            Column::Ownership => 8,
            Column::Students => 9,
            Column::SeniorStudents => 10,
            Column::Resource(r) => Self::OWN_SLOTS + r.index(),
            Column::Fact(f) => Self::OWN_SLOTS + Resource::COUNT + f as usize,
        }
    }

    pub const ALL: [Column; 32] = [
        Column::County,
        Column::Affiliation,
        Column::SchoolCode,
        Column::School,
        Column::Level,
        Column::SchoolType,
        Column::Group,
        Column::Locality,
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
        Column::Fact(SchoolFact::IndoorSportsArea),
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
        Column::Fact(SchoolFact::BuiltYear),
        Column::Fact(SchoolFact::MigrantShare),
        Column::Fact(SchoolFact::TravellingPeArtTeachers),
    ];

    /// Chinese header, English alias, then other accepted Chinese names.
    pub fn names(self) -> &'static [&'static str] {
        use Resource::*;
        match self {
            Column::School => &["学校名称", "school", "学校", "校名", "单位名称", "学校(机构)名称"],
            Column::Level => &["学段", "level"],
            Column::SchoolType => &["学校类型", "school_type", "办学类型"],
            Column::County => &["县", "county", "县区", "区县", "县（区）", "县（市、区）", "县(市、区)"],
            Column::Affiliation => &["隶属关系", "affiliation", "隶属", "学校隶属关系"],
            Column::SchoolCode => &["学校标识码", "school_code", "学校代码", "学校标识", "标识码"],
            Column::Group => &["乡镇", "group", "学区", "乡镇（学区）"],
            Column::Locality => &["城乡类型", "urban_rural", "城乡分类", "城乡"],
            Column::Ownership => &["办学性质", "ownership"],
            Column::Students => &["在校生数", "students", "学生数", "在校学生数", "在校生合计"],
            Column::SeniorStudents => &["高中在校生数", "senior_students"],
            Column::Resource(r) => match r {
                Teachers => &["专任教师数", "teachers", "专任教师合计", "专任教师数合计", "专任教师"],
                QualifiedTeachers => &["高于规定学历教师数", "qualified_teachers", "高于规定学历", "专任教师高于规定学历"],
                SeniorTitleTeachers => {
                    &["中级及以上职称教师数", "senior_title_teachers", "中级及以上职称", "中级及以上", "专任教师中级及以上"]
                }
                BackboneTeachers => {
                    &["县级及以上骨干教师数", "backbone_teachers", "骨干教师数", "县级及以上骨干", "专任教师县级及以上骨干"]
                }
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
                SchoolFact::IndoorSportsArea => &["室内体育用房面积", "indoor_sports_area", "室内体育用房"],
                SchoolFact::BuiltYear => &["建校年份", "built_year", "建校时间", "建校年代"],
                SchoolFact::MigrantShare => &["随迁子女比例", "migrant_share", "随迁子女占比"],
                SchoolFact::TravellingPeArtTeachers => &["走教体育艺术教师数", "travelling_pe_art_teachers", "走教体育艺术教师"],
            },
        }
    }

    /// The column's name for people: the Chinese header, or an English label (the
    /// `english_header` key is for files and code, not for menus).
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(self.names()[0], self.english_label())
    }

    /// The English label, in every build: a header that reads it is this column whatever
    /// the language in use.
    fn english_label(self) -> &'static str {
        use Resource::*;
        match self {
            Column::School => "School",
            Column::Level => "Level",
            Column::SchoolType => "School type",
            Column::County => "County",
            Column::Affiliation => "Administered by",
            Column::SchoolCode => "School ID",
            Column::Group => "Township / district",
            Column::Locality => "Urban / town / rural",
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
                SchoolFact::IndoorSportsArea => "Indoor sports rooms area",
                SchoolFact::BuiltYear => "Year built",
                SchoolFact::MigrantShare => "Migrant children (%)",
                SchoolFact::TravellingPeArtTeachers => "Travelling PE and art teachers",
            },
        }
    }

    /// The template's header for this column in the given language.
    pub fn header(self, lang: Lang) -> &'static str {
        // Traditional readers get the Simplified header, which every reader of the file knows.
        if lang.is_english() {
            self.english_header()
        } else {
            self.names()[0]
        }
    }

    /// The English template's header (`students`): a file's header in every build.
    pub fn english_header(self) -> &'static str {
        self.names()[1]
    }

    /// A province's or an inspector's column, not the county template's: the county, 隶属关系,
    /// the school's code and the facts the local allowances read.
    pub fn is_optional_extra(self) -> bool {
        use SchoolFact::*;
        matches!(
            self,
            Column::County | Column::Affiliation | Column::SchoolCode | Column::Fact(BuiltYear | MigrantShare | TravellingPeArtTeachers)
        )
    }

    /// The unit the core reads this column in (after any unit a header names is converted),
    /// for people; empty where the name says it (teachers, computers, books in English).
    pub fn unit(self, lang: Lang) -> String {
        use Resource::*;
        let (zh, en) = match self {
            Column::Resource(TeachingArea | SportsArea) => ("㎡", "㎡"),
            Column::Resource(EquipmentValue) => ("元", "yuan"),
            Column::Resource(Computers) => ("台", ""),
            Column::Resource(Books) => ("册", ""),
            Column::Resource(MultimediaRooms) => ("间", ""),
            Column::Resource(_) => ("人", ""),
            _ => ("", ""),
        };
        lang.script(lang.pick(zh, en).to_string())
    }

    /// The column's name for people with the unit its values are in: 「教学仪器设备值（元）」.
    pub fn label_with_unit(self, lang: Lang) -> String {
        let (label, unit) = (lang.script(self.label(lang).to_string()), self.unit(lang));
        match (unit.is_empty(), lang) {
            (true, _) => label,
            #[cfg(feature = "en")]
            (false, Lang::En) => format!("{label} ({unit})"),
            (false, _) => format!("{label}（{unit}）"),
        }
    }

    /// Units a header may name in brackets, and the factor to the unit the core uses.
    pub(crate) fn units(self) -> &'static [(&'static str, f64)] {
        use Resource::*;
        match self {
            Column::Resource(TeachingArea | SportsArea)
            | Column::Fact(SchoolFact::MusicRoomArea | SchoolFact::ArtRoomArea | SchoolFact::IndoorSportsArea) => {
                &[("㎡", 1.0), ("m2", 1.0), ("m²", 1.0), ("平方米", 1.0), ("亩", 10_000.0 / 15.0)]
            }
            Column::Resource(EquipmentValue) => &[("元", 1.0), ("yuan", 1.0), ("千元", 1_000.0), ("万元", 10_000.0)],
            Column::Resource(Computers) => &[("台", 1.0)],
            Column::Resource(Books) => &[("册", 1.0)],
            Column::Resource(MultimediaRooms) | Column::Fact(SchoolFact::MusicRooms | SchoolFact::ArtRooms) => &[("间", 1.0), ("个", 1.0)],
            Column::Fact(SchoolFact::Classes) => &[("个", 1.0), ("班", 1.0)],
            Column::Fact(SchoolFact::LargestClass | SchoolFact::TravellingPeArtTeachers)
            | Column::Students
            | Column::SeniorStudents
            | Column::Resource(_) => &[("人", 1.0)],
            Column::Fact(SchoolFact::MigrantShare) => &[("%", 1.0), ("％", 1.0)],
            Column::Fact(SchoolFact::BuiltYear) => &[("年", 1.0)],
            _ => &[],
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

/// A header split into its name and an optional trailing unit in brackets. Lowercased as
/// ASCII: every template name and unit is ASCII or Chinese (the Unicode case tables would
/// cost the first wasm module 3 KB gzipped).
pub(crate) fn split_header(header: &str) -> (String, Option<String>) {
    let folded: String = fold_width(header).chars().filter(|c| !c.is_whitespace()).collect();
    let folded = folded.trim_start_matches('\u{feff}').to_ascii_lowercase();
    for (open, close) in [('(', ')'), ('[', ']'), ('【', '】')] {
        if let Some(body) = folded.strip_suffix(close) {
            if let Some(at) = body.rfind(open) {
                return (body[..at].to_string(), Some(body[at + open.len_utf8()..].to_string()));
            }
        }
    }
    (folded, None)
}

pub(crate) fn match_column(name: &str) -> Option<Column> {
    // Every cell of the rows searched for the header is matched: the template's names are
    // read as `split_header` reads a cell once, not at each of them.
    static NAMES: std::sync::OnceLock<Vec<(String, Column)>> = std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let mut names = Vec::new();
        for column in Column::ALL {
            for n in column.names().iter().chain([&column.english_label()]) {
                names.push((split_header(n).0, column));
            }
        }
        names
    });
    names.iter().find(|(n, _)| n == name).map(|&(_, c)| c)
}

/// A column's name as the file writes it, or the template's name when the file lacks it.
pub(crate) fn column_label(headers: &HashMap<Column, String>, column: Column, lang: Lang) -> String {
    headers.get(&column).cloned().unwrap_or_else(|| column.header(lang).to_string())
}

/// The header row of the CSV template, in the given language.
pub fn template_header(lang: Lang) -> String {
    // A province's county and a school's 隶属关系 are a provincial office's columns, not a county's.
    Column::ALL.iter().filter(|c| !c.is_optional_extra()).map(|c| c.header(lang)).collect::<Vec<_>>().join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_has_a_slot_of_its_own() {
        let mut slots: Vec<usize> = Column::ALL.iter().map(|c| c.slot()).collect();
        slots.sort_unstable();
        assert_eq!(slots, (0..Column::SLOTS).collect::<Vec<_>>());
    }
}
