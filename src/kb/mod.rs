//! The knowledge base: the data files loaded, checked and indexed for lookup by name.

mod check;
mod diagnostic;
mod evidence;
pub mod files;
mod layer;
mod load;
pub mod lookup;
mod parse;
pub mod raw;
pub mod schema;
mod yaml;

pub use diagnostic::{Diagnostic, InvalidData};
pub use load::{DataFile, load, load_with_warnings};
pub use lookup::UnknownName;
use parse::map_files;
pub use yaml::MAX_FILE_BYTES;

pub use crate::model::KnowledgeBase;
use std::collections::HashMap;

use crate::model::{Collaboration, Dispute, Role, Shipped};

/// The built-in knowledge base, parsed and checked at build time (see build.rs) and embedded
/// in postcard's compact form: decoding it costs microseconds, parsing the YAML a millisecond.
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin.postcard"));

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
    // The same file reached twice (`ROLECMP_DATA=d rolecmp --data d`, a link) is one file,
    // loaded where it was last named: a later path shadows an earlier one. One path cannot
    // reach a file twice, so the common case pays for no extra system call.
    let identities: Vec<Option<std::path::PathBuf>> = found
        .iter()
        .map(|file| {
            (paths.len() > 1)
                .then(|| std::fs::canonicalize(file).ok())
                .flatten()
        })
        .collect();
    let mut last = std::collections::HashMap::new();
    for (index, identity) in identities.iter().enumerate() {
        if let Some(identity) = identity {
            last.insert(identity, index);
        }
    }
    let found: Vec<&std::path::PathBuf> = found
        .iter()
        .zip(&identities)
        .enumerate()
        .filter(|(index, (_, identity))| {
            identity
                .as_ref()
                .is_none_or(|identity| last.get(identity) == Some(index))
        })
        .map(|(_, (file, _))| file)
        .collect();
    // Thousands of small files: reading them on every core hides the system-call latency.
    let read: Vec<Result<DataFile, Diagnostic>> = map_files(&found, |file| files::read(file));
    let mut data = Vec::with_capacity(read.len());
    for result in read {
        match result {
            Ok(file) => data.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    (data, problems)
}

/// A load result with the problems found before loading (unreadable files) among its own,
/// sorted by file and line.
pub fn with_problems(
    loaded: Result<KnowledgeBase, InvalidData>,
    mut problems: Vec<Diagnostic>,
) -> Result<KnowledgeBase, InvalidData> {
    match loaded {
        Ok(kb) if problems.is_empty() => Ok(kb),
        Ok(_) => Err(InvalidData(load::sorted(problems))),
        Err(InvalidData(more)) => {
            problems.extend(more);
            Err(InvalidData(load::sorted(problems)))
        }
    }
}

impl KnowledgeBase {
    /// The knowledge base shipped in the binary.
    pub fn builtin() -> Result<Self, InvalidData> {
        postcard::from_bytes(EMBEDDED).map_err(|error| {
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
        let mut kb = with_problems(load(base, &data), problems)?;
        if sources.builtin {
            kb.shipped = Shipped::new(shipped_roles);
        }
        Ok(kb)
    }

    /// The built-in version of a role (itself for a role as shipped), if it has one: for a
    /// role that started as a copy of another (`extends: cio`), the built-in version of the
    /// role at the start of its chain of copies.
    pub fn shipped_version<'a>(&'a self, role: &'a Role) -> Option<&'a Role> {
        if role.shipped_under().is_some() {
            return Some(role);
        }
        let mut id = role.id.as_str();
        // Loading refuses a circle of copies; the bound only keeps a hand-made one finite.
        for _ in 0..=self.roles.len() {
            let copied = self
                .roles
                .binary_search_by(|other| other.id.as_str().cmp(id))
                .ok()
                .and_then(|at| self.roles[at].origin.first())
                .filter(|layer| layer.file != crate::model::BUILT_IN)
                .and_then(|layer| layer.base.as_deref());
            match copied {
                Some(base) => id = base,
                None => break,
            }
        }
        self.shipped
            .roles()
            .iter()
            .find(|shipped| shipped.shipped_under() == Some(id))
    }

    /// The layered roles and those of `named` that are roles as shipped: what a query that
    /// looks across roles (reporting lines, collaboration) has to look at.
    pub fn roles_with<'a>(&'a self, named: &[&'a Role]) -> impl Iterator<Item = &'a Role> {
        let mut shipped: Vec<&Role> = Vec::new();
        for role in named {
            // A role named twice (`graph builtin:cio builtin:CIO`) is looked at once.
            if role.shipped_under().is_some() && !shipped.iter().any(|s| s.id == role.id) {
                shipped.push(role);
            }
        }
        self.roles.iter().chain(shipped)
    }
}

/// The built-in roles as shipped, for `builtin:` names: each under the id `builtin:ID`, so
/// that it can stand beside the layered role of its id, and carrying the collaboration facts
/// and disputes other built-in roles state about it, which layers may have changed. Made
/// from the embedded data again, in one pass over its roles, only when a command asks.
fn shipped_roles() -> Vec<Role> {
    let Ok(builtin) = KnowledgeBase::builtin() else {
        return Vec::new();
    };
    // What each role states about others, by the other's id, in the order of the roles.
    let mut links: HashMap<String, Vec<Collaboration>> = HashMap::new();
    let mut disputes: HashMap<String, Vec<Dispute>> = HashMap::new();
    for role in &builtin.roles {
        for link in role
            .collaboration
            .iter()
            .filter(|link| link.with != role.id)
        {
            links
                .entry(link.with.clone())
                .or_default()
                .push(Collaboration {
                    with: role.id.clone(),
                    ..link.clone()
                });
        }
        for dispute in &role.disputes {
            let mut concerned: Vec<&String> = Vec::new();
            for with in dispute.with.iter().filter(|with| **with != role.id) {
                if !concerned.contains(&with) {
                    concerned.push(with);
                    disputes
                        .entry(with.clone())
                        .or_default()
                        .push(dispute.clone());
                }
            }
        }
    }
    builtin
        .roles
        .into_iter()
        .map(|mut role| {
            role.collaboration
                .extend(links.remove(&role.id).unwrap_or_default());
            role.disputes
                .extend(disputes.remove(&role.id).unwrap_or_default());
            role.id = crate::model::shipped_id(&role.id);
            role
        })
        .collect()
}
