//! The two national standards and their profiles: every threshold and limit is data,
//! with the national values as defaults, so a province can set stricter numbers.

use crate::indicators::{self, Indicator};
use crate::model::{Lang, Level, Resource};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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
        let mut needed: Vec<Resource> = self.indicators().iter().map(|i| i.resource()).collect();
        needed.sort();
        needed.dedup();
        needed
    }
}

/// A number for each level.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
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
#[serde(rename_all = "snake_case")]
pub enum TeachingPoints {
    ExcludeAll,
    ExcludeBelow(f64),
    IncludeAll,
}

/// Which schools are out of scope (SPEC §4).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scope {
    pub exclude_private: bool,
    pub exclude_special: bool,
    pub exclude_vocational: bool,
    pub teaching_points: TeachingPoints,
}

impl Scope {
    const fn national(teaching_points: TeachingPoints) -> Self {
        Scope { exclude_private: true, exclude_special: true, exclude_vocational: true, teaching_points }
    }
}

/// Student weights for splitting mixed schools' facilities: primary : junior : senior.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SplitWeights {
    pub primary: f64,
    pub junior: f64,
    pub senior: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Basic2012Profile {
    /// Pass when the composite CV is at most this.
    pub composite_limit: PerLevel,
    pub scope: Scope,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndicatorStandard {
    pub key: Indicator,
    /// The per-school standard value (每所学校应达到的值).
    pub minimum: PerLevel,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quality2017Profile {
    /// Each indicator's CV must be at most this.
    pub cv_limit: PerLevel,
    pub standards: Vec<IndicatorStandard>,
    /// A school passes with at least this many indicators at standard…
    pub min_met: usize,
    /// …and every other indicator at least this fraction of its standard.
    pub floor_fraction: f64,
    pub scope: Scope,
}

impl Quality2017Profile {
    pub fn minimum(&self, indicator: Indicator, level: Level) -> Option<f64> {
        self.standards.iter().find(|s| s.key == indicator).map(|s| s.minimum.get(level))
    }
}

/// Every threshold and limit the evaluation uses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub split_weights: SplitWeights,
    pub basic2012: Basic2012Profile,
    pub quality2017: Quality2017Profile,
}

impl Profile {
    /// The national profile: the numbers of the two 教育部 documents.
    pub fn national() -> Profile {
        use Indicator::*;
        let standard = |key, primary, junior| IndicatorStandard { key, minimum: PerLevel::new(primary, junior) };
        Profile {
            id: "national".into(),
            name: "全国标准 National".into(),
            split_weights: SplitWeights { primary: 1.0, junior: 1.1, senior: 1.32 },
            basic2012: Basic2012Profile {
                composite_limit: PerLevel::new(0.65, 0.55),
                scope: Scope::national(TeachingPoints::ExcludeAll),
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
            },
        }
    }

    pub fn scope(&self, standard: Standard) -> &Scope {
        match standard {
            Standard::Basic2012 => &self.basic2012.scope,
            Standard::Quality2017 => &self.quality2017.scope,
        }
    }
}

impl Default for Profile {
    fn default() -> Self {
        Profile::national()
    }
}
