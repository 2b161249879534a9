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

/// What `openProject` returns: the project, or why it cannot be opened.
#[derive(Serialize)]
struct Opened {
    project: Option<Project>,
    errors: Vec<input::Problem>,
}

/// Reads a project document: `{ project }` when it can be used, `{ errors }` otherwise.
#[wasm_bindgen(js_name = openProject)]
pub fn open_project(value: &str, lang: &str) -> String {
    let lang = parse_lang(lang);
    let opened = project::read_json(value, lang);
    json(&match opened {
        Ok(project) => Opened { project: Some(project), errors: Vec::new() },
        Err(problem) => Opened { project: None, errors: vec![problem] },
    })
}

/// A project document for saving: the same shape the CLI reads with --project.
#[wasm_bindgen(js_name = makeProject)]
pub fn make_project(text: &str, options: &str) -> Result<String, JsError> {
    Ok(json(&Project::new(text.to_string(), read_options(options)?)))
}
