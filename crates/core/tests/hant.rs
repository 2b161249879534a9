//! 繁體中文: the core's converter against `OpenCC`'s conversion of every Chinese string the core
//! has (tests/data/hant.tsv, made by tools/hant.mjs with opencc-js), and a whole evaluation in
//! Traditional against the same in Simplified.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use junheng::hant::convert;
use junheng::{evaluate_text, Lang, Options, Standard};
use serde_json::Value;

const OPENCC: &str = include_str!("data/hant.tsv");
const DEMO: &str = include_str!("../../../www/demo/demo-county.csv");
const DEMO_ANSWERS: &str = include_str!("../../../www/demo/demo-answers.json");

fn opencc() -> Vec<(&'static str, &'static str)> {
    OPENCC.lines().map(|line| line.split_once('\t').expect("two columns")).collect()
}

/// Every string literal with a Chinese character in the core's sources, outside comments:
/// the same scan as tools/hant.mjs.
fn literals(dir: &Path, found: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            literals(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("hant_table.rs") {
            scan(&std::fs::read_to_string(&path).unwrap(), found);
        }
    }
}

fn scan(source: &str, found: &mut BTreeSet<String>) {
    let chars: Vec<char> = source.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if chars[i] == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            let text: String = chars[i + 1..j.min(chars.len())].iter().collect();
            if text.chars().any(|c| ('\u{3400}'..='\u{9fff}').contains(&c)) {
                found.insert(text);
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
}

#[test]
fn every_chinese_string_of_the_core_has_its_opencc_conversion() {
    let mut found = BTreeSet::new();
    literals(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut found);
    literals(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../cli/src"), &mut found);
    let listed: BTreeSet<String> = opencc().iter().map(|(zh, _)| zh.to_string()).collect();
    let missing: Vec<_> = found.difference(&listed).collect();
    assert!(missing.is_empty(), "run `node tools/hant.mjs`: not converted yet: {missing:?}");
    assert!(found.len() > 250, "the scan found only {} strings", found.len());
}

#[test]
fn the_converter_gives_opencc_on_every_string() {
    for (zh, traditional) in opencc() {
        assert_eq!(convert(zh), traditional, "{zh}");
    }
    // Characters that read two ways by context, and one the table has never seen.
    assert_eq!(convert("差异系数"), "差異係數");
    assert_eq!(convert("指标体系"), "指標體系");
    assert_eq!(convert("在校生数"), "在校生數");
    assert_eq!(convert("abc 1.5 ㎡ 𠀋"), "abc 1.5 ㎡ 𠀋");
}

/// Characters `OpenCC` changes wherever the core uses them: none may be left in Traditional text.
fn simplified_only() -> BTreeSet<char> {
    let mut outcomes: HashMap<char, BTreeSet<char>> = HashMap::new();
    for (zh, traditional) in opencc() {
        for (a, b) in zh.chars().zip(traditional.chars()) {
            outcomes.entry(a).or_default().insert(b);
        }
    }
    outcomes.into_iter().filter(|(a, out)| !out.contains(a)).map(|(a, _)| a).collect()
}

fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

fn numbers(value: &Value, out: &mut Vec<f64>) {
    match value {
        Value::Number(n) => out.push(n.as_f64().unwrap()),
        Value::Array(items) => items.iter().for_each(|v| numbers(v, out)),
        Value::Object(map) => map.values().for_each(|v| numbers(v, out)),
        _ => {}
    }
}

#[test]
fn a_whole_evaluation_in_traditional_is_the_simplified_one_in_other_characters() {
    let answers: junheng::assessment::Answers = serde_json::from_str(DEMO_ANSWERS).unwrap();
    // A school renamed into characters that have Traditional forms: its name stays as written.
    let text = DEMO.replace("城关第一小学", "柳湾镇学区中心学校");
    let mut user: Vec<String> = text.split(['\n', ',']).filter(|c| !c.is_empty()).map(String::from).collect();
    // A profile's name is its author's words, as a school's is the user's.
    user.push(junheng::Profile::default().name);
    strings(&serde_json::from_str(DEMO_ANSWERS).unwrap(), &mut user);
    user.sort_by_key(|cell| std::cmp::Reverse(cell.len()));
    let forbidden = simplified_only();
    for standard in [Standard::Basic2012, Standard::Quality2017] {
        let run = |lang| {
            let options = Options { standard, lang, answers: answers.clone(), ..Options::default() };
            serde_json::to_value(evaluate_text(&text, &options)).unwrap()
        };
        let (zh, hant) = (run(Lang::Zh), run(Lang::ZhHant));
        let (mut a, mut b) = (vec![], vec![]);
        numbers(&zh, &mut a);
        numbers(&hant, &mut b);
        assert_eq!(a, b, "the same numbers in both scripts");
        let (mut zh_strings, mut hant_strings) = (vec![], vec![]);
        strings(&zh, &mut zh_strings);
        strings(&hant, &mut hant_strings);
        assert_eq!(zh_strings.len(), hant_strings.len());
        let mut changed = 0;
        for (s, t) in zh_strings.iter().zip(&hant_strings) {
            changed += usize::from(s != t);
            assert_eq!(s.chars().count(), t.chars().count(), "{s} → {t}");
            // What the user wrote stays as written; everything else is in Traditional.
            let mut rest = t.clone();
            for cell in &user {
                rest = rest.replace(cell.as_str(), "");
            }
            let left: String = rest.chars().filter(|c| forbidden.contains(c)).collect();
            assert!(left.is_empty(), "Simplified {left:?} left in {t:?}");
        }
        assert!(changed > 50, "only {changed} strings changed");
        let names = |v: &Value| v["schools"].as_array().unwrap().iter().map(|s| s["name"].clone()).collect::<Vec<_>>();
        assert_eq!(names(&zh), names(&hant));
    }
}
