//! The occupations the shown roles' codes link to, and the pay and labour-market section
//! their figures make: a figure is the whole occupation's, so it is shown under the
//! occupation with the roles linked to it, never under one role.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::Serialize;

use super::select::Selection;
use crate::kb::KnowledgeBase;
use crate::model::{CodeLink, Fact, Measure, Occupation, Role, Section, Source};
use crate::report::labels::{Labels, OccupationName, code_link_label, heading, measure_label};
use crate::report::parts::quoted;
use crate::report::{Cell, Section as DocSection};

/// An occupation the shown roles' codes link to, with the roles that link to it and how:
/// its figures are shown under it, never under a role.
#[derive(Debug, Clone, Serialize)]
pub struct OccupationView {
    #[serde(flatten)]
    pub occupation: Occupation,
    pub linked: Vec<LinkedRole>,
}

/// A role whose codes link to an occupation, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkedRole {
    pub role: String,
    pub link: CodeLink,
}

/// The occupations the codes of `roles` link to, in the order the roles name them.
pub fn occupations_of(kb: &KnowledgeBase, roles: &[&Role]) -> Vec<OccupationView> {
    let mut views: Vec<OccupationView> = Vec::new();
    let mut at: BTreeMap<&str, usize> = BTreeMap::new();
    for role in roles {
        for code in &role.codes {
            let Some(occupation) = kb.occupations.iter().find(|o| o.id == code.occupation) else {
                continue;
            };
            let index = *at.entry(occupation.id.as_str()).or_insert_with(|| {
                views.push(OccupationView {
                    occupation: occupation.clone(),
                    linked: Vec::new(),
                });
                views.len() - 1
            });
            let linked = LinkedRole {
                role: role.id.clone(),
                link: code.link,
            };
            if !views[index].linked.contains(&linked) {
                views[index].linked.push(linked);
            }
        }
    }
    views
}

/// The occupations a report shows for `roles` (when it shows their codes or the labour
/// market), with what the labour market says of what is missing for `whose`, and `sources`
/// with those the shown occupations cite added.
pub fn occupations_shown(
    kb: &KnowledgeBase,
    roles: &[&Role],
    selection: &Selection,
    whose: &str,
    sources: &mut Vec<Source>,
) -> (Vec<OccupationView>, String) {
    let (codes, figures) = (
        selection.has(Section::Codes),
        selection.has(Section::LabourMarket),
    );
    if !codes && !figures {
        return (Vec::new(), String::new());
    }
    let occupations = occupations_of(kb, roles);
    let silence = if figures {
        labour_market_silence(kb, &occupations, &Labels::new(kb), whose)
    } else {
        String::new()
    };
    with_sources(
        kb,
        sources,
        occupation_sources(&occupations, codes, figures),
    );
    (occupations, silence)
}

/// The sources that the shown occupations cite: with the codes, every linked occupation's
/// sources for its code and title; with the labour market, those of the occupations that
/// have figures, and of their figures.
pub fn occupation_sources(
    views: &[OccupationView],
    codes: bool,
    figures: bool,
) -> impl Iterator<Item = &String> {
    views
        .iter()
        .filter(move |view| codes || (figures && !view.occupation.facts.is_empty()))
        .flat_map(move |view| {
            let facts = view
                .occupation
                .facts
                .iter()
                .filter(move |_| figures)
                .flat_map(|fact| &fact.sources);
            view.occupation.sources.iter().chain(facts)
        })
}

/// `sources` with those of `extra` ids added, in the order of the sources file.
pub fn with_sources<'a>(
    kb: &KnowledgeBase,
    sources: &mut Vec<Source>,
    extra: impl IntoIterator<Item = &'a String>,
) {
    let mut wanted: BTreeSet<String> = sources.iter().map(|s| s.id.clone()).collect();
    let before = wanted.len();
    wanted.extend(extra.into_iter().cloned());
    if wanted.len() != before {
        *sources = kb
            .sources
            .iter()
            .filter(|source| wanted.contains(source.id.as_str()))
            .cloned()
            .collect();
    }
}

