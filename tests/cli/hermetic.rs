//! The suite ignores the environment it runs in: the user's data folder, `ROLECMP_DATA`, a
//! pager, colour and width settings and shell start-up files change no test's outcome,
//! because every process a test starts gets the environment of `main.rs`'s `command`.
//! `.ci/run` also runs the whole suite in such a polluted environment.

use std::path::Path;

use super::{HANDBOOK, command, folder};

#[test]
fn every_process_a_test_starts_sees_only_the_hermetic_environment() {
    let output = command("env").output().unwrap();
    let listed = String::from_utf8(output.stdout).unwrap();
    let mut names: Vec<&str> = listed
        .lines()
        .filter_map(|line| line.split_once('=').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "COLUMNS",
            "HOME",
            "LANG",
            "PATH",
            "XDG_CONFIG_HOME",
            "XDG_DATA_HOME"
        ],
        "{listed}"
    );
    // Shells and tools may leave their state in the hermetic home; rolecmp's own data
    // folder is never there.
    for (name, value) in super::hermetic_env() {
        if name == "XDG_DATA_HOME" {
            assert!(!Path::new(&value).join("rolecmp").exists());
        }
        if name == "HOME" {
            assert!(!Path::new(&value).join(".local/share/rolecmp").exists());
        }
    }
}

#[test]
fn no_test_starts_a_process_but_through_the_hermetic_helper() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&tests).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "main.rs" || name == "hermetic.rs" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (number, line) in text.lines().enumerate() {
            // A process, the binary's path, or the generic CI variable, found any other way.
            for pattern in [
                "Command::new(",
                "cargo_bin",
                "CARGO_BIN_EXE",
                "var(\"CI\")",
                "var_os(\"CI\")",
            ] {
                if line.contains(pattern) {
                    found.push(format!("{name}:{}: {}", number + 1, line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Executable `path` with `script` in it.
fn script(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

/// The tests run again under pollution: every command and format (golden files), the
/// README's examples, bash's and fish's completion, the pager and colour on a terminal, the
/// layers of data. `.ci/run` runs the whole suite in such an environment.
const RERUN: [&str; 7] = [
    "golden::",
    "readme::",
    "completions::the_bash_script",
    "completions::fish_accepts",
    "pager::",
    "conventions::a_terminal_gets_colour",
    "layering::layers_apply_in_order",
];

#[test]
fn a_polluted_environment_changes_no_outcome() {
    let polluted = folder(&[]);
    let root = polluted.path();
    let marker = root.join("touched");
    let touch = format!("#!/bin/sh\necho \"$0\" >> '{}'\n", marker.display());
    // A user's data folder, as the README invites: a company CIO replacing the built-in one
    // and an extra industry, under XDG_DATA_HOME and under HOME's default; another company
    // in ROLECMP_DATA.
    let company_cio =
        "id: cio\ntitle: Our CIO\nsummary:\n  - text: Runs IT.\n    sources: [handbook]\n";
    let industries = "industries:\n  - id: retail\n    label: Retail\n";
    for data in [
        root.join("xdg-data/rolecmp"),
        root.join("home/.local/share/rolecmp"),
    ] {
        std::fs::create_dir_all(&data).unwrap();
        std::fs::write(data.join(HANDBOOK.0), HANDBOOK.1).unwrap();
        std::fs::write(data.join("cio.yaml"), company_cio).unwrap();
        std::fs::write(data.join("industries.yaml"), industries).unwrap();
    }
    std::fs::create_dir_all(root.join("env-data")).unwrap();
    std::fs::write(root.join("env-data").join(HANDBOOK.0), HANDBOOK.1).unwrap();
    std::fs::write(
        root.join("env-data/cto.yaml"),
        "id: cto\ntitle: Our CTO\nsummary:\n  - text: Builds.\n    sources: [handbook]\n",
    )
    .unwrap();
    // A pager and shell start-up files that leave a mark if they ever run.
    script(&root.join("pager"), &touch);
    script(&root.join("bash_env"), &touch);
    script(&root.join("xdg-config/fish/config.fish"), &touch);
    let at = |path: &str| root.join(path).into_os_string();
    let pager = root.join("pager").into_os_string();

    let mut rerun = command(std::env::current_exe().unwrap());
    rerun
        .args(RERUN)
        .env("XDG_DATA_HOME", at("xdg-data"))
        .env("XDG_CONFIG_HOME", at("xdg-config"))
        .env("HOME", at("home"))
        .env("ROLECMP_DATA", at("env-data"))
        .env("ROLECMP_PAGER", &pager)
        .env("PAGER", &pager)
        .env("LESS", "-S")
        .env("NO_COLOR", "1")
        .env("CLICOLOR_FORCE", "1")
        .env("COLUMNS", "41")
        .env("BASH_ENV", at("bash_env"))
        .env("ENV", at("bash_env"))
        .env("SHELL", "/nonexistent/shell")
        .env("TERM", "dumb");
    // What the run needs from outside (tools) is asked for as in the parent.
    if let Some(required) = std::env::var_os("ROLECMP_REQUIRE") {
        rerun.env("ROLECMP_REQUIRE", required);
    }
    let output = rerun.output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    let passed: usize = stdout
        .lines()
        .find_map(|line| line.strip_prefix("test result: ok. "))
        .and_then(|rest| rest.split(' ').next())
        .and_then(|count| count.parse().ok())
        .unwrap_or_else(|| panic!("no test summary: {stdout}"));
    assert!(passed > 70, "only {passed} tests ran again: {stdout}");
    assert!(
        !marker.exists(),
        "a start-up file or pager ran: {}",
        std::fs::read_to_string(&marker).unwrap_or_default()
    );
}
