//! Finding roles, industries and areas by the names people actually type.
//!
//! An exact id always wins; otherwise roles match their id, title or an alias in any case,
//! and industries and areas also an unambiguous prefix. Punctuation and spacing are ignored,
//! so `e-commerce`, `E-Commerce` and `ecommerce` are one name, and so are a composed and a
//! decomposed `é` (Unicode NFC); letters of different scripts that look alike stay apart. A
//! miss is an [`UnknownName`] with a did-you-mean; a name two items answer to is one too,
//! naming both.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// `text` in Unicode normal form C, so that a title typed on one keyboard (a composed `é`)
/// and stored from another (`e` and a combining accent) are the same text.
pub fn nfc(text: &str) -> Cow<'_, str> {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// Lower case, letters and digits only, after NFC.
pub fn normalize(name: &str) -> String {
    nfc(name)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Something that can be found by name.
pub trait Named {
    fn id(&self) -> &str;
    /// Every name it answers to besides its id (title or label, aliases).
    fn other_names(&self) -> Vec<&str>;
}

/// Areas and industries answer to their label and aliases; data files may name them so too.
impl Named for crate::model::Term {
    fn id(&self) -> &str {
        &self.id
    }
    fn other_names(&self) -> Vec<&str> {
        std::iter::once(self.label.as_str())
            .chain(self.aliases.iter().map(String::as_str))
            .collect()
    }
}

/// A name the user gave that matches nothing (or, with prefixes, more than one thing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    /// "role", "industry", "area", "source"
    pub kind: &'static str,
    pub given: String,
    /// Every valid name equally close to what was given, when any is close enough.
    pub suggestions: Vec<String>,
    /// The items the name matches, when it matches more than one.
    pub ambiguous: Vec<Candidate>,
    pub valid: Vec<String>,
}

/// One of the items a name matches: its id, and its title or label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: String,
    pub title: String,
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let given = crate::sanitize::terminal_safe(&self.given);
        if !self.ambiguous.is_empty() {
            // The candidates are the answer: the list of every valid name would bury them.
            let candidates: Vec<String> = self
                .ambiguous
                .iter()
                .map(|candidate| {
                    if candidate.title == candidate.id {
                        candidate.id.clone()
                    } else {
                        format!("{} ({})", candidate.id, candidate.title)
                    }
                })
                .collect();
            return write!(
                f,
                "ambiguous {} '{given}': it names {} {}: {}",
                self.kind,
                candidates.len(),
                plural(self.kind),
                either(&candidates, "")
            );
        }
        write!(f, "unknown {} '{given}'", self.kind)?;
        if self.suggestions.is_empty() {
            f.write_str("\n")?;
        } else {
            write!(
                f,
                "\n\n  tip: did you mean {}?",
                either(&self.suggestions, "'")
            )?;
        }
        write!(
            f,
            "\n  valid {}: {}",
            plural(self.kind),
            self.valid.join(", ")
        )
    }
}

impl std::error::Error for UnknownName {}

/// Names for a did-you-mean, quoted with `quote`: `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`.
pub fn either(names: &[String], quote: &str) -> String {
    let quoted: Vec<String> = names
        .iter()
        .map(|name| format!("{quote}{name}{quote}"))
        .collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

fn plural(kind: &str) -> String {
    match kind.strip_suffix('y') {
        Some(stem) => format!("{stem}ies"),
        None => format!("{kind}s"),
    }
}

/// Finds `given` among `items`: its exact id first, then an id written in another case or
/// spelling, then a title, label or alias, then (if `allow_prefix`) an unambiguous prefix.
/// At each step two items answering to the name is an error naming both, never a pick.
pub fn find<'a, T: Named>(
    items: &'a [T],
    given: &str,
    kind: &'static str,
    allow_prefix: bool,
) -> Result<&'a T, UnknownName> {
    Finder::new(items, kind, allow_prefix).find(given)
}

/// Items indexed by their names, each name normalised once, so that looking up thousands
/// of names (`matrix` of every role by title) costs one pass over the items, not one each.
#[derive(Debug)]
pub struct Finder<'a, T> {
    items: &'a [T],
    kind: &'static str,
    exact: HashMap<&'a str, usize>,
    ids: HashMap<String, Vec<usize>>,
    names: HashMap<String, Vec<usize>>,
    /// Every normalised name with its item, for prefixes; empty when they are not allowed.
    prefixes: Vec<(String, usize)>,
}

/// What a name finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    One(usize),
    /// Positions of the items the name fits equally well.
    Several(Vec<usize>),
    Nothing,
}

