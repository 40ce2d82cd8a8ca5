//! `rolecmp validate`: every problem in the data files, each with its exact place.

use std::path::PathBuf;

use serde::Serialize;

use crate::kb::{self, Diagnostic, KnowledgeBase};
use crate::report::{Document, Records, Report, Section};

/// The answer to `validate`.
#[derive(Debug, Default, Serialize)]
pub struct Validation {
    /// Data files read, besides the built-in knowledge base.
    pub files: usize,
    /// Whether the built-in knowledge base was loaded under them.
    pub builtin: bool,
    /// Roles in the knowledge base once loaded (0 when there are problems).
    pub roles: usize,
    pub problems: Vec<Diagnostic>,
    /// What is doubtful but not wrong, such as an area no fact names; they do not fail.
    pub warnings: Vec<Diagnostic>,
    /// No path was given and no user folder or `ROLECMP_DATA` path exists.
    pub nothing_to_check: bool,
}

impl Validation {
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Checks the given paths over the built-in knowledge base, or everything that would be
/// loaded when no path is given. The knowledge base they make, when they are valid, is left
/// in `knowledge` for the caller to free.
pub fn validate(
    sources: &kb::files::Sources,
    paths: Vec<PathBuf>,
    knowledge: &mut Option<KnowledgeBase>,
) -> Validation {
    let paths = if paths.is_empty() {
        sources.paths()
    } else {
        paths
    };
    if paths.is_empty() {
        return Validation {
            nothing_to_check: true,
            ..Validation::default()
        };
    }
    let (files, problems) = kb::read_all(&paths);
    // A file that could not be read (too big, not UTF-8, a FIFO) was still checked: it
    // counts among the files, unlike a folder that is wrong as a whole.
    let unread: std::collections::BTreeSet<&str> = problems
        .iter()
        .map(|problem| problem.file.as_str())
        .filter(|file| !std::path::Path::new(file).is_dir())
        .collect();
    let checked = files.len() + unread.len();
    let base = if sources.builtin {
        KnowledgeBase::builtin()
    } else {
        Ok(KnowledgeBase::default())
    };
    // Problems reading files come first, as `kb::with_problems` puts them.
    let (roles, problems, warnings) =
        match base.and_then(|base| kb::load_with_warnings(Some(base), &files)) {
            Ok((kb, warnings)) if problems.is_empty() => {
                (knowledge.insert(kb).roles.len(), problems, warnings)
            }
            Ok(_) => (0, problems, Vec::new()),
            Err(kb::InvalidData(more)) => {
                let mut all = problems;
                all.extend(more);
                (0, all, Vec::new())
            }
        };
    Validation {
        files: checked,
        builtin: sources.builtin,
        roles,
        problems,
        warnings,
        nothing_to_check: false,
    }
}

impl Report for Validation {
    fn document(&self) -> Document {
        if self.nothing_to_check {
            return Document {
                title: "nothing to check".to_owned(),
                sections: vec![Section::new("").note(
                    "No path was given, the user data folder has no data files and ROLECMP_DATA is not set. Name the files or folders to check, such as: rolecmp validate company/ (the built-in knowledge base is checked when rolecmp is built).",
                )],
                ..Document::default()
            };
        }
        let files = match self.files {
            1 => "1 file".to_owned(),
            n => format!("{n} files"),
        };
        let over = if self.builtin {
            " over the built-in knowledge base"
        } else {
            ""
        };
        let warnings = match self.warnings.len() {
            0 => String::new(),
            1 => ", 1 warning".to_owned(),
            n => format!(", {n} warnings"),
        };
        let mut lines: Vec<String> = self.problems.iter().map(ToString::to_string).collect();
        lines.extend(
            self.warnings
                .iter()
                .map(|warning| format!("warning: {warning}")),
        );
        let sections = if lines.is_empty() {
            Vec::new()
        } else {
            vec![Section::new("").listing(lines)]
        };
        if self.is_clean() {
            return Document {
                title: format!(
                    "ok: {files}{over}, {} roles, no problems{warnings}",
                    self.roles
                ),
                sections,
                ..Document::default()
            };
        }
        let count = self.problems.len();
        let files = if self.files == 0 {
            String::new()
        } else {
            format!(" in {files}")
        };
        Document {
            title: format!(
                "{count} problem{}{files}{over}{warnings}",
                if count == 1 { "" } else { "s" }
            ),
            sections,
            ..Document::default()
        }
    }

    /// One row per problem, then one per warning, for spreadsheets and CI annotations.
    fn records(&self) -> Records {
        let rows = |diagnostics: &[Diagnostic], severity: &str| -> Vec<Vec<String>> {
            diagnostics
                .iter()
                .map(|p| {
                    vec![
                        p.file.clone(),
                        p.line.to_string(),
                        p.column.to_string(),
                        p.key.clone(),
                        p.message.clone(),
                        severity.to_owned(),
                    ]
                })
                .collect()
        };
        let mut all = rows(&self.problems, "error");
        all.extend(rows(&self.warnings, "warning"));
        Records {
            header: vec!["file", "line", "column", "key", "message", "severity"],
            rows: all,
        }
    }
}
