//! The schools read from a table, with the columns it had and how it was read.

use crate::diagnostics::Problem;
use crate::header::Review;
use crate::model::{Lang, SchoolRow};
use crate::template::{column_label, Column};
use std::collections::HashMap;

/// The schools read from a table, with the columns it had.
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub rows: Vec<SchoolRow>,
    /// The header text of each template column present, as the user wrote it.
    pub headers: HashMap<Column, String>,
    pub warnings: Vec<Problem>,
    pub review: Review,
}

impl Table {
    pub fn has(&self, column: Column) -> bool {
        self.headers.contains_key(&column)
    }

    /// The column's name as the user wrote it, or the template's name.
    pub fn label(&self, column: Column, lang: Lang) -> String {
        column_label(&self.headers, column, lang)
    }

    /// The table's columns, notes and review without its rows: for a table of other rows
    /// read the same way (a plan's).
    #[must_use]
    pub fn clone_without_rows(&self) -> Table {
        Table { rows: Vec::new(), headers: self.headers.clone(), warnings: self.warnings.clone(), review: self.review.clone() }
    }
}
