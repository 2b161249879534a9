//! The `junheng` command; the CLI itself is in cli.rs.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The CLI reads files and is native only; wasm test builds compile every target.
#[cfg(target_arch = "wasm32")]
fn main() {}
