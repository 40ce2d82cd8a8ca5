//! Running the outside tools some tests check output with (pandoc, dot, mandoc, shells, and
//! Node with Mermaid's parser or the MDX compiler), in the hermetic environment. Whether a
//! tool is there is `require::require_tool`'s question.

use std::io::Write;
use std::process::Stdio;

use super::command;
use super::require::node_checker;

/// Runs a checker (pandoc, dot, a shell) with `input` on stdin: success, stdout and stderr.
pub fn fed(command: &mut std::process::Command, input: &str) -> (bool, String, String) {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the checker starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Runs the Node checker `name` (`mermaid` or `mdx`, see its check.mjs) on every document at
/// once, since loading it costs far more than checking a document: one answer per document,
/// `Ok` with what the checker found or `Err` with its message.
pub fn node_check(name: &str, documents: &[&str]) -> Vec<Result<serde_json::Value, String>> {
    let checker = node_checker(name);
    let mut node = command("node");
    node.arg(checker.join("check.mjs")).current_dir(&checker);
    let (ok, stdout, stderr) = fed(&mut node, &serde_json::to_string(documents).unwrap());
    assert!(ok, "the {name} checker failed: {stderr}");
    let answers: Vec<serde_json::Value> =
        serde_json::from_str(&stdout).expect("the checker answers in JSON");
    assert_eq!(answers.len(), documents.len(), "{stdout}");
    answers
        .into_iter()
        .map(|answer| match answer["error"].as_str() {
            Some(error) => Err(error.to_owned()),
            None => Ok(answer),
        })
        .collect()
}
