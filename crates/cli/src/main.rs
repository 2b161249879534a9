//! The `junheng` command; the CLI itself is in cli.rs.
#![forbid(unsafe_code)]

mod args;
mod cli;
mod text;

fn main() -> std::process::ExitCode {
    cli::main()
}
