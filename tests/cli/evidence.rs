//! Evidence: every cited built-in entry quotes the words it rests on, every quote is in its
//! source's text (the articles from `ROLECMP_SEEDS`, any other source from the text stored
//! with the data), `validate` refuses a quote its source's text does not hold, and readers
//! see the quotes with `--evidence` in every format.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::fidelity::{article_texts, profiles, words};
use super::{folder, json_of, rolecmp, stdout_of};

/// Every cited entry in a JSON report: an object with `sources` and a `text` (a fact) or a
/// `term` (a glossary entry).
fn entries(value: &Value) -> Vec<&Value> {
    let mut found = Vec::new();
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            Value::Object(map) => {
                if map.contains_key("sources")
                    && (map.contains_key("text") || map.contains_key("term"))
                {
                    found.push(value);
                }
                stack.extend(map.values());
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    found
}

fn strs(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item.as_str().unwrap())
        .collect()
}

/// The built-in knowledge base as the binary gives it: every role in full, the glossary.
fn built_in() -> Vec<Value> {
    let mut reports = profiles();
    reports.push(json_of(&["list", "glossary"]));
    reports
}

/// A source that quotes can be checked against: an article, or one with a stored text.
struct Quotable {
    article: bool,
    /// Where its text is: the article's file in the seeds folder, or the stored text.
    path: PathBuf,
}

/// The sources of `list sources` that have a text, found as rolecmp documents them: an
/// article's `location` names its file in the seeds folder, a `text_file` is relative to
/// the data folder that defines the source.
fn quotable(sources: &Value, data: &Path, seeds: &Path) -> BTreeMap<String, Quotable> {
    sources
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|source| {
            let id = source["id"].as_str().unwrap().to_owned();
            let quotable = if let Some(file) = source["text_file"].as_str() {
                Quotable {
                    article: source["kind"] == "article",
                    path: data.join(file),
                }
            } else if source["kind"] == "article" {
                let location = source["location"].as_str().expect("an article's file");
                let name = Path::new(location).file_name().unwrap();
                Quotable {
                    article: true,
                    path: seeds.join(name),
                }
            } else {
                return None;
            };
            Some((id, quotable))
        })
        .collect()
}

/// Every way in which `reports` fall short: an entry citing a source with a text but quoting
/// none of it, a quote of a source the entry does not cite, a quote of an article over 10
/// words and, with `texts`, a quote not in its source's text.
fn shortfalls(
    reports: &[Value],
    sources: &BTreeMap<String, Quotable>,
    check_texts: bool,
) -> (Vec<String>, usize, usize) {
    let mut texts: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    if check_texts {
        for (id, source) in sources {
            let text = std::fs::read_to_string(&source.path)
                .unwrap_or_else(|error| panic!("{}: {error}", source.path.display()));
            texts.insert(id, words(&text));
        }
    }
    let mut wrong = BTreeSet::new();
    let (mut cited, mut quotes) = (0, 0);
    for report in reports {
        for entry in entries(report) {
            cited += 1;
            let label = entry["text"].as_str().or(entry["term"].as_str()).unwrap();
            let cites = strs(&entry["sources"]);
            let evidence = entry["evidence"].as_array().expect("evidence, always");
            for source in cites.iter().filter(|id| sources.contains_key(**id)) {
                if !evidence.iter().any(|excerpt| excerpt["source"] == *source) {
                    wrong.insert(format!("{label:?} quotes nothing of [{source}]"));
                }
            }
            for excerpt in evidence {
                quotes += 1;
                let source = excerpt["source"].as_str().unwrap();
                let quote = excerpt["quote"].as_str().unwrap();
                let quoted = words(quote);
                if !cites.contains(&source) {
                    wrong.insert(format!(
                        "{label:?} quotes [{source}], which it does not cite"
                    ));
                }
                if sources.get(source).is_some_and(|s| s.article) && quoted.len() > 10 {
                    wrong.insert(format!(
                        "{quote:?} quotes {} words of [{source}]",
                        quoted.len()
                    ));
                }
                if let Some(text) = texts.get(source)
                    && (quoted.is_empty() || !text.windows(quoted.len()).any(|run| run == quoted))
                {
                    wrong.insert(format!("{quote:?} is not in [{source}] ({label:?})"));
                }
            }
        }
    }
    (wrong.into_iter().collect(), cited, quotes)
}

/// What `validate` says of a folder it must refuse (exit 1).
fn refused(dir: &Path) -> String {
    let output = rolecmp().arg("validate").arg(dir).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
}

