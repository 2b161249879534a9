//! Texts made at the edge: problems as data (severity, code, place, arguments), their words
//! in each language, numbers in sentences, and 繁體中文 made from the Simplified.

pub(crate) mod codes;
pub mod diagnostics;
pub mod hant;
#[cfg(feature = "hant")]
pub(crate) mod hant_table;
pub(crate) mod messages;
pub mod numbers;
