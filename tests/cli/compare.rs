use super::{failing_with, headings, json_of, rolecmp, stdout_of};

#[test]
fn answers_on_one_screen_by_default() {
    // The screen itself is pinned in tests/golden/compare-cto-cio.txt; the rule is that it
    // fits one, the detail sections waiting for --full.
    let out = stdout_of(&["compare", "cto", "cio"]);
    // Hints are for a person at a terminal, on stderr (see the pager tests), never output.
    assert!(!out.contains("--full"), "a hint in the output:\n{out}");
    // 59 lines until the open sources added the CIO's federal duties, two questions of the
    // CIO's own and ESCO's citations (81). Questions about one of the roles alone and those
    // other roles raise wait for the detail, and say so.
    // 67: the CIO's security cell cites the brief apart, as "often responsible" (issue 23b).
    let lines = out.lines().count();
    assert!(lines <= 67, "{lines} lines at 100 columns:\n{out}");
    assert!(
        out.contains(
            "\n7 more questions in the detail: 3 about the CIO alone, 4 that other roles raise.\n"
        ),
        "{out}"
    );
    assert!(!out.contains("Which occupation is the CIO?"), "{out}");
    assert_eq!(
        headings(&["compare", "cto", "cio"]),
        [
            "# CTO vs CIO",
            "## Responsibility matrix",
            "## Where the sources disagree",
            "## Sources"
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
            "## Occupation codes",
            "## Pay and labour market, by occupation",
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
    let comparison = json_of(&["compare", "cto", "cio", "chief-data-officer"]);
    let ids: Vec<&str> = comparison["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["cto", "cio", "chief-data-officer"]);
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
fn industry_narrows_the_glance_and_never_replaces_it() {
    let out = stdout_of(&["compare", "cto", "cio", "--industry", "healthcare"]);
    assert!(
        out.starts_with("CTO vs CIO, with Healthcare examples\n"),
        "{out}"
    );
    for kept in [
        "Dimension  │ CTO",
        "Responsibility matrix",
        "Where the sources disagree",
        "Two roles or one?",
        "Industry examples",
        "Healthcare │",
    ] {
        assert!(out.contains(kept), "{kept} is missing:\n{out}");
    }
    for left_out in ["Manufacturing", "Overview", "Summary"] {
        assert!(
            !out.lines()
                .any(|line| line == left_out || line.starts_with(&format!("{left_out} "))),
            "{left_out} is shown:\n{out}"
        );
    }
}

#[test]
fn differences_only_shows_the_areas_and_disagreements_where_the_roles_differ() {
    let all = stdout_of(&["compare", "cto", "cio", "--width", "200"]);
    let out = stdout_of(&[
        "compare",
        "cto",
        "cio",
        "--differences-only",
        "--width",
        "200",
    ]);
    assert!(out.starts_with("CTO vs CIO: where they differ\n"), "{out}");
    // Both responsible, or working with each other, on the same sources: the same claim
    // about both. (Budgeting cites ESCO for the CIO only, so there they differ.)
    for same in ["Executive engagement", "Innovation"] {
        assert!(all.contains(same) && !out.contains(same), "{same}:\n{out}");
    }
    for differs in [
        "Vendor management",
        "Research and development",
        "Team leadership",
    ] {
        assert!(out.contains(differs), "{differs}:\n{out}");
    }
    // Disagreements both roles record are left out; one only the CIO records stays.
    assert!(!out.contains("Who reports to whom?"), "{out}");
    assert!(out.contains("What is the CIO's focus?"), "{out}");
    assert_eq!(
        stdout_of(&["compare", "cto", "cio", "--changes-only", "--width", "200"]),
        out,
        "--changes-only is the same flag"
    );
}

#[test]
fn at_a_glance_areas_the_sources_describe_alike_share_a_row() {
    let glance = stdout_of(&["compare", "cto", "ciso", "--width", "200"]);
    let row = glance
        .lines()
        .find(|line| {
            line.starts_with("Budgeting and resources, Executive engagement, Research and ")
        })
        .unwrap_or_else(|| panic!("no shared row:\n{glance}"));
    assert_eq!(
        row.split(" │ ").skip(1).map(str::trim).collect::<Vec<_>>(),
        ["responsible [guide]", "not named"],
        "{glance}"
    );
    // Every area is still there, each once.
    let areas = json_of(&["compare", "cto", "cio"])["matrix"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["label"].as_str().unwrap().to_owned())
        .collect::<Vec<_>>();
    assert!(areas.len() > 10, "{areas:?}");
    let page = stdout_of(&["compare", "cto", "cio", "--format", "markdown"]);
    // In the page's body: the list of sources at its end may name an area in a title.
    let (body, _) = page.rsplit_once("\n## Sources\n").unwrap();
    for area in &areas {
        assert_eq!(body.matches(area.as_str()).count(), 1, "{area}: {page}");
    }
    // In detail, one row per area.
    let detail = stdout_of(&[
        "compare",
        "cto",
        "cio",
        "--section",
        "matrix",
        "--width",
        "300",
    ]);
    for area in &areas {
        assert!(
            detail
                .lines()
                .any(|line| line.starts_with(&format!("{area} "))),
            "{area}: {detail}"
        );
    }
}

#[test]
fn labels_name_the_columns_in_the_order_of_the_roles() {
    let out = stdout_of(&[
        "compare", "cto", "cio", "--label", "Our CTO", "--width", "200",
    ]);
    assert!(out.starts_with("Our CTO vs CIO\n"), "{out}");
    assert!(out.contains("Dimension  │ Our CTO "), "{out}");
    assert!(out.contains("Area") && out.contains("│ Our CTO"), "{out}");
    assert!(out.contains("often shared with Our CTO [guide]"), "{out}");
    let markdown = stdout_of(&[
        "compare", "cto", "cio", "--label", "A", "--label", "B", "--format", "markdown",
    ]);
    assert!(markdown.contains("| Dimension | A | B |"), "{markdown}");
    rolecmp()
        .args([
            "compare", "cto", "cio", "--label", "A", "--label", "B", "--label", "C",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "3 labels for 2 roles: give at most one --label per compared role",
        ));
}

#[test]
fn the_matrix_legend_follows_the_matrix_in_every_format() {
    const LEGEND: &str =
        "Shared: a source says the roles overlap. Not named: the sources are silent.";
    let table = stdout_of(&["compare", "cto", "cio"]);
    assert!(
        table.contains(&format!("]\n{LEGEND}\n\nWhere the sources disagree\n")),
        "the line under the table:\n{table}"
    );
    let markdown = stdout_of(&["compare", "cto", "cio", "--format", "markdown"]);
    assert!(
        markdown.contains(&format!(
            " |\n\n{LEGEND}\n\n## Where the sources disagree\n"
        )),
        "a paragraph under the table:\n{markdown}"
    );
    assert_eq!(
        json_of(&["compare", "cto", "cio"])["matrix"]["legend"],
        LEGEND
    );
    assert!(stdout_of(&["compare", "cto", "cio", "--format", "yaml"]).contains(LEGEND));
    for args in [
        &["matrix"][..],
        &["show", "cio"],
        &["show", "cio", "--full"],
    ] {
        assert!(stdout_of(args).contains(LEGEND), "no legend in {args:?}");
    }
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
    // Asked for alone, the sources have their titles, however many there are.
    let table = stdout_of(&["compare", "cto", "cio", "--section", "sources"]);
    assert!(
        table.contains("\nSources: [abs-anzsco-1351] ANZSCO")
            && table.contains("\n         [brief] Untitled short article")
            && table.contains("\n         [guide] Untitled long guide"),
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
        markdown.contains("\n## Sources\n\n- \\[abs-anzsco-1351\\] ANZSCO")
            && markdown.contains("\n- \\[brief\\] Untitled short article")
            && markdown.contains("\n- \\[guide\\] Untitled long guide"),
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
fn two_titles_the_sources_discuss_as_one_role_point_at_that_discussion() {
    assert_eq!(
        failing_with(2, &["compare", "it director", "it manager"]),
        "error: 'it director' and 'it manager' both name the role 'it-director': name each role once; this knowledge base keeps 'it director' and 'it manager' as one role (what the sources say: rolecmp show it-director --section disputes)\n"
    );
    let disputes = super::stdout_of(&[
        "show",
        "it-director",
        "--section",
        "disputes",
        "--format",
        "markdown",
    ]);
    assert!(
        disputes.contains("IT director and IT manager, one role or two?"),
        "{disputes}"
    );
}

#[test]
fn more_than_12_roles_is_a_usage_error_that_names_the_limit() {
    // Every extra role adds a column to every row: thousands of roles once ran out of memory.
    let roles = ["cto", "cio", "ciso", "ceo", "cfo"].repeat(3);
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
