//! The project file: everything the user enters (school table, standard, profile, answers)
//! in one JSON document with a format version, shared by the page and the CLI.

use crate::args;
use crate::assessment::Answers;
use crate::diagnostics::{Code, Problem};
use crate::evaluation::Options;
use crate::input::Mapping;
use crate::model::Lang;
use crate::standards::{Profile, Standard};
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "junheng-project";
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Project {
    pub format: String,
    pub version: u32,
    pub standard: Standard,
    /// The school table as CSV or TSV text, exactly as typed or pasted.
    pub schools: String,
    pub profile: Profile,
    #[serde(default)]
    pub answers: Answers,
    /// Columns mapped by hand (file column index → template column key).
    #[serde(default)]
    pub mapping: Mapping,
    /// The options of the plan made for it, when one was: the plan is made again from them
    /// (it is deterministic), so that a later year's table can be checked against its lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub plan: Option<crate::plan::PlanOptions>,
}

/// The part of a project file read first, so that an unknown version gets a clear message
/// rather than a complaint about a missing field.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Header {
    #[serde(default)]
    pub format: String,
    #[serde(default)]
    pub version: u32,
}

impl Project {
    pub fn new(schools: String, options: Options) -> Project {
        let Options { standard, profile, answers, mapping, .. } = options;
        Project { format: FORMAT.into(), version: VERSION, standard, schools, profile, answers, mapping, plan: None }
    }

    pub fn options(&self, lang: Lang) -> Options {
        Options {
            standard: self.standard,
            lang,
            profile: self.profile.clone(),
            answers: self.answers.clone(),
            mapping: self.mapping.clone(),
        }
    }
}

/// Checks the format and version of a project file before it is read.
pub fn check_header(header: &Header, lang: Lang) -> Result<(), Problem> {
    let problem = if header.format != FORMAT {
        Problem::error(Code::NotAProject, args!["format" => FORMAT], lang)
    } else if header.version != VERSION {
        Problem::error(Code::UnknownVersion, args!["version" => f64::from(header.version), "expected" => f64::from(VERSION)], lang)
    } else {
        return Ok(());
    };
    Err(problem.in_column("version"))
}

/// A problem for a document that does not have the expected shape; `what` is "profile" or
/// "project".
pub fn shape_problem(what: &str, error: impl std::fmt::Display, lang: Lang) -> Problem {
    Problem::error(Code::Malformed, args!["what" => what, "error" => error.to_string()], lang)
}

/// Reads a project file's JSON text (the CLI and the tests; the page parses JSON itself).
pub fn read_json(text: &str, lang: Lang) -> Result<Project, Problem> {
    let what = "project";
    let header: Header = serde_json::from_str(text).map_err(|e| shape_problem(what, e, lang))?;
    check_header(&header, lang)?;
    serde_json::from_str(text).map_err(|e| shape_problem(what, e, lang))
}
