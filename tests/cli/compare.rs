use super::{failing_with, headings, json_of, stdout_of};

#[test]
fn answers_on_one_screen_by_default() {
    // The screen itself is pinned in tests/golden/compare-cto-cio.txt; the rule is that it
    // fits one, the detail sections waiting for --full, which its last line names.
    let out = stdout_of(&["compare", "cto", "cio"]);
    // 50 lines until the matrix gained two areas and every cell all of its supports; even at
    // 200 columns, with every cell on one line, the glance is now 53 lines long.
    let lines = out.lines().count();
    assert!(lines <= 61, "{lines} lines at 100 columns:\n{out}");
    assert_eq!(
        out.lines().last(),
        Some("Sources: brief, guide (titles: --section sources). More: --full, or --section NAME.")
    );
    assert_eq!(
        headings(&["compare", "cto", "cio"]),
        [
            "# CTO vs CIO",
            "## Responsibility matrix",
            "## Where the sources disagree"
        ]
    );
}

#[test]
fn every_statement_at_a_glance_carries_a_citation() {
    let glance = json_of(&["compare", "cto", "cio"]);
    let mut statements = 0;
    for role in glance["roles"].as_array().unwrap() {
        for (dimension, facts) in role["headlines"].as_object().unwrap() {
            assert!(
                !facts.as_array().unwrap().is_empty(),
                "no {dimension} headline"
            );
            for fact in facts.as_array().unwrap() {
                statements += 1;
                assert!(!fact["sources"].as_array().unwrap().is_empty(), "{fact}");
            }
        }
        for dispute in role["disputes"].as_array().unwrap() {
            statements += 1;
            assert!(
                !dispute["headline"]["sources"]
                    .as_array()
                    .unwrap()
                    .is_empty()
            );
        }
    }
    for row in glance["matrix"]["rows"].as_array().unwrap() {
        for cell in row["cells"].as_array().unwrap() {
            statements += 1;
            let cited = !cell["sources"].as_array().unwrap().is_empty();
            assert_eq!(cited, cell["level"] != "not-named", "{cell}");
        }
    }
    assert!(statements > 40, "only {statements} statements");
    let out = stdout_of(&["compare", "cto", "cio", "--width", "200"]);
    for line in out.lines().filter(|line| line.starts_with("• ")) {
        assert!(line.ends_with(']'), "an uncited disagreement: {line}");
    }
}

