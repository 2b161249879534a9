//! The whole verdict: every part's rule, the score arithmetic, profiles and project files.

use junheng::assessment::{Answers, ItemAnswer, Part, SurveyCount, Value};
use junheng::evaluation::Evaluation;
use junheng::project::{self, Project};
use junheng::{evaluate_text, Lang, Level, Options, Profile, Standard};

const DEMO: &str = include_str!("../../../www/demo/demo-county.csv");
const DEMO_ANSWERS: &str = include_str!("../../../www/demo/demo-answers.json");

fn demo_answers() -> Answers {
    serde_json::from_str(DEMO_ANSWERS).unwrap()
}

fn run(text: &str, standard: Standard, answers: Answers) -> Evaluation {
    evaluate_text(text, &Options { standard, answers, ..Options::default() })
}

fn part<'a>(e: &'a Evaluation, id: &str) -> &'a Part {
    e.parts.iter().find(|p| p.part == id).unwrap_or_else(|| panic!("no part {id}: {:?}", e.errors))
}

/// Schools that meet every quality2017 standard, so that only the answers decide.
fn good_county() -> String {
    include_str!("data/good-county.csv").to_string()
}

#[test]
fn the_demo_answers_pass_every_part_but_the_demo_schools_fail_resources() {
    let e = run(DEMO, Standard::Quality2017, demo_answers());
    let names: Vec<&str> = e.parts.iter().map(|p| p.part).collect();
    assert_eq!(names, ["resources", "guarantee", "quality", "recognition", "veto"]);
    assert!(!part(&e, "resources").passed);
    // 城关第一小学 has 2150 students, above 2000: item 4, computed from the table.
    let g4 = part(&e, "guarantee").items.iter().find(|i| i.id == "g4").unwrap();
    assert!(!g4.passed && g4.details.len() == 1 && g4.details[0].contains("城关第一小学"), "{g4:?}");
    assert!(part(&e, "quality").passed);
    assert!(part(&e, "recognition").passed);
    assert!(part(&e, "veto").passed);
    let overall = e.overall.as_ref().unwrap();
    assert!(!overall.passed);
    assert_eq!(overall.reasons.len(), 2, "{:?}", overall.reasons);
}

#[test]
fn a_good_county_with_good_answers_passes_and_one_veto_fails_it() {
    let e = run(&good_county(), Standard::Quality2017, demo_answers());
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    for p in &e.parts {
        assert!(p.passed, "{} {:?}", p.part, p.items.iter().filter(|i| !i.passed).collect::<Vec<_>>());
    }
    assert!(e.overall.as_ref().unwrap().passed);
    let mut answers = demo_answers();
    answers.vetoes.insert("key_schools".into());
    let e = run(&good_county(), Standard::Quality2017, answers);
    assert!(!part(&e, "veto").passed);
    let overall = e.overall.unwrap();
    assert!(!overall.passed);
    assert!(overall.reasons[0].contains("一票否决") && overall.reasons[0].contains("设置重点学校或重点班"), "{:?}", overall.reasons);
}

#[test]
fn survey_rates_are_satisfied_over_respondents() {
    let answers = demo_answers();
    let e = run(&good_county(), Standard::Quality2017, answers.clone());
    let recognition = part(&e, "recognition");
    let (sat, resp) = answers.survey.values().fold((0.0, 0.0), |(s, r), c| (s + c.satisfied, r + c.respondents));
    assert!((recognition.score.unwrap() - 100.0 * sat / resp).abs() < 1e-9);
    let parents = recognition.items.iter().find(|i| i.id == "parents").unwrap();
    assert_eq!(parents.value, Some(Value::Number(100.0 * 1302.0 / 1500.0)));
    // Below 85% fails the part and is a veto.
    let mut low = answers.clone();
    low.survey.insert("parents".into(), SurveyCount { respondents: 1500.0, satisfied: 900.0 });
    let e = run(&good_county(), Standard::Quality2017, low);
    assert!(!part(&e, "recognition").passed);
    assert!(part(&e, "veto").items.iter().any(|i| i.id == "recognition_below" && !i.passed));
}

