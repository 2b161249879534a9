//! The command line's words (lexopt): a subcommand and its options, or help and version.

use junheng::{Lang, Options, Standard};
use lexopt::prelude::*;

pub const USAGE: &str =
    "usage: junheng evaluate [--standard basic2012|quality2017] [--format json|text] [--lang zh|zh-Hant|en] [--sheet NAME]
                        [--county NAME] FILE|-
       junheng evaluate --project PROJECT.json [--format json|text] [--lang zh|zh-Hant|en]
       junheng plan [--standard S] [--margin M] [--costs COSTS.json] [--rotation] [--fixed ROW,ROW…]
                    [--format json|text] [--lang zh|zh-Hant|en] [--sheet NAME] FILE|-
       junheng compare [--standard S] [--format json|text] [--lang zh|zh-Hant|en] BEFORE AFTER
       junheng profile
       junheng --help | --version";

#[derive(PartialEq)]
pub enum Format {
    Json,
    Text,
}

/// What `evaluate` and `plan` share: the input and how to read, judge and write it.
pub struct Args {
    pub options: Options,
    pub format: Format,
    pub file: String,
    pub project: bool,
    pub sheet: Option<String>,
    /// A province file's one county to show in full (the summary of all without it).
    pub county: Option<String>,
}

/// What only `plan` takes.
#[derive(Default)]
pub struct PlanArgs {
    pub margin: Option<f64>,
    pub costs: Option<String>,
    pub rotation: bool,
    pub fixed: Vec<usize>,
}

/// What `compare` takes: two years' files (tables or project files), and the options; the
/// standard only when asked for (else a project's).
pub struct CompareArgs {
    pub options: Options,
    pub standard: bool,
    pub format: Format,
    pub before: String,
    pub after: String,
}

/// What the command line asks for.
pub enum Command {
    Evaluate(Box<Args>),
    Plan(Box<Args>, PlanArgs),
    Compare(Box<CompareArgs>),
    Profile,
    Help,
    Version,
}

/// The command, or a usage error (its text ends with the usage).
pub fn parse(words: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Command, String> {
    let mut parser = lexopt::Parser::from_args(words);
    let usage = |e: lexopt::Error| format!("{e}\n{USAGE}");
    match parser.next().map_err(usage)? {
        Some(Value(word)) if word == "evaluate" => command(&mut parser, false).map_err(usage),
        Some(Value(word)) if word == "plan" => command(&mut parser, true).map_err(usage),
        Some(Value(word)) if word == "compare" => compare(&mut parser).map_err(usage),
        Some(Value(word)) if word == "profile" => match parser.next().map_err(usage)? {
            None => Ok(Command::Profile),
            Some(arg) => Err(usage(arg.unexpected())),
        },
        Some(Value(word)) if word == "help" => Ok(Command::Help),
        Some(Short('h') | Long("help")) => Ok(Command::Help),
        Some(Short('V') | Long("version")) => Ok(Command::Version),
        Some(arg) => Err(usage(arg.unexpected())),
        None => Err(USAGE.into()),
    }
}

/// `compare`'s options and its two files.
fn compare(parser: &mut lexopt::Parser) -> Result<Command, lexopt::Error> {
    let (mut options, mut format, mut standard, mut files) = (Options::default(), Format::Text, false, Vec::new());
    while let Some(arg) = parser.next()? {
        match arg {
            Long("standard") => {
                let id: String = parser.value()?.parse()?;
                options.standard = Standard::parse(&id).ok_or_else(|| format!("unknown standard {id:?}"))?;
                standard = true;
            }
            Long("format") => format = format_of(&parser.value()?.parse::<String>()?)?,
            Long("lang") => options.lang = lang_of(&parser.value()?.parse::<String>()?)?,
            Short('h') | Long("help") => return Ok(Command::Help),
            Value(path) if files.len() < 2 => files.push(path.string()?),
            arg => return Err(arg.unexpected()),
        }
    }
    let [before, after]: [String; 2] = files.try_into().map_err(|_| "compare takes two files: the earlier year's and the later's")?;
    Ok(Command::Compare(Box::new(CompareArgs { options, standard, format, before, after })))
}

/// A margin is a finite number (whether it fits under the limits is the plan's to say).
fn margin_of(word: &str) -> Result<f64, lexopt::Error> {
    match word.trim().parse::<f64>() {
        Ok(margin) if margin.is_finite() => Ok(margin),
        _ => Err(format!("--margin 应为一个有限的数，而不是 {word:?}; --margin takes a finite number, not {word:?}").into()),
    }
}

fn format_of(word: &str) -> Result<Format, lexopt::Error> {
    match word {
        "json" => Ok(Format::Json),
        "text" => Ok(Format::Text),
        other => Err(format!("unknown format {other:?}").into()),
    }
}

fn lang_of(word: &str) -> Result<Lang, lexopt::Error> {
    Lang::parse(word).ok_or_else(|| format!("unknown language {word:?}").into())
}

/// `evaluate`'s options, and with `plan` also the plan's (a plan has no --project: its data
/// is the file's).
fn command(parser: &mut lexopt::Parser, plan: bool) -> Result<Command, lexopt::Error> {
    let (mut options, mut format, mut file, mut project, mut sheet) = (Options::default(), Format::Text, None, false, None);
    let mut county = None;
    let mut planning = PlanArgs::default();
    if plan {
        format = Format::Json;
    }
    while let Some(arg) = parser.next()? {
        match arg {
            Long("standard") => {
                let id: String = parser.value()?.parse()?;
                options.standard = Standard::parse(&id).ok_or_else(|| format!("unknown standard {id:?}"))?;
            }
            Long("format") => format = format_of(&parser.value()?.parse::<String>()?)?,
            Long("lang") => options.lang = lang_of(&parser.value()?.parse::<String>()?)?,
            Long("sheet") => sheet = Some(parser.value()?.parse()?),
            Long("county") if !plan => county = Some(parser.value()?.parse()?),
            Long("project") if !plan => {
                file = Some(parser.value()?.parse()?);
                project = true;
            }
            Long("margin") if plan => planning.margin = Some(margin_of(&parser.value()?.parse::<String>()?)?),
            Long("costs") if plan => planning.costs = Some(parser.value()?.parse()?),
            Long("rotation") if plan => planning.rotation = true,
            Long("fixed") if plan => {
                let rows: String = parser.value()?.parse()?;
                for row in rows.split(',').map(str::trim).filter(|r| !r.is_empty()) {
                    planning.fixed.push(row.parse().map_err(|_| format!("--fixed takes row numbers, not {row:?}"))?);
                }
            }
            Short('h') | Long("help") => return Ok(Command::Help),
            Short('V') | Long("version") => return Ok(Command::Version),
            Value(path) if file.is_none() => file = Some(path.string()?),
            arg => return Err(arg.unexpected()),
        }
    }
    let file = file.ok_or("no input file (use - for standard input)")?;
    let args = Box::new(Args { options, format, file, project, sheet, county });
    Ok(if plan { Command::Plan(args, planning) } else { Command::Evaluate(args) })
}
