//! Words as search sees them: Unicode word boundaries, folded case and English stems.
//!
//! Text and queries go through the same steps, so that whatever a fact says, a query finds it
//! by the same key: "Records" and "record" are both `record`, "data-protection" is the two
//! words `data protection`, "CTOs" and "CTO's" are both `cto`.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

/// Words too common to narrow a search; a query drops them unless it has nothing else.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "its", "of",
    "on", "or", "that", "the", "this", "to", "with",
];

pub fn is_stop_word(key: &str) -> bool {
    STOP_WORDS.contains(&key)
}

/// Turns words into search keys.
pub struct Words {
    stemmer: Stemmer,
    /// Keys of known abbreviations (`cto`, `sla`), whose plurals the stemmer keeps apart.
    abbreviations: HashSet<String>,
    /// Keys of the words seen so far: texts repeat their words, and stemming is most of the
    /// cost of indexing.
    known: RefCell<HashMap<String, String>>,
}

impl Words {
    /// `abbreviations` are short forms (CTO, SLA) whose plural ("SLAs") should find them.
    pub fn new<'a>(abbreviations: impl IntoIterator<Item = &'a str>) -> Self {
        let mut words = Self {
            stemmer: Stemmer::create(Algorithm::English),
            abbreviations: HashSet::new(),
            known: RefCell::default(),
        };
        let keys: HashSet<String> = abbreviations
            .into_iter()
            .flat_map(|abbreviation| words.keys(abbreviation))
            .collect();
        words.abbreviations = keys;
        // Keys found before the abbreviations were known may be wrong for their plurals.
        words.known.borrow_mut().clear();
        words
    }

    /// The words of `text`, in order, split at Unicode word boundaries.
    pub fn split(text: &str) -> impl Iterator<Item = &str> {
        text.unicode_words()
    }

    /// Calls `visit` with every word of `text` and its key, in order.
    pub fn each<'t>(&self, text: &'t str, visit: &mut dyn FnMut(&'t str, &str)) {
        let mut known = self.known.borrow_mut();
        for word in text.unicode_words() {
            if let Some(key) = known.get(word) {
                visit(word, key);
            } else {
                let key = self.key(word);
                visit(word, &key);
                known.insert(word.to_owned(), key);
            }
        }
    }

    /// The key of one word, remembered for the next time it comes.
    pub fn remembered(&self, word: &str) -> String {
        let mut known = self.known.borrow_mut();
        if let Some(key) = known.get(word) {
            return key.clone();
        }
        let key = self.key(word);
        known.insert(word.to_owned(), key.clone());
        key
    }

    /// The keys of the words of `text`, in order.
    pub fn keys(&self, text: &str) -> Vec<String> {
        let mut keys = Vec::new();
        self.each(text, &mut |_, key| keys.push(key.to_owned()));
        keys
    }

    /// The key of one word: lower case and stemmed, except that an abbreviation written in
    /// capitals keeps apart from a common word ("IT" is not "it") and loses a plural `s`.
    pub fn key(&self, word: &str) -> String {
        // A composed and a decomposed "é" are one letter: texts are stored in NFC, queries
        // are typed on any keyboard.
        let composed = crate::kb::lookup::nfc(word);
        let word = ["'s", "\u{2019}s"]
            .iter()
            .find_map(|possessive| composed.strip_suffix(possessive))
            .unwrap_or(&composed);
        let capitals = word.chars().filter(|c| c.is_uppercase()).count();
        let lower = fold(word);
        if capitals >= 2 && capitals == word.chars().filter(|c| c.is_alphabetic()).count() {
            // "IT", "AS": a capitalised stop word is an abbreviation, not the common word.
            if is_stop_word(&lower) {
                return word.to_owned();
            }
        } else if capitals >= 2
            && let Some(singular) = word.strip_suffix('s')
            && singular.chars().all(|c| !c.is_lowercase())
        {
            // "CTOs", "SLAs": the stemmer would keep "slas", as it keeps "gas".
            return fold(singular);
        }
        if let Some(singular) = lower.strip_suffix('s')
            && singular.chars().count() >= 3
            && self.abbreviations.contains(singular)
        {
            // "slas" typed in lower case, for a known abbreviation.
            return singular.to_owned();
        }
        if lower.chars().any(char::is_numeric) {
            return lower;
        }
        self.stemmer.stem(&lower).into_owned()
    }
}

/// Lower case, with the typographic apostrophe as the ASCII one that the stemmer knows.
fn fold(word: &str) -> String {
    word.to_lowercase().replace('\u{2019}', "'")
}

#[cfg(test)]
mod tests {
    use super::Words;

    fn keys(text: &str) -> Vec<String> {
        Words::new(["SLA", "CTO"]).keys(text)
    }

    #[test]
    fn plurals_and_inflections_share_a_key() {
        assert_eq!(keys("record records"), ["record", "record"]);
        assert_eq!(keys("report reports reporting"), ["report"; 3]);
    }

    #[test]
    fn hyphens_split_words_like_spaces() {
        assert_eq!(keys("data-protection"), keys("data protection"));
        assert_eq!(keys("Data Protection"), keys("data protection"));
    }

    #[test]
    fn words_are_whole_words_not_letters_inside_others() {
        assert_eq!(keys("mainly chain"), ["main", "chain"]);
        assert!(!keys("mainly chain").contains(&"ai".to_owned()));
    }

    #[test]
    fn abbreviations_keep_their_key_in_plural_possessive_and_lower_case() {
        assert_eq!(keys("CTO CTOs CTO's CTO\u{2019}s ctos"), ["cto"; 5]);
        assert_eq!(keys("SLAs slas SLA"), ["sla"; 3]);
        assert_eq!(keys("KPIs"), ["kpi"]);
    }

    #[test]
    fn a_capitalised_stop_word_is_an_abbreviation() {
        assert_eq!(keys("IT it its"), ["IT", "it", "it"]);
    }

    #[test]
    fn a_decomposed_accent_is_the_composed_letter() {
        assert_eq!(keys("re\u{301}sume\u{301}"), keys("r\u{e9}sum\u{e9}"));
    }

    #[test]
    fn r_and_d_is_two_words() {
        assert_eq!(keys("R&D"), ["r", "d"]);
    }
}
