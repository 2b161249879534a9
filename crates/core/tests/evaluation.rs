//! Whole evaluations, checked against computations written here independently of the crate.

use junheng::evaluation::Evaluation;
use junheng::{evaluate_text, Lang, Level, Options, Standard};
use std::collections::HashMap;

fn options(standard: Standard) -> Options {
    Options { standard, ..Options::default() }
}

fn evaluate(text: &str, standard: Standard) -> Evaluation {
    evaluate_text(text, &options(standard))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

// ---------------------------------------------------------------------------------------
// An independent reading of the demo county: the table read with a plain split on commas,
// scope and mixed-school split applied by hand, the CV by its textbook definition.

const DEMO: &str = include_str!("../../../www/demo/demo-county.csv");

struct RefSchool {
    name: String,
    level: &'static str,
    kind: String,
    private: bool,
    students: f64,
    senior: f64,
    cells: HashMap<String, f64>,
}

fn reference_schools(text: &str) -> Vec<RefSchool> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    lines
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            let get = |name: &str| cells[header.iter().position(|h| *h == name).unwrap()];
            let number = |name: &str| get(name).parse::<f64>().unwrap_or(0.0);
            RefSchool {
                name: get("学校名称").into(),
                level: if get("学段") == "小学" { "primary" } else { "junior" },
                kind: get("学校类型").into(),
                private: get("办学性质") == "民办",
                students: number("在校生数"),
                senior: number("高中在校生数"),
                cells: header.iter().map(|h| (h.to_string(), number(h))).collect(),
            }
        })
        .collect()
}

/// (indicator key, column, scale) of each standard.
const BASIC: [(&str, &str, f64); 8] = [
    ("teaching_area_per_student", "教学及辅助用房面积", 1.0),
    ("sports_area_per_student", "体育运动场馆面积", 1.0),
    ("equipment_value_per_student", "教学仪器设备值", 1.0),
    ("computers_per_100", "计算机台数", 100.0),
    ("books_per_student", "图书册数", 1.0),
    ("teacher_student_ratio", "专任教师数", 1.0),
    ("qualified_teachers_per_student", "高于规定学历教师数", 1.0),
    ("senior_title_teachers_per_student", "中级及以上职称教师数", 1.0),
];
const QUALITY: [(&str, &str, f64, f64, f64); 7] = [
    ("qualified_teachers_per_100", "高于规定学历教师数", 100.0, 4.2, 5.3),
    ("backbone_teachers_per_100", "县级及以上骨干教师数", 100.0, 1.0, 1.0),
    ("pe_art_teachers_per_100", "体育艺术专任教师数", 100.0, 0.9, 0.9),
    ("teaching_area_per_student", "教学及辅助用房面积", 1.0, 4.5, 5.8),
    ("sports_area_per_student", "体育运动场馆面积", 1.0, 7.5, 10.2),
    ("equipment_value_per_student", "教学仪器设备值", 1.0, 2000.0, 2500.0),
    ("multimedia_rooms_per_100", "网络多媒体教室数", 100.0, 2.3, 2.4),
];
const FACILITIES: [&str; 6] = ["教学及辅助用房面积", "体育运动场馆面积", "教学仪器设备值", "计算机台数", "图书册数", "网络多媒体教室数"];

/// The schools in scope, with mixed schools' facilities split 1 : 1.1 : 1.32.
fn reference_county(standard: Standard) -> Vec<RefSchool> {
    let all = reference_schools(DEMO);
    let mut kept: Vec<RefSchool> = all
        .into_iter()
        .filter(|s| !s.private)
        .filter(|s| s.kind != "教学点" || (standard == Standard::Quality2017 && s.students >= 50.0))
        .collect();
    let mixed: Vec<String> =
        kept.iter().filter(|s| ["九年一贯制", "完全中学"].contains(&s.kind.as_str())).map(|s| s.name.clone()).collect();
    for name in mixed {
        let rows: Vec<usize> = (0..kept.len()).filter(|&i| kept[i].name == name).collect();
        let weight = |level: &str| if level == "primary" { 1.0 } else { 1.1 };
        let senior = rows.iter().map(|&i| kept[i].senior).fold(0.0, f64::max);
        let weighted: f64 = rows.iter().map(|&i| weight(kept[i].level) * kept[i].students).sum::<f64>() + 1.32 * senior;
        for column in FACILITIES {
            let total: f64 = rows.iter().map(|&i| kept[i].cells[column]).sum();
            for &i in &rows {
                let share = total * weight(kept[i].level) * kept[i].students / weighted;
                kept[i].cells.insert(column.to_string(), share);
            }
        }
    }
    kept
}

