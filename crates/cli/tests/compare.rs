//! `junheng compare BEFORE AFTER` (issue 25): two counties written here, the second the first
//! with schools changed, added and closed. Every CV then and now equals this file's own
//! student-weighted CV of each table; schools are found again by 学校标识码 when both tables
//! have it, else by name; a plan made from the first year is checked line by line against a
//! second year written here.

mod common;

use common::junheng;
use serde_json::Value;
use std::io::Write;

const HEADER: &str = "学校名称,学段,在校生数,专任教师数,高于规定学历教师数,中级及以上职称教师数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,计算机台数,图书册数";

/// A school: name, level, students, then the nine resources of HEADER.
type School<'a> = (&'a str, &'a str, f64, [f64; 8]);

fn table(schools: &[School], codes: Option<&[&str]>) -> String {
    let mut text = if codes.is_some() { format!("学校标识码,{HEADER}\n") } else { format!("{HEADER}\n") };
    for (i, (name, level, students, r)) in schools.iter().enumerate() {
        let code = codes.map(|c| format!("{},", c[i])).unwrap_or_default();
        let cells: Vec<String> = r.iter().map(f64::to_string).collect();
        text += &format!("{code}{name},{level},{students},{}\n", cells.join(","));
    }
    text
}

/// The student-weighted, population-form CV of books per student (SPEC §1), by hand.
fn books_cv(schools: &[School], level: &str) -> f64 {
    let rows: Vec<(f64, f64)> = schools.iter().filter(|s| s.1 == level).map(|s| (s.2, s.3[7])).collect();
    let p: f64 = rows.iter().map(|r| r.0).sum();
    let mean = rows.iter().map(|r| r.1).sum::<f64>() / p;
    let variance: f64 = rows.iter().map(|(students, books)| students / p * (books / students - mean).powi(2)).sum();
    variance.sqrt() / mean
}

/// 甲小学 far below the others: basic2012's primary composite fails (a plan adds).
const BEFORE: [School; 6] = [
    ("甲小学", "小学", 600.0, [20.0, 10.0, 5.0, 300.0, 600.0, 100_000.0, 4.0, 2000.0]),
    ("乙小学", "小学", 300.0, [18.0, 15.0, 10.0, 2700.0, 6000.0, 1_500_000.0, 60.0, 9000.0]),
    ("丙小学", "小学", 450.0, [27.0, 20.0, 12.0, 900.0, 3600.0, 400_000.0, 20.0, 4500.0]),
    ("丁小学", "小学", 150.0, [9.0, 8.0, 5.0, 1500.0, 4500.0, 900_000.0, 30.0, 6000.0]),
    ("一中", "初中", 800.0, [60.0, 55.0, 30.0, 5000.0, 9000.0, 2_000_000.0, 80.0, 24000.0]),
    ("二中", "初中", 400.0, [30.0, 28.0, 14.0, 2000.0, 4000.0, 900_000.0, 30.0, 9000.0]),
];

/// A year later: 甲 bought books, 丙 closed, 戊 opened, 二中 grew.
const AFTER: [School; 6] = [
    ("甲小学", "小学", 620.0, [20.0, 10.0, 5.0, 300.0, 600.0, 100_000.0, 4.0, 9300.0]),
    ("乙小学", "小学", 310.0, [18.0, 15.0, 10.0, 2700.0, 6000.0, 1_500_000.0, 60.0, 9000.0]),
    ("丁小学", "小学", 150.0, [9.0, 8.0, 5.0, 1500.0, 4500.0, 900_000.0, 30.0, 6000.0]),
    ("戊小学", "小学", 200.0, [12.0, 10.0, 6.0, 500.0, 1500.0, 250_000.0, 10.0, 3000.0]),
    ("一中", "初中", 800.0, [60.0, 55.0, 30.0, 5000.0, 9000.0, 2_000_000.0, 80.0, 24000.0]),
    ("二中", "初中", 450.0, [32.0, 30.0, 15.0, 2300.0, 4500.0, 1_000_000.0, 35.0, 11000.0]),
];

