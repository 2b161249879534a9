//! 室内体育用房面积 (issue 13): moved from the teaching area to the sports area before any
//! indicator. The test moves the cells itself and evaluates the table without the column: the
//! two evaluations must agree to the last bit, mixed schools (pooled, then split) included.

use junheng::{evaluate_text, Options, Profile, Standard};
use serde_json::Value;

const DEMO: &str = include_str!("../../../www/demo/demo-county.csv");

/// The demo county with an indoor sports column: each row with a teaching area gets
/// `share` of it as indoor rooms (the mixed school's whole-school row too).
fn with_indoor(share: f64) -> (String, String) {
    let mut lines = DEMO.trim().lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let at = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (teaching, sports) = (at("教学及辅助用房面积"), at("体育运动场馆面积"));
    let (mut indoor_table, mut moved_table) = (format!("{},室内体育用房面积\n", header.join(",")), format!("{}\n", header.join(",")));
    for line in lines {
        let mut cells: Vec<String> = line.split(',').map(String::from).collect();
        let indoor = cells[teaching].parse::<f64>().ok().map(|t| (t * share * 10.0).round() / 10.0);
        indoor_table += &format!("{},{}\n", cells.join(","), indoor.map(|a| a.to_string()).unwrap_or_default());
        if let Some(indoor) = indoor {
            cells[teaching] = (cells[teaching].parse::<f64>().unwrap() - indoor).to_string();
            cells[sports] = (cells[sports].parse::<f64>().unwrap() + indoor).to_string();
        }
        moved_table += &format!("{}\n", cells.join(","));
    }
    (indoor_table, moved_table)
}

fn evaluate(text: &str, standard: Standard, profile: Profile) -> Value {
    serde_json::to_value(evaluate_text(text, &Options { standard, profile, ..Options::default() })).unwrap()
}

/// Everything but the notes: the levels, schools, splits and verdicts.
fn figures(v: &Value) -> Value {
    serde_json::json!([v["levels"], v["schools"], v["splits"], v["excluded"], v["overall"]])
}

#[test]
fn indoor_rooms_move_from_the_teaching_area_to_the_sports_area_before_any_indicator() {
    let (indoor, moved) = with_indoor(0.12);
    for standard in [Standard::Basic2012, Standard::Quality2017] {
        let a = evaluate(&indoor, standard, Profile::national());
        let b = evaluate(&moved, standard, Profile::national());
        assert_eq!(a["errors"], Value::Array(vec![]), "{}", a["errors"]);
        assert_eq!(figures(&a), figures(&b), "{standard:?}");
        // The move changed something: the teaching area CV differs from the table as given.
        let given = evaluate(DEMO, standard, Profile::national());
        assert_ne!(a["levels"]["primary"]["indicators"], given["levels"]["primary"]["indicators"]);
        let notes: Vec<&str> = a["warnings"].as_array().unwrap().iter().filter_map(|w| w["message"].as_str()).collect();
        // The rows moved: those evaluated that have a teaching area (28 rows have one; the
        // private school is out under both standards, teaching points under basic2012, the
        // one under 50 students under quality2017).
        let rows = if standard == Standard::Basic2012 { 28 - 3 } else { 28 - 2 };
        assert!(notes.iter().any(|n| n.starts_with(&format!("{rows} 行的室内体育用房面积"))), "{notes:?}");
    }
}

#[test]
fn the_profile_can_turn_the_move_off() {
    let (indoor, _) = with_indoor(0.12);
    let off = Profile { move_indoor_sports: false, ..Profile::national() };
    for standard in [Standard::Basic2012, Standard::Quality2017] {
        assert_eq!(figures(&evaluate(&indoor, standard, off.clone())), figures(&evaluate(DEMO, standard, Profile::national())));
    }
    // A profile file written before the option existed moves them.
    let json = serde_json::to_value(Profile::national()).unwrap();
    let mut old = json.as_object().unwrap().clone();
    old.remove("move_indoor_sports");
    assert!(serde_json::from_value::<Profile>(Value::Object(old)).unwrap().move_indoor_sports);
}

#[test]
fn indoor_rooms_at_most_the_teaching_area_that_includes_them() {
    let header = "学校名称,学段,在校生数,图书册数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,计算机台数,专任教师数,高于规定学历教师数,中级及以上职称教师数,室内体育用房面积";
    let table = |indoor: &str| {
        format!("{header}\n甲,小学,100,1000,500,800,1000,10,10,9,5,{indoor}\n乙,小学,200,2000,900,1500,2000,20,20,18,9,100\n")
    };
    // On the edge: all of the teaching area is indoor sports rooms; the school's teaching area is 0.
    let edge = evaluate(&table("500"), Standard::Basic2012, Profile::national());
    assert_eq!(edge["errors"], Value::Array(vec![]), "{}", edge["errors"]);
    let school = &edge["schools"][0];
    assert_eq!(school["values"]["teaching_area_per_student"], 0.0);
    assert_eq!(school["values"]["sports_area_per_student"], (800.0 + 500.0) / 100.0);
    // Beyond it: refused at the row and the column, with both areas.
    let over = evaluate(&table("500.5"), Standard::Basic2012, Profile::national());
    let error = &over["errors"][0];
    assert_eq!(error["code"], "indoor_above_teaching");
    assert_eq!(error["row"], 2);
    assert_eq!(error["column"], "室内体育用房面积");
    assert!(error["message"].as_str().unwrap().contains("500.5"), "{error}");
    assert!(over["levels"].as_object().is_none_or(serde_json::Map::is_empty), "no verdict on a refused table");
}