fn reference_cv(schools: &[&RefSchool], column: &str, scale: f64) -> (f64, f64, f64) {
    let p: f64 = schools.iter().map(|s| s.students).sum();
    let xbar = scale * schools.iter().map(|s| s.cells[column]).sum::<f64>() / p;
    let var: f64 = schools.iter().map(|s| s.students / p * (scale * s.cells[column] / s.students - xbar).powi(2)).sum();
    (xbar, var.sqrt(), var.sqrt() / xbar)
}

#[test]
fn demo_county_every_cv_matches_an_independent_computation() {
    for standard in [Standard::Basic2012, Standard::Quality2017] {
        let result = evaluate(DEMO, standard);
        assert!(result.errors.is_empty(), "{:?}", result.errors);
        let county = reference_county(standard);
        let columns: Vec<(&str, &str, f64)> = match standard {
            Standard::Basic2012 => BASIC.to_vec(),
            Standard::Quality2017 => QUALITY.iter().map(|q| (q.0, q.1, q.2)).collect(),
        };
        for (level, key) in [(Level::Primary, "primary"), (Level::Junior, "junior")] {
            let schools: Vec<&RefSchool> = county.iter().filter(|s| s.level == key).collect();
            let got = &result.levels[&level];
            assert_eq!(got.schools, schools.len());
            assert!(close(got.students, schools.iter().map(|s| s.students).sum()));
            let mut cvs = Vec::new();
            for (indicator, column, scale) in &columns {
                let (xbar, sd, cv) = reference_cv(&schools, column, *scale);
                let row = got.indicators.iter().find(|i| i.key == *indicator).unwrap();
                assert!(close(row.county_value, xbar), "{indicator}: {} vs {xbar}", row.county_value);
                assert!(close(row.sd, sd), "{indicator}: {} vs {sd}", row.sd);
                assert!(close(row.cv.unwrap(), cv), "{indicator}: {:?} vs {cv}", row.cv);
                cvs.push(cv);
            }
            if standard == Standard::Basic2012 {
                let composite = cvs.iter().sum::<f64>() / cvs.len() as f64;
                assert!(close(got.composite_cv.unwrap(), composite));
                let limit = if level == Level::Primary { 0.65 } else { 0.55 };
                assert_eq!(got.passed, composite <= limit);
            } else {
                assert_eq!(got.composite_cv, None);
            }
        }
    }
}

#[test]
fn demo_county_per_school_verdicts_match_the_rule() {
    let result = evaluate(DEMO, Standard::Quality2017);
    let county = reference_county(Standard::Quality2017);
    assert_eq!(result.schools.len(), county.len());
    let mut failing = 0;
    for school in &county {
        let got = result.schools.iter().find(|s| s.name == school.name && s.level.key() == school.level).unwrap();
        let mut met = 0;
        let mut floor_ok = true;
        for (key, column, scale, primary, junior) in QUALITY {
            let minimum = if school.level == "primary" { primary } else { junior };
            let value = scale * school.cells[column] / school.students;
            assert!(close(got.values[key], value), "{} {key}", school.name);
            if value >= minimum {
                met += 1;
            } else if value < 0.85 * minimum {
                floor_ok = false;
            }
        }
        let passed = met >= 6 && floor_ok;
        failing += usize::from(!passed);
        assert_eq!(got.met, Some(met), "{}", school.name);
        assert_eq!(got.passed, Some(passed), "{}", school.name);
        // One line per indicator below standard, and one more that explains a failure.
        assert_eq!(got.reasons.len(), 7 - met + usize::from(!passed), "{}: {:?}", school.name, got.reasons);
    }
    // The demo is meant to show failing rural schools, and so a failing county.
    assert!(failing > 0);
    assert!(result.levels.values().any(|l| !l.passed));
}

