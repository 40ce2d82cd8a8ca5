//! The word index of a search: every fact's words as keys, and for each key the facts that
//! hold it, built once per run in one pass over the knowledge base.
//!
//! A fact's words are also kept in order, encoded so that a phrase can only match at a word
//! boundary; every phrase of a query is found in one Aho-Corasick pass over the facts that
//! may hold one, never in a pass per phrase.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use super::words::Words;
use crate::model::Relation;
use crate::model::Section;

/// Word ids are encoded in 28 bits and facts are posted as `fact << 1` in a `u32`: data
/// past either limit is refused with this error rather than indexed wrongly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge;

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the data is too large to search: more than 2^31 facts or 2^28 distinct words")
    }
}

impl std::error::Error for TooLarge {}

/// One fact in the index, borrowed from the knowledge base.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// Position of the role in the knowledge base.
    pub role: usize,
    pub section: Section,
    /// How the roles relate, for a collaboration fact.
    pub relation: Option<Relation>,
    pub topic: Option<&'a str>,
    pub text: &'a str,
    pub sources: &'a [String],
    /// Where the fact's encoded words are in [`Index::text`].
    words: std::ops::Range<usize>,
}

/// Facts and their words.
#[derive(Default)]
pub struct Index<'a> {
    pub entries: Vec<Entry<'a>>,
    ids: HashMap<String, u32>,
    /// The id of each word as written: one lookup per word, without allocating or stemming,
    /// since texts repeat their words.
    written_ids: HashMap<&'a str, u32>,
    /// For each key, the facts holding it in order, as `fact << 1 | 1` when the fact's text
    /// holds it and `fact << 1` when only its topic does.
    postings: Vec<Vec<u32>>,
    /// A word of each key as written, for did-you-mean.
    written: Vec<&'a str>,
    /// The encoded words of every fact, one after another.
    text: Vec<u8>,
    /// The encoded words of each distinct topic.
    topics: Vec<Vec<u8>>,
    topic_ids: HashMap<&'a str, usize>,
    /// The facts filed under each topic, by topic id, as `fact << 1`.
    filed: Vec<Vec<u32>>,
    /// The facts of each section and of each kind of collaboration, as `fact << 1`.
    sections: HashMap<Section, Vec<u32>>,
    relations: HashMap<Relation, Vec<u32>>,
    /// The facts of each role (by its position in the knowledge base), which are added
    /// together.
    roles: HashMap<usize, Range<u32>>,
    /// The facts of other roles that a role's profile shows too (a shared dispute or
    /// collaboration), as `fact << 1`.
    shown_with: HashMap<usize, Vec<u32>>,
}

/// Where a phrase is found: the facts whose text holds it, as `fact << 1 | 1`, and the topics
/// (by id) whose words hold it.
#[derive(Debug, Default)]
pub struct Found {
    pub text: Vec<u32>,
    pub topics: Vec<usize>,
}

/// A word or phrase as the ids of its keys, ready to look up and to find in encoded text.
pub struct Pattern {
    keys: Vec<u32>,
    encoded: Vec<u8>,
}

impl<'a> Index<'a> {
    /// Adds a fact; its text's words, then its topic's, go into the postings.
    #[allow(clippy::too_many_arguments)]
    pub fn add(
        &mut self,
        words: &Words,
        role: usize,
        section: Section,
        relation: Option<Relation>,
        topic: Option<&'a str>,
        text: &'a str,
        sources: &'a [String],
    ) -> Result<(), TooLarge> {
        let fact = u32::try_from(self.entries.len())
            .ok()
            .filter(|fact| *fact < 1 << 31)
            .ok_or(TooLarge)?;
        let start = self.text.len();
        for word in Words::split(text) {
            let id = self.word(words, word)?;
            encode(id, &mut self.text);
            self.post(id, fact << 1 | 1);
        }
        let topic_id = topic.map(|topic| self.topic(words, topic)).transpose()?;
        if let Some(topic_id) = topic_id {
            self.filed[topic_id].push(fact << 1);
            let keys = decode(&self.topics[topic_id]);
            for id in keys {
                self.post(id, fact << 1);
            }
        }
        self.sections.entry(section).or_default().push(fact << 1);
        if let Some(relation) = relation {
            self.relations.entry(relation).or_default().push(fact << 1);
        }
        let facts = self.roles.entry(role).or_insert(fact..fact);
        facts.end = fact + 1;
        self.entries.push(Entry {
            role,
            section,
            relation,
            topic,
            text,
            sources,
            words: start..self.text.len(),
        });
        Ok(())
    }

