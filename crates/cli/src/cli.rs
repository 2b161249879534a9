//! The command line over the same core as the page, for batch use and tests.
//!
//!     junheng evaluate [--standard basic2012|quality2017] [--format json|text] [--lang zh|en] [--sheet NAME] FILE|-
//!     junheng evaluate --project PROJECT.json [--format json|text] [--lang zh|en]
//!     junheng profile        prints the national profile, a start for a provincial one
//!
//! FILE is CSV or TSV in UTF-8, UTF-16 or GBK/GB18030 (detected), or an .xlsx/.xls/.ods
//! workbook (the sheet that looks most like the template, or --sheet NAME).
//!
//! Exit 0 when the evaluation ran (pass or fail), 2 when the input is unusable, 64 on a usage error.
//! `--help` and `--version` print to standard output and exit 0. Output closed early (as by
//! `| head`) ends the command quietly.

use junheng::evaluation::evaluate_grid;
use junheng::evaluation::{Evaluation, IndicatorResult};
use junheng::{evaluate_text, Lang, Options, Standard};
use junheng_files as files;
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: junheng evaluate [--standard basic2012|quality2017] [--format json|text] [--lang zh|en] [--sheet NAME] FILE|-
       junheng evaluate --project PROJECT.json [--format json|text] [--lang zh|en]
       junheng profile";

#[derive(PartialEq)]
enum Format {
    Json,
    Text,
}

struct Args {
    options: Options,
    format: Format,
    file: String,
    project: bool,
    sheet: Option<String>,
}

/// What the command line asks for.
enum Command {
    Evaluate(Box<Args>),
    Profile,
    Help,
    Version,
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    let mut args = args.iter();
    match args.next().map(String::as_str) {
        Some("evaluate") => {}
        Some("profile") if args.len() == 0 => return Ok(Command::Profile),
        Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("-V" | "--version") => return Ok(Command::Version),
        _ => return Err(USAGE.into()),
    }
    let (mut options, mut format, mut file, mut project, mut sheet) = (Options::default(), Format::Text, None, false, None);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().cloned().ok_or(format!("{name} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--standard" => {
                let id = value("--standard")?;
                options.standard = Standard::parse(&id).ok_or(format!("unknown standard {id:?}\n{USAGE}"))?;
            }
            "--format" => {
                format = match value("--format")?.as_str() {
                    "json" => Format::Json,
                    "text" => Format::Text,
                    other => return Err(format!("unknown format {other:?}\n{USAGE}")),
                }
            }
            "--lang" => {
                options.lang = match value("--lang")?.as_str() {
                    "zh" => Lang::Zh,
                    "en" => Lang::En,
                    other => return Err(format!("unknown language {other:?}\n{USAGE}")),
                }
            }
            "--sheet" => sheet = Some(value("--sheet")?),
            "--project" => {
                file = Some(value("--project")?);
                project = true;
            }
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            path if file.is_none() && (path == "-" || !path.starts_with('-')) => file = Some(path.to_string()),
            other => return Err(format!("unexpected argument {other:?}\n{USAGE}")),
        }
    }
    let file = file.ok_or(format!("no input file (use - for standard input)\n{USAGE}"))?;
    Ok(Command::Evaluate(Box::new(Args { options, format, file, project, sheet })))
}

fn read_input(file: &str) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if file == "-" {
        std::io::stdin().read_to_end(&mut bytes)?;
    } else {
        bytes = std::fs::read(file)?;
    }
    Ok(bytes)
}

