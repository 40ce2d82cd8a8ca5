//! `rolecmp search`: the facts that hold every word of a query, ranked, grouped by role.
//!
//! Words match whole words by their stems ([`words`]); abbreviations, role titles and
//! vocabulary aliases find what they stand for ([`query`]); one index of every fact's words,
//! built once per run ([`index`]), keeps the cost linear in the data plus the query.

mod index;
mod query;
mod words;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;

use serde::Serialize;

use super::{FACT_HEADER, Labels, PlacedFact, Section, citations, each_fact, placed_record};
use crate::kb::KnowledgeBase;
use crate::model::{Role, Source};
use crate::report::{Cell, Document, Records, Report, Section as DocSection};
use index::Index;
pub use index::TooLarge;
use query::{Clause, Synonyms};
use words::Words;

/// How many unknown words of a query get a did-you-mean, and how many suggestions each.
const SUGGESTED_WORDS: usize = 3;
const SUGGESTIONS_PER_WORD: usize = 3;

/// Longest query shown in a title; the whole query is in the machine formats.
const SHOWN_QUERY: usize = 100;
/// Most words named when each is found but no fact holds them all.
const SHOWN_APART: usize = 10;

/// What a search is narrowed to; empty means everything.
#[derive(Debug, Clone, Default)]
pub struct Filters<'a> {
    /// The roles to search, `builtin:` views too.
    pub roles: Vec<&'a Role>,
    pub sections: Vec<Section>,
    /// Industry id: only the facts of that industry's examples.
    pub industry: Option<&'a str>,
}

/// The facts of one role that match, best first.
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
    /// Roles in the order of their best fact; facts best first.
    pub roles: Vec<RoleHits>,
    /// The words of the facts found that match the query, in lower case.
    pub matched: Vec<String>,
    /// When nothing matches: indexed words and glossary terms close to the query's words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
    /// When nothing matches although each word is found: the words, for the message.
    #[serde(skip)]
    apart: Vec<String>,
    /// The label of the industry searched with `--industry`, for the title.
    #[serde(skip)]
    industry: Option<String>,
    pub sources: Vec<Source>,
}

/// Finds the facts holding every part of `text`: ranked by how many parts they hold in their
/// own text rather than only in their topic (area, industry, related role), then summary and
/// headline sections before detail, then profile order.
pub fn search(
    kb: &KnowledgeBase,
    text: &str,
    filters: &Filters,
) -> Result<SearchResults, TooLarge> {
    let words = Words::new(abbreviations(kb));
    let labels = Labels::new(kb);
    let searched = searched(kb, &filters.roles);
    let index = build_index(&searched, &labels, &words, filters)?;
    let clauses = query::parse(text, &words, &Synonyms::new(kb, &words));
    let (hits, unfound) = find(&index, &clauses);

    let mut order: Vec<usize> = Vec::new();
    let mut by_role: HashMap<usize, Vec<PlacedFact>> = HashMap::new();
    for &(fact, _) in &hits {
        let entry = &index.entries[fact as usize];
        if !by_role.contains_key(&entry.role) {
            order.push(entry.role);
        }
        by_role.entry(entry.role).or_default().push(PlacedFact {
            section: entry.section,
            topic: entry.topic.map(str::to_owned),
            text: entry.text.to_owned(),
            sources: entry.sources.to_vec(),
        });
    }
    let roles: Vec<RoleHits> = order
        .into_iter()
        .map(|role| RoleHits {
            role: searched[role].id.clone(),
            title: searched[role].title.clone(),
            facts: by_role.remove(&role).unwrap_or_default(),
        })
        .collect();

    let matched = matched_words(&index, &words, &clauses, &hits);
    let (suggestions, apart) = if hits.is_empty() && !clauses.is_empty() {
        if unfound.is_empty() {
            let apart = clauses.iter().map(|c| c.shown.clone()).collect();
            (Vec::new(), apart)
        } else {
            (suggest(kb, &index, &unfound), Vec::new())
        }
    } else {
        (Vec::new(), Vec::new())
    };
    let cited: BTreeSet<&str> = roles
        .iter()
        .flat_map(|r| r.facts.iter().flat_map(|f| f.sources.iter()))
        .map(String::as_str)
        .collect();
    let sources = kb
        .sources
        .iter()
        .filter(|s| cited.contains(s.id.as_str()))
        .cloned()
        .collect();
    Ok(SearchResults {
        query: text.to_owned(),
        roles,
        matched,
        suggestions,
        apart,
        industry: filters.industry.map(|id| labels.industry(id).to_owned()),
        sources,
    })
}

