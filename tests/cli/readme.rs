//! The README and the manual in `docs/` never drift from the binary: their console examples
//! run under trycmd, their rendered blocks (a Markdown table, a Mermaid diagram) are rolecmp's
//! real output, and every relative link and anchor in them resolves. Output with backslashes
//! (Markdown escapes) is shown in such a block rather than a console example, because trycmd
//! turns every `\` of an output into `/`.
//! `SNAPSHOTS=overwrite TRYCMD=overwrite cargo test` rewrites both, with the golden files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::{folder, rolecmp, stdout_of};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The documents a reader opens: README.md, CONTRIBUTING.md, the data notice, then every page
/// of the manual.
fn documents() -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .expect("a docs/ folder")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "md"))
        .collect();
    pages.sort();
    assert!(!pages.is_empty(), "docs/ holds the manual's pages");
    let mut documents: Vec<PathBuf> = ["README.md", "CONTRIBUTING.md", "data/README.md"]
        .iter()
        .map(|document| root().join(document))
        .collect();
    documents.extend(pages);
    documents
}

fn name(document: &Path) -> String {
    document
        .strip_prefix(root())
        .unwrap_or(document)
        .display()
        .to_string()
}

/// A `rolecmp` for trycmd, which can add variables to a command's environment but not clear
/// it: a script that runs the binary in the hermetic environment (see main.rs), with
/// `NO_COLOR` as a reader's copy of a document would have no colour.
fn hermetic_rolecmp(dir: &Path) -> PathBuf {
    let quote = |text: &std::ffi::OsStr| {
        shlex::try_quote(text.to_str().expect("UTF-8 paths"))
            .expect("no NUL in paths")
            .into_owned()
    };
    let mut variables: Vec<String> = super::hermetic_env()
        .iter()
        .map(|(name, value)| format!("{name}={}", quote(value)))
        .collect();
    variables.push("NO_COLOR=1".to_owned());
    let script = format!(
        "#!/bin/sh\nexec env -i {} {} \"$@\"\n",
        variables.join(" "),
        quote(super::rolecmp_path().as_os_str())
    );
    let path = dir.join("rolecmp");
    std::fs::write(&path, script).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    path
}

#[test]
fn readme_and_docs_console_examples_match_the_binary() {
    let bin = tempfile::tempdir().unwrap();
    let cases = trycmd::TestCases::new();
    cases.register_bin("rolecmp", hermetic_rolecmp(bin.path()));
    for document in documents() {
        cases.case(document);
    }
    cases.run();
}

#[test]
fn readme_and_docs_rendered_blocks_are_rolecmps_real_output() {
    let mut blocks = BTreeMap::new();
    for document in documents() {
        blocks.insert(name(&document), check_rendered_blocks(&document));
    }
    assert!(
        blocks["README.md"] >= 1 && blocks.values().sum::<usize>() >= 3,
        "the README shows a Markdown page and the manual a Mermaid diagram: {blocks:?}"
    );
}

/// Checks (or, with `SNAPSHOTS=overwrite`, rewrites) every `<!-- rolecmp ARGS -->` … `<!-- end -->`
/// block of one document; returns how many it holds.
fn check_rendered_blocks(document: &Path) -> usize {
    let overwrite = std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite");
    let text = std::fs::read_to_string(document).unwrap();
    let mut updated = String::new();
    let mut rest = text.as_str();
    let mut blocks = 0;
    // A marker starts a line; the same words inside a sentence (CONTRIBUTING.md) are prose.
    while let Some(start) = rest
        .match_indices("<!-- rolecmp ")
        .map(|(start, _)| start)
        .find(|&start| start == 0 || rest[..start].ends_with('\n'))
    {
        let (before, marker) = rest.split_at(start);
        updated.push_str(before);
        let (command, after) = marker
            .split_once(" -->\n")
            .expect("a marker ends with ` -->`");
        let (content, after) = after
            .split_once("<!-- end -->")
            .expect("a rendered block ends with <!-- end -->");
        let args = shlex::split(command.trim_start_matches("<!-- rolecmp "))
            .expect("balanced quotes in the marker");
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
            // A rendered page may be quoted, `> ` before each line, to set it apart from the
            // document around it (its headings are the page's, not the document's).
            // (A page below a document's title starts with a blank line, quoted as `>`.)
            _ if content.starts_with("> ") || content.starts_with(">\n") => {
                format!("{}\n", quoted(&output))
            }
            // A blank line ends a Markdown table before the end marker.
            _ => format!("{output}\n"),
        };
        if !overwrite {
            // A line diff on failure, and `SNAPSHOTS=overwrite` named as the fix.
            snapbox::Assert::new()
                .action_env(snapbox::assert::DEFAULT_ACTION_ENV)
                .eq(
                    expected.clone(),
                    snapbox::Data::text(content.to_owned()).raw(),
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
    if overwrite {
        std::fs::write(document, updated).unwrap();
    }
    blocks
}

/// A document's example data files: `yaml` blocks whose first line names the file
/// (`# company/cio.yaml — …`), as (path, contents).
fn example_files(text: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut block: Option<String> = None;
    for event in parser(text) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) if &*info == "yaml" => {
                block = Some(String::new());
            }
            Event::Text(text) => {
                if let Some(block) = block.as_mut() {
                    block.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                let Some(block) = block.take() else { continue };
                let path = block
                    .strip_prefix("# ")
                    .and_then(|comment| comment.split_whitespace().next())
                    .filter(|path| {
                        path.contains('/')
                            && Path::new(path)
                                .extension()
                                .is_some_and(|extension| extension == "yaml")
                    });
                if let Some(path) = path {
                    files.push((path.to_owned(), block));
                }
            }
            _ => {}
        }
    }
    files
}