    fn word(&mut self, words: &Words, word: &'a str) -> Result<u32, TooLarge> {
        if let Some(&id) = self.written_ids.get(word) {
            return Ok(id);
        }
        let id = self.id(word, &words.remembered(word))?;
        self.written_ids.insert(word, id);
        Ok(id)
    }

    fn id(&mut self, word: &'a str, key: &str) -> Result<u32, TooLarge> {
        if let Some(&id) = self.ids.get(key) {
            return Ok(id);
        }
        let id = u32::try_from(self.postings.len())
            .ok()
            .filter(|id| *id < 1 << 28)
            .ok_or(TooLarge)?;
        self.ids.insert(key.to_owned(), id);
        self.postings.push(Vec::new());
        self.written.push(word);
        Ok(id)
    }

    /// Posts a fact under a key once: text words come first, so a word in both the text and
    /// the topic keeps the text's mark.
    fn post(&mut self, id: u32, entry: u32) {
        let list = &mut self.postings[id as usize];
        if list.last().is_none_or(|last| last >> 1 != entry >> 1) {
            list.push(entry);
        }
    }

    fn topic(&mut self, words: &Words, topic: &'a str) -> Result<usize, TooLarge> {
        if let Some(&id) = self.topic_ids.get(topic) {
            return Ok(id);
        }
        let mut encoded = Vec::new();
        for word in Words::split(topic) {
            let id = self.word(words, word)?;
            encode(id, &mut encoded);
        }
        self.topics.push(encoded);
        self.filed.push(Vec::new());
        self.topic_ids.insert(topic, self.topics.len() - 1);
        Ok(self.topics.len() - 1)
    }

    /// The pattern for a key sequence, or `None` when some key is in no fact.
    pub fn pattern(&self, keys: &[String]) -> Option<Pattern> {
        let ids: Vec<u32> = keys
            .iter()
            .map(|key| self.ids.get(key).copied())
            .collect::<Option<_>>()?;
        let mut encoded = Vec::with_capacity(ids.len() * 4);
        for &id in &ids {
            encode(id, &mut encoded);
        }
        Some(Pattern { keys: ids, encoded })
    }

    /// The postings of the pattern's rarest word: the facts that may hold it.
    fn rarest(&self, pattern: &Pattern) -> &[u32] {
        pattern
            .keys
            .iter()
            .map(|&id| self.postings[id as usize].as_slice())
            .min_by_key(|list| list.len())
            .unwrap_or_default()
    }

    /// The postings of a key: `fact << 1 | 1` where the fact's text holds it, `fact << 1`
    /// where only its topic does; `None` when no fact holds it.
    pub fn postings(&self, key: &str) -> Option<&[u32]> {
        self.ids
            .get(key)
            .map(|&id| self.postings[id as usize].as_slice())
    }

    /// Where each phrase (a pattern of several words) is found, in one pass over the facts
    /// that hold the rarest word of some phrase (or over every fact, when that is fewer) and
    /// one over the topics: linear in those facts' words, the phrases and what is found.
    pub fn phrases(&self, phrases: &[&Pattern]) -> Result<Vec<Found>, TooLarge> {
        let mut found: Vec<Found> = phrases.iter().map(|_| Found::default()).collect();
        if phrases.is_empty() {
            return Ok(found);
        }
        // An NFA is built in time linear in the phrases; a DFA can take minutes for one long
        // quoted phrase.
        let matcher = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(phrases.iter().map(|pattern| &pattern.encoded))
            .map_err(|_| TooLarge)?;
        let candidates: usize = phrases.iter().map(|p| self.rarest(p).len()).sum();
        let facts: Vec<u32> = if candidates >= self.entries.len() {
            (0..u32::try_from(self.entries.len()).map_err(|_| TooLarge)?).collect()
        } else {
            let mut facts: Vec<u32> = phrases
                .iter()
                .flat_map(|pattern| self.rarest(pattern))
                .filter(|entry| *entry & 1 == 1)
                .map(|entry| entry >> 1)
                .collect();
            facts.sort_unstable();
            facts.dedup();
            facts
        };
        for fact in facts {
            let entry = &self.entries[fact as usize];
            for hit in matcher.find_overlapping_iter(&self.text[entry.words.clone()]) {
                let list = &mut found[hit.pattern().as_usize()].text;
                if list.last() != Some(&(fact << 1 | 1)) {
                    list.push(fact << 1 | 1);
                }
            }
        }
        for (topic, encoded) in self.topics.iter().enumerate() {
            for hit in matcher.find_overlapping_iter(encoded) {
                let topics = &mut found[hit.pattern().as_usize()].topics;
                if topics.last() != Some(&topic) {
                    topics.push(topic);
                }
            }
        }
        Ok(found)
    }

