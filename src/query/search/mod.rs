//! `rolecmp search`: the facts that match every part of a query, ranked, grouped by role,
//! each saying how it matched.
//!
//! Words match whole words by their stems and word families ([`words`]); names (glossary
//! terms, roles, areas, sections, the intents of the search vocabulary) stand for what they
//! name ([`query`]); one index of every fact's words, built once per run ([`index`]), keeps
//! the cost linear in the data plus the query. [`matching`] runs a query's clauses against
//! the index; [`document`] is what the answer says.

mod document;
mod index;
mod matching;
mod query;
mod words;

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::Serialize;

use crate::kb::{KnowledgeBase, lookup};
use crate::model::{Collaboration, Dispute, Role, Section, Source};
use crate::query::facts::{PlacedFact, each_dispute_fact, each_fact};
use crate::report::labels::Labels;
pub use index::TooLarge;
use index::{Entry, Index};
use matching::{Hit, Phrases, Probe, find, how_matched, probes, resolved};
use query::{Clause, Synonyms};
use words::Words;

/// How many unknown words of a query get a did-you-mean, and how many suggestions each.
const SUGGESTED_WORDS: usize = 3;
const SUGGESTIONS_PER_WORD: usize = 3;

/// Longest query shown in a title; the whole query is in the machine formats.
const SHOWN_QUERY: usize = 100;
/// Most words named when each is found but no fact holds them all.
const SHOWN_APART: usize = 10;
/// Most ways of matching a table row names; the machine formats have them all.
const SHOWN_VIA: usize = 4;

/// The sections that hold facts, which search looks in and `--section` may narrow it to: not
/// the matrix, derived from facts, nor the sources, which facts cite.
pub fn searched_sections() -> impl Iterator<Item = Section> {
    Section::ALL
        .into_iter()
        // The labour market holds occupations' figures, which are no role's facts.
        .filter(|section| {
            !matches!(
                section,
                Section::Matrix | Section::Sources | Section::LabourMarket
            )
        })
}

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
    pub facts: Vec<FoundFact>,
}

/// A fact that matches, where it sits and how it matched.
#[derive(Debug, Serialize)]
pub struct FoundFact {
    #[serde(flatten)]
    pub fact: PlacedFact,
    #[serde(rename = "match")]
    pub matched: Match,
}

/// How a fact matched a query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Match {
    /// The weakest way any part of the query matched.
    pub kind: MatchKind,
    /// Each part of the query that matched otherwise than by its words: "SLA =
    /// service-level agreement", "boss → section Reporting lines".
    pub via: Vec<String>,
}

/// Ways a fact can match, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchKind {
    /// Only because it sits in a section (or is a kind of collaboration) the query points at.
    Section,
    /// Only because of its topic: the area, industry or question it is filed under.
    Topic,
    /// Its text says a synonym of a word of the query, or how facts state an intent.
    Synonym,
    /// Its text holds the words of the query.
    Words,
}

/// What the query was taken to ask.
#[derive(Debug, Default, Serialize)]
pub struct Searched {
    /// The parts of the query searched for, in lower case.
    pub words: Vec<String>,
    /// The roles the query names, whose facts match without naming them.
    pub roles: Vec<String>,
    /// Words left out as carrying no meaning.
    pub ignored: Vec<String>,
}

/// The answer to `search`.
#[derive(Debug, Serialize)]
pub struct SearchResults {
    pub query: String,
    pub searched: Searched,
    /// Roles in the order of their best fact; facts best first, those matching only through
    /// their topic or section last.
    pub roles: Vec<RoleHits>,
    /// The words of the facts found that match the query, in lower case.
    pub matched: Vec<String>,
    /// When nothing matches: indexed words and glossary terms close to the query's words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
    /// When nothing matches although each word is found: the words, for the message.
    #[serde(skip)]
    apart: Vec<String>,
    /// When nothing matches: the words no fact holds, and which of them look like a role's
    /// name without being one ("ciso").
    #[serde(skip)]
    unfound: Vec<String>,
    #[serde(skip)]
    not_roles: Vec<String>,
    #[serde(skip)]
    role_names: Vec<String>,
    /// The label of the industry searched with `--industry`, for the title.
    #[serde(skip)]
    industry: Option<String>,
    /// When nothing matches: how many roles were searched, how many sources their facts
    /// cite, and how many sources are recorded, so that the answer says what was looked at.
    #[serde(skip)]
    looked_at: (usize, usize, usize),
    pub sources: Vec<Source>,
}

