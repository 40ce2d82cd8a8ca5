//! The knowledge base: the data files loaded, checked and indexed for lookup by name.

mod diagnostic;
pub mod files;
mod load;
pub mod lookup;
pub mod raw;
pub mod schema;
pub mod template;
mod yaml;

pub use diagnostic::{Diagnostic, InvalidData};
pub use load::{DataFile, load};
pub use lookup::UnknownName;
pub use yaml::MAX_FILE_BYTES;
pub use yaml::to_string as to_yaml;

use rayon::prelude::*;

pub use crate::model::KnowledgeBase;
use crate::model::{Role, Source, Term};

/// The built-in knowledge base, parsed and checked at build time (see build.rs) and embedded
/// in postcard's compact form: decoding it costs microseconds, parsing the YAML a millisecond.
static BUILTIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin.postcard"));

/// Reads every data file the paths stand for, collecting problems instead of stopping.
pub fn read_all(paths: &[std::path::PathBuf]) -> (Vec<DataFile>, Vec<Diagnostic>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        match files::expand(path) {
            Ok(files) => found.extend(files),
            Err(problem) => problems.push(problem),
        }
    }
    // Thousands of small files: reading them on every core hides the system-call latency.
    let read: Vec<Result<DataFile, Diagnostic>> =
        found.par_iter().map(|file| files::read(file)).collect();
    let mut data = Vec::with_capacity(read.len());
    for result in read {
        match result {
            Ok(file) => data.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    (data, problems)
}

/// A load result with the problems found before loading (unreadable files) put first.
pub fn with_problems(
    loaded: Result<KnowledgeBase, InvalidData>,
    mut problems: Vec<Diagnostic>,
) -> Result<KnowledgeBase, InvalidData> {
    match loaded {
        Ok(kb) if problems.is_empty() => Ok(kb),
        Ok(_) => Err(InvalidData(problems)),
        Err(InvalidData(more)) => {
            problems.extend(more);
            Err(InvalidData(problems))
        }
    }
}

impl KnowledgeBase {
    /// The knowledge base shipped in the binary.
    pub fn builtin() -> Result<Self, InvalidData> {
        postcard::from_bytes(BUILTIN).map_err(|error| {
            // Only a build that embedded the data of another version could get here.
            InvalidData(vec![Diagnostic::whole_file(
                "built-in knowledge base",
                format!("cannot be decoded: {error}"),
            )])
        })
    }

    /// The knowledge base a command works on: the built-in one (unless left out) with the
    /// user's layers over it. Every problem in every file is reported together.
    pub fn layered(sources: &files::Sources) -> Result<Self, InvalidData> {
        let base = if sources.builtin {
            Some(Self::builtin()?)
        } else {
            None
        };
        let (data, problems) = read_all(&sources.paths());
        with_problems(load(base, &data), problems)
    }

    /// A role by id, title or alias, in any case.
    pub fn role(&self, name: &str) -> Result<&Role, UnknownName> {
        lookup::find(&self.roles, name, "role", false)
    }

    /// An industry by id, label, alias or unambiguous prefix.
    pub fn industry(&self, name: &str) -> Result<&Term, UnknownName> {
        lookup::find(&self.industries, name, "industry", true)
    }

    /// A responsibility area by id, label, alias or unambiguous prefix.
    pub fn area(&self, name: &str) -> Result<&Term, UnknownName> {
        lookup::find(&self.areas, name, "area", true)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|source| source.id == id)
    }

    /// The display label of an area or industry id (the id itself if it is unknown).
    pub fn label<'a>(terms: &'a [Term], id: &'a str) -> &'a str {
        terms
            .iter()
            .find(|term| term.id == id)
            .map_or(id, |term| term.label.as_str())
    }

    /// The title of a role id (the id itself if it is unknown).
    pub fn title<'a>(&'a self, id: &'a str) -> &'a str {
        self.roles
            .iter()
            .find(|role| role.id == id)
            .map_or(id, |role| role.title.as_str())
    }
}

impl lookup::Named for Role {
    fn id(&self) -> &str {
        &self.id
    }
    fn other_names(&self) -> Vec<&str> {
        std::iter::once(self.title.as_str())
            .chain(self.aliases.iter().map(String::as_str))
            .collect()
    }
}

impl lookup::Named for Term {
    fn id(&self) -> &str {
        &self.id
    }
    fn other_names(&self) -> Vec<&str> {
        std::iter::once(self.label.as_str())
            .chain(self.aliases.iter().map(String::as_str))
            .collect()
    }
}