fn write(name: &str, text: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("junheng-compare-{}-{name}", std::process::id()));
    std::fs::File::create(&path).unwrap().write_all(text.as_bytes()).unwrap();
    path
}

fn compare(before: &str, after: &str, name: &str) -> Value {
    let (a, b) = (write(&format!("{name}-1.csv"), before), write(&format!("{name}-2.csv"), after));
    let out = junheng(&["compare", "--standard", "basic2012", "--format", "json", a.to_str().unwrap(), b.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

fn indicator<'a>(v: &'a Value, level: &str, key: &str) -> &'a Value {
    v["indicators"].as_array().unwrap().iter().find(|i| i["level"] == level && i["key"] == key).unwrap_or_else(|| panic!("{level}/{key}"))
}

fn school<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["schools"].as_array().unwrap().iter().find(|s| s["name"] == name).unwrap_or_else(|| panic!("{name}"))
}

#[test]
fn every_cv_then_and_now_is_each_tables_own_and_schools_are_matched_by_name() {
    let v = compare(&table(&BEFORE, None), &table(&AFTER, None), "names");
    assert_eq!(v["standard"], "basic2012");
    for level in [("primary", "小学"), ("junior", "初中")] {
        let books = indicator(&v, level.0, "books_per_student");
        let (then, now) = (books_cv(&BEFORE, level.1), books_cv(&AFTER, level.1));
        assert!((books["before"].as_f64().unwrap() - then).abs() < 1e-12, "{books}");
        assert!((books["after"].as_f64().unwrap() - now).abs() < 1e-12, "{books}");
        assert!((books["change"].as_f64().unwrap() - (now - then)).abs() < 1e-12);
        assert!(books["limit"].is_null() && books["crossed"].is_null(), "basic2012's single CVs have no limit");
    }
    let composite = indicator(&v, "primary", "composite");
    assert_eq!(composite["limit"].as_f64(), Some(0.65));
    assert!(composite["crossed"].is_boolean());
    assert_eq!(school(&v, "甲小学")["status"], "matched");
    assert_eq!(school(&v, "丙小学")["status"], "gone");
    assert_eq!(school(&v, "戊小学")["status"], "new");
    let books = &school(&v, "甲小学")["values"]["books_per_student"];
    assert_eq!(books[0].as_f64(), Some(2000.0 / 600.0));
    assert_eq!(books[1].as_f64(), Some(9300.0 / 620.0));
    assert!(school(&v, "丙小学")["values"]["books_per_student"][1].is_null());
    assert!(v["plan"].is_null(), "no project, no plan");
    let overall = v["verdicts"].as_array().unwrap().iter().find(|x| x["key"] == "overall").unwrap();
    assert!(overall["before"].is_boolean() || overall["before"].is_null());
}

#[test]
fn with_codes_in_both_tables_a_renamed_school_is_the_same_school() {
    let mut after = AFTER;
    after[1].0 = "乙小学新校区";
    let codes_before = ["3100000001", "3100000002", "3100000003", "3100000004", "3100000005", "3100000006"];
    let codes_after = ["3100000001", "3100000002", "3100000004", "3100000007", "3100000005", "3100000006"];
    let v = compare(&table(&BEFORE, Some(&codes_before)), &table(&after, Some(&codes_after)), "codes");
    assert_eq!(school(&v, "乙小学新校区")["status"], "matched");
    assert_eq!(school(&v, "乙小学新校区")["code"], "3100000002");
    assert!(v["schools"].as_array().unwrap().iter().all(|s| s["name"] != "乙小学"), "not gone under its old name");
    // By name it would have been one school gone and one new.
    let by_name = compare(&table(&BEFORE, None), &table(&after, None), "renamed");
    assert_eq!(school(&by_name, "乙小学")["status"], "gone");
    assert_eq!(school(&by_name, "乙小学新校区")["status"], "new");
}

