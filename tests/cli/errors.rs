//! Errors: exit codes and the exact message a user sees, every name from the command line
//! or a data file shown terminal-safe; closed pipes, full disks and closed stdout.

use std::process::Stdio;

use super::{command, failing_with, rolecmp_path};

#[test]
fn an_unknown_role_exits_2_with_a_suggestion_and_the_valid_names() {
    assert_eq!(
        failing_with(2, &["show", "cot"]),
        "error: unknown role 'cot'\n\n  tip: did you mean 'cto'?\n  valid roles: ceo, cfo, chief-data-officer, chief-digital-officer, cio, ciso, cto, it-director\n"
    );
}

#[test]
fn an_unknown_name_without_a_close_one_lists_the_valid_names_once() {
    assert_eq!(
        failing_with(2, &["show", "nobody"]),
        "error: unknown role 'nobody'\n\n  valid roles: ceo, cfo, chief-data-officer, chief-digital-officer, cio, ciso, cto, it-director\n"
    );
}

#[test]
fn an_unknown_industry_exits_2_with_a_suggestion() {
    assert_eq!(
        failing_with(2, &["compare", "cto", "cio", "--industry", "helthcare"]),
        "error: unknown industry 'helthcare'\n\n  tip: did you mean 'healthcare'?\n  valid industries: ecommerce, financial-services, government, healthcare, manufacturing\n"
    );
}

#[test]
fn industry_with_sections_that_leave_out_the_examples_is_a_usage_error_in_every_command() {
    // Before: `show cio --section reporting --industry healthcare` printed "… with Healthcare
    // examples" over no healthcare content, and exited 0.
    let expected = "error: --industry narrows the industry examples, which --section leaves out: add industries to --section, or drop one of the two\n";
    for args in [
        &[
            "show",
            "cio",
            "--section",
            "reporting",
            "--industry",
            "healthcare",
        ][..],
        &["show", "cio", "-s", "headlines,matrix", "-i", "healthcare"][..],
        &[
            "compare",
            "cto",
            "cio",
            "--section",
            "matrix",
            "--industry",
            "manufacturing",
        ][..],
        &[
            "search",
            "data",
            "--section",
            "summary",
            "--industry",
            "health",
        ][..],
    ] {
        assert_eq!(failing_with(2, args), expected, "{args:?}");
    }
    // With the examples among the sections, the industry narrows them.
    let shown = super::stdout_of(&[
        "show",
        "cio",
        "-s",
        "reporting,industries",
        "-i",
        "healthcare",
        "--width",
        "100",
    ]);
    assert!(
        shown.starts_with("Chief Information Officer (CIO), with Healthcare examples\n")
            && shown.contains("\nHealthcare │ • In healthcare, the CIO may be responsible"),
        "{shown}"
    );
}

#[test]
fn an_unknown_section_exits_2_with_the_valid_names() {
    assert_eq!(
        failing_with(2, &["show", "cio", "--section", "reportin"]),
        "error: invalid value 'reportin' for '--section <SECTION>'\n  \
         [possible values: headlines, matrix, summary, focus, nature, facing, responsibilities, reporting, background, codes, labour-market, industries, collaboration, disputes, sources]\n\n  \
         tip: a similar value exists: 'reporting'\n\nFor more information, try '--help'.\n"
    );
}

#[test]
fn usage_errors_exit_2_and_say_what_is_wrong() {
    assert_eq!(
        failing_with(2, &["compare", "cto"]),
        "error: 2 values required by '<ROLES> <ROLES>...'; only 1 was provided\n\n\
         Usage: rolecmp compare [OPTIONS] <ROLES> <ROLES>...\n\nFor more information, try '--help'.\n"
    );
    assert_eq!(
        failing_with(2, &["frobnicate"]),
        "error: unrecognized subcommand 'frobnicate'\n\n\
         Usage: rolecmp [OPTIONS] <COMMAND>\n\nFor more information, try '--help'.\n"
    );
    assert_eq!(
        failing_with(2, &["list", "--format", "pdf"]),
        "error: invalid value 'pdf' for '--format <FORMAT>'\n  \
         [possible values: table, markdown, json, csv, yaml]\n\nFor more information, try '--help'.\n"
    );
}

