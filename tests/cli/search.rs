use super::costs::assert_cost_grows_linearly;
use super::{HANDBOOK, folder, json_of, rolecmp, stdout_of};

/// The facts a search finds, as (role, section, text), best first.
fn found(args: &[&str]) -> Vec<(String, String, String)> {
    let results = json_of(args);
    let mut facts = Vec::new();
    for role in results["roles"].as_array().unwrap() {
        // The other sides of a dispute found come along; they are not matches.
        for fact in role["facts"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|fact| !other_side(fact))
        {
            facts.push((
                role["role"].as_str().unwrap().to_owned(),
                fact["section"].as_str().unwrap().to_owned(),
                fact["text"].as_str().unwrap().to_owned(),
            ));
        }
    }
    facts
}

/// A fact shown because it is another side of a dispute that matched.
fn other_side(fact: &serde_json::Value) -> bool {
    fact["match"]["via"][0]
        .as_str()
        .is_some_and(|via| via.starts_with("another side of"))
}

fn roles_of(facts: &[(String, String, String)]) -> Vec<&str> {
    let mut roles: Vec<&str> = facts.iter().map(|(role, _, _)| role.as_str()).collect();
    roles.sort_unstable();
    roles
}

fn mentions(text: &str, words: &str) -> bool {
    text.to_lowercase().contains(&words.to_lowercase())
}