/// Writes to standard output. A reader that stops early (`| head`) is not an error: the
/// command ends quietly with `ok`, rather than panicking on the broken pipe.
fn emit(text: &str, ok: ExitCode) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ok,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ok,
        Err(e) => {
            eprintln!("junheng: cannot write the output: {e}");
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
    let words: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse_args(&words) {
        Ok(Command::Evaluate(args)) => *args,
        Ok(Command::Profile) => {
            let json = serde_json::to_string_pretty(&junheng::Profile::national()).expect("the profile serialises");
            return emit(&format!("{json}\n"), ExitCode::SUCCESS);
        }
        Ok(Command::Help) => {
            return emit(
                &format!("junheng {}: {}\n\n{USAGE}\n", env!("CARGO_PKG_VERSION"), env!("CARGO_PKG_DESCRIPTION")),
                ExitCode::SUCCESS,
            )
        }
        Ok(Command::Version) => return emit(&format!("junheng {}\n", env!("CARGO_PKG_VERSION")), ExitCode::SUCCESS),
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(64);
        }
    };
    let bytes = match read_input(&args.file) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("junheng: cannot read {}: {error}", terminal_safe(&args.file));
            return ExitCode::from(2);
        }
    };
    let lang = args.options.lang;
    let read = if args.project {
        let (text, _) = files::decode(&bytes);
        junheng::project::read_json(&text, lang).map(|project| evaluate_text(&project.schools, &project.options(lang)))
    } else {
        files::read_file_grid(&bytes, args.sheet.as_deref(), lang).map(|(grid, _)| evaluate_grid(&grid, &args.options))
    };
    let evaluation = match read {
        Ok(evaluation) => evaluation,
        Err(problem) => {
            eprintln!("junheng: {}: {}", terminal_safe(&args.file), terminal_safe(&problem.describe(lang)));
            return ExitCode::from(2);
        }
    };
    for problem in &evaluation.errors {
        eprintln!("{}", terminal_safe(&problem.describe(lang)));
    }
    let status = if evaluation.errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) };
    match args.format {
        Format::Json => emit(&format!("{}\n", serde_json::to_string_pretty(&evaluation).expect("the result serialises")), status),
        Format::Text => emit(&terminal_safe(&render_text(&evaluation, args.options.lang)), status),
    }
}

fn render_text(e: &Evaluation, lang: Lang) -> String {
    let mut out = String::new();
    if !e.errors.is_empty() {
        return out;
    }
    out += &format!("{} · {}\n", e.standard.name(lang), e.profile);
    for (level, result) in &e.levels {
        let verdict = if result.passed { lang.pick("通过", "PASS") } else { lang.pick("未通过", "FAIL") };
        out += &format!(
            "\n{} ({} {}, {} {}): {verdict}\n",
            level.name(lang),
            result.schools,
            lang.pick("所学校", "schools"),
            result.students,
            lang.pick("名学生", "students")
        );
        for i in &result.indicators {
            out += &indicator_line(i, lang);
        }
        if let (Some(cv), Some(limit)) = (result.composite_cv, result.composite_limit) {
            out += &format!("  {} {cv:.3} (≤ {limit:.2})\n", lang.pick("综合差异系数", "composite CV"));
        }
        for reason in &result.reasons {
            out += &format!("  ✗ {reason}\n");
        }
    }
    for part in &e.parts {
        let mark = if part.passed { "✓" } else { "✗" };
        let score = match (part.score, part.max_score) {
            (Some(s), Some(m)) => format!(" {s:.1} / {m}"),
            _ => String::new(),
        };
        out += &format!("\n{mark} {}{score}\n", part.name);
        for item in part.items.iter().filter(|i| !i.passed) {
            let state = match (&item.error, item.answered) {
                (Some(error), _) => error.clone(),
                (None, true) => lang.pick("未达到", "not met").to_string(),
                (None, false) => lang.pick("未填写", "not answered").to_string(),
            };
            out += &format!("  ✗ {} — {state} {}\n", item.name, item.rule);
            for detail in &item.details {
                out += &format!("      {detail}\n");
            }
        }
    }
    if let Some(overall) = &e.overall {
        let verdict = if overall.passed { lang.pick("通过", "PASS") } else { lang.pick("未通过", "FAIL") };
        out += &format!("\n{}: {verdict}\n", lang.pick("总体结论", "Overall"));
        for reason in &overall.reasons {
            out += &format!("  • {reason}\n");
        }
    }
    for x in &e.excluded {
        out += &format!("{} {} ({}): {}\n", lang.pick("不参评", "excluded"), x.name, x.level.name(lang), x.reason);
    }
    for w in &e.warnings {
        out += &format!("{} {}\n", lang.pick("提示", "note"), w.describe(lang));
    }
    out
}

fn indicator_line(i: &IndicatorResult, lang: Lang) -> String {
    let cv = i.cv.map_or("—".to_string(), |cv| format!("{cv:.3}"));
    let limit = i.limit.map_or(String::new(), |l| format!(" (≤ {l:.2})"));
    let mark = match i.passed {
        Some(true) => " ✓",
        Some(false) => " ✗",
        None => "",
    };
    format!(
        "  {}: {} {:.4}, {} {:.4}, {} {cv}{limit}{mark}\n",
        i.name,
        lang.pick("县域值", "county"),
        i.county_value,
        lang.pick("标准差", "SD"),
        i.sd,
        lang.pick("差异系数", "CV"),
    )
}
