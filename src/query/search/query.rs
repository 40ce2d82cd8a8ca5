//! A query as search understands it: clauses that must all match, each with the forms that
//! count as a match in a fact's text, and the topics, sections, kinds of collaboration and
//! roles whose facts match it without saying it.
//!
//! The names a query may hold are known in advance: glossary terms, role names, area and
//! industry names, section names and the intents of the search vocabulary ("boss" for the
//! reporting lines). Each name belongs to one or more groups of synonyms, built once in time
//! linear in the vocabularies; a clause is the union of its name's groups.

use std::collections::{HashMap, HashSet};

use super::words::Words;
use crate::kb::KnowledgeBase;
use crate::model::Relation;
use crate::model::Section;
use crate::report::labels::heading;

/// Forms longer than this are not looked for inside a query: no name is that long, and the
/// cap keeps recognising names linear in the length of the query.
const LONGEST_FORM: usize = 8;

/// One part of a query that a fact must match: a word, a quoted phrase, or a name such as
/// "artificial intelligence", with every way of matching it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The part as typed, for messages.
    pub shown: String,
    /// Key sequences, any of which matches in a fact's text (or in its topic's words).
    pub alternatives: Vec<Alternative>,
    /// Topics (area and industry labels) whose facts all match.
    pub topics: Vec<String>,
    /// Sections whose facts all match (an intent's, or a section's name typed).
    pub sections: Vec<Section>,
    /// Kinds of collaboration whose facts all match.
    pub relations: Vec<Relation>,
    /// Roles (positions in the knowledge base) whose facts all match: a role named in a
    /// query selects its facts, rather than being required in their text.
    pub roles: Vec<usize>,
    /// For a name of several words: its words, each a clause, searched instead when the name
    /// itself matches nothing ("technical leadership", an area no fact is filed under).
    pub words: Vec<Clause>,
    /// What makes two clauses the same, so that a query repeating a word costs nothing more.
    identity: Identity,
}

/// A form that counts as a clause in a fact's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternative {
    pub keys: Vec<String>,
    /// The form as the data writes it ("service-level agreement"), for saying how a fact
    /// matched.
    pub written: String,
    /// Whether it is what was typed, rather than a synonym of it.
    pub typed: bool,
    /// Whether it is how a fact states an intent ("report" for "boss"), rather than a synonym.
    pub mention: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Identity {
    /// A name: the groups it belongs to.
    Name(Vec<usize>),
    Word(String),
    Quoted(Vec<String>),
}

/// What a group of synonyms finds.
#[derive(Debug, Default)]
struct Group {
    /// Forms that count as any name of the group in a fact's text.
    forms: Vec<(Vec<String>, String)>,
    /// Whether the name typed counts in a fact's text too; an intent word does not: it stands
    /// for its intent ("both" is not looked for, the facts on one person in both posts are).
    literal: bool,
    /// Whether its forms are how facts state an intent.
    mentions: bool,
    topics: Vec<String>,
    sections: Vec<Section>,
    relations: Vec<Relation>,
    roles: Vec<usize>,
}

/// Names and what they stand for.
#[derive(Default)]
pub struct Synonyms {
    groups: Vec<Group>,
    /// Each name, as keys, and the groups it belongs to.
    names: HashMap<Vec<String>, Vec<usize>>,
    /// The keys of a name written with capitals, by those of its lower-case spelling: "it
    /// budgets" typed still finds "IT budgets" in a fact.
    capitalised: HashMap<Vec<String>, Vec<String>>,
}

