//! `rolecmp list`: what the knowledge base holds.

use serde::Serialize;

use super::facts::cited_sources;
use crate::kb::KnowledgeBase;
use crate::model::{CodeLink, CodeSystem, Excerpt, GlossaryEntry, Layer, Source, SourceKind, Term};
use crate::report::labels::{code_link_label, code_system_label, short_name};
use crate::report::parts::{citations, sources_listing};
use crate::report::{Cell, Document, Records, Report, Section};

/// What `list` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

#[derive(Debug, Serialize)]
pub struct RoleEntry {
    pub id: String,
    pub title: String,
    pub aliases: Vec<String>,
    /// Abbreviations the role shares with other roles, which name no role alone.
    pub shared_aliases: Vec<String>,
    pub origin: Vec<Layer>,
}

/// One role's code in the crosswalk: the role, the occupation and how a source links them.
#[derive(Debug, Serialize)]
pub struct CodeRow {
    pub role: String,
    pub role_title: String,
    pub system: CodeSystem,
    pub code: String,
    /// Id of the occupation in the vocabulary.
    pub occupation: String,
    /// The occupation's title in the classification, when a source gives it.
    pub title: Option<String>,
    /// The classification's own address for the occupation (ESCO's concept URI).
    pub address: Option<String>,
    pub link: CodeLink,
    pub text: String,
    pub sources: Vec<String>,
    /// The words of the sources the link rests on.
    pub evidence: Vec<Excerpt>,
}

/// The crosswalk of codes across roles; serialised as the plain array of its rows.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Crosswalk {
    pub rows: Vec<CodeRow>,
    /// The sources the rows cite, for the table's Sources section.
    #[serde(skip)]
    pub sources: Vec<Source>,
    /// Short names of the roles, for the table.
    #[serde(skip)]
    names: std::collections::BTreeMap<String, String>,
}

/// The answer to `list`: serialised as a plain array of entries.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Listing {
    Roles(Vec<RoleEntry>),
    Industries(Vec<Term>),
    Areas(Vec<Term>),
    Sources(Vec<Source>),
    Glossary(Vec<GlossaryEntry>),
    Codes(Crosswalk),
}

pub fn list(kb: &KnowledgeBase, kind: ListKind) -> Listing {
    match kind {
        ListKind::Roles => Listing::Roles(
            kb.roles
                .iter()
                .map(|role| RoleEntry {
                    id: role.id.clone(),
                    title: role.title.clone(),
                    aliases: role.aliases.clone(),
                    shared_aliases: role.shared_aliases.clone(),
                    origin: role.origin.clone(),
                })
                .collect(),
        ),
        ListKind::Industries => Listing::Industries(kb.industries.clone()),
        ListKind::Areas => Listing::Areas(kb.areas.clone()),
        ListKind::Sources => Listing::Sources(kb.sources.clone()),
        ListKind::Glossary => Listing::Glossary(kb.glossary.clone()),
        ListKind::Codes => Listing::Codes(crosswalk(kb)),
    }
}

/// Every role's codes, role by role in id order, each code as the role file gives it.
fn crosswalk(kb: &KnowledgeBase) -> Crosswalk {
    let mut rows = Vec::new();
    for role in &kb.roles {
        for code in &role.codes {
            let occupation = kb.occupations.iter().find(|o| o.id == code.occupation);
            rows.push(CodeRow {
                role: role.id.clone(),
                role_title: role.title.clone(),
                system: occupation.map_or(CodeSystem::Isco08, |o| o.system),
                code: occupation.map_or_else(|| code.occupation.clone(), |o| o.code.clone()),
                occupation: code.occupation.clone(),
                title: occupation.and_then(|o| o.title.clone()),
                address: occupation.and_then(|o| o.address.clone()),
                link: code.link,
                text: code.text.clone(),
                sources: code.sources.clone(),
                evidence: code.evidence.clone(),
            });
        }
    }
    let with_codes: Vec<crate::model::Role> = kb
        .roles
        .iter()
        .filter(|role| !role.codes.is_empty())
        .map(|role| crate::model::Role {
            codes: role.codes.clone(),
            ..crate::model::Role::default()
        })
        .collect();
    Crosswalk {
        rows,
        sources: cited_sources(kb, &with_codes),
        names: kb
            .roles
            .iter()
            .map(|role| (role.id.clone(), short_name(role)))
            .collect(),
    }
}

