//! The two national standards and their profiles: every threshold and limit is data,
//! with the national values as defaults, so a province can set stricter numbers.

use crate::indicators::{self, Indicator};
use crate::items::{self, CheckItem, ScoreItem, VetoItem};
use crate::model::{Lang, Level, Resource};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub enum Standard {
    /// 基本均衡, 教督〔2012〕3号
    #[serde(rename = "basic2012")]
    Basic2012,
    /// 优质均衡, 教督〔2017〕6号
    #[default]
    #[serde(rename = "quality2017")]
    Quality2017,
}

impl Standard {
    pub fn id(self) -> &'static str {
        match self {
            Standard::Basic2012 => "basic2012",
            Standard::Quality2017 => "quality2017",
        }
    }

    pub fn parse(id: &str) -> Option<Standard> {
        match id.trim() {
            "basic2012" => Some(Standard::Basic2012),
            "quality2017" => Some(Standard::Quality2017),
            _ => None,
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Standard::Basic2012 => lang.pick("基本均衡（教督〔2012〕3号）", "Basic balance (2012)"),
            Standard::Quality2017 => lang.pick("优质均衡（教督〔2017〕6号）", "High-quality balance (2017)"),
        }
    }

    pub fn indicators(self) -> &'static [Indicator] {
        match self {
            Standard::Basic2012 => &indicators::BASIC2012,
            Standard::Quality2017 => &indicators::QUALITY2017,
        }
    }

    /// The resource columns this standard needs; the others may be absent.
    pub fn resources(self) -> Vec<Resource> {
        Resource::ALL.into_iter().filter(|r| self.indicators().iter().any(|i| i.resource() == *r)).collect()
    }
}

/// A number for each level.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct PerLevel {
    pub primary: f64,
    pub junior: f64,
}

impl PerLevel {
    pub const fn new(primary: f64, junior: f64) -> Self {
        PerLevel { primary, junior }
    }

    pub fn get(&self, level: Level) -> f64 {
        match level {
            Level::Primary => self.primary,
            Level::Junior => self.junior,
        }
    }
}

/// Which 教学点 (teaching points) are evaluated.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum TeachingPoints {
    ExcludeAll,
    ExcludeBelow(f64),
    IncludeAll,
}

/// Which schools are out of scope (SPEC §4).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[allow(clippy::struct_excessive_bools, reason = "each is one exclusion a profile turns on or off, named as the documents name it")]
pub struct Scope {
    pub exclude_private: bool,
    /// 省(市)直属 schools (a 隶属关系 column): provincial 测算说明 leave them out of a county's
    /// basic2012 evaluation; the national documents are silent, so the national profile keeps
    /// them. Missing in a file: kept.
    #[serde(default)]
    pub exclude_direct: bool,
    pub exclude_special: bool,
    pub exclude_vocational: bool,
    pub teaching_points: TeachingPoints,
}

impl Scope {
    const fn national(teaching_points: TeachingPoints) -> Self {
        Scope { exclude_private: true, exclude_direct: false, exclude_special: true, exclude_vocational: true, teaching_points }
    }
}