#[test]
fn demo_county_shows_its_exclusions_and_splits() {
    let quality = evaluate(DEMO, Standard::Quality2017);
    let excluded: Vec<&str> = quality.excluded.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(excluded, ["西山乡岭上教学点", "育才民办学校"]);
    let basic = evaluate(DEMO, Standard::Basic2012);
    let excluded: Vec<&str> = basic.excluded.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(excluded, ["西山乡岭上教学点", "南岭乡竹坪教学点", "育才民办学校"]);
    let names: Vec<&str> = basic.splits.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["北湖镇九年一贯制学校", "县第二中学"]);
    // basic2012 uses five of the six facility totals (not multimedia classrooms).
    assert_eq!(basic.splits[0].resources.len(), 5);
}

// ---------------------------------------------------------------------------------------
// The mixed-school split of SPEC §4.

#[test]
fn nine_year_school_books_split_one_to_one_point_one() {
    let text = "学校名称,学段,学校类型,在校生数,图书册数\n\
                甲九年一贯制学校,小学,九年一贯制,166,23226\n\
                甲九年一贯制学校,初中,九年一贯制,210,\n\
                乙小学,小学,小学,100,3000\n";
    let result = evaluate_text(text, &Options { standard: Standard::Basic2012, ..Options::default() });
    // Only the books column is given, so basic2012 reports the other columns missing.
    assert!(!result.errors.is_empty());
    let table = junheng::input::read_table(text, Lang::Zh).unwrap();
    let mut rows = table.rows.clone();
    let weights = junheng::Profile::national().split_weights;
    let (splits, errors, _) = junheng::scope::split_mixed_schools(&mut rows, &table, weights, &[junheng::model::Resource::Books], Lang::Zh);
    assert!(errors.is_empty());
    let books = &splits[0].resources[0];
    assert!((books.primary - 9711.6).abs() < 0.05, "{}", books.primary);
    assert!((books.junior - 13514.4).abs() < 0.05, "{}", books.junior);
    assert!(close(books.primary + books.junior, 23226.0));
    // SPEC §4's example: 166 primary and 210 junior students, none senior.
    assert_eq!(splits[0].students_total, 376.0);
    assert_eq!(rows[0].resource(junheng::model::Resource::Books), Some(books.primary));
    assert_eq!(rows[1].resource(junheng::model::Resource::Books), Some(books.junior));
    assert_eq!(rows[2].resource(junheng::model::Resource::Books), Some(3000.0));
}

#[test]
fn complete_secondary_school_gives_senior_students_their_share() {
    let text = "学校名称,学段,学校类型,在校生数,高中在校生数,图书册数\n一中,初中,完全中学,1000,500,51600\n";
    let table = junheng::input::read_table(text, Lang::Zh).unwrap();
    let mut rows = table.rows.clone();
    let weights = junheng::Profile::national().split_weights;
    let (splits, _, warnings) =
        junheng::scope::split_mixed_schools(&mut rows, &table, weights, &[junheng::model::Resource::Books], Lang::Zh);
    // 51600 / (1.1·1000 + 1.32·500) = 51600 / 1760 per weighted student.
    let junior = 51600.0 * 1100.0 / 1760.0;
    assert!(close(splits[0].resources[0].junior, junior));
    assert!(close(splits[0].resources[0].senior, 51600.0 - junior));
    assert!(warnings.is_empty());
}

#[test]
fn complete_secondary_school_without_senior_students_is_warned() {
    let text = format!("{}\n一中,初中,完全中学,1000,{}\n", full_header(), full_cells());
    let result = evaluate(&text, Standard::Quality2017);
    assert!(result.errors.is_empty(), "{:?}", result.errors);
    assert!(result.warnings.iter().any(|w| w.message.contains("高中在校生数")), "{:?}", result.warnings);
}

#[test]
fn repeated_whole_school_totals_are_warned() {
    let text = format!("{}\n九校,小学,九年一贯制,300,{c}\n九校,初中,九年一贯制,200,{c}\n", full_header(), c = full_cells());
    let result = evaluate(&text, Standard::Quality2017);
    assert!(result.errors.is_empty(), "{:?}", result.errors);
    assert!(result.warnings.iter().any(|w| w.message.contains("重复")), "{:?}", result.warnings);
}

// ---------------------------------------------------------------------------------------
// quality2017's per-school rule: ≥ 6 of 7 at standard, the remaining one ≥ 85%.

