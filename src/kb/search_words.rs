//! The search vocabulary (`search.yaml`): stop words, intents and word families, checked as
//! the glossary is and layered over the base's, an entry replacing the one of its id.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::Diagnostic;
use super::raw::{RawFamily, RawIntent, Text};
use crate::model::{Intent, SearchWords, WordFamily};

/// The vocabulary being layered: the base's, then each file's in order.
#[derive(Default)]
pub struct Layered {
    stop_words: BTreeSet<String>,
    intents: BTreeMap<String, Intent>,
    families: BTreeMap<String, WordFamily>,
}

/// Reports a problem at a value, under a key.
type Report<'a> = dyn FnMut(&Text, String, String) + 'a;

/// One file's entries, as parsed.
pub struct FileWords {
    pub stop_words: Vec<Text>,
    pub intents: Vec<RawIntent>,
    pub families: Vec<RawFamily>,
}

impl Layered {
    pub fn new(base: SearchWords) -> Self {
        Self {
            stop_words: base.stop_words.into_iter().collect(),
            intents: base
                .intents
                .into_iter()
                .map(|intent| (intent.id.clone(), intent))
                .collect(),
            families: base
                .families
                .into_iter()
                .map(|family| (family.id.clone(), family))
                .collect(),
        }
    }

    /// Adds one file's entries, reporting what is wrong with them in `problems`.
    pub fn add(&mut self, file: &str, words: FileWords, problems: &mut Vec<Diagnostic>) {
        let mut report = |at: &Text, key: String, message: String| {
            problems.push(Diagnostic::at(file, at, key, message));
        };
        self.add_stop_words(&words.stop_words, &mut report);
        self.add_intents(words.intents, &mut report);
        self.add_families(words.families, &mut report);
    }

    fn add_stop_words(&mut self, stop_words: &[Text], report: &mut Report) {
        for (index, word) in stop_words.iter().enumerate() {
            if let Some(problem) = not_one_word(&word.value) {
                report(word, format!("stop_words[{index}]"), problem);
            } else {
                self.stop_words.insert(word.value.trim().to_lowercase());
            }
        }
    }

    fn add_intents(&mut self, intents: Vec<RawIntent>, report: &mut Report) {
        let mut seen = BTreeSet::new();
        for (index, raw) in intents.into_iter().enumerate() {
            let key = format!("intents[{index}]");
            let id = raw.id.value.trim().to_owned();
            if !seen.insert(id.clone()) {
                report(&raw.id, format!("{key}.id"), defined_twice(&id));
            }
            if raw.words.is_empty() {
                report(
                    &raw.id,
                    format!("{key}.words"),
                    format!("intent '{id}' has no words: add `words: [<how a question says it>]`"),
                );
            }
            if raw.sections.is_empty() && raw.relations.is_empty() {
                report(
                    &raw.id,
                    format!("{key}.sections"),
                    format!(
                        "intent '{id}' points nowhere: add `sections: [<section>]` or `relations: [<relation>]`"
                    ),
                );
            }
            for (list, texts) in [("words", &raw.words), ("mentions", &raw.mentions)] {
                for (at, text) in texts.iter().enumerate() {
                    if text.value.trim().is_empty() {
                        report(
                            text,
                            format!("{key}.{list}[{at}]"),
                            "text is empty".to_owned(),
                        );
                    }
                }
            }
            self.intents.insert(
                id.clone(),
                Intent {
                    id,
                    words: trimmed(raw.words),
                    mentions: trimmed(raw.mentions),
                    sections: raw.sections,
                    relations: raw.relations,
                    description: raw.description,
                },
            );
        }
    }

    fn add_families(&mut self, families: Vec<RawFamily>, report: &mut Report) {
        // Each form in one family: the families a file replaces give their forms up first.
        let replaced: BTreeSet<String> = families
            .iter()
            .map(|family| family.id.value.trim().to_owned())
            .collect();
        let mut owner: HashMap<String, String> = self
            .families
            .values()
            .filter(|family| !replaced.contains(&family.id))
            .flat_map(|family| {
                family
                    .forms
                    .iter()
                    .map(|form| (form.clone(), family.id.clone()))
            })
            .collect();
        let mut seen = BTreeSet::new();
        for (index, raw) in families.into_iter().enumerate() {
            let key = format!("families[{index}]");
            let id = raw.id.value.trim().to_owned();
            if !seen.insert(id.clone()) {
                report(&raw.id, format!("{key}.id"), defined_twice(&id));
            }
            if raw.forms.is_empty() {
                report(
                    &raw.id,
                    format!("{key}.forms"),
                    format!("family '{id}' has no forms: add `forms: [<word>, <word>]`"),
                );
            }
            let mut forms = Vec::new();
            for (at, form) in raw.forms.iter().enumerate() {
                let place = format!("{key}.forms[{at}]");
                if let Some(problem) = not_one_word(&form.value) {
                    report(form, place, problem);
                    continue;
                }
                let lower = form.value.trim().to_lowercase();
                match owner.get(&lower) {
                    Some(other) if *other != id => report(
                        form,
                        place,
                        format!(
                            "'{lower}' is already a form of family '{other}': a form belongs to one family"
                        ),
                    ),
                    Some(_) => {}
                    None => {
                        owner.insert(lower.clone(), id.clone());
                        forms.push(lower);
                    }
                }
            }
            self.families.insert(
                id.clone(),
                WordFamily {
                    id,
                    forms,
                    description: raw.description,
                },
            );
        }
    }

    pub fn finish(self) -> SearchWords {
        SearchWords {
            stop_words: self.stop_words.into_iter().collect(),
            intents: self.intents.into_values().collect(),
            families: self.families.into_values().collect(),
        }
    }
}

/// Why `text` is not one word of letters and digits (an apostrophe allowed), if it is not.
fn not_one_word(text: &str) -> Option<String> {
    let word = text.trim();
    if word.is_empty() {
        return Some("text is empty".to_owned());
    }
    let plain = word
        .chars()
        .all(|c| c.is_alphanumeric() || c == '\'' || c == '\u{2019}');
    (!plain).then(|| {
        format!("'{word}' is not one word: use letters and digits only, one word per entry")
    })
}

fn defined_twice(id: &str) -> String {
    format!("'{id}' is defined twice in this file")
}

fn trimmed(texts: Vec<Text>) -> Vec<String> {
    texts
        .into_iter()
        .map(|text| text.value.trim().to_owned())
        .filter(|text| !text.is_empty())
        .collect()
}
