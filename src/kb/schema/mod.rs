//! The JSON Schemas of the data files, generated from their raw types (`raw`): what
//! `rolecmp schema` publishes for editors and CI, and what [`validate`] checks a file's YAML
//! tree against when it does not read as its type, for every problem with its place. One
//! schema, so the two cannot drift: a test holds them to agree on every key of every kind.

pub mod validate;

use std::sync::OnceLock;

use schemars::Schema;

use super::raw::{RawRole, SourcesFile, VocabularyFile};

/// Which data file a schema is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A role file, `<id>.yaml`.
    Role,
    /// `sources.yaml`.
    Sources,
    /// `industries.yaml`, `areas.yaml`, `glossary.yaml`, `occupations.yaml` or `search.yaml`.
    Vocabulary,
}

/// The JSON Schema of a data file, made once per run.
pub fn schema(kind: FileKind) -> &'static Schema {
    static SCHEMAS: [OnceLock<Schema>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    match kind {
        FileKind::Role => SCHEMAS[0].get_or_init(|| schemars::schema_for!(RawRole)),
        FileKind::Sources => SCHEMAS[1].get_or_init(|| schemars::schema_for!(SourcesFile)),
        FileKind::Vocabulary => SCHEMAS[2].get_or_init(|| schemars::schema_for!(VocabularyFile)),
    }
}

#[cfg(test)]
mod agree;
