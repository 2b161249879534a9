//! Local allowances (issues 13 and 21): off in the national profile, where every school is
//! judged by the 2017 method as written; on in the example provincial profile
//! (www/profiles/example-local-allowances.json), where each is tested with a school on each
//! side of its condition, the item's verdict and the sentence that names the school.

use junheng::assessment::PartItem;
use junheng::standards::Allowances;
use junheng::{evaluate_text, Evaluation, Options, Profile, Standard};

const HEADER: &str = "学校名称,学段,学校类型,城乡类型,建校年份,随迁子女比例,在校生数,专任教师数,高于规定学历教师数,中级及以上职称教师数,县级及以上骨干教师数,体育艺术专任教师数,走教体育艺术教师数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,网络多媒体教室数,计算机台数,图书册数,班级数,最大班额,音乐专用教室数,音乐专用教室面积,美术专用教室数,美术专用教室面积";

/// One school's row: `students` students, resources in proportion, rooms of `room` ㎡ each.
struct School<'a> {
    name: &'a str,
    kind: &'a str,
    locality: &'a str,
    built: &'a str,
    migrants: &'a str,
    students: f64,
    pe_art: f64,
    travelling: &'a str,
    largest: f64,
    room: f64,
}

impl School<'_> {
    fn row(&self) -> String {
        let k = self.students / 100.0;
        let classes = (self.students / 40.0).ceil();
        // Enough rooms for the classes (one per 12), each of `room` ㎡.
        let rooms = (classes / 12.0).ceil();
        let area = rooms * self.room;
        format!(
            "{},小学,{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{classes},{},{rooms},{area},{rooms},{area}",
            self.name,
            self.kind,
            self.locality,
            self.built,
            self.migrants,
            self.students,
            6.0 * k,
            5.5 * k,
            3.0 * k,
            1.5 * k,
            self.pe_art,
            self.travelling,
            520.0 * k,
            900.0 * k,
            260_000.0 * k,
            3.0 * k,
            12.0 * k,
            3000.0 * k,
            self.largest
        )
    }
}

fn base(name: &str) -> School<'_> {
    School {
        name,
        kind: "小学",
        locality: "城区",
        built: "",
        migrants: "",
        students: 800.0,
        pe_art: 9.0,
        travelling: "",
        largest: 40.0,
        room: 100.0,
    }
}

/// The example provincial profile with the local allowances on, as the page offers it.
fn local() -> Profile {
    serde_json::from_str(include_str!("../../../www/profiles/example-local-allowances.json")).unwrap()
}

fn evaluate(schools: &[School], profile: Profile) -> Evaluation {
    let text = format!("{HEADER}\n{}\n", schools.iter().map(School::row).collect::<Vec<_>>().join("\n"));
    let e = evaluate_text(&text, &Options { standard: Standard::Quality2017, profile, ..Options::default() });
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    e
}

fn guarantee<'e>(e: &'e Evaluation, id: &str) -> &'e PartItem {
    e.parts.iter().flat_map(|p| &p.items).find(|i| i.id == id).unwrap()
}

#[test]
fn a_school_built_by_2010_or_with_over_half_migrant_children_may_have_2400_students_under_local_allowances_only() {
    let size = |profile: Profile, built: &'static str, migrants: &'static str, students: f64| {
        let school = School { built, migrants, students, ..base("新城小学") };
        let e = evaluate(&[base("甲"), school], profile);
        let g4 = guarantee(&e, "g4").clone();
        (g4.passed, g4.allowances)
    };
    let (passed, said) = size(local(), "2010", "", 2300.0);
    assert!(passed);
    assert_eq!(said, ["新城小学：2010年建校，规模上限按本方案的地方放宽规则为2400人"]);
    assert!(!size(local(), "2011", "", 2300.0).0, "built in 2011: 2 000");
    assert!(!size(local(), "2010", "", 2401.0).0, "above 2 400 all the same");
    assert!(size(local(), "", "50.5", 2300.0).0, "over half migrant children");
    assert!(!size(local(), "", "50", 2300.0).0, "half is not over half");
    // The national profile: the 2017 method's 2 000, whatever the school's age or children.
    assert_eq!(size(Profile::national(), "2005", "", 2300.0), (false, vec![]));
    assert_eq!(size(Profile::national(), "", "80", 2300.0), (false, vec![]));
    assert_eq!(size(Profile::national(), "2005", "", 2000.0), (true, vec![]));
    // Without one of its numbers the rule is the 2017 method's.
    let mut strict = local();
    strict.quality2017.allowances.relaxed_size_cap = None;
    assert_eq!(size(strict, "2000", "", 2300.0), (false, vec![]));
}

#[test]
fn a_nine_year_school_may_have_3000_students_under_local_allowances_only() {
    let nine = |profile: Profile, students: f64| {
        let school = School { kind: "九年一贯制", students, ..base("一贯制学校") };
        let e = evaluate(&[base("甲"), school], profile);
        (guarantee(&e, "g4").passed, guarantee(&e, "g4").allowances.len())
    };
    assert_eq!(nine(local(), 2900.0), (true, 1));
    assert_eq!(nine(local(), 3001.0), (false, 1));
    assert_eq!(nine(local(), 2400.0), (true, 1), "the allowance is named whenever it sets the cap");
    // The national profile: 2 500 (教督〔2017〕6号).
    assert_eq!(nine(Profile::national(), 2700.0), (false, 0));
    assert_eq!(nine(Profile::national(), 2500.0), (true, 0));
}

