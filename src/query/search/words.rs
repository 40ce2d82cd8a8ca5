//! Words as search sees them: Unicode word boundaries, folded case and English stems.
//!
//! Text and queries go through the same steps, so that whatever a fact says, a query finds it
//! by the same key: "Records" and "record" are both `record`, "data-protection" is the two
//! words `data protection`, "CTOs" and "CTO's" are both `cto`.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

use crate::model::SearchWords;

/// Turns words into search keys.
pub struct Words {
    stemmer: Stemmer,
    /// Keys of known abbreviations (`cto`, `sla`), whose plurals the stemmer keeps apart.
    abbreviations: HashSet<String>,
    /// Stop words in lower case, and their keys: words too common to narrow a search.
    stop_forms: HashSet<String>,
    stop_keys: HashSet<String>,
    /// The key of each form of a word family, in lower case ...
    family_forms: HashMap<String, String>,
    /// ... and of each stem that only one family's forms have, so that an inflection the
    /// family does not list still joins it.
    family_stems: HashMap<String, String>,
    /// Keys of the words seen so far: texts repeat their words, and stemming is most of the
    /// cost of indexing.
    known: RefCell<HashMap<String, String>>,
}

impl Words {
    /// `abbreviations` are short forms (CTO, SLA) whose plural ("SLAs") should find them;
    /// `vocabulary` gives the stop words and word families.
    pub fn new<'a>(
        abbreviations: impl IntoIterator<Item = &'a str>,
        vocabulary: &SearchWords,
    ) -> Self {
        let mut words = Self {
            stemmer: Stemmer::create(Algorithm::English),
            abbreviations: HashSet::new(),
            stop_forms: vocabulary
                .stop_words
                .iter()
                .map(|word| fold(word))
                .collect(),
            stop_keys: HashSet::new(),
            family_forms: HashMap::new(),
            family_stems: HashMap::new(),
            known: RefCell::default(),
        };
        // A stem two families share (experiment, experience: `experi`) belongs to neither.
        let mut stems: HashMap<String, Option<&str>> = HashMap::new();
        for family in &vocabulary.families {
            for form in &family.forms {
                let stem = words.stemmer.stem(&fold(form)).into_owned();
                stems
                    .entry(stem)
                    .and_modify(|owner| {
                        if *owner != Some(family.id.as_str()) {
                            *owner = None;
                        }
                    })
                    .or_insert(Some(family.id.as_str()));
            }
        }
        for family in &vocabulary.families {
            let key = family_key(&family.id);
            for form in &family.forms {
                words.family_forms.insert(fold(form), key.clone());
            }
        }
        words.family_stems = stems
            .into_iter()
            .filter_map(|(stem, owner)| Some((stem, family_key(owner?))))
            .collect();
        let stop_keys: HashSet<String> = words
            .stop_forms
            .iter()
            .map(|word| words.key(word))
            .collect();
        words.stop_keys = stop_keys;
        let keys: HashSet<String> = abbreviations
            .into_iter()
            .flat_map(|abbreviation| words.keys(abbreviation))
            .collect();
        words.abbreviations = keys;
        // Keys found before the abbreviations were known may be wrong for their plurals.
        words.known.borrow_mut().clear();
        words
    }

    /// Whether a key is that of a stop word.
    pub fn is_stop(&self, key: &str) -> bool {
        self.stop_keys.contains(key)
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
            if self.stop_forms.contains(&lower) {
                return word.to_owned();
            }
        } else if capitals >= 2
            && let Some(singular) = word.strip_suffix('s')
            && singular.chars().all(|c| !c.is_lowercase())
        {
            // "CTOs", "SLAs": the stemmer would keep "slas", as it keeps "gas".
            return fold(singular);
        }
        if let Some(key) = self.family_forms.get(&lower) {
            return key.clone();
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
        let stem = self.stemmer.stem(&lower);
        match self.family_stems.get(stem.as_ref()) {
            Some(key) => key.clone(),
            None => stem.into_owned(),
        }
    }
}

/// The key of a word family: no word holds `#`, so it is no other word's key.
fn family_key(id: &str) -> String {
    format!("#{id}")
}

/// Lower case, with the typographic apostrophe as the ASCII one that the stemmer knows.
fn fold(word: &str) -> String {
    word.to_lowercase().replace('\u{2019}', "'")
}

#[cfg(test)]
mod tests {
    use super::Words;
    use crate::model::{SearchWords, WordFamily};

    fn vocabulary() -> SearchWords {
        let family = |id: &str, forms: &[&str]| WordFamily {
            id: id.to_owned(),
            forms: forms.iter().map(|form| (*form).to_owned()).collect(),
            description: None,
        };
        SearchWords {
            stop_words: ["it", "its", "the", "does"].map(str::to_owned).to_vec(),
            intents: Vec::new(),
            families: vec![
                family("privacy", &["privacy", "private"]),
                family("experiment", &["experiment", "experiments"]),
                family("experience", &["experience", "experiences"]),
            ],
        }
    }

    fn keys(text: &str) -> Vec<String> {
        Words::new(["SLA", "CTO"], &vocabulary()).keys(text)
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
    fn a_family_joins_forms_the_stemmer_keeps_apart() {
        let privacy = keys("privacy private Private privately");
        assert_eq!(
            privacy[..3],
            [privacy[0].clone(), privacy[0].clone(), privacy[0].clone()]
        );
        // An unlisted form joins through its stem when only one family has that stem.
        assert_eq!(keys("privately")[0], keys("private")[0]);
    }

    #[test]
    fn families_keep_apart_words_the_stemmer_joins() {
        assert_eq!(
            keys("experiment experiments"),
            keys("experiment experiment")
        );
        assert_ne!(keys("experiments"), keys("experiences"));
        // The shared stem belongs to neither family, so neither finds the other through it.
        assert_ne!(keys("experimenting")[0], keys("experience")[0]);
    }

    #[test]
    fn stop_words_are_known_by_their_keys() {
        let words = Words::new([], &vocabulary());
        assert!(words.is_stop(&words.key("does")));
        assert!(words.is_stop(&words.key("The")));
        assert!(!words.is_stop(&words.key("IT")));
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
