//! `compare cto cio` in every format, at a glance and in full, compared with the files in
//! tests/golden/.
//! Run with `UPDATE_GOLDEN=1` to rewrite them after an intended change, then review the diff.

use std::path::PathBuf;

use super::stdout_of;

fn check(name: &str, args: &[&str]) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    let actual = stdout_of(args);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "{} is missing: run UPDATE_GOLDEN=1 cargo test",
            path.display()
        )
    });
    if actual != expected {
        let line = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .map_or(0, |i| i + 1);
        panic!(
            "output differs from {} (first at line {line}); if intended, run UPDATE_GOLDEN=1 cargo test",
            path.display()
        );
    }
}

#[test]
fn compare_cto_cio_as_a_table_matches_the_golden_file() {
    check("compare-cto-cio.txt", &["compare", "cto", "cio"]);
}

#[test]
fn compare_cto_cio_as_markdown_matches_the_golden_file() {
    check(
        "compare-cto-cio.md",
        &["compare", "cto", "cio", "--format", "markdown"],
    );
}

#[test]
fn compare_cto_cio_as_json_matches_the_golden_file() {
    check(
        "compare-cto-cio.json",
        &["compare", "cto", "cio", "--format", "json"],
    );
}

#[test]
fn compare_cto_cio_in_full_as_markdown_matches_the_golden_file() {
    check(
        "compare-cto-cio-full.md",
        &["compare", "cto", "cio", "--full", "--format", "markdown"],
    );
}
