//! junheng (均衡): the county compulsory-education balance calculator.
//!
//! A pure-Rust core (no I/O, no clock, no randomness) that reads a county's school table
//! and evaluates it against the national standards of SPEC.md. The file readers
//! (`junheng-files`), the CLI (`junheng-cli`) and the wasm binding (`junheng-wasm`) are thin
//! crates over it.

#![forbid(unsafe_code)]

/// Text in English (as `format!`), made only in builds that write English (the feature `en`):
/// the others have none of its words, and the arguments only it reads go unused there.
macro_rules! en {
    ($($format:tt)*) => {{
        #[cfg(feature = "en")]
        let text = format!($($format)*);
        #[cfg(not(feature = "en"))]
        let text = String::new();
        text
    }};
}

/// An English literal of the core's own data (the national profile's items), or "" in builds
/// without English, which then hold none of it: the page takes those words from
/// www/profiles/national.json, never from a first module for 简体中文.
macro_rules! english {
    ($text:literal) => {{
        #[cfg(feature = "en")]
        let text = $text;
        #[cfg(not(feature = "en"))]
        let text = "";
        text
    }};
}

// The modules in four groups (and the plan), each re-exported here under its own name, so
// that `junheng::input` and `crate::input` name the same module wherever it lives.
mod evaluate;
pub mod model;
pub mod plan;
mod read;
mod rules;
mod text;

pub use evaluate::{assessment, compare, evaluation, explain, indicators, keyed, province, resources, statistics};
use read::{cells, checks, header, record, rows, table, template};
pub use read::{input, options, project};
use rules::{allowances, indoor};
pub use rules::{items, scope, standards, words};
#[cfg(feature = "hant")]
use text::hant_table;
use text::{codes, messages};
pub use text::{diagnostics, hant, numbers};

pub use evaluation::{evaluate_table, evaluate_text, Evaluation, Options};
pub use model::{Lang, Level};
pub use standards::{Profile, Standard};
