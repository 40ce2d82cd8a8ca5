//! The knowledge base against its sources: no copied wording, and short statements (the
//! at-a-glance headlines) no stronger than the facts they stand for.

use std::collections::{BTreeMap, BTreeSet};

use super::json_of;

/// Lower-case words, with typographic apostrophes folded, so that punctuation and case
/// cannot hide a copied run.
pub fn words(text: &str) -> Vec<String> {
    text.replace(['\u{2019}', '\u{2018}'], "'")
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|word| word.trim_matches('\'').to_owned())
        .filter(|word| !word.is_empty())
        .collect()
}

/// Every role, fully, as the binary gives it.
pub fn profiles() -> Vec<serde_json::Value> {
    json_of(&["list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|role| json_of(&["show", role["id"].as_str().unwrap(), "--full"]))
        .collect()
}

fn strings<'a>(value: &'a serde_json::Value, into: &mut Vec<&'a str>) {
    match value {
        serde_json::Value::String(text) => into.push(text),
        serde_json::Value::Array(items) => items.iter().for_each(|item| strings(item, into)),
        serde_json::Value::Object(map) => map.values().for_each(|item| strings(item, into)),
        _ => {}
    }
}

/// The article texts by file name, when they can be had (`require::require_seeds`).
pub fn article_texts() -> Option<BTreeMap<String, String>> {
    let seeds = super::require::require_seeds()?;
    let texts: BTreeMap<String, String> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .map(|path| {
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&path).unwrap(),
            )
        })
        .collect();
    assert_eq!(
        texts.len(),
        2,
        "expected the two source articles in {}",
        seeds.display()
    );
    Some(texts)
}

/// The source articles as words, when they can be had (see [`article_texts`]).
fn articles() -> Option<Vec<(String, Vec<String>)>> {
    Some(
        article_texts()?
            .into_iter()
            .map(|(name, text)| (name, words(&text)))
            .collect(),
    )
}

/// The longest run of words a text shares with an article that we allow: anything longer
/// is copied wording.
const LONGEST_SHARED_RUN: usize = 10;

