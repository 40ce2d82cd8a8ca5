//! Finding roles, industries and areas by the names people actually type.
//!
//! Roles match their id, title or an alias in any case; industries and areas also match an
//! unambiguous prefix. Punctuation and spacing are ignored, so `e-commerce`, `E-Commerce`
//! and `ecommerce` are one name. A miss is an [`UnknownName`] with a did-you-mean.

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
    /// Ids that would prefix-match, when the name was ambiguous.
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

/// Finds `given` among `items` by exact (normalised) name, then, if `allow_prefix`, by
/// unambiguous prefix.
pub fn find<'a, T: Named>(
    items: &'a [T],
    given: &str,
    kind: &'static str,
    allow_prefix: bool,
) -> Result<&'a T, UnknownName> {
    let wanted = normalize(given);
    let names = |item: &'a T| std::iter::once(item.id()).chain(item.other_names());
    if !wanted.is_empty()
        && let Some(item) = items
            .iter()
            .find(|item| names(item).any(|name| normalize(name) == wanted))
    {
        return Ok(item);
    }
    let mut ambiguous = Vec::new();
    if allow_prefix && !wanted.is_empty() {
        let matches: Vec<&T> = items
            .iter()
            .filter(|item| names(item).any(|name| normalize(name).starts_with(&wanted)))
            .collect();
        match matches.as_slice() {
            [only] => return Ok(only),
            [] => {}
            many => ambiguous = many.iter().map(|item| item.id().to_owned()).collect(),
        }
    }
    Err(UnknownName {
        kind,
        given: given.to_owned(),
        suggestion: if ambiguous.is_empty() {
            suggest(given, items.iter().map(Named::id))
        } else {
            None
        },
        ambiguous,
        valid: items.iter().map(|item| item.id().to_owned()).collect(),
    })
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
