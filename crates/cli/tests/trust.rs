//! The CLI's own trust: help and version on stdout, a closed pipe ends it quietly, hostile
//! workbooks are refused before anything is allocated, and nothing from the data drives the
//! terminal. Also: the CLI reads GBK, workbooks and project files.

use junheng::assessment::Answers;
use junheng::project::Project;
use junheng::Options;
use std::process::{Command, Stdio};

const HEADER: &str = "学校名称,学段,在校生数,高于规定学历教师数,县级及以上骨干教师数,体育艺术专任教师数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,网络多媒体教室数,专任教师数,中级及以上职称教师数,计算机台数,图书册数";

fn table(rows: &[&str]) -> String {
    format!("{HEADER}\n{}\n", rows.join("\n"))
}

const GOOD: [&str; 2] =
    ["甲小学,小学,500,25,6,5,2500,4000,1100000,12,30,15,60,15000", "乙小学,小学,400,20,5,4,2000,3200,900000,10,24,12,50,12000"];

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_junheng"))
}

fn fixture_path(name: &str) -> String {
    format!("{}/../../tests/fixtures/hostile/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn cli_help_and_version_go_to_stdout() {
    for flag in ["--help", "-h", "help"] {
        let out = cli().arg(flag).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{flag}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("junheng evaluate"));
        assert!(out.stderr.is_empty());
    }
    let out = cli().args(["evaluate", "--help"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = cli().arg("--version").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), format!("junheng {}", env!("CARGO_PKG_VERSION")));
    assert_eq!(cli().arg("--bogus").output().unwrap().status.code(), Some(64));
}

#[test]
fn cli_survives_a_reader_that_stops_early() {
    let demo = format!("{}/../../www/demo/demo-county.csv", env!("CARGO_MANIFEST_DIR"));
    for format in ["json", "text"] {
        let mut child = cli().args(["evaluate", "--format", format, &demo]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        // Read one byte, then hang up, as `| head -c1` does.
        let mut stdout = child.stdout.take().unwrap();
        let mut byte = [0u8; 1];
        std::io::Read::read_exact(&mut stdout, &mut byte).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    }
}

#[test]
fn cli_refuses_a_text_too_wide_to_be_a_table_at_its_row() {
    let wide = format!("学校名称,学段,在校生数,{}\n", (0..100_000).map(|i| format!("c{i}")).collect::<Vec<_>>().join(","));
    let path = std::env::temp_dir().join(format!("junheng-wide-{}.csv", std::process::id()));
    std::fs::write(&path, wide).unwrap();
    let out = cli().args(["evaluate", path.to_str().unwrap()]).output().unwrap();
    std::fs::remove_file(&path).ok();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("第1行：这一行超过 2000 列"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn cli_keeps_its_exit_code_when_stderr_is_full() {
    // /dev/full refuses every write: the message is lost, the status still says why.
    let full = || std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    assert_eq!(cli().arg("--bogus").stderr(full()).status().unwrap().code(), Some(64));
    let refused = cli().args(["evaluate", &fixture_path("picture.png")]).stderr(full()).stdout(Stdio::null()).status().unwrap();
    assert_eq!(refused.code(), Some(2));
}

#[test]
fn cli_refuses_hostile_workbooks_without_allocating() {
    for name in ["far-cell-zzzzzz.xlsx", "far-row-2e9.xlsx", "wrapping-row.xlsx", "corner-cells.xlsx", "dtd-entities.xlsx"] {
        let out = cli().args(["evaluate", &fixture_path(name)]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("未读取"), "{name}: {}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn cli_never_prints_control_characters_from_the_data() {
    // A failing school, so that the text names it.
    let text = table(&[GOOD[0], &GOOD[1].replace("乙小学", "乙\u{1b}[31m\u{7}小学").replace(",2000,3200,", ",100,100,")]);
    let mut child = cli().args(["evaluate", "--format", "text", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(!printed.contains('\u{1b}') && !printed.contains('\u{7}'), "{printed}");
    // The reader already removed them, leaving the harmless rest.
    assert!(printed.contains("乙[31m小学"), "{printed}");
    // A file name is data too.
    let out = cli().args(["evaluate", "no\u{1b}[2Jsuch.csv"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains('\u{1b}'));
}

const DEMO_ANSWERS: &str = include_str!("../../../www/demo/demo-answers.json");

fn demo_answers() -> Answers {
    serde_json::from_str(DEMO_ANSWERS).unwrap()
}

/// Schools that meet every quality2017 standard, so that only the answers decide.
fn good_county() -> String {
    include_str!("../../core/tests/data/good-county.csv").to_string()
}

#[test]
fn the_cli_reads_a_project_file() {
    let project = Project::new(good_county(), Options { answers: demo_answers(), ..Options::default() });
    let path = std::env::temp_dir().join(format!("junheng-project-{}.json", std::process::id()));
    std::fs::write(&path, serde_json::to_string(&project).unwrap()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_junheng"))
        .args(["evaluate", "--format", "json", "--project", path.to_str().unwrap()])
        .output()
        .unwrap();
    std::fs::remove_file(&path).ok();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["overall"]["passed"], true);
    assert_eq!(v["parts"].as_array().unwrap().len(), 5);
    let item = &v["parts"][2]["items"][0];
    assert_eq!((item["id"].as_str(), item["value"].as_f64(), item["threshold"].as_f64()), (Some("q1"), Some(97.3), Some(95.0)));
}

#[test]
fn the_cli_reads_a_gbk_file_and_a_workbook() {
    for name in ["02-gbk.csv", "20-workbook-several-sheets.xlsx"] {
        let out = Command::new(env!("CARGO_BIN_EXE_junheng"))
            .args([
                "evaluate",
                "--standard",
                "basic2012",
                "--format",
                "json",
                &format!("{}/{name}", concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures")),
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["levels"]["primary"]["students"], 2686.0);
        assert_eq!(v["schools"][2]["name"], "西山乡石门小学");
    }
}
