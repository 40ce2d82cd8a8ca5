//! `rolecmp list`: what the knowledge base holds.

use serde::Serialize;

use crate::kb::KnowledgeBase;
use crate::model::{GlossaryEntry, Layer, Source, SourceKind, Term};
use crate::report::parts::sources_section;
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
}

#[derive(Debug, Serialize)]
pub struct RoleEntry {
    pub id: String,
    pub title: String,
    pub aliases: Vec<String>,
    pub origin: Vec<Layer>,
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
                    origin: role.origin.clone(),
                })
                .collect(),
        ),
        ListKind::Industries => Listing::Industries(kb.industries.clone()),
        ListKind::Areas => Listing::Areas(kb.areas.clone()),
        ListKind::Sources => Listing::Sources(kb.sources.clone()),
        ListKind::Glossary => Listing::Glossary(kb.glossary.clone()),
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
                            Cell::label(role.aliases.join(", ")),
                            Cell::label(origin(&role.origin)),
                        ]
                    })
                    .collect(),
            ),
            Listing::Industries(terms) => terms_section("Industries", terms),
            Listing::Areas(terms) => terms_section("Responsibility areas", terms),
            Listing::Sources(sources) => sources_section(sources),
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
        Document {
            title,
            sections: vec![section],
            ..Document::default()
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
                            role.aliases.join(", "),
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
                header: vec!["id", "title", "kind", "description", "location"],
                rows: sources
                    .iter()
                    .map(|source| {
                        vec![
                            source.id.clone(),
                            source.title.clone(),
                            kind_id(source.kind).to_owned(),
                            source.description.clone(),
                            source.location.clone().unwrap_or_default(),
                        ]
                    })
                    .collect(),
            },
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

/// Where a role comes from, as a sentence: "built-in, extended by company/cio.yaml".
fn origin(layers: &[Layer]) -> String {
    layers
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The kind as JSON spells it, so CSV and JSON agree.
fn kind_id(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Article => "article",
        SourceKind::GeneralKnowledge => "general-knowledge",
        SourceKind::Internal => "internal",
    }
}