#[test]
fn no_text_copies_more_than_ten_words_of_an_article() {
    let Some(articles) = articles() else { return };
    let run = LONGEST_SHARED_RUN + 1;
    let mut copied_runs: BTreeMap<Vec<String>, &str> = BTreeMap::new();
    for (name, words) in &articles {
        for window in words.windows(run) {
            copied_runs.insert(window.to_vec(), name);
        }
    }
    let mut everything = profiles();
    for kind in ["sources", "areas", "industries", "glossary"] {
        everything.push(json_of(&["list", kind]));
    }
    let mut texts = Vec::new();
    for value in &everything {
        strings(value, &mut texts);
    }
    let mut copied = BTreeSet::new();
    for text in &texts {
        for window in words(text).windows(run) {
            if let Some(article) = copied_runs.get(window) {
                copied.insert(format!("{text:?} copies {article}: {:?}", window.join(" ")));
            }
        }
    }
    assert!(texts.len() > 200, "only {} texts checked", texts.len());
    assert!(
        copied.is_empty(),
        "copied wording:\n{}",
        copied.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn the_copy_check_finds_a_copied_sentence() {
    let Some(articles) = articles() else { return };
    let (_, guide) = articles
        .iter()
        .max_by_key(|(_, words)| words.len())
        .unwrap();
    let copied = words(
        "Generally, CTOs report to the CEO or another top-level executive, emphasizing their strategic role.",
    );
    let found = copied.windows(LONGEST_SHARED_RUN + 1).any(|window| {
        guide
            .windows(LONGEST_SHARED_RUN + 1)
            .any(|run| run == window)
    });
    assert!(
        found,
        "the check would miss a sentence taken from the guide"
    );
}

/// Sources cited by a list of facts.
fn cited(facts: &serde_json::Value) -> BTreeSet<String> {
    facts
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|fact| fact["sources"].as_array().unwrap())
        .map(|source| source.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn every_headline_cites_only_sources_that_speak_to_its_dimension() {
    for profile in profiles() {
        let role = &profile["role"];
        let id = role["id"].as_str().unwrap();
        let mut disputes = BTreeSet::new();
        for dispute in role["disputes"].as_array().unwrap() {
            disputes.extend(cited(&dispute["claims"]));
        }
        let nested = |key: &str| {
            let mut all = BTreeSet::new();
            for item in role[key].as_array().unwrap() {
                all.extend(cited(&item["facts"]));
            }
            all
        };
        let grounds: [(&str, BTreeSet<String>); 7] = [
            ("definition", cited(&role["summary"])),
            ("focus", cited(&role["focus"]["facts"])),
            ("nature", cited(&role["nature"]["facts"])),
            ("facing", cited(&role["facing"]["facts"])),
            ("reporting", cited(&role["reporting"])),
            ("background", cited(&role["background"])),
            ("industries", nested("industries")),
        ];
        for (dimension, grounds) in grounds {
            for source in cited(&role["headlines"][dimension]) {
                assert!(
                    grounds.contains(&source),
                    "{id}: the {dimension} headline cites [{source}], which says nothing of its {dimension}"
                );
            }
        }
        for dispute in role["disputes"].as_array().unwrap() {
            assert_eq!(
                cited(&serde_json::json!([dispute["headline"]])),
                cited(&dispute["claims"]),
                "{id}: the one-line form of {} must cite every side",
                dispute["topic"]
            );
        }
    }
}

#[test]
fn reporting_headlines_keep_the_hedges_of_their_lines() {
    for profile in profiles() {
        let role = &profile["role"];
        let id = role["id"].as_str().unwrap();
        for headline in role["headlines"]["reporting"].as_array().unwrap() {
            let text = headline["text"].as_str().unwrap();
            let sources = cited(&serde_json::json!([headline]));
            for target in ["CEO", "CFO", "CIO", "CTO"] {
                if !text.contains(target) {
                    continue;
                }
                let prevalences: BTreeSet<&str> = role["reporting"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|line| line["to"].as_str().unwrap().eq_ignore_ascii_case(target))
                    .filter(|line| cited(&serde_json::json!([line])).is_subset(&sources))
                    .map(|line| line["prevalence"].as_str().unwrap())
                    .collect();
                let hedged = ["some", "may", "often", "generally", "usually"]
                    .iter()
                    .any(|w| text.to_lowercase().contains(w));
                if !prevalences.contains("usual") {
                    assert!(
                        hedged,
                        "{id}: {text:?} drops the sources' hedge for {target}"
                    );
                }
            }
        }
    }
}

/// Words with which a source hedges a claim ("may", "often", "in certain businesses").
const HEDGES: [&str; 12] = [
    "may",
    "might",
    "can",
    "could",
    "often",
    "frequently",
    "generally",
    "usually",
    "some",
    "certain",
    "sometimes",
    "many",
];

/// Words with which a short line keeps a hedge: the sources' own, and a few more.
const HEADLINE_HEDGES: [&str; 5] = ["mainly", "mostly", "partly", "vary", "varies"];

fn hedges(text: &str, extra: &[&str]) -> bool {
    words(text)
        .iter()
        .any(|word| HEDGES.contains(&word.as_str()) || extra.contains(&word.as_str()))
}

/// The headlines of a profile (per dimension, and each disagreement's one line) whose
/// evidence hedges while their own words do not.
fn unhedged_headlines(profile: &serde_json::Value) -> Vec<String> {
    let role = &profile["role"];
    let mut headlines: Vec<&serde_json::Value> = role["headlines"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|facts| facts.as_array().unwrap())
        .collect();
    headlines.extend(
        role["disputes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|dispute| &dispute["headline"])
            .filter(|headline| !headline.is_null()),
    );
    headlines
        .into_iter()
        .filter_map(|headline| {
            let text = headline["text"].as_str().unwrap();
            let hedged_quote = headline["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .map(|excerpt| excerpt["quote"].as_str().unwrap())
                .find(|quote| hedges(quote, &[]))?;
            (!hedges(text, &HEADLINE_HEDGES)).then(|| {
                format!(
                    "{}: {text:?} drops the hedge of {hedged_quote:?}",
                    role["id"].as_str().unwrap()
                )
            })
        })
        .collect()
}

#[test]
fn every_headline_whose_evidence_hedges_keeps_a_hedge() {
    let mut checked = 0;
    for profile in profiles() {
        checked += profile["role"]["headlines"]
            .as_object()
            .unwrap()
            .values()
            .map(|facts| facts.as_array().unwrap().len())
            .sum::<usize>();
        let unhedged = unhedged_headlines(&profile);
        assert!(unhedged.is_empty(), "{}", unhedged.join("\n"));
    }
    assert!(checked > 25, "only {checked} headlines checked");
}

#[test]
fn the_hedge_check_finds_a_headline_that_drops_its_hedge() {
    let company = super::folder(&[(
        "boss.yaml",
        "id: boss\ntitle: Boss\nsummary:\n  - text: A boss.\n    sources: [brief]\n    evidence: \"is in charge of enterprise-level IT systems\"\nheadlines:\n  reporting:\n    - text: Reports to the CEO.\n      sources: [brief]\n      evidence: \"often answers directly to the Chief Executive Officer\"\n    - text: Often the CEO.\n      sources: [brief]\n      evidence: \"often answers directly to the Chief Executive Officer\"\n",
    )]);
    let profile = json_of(&[
        "show",
        "boss",
        "--full",
        "--data",
        company.path().to_str().unwrap(),
    ]);
    let unhedged = unhedged_headlines(&profile);
    assert_eq!(unhedged.len(), 1, "{unhedged:?}");
    assert!(
        unhedged[0].contains("\"Reports to the CEO.\""),
        "{unhedged:?}"
    );
}

/// The matrix cells of `matrix` that cite a source as `responsible` where every fact of that
/// source behind the cell hedges in its evidence ("CIOs are frequently in charge of
/// security"): a derived claim stronger than its words. `profiles` are the roles' `show
/// --full` reports.
fn unhedged_cells(matrix: &serde_json::Value, profiles: &[serde_json::Value]) -> Vec<String> {
    let mut unhedged = Vec::new();
    for row in matrix["rows"].as_array().unwrap() {
        let area = row["area"].as_str().unwrap();
        for cell in row["cells"].as_array().unwrap() {
            let role = cell["role"].as_str().unwrap();
            let Some(profile) = profiles.iter().find(|p| p["role"]["id"] == role) else {
                panic!("no profile of {role}");
            };
            let facts: Vec<&serde_json::Value> = profile["role"]["responsibilities"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|item| item["area"] == area)
                .flat_map(|item| item["facts"].as_array().unwrap())
                .collect();
            let plain = cell["supports"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|support| support["level"] == "responsible");
            for source in plain.flat_map(|support| support["sources"].as_array().unwrap()) {
                let quotes = |fact: &&serde_json::Value| -> Vec<String> {
                    fact["evidence"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|excerpt| excerpt["source"] == *source)
                        .map(|excerpt| excerpt["quote"].as_str().unwrap().to_owned())
                        .collect()
                };
                let behind: Vec<Vec<String>> = facts
                    .iter()
                    .filter(|fact| fact["sources"].as_array().unwrap().contains(source))
                    .map(quotes)
                    .collect();
                // A fact without a quote of the source cannot be read here: taken as plain.
                if !behind.is_empty()
                    && behind
                        .iter()
                        .all(|quotes| !quotes.is_empty() && quotes.iter().any(|q| hedges(q, &[])))
                {
                    unhedged.push(format!(
                        "{role}/{area}: responsible [{}], but its words hedge: {behind:?}",
                        source.as_str().unwrap()
                    ));
                }
            }
        }
    }
    unhedged
}

#[test]
fn no_matrix_cell_cites_a_hedged_fact_as_a_plain_duty() {
    let profiles = profiles();
    let matrix = json_of(&["matrix", "--all"]);
    let cited = matrix["rows"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|row| row["cells"].as_array().unwrap())
        .filter(|cell| cell["level"] != "not-named")
        .count();
    assert!(cited > 40, "only {cited} cells checked");
    let unhedged = unhedged_cells(&matrix, &profiles);
    assert!(unhedged.is_empty(), "{}", unhedged.join("\n"));
}

#[test]
fn the_hedge_check_finds_a_cell_that_drops_a_facts_hedge() {
    let role = |hedge: &str| {
        format!(
            "id: boss\ntitle: Boss\nsummary:\n  - text: A boss.\n    sources: [guide]\n    evidence: \"As the head of the IT department\"\nresponsibilities:\n  - area: security\n    facts:\n      - text: Bosses are frequently in charge of security.\n        sources: [brief]\n        evidence: \"CIOs are frequently in charge of security, too\"\n{hedge}      - text: Bosses safeguard sensitive information.\n        sources: [guide]\n        evidence: \"the CIO plays a critical role in safeguarding\"\n"
        )
    };
    let check = |hedge: &str| {
        let company = super::folder(&[("boss.yaml", &role(hedge))]);
        let data = ["--data", company.path().to_str().unwrap()];
        let profile = json_of(&[&["show", "boss", "--full"][..], &data].concat());
        let matrix = json_of(&[&["matrix", "boss"][..], &data].concat());
        unhedged_cells(&matrix, &[profile])
    };
    let unhedged = check("");
    assert_eq!(unhedged.len(), 1, "{unhedged:?}");
    assert!(
        unhedged[0].starts_with("boss/security: responsible [brief], but its words hedge"),
        "{unhedged:?}"
    );
    assert_eq!(check("        involvement: often\n"), Vec::<String>::new());
}

/// The collaboration facts whose relation their source's own words do not bear out: an
/// overlap must quote a source saying the roles overlap, share or are both responsible; a
/// collaboration, that they work together. Anything else is a comparison (or a combined post).
fn relations_not_in_the_evidence(profile: &serde_json::Value) -> Vec<String> {
    let mut wrong = Vec::new();
    for link in profile["role"]["collaboration"].as_array().unwrap() {
        let words: &[&str] = match link["relation"].as_str().unwrap() {
            "overlap" => &["overlap", "share", "responsible"],
            "collaboration" => &[
                "collaborat",
                "cooperat",
                "together",
                "coordinate",
                "partner",
                "closely",
                "relationship",
            ],
            _ => continue,
        };
        let quotes = link["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|quote| quote["quote"].as_str().unwrap().to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        if !words.iter().any(|word| quotes.contains(word)) {
            wrong.push(format!(
                "{} with {}: {} ({quotes})",
                link["relation"], link["with"], link["text"]
            ));
        }
    }
    wrong
}

#[test]
fn every_overlap_and_collaboration_is_one_its_source_states() {
    let mut wrong = Vec::new();
    for profile in profiles() {
        wrong.extend(relations_not_in_the_evidence(&profile));
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
