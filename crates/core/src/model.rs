//! The data model: one row per school and level, as the CSV template has it (SPEC §5).

use serde::{Deserialize, Serialize};

/// Language of every message the core writes. Chinese is the default. English exists only
/// in builds with the feature `en`, and only builds with `hant` write Traditional (a build
/// without either is the browser's first module for a page in 简体中文: its words and no
/// other's), so that each language's words are compiled out where they are never asked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub enum Lang {
    /// 简体中文.
    #[default]
    #[serde(rename = "zh")]
    Zh,
    /// 繁體中文: the Simplified text converted (hant.rs).
    #[serde(rename = "zh-Hant")]
    ZhHant,
    #[cfg(feature = "en")]
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// The language of an id as the page, the CLI and the JSON name it ("zh", "zh-Hant", "en").
    pub fn parse(id: &str) -> Option<Lang> {
        match id {
            "zh" => Some(Lang::Zh),
            #[cfg(feature = "hant")]
            "zh-Hant" => Some(Lang::ZhHant),
            #[cfg(feature = "en")]
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the text of this language (a fixed string: Traditional is made from `zh` once).
    /// In a build without English, `en` is unused: the compiler inlines so small a function
    /// (measured: the module is the same with `#[inline(always)]`) and leaves no copy of it.
    #[cfg_attr(not(feature = "en"), allow(unused_variables))]
    pub fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::ZhHant => crate::hant::fixed(zh),
            #[cfg(feature = "en")]
            Lang::En => en,
        }
    }

    /// Whether this is English (false in every build without it).
    pub fn is_english(self) -> bool {
        #[cfg(feature = "en")]
        return self == Lang::En;
        #[cfg(not(feature = "en"))]
        false
    }

    /// Chinese text made at run time in Simplified (`format!`), in this language's script.
    pub fn script(self, zh: String) -> String {
        self.script_keeping(zh, &[])
    }

    /// The same, keeping the user's words that `zh` quotes (a school's name) as written.
    pub fn script_keeping(self, zh: String, kept: &[&str]) -> String {
        if self == Lang::ZhHant {
            crate::hant::convert_keeping(&zh, kept)
        } else {
            zh
        }
    }
}

/// A level of compulsory education. Never mixed in one CV.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Primary,
    Junior,
}

impl Level {
    pub const ALL: [Level; 2] = [Level::Primary, Level::Junior];

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Level::Primary => lang.pick("小学", "primary"),
            Level::Junior => lang.pick("初中", "junior"),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Level::Primary => "primary",
            Level::Junior => "junior",
        }
    }
}

/// One thing per level (a level's result), in the level's own slot rather than a map: the
/// map's code for each type it held was the first load's. Read as a map (`get`, `[&level]`,
/// `iter`: levels in their order) and written as one, `{ "primary": …, "junior": … }`.
#[derive(Clone, Debug, PartialEq)]
pub struct Levels<T>([Option<T>; 2]);

impl<T> Default for Levels<T> {
    fn default() -> Self {
        Levels([None, None])
    }
}

impl<T> Levels<T> {
    pub fn get(&self, level: &Level) -> Option<&T> {
        self.0[*level as usize].as_ref()
    }

    /// The levels that have one, in their order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static Level, &T)> {
        Level::ALL.iter().zip(&self.0).filter_map(|(level, value)| Some((level, value.as_ref()?)))
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&'static Level, &mut T)> {
        Level::ALL.iter().zip(&mut self.0).filter_map(|(level, value)| Some((level, value.as_mut()?)))
    }

    pub fn keys(&self) -> impl Iterator<Item = &'static Level> + '_ {
        self.iter().map(|(level, _)| level)
    }

    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.0.iter().flatten()
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.0.iter_mut().flatten()
    }

    pub fn len(&self) -> usize {
        self.values().count()
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }
}

impl<T> FromIterator<(Level, T)> for Levels<T> {
    fn from_iter<I: IntoIterator<Item = (Level, T)>>(items: I) -> Self {
        let mut levels = Levels::default();
        for (level, value) in items {
            levels.0[level as usize] = Some(value);
        }
        levels
    }
}

impl<'a, T> IntoIterator for &'a Levels<T> {
    type Item = (&'static Level, &'a T);
    type IntoIter = Box<dyn Iterator<Item = Self::Item> + 'a>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl<'a, T> IntoIterator for &'a mut Levels<T> {
    type Item = (&'static Level, &'a mut T);
    type IntoIter = Box<dyn Iterator<Item = Self::Item> + 'a>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter_mut())
    }
}