#[test]
fn old_and_small_rural_schools_music_and_art_rooms_under_local_allowances_only() {
    let rooms = |profile: Profile, school: School| {
        let e = evaluate(&[base("甲"), school], profile);
        (guarantee(&e, "g3").passed, guarantee(&e, "g3").allowances.clone())
    };
    // Built in or before 2016: 73 ㎡ and 67 ㎡ (rooms of 80 ㎡ pass), after: 96 and 90.
    let (passed, said) = rooms(local(), School { built: "2016", room: 80.0, ..base("老校") });
    assert!(passed);
    assert_eq!(said, ["老校：2016年建校，音乐、美术教室每间按本方案的地方放宽规则不小于73㎡、67㎡"]);
    assert!(!rooms(local(), School { built: "2017", room: 80.0, ..base("新校") }).0);
    // A rural school whose largest class is under 30: 54 ㎡ and 61 ㎡ (rooms of 62 ㎡ pass).
    let small = |profile: Profile, largest: f64, locality: &'static str| {
        rooms(profile, School { locality, largest, room: 62.0, students: 200.0, ..base("村小") })
    };
    assert!(small(local(), 29.0, "乡村").0);
    assert!(!small(local(), 30.0, "乡村").0, "a class of 30 is not under 30");
    assert!(!small(local(), 29.0, "镇区").0, "a town school is not a rural one");
    // The national profile: 96 ㎡ and 90 ㎡ for every school.
    assert_eq!(rooms(Profile::national(), School { built: "2000", room: 80.0, ..base("老校") }), (false, vec![]));
    assert_eq!(small(Profile::national(), 20.0, "乡村"), (false, vec![]));
    assert_eq!(rooms(Profile::national(), School { built: "2000", room: 96.0, ..base("老校") }), (true, vec![]));
}

#[test]
fn small_rural_schools_count_their_travelling_pe_and_art_teachers_under_local_allowances_only() {
    let counted_by = |profile: Profile, students: f64, locality: &'static str| {
        let school = School { locality, students, pe_art: 0.0, travelling: "2", ..base("山村小学") };
        let e = evaluate(&[base("甲"), school], profile);
        let value = e.schools.iter().find(|s| s.name == "山村小学").unwrap().values["pe_art_teachers_per_100"];
        let said = e.warnings.iter().any(|w| w.message.contains("走教体育艺术教师 2 人计入") && w.message.contains("山村小学"));
        (value, said)
    };
    let counted = |students: f64, locality: &'static str| counted_by(local(), students, locality);
    assert_eq!(counted(99.0, "乡村"), (2.0 / 99.0 * 100.0, true));
    assert_eq!(counted(50.0, "乡村"), (2.0 / 50.0 * 100.0, true));
    assert_eq!(counted(100.0, "乡村"), (0.0, false), "100 students: not a small school");
    assert_eq!(counted(49.0, "乡村"), (0.0, false));
    assert_eq!(counted(99.0, "镇区"), (0.0, false), "a town school");
    // The national profile counts the school's own PE and art teachers alone.
    assert_eq!(counted_by(Profile::national(), 99.0, "乡村"), (0.0, false));
    assert_eq!(counted_by(Profile::national(), 50.0, "乡村"), (0.0, false));
}

#[test]
fn the_national_profile_and_a_file_without_allowances_have_none_and_the_example_has_them() {
    assert_eq!(Profile::national().quality2017.allowances, Allowances::none());
    let mut json = serde_json::to_value(local()).unwrap();
    json["quality2017"].as_object_mut().unwrap().remove("allowances");
    let profile: Profile = serde_json::from_value(json).unwrap();
    assert_eq!(profile.quality2017.allowances, Allowances::none());
    assert_eq!(local().quality2017.allowances, Allowances::work_rules());
    assert_eq!(local().quality2017.guarantees, Profile::national().quality2017.guarantees, "the rest is national");
}

#[test]
fn the_issues_county_fails_item_4_under_the_national_profile_and_passes_under_the_example() {
    // A nine-year school of 2 700 students and a 小学 of 2 300 built in 2005 (issue 21).
    let county = [
        base("甲"),
        School { kind: "九年一贯制", students: 2700.0, ..base("一贯制学校") },
        School { built: "2005", students: 2300.0, ..base("老城小学") },
    ];
    let national = evaluate(&county, Profile::national());
    let g4 = guarantee(&national, "g4");
    assert!(!g4.passed);
    assert!(g4.allowances.is_empty());
    assert!(g4.details.iter().any(|d| d.contains("一贯制学校") && d.contains("2500")), "{:?}", g4.details);
    assert!(g4.details.iter().any(|d| d.contains("老城小学") && d.contains("2000")), "{:?}", g4.details);
    let example = evaluate(&county, local());
    assert!(guarantee(&example, "g4").passed);
    assert_eq!(guarantee(&example, "g4").allowances.len(), 2);
}
