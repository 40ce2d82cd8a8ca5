//! `rolecmp search` with questions typed as people type them: unquoted, with words that carry
//! no meaning, role names, question words that point at a section, related word forms; and
//! each fact found saying how it matched. The facts are found by their role, section and match
//! kind, so that rewording the data does not break these tests.

use serde_json::Value;

use super::{HANDBOOK, folder, json_of, rolecmp, stdout_of};

/// One fact a search found.
#[derive(Debug, Clone)]
struct Found {
    role: String,
    section: String,
    topic: String,
    text: String,
    kind: String,
    via: Vec<String>,
}

fn facts_of(results: &Value) -> Vec<Found> {
    let mut facts = Vec::new();
    for role in results["roles"].as_array().unwrap() {
        for fact in role["facts"].as_array().unwrap() {
            facts.push(Found {
                role: role["role"].as_str().unwrap().to_owned(),
                section: fact["section"].as_str().unwrap().to_owned(),
                topic: fact["topic"].as_str().unwrap_or("").to_owned(),
                text: fact["text"].as_str().unwrap().to_owned(),
                kind: fact["match"]["kind"].as_str().unwrap().to_owned(),
                via: fact["match"]["via"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|via| via.as_str().unwrap().to_owned())
                    .collect(),
            });
        }
    }
    facts
}

/// The facts `rolecmp search words…` finds, each word its own argument, best first.
fn search(words: &str, more: &[&str]) -> Vec<Found> {
    let mut args = vec!["search"];
    args.extend(words.split_whitespace());
    args.extend(more);
    facts_of(&json_of(&args))
}

fn direct(fact: &Found) -> bool {
    fact.kind == "words" || fact.kind == "synonym"
}

fn mentions(text: &str, words: &str) -> bool {
    text.to_lowercase().contains(&words.to_lowercase())
}

/// The text of the collaboration fact of `role` whose relation is `relation`, from `show`.
fn collaboration(role: &str, relation: &str) -> String {
    let shown = json_of(&["show", role, "--section", "collaboration"]);
    shown["role"]["collaboration"]
        .as_array()
        .unwrap()
        .iter()
        .find(|link| link["relation"] == relation)
        .and_then(|link| link["text"].as_str())
        .unwrap()
        .to_owned()
}

#[test]
fn several_words_without_quotes_are_one_query() {
    let unquoted = search("patient data", &[]);
    assert!(!unquoted.is_empty());
    let quoted = facts_of(&json_of(&["search", "patient data"]));
    assert_eq!(
        unquoted.iter().map(|f| &f.text).collect::<Vec<_>>(),
        quoted.iter().map(|f| &f.text).collect::<Vec<_>>()
    );
    assert!(
        unquoted
            .iter()
            .all(|f| mentions(&f.text, "patient") && mentions(&f.text, "data"))
    );
}

#[test]
fn a_question_finds_its_answer_and_says_what_was_searched() {
    let facts = search("who does the CIO report to", &[]);
    let first = &facts[0];
    assert_eq!(
        (
            first.role.as_str(),
            first.section.as_str(),
            first.kind.as_str()
        ),
        ("cio", "reporting", "words"),
        "{facts:#?}"
    );
    // The CIO's reporting lines come before anything else of the CIO's.
    let lines = facts
        .iter()
        .take_while(|f| f.role == "cio" && f.section == "reporting")
        .count();
    assert!(lines >= 3, "{facts:#?}");
    let out = stdout_of(&["search", "who", "does", "the", "CIO", "report", "to"]);
    assert!(
        out.contains("searched: cio report; roles: CIO; ignored: who, does, the, to"),
        "{out}"
    );
}

#[test]
fn two_roles_named_find_the_lines_between_them() {
    let out = stdout_of(&["search", "does", "the", "cio", "report", "to", "the", "cto"]);
    assert!(
        out.contains("searched: cio report cto; roles: CIO, CTO"),
        "{out}"
    );
    let facts = search("does the cio report to the cto", &[]);
    // Each role's first fact is its reporting line to the other.
    for (role, other) in [
        ("cio", "Chief Technology Officer"),
        ("cto", "Chief Information Officer"),
    ] {
        let first = facts.iter().find(|f| f.role == role).unwrap();
        assert_eq!(
            (first.section.as_str(), first.topic.as_str()),
            ("reporting", other),
            "{facts:#?}"
        );
    }
}

