use std::path::PathBuf;
use std::process::Command;

use super::stdout_of;
use super::tools::available;

/// Writes `rolecmp completions SHELL` to a file for the shell to read.
fn script(shell: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("rolecmp.{shell}"));
    std::fs::write(&path, stdout_of(&["completions", shell])).unwrap();
    path
}

fn run(shell: &str, args: &[&str]) -> String {
    let output = Command::new(shell).args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{shell} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_bash_script_sources_cleanly_and_completes_role_ids_and_industries() {
    if !available("bash") {
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
    assert_eq!(complete("rolecmp show c"), "cdo\nceo\ncfo\ncio\ncto\n");
    assert_eq!(complete("rolecmp compare cto ci"), "cio\n");
    assert_eq!(
        complete("rolecmp compare cto cio --industry h"),
        "healthcare\n"
    );
}

#[test]
fn zsh_accepts_its_script_and_it_lists_role_ids() {
    if !available("zsh") {
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
    if !available("fish") {
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
        out.starts_with("Chief Information Officer (CIO) in Healthcare"),
        "{out}"
    );
}
