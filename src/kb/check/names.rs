//! Every name a role file gives must find that role and no other: a title or alias that
//! another role answers to (by id, title or alias), or an id that differs from another only
//! in case or punctuation, would make `show NAME` pick one of them.
//!
//! The one deliberate exception is an abbreviation that several roles share, as the Chief
//! Data and the Chief Digital Officer share CDO: each role lists it under `shared_aliases`,
//! and the name then finds every role that has it, with an error asking which one is meant.
//! A shared abbreviation may clash only with the same shared abbreviation of another role;
//! against an id, title or plain alias it is refused like any other clash.

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
    let shared = shared_aliases(kb);
    // Usually every name finds one role: then there is nothing to place in a file.
    let shared_apart = shared.iter().all(|(name, holders)| {
        names
            .get(name)
            .is_none_or(|owners| owners.iter().all(|owner| holders.contains(owner)))
    });
    if shared_apart
        && ids
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
        let message = message.or_else(|| {
            others(shared.get(&normal), own).map(|others| format!(
                "role id '{own}' is also a shared abbreviation of {others} (`shared_aliases`), which could then never find them: rename the role"
            ))
        });
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
            } else if let Some(others) = others(shared.get(&normal), own) {
                found.push(Diagnostic::at(
                    name,
                    text,
                    key,
                    format!(
                        "{what} '{}' is a shared abbreviation of {others}: if this role has it too, move it to `shared_aliases`, else remove it or change it",
                        text.value.trim(),
                    ),
                ));
            }
        }
        shared_clashes(name, raw, role, &names, found);
    }
}

/// A role file's shared abbreviations that another role has as its id, title or plain
/// alias: that role would answer to the name alone, so it could not be shared.
fn shared_clashes(
    file: &str,
    raw: &super::super::raw::RawRole,
    role: &Role,
    names: &HashMap<String, Vec<&str>>,
    found: &mut Vec<Diagnostic>,
) {
    let own = raw.id.value.as_str();
    // Only names still in effect: a later layer may have replaced them.
    let current: HashSet<String> = role.shared_aliases.iter().map(|n| normalize(n)).collect();
    for (index, text) in raw.shared_aliases.iter().flatten().enumerate() {
        let normal = normalize(&text.value);
        if normal.is_empty() || !current.contains(&normal) {
            continue;
        }
        if let Some(others) = others(names.get(&normal), own) {
            found.push(Diagnostic::at(
                file,
                text,
                format!("shared_aliases[{index}]"),
                format!(
                    "shared alias '{}' is already the id, title or alias of {others}, which it could not be shared with: list it under `shared_aliases` there instead, or remove it here",
                    text.value.trim(),
                ),
            ));
        }
    }
}

/// Every abbreviation roles share (`shared_aliases`), normalised, with the roles that have it.
pub fn shared_aliases(kb: &KnowledgeBase) -> HashMap<String, Vec<&str>> {
    let mut shared: HashMap<String, Vec<&str>> = HashMap::new();
    for role in &kb.roles {
        for name in &role.shared_aliases {
            add(&mut shared, normalize(name), &role.id);
        }
    }
    shared
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
