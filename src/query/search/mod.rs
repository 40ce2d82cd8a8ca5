//! `rolecmp search`: every fact that mentions a text, grouped by role.

use serde::Serialize;

use std::collections::BTreeSet;

use super::{FACT_HEADER, Labels, PlacedFact, each_fact, placed_record, sources_section};
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
    let needle = Needle::new(query);
    let labels = Labels::new(kb);
    let mut roles = Vec::new();
    for role in &kb.roles {
        let mut facts = Vec::new();
        each_fact(&labels, role, &mut |section, topic, text, sources| {
            if needle.is_in(text) || topic.is_some_and(|topic| needle.is_in(topic)) {
                facts.push(PlacedFact {
                    section,
                    topic: topic.map(str::to_owned),
                    text: text.to_owned(),
                    sources: sources.to_vec(),
                });
            }
        });
        if !facts.is_empty() {
            roles.push(RoleHits {
                role: role.id.clone(),
                title: role.title.clone(),
                facts,
            });
        }
    }
    let cited: BTreeSet<&str> = roles
        .iter()
        .flat_map(|r| {
            r.facts
                .iter()
                .flat_map(|f| f.sources.iter().map(String::as_str))
        })
        .collect();
    let sources = kb
        .sources
        .iter()
        .filter(|s| cited.contains(s.id.as_str()))
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

/// A search text, matched without regard to case and without allocating per fact.
struct Needle {
    lower: String,
}

impl Needle {
    fn new(query: &str) -> Self {
        Self {
            lower: query.to_lowercase(),
        }
    }

    fn is_in(&self, text: &str) -> bool {
        if self.lower.is_ascii() {
            // Byte-wise: a non-ASCII byte of the text can never equal an ASCII needle byte.
            let needle = self.lower.as_bytes();
            needle.is_empty()
                || text
                    .as_bytes()
                    .windows(needle.len())
                    .any(|window| window.eq_ignore_ascii_case(needle))
        } else {
            text.to_lowercase().contains(&self.lower)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Needle;

    #[test]
    fn matches_regardless_of_case_in_ascii_and_beyond() {
        assert!(Needle::new("Supply Chain").is_in("optimizing supply chain management"));
        assert!(!Needle::new("supply chains").is_in("supply chain"));
        assert!(Needle::new("ÉCOLE").is_in("une école"));
        assert!(Needle::new("café").is_in("Café au lait"));
    }
}