impl Synonyms {
    /// Glossary entries and roles are synonyms both ways (CTO ↔ Chief Technology Officer),
    /// and a role's names find its facts; an area's or industry's label, id and aliases find
    /// the facts filed under it ("SLAs" finds those of IT operations management), but not one
    /// another in the text; a section's id and heading find its facts; an intent's words find
    /// the facts of its sections and relations, and those that say one of its mentions.
    pub fn new(
        kb: &KnowledgeBase,
        words: &Words,
        sections: impl IntoIterator<Item = Section>,
    ) -> Self {
        let mut synonyms = Self::default();
        for entry in &kb.glossary {
            let forms: Vec<&str> = std::iter::once(entry.term.as_str())
                .chain(entry.expansions.iter().map(String::as_str))
                .collect();
            synonyms.add(words, &forms, &forms, Group::literal());
        }
        for (position, role) in kb.roles.iter().enumerate() {
            let forms: Vec<&str> = [role.id.as_str(), role.title.as_str()]
                .into_iter()
                .chain(role.aliases.iter().map(String::as_str))
                .collect();
            let group = Group {
                roles: vec![position],
                ..Group::literal()
            };
            synonyms.add(words, &forms, &forms, group);
        }
        for term in kb.areas.iter().chain(&kb.industries) {
            let forms: Vec<&str> = [term.id.as_str(), term.label.as_str()]
                .into_iter()
                .chain(term.aliases.iter().map(String::as_str))
                .collect();
            let group = Group {
                topics: vec![term.label.clone()],
                ..Group::literal()
            };
            synonyms.add(words, &forms, &[], group);
        }
        // A section's name finds its facts, and those that say what its intents mention
        // ("reporting lines": "reports to").
        let mut mentioned: HashMap<Section, Vec<&str>> = HashMap::new();
        for intent in &kb.search_words.intents {
            for &part in &intent.sections {
                let list = mentioned.entry(part.into()).or_default();
                list.extend(intent.mentions.iter().map(String::as_str));
            }
        }
        for section in sections {
            let group = Group {
                sections: vec![section],
                mentions: true,
                ..Group::literal()
            };
            let stated = mentioned.get(&section).map_or(&[][..], Vec::as_slice);
            synonyms.add(words, &[section.id(), heading(section)], stated, group);
        }
        for intent in &kb.search_words.intents {
            let asked: Vec<&str> = intent.words.iter().map(String::as_str).collect();
            let stated: Vec<&str> = intent.mentions.iter().map(String::as_str).collect();
            let group = Group {
                literal: false,
                mentions: true,
                sections: intent.sections.iter().map(|&part| part.into()).collect(),
                relations: intent.relations.clone(),
                ..Group::default()
            };
            synonyms.add(words, &asked, &stated, group);
        }
        synonyms
    }

    /// A group whose names are `from` and whose forms in a fact are `to`: each form's keys
    /// are computed once, and each name points at the group, so the cost is linear in the
    /// names and forms however many there are.
    fn add(&mut self, words: &Words, from: &[&str], to: &[&str], mut group: Group) {
        let id = self.groups.len();
        let mut seen = HashSet::new();
        for form in to {
            let keys = words.keys(form);
            if !keys.is_empty() && seen.insert(keys.clone()) {
                group.forms.push((keys, (*form).to_owned()));
            }
        }
        self.groups.push(group);
        for form in from {
            let keys = words.keys(form);
            if keys.is_empty() || keys.len() > LONGEST_FORM {
                continue;
            }
            // "it strategy" typed in lower case still means the IT strategy; a single "it"
            // stays the pronoun.
            let lower = (keys.len() > 1 && form.chars().any(char::is_uppercase))
                .then(|| words.keys(&form.to_lowercase()))
                .filter(|lower| *lower != keys);
            if let Some(lower) = &lower {
                self.capitalised.insert(lower.clone(), keys.clone());
            }
            for variant in std::iter::once(keys).chain(lower) {
                let groups = self.names.entry(variant).or_default();
                if groups.last() != Some(&id) {
                    groups.push(id);
                }
            }
        }
    }
}

impl Group {
    fn literal() -> Self {
        Self {
            literal: true,
            ..Self::default()
        }
    }
}

/// A query taken apart.
#[derive(Debug, Default)]
pub struct Parsed {
    pub clauses: Vec<Clause>,
    /// Words left out as carrying no meaning (stop words), as typed.
    pub ignored: Vec<String>,
}