#[test]
fn finds_which_roles_mention_a_text_grouped_by_role_with_the_section() {
    let results = json_of(&["search", "Supply Chain"]);
    let roles: Vec<&str> = results["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["cio", "cto"]);
    for role in results["roles"].as_array().unwrap() {
        for fact in role["facts"].as_array().unwrap() {
            assert_eq!(fact["section"], "industries");
            assert_eq!(fact["topic"], "Manufacturing");
            assert!(mentions(fact["text"].as_str().unwrap(), "supply chain"));
        }
    }
}

#[test]
fn matches_the_topic_a_fact_is_filed_under() {
    let results = json_of(&["search", "vendor management"]);
    let cio = &results["roles"][0];
    assert_eq!(cio["role"], "cio");
    assert!(
        cio["facts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["text"].as_str().unwrap().contains("contracts"))
    );
}

#[test]
fn a_short_word_never_matches_inside_longer_words() {
    // "ai" is inside "mainly", "chain" and "maintains"; only the fact about artificial
    // intelligence is about AI.
    let facts = found(&["search", "AI"]);
    assert_eq!(facts.len(), 1, "{facts:?}");
    assert_eq!(facts[0].0, "cio");
    assert!(mentions(&facts[0].2, "artificial intelligence"));
    // "sla" is inside "translates", "erp" inside "enterprise". SLAs is an alias of IT
    // operations management, so the IT director's facts filed there are found too.
    let sla = found(&["search", "SLA"]);
    assert!(
        sla.iter().all(
            |(role, _, text)| ["cio", "it-director"].contains(&role.as_str())
                && !mentions(text, "translates")
        ),
        "{sla:?}"
    );
    let erp = found(&["search", "ERP"]);
    assert_eq!(erp.len(), 1, "{erp:?}");
    assert!(erp[0].2.contains("(ERP)"));
}

#[test]
fn an_abbreviation_finds_the_facts_that_spell_it_out() {
    for (abbreviation, spelled) in [
        ("iot", "Internet of Things"),
        ("EHR", "electronic health record"),
    ] {
        let facts = found(&["search", abbreviation]);
        assert_eq!(
            roles_of(&facts),
            ["cio", "cto"],
            "{abbreviation}: {facts:?}"
        );
        assert!(
            facts.iter().all(|(_, _, text)| mentions(text, spelled)),
            "{abbreviation}: {facts:?}"
        );
    }
    let rd = found(&["search", "R&D"]);
    // The innovation fact the CIO records with the CTO is shown, and found, under both.
    let mut roles = roles_of(&rd);
    roles.dedup();
    assert_eq!(roles, ["cio", "cto"], "{rd:?}");
    assert!(
        rd.iter()
            .all(|(_, _, text)| mentions(text, "research and development"))
    );
}

#[test]
fn an_expansion_finds_the_facts_that_use_the_abbreviation() {
    let facts = found(&["search", "chief data officer"]);
    let roles: std::collections::BTreeSet<&str> = roles_of(&facts).into_iter().collect();
    // The role's own facts, and the CIO's collaboration that spells the title out.
    assert_eq!(
        roles.into_iter().collect::<Vec<_>>(),
        ["chief-data-officer", "cio"],
        "{facts:?}"
    );
    // ESCO's label, which says only "CDO", is found by the title too.
    assert!(
        facts
            .iter()
            .any(|(role, _, text)| role == "chief-data-officer"
                && !mentions(text, "chief data officer")
                && text.contains("CDO"))
    );
    // CDO stands for the Chief Data and the Chief Digital Officer: it finds the facts of
    // both, and the title of one never finds the other's.
    let cdo = found(&["search", "CDO"]);
    for role in ["chief-data-officer", "chief-digital-officer"] {
        assert!(
            cdo.iter().any(|(found, _, _)| found == role),
            "{role}: {cdo:?}"
        );
    }
    assert!(
        !facts
            .iter()
            .any(|(role, _, _)| role == "chief-digital-officer")
    );
    assert_eq!(
        found(&["search", "artificial intelligence"]),
        found(&["search", "AI"])
    );
}

#[test]
fn singular_and_plural_find_each_other() {
    let records = found(&["search", "health records"]);
    assert_eq!(roles_of(&records), ["cio", "cto"], "{records:?}");
    assert!(
        records
            .iter()
            .all(|(_, _, text)| mentions(text, "health record"))
    );
    assert_eq!(found(&["search", "health record"]), records);
    let slas = found(&["search", "SLAs"]);
    assert!(!slas.is_empty());
    assert_eq!(found(&["search", "SLA"]), slas);
    assert!(mentions(&slas[0].2, "service-level agreements"), "{slas:?}");
}

#[test]
fn a_hyphen_counts_as_a_space() {
    // The CIO's data-protection compliance is written "data-protection".
    let quoted = found(&["search", "\"data protection\""]);
    assert!(roles_of(&quoted).contains(&"cio"), "{quoted:?}");
    assert!(
        quoted
            .iter()
            .all(|(_, _, text)| text.contains("data-protection"))
    );
    assert_eq!(found(&["search", "\"data-protection\""]), quoted);
}

#[test]
fn an_area_alias_finds_the_facts_filed_under_the_area_after_those_that_say_it() {
    let results = json_of(&["search", "data protection"]);
    let mut saying = 0;
    for role in results["roles"].as_array().unwrap() {
        let facts = role["facts"].as_array().unwrap();
        let says =
            |fact: &serde_json::Value| fact["text"].as_str().unwrap().contains("data-protection");
        let first = facts.iter().take_while(|fact| says(fact)).count();
        saying += first;
        for fact in facts[first..].iter().filter(|fact| !other_side(fact)) {
            assert!(!says(fact) && fact["topic"] == "Security", "{fact}");
        }
    }
    assert!(saying >= 1, "{results}");
    assert_eq!(saying, found(&["search", "\"data protection\""]).len());
    assert!(found(&["search", "data protection"]).len() > saying);
}

#[test]
fn several_words_find_facts_holding_all_of_them_in_any_order() {
    let facts = found(&["search", "chain supply"]);
    assert_eq!(facts, found(&["search", "supply chain"]));
    assert_eq!(roles_of(&facts), ["cio", "cto"]);
    let both = found(&["search", "patient privacy"]);
    assert!(!both.is_empty());
    assert!(both.iter().all(|(_, _, text)| mentions(text, "patient")));
}

#[test]
fn a_quoted_phrase_needs_its_words_in_sequence() {
    assert_eq!(found(&["search", "\"supply chain\""]).len(), 2);
    let out = stdout_of(&["search", "\"chain supply\""]);
    assert!(out.contains("No matches"), "{out}");
}

#[test]
fn facts_saying_the_words_come_before_facts_only_filed_under_them_then_summary_first() {
    let results = json_of(&["search", "innovation", "--role", "cto"]);
    let topics: Vec<&str> = results["roles"][0]["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|fact| fact["topic"].as_str().unwrap_or(""))
        .collect();
    let facts = found(&["search", "innovation", "--role", "cto"]);
    let saying: Vec<&str> = facts
        .iter()
        .take_while(|(_, _, text)| mentions(text, "innovat"))
        .map(|(_, section, _)| section.as_str())
        .collect();
    // Among the facts that say it, those filed under the Innovation area come first, then
    // the others, headlines and summary before detail.
    let filed = topics
        .iter()
        .take_while(|topic| **topic == "Innovation")
        .count();
    assert!(filed >= 1 && filed < saying.len(), "{facts:?}");
    assert!(
        ["headlines", "summary"].contains(&saying[filed]),
        "{facts:?}"
    );
    // Facts filed under Innovation that do not say it come after every fact that does.
    assert!(
        facts[saying.len()..]
            .iter()
            .all(|(_, _, text)| !mentions(text, "innovat")),
        "{facts:?}"
    );
    let saying = &saying[filed..];
    let order = [
        "headlines",
        "matrix",
        "summary",
        "focus",
        "nature",
        "facing",
        "responsibilities",
        "reporting",
        "background",
        "industries",
        "collaboration",
        "disputes",
    ];
    let ranks: Vec<usize> = saying
        .iter()
        .map(|section| order.iter().position(|s| s == section).unwrap())
        .collect();
    assert!(ranks.is_sorted(), "{saying:?}");
}

#[test]
fn filters_narrow_by_role_section_and_industry() {
    let cio = found(&["search", "data", "--role", "CIO"]);
    assert!(!cio.is_empty());
    assert!(cio.iter().all(|(role, _, _)| role == "cio"));

    let sections = found(&["search", "data", "--section", "summary,focus"]);
    assert!(!sections.is_empty());
    assert!(
        sections
            .iter()
            .all(|(_, section, _)| section == "summary" || section == "focus")
    );

    let health = json_of(&["search", "data", "--industry", "health"]);
    let topics: Vec<&str> = health["roles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|role| role["facts"].as_array().unwrap())
        .map(|fact| fact["topic"].as_str().unwrap())
        .collect();
    assert!(!topics.is_empty());
    assert!(
        topics.iter().all(|topic| *topic == "Healthcare"),
        "{topics:?}"
    );
    let table = stdout_of(&["search", "data", "--industry", "health"]);
    assert!(
        table.starts_with("Search results for “data” in Healthcare examples\n"),
        "the title says what was searched:\n{table}"
    );
}

#[test]
fn an_unknown_role_filter_is_a_usage_error_with_a_suggestion() {
    let output = rolecmp()
        .args(["search", "data", "--role", "cot"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("unknown role 'cot'"), "{stderr}");
    assert!(stderr.contains("did you mean 'cto'?"), "{stderr}");
}

#[test]
fn says_so_when_nothing_matches() {
    let out = stdout_of(&["search", "blockchain"]);
    assert!(out.contains("No fact mentions “blockchain”"), "{out}");
}

#[test]
fn no_result_suggests_the_nearest_words_and_exits_0() {
    let out = stdout_of(&["search", "securty"]);
    assert!(out.contains("Did you mean: security"), "{out}");
    let results = json_of(&["search", "artifical intelligence"]);
    assert_eq!(results["roles"], serde_json::json!([]));
    let suggestions = results["suggestions"].as_array().unwrap();
    assert!(suggestions.iter().any(|s| s == "artificial"), "{results}");
}

#[test]
fn words_found_only_apart_are_named() {
    let out = stdout_of(&["search", "blockchain"]);
    assert!(!out.contains("all of"));
    let out = stdout_of(&["search", "supply chain EHR"]);
    assert!(
        out.contains("No fact matches all of supply, chain, EHR"),
        "{out}"
    );
}

#[test]
fn matched_words_are_highlighted_only_on_a_colour_terminal() {
    const MARK: &str = "\u{1b}[1m\u{1b}[31mhealth\u{1b}[0m";
    let coloured = stdout_of(&["search", "health records", "--color", "always"]);
    assert!(coloured.contains(MARK), "{coloured}");
    assert!(coloured.contains("\u{1b}[1m\u{1b}[31mrecord\u{1b}[0m"));
    // "healthcare" holds the letters but is another word.
    assert!(!coloured.contains("\u{1b}[31mhealthcare"), "{coloured}");

    let piped = stdout_of(&["search", "health records"]);
    assert!(!piped.contains('\u{1b}'), "{piped}");
    let output = rolecmp()
        .args(["search", "health records"])
        .env("NO_COLOR", "1")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8(output.stdout).unwrap().contains('\u{1b}'));
    let narrow = stdout_of(&[
        "search",
        "health records",
        "--color",
        "always",
        "--width",
        "20",
    ]);
    assert!(narrow.contains(MARK), "{narrow}");
}

#[test]
fn a_company_glossary_entry_is_searchable_and_cited() {
    let glossary = "glossary:\n  - id: kpi\n    term: KPI\n    expansions: [key performance indicator]\n    sources: [handbook]\n";
    let role = "id: cto\nextends: builtin\nsummary:\n  - text: The CTO owns the key performance indicators of the platform.\n    sources: [handbook]\n";
    let dir = folder(&[
        HANDBOOK,
        ("glossary.yaml", glossary),
        ("roles/cto.yaml", role),
    ]);
    let data = dir.path().to_str().unwrap();
    let facts = found(&["search", "KPIs", "--data", data]);
    assert_eq!(facts.len(), 1, "{facts:?}");
    assert!(facts[0].2.contains("key performance indicators"));
    let listed = stdout_of(&["list", "glossary", "--data", data]);
    assert!(
        listed.contains("KPI") && listed.contains("[handbook]"),
        "{listed}"
    );
}

#[test]
#[ignore = "counts instructions under valgrind, some 5 s of CPU; .ci/run runs it"]
fn a_query_repeating_the_words_of_a_long_fact_costs_linear_time() {
    // Substring search compared the query at every position of the text: a query that
    // repeats the text's words cost query times text. Here both grow, the text four times as
    // long as the query, so that cost would grow with the square of the size; the query is a
    // phrase and loose words at once, so that both ways of matching are counted.
    // bench/search.sh runs 100 KB queries on 1 MB files.
    assert_cost_grows_linearly(100, |size, folder| {
        let role = format!(
            "id: x\ntitle: X\nsummary:\n  - text: cloud{}\n    sources: [handbook]\n",
            " data".repeat(4 * size)
        );
        std::fs::write(folder.join(HANDBOOK.0), HANDBOOK.1).unwrap();
        std::fs::write(folder.join("x.yaml"), role).unwrap();
        let words = format!("{}cloud", "data ".repeat(size));
        vec![
            "search".into(),
            format!("\"{words}\" {words}").into(),
            "--no-builtin".into(),
            "--data".into(),
            folder.into(),
            "--format".into(),
            "csv".into(),
        ]
    });
}

#[test]
fn one_side_of_a_dispute_found_brings_every_other_side_along() {
    // The founder's question finds the brief's "may be merged"; the guide's, ESCO's, ANZSCO's
    // and O*NET's sides of the same question must come with it, on each role.
    let found = json_of(&["search", "do I need both a CTO and a CIO"]);
    for role in found["roles"].as_array().unwrap() {
        let sides: Vec<&serde_json::Value> = role["facts"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|fact| fact["section"] == "disputes" && fact["topic"] == "Two roles or one?")
            .collect();
        for source in [
            "brief",
            "guide",
            "esco-cio",
            "abs-anzsco-1351",
            "onet-11-1011",
        ] {
            assert!(
                sides
                    .iter()
                    .any(|fact| fact["sources"] == serde_json::json!([source])
                        || (source == "esco-cio"
                            && fact["sources"].as_array().unwrap().contains(&source.into()))),
                "{}: the {source} side is missing: {sides:#?}",
                role["role"]
            );
        }
        let brought = sides
            .iter()
            .filter(|fact| fact["match"]["kind"] == "topic")
            .all(|fact| fact["match"]["via"][0] == "another side of “Two roles or one?”");
        assert!(brought, "{sides:#?}");
    }
    assert_eq!(found["roles"].as_array().unwrap().len(), 2);
}
