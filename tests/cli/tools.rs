//! Outside tools some tests check output with (shells, mandoc, Graphviz, pandoc, Node with
//! Mermaid's parser or an MDX compiler, Chromium): a missing tool fails the test under
//! `CI=true`, where `.ci/run` installs them all; elsewhere the test is skipped and says so on the terminal, a
//! `SKIPPED` line among cargo's own `test … ok` lines, written past the test harness's output
//! capture so that a skip can never pass for a check that ran.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Where `.ci/run` installs a Node checker (`npm ci`): `mermaid` or `mdx`.
pub fn node_checker(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/tools")
        .join(name)
}

fn on_path(name: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(name).is_file()))
}

/// True when the tool can run; when it cannot, fails under CI and says so elsewhere.
pub fn available(name: &str) -> bool {
    let (found, install) = match name {
        "mermaid" => (
            on_path("node")
                && node_checker("mermaid")
                    .join("node_modules/mermaid")
                    .is_dir(),
            "node and `npm ci --prefix tests/tools/mermaid`".to_owned(),
        ),
        "mdx" => (
            on_path("node")
                && node_checker("mdx")
                    .join("node_modules/@mdx-js/mdx")
                    .is_dir(),
            "node and `npm ci --prefix tests/tools/mdx`".to_owned(),
        ),
        _ => (on_path(name), name.to_owned()),
    };
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{name} is needed by this test and missing: .ci/run must install {install}"
        );
        let test = std::thread::current().name().unwrap_or("a test").to_owned();
        // Straight to the process's stderr: the harness would hide an eprintln! of a test
        // that passes, and a skip is exactly what must not hide.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED {test}: {name} is not installed (install {install}; with CI=true this fails)"
        );
    }
    found
}

/// The test binary itself, run on one of its own tool tests with no tool on the PATH.
fn tool_test_without_tools(ci: Option<&str>) -> std::process::Output {
    let empty = tempfile::tempdir().unwrap();
    let mut command = std::process::Command::new(std::env::current_exe().unwrap());
    command
        .args([
            "graph::graphviz_accepts_the_dot_of_every_graph",
            "--exact",
            "--test-threads=1",
        ])
        .env("PATH", empty.path());
    match ci {
        Some(value) => command.env("CI", value),
        None => command.env_remove("CI"),
    };
    command.output().unwrap()
}

#[test]
fn a_tool_test_without_its_tool_says_skipped_on_the_terminal() {
    let output = tool_test_without_tools(None);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "SKIPPED graph::graphviz_accepts_the_dot_of_every_graph: dot is not installed"
        ),
        "{stderr}"
    );
}

#[test]
fn a_tool_test_without_its_tool_fails_under_ci() {
    let output = tool_test_without_tools(Some("true"));
    assert!(!output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("dot is needed by this test and missing"),
        "{stdout}"
    );
}

/// Runs a checker (pandoc, dot, a Node script) with `input` on stdin: success, stdout and
/// stderr.
pub fn fed(command: &mut std::process::Command, input: &str) -> (bool, String, String) {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the checker starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}