/// Splits a query into clauses: each quoted phrase is one, taken literally; outside quotes
/// each name the synonyms know (longest first) is one, with all it stands for, and each other
/// word is one, stop words left out unless nothing else is left. Identical clauses are kept
/// once.
pub fn parse(query: &str, words: &Words, synonyms: &Synonyms) -> Parsed {
    let mut clauses = Vec::new();
    let mut common = Vec::new();
    for (index, part) in query.split(['"', '\u{201c}', '\u{201d}']).enumerate() {
        if index % 2 == 1 {
            let keys = words.keys(part);
            if !keys.is_empty() {
                // Quoted words are taken literally: no synonyms, no topics.
                clauses.push(Clause::plain(
                    part.trim(),
                    keys.clone(),
                    Identity::Quoted(keys),
                ));
            }
            continue;
        }
        let mut typed = Vec::new();
        words.each(part, &mut |word, key| typed.push((word, key.to_owned())));
        let keys: Vec<String> = typed.iter().map(|(_, key)| key.clone()).collect();
        let mut at = 0;
        while at < keys.len() {
            let longest = LONGEST_FORM.min(keys.len() - at);
            let name = (1..=longest).rev().find_map(|length| {
                synonyms
                    .names
                    .get(&keys[at..at + length])
                    .map(|groups| (length, groups))
            });
            let Some((length, groups)) = name else {
                let (word, key) = &typed[at];
                let clause = Clause::plain(word, vec![key.clone()], Identity::Word(key.clone()));
                if words.is_stop(key) {
                    common.push(clause);
                } else {
                    clauses.push(clause);
                }
                at += 1;
                continue;
            };
            let span = &typed[at..at + length];
            let shown = span
                .iter()
                .map(|(word, _)| *word)
                .collect::<Vec<_>>()
                .join(" ");
            let mut clause = synonyms.clause(&shown, &keys[at..at + length], groups);
            if length > 1 {
                clause.words = span
                    .iter()
                    .filter(|(_, key)| !words.is_stop(key))
                    .map(|(word, key)| {
                        let one = std::slice::from_ref(key);
                        match synonyms.names.get(one) {
                            Some(groups) => synonyms.clause(word, one, groups),
                            None => Clause::plain(word, one.to_vec(), Identity::Word(key.clone())),
                        }
                    })
                    .collect();
            }
            clauses.push(clause);
            at += length;
        }
    }
    let ignored = if clauses.is_empty() {
        clauses = common;
        Vec::new()
    } else {
        let mut seen = HashSet::new();
        common
            .into_iter()
            .map(|clause| clause.shown)
            .filter(|word| seen.insert(word.to_lowercase()))
            .collect()
    };
    Parsed {
        clauses: kept_once(clauses),
        ignored,
    }
}

/// The clauses, each identical one kept once, in order.
pub fn kept_once(mut clauses: Vec<Clause>) -> Vec<Clause> {
    let mut seen = HashSet::new();
    clauses.retain(|clause| seen.insert(clause.identity.clone()));
    clauses
}

impl Synonyms {
    /// The clause for a name typed as `shown` (keys `typed`) that belongs to `groups`.
    fn clause(&self, shown: &str, typed: &[String], groups: &[usize]) -> Clause {
        let mut clause = Clause {
            shown: shown.to_owned(),
            alternatives: Vec::new(),
            topics: Vec::new(),
            sections: Vec::new(),
            relations: Vec::new(),
            roles: Vec::new(),
            words: Vec::new(),
            identity: Identity::Name(groups.to_vec()),
        };
        let mut seen: HashSet<&[String]> = HashSet::new();
        if groups.iter().any(|&group| self.groups[group].literal) {
            let capitalised = self.capitalised.get(typed).map(Vec::as_slice);
            for keys in std::iter::once(typed).chain(capitalised) {
                if seen.insert(keys) {
                    clause.alternatives.push(Alternative {
                        keys: keys.to_vec(),
                        written: shown.to_owned(),
                        typed: true,
                        mention: false,
                    });
                }
            }
        }
        for &id in groups {
            let group = &self.groups[id];
            for (keys, written) in &group.forms {
                if seen.insert(keys) {
                    clause.alternatives.push(Alternative {
                        keys: keys.clone(),
                        written: written.clone(),
                        typed: keys == typed,
                        mention: group.mentions,
                    });
                }
            }
            merge(&mut clause.topics, &group.topics);
            merge(&mut clause.sections, &group.sections);
            merge(&mut clause.relations, &group.relations);
            merge(&mut clause.roles, &group.roles);
        }
        clause
    }
}

