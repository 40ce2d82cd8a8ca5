//! The README never drifts from the binary: its console examples run under trycmd, and its
//! rendered blocks (a Markdown table, a Mermaid diagram) are rolecmp's real output. Output
//! with backslashes (Markdown escapes) is shown in such a block rather than a console
//! example, because trycmd turns every `\` of an output into `/`.
//! `SNAPSHOTS=overwrite TRYCMD=overwrite cargo test` rewrites both, with the golden files.

use std::path::PathBuf;

use super::stdout_of;

fn readme() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md")
}

/// A `rolecmp` for trycmd, which can add variables to a command's environment but not clear
/// it: a script that runs the binary in the hermetic environment (see main.rs), with
/// `NO_COLOR` as a reader's copy of the README would have no colour.
fn hermetic_rolecmp(dir: &std::path::Path) -> PathBuf {
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
fn readme_console_examples_match_the_binary() {
    let bin = tempfile::tempdir().unwrap();
    trycmd::TestCases::new()
        .register_bin("rolecmp", hermetic_rolecmp(bin.path()))
        .case(readme())
        .run();
}

#[test]
fn readme_rendered_blocks_are_rolecmps_real_output() {
    let overwrite = std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite");
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
        if !overwrite {
            snapbox::assert_data_eq!(
                expected.clone(),
                snapbox::Data::text(content.to_owned()).raw()
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
    if overwrite {
        std::fs::write(readme(), updated).unwrap();
    }
}
