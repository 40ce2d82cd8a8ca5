use super::{json_of, stdout_of};

#[test]
fn lists_every_built_in_role_by_default() {
    let out = stdout_of(&["list"]);
    for title in [
        "Chief Technology Officer",
        "Chief Information Officer",
        "Chief Executive Officer",
        "Chief Financial Officer",
        "Chief Data Officer",
    ] {
        assert!(out.contains(title), "{title} missing from:\n{out}");
    }
    assert!(out.contains("built-in"));
}

#[test]
fn lists_industries_areas_and_sources() {
    let industries = json_of(&["list", "industries"]);
    let ids: Vec<&str> = industries
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "ecommerce",
            "financial-services",
            "healthcare",
            "manufacturing"
        ]
    );

    let areas = json_of(&["list", "areas"]);
    assert!(
        areas
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["id"] == "security")
    );

    let sources = json_of(&["list", "sources"]);
    let ids: Vec<&str> = sources
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["brief", "guide"]);
}

#[test]
fn ids_in_a_piped_table_are_never_broken_so_they_can_be_copied() {
    for kind in ["areas", "industries", "sources", "roles"] {
        let listing = json_of(&["list", kind]);
        let table = stdout_of(&["list", kind]);
        for entry in listing.as_array().unwrap() {
            let id = entry["id"].as_str().unwrap();
            assert!(
                table.lines().any(|line| line.contains(&format!("│ {id} "))),
                "{kind}: the id {id} is broken across lines:\n{table}"
            );
        }
    }
}