/// Adds to `into` what `from` holds that it does not: lists of a name's few groups.
fn merge<T: Clone + PartialEq>(into: &mut Vec<T>, from: &[T]) {
    for item in from {
        if !into.contains(item) {
            into.push(item.clone());
        }
    }
}

impl Clause {
    /// A clause matching its keys only, as typed.
    fn plain(shown: &str, keys: Vec<String>, identity: Identity) -> Self {
        Self {
            shown: shown.to_owned(),
            alternatives: vec![Alternative {
                keys,
                written: shown.to_owned(),
                typed: true,
                mention: false,
            }],
            topics: Vec::new(),
            sections: Vec::new(),
            relations: Vec::new(),
            roles: Vec::new(),
            words: Vec::new(),
            identity,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::search::searched_sections;

    fn parsed(query: &str) -> Parsed {
        let kb = KnowledgeBase::builtin().unwrap();
        let words = Words::new(
            kb.glossary.iter().map(|entry| entry.term.as_str()),
            &kb.search_words,
        );
        let synonyms = Synonyms::new(&kb, &words, searched_sections());
        parse(query, &words, &synonyms)
    }

    fn shown(query: &str) -> Vec<String> {
        parsed(query)
            .clauses
            .into_iter()
            .map(|clause| clause.shown)
            .collect()
    }

    #[test]
    fn a_known_name_is_one_clause_with_its_synonyms() {
        let clauses = parsed("artificial intelligence tools").clauses;
        assert_eq!(clauses[0].shown, "artificial intelligence");
        assert_eq!(clauses[0].alternatives.len(), 2);
        assert_eq!(clauses[1].shown, "tools");
        assert_eq!(parsed("AI").clauses[0].alternatives.len(), 2);
    }

    #[test]
    fn stop_words_are_left_out_unless_nothing_else_is_left() {
        assert_eq!(shown("who does the CIO report to"), ["CIO", "report"]);
        assert_eq!(
            parsed("who does the CIO report to").ignored,
            ["who", "does", "the", "to"]
        );
        assert_eq!(shown("of the"), ["of", "the"]);
    }

    #[test]
    fn a_role_name_selects_the_role_and_an_intent_word_its_section() {
        let clauses = parsed("who is the CTO's boss").clauses;
        assert_eq!(clauses[0].roles.len(), 1);
        assert_eq!(clauses[1].sections, [Section::Reporting]);
        // "boss" is not looked for; what facts say for it is.
        assert!(
            clauses[1]
                .alternatives
                .iter()
                .all(|a| !a.typed && a.mention)
        );
    }

    #[test]
    fn a_quoted_phrase_is_one_clause_and_repeats_are_kept_once() {
        let clauses = parsed("\"health records\" x x").clauses;
        assert_eq!(clauses.len(), 2);
        assert_eq!(clauses[0].shown, "health records");
        assert_eq!(clauses[0].alternatives.len(), 1);
    }

    #[test]
    fn a_name_of_several_words_keeps_its_words_for_when_it_finds_nothing() {
        let clauses = parsed("technical leadership").clauses;
        assert_eq!(clauses.len(), 1);
        let words: Vec<&str> = clauses[0].words.iter().map(|c| c.shown.as_str()).collect();
        assert_eq!(words, ["technical", "leadership"]);
    }
}
