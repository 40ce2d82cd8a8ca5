//! The sources as first-class records: every one says who published it, where it is, when it
//! was read and under what licence; every open source's passages are stored with the data and
//! every fact citing it quotes them; and no text of ours copies an open source's sentences.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde_json::Value;

use super::fidelity::{profiles, words};
use super::{json_of, stdout_of};

fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn sources() -> Vec<Value> {
    json_of(&["list", "sources"]).as_array().unwrap().clone()
}

/// The passages of a stored text: what follows its header's line of equals signs.
fn passages(text_file: &str) -> String {
    let text = std::fs::read_to_string(data().join(text_file)).unwrap();
    let (_, passages) = text
        .split_once("\n==========")
        .expect("a header, then a line of equals signs");
    passages.to_owned()
}

#[test]
fn every_published_source_names_its_publisher_address_dates_and_licence() {
    for source in sources() {
        let id = source["id"].as_str().unwrap();
        if source["kind"] == "general-knowledge" {
            continue;
        }
        for field in ["retrieved", "licence"] {
            assert!(source[field].is_string(), "{id} has no {field}");
        }
        if source["kind"] == "article" {
            // Neither article's publisher is known; the guide's text is found on a
            // third-party site, the brief's nowhere.
            assert!(
                source["publisher"].is_null() && source["address"].is_null(),
                "{id}"
            );
            continue;
        }
        for field in ["publisher", "address", "published", "text_file"] {
            assert!(source[field].is_string(), "{id} has no {field}");
        }
        let licence = source["licence"].as_str().unwrap();
        assert!(
            [
                "us-gov-public-domain",
                "CC-BY-4.0",
                "CC-BY-2.5-AU",
                "OGL-UK-3.0",
                "ec-reuse-2011-833",
                "ilo-isco-08-short-excerpt"
            ]
            .contains(&licence),
            "{id}: {licence} is no licence a bundled passage may be stored under"
        );
        if licence != "us-gov-public-domain" {
            assert!(
                source["attribution"].is_string(),
                "{id} needs its attribution"
            );
        }
    }
}

#[test]
fn list_sources_shows_each_licence_and_attribution_and_says_what_is_unknown() {
    let table = stdout_of(&["list", "sources", "--width", "400"]);
    for shown in [
        "Licence",
        "CC-BY-4.0",
        "Attribution: This product includes information from O*NET OnLine",
        "Attribution: This service uses the ESCO classification of the European Commission.",
        "Publisher: U.S. Bureau of Labor Statistics",
        "Address: unknown; its text is found at https://metadeepml.com/cto-vs-cio/ (a third-party site)",
        "Retrieved: 2026-12-03 (stored copy; original crawl date unknown)",
    ] {
        assert!(table.contains(shown), "{shown:?} missing:\n{table}");
    }
    let brief = table
        .split("\nbrief ")
        .nth(1)
        .and_then(|rest| rest.split("\ncdo-gov ").next())
        .unwrap();
    assert!(
        brief.contains("Publisher: unknown") && brief.contains("Address: unknown"),
        "{brief}"
    );
}

#[test]
fn every_sources_section_gives_the_licence_of_what_it_cites() {
    let markdown = stdout_of(&[
        "show",
        "it-director",
        "--section",
        "labour-market",
        "--format",
        "markdown",
    ]);
    let sources = markdown
        .split("## Sources")
        .nth(1)
        .expect("a sources section");
    let bls = sources
        .lines()
        .find(|line| line.starts_with("- \\[bls-ooh-cism\\]"))
        .expect("the BLS handbook listed");
    for said in [
        "published by U.S. Bureau of Labor Statistics",
        "](https://www.bls.gov/ooh/management/computer-and-information-systems-managers.htm)",
        "retrieved: 2026-12-03",
        "licence: us-gov-public-domain",
        "attribution: Bureau of Labor Statistics",
    ] {
        assert!(bls.contains(said), "{said:?} missing: {bls}");
    }
    let onet = sources
        .lines()
        .find(|line| line.starts_with("- \\[onet-11-3021\\]"))
        .expect("O*NET listed");
    assert!(onet.contains("licence: CC-BY-4.0"), "{onet}");
    assert!(onet.contains("USDOL/ETA has not approved"), "{onet}");
    // A document naming the guide says its publisher and address are unknown.
    let page = stdout_of(&["show", "cio", "--format", "markdown"]);
    let guide = page
        .lines()
        .find(|line| line.starts_with("- \\[guide\\]"))
        .expect("the guide listed");
    assert!(
        guide.contains("publisher unknown, address unknown; its text is found on a third-party site, [https\\://metadeepml.com/cto-vs-cio/](https://metadeepml.com/cto-vs-cio/)"),
        "{guide}"
    );
}

