//! The knowledge base: the data files loaded, checked and indexed for lookup by name.

mod diagnostic;
mod load;
pub mod lookup;
pub mod raw;
mod yaml;

pub use diagnostic::{Diagnostic, InvalidData};
pub use load::{DataFile, load};
pub use lookup::UnknownName;
pub use yaml::MAX_FILE_BYTES;
pub use yaml::to_string as to_yaml;

use crate::model::{Role, Source, Term};

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));
}

/// Every role, source and vocabulary entry rolecmp knows, checked and ready to query.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    pub sources: Vec<Source>,
    pub industries: Vec<Term>,
    pub areas: Vec<Term>,
    pub roles: Vec<Role>,
}

/// The data files compiled into the binary, named as they are in the repository.
pub fn builtin_files() -> Vec<DataFile> {
    builtin::FILES
        .iter()
        .map(|(name, text)| DataFile {
            name: format!("data/{name}"),
            text: (*text).to_owned(),
            origin: "built-in".to_owned(),
        })
        .collect()
}

impl KnowledgeBase {
    /// The knowledge base shipped in the binary.
    pub fn builtin() -> Result<Self, InvalidData> {
        load(&builtin_files())
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
