//! The browser binding: plain JS values in and out (serde-wasm-bindgen), no core type
//! crosses as a class. User mistakes come back as `errors` in the result; a panic is a
//! bug, and the panic hook prints it to the console so that it is never silent.

use junheng::evaluation::{evaluate_text, Options};
use junheng::input;
use junheng::model::Lang;
use junheng::project::{self, Project};
use junheng::standards::Profile;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

/// Evaluates CSV/TSV text with everything the user answered.
#[wasm_bindgen]
pub fn evaluate(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    to_js(&evaluate_text(text, &read_options(options)?))
}

/// `{ standard, lang, profile, answers }`, each optional. A malformed one is a caller's bug.
fn read_options(options: JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("options: {e}")))
}

/// The text as rows of cells, each with the line it starts on: `[[line, [cells…]], …]`.
#[wasm_bindgen(js_name = readGrid)]
pub fn read_grid(text: &str) -> Result<JsValue, JsError> {
    to_js(&input::read_grid(text))
}

/// How many template columns the text's best header row names: which sheet is the table.
#[wasm_bindgen(js_name = templateColumns)]
pub fn template_columns(text: &str) -> usize {
    input::template_columns_in(&input::read_grid(text))
}

/// The header row of the CSV template, `"zh"` or `"en"`.
#[wasm_bindgen(js_name = templateHeader)]
pub fn template_header(lang: &str) -> String {
    input::template_header(parse_lang(lang))
}

/// The template's columns for menus: `[[key, label], …]`, the label in the given language.
#[wasm_bindgen(js_name = templateLabels)]
pub fn template_labels(lang: &str) -> Result<JsValue, JsError> {
    let lang = parse_lang(lang);
    let labels: Vec<(&str, &str)> = input::Column::ALL.iter().map(|c| (c.key(), c.label(lang))).collect();
    to_js(&labels)
}

/// The fixed lists the answer forms are drawn from: survey groups and the four aspects of
/// the government score (items.rs), so that the page never keeps its own copy.
#[wasm_bindgen(js_name = answerForm)]
pub fn answer_form() -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Form {
        survey_groups: Vec<&'static str>,
        aspects: Vec<&'static str>,
    }
    let form = Form {
        survey_groups: junheng::items::SURVEY_GROUPS.iter().map(|g| g.0).collect(),
        aspects: junheng::items::ASPECTS.iter().map(|a| a.0).collect(),
    };
    to_js(&form)
}

/// Each measure's rule in words ("≥ 95%", "< 0.15"), keyed "item.measure", from a profile:
/// the answer forms show the core's wording, never their own.
#[wasm_bindgen(js_name = measureRules)]
pub fn measure_rules(profile: JsValue, lang: &str) -> Result<JsValue, JsError> {
    let lang = parse_lang(lang);
    let profile: Profile = serde_wasm_bindgen::from_value(profile).map_err(|e| JsError::new(&format!("profile: {e}")))?;
    let q = &profile.quality2017;
    let rules: std::collections::BTreeMap<String, String> = q
        .guarantees
        .iter()
        .chain(&q.quality)
        .flat_map(|item| item.measures.iter().map(move |m| (format!("{}.{}", item.id, m.id), m.rule(lang))))
        .collect();
    to_js(&rules)
}

/// The national profile: every threshold, item list and point maximum, as a plain object.
#[wasm_bindgen(js_name = nationalProfile)]
pub fn national_profile() -> Result<JsValue, JsError> {
    to_js(&Profile::national())
}

/// The problems of a profile document (its shape, then its numbers); empty when usable.
#[wasm_bindgen(js_name = checkProfile)]
pub fn check_profile(value: JsValue, lang: &str) -> Result<JsValue, JsError> {
    let lang = parse_lang(lang);
    let problems = match serde_wasm_bindgen::from_value::<Profile>(value) {
        Ok(profile) => profile.validate(lang),
        Err(e) => vec![project::shape_problem("profile", e, lang)],
    };
    to_js(&problems)
}

/// What `openProject` returns: the project, or why it cannot be opened.
#[derive(Serialize)]
struct Opened {
    project: Option<Project>,
    errors: Vec<input::Problem>,
}

/// Reads a project document: `{ project }` when it can be used, `{ errors }` otherwise.
#[wasm_bindgen(js_name = openProject)]
pub fn open_project(value: JsValue, lang: &str) -> Result<JsValue, JsError> {
    let lang = parse_lang(lang);
    let header: project::Header = serde_wasm_bindgen::from_value(value.clone()).unwrap_or_default();
    let opened = project::check_header(&header, lang)
        .and_then(|()| serde_wasm_bindgen::from_value::<Project>(value).map_err(|e| project::shape_problem("project", e, lang)));
    to_js(&match opened {
        Ok(project) => Opened { project: Some(project), errors: Vec::new() },
        Err(problem) => Opened { project: None, errors: vec![problem] },
    })
}

/// A project document for saving: the same shape the CLI reads with --project.
#[wasm_bindgen(js_name = makeProject)]
pub fn make_project(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = read_options(options)?;
    to_js(&Project::new(text.to_string(), options))
}

fn parse_lang(lang: &str) -> Lang {
    if lang == "en" {
        Lang::En
    } else {
        Lang::Zh
    }
}