impl<'a, T: Named> Finder<'a, T> {
    pub fn new(items: &'a [T], kind: &'static str, allow_prefix: bool) -> Self {
        let mut finder = Self {
            items,
            kind,
            exact: HashMap::with_capacity(items.len()),
            ids: HashMap::with_capacity(items.len()),
            names: HashMap::with_capacity(items.len()),
            prefixes: Vec::new(),
        };
        for (index, item) in items.iter().enumerate() {
            finder.exact.entry(item.id()).or_insert(index);
            let id = normalize(item.id());
            add(&mut finder.ids, id.clone(), index);
            if allow_prefix {
                finder.prefixes.push((id, index));
            }
            for name in item.other_names() {
                let name = normalize(name);
                if allow_prefix {
                    finder.prefixes.push((name.clone(), index));
                }
                add(&mut finder.names, name, index);
            }
        }
        finder
    }

    /// The items, in the order their positions refer to.
    pub fn items(&self) -> &'a [T] {
        self.items
    }

    /// Where `given` is among the items, by the steps of [`find`].
    pub fn locate(&self, given: &str) -> Found {
        if let Some(&index) = self.exact.get(given) {
            return Found::One(index);
        }
        let wanted = normalize(given);
        if wanted.is_empty() {
            return Found::Nothing;
        }
        for map in [&self.ids, &self.names] {
            match map.get(&wanted).map(Vec::as_slice) {
                Some([only]) => return Found::One(*only),
                Some(many) if !many.is_empty() => return Found::Several(many.to_vec()),
                _ => {}
            }
        }
        let mut found: Vec<usize> = Vec::new();
        for (name, index) in &self.prefixes {
            // An item's names sit together: its second matching name is next to its first.
            if name.starts_with(&wanted) && found.last() != Some(index) {
                found.push(*index);
            }
        }
        match found.as_slice() {
            [] => Found::Nothing,
            [only] => Found::One(*only),
            _ => Found::Several(found),
        }
    }

    /// The item `given` names, or an error saying why none is.
    pub fn find(&self, given: &str) -> Result<&'a T, UnknownName> {
        let found: Vec<usize> = match self.locate(given) {
            Found::One(index) => return Ok(&self.items[index]),
            Found::Several(many) => many,
            Found::Nothing => Vec::new(),
        };
        let ambiguous: Vec<Candidate> = found
            .iter()
            .map(|&index| {
                let item = &self.items[index];
                Candidate {
                    id: item.id().to_owned(),
                    title: item
                        .other_names()
                        .first()
                        .map_or_else(|| item.id().to_owned(), |title| (*title).to_owned()),
                }
            })
            .collect();
        Err(UnknownName {
            kind: self.kind,
            given: given.to_owned(),
            suggestions: if ambiguous.is_empty() {
                suggest(given, self.items.iter().map(Named::id))
            } else {
                Vec::new()
            },
            ambiguous,
            valid: self.items.iter().map(|item| item.id().to_owned()).collect(),
        })
    }
}

/// Records that `index` answers to `name`, once however many of its names normalise alike.
fn add(map: &mut HashMap<String, Vec<usize>>, name: String, index: usize) {
    let holders = map.entry(name).or_default();
    if holders.last() != Some(&index) {
        holders.push(index);
    }
}

/// Names longer than this (letters and digits) get no did-you-mean, and are never suggested:
/// the typos worth a suggestion are in short names, and the cap bounds the work of comparing
/// two names to `MAX_SUGGESTED²` steps.
const MAX_SUGGESTED: usize = 64;

/// The candidates closest to `given`, if they are close enough to be a likely typo (see
/// [`typo_edits`]): a letter wrong or two swapped in a short name (`cot` → `cto`), one in four
/// wrong, missing or extra in a longer one, or two in a name that still reads much the same. Every candidate at the smallest distance is given
/// (`cjo` → `cdo`, `cio`), in candidate order.
///
/// The work is linear in the number of candidates: see [`MAX_SUGGESTED`].
pub fn suggest<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    Suggester::new(usize::MAX).suggest(given, candidates)
}

/// Did-you-mean with a budget of work shared by many suggestions, so that a data file with
/// thousands of unknown names, checked against thousands of ids, costs a bounded time: once
/// the budget is spent, names get no suggestion (the message lists some valid ids instead).
#[derive(Debug, Clone)]
pub struct Suggester {
    /// Character comparisons left.
    budget: usize,
}

impl Suggester {
    pub fn new(budget: usize) -> Self {
        Self { budget }
    }