/// Short forms whose plurals should find them: glossary terms and role aliases.
fn abbreviations(kb: &KnowledgeBase) -> impl Iterator<Item = &str> {
    kb.glossary
        .iter()
        .map(|entry| entry.term.as_str())
        .chain(
            kb.roles
                .iter()
                .flat_map(|role| role.aliases.iter())
                .map(String::as_str),
        )
        .filter(|form| !form.contains(char::is_whitespace))
}

/// The roles a search looks in: those `named`, in the order of the knowledge base and then
/// of the `builtin:` views among them, each once; or every role.
fn searched<'k>(kb: &'k KnowledgeBase, named: &[&'k Role]) -> Vec<&'k Role> {
    if named.is_empty() {
        return kb.roles.iter().collect();
    }
    let ids: HashSet<&str> = named.iter().map(|role| role.id.as_str()).collect();
    kb.roles_with(named)
        .filter(|role| ids.contains(role.id.as_str()))
        .collect()
}

fn build_index<'a>(
    roles: &[&'a Role],
    labels: &'a Labels,
    words: &Words,
    filters: &Filters,
) -> Result<Index<'a>, TooLarge> {
    let in_sections = |section: Section| {
        if filters.sections.is_empty() {
            filters.industry.is_none() || section == Section::Industries
        } else {
            filters.sections.contains(&section)
        }
    };
    let mut index = Index::default();
    let mut full = Ok(());
    for (position, role) in roles.iter().copied().enumerate() {
        // With --industry, an example's facts are kept by its industry's id, never by its
        // label, which another industry may share: `each_fact` visits the examples' facts in
        // this order.
        let mut industries = role
            .industries
            .iter()
            .flat_map(|example| example.facts.iter().map(|_| example.industry.as_str()));
        each_fact(labels, role, &mut |section, topic, text, sources| {
            let of_industry = section != Section::Industries
                || industries
                    .next()
                    .is_some_and(|id| filters.industry.is_none_or(|wanted| wanted == id));
            if full.is_ok() && in_sections(section) && of_industry {
                full = index.add(words, position, section, topic, text, sources);
            }
        });
        full?;
    }
    Ok(index)
}

