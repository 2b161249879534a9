//! Problems as data (model: rust-csv's `ErrorKind` with a position, typst's diagnostics):
//! each has a severity, a stable code, its place (the row of the user's file, the column as
//! the user wrote it) and its arguments. The text in each language is made from those in
//! one place, messages.rs; `message` carries it in the language asked for.

use crate::messages;
use crate::model::Lang;
use serde::Serialize;

pub use crate::codes::{Arg, Args, Code, Severity};

/// An error, a warning or a notice about the input, a profile or a project file.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Problem {
    pub severity: Severity,
    pub code: Code,
    /// The line of the user's file (header = 1).
    pub row: Option<usize>,
    /// The column as the user wrote it (or a profile's field, a project's key).
    pub column: Option<String>,
    #[cfg_attr(feature = "typescript", ts(as = "std::collections::BTreeMap<String, Arg>"))]
    pub args: Args,
    /// The text, made from the code and arguments in the language asked for.
    pub message: String,
}

impl Problem {
    /// A problem of `code`; `args` name what it is about. Its text is made in `lang`.
    pub fn new(severity: Severity, code: Code, args: Args, lang: Lang) -> Problem {
        let message = messages::text(code, &args, lang);
        Problem { severity, code, row: None, column: None, args, message }
    }

    pub fn error(code: Code, args: Args, lang: Lang) -> Problem {
        Problem::new(Severity::Error, code, args, lang)
    }

    pub fn warning(code: Code, args: Args, lang: Lang) -> Problem {
        Problem::new(Severity::Warning, code, args, lang)
    }

    pub fn notice(code: Code, args: Args, lang: Lang) -> Problem {
        Problem::new(Severity::Notice, code, args, lang)
    }

    #[must_use]
    pub fn at_row(mut self, row: usize) -> Problem {
        self.row = Some(row);
        self
    }

    #[must_use]
    pub fn in_column(mut self, column: impl Into<String>) -> Problem {
        self.column = Some(column.into());
        self
    }

    /// One line for a terminal or a log: "第3行「在校生数」：…" (第, 行 and 列 read the same in
    /// both scripts, and the column is as the user wrote it).
    pub fn describe(&self, lang: Lang) -> String {
        let place = match (self.row, &self.column, lang) {
            (Some(r), Some(c), Lang::Zh | Lang::ZhHant) => format!("第{r}行「{c}」："),
            (Some(r), None, Lang::Zh | Lang::ZhHant) => format!("第{r}行："),
            (None, Some(c), Lang::Zh | Lang::ZhHant) => format!("「{c}」列："),
            #[cfg(feature = "en")]
            (Some(r), Some(c), Lang::En) => format!("row {r}, column \"{c}\": "),
            #[cfg(feature = "en")]
            (Some(r), None, Lang::En) => format!("row {r}: "),
            #[cfg(feature = "en")]
            (None, Some(c), Lang::En) => format!("column \"{c}\": "),
            (None, None, _) => String::new(),
        };
        format!("{place}{}", self.message)
    }
}

/// Arguments from `name => value` pairs: `args!["text" => cell, "count" => 3usize]`.
#[macro_export]
macro_rules! args {
    () => { $crate::diagnostics::Args::new() };
    ($($name:literal => $value:expr),+ $(,)?) => {{
        let mut args = $crate::diagnostics::Args::new();
        $(args.insert($name, $crate::diagnostics::Arg::from($value));)+
        args
    }};
}
