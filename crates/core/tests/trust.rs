//! Trust: no wrong pass from extreme numbers, no hostile profile accepted, no invisible
//! character changing a name, no reader that panics. (Hostile files: junheng-files; the
//! CLI's output: junheng-cli.)

use junheng::assessment::Answers;
use junheng::evaluation::Evaluation;
use junheng::input::{self, Problem};
use junheng::{evaluate_text, project, Lang, Options, Profile, Standard};
use proptest::prelude::*;
use std::path::Path;

const HEADER: &str = "学校名称,学段,在校生数,高于规定学历教师数,县级及以上骨干教师数,体育艺术专任教师数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,网络多媒体教室数,专任教师数,中级及以上职称教师数,计算机台数,图书册数";

fn table(rows: &[&str]) -> String {
    format!("{HEADER}\n{}\n", rows.join("\n"))
}

fn run(text: &str, standard: Standard) -> Evaluation {
    evaluate_text(text, &Options { standard, ..Options::default() })
}

#[track_caller]
fn error_at<'a>(e: &'a Evaluation, row: usize, column: &str) -> &'a Problem {
    e.errors
        .iter()
        .find(|p| p.row == Some(row) && p.column.as_deref() == Some(column))
        .unwrap_or_else(|| panic!("no error at row {row}, column {column}: {:?}", e.errors))
}

/// Walks every number of a serialised value: CBOR keeps NaN and ∞ as floats, where JSON
/// would have written null.
fn numbers_finite(value: &ciborium::Value) -> bool {
    use ciborium::Value::*;
    match value {
        Float(f) => f.is_finite(),
        Array(items) => items.iter().all(numbers_finite),
        Map(entries) => entries.iter().all(|(k, v)| numbers_finite(k) && numbers_finite(v)),
        Tag(_, inner) => numbers_finite(inner),
        _ => true,
    }
}

fn all_finite(e: &Evaluation) -> bool {
    numbers_finite(&ciborium::Value::serialized(e).expect("the result serialises"))
}

const GOOD: [&str; 2] =
    ["甲小学,小学,500,25,6,5,2500,4000,1100000,12,30,15,60,15000", "乙小学,小学,400,20,5,4,2000,3200,900000,10,24,12,50,12000"];

#[test]
fn numbers_that_would_overflow_are_errors_naming_row_and_column() {
    for huge in ["1e308", "1e300", "1.7976931348623157e308", "1000000000000.5"] {
        let bad = GOOD[1].replace(",12000", &format!(",{huge}"));
        for standard in [Standard::Basic2012, Standard::Quality2017] {
            let e = run(&table(&[GOOD[0], &bad]), standard);
            if standard == Standard::Basic2012 {
                assert!(error_at(&e, 3, "图书册数").message.contains("过大"), "{huge}");
            }
            // No verdict: the other row's figures at most, provisional, nothing passing.
            assert!(e.overall.is_none() && e.levels.values().all(|l| !l.passed), "{huge}: no verdict from an overflowing table");
            assert!(e.levels.is_empty() || e.provisional, "{huge}");
            assert!(all_finite(&e), "{huge}");
        }
    }
    // The bound is applied after the unit: 10⁹ 万元 is 10¹³ 元.
    let text = table(&[GOOD[0], GOOD[1]]).replace("教学仪器设备值", "教学仪器设备值（万元）").replace("1100000", "1000000000");
    error_at(&run(&text, Standard::Quality2017), 2, "教学仪器设备值（万元）");
    // 10¹² itself is accepted.
    let e = run(&table(&[GOOD[0], &GOOD[1].replace(",12000", ",1000000000000")]), Standard::Basic2012);
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    assert!(all_finite(&e));
}

#[test]
fn fractions_of_a_student_are_errors() {
    let e = run(&table(&[GOOD[0], &GOOD[1].replace(",400,", ",0.001,")]), Standard::Quality2017);
    assert!(error_at(&e, 3, "在校生数").message.contains("不小于1"));
}

