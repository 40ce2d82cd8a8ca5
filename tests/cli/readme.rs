//! The README never drifts from the binary: its console examples run under trycmd, and its
//! rendered blocks (a Markdown table, a Mermaid diagram) are rolecmp's real output. Output
//! with backslashes (Markdown escapes) is shown in such a block rather than a console
//! example, because trycmd turns every `\` of an output into `/`.
//! `UPDATE_GOLDEN=1 cargo test` rewrites the rendered blocks; trycmd's `TRYCMD=overwrite`
//! rewrites the console examples.

use std::path::PathBuf;

use super::stdout_of;

fn readme() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md")
}

#[test]
fn readme_console_examples_match_the_binary() {
    trycmd::TestCases::new()
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .case(readme());
}

#[test]
fn readme_rendered_blocks_are_rolecmps_real_output() {
    let text = std::fs::read_to_string(readme()).unwrap();
    let mut updated = String::new();
    let mut rest = text.as_str();
    let mut blocks = 0;
    while let Some(start) = rest.find("<!-- rolecmp ") {
        let (before, marker) = rest.split_at(start);
        updated.push_str(before);
        let (command, after) = marker
            .split_once(" -->\n")
            .expect("a marker ends with ` -->`");
        let (content, after) = after
            .split_once("<!-- end -->")
            .expect("a rendered block ends with <!-- end -->");
        let args = shlex::split(command.trim_start_matches("<!-- rolecmp "))
            .expect("balanced quotes in the README");
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = stdout_of(&args);
        // A block may be fenced (```mermaid, ```markdown): the fence stays, the output
        // inside it is checked.
        let expected = match content.split_once('\n') {
            // Output that is itself fenced Markdown (`graph --format markdown`) is shown as is.
            Some((fence, _))
                if fence.starts_with("```") && !output.starts_with(&format!("{fence}\n")) =>
            {
                format!("{fence}\n{output}```\n")
            }
            // A blank line ends a Markdown table before the end marker.
            _ => format!("{output}\n"),
        };
        if std::env::var_os("UPDATE_GOLDEN").is_none() {
            assert_eq!(
                content,
                expected,
                "README block for `rolecmp {}` is stale: run UPDATE_GOLDEN=1 cargo test",
                args.join(" ")
            );
        }
        updated.push_str(command);
        updated.push_str(" -->\n");
        updated.push_str(&expected);
        updated.push_str("<!-- end -->");
        rest = after;
        blocks += 1;
    }
    updated.push_str(rest);
    assert!(
        blocks >= 2,
        "the README shows a Markdown table and a Mermaid diagram"
    );
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(readme(), updated).unwrap();
    }
}