/// Every cited entry of the built-in knowledge base, from the JSON of every role in full, the
/// glossary and the codes crosswalk: (its text, its sources, its evidence).
fn cited_entries() -> Vec<(String, Vec<String>, Vec<Value>)> {
    let mut reports = profiles();
    reports.push(json_of(&["list", "glossary"]));
    reports.push(json_of(&["list", "codes"]));
    let mut entries = Vec::new();
    let mut stack: Vec<&Value> = reports.iter().collect();
    while let Some(value) = stack.pop() {
        match value {
            Value::Object(map) => {
                if let (Some(Value::Array(sources)), Some(text)) =
                    (map.get("sources"), map.get("text").or(map.get("term")))
                {
                    entries.push((
                        text.as_str().unwrap().to_owned(),
                        sources
                            .iter()
                            .map(|s| s.as_str().unwrap().to_owned())
                            .collect(),
                        map.get("evidence")
                            .and_then(Value::as_array)
                            .cloned()
                            .unwrap_or_default(),
                    ));
                }
                stack.extend(map.values());
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    entries
}

#[test]
fn every_fact_citing_an_open_source_quotes_its_stored_passages() {
    let stored: BTreeMap<String, Vec<String>> = sources()
        .iter()
        .filter_map(|source| {
            let file = source["text_file"].as_str()?;
            Some((
                source["id"].as_str().unwrap().to_owned(),
                words(&passages(file)),
            ))
        })
        .collect();
    assert!(stored.len() >= 20, "{} stored texts", stored.len());
    let (mut checked, mut wrong) = (0, BTreeSet::new());
    for (text, cited, evidence) in cited_entries() {
        for source in cited.iter().filter(|id| stored.contains_key(*id)) {
            let quotes: Vec<&str> = evidence
                .iter()
                .filter(|excerpt| excerpt["source"] == source.as_str())
                .map(|excerpt| excerpt["quote"].as_str().unwrap())
                .collect();
            if quotes.is_empty() {
                wrong.insert(format!("{text:?} quotes nothing of [{source}]"));
            }
            for quote in quotes {
                checked += 1;
                let quoted = words(quote);
                // In the passages themselves, not in the header we wrote above them.
                if !stored[source]
                    .windows(quoted.len().max(1))
                    .any(|run| run == quoted)
                {
                    wrong.insert(format!("{quote:?} is not in the passages of [{source}]"));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{}",
        wrong.into_iter().collect::<Vec<_>>().join("\n")
    );
    assert!(
        checked > 150,
        "only {checked} quotes of open sources checked"
    );
}

#[test]
fn every_source_a_fact_cites_is_an_article_general_knowledge_or_stored() {
    let kinds: BTreeMap<String, (String, bool)> = sources()
        .iter()
        .map(|source| {
            (
                source["id"].as_str().unwrap().to_owned(),
                (
                    source["kind"].as_str().unwrap().to_owned(),
                    source["text_file"].is_string(),
                ),
            )
        })
        .collect();
    for (text, cited, _) in cited_entries() {
        for source in cited {
            let (kind, stored) = &kinds[&source];
            assert!(
                *stored || kind == "article" || kind == "general-knowledge",
                "{text:?} cites [{source}], whose passages are not stored"
            );
        }
    }
}

/// The longest run of words one of our texts may share with an open source's passages; the
/// evidence excerpts, source titles and attribution texts are the source's own words.
const LONGEST_SHARED_RUN: usize = 10;

/// Every text the binary prints that is ours: all strings of the reports but the evidence
/// quotes, the sources' titles and attributions, and the occupations' titles (names the
/// classifications give).
fn our_texts<'a>(value: &'a Value, key: Option<&str>, into: &mut Vec<&'a str>) {
    match value {
        // Names and addresses the sources give, and the texts their licences fix.
        Value::String(_)
            if matches!(
                key,
                Some("quote" | "title" | "attribution" | "role_title" | "address")
            ) => {}
        Value::String(text) => into.push(text),
        Value::Array(items) => items.iter().for_each(|item| our_texts(item, key, into)),
        Value::Object(map) => {
            for (name, item) in map {
                if name != "evidence" {
                    our_texts(item, Some(name), into);
                }
            }
        }
        _ => {}
    }
}

fn copied_runs() -> BTreeMap<Vec<String>, String> {
    let mut runs = BTreeMap::new();
    for source in sources() {
        let Some(file) = source["text_file"].as_str() else {
            continue;
        };
        for window in words(&passages(file)).windows(LONGEST_SHARED_RUN + 1) {
            runs.insert(window.to_vec(), source["id"].as_str().unwrap().to_owned());
        }
    }
    runs
}

fn copies(runs: &BTreeMap<Vec<String>, String>, texts: &[&str]) -> BTreeSet<String> {
    let mut copied = BTreeSet::new();
    for text in texts {
        for window in words(text).windows(LONGEST_SHARED_RUN + 1) {
            if let Some(source) = runs.get(window) {
                copied.insert(format!("{text:?} copies {source}: {:?}", window.join(" ")));
            }
        }
    }
    copied
}

#[test]
fn no_text_copies_more_than_ten_words_of_an_open_source() {
    let runs = copied_runs();
    let mut reports = profiles();
    for kind in ["sources", "areas", "industries", "glossary", "codes"] {
        reports.push(json_of(&["list", kind]));
    }
    let mut texts = Vec::new();
    for report in &reports {
        our_texts(report, None, &mut texts);
    }
    assert!(texts.len() > 500, "only {} texts checked", texts.len());
    let copied = copies(&runs, &texts);
    assert!(
        copied.is_empty(),
        "copied wording:\n{}",
        copied.into_iter().collect::<Vec<_>>().join("\n")
    );
    // The check would see a description of ESCO's taken over whole.
    let esco = "Chief information officers define and implement the ICT strategy and governance. They determine necessary resources for the ICT strategy implementation.";
    assert_eq!(copies(&runs, &[esco]).len(), 10);
}

#[test]
fn the_readme_and_the_manual_list_every_licence_attribution_and_source() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let manual = std::fs::read_to_string(root.join("docs/knowledge-base.md")).unwrap();
    for source in sources() {
        let id = source["id"].as_str().unwrap();
        assert!(
            manual.contains(&format!("| `{id}` |")),
            "{id} missing from the manual"
        );
        if let Some(licence) = source["licence"].as_str() {
            assert!(
                readme.contains(licence),
                "{id}: {licence} missing from README.md"
            );
        }
        if let Some(attribution) = source["attribution"].as_str() {
            assert!(
                readme.contains(attribution),
                "{id}: its attribution is missing from README.md"
            );
        }
    }
}
