//! `rolecmp list`: what the knowledge base holds.

use serde::Serialize;

use super::sources_section;
use crate::kb::KnowledgeBase;
use crate::model::{Source, Term};
use crate::report::{Cell, Document, Report, Section};

/// What `list` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ListKind {
    /// Roles, with their aliases and where each was loaded from.
    #[default]
    Roles,
    /// Industries that have examples.
    Industries,
    /// Responsibility areas.
    Areas,
    /// Sources that facts cite.
    Sources,
}

#[derive(Debug, Serialize)]
pub struct RoleEntry {
    pub id: String,
    pub title: String,
    pub aliases: Vec<String>,
    pub origin: Vec<String>,
}

/// The answer to `list`: serialised as a plain array of entries.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Listing {
    Roles(Vec<RoleEntry>),
    Industries(Vec<Term>),
    Areas(Vec<Term>),
    Sources(Vec<Source>),
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
                            Cell::label(role.origin.join(", then ")),
                        ]
                    })
                    .collect(),
            ),
            Listing::Industries(terms) => terms_section("Industries", terms),
            Listing::Areas(terms) => terms_section("Responsibility areas", terms),
            Listing::Sources(sources) => sources_section(sources),
        };
        // The title names what is listed; a second heading would only repeat it.
        let title = std::mem::take(&mut section.heading);
        Document {
            title,
            sections: vec![section],
        }
    }
}
