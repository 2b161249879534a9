//! Who is evaluated (issue 13, item 3): each exclusion is an option of the profile, checked
//! here with a school on each side of it.

use junheng::model::Affiliation;
use junheng::standards::TeachingPoints;
use junheng::{evaluate_text, Evaluation, Level, Options, Profile, Standard};

const HEADER: &str = "学校名称,学段,学校类型,办学性质,隶属关系,在校生数,图书册数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,计算机台数,专任教师数,高于规定学历教师数,中级及以上职称教师数,县级及以上骨干教师数,体育艺术专任教师数,网络多媒体教室数";

fn school(name: &str, kind: &str, ownership: &str, affiliation: &str, students: u32) -> String {
    let k = f64::from(students) / 100.0;
    format!(
        "{name},小学,{kind},{ownership},{affiliation},{students},{},{},{},{},{},{},{},{},{},{},{}",
        3000.0 * k,
        500.0 * k,
        800.0 * k,
        250_000.0 * k,
        12.0 * k,
        6.0 * k,
        5.0 * k,
        3.0 * k,
        1.0 * k,
        1.0 * k,
        3.0 * k
    )
}

fn county(rows: &[String]) -> String {
    format!("{HEADER}\n{}\n", rows.join("\n"))
}

fn evaluate(text: &str, standard: Standard, profile: Profile) -> Evaluation {
    evaluate_text(text, &Options { standard, profile, ..Options::default() })
}

fn evaluated(e: &Evaluation) -> usize {
    e.levels.get(&Level::Primary).map_or(0, |l| l.schools)
}

#[test]
fn schools_run_by_the_province_or_city_are_out_only_when_the_profile_says_so() {
    let text = county(&[
        school("甲", "小学", "公办", "县属", 300),
        school("乙", "小学", "公办", "乡镇属", 200),
        school("省实验小学", "小学", "公办", "省直属", 900),
        school("市二小", "小学", "公办", "市属", 700),
    ]);
    // The national profile keeps them (the national documents are silent).
    let national = evaluate(&text, Standard::Basic2012, Profile::national());
    assert!(national.errors.is_empty(), "{:?}", national.errors);
    assert_eq!(evaluated(&national), 4);
    // A province following its 测算说明 leaves them out of basic2012, named with the reason.
    let mut provincial = Profile::national();
    provincial.basic2012.scope.exclude_direct = true;
    let basic = evaluate(&text, Standard::Basic2012, provincial.clone());
    assert_eq!(evaluated(&basic), 2);
    let out: Vec<&str> = basic.excluded.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(out, ["省实验小学", "市二小"]);
    assert!(basic.excluded[0].reason.contains("直属"));
    // Its quality2017 scope is its own.
    assert_eq!(evaluated(&evaluate(&text, Standard::Quality2017, provincial)), 4);
}

#[test]
fn the_affiliation_is_read_from_the_words_offices_use() {
    for (words, expected) in [
        ("省属", Affiliation::Direct),
        ("省直属", Affiliation::Direct),
        ("市直属", Affiliation::Direct),
        ("地市属", Affiliation::Direct),
        ("县属", Affiliation::Local),
        ("县级市属", Affiliation::Local),
        ("区属", Affiliation::Local),
        ("乡镇属", Affiliation::Local),
        ("direct", Affiliation::Direct),
    ] {
        assert_eq!(Affiliation::parse(words), Some(expected), "{words}");
    }
    let text = county(&[school("甲", "小学", "公办", "某单位", 300), school("乙", "小学", "公办", "县属", 200)]);
    let e = evaluate(&text, Standard::Basic2012, Profile::national());
    assert_eq!(e.errors.len(), 1);
    assert_eq!(e.errors[0].row, Some(2));
    assert_eq!(e.errors[0].column.as_deref(), Some("隶属关系"));
    assert!(e.errors[0].message.contains("省直属"), "{}", e.errors[0].message);
}

