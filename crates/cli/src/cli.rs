//! The command line over the same core as the page, for batch use and tests: reading the
//! input, evaluating, writing the result (args.rs reads the words, text.rs writes text).
//!
//!     junheng evaluate [--standard basic2012|quality2017] [--format json|text] [--lang zh|zh-Hant|en] [--sheet NAME] FILE|-
//!     junheng evaluate --project PROJECT.json [--format json|text] [--lang zh|zh-Hant|en]
//!     junheng plan [--standard S] [--margin M] [--costs COSTS.json] [--rotation] [--fixed ROWS] [--format json|text] FILE|-
//!                            the least additions for the resources to pass (整改台账), proven
//!     junheng profile        prints the national profile, a start for a provincial one
//!
//! FILE is CSV or TSV in UTF-8, UTF-16 or GBK/GB18030 (detected), or an .xlsx/.xls/.ods
//! workbook (the sheet that looks most like the template, or --sheet NAME).
//!
//! Exit 0 when the evaluation ran (pass or fail) or a plan was made (feasible or not), 2 when the input is unusable, 64 on a usage error.
//! `--help` and `--version` print to standard output and exit 0. Output closed early (as by
//! `| head`) ends the command quietly.

use crate::args::{self, Args, Command, CompareArgs, Format, PlanArgs};
use crate::text::{render_plan, render_text};
use junheng::evaluate_text;
use junheng::evaluation::{evaluate_owned_grid, Evaluation};
use junheng::Lang;
use junheng_files as files;
use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

/// A line to stderr that never panics: a refusal written to a full or closed stderr is lost,
/// and the exit code still says what happened (`eprintln!` would abort the process).
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// The most the CLI reads of one input: a nation's table is 24 MB, and the page opens up to
/// 200 MB. Past it (`/dev/zero`, an endless pipe) reading stops and the input is refused,
/// rather than held until the machine runs out of memory.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

fn read_input(file: &str) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let source: Box<dyn Read> = if file == "-" { Box::new(std::io::stdin()) } else { Box::new(std::fs::File::open(file)?) };
    source.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        let message = format!("超过 {0} MB（单个输入的上限）; more than {0} MB, the most one input may have", MAX_INPUT_BYTES >> 20);
        return Err(std::io::Error::other(message));
    }
    Ok(bytes)
}

/// Writes to standard output. A reader that stops early (`| head`) is not an error: the
/// command ends quietly with `ok`, rather than panicking on the broken pipe.
fn emit(text: &str, ok: ExitCode) -> ExitCode {
    emit_with(ok, |out| out.write_all(text.as_bytes()))
}

/// Writes through a buffer with `write`, then flushes; a closed pipe ends quietly.
fn emit_with(ok: ExitCode, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> ExitCode {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => ok,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ok,
        Err(e) => {
            say!("junheng: cannot write the output: {e}");
            ExitCode::from(1)
        }
    }
}

/// Text for a terminal: control characters (escape sequences, bells) and invisible
/// direction marks from the data are shown as `\u{…}`, never acted on by the terminal.
fn terminal_safe(text: &str) -> String {
    text.chars()
        .map(|c| if c != '\n' && c != '\t' && junheng::input::is_invisible(c) { format!("\\u{{{:x}}}", c as u32) } else { c.to_string() })
        .collect()
}

pub fn main() -> ExitCode {
    match args::parse(std::env::args_os().skip(1)) {
        Ok(Command::Evaluate(args)) => evaluate(&args),
        Ok(Command::Plan(args, planning)) => plan(&args, planning),
        Ok(Command::Compare(args)) => compare(&args),
        Ok(Command::Profile) => {
            let json = serde_json::to_string_pretty(&junheng::Profile::national()).expect("the profile serialises");
            emit(&format!("{json}\n"), ExitCode::SUCCESS)
        }
        Ok(Command::Help) => emit(
            &format!("junheng {}: {}\n\n{}\n", env!("CARGO_PKG_VERSION"), env!("CARGO_PKG_DESCRIPTION"), args::USAGE),
            ExitCode::SUCCESS,
        ),
        Ok(Command::Version) => emit(&format!("junheng {}\n", env!("CARGO_PKG_VERSION")), ExitCode::SUCCESS),
        Err(message) => {
            say!("{message}");
            ExitCode::from(64)
        }
    }
}