/// As a map's: the level's, which must be there.
impl<T> std::ops::Index<&Level> for Levels<T> {
    type Output = T;
    fn index(&self, level: &Level) -> &T {
        self.get(level).unwrap_or_else(|| panic!("no {} level", level.key()))
    }
}

impl<T: Serialize> Serialize for Levels<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// What kind of school a row belongs to (学校类型).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum SchoolType {
    Primary,
    Junior,
    NineYear,
    CompleteSecondary,
    TwelveYear,
    TeachingPoint,
    Special,
    Vocational,
}

impl SchoolType {
    pub const ALL: [SchoolType; 8] = [
        SchoolType::Primary,
        SchoolType::Junior,
        SchoolType::NineYear,
        SchoolType::CompleteSecondary,
        SchoolType::TwelveYear,
        SchoolType::TeachingPoint,
        SchoolType::Special,
        SchoolType::Vocational,
    ];

    pub fn name(self, lang: Lang) -> &'static str {
        use SchoolType::*;
        match self {
            Primary => lang.pick("小学", "primary school"),
            Junior => lang.pick("初中", "junior secondary school"),
            NineYear => lang.pick("九年一贯制", "nine-year school"),
            CompleteSecondary => lang.pick("完全中学", "complete secondary school"),
            TwelveYear => lang.pick("十二年一贯制", "twelve-year school"),
            TeachingPoint => lang.pick("教学点", "teaching point"),
            Special => lang.pick("特殊教育学校", "special-education school"),
            Vocational => lang.pick("职业学校", "vocational school"),
        }
    }

    /// The words a cell may hold for this type, Chinese first.
    pub fn aliases(self) -> &'static [&'static str] {
        use SchoolType::*;
        match self {
            Primary => &["小学", "primary"],
            Junior => &["初中", "初级中学", "junior"],
            NineYear => &["九年一贯制", "九年一贯制学校", "nine_year"],
            CompleteSecondary => &["完全中学", "complete_secondary"],
            TwelveYear => &["十二年一贯制", "十二年一贯制学校", "twelve_year"],
            TeachingPoint => &["教学点", "teaching_point"],
            Special => &["特殊教育学校", "特教学校", "special"],
            Vocational => &["职业学校", "中等职业学校", "vocational"],
        }
    }

    /// Schools whose facilities serve several levels and are split by student weights (SPEC §4).
    pub fn is_mixed(self) -> bool {
        matches!(self, SchoolType::NineYear | SchoolType::CompleteSecondary | SchoolType::TwelveYear)
    }

    /// Whether a row of this type may be an attached class (附设班) of `level`: a 小学's junior
    /// class, an 初中's primary class.
    pub fn may_attach(self, level: Level) -> bool {
        matches!((self, level), (SchoolType::Primary, Level::Junior) | (SchoolType::Junior, Level::Primary))
    }

    /// The levels a row of this type may carry; `None` means any.
    pub fn allowed_level(self) -> Option<Level> {
        match self {
            SchoolType::Primary | SchoolType::TeachingPoint => Some(Level::Primary),
            SchoolType::Junior | SchoolType::CompleteSecondary => Some(Level::Junior),
            _ => None,
        }
    }

    pub fn default_for(level: Level) -> SchoolType {
        match level {
            Level::Primary => SchoolType::Primary,
            Level::Junior => SchoolType::Junior,
        }
    }
}

/// The countable or measurable things a school has. Indicators divide one of them by students.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum Resource {
    Teachers,
    QualifiedTeachers,
    SeniorTitleTeachers,
    BackboneTeachers,
    PeArtTeachers,
    TeachingArea,
    SportsArea,
    EquipmentValue,
    MultimediaRooms,
    Computers,
    Books,
}

impl Resource {
    pub const COUNT: usize = 11;
    pub const ALL: [Resource; Resource::COUNT] = [
        Resource::Teachers,
        Resource::QualifiedTeachers,
        Resource::SeniorTitleTeachers,
        Resource::BackboneTeachers,
        Resource::PeArtTeachers,
        Resource::TeachingArea,
        Resource::SportsArea,
        Resource::EquipmentValue,
        Resource::MultimediaRooms,
        Resource::Computers,
        Resource::Books,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// Whole-school facility totals, pooled and split by student weights in mixed schools.
    pub fn is_facility(self) -> bool {
        use Resource::*;
        matches!(self, TeachingArea | SportsArea | EquipmentValue | MultimediaRooms | Computers | Books)
    }
}

/// Resource amounts of one row, `None` where the cell was empty or the column absent.
pub type Resources = [Option<f64>; Resource::COUNT];

/// Optional per-school columns that decide guarantee items 3–5 of quality2017 (SPEC §3.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum SchoolFact {
    Classes,
    LargestClass,
    MusicRooms,
    MusicRoomArea,
    ArtRooms,
    ArtRoomArea,
    /// 室内体育用房: counted in 教学及辅助用房 by the statistics, moved to the sports area
    /// before any indicator (indoor.rs).
    IndoorSportsArea,
    /// The local allowances (allowances.rs): 建校年份, 随迁子女比例 (percent), and the
    /// PE and art teachers who rotate in, teach part-time or travel between schools.
    BuiltYear,
    MigrantShare,
    TravellingPeArtTeachers,
}

