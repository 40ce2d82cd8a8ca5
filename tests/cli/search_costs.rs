//! Search at hostile sizes costs work linear in the data plus the query, counted in
//! instructions (see `callgrind`): a glossary entry with thousands of expansions, a role
//! with thousands of aliases, thousands of quoted phrases over facts that hold them all. Each
//! of these once cost the square or the cube of its size.

use std::ffi::OsString;
use std::fmt::Write as _;

use super::callgrind::assert_linear;
use super::{HANDBOOK, folder};

fn args(words: &[&str], data: &std::path::Path) -> Vec<OsString> {
    words
        .iter()
        .map(OsString::from)
        .chain([
            "--data".into(),
            data.into(),
            "--format".into(),
            "csv".into(),
        ])
        .collect()
}

#[test]
fn a_glossary_entry_with_hundreds_of_expansions() {
    // Every expansion was a synonym of every other, each checked against a list of the
    // others: 3,000 expansions took 30 s and 600 MB.
    assert_linear("glossary expansions", [10, 100, 400], |count| {
        let expansions: Vec<String> = (0..count)
            .map(|i| format!("key performance indicator {i}"))
            .collect();
        let glossary = format!(
            "glossary:\n  - id: kpi\n    term: KPI\n    expansions: [{}]\n    sources: [handbook]\n",
            expansions.join(", ")
        );
        let role = "id: x\ntitle: X\nsummary:\n  - text: The KPI of the platform.\n    sources: [handbook]\n";
        let dir = folder(&[HANDBOOK, ("glossary.yaml", &glossary), ("x.yaml", role)]);
        let args = args(&["search", "KPI"], dir.path());
        (dir, args)
    });
}

#[test]
fn a_role_with_hundreds_of_aliases() {
    assert_linear("role aliases", [10, 100, 400], |count| {
        let aliases: Vec<String> = (0..count).map(|i| format!("Platform head {i}")).collect();
        let role = format!(
            "id: x\ntitle: X\naliases: [{}]\nsummary:\n  - text: The platform head owns the roadmap.\n    sources: [handbook]\n",
            aliases.join(", ")
        );
        let dir = folder(&[HANDBOOK, ("x.yaml", &role)]);
        let args = args(&["search", "platform", "head"], dir.path());
        (dir, args)
    });
}

#[test]
fn a_thousand_quoted_phrases_over_facts_that_hold_them_all() {
    // Ten facts each hold every phrase of the query, so that no phrase narrows the facts
    // left for the next: a substring search per phrase per fact cost phrases × data.
    assert_linear("quoted phrases", [10, 250, 1_000], |count| {
        let phrases: Vec<String> = (0..count).map(|i| format!("w{i} w{}", i + 1)).collect();
        let text = phrases.join(" ");
        let mut role = String::from("id: x\ntitle: X\nsummary:\n");
        for _ in 0..10 {
            let _ = writeln!(role, "  - text: {text}\n    sources: [handbook]");
        }
        let dir = folder(&[HANDBOOK, ("x.yaml", &role)]);
        let quoted: Vec<String> = phrases.iter().map(|p| format!("\"{p}\"")).collect();
        let mut words = vec!["search", "--no-builtin"];
        words.extend(quoted.iter().map(String::as_str));
        let args = args(&words, dir.path());
        (dir, args)
    });
}