#[test]
fn question_words_of_rank_reach_the_reporting_lines() {
    for word in ["boss", "higher", "senior", "rank"] {
        let facts = search(&format!("who is {word}, the CTO or the CIO"), &[]);
        assert!(
            facts
                .iter()
                .take(3)
                .all(|f| f.section == "reporting" || f.section == "disputes"),
            "{word}: {facts:#?}"
        );
    }
}

#[test]
fn skills_and_degrees_reach_the_background() {
    let facts = search("skills", &["--role", "cio"]);
    assert_eq!(facts[0].section, "background", "{facts:#?}");
    // The CIO's background does not say "skills": it is found through what it does say.
    assert!(direct(&facts[0]), "{facts:#?}");
    assert!(facts[0].via.iter().all(|via| via.starts_with("skills")));
    let out = stdout_of(&["search", "skills", "--role", "cio"]);
    assert!(!out.contains("silos"), "{out}");
    for question in [
        "what qualifications does a cto need",
        "do I need a degree to be a CTO",
        "education of a cto",
    ] {
        let facts = search(question, &[]);
        assert_eq!(
            (facts[0].role.as_str(), facts[0].section.as_str()),
            ("cto", "background"),
            "{question}: {facts:#?}"
        );
    }
}

#[test]
fn one_person_in_both_posts_finds_the_combined_post() {
    let combined = collaboration("cio", "combined");
    for question in [
        "can one person be both CTO and CIO",
        "the same person as CTO and CIO",
        "combine the cto and cio",
        "should we merge the CIO and CTO",
        "one executive for both",
    ] {
        let facts = search(question, &[]);
        let found = facts.iter().find(|f| f.text == combined);
        assert!(found.is_some_and(direct), "{question}: {facts:#?}");
        assert_eq!(facts[0].text, combined, "{question}: {facts:#?}");
    }
    // The dispute over two posts or one is recorded on the CIO with the CTO: a query naming
    // both roles finds it under each, though its claims name neither.
    let facts = search("can one person be both CTO and CIO", &[]);
    for role in ["cio", "cto"] {
        assert!(
            facts
                .iter()
                .any(|f| f.role == role && f.section == "disputes" && direct(f)),
            "{role}: {facts:#?}"
        );
    }
}

#[test]
fn ownership_reaches_the_responsibilities() {
    for question in ["who owns security", "who is accountable for security"] {
        let facts = search(question, &[]);
        assert!(
            facts[..3].iter().all(
                |f| direct(f) && ["responsibilities", "disputes"].contains(&f.section.as_str())
            ),
            "{question}: {facts:#?}"
        );
        // The rest of the security responsibilities, which do not say who owns them, come
        // last, found through their section.
        assert!(
            facts
                .iter()
                .any(|f| f.kind == "section" && f.section == "responsibilities"),
            "{question}: {facts:#?}"
        );
        for role in ["cio", "cto"] {
            let of_role: Vec<&Found> = facts.iter().filter(|f| f.role == role).collect();
            let first_indirect = of_role.iter().position(|f| !direct(f)).unwrap();
            assert!(
                of_role[first_indirect..].iter().all(|f| !direct(f)),
                "{of_role:#?}"
            );
        }
    }
}

#[test]
fn word_families_join_related_forms() {
    // The CTO's healthcare example keeps patient data "private".
    let facts = search("patient privacy", &[]);
    assert!(
        facts
            .iter()
            .any(|f| f.role == "cto" && f.section == "industries" && f.topic == "Healthcare"),
        "{facts:#?}"
    );
    let regulatory = search("regulatory", &[]);
    assert!(!regulatory.is_empty());
    assert!(
        regulatory
            .iter()
            .all(|f| mentions(&f.text, "regulat") && f.kind == "words"),
        "{regulatory:#?}"
    );
    let compliance = search("comply", &[]);
    assert!(compliance.iter().any(|f| mentions(&f.text, "compliance")));
    assert!(compliance.iter().any(|f| mentions(&f.text, "complies")));
}