/// Finds the facts matching every part of `text`. Facts holding the words (or their
/// synonyms) come first, those found only through their topic or section last; then facts in
/// the sections the query points at, those holding more of the words in their own text,
/// summary and headline sections before detail, and profile order.
pub fn search(
    kb: &KnowledgeBase,
    text: &str,
    filters: &Filters,
) -> Result<SearchResults, TooLarge> {
    let words = Words::new(abbreviations(kb), &kb.search_words);
    let labels = Labels::new(kb);
    // Every layered role, and the `builtin:` views named: what the facts of the roles
    // searched are shown with. Positions below `kb.roles.len()` are those of `kb.roles`.
    let roles: Vec<&Role> = kb.roles_with(&filters.roles).collect();
    let index = build_index(&roles, &labels, &words, filters)?;
    let synonyms = Synonyms::new(kb, &words, searched_sections());
    let parsed = query::parse(text, &words, &synonyms);
    let phrases = Phrases::find(&index, &parsed.clauses)?;
    let clauses = resolved(&index, &phrases, parsed.clauses);
    let probes: Vec<Vec<Probe>> = clauses
        .iter()
        .map(|clause| probes(&index, &phrases, clause))
        .collect();
    let (hits, unfound) = find(&index, &clauses, &probes);

    let (order, mut by_role) = found_by_role(&index, &clauses, &hits);
    let roles: Vec<RoleHits> = order
        .into_iter()
        .map(|role| RoleHits {
            role: roles[role].id.clone(),
            title: roles[role].title.clone(),
            facts: by_role.remove(&role).unwrap_or_default(),
        })
        .collect();

    let searched = Searched {
        words: clauses.iter().map(|c| c.shown.to_lowercase()).collect(),
        roles: named_roles(kb, &labels, &clauses),
        ignored: parsed.ignored,
    };
    let matched = matched_words(&index, &words, &clauses, &hits);
    let mut results = SearchResults {
        query: text.to_owned(),
        searched,
        roles,
        matched,
        suggestions: Vec::new(),
        apart: Vec::new(),
        unfound: Vec::new(),
        not_roles: Vec::new(),
        role_names: Vec::new(),
        industry: filters.industry.map(|id| labels.industry(id).to_owned()),
        looked_at: (0, 0, 0),
        sources: Vec::new(),
    };
    if hits.is_empty() {
        results.looked_at = looked_at(kb, filters);
    }
    if hits.is_empty() && !clauses.is_empty() {
        if unfound.is_empty() {
            results.apart = clauses.iter().map(|c| c.shown.clone()).collect();
        } else {
            let unfound: Vec<&Clause> = unfound.iter().map(|&at| &clauses[at]).collect();
            results.suggestions = suggest(kb, &index, &unfound);
            results.not_roles = not_roles(kb, &unfound);
            results.unfound = unfound.iter().map(|c| c.shown.clone()).collect();
            if !results.not_roles.is_empty() {
                results.role_names = kb
                    .roles
                    .iter()
                    .map(|role| labels.short_role(&role.id).to_owned())
                    .collect();
            }
        }
    }
    let cited: BTreeSet<&str> = results
        .roles
        .iter()
        .flat_map(|r| r.facts.iter().flat_map(|f| f.fact.sources.iter()))
        .map(String::as_str)
        .collect();
    results.sources = kb
        .sources
        .iter()
        .filter(|s| cited.contains(s.id.as_str()))
        .cloned()
        .collect();
    Ok(results)
}

/// The facts found, by role in the order of each role's best fact, each dispute side found
/// followed (after the role's matches) by the other sides of its question.
fn found_by_role(
    index: &Index,
    clauses: &[Clause],
    hits: &[Hit],
) -> (Vec<usize>, HashMap<usize, Vec<FoundFact>>) {
    let mut order: Vec<usize> = Vec::new();
    let mut by_role: HashMap<usize, Vec<FoundFact>> = HashMap::new();
    let found: HashSet<u32> = hits.iter().map(|hit| hit.fact).collect();
    let mut covered: HashSet<u32> = HashSet::new();
    let mut sides_of: HashMap<usize, Vec<FoundFact>> = HashMap::new();
    for hit in hits {
        let entry = &index.entries[hit.fact as usize];
        if !by_role.contains_key(&entry.role) {
            order.push(entry.role);
        }
        by_role
            .entry(entry.role)
            .or_default()
            .push(found_fact(entry, how_matched(clauses, entry, hit)));
        // One side of a dispute never comes alone: its headline and other claims come after
        // the role's facts found, each once, so that an answer from one source shows who
        // disagrees.
        // A dispute is walked once, however many of its sides match, so the cost stays linear.
        if entry.section == Section::Disputes && !covered.contains(&hit.fact) {
            let facts = sides_of.entry(entry.role).or_default();
            covered.insert(hit.fact);
            for side in dispute_sides(index, hit.fact) {
                if covered.insert(side) && !found.contains(&side) {
                    let other = &index.entries[side as usize];
                    let via = format!("another side of “{}”", other.topic.unwrap_or_default());
                    let matched = Match {
                        kind: MatchKind::Topic,
                        via: vec![via],
                    };
                    facts.push(found_fact(other, matched));
                }
            }
        }
    }
    for (role, sides) in sides_of {
        by_role.entry(role).or_default().extend(sides);
    }
    (order, by_role)
}

