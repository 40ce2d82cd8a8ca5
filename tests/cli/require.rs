//! What a check needs from outside the repository: an outside tool, or the two source
//! articles. `ROLECMP_REQUIRE` (a comma list of `tools` and `seeds`; `.ci/run` sets both)
//! makes a missing one fail the test. Without it the test passes having checked nothing,
//! and says so on the terminal: a `SKIPPED` line among the harness's own `test … ok` lines,
//! written past its output capture so that a skip can never pass for a check that ran.

use std::io::Write;
use std::path::{Path, PathBuf};

/// What `ROLECMP_REQUIRE` may name.
const REQUIREMENTS: [&str; 2] = ["seeds", "tools"];

/// Whether `ROLECMP_REQUIRE` names `what`; a word it does not know fails, so that a typo
/// cannot turn a requirement off.
fn required(what: &str) -> bool {
    let list = std::env::var("ROLECMP_REQUIRE").unwrap_or_default();
    let words: Vec<&str> = list
        .split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect();
    for word in &words {
        assert!(
            REQUIREMENTS.contains(word),
            "ROLECMP_REQUIRE={list}: unknown requirement '{word}' (known: seeds, tools)"
        );
    }
    words.contains(&what)
}

/// Says on the terminal that the running test checked nothing, and why.
fn skipped(why: &str) {
    let test = std::thread::current().name().unwrap_or("a test").to_owned();
    // Straight to the process's stderr: the harness would hide an eprintln! of a test that
    // passes, and a skip is exactly what must not hide.
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
}

/// True when the outside tool `name` can run. When it cannot: fails if `ROLECMP_REQUIRE`
/// has `tools`, else says SKIPPED. `mermaid` and `mdx` are Node checkers in tests/tools/.
pub fn require_tool(name: &str) -> bool {
    let needed = required("tools");
    let (found, install) = match name {
        "mermaid" | "mdx" => {
            let module = if name == "mermaid" {
                "mermaid"
            } else {
                "@mdx-js/mdx"
            };
            (
                on_path("node")
                    && node_checker(name)
                        .join("node_modules")
                        .join(module)
                        .is_dir(),
                format!("node and `npm ci --prefix tests/tools/{name}`"),
            )
        }
        _ => (on_path(name), name.to_owned()),
    };
    if !found {
        assert!(
            !needed,
            "{name} is needed by this test and missing: .ci/run must install {install}"
        );
        skipped(&format!(
            "{name} is not installed (install {install}; with ROLECMP_REQUIRE=tools this fails)"
        ));
    }
    found
}

/// The folder of the two source articles: `ROLECMP_SEEDS`, else `../shared/seeds` beside the
/// project. When it is missing: fails if `ROLECMP_REQUIRE` has `seeds`, else says SKIPPED.
pub fn require_seeds() -> Option<PathBuf> {
    let needed = required("seeds");
    let seeds = std::env::var_os("ROLECMP_SEEDS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds"),
        PathBuf::from,
    );
    if seeds.is_dir() {
        return Some(seeds);
    }
    assert!(
        !needed,
        "the source articles are needed by this test and {} is missing: set ROLECMP_SEEDS",
        seeds.display()
    );
    skipped(&format!(
        "no source articles at {} (set ROLECMP_SEEDS; with ROLECMP_REQUIRE=seeds this fails)",
        seeds.display()
    ));
    None
}

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

/// The test binary itself, running one of its own tests with `env` over a cleared
/// environment: success, stdout, stderr.
fn run_own_test(test: &str, env: &[(&str, &str)]) -> (bool, String, String) {
    let mut own = super::command(std::env::current_exe().unwrap());
    own.args([test, "--exact", "--test-threads=1"])
        .envs(env.iter().copied());
    let output = own.output().unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

const TOOL_TEST: &str = "graph::graphviz_accepts_the_dot_of_every_graph";
const SEEDS_TEST: &str = "fidelity::the_copy_check_finds_a_copied_sentence";

#[test]
fn a_missing_tool_is_a_visible_skip_even_under_ci_and_a_failure_when_required() {
    let empty = tempfile::tempdir().unwrap();
    let path = empty.path().to_str().unwrap();
    for ci in [&[][..], &[("CI", "true")]] {
        let env = [ci, &[("PATH", path)]].concat();
        let (ok, stdout, stderr) = run_own_test(TOOL_TEST, &env);
        assert!(ok, "{env:?}: {stdout}");
        assert!(
            stderr.contains(&format!(
                "SKIPPED {TOOL_TEST}: dot is not installed (install dot; with ROLECMP_REQUIRE=tools this fails)\n"
            )),
            "{env:?}: {stderr}"
        );
    }
    let (ok, stdout, _) = run_own_test(
        TOOL_TEST,
        &[("PATH", path), ("ROLECMP_REQUIRE", "seeds,tools")],
    );
    assert!(!ok);
    assert!(
        stdout.contains("dot is needed by this test and missing: .ci/run must install dot"),
        "{stdout}"
    );
}

#[test]
fn missing_articles_are_a_visible_skip_even_under_ci_and_a_failure_when_required() {
    let nowhere = "/nonexistent/seeds";
    for ci in [&[][..], &[("CI", "true")]] {
        let env = [ci, &[("ROLECMP_SEEDS", nowhere)]].concat();
        let (ok, stdout, stderr) = run_own_test(SEEDS_TEST, &env);
        assert!(ok, "{env:?}: {stdout}");
        assert!(
            stderr.contains(&format!(
                "SKIPPED {SEEDS_TEST}: no source articles at {nowhere} (set ROLECMP_SEEDS; with ROLECMP_REQUIRE=seeds this fails)\n"
            )),
            "{env:?}: {stderr}"
        );
    }
    let (ok, stdout, _) = run_own_test(
        SEEDS_TEST,
        &[
            ("ROLECMP_SEEDS", nowhere),
            ("ROLECMP_REQUIRE", "tools,seeds"),
        ],
    );
    assert!(!ok);
    assert!(
        stdout.contains(&format!(
            "the source articles are needed by this test and {nowhere} is missing: set ROLECMP_SEEDS"
        )),
        "{stdout}"
    );
}

#[test]
fn a_misspelt_requirement_fails_rather_than_require_nothing() {
    let (ok, stdout, _) = run_own_test(
        SEEDS_TEST,
        &[
            ("ROLECMP_SEEDS", "/nonexistent/seeds"),
            ("ROLECMP_REQUIRE", "seed"),
        ],
    );
    assert!(!ok);
    assert!(
        stdout.contains("ROLECMP_REQUIRE=seed: unknown requirement 'seed' (known: seeds, tools)"),
        "{stdout}"
    );
}
