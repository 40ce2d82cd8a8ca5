//! Every name a role file gives must find that role and no other: a title or alias that
//! another role answers to (by id, title or alias), or an id that differs from another only
//! in case or punctuation, would make `show NAME` pick one of them.

use std::collections::{HashMap, HashSet};

use super::super::lookup::normalize;
use super::super::parse::Parsed;
use super::super::{Diagnostic, KnowledgeBase};
use crate::model::Role;

/// Most other roles a clash names: thousands of files sharing one title must not write
/// thousands of names into each of thousands of messages.
const SHOWN: usize = 3;

/// Finds the names in `parsed`'s role files that find more than one role of `kb`.
pub fn check(parsed: &[Parsed], kb: &KnowledgeBase, found: &mut Vec<Diagnostic>) {
    let mut ids: HashMap<String, Vec<&str>> = HashMap::new();
    let mut names: HashMap<String, Vec<&str>> = HashMap::new();
    for role in &kb.roles {
        add(&mut ids, normalize(&role.id), &role.id);
        for name in std::iter::once(role.id.as_str()).chain(role_names(role)) {
            add(&mut names, normalize(name), &role.id);
        }
    }
    // Usually every name finds one role: then there is nothing to place in a file.
    if ids
        .values()
        .chain(names.values())
        .all(|holders| holders.len() == 1)
    {
        return;
    }
    let roles: HashMap<&str, &Role> = kb.roles.iter().map(|r| (r.id.as_str(), r)).collect();
    for file in parsed {
        let Some(raw) = file.whole_role() else {
            continue;
        };
        let own = raw.id.value.as_str();
        let Some(role) = roles.get(own) else {
            continue;
        };
        let name = &file.file.name;
        let normal = normalize(own);
        // An id in another spelling finds its role before any title or alias does, so
        // another role's title or alias equal to it could never be found.
        let message = if let Some(others) = others(ids.get(&normal), own) {
            Some(format!(
                "role id '{own}' differs from {others} only in case or punctuation: rename one, so that each name finds one role"
            ))
        } else {
            others(names.get(&normal), own).map(|others| format!(
                "role id '{own}' is also the title or an alias of {others}: rename one, so that each name finds one role"
            ))
        };
        if let Some(message) = message {
            found.push(Diagnostic::at(name, &raw.id, "id", message));
        }
        // Only names still in effect: a later layer may have replaced them.
        let current: HashSet<String> = role_names(role).map(normalize).collect();
        let given = raw
            .title
            .iter()
            .map(|title| ("title", title, "title".to_owned()))
            .chain(
                raw.aliases
                    .iter()
                    .flatten()
                    .enumerate()
                    .map(|(index, alias)| ("alias", alias, format!("aliases[{index}]"))),
            );
        for (what, text, key) in given {
            let normal = normalize(&text.value);
            if normal.is_empty() || !current.contains(&normal) {
                continue;
            }
            if let Some(others) = others(names.get(&normal), own) {
                found.push(Diagnostic::at(
                    name,
                    text,
                    key,
                    format!(
                        "{what} '{}' is already a name of {others}: a name must find one role; remove it or change it",
                        text.value.trim(),
                    ),
                ));
            }
        }
    }
}

/// Records that role `id` answers to `name`, once however many of its names normalise alike.
fn add<'k>(map: &mut HashMap<String, Vec<&'k str>>, name: String, id: &'k str) {
    let holders = map.entry(name).or_default();
    if holders.last() != Some(&id) {
        holders.push(id);
    }
}

/// The roles other than `own` among `holders`, for a message: "role 'a'", "roles 'a' and
/// 'b'", or past a few, "5998 other roles, such as 'a', 'b' and 'c'". The work stops at the
/// few named, so that each message costs the same however many roles share a name.
fn others(holders: Option<&Vec<&str>>, own: &str) -> Option<String> {
    let holders = holders?;
    let shown: Vec<String> = holders
        .iter()
        .filter(|holder| **holder != own)
        .take(SHOWN + 1)
        .map(|holder| format!("'{holder}'"))
        .collect();
    // `own` holds its own names, so the others are all the holders but one.
    let count = holders.len().saturating_sub(1);
    match shown.len() {
        0 => None,
        1 => Some(format!("role {}", shown[0])),
        n if n <= SHOWN => Some(format!(
            "roles {} and {}",
            shown[..n - 1].join(", "),
            shown[n - 1]
        )),
        _ => Some(format!(
            "{count} other roles, such as {} and {}",
            shown[..SHOWN - 1].join(", "),
            shown[SHOWN - 1]
        )),
    }
}

/// Every name a role answers to besides its id.
fn role_names(role: &Role) -> impl Iterator<Item = &str> {
    std::iter::once(role.title.as_str()).chain(role.aliases.iter().map(String::as_str))
}
