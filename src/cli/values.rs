//! The value sets of the command line, each a `ValueEnum` whose doc comments are its help
//! text, and the domain value each name stands for: `--format markdown` is a
//! `render::Format::Markdown` by the time anything but clap sees it.

use clap::ValueEnum;
use clap::builder::{EnumValueParser, TypedValueParser};

use crate::kb::schema;
use crate::query::{list, origin};
use crate::{model, render};

/// A value set of the command line and the domain enum it stands for, variant for variant,
/// both ways.
macro_rules! same_variants {
    ($clap:ident, $domain:ty, [$($variant:ident),* $(,)?]) => {
        impl From<$clap> for $domain {
            fn from(value: $clap) -> Self {
                match value {
                    $($clap::$variant => Self::$variant,)*
                }
            }
        }
        impl From<$domain> for $clap {
            fn from(value: $domain) -> Self {
                match value {
                    $(<$domain>::$variant => Self::$variant,)*
                }
            }
        }
    };
}

/// When to use colour.
// These doc comments are `--help` text, where backticks would show.
#[allow(clippy::doc_markdown)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it.
    #[default]
    Auto,
    /// Colour even in pipes and files.
    Always,
    /// Never colour.
    Never,
}

same_variants!(ColorChoice, render::Color, [Auto, Always, Never]);

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables for reading in a terminal, wrapped to its width.
    Table,
    /// GitHub-flavoured Markdown, for documents and wikis.
    Markdown,
    /// Pretty JSON with the sources of every fact, for scripts.
    Json,
    /// CSV (RFC 4180): one header row, then one row per fact or entry, for spreadsheets.
    Csv,
    /// YAML with the same fields as JSON.
    Yaml,
}

same_variants!(Format, render::Format, [Table, Markdown, Json, Csv, Yaml]);

/// Output formats of `graph`: a drawing language, or any of the formats of the other
/// commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Mermaid flowchart, which GitHub draws inside a mermaid code block.
    Mermaid,
    /// Graphviz DOT, for `dot -Tsvg`.
    Dot,
    /// The lines as a table, for reading in a terminal.
    Table,
    /// A fenced mermaid block and its legend as a list, to paste into a Markdown page.
    Markdown,
    /// Pretty JSON: roles, lines and their claims.
    Json,
    /// CSV: one row per claim.
    Csv,
    /// YAML with the same fields as JSON.
    Yaml,
}

same_variants!(
    GraphFormat,
    render::GraphFormat,
    [Mermaid, Dot, Table, Markdown, Json, Csv, Yaml]
);

/// What `list` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListKind {
    /// Roles, with their aliases and where each was loaded from.
    Roles,
    /// Industries that have examples.
    Industries,
    /// Responsibility areas.
    Areas,
    /// Sources that facts cite.
    Sources,
    /// Abbreviations and what they stand for; search finds either form.
    Glossary,
    /// Occupation codes across roles (O*NET-SOC, ISCO-08, ESCO, UK SOC 2020, ANZSCO), one row
    /// per role and code, each saying how its source links the role to the code.
    Codes,
}

same_variants!(
    ListKind,
    list::ListKind,
    [Roles, Industries, Areas, Sources, Glossary, Codes]
);

/// Which layer's facts `show --origin` keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Origin {
    /// Facts the built-in role does not have: what the company's files added or changed.
    Company,
    /// Facts the built-in role has too: what is kept of the reference.
    Builtin,
}

same_variants!(Origin, origin::Origin, [Company, Builtin]);

/// Which data file `schema` prints the schema of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FileKind {
    /// A role file, `<id>.yaml`.
    Role,
    /// `sources.yaml`.
    Sources,
    /// `industries.yaml`, `areas.yaml`, `glossary.yaml`, `occupations.yaml` or `search.yaml`.
    Vocabulary,
}

same_variants!(FileKind, schema::FileKind, [Role, Sources, Vocabulary]);

/// The parts of a role profile, as `--section` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Section {
    /// Short cited answers, one per dimension: what the default view shows.
    Headlines,
    /// Who the sources involve in each responsibility area (leads, shares, not named).
    Matrix,
    /// Definition and overview of the role.
    Summary,
    /// Primary focus: technology, information, data, ...
    Focus,
    /// Strategic or operational nature of the work.
    Nature,
    /// Internal or external orientation: who uses what the role owns.
    Facing,
    /// Responsibility areas and what each involves.
    Responsibilities,
    /// To whom the role reports, with every variant the sources name.
    Reporting,
    /// Background and qualifications.
    Background,
    /// Occupation codes the sources assign (O*NET-SOC, ISCO-08, ESCO, UK SOC, ANZSCO).
    Codes,
    /// Pay, jobs and entry requirements of the occupations the role's codes link to.
    #[value(alias = "labor-market")]
    LabourMarket,
    /// Examples of the role's duties by industry.
    Industries,
    /// Where the role overlaps and works with other roles.
    Collaboration,
    /// Questions on which the sources disagree.
    Disputes,
    /// The sources cited.
    Sources,
}

same_variants!(
    Section,
    model::Section,
    [
        Headlines,
        Matrix,
        Summary,
        Focus,
        Nature,
        Facing,
        Responsibilities,
        Reporting,
        Background,
        Codes,
        LabourMarket,
        Industries,
        Collaboration,
        Disputes,
        Sources,
    ]
);

/// A parser of the names of the value set `T` (a `ValueEnum`, with its help text) that gives
/// the domain value each one stands for: the rest of rolecmp never sees a clap type.
pub fn domain<T, D>() -> impl TypedValueParser<Value = D>
where
    T: ValueEnum + Clone + Send + Sync + 'static,
    D: From<T> + Clone + Send + Sync + 'static,
{
    EnumValueParser::<T>::new().map(D::from)
}