fn found_fact(entry: &Entry, matched: Match) -> FoundFact {
    FoundFact {
        fact: PlacedFact {
            section: entry.section,
            topic: entry.topic.map(str::to_owned),
            text: entry.text.to_owned(),
            sources: entry.sources.to_vec(),
        },
        matched,
    }
}

/// The other facts of the dispute fact `fact` belongs to: the index holds a dispute's
/// headline and claims one after another, under its role and question.
fn dispute_sides(index: &Index, fact: u32) -> Vec<u32> {
    let at = &index.entries[fact as usize];
    let same = |other: u32| {
        index.entries.get(other as usize).is_some_and(|entry| {
            entry.role == at.role && entry.section == Section::Disputes && entry.topic == at.topic
        })
    };
    let mut first = fact;
    while first > 0 && same(first - 1) {
        first -= 1;
    }
    let mut sides = Vec::new();
    let mut side = first;
    while same(side) {
        if side != fact {
            sides.push(side);
        }
        side += 1;
    }
    sides
}

/// How many roles a search looked at, and how many sources their facts cite: all roles, or
/// those `--role` names; and how many sources are recorded (`list sources`).
fn looked_at(kb: &KnowledgeBase, filters: &Filters) -> (usize, usize, usize) {
    let labels = Labels::default();
    let mut roles = 0;
    let mut cited = BTreeSet::new();
    for role in kb.roles_with(&filters.roles) {
        if !filters.roles.is_empty() && !filters.roles.iter().any(|named| named.id == role.id) {
            continue;
        }
        roles += 1;
        each_fact(&labels, role, &mut |_, _, _, sources| {
            cited.extend(sources.iter().map(String::as_str));
        });
    }
    (roles, cited.len(), kb.sources.len())
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

/// The collaboration facts and disputes that roles record with others, by the other role's
/// id: shown on that role's profile, so found under it too. One pass over every role.
#[derive(Default)]
struct Shared<'a> {
    collaboration: HashMap<&'a str, Vec<(&'a Role, &'a Collaboration)>>,
    disputes: HashMap<&'a str, Vec<(&'a Role, &'a Dispute)>>,
}

impl<'a> Shared<'a> {
    fn new(roles: &[&'a Role]) -> Self {
        let mut shared = Self::default();
        // A `builtin:` view carries its shared facts already, and no role names it.
        for role in roles
            .iter()
            .copied()
            .filter(|role| role.shipped_under().is_none())
        {
            for link in role
                .collaboration
                .iter()
                .filter(|link| link.with != role.id)
            {
                shared
                    .collaboration
                    .entry(&link.with)
                    .or_default()
                    .push((role, link));
            }
            for dispute in &role.disputes {
                for other in others(dispute, &role.id) {
                    shared
                        .disputes
                        .entry(other)
                        .or_default()
                        .push((role, dispute));
                }
            }
        }
        shared
    }
}

/// The roles other than `role` a dispute concerns, each once.
fn others<'a>(dispute: &'a Dispute, role: &'a str) -> BTreeSet<&'a str> {
    dispute
        .with
        .iter()
        .map(String::as_str)
        .filter(|with| *with != role)
        .collect()
}

/// The index of the facts of `roles`, or of those `filters` name.
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
    let shared = Shared::new(roles);
    let positions: HashMap<&str, usize> = roles
        .iter()
        .enumerate()
        .map(|(position, role)| (role.id.as_str(), position))
        .collect();
    let named: HashSet<&str> = filters.roles.iter().map(|role| role.id.as_str()).collect();
    let mut index = Index::default();
    for (position, role) in roles.iter().copied().enumerate() {
        if !named.is_empty() && !named.contains(role.id.as_str()) {
            continue;
        }
        // With --industry, an example's facts are kept by its industry's id, never by its
        // label, which another industry may share: `each_fact` visits the examples' facts in
        // this order.
        let mut industries = role
            .industries
            .iter()
            .flat_map(|example| example.facts.iter().map(|_| example.industry.as_str()));
        let mut full = Ok(());
        // A fact shared with other roles (a collaboration, a dispute) is shown on each of
        // them, so a query naming any of them finds it.
        let mut add = |section,
                       relation,
                       topic,
                       text,
                       sources,
                       shown_with: &mut dyn Iterator<Item = &str>| {
            if full.is_ok() && in_sections(section) {
                full = index.add(words, position, section, relation, topic, text, sources);
                if full.is_ok() {
                    for other in shown_with.filter_map(|id| positions.get(id)) {
                        index.shown_with(*other);
                    }
                }
            }
        };
        each_fact(labels, role, &mut |section, topic, text, sources| {
            let of_industry = section != Section::Industries
                || industries
                    .next()
                    .is_some_and(|id| filters.industry.is_none_or(|wanted| wanted == id));
            // Collaboration facts and disputes come below, with the roles they are shared with.
            let shared = matches!(section, Section::Collaboration | Section::Disputes);
            if !shared && of_industry {
                add(section, None, topic, text, sources, &mut std::iter::empty());
            }
        });
        let mirrored = shared.collaboration.get(role.id.as_str());
        let links = role
            .collaboration
            .iter()
            .map(|link| (link.with.as_str(), link))
            .chain(
                mirrored
                    .into_iter()
                    .flatten()
                    .map(|(other, link)| (other.id.as_str(), *link)),
            );
        for (other, link) in links {
            add(
                Section::Collaboration,
                Some(link.relation),
                Some(labels.role(other)),
                &link.text,
                &link.sources,
                &mut std::iter::once(other),
            );
        }
        let recorded = role.disputes.iter().map(|dispute| (role, dispute));
        let disputes = shared
            .disputes
            .get(role.id.as_str())
            .into_iter()
            .flatten()
            .copied();
        for (owner, dispute) in recorded.chain(disputes) {
            each_dispute_fact(dispute, &mut |topic, fact| {
                let mut roles = std::iter::once(owner.id.as_str())
                    .chain(others(dispute, &owner.id))
                    .filter(|id| *id != role.id);
                add(
                    Section::Disputes,
                    None,
                    Some(topic),
                    fact.text,
                    fact.sources,
                    &mut roles,
                );
            });
        }
        full?;
    }
    Ok(index)
}

