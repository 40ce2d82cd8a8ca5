//! `rolecmp matrix` and the rules behind it: no derived cell may contradict a cited fact, and
//! a cell is a property of its role, the same in every matrix that shows the role.

use std::collections::BTreeMap;

use super::{HANDBOOK, folder, json_of, stdout_of};

/// Area → role → (level, partners) from a matrix report.
fn cells(matrix: &serde_json::Value) -> BTreeMap<(String, String), (String, Vec<String>)> {
    let mut cells = BTreeMap::new();
    for row in matrix["rows"].as_array().unwrap() {
        for cell in row["cells"].as_array().unwrap() {
            let partners = cell["partners"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["role"].as_str().unwrap().to_owned())
                .collect();
            cells.insert(
                (
                    row["area"].as_str().unwrap().to_owned(),
                    cell["role"].as_str().unwrap().to_owned(),
                ),
                (cell["level"].as_str().unwrap().to_owned(), partners),
            );
        }
    }
    cells
}

/// Checks every cell of `matrix` against every fact of its roles, as `show --full` gives
/// them: the rule the matrix must keep. Returns the contradictions found.
fn contradictions(matrix: &serde_json::Value, data: &[&str]) -> Vec<String> {
    let cells = cells(matrix);
    let roles: Vec<String> = matrix["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    let level = |area: &str, role: &str| {
        cells
            .get(&(area.to_owned(), role.to_owned()))
            .map_or("not-named", |(level, _)| level.as_str())
            .to_owned()
    };
    let mut wrong = Vec::new();
    for role in &roles {
        let profile = json_of(&[&["show", role, "--full"], data].concat());
        let facts = &profile["role"];
        // An area the role has duties in is never "not named", and never stronger than the
        // involvement its facts give, unless a cited overlap makes it shared; and the cell
        // cites each source at the involvement of that source's facts (a fact's own hedge,
        // else its area's; the strongest when a source has several), never stronger.
        for item in facts["responsibilities"].as_array().unwrap() {
            let area = item["area"].as_str().unwrap();
            let by_source = involvement_by_source(item);
            let expected = by_source.values().copied().reduce(strongest).unwrap();
            let found = level(area, role);
            if found != expected && found != "shared" {
                wrong.push(format!(
                    "{role}/{area}: {found}, but its facts say {expected}"
                ));
            }
            let said = cited_supports(matrix, area, role);
            for (source, expected) in by_source {
                if !said.iter().any(|(level, sources)| {
                    level == expected && sources.iter().any(|s| s == source)
                }) {
                    wrong.push(format!(
                        "{role}/{area}: the cell does not cite {source} as {expected}, as its facts do"
                    ));
                }
                for (level, sources) in &said {
                    if OWN.contains(&level.as_str())
                        && sources.iter().any(|s| s == source)
                        && strongest(level, expected) != expected
                    {
                        wrong.push(format!(
                            "{role}/{area}: the cell cites {source} as {level}, but its facts say {expected}"
                        ));
                    }
                }
            }
        }
        // An industry example filed under an area gives the role that area, at least in
        // some firms.
        for example in facts["industries"].as_array().unwrap() {
            for area in example_areas(example) {
                let area = area.as_str().unwrap();
                if level(area, role) == "not-named" {
                    wrong.push(format!(
                        "{role}/{area}: not named, but its {} example names it",
                        example["industry"]
                    ));
                }
            }
        }
        // An overlap a source names between two roles of the matrix is shared for both.
        for link in facts["collaboration"].as_array().unwrap() {
            let (Some(area), Some(other)) = (link["area"].as_str(), link["with"].as_str()) else {
                continue;
            };
            if !roles.iter().any(|r| r == other) {
                continue;
            }
            if link["relation"] == "overlap" && level(area, role) != "shared" {
                wrong.push(format!(
                    "{role}/{area}: {}, but a fact says it overlaps with {other}",
                    level(area, role)
                ));
            }
            if level(area, role) == "not-named" {
                wrong.push(format!(
                    "{role}/{area}: not named, but it works on it with {other}"
                ));
            }
        }
        // "Not named" is a claim too: no fact of the role names the area.
        for ((area, owner), (found, _)) in &cells {
            if owner != role || found != "not-named" {
                continue;
            }
            let named = facts["responsibilities"]
                .as_array()
                .unwrap()
                .iter()
                .any(|item| item["area"] == area.as_str());
            if named {
                wrong.push(format!("{role}/{area}: not named, but it has facts there"));
            }
        }
    }
    wrong
}