#[test]
fn the_first_years_plan_is_checked_line_by_line_against_the_second_years_table() {
    let before = table(&BEFORE, None);
    // The plan the first year made (the CLI's own `plan`, the contract).
    let made = junheng(&["plan", "--standard", "basic2012", "--format", "json", "-"], &before);
    let plan: Value = serde_json::from_slice(&made.stdout).unwrap();
    let lines: Vec<&Value> = plan["additions"].as_array().unwrap().iter().filter(|a| a["counted_in"].is_null()).collect();
    assert!(lines.len() >= 3, "{} lines", lines.len());
    // The second year: the first line done in full, the second half done, the rest not yet.
    let mut grid: Vec<Vec<String>> = before.lines().map(|l| l.split(',').map(str::to_string).collect()).collect();
    let header = grid[0].clone();
    let keys = junheng_keys();
    for (k, line) in lines.iter().take(2).enumerate() {
        let row = usize::try_from(line["row"].as_u64().unwrap()).unwrap() - 1;
        let column = header.iter().position(|h| keys.get(h.as_str()).copied() == line["column"].as_str()).unwrap();
        let old: f64 = grid[row][column].parse().unwrap();
        let add = line["add"].as_f64().unwrap() * if k == 0 { 1.0 } else { 0.5 };
        grid[row][column] = (old + add).to_string();
    }
    let after: String = grid.iter().map(|r| r.join(",") + "\n").collect();
    let profile = String::from_utf8(junheng(&["profile"], "").stdout).unwrap();
    let project = format!(
        r#"{{"format":"junheng-project","version":1,"standard":"basic2012","schools":{},"profile":{profile},"plan":{{"margin":0.02}}}}"#,
        serde_json::to_string(&before).unwrap()
    );
    let (a, b) = (write("plan-1.json", &project), write("plan-2.csv", &after));
    let out = junheng(&["compare", "--format", "json", a.to_str().unwrap(), b.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let progress = v["plan"]["lines"].as_array().expect("the plan's lines");
    assert_eq!(progress.len(), lines.len());
    let statuses: Vec<&str> = progress.iter().map(|l| l["status"].as_str().unwrap()).collect();
    assert_eq!(statuses[0], "done");
    assert_eq!(statuses[1], "partly");
    assert!(statuses[2..].iter().all(|s| *s == "not_yet"), "{statuses:?}");
    let half = progress[1]["cost"].as_f64().unwrap() / 2.0;
    assert!((progress[1]["cost_done"].as_f64().unwrap() - half).abs() < 1e-6 * half.max(1.0));
    let done = progress[0]["cost"].as_f64().unwrap() + half;
    assert!((v["plan"]["cost_done"].as_f64().unwrap() - done).abs() < 1e-6 * done.max(1.0));
    assert_eq!(v["plan"]["done"], 1);
}

/// The template's Chinese headers to their English keys (the plan's `column`).
fn junheng_keys() -> std::collections::HashMap<&'static str, &'static str> {
    HEADER
        .split(',')
        .zip([
            "school",
            "level",
            "students",
            "teachers",
            "qualified_teachers",
            "senior_title_teachers",
            "teaching_area",
            "sports_area",
            "equipment_value",
            "computers",
            "books",
        ])
        .collect()
}

#[test]
fn unusable_input_exits_2_and_two_files_are_needed() {
    let good = write("ok.csv", &table(&BEFORE, None));
    let bad = write("bad.csv", "学校名称,学段\n");
    let out = junheng(&["compare", good.to_str().unwrap(), bad.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(2));
    let out = junheng(&["compare", good.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(64));
}

#[test]
fn two_projects_of_different_standards_are_said_and_compared_under_the_one_chosen() {
    let profile = String::from_utf8(junheng(&["profile"], "").stdout).unwrap();
    let project = |standard: &str, schools: &[School]| {
        format!(
            r#"{{"format":"junheng-project","version":1,"standard":"{standard}","schools":{},"profile":{profile}}}"#,
            serde_json::to_string(&table(schools, None)).unwrap()
        )
    };
    let (a, b) = (write("std-1.json", &project("quality2017", &BEFORE)), write("std-2.json", &project("basic2012", &AFTER)));
    let out = junheng(&["compare", "--format", "json", a.to_str().unwrap(), b.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("两年的评估标准或数值标准不同") && said.contains("基本均衡"), "{said}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["standard"], "basic2012", "the later project's");
    assert_eq!(v["notes"][0]["code"], "years_differ");
}
