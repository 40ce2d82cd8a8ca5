//! `rolecmp init`: a role file to start from (a neutral template, or a copy of an existing
//! role), and a sources file beside it when there is none, written without overwriting.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::Serialize;

use crate::model::{
    Collaboration, Dispute, Facing, Fact, Focus, Headlines, IndustryExample, KnowledgeBase, Nature,
    Position, ReportingLine, Responsibility, Role,
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
# often, partly, or some-firms, as far as the facts go.
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
#   # with: another role's id; relation: overlap | collaboration | combined (one person may hold both posts)
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
struct RoleFile<'a> {
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
    relation: crate::model::Relation,
    #[serde(skip_serializing_if = "Option::is_none")]
    area: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    prevalence: Option<crate::model::Prevalence>,
    text: &'a str,
    sources: &'a [String],
    evidence: &'a [crate::model::Excerpt],
}

/// Role `id` written as a copy of `from`: every fact with its citations. A copy under
/// another id gets a TODO title and no aliases, since answering to the names of `from`
/// would make them find two roles.
pub fn copy_of(id: &str, from: &Role) -> Result<String> {
    let shipped = from
        .id
        .strip_prefix(super::BUILTIN_PREFIX)
        .unwrap_or(&from.id);
    let same = shipped == id;
    let title = super::shipped_name(&from.title);
    let file = RoleFile {
        id,
        title: if same {
            title.to_owned()
        } else {
            format!("TODO the role's full title (copied from the {title})")
        },
        aliases: if same {
            from.aliases
                .iter()
                .map(|alias| super::shipped_name(alias).to_owned())
                .collect()
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
    let body = super::to_yaml(&file).context("cannot write the role as YAML")?;
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

/// What `init` wrote and what the user should know about it.
#[derive(Debug)]
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
}

/// Writes role `id` into `dir` (created if missing): a copy of `from`, or the template;
/// and a `sources.yaml` when the folder (or, for a `roles/` folder, its parent) has none.
/// Refuses to overwrite anything.
pub fn init(kb: &KnowledgeBase, id: &str, dir: &Path, from: Option<&Role>) -> Result<Created> {
    let text = match from {
        Some(from) => copy_of(id, from)?,
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
    let schema =
        serde_json::to_string_pretty(&super::schema::schema(super::schema::FileKind::Role))
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
    if let Ok(existing) = kb.role(id)
        && existing.id == id
    {
        notes.push(format!(
            "'{id}' is already a role ({}): this file replaces it, and none of its facts, industries or disputes are kept unless the file has them. To change only some of its fields, add `extends: builtin` (or `extends: {id}`) to the file and delete what you do not change.",
            existing.title
        ));
    }
    Ok(Created {
        role,
        sources,
        schema,
        folder,
        notes,
    })
}

/// Writes `text` to a new file at `path`; refuses to overwrite.
fn write_new(path: &Path, text: &str) -> Result<PathBuf> {
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
