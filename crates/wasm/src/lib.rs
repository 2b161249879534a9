//! The browser binding: JSON text in and out, parsed on the JS side by `JSON.parse` (faster
//! than building objects from Rust, and without serde-wasm-bindgen's code, measured in
//! docs/PERFORMANCE.md). No core type crosses as a class. User mistakes come back as
//! `errors` in the result; a panic is a bug: the shipped modules abort at once (the worker
//! reports the trap), and the test builds print it to the console (the panic hook).
//!
//! A county's result is small but its schools are not: `evaluateSummary` returns the result
//! without them and keeps them here, and `schools` hands out the rows the page shows.

use junheng::evaluation::{evaluate_text, province_table, Evaluation, Lengths, Options};
use junheng::input;
use junheng::model::{Lang, Level};
use junheng::resources::SchoolResult;
use junheng::standards::Profile;
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

// What is asked for only sometimes — the rectification plan, the step-by-step view, project
// and profile files, a workbook's sheets — is a
// second build (`--features extra`, www/pkg/junheng-extra.js) that the page loads the first
// time one is asked for, so that it costs nothing on first load.
#[cfg(feature = "extra")]
pub mod documents;
#[cfg(feature = "extra")]
mod explaining;
#[cfg(feature = "extra")]
mod planning;

// Only in the test builds: the shipped modules' panics abort at once (build.sh), and the
// hook's formatting would cost the first load bytes that never run.
#[cfg(debug_assertions)]
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

pub(crate) fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("the core's types serialise")
}

/// A caller's JSON read, or a caller's bug said by its kind and place (the page's worker is
/// the caller: users' files have their own readers and messages). `serde_json`'s own wording
/// is 1.3 KB gzipped; the first module reads its options without serde (`read_options`).
#[cfg(feature = "extra")]
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> Result<T, JsError> {
    serde_json::from_str(text).map_err(|e| JsError::new(&format!("{what}: {:?} at line {} column {}", e.classify(), e.line(), e.column())))
}

/// `{ standard, lang, profile, answers, mapping }` as JSON, each optional (no profile: the
/// national one). A malformed one is a caller's bug.
#[cfg(feature = "extra")]
pub(crate) fn read_options(options: &str) -> Result<Options, JsError> {
    if options.is_empty() {
        return Ok(Options::default());
    }
    from_json("options", options)
}

/// The first module reads only `{ standard, lang, answers }`: a profile of the user's or a
/// column mapped by hand is evaluated by the second (the worker routes it there), so that the
/// first load carries no reader for a profile's thresholds and item lists (docs/PERFORMANCE.md).
/// Any other field is a caller's bug, refused rather than ignored. They are read without
/// serde's machinery (`junheng::options`), the standard and the language by their ids.
#[cfg(not(feature = "extra"))]
pub(crate) fn read_options(options: &str) -> Result<Options, JsError> {
    use junheng::options::{read_first_options, FirstOptions};
    use junheng::standards::Standard;
    let FirstOptions { standard, lang, answers } =
        if options.is_empty() { FirstOptions::default() } else { read_first_options(options).map_err(|e| JsError::new(&e))? };
    let unknown = |what: &str| JsError::new(&format!("options: unknown {what}"));
    let standard = standard.map_or(Some(Standard::default()), |id| Standard::parse(&id)).ok_or_else(|| unknown("standard"))?;
    let lang = lang.map_or(Some(Lang::default()), |id| Lang::parse(&id)).ok_or_else(|| unknown("lang"))?;
    Ok(Options { standard, lang, answers, ..Options::default() })
}

/// Evaluates CSV/TSV text with everything the user answered: the whole result contract.
#[wasm_bindgen]
pub fn evaluate(text: &str, options: &str) -> Result<String, JsError> {
    Ok(json(&evaluate_text(text, &read_options(options)?)))
}

/// The last `evaluateSummary`'s whole result, the county of a province file in view (none:
/// the province's summary, or a county's own file), and where each level's schools are in
/// the result in view, for `schools` to hand out a window at a time.
struct Last {
    whole: Evaluation,
    view: Option<usize>,
    by_level: [Vec<usize>; 2],
}

impl Last {
    /// The result in view: a province's county, or the whole.
    fn shown(&self) -> &Evaluation {
        self.view.and_then(|i| self.whole.counties.as_ref()?.get(i)).unwrap_or(&self.whole)
    }

