//! Problems with the input, a profile or a project file: where they are (the row of the
//! user's file, the column as the user wrote it) and what is wrong, in the user's language.

use crate::model::Lang;
use serde::Serialize;

/// An error or a warning about the input. `row` is the line of the user's file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    pub row: Option<usize>,
    pub column: Option<String>,
    pub message: String,
}

impl Problem {
    pub(crate) fn at(row: usize, column: &str, message: String) -> Problem {
        Problem { row: Some(row), column: Some(column.to_string()), message }
    }

    pub(crate) fn column(column: &str, message: String) -> Problem {
        Problem { row: None, column: Some(column.to_string()), message }
    }

    pub(crate) fn general(message: String) -> Problem {
        Problem { row: None, column: None, message }
    }

    /// One line for a terminal or a log: "第3行「在校生数」：…".
    pub fn describe(&self, lang: Lang) -> String {
        let place = match (self.row, &self.column, lang) {
            (Some(r), Some(c), Lang::Zh) => format!("第{r}行「{c}」："),
            (Some(r), None, Lang::Zh) => format!("第{r}行："),
            (None, Some(c), Lang::Zh) => format!("「{c}」列："),
            (Some(r), Some(c), Lang::En) => format!("row {r}, column \"{c}\": "),
            (Some(r), None, Lang::En) => format!("row {r}: "),
            (None, Some(c), Lang::En) => format!("column \"{c}\": "),
            (None, None, _) => String::new(),
        };
        format!("{place}{}", self.message)
    }
}
