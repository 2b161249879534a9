//! junheng (均衡): the county compulsory-education balance calculator.
//!
//! A pure-Rust core (no I/O, no clock, no randomness) that reads a county's school table
//! and evaluates it against the national standards of SPEC.md. The CLI (`main.rs`) and the
//! wasm binding (`wasm.rs`) are thin layers over it.

pub mod assessment;
pub mod evaluation;
#[cfg(not(target_arch = "wasm32"))]
pub mod files;
pub mod indicators;
pub mod input;
pub mod items;
pub mod model;
pub mod project;
pub mod scope;
pub mod standards;
pub mod statistics;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use evaluation::{evaluate_table, evaluate_text, Evaluation, Options};
pub use model::{Lang, Level};
pub use standards::{Profile, Standard};
