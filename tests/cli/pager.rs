//! The pager: on a real pseudo-terminal (script(1)), with a fake pager that records what it
//! was given.

use std::path::{Path, PathBuf};

use super::require::require_tool;
use super::{command, rolecmp, rolecmp_path, stdout_of};

/// A folder with a fake pager (`pager`) and a fake `less`, each recording its arguments,
/// the `LESS` it saw and its whole stdin in `<name>.args`, `<name>.less`, `<name>.in`.
struct Fakes {
    dir: tempfile::TempDir,
}

impl Fakes {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        for name in ["pager", "less"] {
            let log = dir.path().join(name);
            let script = format!(
                "#!/bin/sh\nprintf '%s\\n' \"$*\" > '{log}.args'\nprintf '%s\\n' \"${{LESS-unset}}\" > '{log}.less'\ncat > '{log}.in'\n",
                log = log.display()
            );
            let path = dir.path().join(name);
            std::fs::write(&path, script).unwrap();
            make_executable(&path);
        }
        Self { dir }
    }

    fn pager(&self) -> PathBuf {
        self.dir.path().join("pager")
    }

    /// What the fake `name` read on its stdin, if it ran.
    fn read_by(&self, name: &str) -> Option<String> {
        std::fs::read_to_string(self.dir.path().join(format!("{name}.in"))).ok()
    }

    fn args_of(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(format!("{name}.args"))).unwrap()
    }

    fn less_seen_by(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(format!("{name}.less"))).unwrap()
    }
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// Runs `rolecmp args` on a 100×24 pseudo-terminal with the fake `less` first on the PATH and
/// the given environment; returns whether it succeeded and what reached the screen.
fn on_terminal(fakes: &Fakes, env: &[(&str, &str)], args: &str) -> (bool, String) {
    let mut script = command("script");
    script
        .arg("-qec")
        .arg(format!(
            "stty rows 24 cols 100; exec {} {args}",
            rolecmp_path().display()
        ))
        .arg("/dev/null")
        .env("TERM", "xterm-256color")
        .env(
            "PATH",
            format!(
                "{}:{}",
                fakes.dir.path().display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        );
    // The terminal's size, not COLUMNS, is what a user's run sees.
    script.env_remove("COLUMNS");
    for (name, value) in env {
        script.env(name, value);
    }
    let output = script.output().unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn output_taller_than_the_terminal_goes_to_the_pager_with_its_colours() {
    if !require_tool("script") {
        return;
    }
    let fakes = Fakes::new();
    let pager = fakes.pager();
    let (ok, screen) = on_terminal(
        &fakes,
        &[("ROLECMP_PAGER", pager.to_str().unwrap())],
        "compare cto cio",
    );
    assert!(ok, "{screen}");
    let paged = fakes.read_by("pager").expect("the pager ran");
    assert!(
        paged.starts_with("\u{1b}[1m\u{1b}[36mCTO vs CIO\u{1b}[0m\n"),
        "colours reach the pager: {paged:?}"
    );
    assert!(paged.contains("Where the sources disagree"), "{paged}");
    assert!(
        paged
            .lines()
            .any(|line| line.starts_with('┌') && line.chars().count() == 100),
        "tables are laid out for the terminal's 100 columns: {paged}"
    );
    assert!(
        !screen.contains("CTO vs CIO"),
        "the output went to the pager only: {screen}"
    );
    // As git does, so that a bare PAGER=less keeps colours.
    assert_eq!(fakes.less_seen_by("pager"), "FRX\n");
}

#[test]
fn output_that_fits_the_terminal_is_printed_without_a_pager() {
    if !require_tool("script") {
        return;
    }
    let fakes = Fakes::new();
    let pager = fakes.pager();
    let (ok, screen) = on_terminal(
        &fakes,
        &[("ROLECMP_PAGER", pager.to_str().unwrap())],
        "list",
    );
    assert!(ok, "{screen}");
    assert!(screen.contains("Chief Data Officer"), "{screen}");
    assert_eq!(fakes.read_by("pager"), None);
}

#[test]
fn no_pager_and_an_empty_rolecmp_pager_print_straight_to_the_terminal() {
    if !require_tool("script") {
        return;
    }
    let fakes = Fakes::new();
    let pager = fakes.pager();
    let pager = pager.to_str().unwrap();
    for (env, args) in [
        (
            &[("ROLECMP_PAGER", pager)][..],
            "compare cto cio --no-pager",
        ),
        (
            &[("ROLECMP_PAGER", ""), ("PAGER", pager)],
            "compare cto cio",
        ),
        (&[("PAGER", "cat")], "compare cto cio"),
    ] {
        let (ok, screen) = on_terminal(&fakes, env, args);
        assert!(ok, "{screen}");
        assert!(screen.contains("Where the sources disagree"), "{env:?}");
        assert_eq!(fakes.read_by("pager"), None, "{env:?} {args}");
        assert_eq!(fakes.read_by("less"), None, "{env:?} {args}");
    }
}

#[test]
fn rolecmp_pager_wins_over_pager_and_pager_over_less() {
    if !require_tool("script") {
        return;
    }
    let fakes = Fakes::new();
    let pager = fakes.pager();
    let own = format!("{} own --flag", pager.display());
    let general = format!("{} general", pager.display());
    on_terminal(
        &fakes,
        &[("ROLECMP_PAGER", &own), ("PAGER", &general)],
        "show cto",
    );
    assert_eq!(fakes.args_of("pager"), "own --flag\n");
    on_terminal(&fakes, &[("PAGER", &general)], "show cto");
    assert_eq!(fakes.args_of("pager"), "general\n");
    assert_eq!(fakes.read_by("less"), None);
}

#[test]
fn without_a_pager_variable_less_runs_with_frx() {
    if !require_tool("script") {
        return;
    }
    let fakes = Fakes::new();
    let (ok, _) = on_terminal(&fakes, &[], "show cto");
    assert!(ok);
    assert_eq!(fakes.args_of("less"), "-FRX\n");
    assert!(
        fakes
            .read_by("less")
            .unwrap()
            .contains("Chief Technology Officer")
    );
    // The user's own LESS options are left alone.
    on_terminal(&fakes, &[("LESS", "-S")], "show cto");
    assert_eq!(fakes.less_seen_by("less"), "-S\n");
}

#[test]
fn a_pager_that_cannot_start_leaves_the_output_on_the_terminal() {
    if !require_tool("script") {
        return;
    }
    let fakes = Fakes::new();
    for pager in ["/nonexistent/pager", "'unbalanced"] {
        let (ok, screen) = on_terminal(&fakes, &[("ROLECMP_PAGER", pager)], "compare cto cio");
        assert!(ok, "{screen}");
        assert!(
            screen.contains("CTO vs CIO") && screen.contains("Where the sources disagree"),
            "{pager}: {screen}"
        );
        assert!(!screen.contains("error"), "{pager}: {screen}");
    }
}

#[test]
fn a_pager_quit_before_the_end_exits_quietly() {
    if !require_tool("script") {
        return;
    }
    let fakes = Fakes::new();
    // Reads one line and quits, as `q` in less does, long before the output ends.
    let (ok, screen) = on_terminal(&fakes, &[("ROLECMP_PAGER", "head -n 1")], "compare cto cio");
    assert!(ok, "{screen}");
    assert!(screen.contains("CTO vs CIO"), "{screen}");
    assert!(!screen.contains("error"), "{screen}");
}

#[test]
fn a_pipe_is_never_paged() {
    let fakes = Fakes::new();
    let output = rolecmp()
        .env("ROLECMP_PAGER", fakes.pager())
        .env("PAGER", fakes.pager())
        .args(["compare", "cto", "cio"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        stdout_of(&["compare", "cto", "cio"])
    );
    assert_eq!(fakes.read_by("pager"), None);
}

#[test]
fn ctrl_c_while_paging_is_left_to_the_pager() {
    if !require_tool("script") {
        return;
    }
    let fakes = Fakes::new();
    // A pager that reads everything, then gets the Ctrl-C a user would type: the terminal
    // sends SIGINT to rolecmp too, which must wait for the pager rather than die under it.
    let pager = fakes.dir.path().join("interrupted");
    std::fs::write(
        &pager,
        "#!/bin/sh\ncat > /dev/null\nkill -INT \"$PPID\"\necho 'pager still drawing'\n",
    )
    .unwrap();
    make_executable(&pager);
    let (ok, screen) = on_terminal(
        &fakes,
        &[("ROLECMP_PAGER", pager.to_str().unwrap())],
        "compare cto cio",
    );
    assert!(
        ok,
        "rolecmp died of the Ctrl-C meant for its pager: {screen}"
    );
    assert!(screen.contains("pager still drawing"), "{screen}");
}
