//! junheng (均衡): the county compulsory-education balance calculator.
//!
//! A pure-Rust core (no I/O, no clock, no randomness) that reads a county's school table
//! and evaluates it against the national standards of SPEC.md. The file readers
//! (`junheng-files`), the CLI (`junheng-cli`) and the wasm binding (`junheng-wasm`) are thin
//! crates over it.

#![forbid(unsafe_code)]

mod allowances;
pub mod assessment;
mod cells;
mod checks;
mod codes;
pub mod diagnostics;
pub mod evaluation;
pub mod explain;
pub mod hant;
mod hant_table;
mod header;
pub mod indicators;
mod indoor;
pub mod input;
pub mod items;
mod messages;
pub mod model;
mod numbers;
pub mod plan;
pub mod project;
pub mod province;
pub mod resources;
mod rows;
pub mod scope;
pub mod standards;
pub mod statistics;
mod table;
mod template;

pub use evaluation::{evaluate_table, evaluate_text, Evaluation, Options};
pub use model::{Lang, Level};
pub use standards::{Profile, Standard};
