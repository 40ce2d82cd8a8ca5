//! `rolecmp validate`: every problem in the data files, each with its exact place.

use std::mem::ManuallyDrop;
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
    /// No path was given and no user folder or `ROLECMP_DATA` path exists.
    pub nothing_to_check: bool,
}

impl Validation {
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Checks the given paths over the built-in knowledge base, or everything that would be
/// loaded when no path is given.
pub fn validate(sources: &kb::files::Sources, paths: Vec<PathBuf>) -> Validation {
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
    let base = if sources.builtin {
        KnowledgeBase::builtin()
    } else {
        Ok(KnowledgeBase::default())
    };
    let loaded = match base {
        Ok(base) => kb::with_problems(kb::load(Some(base), &files), problems),
        Err(invalid) => Err(invalid),
    };
    let (roles, problems) = match loaded {
        Ok(kb) => (ManuallyDrop::new(kb).roles.len(), Vec::new()),
        Err(kb::InvalidData(problems)) => (0, problems),
    };
    Validation {
        files: files.len(),
        builtin: sources.builtin,
        roles,
        problems,
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
        if self.is_clean() {
            return Document {
                title: format!("ok: {files}{over}, {} roles, no problems", self.roles),
                ..Document::default()
            };
        }
        let count = self.problems.len();
        let lines = self.problems.iter().map(ToString::to_string).collect();
        Document {
            title: format!(
                "{count} problem{} in {files}{over}",
                if count == 1 { "" } else { "s" }
            ),
            sections: vec![Section::new("").listing(lines)],
            ..Document::default()
        }
    }

    /// One row per problem, for spreadsheets and CI annotations.
    fn records(&self) -> Records {
        Records {
            header: vec!["file", "line", "column", "key", "message"],
            rows: self
                .problems
                .iter()
                .map(|p| {
                    vec![
                        p.file.clone(),
                        p.line.to_string(),
                        p.column.to_string(),
                        p.key.clone(),
                        p.message.clone(),
                    ]
                })
                .collect(),
        }
    }
}
