//! Which sections a view selects, and a role narrowed to them: the one-screen view, `--full`,
//! or the sections asked for, with headlines filled in from the facts where a file wrote none.

use std::collections::BTreeSet;

use serde::Serialize;

use super::facts::{collaboration_of, disputes_of};
use super::origin;
use crate::kb::KnowledgeBase;
use crate::model::{Fact, Headlines, ReportingLine, Role, Section};
use crate::report::labels::headline_rows;

/// `--industry` narrows the industry examples and nothing else: with `sections` that leave
/// them out it could narrow nothing (a profile or comparison would be titled "with Healthcare
/// examples" over none, a search could find nothing), so `show`, `compare` and `search`
/// refuse it alike, naming what would work.
pub fn industry_narrows(industry: Option<&str>, sections: &[Section]) -> Result<(), &'static str> {
    if industry.is_none() || sections.is_empty() || sections.contains(&Section::Industries) {
        Ok(())
    } else {
        Err(
            "--industry narrows the industry examples, which --section leaves out: add industries to --section, or drop one of the two",
        )
    }
}

/// How much a profile or comparison says: one screen, or every fact of its sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum View {
    /// Headlines, the responsibility matrix and one line per disagreement.
    Glance,
    /// Every fact of the selected sections.
    Full,
}

/// Which sections a query shows, and in how much detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    sections: BTreeSet<Section>,
    pub view: View,
}

impl Selection {
    /// `--section` values in detail, as given; `--full`, every section in detail; nothing, the
    /// at-a-glance view. `--industry` narrows, never replaces: at a glance it adds that
    /// industry's examples to the view.
    pub fn new(sections: &[Section], industry: Option<&str>, full: bool) -> Self {
        let detail = |sections: BTreeSet<Section>| Self {
            sections,
            view: View::Full,
        };
        if !sections.is_empty() {
            return detail(sections.iter().copied().chain([Section::Sources]).collect());
        }
        if full {
            return detail(Section::ALL.into());
        }
        let mut glance: BTreeSet<Section> = [
            Section::Headlines,
            Section::Matrix,
            Section::Disputes,
            Section::Sources,
        ]
        .into();
        if industry.is_some() {
            glance.insert(Section::Industries);
        }
        Self {
            sections: glance,
            view: View::Glance,
        }
    }

    pub fn has(&self, section: Section) -> bool {
        self.sections.contains(&section)
    }

    /// The selection without `section`.
    #[must_use]
    pub fn without(mut self, section: Section) -> Self {
        self.sections.remove(&section);
        self
    }

    pub fn sections(&self) -> impl Iterator<Item = Section> + '_ {
        self.sections.iter().copied()
    }
}

/// A role with only the selected sections (and industry) kept, for typed output.
pub fn narrowed(
    kb: &KnowledgeBase,
    role: &Role,
    selection: &Selection,
    industry: Option<&str>,
) -> Role {
    let keep = |section| selection.has(section);
    let mut role = role.clone();
    role.collaboration = collaboration_of(kb, &role);
    role.disputes = disputes_of(kb, &role);
    if keep(Section::Headlines) {
        fill_headlines(kb, &mut role);
    } else {
        role.headlines = Headlines::default();
    }
    if !keep(Section::Summary) {
        role.summary.clear();
    }
    if !keep(Section::Focus) {
        role.focus = None;
    }
    if !keep(Section::Nature) {
        role.nature = None;
    }
    if !keep(Section::Facing) {
        role.facing = None;
    }
    if !keep(Section::Responsibilities) {
        role.responsibilities.clear();
    }
    if !keep(Section::Reporting) {
        role.reporting.clear();
    }
    if !keep(Section::Background) {
        role.background.clear();
    }
    if !keep(Section::Codes) {
        role.codes.clear();
    }
    if !keep(Section::Industries) {
        role.industries.clear();
    }
    if let Some(industry) = industry {
        role.industries
            .retain(|example| example.industry == industry);
    }
    if !keep(Section::Collaboration) {
        role.collaboration.clear();
    }
    if !keep(Section::Disputes) {
        role.disputes.clear();
    }
    if selection.view == View::Glance {
        // At a glance a disagreement is its one-line headline; --full has every claim.
        for dispute in &mut role.disputes {
            if dispute.headline.is_some() {
                dispute.claims.clear();
            }
        }
    }
    role
}

/// A role file need not write headlines (a company's new role rarely does): a dimension
/// without one shows the facts it would sum up, whole, rather than an empty cell; industry
/// examples each with their industry's name. A company layer over a built-in role that adds
/// facts to a dimension without writing its headline has them shown beside the reference's
/// headline, which cannot sum them up.
fn fill_headlines(kb: &KnowledgeBase, role: &mut Role) {
    let all = dimension_facts(kb, role);
    // A role no file changed has no facts of its own to add; asking for its built-in
    // version would only make the roles as shipped.
    let own = (!role.is_built_in_only())
        .then(|| kb.shipped_version(role))
        .flatten()
        .filter(|shipped| shipped.id != role.id)
        .map(|shipped| {
            let own = origin::only(role, Some(shipped), origin::Origin::Company);
            (dimension_facts(kb, &own), own.headlines)
        });
    let headlines = &mut role.headlines;
    let slots = [
        &mut headlines.definition,
        &mut headlines.focus,
        &mut headlines.nature,
        &mut headlines.facing,
        &mut headlines.reporting,
        &mut headlines.background,
        &mut headlines.industries,
    ];
    for (index, (headline, facts)) in slots.into_iter().zip(all).enumerate() {
        if headline.is_empty() {
            *headline = facts;
        } else if let Some((own, written)) = &own
            && headline_rows(written)[index].1.is_empty()
        {
            headline.extend(own[index].iter().cloned());
        }
    }
}

/// The facts each headline dimension sums up, in the order of [`headline_rows`].
fn dimension_facts(kb: &KnowledgeBase, role: &Role) -> [Vec<Fact>; 7] {
    let facts = |position: Option<&Vec<Fact>>| position.cloned().unwrap_or_default();
    let reporting = role.reporting.iter().map(ReportingLine::claim).collect();
    let examples = role
        .industries
        .iter()
        .flat_map(|example| {
            let industry = kb
                .industries
                .iter()
                .find(|term| term.id == example.industry)
                .map_or(example.industry.as_str(), |term| term.label.as_str());
            example.facts.iter().map(move |fact| Fact {
                text: format!("{industry}: {}", fact.text),
                sources: fact.sources.clone(),
                evidence: fact.evidence.clone(),
                involvement: None,
                areas: Vec::new(),
            })
        })
        .collect();
    [
        role.summary.clone(),
        facts(role.focus.as_ref().map(|p| &p.facts)),
        facts(role.nature.as_ref().map(|p| &p.facts)),
        facts(role.facing.as_ref().map(|p| &p.facts)),
        reporting,
        role.background.clone(),
        examples,
    ]
}