fn full_header() -> &'static str {
    "学校名称,学段,学校类型,在校生数,高于规定学历教师数,县级及以上骨干教师数,体育艺术专任教师数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,网络多媒体教室数"
}

/// A school of 100 primary students exactly at every standard.
fn full_cells() -> &'static str {
    "4.2,1,0.9,450,750,200000,2.3"
}

fn school_with(sports_area: f64, multimedia_rooms: f64) -> Evaluation {
    let text = format!("{}\n甲,小学,小学,100,4.2,1,0.9,450,{sports_area},200000,{multimedia_rooms}\n", full_header());
    evaluate(&text, Standard::Quality2017)
}

#[test]
fn school_at_every_standard_passes() {
    let result = school_with(750.0, 2.3);
    let school = &result.schools[0];
    assert_eq!((school.met, school.passed), (Some(7), Some(true)));
}

#[test]
fn school_with_one_indicator_at_85_percent_passes() {
    let result = school_with(750.0 * 0.85, 2.3);
    assert_eq!((result.schools[0].met, result.schools[0].passed), (Some(6), Some(true)));
}

#[test]
fn school_with_one_indicator_below_85_percent_fails() {
    let result = school_with(750.0 * 0.84, 2.3);
    let school = &result.schools[0];
    assert_eq!((school.met, school.passed), (Some(6), Some(false)));
    assert!(school.reasons.iter().any(|r| r.contains("生均体育运动场馆面积") && r.contains("84.0%")), "{:?}", school.reasons);
    assert!(!result.levels[&Level::Primary].passed);
}

#[test]
fn school_with_two_indicators_below_standard_fails() {
    let result = school_with(750.0 * 0.99, 2.2);
    let school = &result.schools[0];
    assert_eq!((school.met, school.passed), (Some(5), Some(false)));
    assert_eq!(school.reasons.len(), 3, "{:?}", school.reasons);
}

#[test]
fn a_cv_above_its_limit_fails_the_level_with_the_reason() {
    // Two schools, one with 3× the sports area per student of the other.
    let text = format!("{}\n甲,小学,小学,100,{c}\n乙,小学,小学,100,4.2,1,0.9,450,2250,200000,2.3\n", full_header(), c = full_cells());
    let result = evaluate(&text, Standard::Quality2017);
    let level = &result.levels[&Level::Primary];
    let sports = level.indicators.iter().find(|i| i.key == "sports_area_per_student").unwrap();
    // x = 7.5 and 22.5, X̄ = 15, S = 7.5, CV = 0.5: exactly at the limit passes.
    assert!(close(sports.cv.unwrap(), 0.5));
    assert_eq!(sports.passed, Some(true));
    let text = text.replace(",2250,", ",2260,");
    let result = evaluate(&text, Standard::Quality2017);
    let level = &result.levels[&Level::Primary];
    assert!(!level.passed);
    assert!(level.reasons.iter().any(|r| r.contains("生均体育运动场馆面积差异系数")), "{:?}", level.reasons);
}

#[test]
fn junior_limits_are_stricter() {
    let text = format!("{}\n甲,初中,初中,100,5.3,1,0.9,580,1020,250000,2.4\n", full_header());
    let result = evaluate(&text, Standard::Quality2017);
    let level = &result.levels[&Level::Junior];
    assert!(level.indicators.iter().all(|i| i.limit == Some(0.45)));
    assert_eq!(result.schools[0].met, Some(7));
    let text = text.replace(",580,", ",579,");
    assert_eq!(evaluate(&text, Standard::Quality2017).schools[0].met, Some(6));
}

// ---------------------------------------------------------------------------------------
// Scope (SPEC §4).

#[test]
fn teaching_points_follow_each_standards_rule() {
    let text = format!("{}\n甲,小学,小学,100,{c}\n点一,小学,教学点,49,{c}\n点二,小学,教学点,50,{c}\n", full_header(), c = full_cells());
    let result = evaluate(&text, Standard::Quality2017);
    let excluded: Vec<&str> = result.excluded.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(excluded, ["点一"]);
    assert_eq!(result.levels[&Level::Primary].schools, 2);
    let mut options = options(Standard::Quality2017);
    options.profile.quality2017.scope.teaching_points = junheng::standards::TeachingPoints::IncludeAll;
    assert_eq!(evaluate_text(&text, &options).excluded.len(), 0);
}