#[test]
fn every_cited_built_in_entry_quotes_each_of_its_sources_that_has_a_text() {
    let sources = quotable(&json_of(&["list", "sources"]), &data(), Path::new(""));
    assert!(sources.contains_key("brief") && sources.contains_key("guide"));
    let (wrong, cited, quotes) = shortfalls(&built_in(), &sources, false);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(
        cited > 250 && quotes > cited,
        "{cited} entries, {quotes} quotes"
    );
}

#[test]
fn every_built_in_quote_is_in_its_source() {
    let Some(seeds) = super::require::require_seeds() else {
        return;
    };
    let sources = quotable(&json_of(&["list", "sources"]), &data(), &seeds);
    let (wrong, _, quotes) = shortfalls(&built_in(), &sources, true);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(quotes > 300, "only {quotes} quotes checked");
    // The check itself catches a quote that is not in the article, and one too long.
    let mut doctored = json_of(&["show", "cio", "--section", "reporting"]);
    doctored["role"]["reporting"][0]["evidence"][0]["quote"] =
        "often answers directly to the Chief Financial Officer".into();
    doctored["role"]["reporting"][1]["evidence"][0]["quote"] =
        "CIOs often report to the CFO or another C-suite executive".into();
    let (wrong, _, _) = shortfalls(&[doctored], &sources, true);
    assert_eq!(wrong.len(), 2, "{wrong:#?}");
    assert!(article_texts().is_some());
}

/// A company folder whose source has its text stored beside it (`text_file:`), and a role
/// quoting it: the same lookup the built-in data will use for open sources' texts.
fn company(quote: &str) -> tempfile::TempDir {
    folder(&[
        (
            "sources.yaml",
            "sources:\n  - id: handbook\n    title: Our handbook\n    kind: internal\n    description: How we organise.\n    text_file: texts/handbook.txt\n  - id: memo\n    title: A memo\n    kind: internal\n    description: Kept on paper.\n",
        ),
        (
            "texts/handbook.txt",
            "Acme handbook, section 4.\nThe Chief Information Security Officer \u{2014} \u{201c}CISO\u{201d} \u{2014} owns\nthe security programme and reports to the CIO.\n",
        ),
        (
            "roles/ciso.yaml",
            &format!(
                "id: ciso\ntitle: Chief Information Security Officer\naliases: [CISO]\nsummary:\n  - text: Owns the security programme.\n    sources: [handbook]\n    evidence: \"the chief information security officer \\\"CISO\\\" owns the security programme\"\n  - text: Reports to the CIO.\n    sources: [handbook, memo]\n    evidence:\n      - {{source: handbook, quote: \"{quote}\"}}\n      - {{source: memo, quote: \"the CISO reports to the CIO\"}}\n"
            ),
        ),
    ])
}

#[test]
fn a_stored_source_text_is_found_relative_to_its_sources_file_and_checked() {
    let dir = company("and reports to the CIO");
    let data = ["--data", dir.path().to_str().unwrap()];
    let profile = json_of(&[&["show", "ciso", "--section", "summary"][..], &data].concat());
    let sources = quotable(
        &json_of(&[&["list", "sources"][..], &data].concat()),
        dir.path(),
        Path::new("/nowhere"),
    );
    // Only the company's handbook: the articles would need the seeds.
    let sources: BTreeMap<String, Quotable> = sources
        .into_iter()
        .filter(|(id, _)| id == "handbook")
        .collect();
    let (wrong, _, quotes) = shortfalls(std::slice::from_ref(&profile), &sources, true);
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert_eq!(quotes, 3);
    let mut doctored = profile;
    doctored["role"]["summary"][1]["evidence"][0]["quote"] = "reports to the CEO".into();
    let (wrong, _, _) = shortfalls(&[doctored], &sources, true);
    assert_eq!(
        wrong,
        ["\"reports to the CEO\" is not in [handbook] (\"Reports to the CIO.\")"]
    );
}