#[test]
fn readme_and_docs_example_files_are_valid() {
    let mut checked = 0;
    for document in documents() {
        let files = example_files(&std::fs::read_to_string(&document).unwrap());
        if files.is_empty() {
            continue;
        }
        let files: Vec<(&str, &str)> = files
            .iter()
            .map(|(path, text)| (path.as_str(), text.as_str()))
            .collect();
        let dir = folder(&files);
        let folders: BTreeSet<&str> = files
            .iter()
            .map(|(path, _)| path.rsplit_once('/').unwrap().0)
            .collect();
        for example in folders {
            let output = rolecmp()
                .arg("validate")
                .arg(dir.path().join(example))
                .output()
                .unwrap();
            assert!(
                output.status.success(),
                "the example files of {} in {example}/ do not validate:\n{}",
                name(&document),
                String::from_utf8_lossy(&output.stdout)
            );
            checked += 1;
        }
    }
    assert!(checked >= 1, "the manual shows a company's role files");
}

/// Markdown as a block quote.
fn quoted(markdown: &str) -> String {
    markdown
        .split_inclusive('\n')
        .map(|line| {
            if line == "\n" {
                ">\n".to_owned()
            } else {
                format!("> {line}")
            }
        })
        .collect()
}

#[test]
fn readme_and_docs_links_and_anchors_resolve() {
    let mut problems = Vec::new();
    for document in documents() {
        let text = std::fs::read_to_string(&document).unwrap();
        let mut seen = BTreeSet::new();
        for heading in headings(&text) {
            if !seen.insert(heading.clone()) {
                problems.push(format!("{}: heading `{heading}` twice", name(&document)));
            }
        }
        for destination in links(&text) {
            if let Err(problem) = resolve(&document, &destination) {
                problems.push(format!("{}: ({destination}) {problem}", name(&document)));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Checks one link destination of `document`: a relative path must exist, and a `#fragment`
/// must be the anchor of a heading in the Markdown file it points to (or in `document`).
fn resolve(document: &Path, destination: &str) -> Result<(), String> {
    if destination.contains("://") || destination.starts_with("mailto:") {
        return Ok(());
    }
    let (path, fragment) = match destination.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (destination, None),
    };
    let target = if path.is_empty() {
        document.to_path_buf()
    } else {
        document.parent().unwrap().join(path)
    };
    if !target.exists() {
        return Err(format!("{} does not exist", name(&target)));
    }
    let Some(fragment) = fragment else {
        return Ok(());
    };
    if target.extension().is_none_or(|extension| extension != "md") {
        return Err(format!(
            "#{fragment} points into {}, not Markdown",
            name(&target)
        ));
    }
    let anchors = anchors(&std::fs::read_to_string(&target).unwrap());
    if anchors.contains(fragment) {
        Ok(())
    } else {
        Err(format!(
            "no heading of {} has the anchor #{fragment}",
            name(&target)
        ))
    }
}

fn parser(text: &str) -> Parser<'_> {
    Parser::new_ext(text, Options::ENABLE_TABLES)
}

/// Every link and image destination of a Markdown text.
fn links(text: &str) -> Vec<String> {
    parser(text)
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect()
}

/// The anchor each heading gets on GitHub, in order, before duplicates get `-1`, `-2`.
fn headings(text: &str) -> Vec<String> {
    let mut headings = Vec::new();
    let mut current: Option<String> = None;
    for event in parser(text) {
        match event {
            Event::Start(Tag::Heading { .. }) => current = Some(String::new()),
            Event::Text(text) | Event::Code(text) => {
                if let Some(heading) = current.as_mut() {
                    heading.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                headings.push(github_anchor(&current.take().unwrap_or_default()));
            }
            _ => {}
        }
    }
    headings
}

/// The anchors GitHub gives a page's headings, a repeated one suffixed `-1`, `-2`, …
fn anchors(text: &str) -> BTreeSet<String> {
    let mut anchors = BTreeSet::new();
    for heading in headings(text) {
        let mut anchor = heading.clone();
        let mut repeat = 0;
        while !anchors.insert(anchor.clone()) {
            repeat += 1;
            anchor = format!("{heading}-{repeat}");
        }
    }
    anchors
}

/// GitHub's anchor for a heading: lower case, letters, digits, `_`, `-` and spaces kept, each
/// space a `-`.
fn github_anchor(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' '))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

#[test]
fn github_anchors_are_computed_as_github_does() {
    assert_eq!(github_anchor("Threat model"), "threat-model");
    assert_eq!(github_anchor("What data/ holds"), "what-data-holds");
    assert_eq!(github_anchor("The company's claims"), "the-companys-claims");
    assert_eq!(
        github_anchor("`rolecmp compare` — CTO vs CIO"),
        "rolecmp-compare--cto-vs-cio"
    );
    let page = "# A\n## Sources\n```\n## Not a heading\n```\n## Sources\n";
    assert_eq!(
        anchors(page),
        BTreeSet::from(["a".into(), "sources".into(), "sources-1".into()])
    );
}

/// The shell block under `<!-- tested: NAME -->` in a page of the manual.
fn tested_block(page: &str, name: &str) -> String {
    let text = std::fs::read_to_string(root().join(page)).unwrap();
    let marker = format!("<!-- tested: {name} -->\n```sh\n");
    let start = text
        .find(&marker)
        .unwrap_or_else(|| panic!("{page} has no block marked `tested: {name}`"))
        + marker.len();
    let length = text[start..].find("```\n").expect("the block ends");
    text[start..start + length].to_owned()
}

/// Runs a documented shell block in a fresh folder as a reader would, with this build of
/// rolecmp first on the PATH and no data of the user's; returns the folder.
fn run_block(block: &str, folder: tempfile::TempDir) -> tempfile::TempDir {
    let binary = super::rolecmp_path();
    let path = std::env::join_paths(
        std::iter::once(binary.parent().unwrap().to_path_buf())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let output = super::command("bash")
        .args(["-euo", "pipefail", "-c", block])
        .current_dir(folder.path())
        .env("PATH", path)
        .env("HOME", folder.path())
        .env("XDG_DATA_HOME", folder.path().join("no-data"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "the documented commands failed:\n{block}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    folder
}

#[test]
fn the_handbook_flow_appends_a_page_under_its_title_and_renders_with_pandoc() {
    if !super::require::require_tool("pandoc") {
        return;
    }
    let block = tested_block("docs/docs-pipelines.md", "handbook");
    let folder = run_block(&block, tempfile::tempdir().unwrap());
    let page = std::fs::read_to_string(folder.path().join("roles.md")).unwrap();
    assert!(
        page.contains("\n## CTO vs CIO\n") && page.contains("\n### Sources\n"),
        "the appended page sits under the document's title:\n{page}"
    );
    assert!(
        !page.contains("--full") && !page.contains("--section"),
        "{page}"
    );
    let html = std::fs::read_to_string(folder.path().join("roles.html")).unwrap();
    // pandoc wraps long lines: compare words, not line breaks.
    let html = html.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "<title>Technology leadership</title>",
        "<h1 id=\"cto-vs-cio\">CTO vs CIO</h1>",
        "<h2 id=\"responsibility-matrix\">Responsibility matrix</h2>",
        "<p>Shared: a source says the roles overlap. Not named: the sources are silent.</p>",
        "<h2 id=\"where-the-sources-disagree\">Where the sources disagree</h2>",
        "<h2 id=\"sources\">Sources</h2>",
        "<li>[brief] Untitled short article on the CIO and CTO roles (article,",
    ] {
        assert!(html.contains(expected), "no {expected} in:\n{html}");
    }
    // Every heading stayed a heading: none became a plain paragraph.
    assert!(!html.contains("<p>CTO vs CIO</p>"), "{html}");
}

#[test]
fn the_mermaid_diagram_is_drawn_locally_as_documented() {
    if !(super::require::require_tool("pandoc")
        && super::require::require_tool("chromium")
        && super::require::require_tool("mermaid"))
    {
        return;
    }
    // The version the page installs is the one the tests pin.
    let pinned: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(super::require::node_checker("mermaid").join("package.json"))
            .unwrap(),
    )
    .unwrap();
    let page = std::fs::read_to_string(root().join("docs/docs-pipelines.md")).unwrap();
    let install = format!(
        "npm install --no-save mermaid@{}",
        pinned["dependencies"]["mermaid"].as_str().unwrap()
    );
    assert!(page.contains(&install), "the page says `{install}`");
    // What `npm install` would have put in the folder.
    let folder = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(
        super::require::node_checker("mermaid").join("node_modules"),
        folder.path().join("node_modules"),
    )
    .unwrap();
    let folder = run_block(&tested_block("docs/docs-pipelines.md", "mermaid"), folder);
    let drawn = super::command("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=10000",
            "--dump-dom",
        ])
        .arg(folder.path().join("reporting.html"))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&drawn.stdout);
    assert!(
        dom.contains("aria-roledescription=\"flowchart-v2\"") && !dom.contains("Syntax error"),
        "Mermaid did not draw the diagram:\n{dom}"
    );
    for role in ["Chief Technology Officer", "Chief Information Officer"] {
        assert!(dom.contains(role), "{role} is not in the drawing");
    }
}
