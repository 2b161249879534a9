//! The step-by-step view of one CV for the browser (`junheng::explain`).

use crate::{json, read_options};
use junheng::explain::{explain_grid, Explanation};
use junheng::input;
use junheng::model::Level;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// What `explain` returns: the computation, or why there is none.
#[derive(Serialize)]
struct Explained {
    explanation: Option<Explanation>,
    errors: Vec<input::Problem>,
}

/// The computation of `key`'s CV at `level` ("primary" or "junior") step by step:
/// `{ explanation }`, or `{ errors }`.
#[wasm_bindgen]
pub fn explain(text: &str, options: &str, level: &str, key: &str) -> Result<String, JsError> {
    let options = read_options(options)?;
    let level = if level == Level::Junior.key() { Level::Junior } else { Level::Primary };
    Ok(json(&match explain_grid(&input::read_grid(text), &options, level, key) {
        Ok(explanation) => Explained { explanation: Some(explanation), errors: Vec::new() },
        Err(errors) => Explained { explanation: None, errors },
    }))
}
