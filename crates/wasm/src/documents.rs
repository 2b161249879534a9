//! Documents and files for the browser, in the second module (none is needed on a first
//! visit): profile and project files checked, read and made, and a file's text checked
//! before it is held.

use crate::{json, parse_lang, read_options};
use junheng::input;
use junheng::project::{self, Project};
use junheng::standards::Profile;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// What a file's text is before it is opened: `{ problem }`, why it cannot be a table (a
/// record wider than any school table, a cell longer than any: a quote never closed),
/// checked before anything is held; else `{ empty }`, whether no cell holds anything.
#[wasm_bindgen(js_name = tableCheck)]
pub fn table_check(text: &str, lang: &str) -> String {
    #[derive(Serialize)]
    struct Check {
        problem: Option<input::Problem>,
        empty: bool,
    }
    json(&match input::check_shape(text, parse_lang(lang)) {
        Err(problem) => Check { problem: Some(problem), empty: false },
        Ok(()) => Check { problem: None, empty: input::read_grid(text).is_empty() },
    })
}

/// The problems of a profile document (its shape, then its numbers); empty when usable.
#[wasm_bindgen(js_name = checkProfile)]
pub fn check_profile(value: &str, lang: &str) -> String {
    let lang = parse_lang(lang);
    let problems = match serde_json::from_str::<Profile>(value) {
        Ok(profile) => profile.validate(lang),
        Err(e) => vec![project::shape_problem("profile", e, lang)],
    };
    json(&problems)
}

/// What `openProject` returns: the project, or why it cannot be opened; and whether its
/// profile is exactly the national one (the page then keeps none of its own, and the first
/// module can evaluate the data).
#[derive(Serialize)]
struct Opened {
    project: Option<Project>,
    errors: Vec<input::Problem>,
    national: bool,
}

/// Reads a project document: `{ project }` when it can be used, `{ errors }` otherwise.
#[wasm_bindgen(js_name = openProject)]
pub fn open_project(value: &str, lang: &str) -> String {
    let lang = parse_lang(lang);
    let opened = project::read_json(value, lang);
    json(&match opened {
        Ok(project) => Opened { national: project.profile.is_national(), project: Some(project), errors: Vec::new() },
        Err(problem) => Opened { project: None, errors: vec![problem], national: false },
    })
}

/// A project document for saving: the same shape the CLI reads with --project.
#[wasm_bindgen(js_name = makeProject)]
pub fn make_project(text: &str, options: &str) -> Result<String, JsError> {
    Ok(json(&Project::new(text.to_string(), read_options(options)?)))
}

/// What `compareYears` returns: the comparison, or why there is none.
#[derive(Serialize)]
struct Compared {
    comparison: Option<junheng::compare::Comparison>,
    errors: Vec<input::Problem>,
}

/// Two years compared (the page's 对比往年数据): the earlier year's file (a table's text, or
/// a project document) against the data as it is now, under the page's options (its
/// standard, profile and answers: the later year's).
#[wasm_bindgen(js_name = compareYears)]
pub fn compare_years(before: &str, before_is_project: bool, now: &str, options: &str) -> Result<String, JsError> {
    use junheng::compare::{compare_given, Given};
    let options = read_options(options)?;
    let refused = |errors| json(&Compared { comparison: None, errors });
    let earlier = if before_is_project {
        match project::read_json(before, options.lang) {
            Ok(project) => Given { grid: input::read_grid(&project.schools), project: Some(project) },
            Err(problem) => return Ok(refused(vec![problem])),
        }
    } else {
        Given { grid: input::read_grid(before), project: None }
    };
    let later = Given { grid: input::read_grid(now), project: Some(Project::new(now.to_string(), options.clone())) };
    Ok(match compare_given(&earlier, &later, &options, true) {
        Ok(comparison) => json(&Compared { comparison: Some(comparison), errors: Vec::new() }),
        Err(errors) => refused(errors),
    })
}
