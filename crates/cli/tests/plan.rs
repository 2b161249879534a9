//! `junheng plan`: the contract checks outside the project use, its exit codes and options.

mod common;

use common::{junheng, DEMO_FILE};

fn plan(args: &[&str], stdin: &str) -> serde_json::Value {
    let out = junheng(args, stdin);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

/// A county whose floor areas differ tenfold: basic2012's primary composite fails.
const UNEVEN: &str = "学校名称,学段,在校生数,专任教师数,高于规定学历教师数,中级及以上职称教师数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,计算机台数,图书册数
甲小学,小学,600,36,30,20,600,1200,300000,12,6000
乙小学,小学,300,18,15,10,2700,6000,1500000,60,9000
丙小学,小学,450,27,20,12,900,3600,400000,20,4500
丁小学,小学,150,9,8,5,1500,4500,900000,30,6000
";

/// Every field of the contract, and each addition priced at its unit cost.
#[track_caller]
fn assert_contract(v: &serde_json::Value, standard: &str, margin: f64) {
    assert_eq!(v["standard"], standard);
    assert_eq!(v["margin"].as_f64(), Some(margin));
    assert_eq!(v["feasible"], true, "{}", v["problems"]);
    let costs = v["unit_costs"].as_object().unwrap();
    for key in ["teachers", "qualified_teachers", "teaching_area", "sports_area", "equipment_value", "multimedia_rooms", "books"] {
        assert!(costs[key].as_f64().unwrap() > 0.0, "{key}");
    }
    let mut total = 0.0;
    for a in v["additions"].as_array().unwrap() {
        let (add, cost) = (a["add"].as_f64().unwrap(), a["cost"].as_f64().unwrap());
        assert!(add > 0.0 && add == add.round(), "{a}");
        assert!(a["row"].as_u64().unwrap() >= 2 && a["name"].is_string() && a["unit"].is_string(), "{a}");
        assert!(["primary", "junior"].contains(&a["level"].as_str().unwrap()));
        let column = a["column"].as_str().unwrap();
        let expected = if a["counted_in"].is_null() { add * costs[column].as_f64().unwrap() } else { 0.0 };
        assert!((cost - expected).abs() < 1e-6, "{a}");
        total += cost;
    }
    for t in v["transfers"].as_array().unwrap() {
        assert!(t["from"]["name"].is_string() && t["to"]["level"].is_string() && t["column"].is_string(), "{t}");
        let expected = t["count"].as_f64().unwrap() * v["transfer_cost"].as_f64().unwrap();
        assert!((t["cost"].as_f64().unwrap() - expected).abs() < 1e-6);
        total += expected;
    }
    assert!((v["total_cost"].as_f64().unwrap() - total).abs() < 1e-6);
    assert!(v["after"]["errors"].as_array().unwrap().is_empty());
    assert!(!v["after"]["levels"].as_object().unwrap().is_empty());
}

#[test]
fn the_demo_county_gets_a_proven_quality2017_plan() {
    let v = plan(&["plan", "--format", "json", DEMO_FILE], "");
    assert_contract(&v, "quality2017", 0.02);
    for (level, l) in v["after"]["levels"].as_object().unwrap() {
        assert_eq!(l["schools_passed"], l["schools"], "{level}: every school meets the per-school rule");
        for i in l["indicators"].as_array().unwrap() {
            assert!(i["cv"].as_f64().unwrap() <= i["limit"].as_f64().unwrap() - 0.02, "{level} {}", i["key"]);
        }
    }
    // The demo county's nine-year school gets whole-school facility additions.
    assert!(v["additions"].as_array().unwrap().iter().any(|a| a["whole_school"] == true));
}

#[test]
fn a_failing_basic2012_county_passes_after_the_plan_with_the_margin_asked() {
    let before: serde_json::Value =
        serde_json::from_slice(&junheng(&["evaluate", "--standard", "basic2012", "--format", "json", "-"], UNEVEN).stdout).unwrap();
    assert!(before["levels"]["primary"]["composite_cv"].as_f64().unwrap() > 0.65 - 0.1, "the county needs a plan");
    let v = plan(&["plan", "--standard", "basic2012", "--margin", "0.1", "--format", "json", "-"], UNEVEN);
    assert_contract(&v, "basic2012", 0.1);
    assert!(v["after"]["levels"]["primary"]["composite_cv"].as_f64().unwrap() <= 0.65 - 0.1);
    assert!(v["total_cost"].as_f64().unwrap() > 0.0);
}

#[test]
fn costs_from_a_file_price_the_plan() {
    let dir = std::env::temp_dir().join(format!("junheng-plan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let costs = dir.join("costs.json");
    std::fs::write(&costs, r#"{"teaching_area": 1000, "books": 20, "transfer": 8000}"#).unwrap();
    let v = plan(&["plan", "--standard", "basic2012", "--costs", costs.to_str().unwrap(), "-"], UNEVEN);
    assert_eq!(v["unit_costs"]["teaching_area"].as_f64(), Some(1000.0));
    assert_eq!(v["unit_costs"]["books"].as_f64(), Some(20.0));
    assert_eq!(v["transfer_cost"].as_f64(), Some(8000.0));
    assert_contract(&v, "basic2012", 0.02);
    std::fs::write(&costs, r#"{"classrooms": 5}"#).unwrap();
    let out = junheng(&["plan", "--costs", costs.to_str().unwrap(), DEMO_FILE], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("classrooms"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn rotation_lists_moves_and_costs_no_more() {
    for (standard, file, stdin) in [("basic2012", "-", UNEVEN), ("quality2017", DEMO_FILE, "")] {
        let hiring = plan(&["plan", "--standard", standard, file], stdin);
        let rotating = plan(&["plan", "--standard", standard, "--rotation", file], stdin);
        assert_contract(&rotating, standard, 0.02);
        assert!(rotating["total_cost"].as_f64().unwrap() <= hiring["total_cost"].as_f64().unwrap() + 1e-6);
    }
    // The demo county has teachers to move: PE and art, backbone teachers.
    let rotating = plan(&["plan", "--rotation", DEMO_FILE], "");
    assert!(!rotating["transfers"].as_array().unwrap().is_empty());
}

#[test]
fn unusable_input_and_margins_beyond_the_limit_exit_2() {
    let out = junheng(&["plan", "-"], "学校名称,学段\n");
    assert_eq!(out.status.code(), Some(2));
    let out = junheng(&["plan", "--margin", "0.6", DEMO_FILE], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("0.6"), "{}", String::from_utf8_lossy(&out.stderr));
    let out = junheng(&["plan", "--margin", "much", DEMO_FILE], "");
    assert_eq!(out.status.code(), Some(64));
    // A margin is an option, not a column; a huge one is written as such, not in 309 digits.
    let out = junheng(&["plan", "--margin", "1e308", DEMO_FILE], "");
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("余量 1e308 应不小于0") && !said.contains("列"), "{said}");
    // Not a finite number: a usage error, Chinese first, never a panic.
    for word in ["inf", "-inf", "NaN", "much"] {
        let out = junheng(&["plan", "--margin", word, DEMO_FILE], "");
        assert_eq!(out.status.code(), Some(64), "{word}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.starts_with("--margin 应为一个有限的数") && !said.contains("panicked"), "{word}: {said}");
    }
}