fn terms_section(heading: &str, terms: &[Term]) -> Section {
    let rows = terms
        .iter()
        .map(|term| {
            vec![
                Cell::label(&term.id),
                Cell::label(&term.label),
                Cell::label(term.aliases.join(", ")),
                Cell::label(term.description.as_deref().unwrap_or("")),
            ]
        })
        .collect();
    Section::new(heading).table(&["Id", "Label", "Also matches", "Description"], rows)
}

impl Report for Listing {
    fn document(&self) -> Document {
        let mut section = match self {
            Listing::Roles(roles) => Section::new("Roles").table(
                &["Id", "Title", "Aliases", "Origin"],
                roles
                    .iter()
                    .map(|role| {
                        vec![
                            Cell::label(&role.id),
                            Cell::label(&role.title),
                            Cell::label(all_aliases(role)),
                            Cell::label(origin(&role.origin)),
                        ]
                    })
                    .collect(),
            ),
            Listing::Industries(terms) => terms_section("Industries", terms),
            Listing::Areas(terms) => terms_section("Responsibility areas", terms),
            Listing::Sources(sources) => sources_listing(sources),
            Listing::Codes(crosswalk) if crosswalk.rows.is_empty() => {
                Section::new("Occupation codes")
                    .note("No role has occupation codes: no source assigns one to any role here.")
            }
            Listing::Codes(crosswalk) => Section::new("Occupation codes").table(
                &[
                    "Role",
                    "Scheme",
                    "Code",
                    "Occupation",
                    "How the source links them",
                ],
                crosswalk
                    .rows
                    .iter()
                    .map(|row| {
                        vec![
                            Cell::label(
                                crosswalk
                                    .names
                                    .get(&row.role)
                                    .map_or(row.role.as_str(), String::as_str),
                            ),
                            Cell::label(code_system_label(row.system)),
                            Cell::label(&row.code),
                            Cell::label(row.title.as_deref().unwrap_or("—")),
                            Cell::cited(code_link_label(row.link), &row.sources),
                        ]
                    })
                    .collect(),
            ),
            Listing::Glossary(entries) => Section::new("Glossary").table(
                &["Term", "Stands for", "Description"],
                entries
                    .iter()
                    .map(|entry| {
                        vec![
                            Cell::label(&entry.term),
                            Cell::label(entry.expansions.join(", ")),
                            Cell::cited(entry.description.as_deref().unwrap_or(""), &entry.sources),
                        ]
                    })
                    .collect(),
            ),
        };
        // The title names what is listed; a second heading would only repeat it.
        let title = std::mem::take(&mut section.heading);
        let sources = match self {
            Listing::Codes(crosswalk) => citations(&crosswalk.sources),
            _ => Vec::new(),
        };
        Document {
            title,
            sections: vec![section],
            sources,
        }
    }

