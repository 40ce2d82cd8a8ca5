//! `rolecmp search`: every fact that mentions a text, grouped by role.

use serde::Serialize;

use super::{FACT_HEADER, Labels, PlacedFact, facts_of, placed_record, sources_section};
use crate::kb::KnowledgeBase;
use crate::model::Source;
use crate::report::{Cell, Document, Records, Report, Section as DocSection};

/// The facts of one role that match.
#[derive(Debug, Serialize)]
pub struct RoleHits {
    pub role: String,
    pub title: String,
    pub facts: Vec<PlacedFact>,
}

/// The answer to `search`.
#[derive(Debug, Serialize)]
pub struct SearchResults {
    pub query: String,
    pub roles: Vec<RoleHits>,
    pub sources: Vec<Source>,
}

/// Case-insensitive substring search over every fact's text and its topic (area, industry,
/// related role), so "security" also finds the facts filed under the Security area.
pub fn search(kb: &KnowledgeBase, query: &str) -> SearchResults {
    let needle = query.to_lowercase();
    let labels = Labels::new(kb);
    let matches = |text: &str| text.to_lowercase().contains(&needle);
    let roles: Vec<RoleHits> = kb
        .roles
        .iter()
        .map(|role| RoleHits {
            role: role.id.clone(),
            title: role.title.clone(),
            facts: facts_of(&labels, role)
                .into_iter()
                .filter(|fact| matches(&fact.text) || fact.topic.as_deref().is_some_and(matches))
                .collect(),
        })
        .filter(|hits| !hits.facts.is_empty())
        .collect();
    let mut cited: Vec<String> = roles
        .iter()
        .flat_map(|r| r.facts.iter().flat_map(|f| f.sources.clone()))
        .collect();
    cited.sort();
    cited.dedup();
    let sources = kb
        .sources
        .iter()
        .filter(|s| cited.contains(&s.id))
        .cloned()
        .collect();
    SearchResults {
        query: query.to_owned(),
        roles,
        sources,
    }
}

impl Report for SearchResults {
    fn document(&self) -> Document {
        let title = format!("Facts that mention \u{201c}{}\u{201d}", self.query);
        if self.roles.is_empty() {
            let section = DocSection::new("No matches").note(format!(
                "No fact mentions \u{201c}{}\u{201d}. Try a shorter word, or `rolecmp list areas` for the terms used.",
                self.query
            ));
            return Document {
                title,
                sections: vec![section],
            };
        }
        let mut sections: Vec<DocSection> = self
            .roles
            .iter()
            .map(|hits| {
                let rows = hits
                    .facts
                    .iter()
                    .map(|fact| {
                        vec![
                            Cell::label(fact.section.heading()),
                            Cell::label(fact.topic.as_deref().unwrap_or("")),
                            Cell::cited(&fact.text, &fact.sources),
                        ]
                    })
                    .collect();
                DocSection::new(format!("{} ({})", hits.title, hits.facts.len()))
                    .table(&["Section", "Topic", "Fact"], rows)
            })
            .collect();
        sections.push(sources_section(&self.sources));
        Document { title, sections }
    }

    fn records(&self) -> Records {
        Records {
            header: FACT_HEADER.to_vec(),
            rows: self
                .roles
                .iter()
                .flat_map(|hits| {
                    hits.facts
                        .iter()
                        .map(|fact| placed_record(&hits.role, fact))
                })
                .collect(),
        }
    }
}
