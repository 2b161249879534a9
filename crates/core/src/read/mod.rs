//! Reading the table: text to cells, the header row(s) to columns, rows to schools, the
//! template, the checks over a whole table, and the project document.

pub(crate) mod cells;
pub(crate) mod checks;
pub(crate) mod header;
pub mod input;
pub mod options;
pub mod project;
pub(crate) mod record;
pub(crate) mod rows;
pub(crate) mod table;
pub(crate) mod template;
