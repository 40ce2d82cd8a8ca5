use super::require::require_tool;
use super::{command, failing_with, rolecmp, rolecmp_path, stdout_of};

/// Output with ANSI SGR sequences (`ESC [ … m`) removed.
fn strip_ansi(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            plain.push(c);
        }
    }
    plain
}

fn output_with(env: &[(&str, &str)], args: &[&str]) -> String {
    let mut command = rolecmp();
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.args(args).output().unwrap();
    assert!(output.status.success(), "{args:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn color_always_styles_headings_and_role_names_without_moving_anything() {
    for args in [
        &["compare", "cto", "cio"][..],
        &["show", "cio"],
        &["search", "security"],
        &["list", "sources"],
        &["compare", "cto", "cio", "--width", "20"],
    ] {
        let plain = stdout_of(&[args, &["--color", "never"]].concat());
        let colored = stdout_of(&[args, &["--color", "always"]].concat());
        assert!(colored.contains("\u{1b}["), "no colour in {args:?}");
        assert_eq!(
            strip_ansi(&colored),
            plain,
            "colour changed the layout of {args:?}"
        );
    }
    let colored = stdout_of(&["compare", "cto", "cio", "--full", "--color", "always"]);
    assert!(
        colored.starts_with("\u{1b}[1m\u{1b}[36mCTO vs CIO\u{1b}[0m\n"),
        "{colored}"
    );
    assert!(
        colored.contains("\u{1b}[1mReports to ") && colored.contains("│ CTO "),
        "the table header (role names) is bold: {colored}"
    );
}

#[test]
fn machine_and_document_formats_never_get_colour() {
    for format in ["json", "csv", "yaml", "markdown"] {
        let args = ["compare", "cto", "cio", "--format", format];
        assert_eq!(
            stdout_of(&[&args[..], &["--color", "always"]].concat()),
            stdout_of(&[&args[..], &["--color", "never"]].concat()),
            "{format}"
        );
    }
    for format in ["mermaid", "dot", "markdown", "json", "csv", "yaml"] {
        let args = ["graph", "--format", format];
        assert_eq!(
            stdout_of(&[&args[..], &["--color", "always"]].concat()),
            stdout_of(&[&args[..], &["--color", "never"]].concat()),
            "{format}"
        );
    }
}

#[test]
fn clicolor_force_colours_a_pipe_and_no_color_wins_over_it() {
    let coloured = stdout_of(&["list", "--color", "always"]);
    let plain = stdout_of(&["list", "--color", "never"]);
    assert_ne!(coloured, plain);
    assert_eq!(output_with(&[("CLICOLOR_FORCE", "1")], &["list"]), coloured);
    assert_eq!(
        output_with(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], &["list"]),
        plain
    );
    assert_eq!(
        output_with(&[("NO_COLOR", "1")], &["list", "--color", "always"]),
        coloured,
        "an explicit --color always wins"
    );
}

#[test]
fn a_terminal_gets_colour_unless_no_color_is_set() {
    if !require_tool("script") {
        return;
    }
    let on_terminal = |no_color: bool| {
        // script(1) gives the command a pseudo-terminal, as a user's shell would.
        let mut script = command("script");
        script
            .args(["-qec"])
            // Without a pager: a list taller than the terminal would wait in less.
            .arg(format!("{} list --no-pager", rolecmp_path().display()))
            .arg("/dev/null")
            .env("TERM", "xterm-256color");
        if no_color {
            script.env("NO_COLOR", "1");
        }
        let output = script.output().unwrap();
        assert!(output.status.success());
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    assert!(
        on_terminal(false).contains("\u{1b}[1m"),
        "{}",
        on_terminal(false)
    );
    let plain = on_terminal(true);
    assert!(plain.contains("Chief Technology Officer") && !plain.contains("\u{1b}[1m"));
}

/// Every word of a wide rendering: the test of whether a narrow one broke words.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_owned).collect()
}

