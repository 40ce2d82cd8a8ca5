//! Names typed on the command line to what they name: roles, by id, title or alias in any
//! case (`builtin:ID` for a role as shipped), and industries, by id, label, alias or prefix.
//! A name finds exactly one thing, or the error names the candidates.

use std::collections::HashMap;

use crate::error::Error;
use crate::kb::KnowledgeBase;
use crate::kb::lookup::{self, Finder, UnknownName};
use crate::model::{Role, Term, shipped_id, shipped_under};

/// A role by name: its exact id first, then its id, title or alias in any case; with
/// `builtin:` in front, the role as shipped, whatever is layered over it.
pub fn role<'k>(kb: &'k KnowledgeBase, name: &str) -> Result<&'k Role, UnknownName> {
    let Some(shipped) = shipped_under(name) else {
        return lookup::find(&kb.roles, name, "role", false);
    };
    let views: Vec<Shipped> = kb.shipped.roles().iter().map(Shipped).collect();
    lookup::find(&views, shipped, "built-in role", false)
        .map(|view| view.0)
        .map_err(|mut error| {
            name.clone_into(&mut error.given);
            if error.valid.is_empty() {
                error.valid.push(
                    "none, as --no-builtin leaves the built-in knowledge base out".to_owned(),
                );
            }
            error
        })
}

/// The roles `names` name, in order, each looked up as [`role`] does; every role's names are
/// normalised once for all of them, so that naming thousands of roles (`matrix` of every
/// title) costs time linear in the roles and names. A role named twice is there twice.
pub fn roles<'k>(kb: &'k KnowledgeBase, names: &[String]) -> Result<Vec<&'k Role>, UnknownName> {
    let finder = Finder::new(&kb.roles, "role", false);
    names
        .iter()
        .map(|name| {
            if shipped_under(name).is_some() {
                role(kb, name)
            } else {
                finder.find(name)
            }
        })
        .collect()
}

/// The roles `names` name, each named once: two names for one role would set it beside
/// itself (`compare cto CTO`).
pub fn each_once<'k>(kb: &'k KnowledgeBase, names: &[String]) -> Result<Vec<&'k Role>, Error> {
    let found = roles(kb, names)?;
    let mut first_named: HashMap<&str, usize> = HashMap::new();
    for (index, role) in found.iter().enumerate() {
        if let Some(&first) = first_named.get(role.id.as_str()) {
            let (one, other) = (&names[first], &names[index]);
            // Two job titles the sources discuss as one role or two ("IT director", "IT
            // manager") ask for a comparison the knowledge base does not make: say so, and
            // where the sources discuss it.
            let (lower_one, lower_other) = (one.to_lowercase(), other.to_lowercase());
            let discussed = role.disputes.iter().any(|dispute| {
                let topic = dispute.topic.to_lowercase();
                lower_one != lower_other
                    && topic.contains(&lower_one)
                    && topic.contains(&lower_other)
            });
            let hint = if discussed {
                format!(
                    "; this knowledge base keeps '{one}' and '{other}' as one role (what the \
                     sources say: rolecmp show {} --section disputes)",
                    role.id
                )
            } else if role.shipped_under().is_some() {
                String::new()
            } else {
                format!(
                    " (to set a role beside its built-in version: {} {})",
                    role.id,
                    shipped_id(&role.id)
                )
            };
            return Err(Error::Usage(format!(
                "'{one}' and '{other}' both name the role '{}': name each role once{hint}",
                role.id
            )));
        }
        first_named.insert(&role.id, index);
    }
    Ok(found)
}

/// The industry `name` names (by id, label, alias or unambiguous prefix), if one is named.
pub fn industry<'k>(
    kb: &'k KnowledgeBase,
    name: Option<&str>,
) -> Result<Option<&'k Term>, UnknownName> {
    name.map(|name| lookup::find(&kb.industries, name, "industry", true))
        .transpose()
}

/// A role answers to its title, its aliases and the abbreviations it shares with other
/// roles; a shared one finds every role that has it, and so asks which is meant.
impl lookup::Named for Role {
    fn id(&self) -> &str {
        &self.id
    }
    fn other_names(&self) -> Vec<&str> {
        std::iter::once(self.title.as_str())
            .chain(self.aliases.iter().map(String::as_str))
            .chain(self.shared_aliases.iter().map(String::as_str))
            .collect()
    }
}

/// A role as shipped, found by the id it was shipped under and its names (`builtin:CIO`).
struct Shipped<'a>(&'a Role);

impl lookup::Named for Shipped<'_> {
    fn id(&self) -> &str {
        self.0.shipped_under().unwrap_or(&self.0.id)
    }
    fn other_names(&self) -> Vec<&str> {
        lookup::Named::other_names(self.0)
    }
}