#[test]
fn word_families_keep_apart_words_the_stemmer_joins() {
    for (word, not) in [
        ("experiments", "experience"),
        ("experience", "experiment"),
        ("government", "governance"),
        ("governance", "government"),
    ] {
        // By its words: a fact filed under the government industry may well name governance.
        let facts: Vec<_> = search(word, &[])
            .into_iter()
            .filter(|f| f.kind != "topic")
            .collect();
        assert!(
            facts.iter().all(|f| !mentions(&f.text, not)),
            "{word} found {not}: {facts:#?}"
        );
    }
    assert!(
        search("experience", &[])
            .iter()
            .any(|f| mentions(&f.text, "experience"))
    );
}

#[test]
fn each_fact_says_how_it_matched_and_no_heading_claims_more() {
    let facts = search("SLA", &[]);
    assert_eq!(facts[0].kind, "synonym", "{facts:#?}");
    assert_eq!(facts[0].via, ["SLA = service-level agreement"]);
    assert!(mentions(&facts[0].text, "service-level agreement"));
    // The other IT-operations facts share its topic and do not say it: last, and said so.
    assert!(facts.len() > 1);
    for fact in &facts[1..] {
        assert_eq!(fact.kind, "topic", "{fact:#?}");
        assert!(!mentions(&fact.text, "service-level") && !mentions(&fact.text, "SLA"));
    }
    let out = stdout_of(&["search", "SLA"]);
    assert!(!out.contains("mention"), "{out}");
    assert!(
        out.contains("found only through their topic or section (4)"),
        "{out}"
    );
    // The table may wrap the cell; JSON above has it whole.
    assert!(out.contains("SLA = service-level"), "{out}");
    let yaml = stdout_of(&["search", "SLA", "--format", "yaml"]);
    assert!(yaml.contains("match:\n      kind: synonym"), "{yaml}");
}

#[test]
fn area_and_section_names_are_searchable() {
    // An area's name finds the facts filed under it and those that say it; when neither
    // exists, its words are searched instead (see query.rs).
    let facts = search("technical leadership", &[]);
    assert!(
        facts.iter().any(|f| direct(f)
            && mentions(&f.text, "technical")
            && mentions(&f.text, "leadership")),
        "{facts:#?}"
    );
    // A company area no fact is filed under, named by a query: its words are searched.
    let areas = "areas:\n  - id: cloud-finops\n    label: Cloud cost control\n";
    let role = "id: cto\nextends: builtin\nsummary:\n  - text: The CTO keeps control of what the cloud will cost.\n    sources: [handbook]\n";
    let dir = folder(&[HANDBOOK, ("areas.yaml", areas), ("cto.yaml", role)]);
    let data = dir.path().to_str().unwrap();
    let facts = facts_of(&json_of(&[
        "search", "cloud", "cost", "control", "--data", data,
    ]));
    assert!(
        facts.len() == 1
            && direct(&facts[0])
            && mentions(&facts[0].text, "what the cloud will cost"),
        "{facts:#?}"
    );
    let facts = search("vendor management", &[]);
    assert!(
        facts.iter().all(|f| f.topic == "Vendor management"),
        "{facts:#?}"
    );
    let facts = search("reporting lines", &["--role", "cto"]);
    assert!(
        facts[..3].iter().all(|f| f.section == "reporting"),
        "{facts:#?}"
    );
    let facts = search("background", &["--role", "cto"]);
    assert!(
        facts.iter().filter(|f| f.section == "background").count() >= 3,
        "{facts:#?}"
    );
}

#[test]
fn shared_disputes_and_collaborations_are_found_under_every_role_they_are_shown_for() {
    // "Who owns security?" is recorded on the CIO, with the CTO.
    let facts = search("frequently", &["--role", "cto"]);
    assert!(
        facts
            .iter()
            .any(|f| f.role == "cto" && f.section == "disputes" && f.topic == "Who owns security?"),
        "{facts:#?}"
    );
    // The CIO records its work with the Chief Data Officer; the CDO's profile shows it.
    let facts = search("closely", &["--role", "chief-data-officer"]);
    assert!(
        facts
            .iter()
            .any(|f| f.section == "collaboration" && f.topic == "Chief Information Officer"),
        "{facts:#?}"
    );
}