/// The item whose answer was set aside: its message, and that nothing else was blanked.
fn rejected<'a>(e: &'a Evaluation, part_id: &str, item_id: &str) -> &'a junheng::assessment::PartItem {
    assert!(e.errors.is_empty(), "a bad answer must not stop the evaluation: {:?}", e.errors);
    assert!(!e.levels.is_empty() && !e.schools.is_empty(), "the resource results still show");
    let p = part(e, part_id);
    assert!(!p.passed, "the part with a bad answer cannot pass");
    let item = p.items.iter().find(|i| i.id == item_id).unwrap_or_else(|| panic!("no item {item_id} in {p:?}"));
    assert!(!item.passed && !item.answered && item.error.is_some(), "{item:?}");
    assert!(e.parts.len() > 2 && e.overall.is_some());
    item
}

#[test]
fn survey_counts_must_make_sense() {
    let mut answers = Answers::default();
    answers.survey.insert("teachers".into(), SurveyCount { respondents: 10.0, satisfied: 11.0 });
    let e = run(&good_county(), Standard::Quality2017, answers);
    let item = rejected(&e, "recognition", "teachers");
    assert_eq!(item.name, "教师");
    let error = item.error.as_ref().unwrap();
    assert_eq!((error.code, error.column.as_deref()), (junheng::diagnostics::Code::SurveyCounts, Some("teachers")));
    assert!(error.message.contains("满意人数"));
    // Infinity from a script, or absurd counts, are set aside the same way.
    let mut answers = Answers::default();
    answers.survey.insert("parents".into(), SurveyCount { respondents: f64::INFINITY, satisfied: 1.0 });
    rejected(&run(&good_county(), Standard::Quality2017, answers), "recognition", "parents");
}

#[test]
fn an_answer_set_aside_leaves_the_others_beside_it_as_they_were() {
    let good = demo_answers();
    let mut bad = good.clone();
    bad.government_points.insert("a1".into(), -1.0);
    bad.survey.insert("teachers".into(), SurveyCount { respondents: 10.0, satisfied: 11.0 });
    bad.items.get_mut("g13").unwrap().values.insert("zoned_primary".into(), 101.0);
    let set_aside = ["a1", "teachers", "g13"];
    for standard in [Standard::Basic2012, Standard::Quality2017] {
        let (before, after) = (run(&good_county(), standard, good.clone()), run(&good_county(), standard, bad.clone()));
        let items = |e: &Evaluation| {
            e.parts
                .iter()
                .flat_map(|p| p.items.iter().map(|i| ((p.part, i.id.clone()), i.clone())))
                .collect::<std::collections::BTreeMap<_, _>>()
        };
        let (before, after) = (items(&before), items(&after));
        assert_eq!(before.len(), after.len());
        // Each item that is one answer (a total or a rate over them moves with what is left).
        let answered = |id: &String| good.government_points.contains_key(id) || good.survey.contains_key(id) || good.items.contains_key(id);
        for (key, was) in before.iter().filter(|((_, id), _)| answered(id)) {
            let now = &after[key];
            if set_aside.contains(&was.id.as_str()) {
                assert!(!now.answered && now.error.is_some(), "{now:?}");
            } else {
                assert_eq!((&was.value, was.answered), (&now.value, now.answered), "{was:?} {now:?}");
            }
        }
    }
    // The item's other measure is kept: only the one out of range is set aside.
    let g13 = run(&good_county(), Standard::Quality2017, bad).parts.into_iter().flat_map(|p| p.items).find(|i| i.id == "g13").unwrap();
    assert!(g13.details.iter().any(|d| d.contains("96.8%")) && g13.details.iter().any(|d| d.contains("未填写")), "{g13:?}");
}

