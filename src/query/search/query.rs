//! A query as search understands it: clauses that must all match, each with the forms that
//! count as a match (the words typed, and their synonyms from the glossary and vocabularies).

use std::collections::HashMap;

use super::words::{Words, is_stop_word};
use crate::kb::KnowledgeBase;

/// Forms longer than this are not looked for inside a query: no name is that long, and the
/// cap keeps recognising names linear in the length of the query.
const LONGEST_FORM: usize = 8;

/// One part of a query that a fact must match: a word, a quoted phrase, or a name such as
/// "artificial intelligence", with every form that counts as it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The part as typed, for messages.
    pub shown: String,
    /// Key sequences, any of which matches in a fact's text or topic; the first is what was
    /// typed.
    pub alternatives: Vec<Vec<String>>,
    /// Topics (area and industry labels) whose facts all match.
    pub topics: Vec<String>,
}

/// What a known form finds.
#[derive(Debug, Clone, Default)]
struct Found {
    alternatives: Vec<Vec<String>>,
    topics: Vec<String>,
}

/// Names and what they stand for: a form (as keys) and the forms a query for it also finds.
#[derive(Default)]
pub struct Synonyms {
    forms: HashMap<Vec<String>, Found>,
}

impl Synonyms {
    /// Glossary entries and roles are synonyms both ways (CTO ↔ Chief Technology Officer);
    /// an area's or industry's label, id and aliases find the facts filed under it ("SLAs"
    /// finds those of IT operations management), but not one another in the text.
    pub fn new(kb: &KnowledgeBase, words: &Words) -> Self {
        let mut synonyms = Self::default();
        for entry in &kb.glossary {
            let forms: Vec<&str> = std::iter::once(entry.term.as_str())
                .chain(entry.expansions.iter().map(String::as_str))
                .collect();
            synonyms.add(words, &forms, &forms, None);
        }
        for role in &kb.roles {
            let forms: Vec<&str> = [role.id.as_str(), role.title.as_str()]
                .into_iter()
                .chain(role.aliases.iter().map(String::as_str))
                .collect();
            synonyms.add(words, &forms, &forms, None);
        }
        for term in kb.areas.iter().chain(&kb.industries) {
            let forms: Vec<&str> = [term.id.as_str(), term.label.as_str()]
                .into_iter()
                .chain(term.aliases.iter().map(String::as_str))
                .collect();
            synonyms.add(words, &forms, &[], Some(&term.label));
        }
        synonyms
    }

    /// Each of `from` finds itself, every one of `to` and the facts filed under `topic`.
    fn add(&mut self, words: &Words, from: &[&str], to: &[&str], topic: Option<&str>) {
        let targets: Vec<Vec<String>> = to.iter().map(|form| words.keys(form)).collect();
        for form in from {
            let keys = words.keys(form);
            if keys.is_empty() || keys.len() > LONGEST_FORM {
                continue;
            }
            // "it strategy" typed in lower case still means the IT strategy; a single "it"
            // stays the pronoun.
            let mut variants = vec![keys];
            if variants[0].len() > 1 && form.chars().any(char::is_uppercase) {
                let lower = words.keys(&form.to_lowercase());
                if lower != variants[0] {
                    variants.push(lower);
                }
            }
            for variant in variants {
                let found = self.forms.entry(variant.clone()).or_default();
                for alternative in std::iter::once(&variant).chain(&targets) {
                    if !found.alternatives.contains(alternative) {
                        found.alternatives.push(alternative.clone());
                    }
                }
                if let Some(topic) = topic
                    && !found.topics.iter().any(|known| known == topic)
                {
                    found.topics.push(topic.to_owned());
                }
            }
        }
    }

    fn get(&self, keys: &[String]) -> Option<&Found> {
        self.forms.get(keys)
    }
}

/// Splits a query into clauses: each quoted phrase is one, taken literally; outside quotes
/// each name the synonyms know (longest first) is one, with its synonyms, and each other word is one, common words such as
/// "the" left out unless nothing else is left. Identical clauses are kept once.
pub fn parse(query: &str, words: &Words, synonyms: &Synonyms) -> Vec<Clause> {
    let mut clauses = Vec::new();
    let mut common = Vec::new();
    for (index, part) in query.split(['"', '\u{201c}', '\u{201d}']).enumerate() {
        if index % 2 == 1 {
            let keys = words.keys(part);
            if !keys.is_empty() {
                // Quoted words are taken literally: no synonyms, no topics.
                clauses.push(Clause {
                    shown: part.trim().to_owned(),
                    alternatives: vec![keys],
                    topics: Vec::new(),
                });
            }
            continue;
        }
        let mut typed = Vec::new();
        words.each(part, &mut |word, key| typed.push((word, key.to_owned())));
        let keys: Vec<String> = typed.iter().map(|(_, key)| key.clone()).collect();
        let mut at = 0;
        while at < keys.len() {
            let longest = LONGEST_FORM.min(keys.len() - at);
            let name = (1..=longest)
                .rev()
                .find_map(|length| synonyms.get(&keys[at..at + length]).map(|f| (length, f)));
            let (length, found) = match name {
                Some((length, found)) => (length, found.clone()),
                None => (
                    1,
                    Found {
                        alternatives: vec![vec![keys[at].clone()]],
                        topics: Vec::new(),
                    },
                ),
            };
            let shown = typed[at..at + length]
                .iter()
                .map(|(word, _)| *word)
                .collect::<Vec<_>>()
                .join(" ");
            let clause = Clause {
                shown,
                alternatives: found.alternatives,
                topics: found.topics,
            };
            if name.is_none() && is_stop_word(&keys[at]) {
                common.push(clause);
            } else {
                clauses.push(clause);
            }
            at += length;
        }
    }
    if clauses.is_empty() {
        clauses = common;
    }
    let mut seen = std::collections::HashSet::new();
    clauses.retain(|clause| seen.insert((clause.alternatives.clone(), clause.topics.clone())));
    clauses
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(query: &str) -> Vec<(String, usize)> {
        let kb = KnowledgeBase::builtin().unwrap();
        let words = Words::new(kb.glossary.iter().map(|entry| entry.term.as_str()));
        let synonyms = Synonyms::new(&kb, &words);
        parse(query, &words, &synonyms)
            .into_iter()
            .map(|clause| {
                (
                    clause.shown,
                    clause.alternatives.len() + clause.topics.len(),
                )
            })
            .collect()
    }

    #[test]
    fn a_known_name_is_one_clause_with_its_synonyms() {
        assert_eq!(
            parsed("artificial intelligence tools"),
            [
                ("artificial intelligence".to_owned(), 2),
                ("tools".to_owned(), 1)
            ]
        );
        assert_eq!(parsed("AI"), [("AI".to_owned(), 2)]);
    }

    #[test]
    fn common_words_are_left_out_unless_nothing_else_is_left() {
        assert_eq!(parsed("the role of the CDO")[0].0, "role");
        assert_eq!(parsed("the role of the CDO").len(), 2);
        assert_eq!(parsed("of the").len(), 2);
    }

    #[test]
    fn a_quoted_phrase_is_one_clause_and_repeats_are_kept_once() {
        assert_eq!(
            parsed("\"health records\" x x"),
            [("health records".to_owned(), 1), ("x".to_owned(), 1)]
        );
    }
}
