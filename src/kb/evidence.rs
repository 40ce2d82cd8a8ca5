//! Evidence: the short verbatim excerpts that pin a cited entry to its sentences, checked
//! against the text of a source when the source's text is stored with the data.
//!
//! Quotes are compared word by word: case, spacing, line breaks, punctuation and the style of
//! quotes and dashes (’ “ ” – —, as the articles print them) never hide a quote, while every
//! word and its order must be the source's own.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde_saphyr::Spanned;

use super::Diagnostic;
use super::raw::{RawEvidence, RawExcerpt, Text};
use crate::model::{Excerpt, SourceKind};

/// The most words a quote of an article may have: the articles are not ours to copy.
pub const ARTICLE_WORDS: usize = 10;
/// The most words a quote of any other source may have: enough to find a sentence.
pub const QUOTE_WORDS: usize = 25;

/// The words of a text as quotes are compared: lower case, apostrophes inside words kept
/// (typographic ones as `'`), everything else that is not a letter or digit a break.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || is_apostrophe(c)))
        .map(|word| {
            word.trim_matches(is_apostrophe)
                .chars()
                .map(|c| if is_apostrophe(c) { '\'' } else { c })
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|word| !word.is_empty())
        .collect()
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// A source's text, indexed so that finding a quote of `n` words costs `n` steps once the
/// text's runs of `n` words are hashed (once per length, and quotes are at most
/// [`QUOTE_WORDS`] long): checking many quotes against a long text stays linear.
pub struct Passage {
    words: Vec<u32>,
    vocabulary: HashMap<String, u32>,
    /// For each quote length, the hash of every run of that many words → where one starts.
    runs: HashMap<usize, HashMap<u64, usize>>,
}

impl Passage {
    pub fn new(text: &str) -> Self {
        let mut vocabulary = HashMap::new();
        let words = words(text)
            .into_iter()
            .map(|word| {
                let next = u32::try_from(vocabulary.len()).unwrap_or(u32::MAX);
                *vocabulary.entry(word).or_insert(next)
            })
            .collect();
        Self {
            words,
            vocabulary,
            runs: HashMap::new(),
        }
    }

    /// Whether the quote's words occur in the text, in order and next to each other.
    pub fn contains(&mut self, quote: &str) -> bool {
        let Some(wanted) = words(quote)
            .iter()
            .map(|word| self.vocabulary.get(word).copied())
            .collect::<Option<Vec<u32>>>()
        else {
            return false;
        };
        let length = wanted.len();
        if length == 0 || length > self.words.len() {
            return false;
        }
        let words = &self.words;
        let runs = self
            .runs
            .entry(length)
            .or_insert_with(|| runs_of(words, length));
        runs.get(&hash(&wanted))
            .is_some_and(|&start| words[start..start + length] == wanted[..])
    }
}

/// Polynomial hashing of word ids, rolled along the text one word at a time.
const BASE: u64 = 0x0100_0000_01b3;

fn hash(words: &[u32]) -> u64 {
    words.iter().fold(0, |hash: u64, &word| {
        hash.wrapping_mul(BASE).wrapping_add(u64::from(word) + 1)
    })
}

fn runs_of(words: &[u32], length: usize) -> HashMap<u64, usize> {
    let mut runs = HashMap::with_capacity(words.len());
    let top = (1..length).fold(1u64, |power, _| power.wrapping_mul(BASE));
    let mut rolling = hash(&words[..length]);
    runs.insert(rolling, 0);
    for start in 1..=words.len() - length {
        let gone = u64::from(words[start - 1]) + 1;
        let added = u64::from(words[start + length - 1]) + 1;
        rolling = rolling
            .wrapping_sub(gone.wrapping_mul(top))
            .wrapping_mul(BASE)
            .wrapping_add(added);
        runs.entry(rolling).or_insert(start);
    }
    runs
}

/// What quoting a source needs: its kind (articles allow shorter quotes) and, for a source
/// whose text is stored with the files being loaded, that text.
struct Quoted {
    kind: SourceKind,
    text: Option<Stored>,
}

struct Stored {
    path: PathBuf,
    passage: Option<Passage>,
}

/// The sources that evidence may quote, and the stored texts it is checked against.
#[derive(Default)]
pub struct Texts {
    sources: BTreeMap<String, Quoted>,
}

impl Texts {
    /// A source whose text is not at hand (one of the base, such as the built-in articles):
    /// quotes of it are taken as given.
    pub fn add_known(&mut self, id: &str, kind: SourceKind) {
        self.sources
            .insert(id.to_owned(), Quoted { kind, text: None });
    }

    /// A source defined in `file`; with `text_file:`, its text is read now, relative to the
    /// file, and a problem reading it is reported where `text_file:` names it.
    pub fn add(
        &mut self,
        file: &str,
        id: &str,
        kind: SourceKind,
        text: Option<&Text>,
        key: &str,
    ) -> Option<Diagnostic> {
        let mut problem = None;
        let stored = text.map(|text| {
            let path = Path::new(file)
                .parent()
                .unwrap_or(Path::new(""))
                .join(text.value.trim());
            let passage = match super::files::read(&path) {
                Ok(read) => Some(Passage::new(&read.text)),
                Err(error) => {
                    problem = Some(Diagnostic::at(
                        file,
                        text,
                        format!("{key}.text_file"),
                        format!(
                            "cannot read the source's text {}: {}",
                            path.display(),
                            error.message
                        ),
                    ));
                    None
                }
            };
            Stored { path, passage }
        });
        self.sources
            .insert(id.to_owned(), Quoted { kind, text: stored });
        problem
    }

    /// Every problem with one entry's evidence: a quote of no source the entry cites, a bare
    /// quote where the entry cites several sources, a quote too long, or one its source's
    /// stored text does not hold.
    pub fn check(
        &mut self,
        file: &str,
        sources: &[Text],
        evidence: &Spanned<RawEvidence>,
        key: &str,
    ) -> Vec<Diagnostic> {
        let cited: Vec<&str> = sources.iter().map(|s| s.value.as_str()).collect();
        let mut problems = Vec::new();
        for quote in quotes(evidence) {
            let key = match quote.index {
                Some(index) => format!("{key}.evidence[{index}]"),
                None => format!("{key}.evidence"),
            };
            let mut problem = |message: String| {
                problems.push(Diagnostic::at(file, &quote.at, key.clone(), message));
            };
            let source = match quote.source {
                Some(source) => source.value.as_str(),
                None => match cited.as_slice() {
                    [only] => only,
                    // No source at all is reported on the entry itself.
                    [] => continue,
                    several => {
                        problem(format!(
                            "the entry cites {}: say which one this quote is from, as `{{source: {}, quote: ...}}`",
                            several.join(", "),
                            several[0]
                        ));
                        continue;
                    }
                },
            };
            if !cited.contains(&source) {
                problem(format!(
                    "'{source}' is not a source of this entry, which cites {}: quote one of them, or cite '{source}' too",
                    if cited.is_empty() {
                        "none".to_owned()
                    } else {
                        cited.join(", ")
                    }
                ));
                continue;
            }
            let count = words(quote.text).len();
            let Some(quoted) = self.sources.get_mut(source) else {
                // An unknown source is reported where the entry cites it.
                continue;
            };
            let limit = match quoted.kind {
                SourceKind::Article => ARTICLE_WORDS,
                SourceKind::GeneralKnowledge => {
                    problem(format!(
                        "'{source}' is general knowledge, which has no text to quote: quote another source of the entry, or leave this quote out"
                    ));
                    continue;
                }
                SourceKind::Internal
                | SourceKind::Law
                | SourceKind::Classification
                | SourceKind::Statistics
                | SourceKind::Report
                | SourceKind::Guidance
                | SourceKind::BlogPost => QUOTE_WORDS,
            };
            if count == 0 {
                problem("the quote is empty: quote a few words of the source".to_owned());
            } else if count > limit {
                problem(format!(
                    "the quote has {count} words, more than the {limit} a quote of {} may have: quote just enough to find the sentence",
                    if quoted.kind == SourceKind::Article {
                        "an article"
                    } else {
                        "a source"
                    }
                ));
            } else if let Some(Stored {
                path,
                passage: Some(passage),
            }) = &mut quoted.text
                && !passage.contains(quote.text)
            {
                problem(format!(
                    "the quote is not in the text of source '{source}' ({}): quote its words exactly",
                    path.display()
                ));
            }
        }
        problems
    }
}

/// One quote as written, with where it is and the source it names, if any.
struct Quote<'a> {
    source: Option<&'a Text>,
    text: &'a str,
    /// Its index in a list of quotes.
    index: Option<usize>,
    at: Spanned<()>,
}