    /// The entries with the same fields as in JSON, lists joined with ", ".
    fn records(&self) -> Records {
        match self {
            Listing::Roles(roles) => Records {
                header: vec!["id", "title", "aliases", "origin"],
                rows: roles
                    .iter()
                    .map(|role| {
                        vec![
                            role.id.clone(),
                            role.title.clone(),
                            all_aliases(role),
                            origin(&role.origin),
                        ]
                    })
                    .collect(),
            },
            Listing::Industries(terms) | Listing::Areas(terms) => Records {
                header: vec!["id", "label", "aliases", "description"],
                rows: terms
                    .iter()
                    .map(|term| {
                        vec![
                            term.id.clone(),
                            term.label.clone(),
                            term.aliases.join(", "),
                            term.description.clone().unwrap_or_default(),
                        ]
                    })
                    .collect(),
            },
            Listing::Sources(sources) => Records {
                header: vec![
                    "id",
                    "title",
                    "kind",
                    "description",
                    "location",
                    "publisher",
                    "address",
                    "found_at",
                    "published",
                    "retrieved",
                    "licence",
                    "licence_note",
                    "attribution",
                ],
                rows: sources
                    .iter()
                    .map(|source| {
                        let text = |field: &Option<String>| field.clone().unwrap_or_default();
                        vec![
                            source.id.clone(),
                            source.title.clone(),
                            kind_id(source.kind).to_owned(),
                            source.description.clone(),
                            text(&source.location),
                            text(&source.publisher),
                            text(&source.address),
                            text(&source.found_at),
                            text(&source.published),
                            text(&source.retrieved),
                            text(&source.licence),
                            text(&source.licence_note),
                            text(&source.attribution),
                        ]
                    })
                    .collect(),
            },
            Listing::Codes(crosswalk) => code_records(crosswalk),
            Listing::Glossary(entries) => Records {
                header: vec!["id", "term", "expansions", "description", "sources"],
                rows: entries
                    .iter()
                    .map(|entry| {
                        vec![
                            entry.id.clone(),
                            entry.term.clone(),
                            entry.expansions.join(", "),
                            entry.description.clone().unwrap_or_default(),
                            entry.sources.join(", "),
                        ]
                    })
                    .collect(),
            },
        }
    }
}

/// A role's aliases, each shared abbreviation marked as shared: "CDO (shared)".
fn all_aliases(role: &RoleEntry) -> String {
    role.aliases
        .iter()
        .cloned()
        .chain(
            role.shared_aliases
                .iter()
                .map(|alias| format!("{alias} (shared)")),
        )
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where a role comes from, as a sentence: "built-in, extended by company/cio.yaml".
fn origin(layers: &[Layer]) -> String {
    layers
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The crosswalk as CSV rows: the same fields as its JSON, sources joined with ", ".
fn code_records(crosswalk: &Crosswalk) -> Records {
    Records {
        header: vec![
            "role",
            "role_title",
            "system",
            "code",
            "occupation",
            "title",
            "address",
            "link",
            "text",
            "sources",
        ],
        rows: crosswalk
            .rows
            .iter()
            .map(|row| {
                vec![
                    row.role.clone(),
                    row.role_title.clone(),
                    row.system.id().to_owned(),
                    row.code.clone(),
                    row.occupation.clone(),
                    row.title.clone().unwrap_or_default(),
                    row.address.clone().unwrap_or_default(),
                    link_id(row.link).to_owned(),
                    row.text.clone(),
                    row.sources.join(", "),
                ]
            })
            .collect(),
    }
}

/// The link as JSON spells it, so CSV and JSON agree.
fn link_id(link: CodeLink) -> &'static str {
    match link {
        CodeLink::Occupation => "occupation",
        CodeLink::AlternativeTitle => "alternative-title",
        CodeLink::SampleTitle => "sample-title",
        CodeLink::Example => "example",
        CodeLink::GroupTitle => "group-title",
        CodeLink::Group => "group",
    }
}

/// The kind as JSON spells it, so CSV and JSON agree.
fn kind_id(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Article => "article",
        SourceKind::GeneralKnowledge => "general-knowledge",
        SourceKind::Internal => "internal",
        SourceKind::Law => "law",
        SourceKind::Classification => "classification",
        SourceKind::Statistics => "statistics",
        SourceKind::Report => "report",
        SourceKind::Guidance => "guidance",
        SourceKind::BlogPost => "blog-post",
    }
}