    /// As [`suggest`], within the budget left: nothing when it runs out.
    pub fn suggest<'a>(
        &mut self,
        given: &str,
        candidates: impl IntoIterator<Item = &'a str>,
    ) -> Vec<String> {
        let Some(wanted) = capped_normal(given) else {
            return Vec::new();
        };
        let wanted: String = wanted.into_iter().collect();
        let length = wanted.chars().count();
        let mut best = usize::MAX;
        let mut closest = Vec::new();
        for candidate in candidates {
            let Some(name) = capped_normal(candidate) else {
                continue;
            };
            // Lengths alone rule most names out: the edit distance is at least the difference
            // in length.
            if !typo_lengths(length, name.len()) {
                continue;
            }
            let cost = (length + 1) * (name.len() + 1) * 2;
            let Some(left) = self.budget.checked_sub(cost) else {
                self.budget = 0;
                return Vec::new();
            };
            self.budget = left;
            let name: String = name.into_iter().collect();
            let Some(edits) = typo_edits(&wanted, &name) else {
                continue;
            };
            if edits > best {
                continue;
            }
            if edits < best {
                best = edits;
                closest.clear();
            }
            closest.push(candidate.to_owned());
        }
        closest
    }
}

/// How many letters a typo may get wrong in a word of `length` letters: one in a short word,
/// one in four in a longer one.
fn allowed_edits(length: usize) -> usize {
    (length / 4).max(1)
}

/// A word of five letters or more may have two letters wrong when it still reads almost the
/// same (`brefi` for `brief`), by Jaro-Winkler similarity: unlike `silos` for `skills`.
const SIMILAR: f64 = 0.88;

/// Whether words of these lengths (the typed one first) can be a typo of one another. Words
/// of one or two letters have no plausible typo ("vp" is not "up"), and between words of up
/// to four letters only a wrong or swapped letter is: a letter more or less makes another
/// abbreviation (CIO and CISO, CDO and CDIO), not a misspelling.
fn typo_lengths(typed: usize, candidate: usize) -> bool {
    if typed.min(candidate) <= 2 || (typed.max(candidate) <= 4 && typed != candidate) {
        return false;
    }
    typed.abs_diff(candidate) <= allowed_edits(typed).max(if typed >= 5 { 2 } else { 1 })
}

/// The number of edits (a letter wrong, missing, extra, or two swapped) between `typed` and
/// `candidate`, when they are close enough for one to be a typo of the other. Both are
/// compared as given: normalise them first.
pub fn typo_edits(typed: &str, candidate: &str) -> Option<usize> {
    let (typed_length, candidate_length) = (typed.chars().count(), candidate.chars().count());
    if !typo_lengths(typed_length, candidate_length) {
        return None;
    }
    let edits = strsim::osa_distance(typed, candidate);
    let close = edits <= allowed_edits(typed_length)
        || (typed_length >= 5 && edits <= 2 && strsim::jaro_winkler(typed, candidate) >= SIMILAR);
    close.then_some(edits)
}