/// The facts matching every clause, best first, each with the number of clauses found in
/// its own text; and the clauses that no fact holds at all.
///
/// Clauses are taken rarest first and each narrows the facts left, so that the work is
/// bounded by the postings of the query's words, never by facts times words.
fn find<'c>(index: &Index, clauses: &'c [Clause]) -> (Vec<(u32, usize)>, Vec<&'c Clause>) {
    let mut unfound = Vec::new();
    let mut resolved = Vec::new();
    for clause in clauses {
        let words = clause
            .alternatives
            .iter()
            .filter_map(|keys| index.pattern(keys))
            .map(Probe::Words);
        let topics = clause
            .topics
            .iter()
            .map(|topic| Probe::Topic(index.filed(topic)));
        let patterns: Vec<Probe> = words.chain(topics).collect();
        let cost: usize = patterns.iter().map(|p| p.estimate(index)).sum();
        if cost == 0 {
            unfound.push(clause);
        }
        resolved.push((cost, patterns));
    }
    if !unfound.is_empty() || resolved.is_empty() {
        return (Vec::new(), unfound);
    }
    resolved.sort_by_key(|(cost, _)| *cost);

    // (fact, clauses found in its text), in fact order.
    let mut left: Vec<(u32, usize)> = Vec::new();
    for (step, (cost, patterns)) in resolved.iter().enumerate() {
        let found = if step == 0 || *cost < left.len() * patterns.len() {
            union(patterns.iter().map(|p| p.facts(index)))
        } else {
            left.iter()
                .filter_map(|&(fact, _)| {
                    patterns.iter().filter_map(|p| p.lookup(index, fact)).max()
                })
                .collect()
        };
        left = if step == 0 {
            found
                .iter()
                .map(|entry| (entry >> 1, (entry & 1) as usize))
                .collect()
        } else {
            intersect(&left, &found)
        };
        if left.is_empty() {
            break;
        }
    }
    left.sort_by_key(|&(fact, in_text)| {
        let entry = &index.entries[fact as usize];
        (std::cmp::Reverse(in_text), entry.section, fact)
    });
    (left, Vec::new())
}

/// One way a clause can match: its words in a fact, or the fact's topic.
enum Probe<'i> {
    Words(index::Pattern),
    /// The facts filed under a topic.
    Topic(&'i [u32]),
}

impl Probe<'_> {
    fn estimate(&self, index: &Index) -> usize {
        match self {
            Probe::Words(pattern) => index.estimate(pattern),
            Probe::Topic(facts) => facts.len(),
        }
    }

    fn facts(&self, index: &Index) -> Vec<u32> {
        match self {
            Probe::Words(pattern) => index.facts(pattern),
            Probe::Topic(facts) => facts.to_vec(),
        }
    }

    fn lookup(&self, index: &Index, fact: u32) -> Option<u32> {
        match self {
            Probe::Words(pattern) => index.lookup(pattern, fact),
            Probe::Topic(facts) => facts.binary_search(&(fact << 1)).ok().map(|_| fact << 1),
        }
    }
}

/// The facts of several sorted posting lists, once each, marked as found in the text when
/// any list says so.
fn union(lists: impl Iterator<Item = Vec<u32>>) -> Vec<u32> {
    let mut all: Vec<u32> = lists.flatten().collect();
    // The text mark is the low bit: sorting puts a fact's text entry last among its entries.
    all.sort_unstable();
    let mut merged: Vec<u32> = Vec::with_capacity(all.len());
    for entry in all {
        match merged.last_mut() {
            Some(last) if *last >> 1 == entry >> 1 => *last |= entry,
            _ => merged.push(entry),
        }
    }
    merged
}

/// The facts in both, counting one more text match where `found` is in the text.
fn intersect(left: &[(u32, usize)], found: &[u32]) -> Vec<(u32, usize)> {
    let mut kept = Vec::with_capacity(left.len().min(found.len()));
    let mut others = found.iter().peekable();
    for &(fact, in_text) in left {
        while others.next_if(|entry| **entry >> 1 < fact).is_some() {}
        if let Some(&&entry) = others.peek()
            && entry >> 1 == fact
        {
            kept.push((fact, in_text + (entry & 1) as usize));
        }
    }
    kept
}

/// The words of the facts found whose keys the query looked for, for highlighting.
fn matched_words(
    index: &Index,
    words: &Words,
    clauses: &[Clause],
    hits: &[(u32, usize)],
) -> Vec<String> {
    let keys: HashSet<&str> = clauses
        .iter()
        .flat_map(|clause| {
            let only_common = clause
                .alternatives
                .iter()
                .flatten()
                .all(|key| words::is_stop_word(key));
            clause
                .alternatives
                .iter()
                .flatten()
                .filter(move |key| only_common || !words::is_stop_word(key))
        })
        .map(String::as_str)
        .collect();
    let mut matched = BTreeSet::new();
    for &(fact, _) in hits {
        let entry = &index.entries[fact as usize];
        for text in std::iter::once(entry.text).chain(entry.topic) {
            words.each(text, &mut |word, key| {
                if keys.contains(key) {
                    matched.insert(word.to_lowercase());
                }
            });
        }
    }
    matched.into_iter().collect()
}

