//! `rolecmp search`: the facts that match every part of a query, ranked, grouped by role,
//! each saying how it matched.
//!
//! Words match whole words by their stems and word families ([`words`]); names (glossary
//! terms, roles, areas, sections, the intents of the search vocabulary) stand for what they
//! name ([`query`]); one index of every fact's words, built once per run ([`index`]), keeps
//! the cost linear in the data plus the query.

mod index;
mod query;
mod words;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::ops::Range;

use serde::Serialize;

use super::{
    FACT_HEADER, Labels, PlacedFact, Section, citations, each_dispute_fact, each_fact,
    placed_record, relation_label,
};
use crate::kb::{BUILTIN_PREFIX, KnowledgeBase, lookup};
use crate::model::{Collaboration, Dispute, Relation, Role, Source};
use crate::report::{Cell, Document, Records, Report, Section as DocSection};
pub use index::TooLarge;
use index::{Found, Index};
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
    /// Role ids.
    pub roles: Vec<&'a str>,
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
    /// When nothing matches: how many roles were searched, and how many sources their facts
    /// cite, so that the answer says what was looked at.
    #[serde(skip)]
    looked_at: (usize, usize),
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
    let index = build_index(kb, &labels, &words, filters)?;
    let synonyms = Synonyms::new(kb, &words, searched_sections());
    let parsed = query::parse(text, &words, &synonyms);
    let phrases = Phrases::find(&index, &parsed.clauses)?;
    let clauses = resolved(&index, &phrases, parsed.clauses);
    let probes: Vec<Vec<Probe>> = clauses
        .iter()
        .map(|clause| probes(&index, &phrases, clause))
        .collect();
    let (hits, unfound) = find(&index, &clauses, &probes);

    let mut order: Vec<usize> = Vec::new();
    let mut by_role: HashMap<usize, Vec<FoundFact>> = HashMap::new();
    for hit in &hits {
        let entry = &index.entries[hit.fact as usize];
        if !by_role.contains_key(&entry.role) {
            order.push(entry.role);
        }
        by_role.entry(entry.role).or_default().push(FoundFact {
            fact: PlacedFact {
                section: entry.section,
                topic: entry.topic.map(str::to_owned),
                text: entry.text.to_owned(),
                sources: entry.sources.to_vec(),
            },
            matched: how_matched(&clauses, entry, hit),
        });
    }
    let roles: Vec<RoleHits> = order
        .into_iter()
        .map(|role| RoleHits {
            role: kb.roles[role].id.clone(),
            title: kb.roles[role].title.clone(),
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
        looked_at: (0, 0),
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

/// How many roles a search looked at, and how many sources their facts cite: all roles, or
/// those `--role` names.
fn looked_at(kb: &KnowledgeBase, filters: &Filters) -> (usize, usize) {
    let labels = Labels::default();
    let mut roles = 0;
    let mut cited = BTreeSet::new();
    for role in &kb.roles {
        if !filters.roles.is_empty() && !filters.roles.contains(&role.id.as_str()) {
            continue;
        }
        roles += 1;
        each_fact(&labels, role, &mut |_, _, _, sources| {
            cited.extend(sources.iter().map(String::as_str));
        });
    }
    (roles, cited.len())
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
    fn new(kb: &'a KnowledgeBase) -> Self {
        let mut shared = Self::default();
        // A `builtin:` view carries its shared facts already, and no role names it.
        for role in kb
            .roles
            .iter()
            .filter(|role| !role.id.starts_with(BUILTIN_PREFIX))
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

fn build_index<'a>(
    kb: &'a KnowledgeBase,
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
    let shared = Shared::new(kb);
    let positions: HashMap<&str, usize> = kb
        .roles
        .iter()
        .enumerate()
        .map(|(position, role)| (role.id.as_str(), position))
        .collect();
    let mut index = Index::default();
    for (position, role) in kb.roles.iter().enumerate() {
        if !filters.roles.is_empty() && !filters.roles.contains(&role.id.as_str()) {
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

/// Where each phrase of a query (a form of several words) is found, from one pass over the
/// facts for all of them.
struct Phrases {
    /// Each phrase's keys and where it is in `found`; a phrase with a word no fact holds is
    /// not here.
    ids: HashMap<Vec<String>, usize>,
    found: Vec<Found>,
}

impl Phrases {
    fn find(index: &Index, clauses: &[Clause]) -> Result<Self, TooLarge> {
        let mut ids = HashMap::new();
        let mut patterns = Vec::new();
        let every = clauses
            .iter()
            .flat_map(|c| std::iter::once(c).chain(&c.words));
        for alternative in every.flat_map(|clause| &clause.alternatives) {
            if alternative.keys.len() < 2 || ids.contains_key(&alternative.keys) {
                continue;
            }
            if let Some(pattern) = index.pattern(&alternative.keys) {
                ids.insert(alternative.keys.clone(), patterns.len());
                patterns.push(pattern);
            }
        }
        let found = index.phrases(&patterns.iter().collect::<Vec<_>>())?;
        Ok(Self { ids, found })
    }
}

/// The clauses to search: a name of several words that matches nothing is searched as its
/// words ("technical leadership" for an area no fact is filed under).
fn resolved(index: &Index, phrases: &Phrases, clauses: Vec<Clause>) -> Vec<Clause> {
    let mut kept = Vec::with_capacity(clauses.len());
    for mut clause in clauses {
        let empty = probes(index, phrases, &clause)
            .iter()
            .all(|probe| probe.estimate() == 0);
        if empty && !clause.words.is_empty() {
            kept.append(&mut clause.words);
        } else {
            kept.push(clause);
        }
    }
    query::kept_once(kept)
}

/// How one part of a query matched one fact, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum How {
    /// The fact sits in a section the part points at.
    Section,
    /// The fact is a collaboration of a kind the part points at.
    Relation,
    /// The fact's topic holds the words, or the fact is filed under a topic the part names.
    Topic,
    /// The fact is one of a role the part names.
    Role,
    /// The fact's text holds another form of the part: the index of the alternative.
    Synonym(u32),
    /// The fact's text holds the words as typed.
    Words,
}

/// One way a clause can match.
enum Probe<'i> {
    /// Facts as `fact << 1 | 1` when their text holds the form, matching as the `How`, or
    /// `fact << 1` when only their topic does.
    Listed(&'i [u32], How),
    /// Facts as `fact << 1`, all matching as the `How`.
    Marked(&'i [u32], How),
    /// The facts of a role.
    Role(Range<u32>),
}

impl Probe<'_> {
    fn estimate(&self) -> usize {
        match self {
            Probe::Listed(entries, _) | Probe::Marked(entries, _) => entries.len(),
            Probe::Role(facts) => facts.len(),
        }
    }

    fn push_all(&self, out: &mut Vec<(u32, How)>) {
        match self {
            Probe::Listed(entries, how) => out.extend(
                entries
                    .iter()
                    .map(|&entry| (entry >> 1, Self::listed(entry, *how))),
            ),
            Probe::Marked(entries, how) => out.extend(entries.iter().map(|&e| (e >> 1, *how))),
            Probe::Role(facts) => out.extend(facts.clone().map(|fact| (fact, How::Role))),
        }
    }

    fn lookup(&self, fact: u32) -> Option<How> {
        let find = |entries: &[u32]| {
            let at = entries.partition_point(|entry| entry >> 1 < fact);
            entries.get(at).copied().filter(|entry| entry >> 1 == fact)
        };
        match self {
            Probe::Listed(entries, how) => find(entries).map(|entry| Self::listed(entry, *how)),
            Probe::Marked(entries, how) => find(entries).map(|_| *how),
            Probe::Role(facts) => facts.contains(&fact).then_some(How::Role),
        }
    }

    fn listed(entry: u32, how: How) -> How {
        if entry & 1 == 1 { how } else { How::Topic }
    }
}

/// Every way `clause` can match, in `index`.
fn probes<'i>(index: &'i Index, phrases: &'i Phrases, clause: &Clause) -> Vec<Probe<'i>> {
    let mut probes = Vec::new();
    for (at, alternative) in clause.alternatives.iter().enumerate() {
        let how = if alternative.typed {
            How::Words
        } else {
            How::Synonym(u32::try_from(at).unwrap_or(u32::MAX))
        };
        if let [key] = alternative.keys.as_slice() {
            if let Some(list) = index.postings(key) {
                probes.push(Probe::Listed(list, how));
            }
        } else if let Some(&id) = phrases.ids.get(&alternative.keys) {
            let found = &phrases.found[id];
            probes.push(Probe::Listed(&found.text, how));
            for &topic in &found.topics {
                probes.push(Probe::Marked(index.filed_by_id(topic), How::Topic));
            }
        }
    }
    for topic in &clause.topics {
        probes.push(Probe::Marked(index.filed(topic), How::Topic));
    }
    for &section in &clause.sections {
        probes.push(Probe::Marked(index.section(section), How::Section));
    }
    for &relation in &clause.relations {
        probes.push(Probe::Marked(index.relation(relation), How::Relation));
    }
    for &role in &clause.roles {
        probes.push(Probe::Role(index.role(role)));
        probes.push(Probe::Marked(index.shown_with_role(role), How::Role));
    }
    probes
}

/// A fact that matches every clause so far, and how.
#[derive(Debug)]
struct Hit {
    fact: u32,
    /// Clauses found in the fact's own text (as typed or as a synonym).
    in_text: usize,
    /// Whether some clause matched only through the fact's topic or section.
    indirect: bool,
    /// The clauses that matched otherwise than by their words, and how.
    via: Vec<(usize, How)>,
}

impl Hit {
    fn new(fact: u32) -> Self {
        Self {
            fact,
            in_text: 0,
            indirect: false,
            via: Vec::new(),
        }
    }

    fn add(&mut self, clause: usize, how: How) {
        match how {
            How::Words => self.in_text += 1,
            How::Synonym(_) => {
                self.in_text += 1;
                self.via.push((clause, how));
            }
            How::Role => {}
            How::Topic | How::Section | How::Relation => {
                self.indirect = true;
                self.via.push((clause, how));
            }
        }
    }
}

/// The facts matching every clause, best first, and the clauses (by position) that no fact
/// matches at all.
///
/// Clauses are taken rarest first and each narrows the facts left, so that the work is
/// bounded by the postings of the query's words, never by facts times words.
fn find(index: &Index, clauses: &[Clause], probes: &[Vec<Probe>]) -> (Vec<Hit>, Vec<usize>) {
    let costs: Vec<usize> = probes
        .iter()
        .map(|probes| probes.iter().map(Probe::estimate).sum())
        .collect();
    let unfound: Vec<usize> = (0..clauses.len()).filter(|&at| costs[at] == 0).collect();
    if !unfound.is_empty() || clauses.is_empty() {
        return (Vec::new(), unfound);
    }
    let mut order: Vec<usize> = (0..clauses.len()).collect();
    order.sort_by_key(|&at| costs[at]);

    let mut left: Vec<Hit> = Vec::new();
    for (step, &clause) in order.iter().enumerate() {
        let probes = &probes[clause];
        if step == 0 || costs[clause] < left.len() * probes.len() {
            let found = union(probes);
            left = if step == 0 {
                found
                    .into_iter()
                    .map(|(fact, how)| {
                        let mut hit = Hit::new(fact);
                        hit.add(clause, how);
                        hit
                    })
                    .collect()
            } else {
                intersect(left, &found, clause)
            };
        } else {
            left.retain_mut(|hit| {
                let how = probes.iter().filter_map(|p| p.lookup(hit.fact)).max();
                how.inspect(|&how| hit.add(clause, how)).is_some()
            });
        }
        if left.is_empty() {
            break;
        }
    }
    rank(index, clauses, &mut left);
    (left, Vec::new())
}

/// Best first: facts matching by their words before those matching only through their topic
/// or section; then facts of the roles the query names (the CTO's own reporting lines before
/// the CIO's line to the CTO); then facts in the sections, kinds of collaboration and topics
/// the query points at; then facts holding more of the query in their text; then summary and
/// headlines before detail, and profile order.
fn rank(index: &Index, clauses: &[Clause], hits: &mut [Hit]) {
    fn count<K: std::hash::Hash + Eq>(map: &HashMap<K, usize>, key: &K) -> usize {
        map.get(key).copied().unwrap_or(0)
    }
    let mut sections: HashMap<Section, usize> = HashMap::new();
    let mut relations: HashMap<Relation, usize> = HashMap::new();
    let mut topics: HashMap<&str, usize> = HashMap::new();
    let mut roles: HashMap<usize, usize> = HashMap::new();
    for clause in clauses {
        for &section in &clause.sections {
            *sections.entry(section).or_default() += 1;
        }
        for &relation in &clause.relations {
            *relations.entry(relation).or_default() += 1;
        }
        for topic in &clause.topics {
            *topics.entry(topic).or_default() += 1;
        }
        for &role in &clause.roles {
            *roles.entry(role).or_default() += 1;
        }
    }
    hits.sort_by_cached_key(|hit| {
        let entry = &index.entries[hit.fact as usize];
        let aimed = count(&sections, &entry.section)
            + entry
                .relation
                .map_or(0, |relation| count(&relations, &relation))
            + entry.topic.map_or(0, |topic| count(&topics, &topic));
        (
            hit.indirect,
            std::cmp::Reverse(count(&roles, &entry.role)),
            std::cmp::Reverse(aimed),
            std::cmp::Reverse(hit.in_text),
            entry.section,
            hit.fact,
        )
    });
}

/// The facts of several probes, once each in fact order, each with the best way it matched.
fn union(probes: &[Probe]) -> Vec<(u32, How)> {
    let mut all = Vec::new();
    for probe in probes {
        probe.push_all(&mut all);
    }
    // Best last among a fact's entries, so that the kept one is the best.
    all.sort_unstable();
    let mut merged: Vec<(u32, How)> = Vec::with_capacity(all.len());
    for (fact, how) in all {
        match merged.last_mut() {
            Some(last) if last.0 == fact => last.1 = how,
            _ => merged.push((fact, how)),
        }
    }
    merged
}

/// The hits that `found` holds too, each noting how `clause` matched it.
fn intersect(left: Vec<Hit>, found: &[(u32, How)], clause: usize) -> Vec<Hit> {
    let mut kept = Vec::with_capacity(left.len().min(found.len()));
    let mut others = found.iter().peekable();
    for mut hit in left {
        while others.next_if(|(fact, _)| *fact < hit.fact).is_some() {}
        if let Some(&&(fact, how)) = others.peek()
            && fact == hit.fact
        {
            hit.add(clause, how);
            kept.push(hit);
        }
    }
    kept
}

/// How a fact matched: the weakest way any clause did, and each way other than the words.
fn how_matched(clauses: &[Clause], entry: &index::Entry, hit: &Hit) -> Match {
    let mut kind = MatchKind::Words;
    let mut via: Vec<String> = Vec::new();
    for &(at, how) in &hit.via {
        let clause = &clauses[at];
        let (this, text) = match how {
            How::Synonym(alternative) => {
                let Some(alternative) = clause.alternatives.get(alternative as usize) else {
                    continue;
                };
                let sign = if alternative.mention { "→" } else { "=" };
                (
                    MatchKind::Synonym,
                    format!("{} {sign} {}", clause.shown, alternative.written),
                )
            }
            How::Topic => (
                MatchKind::Topic,
                format!("{} → topic {}", clause.shown, entry.topic.unwrap_or("")),
            ),
            How::Section => (
                MatchKind::Section,
                format!("{} → section {}", clause.shown, entry.section.heading()),
            ),
            How::Relation => (
                MatchKind::Section,
                format!(
                    "{} → {}",
                    clause.shown,
                    entry
                        .relation
                        .map(relation_label)
                        .unwrap_or_default()
                        .to_lowercase()
                ),
            ),
            How::Words | How::Role => continue,
        };
        kind = kind.min(this);
        if !via.contains(&text) {
            via.push(text);
        }
    }
    Match { kind, via }
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
        let (roles, sources) = self.looked_at;
        let searched = format!(
            "Searched: every fact of {roles} role{}, drawn from {sources} source{}; none of them addresses it.",
            if roles == 1 { "" } else { "s" },
            if sources == 1 { "" } else { "s" },
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
        Cell::label(fact.section.heading()),
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
                let heading = if direct {
                    format!("{} ({})", hits.title, facts.len())
                } else {
                    format!(
                        "{}, found only through their topic or section ({})",
                        hits.title,
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
