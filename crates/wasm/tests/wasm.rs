//! The wasm binding in a real browser (wasm-bindgen-test in headless Chromium): values
//! cross the boundary as JSON in the shape of the result contract, and bad input never throws.
#![cfg(target_arch = "wasm32")]

use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const HANDOUT: &str = "学校名称,学段,在校生数,图书册数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,计算机台数,专任教师数,高于规定学历教师数,中级及以上职称教师数\n\
甲校,小学,45,279,1,1,1,1,1,1,1\n乙校,小学,37,137,1,1,1,1,1,1,1\n丙校,小学,89,935,1,1,1,1,1,1,1\n\
丁校,小学,76,160,1,1,1,1,1,1,1\n戊校,小学,55,402,1,1,1,1,1,1,1\n";

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("the binding returns JSON")
}

fn options(standard: &str, lang: &str) -> String {
    serde_json::json!({ "standard": standard, "lang": lang }).to_string()
}

fn junheng_evaluate(text: &str, options: &str) -> Value {
    parse(&junheng_wasm::evaluate(text, options).map_err(JsValue::from).unwrap())
}

#[wasm_bindgen_test]
fn evaluate_returns_the_contract_with_the_weighted_cv() {
    let result = junheng_evaluate(HANDOUT, &options("basic2012", "zh"));
    assert_eq!(result["standard"], "basic2012");
    let indicators = result["levels"]["primary"]["indicators"].as_array().unwrap();
    let books = indicators.iter().find(|i| i["key"] == "books_per_student").unwrap();
    let cv = books["cv"].as_f64().unwrap();
    assert!((cv - 0.51526).abs() < 5e-6, "{cv}");
    assert!(result["levels"]["primary"]["composite_cv"].as_f64().is_some());
    assert!(result["schools"][0]["values"]["books_per_student"].as_f64().is_some());
}

#[wasm_bindgen_test]
fn the_summary_keeps_the_schools_and_hands_out_slices() {
    let whole = junheng_evaluate(HANDOUT, &options("basic2012", "zh"));
    let summary = parse(&junheng_wasm::evaluate_summary(HANDOUT, &options("basic2012", "zh"), "").map_err(JsValue::from).unwrap());
    assert_eq!(summary["schools"].as_array().unwrap().len(), 0);
    assert_eq!(summary["levels"], whole["levels"], "five schools: every contribution fits in the summary");
    assert_eq!(summary["levels"]["primary"]["schools"], 5);
    assert!(summary["levels"].get("junior").is_none());
    let slice = parse(&junheng_wasm::schools("primary", 1, 3));
    assert_eq!(slice, serde_json::json!([whole["schools"][1], whole["schools"][2]]));
    assert_eq!(parse(&junheng_wasm::schools("primary", 4, 99)).as_array().unwrap().len(), 1);
    assert_eq!(parse(&junheng_wasm::schools("junior", 0, 10)), serde_json::json!([]));
    assert_eq!(parse(&junheng_wasm::schools("primary", 9, 3)), serde_json::json!([]));
}

/// The demo county: mixed schools (one row, two levels) among single-level ones.
const DEMO: &str = include_str!("../../../www/demo/demo-county.csv");
/// The national profile as the page fetches it (crates/core/tests/verdict.rs checks it is the core's).
#[cfg(feature = "extra")]
const NATIONAL: &str = include_str!("../../../www/profiles/national.json");

#[wasm_bindgen_test]
fn the_last_result_is_the_whole_contract_in_the_files_order() {
    for standard in ["basic2012", "quality2017"] {
        let whole = junheng_evaluate(DEMO, &options(standard, "zh"));
        junheng_wasm::evaluate_summary(DEMO, &options(standard, "zh"), "").map_err(JsValue::from).unwrap();
        assert_eq!(parse(&junheng_wasm::last_result()), whole);
        // The summary carries ten contributions of each indicator; the whole result all of them.
        let summary = parse(&junheng_wasm::evaluate_summary(DEMO, &options(standard, "zh"), "").map_err(JsValue::from).unwrap());
        let shown = summary["levels"]["primary"]["indicators"][0]["contributions"].as_array().unwrap();
        let all = whole["levels"]["primary"]["indicators"][0]["contributions"].as_array().unwrap();
        assert!(all.len() > 10 && shown.len() == 10 && shown[..] == all[..10]);
        // Asking again gives the same, and the slices are still there.
        assert_eq!(parse(&junheng_wasm::last_result()), whole);
        let primary: Vec<&Value> = whole["schools"].as_array().unwrap().iter().filter(|s| s["level"] == "primary").collect();
        assert_eq!(parse(&junheng_wasm::schools("primary", 0, 999)).as_array().unwrap().iter().collect::<Vec<_>>(), primary);
    }
}

