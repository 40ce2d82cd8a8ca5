//! What `init` writes: a role file to start from (a neutral template, or a copy of an
//! existing role) and a sources file with one source to cite.

use serde::Serialize;

use crate::model::{
    Collaboration, Dispute, Excerpt, Facing, Fact, Focus, Headlines, IndustryExample, Nature,
    Position, Prevalence, Relation, ReportingLine, Responsibility, Role,
};

/// True for ids that make a portable file name: lower-case letters, digits and dashes.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The file `init` writes the role file's JSON Schema to, beside it, for editor completion.
pub const SCHEMA_FILE: &str = "role.schema.json";

/// The head of every role file `init` writes: how to check it and where sources go.
fn header(id: &str) -> String {
    format!(
        "# yaml-language-server: $schema={SCHEMA_FILE}
# Role file for '{id}'. Fill in each TODO, then check its folder with: rolecmp validate FOLDER
# (`rolecmp init` wrote {SCHEMA_FILE} beside this file for editor completion; after an
# upgrade, refresh it with: rolecmp schema > {SCHEMA_FILE})
# Every fact needs `sources:` ids from a sources.yaml; `init` wrote one with a `handbook`.
"
    )
}

/// The template for role `id`. Every text starts with TODO, which `validate` reports until
/// it is replaced, so a half-filled file cannot pass CI by accident. Nothing in it is about
/// any particular role, and the optional parts that name other roles are commented out, so
/// it never reports to or works with itself.
pub fn role_template(id: &str) -> String {
    // A CEO reports to a board, which is no role here; every other role may well report to
    // the CEO.
    let reporting = if id == "ceo" {
        "# reporting:
#   # to: a role id from `rolecmp list`; prevalence: usual | often | sometimes
#   - to: cfo
#     prevalence: usual
#     text: TODO to whom the role reports.
#     sources: [handbook]
"
    } else {
        "reporting:
  # to: a role id from `rolecmp list`; prevalence: usual | often | sometimes
  - to: ceo
    prevalence: usual
    text: TODO to whom the role reports.
    sources: [handbook]
"
    };
    format!(
        r#"{header}
id: {id}
title: TODO the role's full title
aliases: []  # other names it is found by, the short form first

# A fact may quote the words it rests on, so that a reader can find them (optional):
# `evidence: "..."`, or a list of quotes, for a fact with one source; with several sources
# each quote names its own: `evidence: [{{source: handbook, quote: "..."}}]`. `validate` checks
# each quote against its source's text when sources.yaml gives one (`text_file:`).
summary:
  - text: TODO one sentence on what the role is.
    sources: [handbook]
    # evidence: "the handbook's own words for it"

# Optional. A few cited words per dimension for the one-screen view of `show` and `compare`;
# a dimension left out shows its facts in full. Say no more than the facts below them do.
# headlines:
#   definition:
#     - text: ...
#       sources: [handbook]
#   (also focus, nature, facing, reporting, background, industries)

# Optional. focus: technology | information | data | security | product | finance | operations | business
# Leave `primary:` out where no one word is true.
# focus:
#   primary: technology
#   facts:
#     - text: ...
#       sources: [handbook]
# nature (strategic | operational | both) and facing (internal | external | both) work alike.

# Optional. area: an id from `rolecmp list areas`; involvement: responsible (the default),
# often, partly, or some-firms, as far as the facts go; a fact that hedges more sets its own.
# responsibilities:
#   - area: budgeting
#     involvement: responsible
#     facts:
#       - text: ...
#         sources: [handbook]

{reporting}
background:
  - text: TODO background and qualifications.
    sources: [handbook]

# Optional. Occupation codes a source assigns to the role. occupation: an id from
# `rolecmp list codes` (or your own occupations.yaml); link: occupation | alternative-title |
# sample-title | example | group-title | group, as the source ties them.
# codes:
#   - occupation: isco-1330
#     link: example
#     text: ...
#     sources: [handbook]

# industries:
#   - industry: healthcare   # an id from `rolecmp list industries`
#     areas: [security]      # areas its duties fall in: the matrix says "in some firms"
#     facts:
#       - text: ...
#         sources: [handbook]

# collaboration:
#   # with: another role's id; relation: overlap | collaboration | combined (one person may hold both posts) | comparison
#   - with: {other}
#     relation: collaboration
#     text: ...
#     sources: [handbook]
"#,
        header = header(id),
        other = if id == "cto" { "cio" } else { "cto" },
    )
}

/// A role file in the shape `validate` reads, for `init --from`.
#[derive(Serialize)]
pub struct RoleFile<'a> {
    id: &'a str,
    title: String,
    aliases: Vec<String>,
    headlines: &'a Headlines,
    summary: &'a [Fact],
    focus: &'a Option<Position<Focus>>,
    nature: &'a Option<Position<Nature>>,
    facing: &'a Option<Position<Facing>>,
    responsibilities: &'a [Responsibility],
    reporting: &'a [ReportingLine],
    background: &'a [Fact],
    industries: &'a [IndustryExample],
    collaboration: Vec<Link<'a>>,
    disputes: &'a [Dispute],
}

/// A collaboration fact as a role file writes it.
#[derive(Serialize)]
struct Link<'a> {
    with: &'a str,
    relation: Relation,
    #[serde(skip_serializing_if = "Option::is_none")]
    area: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    prevalence: Option<Prevalence>,
    text: &'a str,
    sources: &'a [String],
    evidence: &'a [Excerpt],
}

/// What writes a role file as YAML: the renderer's writer, handed down by the caller, as the
/// queries never call the renderers.
pub type Yaml<'w> = &'w dyn Fn(&RoleFile) -> std::io::Result<String>;

/// Role `id` written as a copy of `from`: every fact with its citations. A copy under
/// another id gets a TODO title and no aliases, since answering to the names of `from`
/// would make them find two roles.
pub fn copy_of(id: &str, from: &Role, yaml: Yaml) -> std::io::Result<String> {
    let same = from.shipped_under().unwrap_or(&from.id) == id;
    let file = RoleFile {
        id,
        title: if same {
            from.title.clone()
        } else {
            format!(
                "TODO the role's full title (copied from the {})",
                from.title
            )
        },
        aliases: if same {
            from.aliases.clone()
        } else {
            Vec::new()
        },
        headlines: &from.headlines,
        summary: &from.summary,
        focus: &from.focus,
        nature: &from.nature,
        facing: &from.facing,
        responsibilities: &from.responsibilities,
        reporting: &from.reporting,
        background: &from.background,
        industries: &from.industries,
        collaboration: from
            .collaboration
            .iter()
            .map(|link: &Collaboration| Link {
                with: &link.with,
                relation: link.relation,
                area: link.area.as_deref(),
                prevalence: link.prevalence,
                text: &link.text,
                sources: &link.sources,
                evidence: &link.evidence,
            })
            .collect(),
        disputes: &from.disputes,
    };
    let body = yaml(&file)?;
    Ok(format!(
        "{}# A copy of '{}': edit, add and delete facts; each keeps the sources it cites.\n{body}",
        header(id),
        from.id
    ))
}

/// A sources file with one source for the template's facts to cite.
pub const SOURCES_TEMPLATE: &str =
    "# Sources that facts cite by id. Fill in each TODO, then add your own documents.
sources:
  - id: handbook
    title: TODO the document your role facts come from, e.g. our engineering handbook
    kind: internal
    description: TODO one sentence on what the document covers.
    # text_file: handbook.txt   # its text beside this file, to check quoted evidence
";
