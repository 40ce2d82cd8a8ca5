//! Fuzzes loading and rendering: any bytes, read as any kind of data file over the built-in
//! knowledge base, must give a knowledge base or diagnostics, never a panic, a hang or
//! unbounded memory; and a knowledge base that loads must render in every format without a
//! control character reaching a terminal, a Mermaid directive, or a completion script that
//! a shell cannot parse or that runs anything when it completes.
#![no_main]

use std::collections::HashSet;
use std::process::{Command, Stdio};
use std::sync::Mutex;

use clap_complete::Shell;
use libfuzzer_sys::fuzz_target;
use rolecmp::kb::{DataFile, KnowledgeBase, load};
use rolecmp::query::{self, list::ListKind};
use rolecmp::render::{self, Format, GraphFormat, Layout};

fuzz_target!(|data: &[u8]| {
    // The first byte picks the file kind, since the kind follows from the file name.
    let Some((&kind, rest)) = data.split_first() else { return };
    let name = match kind % 4 {
        0 => "sources.yaml",
        1 => "industries.yaml",
        2 => "areas.yaml",
        _ => "roles/x.yaml",
    };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let file = DataFile { name: name.to_owned(), text: text.to_owned(), origin: name.to_owned() };
    let base = KnowledgeBase::builtin().expect("the built-in knowledge base decodes");
    match load(Some(base), &[file]) {
        // Rendering the messages is part of what a user sees.
        Err(problems) => assert_terminal_safe("diagnostics", &problems.to_string()),
        Ok(kb) => render_all(&kb, name),
    }
});

fn render_all(kb: &KnowledgeBase, file: &str) {
    let layout = Layout { width: 60, color: false, raw_csv: false };
    let cto = kb.role("cto").expect("the built-in CTO");
    // The roles the file touched, or the CTO when it was a shared list: the others are the
    // built-in ones, rendered the same way every time.
    let touched: Vec<_> = kb.roles.iter().filter(|role| role.origin.iter().any(|o| o == file)).collect();
    let roles = if touched.is_empty() { vec![cto] } else { touched };
    for role in roles {
        let profile = query::show::show(kb, role, None, &[]);
        let comparison = query::compare::compare(kb, &[role, cto], None, &[]);
        for format in [Format::Table, Format::Markdown, Format::Csv, Format::Json, Format::Yaml] {
            let shown = rendered(|out| render::render(&profile, format, layout, out));
            let compared = rendered(|out| render::render(&comparison, format, layout, out));
            if format != Format::Json && format != Format::Yaml {
                assert_terminal_safe("show", &shown);
                assert_terminal_safe("compare", &compared);
            }
        }
    }
    for kind in [ListKind::Roles, ListKind::Industries, ListKind::Areas, ListKind::Sources] {
        let listing = query::list::list(kb, kind);
        assert_terminal_safe("list", &rendered(|out| render::render(&listing, Format::Table, layout, out)));
    }
    let found = query::search::search(kb, "e");
    assert_terminal_safe("search", &rendered(|out| render::render(&found, Format::Markdown, layout, out)));
    let graph = query::graph::graph(kb, &[]);
    let mermaid = rendered(|out| render::render_graph(&graph, GraphFormat::Mermaid, layout, out));
    assert_terminal_safe("mermaid", &mermaid);
    for line in mermaid.lines() {
        // The only `%%` is the one that starts a legend comment.
        let after = line.trim_start().strip_prefix("%% ").unwrap_or(line);
        assert!(!after.contains("%%"), "a directive can start in: {line}");
    }
    let dot = rendered(|out| render::render_graph(&graph, GraphFormat::Dot, layout, out));
    assert_terminal_safe("dot", &dot);
    check_completions(kb);
}

fn rendered(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    write(&mut out).expect("rendering into memory cannot fail");
    String::from_utf8(out).expect("output is UTF-8")
}

fn assert_terminal_safe(what: &str, text: &str) {
    let unsafe_char = text.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\r')
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    });
    assert!(unsafe_char.is_none(), "{what} writes {unsafe_char:?} to a terminal");
}

/// Names already checked in real shells: spawning them is slow, and most inputs change
/// facts, not names.
static CHECKED: Mutex<Option<HashSet<String>>> = Mutex::new(None);

/// Each completion script parses in its shell, and completing role and industry names in
/// bash and fish runs nothing: with an empty PATH, any command a name smuggled in would be
/// "not found" on stderr.
fn check_completions(kb: &KnowledgeBase) {
    let names: String = kb
        .roles
        .iter()
        .map(|role| format!("{}\t{}\n", role.id, role.title))
        .chain(kb.industries.iter().map(|term| format!("{}\t{}\n", term.id, term.label)))
        .collect();
    {
        let mut checked = CHECKED.lock().unwrap();
        if !checked.get_or_insert_with(HashSet::new).insert(names) {
            return;
        }
    }
    let dir = std::env::temp_dir().join(format!("rolecmp-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (shell, program, file) in [
        (Shell::Bash, "bash", "rolecmp.bash"),
        (Shell::Zsh, "zsh", "_rolecmp"),
        (Shell::Fish, "fish", "rolecmp.fish"),
    ] {
        let path = dir.join(file);
        std::fs::write(&path, rolecmp::generate::completions(kb, shell)).unwrap();
        let parsed = Command::new(program).arg("-n").arg(&path).output().unwrap();
        assert!(parsed.status.success(), "{program} -n: {}", String::from_utf8_lossy(&parsed.stderr));
    }
    let complete_in_bash = "source \"$1\"; for words in 'rolecmp show ' 'rolecmp show cto --industry '; do \
        COMP_WORDS=($words ''); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); \
        _rolecmp rolecmp '' \"${COMP_WORDS[COMP_CWORD-1]}\"; done";
    let complete_in_fish = "source $argv[1]; complete -C 'rolecmp show '; complete -C 'rolecmp show cto --industry '";
    for (program, script, file) in [
        ("bash", complete_in_bash, "rolecmp.bash"),
        ("fish", complete_in_fish, "rolecmp.fish"),
    ] {
        let mut command = Command::new(found(program));
        command.env_clear().env("PATH", "/nonexistent").env("HOME", &dir).arg("-c").arg(script);
        if program == "bash" {
            command.arg("bash");
        }
        let output = command.arg(dir.join(file)).stdin(Stdio::null()).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("not found") && !stderr.contains("Unknown command"), "{program} ran something while completing: {stderr}");
    }
}

/// Where `program` is on this process's PATH: the shells run with an empty one.
fn found(program: &str) -> std::path::PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
        .unwrap_or_else(|| panic!("{program} is needed to check completion scripts"))
}