/// Indexed words and glossary terms close to the words no fact holds, closest first.
fn suggest(kb: &KnowledgeBase, index: &Index, unfound: &[&Clause]) -> Vec<String> {
    let names: Vec<&str> = kb
        .glossary
        .iter()
        .flat_map(|entry| std::iter::once(&entry.term).chain(&entry.expansions))
        .map(String::as_str)
        .collect();
    let mut suggestions: Vec<String> = Vec::new();
    for clause in unfound.iter().take(SUGGESTED_WORDS) {
        let wanted = clause.shown.to_lowercase();
        let length = wanted.chars().count();
        if length == 0 || length > 40 {
            continue;
        }
        let allowed = (length / 3).max(1);
        // Words of the facts in lower case, glossary names as the glossary spells them.
        let candidates = index
            .written()
            .map(|word| (word, true))
            .chain(names.iter().map(|name| (*name, false)));
        let mut close: Vec<(usize, String)> = candidates
            .filter(|(candidate, _)| candidate.chars().count().abs_diff(length) <= allowed)
            .filter_map(|(candidate, lower)| {
                let folded = candidate.to_lowercase();
                let edits = strsim::damerau_levenshtein(&wanted, &folded);
                let shown = if lower { folded } else { candidate.to_owned() };
                (edits <= allowed).then_some((edits, shown))
            })
            .collect();
        close.sort_unstable();
        close.dedup_by(|a, b| a.1.to_lowercase() == b.1.to_lowercase());
        for (_, candidate) in close.into_iter().take(SUGGESTIONS_PER_WORD) {
            if !suggestions
                .iter()
                .any(|s| s.to_lowercase() == candidate.to_lowercase())
            {
                suggestions.push(candidate);
            }
        }
    }
    suggestions
}

impl SearchResults {
    fn shown_query(&self) -> String {
        if self.query.chars().count() <= SHOWN_QUERY {
            return self.query.clone();
        }
        let start: String = self.query.chars().take(SHOWN_QUERY).collect();
        format!("{start}\u{2026}")
    }
}

impl Report for SearchResults {
    fn document(&self) -> Document {
        let query = self.shown_query();
        let mut title = format!("Facts that mention \u{201c}{query}\u{201d}");
        if let Some(industry) = &self.industry {
            // The title says what was searched: that industry's examples only.
            let _ = write!(title, " in {industry} examples");
        }
        if self.roles.is_empty() {
            let note = if !self.suggestions.is_empty() {
                format!(
                    "No fact mentions \u{201c}{query}\u{201d}. Did you mean: {}?",
                    self.suggestions.join(", ")
                )
            } else if self.apart.len() > 1 {
                let mut words = self.apart[..self.apart.len().min(SHOWN_APART)].join(", ");
                if self.apart.len() > SHOWN_APART {
                    let _ = write!(words, " and {} more", self.apart.len() - SHOWN_APART);
                }
                format!(
                    "No fact mentions all of {words} together. Try fewer words, or quote a phrase."
                )
            } else {
                format!(
                    "No fact mentions \u{201c}{query}\u{201d}. Try another word; `rolecmp list glossary` and `rolecmp list areas` show the terms used."
                )
            };
            return Document {
                title,
                sections: vec![DocSection::new("No matches").note(note)],
                ..Document::default()
            };
        }
        let sections: Vec<DocSection> = self
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
                    .emphasize(&self.matched)
            })
            .collect();
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
                        .map(|fact| placed_record(&hits.role, fact))
                })
                .collect(),
        }
    }
}
