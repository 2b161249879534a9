//! The browser binding: plain JS values in and out (serde-wasm-bindgen), no core type
//! crosses as a class. User mistakes come back as `errors` in the result; a panic is a
//! bug, and the panic hook prints it to the console so that it is never silent.

use crate::evaluation::{evaluate_text, Options};
use crate::input;
use crate::model::Lang;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Evaluates CSV/TSV text. `options`: `{ standard, lang, profile }`, each optional.
#[wasm_bindgen]
pub fn evaluate(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("options: {e}")))?
    };
    to_js(&evaluate_text(text, &options))
}

/// The text as rows of cells, each with the line it starts on: `[[line, [cells…]], …]`.
#[wasm_bindgen(js_name = readGrid)]
pub fn read_grid(text: &str) -> Result<JsValue, JsError> {
    to_js(&input::read_grid(text))
}

/// The header row of the CSV template, `"zh"` or `"en"`.
#[wasm_bindgen(js_name = templateHeader)]
pub fn template_header(lang: &str) -> String {
    input::template_header(if lang == "en" { Lang::En } else { Lang::Zh })
}
