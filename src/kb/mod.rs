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
mod structure;
pub mod template;
mod yaml;

pub use diagnostic::{Diagnostic, InvalidData};
pub use load::{DataFile, load, load_with_warnings};
pub use lookup::UnknownName;
use parse::map_files;
pub use yaml::MAX_FILE_BYTES;
pub use yaml::to_string as to_yaml;

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
        let shipped = base.as_ref().map(Self::shipped_roles).unwrap_or_default();
        let (data, problems) = read_all(&sources.paths());
        let mut kb = with_problems(load(base, &data), problems)?;
        kb.shipped = shipped;
        Ok(kb)
    }

    /// The roles of a built-in knowledge base as `builtin:` views: renamed so that they can
    /// stand beside the layered roles of the same id, and carrying the collaboration facts
    /// and disputes other built-in roles state about them, which layers may have changed.
    fn shipped_roles(builtin: &Self) -> Vec<Role> {
        builtin
            .roles
            .iter()
            .map(|role| {
                let mut view = role.clone();
                view.id = format!("{BUILTIN_PREFIX}{}", role.id);
                view.title = format!("{SHIPPED} {}", role.title);
                for alias in view.aliases.iter_mut().chain(&mut view.shared_aliases) {
                    *alias = format!("{SHIPPED} {alias}");
                }
                view.collaboration = role
                    .collaboration
                    .iter()
                    .cloned()
                    .chain(crate::model::mirrored(&builtin.roles, &role.id))
                    .collect();
                view.disputes = role
                    .disputes
                    .iter()
                    .cloned()
                    .chain(crate::model::shared_disputes(&builtin.roles, &role.id))
                    .collect();
                view
            })
            .collect()
    }

    /// A role by name: its exact id first, then its id, title or alias in any case; with
    /// `builtin:` in front, the role as shipped, whatever is layered over it.
    pub fn role(&self, name: &str) -> Result<&Role, UnknownName> {
        let Some(shipped) = name.strip_prefix(BUILTIN_PREFIX) else {
            return lookup::find(&self.roles, name, "role", false);
        };
        let views: Vec<Shipped> = self.shipped.iter().map(Shipped).collect();
        lookup::find(&views, shipped, "built-in role", false)
            .map(|view| view.0)
            .map_err(|mut error| {
                name.clone_into(&mut error.given);
                if error.valid.is_empty() {
                    error.valid.push(
                        "none, as --no-builtin leaves the built-in knowledge base out".to_owned(),
                    );
                }
                error
            })
    }

    /// The roles `names` name, in order, each looked up as [`KnowledgeBase::role`] does; every
    /// role's names are normalised once for all of them, so that naming thousands of roles
    /// (`matrix` of every title) costs time linear in the roles and names.
    pub fn roles_named(&self, names: &[String]) -> Result<Vec<&Role>, UnknownName> {
        let finder = lookup::Finder::new(&self.roles, "role", false);
        names
            .iter()
            .map(|name| {
                if name.starts_with(BUILTIN_PREFIX) {
                    self.role(name)
                } else {
                    finder.find(name)
                }
            })
            .collect()
    }

    /// The built-in version of a role (itself for a `builtin:` view), if it has one: for a
    /// role that started as a copy of another (`extends: cio`), the built-in version of the
    /// role at the start of its chain of copies.
    pub fn shipped_version<'a>(&'a self, role: &'a Role) -> Option<&'a Role> {
        if role.id.starts_with(BUILTIN_PREFIX) {
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
            .iter()
            .find(|view| view.id.strip_prefix(BUILTIN_PREFIX) == Some(id))
    }

    /// The layered roles and those of `named` that are `builtin:` views: what a query that
    /// looks across roles (reporting lines, collaboration) has to look at.
    pub fn roles_with<'a>(&'a self, named: &[&'a Role]) -> impl Iterator<Item = &'a Role> {
        let mut views: Vec<&Role> = Vec::new();
        for role in named {
            // A view named twice (`graph builtin:cio builtin:CIO`) is looked at once.
            if role.id.starts_with(BUILTIN_PREFIX) && !views.iter().any(|v| v.id == role.id) {
                views.push(role);
            }
        }
        self.roles.iter().chain(views)
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

/// A role answers to its title, its aliases and the abbreviations it shares with other
/// roles; a shared one finds every role that has it, and so asks which is meant.
impl lookup::Named for Role {
    fn id(&self) -> &str {
        &self.id
    }
    fn other_names(&self) -> Vec<&str> {
        std::iter::once(self.title.as_str())
            .chain(self.aliases.iter().map(String::as_str))
            .chain(self.shared_aliases.iter().map(String::as_str))
            .collect()
    }
}

/// What a role name starts with to mean the role as shipped: `builtin:cio`.
pub const BUILTIN_PREFIX: &str = "builtin:";
/// What the title and aliases of a `builtin:` view start with, so that a gap analysis says
/// which column is the reference: "CIO vs Built-in CIO".
const SHIPPED: &str = "Built-in";

/// A name of a `builtin:` view as the role was shipped: "Built-in CIO" → "CIO".
pub fn shipped_name(name: &str) -> &str {
    name.strip_prefix(SHIPPED).map_or(name, str::trim_start)
}

/// A `builtin:` view found by the names of the role as shipped (`builtin:CIO`).
struct Shipped<'a>(&'a Role);

impl lookup::Named for Shipped<'_> {
    fn id(&self) -> &str {
        self.0.id.strip_prefix(BUILTIN_PREFIX).unwrap_or(&self.0.id)
    }
    fn other_names(&self) -> Vec<&str> {
        std::iter::once(&self.0.title)
            .chain(&self.0.aliases)
            .chain(&self.0.shared_aliases)
            .map(|name| shipped_name(name))
            .collect()
    }
}