#[test]
fn private_special_and_vocational_schools_are_excluded() {
    let text = format!(
        "{},办学性质\n甲,小学,小学,100,{c},公办\n乙,小学,小学,100,{c},民办\n丙,小学,特殊教育学校,100,{c},\n丁,初中,职业学校,100,{c},\n",
        full_header(),
        c = full_cells()
    );
    let result = evaluate(&text, Standard::Quality2017);
    let excluded: Vec<&str> = result.excluded.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(excluded, ["乙", "丙", "丁"]);
    assert!(result.excluded.iter().all(|x| !x.reason.is_empty()));
    assert_eq!(result.levels.len(), 1);
}

// ---------------------------------------------------------------------------------------
// Headers and cells as people write them.

#[test]
fn headers_match_with_units_widths_spaces_and_aliases() {
    let chinese = format!("{}\n甲,小学,小学,100,{c}\n乙,小学,小学,250,4,3,2,1000,2000,600000,6\n", full_header(), c = full_cells());
    let reference = evaluate(&chinese, Standard::Quality2017);
    let variant = "school, LEVEL ,school_type,在校生数（人）,qualified_teachers,县级及以上 骨干教师数,pe_art_teachers,教学及辅助用房面积(㎡),体育运动场馆面积【平方米】,教学仪器设备值（万元）,网络多媒体教室数(间)\n\
                   甲,primary,小学,100,4.2,1,0.9,450,750,20,2.3\n\
                   乙,小学,primary,２５０,4,3,2,\"1,000\",2000,60,6\n";
    let result = evaluate(variant, Standard::Quality2017);
    assert!(result.errors.is_empty(), "{:?}", result.errors);
    for (a, b) in reference.levels[&Level::Primary].indicators.iter().zip(&result.levels[&Level::Primary].indicators) {
        assert!(close(a.cv.unwrap(), b.cv.unwrap()), "{}", a.key);
    }
    assert_eq!(result.schools[1].values["equipment_value_per_student"], 600_000.0 / 250.0);
}

#[test]
fn cells_pasted_from_a_spreadsheet_read_as_tab_separated() {
    let csv = format!("{}\n甲,小学,小学,100,{c}\n乙,小学,小学,250,4,3,2,1000,2000,600000,6\n", full_header(), c = full_cells());
    let tsv = csv.replace(',', "\t");
    let a = evaluate(&csv, Standard::Quality2017);
    let b = evaluate(&tsv, Standard::Quality2017);
    assert!(b.errors.is_empty(), "{:?}", b.errors);
    assert_eq!(a.levels, b.levels);
}

#[test]
fn english_messages_when_asked() {
    let options = Options { lang: Lang::En, ..Options::default() };
    let result = evaluate_text("school,level,students\nA,primary,0\n", &options);
    assert!(result.errors.iter().any(|e| e.message.contains("greater than 0")), "{:?}", result.errors);
}

/// A province's level names its first ten failing schools, not tens of thousands; the
/// count stays the whole count, and every school's row still has its verdict.
#[test]
fn a_long_list_of_failing_schools_is_named_in_part() {
    let mut lines = DEMO.lines();
    let header = lines.next().unwrap();
    let rows: Vec<&str> = lines.collect();
    let text: String =
        std::iter::once(format!("{header}\n")).chain((0..8).flat_map(|k| rows.iter().map(move |r| format!("{k}{r}\n")))).collect();
    let e = evaluate(&text, Standard::Quality2017);
    let level = &e.levels[&Level::Primary];
    let failing: Vec<&str> =
        e.schools.iter().filter(|s| s.level == Level::Primary && s.passed == Some(false)).map(|s| s.name.as_str()).collect();
    assert!(failing.len() > 10, "{}", failing.len());
    let reason = level.reasons.iter().find(|r| r.contains("所学校未达到")).unwrap();
    assert!(reason.starts_with(&format!("{} 所学校未达到校际资源配置要求：", failing.len())), "{reason}");
    assert!(reason.contains(&failing[..10].join("、")) && !reason.contains(failing[10]), "{reason}");
    assert!(reason.ends_with("等（每所学校见下表）"), "{reason}");
}
