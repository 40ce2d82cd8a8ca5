//! Loading, stage one: each data file's text parsed into its YAML shape (`raw`), on every
//! core, each file on its own. Nothing here knows about other files; layering and checking
//! take the parsed files from here.

use std::path::Path;

use rayon::prelude::*;
use serde_saphyr::Spanned;

use super::raw::{self, RawRole};
use super::schema::FileKind;
use super::schema::validate::Reference;
use super::{Diagnostic, yaml};

/// One data file's text and where it came from.
#[derive(Debug, Clone)]
pub struct DataFile {
    /// The path shown in messages (relative for built-in files: `data/roles/cto.yaml`).
    pub name: String,
    pub text: String,
    /// "built-in" or the path of the file, shown by `list`.
    pub origin: String,
}

/// What a data file holds, by the kind its name gives it.
#[derive(Debug)]
pub enum Document {
    Sources(raw::SourcesFile),
    Vocabulary(raw::VocabularyFile),
    Role(Box<RawRole>),
}

/// One file parsed: its document, or what could be read of it, and the problems found.
#[derive(Debug)]
pub struct Parsed<'f> {
    pub file: &'f DataFile,
    /// The whole document; for a file with a YAML syntax error, what the lines before the
    /// error hold, when they read as the file's kind.
    pub document: Option<Document>,
    /// Problems found while parsing: none when the file was read whole.
    pub problems: Vec<Diagnostic>,
    /// For a file that could not be read as its kind: the ids it refers to.
    pub references: Vec<Reference>,
    /// For a file that could not be read as its kind: its top-level `id:`.
    pub id: Option<Spanned<String>>,
    /// Lines of values a syntax error cut short (see `yaml::parse`).
    pub open: Vec<u64>,
}

impl Parsed<'_> {
    /// Whether the file was read whole, without a problem.
    pub fn is_whole(&self) -> bool {
        self.problems.is_empty()
    }

    /// The role of a file read whole, the only kind of role file that is layered.
    pub fn whole_role(&self) -> Option<&RawRole> {
        match &self.document {
            Some(Document::Role(role)) if self.is_whole() => Some(role),
            _ => None,
        }
    }
}

/// Parses every file, in order.
pub fn parse_all(files: &[DataFile]) -> Vec<Parsed<'_>> {
    // Parsing is most of the cost of a large knowledge base and each file stands alone, so
    // it runs on every core (see `map_files`).
    if files.len() < PARALLEL_FROM {
        files.iter().map(parse).collect()
    } else {
        files.par_iter().map(parse).collect()
    }
}

/// The kind of a data file follows from its name: `sources.yaml`, `industries.yaml`,
/// `areas.yaml`, `glossary.yaml`, `occupations.yaml` and `search.yaml` are shared lists; any
/// other YAML file
/// describes one role.
fn parse(file: &DataFile) -> Parsed<'_> {
    match base_name(&file.name).as_str() {
        "sources.yaml" | "sources.yml" => parsed(file, FileKind::Sources, Document::Sources),
        name if is_vocabulary(name) => parsed(file, FileKind::Vocabulary, Document::Vocabulary),
        _ => parsed(file, FileKind::Role, |role| Document::Role(Box::new(role))),
    }
}

fn parsed<T: serde::de::DeserializeOwned>(
    file: &DataFile,
    schema: FileKind,
    kind: impl Fn(T) -> Document,
) -> Parsed<'_> {
    match yaml::parse::<T>(&file.name, &file.text, schema) {
        Ok(document) => Parsed {
            file,
            document: Some(kind(document)),
            problems: Vec::new(),
            references: Vec::new(),
            id: None,
            open: Vec::new(),
        },
        Err(broken) => {
            let yaml::Broken {
                problems,
                references,
                id,
                partial,
                open,
            } = *broken;
            Parsed {
                file,
                document: partial.map(kind),
                problems,
                references,
                id,
                open,
            }
        }
    }
}

fn is_vocabulary(base_name: &str) -> bool {
    matches!(
        base_name,
        "industries.yaml"
            | "industries.yml"
            | "areas.yaml"
            | "areas.yml"
            | "glossary.yaml"
            | "glossary.yml"
            | "occupations.yaml"
            | "occupations.yml"
            | "search.yaml"
            | "search.yml"
    )
}

/// Whether a data file describes a role (rather than sources or a vocabulary).
pub fn is_role_file(name: &str) -> bool {
    let base = base_name(name);
    !(base == "sources.yaml" || base == "sources.yml" || is_vocabulary(&base))
}

fn base_name(name: &str) -> String {
    Path::new(name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The id a role file must have, from its path: `roles/cto.yaml` → `cto`.
pub fn file_stem(name: &str) -> String {
    Path::new(name)
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Fewer files than this are handled on the calling thread: starting the thread pool (two
/// threads, cgroup reads) costs more than a few small files take to read or parse.
const PARALLEL_FROM: usize = 8;

/// `f` over every file, on every core when there are enough files to gain from it.
pub fn map_files<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    if items.len() < PARALLEL_FROM {
        items.iter().map(f).collect()
    } else {
        items.par_iter().map(f).collect()
    }
}