#[test]
fn full_prints_every_section() {
    assert_eq!(
        headings(&["compare", "cto", "cio", "--full"]),
        [
            "# CTO vs CIO",
            "## At a glance",
            "## Overview",
            "## Responsibility matrix",
            "## Responsibilities",
            "## Reporting lines",
            "## Industry examples",
            "## Overlap and collaboration",
            "## Where the sources disagree",
            "## Sources",
        ]
    );
    let full = json_of(&["compare", "cto", "cio", "--full"]);
    assert_eq!(full["view"], "full");
    let cio = &full["roles"][1];
    assert!(cio["summary"].as_array().unwrap().len() > 3);
    assert!(
        cio["disputes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| !d["claims"].as_array().unwrap().is_empty()),
        "--full keeps every claim"
    );
}

#[test]
fn json_at_a_glance_holds_the_same_sections_as_the_table() {
    let glance = json_of(&["compare", "cto", "cio"]);
    assert_eq!(glance["view"], "glance");
    let sections: Vec<&str> = glance["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(sections, ["headlines", "matrix", "disputes", "sources"]);
    assert!(glance["roles"][0]["summary"].as_array().unwrap().is_empty());
    assert!(glance["matrix"]["rows"].as_array().unwrap().len() > 10);
}

#[test]
fn section_and_full_cannot_be_combined() {
    assert_eq!(
        failing_with(
            2,
            &["compare", "cto", "cio", "--full", "--section", "reporting"]
        ),
        "error: the argument '--full' cannot be used with '--section <SECTION>'\n\n\
         Usage: rolecmp compare --full <ROLES> <ROLES>...\n\nFor more information, try '--help'.\n"
    );
}

#[test]
fn overlap_table_names_the_pair_once_when_two_roles_are_compared() {
    let out = stdout_of(&["compare", "cto", "cio", "--section", "collaboration"]);
    let pair = "Chief Technology Officer and Chief Information Officer";
    let alt = "Chief Information Officer and Chief Technology Officer";
    let named = out.matches(pair).count() + out.matches(alt).count();
    assert_eq!(named, 1, "the pair is named on every row:\n{out}");
    assert!(out.contains("With other roles"), "{out}");
}

#[test]
fn shows_that_one_person_may_hold_both_posts() {
    let comparison = json_of(&["compare", "cto", "cio", "--section", "collaboration"]);
    assert!(
        comparison["collaboration"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["relation"] == "combined")
    );
}

#[test]
fn compares_more_than_two_roles() {
    let comparison = json_of(&["compare", "cto", "cio", "cdo"]);
    let ids: Vec<&str> = comparison["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["cto", "cio", "cdo"]);
}

#[test]
fn industry_compares_that_industry_only() {
    let comparison = json_of(&["compare", "cto", "cio", "--industry", "manufacturing"]);
    let rows = comparison["industries"].as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["id"], "manufacturing");
    assert!(rows[0]["roles"]["cto"].is_array() && rows[0]["roles"]["cio"].is_array());
}

#[test]
fn reporting_section_shows_the_disagreement_side_by_side() {
    assert_eq!(
        headings(&["compare", "cto", "cio", "--section", "reporting"]),
        ["# CTO vs CIO", "## Reporting lines", "## Sources"]
    );
    // One row per role the lines lead to, each role's claims side by side, each cited.
    super::golden::check(
        "compare-cto-cio-reporting.txt",
        &stdout_of(&["compare", "cto", "cio", "--section", "reporting"]),
    );
}

#[test]
fn section_sources_alone_lists_every_source_the_comparison_cites() {
    let table = stdout_of(&["compare", "cto", "cio", "--section", "sources"]);
    assert!(
        table.contains("│ brief ") && table.contains("│ guide "),
        "{table}"
    );
    let markdown = stdout_of(&[
        "compare",
        "cto",
        "cio",
        "--section",
        "sources",
        "--format",
        "markdown",
    ]);
    assert!(
        markdown.contains("\n| brief |") && markdown.contains("\n| guide |"),
        "{markdown}"
    );
}

#[test]
fn naming_the_same_role_twice_is_a_usage_error() {
    assert_eq!(
        failing_with(2, &["compare", "cto", "Chief Technical Officer"]),
        "error: 'cto' and 'Chief Technical Officer' both name the role 'cto': name each role once (to set a role beside its built-in version: cto builtin:cto)\n"
    );
}

#[test]
fn more_than_12_roles_is_a_usage_error_that_names_the_limit() {
    // Every extra role adds a column to every row: thousands of roles once ran out of memory.
    let roles = ["cto", "cio", "cdo", "ceo", "cfo"].repeat(3);
    let output = super::rolecmp()
        .arg("compare")
        .args(&roles)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: compare takes at most 12 roles, not 15: more side by side does not read (list, search and graph take any number)\n"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn csv_at_a_glance_holds_the_matrix_as_the_table_does() {
    let csv = stdout_of(&["compare", "cto", "cio", "--format", "csv"]);
    for row in [
        "cto,matrix,Digital transformation,often shared with CIO,guide",
        "cio,matrix,Product technology,partly responsible,brief",
        "cto,headlines,Role,Senior technology executive.,guide",
    ] {
        assert!(csv.lines().any(|line| line == row), "{row} missing:\n{csv}");
    }
    assert!(
        !csv.lines().any(|line| line.contains("not named")),
        "silent cells are left out: {csv}"
    );
}