/// Runs `rolecmp args…`, which must fail as a usage error; returns stderr.
fn refused(args: &[&str]) -> String {
    let output = rolecmp().args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{args:?}");
    assert!(output.stdout.is_empty());
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn section_filters_take_the_sections_that_hold_facts_and_refuse_the_others() {
    for section in ["matrix", "sources"] {
        let stderr = refused(&["search", "privacy", "--section", section]);
        assert!(
            stderr.contains(&format!("search finds no facts in section '{section}'")),
            "{stderr}"
        );
        assert!(
            stderr.contains("headlines, summary, focus, nature, facing, responsibilities, reporting, background, codes, industries, collaboration, disputes"),
            "{stderr}"
        );
    }
    let stderr = refused(&[
        "search",
        "data",
        "--industry",
        "healthcare",
        "--section",
        "reporting",
    ]);
    assert!(
        stderr.contains("--industry narrows the industry examples"),
        "{stderr}"
    );
    for (words, section) in [
        ("CEO", "headlines"),
        ("security", "disputes"),
        ("security", "collaboration"),
    ] {
        let facts = search(words, &["--section", section]);
        assert!(!facts.is_empty(), "{section}");
        assert!(facts.iter().all(|f| f.section == section), "{facts:#?}");
    }
}

#[test]
fn flags_that_mean_nothing_for_search_are_refused() {
    let stderr = refused(&["search", "data", "--full"]);
    assert!(stderr.contains("unexpected argument '--full'"), "{stderr}");
}

#[test]
fn did_you_mean_is_offered_only_for_plausible_typos() {
    let stderr = refused(&["search", "data", "--role", "vpe"]);
    assert!(!stderr.contains("did you mean"), "{stderr}");
    assert!(
        stderr.contains(
            "valid roles: ceo, cfo, chief-data-officer, chief-digital-officer, cio, ciso, cto, it-director"
        ),
        "{stderr}"
    );
    let out = stdout_of(&[
        "search", "should", "the", "CMIO", "report", "to", "the", "CIO", "--width", "300",
    ]);
    assert!(
        out.contains("No fact mentions “CMIO”, and no role is named so: the roles are CEO, CFO, Chief Data Officer, Chief Digital Officer, CIO, CISO, CTO, IT director. Searched: every fact of 8 roles, drawn from 24 of the 26 sources recorded here; none of them addresses it."),
        "{out}"
    );
    assert!(!out.contains("Did you mean"), "{out}");
    for (query, not) in [("VP of Engineering", "up"), ("employees", "explores")] {
        let results = json_of(&["search", query]);
        assert!(
            results["suggestions"]
                .as_array()
                .is_none_or(|s| !s.iter().any(|s| s == not)),
            "{results}"
        );
    }
    let results = json_of(&["search", "securty"]);
    assert_eq!(results["suggestions"][0], "security", "{results}");
}

#[test]
fn a_company_extends_the_search_vocabulary() {
    let words = "stop_words: [please]\nintents:\n  - id: leadership\n    words: [chief]\n    mentions: [leads]\n    sections: [responsibilities]\nfamilies:\n  - id: roadmap\n    forms: [roadmap, roadmaps, roadmapping]\n";
    let dir = folder(&[HANDBOOK, ("search.yaml", words)]);
    let data = dir.path().to_str().unwrap();
    let out = stdout_of(&[
        "search", "please", "who", "does", "the", "CIO", "report", "to", "--data", data,
    ]);
    assert!(out.contains("ignored: please, who"), "{out}");
    let facts = facts_of(&json_of(&["search", "roadmapping", "--data", data]));
    assert!(
        facts.iter().any(|f| mentions(&f.text, "roadmap")),
        "{facts:#?}"
    );
    // Without the company's file, "please" is a word to find, and no fact has it.
    assert!(search("please who does the CIO report to", &[]).is_empty());
}

#[test]
fn the_search_vocabulary_is_checked_like_the_glossary() {
    let words = "stop_words: [two words]\nintents:\n  - id: pay\n    words: [salary]\n  - id: codes\n    words: [soc]\n    sections: [codez]\nfamilies:\n  - id: a\n    forms: [privacy]\n";
    let dir = folder(&[HANDBOOK, ("search.yaml", words)]);
    let output = rolecmp().arg("validate").arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let out = String::from_utf8(output.stdout).unwrap();
    // A broken value is reported with the whole structure: the section name first.
    assert!(
        out.contains("search.yaml:7:16: intents[1].sections[0]: 'codez' is not one of"),
        "{out}"
    );
    let words = "stop_words: [two words]\nintents:\n  - id: pay\n    words: [salary]\nfamilies:\n  - id: a\n    forms: [privacy]\n";
    let dir = folder(&[HANDBOOK, ("search.yaml", words)]);
    let output = rolecmp().arg("validate").arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let out = String::from_utf8(output.stdout).unwrap();
    for problem in [
        "search.yaml:1:14: stop_words[0]: 'two words' is not one word",
        "search.yaml:3:9: intents[0].sections: intent 'pay' points nowhere",
        "search.yaml:7:13: families[0].forms[0]: 'privacy' is also a form of family 'privacy'",
    ] {
        assert!(out.contains(problem), "{problem}\n{out}");
    }
}

#[test]
fn whether_two_titles_name_one_job_finds_what_the_classifications_say() {
    let facts = search("is an IT director the same as an IT manager", &[]);
    let first = &facts[0];
    assert_eq!(
        (first.role.as_str(), first.section.as_str()),
        ("it-director", "codes"),
        "{facts:#?}"
    );
    // O*NET's other names and the UK's separate groups: both sides of the question.
    assert!(
        facts.iter().any(|f| mentions(&f.text, "other names")),
        "{facts:#?}"
    );
    assert!(
        facts.iter().any(|f| mentions(&f.text, "separate")),
        "{facts:#?}"
    );
}

#[test]
fn a_question_about_codes_reaches_the_codes_section() {
    let facts = search("what is the SOC code for a CTO", &[]);
    assert!(
        facts
            .iter()
            .any(|f| f.role == "cto" && f.section == "codes"),
        "{facts:#?}"
    );
    // "difference" keeps its own meaning: the guide's sentence naming the main difference.
    let facts = search("what is the difference between a CTO and a CIO", &[]);
    assert!(
        facts
            .iter()
            .take(3)
            .any(|f| mentions(&f.text, "difference")),
        "{facts:#?}"
    );
}

#[test]
fn what_a_government_cio_must_do_by_law_finds_the_statutory_duties() {
    // The duties 40 U.S.C. 11315 gives an agency CIO, filed under the government industry.
    let duties = [
        "advises the agency head",
        "integrated IT architecture",
        "assesses each year whether staff",
    ];
    for question in [
        "what does a federal CIO have to do by law",
        "what must a government CIO do",
        "what is a CIO required by statute to do in a federal agency",
    ] {
        let found: Vec<Found> = search(question, &[])
            .into_iter()
            .filter(|fact| fact.role == "cio")
            .collect();
        for duty in duties {
            assert!(
                found.iter().any(|fact| fact.section == "industries"
                    && fact.topic == "Government and public sector"
                    && mentions(&fact.text, duty)),
                "{question:?} finds the statutory duty {duty:?}: {found:#?}"
            );
        }
        // Only the government examples: no other industry's.
        assert!(
            found
                .iter()
                .filter(|fact| fact.section == "industries")
                .all(|fact| fact.topic == "Government and public sector"),
            "{question}: {found:#?}"
        );
    }
    let json = json_of(&["search", "what", "must", "a", "government", "CIO", "do"]);
    assert!(
        json["searched"]["ignored"]
            .as_array()
            .unwrap()
            .iter()
            .any(|word| word == "must"),
        "'must' carries no meaning in a question: {json}"
    );
}
