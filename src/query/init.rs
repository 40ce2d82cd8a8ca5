//! `rolecmp init`: writes a role file to start from (and a sources file and the schema beside
//! it), never overwriting anything, and reports what it wrote and what to run next.

mod template;

use std::borrow::Cow;
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::Serialize;

use crate::error::Error;
use crate::kb::schema::{FileKind, schema};
use crate::kb::{InvalidData, KnowledgeBase, files};
use crate::model::Role;
use crate::report::{Document, Records, Report, Section};
pub use template::{RoleFile, Yaml};
use template::{SCHEMA_FILE, SOURCES_TEMPLATE, copy_of, role_template};

/// Whether `id` can name a new role, or why not: it is also the file's name, so it is held to
/// what makes a portable one.
pub fn usable_id(id: &str) -> Result<(), String> {
    if template::is_valid_id(id) {
        return Ok(());
    }
    Err(format!(
        "'{id}' is not a usable role id: use lower-case letters, digits and dashes, such as 'ciso'"
    ))
}

/// The knowledge base `init` looks at. A half-filled file in the user's data must not stop
/// them starting the next one: unless a role is copied (`from`), the built-in roles are
/// enough to warn of a replacement.
pub fn knowledge(sources: &files::Sources, from: bool) -> Result<KnowledgeBase, InvalidData> {
    match KnowledgeBase::layered(sources) {
        Err(_) if !from => Ok(KnowledgeBase::builtin().unwrap_or_default()),
        layered => layered,
    }
}

/// What `init` wrote and what the user should know about it.
#[derive(Debug, Serialize)]
pub struct Created {
    pub role: PathBuf,
    /// The sources file written beside the role file, when the folder had none.
    pub sources: Option<PathBuf>,
    /// The role file's JSON Schema written beside it, when the folder had none.
    pub schema: Option<PathBuf>,
    /// The folder to validate: the one holding the sources file the role file cites.
    pub folder: PathBuf,
    /// Notes for the user, such as the built-in role the file replaces.
    pub notes: Vec<String>,
    /// Whether the role file is a copy of a role, rather than the template.
    pub copied: bool,
}

/// Writes role `id` into `dir` (created if missing): a copy of `from` (written as YAML by
/// `yaml`), or the template; a `sources.yaml` when the folder (or, for a `roles/` folder, its
/// parent) has none; and the role file's schema. Refuses to overwrite anything.
pub fn init(
    kb: &KnowledgeBase,
    id: &str,
    dir: &Path,
    from: Option<&Role>,
    yaml: Yaml,
) -> Result<Created, Error> {
    let text = match from {
        Some(from) => copy_of(id, from, yaml).context("cannot write the role as YAML")?,
        None => role_template(id),
    };
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let role = write_new(&dir.join(format!("{id}.yaml")), &text)?;
    let mut folders = vec![dir.to_owned()];
    if dir.file_name().is_some_and(|name| name == "roles")
        && let Some(parent) = dir.parent()
    {
        folders.push(parent.to_owned());
    }
    let with_sources = folders.iter().find(|folder| {
        ["sources.yaml", "sources.yml"]
            .iter()
            .any(|name| folder.join(name).exists())
    });
    let (sources, folder) = match with_sources {
        // A `roles/` folder is read with its parent: validating the parent reads both.
        Some(folder) => (None, folder.clone()),
        None => (
            Some(write_new(&dir.join("sources.yaml"), SOURCES_TEMPLATE)?),
            dir.to_owned(),
        ),
    };
    let mut notes = Vec::new();
    let schema_path = dir.join(SCHEMA_FILE);
    let schema = serde_json::to_string_pretty(schema(FileKind::Role))
        .context("cannot write the role schema as JSON")?;
    let schema = match std::fs::read_to_string(&schema_path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            Some(write_new(&schema_path, &format!("{schema}\n"))?)
        }
        Ok(existing) if existing.trim_end() == schema => None,
        _ => {
            notes.push(format!(
                "{} is not this version's role schema: refresh it with: rolecmp schema > {}",
                schema_path.display(),
                schema_path.display()
            ));
            None
        }
    };
    if let Ok(at) = kb.roles.binary_search_by(|role| role.id.as_str().cmp(id)) {
        notes.push(format!(
            "'{id}' is already a role ({}): this file replaces it, and none of its facts, industries or disputes are kept unless the file has them. To change only some of its fields, add `extends: builtin` (or `extends: {id}`) to the file and delete what you do not change.",
            kb.roles[at].title
        ));
    }
    Ok(Created {
        role,
        sources,
        schema,
        folder,
        notes,
        copied: from.is_some(),
    })
}

/// Writes `text` to a new file at `path`; refuses to overwrite.
fn write_new(path: &Path, text: &str) -> anyhow::Result<PathBuf> {
    let mut file = match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            bail!(
                "{} already exists: rolecmp init never overwrites a file; edit it, or choose another --dir",
                path.display()
            )
        }
        Err(error) => {
            return Err(error).with_context(|| format!("cannot create {}", path.display()));
        }
    };
    file.write_all(text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path.to_owned())
}

impl Created {
    /// What `init` says, line by line: each file created, each note, and what to do next.
    fn lines(&self) -> Vec<(&'static str, String)> {
        let created = std::iter::once(&self.role)
            .chain(&self.sources)
            .chain(&self.schema);
        let mut lines: Vec<(&str, String)> = created
            .map(|path| ("created", path.display().to_string()))
            .collect();
        lines.extend(self.notes.iter().map(|note| ("note", note.clone())));
        let what = if self.copied {
            "edit it"
        } else {
            "fill in each TODO"
        };
        let folder = self.folder.to_string_lossy();
        let quoted = shlex::try_quote(&folder).unwrap_or(Cow::Borrowed(&folder));
        lines.push((
            "next",
            format!("{what}, then run: rolecmp validate {quoted}"),
        ));
        lines
    }
}

impl Report for Created {
    /// No title: a few lines a person reads once, in the terminal they typed `init` in.
    fn document(&self) -> Document {
        let lines = self
            .lines()
            .into_iter()
            .map(|(kind, text)| match kind {
                "created" => format!("created {text}"),
                _ => format!("{kind}: {text}"),
            })
            .collect();
        Document {
            sections: vec![Section::new("").listing(lines)],
            ..Document::default()
        }
    }

    fn records(&self) -> Records {
        Records {
            header: vec!["kind", "text"],
            rows: self
                .lines()
                .into_iter()
                .map(|(kind, text)| vec![kind.to_owned(), text])
                .collect(),
        }
    }
}
