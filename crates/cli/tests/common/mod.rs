//! What the CLI's test files share: running the built command.

use std::io::Write;
use std::process::{Command, Output, Stdio};

#[allow(dead_code)] // not every test file opens the demo
pub const DEMO_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/demo/demo-county.csv");

/// Runs `junheng ARGS` with `stdin` on its standard input; its output, whatever its status.
pub fn junheng(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_junheng"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}
