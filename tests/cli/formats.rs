use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{json_of, stdout_of};

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
    let markdown = stdout_of(&["compare", "cto", "cio", "--format", "markdown"]);
    let tables = tables(&markdown);
    assert_eq!(
        tables.len(),
        8,
        "overview, responsibilities, reporting, industries, shared, collaboration, disputes, sources"
    );
    let (columns, rows) = &tables[0];
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
    let markdown = stdout_of(&["show", "cio", "--format", "markdown"]);
    assert!(markdown.starts_with("# Chief Information Officer (CIO)\n"));
    assert!(markdown.contains("\n## Reporting lines\n"));
    assert!(
        markdown.contains("\n- The CIO"),
        "summary facts are a bullet list"
    );
}

#[test]
fn json_carries_the_sources_of_every_fact() {
    let comparison = json_of(&["compare", "cto", "cio"]);
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
    assert_eq!(cited, ["brief", "guide"]);
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

#[test]
fn output_to_a_pipe_has_no_escape_codes() {
    let out = stdout_of(&["compare", "cto", "cio"]);
    assert!(!out.contains('\u{1b}'));
}
