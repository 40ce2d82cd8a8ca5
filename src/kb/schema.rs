//! `rolecmp schema`: JSON Schemas of the data files, generated from their raw types.

use super::raw::{RawRole, SourcesFile, VocabularyFile};

/// Which data file a schema is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum FileKind {
    /// A role file, `<id>.yaml`.
    #[default]
    Role,
    /// `sources.yaml`.
    Sources,
    /// `industries.yaml`, `areas.yaml`, `glossary.yaml`, `occupations.yaml` or `search.yaml`.
    Vocabulary,
}

/// The JSON Schema of a data file, for editors (yaml-language-server) and CI.
pub fn schema(kind: FileKind) -> schemars::Schema {
    match kind {
        FileKind::Role => schemars::schema_for!(RawRole),
        FileKind::Sources => schemars::schema_for!(SourcesFile),
        FileKind::Vocabulary => schemars::schema_for!(VocabularyFile),
    }
}
