//! Integration tests: the real `rolecmp` binary on the real, built-in data.
//!
//! One module per command, plus output formats, golden files, errors, data coverage, CLI
//! conventions (colour, width, help) and the examples and links of README.md and docs/.
//!
//! Hermetic by construction: every process a test starts, rolecmp or a tool it hands output
//! to, is built by [`command`] from a cleared environment (see [`hermetic_env`]), so the
//! user's data folder, `ROLECMP_DATA`, pager, colour and shell settings never reach a test.
//! `hermetic.rs` proves it. Checks that need something from outside the repository ask for
//! it through `require.rs`.

mod codes;
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
mod hermetic;
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
mod require;
mod schema;
mod search;
mod search_costs;
mod show;
mod sources;
mod tools;
mod validate;

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

/// The binary under test.
pub fn rolecmp_path() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_rolecmp"))
}

/// `rolecmp` in the hermetic environment, as an `assert_cmd` command.
pub fn rolecmp() -> assert_cmd::Command {
    assert_cmd::Command::from_std(command(rolecmp_path()))
}

/// Any program (rolecmp, a shell, pandoc, node…) in the hermetic environment: the only way
/// a test starts a process.
pub fn command(program: impl AsRef<OsStr>) -> std::process::Command {
    let mut command = std::process::Command::new(program);
    command.env_clear().envs(hermetic_env());
    command
}

/// The whole environment of every process a test starts. PATH is the one thing kept from
/// the parent, since the tools are found on it; the rest is fixed: a table width, a locale,
/// and a home and data folders of their own, in which no rolecmp data ever exists. No
/// colour, pager, `ROLECMP_*` or shell start-up variable (`BASH_ENV`, `ZDOTDIR`) gets in.
pub fn hermetic_env() -> [(&'static str, OsString); 6] {
    let sandbox = sandbox();
    [
        ("PATH", std::env::var_os("PATH").unwrap_or_default()),
        ("HOME", sandbox.join("home").into()),
        ("XDG_DATA_HOME", sandbox.join("data").into()),
        ("XDG_CONFIG_HOME", sandbox.join("config").into()),
        ("COLUMNS", "100".into()),
        ("LANG", "C.UTF-8".into()),
    ]
}

/// The folder holding the hermetic home, data and config folders, created on first use. The
/// tests share it; shells may write their own state there, rolecmp never reads anything but
/// `data/rolecmp`, which no test creates (`hermetic.rs` checks).
fn sandbox() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hermetic");
    for folder in ["home", "data", "config"] {
        std::fs::create_dir_all(root.join(folder)).expect("the hermetic folders");
    }
    root
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

/// Runs `rolecmp args…`, asserts that it fails with `code` and prints nothing on stdout;
/// returns its stderr.
pub fn failing_with(code: i32, args: &[&str]) -> String {
    let output = rolecmp().args(args).output().expect("rolecmp runs");
    assert_eq!(output.status.code(), Some(code), "rolecmp {args:?}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "",
        "rolecmp {args:?}"
    );
    String::from_utf8(output.stderr).expect("errors are UTF-8")
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

/// The headings of `rolecmp args… --format markdown`, `#` marks included: which sections a
/// view holds, in order.
pub fn headings(args: &[&str]) -> Vec<String> {
    let markdown = stdout_of(&[args, &["--format", "markdown"]].concat());
    markdown
        .lines()
        .filter(|line| line.starts_with('#'))
        .map(str::to_owned)
        .collect()
}