#[wasm_bindgen_test]
fn the_summary_carries_the_first_hundred_excluded_and_split_schools_and_how_many() {
    // The demo county sixty times over (names made unique): hundreds excluded and split.
    let (header, rows) = DEMO.trim_start_matches('\u{feff}').split_once('\n').unwrap();
    let text: String =
        std::iter::once(format!("{header}\n")).chain((0..60).flat_map(|k| rows.lines().map(move |row| format!("{k}{row}\n")))).collect();
    let whole = junheng_evaluate(&text, &options("quality2017", "zh"));
    let summary = parse(&junheng_wasm::evaluate_summary(&text, &options("quality2017", "zh"), "").map_err(JsValue::from).unwrap());
    for list in ["excluded", "splits"] {
        let all = whole[list].as_array().unwrap();
        assert!(all.len() > 100, "{list}: {}", all.len());
        assert_eq!(summary[list].as_array().unwrap()[..], all[..100], "{list}");
        assert_eq!(summary["lengths"][list], all.len(), "{list}");
    }
    assert!(whole.get("lengths").is_none());
    // The whole result is given back as it was: every list whole, no lengths.
    assert_eq!(parse(&junheng_wasm::last_result()), whole);
}

#[wasm_bindgen_test]
fn bad_input_is_a_value_not_an_exception() {
    let result = junheng_evaluate("学校名称,学段,在校生数\n甲,小学,abc\n", &options("quality2017", "zh"));
    let errors = result["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["row"], 2);
    assert_eq!(errors[0]["column"], "在校生数");
    assert!(errors[0]["message"].as_str().unwrap().contains("不是数字"), "{}", errors[0]);
    let empty = junheng_evaluate("", "");
    assert_eq!(empty["errors"].as_array().unwrap().len(), 1);
}

#[wasm_bindgen_test]
fn bad_options_are_a_js_error() {
    assert!(junheng_wasm::evaluate(HANDOUT, &options("quality2099", "zh")).is_err());
}

#[wasm_bindgen_test]
fn read_grid_gives_lines_and_cells() {
    let grid = parse(&junheng_wasm::read_grid("a\tb\n\n1\t2\n"));
    assert_eq!(grid, serde_json::json!([[1, ["a", "b"]], [3, ["1", "2"]]]));
}

// In the second module: a first visit opens no project or profile file.
#[cfg(feature = "extra")]
#[wasm_bindgen_test]
fn profiles_and_projects_cross_as_json() {
    assert_eq!(parse(&junheng_wasm::documents::check_profile(NATIONAL, "zh")), serde_json::json!([]));
    let problems = parse(&junheng_wasm::documents::check_profile("{}", "zh"));
    assert_eq!(problems.as_array().unwrap().len(), 1);
    assert!(problems[0]["message"].as_str().unwrap().contains("数值标准文件格式不正确"));
    let project = junheng_wasm::documents::make_project(HANDOUT, &options("basic2012", "zh")).map_err(JsValue::from).unwrap();
    let mut value = parse(&project);
    assert_eq!(value["version"], 1);
    let opened = parse(&junheng_wasm::documents::open_project(&project, "zh"));
    assert_eq!(opened["project"]["schools"], HANDOUT);
    assert_eq!(opened["national"], true, "made with no profile: the national one");
    let mut own = value.clone();
    own["profile"]["name"] = "某省".into();
    assert_eq!(parse(&junheng_wasm::documents::open_project(&own.to_string(), "zh"))["national"], false);
    value["version"] = 9.into();
    let opened = parse(&junheng_wasm::documents::open_project(&value.to_string(), "en"));
    assert!(opened["project"].is_null());
    let message = opened["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("unknown project file version 9"), "{message}");
}

/// Two counties: 东河县 (the demo) and 西山县 (the demo, its 城关 schools renamed).
fn province() -> String {
    let mut lines = DEMO.trim().lines();
    let mut province = format!("县,{}\n", lines.next().unwrap());
    let rows: Vec<&str> = lines.collect();
    for county in ["东河县", "西山县"] {
        for row in &rows {
            let row = if county == "西山县" { row.replacen("城关", "西城", 1) } else { (*row).to_string() };
            province += &format!("{county},{row}\n");
        }
    }
    province
}

#[wasm_bindgen_test]
fn the_first_module_tells_a_provinces_file_from_a_countys() {
    assert!(junheng_wasm::has_county_column(&province(), "zh"));
    assert!(!junheng_wasm::has_county_column(DEMO, "zh"));
}

/// The first module reads the standard, the language and the answers; a profile or a hand
/// mapping is refused (the worker sends those to the second), never silently ignored.
#[cfg(not(feature = "extra"))]
#[wasm_bindgen_test]
fn the_first_module_reads_no_profile_and_no_mapping() {
    let answered = serde_json::json!({ "standard": "quality2017", "lang": "zh", "answers": { "school_standard_met": true } });
    assert!(junheng_wasm::evaluate(DEMO, &answered.to_string()).is_ok());
    for other in [serde_json::json!({ "profile": {} }), serde_json::json!({ "mapping": { "3": "students" } })] {
        assert!(junheng_wasm::evaluate(DEMO, &other.to_string()).is_err(), "{other}");
    }
    assert!(junheng_wasm::measure_rules("{}", "zh").is_err());
    // The standard and the language by their ids; an unknown one is refused too.
    for unknown in [serde_json::json!({ "standard": "quality2020" }), serde_json::json!({ "lang": "fr" })] {
        assert!(junheng_wasm::evaluate(DEMO, &unknown.to_string()).is_err(), "{unknown}");
    }
}

/// The first module for a page in 简体中文 has no other language's words: English and
/// Traditional are refused as unknown (the worker sends them to the module that has them).
#[cfg(not(feature = "languages"))]
#[wasm_bindgen_test]
fn the_chinese_module_refuses_the_other_languages() {
    for lang in ["en", "zh-Hant"] {
        assert!(junheng_wasm::evaluate(DEMO, &options("basic2012", lang)).is_err(), "{lang}");
    }
}

/// The module with every language writes each: English, and Traditional made from the
/// Simplified, the user's words (a column's name) kept as written.
#[cfg(feature = "languages")]
#[wasm_bindgen_test]
fn the_module_with_every_language_writes_each() {
    let english = parse(&junheng_wasm::evaluate(DEMO, &options("basic2012", "en")).map_err(JsValue::from).unwrap());
    assert_eq!(english["standard"], "basic2012");
    assert_eq!(english["levels"]["primary"]["indicators"][0]["name"], "Teaching and auxiliary floor area per student");
    let bad = "学校名称,学段,在校生数\n甲,小学,abc\n";
    let message = |lang| junheng_evaluate(bad, &options("quality2017", lang))["errors"][0]["message"].as_str().unwrap().to_string();
    assert!(message("en").contains("not a number"), "{}", message("en"));
    assert!(message("zh-Hant").contains("不是數字"), "{}", message("zh-Hant"));
}

/// The rules in words of the national profile are the same asked as "" (the first module's
/// way) or as the profile itself (the second's).
#[cfg(feature = "extra")]
#[wasm_bindgen_test]
fn the_national_rules_are_the_same_asked_either_way() {
    let by_default = parse(&junheng_wasm::measure_rules("", "en").map_err(JsValue::from).unwrap());
    assert_eq!(by_default, parse(&junheng_wasm::measure_rules(NATIONAL, "en").map_err(JsValue::from).unwrap()));
    assert!(by_default.as_object().unwrap().len() > 10);
}

/// A profile of more items than any has: refused by `checkProfile` with its reason, and
/// never keyed into words (the page sends only checked profiles: one such is a bug).
#[cfg(feature = "extra")]
#[wasm_bindgen_test]
fn a_profile_of_too_many_items_is_refused() {
    let mut profile = parse(NATIONAL);
    let veto = profile["quality2017"]["vetoes"][0].clone();
    let vetoes = (0..5000).map(|i| serde_json::json!({ "id": format!("v{i}"), "text": veto["text"] })).collect();
    profile["quality2017"]["vetoes"] = Value::Array(vetoes);
    let problems = parse(&junheng_wasm::documents::check_profile(&profile.to_string(), "zh"));
    assert_eq!(problems[0]["code"], "too_many_items", "{problems}");
    assert!(junheng_wasm::measure_rules(&profile.to_string(), "zh").is_err());
}

#[cfg(feature = "extra")]
#[wasm_bindgen_test]
fn a_province_is_viewed_county_by_county_without_evaluating_again() {
    let province = province();
    let whole = junheng_evaluate(&province, &options("quality2017", "zh"));
    let overview = parse(&junheng_wasm::evaluate_summary(&province, &options("quality2017", "zh"), "").map_err(JsValue::from).unwrap());
    let listed: Vec<&Value> = overview["province"].as_array().unwrap().iter().map(|c| &c["county"]).collect();
    assert_eq!(listed, [&Value::from("东河县"), &Value::from("西山县")]);
    assert_eq!(overview["province"][1]["summary"], whole["counties"][1]["summary"]);
    assert!(
        overview.get("county").is_none() && overview.get("counties").is_none(),
        "the overview carries the rows, not every county's result"
    );
    // A county in view: its own result, its schools a window at a time.
    let county = parse(&junheng_wasm::pick_county("西山县"));
    assert_eq!(county["county"], "西山县");
    let cvs = |v: &Value| v["levels"]["primary"]["indicators"].as_array().unwrap().iter().map(|i| i["cv"].clone()).collect::<Vec<_>>();
    assert_eq!(cvs(&county), cvs(&whole["counties"][1]));
    assert_eq!(county["overall"], whole["counties"][1]["overall"]);
    let primary: Vec<&Value> = whole["counties"][1]["schools"].as_array().unwrap().iter().filter(|s| s["level"] == "primary").collect();
    assert_eq!(parse(&junheng_wasm::schools("primary", 0, 999)).as_array().unwrap().iter().collect::<Vec<_>>(), primary);
    assert!(primary[0]["name"].as_str().unwrap().starts_with("西城"));
    // The whole contract is still the province's.
    assert_eq!(parse(&junheng_wasm::last_result()), whole);
}
