//! Search at hostile sizes costs work linear in the data plus the query, counted in
//! instructions (see `costs`): a glossary entry with many expansions, a role with many
//! aliases, many quoted phrases over facts that hold them all. Each of these once cost the
//! square or the cube of its size.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::Path;

use super::HANDBOOK;
use super::costs::assert_cost_grows_linearly;

/// Writes `files` (path, contents) and the handbook into `folder`; returns `rolecmp search
/// WORDS… --no-builtin --data FOLDER --format csv`.
fn search(folder: &Path, files: &[(&str, &str)], words: &[&str]) -> Vec<OsString> {
    for (name, text) in [HANDBOOK].iter().chain(files) {
        std::fs::write(folder.join(name), text).unwrap();
    }
    ["search", "--no-builtin"]
        .iter()
        .chain(words)
        .map(OsString::from)
        .chain([
            "--data".into(),
            folder.into(),
            "--format".into(),
            "csv".into(),
        ])
        .collect()
}

#[test]
#[ignore = "counts instructions under valgrind, some 5 s of CPU; .ci/run runs it"]
fn a_glossary_entry_with_hundreds_of_expansions() {
    // Every expansion was a synonym of every other, each checked against a list of the
    // others: 3,000 expansions took 30 s and 600 MB.
    // Twenty are enough: the old code's cost grew 5.7 times per doubling from 20.
    assert_cost_grows_linearly(20, |count, folder| {
        let expansions: Vec<String> = (0..count)
            .map(|i| format!("key performance indicator {i}"))
            .collect();
        let glossary = format!(
            "glossary:\n  - id: kpi\n    term: KPI\n    expansions: [{}]\n    sources: [handbook]\n",
            expansions.join(", ")
        );
        let role = "id: x\ntitle: X\nsummary:\n  - text: The KPI of the platform.\n    sources: [handbook]\n";
        search(
            folder,
            &[("glossary.yaml", &glossary), ("x.yaml", role)],
            &["KPI"],
        )
    });
}

#[test]
#[ignore = "counts instructions under valgrind, some 5 s of CPU; .ci/run runs it"]
fn a_role_with_hundreds_of_aliases() {
    // Aliases are synonyms too: with each checked against a list of the others, the cost
    // grew 7.8 times per doubling from 100, and more than 5 from 20.
    assert_cost_grows_linearly(20, |count, folder| {
        let aliases: Vec<String> = (0..count).map(|i| format!("Platform head {i}")).collect();
        let role = format!(
            "id: x\ntitle: X\naliases: [{}]\nsummary:\n  - text: The platform head owns the roadmap.\n    sources: [handbook]\n",
            aliases.join(", ")
        );
        search(folder, &[("x.yaml", &role)], &["platform", "head"])
    });
}

#[test]
#[ignore = "counts instructions under valgrind, some 5 s of CPU; .ci/run runs it"]
fn a_thousand_quoted_phrases_over_facts_that_hold_them_all() {
    // Ten facts each hold every phrase of the query, so that no phrase narrows the facts
    // left for the next: a substring search per phrase per fact cost phrases × data.
    assert_cost_grows_linearly(250, |count, folder| {
        let phrases: Vec<String> = (0..count).map(|i| format!("w{i} w{}", i + 1)).collect();
        let text = phrases.join(" ");
        let mut role = String::from("id: x\ntitle: X\nsummary:\n");
        for _ in 0..10 {
            let _ = writeln!(role, "  - text: {text}\n    sources: [handbook]");
        }
        let quoted: Vec<String> = phrases.iter().map(|p| format!("\"{p}\"")).collect();
        let words: Vec<&str> = quoted.iter().map(String::as_str).collect();
        search(folder, &[("x.yaml", &role)], &words)
    });
}
