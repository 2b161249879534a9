//! junheng (均衡): the county compulsory-education balance calculator.
//!
//! A pure-Rust core (no I/O, no clock, no randomness) that reads a county's school table
//! and evaluates it against the national standards of SPEC.md. The file readers
//! (`junheng-files`), the CLI (`junheng-cli`) and the wasm binding (`junheng-wasm`) are thin
//! crates over it.

#![forbid(unsafe_code)]

// The modules in four groups (and the plan), each re-exported here under its own name, so
// that `junheng::input` and `crate::input` name the same module wherever it lives.
mod evaluate;
pub mod model;
pub mod plan;
mod read;
mod rules;
mod text;

pub use evaluate::{assessment, compare, evaluation, explain, indicators, keyed, province, resources, statistics};
use read::{cells, checks, header, rows, table, template};
pub use read::{input, project};
use rules::{allowances, indoor};
pub use rules::{items, scope, standards, words};
use text::{codes, hant_table, messages};
pub use text::{diagnostics, hant, numbers};

pub use evaluation::{evaluate_table, evaluate_text, Evaluation, Options};
pub use model::{Lang, Level};
pub use standards::{Profile, Standard};