#[test]
fn measures_are_judged_against_their_thresholds() {
    let mut answers = demo_answers();
    let set = |answers: &mut Answers, id: &str, measure: &str, value: f64| {
        answers.items.or_default(id.into()).values.insert(measure.into(), value);
    };
    set(&mut answers, "q9", "difference_rate", 0.15);
    set(&mut answers, "q1", "retention", 94.99);
    set(&mut answers, "g13", "zoned_junior", 95.0);
    let e = run(&good_county(), Standard::Quality2017, answers);
    let quality = part(&e, "quality");
    let item = |id: &str| quality.items.iter().find(|i| i.id == id).unwrap();
    assert!(!item("q9").passed, "0.15 is not below 0.15");
    assert!(!item("q1").passed);
    assert_eq!(item("q1").value, Some(Value::Number(94.99)));
    assert_eq!(item("q1").threshold, Some(95.0));
    assert!(part(&e, "guarantee").items.iter().find(|i| i.id == "g13").unwrap().passed, "95% meets ≥ 95%");
}

#[test]
fn rates_above_100_percent_are_errors() {
    let mut answers = Answers::default();
    answers.items.insert("g12".into(), ItemAnswer { values: [("certified".to_string(), 101.0)].into(), ..ItemAnswer::default() });
    let e = run(&good_county(), Standard::Quality2017, answers);
    assert!(rejected(&e, "guarantee", "g12").error.as_ref().unwrap().message.contains("超出范围"));
}

#[test]
fn unanswered_items_fail_and_are_counted() {
    let e = run(&good_county(), Standard::Quality2017, Answers::default());
    let guarantee = part(&e, "guarantee");
    assert!(!guarantee.passed);
    // g4 is computed from the table (every school ≤ 2000): it passes without an answer.
    let g4 = guarantee.items.iter().find(|i| i.id == "g4").unwrap();
    assert!(g4.passed && g4.answered);
    let unanswered = guarantee.items.iter().filter(|i| !i.answered).count();
    assert_eq!(unanswered, 14);
    let reasons = e.overall.unwrap().reasons;
    assert!(reasons.iter().any(|r| r.contains("14 项未填写")), "{reasons:?}");
}

#[test]
fn class_size_and_arts_rooms_are_computed_from_their_columns() {
    let text = "学校名称,学段,学校类型,在校生数,高于规定学历教师数,县级及以上骨干教师数,体育艺术专任教师数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,网络多媒体教室数,班级数,最大班额,音乐专用教室数,音乐专用教室面积,美术专用教室数,美术专用教室面积\n\
        甲小学,小学,小学,1000,50,12,10,5000,8000,2200000,25,25,46,3,300,3,270\n\
        乙小学,小学,小学,1000,50,12,10,5000,8000,2200000,25,24,45,2,200,2,180\n\
        九校,小学,九年一贯制,1400,70,15,13,16000,26000,7000000,70,30,44,2,200,3,270\n\
        九校,初中,九年一贯制,1000,60,11,10,,,,,20,51,1,96,,\n";
    let e = run(text, Standard::Quality2017, Answers::default());
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    let guarantee = part(&e, "guarantee");
    let item = |id: &str| guarantee.items.iter().find(|i| i.id == id).unwrap();
    // 25 classes need 3 rooms of each (ceil(25/12)); 甲 has 3 and 100 ㎡, 90 ㎡ each: fine.
    // 乙: 24 classes need 2: fine. 九校: 50 classes need 5; music 3 rooms: short.
    assert_eq!(item("g3").details.len(), 1, "{:?}", item("g3").details);
    assert!(item("g3").details[0].starts_with("九校"));
    // Class sizes: 甲 46 > 45 (primary), 九校 junior 51 > 50.
    let g5 = &item("g5").details;
    assert_eq!(g5.len(), 2, "{g5:?}");
    assert!(g5[0].starts_with("甲小学") && g5[1].starts_with("九校"));
    // Size: 九校 2400 ≤ 2500 as a nine-year school.
    assert!(item("g4").passed);
}

