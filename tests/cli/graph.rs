use super::require::require_tool;
use super::tools::{fed, node_check};
use super::{command, failing_with, json_of, stdout_of};

fn dot_accepts(dot: &str) -> (bool, String) {
    let (ok, _, stderr) = fed(command("dot").arg("-Tsvg"), dot);
    (ok, stderr)
}

#[test]
fn graphviz_accepts_the_dot_of_every_graph() {
    if !require_tool("dot") {
        return;
    }
    let (ok, _) = dot_accepts("digraph { a -> }");
    assert!(
        !ok,
        "dot must reject broken input for this test to mean anything"
    );
    for args in [
        &["graph"][..],
        &["graph", "cio"],
        &["graph", "chief-data-officer"],
    ] {
        let mut args = args.to_vec();
        args.extend(["--format", "dot"]);
        let (ok, stderr) = dot_accepts(&stdout_of(&args));
        assert!(ok, "dot rejected rolecmp {args:?}: {stderr}");
    }
    let data = lookalike_and_directive_roles();
    let (ok, stderr) = dot_accepts(&graph_of(data.path(), "dot"));
    assert!(ok, "dot rejected the graph of hostile titles: {stderr}");
}

#[test]
fn mermaids_own_parser_accepts_every_diagram_and_no_title_sets_its_configuration() {
    if !require_tool("mermaid") {
        return;
    }
    let data = lookalike_and_directive_roles();
    let (block, _) = fenced_and_listed(&stdout_of(&["graph", "--format", "markdown"]));
    let diagrams = [
        ("graph", stdout_of(&["graph"])),
        ("graph cto", stdout_of(&["graph", "cto"])),
        (
            "graph chief-data-officer",
            stdout_of(&["graph", "chief-data-officer"]),
        ),
        ("the block of graph --format markdown", block),
        (
            "graph over titles holding directives",
            graph_of(data.path(), "mermaid"),
        ),
    ];
    let broken = "flowchart BT\n  a[[\"x\" -->|y b\n";
    let directive_in_a_comment = "flowchart BT\n  %% %%{init: {'theme': 'forest'}}%%\n  a --> b\n";
    let mut documents = vec![broken, directive_in_a_comment];
    documents.extend(diagrams.iter().map(|(_, diagram)| diagram.as_str()));
    let answers = node_check("mermaid", &documents);
    assert!(
        answers[0].is_err(),
        "the parser must reject broken input for this test to mean anything"
    );
    assert_eq!(
        answers[1].as_ref().unwrap()["config"],
        serde_json::json!({"theme": "forest"}),
        "a directive in a comment must take effect for this test to mean anything"
    );
    for ((name, diagram), answer) in diagrams.iter().zip(&answers[2..]) {
        let answer = answer
            .as_ref()
            .unwrap_or_else(|error| panic!("Mermaid rejected {name}: {error}\n{diagram}"));
        assert_eq!(
            answer,
            &serde_json::json!({"type": "flowchart-v2", "config": {}}),
            "{name}"
        );
    }
}

#[test]
fn mermaid_draws_usual_lines_solid_and_some_firms_lines_dashed_with_their_sources() {
    let mermaid = stdout_of(&["graph"]);
    assert!(mermaid.contains("\nflowchart BT\n"), "{mermaid}");
    assert!(
        mermaid.contains(
            "  role_cio -->|\"often, or another C-suite executive for finance and operations [guide]\"| role_cfo\n"
        ),
        "{mermaid}"
    );
    assert!(
        mermaid.contains("  role_cto[\"CTO<br>Chief Technology Officer\"]\n"),
        "{mermaid}"
    );
    let cio = stdout_of(&["graph", "cio", "cfo"]);
    assert!(
        cio.contains("  role_cio <-.->|\"CIO to CTO: in some firms, or another executive [guide]<br>CTO to CIO: in some firms [brief]\"| role_cto\n"),
        "{cio}"
    );
}

/// The edges of a Mermaid flowchart as (from, to) pairs, in either direction.
fn mermaid_edges(mermaid: &str) -> Vec<(String, String)> {
    mermaid
        .lines()
        .filter_map(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            let (first, last) = (words.first()?, words.last()?);
            (words.len() >= 3 && words[1].contains("->")).then(|| {
                let mut pair = [(*first).to_owned(), (*last).to_owned()];
                pair.sort();
                (pair[0].clone(), pair[1].clone())
            })
        })
        .collect()
}