    /// Views `county` (by name; "" or a name the file lacks: the whole) and gives its
    /// summary: the result without schools, and for a province file every county's summary
    /// rows (`province`) and the county in view (`county`).
    fn view(&mut self, county: &str) -> String {
        let counties = self.whole.counties.as_ref();
        self.view = counties.and_then(|list| list.iter().position(|c| c.county.as_deref() == Some(county)));
        let mut by_level = [Vec::new(), Vec::new()];
        for (i, school) in self.shown().schools.iter().enumerate() {
            by_level[usize::from(school.level == Level::Junior)].push(i);
        }
        self.by_level = by_level;
        // The counties are kept aside while the one in view (or the head) is written, with
        // every county's row when the file is a province's.
        let mut counties = self.whole.counties.take();
        // Only the second module evaluates a province (the worker routes it there): the
        // first has no counties, and leaves the table's code out.
        let (rows, failing) = if cfg!(feature = "extra") { counties.as_deref().map(province_table).unzip() } else { (None, None) };
        let shown = match (self.view, counties.as_mut()) {
            (Some(i), Some(list)) => &mut list[i],
            _ => &mut self.whole,
        };
        (shown.province, shown.province_failing) = (rows, failing);
        let text = summary_json(shown);
        (shown.province, shown.province_failing) = (None, None);
        self.whole.counties = counties;
        text
    }
}

thread_local! {
    static LAST: RefCell<Option<Last>> = const { RefCell::new(None) };
}

/// The result without its schools, which stay here until the next call: `schools(level,
/// from, to)` gives them out (each level's count is its `schools` in the result), and
/// `lastResult` the whole of it. Each indicator carries its first ten contributions. A
/// province file's summary is `county`'s (by name), or with "" the province's rows alone.
#[wasm_bindgen(js_name = evaluateSummary)]
pub fn evaluate_summary(text: &str, options: &str, county: &str) -> Result<String, JsError> {
    let whole = evaluate_text(text, &read_options(options)?);
    Ok(LAST.with_borrow_mut(|last| last.insert(Last { whole, view: None, by_level: [Vec::new(), Vec::new()] }).view(county)))
}

/// Views another county of the last province file (by name; "": the province's rows alone)
/// without evaluating again: its summary, as `evaluateSummary` gives it; `null` before any.
/// Only in the second module, which alone evaluates a province's file.
#[cfg(feature = "extra")]
#[wasm_bindgen(js_name = pickCounty)]
pub fn pick_county(county: &str) -> String {
    LAST.with_borrow_mut(|last| last.as_mut().map_or_else(|| "null".to_string(), |l| l.view(county)))
}

/// Each indicator's schools ranked by their share of its variance that the summary carries;
/// all of them stay for `lastResult` (a province has one per school and indicator).
const CONTRIBUTIONS_SHOWN: usize = 10;
/// The excluded schools and the split schools the summary carries (the page lists a hundred
/// of each and says how many more): 200 000 rows have 14 000 splits, 11 MB of JSON.
const LISTED: usize = 100;

/// The result as JSON without its schools, with only the first `CONTRIBUTIONS_SHOWN`
/// contributions of each indicator and the first `LISTED` excluded and split schools (their
/// `lengths` said); `whole` is given back as it came.
fn summary_json(whole: &mut Evaluation) -> String {
    let schools = std::mem::take(&mut whole.schools);
    let tails: Vec<_> = indicators(whole).map(|i| i.contributions.split_off(CONTRIBUTIONS_SHOWN.min(i.contributions.len()))).collect();
    whole.lengths = Some(Lengths { excluded: whole.excluded.len(), splits: whole.splits.len() });
    let excluded = whole.excluded.split_off(LISTED.min(whole.excluded.len()));
    let splits = whole.splits.split_off(LISTED.min(whole.splits.len()));
    let text = json(whole);
    for (indicator, tail) in indicators(whole).zip(tails) {
        indicator.contributions.extend(tail);
    }
    whole.excluded.extend(excluded);
    whole.splits.extend(splits);
    (whole.schools, whole.lengths) = (schools, None);
    text
}

fn indicators(whole: &mut Evaluation) -> impl Iterator<Item = &mut junheng::resources::IndicatorResult> {
    whole.levels.values_mut().flat_map(|l| l.indicators.iter_mut())
}

