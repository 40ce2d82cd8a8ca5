//! Matching a query against the index: each clause's probes (its words, stems, families,
//! names and phrases), the facts that hold every clause, ranked, and how each matched.

use std::collections::HashMap;
use std::ops::Range;

use super::index::{self, Found, Index};
use super::query::{self, Clause};
use super::{Match, MatchKind, TooLarge};
use crate::model::{Relation, Section};
use crate::report::labels::{heading, relation_label};

/// Where each phrase of a query (a form of several words) is found, from one pass over the
/// facts for all of them.
pub(super) struct Phrases {
    /// Each phrase's keys and where it is in `found`; a phrase with a word no fact holds is
    /// not here.
    ids: HashMap<Vec<String>, usize>,
    found: Vec<Found>,
}

impl Phrases {
    pub(super) fn find(index: &Index, clauses: &[Clause]) -> Result<Self, TooLarge> {
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
pub(super) fn resolved(index: &Index, phrases: &Phrases, clauses: Vec<Clause>) -> Vec<Clause> {
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
pub(super) enum How {
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
pub(super) enum Probe<'i> {
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
pub(super) fn probes<'i>(
    index: &'i Index,
    phrases: &'i Phrases,
    clause: &Clause,
) -> Vec<Probe<'i>> {
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
pub(super) struct Hit {
    pub(super) fact: u32,
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
pub(super) fn find(
    index: &Index,
    clauses: &[Clause],
    probes: &[Vec<Probe>],
) -> (Vec<Hit>, Vec<usize>) {
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
pub(super) fn rank(index: &Index, clauses: &[Clause], hits: &mut [Hit]) {
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
pub(super) fn union(probes: &[Probe]) -> Vec<(u32, How)> {
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
pub(super) fn intersect(left: Vec<Hit>, found: &[(u32, How)], clause: usize) -> Vec<Hit> {
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
pub(super) fn how_matched(clauses: &[Clause], entry: &index::Entry, hit: &Hit) -> Match {
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
                format!("{} → section {}", clause.shown, heading(entry.section)),
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
