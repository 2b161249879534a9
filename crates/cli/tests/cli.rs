//! The CLI over the same core: the JSON contract, exit codes and messages.

mod common;

use common::{junheng, DEMO_FILE};
use std::process::Output;

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("JSON on stdout")
}

#[test]
fn json_follows_the_result_contract() {
    let out = junheng(&["evaluate", "--format", "json", DEMO_FILE], "");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v = json(&out);
    assert_eq!(v["standard"], "quality2017");
    for level in ["primary", "junior"] {
        let l = &v["levels"][level];
        assert!(l["schools"].as_u64().unwrap() > 0);
        assert!(l["students"].as_f64().unwrap() > 0.0);
        assert!(l["composite_cv"].is_null());
        assert!(l["passed"].is_boolean());
        let keys: Vec<&str> = l["indicators"].as_array().unwrap().iter().map(|i| i["key"].as_str().unwrap()).collect();
        assert_eq!(
            keys,
            [
                "qualified_teachers_per_100",
                "backbone_teachers_per_100",
                "pe_art_teachers_per_100",
                "teaching_area_per_student",
                "sports_area_per_student",
                "equipment_value_per_student",
                "multimedia_rooms_per_100"
            ]
        );
        for i in l["indicators"].as_array().unwrap() {
            for field in ["county_value", "sd", "cv", "limit"] {
                assert!(i[field].is_f64(), "{field} of {i}");
            }
            assert!(i["passed"].is_boolean());
        }
    }
    let school = &v["schools"][0];
    for field in ["name", "level", "included", "values", "met", "passed", "reasons"] {
        assert!(!school[field].is_null(), "{field}");
    }
    assert!(v["excluded"].as_array().unwrap().len() == 2);
    assert!(v["splits"].as_array().unwrap().len() == 2);
    assert!(v["warnings"].is_array());
}

#[test]
fn json_keeps_full_precision() {
    let out = junheng(&["evaluate", "--standard", "basic2012", "--format", "json", "-"], &books_table());
    let v = json(&out);
    let books = v["levels"]["primary"]["indicators"].as_array().unwrap().iter().find(|i| i["key"] == "books_per_student").unwrap().clone();
    let cv = books["cv"].as_f64().unwrap();
    assert!((cv - 0.51526).abs() < 5e-6);
    // More digits than any display rounding: the unrounded f64.
    assert!(books["cv"].to_string().len() > 10, "{}", books["cv"]);
    assert!(v["levels"]["primary"]["composite_cv"].is_f64());
    assert!(v["schools"][0]["met"].is_null());
}

/// The handout's five schools with the other basic2012 columns equal everywhere.
fn books_table() -> String {
    let mut text = String::from("学校名称,学段,在校生数,图书册数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,计算机台数,专任教师数,高于规定学历教师数,中级及以上职称教师数\n");
    for (name, students, books) in [("甲校", 45, 279), ("乙校", 37, 137), ("丙校", 89, 935), ("丁校", 76, 160), ("戊校", 55, 402)]
    {
        text += &format!(
            "{name},小学,{students},{books},{},{},{},{},{},{},{}\n",
            students * 5,
            students * 8,
            students * 2000,
            students / 5,
            students,
            students,
            students
        );
    }
    text
}

#[test]
fn text_output_in_both_languages() {
    let zh = junheng(&["evaluate", DEMO_FILE], "");
    let zh = String::from_utf8(zh.stdout).unwrap();
    assert!(zh.contains("小学") && zh.contains("差异系数") && zh.contains("不参评"), "{zh}");
    let en = junheng(&["evaluate", "--lang", "en", DEMO_FILE], "");
    let en = String::from_utf8(en.stdout).unwrap();
    assert!(en.contains("primary") && en.contains("excluded"), "{en}");
    // 繁體中文: the core's words converted, the schools' names as the file has them.
    let hant = junheng(&["evaluate", "--lang", "zh-Hant", DEMO_FILE], "");
    let hant = String::from_utf8(hant.stdout).unwrap();
    assert!(hant.contains("小學") && hant.contains("差異係數") && hant.contains("不參評"), "{hant}");
    assert!(hant.contains("未達到校際資源配置要求：东河镇柳湾小学"), "{hant}");
    assert!(!hant.contains("差异系数"), "{hant}");
}

#[test]
fn unusable_input_exits_non_zero_with_the_place() {
    let out = junheng(&["evaluate", "-"], "学校名称,学段,在校生数\n甲,小学,零\n");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("第2行「在校生数」"), "{stderr}");
    let out = junheng(&["evaluate", "--format", "json", "--lang", "en", "-"], "");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(json(&out)["errors"][0]["message"], "no data: paste a table or choose a CSV file");
}

#[test]
fn usage_errors() {
    for args in [&[][..], &["evaluate"][..], &["evaluate", "--standard", "x", "-"][..], &["frobnicate"][..]] {
        let out = junheng(args, "");
        assert_eq!(out.status.code(), Some(64), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("usage"));
    }
    let out = junheng(&["evaluate", "no/such/file.csv"], "");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
#[cfg(unix)]
fn an_endless_input_is_refused_past_its_bound_not_held() {
    // /dev/zero never ends: reading stops at the documented bound, and the input is refused.
    let out = junheng(&["evaluate", "/dev/zero"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("超过 256 MB（单个输入的上限）"), "{}", String::from_utf8_lossy(&out.stderr));
}
