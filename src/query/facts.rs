//! Walking a role's facts: every fact in profile order with its section and topic, the facts
//! other roles state about it, the sources they cite, and the same facts as the long-form
//! records of CSV.

use std::collections::BTreeSet;

use serde::Serialize;

use super::matrix;
use super::select::{Selection, narrowed};
use crate::kb::KnowledgeBase;
use crate::model::{
    Code, Collaboration, Dispute, Excerpt, Fact, ReportingLine, Role, Section, Source,
};
use crate::report::labels::{
    Labels, facing_label, focus_label, heading, headline_rows, nature_label,
};
use crate::report::parts::{FACT_HEADER, no_disputes, quoted};
use crate::report::{Records, Section as DocSection};

/// A role's collaboration facts: its own, and those other roles state about it, turned round
/// so that `with` always names the other role. Pair facts are written once in the data.
pub fn collaboration_of(kb: &KnowledgeBase, role: &Role) -> Vec<Collaboration> {
    role.collaboration
        .iter()
        .cloned()
        .chain(crate::model::mirrored(&kb.roles, &role.id))
        .collect()
}

/// A role's disputes: its own, then those other roles record `with` it.
pub fn disputes_of(kb: &KnowledgeBase, role: &Role) -> Vec<Dispute> {
    role.disputes
        .iter()
        .cloned()
        .chain(crate::model::shared_disputes(&kb.roles, &role.id))
        .collect()
}

/// The sources cited anywhere in `roles`, in the order of the sources file.
pub fn cited_sources(kb: &KnowledgeBase, roles: &[Role]) -> Vec<Source> {
    // Only the sources are read: the topics need no names.
    let labels = Labels::default();
    let mut cited = BTreeSet::new();
    for role in roles {
        each_fact(&labels, role, &mut |_, _, _, sources| {
            cited.extend(sources.iter().map(String::as_str));
        });
    }
    kb.sources
        .iter()
        .filter(|source| cited.contains(source.id.as_str()))
        .cloned()
        .collect()
}

/// The sources a report lists: those its (narrowed) roles cite or, when the sources are the
/// only section asked for (`--section sources`), those the roles' whole profiles cite, since
/// a list of what nothing shown cites would be empty.
pub fn listed_sources(
    kb: &KnowledgeBase,
    roles: &[&Role],
    shown: &[Role],
    selection: &Selection,
    industry: Option<&str>,
) -> Vec<Source> {
    if selection.sections().ne([Section::Sources]) {
        return cited_sources(kb, shown);
    }
    let whole = Selection::new(&Section::ALL, industry, true);
    let profiles: Vec<Role> = roles
        .iter()
        .map(|role| narrowed(kb, role, &whole, industry))
        .collect();
    cited_sources(kb, &profiles)
}

/// One fact of a role with where it sits: the section and, within it, the topic.
#[derive(Debug, Clone, Serialize)]
pub struct PlacedFact {
    pub section: Section,
    /// The area, industry, reporting target, related role or dispute the fact is about.
    pub topic: Option<String>,
    pub text: String,
    pub sources: Vec<String>,
}

/// Every fact of a role, in profile order, each placed in its section.
pub fn facts_of(labels: &Labels, role: &Role) -> Vec<PlacedFact> {
    let mut placed = Vec::new();
    each_fact(labels, role, &mut |section, topic, text, sources| {
        placed.push(PlacedFact {
            section,
            topic: topic.map(str::to_owned),
            text: text.to_owned(),
            sources: sources.to_vec(),
        });
    });
    placed
}

/// Calls `visit` with every fact of a role, in profile order: its section, its topic (the
/// area, industry, related role or dispute it is about), its text and its sources. Nothing is
/// copied, so a search over thousands of roles allocates only for what it keeps.
pub fn each_fact<'a>(
    labels: &'a Labels,
    role: &'a Role,
    visit: &mut dyn FnMut(Section, Option<&'a str>, &'a str, &'a [String]),
) {
    each_cited(labels, role, &mut |section, topic, fact| {
        visit(section, topic, fact.text, fact.sources);
    });
}

