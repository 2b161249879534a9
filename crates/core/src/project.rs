//! The project file: everything the user enters (school table, standard, profile, answers)
//! in one JSON document with a format version, shared by the page and the CLI.

use crate::assessment::Answers;
use crate::evaluation::Options;
use crate::input::{Mapping, Problem};
use crate::model::Lang;
use crate::standards::{Profile, Standard};
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "junheng-project";
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
        Project { format: FORMAT.into(), version: VERSION, standard, schools, profile, answers, mapping }
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
    let message = if header.format != FORMAT {
        match lang {
            Lang::Zh => format!("这不是均衡计算器的项目文件（format 应为 \"{FORMAT}\"）"),
            Lang::En => format!("this is not a junheng project file (format should be \"{FORMAT}\")"),
        }
    } else if header.version != VERSION {
        match lang {
            Lang::Zh => format!("项目文件版本 {} 无法识别：本计算器读取版本 {VERSION}", header.version),
            Lang::En => format!("unknown project file version {}: this calculator reads version {VERSION}", header.version),
        }
    } else {
        return Ok(());
    };
    Err(Problem { row: None, column: Some("version".into()), message })
}

/// A problem for a document that does not have the expected shape.
pub fn shape_problem(what: &str, error: impl std::fmt::Display, lang: Lang) -> Problem {
    let message = match lang {
        Lang::Zh => format!("{what}格式不正确：{error}"),
        Lang::En => format!("the {what} is malformed: {error}"),
    };
    Problem { row: None, column: None, message }
}

/// Reads a project file's JSON text (the CLI and the tests; the page parses JSON itself).
pub fn read_json(text: &str, lang: Lang) -> Result<Project, Problem> {
    let what = lang.pick("项目文件", "project file");
    let header: Header = serde_json::from_str(text).map_err(|e| shape_problem(what, e, lang))?;
    check_header(&header, lang)?;
    serde_json::from_str(text).map_err(|e| shape_problem(what, e, lang))
}