#[test]
fn basic2012_government_score_subtotals_and_pass_mark() {
    let answers = demo_answers();
    let e = run(DEMO, Standard::Basic2012, answers.clone());
    let names: Vec<&str> = e.parts.iter().map(|p| p.part).collect();
    assert_eq!(names, ["resources", "school_standard", "government", "satisfaction"]);
    let government = part(&e, "government");
    let total: f64 = answers.government_points.values().sum();
    assert_eq!(government.score, Some(total));
    assert_eq!(government.max_score, Some(100.0));
    let access: f64 = ["a1", "a2", "a3", "a4"].iter().map(|id| answers.government_points[*id]).sum();
    assert_eq!(government.subtotals[0].points, access);
    assert_eq!(government.subtotals.iter().map(|s| s.max_points).sum::<f64>(), 100.0);
    assert!(government.passed && total >= 85.0);
    assert!(e.overall.unwrap().passed, "the demo passes basic2012");
    // 84.5 points fails.
    let mut low = answers;
    *low.government_points.get_mut("a1").unwrap() -= 5.0;
    *low.government_points.get_mut("a2").unwrap() -= 1.0;
    let e = run(DEMO, Standard::Basic2012, low);
    assert!(!part(&e, "government").passed);
    assert!(e.overall.unwrap().reasons[0].contains("得分 84.5 分，低于 85 分"));
}

#[test]
fn points_above_the_maximum_are_rejected() {
    let mut answers = Answers::default();
    answers.government_points.insert("a1".into(), 6.0);
    let e = run(DEMO, Standard::Basic2012, answers);
    assert!(rejected(&e, "government", "a1").error.as_ref().unwrap().message.contains("应在 0 到 5 分之间"));
    // The rejected points are not counted.
    assert_eq!(part(&e, "government").score, Some(0.0));
    let mut answers = demo_answers();
    answers.government_points.insert("a1".into(), 999.0);
    let e = run(DEMO, Standard::Basic2012, answers);
    rejected(&e, "government", "a1");
    assert!(e.overall.unwrap().reasons.iter().any(|r| r.contains("1 项填写有误")));
}

#[test]
fn the_gate_must_be_answered_yes() {
    let mut answers = demo_answers();
    answers.school_standard_met = Some(false);
    assert!(!part(&run(DEMO, Standard::Basic2012, answers.clone()), "school_standard").passed);
    answers.school_standard_met = None;
    assert!(!part(&run(DEMO, Standard::Basic2012, answers), "school_standard").passed);
}

#[test]
fn profiles_validate() {
    assert!(Profile::national().validate(Lang::Zh).is_empty());
    let mut bad = Profile::national();
    bad.basic2012.government_items[0].max_points += 1.0;
    bad.quality2017.floor_fraction = 1.5;
    let problems = bad.validate(Lang::Zh);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].message.contains("之和应为100"));
    // An invalid profile stops the evaluation with the message.
    let e = evaluate_text(DEMO, &Options { profile: bad, ..Options::default() });
    assert_eq!(e.errors.len(), 2);
}

#[test]
fn the_strict_example_profile_is_valid_and_stricter() {
    let strict: Profile = serde_json::from_str(include_str!("../../../www/profiles/example-strict.json")).unwrap();
    assert!(strict.validate(Lang::Zh).is_empty());
    let national: Profile = serde_json::from_str(include_str!("../../../www/profiles/national.json")).unwrap();
    assert_eq!(national, Profile::national(), "www/profiles/national.json is `junheng profile`");
    assert!(strict.quality2017.cv_limit.primary < national.quality2017.cv_limit.primary);
    let options = Options { profile: strict, answers: demo_answers(), ..Options::default() };
    let e = evaluate_text(DEMO, &options);
    assert_eq!(e.profile, "示例：某市从严标准 Example: a stricter city");
    let g7 = part(&e, "guarantee").items.iter().find(|i| i.id == "g7").unwrap();
    assert!(!g7.passed, "6500 yuan is below the city's 8000");
}

