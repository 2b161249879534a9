//! The wasm binding in a real browser (wasm-bindgen-test in headless Chromium): values
//! cross the boundary in the shape of the result contract, and bad input never throws.
#![cfg(target_arch = "wasm32")]

use js_sys::Reflect;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const HANDOUT: &str = "学校名称,学段,在校生数,图书册数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,计算机台数,专任教师数,高于规定学历教师数,中级及以上职称教师数\n\
甲校,小学,45,279,1,1,1,1,1,1,1\n乙校,小学,37,137,1,1,1,1,1,1,1\n丙校,小学,89,935,1,1,1,1,1,1,1\n\
丁校,小学,76,160,1,1,1,1,1,1,1\n戊校,小学,55,402,1,1,1,1,1,1,1\n";

fn get(value: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(value.clone(), |v, key| Reflect::get(&v, &JsValue::from_str(key)).unwrap())
}

fn options(standard: &str, lang: &str) -> JsValue {
    let o = js_sys::Object::new();
    Reflect::set(&o, &"standard".into(), &standard.into()).unwrap();
    Reflect::set(&o, &"lang".into(), &lang.into()).unwrap();
    o.into()
}

#[wasm_bindgen_test]
fn evaluate_returns_plain_objects_with_the_weighted_cv() {
    let result = junheng_evaluate(HANDOUT, options("basic2012", "zh"));
    assert_eq!(get(&result, &["standard"]).as_string().as_deref(), Some("basic2012"));
    let indicators = js_sys::Array::from(&get(&result, &["levels", "primary", "indicators"]));
    let books = indicators.iter().find(|i| get(i, &["key"]).as_string().as_deref() == Some("books_per_student")).unwrap();
    let cv = get(&books, &["cv"]).as_f64().unwrap();
    assert!((cv - 0.51526).abs() < 5e-6, "{cv}");
    assert!(get(&result, &["levels", "primary", "composite_cv"]).as_f64().is_some());
    // Maps arrive as plain objects, not JS Maps.
    let values = get(&js_sys::Array::from(&get(&result, &["schools"])).get(0), &["values"]);
    assert!(get(&values, &["books_per_student"]).as_f64().is_some());
}

#[wasm_bindgen_test]
fn bad_input_is_a_value_not_an_exception() {
    let result = junheng_evaluate("学校名称,学段,在校生数\n甲,小学,abc\n", options("quality2017", "en"));
    let errors = js_sys::Array::from(&get(&result, &["errors"]));
    assert_eq!(errors.length(), 1);
    assert_eq!(get(&errors.get(0), &["row"]).as_f64(), Some(2.0));
    assert_eq!(get(&errors.get(0), &["column"]).as_string().as_deref(), Some("在校生数"));
    assert!(get(&errors.get(0), &["message"]).as_string().unwrap().contains("not a number"));
    let empty = junheng_evaluate("", JsValue::UNDEFINED);
    assert_eq!(js_sys::Array::from(&get(&empty, &["errors"])).length(), 1);
}

#[wasm_bindgen_test]
fn bad_options_are_a_js_error() {
    assert!(junheng_wasm::evaluate(HANDOUT, options("quality2099", "zh")).is_err());
}

#[wasm_bindgen_test]
fn read_grid_gives_lines_and_cells() {
    let grid = js_sys::Array::from(&junheng_wasm::read_grid("a\tb\n\n1\t2\n").unwrap());
    assert_eq!(grid.length(), 2);
    let second = js_sys::Array::from(&grid.get(1));
    assert_eq!(second.get(0).as_f64(), Some(3.0));
    assert_eq!(js_sys::Array::from(&second.get(1)).get(1).as_string().as_deref(), Some("2"));
}

fn junheng_evaluate(text: &str, options: JsValue) -> JsValue {
    junheng_wasm::evaluate(text, options).map_err(JsValue::from).unwrap()
}

#[wasm_bindgen_test]
fn profiles_and_projects_cross_as_plain_objects() {
    let national = junheng_wasm::national_profile().map_err(JsValue::from).unwrap();
    let problems = junheng_wasm::check_profile(national.clone(), "zh").map_err(JsValue::from).unwrap();
    assert_eq!(js_sys::Array::from(&problems).length(), 0);
    let broken = js_sys::Object::new();
    let problems = junheng_wasm::check_profile(broken.into(), "zh").map_err(JsValue::from).unwrap();
    let problems = js_sys::Array::from(&problems);
    assert_eq!(problems.length(), 1);
    assert!(get(&problems.get(0), &["message"]).as_string().unwrap().contains("数值标准文件格式不正确"));

    let project = junheng_wasm::make_project(HANDOUT, options("basic2012", "zh")).map_err(JsValue::from).unwrap();
    assert_eq!(get(&project, &["version"]).as_f64(), Some(1.0));
    let opened = junheng_wasm::open_project(project.clone(), "zh").map_err(JsValue::from).unwrap();
    assert_eq!(get(&opened, &["project", "schools"]).as_string().as_deref(), Some(HANDOUT));
    Reflect::set(&project, &"version".into(), &JsValue::from(9)).unwrap();
    let opened = junheng_wasm::open_project(project, "en").map_err(JsValue::from).unwrap();
    assert!(get(&opened, &["project"]).is_null());
    let message = get(&js_sys::Array::from(&get(&opened, &["errors"])).get(0), &["message"]).as_string().unwrap();
    assert!(message.contains("unknown project file version 9"), "{message}");
}