/// The pay and labour-market section: each occupation with figures, headed by the
/// occupation and the roles linked to it, then its figures with their periods and places. A
/// figure is the whole occupation's, so it never sits under a role's name. `silence` (from
/// [`labour_market_silence`]) says what is missing: all figures, or pay.
pub fn labour_market_section(
    views: &[OccupationView],
    labels: &Labels,
    silence: &str,
) -> DocSection {
    let mut section = DocSection::new(heading(Section::LabourMarket));
    let figured: Vec<&OccupationView> = views
        .iter()
        .filter(|view| !view.occupation.facts.is_empty())
        .collect();
    if figured.is_empty() {
        return section.note(silence);
    }
    for view in figured {
        let occupation = &view.occupation;
        let how: Vec<String> = view
            .linked
            .iter()
            .map(|linked| {
                format!(
                    "{} ({})",
                    labels.role(&linked.role),
                    code_link_label(linked.link)
                )
            })
            .collect();
        section = section.note(format!(
            "{}. Linked to: {}. The figures are the whole occupation's, not one role's.",
            OccupationName::of(occupation).full(),
            how.join(", ")
        ));
        let rows = occupation
            .facts
            .iter()
            .map(|fact| {
                vec![
                    Cell::label(measure_label(fact.measure)),
                    Cell::label(&fact.period),
                    Cell::label(&fact.place),
                    Cell {
                        lines: vec![Fact {
                            text: fact.text.clone(),
                            sources: fact.sources.clone(),
                            evidence: fact.evidence.clone(),
                            involvement: None,
                            areas: Vec::new(),
                        }],
                    },
                ]
            })
            .collect();
        section = section.table(&["Measure", "Period", "Place", "Figure"], rows);
        if let Some(note) = &occupation.note {
            section = section.note(note.clone());
        }
    }
    if !silence.is_empty() {
        section = section.note(silence);
    }
    section
}

/// The figures of `views` as rows of `facts::fact_records` (with `evidence`, of
/// `facts::fact_records_with_evidence`): the role column is empty, since a figure is an
/// occupation's, and the topic names the occupation, the measure, the period and the place.
pub fn occupation_records(views: &[OccupationView], evidence: bool) -> Vec<Vec<String>> {
    views
        .iter()
        .flat_map(|view| {
            let name = OccupationName::of(&view.occupation).full();
            view.occupation.facts.iter().map(move |fact| {
                let mut row = vec![
                    String::new(),
                    Section::LabourMarket.id().to_owned(),
                    format!(
                        "{name}; {}; {}; {}",
                        measure_label(fact.measure),
                        fact.period,
                        fact.place
                    ),
                    fact.text.clone(),
                    fact.sources.join(", "),
                ];
                if evidence {
                    row.push(quoted(&fact.evidence));
                }
                row
            })
        })
        .collect()
}

/// What the labour-market section says of what it lacks, for `whose` (a role's title, "these
/// roles"): when no linked occupation has figures, which occupations were looked at and
/// which have figures; when some have figures but none gives pay, which occupations do; and
/// nothing when pay is there.
pub fn labour_market_silence(
    kb: &KnowledgeBase,
    views: &[OccupationView],
    labels: &Labels,
    whose: &str,
) -> String {
    let count = kb.sources.len();
    let figured = views.iter().any(|view| !view.occupation.facts.is_empty());
    let paid = |occupation: &Occupation| {
        occupation
            .facts
            .iter()
            .any(|fact| fact.measure == Measure::MedianPay)
    };
    if views.iter().any(|view| paid(&view.occupation)) {
        return String::new();
    }
    let linked: Vec<String> = views
        .iter()
        .map(|view| OccupationName::of(&view.occupation).full())
        .collect();
    let mut note = if linked.is_empty() {
        format!(
            "None of the {count} sources recorded here assigns {whose} an occupation code, so none gives figures for an occupation that includes it."
        )
    } else if figured {
        format!(
            "None of the {count} sources recorded here gives pay for the occupations linked to {whose}."
        )
    } else {
        format!(
            "None of the {count} sources recorded here gives pay or labour-market figures for the occupations linked to {whose}: {}.",
            linked.join("; ")
        )
    };
    let everyone: Vec<&Role> = kb.roles.iter().collect();
    let linked_anywhere = occupations_of(kb, &everyone);
    let elsewhere: Vec<String> = kb
        .occupations
        .iter()
        .filter(|occupation| {
            if figured {
                paid(occupation)
            } else {
                !occupation.facts.is_empty()
            }
        })
        .map(|occupation| {
            let name = OccupationName::of(occupation).full();
            let roles: Vec<&str> = linked_anywhere
                .iter()
                .filter(|view| view.occupation.id == occupation.id)
                .flat_map(|view| &view.linked)
                .map(|linked| labels.role(&linked.role))
                .collect();
            if roles.is_empty() {
                name
            } else {
                format!("{name}, linked to the {}", roles.join(", the "))
            }
        })
        .collect();
    if !elsewhere.is_empty() {
        let what = if figured { "Pay is" } else { "Figures are" };
        let _ = write!(note, " {what} recorded for {}.", elsewhere.join("; "));
    }
    note
}
