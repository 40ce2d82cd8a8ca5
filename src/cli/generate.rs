//! Shell completion scripts and man pages, generated from the clap command itself.

use std::fmt::Write as _;
use std::io::{self, Write};

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap_complete::Shell;

use crate::kb::KnowledgeBase;
use crate::model::Term;
use crate::sanitize::{is_plain_id, shell_plain};

/// The completion script for `shell`, completing role ids and industry ids too.
///
/// Returned as bytes rather than written: `clap_complete` panics when its writer fails, and a
/// closed pipe must end the command quietly instead.
pub fn completions(kb: &KnowledgeBase, shell: Shell) -> Vec<u8> {
    let mut command = with_known_names(super::command(), kb);
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "rolecmp", &mut script);
    if shell == Shell::Fish {
        script.extend(fish_roles(kb).into_bytes());
    }
    script
}

/// Fish lines completing role arguments: `clap_complete` gives fish the values of options
/// but not of positional arguments.
fn fish_roles(kb: &KnowledgeBase) -> String {
    // Fish evaluates the candidate list, so only plain ids and texts go into it.
    let candidates: Vec<String> = kb
        .roles
        .iter()
        .filter(|role| is_plain_id(&role.id))
        .map(|role| format!("{}\\t'{}'", role.id, shell_plain(&role.title)))
        .collect();
    let candidates = candidates.join("\n");
    let mut lines = String::new();
    for command in ["show", "compare", "graph"] {
        // Writing to a String cannot fail.
        let _ = writeln!(
            lines,
            "complete -c rolecmp -n \"__fish_rolecmp_using_subcommand {command}\" -f -a \"{candidates}\""
        );
    }
    lines
}

/// A copy of the command in which role and industry arguments list the built-in names as
/// their possible values. Only completion scripts use it: the real parser keeps accepting
/// titles, aliases and prefixes, and names from user data files.
///
/// Names come from data files, and each shell reads its script as code: `clap_complete`'s
/// quoting differs by shell and misses cases, so only plain ids (which validation enforces)
/// and descriptions reduced to plain words go in, whatever the shell.
fn with_known_names(command: clap::Command, kb: &KnowledgeBase) -> clap::Command {
    let roles: Vec<PossibleValue> = kb
        .roles
        .iter()
        .filter(|role| is_plain_id(&role.id))
        .map(|role| PossibleValue::new(role.id.clone()).help(shell_plain(&role.title)))
        .collect();
    let industries: Vec<PossibleValue> = kb
        .industries
        .iter()
        .filter(|term| is_plain_id(&term.id))
        .map(term_value)
        .collect();
    let roles_of = |arg: clap::Arg| arg.value_parser(PossibleValuesParser::new(roles.clone()));
    let industry_of =
        |arg: clap::Arg| arg.value_parser(PossibleValuesParser::new(industries.clone()));
    command
        .mut_subcommand("show", |show| {
            show.mut_arg("role", roles_of)
                .mut_arg("industry", industry_of)
        })
        .mut_subcommand("compare", |compare| {
            compare
                .mut_arg("roles", roles_of)
                .mut_arg("industry", industry_of)
        })
        .mut_subcommand("search", |search| {
            search
                .mut_arg("roles", roles_of)
                .mut_arg("industry", industry_of)
        })
        .mut_subcommand("graph", |graph| graph.mut_arg("roles", roles_of))
}

fn term_value(term: &Term) -> PossibleValue {
    PossibleValue::new(term.id.clone()).help(shell_plain(&term.label))
}

/// Writes the man page of rolecmp, or of one of its commands (`rolecmp-compare(1)`).
pub fn man(command: Option<&str>, out: &mut dyn Write) -> io::Result<()> {
    let mut root = super::command().disable_help_subcommand(true);
    // Building gives each subcommand its full name (rolecmp-compare) and usage line.
    root.build();
    let page = match command {
        None => root,
        Some(name) => root.find_subcommand(name).cloned().ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidInput, format!("no command '{name}'"))
        })?,
    };
    let title = page
        .get_display_name()
        .unwrap_or_else(|| page.get_name())
        .to_uppercase();
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .title(title)
        .date(PAGE_DATE)
        .source(format!("rolecmp {}", env!("CARGO_PKG_VERSION")))
        .manual("rolecmp manual")
        .render(&mut roff)?;
    out.write_all(tidy(&String::from_utf8_lossy(&roff)).as_bytes())
}

/// The date on the man pages: when their content last changed. A fixed date keeps builds
/// reproducible; update it with the commands and flags.
const PAGE_DATE: &str = "2026-11-28";

/// Smooths two habits of `clap_mangen` that `mandoc -T lint` warns about: a blank line
/// between two `.br` (a paragraph break, which `.sp` says directly) and spaces at the end
/// of a line (dropped unless escaped).
fn tidy(roff: &str) -> String {
    let mut tidy = roff.replace("\n.br\n\n.br\n", "\n.sp\n");
    tidy = tidy
        .lines()
        .map(|line| {
            let trimmed = line.trim_end_matches(' ');
            if trimmed.ends_with('\\') {
                line
            } else {
                trimmed
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    tidy.push('\n');
    tidy
}

#[cfg(test)]
mod tests {
    use super::tidy;

    #[test]
    fn tidy_turns_br_blank_br_into_sp_and_keeps_escaped_spaces() {
        assert_eq!(tidy("a \n.br\n\n.br\nb\\ \n"), "a\n.sp\nb\\ \n");
    }
}