/// With `--county NAME`, that county of a province file, as a county's own result; without,
/// the evaluation as it is. A name the file does not have is refused with the names it has.
fn pick_county(mut evaluation: Evaluation, county: Option<&str>, lang: Lang) -> Result<Evaluation, ExitCode> {
    let Some(name) = county else { return Ok(evaluation) };
    let counties = evaluation.counties.take().unwrap_or_default();
    if let Some(found) = counties.iter().position(|c| c.county.as_deref() == Some(name)) {
        return Ok(counties.into_iter().nth(found).expect("found"));
    }
    let names: Vec<&str> = counties.iter().filter_map(|c| c.county.as_deref()).collect();
    let listed = if names.is_empty() {
        lang.pick("（表中没有「县」列）", "(the table has no county column)").to_string()
    } else {
        names.join(lang.pick("、", ", "))
    };
    let said = format!("{}「{name}」{} {listed}", lang.pick("没有县", "no county"), lang.pick("；表中的县：", "; the table has:"));
    say!("{}", terminal_safe(&said));
    Err(ExitCode::from(2))
}

/// The bytes of FILE (or standard input), or the exit status after saying why not.
fn read_or_say(file: &str) -> Result<Vec<u8>, ExitCode> {
    read_input(file).map_err(|error| {
        say!("junheng: cannot read {}: {error}", terminal_safe(file));
        ExitCode::from(2)
    })
}

/// Says each problem on standard error; the status of unusable input.
fn refuse(file: &str, problems: &[junheng::input::Problem], lang: Lang) -> ExitCode {
    for problem in problems {
        say!("junheng: {}: {}", terminal_safe(file), terminal_safe(&problem.describe(lang)));
    }
    ExitCode::from(2)
}

/// `junheng plan`: the plan as JSON (the contract) or as a ledger for a terminal.
fn plan(args: &Args, planning: PlanArgs) -> ExitCode {
    let lang = args.options.lang;
    let bytes = match read_or_say(&args.file) {
        Ok(bytes) => bytes,
        Err(status) => return status,
    };
    let mut options = junheng::plan::PlanOptions { rotation: planning.rotation, fixed: planning.fixed, ..Default::default() };
    options.margin = planning.margin.unwrap_or(options.margin);
    if let Some(path) = &planning.costs {
        let costs = read_or_say(path).map(|b| files::decode(&b).0);
        match costs.map(|text| junheng::plan::UnitCosts::from_json(&text, lang)) {
            Ok(Ok(costs)) => options.costs = costs,
            Ok(Err(problem)) => return refuse(path, &[problem], lang),
            Err(status) => return status,
        }
    }
    let grid = match files::read_file_grid(&bytes, args.sheet.as_deref(), lang) {
        Ok((grid, _)) => grid,
        Err(problem) => return refuse(&args.file, &[problem], lang),
    };
    match junheng::plan::plan_grid(&grid, &args.options, &options) {
        Ok(plan) if args.format == Format::Json => emit_with(ExitCode::SUCCESS, |out| {
            serde_json::to_writer_pretty(&mut *out, &plan).map_err(std::io::Error::from)?;
            out.write_all(b"\n")
        }),
        Ok(plan) => emit(&terminal_safe(&render_plan(&plan, lang)), ExitCode::SUCCESS),
        Err(problems) => refuse(&args.file, &problems, lang),
    }
}