#[test]
fn a_quote_its_sources_text_does_not_hold_fails_validation_at_its_line() {
    let dir = company("and reports to the CEO");
    let out = refused(dir.path());
    let file = dir.path().join("roles/ciso.yaml");
    let text = dir.path().join("texts/handbook.txt");
    assert!(
        out.contains(&format!(
            "{}:11:35: summary[1].evidence[0]: the quote is not in the text of source 'handbook' ({}): quote its words exactly",
            file.display(),
            text.display()
        )),
        "{out}"
    );
    // The memo has no text on disk: its quote is taken as given.
    assert!(!out.contains("memo"), "{out}");
    let fixed = company("and reports to the CIO");
    let output = rolecmp()
        .arg("validate")
        .arg(fixed.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
}

#[test]
fn a_stored_text_that_cannot_be_read_is_reported_where_the_source_names_it() {
    let dir = company("and reports to the CIO");
    std::fs::remove_file(dir.path().join("texts/handbook.txt")).unwrap();
    let out = refused(dir.path());
    assert!(
        out.contains(&format!(
            "{}:6:16: sources[0].text_file: cannot read the source's text {}: no such file or folder",
            dir.path().join("sources.yaml").display(),
            dir.path().join("texts/handbook.txt").display()
        )),
        "{out}"
    );
}

#[test]
fn quotes_that_name_no_cited_source_or_run_long_are_refused() {
    let dir = folder(&[(
        "boss.yaml",
        "id: boss\ntitle: Boss\nsummary:\n  - text: A boss.\n    sources: [brief, guide]\n    evidence:\n      - \"a bare quote\"\n      - {source: general, quote: \"words\"}\n      - {source: guide, quote: \"one two three four five six seven eight nine ten eleven\"}\n",
    )]);
    let out = refused(dir.path());
    let file = dir.path().join("boss.yaml");
    let file = file.display();
    for expected in [
        format!(
            "{file}:7:9: summary[0].evidence[0]: the entry cites brief, guide: say which one this quote is from, as `{{source: brief, quote: ...}}`"
        ),
        format!(
            "{file}:8:34: summary[0].evidence[1]: 'general' is not a source of this entry, which cites brief, guide: quote one of them, or cite 'general' too"
        ),
        format!(
            "{file}:9:32: summary[0].evidence[2]: the quote has 11 words, more than the 10 a quote of an article may have: quote just enough to find the sentence"
        ),
    ] {
        assert!(out.contains(&expected), "{expected}\n{out}");
    }
}

#[test]
fn a_misspelt_quote_is_reported_beside_the_files_other_problems() {
    let dir = folder(&[(
        "boss.yaml",
        "id: boss\ntitel: Boss\nsummary:\n  - text: A boss.\n    sources: [brief]\n    evidence:\n      - {source: breif, quote: \"x\"}\n      - {sorce: brief, quote: \"y\"}\n",
    )]);
    let out = refused(dir.path());
    let file = dir.path().join("boss.yaml");
    for expected in [
        "2:1: titel: unknown key `titel`: did you mean `title`?",
        "7:18: summary[0].evidence[0].source: unknown source 'breif' (did you mean 'brief'?)",
        "8:10: summary[0].evidence[1].sorce: unknown key `sorce`: did you mean `source`?",
    ] {
        assert!(
            out.contains(&format!("{}:{expected}", file.display())),
            "{expected}\n{out}"
        );
    }
}

#[test]
fn evidence_is_shown_in_every_format_with_the_flag_and_always_in_json() {
    let quote = "\u{201c}often answers directly to the Chief Executive Officer\u{201d}";
    let args = ["show", "cio", "--section", "reporting"];
    for format in ["table", "markdown"] {
        let plain = stdout_of(&[&args[..], &["--format", format]].concat());
        assert!(!plain.contains('\u{201c}'), "{plain}");
        // Wide enough that a wrapped row name cannot fall between the words of a quote.
        let shown = stdout_of(
            &[
                &args[..],
                &["--format", format, "--evidence", "--width", "250"],
            ]
            .concat(),
        );
        // Table cells wrap: compare the words, borders and escapes left out.
        let flat = shown.replace('\\', "").replace(['│', '┆'], " ");
        let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(&format!("[brief: {quote}]")),
            "{format}:\n{shown}"
        );
    }
    let csv = stdout_of(&[&args[..], &["--format", "csv", "--evidence"]].concat());
    assert!(
        csv.starts_with("role,section,topic,text,sources,evidence\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains(&format!(
            "cio,reporting,Chief Executive Officer,The CIO often reports directly to the CEO.,brief,brief: {quote}\r\n"
        )),
        "{csv}"
    );
    let csv = stdout_of(&["compare", "cto", "cio", "--format", "csv", "--evidence"]);
    assert!(
        csv.lines()
            .skip(1)
            .all(|line| line.contains("cio,") || line.contains("cto,"))
    );
    let json = json_of(&["compare", "cto", "cio", "--section", "reporting"]);
    assert_eq!(
        json["reporting"][0]["roles"]["cio"][0]["evidence"],
        serde_json::json!([{"source": "brief", "quote": "often answers directly to the Chief Executive Officer"}])
    );
    let yaml = stdout_of(&[&args[..], &["--format", "yaml"]].concat());
    assert!(
        yaml.contains("quote: often answers directly to the Chief Executive Officer"),
        "{yaml}"
    );
}
