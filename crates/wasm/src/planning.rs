//! The rectification plan for the browser: `plan` makes it, `applyPlan` writes the last one
//! into its own table's cells, `defaultPlanOptions` gives the options to start from.

use crate::{from_json, json, parse_lang, read_options};
use junheng::input;
use junheng::plan::{Plan, PlanOptions};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// The last plan and the text it was made for, which `applyPlan` writes it into.
struct LastPlan {
    text: String,
    mapping: input::Mapping,
    plan: Plan,
}

thread_local! {
    static LAST_PLAN: RefCell<Option<LastPlan>> = const { RefCell::new(None) };
}

/// What `plan` returns: the plan (the `junheng plan` contract), or why there is none.
#[derive(Serialize)]
struct Planned<'a> {
    plan: Option<&'a Plan>,
    errors: Vec<input::Problem>,
}

/// The rectification plan for the text: `{ plan }`, or `{ errors }` when the data (or the
/// margin, or a cost) is unusable. `plan_options` is `{ margin, costs, rotation, fixed }`.
#[wasm_bindgen]
pub fn plan(text: &str, options: &str, plan_options: &str) -> Result<String, JsError> {
    let options = read_options(options)?;
    let plan_options: PlanOptions = if plan_options.is_empty() { PlanOptions::default() } else { from_json("plan options", plan_options)? };
    match junheng::plan::plan_grid(&input::read_grid(text), &options, &plan_options) {
        Ok(plan) => {
            let answer = json(&Planned { plan: Some(&plan), errors: Vec::new() });
            LAST_PLAN.with_borrow_mut(|last| *last = Some(LastPlan { text: text.to_string(), mapping: options.mapping, plan }));
            Ok(answer)
        }
        Err(errors) => Ok(json(&Planned { plan: None, errors })),
    }
}

/// The last plan written into its own text's cells: `{ grid }` (as `readGrid` gives cells),
/// or `{ errors }`; `null` before any plan.
#[wasm_bindgen(js_name = applyPlan)]
pub fn apply_plan(lang: &str) -> String {
    #[derive(Serialize)]
    struct Applied {
        grid: input::Grid,
        errors: Vec<input::Problem>,
    }
    LAST_PLAN.with_borrow(|last| {
        let Some(LastPlan { text, mapping, plan }) = last else { return "null".to_string() };
        let applied = junheng::plan::apply(&input::read_grid(text), mapping, &plan.additions, &plan.transfers, parse_lang(lang));
        json(&match applied {
            Ok(grid) => Applied { grid, errors: Vec::new() },
            Err(errors) => Applied { grid: Vec::new(), errors },
        })
    })
}

/// The plan's default options (the margin, the unit costs in 元, no rotation, nothing
/// fixed): the page's form starts from the core's, as the CLI does.
#[wasm_bindgen(js_name = defaultPlanOptions)]
pub fn default_plan_options() -> String {
    json(&PlanOptions::default())
}
