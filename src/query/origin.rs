//! `show --origin`: only the facts one layer contributed, the company's or the built-in ones.

use std::collections::HashSet;

use serde::Serialize;

use crate::kb::KnowledgeBase;
use crate::model::{Fact, Position, Role};
use crate::query::facts::each_fact;
use crate::report::labels::Labels;

/// Which layer's facts to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// Facts the built-in role does not have: what the company's files added or changed.
    Company,
    /// Facts the built-in role has too: what is kept of the reference.
    Builtin,
}

impl Origin {
    /// The sentence a profile shows when it is narrowed to one layer.
    pub fn note(self) -> &'static str {
        match self {
            Origin::Company => {
                "Only the facts the built-in role does not have: what the company's files add or change (--origin company)."
            }
            Origin::Builtin => {
                "Only the facts the built-in role has too: what is kept of the reference (--origin builtin)."
            }
        }
    }
}

/// `role` with only the facts of one layer: a fact is built-in when `shipped` (the role as
/// shipped, if there is one) has the same text with the same sources. Sections left empty
/// are dropped; a position (focus, nature, facing) stays when it has facts of the layer, or
/// for `company` when the company changed it.
pub fn only(role: &Role, shipped: Option<&Role>, origin: Origin) -> Role {
    let labels = Labels::default();
    let mut reference: HashSet<(&str, &[String])> = HashSet::new();
    if let Some(shipped) = shipped {
        each_fact(&labels, shipped, &mut |_, _, text, sources| {
            reference.insert((text, sources));
        });
    }
    let keep = |text: &str, sources: &[String]| {
        reference.contains(&(text, sources)) == (origin == Origin::Builtin)
    };
    let facts = |facts: &[Fact]| -> Vec<Fact> {
        facts
            .iter()
            .filter(|fact| keep(&fact.text, &fact.sources))
            .cloned()
            .collect()
    };
    let mut only = role.clone();
    let headlines = &mut only.headlines;
    for headline in [
        &mut headlines.definition,
        &mut headlines.focus,
        &mut headlines.nature,
        &mut headlines.facing,
        &mut headlines.reporting,
        &mut headlines.background,
        &mut headlines.industries,
    ] {
        *headline = facts(headline);
    }
    only.summary = facts(&role.summary);
    only.focus = position(
        role.focus.as_ref(),
        shipped.and_then(|s| s.focus.as_ref()),
        origin,
        &facts,
    );
    only.nature = position(
        role.nature.as_ref(),
        shipped.and_then(|s| s.nature.as_ref()),
        origin,
        &facts,
    );
    only.facing = position(
        role.facing.as_ref(),
        shipped.and_then(|s| s.facing.as_ref()),
        origin,
        &facts,
    );
    only.background = facts(&role.background);
    only.codes.retain(|code| keep(&code.text, &code.sources));
    for item in &mut only.responsibilities {
        item.facts = facts(&item.facts);
    }
    only.responsibilities.retain(|item| !item.facts.is_empty());
    for example in &mut only.industries {
        example.facts = facts(&example.facts);
    }
    only.industries.retain(|example| !example.facts.is_empty());
    only.reporting
        .retain(|line| keep(&line.text, &line.sources));
    only.collaboration
        .retain(|link| keep(&link.text, &link.sources));
    for dispute in &mut only.disputes {
        dispute.claims = facts(&dispute.claims);
        dispute.headline = dispute
            .headline
            .take()
            .filter(|headline| keep(&headline.text, &headline.sources));
    }
    only.disputes
        .retain(|dispute| !dispute.claims.is_empty() || dispute.headline.is_some());
    only
}

/// The knowledge base with every role narrowed to one layer, each against its own built-in
/// version: what a profile narrowed to that layer derives its matrix and the facts other
/// roles state about it from, so that no built-in fact counts as the company's.
pub fn view(kb: &KnowledgeBase, origin: Origin) -> KnowledgeBase {
    KnowledgeBase {
        roles: kb
            .roles
            .iter()
            .map(|role| only(role, kb.shipped_version(role), origin))
            .collect(),
        ..kb.clone()
    }
}

/// A position with only the layer's facts; kept when it has some, or for `company` when the
/// company changed the position itself.
fn position<T: Copy + PartialEq>(
    mine: Option<&Position<T>>,
    shipped: Option<&Position<T>>,
    origin: Origin,
    facts: &dyn Fn(&[Fact]) -> Vec<Fact>,
) -> Option<Position<T>> {
    let mine = mine?;
    let kept = facts(&mine.facts);
    let shipped_primary = shipped.map(|p| p.primary);
    let changed = shipped_primary != Some(mine.primary);
    let stays = !kept.is_empty() || (origin == Origin::Company && changed);
    stays.then_some(Position {
        primary: mine.primary,
        facts: kept,
    })
}