#[test]
fn control_characters_in_a_name_are_not_echoed_to_the_terminal() {
    assert_eq!(
        failing_with(2, &["show", "x\u{1b}]0;owned\u{7}"]),
        "error: unknown role 'x\\u{1b}]0;owned\\u{7}'\n\n  valid roles: ceo, cfo, chief-data-officer, chief-digital-officer, cio, ciso, cto, it-director\n"
    );
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
            "init" => &["cpo", "--dir"],
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
        let mut child = command(rolecmp_path())
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
        let _ = std::fs::remove_file(dir.path().join("cpo.yaml"));
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_fails_every_command_with_a_message() {
    let dir = super::folder(&[]);
    for args in every_command(dir.path()) {
        let output = command(rolecmp_path())
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
        let _ = std::fs::remove_file(dir.path().join("cpo.yaml"));
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_closed_stdout_fails_every_command_before_it_does_anything() {
    let dir = super::folder(&[]);
    for args in every_command(dir.path()) {
        // The shell closes fd 1 (`>&-`), which std::process cannot do for a child.
        let output = command("sh")
            .arg("-c")
            .arg("exec \"$@\" >&-")
            .arg("sh")
            .arg(rolecmp_path())
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
        !dir.path().join("cpo.yaml").exists(),
        "init must not write a file it cannot report"
    );
}

#[test]
fn did_you_mean_lists_every_equally_close_name() {
    assert_eq!(
        failing_with(2, &["compare", "cto", "cxo"]),
        "error: unknown role 'cxo'\n\n  tip: did you mean 'ceo', 'cfo', 'cio' or 'cto'?\n  valid roles: ceo, cfo, chief-data-officer, chief-digital-officer, cio, ciso, cto, it-director\n"
    );
}

#[test]
fn escapes_in_names_from_data_files_never_reach_the_terminal_in_errors() {
    // Ids must be plain, so a hostile name reaches a message only as a problem of the file
    // that holds it: a file name, an id, an alias (one that another role answers to once
    // its bell and bidi override are left out). Each is shown escaped, in a query's error
    // (stderr) and in validate's report (stdout).
    let dir = super::folder(&[
        super::HANDBOOK,
        (
            "e\u{1b}[31m.yaml",
            "id: \"e\\e[31m\"\ntitle: E\nsummary:\n  - text: A role.\n    sources: [handbook]\n",
        ),
        (
            "evil.yaml",
            "id: evil\ntitle: Evil\naliases: [\"\\aC\\u202eIO\"]\nsummary:\n  - text: A role.\n    sources: [handbook]\n",
        ),
        (
            "industries.yaml",
            "industries:\n  - id: \"i\\e]0;owned\\a\"\n    label: I\n",
        ),
    ]);
    let shown = dir.path().display();
    let problems = [
        format!(
            "{shown}/e\\u{{1b}}[31m.yaml:1:5: id: role id 'e\\u{{1b}}[31m' is not a plain id: use ASCII letters, digits, '-', '_' and '.', starting with a letter or digit"
        ),
        format!(
            "{shown}/evil.yaml:3:11: aliases[0]: alias '\\u{{7}}C\\u{{202e}}IO' is already a name of role 'cio': a name must find one role; remove it or change it"
        ),
        format!(
            "{shown}/industries.yaml:2:9: industries[0].id: industry id 'i\\u{{1b}}]0;owned\\u{{7}}' is not a plain id: use ASCII letters, digits, '-', '_' and '.', starting with a letter or digit"
        ),
    ];
    let data = dir.path().to_str().unwrap();
    let listed = problems.join("\n  ");
    assert_eq!(
        failing_with(1, &["show", "cto", "--data", data]),
        format!("error: 3 problems in the data files:\n  {listed}\n")
    );
    let output = super::rolecmp().args(["validate", data]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        report.lines().skip(2).collect::<Vec<_>>(),
        problems,
        "{report}"
    );
}

#[test]
fn a_name_two_roles_share_exits_2_naming_both_with_the_command_for_each() {
    for (args, commands) in [
        (
            &["show", "cdo"][..],
            [
                "rolecmp show chief-data-officer",
                "rolecmp show chief-digital-officer",
            ],
        ),
        (
            &["compare", "cio", "CDO", "--section", "codes"][..],
            [
                "rolecmp compare cio chief-data-officer --section codes",
                "rolecmp compare cio chief-digital-officer --section codes",
            ],
        ),
        (
            &["search", "data", "--role=cio,cdo"][..],
            [
                "rolecmp search data --role=cio,chief-data-officer",
                "rolecmp search data --role=cio,chief-digital-officer",
            ],
        ),
    ] {
        let stderr = failing_with(2, args);
        assert!(
            stderr.contains(
                "it names 2 roles: chief-data-officer (Chief Data Officer) or chief-digital-officer (Chief Digital Officer)"
            ),
            "{stderr}"
        );
        for command in commands {
            assert!(
                stderr.lines().any(|line| line.ends_with(command)),
                "{command:?} missing:\n{stderr}"
            );
        }
    }
    // Copied as printed, each command names one role and answers.
    for id in ["chief-data-officer", "chief-digital-officer"] {
        super::stdout_of(&["show", id]);
    }
}

#[test]
fn a_name_with_spaces_is_quoted_in_the_command_to_run() {
    let stderr = failing_with(2, &["compare", "Chief Information Officer", "cdo"]);
    assert!(
        stderr.contains("rolecmp compare 'Chief Information Officer' chief-data-officer"),
        "{stderr}"
    );
}
