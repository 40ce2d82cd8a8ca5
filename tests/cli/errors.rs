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

/// One run of every command (found from the clap definition, so a new one cannot be missed),
/// plus `--help` and `--version`; `init` writes into `dir`.
fn every_command(dir: &std::path::Path) -> Vec<Vec<String>> {
    let mut runs: Vec<Vec<String>> = vec![vec!["--help".into()], vec!["--version".into()]];
    for command in super::commands().into_iter().flatten() {
        let args: &[&str] = match command.as_str() {
            "list" | "graph" | "validate" | "schema" | "man" => &[],
            "show" => &["cto"],
            "compare" | "matrix" => &["cto", "cio"],
            "search" => &["security"],
            "completions" => &["bash"],
            "init" => &["ciso", "--dir"],
            other => panic!("say how to run `{other}` in this test"),
        };
        let mut run = vec![command.clone()];
        run.extend(args.iter().map(|&arg| arg.to_owned()));
        if command == "init" {
            run.push(dir.display().to_string());
        }
        runs.push(run);
        runs.push(vec![command, "--help".into()]);
    }
    runs.push(vec![
        "compare".into(),
        "cto".into(),
        "cio".into(),
        "--format".into(),
        "csv".into(),
    ]);
    runs.push(vec![
        "compare".into(),
        "cto".into(),
        "cio".into(),
        "--format".into(),
        "yaml".into(),
    ]);
    runs.push(vec!["graph".into(), "--format".into(), "dot".into()]);
    runs
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let dir = super::folder(&[]);
    for args in every_command(dir.path()) {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin!("rolecmp"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end before the command writes anything, as `| head -0` would.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{args:?}");
        let _ = std::fs::remove_file(dir.path().join("ciso.yaml"));
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_fails_every_command_with_a_message() {
    let dir = super::folder(&[]);
    for args in every_command(dir.path()) {
        let output = Command::new(assert_cmd::cargo::cargo_bin!("rolecmp"))
            .args(&args)
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            "error: writing the output: no space left on device\n",
            "{args:?}"
        );
        let _ = std::fs::remove_file(dir.path().join("ciso.yaml"));
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_closed_stdout_fails_every_command_before_it_does_anything() {
    let dir = super::folder(&[]);
    for args in every_command(dir.path()) {
        // The shell closes fd 1 (`>&-`), which std::process cannot do for a child.
        let output = Command::new("sh")
            .arg("-c")
            .arg("exec \"$@\" >&-")
            .arg("sh")
            .arg(assert_cmd::cargo::cargo_bin!("rolecmp"))
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            "error: standard output is closed: there is nowhere to write\n",
            "{args:?}"
        );
    }
    assert!(
        !dir.path().join("ciso.yaml").exists(),
        "init must not write a file it cannot report"
    );
}

#[test]
fn did_you_mean_lists_every_equally_close_name() {
    let output = rolecmp().args(["compare", "cto", "cxo"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("tip: did you mean 'cdo', 'ceo', 'cfo', 'cio' or 'cto'?"),
        "{stderr}"
    );
}

#[test]
fn escapes_in_ids_from_data_files_never_reach_the_terminal_in_errors() {
    let dir = super::folder(&[
        super::HANDBOOK,
        (
            "e\u{1b}[31m.yaml",
            "id: \"e\\e[31m\"\ntitle: T\nsummary:\n  - text: A role.\n    sources: [handbook]\n",
        ),
        (
            "industries.yaml",
            "industries:\n  - id: \"i\\e]0;owned\\a\"\n    label: I\n",
        ),
    ]);
    for args in [
        &["show", "nobody"][..],
        &["show", "cto", "--industry", "nowhere"],
    ] {
        let output = rolecmp()
            .args(args)
            .arg("--data")
            .arg(dir.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(!output.status.success());
        assert!(
            !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
            "{args:?}: {stderr:?}"
        );
        assert!(stderr.contains("\\u{1b}"), "{args:?}: {stderr}");
    }
}
