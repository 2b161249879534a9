//! The rules: the standards and their profile (every threshold and item list), the scope of
//! the evaluation, the items beside the table, and the local allowances a profile may
//! switch on.

pub(crate) mod allowances;
pub(crate) mod indoor;
pub mod items;
pub mod scope;
pub mod standards;
