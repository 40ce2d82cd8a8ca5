//! Integration tests: the real `rolecmp` binary on the real, built-in data.
//!
//! One module per command, plus output formats, golden files, errors, data coverage, CLI
//! conventions (colour, width, help) and the examples and links of README.md and docs/.

mod callgrind;
mod compare;
mod completions;
mod conventions;
mod costs;
mod coverage;
mod errors;
mod evidence;
mod fidelity;
mod formats;
mod golden;
mod graph;
mod hostile;
mod init;
mod layering;
mod list;
mod man;
mod matrix;
#[cfg(unix)]
mod pager;
mod questions;
mod readme;
mod schema;
mod search;
mod search_costs;
mod show;
mod tools;
mod validate;

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

/// A temporary folder with the given files (path, contents) in it.
pub fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// A company sources file, so that test role files have something to cite.
pub const HANDBOOK: (&str, &str) = (
    "sources.yaml",
    "sources:\n  - id: handbook\n    title: Our handbook\n    kind: internal\n    description: How we organise.\n",
);

/// The top-level command (`None`) and every subcommand, from the clap definition itself, so
/// that a new command is covered by the help and man-page tests without editing them.
pub fn commands() -> Vec<Option<String>> {
    use clap::CommandFactory;
    let cli = rolecmp::cli::Cli::command();
    std::iter::once(None)
        .chain(
            cli.get_subcommands()
                .map(|command| Some(command.get_name().to_owned()))
                .filter(|name| name.as_deref() != Some("help")),
        )
        .collect()
}
