//! What a problem is and what it is about: its severity, its stable code and its arguments.
//! The vocabulary shared by diagnostics.rs (the problems) and messages.rs (their texts).

use serde::{Serialize, Serializer};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
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
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum Code {
    // Reading the table.
    NoData,
    /// A record wider than any school table (the wrong file, or the wrong separator).
    TooManyColumns,
    /// A cell longer than any school table's (an unclosed quote runs to the end of the file).
    CellTooLong,
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
    BadLocality,
    BadAffiliation,
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
    /// An attached class (附设班) without its host school's row.
    AttachedWithoutHost,
    /// 室内体育用房面积 above the 教学及辅助用房面积 that includes it.
    IndoorAboveTeaching,
    /// Indoor sports rooms moved to the sports area (a notice).
    IndoorSportsMoved,
    /// A province file: how many counties, each evaluated on its own (a notice).
    ProvinceCounties,
    /// Rows with mistakes: the others are evaluated, every verdict withheld until they are fixed.
    VerdictWithheld,
    /// Small rural schools' travelling PE and art teachers counted with their own (a notice).
    TravellingTeachersCounted,
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
    AllowanceRange,
    TeachingPointsRange,
    RateRange,
    MeasureRange,
    BadItemId,
    RepeatedItemId,
    TooManyItems,
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
    // Answers.
    PointsOutOfRange,
    SurveyCounts,
    AnswerOutOfRange,
    // The rectification plan's costs.
    CostNotNumber,
    UnknownCost,
    MarginRange,
    PlanFixedFails,
    PlanUnreachable,
    PlanNotReached,
    // The step-by-step view.
    NothingToExplain,
    // Two years compared.
    /// The two years' projects had different standards or profiles: both are evaluated
    /// under the one chosen.
    YearsDiffer,
}

/// An argument of a problem: a text from the user's data or a number.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
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
            Arg::Number(value) => f.write_str(&crate::numbers::plain(*value)),
        }
    }
}

/// A problem's arguments by name, written as a JSON object in the names' order. A problem
/// has a few: a vector kept in order, not a B-tree map (whose code for this one key and
/// value type was ≈ 2 KB of the first wasm module).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Args(Vec<(&'static str, Arg)>);

impl Args {
    pub fn new() -> Args {
        Args::default()
    }

    /// Sets `name`'s argument, replacing one of the same name.
    pub fn insert(&mut self, name: &'static str, arg: Arg) {
        match self.0.binary_search_by(|(n, _)| n.cmp(&name)) {
            Ok(at) => self.0[at].1 = arg,
            Err(at) => self.0.insert(at, (name, arg)),
        }
    }

    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, arg)| arg)
    }

    pub fn values(&self) -> impl Iterator<Item = &Arg> {
        self.0.iter().map(|(_, arg)| arg)
    }
}

impl Serialize for Args {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(name, arg)| (name, arg)))
    }
}

#[cfg(test)]
mod tests {
    use super::{Arg, Args};

    #[test]
    fn arguments_are_written_by_name_in_order_and_a_name_set_again_replaces() {
        let args = crate::args!["count" => 2usize, "column" => "在校生数", "count" => 3usize];
        assert_eq!(serde_json::to_string(&args).unwrap(), r#"{"column":"在校生数","count":3.0}"#);
        assert_eq!(args.get("count"), Some(&Arg::Number(3.0)));
        assert_eq!(args.get("row"), None);
        assert_eq!(args.values().count(), 2);
        assert_eq!(Args::new(), crate::args![]);
    }
}