/// The roles the query names, by their short names.
fn named_roles(kb: &KnowledgeBase, labels: &Labels, clauses: &[Clause]) -> Vec<String> {
    let mut named = BTreeSet::new();
    let mut names = Vec::new();
    for &role in clauses.iter().flat_map(|clause| &clause.roles) {
        if named.insert(role) {
            names.push(labels.short_role(&kb.roles[role].id).to_owned());
        }
    }
    names
}

/// The words of the facts found whose keys the query looked for, for highlighting.
fn matched_words(index: &Index, words: &Words, clauses: &[Clause], hits: &[Hit]) -> Vec<String> {
    let keys: HashSet<&str> = clauses
        .iter()
        .flat_map(|clause| {
            let only_common = clause
                .alternatives
                .iter()
                .flat_map(|a| &a.keys)
                .all(|key| words.is_stop(key));
            clause
                .alternatives
                .iter()
                .flat_map(|a| &a.keys)
                .filter(move |key| only_common || !words.is_stop(key))
        })
        .map(String::as_str)
        .collect();
    let mut matched = BTreeSet::new();
    for hit in hits {
        let entry = &index.entries[hit.fact as usize];
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

/// Indexed words and glossary terms close enough to the words no fact holds to be what a
/// typo meant, closest first.
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
        if wanted.chars().count() > 40 {
            continue;
        }
        // Words of the facts in lower case, glossary names as the glossary spells them.
        let candidates = index
            .written()
            .map(|word| (word, true))
            .chain(names.iter().map(|name| (*name, false)));
        let mut close: Vec<(usize, String)> = candidates
            .filter_map(|(candidate, lower)| {
                let folded = candidate.to_lowercase();
                let edits = lookup::typo_edits(&wanted, &folded).filter(|&edits| edits > 0)?;
                let shown = if lower { folded } else { candidate.to_owned() };
                Some((edits, shown))
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

/// The unknown words that look like the name of a role without being one or a typo of one
/// ("ciso" beside "cio"): the answer names the roles there are rather than a role it is not.
fn not_roles(kb: &KnowledgeBase, unfound: &[&Clause]) -> Vec<String> {
    let names: Vec<String> = kb
        .roles
        .iter()
        .flat_map(|role| std::iter::once(&role.id).chain(&role.aliases))
        .map(|name| lookup::normalize(name))
        .collect();
    unfound
        .iter()
        .take(SUGGESTED_WORDS)
        .filter(|clause| {
            let typed = lookup::normalize(&clause.shown);
            let near = |name: &String| name.len() <= 8 && strsim::osa_distance(&typed, name) == 1;
            // A typo of a role's name gets a did-you-mean instead ("cot", "cto").
            typed.len() <= 8
                && names.iter().any(near)
                && !names
                    .iter()
                    .any(|name| lookup::typo_edits(&typed, name).is_some())
        })
        .map(|clause| clause.shown.clone())
        .collect()
}
