use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::require::require_tool;
use super::tools::{fed, node_check};
use super::{command, json_of, stdout_of};

/// Every GFM table in a Markdown text: its column count and the cell count of each row.
fn tables(markdown: &str) -> Vec<(usize, Vec<usize>)> {
    let mut tables = Vec::new();
    let mut cells = 0;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(alignments)) => tables.push((alignments.len(), Vec::new())),
            Event::Start(Tag::TableHead | Tag::TableRow) => cells = 0,
            Event::Start(Tag::TableCell) => cells += 1,
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                tables.last_mut().expect("inside a table").1.push(cells);
            }
            _ => {}
        }
    }
    tables
}

#[test]
fn markdown_comparison_parses_as_tables_of_the_right_shape() {
    let markdown = stdout_of(&["compare", "cto", "cio", "--full", "--format", "markdown"]);
    let tables = tables(&markdown);
    assert_eq!(
        tables.len(),
        11,
        "headlines, overview, matrix, responsibilities, reporting, codes, labour market, \
         industries, collaboration (between the two, with others), disputes; the sources are a \
         list"
    );
    let (columns, rows) = &tables[0];
    assert_eq!(*columns, 3, "Dimension | CTO | CIO");
    assert_eq!(rows.len(), 8, "header + seven dimensions");
    let (columns, rows) = &tables[1];
    assert_eq!(*columns, 3, "Dimension | CTO | CIO");
    assert_eq!(
        rows.len(),
        6,
        "header + definition, focus, nature, orientation, background"
    );
    for (columns, rows) in &tables {
        assert!(
            rows.iter().all(|cells| cells == columns),
            "a row has the wrong number of cells: {rows:?}"
        );
    }
}

#[test]
fn markdown_starts_with_a_title_and_has_a_heading_per_section() {
    let markdown = stdout_of(&["show", "cio", "--full", "--format", "markdown"]);
    assert!(markdown.starts_with("# Chief Information Officer (CIO)\n"));
    assert!(markdown.contains("\n## Reporting lines\n"));
    assert!(
        markdown.contains("\n- The CIO"),
        "summary facts are a bullet list"
    );
}

