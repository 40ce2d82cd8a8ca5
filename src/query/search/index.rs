//! The word index of a search: every fact's words as keys, and for each key the facts that
//! hold it, built once per run in one pass over the knowledge base.
//!
//! A fact's words are also kept in order, encoded so that a phrase is found with a linear
//! substring search (`memchr::memmem`) and can only match at a word boundary.

use std::collections::HashMap;

use memchr::memmem;

use super::words::Words;
use crate::query::Section;

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
    pub topic: Option<&'a str>,
    pub text: &'a str,
    pub sources: &'a [String],
    /// Where the fact's encoded words are in [`Index::text`].
    words: std::ops::Range<usize>,
    topic_id: Option<usize>,
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
    /// The facts filed under each topic, as `fact << 1`.
    filed: HashMap<&'a str, Vec<u32>>,
}

/// A word or phrase as the ids of its keys, ready to look up and to find in encoded text.
pub struct Pattern {
    keys: Vec<u32>,
    encoded: Vec<u8>,
}

impl<'a> Index<'a> {
    /// Adds a fact; its text's words, then its topic's, go into the postings.
    pub fn add(
        &mut self,
        words: &Words,
        role: usize,
        section: Section,
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
        if let Some(topic) = topic {
            self.filed.entry(topic).or_default().push(fact << 1);
        }
        if let Some(topic_id) = topic_id {
            let keys = decode(&self.topics[topic_id]);
            for id in keys {
                self.post(id, fact << 1);
            }
        }
        self.entries.push(Entry {
            role,
            section,
            topic,
            text,
            sources,
            words: start..self.text.len(),
            topic_id,
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

    /// How many facts at most the pattern can match: the cost of [`Index::facts`].
    pub fn estimate(&self, pattern: &Pattern) -> usize {
        self.rarest(pattern).len()
    }

    /// Every fact the pattern matches, in order, marked as in [`Index::postings`].
    pub fn facts(&self, pattern: &Pattern) -> Vec<u32> {
        let candidates = self.rarest(pattern);
        if pattern.keys.len() == 1 {
            return candidates.to_vec();
        }
        candidates
            .iter()
            .filter_map(|&entry| self.verify(pattern, entry >> 1))
            .collect()
    }

    /// Whether the pattern matches a fact: `Some(fact << 1 | 1)` in its text, `Some(fact << 1)`
    /// in its topic only, `None` not at all.
    pub fn lookup(&self, pattern: &Pattern, fact: u32) -> Option<u32> {
        let candidates = self.rarest(pattern);
        let at = candidates.partition_point(|entry| entry >> 1 < fact);
        let entry = *candidates.get(at).filter(|entry| *entry >> 1 == fact)?;
        if pattern.keys.len() == 1 {
            Some(entry)
        } else {
            self.verify(pattern, fact)
        }
    }

    /// A phrase's words in sequence in the fact's text, else in its topic.
    fn verify(&self, pattern: &Pattern, fact: u32) -> Option<u32> {
        let entry = &self.entries[fact as usize];
        let text = &self.text[entry.words.clone()];
        if text.len() >= pattern.encoded.len() && memmem::find(text, &pattern.encoded).is_some() {
            return Some(fact << 1 | 1);
        }
        let topic = &self.topics[entry.topic_id?];
        memmem::find(topic, &pattern.encoded).map(|_| fact << 1)
    }

    /// The facts filed under a topic, as `fact << 1` (not found in their text).
    pub fn filed(&self, topic: &str) -> &[u32] {
        self.filed.get(topic).map_or(&[], Vec::as_slice)
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
