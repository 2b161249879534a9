//! Every problem is data: a severity, a stable code, its row and column, its arguments.
//! One line per case (model: fend's table tests), through one `#[track_caller]` helper, so a
//! failure points at the case.

use junheng::diagnostics::{Arg, Code, Problem, Severity};
use junheng::evaluation::Evaluation;
use junheng::{evaluate_text, Lang, Options, Profile, Standard};

const HEAD: &str = "学校名称,学段,在校生数,图书册数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,计算机台数,专任教师数,高于规定学历教师数,中级及以上职称教师数";
const ROW: &str = "甲校,小学,45,279,225,360,90000,9,3,2,1";

fn basic(text: &str) -> Evaluation {
    evaluate_text(text, &Options { standard: Standard::Basic2012, ..Options::default() })
}

/// The table `HEAD` + `ROW` with `from` replaced by `to` in the data row, plus `more` rows.
fn with(from: &str, to: &str, more: &[&str]) -> String {
    let mut rows = vec![HEAD.to_string(), ROW.replacen(from, to, 1)];
    rows.extend(more.iter().map(ToString::to_string));
    rows.join("\n") + "\n"
}

fn all(e: &Evaluation) -> Vec<&Problem> {
    let review = e.review.iter().flat_map(|r| &r.skipped);
    e.errors.iter().chain(&e.warnings).chain(review).collect()
}

#[track_caller]
fn case(text: &str, row: Option<usize>, column: Option<&str>, code: Code, severity: Severity) {
    let e = basic(text);
    let found = all(&e).into_iter().find(|p| p.code == code);
    let p = found.unwrap_or_else(|| panic!("no {code:?} in {:?}", all(&e).iter().map(|p| p.code).collect::<Vec<_>>()));
    assert_eq!((p.row, p.column.as_deref(), p.severity), (row, column, severity), "{p:?}");
    assert!(!p.message.is_empty());
    if severity == Severity::Error {
        assert!(e.overall.is_none(), "an error leaves no verdict");
    }
}

use Severity::{Error as E, Notice as N, Warning as W};

#[test]
fn reading() {
    case("", None, None, Code::NoData, E);
    case(&format!("{HEAD}\n"), None, None, Code::HeaderOnly, E);
    case(&format!("县教育局\n{HEAD}\n{ROW}\n"), Some(1), None, Code::TitleSkipped, N);
    case(&with("", "", &["合计,,45,279,225,360,90000,9,3,2,1"]), Some(3), Some("学校名称"), Code::TotalsSkipped, N);
    case(&format!("{HEAD},备注\n{ROW},x\n"), Some(1), Some("备注"), Code::UnknownColumn, N);
    case(&format!("{HEAD},school\n{ROW},乙\n"), Some(1), Some("school"), Code::RepeatedColumn, E);
    case(&with("", "", &[]).replace("图书册数", "图书册数（本）"), Some(1), Some("图书册数（本）"), Code::UnknownUnit, E);
    case(&with("", "", &[]).replace("学段,", "阶段,"), None, Some("学段"), Code::MissingRequiredColumn, E);
    case(&with("甲校", "甲\u{200b}校", &[]), Some(2), Some("学校名称"), Code::InvisibleRemoved, W);
    case(&with(",9,", ",—,", &[]), None, None, Code::DashesAsZero, N);
}

#[test]
fn one_record() {
    case(&with("甲校", "", &[]), Some(2), Some("学校名称"), Code::EmptyName, E);
    case(&with("小学", "高中", &[]), Some(2), Some("学段"), Code::BadLevel, E);
    case(&format!("{HEAD},学校类型\n{ROW},大学\n"), Some(2), Some("学校类型"), Code::BadSchoolType, E);
    case(&format!("{HEAD},学校类型\n{},教学点\n", ROW.replacen("小学", "初中", 1)), Some(2), Some("学段"), Code::LevelNotAllowed, E);
    // A 小学 row typed 初中 is an 初中's attached class (附设班): without its school's own row, refused.
    case(&format!("{HEAD},学校类型\n{ROW},初中\n"), Some(2), Some("学段"), Code::AttachedWithoutHost, E);
    case(&format!("{HEAD},办学性质\n{ROW},合办\n"), Some(2), Some("办学性质"), Code::BadOwnership, E);
    case(&format!("{HEAD},城乡类型\n{ROW},郊区\n"), Some(2), Some("城乡类型"), Code::BadLocality, E);
    case(&with("279", "三百", &[]), Some(2), Some("图书册数"), Code::NotANumber, E);
    case(&with("279", "-1", &[]), Some(2), Some("图书册数"), Code::Negative, E);
    case(&with("279", "1e13", &[]), Some(2), Some("图书册数"), Code::TooLarge, E);
    case(&with(",45,", ",0.5,", &[]), Some(2), Some("在校生数"), Code::StudentsBelowOne, E);
    case(&with(",45,", ",0,", &[]), Some(2), Some("在校生数"), Code::StudentsNotPositive, E);
    case(&with(",45,", ",,", &[]), Some(2), Some("在校生数"), Code::StudentsEmpty, E);
    case(&with("甲校", &"校".repeat(201), &[]), Some(2), Some("学校名称"), Code::NameTooLong, E);
}