/// Student weights for splitting mixed schools' facilities: primary : junior : senior.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct SplitWeights {
    pub primary: f64,
    pub junior: f64,
    pub senior: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Basic2012Profile {
    /// Pass when the composite CV is at most this.
    pub composite_limit: PerLevel,
    pub scope: Scope,
    /// The county government's 17 scored items; their maxima sum to 100.
    pub government_items: Vec<ScoreItem>,
    /// Pass when the government score is at least this.
    pub government_pass: f64,
    /// Public satisfaction (公众满意度) in percent, at least this.
    pub satisfaction_min: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct IndicatorStandard {
    pub key: Indicator,
    /// The per-school standard value (每所学校应达到的值).
    pub minimum: PerLevel,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Quality2017Profile {
    /// Each indicator's CV must be at most this.
    pub cv_limit: PerLevel,
    pub standards: Vec<IndicatorStandard>,
    /// A school passes with at least this many indicators at standard…
    pub min_met: usize,
    /// …and every other indicator at least this fraction of its standard.
    pub floor_fraction: f64,
    pub scope: Scope,
    /// 政府保障程度 and 教育质量: every item must hold.
    pub guarantees: Vec<CheckItem>,
    pub quality: Vec<CheckItem>,
    /// 社会认可度 in percent, at least this; below it is also a veto.
    pub recognition_min: f64,
    pub vetoes: Vec<VetoItem>,
    /// Guarantee item 4: students per school at most `single` (小学, 初中), `through` (一贯制).
    pub school_size: SchoolSize,
    /// Guarantee item 5: students per class at most this.
    pub class_size: PerLevel,
    /// Guarantee item 3: music and art rooms.
    pub arts_rooms: ArtsRooms,
    /// Local relaxations of the 2017 rules (allowances.rs): none in the national profile, as
    /// the national documents hold none; a profile file without them has none either.
    #[serde(default = "Allowances::none")]
    pub allowances: Allowances,
}

/// Where a province or city relaxes a rule of the 2017 method for a school, as peers report
/// the practice of some regions (attributed by them to the 2019 work rules, 国教督办函〔2019〕
/// 30号, whose text holds none of these numbers as far as we could find: docs/profile.md); a
/// rule with any of its numbers `null` applies as written. Off in the national profile.
/// Flat numbers, not nested objects: each nested type's reading costs the browser's first
/// module a kilobyte.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Allowances {
    /// Music and art rooms of schools built in or before this year: at least these areas.
    pub old_built_by: Option<f64>,
    pub old_music_min_area: Option<f64>,
    pub old_art_min_area: Option<f64>,
    /// Rural (乡村) schools whose largest class is under this: these areas.
    pub small_rural_largest_class_below: Option<f64>,
    pub small_rural_music_min_area: Option<f64>,
    pub small_rural_art_min_area: Option<f64>,
    /// A single-level school built in or before this year, or with more than this percent of
    /// migrant children: at most this many students.
    pub relaxed_size_built_by: Option<f64>,
    pub relaxed_size_migrant_share_above: Option<f64>,
    pub relaxed_size_cap: Option<f64>,
    /// A 九年一贯制 school: at most this many students.
    pub nine_year_size: Option<f64>,
    /// Rural schools of this many students count their rotating, part-time and travelling PE
    /// and art teachers (走教体育艺术教师数) with their own.
    pub travelling_teachers_min_students: Option<f64>,
    pub travelling_teachers_max_students: Option<f64>,
}

impl Allowances {
    /// No relaxation: every rule of the 2017 method as written (the national profile).
    pub fn none() -> Allowances {
        Allowances {
            old_built_by: None,
            old_music_min_area: None,
            old_art_min_area: None,
            small_rural_largest_class_below: None,
            small_rural_music_min_area: None,
            small_rural_art_min_area: None,
            relaxed_size_built_by: None,
            relaxed_size_migrant_share_above: None,
            relaxed_size_cap: None,
            nine_year_size: None,
            travelling_teachers_min_students: None,
            travelling_teachers_max_students: None,
        }
    }

    /// The numbers peers attribute to the work rules, as the example provincial profile
    /// `www/profiles/example-local-allowances.json` sets them (docs/profile.md: each one's
    /// source, and that it is local practice, not a national rule).
    pub fn work_rules() -> Allowances {
        Allowances {
            old_built_by: Some(2016.0),
            old_music_min_area: Some(73.0),
            old_art_min_area: Some(67.0),
            small_rural_largest_class_below: Some(30.0),
            small_rural_music_min_area: Some(54.0),
            small_rural_art_min_area: Some(61.0),
            relaxed_size_built_by: Some(2010.0),
            relaxed_size_migrant_share_above: Some(50.0),
            relaxed_size_cap: Some(2400.0),
            nine_year_size: Some(3000.0),
            travelling_teachers_min_students: Some(50.0),
            travelling_teachers_max_students: Some(99.0),
        }
    }

    /// The allowances in force: none in a build without users' profiles (the browser's
    /// first module, given the national profile alone, which has none), so that their
    /// rules' code and words are left out of it.
    fn in_force(&self) -> Option<&Allowances> {
        cfg!(feature = "profiles").then_some(self)
    }

    /// Old schools' rooms: (built by, music, art), when the rule is on.
    pub fn old_arts_rooms(&self) -> Option<(f64, f64, f64)> {
        let a = self.in_force()?;
        Some((a.old_built_by?, a.old_music_min_area?, a.old_art_min_area?))
    }

    /// Small rural schools' rooms: (largest class below, music, art), when the rule is on.
    pub fn small_rural_arts_rooms(&self) -> Option<(f64, f64, f64)> {
        let a = self.in_force()?;
        Some((a.small_rural_largest_class_below?, a.small_rural_music_min_area?, a.small_rural_art_min_area?))
    }

    /// The relaxed size: (built by, migrant share above, cap), when the rule is on.
    pub fn relaxed_school_size(&self) -> Option<(f64, f64, f64)> {
        let a = self.in_force()?;
        Some((a.relaxed_size_built_by?, a.relaxed_size_migrant_share_above?, a.relaxed_size_cap?))
    }

    /// A nine-year school's cap, when the rule is on.
    pub fn nine_year_size(&self) -> Option<f64> {
        self.in_force()?.nine_year_size
    }

    /// The small rural schools that count travelling teachers: (min, max) students.
    pub fn travelling_teachers(&self) -> Option<(f64, f64)> {
        let a = self.in_force()?;
        Some((a.travelling_teachers_min_students?, a.travelling_teachers_max_students?))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct SchoolSize {
    pub single: f64,
    pub through: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct ArtsRooms {
    /// One music and one art room for every this many classes (at least one each).
    pub classes_per_room: f64,
    pub music_min_area: f64,
    pub art_min_area: f64,
}

impl Quality2017Profile {
    pub fn minimum(&self, indicator: Indicator, level: Level) -> Option<f64> {
        self.standards.iter().find(|s| s.key == indicator).map(|s| s.minimum.get(level))
    }
}

/// Every threshold and limit the evaluation uses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub split_weights: SplitWeights,
    /// 室内体育用房面积, when the table has it, is moved from 教学及辅助用房面积 to
    /// 体育运动场馆面积 before any indicator, as 教育事业统计 defines them (indoor.rs); a
    /// province that counts otherwise turns it off. Missing in a file: on.
    #[serde(default = "moved")]
    pub move_indoor_sports: bool,
    pub basic2012: Basic2012Profile,
    pub quality2017: Quality2017Profile,
}

fn moved() -> bool {
    true
}

impl Profile {
    /// True when this is exactly the national profile (a file may call itself "national"
    /// and differ). Built once: every evaluation asks.
    pub fn is_national(&self) -> bool {
        static NATIONAL: std::sync::OnceLock<Profile> = std::sync::OnceLock::new();
        self == NATIONAL.get_or_init(Profile::national)
    }

    /// The national profile: the numbers of the two 教育部 documents.
    pub fn national() -> Profile {
        use Indicator::*;
        let standard = |key, primary, junior| IndicatorStandard { key, minimum: PerLevel::new(primary, junior) };
        Profile {
            id: "national".into(),
            name: "全国标准 National".into(),
            split_weights: SplitWeights { primary: 1.0, junior: 1.1, senior: 1.32 },
            move_indoor_sports: true,
            basic2012: Basic2012Profile {
                composite_limit: PerLevel::new(0.65, 0.55),
                scope: Scope::national(TeachingPoints::ExcludeAll),
                government_items: items::default_government_items(),
                government_pass: 85.0,
                satisfaction_min: 85.0,
            },
            quality2017: Quality2017Profile {
                cv_limit: PerLevel::new(0.50, 0.45),
                standards: vec![
                    standard(QualifiedTeachersPer100, 4.2, 5.3),
                    standard(BackboneTeachersPer100, 1.0, 1.0),
                    standard(PeArtTeachersPer100, 0.9, 0.9),
                    standard(TeachingAreaPerStudent, 4.5, 5.8),
                    standard(SportsAreaPerStudent, 7.5, 10.2),
                    standard(EquipmentValuePerStudent, 2000.0, 2500.0),
                    standard(MultimediaRoomsPer100, 2.3, 2.4),
                ],
                min_met: 6,
                floor_fraction: 0.85,
                scope: Scope::national(TeachingPoints::ExcludeBelow(50.0)),
                guarantees: items::default_guarantee_items(),
                quality: items::default_quality_items(),
                recognition_min: 85.0,
                vetoes: items::default_veto_items(),
                school_size: SchoolSize { single: 2000.0, through: 2500.0 },
                class_size: PerLevel::new(45.0, 50.0),
                arts_rooms: ArtsRooms { classes_per_room: 12.0, music_min_area: 96.0, art_min_area: 90.0 },
                allowances: Allowances::none(),
            },
        }
    }

    /// How many items, measures and vetoes the profile has.
    pub fn item_count(&self) -> usize {
        let q = &self.quality2017;
        let measures: usize = q.guarantees.iter().chain(&q.quality).map(|i| i.measures.len()).sum();
        self.basic2012.government_items.len() + q.guarantees.len() + q.quality.len() + q.vetoes.len() + measures
    }

    pub fn scope(&self, standard: Standard) -> &Scope {
        match standard {
            Standard::Basic2012 => &self.basic2012.scope,
            Standard::Quality2017 => &self.quality2017.scope,
        }
    }
}

/// Item ids are written into the page's markup and test hooks: short plain words only.
pub fn is_plain_id(id: &str) -> bool {
    (1..=40).contains(&id.len()) && id.bytes().all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-'))
}

impl Default for Profile {
    fn default() -> Self {
        Profile::national()
    }
}
