use super::{json_of, stdout_of};

#[test]
fn compares_roles_side_by_side_with_a_column_each() {
    let out = stdout_of(&["compare", "cto", "cio"]);
    let header = out
        .lines()
        .find(|line| line.contains("Dimension"))
        .expect("overview header");
    assert!(header.contains("CTO") && header.contains("CIO"), "{header}");
    for heading in [
        "Overview",
        "Responsibilities",
        "Reporting lines",
        "Industry examples",
        "Shared and distinct",
        "Overlap and collaboration",
        "Where the sources disagree",
        "Sources",
    ] {
        assert!(out.contains(heading), "{heading} missing");
    }
}

#[test]
fn reports_what_both_share_and_what_only_one_has() {
    let comparison = json_of(&["compare", "cto", "cio"]);
    let areas = comparison["differences"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["aspect"] == "Responsibility areas")
        .expect("responsibility differences");
    let shared: Vec<&str> = areas["shared"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(shared.contains(&"Security"), "{shared:?}");
    assert!(shared.contains(&"Innovation"), "{shared:?}");
    let cto_areas: Vec<&str> = areas["only"]["cto"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        cto_areas.contains(&"Research and development"),
        "{cto_areas:?}"
    );
    let cio_areas: Vec<&str> = areas["only"]["cio"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(cio_areas.contains(&"Vendor management"), "{cio_areas:?}");
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
    let out = stdout_of(&["compare", "cto", "cio", "--section", "reporting"]);
    assert!(out.contains("Chief Financial Officer"));
    assert!(out.contains("[brief]") && out.contains("[guide]"));
    assert!(!out.contains("Industry examples"));
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