/// `junheng evaluate`: the evaluation as JSON (the contract) or text.
fn evaluate(args: &Args) -> ExitCode {
    let bytes = match read_or_say(&args.file) {
        Ok(bytes) => bytes,
        Err(status) => return status,
    };
    let lang = args.options.lang;
    let read = if args.project {
        let (text, _) = files::decode(&bytes);
        junheng::project::read_json(&text, lang).map(|project| evaluate_text(&project.schools, &project.options(lang)))
    } else {
        let grid = files::read_file_grid(&bytes, args.sheet.as_deref(), lang);
        drop(bytes);
        grid.map(|(grid, _)| evaluate_owned_grid(grid, &args.options))
    };
    let evaluation = match read {
        Ok(evaluation) => evaluation,
        Err(problem) => return refuse(&args.file, &[problem], lang),
    };
    let evaluation = match pick_county(evaluation, args.county.as_deref(), lang) {
        Ok(evaluation) => evaluation,
        Err(status) => return status,
    };
    // A province's counties are each a table of their own: their mistakes are named with them.
    let named = evaluation
        .counties
        .iter()
        .flatten()
        .flat_map(|c| c.errors.iter().map(move |p| format!("{}：{}", c.county.as_deref().unwrap_or_default(), p.describe(lang))));
    for line in evaluation.errors.iter().map(|p| p.describe(lang)).chain(named) {
        say!("{}", terminal_safe(&line));
    }
    let usable = evaluation.errors.is_empty() && evaluation.counties.iter().flatten().all(|c| c.errors.is_empty());
    let status = if usable { ExitCode::SUCCESS } else { ExitCode::from(2) };
    match args.format {
        // Streamed: a province's result is tens of megabytes, never held as one string.
        // Indented for a person at a terminal; compact into a pipe or file, where a nation's
        // result would otherwise be half whitespace.
        Format::Json => emit_with(status, |out| {
            if std::io::stdout().is_terminal() {
                serde_json::to_writer_pretty(&mut *out, &evaluation)
            } else {
                serde_json::to_writer(&mut *out, &evaluation)
            }
            .map_err(std::io::Error::from)?;
            out.write_all(b"\n")
        }),
        Format::Text => emit(&terminal_safe(&render_text(&evaluation, args.options.lang)), status),
    }
}

/// A year for `compare`: its cells, and its project when the file is one (JSON).
fn read_year(file: &str, lang: Lang) -> Result<junheng::compare::Given, ExitCode> {
    let bytes = read_or_say(file)?;
    let (text, _) = files::decode(&bytes);
    if !files::is_spreadsheet(&bytes) && text.trim_start().starts_with('{') {
        let project = junheng::project::read_json(&text, lang).map_err(|problem| refuse(file, &[problem], lang))?;
        return Ok(junheng::compare::Given { grid: junheng::input::read_grid(&project.schools), project: Some(project) });
    }
    let (grid, _) = files::read_file_grid(&bytes, None, lang).map_err(|problem| refuse(file, &[problem], lang))?;
    Ok(junheng::compare::Given { grid, project: None })
}

/// `junheng compare`: two years of a county, indicator by indicator and school by school,
/// and the earlier project's plan line by line.
fn compare(args: &CompareArgs) -> ExitCode {
    let lang = args.options.lang;
    let (before, after) = match (read_year(&args.before, lang), read_year(&args.after, lang)) {
        (Ok(before), Ok(after)) => (before, after),
        (Err(status), _) | (_, Err(status)) => return status,
    };
    let comparison = match junheng::compare::compare_given(&before, &after, &args.options, args.standard) {
        Ok(comparison) => comparison,
        Err(problems) => return refuse(&format!("{} / {}", args.before, args.after), &problems, lang),
    };
    for note in &comparison.notes {
        say!("junheng: {}", terminal_safe(&note.describe(lang)));
    }
    match args.format {
        Format::Json => emit_with(ExitCode::SUCCESS, |out| {
            serde_json::to_writer_pretty(&mut *out, &comparison).map_err(std::io::Error::from)?;
            out.write_all(b"\n")
        }),
        Format::Text => emit(&terminal_safe(&crate::text::render_comparison(&comparison, lang)), ExitCode::SUCCESS),
    }
}