#[test]
fn teaching_points_on_each_side_of_the_threshold() {
    let text = county(&[
        school("甲", "小学", "公办", "县属", 300),
        school("乙", "小学", "公办", "县属", 200),
        school("上村教学点", "教学点", "公办", "县属", 49),
        school("下村教学点", "教学点", "公办", "县属", 50),
    ]);
    // quality2017: under 50 students out, 50 in.
    let quality = evaluate(&text, Standard::Quality2017, Profile::national());
    let out: Vec<&str> = quality.excluded.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(out, ["上村教学点"]);
    // basic2012: every teaching point out; a profile may keep them all.
    assert_eq!(evaluate(&text, Standard::Basic2012, Profile::national()).excluded.len(), 2);
    let mut all = Profile::national();
    all.basic2012.scope.teaching_points = TeachingPoints::IncludeAll;
    assert_eq!(evaluated(&evaluate(&text, Standard::Basic2012, all)), 4);
}

#[test]
fn private_schools_per_standard() {
    let text = county(&[
        school("甲", "小学", "公办", "县属", 300),
        school("乙", "小学", "公办", "县属", 200),
        school("育才", "小学", "民办", "", 400),
    ]);
    assert_eq!(evaluated(&evaluate(&text, Standard::Quality2017, Profile::national())), 2);
    // The 2017 text read as not excluding private schools: the option under quality2017 only.
    let mut reading = Profile::national();
    reading.quality2017.scope.exclude_private = false;
    assert_eq!(evaluated(&evaluate(&text, Standard::Quality2017, reading.clone())), 3);
    assert_eq!(evaluated(&evaluate(&text, Standard::Basic2012, reading)), 2);
}

#[test]
fn a_mixed_schools_campus_teaching_one_level_is_a_plain_school_of_that_level() {
    let others = [school("甲", "小学", "公办", "县属", 300), school("乙", "小学", "公办", "县属", 200)];
    let as_campus = county(&[others[0].clone(), others[1].clone(), school("山村学校", "九年一贯制", "公办", "县属", 250)]);
    let as_plain = county(&[others[0].clone(), others[1].clone(), school("山村学校", "小学", "公办", "县属", 250)]);
    for standard in [Standard::Basic2012, Standard::Quality2017] {
        let (campus, plain) = (evaluate(&as_campus, standard, Profile::national()), evaluate(&as_plain, standard, Profile::national()));
        assert!(campus.errors.is_empty(), "{:?}", campus.errors);
        let cvs = |e: &Evaluation| e.levels[&Level::Primary].indicators.iter().map(|i| i.cv).collect::<Vec<_>>();
        assert_eq!(cvs(&campus), cvs(&plain));
        assert_eq!(campus.schools[2].values, plain.schools[2].values);
    }
}

#[test]
fn an_attached_class_is_part_of_its_host_schools_split() {
    // 东河镇中心小学 has an attached junior class (附设初中班): its row carries students and
    // teachers, the school's facilities are on the host's row and are split as a mixed school's.
    let demo = include_str!("../../../www/demo/demo-county.csv").trim().to_string();
    let host = "东河镇中心小学,小学,{type},东河镇,公办,600,,40,39,18,4,6,3500,6000,1500000,15,80,20000,镇区";
    let class = "东河镇中心小学,初中,{type},东河镇,公办,120,,10,10,5,1,2,,,,,,,镇区";
    let table = |kind: &str| format!("{demo}\n{}\n{}\n", host.replace("{type}", kind), class.replace("{type}", kind));
    for standard in [Standard::Basic2012, Standard::Quality2017] {
        let attached = evaluate(&table("小学"), standard, Profile::national());
        let mixed = evaluate(&table("九年一贯制"), standard, Profile::national());
        assert!(attached.errors.is_empty(), "{:?}", attached.errors);
        for level in [Level::Primary, Level::Junior] {
            let cvs = |e: &Evaluation| e.levels[&level].indicators.iter().map(|i| i.cv).collect::<Vec<_>>();
            assert_eq!(cvs(&attached), cvs(&mixed), "{level:?}");
        }
        let split = attached.splits.iter().find(|s| s.name == "东河镇中心小学").expect("the school's split is shown");
        assert_eq!(split.students.junior, 120.0);
    }
    // An attached class without its host's row is refused at its row, naming what is missing.
    let lone = format!("{demo}\n{}\n", class.replace("{type}", "小学"));
    let e = evaluate(&lone, Standard::Basic2012, Profile::national());
    assert_eq!(e.errors.len(), 1, "{:?}", e.errors);
    assert_eq!(e.errors[0].row, Some(31));
    assert_eq!(e.errors[0].column.as_deref(), Some("学段"));
    assert!(e.errors[0].message.contains("附设班"), "{}", e.errors[0].message);
}
