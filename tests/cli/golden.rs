//! Whole outputs pinned: every command in every format on the built-in data, compared with
//! its file in tests/golden/ exactly (line ends aside: CSV's CRLF is checked in formats.rs),
//! with a line diff on failure. After an intended change, one command rewrites them all,
//! with the examples of README.md and docs/ (readme.rs):
//!
//!     SNAPSHOTS=overwrite TRYCMD=overwrite cargo test
//!
//! then review `git diff tests/golden README.md docs`.

use std::path::Path;

use snapbox::data::DataFormat;

use super::rolecmp;

/// Compares `actual` with tests/golden/`name`, or rewrites the file under
/// `SNAPSHOTS=overwrite`.
#[track_caller]
pub fn check(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    snapbox::Assert::new()
        .action_env(snapbox::assert::DEFAULT_ACTION_ENV)
        .eq(
            actual.to_owned(),
            snapbox::Data::read_from(&path, Some(DataFormat::Text)).raw(),
        );
}

/// Runs `rolecmp args…` in `dir`; it must succeed with nothing on stderr. Returns stdout.
fn output_in(dir: &Path, args: &[&str]) -> String {
    let output = rolecmp().current_dir(dir).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "rolecmp {args:?}: {stderr}");
    assert_eq!(stderr, "", "rolecmp {args:?}");
    String::from_utf8(output.stdout).expect("output is UTF-8")
}

/// One test per golden file: `test_name: "file" = [args…]`, run from the project root.
macro_rules! golden {
    ($($test:ident: $file:literal = [$($arg:literal),*];)*) => {
        $(
            #[test]
            fn $test() {
                let root = Path::new(env!("CARGO_MANIFEST_DIR"));
                check($file, &output_in(root, &[$($arg),*]));
            }
        )*
    };
}

