//! Province files on the command line: a line per county and level, `--county NAME` for one
//! county in full, each county's mistakes named with it.

mod common;

use common::{junheng, DEMO_FILE};

fn demo() -> String {
    std::fs::read_to_string(DEMO_FILE).unwrap()
}

/// Two counties: 东河县 (the demo) and 西山县 (the demo with one wrong cell).
fn province(wrong: bool) -> String {
    let demo = demo();
    let mut lines = demo.trim().lines();
    let mut text = format!("县,{}\n", lines.next().unwrap());
    let rows: Vec<&str> = lines.collect();
    for county in ["东河县", "西山县"] {
        for row in &rows {
            let row = if wrong && county == "西山县" && row.starts_with("实验小学") {
                row.replacen(",1980,", ",一千,", 1)
            } else {
                row.to_string()
            };
            text += &format!("{county},{row}\n");
        }
    }
    text
}

#[test]
fn the_summary_has_a_line_per_county_and_level() {
    let out = junheng(&["evaluate", "-"], &province(false));
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for county in ["东河县", "西山县"] {
        for level in ["小学", "初中"] {
            let line =
                text.lines().find(|l| l.starts_with(&format!("{county} {level}"))).unwrap_or_else(|| panic!("{county} {level}: {text}"));
            assert!(line.contains("最大差异系数") && line.contains("校际未达标学校") && line.ends_with("未通过"), "{line}");
        }
    }
    assert!(text.contains("按 2 个县分别评估"), "{text}");
}

#[test]
fn one_county_in_full_and_a_county_the_file_lacks() {
    let out = junheng(&["evaluate", "--county", "西山县", "-"], &province(false));
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let demo = String::from_utf8(junheng(&["evaluate", DEMO_FILE], "").stdout).unwrap();
    // The county's own result: the demo county's, as its lines of CVs show.
    let cvs = |t: &str| t.lines().filter(|l| l.contains("差异系数")).map(String::from).collect::<Vec<_>>();
    assert_eq!(cvs(&text), cvs(&demo));
    let out = junheng(&["evaluate", "--county", "北湖县", "-"], &province(false));
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("没有县「北湖县」") && stderr.contains("东河县、西山县"), "{stderr}");
}

#[test]
fn a_county_with_a_mistake_is_named_and_the_others_stand() {
    let out = junheng(&["evaluate", "--format", "json", "-"], &province(true));
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("西山县：第"), "{stderr}");
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let counties = result["counties"].as_array().unwrap();
    assert_eq!(counties.len(), 2);
    assert!(counties[0]["errors"].as_array().unwrap().is_empty());
    assert!(counties[0]["levels"]["primary"]["indicators"].as_array().is_some());
    assert_eq!(counties[1]["errors"][0]["column"], "在校生数");
}
