//! Province files (issue 13, item 1): a table with a county column gives, per county, exactly
//! what that county's rows alone give, and one county's mistakes stop only that county.

use junheng::input::{read_grid, Record};
use junheng::{evaluate_text, Options, Standard};
use serde_json::{json, Value};

const DEMO: &str = include_str!("../../../www/demo/demo-county.csv");

/// The demo county's rows, each resource column scaled by `scale` (a county of its own).
fn county_rows(scale: f64) -> Vec<String> {
    DEMO.trim()
        .lines()
        .skip(1)
        .map(|line| {
            line.split(',')
                .enumerate()
                .map(|(i, c)| match c.parse::<f64>() {
                    // Resources only (columns from 专任教师数 on); students stay as they are.
                    Ok(v) if (7..18).contains(&i) && scale != 1.0 => format!("{}", (v * scale).round()),
                    _ => c.to_string(),
                })
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect()
}

/// Three counties under a title and the header: 东河县 (the demo), 西山县 (its resources
/// doubled: the same CVs), 南岭县 (its resources scaled and one cell wrong), listed with the
/// county named only on each county's first row (a merged cell), and a province totals row.
fn province() -> String {
    let header = DEMO.lines().next().unwrap();
    let mut text = format!("某省义务教育学校办学条件\n县,{header}\n");
    for (county, scale) in [("东河县", 1.0), ("西山县", 2.0), ("南岭县", 0.7)] {
        for (k, row) in county_rows(scale).iter().enumerate() {
            let row = if county == "南岭县" && k == 2 { row.replacen(",1540,", ",一千五,", 1) } else { row.clone() };
            text += &format!("{},{row}\n", if k == 0 { county } else { "" });
        }
    }
    text + ",合计,,,,,,,,,,,,,,,,,,\n"
}

fn evaluate(text: &str, standard: Standard) -> Value {
    serde_json::to_value(evaluate_text(text, &Options { standard, ..Options::default() })).unwrap()
}

/// The province's grid with only the title, the header and `county`'s records (the rows
/// without a county name belong to the one above), without the county column: the county's
/// own table, the file's row numbers kept.
fn alone(text: &str, county: &str) -> Value {
    let (mut keep, mut current) = (Vec::new(), String::new());
    for (line, record) in read_grid(text) {
        let own = record[0].to_string();
        let cells: Record = record.iter().skip(1).collect();
        if line <= 2 {
            keep.push((line, cells));
            continue;
        }
        if !own.is_empty() {
            current = own;
        }
        if current == county && &cells[0] != "合计" {
            keep.push((line, cells));
        }
    }
    serde_json::to_value(junheng::evaluation::evaluate_grid(&keep, &Options::default())).unwrap()
}

#[test]
fn a_province_file_gives_each_county_what_its_rows_alone_give() {
    let text = province();
    let result = evaluate(&text, Standard::Quality2017);
    let counties = result["counties"].as_array().expect("counties");
    let names: Vec<&str> = counties.iter().map(|c| c["county"].as_str().unwrap()).collect();
    assert_eq!(names, ["东河县", "西山县", "南岭县"]);
    for county in counties {
        let name = county["county"].as_str().unwrap();
        let expected = alone(&text, name);
        for field in ["levels", "schools", "excluded", "splits", "parts", "overall", "errors", "warnings"] {
            assert_eq!(county[field], expected[field], "{name}: {field}");
        }
    }
    // 东河县 is the demo county: the same figures as the demo file, row numbers aside.
    let demo = evaluate(DEMO, Standard::Quality2017);
    let figures = |v: &Value, level: &str| -> Vec<(f64, f64)> {
        v["levels"][level]["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| (i["cv"].as_f64().unwrap(), i["county_value"].as_f64().unwrap()))
            .collect()
    };
    for level in ["primary", "junior"] {
        assert_eq!(figures(&counties[0], level), figures(&demo, level));
    }
    assert_eq!(counties[0]["overall"], demo["overall"]);
    // 西山县 has every resource doubled: the same CVs as 东河县.
    for level in ["primary", "junior"] {
        let cvs =
            |c: &Value| c["levels"][level]["indicators"].as_array().unwrap().iter().map(|i| i["cv"].as_f64().unwrap()).collect::<Vec<_>>();
        for (a, b) in cvs(&counties[0]).iter().zip(cvs(&counties[1])) {
            assert!((a - b).abs() < 5e-3, "{level}: {a} vs {b}");
        }
    }
    // 南岭县's wrong cell stops 南岭县 only, at the province file's row and column.
    let error = &counties[2]["errors"][0];
    assert_eq!(error["row"], 2 + 29 + 29 + 3);
    assert_eq!(error["column"], "在校生数");
    assert!(counties[0]["errors"].as_array().unwrap().is_empty() && counties[1]["errors"].as_array().unwrap().is_empty());
    // Nothing is evaluated across counties; a notice says how many there are.
    assert_eq!(result["levels"], json!({}));
    assert_eq!(result["overall"], Value::Null);
    assert!(result["warnings"][0]["message"].as_str().unwrap().contains("3 个县"));
}

#[test]
fn each_county_has_a_summary_row_per_level_from_its_own_result() {
    for standard in [Standard::Quality2017, Standard::Basic2012] {
        let result = evaluate(&province(), standard);
        for county in result["counties"].as_array().unwrap() {
            let summary = county["summary"].as_array().unwrap();
            let levels = county["levels"].as_object().unwrap();
            assert_eq!(summary.len(), levels.len());
            for row in summary {
                let level = &levels[row["level"].as_str().unwrap()];
                let indicators = level["indicators"].as_array().unwrap();
                let worst = indicators.iter().map(|i| i["cv"].as_f64().unwrap()).fold(f64::MIN, f64::max);
                assert_eq!(row["worst_cv"].as_f64().unwrap(), worst);
                let key = row["worst_indicator"].as_str().unwrap();
                let named = indicators.iter().find(|i| i["key"] == key).unwrap();
                assert_eq!(named["cv"].as_f64().unwrap(), worst);
                assert_eq!(row["passed"], level["passed"]);
                assert_eq!(row["composite_cv"], level["composite_cv"]);
                if standard == Standard::Quality2017 {
                    let failing = level["schools"].as_u64().unwrap() - level["schools_passed"].as_u64().unwrap();
                    assert_eq!(row["schools_failing"].as_u64().unwrap(), failing);
                    assert_eq!(row["worst_limit"], named["limit"]);
                }
            }
        }
    }
}

#[test]
fn a_table_without_a_county_column_is_one_county() {
    let result = evaluate(DEMO, Standard::Quality2017);
    assert!(result.get("counties").is_none());
}
