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
    on_terminal_of(fakes, env, args, (100, 24))
}

/// [`on_terminal`] on a pseudo-terminal of `size` (columns, rows).
fn on_terminal_of(
    fakes: &Fakes,
    env: &[(&str, &str)],
    args: &str,
    (columns, rows): (usize, usize),
) -> (bool, String) {
    let mut script = command("script");
    script
        .arg("-qec")
        .arg(format!(
            "stty rows {rows} cols {columns}; exec {} {args}",
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
        "compare cto cio --full",
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
            .any(|line| line.starts_with('─') && line.chars().count() == 100),
        "tables are laid out for the terminal's 100 columns: {paged}"
    );
    assert!(
        !screen.contains("CTO vs CIO"),
        "the output went to the pager only: {screen}"
    );
    // As git does, so that a bare PAGER=less keeps colours.
    assert_eq!(fakes.less_seen_by("pager"), "FRX\n");
}

/// The hint `compare` gives at a glance, on stderr.
const HINT: &str = "More: --full, or --section NAME";

#[test]
fn output_that_fits_the_terminal_is_never_paged_at_any_width() {
    if !require_tool("script") {
        return;
    }
    let fakes = Fakes::new();
    let pager = fakes.pager();
    let env = [("ROLECMP_PAGER", pager.to_str().unwrap())];
    let screen_of = |size: (usize, usize)| {
        let (ok, screen) = on_terminal_of(&fakes, &env, "compare cto cio", size);
        assert!(ok, "{screen}");
        let paged = fakes.read_by("pager");
        let _ = std::fs::remove_file(fakes.dir.path().join("pager.in"));
        let shown: Vec<String> = screen
            .lines()
            .map(|line| line.trim_end_matches('\r').to_owned())
            .collect();
        (shown, paged)
    };
    for columns in [80, 100, 200] {
        // What the tables really take at this width; the hint is one row, under 80 columns.
        let output = rolecmp()
            .env("COLUMNS", columns.to_string())
            .args(["compare", "cto", "cio"])
            .output()
            .unwrap();
        let lines = String::from_utf8(output.stdout).unwrap().lines().count();
        // Room for the output, the hint and the shell's prompt: all of it is printed.
        let (shown, paged) = screen_of((columns, lines + 2));
        assert_eq!(paged, None, "paged at {columns}×{}", lines + 2);
        assert!(shown[0].contains("CTO vs CIO"), "{shown:?}");
        assert!(
            shown[lines - 1].contains("rolecmp list sources)"),
            "{shown:?}"
        );
        assert!(shown[lines].contains(HINT), "the hint follows: {shown:?}");
        // Room for the output and the prompt only: printed, the hint left unsaid rather
        // than push the title off the screen.
        let (shown, paged) = screen_of((columns, lines + 1));
        assert_eq!(paged, None, "paged at {columns}×{}", lines + 1);
        assert_eq!(shown.len(), lines, "{shown:?}");
        assert!(shown[0].contains("CTO vs CIO"), "{shown:?}");
        assert!(!shown.iter().any(|line| line.contains(HINT)), "{shown:?}");
        // One row fewer and the first line would scroll away: it is paged, without the hint.
        let (_, paged) = screen_of((columns, lines));
        let paged = paged.expect("the pager ran");
        assert_eq!(paged.lines().count(), lines, "{paged}");
        assert!(!paged.contains(HINT), "the hint is no part of the output");
    }
}

#[test]
fn hints_go_to_a_terminal_and_never_into_output() {
    if !require_tool("script") {
        return;
    }
    let fakes = Fakes::new();
    let (ok, screen) = on_terminal(&fakes, &[], "compare cto cio --format markdown --no-pager");
    assert!(ok, "{screen}");
    assert!(screen.contains(HINT), "{screen}");
    // In a file, the page holds no hint; a terminal still sees it on stderr.
    let page = tempfile::NamedTempFile::new().unwrap();
    let (ok, screen) = on_terminal(
        &fakes,
        &[],
        &format!(
            "compare cto cio --format markdown > {}",
            page.path().display()
        ),
    );
    assert!(ok, "{screen}");
    assert!(screen.contains(HINT), "{screen}");
    let written = std::fs::read_to_string(page.path()).unwrap();
    assert!(written.starts_with("# CTO vs CIO\n"), "{written}");
    assert!(!written.contains("--full"), "{written}");
    // Machine formats and detailed views get none.
    for args in [
        "compare cto cio --format json --no-pager",
        "compare cto cio --full --no-pager",
    ] {
        let (ok, screen) = on_terminal(&fakes, &[], args);
        assert!(ok, "{screen}");
        assert!(!screen.contains(HINT), "{args}: {screen}");
    }
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
