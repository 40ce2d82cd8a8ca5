use super::require::require_tool;
use super::{HANDBOOK, command, folder, rolecmp, stdout_of};
use std::path::{Path, PathBuf};

/// Writes `rolecmp completions SHELL` to a file for the shell to read.
fn script(shell: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("rolecmp.{shell}"));
    std::fs::write(&path, stdout_of(&["completions", shell])).unwrap();
    path
}

fn run(shell: &str, args: &[&str]) -> String {
    let output = command(shell).args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{shell} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_bash_script_sources_cleanly_and_completes_role_ids_and_industries() {
    if !require_tool("bash") {
        return;
    }
    let script = script("bash");
    let script = script.to_str().unwrap();
    let registered = run(
        "bash",
        &["-c", &format!("source {script} && complete -p rolecmp")],
    );
    assert!(registered.contains("-F _rolecmp rolecmp"), "{registered}");

    let complete = |words: &str| {
        let program = format!(
            "set -e; source {script}; COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); \
             _rolecmp rolecmp \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\""
        );
        run("bash", &["-c", &program])
    };
    assert_eq!(
        complete("rolecmp show c"),
        "ceo\ncfo\nchief-data-officer\nchief-digital-officer\ncio\nciso\ncto\n"
    );
    assert_eq!(complete("rolecmp compare cto cis"), "ciso\n");
    assert_eq!(
        complete("rolecmp compare cto cio --industry h"),
        "healthcare\n"
    );
}

#[test]
fn zsh_accepts_its_script_and_it_lists_role_ids() {
    if !require_tool("zsh") {
        return;
    }
    let script = script("zsh");
    run("zsh", &["-n", script.to_str().unwrap()]);
    let text = std::fs::read_to_string(&script).unwrap();
    assert!(text.starts_with("#compdef rolecmp"), "{text}");
    assert!(
        text.contains("cto\\:\"Chief Technology Officer\""),
        "{text}"
    );
}

#[test]
fn fish_accepts_its_script_and_completes_role_ids_and_industries() {
    if !require_tool("fish") {
        return;
    }
    let script = script("fish");
    let script = script.to_str().unwrap();
    run("fish", &["-n", script]);
    let roles = run(
        "fish",
        &[
            "-c",
            &format!("source {script}; complete -C 'rolecmp show c'"),
        ],
    );
    assert!(roles.contains("cto\tChief Technology Officer\n"), "{roles}");
    let industries = run(
        "fish",
        &[
            "-c",
            &format!("source {script}; complete -C 'rolecmp compare cto cio --industry '"),
        ],
    );
    assert!(
        industries.contains("healthcare\tHealthcare\n"),
        "{industries}"
    );
}

#[test]
fn powershell_and_elvish_scripts_are_generated() {
    assert!(stdout_of(&["completions", "powershell"]).contains("Register-ArgumentCompleter"));
    assert!(
        stdout_of(&["completions", "elvish"]).contains("edit:completion:arg-completer[rolecmp]")
    );
}

#[test]
fn completion_names_only_guide_the_shell_and_do_not_restrict_real_parsing() {
    // A title and a prefix are not among the completed ids but still work.
    let out = stdout_of(&[
        "show",
        "Chief Information Officer",
        "--industry",
        "health",
        "--section",
        "industries",
    ]);
    assert!(
        out.starts_with("Chief Information Officer (CIO), with Healthcare examples"),
        "{out}"
    );
}

/// A role title and an industry label that try to break out of each shell's quoting in a
/// completion script; every payload touches a file in `markers` if it ever runs.
fn hostile_names(markers: &Path) -> tempfile::TempDir {
    let m = markers.display();
    let payload = format!(
        "Evil \"); touch {m}/1; x=(\" $(touch {m}/2) `touch {m}/3` '; touch {m}/4; ' \\\"; touch {m}/5 #"
    );
    let role = format!(
        "id: evil\ntitle: |-\n  {payload}\nsummary:\n  - text: A role.\n    sources: [handbook]\n"
    );
    let industries =
        format!("industries:\n  - id: evil-industry\n    label: |-\n      {payload}\n");
    // Escapes, which would retitle or recolour the terminal that lists completions.
    let escapes = "id: escapes\ntitle: \"Escapes \\e]0;owned\\a\\e[31m red\"\nsummary:\n  - text: A role.\n    sources: [handbook]\n";
    folder(&[
        HANDBOOK,
        ("evil.yaml", &role),
        ("escapes.yaml", escapes),
        ("industries.yaml", &industries),
    ])
}

/// `rolecmp completions SHELL` over `data`, written where the shell will read it.
fn script_over(shell: &str, data: &Path, dir: &Path, name: &str) -> PathBuf {
    let output = rolecmp()
        .args(["completions", shell, "--data"])
        .arg(data)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let path = dir.join(name);
    std::fs::write(&path, output.stdout).unwrap();
    path
}

/// No control character from a data file is in the script, to reach the terminal that lists
/// completions.
fn assert_no_escapes(script: &Path) {
    let text = std::fs::read_to_string(script).unwrap();
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{}",
        script.display()
    );
}

fn assert_nothing_ran(markers: &Path) {
    let ran: Vec<_> = std::fs::read_dir(markers).unwrap().collect();
    assert!(ran.is_empty(), "a payload ran: {ran:?}");
}

