//! Finding roles, industries and areas by the names people actually type.
//!
//! An exact id always wins; otherwise roles match their id, title or an alias in any case,
//! and industries and areas also an unambiguous prefix. Punctuation and spacing are ignored,
//! so `e-commerce`, `E-Commerce` and `ecommerce` are one name. A miss is an [`UnknownName`]
//! with a did-you-mean; a name two items answer to is one too, naming both.

use std::fmt;

/// Lower case, letters and digits only.
pub fn normalize(name: &str) -> String {
    name.chars()
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

/// A name the user gave that matches nothing (or, with prefixes, more than one thing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    /// "role", "industry", "area", "source"
    pub kind: &'static str,
    pub given: String,
    pub suggestion: Option<String>,
    /// Ids of the items the name matches, when it matches more than one.
    pub ambiguous: Vec<String>,
    pub valid: Vec<String>,
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let given = crate::sanitize::terminal_safe(&self.given);
        if self.ambiguous.is_empty() {
            write!(f, "unknown {} '{given}'", self.kind)?;
        } else {
            write!(
                f,
                "ambiguous {} '{given}': it could be {}",
                self.kind,
                self.ambiguous.join(" or ")
            )?;
        }
        if let Some(suggestion) = &self.suggestion {
            write!(f, "\n\n  tip: did you mean '{suggestion}'?")?;
        } else {
            f.write_str("\n")?;
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
    if let Some(item) = items.iter().find(|item| item.id() == given) {
        return Ok(item);
    }
    let wanted = normalize(given);
    let unknown = |ambiguous: Vec<String>| UnknownName {
        kind,
        given: given.to_owned(),
        suggestion: if ambiguous.is_empty() {
            suggest(given, items.iter().map(Named::id))
        } else {
            None
        },
        ambiguous,
        valid: items.iter().map(|item| item.id().to_owned()).collect(),
    };
    if wanted.is_empty() {
        return Err(unknown(Vec::new()));
    }
    let by_id = |item: &T| normalize(item.id()) == wanted;
    let by_name = |item: &T| {
        item.other_names()
            .into_iter()
            .any(|name| normalize(name) == wanted)
    };
    let by_prefix = |item: &T| {
        allow_prefix
            && std::iter::once(item.id())
                .chain(item.other_names())
                .any(|name| normalize(name).starts_with(&wanted))
    };
    let steps: [&dyn Fn(&T) -> bool; 3] = [&by_id, &by_name, &by_prefix];
    for matches in steps {
        let found: Vec<&T> = items.iter().filter(|item| matches(item)).collect();
        match found.as_slice() {
            [] => {}
            [only] => return Ok(only),
            many => {
                return Err(unknown(
                    many.iter().map(|item| item.id().to_owned()).collect(),
                ));
            }
        }
    }
    Err(unknown(Vec::new()))
}

/// The closest of `candidates` to `given`, if it is close enough to be a likely typo: a
/// few letters wrong, missing, extra or swapped (`cot` → `cto`), or a very similar name.
pub fn suggest<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let wanted = normalize(given);
    let allowed = (wanted.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .filter_map(|candidate| {
            let name = normalize(candidate);
            let edits = strsim::damerau_levenshtein(&wanted, &name);
            let close = edits <= allowed || strsim::jaro_winkler(&wanted, &name) >= 0.85;
            close.then_some((edits, candidate))
        })
        .min_by_key(|(edits, _)| *edits)
        .map(|(_, candidate)| candidate.to_owned())
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
        assert_eq!(
            error.map_err(|e| e.ambiguous),
            Err(vec!["it-head".to_owned(), "acme-cio".to_owned()])
        );
        let error = find(SPELLINGS, "VP ENG", "role", false).map(|i| i.0);
        assert_eq!(
            error.map_err(|e| e.ambiguous),
            Err(vec!["vp-eng".to_owned(), "vp_eng".to_owned()])
        );
    }

    #[test]
    fn suggests_the_closest_name_for_a_typo() {
        let error = find(ITEMS, "manufactoring", "industry", true)
            .err()
            .map(|e| e.suggestion);
        assert_eq!(error, Some(Some("manufacturing".to_owned())));
        assert_eq!(
            suggest("cot", ["ceo", "cto", "cio"]),
            Some("cto".to_owned())
        );
        assert_eq!(suggest("nobody", ["ceo", "cto", "cio"]), None);
        assert_eq!(plural("industry"), "industries");
    }
}