/// [`each_fact`], each fact with its evidence.
pub fn each_cited<'a>(
    labels: &'a Labels,
    role: &'a Role,
    visit: &mut dyn FnMut(Section, Option<&'a str>, Cited<'a>),
) {
    for (dimension, facts) in headline_rows(&role.headlines) {
        for fact in facts {
            visit(Section::Headlines, Some(dimension), fact.into());
        }
    }
    for fact in &role.summary {
        visit(Section::Summary, None, fact.into());
    }
    let positions = [
        (
            Section::Focus,
            role.focus
                .as_ref()
                .map(|p| (p.primary.map(focus_label), &p.facts)),
        ),
        (
            Section::Nature,
            role.nature
                .as_ref()
                .map(|p| (p.primary.map(nature_label), &p.facts)),
        ),
        (
            Section::Facing,
            role.facing
                .as_ref()
                .map(|p| (p.primary.map(facing_label), &p.facts)),
        ),
    ];
    for (section, position) in positions {
        if let Some((label, facts)) = position {
            for fact in facts {
                visit(section, label, fact.into());
            }
        }
    }
    for item in &role.responsibilities {
        for fact in &item.facts {
            visit(
                Section::Responsibilities,
                Some(labels.area(&item.area)),
                fact.into(),
            );
        }
    }
    for line in &role.reporting {
        visit(Section::Reporting, Some(labels.role(&line.to)), line.into());
    }
    for fact in &role.background {
        visit(Section::Background, None, fact.into());
    }
    for code in &role.codes {
        visit(
            Section::Codes,
            Some(labels.code_topic(&code.occupation)),
            code.into(),
        );
    }
    for example in &role.industries {
        for fact in &example.facts {
            visit(
                Section::Industries,
                Some(labels.industry(&example.industry)),
                fact.into(),
            );
        }
    }
    for link in &role.collaboration {
        visit(
            Section::Collaboration,
            Some(labels.role(&link.with)),
            link.into(),
        );
    }
    for dispute in &role.disputes {
        each_dispute_fact(dispute, &mut |topic, fact| {
            visit(Section::Disputes, Some(topic), fact);
        });
    }
}

/// Calls `visit` with each fact of a dispute, headline first, and the dispute's topic.
pub fn each_dispute_fact<'a>(dispute: &'a Dispute, visit: &mut dyn FnMut(&'a str, Cited<'a>)) {
    if let Some(headline) = &dispute.headline {
        visit(&dispute.topic, headline.into());
    }
    for claim in &dispute.claims {
        visit(&dispute.topic, claim.into());
    }
}

/// A fact as [`each_cited`] gives it, borrowed from the role.
#[derive(Debug, Clone, Copy)]
pub struct Cited<'a> {
    pub text: &'a str,
    pub sources: &'a [String],
    pub evidence: &'a [Excerpt],
}

impl<'a> From<&'a Fact> for Cited<'a> {
    fn from(fact: &'a Fact) -> Self {
        Self {
            text: &fact.text,
            sources: &fact.sources,
            evidence: &fact.evidence,
        }
    }
}

impl<'a> From<&'a ReportingLine> for Cited<'a> {
    fn from(line: &'a ReportingLine) -> Self {
        Self {
            text: &line.text,
            sources: &line.sources,
            evidence: &line.evidence,
        }
    }
}

impl<'a> From<&'a Code> for Cited<'a> {
    fn from(code: &'a Code) -> Self {
        Self {
            text: &code.text,
            sources: &code.sources,
            evidence: &code.evidence,
        }
    }
}

impl<'a> From<&'a Collaboration> for Cited<'a> {
    fn from(link: &'a Collaboration) -> Self {
        Self {
            text: &link.text,
            sources: &link.sources,
            evidence: &link.evidence,
        }
    }
}