#[test]
fn one_edge_joins_two_roles_labelled_with_every_prevalence_and_source() {
    let mermaid = stdout_of(&["graph"]);
    // The CTO usually reports to the CEO [guide], and in some firms [brief, guide]: one
    // solid edge says both, where two edges drew their labels on top of each other.
    assert!(
        mermaid.contains(
            "  role_cto -->|\"usually, or another top-level executive [guide]<br>in some firms [brief, guide]\"| role_ceo\n"
        ),
        "{mermaid}"
    );
    let edges = mermaid_edges(&mermaid);
    let mut distinct = edges.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(
        edges.len(),
        distinct.len(),
        "two edges join a pair: {mermaid}"
    );
    // The fifth: the CISO under the CIO in US agencies [usc-44-3554].
    assert_eq!(edges.len(), 5, "{mermaid}");

    let dot = stdout_of(&["graph", "--format", "dot"]);
    assert!(
        dot.contains("  \"cto\" -> \"ceo\" [label=\"usually, or another top-level executive [guide]\\nin some firms [brief, guide]\", style=solid];\n"),
        "{dot}"
    );
    assert_eq!(dot.matches(" -> ").count(), 5, "{dot}");
}

#[test]
fn two_roles_that_each_report_to_the_other_share_one_double_headed_edge() {
    let dot = stdout_of(&["graph", "cio", "--format", "dot"]);
    assert!(
        dot.contains("  \"cio\" -> \"cto\" [label=\"CIO to CTO: in some firms, or another executive [guide]\\nCTO to CIO: in some firms [brief]\", style=dashed, dir=both];\n"),
        "{dot}"
    );
    assert!(!dot.contains("\"cto\" -> \"cio\""), "{dot}");
}

#[test]
fn dot_draws_some_firms_lines_dashed_and_carries_a_legend() {
    let dot = stdout_of(&["graph", "--format", "dot"]);
    assert!(dot.starts_with("digraph reporting {\n"), "{dot}");
    assert!(
        dot.contains("  \"cio\" -> \"ceo\" [label=\"often [brief]\", style=solid];\n"),
        "{dot}"
    );
    assert!(dot.contains("style=dashed"), "{dot}");
    assert!(
        dot.contains("[guide] Untitled long guide"),
        "the legend names the sources: {dot}"
    );
}

#[test]
fn every_reporting_line_in_the_data_is_drawn_with_its_prevalence() {
    let graph = json_of(&["graph"]);
    let mut drawn = Vec::new();
    for line in graph["lines"].as_array().unwrap() {
        for claim in line["claims"].as_array().unwrap() {
            drawn.push((
                line["from"].as_str().unwrap().to_owned(),
                line["to"].as_str().unwrap().to_owned(),
                line["prevalence"].as_str().unwrap().to_owned(),
                claim["text"].as_str().unwrap().to_owned(),
            ));
        }
    }
    let mut in_data = Vec::new();
    for role in [
        "cto",
        "cio",
        "ceo",
        "cfo",
        "chief-data-officer",
        "chief-digital-officer",
        "ciso",
        "it-director",
    ] {
        let profile = json_of(&["show", role, "--section", "reporting"]);
        for line in profile["role"]["reporting"].as_array().unwrap() {
            in_data.push((
                role.to_owned(),
                line["to"].as_str().unwrap().to_owned(),
                line["prevalence"].as_str().unwrap().to_owned(),
                line["text"].as_str().unwrap().to_owned(),
            ));
        }
    }
    drawn.sort();
    in_data.sort();
    assert_eq!(drawn, in_data);
    assert_eq!(in_data.len(), 8);
}

#[test]
fn naming_a_role_draws_its_lines_to_and_from_it() {
    let graph = json_of(&["graph", "cfo"]);
    let lines: Vec<(&str, &str)> = graph["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["from"].as_str().unwrap(), l["to"].as_str().unwrap()))
        .collect();
    assert_eq!(lines, [("cio", "cfo")]);
    let nodes: Vec<&str> = graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(nodes, ["cfo", "cio"]);
    assert_eq!(graph["sources"][0]["id"], "guide");
}

#[test]
fn a_role_the_sources_give_no_line_for_is_drawn_alone() {
    let mermaid = stdout_of(&["graph", "chief-data-officer"]);
    assert!(
        mermaid.contains("role_chief_2d_data_2d_officer[\"Chief Data Officer\"]"),
        "{mermaid}"
    );
    assert!(
        !mermaid.contains("-->") && !mermaid.contains("-.->"),
        "{mermaid}"
    );
}

#[test]
fn an_unknown_role_in_graph_is_a_usage_error() {
    assert_eq!(
        failing_with(2, &["graph", "cot"]),
        "error: unknown role 'cot'\n\n  tip: did you mean 'cto'?\n  valid roles: ceo, cfo, chief-data-officer, chief-digital-officer, cio, ciso, cto, it-director\n"
    );
}

/// The Markdown of `graph --format markdown` as a reader's Markdown parser sees it: the text
/// of its one fenced `mermaid` block, and the items of the list after it.
fn fenced_and_listed(markdown: &str) -> (String, Vec<String>) {
    use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
    let mut diagram = None;
    let mut items = Vec::new();
    let mut in_block = false;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                assert_eq!(&*info, "mermaid", "{markdown}");
                assert!(diagram.is_none(), "one diagram: {markdown}");
                assert!(items.is_empty(), "the diagram comes first: {markdown}");
                diagram = Some(String::new());
                in_block = true;
            }
            Event::End(TagEnd::CodeBlock) => in_block = false,
            Event::Start(Tag::Item) => items.push(String::new()),
            Event::Text(text) if in_block => diagram.as_mut().unwrap().push_str(&text),
            Event::Text(text) => items
                .last_mut()
                .expect("text only in the legend")
                .push_str(&text),
            _ => {}
        }
    }
    (diagram.expect("a fenced mermaid block"), items)
}