#[test]
fn every_school_carries_its_standing_against_each_standard() {
    let e = run(&table(&GOOD), Standard::Quality2017);
    let school = &e.schools[1];
    let teaching = school.standing["teaching_area_per_student"];
    // 2000 ㎡ / 400 = 5.0 ≥ 4.5
    assert!(teaching.meets && (teaching.share - 5.0 / 4.5).abs() < 1e-12 && teaching.shortfall == 0.0);
    let low = run(&table(&[GOOD[0], &GOOD[1].replace(",2000,3200,", ",1700,3200,")]), Standard::Quality2017);
    let teaching = low.schools[1].standing["teaching_area_per_student"];
    // 1700 / 400 = 4.25: short by 0.25, 94.4% of 4.5, above the 85% floor.
    assert!(!teaching.meets && !teaching.below_floor);
    assert!((teaching.shortfall - 0.25).abs() < 1e-12 && (teaching.share - 4.25 / 4.5).abs() < 1e-12);
    assert!(run(&table(&GOOD), Standard::Basic2012).schools[0].standing.is_empty());
}

#[test]
fn composite_passed_is_decided_in_the_core() {
    let e = run(&table(&GOOD), Standard::Basic2012);
    let primary = &e.levels[&junheng::Level::Primary];
    assert_eq!(primary.composite_passed, Some(primary.composite_cv.unwrap() <= primary.composite_limit.unwrap()));
    assert_eq!(run(&table(&GOOD), Standard::Quality2017).levels[&junheng::Level::Primary].composite_passed, None);
}

#[test]
fn invisible_characters_are_removed_with_a_notice() {
    // A zero-width space makes two identical-looking names differ: removed, they repeat.
    let twin = GOOD[1].replace("乙小学", "甲\u{200B}小学");
    let e = run(&table(&[GOOD[0], &twin]), Standard::Quality2017);
    assert!(error_at(&e, 3, "学校名称").message.contains("重复"));
    // A right-to-left override would reverse every message line that quotes the cell.
    let reversed = GOOD[1].replace("乙小学", "乙\u{202E}小学").replace(",12000", ",三百\u{202E}");
    let e = run(&table(&[GOOD[0], &reversed]), Standard::Basic2012);
    let message = &error_at(&e, 3, "图书册数").message;
    assert!(message.contains("「三百」") && !message.contains('\u{202E}'), "{message}");
    let e = run(&table(&[GOOD[0], &GOOD[1].replace("乙小学", "乙\u{202E}小学")]), Standard::Quality2017);
    assert!(e.errors.is_empty());
    assert_eq!(e.schools[1].name, "乙小学");
    let notice = e.warnings.iter().find(|w| w.message.contains("看不见的字符")).expect("a notice");
    assert_eq!((notice.row, notice.column.as_deref()), (Some(3), Some("学校名称")));
}

#[test]
fn a_name_of_a_hundred_kilobytes_is_refused() {
    let long = "校".repeat(100_000);
    let e = run(&table(&[GOOD[0], &GOOD[1].replace("乙小学", &long)]), Standard::Quality2017);
    assert!(error_at(&e, 3, "学校名称").message.contains("100000 个字符"));
}

// --- profiles --------------------------------------------------------------------------

#[track_caller]
fn refused(profile: &Profile, field: &str) {
    let problems = profile.validate(Lang::Zh);
    assert!(problems.iter().any(|p| p.column.as_deref() == Some(field)), "{field} accepted: {problems:?}");
    // A profile that does not validate never reaches a verdict.
    let e = evaluate_text(&table(&GOOD), &Options { profile: profile.clone(), ..Options::default() });
    assert!(!e.errors.is_empty() && e.overall.is_none());
}

