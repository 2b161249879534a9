//! The `junheng` command; the CLI itself is in cli.rs.
#![forbid(unsafe_code)]

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