#[test]
fn json_carries_the_sources_of_every_fact() {
    let comparison = json_of(&["compare", "cto", "cio", "--full"]);
    let mut facts = 0;
    let mut stack = vec![&comparison];
    while let Some(value) = stack.pop() {
        match value {
            serde_json::Value::Object(map) => {
                if map.contains_key("text") {
                    facts += 1;
                    let sources = map["sources"].as_array().expect("a fact has sources");
                    assert!(!sources.is_empty(), "uncited fact: {value}");
                }
                stack.extend(map.values());
            }
            serde_json::Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    assert!(facts > 150, "only {facts} facts found");
    let cited: Vec<&str> = comparison["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    for source in [
        "brief",
        "guide",
        "esco-cio",
        "esco-cto",
        "abs-anzsco-1351",
        "usc-44-3506",
    ] {
        assert!(cited.contains(&source), "{source} missing from {cited:?}");
    }
}

#[test]
fn table_output_fits_the_width_it_is_given() {
    for width in ["60", "100", "160"] {
        let output = super::rolecmp()
            .env("COLUMNS", width)
            .args(["compare", "cto", "cio"])
            .output()
            .unwrap();
        let out = String::from_utf8(output.stdout).unwrap();
        let widest = out.lines().map(|line| line.chars().count()).max().unwrap();
        assert!(
            widest <= width.parse().unwrap(),
            "COLUMNS={width} but a line is {widest} wide"
        );
    }
}

/// The answers a user reads in a terminal, for the checks of every table.
const PAGES: [&[&str]; 9] = [
    &["compare", "cto", "cio"],
    &["compare", "cto", "cio", "--full"],
    &["show", "cio"],
    &["show", "cio", "--full"],
    &["matrix"],
    &["matrix", "--all"],
    &["search", "security"],
    &["list", "sources"],
    &["list", "areas"],
];

/// The words of a table output: what stands between spaces and column lines.
fn words(text: &str) -> std::collections::BTreeSet<String> {
    text.split(|c: char| c.is_whitespace() || "│┼─═".contains(c))
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn no_table_breaks_a_word_at_80_100_or_200_columns() {
    for args in PAGES {
        // Wide enough that nothing wraps: every word as it is.
        let whole = words(&stdout_of(&[args, &["--width", "1000"]].concat()));
        for width in ["80", "100", "200"] {
            let out = stdout_of(&[args, &["--width", width]].concat());
            // A table too wide for the width is written as `Header: value` lines. An address
            // longer than the screen (a source's) is cut at its edge, as a terminal would.
            let columns: usize = width.parse().unwrap();
            let cut_address = |piece: &String| {
                whole.iter().any(|word| {
                    word.starts_with("http")
                        && word.chars().count() > columns - 6
                        && word.contains(piece.as_str())
                })
            };
            let broken: Vec<String> = words(&out)
                .into_iter()
                .filter(|word| {
                    !whole.contains(word)
                        && !whole.contains(word.trim_end_matches(':'))
                        && !cut_address(word)
                })
                .collect();
            assert!(
                broken.is_empty(),
                "{args:?} at {width} columns breaks words: {broken:?}\n{out}"
            );
        }
    }
}

#[test]
fn the_answers_fit_the_screen_they_are_read_on() {
    let lines = |width: &str, args: &[&str]| {
        stdout_of(&[args, &["--width", width]].concat())
            .lines()
            .count()
    };
    // The main job at a glance: headlines, matrix and disagreements, every statement cited.
    // Issue 19 asks for 50 lines at 100 columns and 60 at 80. With the evidence issue's
    // matrix (20 areas, a cell listing each kind of support) and headlines the glance takes
    // more: these bounds are today's counts, so that any line more is a decision, not a drift.
    // The notes of issues 19 and 19b say where the lines go. The open sources (issue 16)
    // took compare to 103 / 81 / 66; a footer of ids (titles in `list sources`) and, at a
    // glance, only the questions between the compared roles brought it back to these.
    // Issue 23b: the CIO's security cell cites the brief apart ("often responsible [brief]"),
    // one line more in compare at 80 and 100 columns.
    // claims-2: scoped federal lines ("in US federal agencies (by law)"), the board's own
    // row (the CEO's) and the other sides of a dispute found by search: matrix +9 lines at
    // 80 columns, search +40, compare +1 at 200.
    for (width, compare, show, matrix, search) in [
        ("80", 86, 69, 171, 298),
        ("100", 67, 56, 170, 234),
        ("200", 53, 47, 43, 143),
    ] {
        for (args, most) in [
            (&["compare", "cto", "cio"][..], compare),
            (&["show", "cio"], show),
            (&["matrix"], matrix),
            (&["search", "security"], search),
        ] {
            let found = lines(width, args);
            assert!(
                found <= most,
                "{args:?} at {width} columns: {found} > {most}"
            );
        }
    }
}

#[test]
fn sources_are_listed_once_with_short_titles_and_described_in_list_sources() {
    // Three sources or fewer: each with its short title, a line each.
    let out = stdout_of(&["show", "cto"]);
    assert!(
        out.contains(
            "\nSources: [brief] Untitled short article on the CIO and CTO roles\n         [esco-cto]"
        ),
        "{out}"
    );
    // More would take a screen of their own: their ids share lines, and the footer says where
    // the titles are.
    for args in [
        &["search", "security"][..],
        &["matrix"],
        &["show", "cio", "--industry", "health"],
        &["compare", "cto", "cio"],
    ] {
        let out = stdout_of(args);
        let footer = &out[out.rfind("\nSources: ").expect("a footer")..];
        let words = footer.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            words.ends_with("(titles and addresses: rolecmp list sources)"),
            "{args:?}: {footer}"
        );
        assert!(
            footer.contains(" brief, ") && footer.contains(" guide"),
            "{args:?}: {footer}"
        );
        assert!(
            footer.trim_start().lines().count() <= 3,
            "{args:?}: {footer}"
        );
        assert!(!out.contains("Untitled short article"), "{args:?}: {out}");
    }
    // Asked for, the sources have their titles however many there are.
    let out = stdout_of(&["show", "cio", "--section", "sources"]);
    assert_eq!(
        out.matches("[brief] Untitled short article").count(),
        1,
        "{out}"
    );
    assert!(!out.contains("The article has no title"), "{out}");
    assert!(stdout_of(&["list", "sources"]).contains("The article has no title"));
    // A long title is cut at a word, with its id kept whole.
    let company = super::folder(&[
        (
            "sources.yaml",
            "sources:\n  - id: long\n    title: A very long title of an internal document that goes on and on about how we organise\n    kind: internal\n    description: D.\n",
        ),
        (
            "ciso.yaml",
            "id: ciso\ntitle: Chief Information Security Officer\nsummary:\n  - text: Owns security.\n    sources: [long]\n",
        ),
    ]);
    let out = stdout_of(&["show", "ciso", "--data", company.path().to_str().unwrap()]);
    assert!(
        out.contains(
            "\nSources: [long] A very long title of an internal document that goes on and…\n"
        ),
        "{out}"
    );
}

#[test]
fn markdown_is_a_document_with_no_hints_and_its_sources_at_the_end() {
    for args in [
        &["compare", "cto", "cio"][..],
        &["show", "cio"],
        &["show", "cio", "--industry", "healthcare"],
        &["search", "security"],
        &["matrix"],
    ] {
        let page = stdout_of(&[args, &["--format", "markdown"]].concat());
        // The list of sources may name rolecmp: an attribution a licence asks for does.
        let body = page
            .rsplit_once("\n## Sources\n")
            .map_or(page.as_str(), |(body, _)| body);
        for hint in ["--full", "--section", "--all", "rolecmp "] {
            assert!(!body.contains(hint), "{args:?}: a hint ({hint}) in\n{page}");
        }
        let (body, sources) = page
            .rsplit_once("\n## Sources\n\n")
            .unwrap_or_else(|| panic!("{args:?}: no Sources list at the end:\n{page}"));
        for id in ["brief", "guide"] {
            let cited = format!("\\[{id}");
            if body.contains(&cited) || body.contains(&format!(", {id}\\]")) {
                assert!(
                    sources.contains(&format!("- \\[{id}\\] ")),
                    "{args:?}: [{id}] is cited but not listed:\n{sources}"
                );
            }
        }
        assert!(
            sources.lines().all(|line| line.starts_with("- \\[")),
            "{args:?}: the Sources list ends the page:\n{sources}"
        );
    }
}

#[test]
fn heading_level_puts_a_page_under_a_documents_own_headings() {
    let at_level = |level: &str| {
        let mut command = super::rolecmp();
        command.args([
            "compare",
            "cto",
            "cio",
            "--format",
            "markdown",
            "--heading-level",
            level,
        ]);
        command
    };
    let output = at_level("3").output().unwrap();
    let page = String::from_utf8(output.stdout).unwrap();
    // A page below a title starts with a line break, so that it can follow any text.
    assert!(page.starts_with("\n### CTO vs CIO\n"), "{page}");
    assert!(page.contains("\n#### Responsibility matrix\n"), "{page}");
    assert!(page.contains("\n#### Sources\n"), "{page}");
    assert!(
        !page
            .lines()
            .any(|line| line.starts_with("# ") || line.starts_with("## ")),
        "{page}"
    );
    for level in ["0", "6"] {
        at_level(level).assert().code(2);
    }
}

/// Runs `rolecmp args…` with stdout going to `page` as `>>` opens it; returns stderr.
fn append_to(page: &std::path::Path, args: &[&str]) -> String {
    let file = std::fs::File::options()
        .create(true)
        .append(true)
        .open(page)
        .unwrap();
    let output = command(super::rolecmp_path())
        .args(args)
        .stdout(file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn markdown_appended_to_a_document_goes_under_its_title_as_typed_in_the_brief() {
    let dir = tempfile::tempdir().unwrap();
    let compare = ["compare", "cto", "cio", "--format", "markdown"];
    // Into an empty file, the page is a document of its own.
    let alone = dir.path().join("alone.md");
    append_to(&alone, &compare);
    let alone = std::fs::read_to_string(alone).unwrap();
    assert!(alone.starts_with("# CTO vs CIO\n"), "{alone}");
    // After a document's text (here with no line break at its end), under its title.
    let page = dir.path().join("roles.md");
    std::fs::write(&page, "# Technology leadership\n\nHow we split the work.").unwrap();
    append_to(&page, &compare);
    let markdown = std::fs::read_to_string(&page).unwrap();
    assert!(
        markdown.starts_with("# Technology leadership\n\nHow we split the work.\n## CTO vs CIO\n")
            && markdown.contains("\n### Sources\n"),
        "{markdown}"
    );
    if !require_tool("pandoc") {
        return;
    }
    let html = command("pandoc")
        .args([
            "--from",
            "gfm",
            "--to",
            "html",
            "--shift-heading-level-by=-1",
        ])
        .arg(&page)
        .output()
        .unwrap();
    let html = String::from_utf8(html.stdout).unwrap();
    let html = html.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        html.contains(">CTO vs CIO</h1>") && !html.contains("<p>CTO vs CIO</p>"),
        "{html}"
    );
    // Each address is one link whose text reads as the address: no link nested in it, no
    // `&amp;` shown as typed.
    let address = "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title40-section11315&amp;num=0&amp;edition=prelim";
    assert!(
        html.contains(&format!("<a href=\"{address}\">{address}</a>")),
        "{html}"
    );
    assert!(!html.contains("&amp;amp;"), "{html}");
}

#[test]
fn output_to_a_pipe_has_no_escape_codes() {
    let out = stdout_of(&["compare", "cto", "cio"]);
    assert!(!out.contains('\u{1b}'));
}

/// Every command, as a user would run it, for the checks every format must pass.
const EVERY_COMMAND: [&[&str]; 9] = [
    &["list"],
    &["list", "industries"],
    &["list", "sources"],
    &["show", "cto"],
    &["show", "cio", "--industry", "healthcare"],
    &["compare", "cto", "cio"],
    &["search", "supply chain"],
    &["search", "nothing mentions this"],
    &["graph"],
];

fn csv_of(args: &[&str]) -> (String, Vec<csv::StringRecord>) {
    let text = stdout_of(&[args, &["--format", "csv"]].concat());
    let records = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{args:?} is not valid CSV: {e}"));
    (text, records)
}

#[test]
fn csv_has_one_header_and_rows_as_wide_as_it_with_crlf_line_ends() {
    for args in EVERY_COMMAND {
        let (text, records) = csv_of(args);
        let header = &records[0];
        assert!(
            header
                .iter()
                .all(|name| name.chars().all(|c| c.is_ascii_lowercase() || c == '_')),
            "{args:?}: {header:?}"
        );
        for record in &records {
            assert_eq!(
                record.len(),
                header.len(),
                "{args:?}: a ragged row {record:?}"
            );
        }
        assert!(text.ends_with("\r\n"), "{args:?}");
        // No field of the data holds a line break, so every line end is a record's.
        assert_eq!(
            text.matches("\r\n").count(),
            records.len(),
            "{args:?}: line ends are CRLF"
        );
        assert_eq!(
            text.matches('\n').count(),
            records.len(),
            "{args:?}: a bare LF"
        );
    }
}

#[test]
fn csv_of_a_profile_has_one_row_per_fact_citing_its_sources() {
    let (_, records) = csv_of(&["show", "cto", "--full"]);
    assert_eq!(
        records[0].iter().collect::<Vec<_>>(),
        ["role", "section", "topic", "text", "sources"]
    );
    let reporting: Vec<_> = records
        .iter()
        .filter(|r| &r[1] == "reporting")
        .map(|r| (r[2].to_owned(), r[4].to_owned()))
        .collect();
    assert_eq!(
        reporting,
        [
            ("Chief Executive Officer".to_owned(), "guide".to_owned()),
            ("Chief Executive Officer".to_owned(), "guide".to_owned()),
            ("Chief Executive Officer".to_owned(), "brief".to_owned()),
            ("Chief Information Officer".to_owned(), "brief".to_owned()),
        ]
    );
    // Every row is the CTO's own fact, but for the figures of the occupations its codes link
    // to: those are no role's, so their role column is empty and their topic names the
    // occupation.
    for row in &records[1..] {
        assert!(!row[3].is_empty() && !row[4].is_empty(), "{row:?}");
        if &row[1] == "labour-market" {
            assert!(
                row[0].is_empty() && row[2].contains("ANZSCO 1351"),
                "{row:?}"
            );
        } else {
            assert_eq!(&row[0], "cto", "{row:?}");
        }
    }
}

#[test]
fn csv_of_a_comparison_holds_the_facts_of_both_roles() {
    let (_, records) = csv_of(&["compare", "cto", "cio", "--section", "summary"]);
    let roles: std::collections::BTreeSet<&str> = records[1..].iter().map(|r| &r[0]).collect();
    assert_eq!(roles.into_iter().collect::<Vec<_>>(), ["cio", "cto"]);
    let json = json_of(&["compare", "cto", "cio", "--section", "summary"]);
    let facts: usize = json["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|role| role["summary"].as_array().unwrap().len())
        .sum();
    assert_eq!(records.len() - 1, facts);
}

#[test]
fn csv_of_a_listing_has_the_fields_of_its_json() {
    let (_, records) = csv_of(&["list", "sources"]);
    assert_eq!(
        records[0].iter().collect::<Vec<_>>(),
        [
            "id",
            "title",
            "kind",
            "description",
            "location",
            "publisher",
            "address",
            "found_at",
            "published",
            "retrieved",
            "licence",
            "licence_note",
            "attribution",
        ]
    );
    let json = json_of(&["list", "sources"]);
    assert_eq!(records.len() - 1, json.as_array().unwrap().len());
    assert_eq!(&records[1][0], json[0]["id"].as_str().unwrap());
    assert_eq!(&records[1][2], json[0]["kind"].as_str().unwrap());
}

#[test]
fn yaml_carries_the_same_data_as_json() {
    for args in EVERY_COMMAND {
        let yaml = stdout_of(&[args, &["--format", "yaml"]].concat());
        let parsed: serde_json::Value = serde_saphyr::from_str(&yaml)
            .unwrap_or_else(|e| panic!("{args:?} is not valid YAML: {e}\n{yaml}"));
        assert_eq!(parsed, json_of(args), "{args:?}");
    }
}

#[test]
fn markdown_breaks_lines_in_a_cell_with_a_self_closing_br_that_mdx_accepts() {
    let markdown = stdout_of(&["compare", "cto", "cio", "--format", "markdown"]);
    assert!(markdown.contains("<br/>"), "{markdown}");
    assert!(!markdown.contains("<br>"), "MDX rejects an unclosed <br>");
}

/// A company role whose texts hold what MDX and HTML would take for code: braces, tags, a
/// bare `<br>`.
const BRACES_ROLE: &str = "id: braces\ntitle: \"Braces {and} <tags>\"\nsummary:\n  - text: \"Owns {budget} and <br> </div> {unclosed, and a } alone\"\n    sources: [handbook]\n";

/// The Markdown of every kind of report (name, text), a company role's among them.
fn markdown_reports() -> Vec<(String, String)> {
    let company = super::folder(&[super::HANDBOOK, ("braces.yaml", BRACES_ROLE)]);
    let data = company.path().to_str().unwrap().to_owned();
    [
        &["compare", "cto", "cio"][..],
        &["compare", "cto", "cio", "--industry", "healthcare"],
        &["show", "cio"],
        &["show", "cio", "--full"],
        &["compare", "cto", "cio", "--full"],
        &["search", "security"],
        &["list", "areas"],
        &["graph"],
        &["show", "braces", "--full", "--data", &data],
        &["compare", "braces", "cto", "--full", "--data", &data],
    ]
    .iter()
    .map(|args| {
        let markdown = stdout_of(&[args, &["--format", "markdown"][..]].concat());
        (args.join(" "), markdown)
    })
    .collect()
}

#[test]
fn pandoc_reads_every_table_and_takes_the_title_without_a_warning() {
    if !require_tool("pandoc") {
        return;
    }
    for (report, markdown) in markdown_reports() {
        let mut pandoc = command("pandoc");
        pandoc.args(["--from", "gfm", "--to", "html5"]);
        // A document starts with its title: the command in docs/docs-pipelines.md makes it the HTML title.
        let document = markdown.starts_with("# ");
        if document {
            pandoc.args(["--standalone", "--shift-heading-level-by=-1"]);
        }
        let (ok, html, stderr) = fed(&mut pandoc, &markdown);
        assert!(ok && stderr.is_empty(), "pandoc on {report}: {stderr}");
        assert_eq!(
            html.matches("<table").count(),
            tables(&markdown).len(),
            "{report}: pandoc did not read every table:\n{html}"
        );
        if report.contains("braces") {
            // Escaped for MDX, the braces and tags still read as text.
            assert!(
                html.contains("Owns {budget} and &lt;br&gt; &lt;/div&gt; {unclosed"),
                "{report}: {html}"
            );
        }
        if document {
            let title = html
                .split_once("<title>")
                .and_then(|(_, rest)| rest.split_once("</title>"))
                .map(|(title, _)| title.to_owned());
            if report == "compare cto cio" {
                assert_eq!(title.as_deref(), Some("CTO vs CIO"), "{report}");
            }
            assert!(title.is_some_and(|t| !t.is_empty()), "{report}: {html}");
        }
    }
}

#[test]
fn mdx_compiles_the_markdown_of_every_report_as_docusaurus_would() {
    if !require_tool("mdx") {
        return;
    }
    let reports = markdown_reports();
    let mut documents = vec!["a <br> b {c\n"];
    documents.extend(reports.iter().map(|(_, markdown)| markdown.as_str()));
    let answers = node_check("mdx", &documents);
    assert!(
        answers[0].is_err(),
        "MDX must reject an unclosed <br> and a lone brace for this test to mean anything"
    );
    for ((report, markdown), answer) in reports.iter().zip(&answers[1..]) {
        let answer = answer
            .as_ref()
            .unwrap_or_else(|error| panic!("MDX rejects {report}: {error}\n{markdown}"));
        assert_eq!(
            answer["tables"],
            tables(markdown).len(),
            "{report}: MDX did not read every table"
        );
    }
}

/// A role whose texts start like spreadsheet formulas and like Markdown lists and headings.
fn role_with_markup() -> tempfile::TempDir {
    super::folder(&[
        super::HANDBOOK,
        (
            "odd.yaml",
            r#"id: odd
title: Odd
summary:
  - text: '=HYPERLINK("https://example.com", "click")'
    sources: [handbook]
  - text: "@SUM(A1:A9)"
    sources: [handbook]
  - text: "- a dash"
    sources: [handbook]
  - text: "1. first"
    sources: [handbook]
industries:
  - industry: healthcare
    facts:
      - text: "+ plus"
        sources: [handbook]
      - text: "2) second"
        sources: [handbook]
"#,
        ),
    ])
}

fn output_of(data: &tempfile::TempDir, args: &[&str]) -> String {
    let output = super::rolecmp()
        .args(args)
        .arg("--data")
        .arg(data.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn csv_cells_that_start_like_formulas_get_a_quote_unless_raw_csv_is_asked() {
    let data = role_with_markup();
    let texts = |args: &[&str]| -> Vec<String> {
        csv::Reader::from_reader(output_of(&data, args).as_bytes())
            .records()
            .map(|record| record.unwrap()[3].to_owned())
            .collect()
    };
    let guarded = texts(&["show", "odd", "--full", "--format", "csv"]);
    assert_eq!(
        guarded[..4],
        [
            "'=HYPERLINK(\"https://example.com\", \"click\")",
            "'@SUM(A1:A9)",
            "'- a dash",
            "1. first",
        ]
    );
    assert!(guarded.contains(&"'+ plus".to_owned()), "{guarded:?}");
    let raw = texts(&["show", "odd", "--full", "--format", "csv", "--raw-csv"]);
    assert_eq!(raw[0], "=HYPERLINK(\"https://example.com\", \"click\")");
}

#[test]
fn markdown_texts_that_start_like_lists_stay_text_in_lists_and_cells() {
    let data = role_with_markup();
    let markdown = output_of(&data, &["show", "odd", "--full", "--format", "markdown"]);
    let mut lists = 0;
    let mut depth = 0;
    let mut items = Vec::new();
    let mut cells = Vec::new();
    let mut in_cell = false;
    for event in Parser::new_ext(&markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::List(_)) => {
                lists += 1;
                depth += 1;
                assert_eq!(depth, 1, "a nested list:\n{markdown}");
            }
            Event::End(TagEnd::List(_)) => depth -= 1,
            Event::Start(Tag::Item) => items.push(String::new()),
            Event::Start(Tag::TableCell) => {
                in_cell = true;
                cells.push(String::new());
            }
            Event::End(TagEnd::TableCell) => in_cell = false,
            Event::Text(text) | Event::InlineHtml(text) => {
                let target = if in_cell {
                    cells.last_mut()
                } else if depth > 0 {
                    items.last_mut()
                } else {
                    None
                };
                if let Some(target) = target {
                    target.push_str(&text);
                }
            }
            _ => {}
        }
    }
    assert_eq!(
        lists, 2,
        "only the summary and the sources are lists:\n{markdown}"
    );
    assert!(
        items.contains(&"- a dash [handbook]".to_owned()),
        "{items:?}"
    );
    assert!(
        items.contains(&"1. first [handbook]".to_owned()),
        "{items:?}"
    );
    assert!(
        cells.contains(&"• + plus [handbook]<br/>• 2) second [handbook]".to_owned()),
        "{cells:?}"
    );
}