    /// The facts filed under a topic, by its label, as `fact << 1` (not found in their text).
    pub fn filed(&self, topic: &str) -> &[u32] {
        self.topic_ids
            .get(topic)
            .map_or(&[], |&id| self.filed[id].as_slice())
    }

    /// The facts filed under a topic, by its id.
    pub fn filed_by_id(&self, topic: usize) -> &[u32] {
        &self.filed[topic]
    }

    /// The facts of a section, as `fact << 1`.
    pub fn section(&self, section: Section) -> &[u32] {
        self.sections.get(&section).map_or(&[], Vec::as_slice)
    }

    /// The collaboration facts of a relation, as `fact << 1`.
    pub fn relation(&self, relation: Relation) -> &[u32] {
        self.relations.get(&relation).map_or(&[], Vec::as_slice)
    }

    /// Marks the fact added last as shown on the profile of another role (by its position in
    /// the knowledge base).
    pub fn shown_with(&mut self, role: usize) {
        if let Some(fact) = self.entries.len().checked_sub(1) {
            // Facts are counted in a u32 when they are added.
            #[allow(clippy::cast_possible_truncation)]
            let fact = fact as u32;
            let facts = self.shown_with.entry(role).or_default();
            if facts.last() != Some(&(fact << 1)) {
                facts.push(fact << 1);
            }
        }
    }

    /// The facts of other roles that a role's profile shows too, as `fact << 1`.
    pub fn shown_with_role(&self, role: usize) -> &[u32] {
        self.shown_with.get(&role).map_or(&[], Vec::as_slice)
    }

    /// The facts of a role, by its position in the knowledge base.
    pub fn role(&self, role: usize) -> Range<u32> {
        self.roles.get(&role).cloned().unwrap_or(0..0)
    }

    /// The words of the index as written, for did-you-mean.
    pub fn written(&self) -> impl Iterator<Item = &'a str> {
        self.written.iter().copied()
    }
}

/// Four bytes per word; only the first has its high bit set, so that an encoded phrase found
/// in an encoded text always starts at a word.
// Each byte is masked to 7 bits before the cast, so nothing is cut off.
#[allow(clippy::cast_possible_truncation)]
fn encode(id: u32, out: &mut Vec<u8>) {
    out.extend([
        0x80 | (id >> 21 & 0x7f) as u8,
        (id >> 14 & 0x7f) as u8,
        (id >> 7 & 0x7f) as u8,
        (id & 0x7f) as u8,
    ]);
}

fn decode(encoded: &[u8]) -> Vec<u32> {
    encoded
        .chunks_exact(4)
        .map(|chunk| {
            (u32::from(chunk[0] & 0x7f) << 21)
                | (u32::from(chunk[1]) << 14)
                | (u32::from(chunk[2]) << 7)
                | u32::from(chunk[3])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{decode, encode};

    #[test]
    fn words_encode_and_decode_without_a_high_bit_after_the_first_byte() {
        let mut out = Vec::new();
        for id in [0, 1, 127, 128, 300_000, (1 << 28) - 1] {
            encode(id, &mut out);
        }
        assert_eq!(decode(&out), [0, 1, 127, 128, 300_000, (1 << 28) - 1]);
        for chunk in out.chunks_exact(4) {
            assert!(chunk[0] & 0x80 != 0);
            assert!(chunk[1..].iter().all(|byte| byte & 0x80 == 0));
        }
    }
}
