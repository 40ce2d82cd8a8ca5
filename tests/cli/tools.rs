//! Outside tools some tests check output with (shells, mandoc, Graphviz, Node): a missing
//! tool fails the test under `CI=true`, where `.ci/run` installs them all, and is skipped with
//! a note elsewhere.

use std::path::{Path, PathBuf};

/// Where `.ci/run` installs Mermaid's parser (`npm ci`).
pub fn mermaid_checker() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/mermaid")
}

fn on_path(name: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(name).is_file()))
}

/// True when the tool can run; when it cannot, fails under CI and says so elsewhere.
pub fn available(name: &str) -> bool {
    let found = if name == "mermaid" {
        on_path("node") && mermaid_checker().join("node_modules/mermaid").is_dir()
    } else {
        on_path(name)
    };
    if !found {
        let install = if name == "mermaid" {
            "node and `npm ci --prefix tests/tools/mermaid`"
        } else {
            name
        };
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{name} is needed by this test and missing: .ci/run must install {install}"
        );
        eprintln!("note: {name} is not installed, test skipped (install {install} to run it)");
    }
    found
}