#[test]
fn markdown_is_a_fenced_mermaid_diagram_then_its_legend_as_a_list() {
    let markdown = stdout_of(&["graph", "cto", "cio", "--format", "markdown"]);
    let (diagram, legend) = fenced_and_listed(&markdown);
    // The diagram is the Mermaid output, its legend shown below it rather than in comments.
    let mermaid = stdout_of(&["graph", "cto", "cio"]);
    let uncommented: String = mermaid
        .split_inclusive('\n')
        .filter(|line| !line.trim_start().starts_with("%%"))
        .collect();
    assert_eq!(diagram, uncommented);
    let legend = legend.join("\n");
    for explained in [
        "Solid line",
        "Dashed line",
        "Two heads",
        "usually, often, in some firms",
        "[brief] Untitled short article on the CIO and CTO roles",
        "[guide] Untitled long guide",
    ] {
        assert!(
            legend.contains(explained),
            "{explained} is not in the legend: {legend}"
        );
    }
}

#[test]
fn a_built_in_role_named_twice_is_drawn_once() {
    let twice = stdout_of(&["graph", "builtin:cio", "builtin:CIO"]);
    let once = stdout_of(&["graph", "builtin:cio"]);
    assert_eq!(twice, once);
    assert!(once.contains("role_builtin_3a_cio -->"), "{once}");
}

/// A role whose id has a `-` (which a naive Mermaid id would turn into `_`), reporting to the
/// CTO, and a role title and a source title that each carry a Mermaid directive.
fn lookalike_and_directive_roles() -> tempfile::TempDir {
    let directive = "%%{init: {'theme': 'forest'}}%%";
    super::folder(&[
        (
            "sources.yaml",
            &format!(
                "sources:\n  - id: handbook\n    title: \"Book {directive}\"\n    kind: internal\n    description: D\n"
            ),
        ),
        (
            "vp-eng.yaml",
            &format!(
                "id: vp-eng\ntitle: \"VP dash {directive}\"\nreporting:\n  - {{to: cto, prevalence: usual, text: Reports to the CTO., sources: [handbook]}}\n"
            ),
        ),
    ])
}

fn graph_of(data: &std::path::Path, format: &str) -> String {
    let data = data.to_str().unwrap();
    stdout_of(&["graph", "--format", format, "--data", data])
}

#[test]
fn directives_in_titles_never_reach_mermaids_configuration() {
    // Mermaid reads `%%{init: …}%%` anywhere, comments included: every % of a title is
    // written #37;, in labels and legend alike. Mermaid's parser confirms it above.
    let data = lookalike_and_directive_roles();
    super::golden::check("graph-directives.mmd", &graph_of(data.path(), "mermaid"));
    super::golden::check("graph-directives.dot", &graph_of(data.path(), "dot"));
}

#[test]
fn ids_that_differ_only_by_dash_and_underscore_never_share_a_node() {
    // Two such ids cannot load together (a name would find both), and each id's node is
    // spelt so that `vp-eng` and `vp_eng` could never become one (see mermaid.rs); the
    // golden files of the test above pin `role_vp_2d_eng`.
    let data = lookalike_and_directive_roles();
    std::fs::write(
        data.path().join("vp_eng.yaml"),
        "id: vp_eng\ntitle: VP underscore\nreporting:\n  - {to: cio, prevalence: usual, text: Reports to the CIO., sources: [handbook]}\n",
    )
    .unwrap();
    let dir = data.path().display();
    assert_eq!(
        failing_with(1, &["graph", "--data", data.path().to_str().unwrap()]),
        format!(
            "error: 2 problems in the data files:\n  \
             {dir}/vp-eng.yaml:1:5: id: role id 'vp-eng' differs from role 'vp_eng' only in case or punctuation: rename one, so that each name finds one role\n  \
             {dir}/vp_eng.yaml:1:5: id: role id 'vp_eng' differs from role 'vp-eng' only in case or punctuation: rename one, so that each name finds one role\n"
        )
    );
}
