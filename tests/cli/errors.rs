use std::process::{Command, Stdio};

use super::rolecmp;

#[test]
fn an_unknown_role_exits_2_with_a_suggestion_and_the_valid_names() {
    let output = rolecmp().args(["show", "cot"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with("error: unknown role 'cot'"), "{stderr}");
    assert!(stderr.contains("did you mean 'cto'?"), "{stderr}");
    assert!(
        stderr.contains("valid roles: cdo, ceo, cfo, cio, cto"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn an_unknown_industry_exits_2_with_a_suggestion() {
    let output = rolecmp()
        .args(["compare", "cto", "cio", "--industry", "helthcare"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("unknown industry 'helthcare'"), "{stderr}");
    assert!(stderr.contains("did you mean 'healthcare'?"), "{stderr}");
    assert!(
        stderr
            .contains("valid industries: ecommerce, financial-services, healthcare, manufacturing"),
        "{stderr}"
    );
}

#[test]
fn an_unknown_section_exits_2_with_the_valid_names() {
    let output = rolecmp()
        .args(["show", "cio", "--section", "reportin"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("invalid value 'reportin'"), "{stderr}");
    assert!(stderr.contains("reporting"), "{stderr}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        rolecmp()
            .args(["compare", "cto"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        rolecmp()
            .args(["frobnicate"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        rolecmp()
            .args(["list", "--format", "pdf"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn the_error_is_printed_once() {
    let output = rolecmp().args(["show", "nobody"]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.matches("error:").count(), 1, "{stderr}");
}

#[test]
fn control_characters_in_a_name_are_not_echoed_to_the_terminal() {
    let output = rolecmp()
        .args(["show", "x\u{1b}]0;owned\u{7}"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
    assert!(stderr.contains("\\u{1b}"), "{stderr:?}");
}

#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    for args in [
        &["compare", "cto", "cio"][..],
        &["compare", "cto", "cio", "--format", "csv"],
        &["compare", "cto", "cio", "--format", "yaml"],
        &["graph"],
        &["graph", "--format", "dot"],
        &["completions", "bash"],
        &["man"],
    ] {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin!("rolecmp"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end before the command writes anything, as `| head -0` would.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{args:?}");
    }
}
