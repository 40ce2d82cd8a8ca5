//! The search vocabulary of a `search.yaml` (or any vocabulary file): stop words and family
//! forms of one word each, intents that say how a question asks them and where the answer
//! is, each form in one family.

use std::collections::HashMap;

use super::super::raw::{Text, VocabularyFile};
use super::{Checks, Diagnostic};

impl Checks<'_> {
    pub(super) fn search_words(&mut self, file: &str, parsed: &VocabularyFile) {
        let mut report = |at: &Text, key: String, message: String| {
            self.diagnostics
                .push(Diagnostic::at(file, at, key, message));
        };
        for (index, word) in parsed.stop_words.iter().enumerate() {
            if let Some(problem) = not_one_word(&word.value) {
                report(word, format!("stop_words[{index}]"), problem);
            }
        }
        for (index, intent) in parsed.intents.iter().enumerate() {
            let key = format!("intents[{index}]");
            let id = intent.id.value.trim();
            if intent.words.is_empty() {
                report(
                    &intent.id,
                    format!("{key}.words"),
                    format!("intent '{id}' has no words: add `words: [<how a question says it>]`"),
                );
            }
            if intent.sections.is_empty() && intent.relations.is_empty() {
                report(
                    &intent.id,
                    format!("{key}.sections"),
                    format!(
                        "intent '{id}' points nowhere: add `sections: [<section>]` or `relations: [<relation>]`"
                    ),
                );
            }
            for (list, texts) in [("words", &intent.words), ("mentions", &intent.mentions)] {
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
        }
        for (index, family) in parsed.families.iter().enumerate() {
            let key = format!("families[{index}]");
            let id = family.id.value.trim();
            if family.forms.is_empty() {
                report(
                    &family.id,
                    format!("{key}.forms"),
                    format!("family '{id}' has no forms: add `forms: [<word>, <word>]`"),
                );
            }
            for (at, form) in family.forms.iter().enumerate() {
                let place = format!("{key}.forms[{at}]");
                if let Some(problem) = not_one_word(&form.value) {
                    report(form, place, problem);
                    continue;
                }
                // A form two families of the layered vocabulary hold: search could not tell
                // which word it is.
                let lower = form.value.trim().to_lowercase();
                let owners = self.ids.family_forms.get(lower.as_str());
                let others: Vec<&str> = owners
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|owner| *owner != id)
                    .collect();
                if owners.is_some_and(|owners| owners.contains(&id)) && !others.is_empty() {
                    report(
                        form,
                        place,
                        format!(
                            "'{lower}' is also a form of family '{}': a form belongs to one family",
                            others.join("', '")
                        ),
                    );
                }
            }
        }
        let mut first = HashMap::new();
        for (index, intent) in parsed.intents.iter().enumerate() {
            self.once(
                &mut first,
                file,
                &intent.id,
                &format!("intents[{index}]"),
                "intent",
            );
        }
        let mut first = HashMap::new();
        for (index, family) in parsed.families.iter().enumerate() {
            self.once(
                &mut first,
                file,
                &family.id,
                &format!("families[{index}]"),
                "family",
            );
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