/// The schools `from..to` of a level ("primary" or "junior") of the last summary, as JSON.
#[wasm_bindgen]
pub fn schools(level: &str, from: usize, to: usize) -> String {
    let index = usize::from(level == Level::Junior.key());
    LAST.with_borrow(|last| {
        let Some(kept) = last else { return json(&[] as &[SchoolResult]) };
        let (order, schools) = (&kept.by_level[index], &kept.shown().schools);
        let to = to.min(order.len());
        json(&order[from.min(to)..to].iter().map(|&i| &schools[i]).collect::<Vec<_>>())
    })
}

/// The whole result contract of the last `evaluateSummary` (what `evaluate` would have
/// returned), or `null` before any: for the embedding page's `result` event, asked only when
/// someone takes it.
#[wasm_bindgen(js_name = lastResult)]
pub fn last_result() -> String {
    LAST.with_borrow(|last| last.as_ref().map_or_else(|| "null".to_string(), |l| json(&l.whole)))
}

/// The text as rows of cells, each with the line it starts on: `[[line, [cells…]], …]`;
/// none for a text that is not a table's shape (`tableProblem` says why), so that nothing
/// of it is held or drawn.
#[wasm_bindgen(js_name = readGrid)]
pub fn read_grid(text: &str) -> String {
    if input::check_shape(text, Lang::Zh).is_err() {
        return "[]".to_string();
    }
    json(&input::read_grid(text))
}

/// Whether the text is a province's file (a county column): the first module evaluates one
/// county's file, the second (`--features extra`) a province's county by county. Only the
/// first lines are read: the header is among them. Asked of the first module only, which
/// has no columns mapped by hand (those go to the second whatever the file).
#[wasm_bindgen(js_name = hasCountyColumn)]
pub fn has_county_column(text: &str, lang: &str) -> bool {
    const HEAD_LINES: usize = 16;
    let head = text.match_indices('\n').nth(HEAD_LINES).map_or(text, |(at, _)| &text[..at]);
    let lang = parse_lang(lang);
    input::check_shape(head, lang).is_ok() && junheng::province::has_county_column(&input::read_grid(head), &input::Mapping::new(), lang)
}

/// The header row of the CSV template, `"zh"` or `"en"`.
#[wasm_bindgen(js_name = templateHeader)]
pub fn template_header(lang: &str) -> String {
    input::template_header(parse_lang(lang))
}

/// The template's columns for menus: `[[key, label], …]`, the label in the given language.
#[wasm_bindgen(js_name = templateLabels)]
pub fn template_labels(lang: &str) -> String {
    let lang = parse_lang(lang);
    let labels: Vec<(&str, &str)> = input::Column::ALL.iter().map(|c| (c.key(), c.label(lang))).collect();
    json(&labels)
}

/// The fixed lists the answer forms are drawn from: survey groups and the four aspects of
/// the government score (items.rs), so that the page never keeps its own copy.
#[wasm_bindgen(js_name = answerForm)]
pub fn answer_form() -> String {
    #[derive(Serialize)]
    struct Form {
        survey_groups: Vec<&'static str>,
        aspects: Vec<&'static str>,
    }
    json(&Form {
        survey_groups: junheng::items::SURVEY_GROUPS.iter().map(|g| g.0).collect(),
        aspects: junheng::items::ASPECTS.iter().map(|a| a.0).collect(),
    })
}

/// A profile's words in a language (`junheng::words`): each standard's rule in one sentence,
/// each measure's rule, each item's, measure's and veto's text; the page shows the core's
/// wording, never its own.
#[wasm_bindgen(js_name = measureRules)]
pub fn measure_rules(profile: &str, lang: &str) -> Result<String, JsError> {
    let profile = if profile.is_empty() { Profile::national() } else { read_profile(profile)? };
    Ok(json(&junheng::words::profile_words(&profile, parse_lang(lang))))
}

/// A profile of the user's: the second module's (see `read_options`). The page sends only
/// profiles that passed `checkProfile`, which refuses more items than `MAX_IDS`: one with
/// more is a bug here, not keyed into words one insert at a time.
#[cfg(feature = "extra")]
fn read_profile(profile: &str) -> Result<Profile, JsError> {
    let profile: Profile = from_json("profile", profile)?;
    if profile.item_count() > junheng::keyed::MAX_IDS {
        return Err(JsError::new("profile: more items than a profile can have (checkProfile refuses it)"));
    }
    Ok(profile)
}

#[cfg(not(feature = "extra"))]
fn read_profile(_: &str) -> Result<Profile, JsError> {
    Err(JsError::new("profile: the first module knows only the national profile"))
}

pub(crate) fn parse_lang(lang: &str) -> Lang {
    Lang::parse(lang).unwrap_or_default()
}