fn quotes(evidence: &Spanned<RawEvidence>) -> Vec<Quote<'_>> {
    let at = |spanned_at: serde_saphyr::Location| Spanned {
        value: (),
        referenced: spanned_at,
        defined: spanned_at,
    };
    match &evidence.value {
        RawEvidence::One(text) => vec![Quote {
            source: None,
            text,
            index: None,
            at: at(evidence.referenced),
        }],
        RawEvidence::Many(items) => items
            .iter()
            .enumerate()
            .map(|(index, item)| match &item.value {
                RawExcerpt::Quote(text) => Quote {
                    source: None,
                    text,
                    index: Some(index),
                    at: at(item.referenced),
                },
                RawExcerpt::Cited { source, quote } => Quote {
                    source: Some(source),
                    text: &quote.value,
                    index: Some(index),
                    at: at(quote.referenced),
                },
            })
            .collect(),
    }
}

/// The evidence of an entry that cites `sources`, each quote tied to its source: a bare
/// quote to the entry's only source (a bare quote of an entry with several sources is a
/// problem the checker reports, and is left out here).
pub fn excerpts(sources: &[String], evidence: Option<&Spanned<RawEvidence>>) -> Vec<Excerpt> {
    let Some(evidence) = evidence else {
        return Vec::new();
    };
    quotes(evidence)
        .into_iter()
        .filter_map(|quote| {
            let source = match (quote.source, sources) {
                (Some(source), _) => source.value.clone(),
                (None, [only]) => only.clone(),
                (None, _) => return None,
            };
            Some(Excerpt {
                source,
                quote: quote.text.trim().to_owned(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_ignore_case_spacing_punctuation_and_typography() {
        assert_eq!(
            words("The CTO’s “guardian of information,”\n  and—at last—IT"),
            [
                "the",
                "cto's",
                "guardian",
                "of",
                "information",
                "and",
                "at",
                "last",
                "it"
            ]
        );
    }

    #[test]
    fn a_passage_finds_runs_of_words_and_nothing_else() {
        let mut passage = Passage::new(
            "CIOs are frequently in charge of security, too. They must have training.",
        );
        assert!(passage.contains("in charge of security"));
        assert!(passage.contains("SECURITY too they"));
        assert!(passage.contains("CIOs"));
        assert!(!passage.contains("in charge of the security"));
        assert!(!passage.contains("security in charge"));
        assert!(!passage.contains("training too"));
        assert!(!passage.contains(""));
        assert!(!passage.contains("must have training. And more"));
    }

    #[test]
    fn a_quote_is_found_wherever_it_starts() {
        let text = "a b a b a c a b a b a c d";
        let mut passage = Passage::new(text);
        let all = words(text);
        for length in 1..=all.len() {
            for start in 0..=all.len() - length {
                let quote = all[start..start + length].join(" ");
                assert!(passage.contains(&quote), "{quote}");
            }
        }
        assert!(!passage.contains("c c"));
        assert!(!passage.contains("d a"));
    }
}