/// The long-form table of every fact of `roles`: what CSV gives for a profile, a comparison
/// and search results alike, so the three load into the same spreadsheet columns.
pub fn fact_records(labels: &Labels, roles: &[Role]) -> Records {
    let rows = roles
        .iter()
        .flat_map(|role| {
            facts_of(labels, role)
                .into_iter()
                .map(move |fact| placed_record(&role.id, &fact))
        })
        .collect();
    Records {
        header: FACT_HEADER.to_vec(),
        rows,
    }
}

/// [`fact_records`] with one more column, `evidence`: each fact's quotes with their sources,
/// `brief: “…”; guide: “…”`. Rows of matrix cells, which quote nothing, leave it empty.
/// What CSV gives for a profile or a comparison: the roles' facts (with `evidence`, each
/// with its quotes), the matrix's rows, then the figures of the occupations shown.
pub fn profile_records(
    labels: &Labels,
    roles: &[Role],
    matrix: Option<&matrix::Matrix>,
    occupations: Option<&[super::occupations::OccupationView]>,
    evidence: bool,
) -> Records {
    let mut records = if evidence {
        fact_records_with_evidence(labels, roles, matrix)
    } else {
        let mut records = fact_records(labels, roles);
        records
            .rows
            .extend(matrix.into_iter().flat_map(matrix::Matrix::fact_rows));
        records
    };
    if let Some(occupations) = occupations {
        records.rows.extend(super::occupations::occupation_records(
            occupations,
            evidence,
        ));
    }
    records
}

pub fn fact_records_with_evidence(
    labels: &Labels,
    roles: &[Role],
    matrix: Option<&matrix::Matrix>,
) -> Records {
    let mut rows = Vec::new();
    for role in roles {
        each_cited(labels, role, &mut |section, topic, fact| {
            rows.push(vec![
                role.id.clone(),
                section.id().to_owned(),
                topic.unwrap_or_default().to_owned(),
                fact.text.to_owned(),
                fact.sources.join(", "),
                quoted(fact.evidence),
            ]);
        });
    }
    for mut row in matrix.map(matrix::Matrix::fact_rows).unwrap_or_default() {
        row.push(String::new());
        rows.push(row);
    }
    Records {
        header: FACT_HEADER.iter().copied().chain(["evidence"]).collect(),
        rows,
    }
}

/// One row of [`fact_records`].
pub fn placed_record(role: &str, fact: &PlacedFact) -> Vec<String> {
    vec![
        role.to_owned(),
        fact.section.id().to_owned(),
        fact.topic.clone().unwrap_or_default(),
        fact.text.clone(),
        fact.sources.join(", "),
    ]
}

/// At a glance: the disagreements of `roles`, one cited line each; `sources` are those the
/// report cites.
pub fn dispute_lines<'a>(roles: impl Iterator<Item = &'a Role>, sources: &[Source]) -> DocSection {
    let heading = DocSection::new(heading(Section::Disputes));
    let lines = dispute_headlines(roles);
    if lines.is_empty() {
        heading.note(no_disputes(sources))
    } else {
        heading.facts(&lines)
    }
}

/// One cited line per disagreement ("Topic: headline"), each once even when several of
/// `roles` record it.
pub fn dispute_headlines<'a>(roles: impl Iterator<Item = &'a Role>) -> Vec<Fact> {
    let mut seen = BTreeSet::new();
    let mut lines = Vec::new();
    for dispute in roles.flat_map(|role| &role.disputes) {
        let line = match &dispute.headline {
            Some(headline) => Fact {
                text: if dispute.topic.ends_with('?') {
                    format!("{} {}", dispute.topic, headline.text)
                } else {
                    format!("{}: {}", dispute.topic, headline.text)
                },
                sources: headline.sources.clone(),
                evidence: headline.evidence.clone(),
                involvement: None,
                areas: Vec::new(),
            },
            None => Fact::new(
                format!("{} (see --section disputes)", dispute.topic),
                &dispute
                    .claims
                    .iter()
                    .flat_map(|claim| claim.sources.iter().cloned())
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect::<Vec<_>>(),
            ),
        };
        if seen.insert(line.text.clone()) {
            lines.push(line);
        }
    }
    lines
}