/// A name normalised as [`normalize`] does, or `None` when it is too long to suggest for;
/// it reads no more of the name than the cap needs.
fn capped_normal(name: &str) -> Option<Vec<char>> {
    let mut normal = Vec::new();
    // Punctuation is dropped, so a long name may still normalise short: stop reading anyway.
    for c in name.chars().take(MAX_SUGGESTED * 4).nfc() {
        if c.is_alphanumeric() {
            normal.extend(c.to_lowercase());
            if normal.len() > MAX_SUGGESTED {
                return None;
            }
        }
    }
    (name.chars().nth(MAX_SUGGESTED * 4).is_none()).then_some(normal)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Item(&'static str, &'static str);
    impl Named for Item {
        fn id(&self) -> &str {
            self.0
        }
        fn other_names(&self) -> Vec<&str> {
            vec![self.1]
        }
    }

    const ITEMS: &[Item] = &[
        Item("ecommerce", "E-commerce"),
        Item("financial-services", "Financial services"),
        Item("manufacturing", "Manufacturing"),
    ];

    #[test]
    fn matches_ignoring_case_and_punctuation() {
        assert_eq!(
            find(ITEMS, "E-Commerce", "industry", false).map(|i| i.0),
            Ok("ecommerce")
        );
        assert_eq!(
            find(ITEMS, "financial services", "industry", false).map(|i| i.0),
            Ok("financial-services")
        );
    }

    #[test]
    fn matches_unambiguous_prefix_only_when_allowed() {
        assert_eq!(
            find(ITEMS, "financial", "industry", true).map(|i| i.0),
            Ok("financial-services")
        );
        assert!(find(ITEMS, "financial", "industry", false).is_err());
    }

    #[test]
    fn an_exact_id_wins_over_other_names_and_spellings() {
        const CLASHING: &[Item] = &[
            Item("acme-cio", "CIO"),
            Item("cio", "Chief Information Officer"),
            Item("CIO", "Shouting"),
            Item("vp-eng", "VP"),
            Item("vp_eng", "VP engineering"),
        ];
        let found = |name| find(CLASHING, name, "role", false).map(|i| i.0);
        assert_eq!(found("cio"), Ok("cio"));
        assert_eq!(found("CIO"), Ok("CIO"));
        assert_eq!(found("vp_eng"), Ok("vp_eng"));
        assert_eq!(found("acme-cio"), Ok("acme-cio"));
    }

    #[test]
    fn a_name_two_items_answer_to_is_an_error_naming_both() {
        const CLASHING: &[Item] = &[Item("it-head", "CIO"), Item("acme-cio", "CIO")];
        const SPELLINGS: &[Item] = &[Item("vp-eng", "VP"), Item("vp_eng", "VP eng")];
        let error = find(CLASHING, "C.I.O.", "role", false).map(|i| i.0);
        let ids = |error: UnknownName| -> Vec<String> {
            error.ambiguous.into_iter().map(|c| c.id).collect()
        };
        assert_eq!(
            error.map_err(ids),
            Err(vec!["it-head".to_owned(), "acme-cio".to_owned()])
        );
        let error = find(SPELLINGS, "VP ENG", "role", false).map(|i| i.0);
        assert_eq!(
            error.map_err(ids),
            Err(vec!["vp-eng".to_owned(), "vp_eng".to_owned()])
        );
    }

    #[test]
    fn suggests_the_closest_name_for_a_typo() {
        let error = find(ITEMS, "manufactoring", "industry", true)
            .err()
            .map(|e| e.suggestions);
        assert_eq!(error, Some(vec!["manufacturing".to_owned()]));
        assert_eq!(suggest("cot", ["ceo", "cto", "cio"]), ["cto"]);
        assert!(suggest("nobody", ["ceo", "cto", "cio"]).is_empty());
        assert_eq!(plural("industry"), "industries");
    }

    #[test]
    fn suggests_every_equally_close_name_in_order() {
        assert_eq!(
            suggest("cjo", ["cdo", "ceo", "cfo", "cio", "cto"]),
            ["cdo", "ceo", "cfo", "cio", "cto"]
        );
        assert_eq!(suggest("cxo", ["cdo", "cio", "ciso"]), ["cdo", "cio"]);
        let names = ["a".to_owned(), "b".to_owned(), "c".to_owned()];
        assert_eq!(either(&names[..1], "'"), "'a'");
        assert_eq!(either(&names[..2], "'"), "'a' or 'b'");
        assert_eq!(either(&names, "`"), "`a`, `b` or `c`");
    }

    #[test]
    fn only_plausible_typos_are_suggested() {
        // A letter more makes another abbreviation, not a misspelling of this one.
        assert!(suggest("ciso", ["cdo", "cio", "cto"]).is_empty());
        assert!(suggest("vp", ["up", "cio"]).is_empty());
        assert!(suggest("employees", ["explores"]).is_empty());
        assert!(suggest("skills", ["silos"]).is_empty());
        assert_eq!(suggest("brefi", ["brief"]), ["brief"]);
        assert_eq!(suggest("gude", ["guide"]), ["guide"]);
        assert_eq!(suggest("cisco", ["ciso", "cio"]), ["ciso"]);
        assert_eq!(suggest("securty", ["security"]), ["security"]);
        assert_eq!(
            suggest("manufactoring", ["manufacturing"]),
            ["manufacturing"]
        );
        assert_eq!(typo_edits("titel", "title"), Some(1));
    }

    #[test]
    fn long_names_get_no_suggestion_and_a_spent_budget_stops_suggesting() {
        let long = "x".repeat(MAX_SUGGESTED + 1);
        assert!(suggest(&long, [long.as_str()]).is_empty());
        let dashes = format!("{}a", "-".repeat(MAX_SUGGESTED * 4));
        assert!(suggest("a", [dashes.as_str()]).is_empty());
        let mut suggester = Suggester::new(40);
        assert_eq!(suggester.suggest("cot", ["cto"]), ["cto"]);
        assert!(suggester.suggest("cot", ["cto"]).is_empty());
    }
}