golden! {
    list_roles_as_a_table: "list.txt" = ["list"];
    list_roles_as_markdown: "list.md" = ["list", "--format", "markdown"];
    list_roles_as_json: "list.json" = ["list", "--format", "json"];
    list_roles_as_csv: "list.csv" = ["list", "--format", "csv"];
    list_roles_as_yaml: "list.yaml" = ["list", "--format", "yaml"];
    list_industries: "list-industries.txt" = ["list", "industries"];
    list_areas: "list-areas.txt" = ["list", "areas"];
    list_sources: "list-sources.txt" = ["list", "sources"];
    list_glossary: "list-glossary.txt" = ["list", "glossary"];

    show_cto_as_a_table: "show-cto.txt" = ["show", "cto"];
    show_cto_as_markdown: "show-cto.md" = ["show", "cto", "--format", "markdown"];
    show_cto_as_json: "show-cto.json" = ["show", "cto", "--format", "json"];
    show_cto_as_csv: "show-cto.csv" = ["show", "cto", "--format", "csv"];
    show_cto_as_yaml: "show-cto.yaml" = ["show", "cto", "--format", "yaml"];
    show_cio_in_full_as_a_table: "show-cio-full.txt" = ["show", "cio", "--full"];
    show_cio_in_full_as_markdown: "show-cio-full.md" = ["show", "cio", "--full", "--format", "markdown"];
    show_cio_in_healthcare: "show-cio-healthcare.txt" = ["show", "cio", "--industry", "healthcare"];
    show_cfo_in_full: "show-cfo-full.md" = ["show", "cfo", "--full", "--format", "markdown"];

    compare_cto_cio_as_a_table: "compare-cto-cio.txt" = ["compare", "cto", "cio"];
    compare_cto_cio_as_markdown: "compare-cto-cio.md" = ["compare", "cto", "cio", "--format", "markdown"];
    compare_cto_cio_as_json: "compare-cto-cio.json" = ["compare", "cto", "cio", "--format", "json"];
    compare_cto_cio_as_csv: "compare-cto-cio.csv" = ["compare", "cto", "cio", "--format", "csv"];
    compare_cto_cio_as_yaml: "compare-cto-cio.yaml" = ["compare", "cto", "cio", "--format", "yaml"];
    compare_cto_cio_in_full_as_a_table: "compare-cto-cio-full.txt" = ["compare", "cto", "cio", "--full"];
    compare_cto_cio_in_full_as_markdown: "compare-cto-cio-full.md" = ["compare", "cto", "cio", "--full", "--format", "markdown"];
    compare_cto_cio_in_manufacturing: "compare-cto-cio-manufacturing.txt" = ["compare", "cto", "cio", "--industry", "manufacturing"];

    matrix_as_a_table: "matrix.txt" = ["matrix"];
    matrix_as_markdown: "matrix.md" = ["matrix", "--format", "markdown"];
    matrix_as_json: "matrix.json" = ["matrix", "--format", "json"];
    matrix_as_csv: "matrix.csv" = ["matrix", "--format", "csv"];
    matrix_as_yaml: "matrix.yaml" = ["matrix", "--format", "yaml"];

    search_as_a_table: "search-supply-chain.txt" = ["search", "supply chain"];
    search_as_markdown: "search-supply-chain.md" = ["search", "supply chain", "--format", "markdown"];
    search_as_json: "search-supply-chain.json" = ["search", "supply chain", "--format", "json"];
    search_as_csv: "search-supply-chain.csv" = ["search", "supply chain", "--format", "csv"];
    search_as_yaml: "search-supply-chain.yaml" = ["search", "supply chain", "--format", "yaml"];
    search_with_no_match: "search-blockchain.txt" = ["search", "blockchain"];
    search_with_a_typo: "search-securty.txt" = ["search", "securty"];

    graph_as_mermaid: "graph.mmd" = ["graph"];
    graph_as_dot: "graph.dot" = ["graph", "--format", "dot"];
    graph_as_a_table: "graph.txt" = ["graph", "--format", "table"];
    graph_as_markdown: "graph.md" = ["graph", "--format", "markdown"];
    graph_as_json: "graph.json" = ["graph", "--format", "json"];
    graph_as_csv: "graph.csv" = ["graph", "--format", "csv"];
    graph_as_yaml: "graph.yaml" = ["graph", "--format", "yaml"];
    graph_of_the_cio_as_dot: "graph-cio.dot" = ["graph", "cio", "--format", "dot"];

    validate_the_example_company: "validate-example.txt" = ["validate", "examples/company"];
    validate_the_example_company_as_json: "validate-example.json" = ["validate", "examples/company", "--format", "json"];
    validate_with_nothing_to_check: "validate-nothing.txt" = ["validate"];

    schema_of_a_role_file: "schema-role.json" = ["schema"];
    schema_of_a_sources_file: "schema-sources.json" = ["schema", "sources"];
    schema_of_a_vocabulary_file: "schema-vocabulary.json" = ["schema", "vocabulary"];

    man_page: "rolecmp.1" = ["man"];
    man_page_of_compare: "rolecmp-compare.1" = ["man", "compare"];
    completions_for_bash: "completions.bash" = ["completions", "bash"];
    completions_for_zsh: "completions.zsh" = ["completions", "zsh"];
    completions_for_fish: "completions.fish" = ["completions", "fish"];
}

#[test]
fn init_writes_a_template_and_a_sources_file() {
    let work = super::folder(&[]);
    let out = output_in(work.path(), &["init", "cpo", "--dir", "company"]);
    check("init-cpo.txt", &out);
    let written = |name: &str| std::fs::read_to_string(work.path().join(name)).unwrap();
    check("init-cpo.yaml", &written("company/cpo.yaml"));
    check("init-sources.yaml", &written("company/sources.yaml"));
}

#[test]
fn init_from_a_role_writes_its_copy() {
    let work = super::folder(&[]);
    let out = output_in(
        work.path(),
        &["init", "acme-cio", "--from", "cio", "--dir", "company"],
    );
    check("init-from-cio.txt", &out);
    let copy = std::fs::read_to_string(work.path().join("company/acme-cio.yaml")).unwrap();
    check("init-from-cio.yaml", &copy);
}