impl SchoolFact {
    pub const ALL: [SchoolFact; 10] = [
        SchoolFact::Classes,
        SchoolFact::LargestClass,
        SchoolFact::MusicRooms,
        SchoolFact::MusicRoomArea,
        SchoolFact::ArtRooms,
        SchoolFact::ArtRoomArea,
        SchoolFact::IndoorSportsArea,
        SchoolFact::BuiltYear,
        SchoolFact::MigrantShare,
        SchoolFact::TravellingPeArtTeachers,
    ];
}

/// 城乡分类 of the statistics: where a school is (城区, 镇区, 乡村).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum Locality {
    Urban,
    Town,
    Rural,
}

impl Locality {
    pub const ALL: [Locality; 3] = [Locality::Urban, Locality::Town, Locality::Rural];

    pub fn key(self) -> &'static str {
        match self {
            Locality::Urban => "urban",
            Locality::Town => "town",
            Locality::Rural => "rural",
        }
    }

    /// The words a cell may hold, the statistics' own first (城区 also as 城市, 乡村 as 农村).
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Locality::Urban => &["城区", "urban", "城市", "主城区"],
            Locality::Town => &["镇区", "town", "县镇", "镇"],
            Locality::Rural => &["乡村", "rural", "农村"],
        }
    }
}

/// 隶属关系: who runs the school. A school run by the province or the city (省直属, 市直属)
/// is not the county's, and provincial 测算说明 leave it out under basic2012 (`exclude_direct`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum Affiliation {
    /// 省属, 省直属, 市属, 市直属 (地市级 included).
    Direct,
    /// 县属, 区属, 乡镇属 and the like: the county's own.
    Local,
}

impl Affiliation {
    /// The affiliation a cell names, or none: 省 or 市 (not 县级市) marks a direct school;
    /// 县, 区, 乡, 镇 or 村 one of the county's.
    pub fn parse(text: &str) -> Option<Affiliation> {
        let text = text.trim();
        let english = text.to_ascii_lowercase();
        if english == "direct" || english == "provincial" || english == "municipal" {
            return Some(Affiliation::Direct);
        }
        if english == "local" || english == "county" {
            return Some(Affiliation::Local);
        }
        if text.contains('省') || (text.contains('市') && !text.contains("县级市")) {
            Some(Affiliation::Direct)
        } else if text.contains(['县', '区', '乡', '镇', '村']) {
            Some(Affiliation::Local)
        } else {
            None
        }
    }
}

/// 办学性质: public or private (民办). Private schools are out of scope by default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum Ownership {
    #[default]
    Public,
    Private,
}

/// One row of the input: one level of one school.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct SchoolRow {
    /// The line of the user's file (the header is line 1 when it is the first line).
    pub row: usize,
    pub name: String,
    /// 学校标识码, when the table has the column: finds the school in another year's table.
    pub code: Option<String>,
    pub level: Level,
    pub school_type: SchoolType,
    pub group: Option<String>,
    /// 城乡类型, when the table has the column.
    pub locality: Option<Locality>,
    /// 隶属关系, when the table has the column.
    pub affiliation: Option<Affiliation>,
    /// Its facilities are the whole school's, pooled over its rows and split by level: a mixed
    /// school's (一贯制, 完全中学), or a school with an attached class of another level (附设班).
    pub pooled: bool,
    pub ownership: Ownership,
    pub students: f64,
    pub senior_students: Option<f64>,
    pub resources: Resources,
    /// The optional facts of `SchoolFact`, in its order.
    pub facts: [Option<f64>; SchoolFact::ALL.len()],
}

impl SchoolRow {
    pub fn resource(&self, r: Resource) -> Option<f64> {
        self.resources[r.index()]
    }

    pub fn fact(&self, f: SchoolFact) -> Option<f64> {
        self.facts[f as usize]
    }
}