#[test]
fn whole_table() {
    case(&with("", "", &[]).replace(",图书册数", "").replace(",279", ""), None, Some("图书册数"), Code::MissingColumn, E);
    case(&with("279", "", &[]), Some(2), Some("图书册数"), Code::EmptyCell, E);
    case(&with("", "", &["合计,,50,279,225,360,90000,9,3,2,1"]), None, Some("在校生数"), Code::SumMismatch, W);
    case(&with("", "", &[ROW]), Some(3), Some("学校名称"), Code::Duplicate, E);
    case(&with(",3,2,1", ",3,4,1", &[]), Some(2), Some("高于规定学历教师数"), Code::MoreThanAllTeachers, E);
    case(&with("225", "22500", &[]), Some(2), Some("教学及辅助用房面积"), Code::ProbableUnitMistake, W);
}

#[test]
fn mixed_schools() {
    let head = format!("{HEAD},学校类型,高中在校生数");
    case(
        &format!("{head}\n甲校,小学,45,,,,,,3,2,1,九年一贯制,\n甲校,初中,40,,,,,,3,2,1,九年一贯制,\n"),
        Some(2),
        Some("教学及辅助用房面积"),
        Code::WholeSchoolTotalEmpty,
        E,
    );
    case(
        &format!("{head}\n{ROW},十二年一贯制,10\n甲校,初中,40,279,225,360,90000,9,3,2,1,十二年一贯制,20\n"),
        Some(3),
        Some("高中在校生数"),
        Code::SeniorMismatch,
        E,
    );
    case(
        &format!("{head}\n{ROW},十二年一贯制,\n甲校,初中,40,,,,,,3,2,1,十二年一贯制,\n"),
        Some(2),
        Some("高中在校生数"),
        Code::SeniorMissing,
        W,
    );
    case(
        &format!("{head}\n{ROW},九年一贯制,\n甲校,初中,40,279,225,360,90000,9,3,2,1,九年一贯制,\n"),
        Some(2),
        Some("教学及辅助用房面积"),
        Code::TotalRepeated,
        W,
    );
}

#[track_caller]
fn profile_case(change: impl Fn(&mut Profile), field: &str, code: Code) {
    let mut profile = Profile::national();
    change(&mut profile);
    let problems = profile.validate(Lang::En);
    let p = problems.iter().find(|p| p.code == code).unwrap_or_else(|| panic!("no {code:?} in {problems:?}"));
    assert_eq!((p.column.as_deref(), p.severity), (Some(field), Severity::Error));
}

