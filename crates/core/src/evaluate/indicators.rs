//! The indicators of both standards: each is a resource per student, or per 100 students.

use crate::model::{Lang, Resource};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum Indicator {
    // basic2012 (SPEC §2)
    TeachingAreaPerStudent,
    SportsAreaPerStudent,
    EquipmentValuePerStudent,
    ComputersPer100,
    BooksPerStudent,
    TeacherStudentRatio,
    QualifiedTeachersPerStudent,
    SeniorTitleTeachersPerStudent,
    // quality2017 only (SPEC §3.1)
    QualifiedTeachersPer100,
    BackboneTeachersPer100,
    PeArtTeachersPer100,
    MultimediaRoomsPer100,
}

/// The basic2012 indicators, in the order of the standard (SPEC §2).
pub const BASIC2012: [Indicator; 8] = [
    Indicator::TeachingAreaPerStudent,
    Indicator::SportsAreaPerStudent,
    Indicator::EquipmentValuePerStudent,
    Indicator::ComputersPer100,
    Indicator::BooksPerStudent,
    Indicator::TeacherStudentRatio,
    Indicator::QualifiedTeachersPerStudent,
    Indicator::SeniorTitleTeachersPerStudent,
];

/// The quality2017 indicators, in the order of the standard (SPEC §3.1).
pub const QUALITY2017: [Indicator; 7] = [
    Indicator::QualifiedTeachersPer100,
    Indicator::BackboneTeachersPer100,
    Indicator::PeArtTeachersPer100,
    Indicator::TeachingAreaPerStudent,
    Indicator::SportsAreaPerStudent,
    Indicator::EquipmentValuePerStudent,
    Indicator::MultimediaRoomsPer100,
];

impl Indicator {
    pub fn key(self) -> &'static str {
        use Indicator::*;
        match self {
            TeachingAreaPerStudent => "teaching_area_per_student",
            SportsAreaPerStudent => "sports_area_per_student",
            EquipmentValuePerStudent => "equipment_value_per_student",
            ComputersPer100 => "computers_per_100",
            BooksPerStudent => "books_per_student",
            TeacherStudentRatio => "teacher_student_ratio",
            QualifiedTeachersPerStudent => "qualified_teachers_per_student",
            SeniorTitleTeachersPerStudent => "senior_title_teachers_per_student",
            QualifiedTeachersPer100 => "qualified_teachers_per_100",
            BackboneTeachersPer100 => "backbone_teachers_per_100",
            PeArtTeachersPer100 => "pe_art_teachers_per_100",
            MultimediaRoomsPer100 => "multimedia_rooms_per_100",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        use Indicator::*;
        match self {
            TeachingAreaPerStudent => lang.pick("生均教学及辅助用房面积", "Teaching and auxiliary floor area per student"),
            SportsAreaPerStudent => lang.pick("生均体育运动场馆面积", "Sports ground area per student"),
            EquipmentValuePerStudent => lang.pick("生均教学仪器设备值", "Teaching equipment value per student"),
            ComputersPer100 => lang.pick("每百名学生拥有计算机台数", "Computers per 100 students"),
            BooksPerStudent => lang.pick("生均图书册数", "Library books per student"),
            TeacherStudentRatio => lang.pick("师生比", "Teachers per student"),
            QualifiedTeachersPerStudent => lang.pick("生均高于规定学历教师数", "Teachers above the required degree, per student"),
            SeniorTitleTeachersPerStudent => {
                lang.pick("生均中级及以上专业技术职务教师数", "Teachers of intermediate or senior title, per student")
            }
            QualifiedTeachersPer100 => lang.pick("每百名学生拥有高于规定学历教师数", "Teachers above the required degree per 100 students"),
            BackboneTeachersPer100 => {
                lang.pick("每百名学生拥有县级以上骨干教师数", "County-level or higher backbone teachers per 100 students")
            }
            PeArtTeachersPer100 => lang.pick("每百名学生拥有体育、艺术专任教师数", "PE, music and art teachers per 100 students"),
            MultimediaRoomsPer100 => lang.pick("每百名学生拥有网络多媒体教室数", "Networked multimedia classrooms per 100 students"),
        }
    }