#[test]
fn hostile_titles_and_labels_never_run_when_bash_completes() {
    if !require_tool("bash") {
        return;
    }
    let markers = tempfile::tempdir().unwrap();
    let data = hostile_names(markers.path());
    let script = script_over("bash", data.path(), data.path(), "rolecmp.bash");
    run("bash", &["-n", script.to_str().unwrap()]);
    assert_no_escapes(&script);
    let complete = |words: &str| {
        let program = format!(
            "source {}; COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); \
             _rolecmp rolecmp \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display()
        );
        run("bash", &["-c", &program])
    };
    assert_eq!(complete("rolecmp show ev"), "evil\n");
    assert_eq!(
        complete("rolecmp compare cto cio --industry e"),
        "ecommerce\nevil-industry\n"
    );
    assert_nothing_ran(markers.path());
}

#[test]
fn hostile_titles_and_labels_never_run_when_fish_loads_and_completes() {
    if !require_tool("fish") {
        return;
    }
    let markers = tempfile::tempdir().unwrap();
    let data = hostile_names(markers.path());
    let script = script_over("fish", data.path(), data.path(), "rolecmp.fish");
    assert_no_escapes(&script);
    let script = script.to_str().unwrap();
    run("fish", &["-n", script]);
    let roles = run(
        "fish",
        &[
            "-c",
            &format!("source {script}; complete -C 'rolecmp show e'"),
        ],
    );
    assert!(
        roles.starts_with("escapes\tEscapes 0owned31m red\nevil\tEvil  touch "),
        "{roles}"
    );
    let industries = run(
        "fish",
        &[
            "-c",
            &format!("source {script}; complete -C 'rolecmp show cto --industry evil'"),
        ],
    );
    assert!(
        industries.starts_with("evil-industry\tEvil  touch "),
        "{industries}"
    );
    assert_nothing_ran(markers.path());
}

/// Drives an interactive zsh through a pseudo-terminal (zsh/zpty): types `line`, presses Tab,
/// then runs `print COMPLETED:` with what completion made of the line. It waits for the
/// prompt first, since keys typed before the line editor starts are not completed.
const ZSH_DRIVER: &str = r#"zmodload zsh/zpty
# Reads what the terminal shows until it matches $1, for at most 10 seconds.
await() {
  repeat 200; do
    while zpty -r -t z chunk; do out+=$chunk; done
    [[ $out == $~1 ]] && return 0
    sleep 0.05
  done
  print -r -- "timed out waiting for $1 in: $out"; exit 1
}
zpty -b z zsh -f -i
zpty -w z "bindkey -e; fpath=($1 \$fpath); autoload -U compinit; compinit -u -D; PROMPT='R''EADY> '"
out=; await '*READY> *'
zpty -w -n z "$2"$'\t'
sleep 0.5
zpty -w -n z $'\x01'"print -r -- COMPLETED:"$'\n'
out=; await "*"$'\n'"COMPLETED:*"$'\n'"*"
print -r -- "$out"
zpty -d z
"#;

#[test]
fn hostile_titles_and_labels_never_run_when_zsh_completes() {
    if !require_tool("zsh") {
        return;
    }
    let markers = tempfile::tempdir().unwrap();
    let data = hostile_names(markers.path());
    let functions = tempfile::tempdir().unwrap();
    let script = script_over("zsh", data.path(), functions.path(), "_rolecmp");
    run("zsh", &["-n", script.to_str().unwrap()]);
    assert_no_escapes(&script);
    let driver = functions.path().join("driver.zsh");
    std::fs::write(&driver, ZSH_DRIVER).unwrap();
    let complete = |line: &str| {
        let out = run(
            "zsh",
            &[
                driver.to_str().unwrap(),
                functions.path().to_str().unwrap(),
                line,
            ],
        );
        out.split("\nCOMPLETED:")
            .nth(1)
            .and_then(|rest| rest.lines().next())
            .map_or_else(
                || panic!("zsh did not complete {line:?}: {out:?}"),
                |line| line.trim_end().to_owned(),
            )
    };
    assert_eq!(complete("rolecmp show ev"), "rolecmp show evil");
    assert_eq!(
        complete("rolecmp show cto --industry evil"),
        "rolecmp show cto --industry evil-industry"
    );
    assert_nothing_ran(markers.path());
}

#[test]
fn ids_that_are_not_plain_are_refused_before_any_script_is_written() {
    let dir = folder(&[
        HANDBOOK,
        (
            "industries.yaml",
            "industries:\n  - id: x$(touch y)\n    label: X\n",
        ),
        (
            "a;b.yaml",
            "id: a;b\ntitle: T\nsummary:\n  - text: A role.\n    sources: [handbook]\n",
        ),
    ]);
    let output = rolecmp()
        .args(["completions", "bash", "--data"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    let shown = dir.path().display();
    for problem in [
        format!(
            "{shown}/a;b.yaml:1:5: id: role id 'a;b' is not a plain id: use ASCII letters, digits, '-', '_' and '.', starting with a letter or digit"
        ),
        format!(
            "{shown}/industries.yaml:2:9: industries[0].id: industry id 'x$(touch y)' is not a plain id"
        ),
    ] {
        assert!(stderr.contains(&problem), "{problem}\n{stderr}");
    }
}
