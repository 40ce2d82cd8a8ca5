use super::require::require_tool;
use super::tools::fed;
use super::{command, failing_with, stdout_of};

/// `mandoc -T lint` messages, one a line.
fn lint(page: &str) -> Vec<String> {
    let (_, stdout, stderr) = fed(command("mandoc").args(["-T", "lint"]), page);
    stdout
        .lines()
        .chain(stderr.lines())
        .map(str::to_owned)
        .collect()
}

#[test]
fn mandoc_finds_nothing_wrong_with_any_page() {
    if !require_tool("mandoc") {
        return;
    }
    let broken = lint(".TH X 1\n.SH\n.BOGUS\n");
    assert!(
        broken
            .iter()
            .any(|m| m.contains("ERROR") || m.contains("WARNING")),
        "mandoc must flag a broken page for this test to mean anything: {broken:?}"
    );
    for command in super::commands() {
        let command = command.as_deref();
        let page = stdout_of(&["man"].into_iter().chain(command).collect::<Vec<_>>());
        // clap_mangen writes each paragraph on one input line; mandoc's style note about
        // lines over 80 bytes is the one it cannot avoid.
        let problems: Vec<String> = lint(&page)
            .into_iter()
            .filter(|m| !m.contains("STYLE: input text line longer than 80 bytes"))
            .collect();
        assert!(
            problems.is_empty(),
            "rolecmp man {command:?}: {problems:#?}"
        );
    }
}

#[test]
fn the_page_documents_every_command_and_global_flag() {
    let page = stdout_of(&["man"]);
    assert!(page.contains(".TH ROLECMP 1 "), "{page}");
    // The page itself is pinned in tests/golden/rolecmp.1; a new command must be on it.
    for name in super::commands().into_iter().flatten() {
        assert!(
            page.contains(&format!("rolecmp\\-{name}(1)")),
            "{name} missing"
        );
    }
    assert!(page.contains("\\-\\-width"));
    assert!(page.contains("\\-\\-color"));
    let compare = stdout_of(&["man", "compare"]);
    assert!(compare.contains(".TH ROLECMP-COMPARE 1 "), "{compare}");
    assert!(compare.contains("\\-\\-industry"), "{compare}");
}

#[test]
fn an_unknown_page_is_a_usage_error() {
    assert_eq!(
        failing_with(2, &["man", "frobnicate"]),
        "error: invalid value 'frobnicate' for '[COMMAND]'\n  [possible values: list, show, compare, matrix, search, graph, validate, schema, init, completions, man]\n\nFor more information, try '--help'.\n"
    );
}