/// The areas an industry example (in `show --full` JSON) names, its own and its facts'.
fn example_areas(example: &serde_json::Value) -> impl Iterator<Item = &serde_json::Value> {
    let of_facts = example["facts"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|fact| fact.get("areas").and_then(|areas| areas.as_array()))
        .flatten();
    example["areas"].as_array().unwrap().iter().chain(of_facts)
}

/// Each source of a responsibility entry (in `show --full` JSON) with the involvement its
/// facts give: a fact's own, else the entry's; the strongest when the source has several.
fn involvement_by_source(item: &serde_json::Value) -> BTreeMap<&str, &str> {
    let mut by_source: BTreeMap<&str, &str> = BTreeMap::new();
    for fact in item["facts"].as_array().unwrap() {
        let involvement = fact["involvement"]
            .as_str()
            .unwrap_or_else(|| item["involvement"].as_str().unwrap());
        for source in fact["sources"].as_array().unwrap() {
            let held = by_source
                .entry(source.as_str().unwrap())
                .or_insert(involvement);
            *held = strongest(held, involvement);
        }
    }
    by_source
}

/// What a role's own facts can give it in an area, strongest first.
const OWN: [&str; 4] = ["responsible", "often", "partly", "some-firms"];

/// The stronger of two of the involvements in [`OWN`].
fn strongest<'a>(a: &'a str, b: &'a str) -> &'a str {
    let rank = |level| OWN.iter().position(|own| *own == level).unwrap();
    if rank(b) < rank(a) { b } else { a }
}

