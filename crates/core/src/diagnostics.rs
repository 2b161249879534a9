//! Problems as data (model: rust-csv's `ErrorKind` with a position, typst's diagnostics):
//! each has a severity, a stable code, its place (the row of the user's file, the column as
//! the user wrote it) and its arguments. The text in each language is made from those in
//! one place, messages.rs; `message` carries it in the language asked for.

use crate::messages;
use crate::model::Lang;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The input cannot be evaluated until this is fixed.
    Error,
    /// Evaluated, but the user should look (a probable unit mistake, sums that disagree).
    Warning,
    /// What reading did (a title row skipped, dashes read as 0).
    Notice,
}

/// What a problem is. Stable: checks outside the project and the page match on these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    // Reading the table.
    NoData,
    HeaderOnly,
    TitleSkipped,
    TotalsSkipped,
    UnknownColumn,
    RepeatedColumn,
    UnknownUnit,
    MissingRequiredColumn,
    InvisibleRemoved,
    DashesAsZero,
    // One record.
    EmptyName,
    BadLevel,
    BadSchoolType,
    LevelNotAllowed,
    BadOwnership,
    NotANumber,
    Negative,
    TooLarge,
    StudentsBelowOne,
    StudentsNotPositive,
    StudentsEmpty,
    NameTooLong,
    // The whole table.
    MissingColumn,
    EmptyCell,
    SumMismatch,
    Duplicate,
    MoreThanAllTeachers,
    ProbableUnitMistake,
    // Mixed schools.
    SeniorMismatch,
    SeniorMissing,
    WholeSchoolTotalEmpty,
    TotalRepeated,
    // The result.
    OutOfRange,
    // Profiles.
    PointsSum,
    PointsRange,
    UnknownAspect,
    LimitNotPositive,
    ClassSizeNotPositive,
    StandardRange,
    MinMetTooLarge,
    FractionRange,
    WeightRange,
    ArtsRoomsRange,
    SchoolSizeRange,
    TeachingPointsRange,
    RateRange,
    MeasureRange,
    BadItemId,
    RepeatedItemId,
    InvisibleText,
    // Documents and files.
    NotAProject,
    UnknownVersion,
    Malformed,
    SpreadsheetUnreadable,
    NoSuchSheet,
    NotATable,
    OtherDocument,
    CellBeyondExcel,
    SheetTooLarge,
    Dtd,
    UnpackedTooLarge,
}

/// An argument of a problem: a text from the user's data or a number.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<f64> for Arg {
    fn from(value: f64) -> Arg {
        Arg::Number(value)
    }
}

impl From<usize> for Arg {
    fn from(value: usize) -> Arg {
        // Counts and row numbers are far below 2⁵³: exact as f64.
        Arg::Number(value as f64)
    }
}

impl std::fmt::Display for Arg {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Arg::Text(text) => f.write_str(text),
            Arg::Number(value) => write!(f, "{value}"),
        }
    }
}

pub type Args = BTreeMap<&'static str, Arg>;

/// An error, a warning or a notice about the input, a profile or a project file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    pub severity: Severity,
    pub code: Code,
    /// The line of the user's file (header = 1).
    pub row: Option<usize>,
    /// The column as the user wrote it (or a profile's field, a project's key).
    pub column: Option<String>,
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
