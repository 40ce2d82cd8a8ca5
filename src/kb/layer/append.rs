//! Appending entries from a later layer: an entry identical to one already there is left
//! out, and a cited entry restated without its quotes is the same entry, gaining any quotes
//! the restatement adds.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};

use crate::model::{Collaboration, Excerpt, Fact, ReportingLine};

/// Appends `new` to `list`, leaving out each entry identical to one already there. Entries
/// are found by the hash of `key`, so that appending costs time linear in both lists.
pub fn append<T: PartialEq>(
    list: &mut Vec<T>,
    new: impl IntoIterator<Item = T>,
    key: impl Fn(&T) -> &str,
) {
    append_by(list, new, key, |held, item| held == item, |_, _| {});
}

/// A cited entry, whose restatement in a later file may leave out its quotes.
pub trait Quoted: Clone + PartialEq {
    fn quotes(&mut self) -> &mut Vec<Excerpt>;

    fn unquoted(&self) -> Self {
        let mut bare = self.clone();
        bare.quotes().clear();
        bare
    }
}

impl Quoted for Fact {
    fn quotes(&mut self) -> &mut Vec<Excerpt> {
        &mut self.evidence
    }
}

impl Quoted for ReportingLine {
    fn quotes(&mut self) -> &mut Vec<Excerpt> {
        &mut self.evidence
    }
}

impl Quoted for Collaboration {
    fn quotes(&mut self) -> &mut Vec<Excerpt> {
        &mut self.evidence
    }
}

/// [`append`] for cited entries: one equal to an entry already there but for its quotes is
/// that entry, and adds to it the quotes it does not have yet.
pub fn append_quoted<T: Quoted>(
    list: &mut Vec<T>,
    new: impl IntoIterator<Item = T>,
    key: impl Fn(&T) -> &str,
) {
    append_by(
        list,
        new,
        key,
        |held, item| held.unquoted() == item.unquoted(),
        |held, mut item| {
            let quotes = held.quotes();
            for quote in std::mem::take(item.quotes()) {
                if !quotes.contains(&quote) {
                    quotes.push(quote);
                }
            }
        },
    );
}

/// Appends each of `new` that is not `same` as an entry of `list`; one that is goes into that
/// entry by `absorb`.
fn append_by<T>(
    list: &mut Vec<T>,
    new: impl IntoIterator<Item = T>,
    key: impl Fn(&T) -> &str,
    same: impl Fn(&T, &T) -> bool,
    absorb: impl Fn(&mut T, T),
) {
    let hasher = RandomState::new();
    let mut seen: HashMap<u64, Vec<usize>> = HashMap::with_capacity(list.len());
    for (index, item) in list.iter().enumerate() {
        seen.entry(hasher.hash_one(key(item)))
            .or_default()
            .push(index);
    }
    for item in new {
        let hash = hasher.hash_one(key(&item));
        let holders = seen.entry(hash).or_default();
        if let Some(&index) = holders.iter().find(|&&index| same(&list[index], &item)) {
            absorb(&mut list[index], item);
        } else {
            holders.push(list.len());
            list.push(item);
        }
    }
}