#[test]
fn profiles() {
    profile_case(|p| p.basic2012.government_items[0].max_points = 6.0, "profile.basic2012.government_items", Code::PointsSum);
    profile_case(|p| p.basic2012.government_items[0].max_points = -5.0, "profile.basic2012.government_items", Code::PointsRange);
    profile_case(|p| p.basic2012.government_items[0].aspect = "x".into(), "profile.basic2012.government_items", Code::UnknownAspect);
    profile_case(|p| p.quality2017.cv_limit.primary = 0.0, "profile.quality2017.cv_limit", Code::LimitNotPositive);
    profile_case(|p| p.quality2017.class_size.junior = f64::NAN, "profile.quality2017.class_size", Code::ClassSizeNotPositive);
    profile_case(|p| p.quality2017.standards[0].minimum.junior = -1.0, "profile.quality2017.standards", Code::StandardRange);
    profile_case(|p| p.quality2017.min_met = 8, "profile.quality2017.min_met", Code::MinMetTooLarge);
    profile_case(|p| p.quality2017.floor_fraction = 1.5, "profile.quality2017.floor_fraction", Code::FractionRange);
    profile_case(|p| p.split_weights.senior = 0.0, "profile.split_weights", Code::WeightRange);
    profile_case(|p| p.quality2017.arts_rooms.classes_per_room = 0.0, "profile.quality2017.arts_rooms", Code::ArtsRoomsRange);
    profile_case(|p| p.quality2017.school_size.through = 0.0, "profile.quality2017.school_size", Code::SchoolSizeRange);
    profile_case(|p| p.basic2012.satisfaction_min = 101.0, "profile.basic2012.satisfaction_min", Code::RateRange);
    profile_case(|p| p.quality2017.quality[8].measures[0].min = Some(f64::INFINITY), "profile.quality2017.measures", Code::MeasureRange);
    profile_case(|p| p.quality2017.vetoes[0].id = "<x>".into(), "profile.items", Code::BadItemId);
    profile_case(|p| p.quality2017.vetoes[1].id = "g1".into(), "profile.items", Code::RepeatedItemId);
    profile_case(|p| p.name = "省\u{202e}".into(), "profile.items", Code::InvisibleText);
}

/// A profile with more items than any has is refused by their count, before its ids are
/// compared pairwise (200 000 items: 2·10¹⁰ comparisons) or its words keyed one by one.
#[test]
fn a_profile_of_too_many_items_is_refused_by_their_count() {
    let with_vetoes = |total: usize| {
        let mut profile = Profile::national();
        let template = profile.quality2017.vetoes[0].clone();
        let missing = total - profile.item_count();
        profile.quality2017.vetoes.extend((0..missing).map(|i| junheng::items::VetoItem { id: format!("v{i}"), ..template.clone() }));
        assert_eq!(profile.item_count(), total);
        profile
    };
    let at_most = with_vetoes(junheng::keyed::MAX_IDS).validate(Lang::En);
    assert!(at_most.iter().all(|p| p.code != Code::TooManyItems), "{at_most:?}");
    let problems = with_vetoes(200_000).validate(Lang::En);
    let p = problems.iter().find(|p| p.code == Code::TooManyItems).expect("refused");
    assert_eq!((p.column.as_deref(), p.severity), (Some("profile.items"), Severity::Error));
    assert_eq!(p.message, "the profile has 200000 items and measures, more than the 4096 a profile can have");
    let zh = with_vetoes(200_000).validate(Lang::Zh);
    assert_eq!(zh.iter().find(|p| p.code == Code::TooManyItems).unwrap().message, "方案有 200000 个项目和测量点，多于方案所能有的 4096 个");
}

#[test]
fn arguments_are_data_and_the_text_follows_the_language() {
    let e = basic(&with("279", "三百", &[]));
    let p = &e.errors[0];
    assert_eq!(p.args.get("text"), Some(&Arg::Text("三百".into())));
    let en = evaluate_text(&with("279", "三百", &[]), &Options { standard: Standard::Basic2012, lang: Lang::En, ..Options::default() });
    assert_eq!((en.errors[0].code, &en.errors[0].args), (p.code, &p.args), "the same data in either language");
    assert_eq!(en.errors[0].message, "\"三百\" is not a number; expected a number ≥ 0");
    let json = serde_json::to_value(p).unwrap();
    assert_eq!(
        (json["severity"].as_str(), json["code"].as_str(), json["args"]["text"].as_str()),
        (Some("error"), Some("not_a_number"), Some("三百"))
    );
}

#[test]
fn documents() {
    let p = junheng::project::read_json(r#"{"format":"junheng-project","version":7}"#, Lang::Zh).unwrap_err();
    assert_eq!((p.code, p.args.get("version")), (Code::UnknownVersion, Some(&Arg::Number(7.0))));
    assert_eq!(junheng::project::read_json(r#"{"format":"x"}"#, Lang::Zh).unwrap_err().code, Code::NotAProject);
    assert_eq!(junheng::project::read_json("[", Lang::Zh).unwrap_err().code, Code::Malformed);
}