#[test]
fn item_ids_are_short_plain_words() {
    for id in ["g1\"><img src=x onerror=alert(1)>", "G1", "", "a b", &"x".repeat(41), "编号"] {
        let mut p = Profile::national();
        p.quality2017.guarantees[0].id = id.to_string();
        refused(&p, "profile.items");
    }
    let mut p = Profile::national();
    p.quality2017.vetoes[1].id = p.quality2017.vetoes[0].id.clone();
    refused(&p, "profile.items");
    let mut p = Profile::national();
    p.quality2017.quality[8].measures[0].id = "<b>".into();
    refused(&p, "profile.items");
    let mut p = Profile::national();
    p.basic2012.government_items[0].aspect = "x\"><script>".into();
    refused(&p, "profile.basic2012.government_items");
    let mut p = Profile::national();
    p.quality2017.guarantees[0].text.en = "Plan\u{202E}".into();
    refused(&p, "profile.items");
    assert!(Profile::national().validate(Lang::Zh).is_empty());
}

#[test]
fn profile_numbers_are_finite_and_in_range() {
    for weight in [0.0, -1.0, 1e308, f64::NAN, f64::INFINITY] {
        let mut p = Profile::national();
        p.split_weights.junior = weight;
        refused(&p, "profile.split_weights");
    }
    let mut p = Profile::national();
    p.quality2017.standards[0].minimum.primary = f64::INFINITY;
    refused(&p, "profile.quality2017.standards");
    let mut p = Profile::national();
    p.quality2017.cv_limit.junior = f64::NAN;
    refused(&p, "profile.quality2017.cv_limit");
    let mut p = Profile::national();
    p.quality2017.school_size.single = f64::NAN;
    refused(&p, "profile.quality2017.school_size");
    let mut p = Profile::national();
    p.quality2017.arts_rooms.music_min_area = f64::INFINITY;
    refused(&p, "profile.quality2017.arts_rooms");
    let mut p = Profile::national();
    p.quality2017.quality[8].measures[1].below = Some(f64::NAN);
    refused(&p, "profile.quality2017.measures");
    let mut p = Profile::national();
    p.quality2017.scope.teaching_points = junheng::standards::TeachingPoints::ExcludeBelow(f64::INFINITY);
    refused(&p, "profile.quality2017.scope");
}

fn hostile(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hostile").join(name)).unwrap()
}

#[test]
fn hostile_profile_and_project_files() {
    let profile = |name: &str| serde_json::from_slice::<Profile>(&hostile(name)).unwrap();
    assert!(!profile("profile-markup-id.json").validate(Lang::Zh).is_empty());
    assert!(!profile("profile-huge-weight.json").validate(Lang::Zh).is_empty());
    // Markup in texts is text: accepted, and the page escapes it.
    assert!(profile("profile-markup-texts.json").validate(Lang::Zh).is_empty());
    let text = String::from_utf8(hostile("project-markup-id.json")).unwrap();
    let opened = project::read_json(&text, Lang::Zh).unwrap();
    let e = evaluate_text(&opened.schools, &opened.options(Lang::Zh));
    assert!(e.errors.iter().any(|p| p.message.contains("项目编号")), "{:?}", e.errors);
    let text = String::from_utf8(hostile("project-markup.json")).unwrap();
    let opened = project::read_json(&text, Lang::Zh).unwrap();
    let e = evaluate_text(&opened.schools, &opened.options(Lang::Zh));
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    assert!(e.schools.iter().any(|s| s.name.contains("<img src=x onerror=")), "names are kept as written");
}

// --- properties ---------------------------------------------------------------------------

/// Numbers a hostile or careless file may hold: ordinary, extreme, tiny, negative, words.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0u32..100_000).prop_map(|n| n.to_string()),
        2 => (0.0f64..1e6).prop_map(|v| format!("{v}")),
        1 => prop::sample::select(vec!["1e308", "1e300", "1e12", "1e-300", "5e-324", "0", "-0", "0.5", "1", "1e15", "-1", "NaN", "inf", "—", ""]).prop_map(String::from),
        1 => any::<f64>().prop_map(|v| format!("{v:e}")),
    ]
}

fn county() -> impl Strategy<Value = String> {
    let row = (prop::sample::select(vec!["小学", "初中"]), prop::collection::vec(cell(), 12));
    prop::collection::vec(row, 1..8).prop_map(|rows| {
        let body: Vec<String> = rows.iter().enumerate().map(|(i, (level, cells))| format!("校{i},{level},{}", cells.join(","))).collect();
        table(&body.iter().map(String::as_str).collect::<Vec<_>>())
    })
}

