use super::{json_of, stdout_of};

#[test]
fn lists_every_built_in_role_by_default() {
    // The table is pinned in tests/golden/list.txt.
    let roles = json_of(&["list"]);
    let listed: Vec<(&str, &str, &str)> = roles
        .as_array()
        .unwrap()
        .iter()
        .map(|role| {
            assert_eq!(role["origin"].as_array().unwrap().len(), 1, "{role}");
            (
                role["id"].as_str().unwrap(),
                role["title"].as_str().unwrap(),
                role["origin"][0]["file"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("ceo", "Chief Executive Officer", "built-in"),
            ("cfo", "Chief Financial Officer", "built-in"),
            ("chief-data-officer", "Chief Data Officer", "built-in"),
            ("chief-digital-officer", "Chief Digital Officer", "built-in"),
            ("cio", "Chief Information Officer", "built-in"),
            ("ciso", "Chief Information Security Officer", "built-in"),
            ("cto", "Chief Technology Officer", "built-in"),
            ("it-director", "Information Technology Director", "built-in"),
        ]
    );
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
            "government",
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
    assert_eq!(
        ids,
        [
            "abs-anzsco-1351",
            "bls-ooh-cism",
            "brief",
            "cdo-gov",
            "cio-gov-handbook",
            "esco-cdo",
            "esco-ceo",
            "esco-cio",
            "esco-ciso",
            "esco-cto",
            "esco-dt-manager",
            "gao-04-823",
            "gao-11-634",
            "gao-18-93",
            "general",
            "gsa-cdo-post",
            "guide",
            "isco-08-1330",
            "onet-11-1011",
            "onet-11-3021",
            "onet-15-1299-05",
            "ons-soc-2020",
            "usc-40-11315",
            "usc-44-3506",
            "usc-44-3520",
            "usc-44-3554"
        ]
    );
}

#[test]
fn lists_the_glossary_with_what_each_term_stands_for_and_its_sources() {
    let glossary = json_of(&["list", "glossary"]);
    let entries = glossary.as_array().unwrap();
    let terms: Vec<&str> = entries
        .iter()
        .map(|entry| entry["term"].as_str().unwrap())
        .collect();
    for term in [
        "IoT", "AI", "EHR", "ERP", "SLA", "R&D", "CIO", "CTO", "CDO", "CEO", "CFO", "IT", "CISO",
        "ICT", "ISCO", "ESCO", "ANZSCO", "SOC",
    ] {
        assert!(terms.contains(&term), "{term} missing from {terms:?}");
    }
    let sources = json_of(&["list", "sources"]);
    let known: Vec<&str> = sources
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    for entry in entries {
        assert!(
            !entry["expansions"].as_array().unwrap().is_empty(),
            "{entry}"
        );
        let cited = entry["sources"].as_array().unwrap();
        assert!(!cited.is_empty(), "{entry}");
        assert!(cited.iter().all(|id| known.contains(&id.as_str().unwrap())));
    }
}

#[test]
fn ids_in_a_piped_table_are_never_broken_so_they_can_be_copied() {
    for kind in ["areas", "industries", "sources", "roles"] {
        let listing = json_of(&["list", kind]);
        let table = stdout_of(&["list", kind]);
        for entry in listing.as_array().unwrap() {
            let id = entry["id"].as_str().unwrap();
            // A table too wide for the screen is written as `Header: value` lines.
            assert!(
                table
                    .lines()
                    .any(|line| line.starts_with(&format!("{id} ")) || line == format!("Id: {id}")),
                "{kind}: the id {id} is broken across lines:\n{table}"
            );
        }
    }
}