#[test]
fn a_20_column_terminal_gets_lines_of_at_most_20_columns_with_words_intact() {
    for args in [
        &["list"][..],
        &["list", "sources"],
        &["show", "cto"],
        &["compare", "cto", "cio"],
        &["search", "security"],
        &["graph", "--format", "table"],
    ] {
        let narrow = stdout_of(&[args, &["--width", "20"]].concat());
        let wide = words(&stdout_of(&[args, &["--width", "1000"]].concat()));
        for line in narrow.lines() {
            assert!(
                line.chars().count() <= 20,
                "{args:?}: {line:?} is wider than 20"
            );
        }
        for word in words(&narrow) {
            // A narrow table is written as `Header: value` lines.
            let word = word.strip_suffix(':').unwrap_or(&word).to_owned();
            let whole = wide.contains(&word)
                || wide.contains(&format!("{word}:"))
                // A hyphenated word may break after its hyphen, as in print.
                || wide.iter().any(|w| w.contains('-') && w.contains(&word))
                || word.chars().all(|c| c == '═')
                // Only a word longer than the line may be split.
                || wide.iter().any(|w| w.chars().count() > 18 && w.contains(&word));
            assert!(whole, "{args:?}: {word:?} is a broken word");
        }
    }
}

#[test]
fn width_overrides_columns() {
    let out = output_with(
        &[("COLUMNS", "100")],
        &["compare", "cto", "cio", "--width", "60"],
    );
    let widest = out.lines().map(|l| l.chars().count()).max().unwrap();
    assert_eq!(widest, 60);
}

#[test]
fn a_width_under_20_is_a_usage_error() {
    assert_eq!(
        failing_with(2, &["list", "--width", "19"]),
        "error: invalid value '19' for '--width <N>': 19 is not in 20..=65535\n\nFor more information, try '--help'.\n"
    );
}

#[test]
fn version_prints_the_version() {
    assert_eq!(
        stdout_of(&["--version"]),
        format!("rolecmp {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn every_help_ends_with_examples_that_run() {
    // Examples that read or write files run in a folder holding the company files they name.
    let work = super::folder(&[
        ("company/sources.yaml", super::HANDBOOK.1),
        (
            "company/roles/cpo.yaml",
            "id: cpo\ntitle: Chief Privacy Officer\nsummary:\n  - text: Owns security.\n    sources: [handbook]\n",
        ),
    ]);
    for command in super::commands() {
        let command = command.as_deref();
        let help = stdout_of(&command.into_iter().chain(["--help"]).collect::<Vec<_>>());
        let (_, examples) = help
            .rsplit_once("Examples:\n")
            .unwrap_or_else(|| panic!("{command:?} --help has no examples:\n{help}"));
        let mut ran = 0;
        for line in examples.lines() {
            // The part before a pipe or redirection is rolecmp's own.
            let line = line.trim().split(['|', '>']).next().unwrap().trim();
            let Some(args) = line.strip_prefix("rolecmp ") else {
                continue;
            };
            let args = shlex::split(args).expect("balanced quotes in the example");
            let output = rolecmp()
                .current_dir(work.path())
                .args(&args)
                .output()
                .unwrap();
            assert!(
                output.status.success(),
                "the example `{line}` fails: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            ran += 1;
        }
        assert!(ran >= 2, "{command:?} --help has {ran} runnable examples");
    }
}

#[test]
fn help_text_shows_quotes_without_literal_escapes() {
    for command in super::commands() {
        for flag in ["-h", "--help"] {
            let args: Vec<&str> = command.as_deref().into_iter().chain([flag]).collect();
            let help = stdout_of(&args);
            assert!(
                !help.contains("\\\"") && !help.contains("\\n"),
                "`rolecmp {}` shows a literal escape:\n{help}",
                args.join(" ")
            );
        }
    }
    let help = stdout_of(&["show", "-h"]);
    assert!(
        help.contains("(cto, CIO, \"Chief Information Officer\")"),
        "{help}"
    );
}