fn answers() -> impl Strategy<Value = Answers> {
    let number = prop_oneof![Just(f64::INFINITY), Just(f64::NAN), Just(1e308), Just(-1.0), 0.0f64..200.0];
    (number.clone(), number.clone(), number).prop_map(|(points, respondents, satisfied)| {
        let mut a = Answers::default();
        a.government_points.insert("a1".into(), points);
        a.survey.insert("parents".into(), junheng::assessment::SurveyCount { respondents, satisfied });
        a.items.or_default("g12".into()).values.insert("certified".into(), points);
        a
    })
}

proptest! {
    // 600 cases in every run; PROPTEST_CASES=N for a longer fuzzing run.
    #![proptest_config(ProptestConfig::with_cases(std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(600)))]

    /// For any table and answers, either the input is refused or every number is finite.
    #[test]
    fn errors_or_every_number_finite(text in county(), answers in answers(), basic in any::<bool>(), weight in prop_oneof![Just(1.1), Just(1e308), Just(f64::NAN), Just(0.0), 0.0f64..50.0]) {
        let standard = if basic { Standard::Basic2012 } else { Standard::Quality2017 };
        let mut profile = Profile::national();
        profile.split_weights.junior = weight;
        let e = evaluate_text(&text, &Options { standard, answers, profile, ..Options::default() });
        prop_assert!(!e.errors.is_empty() || all_finite(&e), "{text}");
        if let Some(overall) = &e.overall {
            prop_assert!(e.errors.is_empty());
            prop_assert!(!overall.passed || e.levels.values().all(|l| l.passed));
        }
    }

    /// Any text: the reader and the evaluation never panic.
    #[test]
    fn any_text_reads_without_panic(text in "\\PC{0,400}") {
        let _ = run(&text, Standard::Quality2017);
        let _ = input::read_grid(&text);
    }

    /// Any JSON text as a project or profile: refused or read, never a panic.
    #[test]
    fn any_project_or_profile_without_panic(text in "\\PC{0,300}", cut in 0usize..17_000, byte in any::<u8>()) {
        let _ = project::read_json(&text, Lang::Zh);
        let mut real = hostile("project-markup.json");
        let at = cut % real.len();
        real[at] = byte;
        if let Ok(text) = String::from_utf8(real) {
            if let Ok(p) = project::read_json(&text, Lang::Zh) {
                let _ = evaluate_text(&p.schools, &p.options(Lang::Zh));
            }
            if let Ok(p) = serde_json::from_str::<Profile>(&text) {
                let _ = p.validate(Lang::En);
            }
        }
    }
}

/// The grouping of a school's rows as first written (a search per row), kept here as the
/// reference for the linear one in scope.rs.
fn groups_by_search(rows: &[junheng::model::SchoolRow]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let same = |g: &&mut Vec<usize>| rows[g[0]].pooled && row.pooled && rows[g[0]].name == row.name;
        match groups.iter_mut().find(same) {
            Some(group) => group.push(i),
            None => groups.push(vec![i]),
        }
    }
    groups
}

proptest! {
    /// Pooled schools' rows (mixed schools, attached classes) group by name, every other row
    /// alone, in first-seen order.
    #[test]
    fn school_groups_match_the_search(schools in prop::collection::vec((0u8..6, any::<bool>(), any::<bool>()), 0..40)) {
        use junheng::model::{Level, SchoolType};
        let text = table(&[GOOD[0]]);
        let template = input::read_table(&text, Lang::Zh).unwrap().rows[0].clone();
        let rows: Vec<_> = schools
            .iter()
            .map(|&(name, mixed, junior)| {
                let mut row = template.clone();
                row.name = format!("校{name}");
                row.school_type = if mixed { SchoolType::NineYear } else { SchoolType::Primary };
                row.pooled = mixed;
                row.level = if junior { Level::Junior } else { Level::Primary };
                row
            })
            .collect();
        prop_assert_eq!(junheng::scope::school_groups(&rows), groups_by_search(&rows));
    }
}
