//! The rules: the standards and their profile (every threshold and item list), the scope of
//! the evaluation, the items beside the table, the local allowances a profile may switch on,
//! and the profile in words.

pub(crate) mod allowances;
pub(crate) mod indoor;
pub mod items;
#[cfg(feature = "profiles")]
mod profile_check;
pub mod scope;
pub mod standards;
pub mod words;
