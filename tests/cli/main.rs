//! Integration tests: the real `rolecmp` binary on the real, built-in data.
//!
//! One module per command, plus output formats, golden files, errors, data coverage, CLI
//! conventions (colour, width, help) and the README's examples.

mod compare;
mod completions;
mod conventions;
mod coverage;
mod errors;
mod formats;
mod golden;
mod graph;
mod list;
mod man;
mod readme;
mod search;
mod show;
mod tools;

use assert_cmd::Command;

/// `rolecmp` with a fixed table width, so output does not depend on the terminal running
/// the tests.
pub fn rolecmp() -> Command {
    let mut command = assert_cmd::cargo::cargo_bin_cmd!("rolecmp");
    command
        .env("COLUMNS", "100")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    command
}

/// Runs `rolecmp args…`, asserts success, returns stdout.
pub fn stdout_of(args: &[&str]) -> String {
    let output = rolecmp().args(args).output().expect("rolecmp runs");
    assert!(
        output.status.success(),
        "rolecmp {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("output is UTF-8")
}

/// Runs `rolecmp args… --format json` and parses the output.
pub fn json_of(args: &[&str]) -> serde_json::Value {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    serde_json::from_str(&stdout_of(&args)).expect("output is JSON")
}