    /// The unit of a school's value, for display.
    pub fn unit(self, lang: Lang) -> &'static str {
        use Indicator::*;
        match self {
            TeachingAreaPerStudent | SportsAreaPerStudent => "㎡",
            EquipmentValuePerStudent => lang.pick("元", "yuan"),
            ComputersPer100 => lang.pick("台", "computers"),
            BooksPerStudent => lang.pick("册", "books"),
            MultimediaRoomsPer100 => lang.pick("间", "rooms"),
            _ => lang.pick("人", "teachers"),
        }
    }

    pub fn resource(self) -> Resource {
        use Indicator::*;
        match self {
            TeachingAreaPerStudent => Resource::TeachingArea,
            SportsAreaPerStudent => Resource::SportsArea,
            EquipmentValuePerStudent => Resource::EquipmentValue,
            ComputersPer100 => Resource::Computers,
            BooksPerStudent => Resource::Books,
            TeacherStudentRatio => Resource::Teachers,
            QualifiedTeachersPerStudent | QualifiedTeachersPer100 => Resource::QualifiedTeachers,
            SeniorTitleTeachersPerStudent => Resource::SeniorTitleTeachers,
            BackboneTeachersPer100 => Resource::BackboneTeachers,
            PeArtTeachersPer100 => Resource::PeArtTeachers,
            MultimediaRoomsPer100 => Resource::MultimediaRooms,
        }
    }

    /// s of SPEC §1: 100 for "每百名学生" indicators, 1 otherwise.
    pub fn scale(self) -> f64 {
        use Indicator::*;
        match self {
            ComputersPer100 | QualifiedTeachersPer100 | BackboneTeachersPer100 | PeArtTeachersPer100 | MultimediaRoomsPer100 => 100.0,
            _ => 1.0,
        }
    }

    /// A school's value `x_i` = s · `R_i` / `P_i`.
    pub fn value(self, resource: f64, students: f64) -> f64 {
        self.scale() * resource / students
    }

    pub fn from_key(key: &str) -> Option<Indicator> {
        BY_KEY.binary_search_by(|i| i.key().cmp(key)).ok().map(|at| BY_KEY[at])
    }
}

/// How many indicators there are: the slots of a `PerIndicator`.
const COUNT: usize = Indicator::MultimediaRoomsPer100 as usize + 1;

/// Every indicator in the order of its key: how a school's values are written.
const BY_KEY: [Indicator; COUNT] = [
    Indicator::BackboneTeachersPer100,
    Indicator::BooksPerStudent,
    Indicator::ComputersPer100,
    Indicator::EquipmentValuePerStudent,
    Indicator::MultimediaRoomsPer100,
    Indicator::PeArtTeachersPer100,
    Indicator::QualifiedTeachersPer100,
    Indicator::QualifiedTeachersPerStudent,
    Indicator::SeniorTitleTeachersPerStudent,
    Indicator::SportsAreaPerStudent,
    Indicator::TeacherStudentRatio,
    Indicator::TeachingAreaPerStudent,
];

/// One school's value (or standing) of each indicator, in the indicator's own slot: a
/// province has hundreds of thousands of schools, and a map for each cost two allocations and
/// half a kilobyte. Written as the map it stands for, `{ key: value }` in key order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PerIndicator<T>([Option<T>; COUNT]);

impl<T> Default for PerIndicator<T> {
    fn default() -> Self {
        PerIndicator([const { None }; COUNT])
    }
}

impl<T> PerIndicator<T> {
    pub fn insert(&mut self, indicator: Indicator, value: T) {
        self.0[indicator as usize] = Some(value);
    }

    pub fn of(&self, indicator: Indicator) -> Option<&T> {
        self.0[indicator as usize].as_ref()
    }

    /// By the indicator's key, as the JSON names it.
    pub fn get(&self, key: &str) -> Option<&T> {
        self.of(Indicator::from_key(key)?)
    }

    /// The indicators that have one, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &T)> {
        BY_KEY.iter().filter_map(|&i| Some((i.key(), self.of(i)?)))
    }

    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.iter().map(|(key, _)| key)
    }

    /// In the indicators' own order, not the keys' (for checks that read every one).
    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.0.iter().flatten()
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }
}

impl<T> FromIterator<(Indicator, T)> for PerIndicator<T> {
    fn from_iter<I: IntoIterator<Item = (Indicator, T)>>(items: I) -> Self {
        let mut all = PerIndicator::default();
        for (indicator, value) in items {
            all.insert(indicator, value);
        }
        all
    }
}

/// As a map's: the value of the key, which must be there.
impl<T> std::ops::Index<&str> for PerIndicator<T> {
    type Output = T;
    fn index(&self, key: &str) -> &T {
        self.get(key).unwrap_or_else(|| panic!("no value for {key}"))
    }
}

impl<T: Serialize> Serialize for PerIndicator<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_indicator_is_in_key_order_once() {
        let keys: Vec<&str> = BY_KEY.iter().map(|i| i.key()).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
        let mut slots: Vec<usize> = BY_KEY.iter().map(|&i| i as usize).collect();
        slots.sort_unstable();
        assert_eq!(slots, (0..COUNT).collect::<Vec<_>>());
        for i in BASIC2012.iter().chain(&QUALITY2017) {
            assert_eq!(Indicator::from_key(i.key()), Some(*i));
        }
        assert_eq!(Indicator::from_key("books"), None);
    }

    #[test]
    fn values_are_written_as_the_map_they_stand_for() {
        let values: PerIndicator<f64> =
            [(Indicator::TeachingAreaPerStudent, 4.5), (Indicator::BooksPerStudent, 30.0)].into_iter().collect();
        let map: std::collections::BTreeMap<&str, f64> = [("teaching_area_per_student", 4.5), ("books_per_student", 30.0)].into();
        assert_eq!(serde_json::to_string(&values).unwrap(), serde_json::to_string(&map).unwrap());
        assert_eq!(values["books_per_student"], 30.0);
        assert_eq!(values.get("computers_per_100"), None);
        assert!(PerIndicator::<f64>::default().is_empty() && !values.is_empty());
    }
}