/// The supports of one cell: each level with the sources it cites.
fn cited_supports(
    matrix: &serde_json::Value,
    area: &str,
    role: &str,
) -> Vec<(String, Vec<String>)> {
    matrix["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|row| row["area"] == area)
        .flat_map(|row| row["cells"].as_array().unwrap())
        .filter(|cell| cell["role"] == role)
        .flat_map(|cell| cell["supports"].as_array().unwrap())
        .map(|support| {
            (
                support["level"].as_str().unwrap().to_owned(),
                support["sources"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|source| source.as_str().unwrap().to_owned())
                    .collect(),
            )
        })
        .collect()
}

/// Every cell of a matrix by (role, area), in JSON, with the row it sits in left out: what
/// must be the same wherever the role is shown.
fn cells_of(matrix: &serde_json::Value) -> BTreeMap<(String, String), serde_json::Value> {
    let mut cells = BTreeMap::new();
    for row in matrix["rows"].as_array().unwrap() {
        for cell in row["cells"].as_array().unwrap() {
            cells.insert(
                (
                    cell["role"].as_str().unwrap().to_owned(),
                    row["area"].as_str().unwrap().to_owned(),
                ),
                cell.clone(),
            );
        }
    }
    cells
}

#[test]
fn a_roles_cells_are_the_same_in_every_matrix_that_shows_it() {
    let everyone = json_of(&["matrix", "--all"]);
    let ids: Vec<String> = everyone["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|role| role["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), 8, "{ids:?}");
    let reference = cells_of(&everyone);
    // `matrix` alone leaves out the roles the sources name nowhere, and changes no cell.
    let mut views: Vec<(String, serde_json::Value)> =
        vec![("matrix".to_owned(), json_of(&["matrix"]))];
    for (a, first) in ids.iter().enumerate() {
        views.push((format!("matrix {first}"), json_of(&["matrix", first])));
        let profile = json_of(&["show", first]);
        views.push((format!("show {first}"), profile["matrix"].clone()));
        for (b, second) in ids.iter().enumerate().skip(a + 1) {
            views.push((
                format!("matrix {first} {second}"),
                json_of(&["matrix", first, second]),
            ));
            let comparison = json_of(&["compare", first, second]);
            views.push((
                format!("compare {first} {second}"),
                comparison["matrix"].clone(),
            ));
            for third in ids.iter().skip(b + 1) {
                views.push((
                    format!("matrix {first} {second} {third}"),
                    json_of(&["matrix", first, second, third]),
                ));
                let comparison = json_of(&["compare", first, second, third]);
                views.push((
                    format!("compare {first} {second} {third}"),
                    comparison["matrix"].clone(),
                ));
            }
        }
    }
    let mut compared = 0;
    for (view, matrix) in &views {
        let shown: Vec<&str> = matrix["roles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|role| role["id"].as_str().unwrap())
            .collect();
        let cells = cells_of(matrix);
        for ((role, area), cell) in &reference {
            if !shown.contains(&role.as_str()) {
                continue;
            }
            // A matrix leaves out the rows where no shown role is named: there a cell is
            // "not named".
            match cells.get(&(role.clone(), area.clone())) {
                Some(found) => assert_eq!(found, cell, "{role} / {area} in `{view}`"),
                None => assert_eq!(cell["level"], "not-named", "{role} / {area} in `{view}`"),
            }
            compared += 1;
        }
    }
    // The default matrix, each role alone (matrix, show), every pair and triple (matrix, compare).
    assert_eq!(views.len(), 1 + 2 * 8 + 2 * 28 + 2 * 56);
    assert!(compared > 1000, "only {compared} cells compared");
}

#[test]
fn the_cio_keeps_the_briefs_security_citation_beside_the_overlap_in_every_view() {
    // The brief says the CIO is "frequently" in charge of security: cited for no more than
    // that, beside the sources that state it plainly.
    let expected = "responsible, often shared with CTO [guide]; often responsible [brief]";
    for args in [
        &["matrix", "cio"][..],
        &["matrix", "cto", "cio"][..],
        &["matrix"][..],
        &["compare", "cto", "cio"][..],
    ] {
        let out = stdout_of(&[args, &["--width", "400"]].concat());
        let row = out
            .lines()
            .find(|line| line.starts_with("Security "))
            .unwrap_or_else(|| panic!("no security row in {args:?}:\n{out}"));
        assert!(row.contains(expected), "{args:?}: {row}");
    }
    let profile = stdout_of(&["show", "cio", "--width", "200"]);
    assert!(
        profile.contains("Innovation, Security, Software development, Vendor management [guide]")
            && profile.contains("often responsible: Security, Team leadership [brief]")
            && profile.contains("often shared with CTO: Digital transformation, Security, Technology implementation [guide]"),
        "{profile}"
    );
}

#[test]
fn industry_examples_give_their_areas_in_some_firms_by_one_rule() {
    let matrix = cells_of(&json_of(&["matrix", "cto", "cio"]));
    let supports =
        |area: &str, role: &str| matrix[&(role.to_owned(), area.to_owned())]["supports"].clone();
    // The CTO's healthcare example: rolling out health records, exchanging information.
    let records = supports("enterprise-systems", "cto");
    assert_eq!(records[0]["level"], "some-firms");
    assert_eq!(records[0]["industries"], serde_json::json!(["healthcare"]));
    let exchange = supports("data-management", "cto");
    assert_eq!(exchange[0]["level"], "some-firms");
    assert_eq!(exchange[1]["level"], "works-with");
    assert_eq!(exchange[1]["partners"], serde_json::json!(["cio"]));
    // An example beside another source's weaker claim: both, each with its citation.
    let customers = supports("customer-facing-systems", "cio");
    assert_eq!(customers[0]["level"], "partly");
    assert_eq!(customers[0]["sources"], serde_json::json!(["brief"]));
    assert_eq!(customers[1]["level"], "some-firms");
    assert_eq!(customers[1]["sources"], serde_json::json!(["guide"]));
    // Beside a plain duty resting on the same source, an example adds nothing to cite.
    assert_eq!(
        supports("software-development", "cio")
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn no_cell_contradicts_a_cited_fact_for_any_set_of_built_in_roles() {
    for roles in [
        &[][..],
        &["cto", "cio"][..],
        &["cio", "chief-data-officer"][..],
        &["ciso", "cio"][..],
        &["it-director", "cio", "cto"][..],
        &["chief-digital-officer", "cto"][..],
        &["cto"][..],
    ] {
        let matrix = json_of(&[&["matrix"][..], roles].concat());
        let wrong = contradictions(&matrix, &[]);
        assert!(wrong.is_empty(), "{roles:?}:\n{}", wrong.join("\n"));
    }
}

#[test]
fn the_rule_catches_a_cell_that_contradicts_a_fact() {
    // A real matrix with one cell made stronger than its facts, and one weaker: the same
    // check that passes on rolecmp's output must reject both.
    let mut matrix = json_of(&["matrix", "cto", "cio"]);
    for row in matrix["rows"].as_array_mut().unwrap() {
        let area = row["area"].as_str().unwrap().to_owned();
        for cell in row["cells"].as_array_mut().unwrap() {
            match (area.as_str(), cell["role"].as_str().unwrap()) {
                ("product-technology", "cio") => cell["level"] = "responsible".into(),
                ("digital-transformation", "cto") => cell["level"] = "not-named".into(),
                // The brief's "frequently" cited as a plain duty.
                ("security", "cio") => {
                    for support in cell["supports"].as_array_mut().unwrap() {
                        if support["level"] == "often" {
                            support["level"] = "responsible".into();
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let wrong = contradictions(&matrix, &[]);
    assert_eq!(wrong.len(), 5, "{wrong:#?}");
    assert!(
        wrong.contains(
            &"cio/security: the cell cites brief as responsible, but its facts say often"
                .to_owned()
        ),
        "{wrong:#?}"
    );
}

#[test]
fn digital_transformation_is_shared_and_product_technology_is_no_ones_alone() {
    let matrix = cells(&json_of(&["matrix", "cto", "cio"]));
    let at = |area: &str, role: &str| matrix[&(area.to_owned(), role.to_owned())].0.clone();
    assert_eq!(at("digital-transformation", "cto"), "shared");
    assert_eq!(at("digital-transformation", "cio"), "shared");
    assert_eq!(at("product-technology", "cto"), "some-firms");
    assert_eq!(at("product-technology", "cio"), "partly");
    assert_eq!(at("vendor-management", "cto"), "not-named");
    assert_eq!(at("team-leadership", "cto"), "some-firms");
    assert_eq!(at("team-leadership", "cio"), "often");
    assert_eq!(at("innovation", "cto"), "responsible");
    assert_eq!(at("technical-leadership", "cto"), "responsible");
    assert_eq!(at("executive-engagement", "cio"), "responsible");
    // No article names a board for either role: the board's row is not theirs.
    assert!(!matrix.contains_key(&("board-engagement".to_owned(), "cio".to_owned())));
}

#[test]
fn hedged_overlaps_keep_their_hedge() {
    let out = stdout_of(&["matrix", "cto", "cio", "--width", "400"]);
    let row = |label: &str| {
        out.lines()
            .find(|line| line.starts_with(&format!("{label} ")))
            .unwrap_or_else(|| panic!("no {label} row:\n{out}"))
            .to_owned()
    };
    assert!(row("Digital transformation").contains("│ often shared with CIO [guide] "));
    assert!(
        row("Technology strategy")
            .contains("│ responsible [esco-cto, guide]; shared with CIO [guide] ")
    );
    assert!(!row("Technology strategy").contains("often"));
    assert!(row("Product technology").contains("in some firms [brief]"));
    // Innovation is an area of cooperation in the guide, not an overlap.
    assert!(row("Innovation").contains("│ responsible, with CIO [guide] "));
}

fn ids(roles: &serde_json::Value) -> Vec<&str> {
    roles
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect()
}

#[test]
fn by_default_the_roles_the_sources_name_somewhere_with_partners_named() {
    let matrix = json_of(&["matrix"]);
    assert_eq!(
        ids(&matrix["roles"]),
        [
            "ceo",
            "chief-data-officer",
            "cio",
            "ciso",
            "cto",
            "it-director"
        ]
    );
    assert_eq!(ids(&matrix["silent"]), ["cfo", "chief-digital-officer"]);
    let cells = cells(&matrix);
    let (level, partners) = &cells[&(
        "data-management".to_owned(),
        "chief-data-officer".to_owned(),
    )];
    assert_eq!(level, "responsible");
    assert_eq!(partners, &["cio"]);
    // A column left out changes no other cell: a silent role shares nothing.
    let every = json_of(&["matrix", "--all"]);
    assert_eq!(
        ids(&every["roles"]),
        [
            "ceo",
            "cfo",
            "chief-data-officer",
            "chief-digital-officer",
            "cio",
            "ciso",
            "cto",
            "it-director"
        ]
    );
    for ((area, role), cell) in self::cells(&every) {
        if role != "cfo" && role != "chief-digital-officer" {
            assert_eq!(cells[&(area.clone(), role.clone())], cell, "{area} {role}");
        } else {
            assert_eq!(cell.0, "not-named", "{area} {role}");
        }
    }
    let table = stdout_of(&["matrix", "--width", "300"]);
    let header = table
        .lines()
        .find(|line| line.starts_with("Area "))
        .unwrap();
    assert!(
        !header.contains("CFO") && !header.contains("Chief Digital Officer"),
        "{table}"
    );
    assert!(
        table.contains("Not shown: CFO, Chief Digital Officer, whom the sources name in no area."),
        "the document says who is left out:\n{table}"
    );
    let named = stdout_of(&["matrix", "cto", "cfo"]);
    assert!(
        named
            .lines()
            .any(|line| line.starts_with("Area ") && line.contains("CFO")),
        "a role named on the command line is shown: {named}"
    );
}

#[test]
fn company_roles_get_a_column_and_the_same_rule() {
    let company = folder(&[
        HANDBOOK,
        (
            "ciso.yaml",
            "id: ciso\ntitle: Chief Information Security Officer\naliases: [CISO]\nsummary:\n  - text: Owns security.\n    sources: [handbook]\nresponsibilities:\n  - area: security\n    facts:\n      - text: Runs the security programme.\n        sources: [handbook]\n  - area: vendor-management\n    involvement: partly\n    facts:\n      - text: Reviews security vendors.\n        sources: [handbook]\ncollaboration:\n  - with: cio\n    relation: overlap\n    area: security\n    text: Shares security with the CIO.\n    sources: [handbook]\n",
        ),
    ]);
    let data = ["--data", company.path().to_str().unwrap()];
    let matrix = json_of(&[&["matrix", "ciso", "cio", "cto"][..], &data].concat());
    let wrong = contradictions(&matrix, &data);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    let cells = cells(&matrix);
    let (level, partners) = &cells[&("security".to_owned(), "ciso".to_owned())];
    assert_eq!(level, "shared");
    assert_eq!(
        partners,
        &["cio"],
        "the CTO shares security with the CIO, not the CISO"
    );
    assert_eq!(
        cells[&("vendor-management".to_owned(), "ciso".to_owned())].0,
        "partly"
    );
    let csv = stdout_of(&[&["matrix", "ciso", "cio", "--format", "csv"][..], &data].concat());
    assert!(
        csv.starts_with("area,role,level,statement,sources\r\n"),
        "{csv}"
    );
    for line in [
        "security,ciso,responsible,responsible,handbook",
        "security,ciso,shared,shared with CIO,handbook",
        "security,cio,shared,often shared with CTO,guide",
    ] {
        assert!(csv.lines().any(|found| found == line), "{line}\n{csv}");
    }
    let table = stdout_of(
        &[
            &["matrix", "ciso", "cio", "cto", "--width", "300"][..],
            &data,
        ]
        .concat(),
    );
    assert!(
        table.contains(
            "responsible, often shared with CTO [guide]; often responsible [brief]; shared with CISO [handbook]"
        ),
        "each partner keeps its own hedge and citation:\n{table}"
    );
}

/// The ids of every built-in role.
fn all_roles() -> Vec<String> {
    json_of(&["list", "roles"])
        .as_array()
        .unwrap()
        .iter()
        .map(|role| role["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_unit_groups_task_list_is_never_cited_as_a_roles_duty() {
    // ANZSCO 1351 and ISCO-08 1330 list the tasks of a whole group (ICT project managers,
    // network managers…), not of one occupation in it: no cell may rest on them.
    let groups: Vec<String> = json_of(&["list", "sources"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|source| {
            source["title"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains("unit group")
        })
        .map(|source| source["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        groups.contains(&"abs-anzsco-1351".to_owned())
            && groups.contains(&"isco-08-1330".to_owned()),
        "{groups:?}"
    );
    let matrix = cells_of(&json_of(&["matrix", "--all"]));
    for ((role, area), cell) in &matrix {
        for support in cell["supports"].as_array().unwrap() {
            for source in support["sources"].as_array().unwrap() {
                assert!(
                    !groups.iter().any(|group| source == group.as_str()),
                    "{role}/{area} cites the group task list {source}: {support}"
                );
            }
        }
    }
    // The group's security task is kept, as a fact about the classification, for every role
    // ANZSCO's occupation 135111 names: the CIO and its alternative title, the CTO.
    for role in ["cio", "cto"] {
        let profile = json_of(&["show", role, "--full"]);
        let kept = profile["role"]["summary"]
            .as_array()
            .unwrap()
            .iter()
            .any(|fact| {
                fact["sources"] == serde_json::json!(["abs-anzsco-1351"])
                    && fact["text"]
                        .as_str()
                        .unwrap()
                        .contains("security of ICT systems")
            });
        assert!(kept, "{role}: no summary fact keeps ANZSCO's group task");
    }
}

#[test]
fn an_area_that_names_the_board_rests_only_on_facts_that_name_a_board() {
    let board_areas: Vec<String> = json_of(&["list", "areas"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|area| {
            area["label"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains("board")
        })
        .map(|area| area["id"].as_str().unwrap().to_owned())
        .collect();
    let names_a_board = |fact: &serde_json::Value| {
        fact["evidence"].as_array().unwrap().iter().any(|quote| {
            quote["quote"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains("board")
        })
    };
    let mut wrong = Vec::new();
    for role in all_roles() {
        let profile = json_of(&["show", &role, "--full"]);
        for item in profile["role"]["responsibilities"].as_array().unwrap() {
            if !board_areas.iter().any(|area| item["area"] == area.as_str()) {
                continue;
            }
            for fact in item["facts"].as_array().unwrap() {
                if !names_a_board(fact) {
                    wrong.push(format!("{role}/{}: {}", item["area"], fact["text"]));
                }
            }
        }
        for example in profile["role"]["industries"].as_array().unwrap() {
            let tagged = example["areas"]
                .as_array()
                .unwrap()
                .iter()
                .any(|area| board_areas.iter().any(|board| area == board.as_str()));
            if tagged
                && !example["facts"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(names_a_board)
            {
                wrong.push(format!("{role}: the {} example", example["industry"]));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "no source names a board:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn a_claim_about_some_organisations_keeps_its_scope_wherever_it_is_derived() {
    // A US statute binds federal agencies: a line or collaboration resting on laws alone must
    // carry its scope, and every view that derives from it (graph label, reporting row,
    // matrix cell) must say where it holds and that it is the law, with the data's hedge.
    let laws: Vec<String> = json_of(&["list", "sources"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|source| source["kind"] == "law")
        .map(|source| source["id"].as_str().unwrap().to_owned())
        .collect();
    let only_laws = |entry: &serde_json::Value| {
        entry["sources"]
            .as_array()
            .unwrap()
            .iter()
            .all(|source| laws.iter().any(|law| source == law.as_str()))
    };
    let matrix = cells_of(&json_of(&["matrix", "--all"]));
    let mut wrong = Vec::new();
    let mut checked = 0;
    for role in all_roles() {
        let profile = json_of(&["show", &role, "--full"]);
        for line in profile["role"]["reporting"].as_array().unwrap() {
            let Some(scope) = line["scope"].as_str() else {
                if only_laws(line) {
                    wrong.push(format!(
                        "{role} → {}: a law's line with no scope",
                        line["to"]
                    ));
                }
                continue;
            };
            checked += 1;
            let said = if only_laws(line) {
                format!("in {scope} (by law)")
            } else {
                format!("in {scope}")
            };
            let graph = stdout_of(&["graph", &role]);
            let rows = stdout_of(&["show", &role, "--section", "reporting", "--width", "400"]);
            if !graph.contains(&format!("{said} [")) || !rows.contains(&said) {
                wrong.push(format!("{role} → {}: not said as “{said}”", line["to"]));
            }
        }
        for link in profile["role"]["collaboration"].as_array().unwrap() {
            let Some(area) = link["area"].as_str() else {
                continue;
            };
            let scope = link["scope"].as_str();
            if scope.is_none() && only_laws(link) {
                wrong.push(format!(
                    "{role} with {}: a law's link with no scope",
                    link["with"]
                ));
                continue;
            }
            let cell = &matrix[&(role.clone(), area.to_owned())];
            let kept = cell["supports"].as_array().unwrap().iter().any(|support| {
                support["scope"].as_str() == scope
                    && (support["prevalence"] == link["prevalence"] || support["level"] == "shared")
                    && link["sources"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .all(|source| support["sources"].as_array().unwrap().contains(source))
            });
            if !kept {
                wrong.push(format!(
                    "{role}/{area} with {}: the cell drops the scope or hedge: {}",
                    link["with"], cell["supports"]
                ));
            }
            if let Some(scope) = scope {
                checked += 1;
                let table = stdout_of(&["matrix", &role, "--width", "400"]);
                if !table.contains(&format!("in {scope}")) {
                    wrong.push(format!("{role}/{area}: the cell does not say “in {scope}”"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(checked >= 4, "only {checked} scoped entries checked");
}

#[test]
fn an_examples_area_cites_only_the_facts_that_speak_to_it() {
    // The Chief Data Officer's government example: only the CDO Council's fact speaks of
    // engaging agency leaders; the statute's facts beside it are about data.
    let matrix = cells_of(&json_of(&["matrix", "cio", "chief-data-officer"]));
    let cell = &matrix[&(
        "chief-data-officer".to_owned(),
        "executive-engagement".to_owned(),
    )];
    assert_eq!(cell["sources"], serde_json::json!(["cdo-gov"]), "{cell}");
    let profile = json_of(&["show", "chief-data-officer", "--full"]);
    let example = &profile["role"]["industries"][0];
    assert_eq!(example["areas"], serde_json::json!([]));
    let tagged: Vec<&serde_json::Value> = example["facts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|fact| fact.get("areas").is_some())
        .collect();
    assert_eq!(tagged.len(), 1, "{example}");
    assert_eq!(tagged[0]["sources"], serde_json::json!(["cdo-gov"]));
}