/// Two primary schools of 100 students whose every resource differs by `ratio`: every CV, and
/// so the composite, is (ratio − 1) / (ratio + 1).
fn two_schools(ratio: f64) -> String {
    let header = "学校名称,学段,在校生数,图书册数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,计算机台数,专任教师数,高于规定学历教师数,中级及以上职称教师数";
    let row = |name: &str, k: f64| {
        format!(
            "{name},小学,100,{},{},{},{},{},{},{},{}",
            2000.0 * k,
            500.0 * k,
            800.0 * k,
            200_000.0 * k,
            10.0 * k,
            8.0 * k,
            7.0 * k,
            4.0 * k
        )
    };
    format!("{header}\n{}\n{}\n", row("甲", 1.0), row("乙", ratio))
}

#[test]
fn the_henan_profile_keeps_basic_composites_to_060_and_050() {
    let henan: Profile = serde_json::from_str(include_str!("../../../www/profiles/henan-quality-track.json")).unwrap();
    assert!(henan.validate(Lang::Zh).is_empty());
    assert_eq!((henan.basic2012.composite_limit.primary, henan.basic2012.composite_limit.junior), (0.60, 0.50));
    // Everything else is the national profile's.
    let national = Profile::national();
    assert_eq!(henan.quality2017, national.quality2017);
    assert_eq!(henan.basic2012.government_items, national.basic2012.government_items);
    // A composite on each side of 0.60: 0.58 passes both; 0.62 passes the nation's 0.65, not Henan's.
    for (composite, under_henan) in [(0.58, true), (0.62, false)] {
        let ratio = (1.0 + composite) / (1.0 - composite);
        let text = two_schools(ratio);
        let run = |profile: Profile| evaluate_text(&text, &Options { standard: Standard::Basic2012, profile, ..Options::default() });
        let (h, n) = (run(henan.clone()), run(national.clone()));
        let primary = |e: &Evaluation| e.levels[&Level::Primary].clone();
        assert!((primary(&h).composite_cv.unwrap() - composite).abs() < 1e-12);
        assert_eq!(primary(&h).composite_passed, Some(under_henan), "{composite} under Henan");
        assert_eq!(primary(&n).composite_passed, Some(true), "{composite} under the nation");
    }
}

#[test]
fn project_files_round_trip_and_unknown_versions_are_named() {
    let project = Project::new(DEMO.into(), Options { standard: Standard::Basic2012, answers: demo_answers(), ..Options::default() });
    let json = serde_json::to_string(&project).unwrap();
    assert_eq!(project::read_json(&json, Lang::Zh).unwrap(), project);
    let newer = json.replace("\"version\":1", "\"version\":2");
    let problem = project::read_json(&newer, Lang::Zh).unwrap_err();
    assert!(problem.message.contains("版本 2 无法识别"), "{problem:?}");
    let other = project::read_json("{\"hello\": 1}", Lang::En).unwrap_err();
    assert!(other.message.contains("not a junheng project file"));
    let broken = project::read_json(&json.replace("\"standard\":\"basic2012\"", "\"standard\":\"x\""), Lang::Zh).unwrap_err();
    assert!(broken.message.contains("项目文件格式不正确"), "{broken:?}");
}

#[test]
fn a_hand_mapping_survives_the_project_file() {
    let mut options = Options::default();
    options.mapping.insert(junheng::input::ColumnIndex(2), "students".into());
    let json = serde_json::to_string(&Project::new("a,b,c\n".into(), options)).unwrap();
    assert!(json.contains("\"mapping\":{\"2\":\"students\"}"), "{json}");
    let project = project::read_json(&json, Lang::Zh).unwrap();
    assert_eq!(project.mapping[&junheng::input::ColumnIndex(2)], "students");
}
