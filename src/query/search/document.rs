//! The document of a search: the facts found, grouped by role, each with how it matched;
//! and when nothing matched, why, what was looked at, and what to try instead.

use std::fmt::Write as _;

use super::{FoundFact, MatchKind, SHOWN_APART, SHOWN_QUERY, SHOWN_VIA, SearchResults};
use crate::query::facts::placed_record;
use crate::report::labels::{heading, shown_name};
use crate::report::parts::{FACT_HEADER, citations};
use crate::report::{Cell, Document, Records, Report, Section as DocSection};

impl SearchResults {
    fn shown_query(&self) -> String {
        if self.query.chars().count() <= SHOWN_QUERY {
            return self.query.clone();
        }
        let start: String = self.query.chars().take(SHOWN_QUERY).collect();
        format!("{start}\u{2026}")
    }

    /// What was searched, in one line: "searched: cio report cto; roles: CIO, CTO".
    fn searched_line(&self) -> String {
        let mut line = format!("searched: {}", self.searched.words.join(" "));
        if !self.searched.roles.is_empty() {
            let _ = write!(line, "; roles: {}", self.searched.roles.join(", "));
        }
        if !self.searched.ignored.is_empty() {
            let _ = write!(line, "; ignored: {}", self.searched.ignored.join(", "));
        }
        line
    }

    /// What a search that found nothing says: why, and what it looked at.
    fn no_matches(&self) -> String {
        let (roles, sources, recorded) = self.looked_at;
        // Of all the sources `list sources` counts: the others are cited only by what search
        // does not look in (occupations' figures and codes) or by other roles.
        let searched = format!(
            "Searched: every fact of {roles} role{}, drawn from {sources} of the {recorded} source{} recorded here; none of them addresses it.",
            if roles == 1 { "" } else { "s" },
            if recorded == 1 { "" } else { "s" },
        );
        // After the first sentence, which says what was not found; before any advice.
        let why = self.why_nothing();
        match why.split_once(". ") {
            Some((first, rest)) => format!("{first}. {searched} {rest}"),
            None => format!("{why} {searched}"),
        }
    }

    fn why_nothing(&self) -> String {
        if !self.not_roles.is_empty() {
            let words = quoted(&self.not_roles);
            let suggestions = if self.suggestions.is_empty() {
                String::new()
            } else {
                format!(" Did you mean: {}?", self.suggestions.join(", "))
            };
            return format!(
                "No fact mentions {words}, and no role is named so: the roles are {}.{suggestions}",
                self.role_names.join(", ")
            );
        }
        if !self.suggestions.is_empty() {
            return format!(
                "No fact mentions {}. Did you mean: {}?",
                quoted(&self.unfound),
                self.suggestions.join(", ")
            );
        }
        if self.apart.len() > 1 {
            let mut words = self.apart[..self.apart.len().min(SHOWN_APART)].join(", ");
            if self.apart.len() > SHOWN_APART {
                let _ = write!(words, " and {} more", self.apart.len() - SHOWN_APART);
            }
            return format!(
                "No fact matches all of {words} together. Try fewer words, or quote a phrase."
            );
        }
        let words = if self.unfound.is_empty() {
            quoted(std::slice::from_ref(&self.shown_query()))
        } else {
            quoted(&self.unfound)
        };
        format!(
            "No fact mentions {words}. Try another word; `rolecmp list glossary` and `rolecmp list areas` show the terms used."
        )
    }
}

/// Words in typographic quotes, joined: “a”, “b” and “c”.
fn quoted(words: &[String]) -> String {
    let quoted: Vec<String> = words
        .iter()
        .map(|word| format!("\u{201c}{word}\u{201d}"))
        .collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

/// A table row of a fact found: its section, topic and text, and (`with_via`) how it matched
/// otherwise than by the words.
fn row(found: &FoundFact, with_via: bool) -> Vec<Cell> {
    let fact = &found.fact;
    let mut row = vec![
        Cell::label(heading(fact.section)),
        Cell::label(fact.topic.as_deref().unwrap_or("")),
        Cell::cited(&fact.text, &fact.sources),
    ];
    if with_via {
        let all = &found.matched.via;
        let mut via = all[..all.len().min(SHOWN_VIA)].join("; ");
        if all.len() > SHOWN_VIA {
            let _ = write!(via, "; and {} more", all.len() - SHOWN_VIA);
        }
        row.push(Cell::label(via));
    }
    row
}

fn is_direct(fact: &FoundFact) -> bool {
    matches!(fact.matched.kind, MatchKind::Words | MatchKind::Synonym)
}

impl Report for SearchResults {
    fn document(&self) -> Document {
        let mut title = format!("Search results for \u{201c}{}\u{201d}", self.shown_query());
        if let Some(industry) = &self.industry {
            // The title says what was searched: that industry's examples only.
            let _ = write!(title, " in {industry} examples");
        }
        let searched = DocSection::new("").note(self.searched_line());
        if self.roles.is_empty() {
            return Document {
                title,
                sections: vec![
                    searched,
                    DocSection::new("No matches").note(self.no_matches()),
                ],
                ..Document::default()
            };
        }
        // A column saying how each fact matched, where some did otherwise than by the words.
        let table = |heading: String, facts: Vec<&FoundFact>| {
            let with_via = facts.iter().any(|fact| !fact.matched.via.is_empty());
            let rows = facts.into_iter().map(|fact| row(fact, with_via)).collect();
            let header: &[&str] = if with_via {
                &["Section", "Topic", "Fact", "Matched"]
            } else {
                &["Section", "Topic", "Fact"]
            };
            DocSection::new(heading)
                .table(header, rows)
                .emphasize(&self.matched)
        };
        let mut sections = vec![searched];
        // Facts that say what was asked, by role; then those only filed where it points.
        for direct in [true, false] {
            for hits in &self.roles {
                let facts: Vec<&FoundFact> = hits
                    .facts
                    .iter()
                    .filter(|fact| is_direct(fact) == direct)
                    .collect();
                if facts.is_empty() {
                    continue;
                }
                let title = shown_name(&hits.role, &hits.title);
                let heading = if direct {
                    format!("{title} ({})", facts.len())
                } else {
                    format!(
                        "{title}, found only through their topic or section ({})",
                        facts.len()
                    )
                };
                sections.push(table(heading, facts));
            }
        }
        Document {
            title,
            sections,
            sources: citations(&self.sources),
        }
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
                        .map(|found| placed_record(&hits.role, &found.fact))
                })
                .collect(),
        }
    }
}
