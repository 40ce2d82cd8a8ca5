//! `rolecmp show`: one role at a glance (headlines, responsibilities, disagreements), its
//! whole profile with `--full`, or the parts asked for.

use std::fmt::Write as _;

use serde::Serialize;

use super::matrix::Matrix;
use super::occupations::{OccupationView, labour_market_section, occupations_shown, with_sources};
use super::origin::Origin;
use crate::kb::KnowledgeBase;
use crate::model::Section;
use crate::model::{Role, Source, Term};
use crate::query::facts::{cited_sources, dispute_lines, listed_sources, profile_records};
use crate::query::select::{Selection, View, narrowed};
use crate::report::labels::{
    Labels, code_link_label, facing_label, focus_label, heading, headline_rows, nature_label,
    relation_label, short_name, shown_name, subject, title,
};
use crate::report::parts::{MORE, cited_if_shown, nothing};
use crate::report::{Cell, Document, Records, Report, Section as DocSection};

/// The answer to `show`.
#[derive(Debug, Serialize)]
pub struct Profile {
    /// The role with only the selected sections filled in.
    pub role: Role,
    pub industry: Option<Term>,
    pub view: View,
    pub sections: Vec<Section>,
    /// How the sources involve the role in each area; null unless the matrix is shown.
    pub matrix: Option<Matrix>,
    /// The layer the profile is narrowed to, with `--origin`.
    pub origin: Option<Origin>,
    /// The occupations the role's codes link to, with their figures; empty unless the codes
    /// or the labour market are shown.
    pub occupations: Vec<OccupationView>,
    pub sources: Vec<Source>,
    #[serde(skip)]
    labels: Labels,
    #[serde(skip)]
    silence: Silence,
}

/// What a profile says where the sources say nothing: how many sources there are, which of
/// them speak of the role, and where else the missing thing is recorded.
#[derive(Debug, Default)]
struct Silence {
    sources: usize,
    /// Ids of the sources the role's whole profile cites.
    speaking: Vec<String>,
    /// Short names of the roles with an example for the industry asked for.
    industry_elsewhere: Vec<String>,
    labour_market: String,
    /// At a glance: how many questions other roles raise about this one.
    other_questions: usize,
}

/// One layer to narrow a profile to (`--origin`), with the role as shipped to tell them
/// apart.
#[derive(Debug, Clone, Copy)]
struct Layer<'a> {
    origin: Origin,
    shipped: Option<&'a Role>,
}

/// `role`'s profile: the sections asked for (or at a glance, or `full`), with `industry`'s
/// examples, narrowed to one layer's facts with `origin`.
pub fn show(
    kb: &KnowledgeBase,
    role: &Role,
    industry: Option<&Term>,
    sections: &[Section],
    full: bool,
    origin: Option<Origin>,
) -> Profile {
    let labels = Labels::new(kb);
    let layer = origin.map(|origin| Layer {
        origin,
        shipped: kb.shipped_version(role),
    });
    let selection = Selection::new(sections, industry.map(|t| t.id.as_str()), full);
    let industry_id = industry.map(|t| t.id.as_str());
    // `--origin` keeps one layer's facts before anything is built from the role, of the
    // role and of every other (whose facts about it the matrix and collaboration show), and
    // again after narrowing, which adds what the `builtin:` views state about it.
    let (kept, layered);
    let (kb, role) = match layer {
        Some(layer) => {
            kept = super::origin::only(role, layer.shipped, layer.origin);
            layered = super::origin::view(kb, layer.origin);
            (&layered, &kept)
        }
        None => (kb, role),
    };
    let matrix = selection
        .has(Section::Matrix)
        .then(|| super::matrix::matrix(kb, &labels, &[role]));
    let mut shown = narrowed(kb, role, &selection, industry_id);
    if let Some(layer) = layer {
        shown = super::origin::only(&shown, layer.shipped, layer.origin);
    }
    // At a glance, the questions the role itself raises; those other roles raise about it
    // (the CISO's reporting line, about the CIO) wait for the detail.
    let mut other_questions = 0;
    if selection.view == View::Glance {
        let before = shown.disputes.len();
        shown
            .disputes
            .retain(|dispute| role.disputes.iter().any(|own| own.topic == dispute.topic));
        other_questions = before - shown.disputes.len();
    }
    let mut sources = listed_sources(
        kb,
        &[role],
        std::slice::from_ref(&shown),
        &selection,
        industry_id,
    );
    if let Some(matrix) = &matrix {
        with_sources(kb, &mut sources, matrix.sources.iter().map(|s| &s.id));
    }
    let (occupations, labour_market) = occupations_shown(
        kb,
        &[role],
        &selection,
        &format!("the {}", title(role)),
        &mut sources,
    );
    let silence = Silence {
        sources: kb.sources.len(),
        speaking: cited_sources(kb, std::slice::from_ref(role))
            .into_iter()
            .map(|source| source.id)
            .collect(),
        industry_elsewhere: industry_id
            .map(|industry| {
                kb.roles
                    .iter()
                    .filter(|other| other.industries.iter().any(|e| e.industry == industry))
                    .map(short_name)
                    .collect()
            })
            .unwrap_or_default(),
        labour_market,
        other_questions,
    };
    let role = shown;
    Profile {
        role,
        industry: industry.cloned(),
        view: selection.view,
        sections: selection.sections().collect(),
        matrix,
        origin: layer.map(|layer| layer.origin),
        occupations,
        sources,
        labels,
        silence,
    }
}

impl Profile {
    /// What an empty section says: that none of the sources gives it, how many were looked
    /// at, and which of them speak of the role at all.
    fn nothing_on(&self, section: Section) -> String {
        let mut note = format!(
            "Nothing recorded: none of the {} sources here gives the {} of the {}.",
            self.silence.sources,
            subject(section),
            title(&self.role)
        );
        if self.silence.speaking.is_empty() {
            note.push_str(" None of them speaks of this role.");
        } else {
            let _ = write!(
                note,
                " Those that speak of this role: {}.",
                self.silence.speaking.join(", ")
            );
        }
        note
    }

    /// What an industry without an example says: that no source gives one, and which roles
    /// have one.
    fn no_example(&self, industry: &Term) -> String {
        let mut note = format!(
            "Nothing recorded: none of the {} sources here gives an example of the {} in {}.",
            self.silence.sources,
            title(&self.role),
            industry.label
        );
        if !self.silence.industry_elsewhere.is_empty() {
            let _ = write!(
                note,
                " Examples for this industry are recorded for: {}.",
                self.silence.industry_elsewhere.join(", ")
            );
        }
        note
    }

    /// The role's codes: scheme, code, occupation, and how the source ties the role to it.
    fn codes(&self, heading: DocSection) -> DocSection {
        let rows = self
            .role
            .codes
            .iter()
            .map(|code| {
                let name = self.labels.occupation(&code.occupation);
                vec![
                    Cell::label(name.scheme),
                    Cell::label(&name.code),
                    name.title.map_or_else(nothing, Cell::label),
                    Cell {
                        lines: vec![crate::model::Fact {
                            text: format!(
                                "{}: {}",
                                capitalised(code_link_label(code.link)),
                                code.text
                            ),
                            sources: code.sources.clone(),
                            evidence: code.evidence.clone(),
                            involvement: None,
                            areas: Vec::new(),
                        }],
                    },
                ]
            })
            .collect();
        heading.table(
            &[
                "Scheme",
                "Code",
                "Occupation",
                "How the source links the role",
            ],
            rows,
        )
    }

    /// At a glance: the questions the role raises, and how many others raise about it.
    fn glance_disputes(&self) -> DocSection {
        let role = &self.role;
        let section = dispute_lines(std::iter::once(role), &self.sources);
        match self.silence.other_questions {
            0 => section,
            1 => section.note(format!(
                "Another role raises one more question about the {}; the detail shows it.",
                title(role)
            )),
            n => section.note(format!(
                "Other roles raise {n} more questions about the {}; the detail shows them.",
                title(role)
            )),
        }
    }

    /// One row per dimension; at a glance, the matrix too, as one more row of areas
    /// grouped by involvement.
    fn headlines(&self, heading: DocSection) -> DocSection {
        let role = &self.role;
        let mut rows: Vec<Vec<Cell>> = headline_rows(&role.headlines)
            .into_iter()
            .map(|(name, facts)| {
                let cell = if facts.is_empty() {
                    nothing()
                } else {
                    Cell::facts(facts)
                };
                vec![Cell::label(name), cell]
            })
            .collect();
        if self.view == View::Glance
            && let Some(matrix) = &self.matrix
        {
            let grouped = matrix.grouped(0);
            rows.push(vec![
                Cell::label("Responsibilities"),
                if grouped.is_empty() {
                    nothing()
                } else {
                    grouped
                },
            ]);
        }
        let table = heading.table(&["Dimension", &short_name(role)], rows);
        match &self.matrix {
            Some(matrix) if self.view == View::Glance => table.note(matrix.legend),
            _ => table,
        }
    }

    /// Whom the role works with, how, and in which area.
    fn collaboration(&self, heading: DocSection) -> DocSection {
        let labels = &self.labels;
        heading.table(
            &["With", "Relation", "Area", "Detail"],
            self.role
                .collaboration
                .iter()
                .map(|link| {
                    vec![
                        Cell::label(labels.role(&link.with)),
                        Cell::label(relation_label(link.relation)),
                        link.area
                            .as_deref()
                            .map_or_else(nothing, |area| Cell::label(labels.area(area))),
                        Cell::facts([&link.claim()]),
                    ]
                })
                .collect(),
        )
    }

    fn section(&self, section: Section) -> DocSection {
        let role = &self.role;
        let labels = &self.labels;
        let heading = DocSection::new(heading(section));
        let empty = |heading: DocSection| heading.note(self.nothing_on(section));
        match section {
            Section::Headlines => self.headlines(heading),
            Section::Matrix => match &self.matrix {
                Some(matrix) if self.view == View::Full => matrix.section(),
                _ => DocSection::new(""),
            },
            Section::Summary if role.summary.is_empty() => empty(heading),
            Section::Summary => heading.facts(&role.summary),
            Section::Focus | Section::Nature | Section::Facing => {
                match position_row(role, section) {
                    Some((Some(position), why)) => {
                        heading.table(&["Position", "Why"], vec![vec![Cell::label(position), why]])
                    }
                    Some((None, why)) => heading.facts(&why.lines),
                    None => empty(heading),
                }
            }
            Section::Responsibilities if role.responsibilities.is_empty() => empty(heading),
            Section::Responsibilities => heading.table(
                &["Area", "What it involves"],
                role.responsibilities
                    .iter()
                    .map(|item| {
                        vec![
                            Cell::label(labels.area(&item.area)),
                            Cell::facts(&item.facts),
                        ]
                    })
                    .collect(),
            ),
            Section::Reporting if role.reporting.is_empty() => empty(heading),
            Section::Reporting => heading.table(
                &["Reports to", "How common", "Claim"],
                role.reporting
                    .iter()
                    .map(|line| {
                        vec![
                            Cell::label(labels.role(&line.to)),
                            Cell::label(labels.how_common(line)),
                            Cell::facts([&line.claim()]),
                        ]
                    })
                    .collect(),
            ),
            Section::Background if role.background.is_empty() => empty(heading),
            Section::Background => heading.facts(&role.background),
            Section::Codes if role.codes.is_empty() => empty(heading),
            Section::Codes => self.codes(heading),
            Section::LabourMarket => {
                labour_market_section(&self.occupations, labels, &self.silence.labour_market)
            }
            Section::Industries if role.industries.is_empty() => match &self.industry {
                Some(industry) => heading.note(self.no_example(industry)),
                None => empty(heading),
            },
            Section::Industries => heading.table(
                &["Industry", "Duties"],
                role.industries
                    .iter()
                    .map(|example| {
                        vec![
                            Cell::label(labels.industry(&example.industry)),
                            Cell::facts(&example.facts),
                        ]
                    })
                    .collect(),
            ),
            Section::Collaboration if role.collaboration.is_empty() => empty(heading),
            Section::Collaboration => self.collaboration(heading),
            Section::Disputes if self.view == View::Glance => self.glance_disputes(),
            Section::Disputes if role.disputes.is_empty() => empty(heading),
            Section::Disputes => heading.table(
                &["Question", "Claims"],
                role.disputes
                    .iter()
                    .map(|dispute| vec![Cell::label(&dispute.topic), Cell::facts(&dispute.claims)])
                    .collect(),
            ),
            // The sources are the document's list at its end.
            Section::Sources => DocSection::new(""),
        }
    }
}

/// `text` with its first letter in upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The one-word position (absent where no one word is true to the sources) and the facts
/// behind it, for a focus / nature / facing section.
pub fn position_row(role: &Role, section: Section) -> Option<(Option<&'static str>, Cell)> {
    match section {
        Section::Focus => role
            .focus
            .as_ref()
            .map(|p| (p.primary.map(focus_label), Cell::facts(&p.facts))),
        Section::Nature => role
            .nature
            .as_ref()
            .map(|p| (p.primary.map(nature_label), Cell::facts(&p.facts))),
        Section::Facing => role
            .facing
            .as_ref()
            .map(|p| (p.primary.map(facing_label), Cell::facts(&p.facts))),
        _ => None,
    }
}

/// Where a role that is not simply built in comes from ("Defined in company/ciso.yaml",
/// "Origin: built-in, extended by company/cio.yaml"), and the layer shown with `--origin`.
fn origin_note(role: &Role, origin: Option<Origin>) -> Option<String> {
    let layered = role.origin.len() > 1
        || role
            .origin
            .first()
            .is_some_and(|layer| layer.file != crate::model::BUILT_IN);
    let mut note = Vec::new();
    if layered {
        let layers: Vec<String> = role.origin.iter().map(ToString::to_string).collect();
        note.push(format!("Origin: {}.", layers.join(", ")));
    }
    if let Some(origin) = origin {
        note.push(origin.note().to_owned());
    }
    (!note.is_empty()).then(|| note.join(" "))
}

impl Report for Profile {
    fn document(&self) -> Document {
        let role = &self.role;
        let mut title = match role.aliases.first() {
            Some(short) => format!("{} ({})", title(role), shown_name(&role.id, short)),
            None => title(role),
        };
        if let Some(industry) = &self.industry {
            title = format!("{title}, with {} examples", industry.label);
        }
        let mut sections: Vec<DocSection> = origin_note(&self.role, self.origin)
            .map(|note| DocSection::new("").note(note))
            .into_iter()
            .collect();
        for &section in &self.sections {
            match section {
                Section::Sources => {}
                // At a glance the matrix is a row of the headlines table.
                Section::Matrix if self.view == View::Glance => {}
                _ => sections.push(self.section(section)),
            }
        }
        Document {
            title,
            sections,
            sources: cited_if_shown(&self.sections, &self.sources),
        }
    }

    fn hint(&self) -> Option<String> {
        (self.view == View::Glance).then(|| MORE.to_owned())
    }

    fn records(&self) -> Records {
        self.records_as(false)
    }

    fn records_with_evidence(&self) -> Records {
        self.records_as(true)
    }
}

impl Profile {
    fn records_as(&self, evidence: bool) -> Records {
        let occupations = self.sections.contains(&Section::LabourMarket);
        profile_records(
            &self.labels,
            std::slice::from_ref(&self.role),
            self.matrix.as_ref(),
            occupations.then_some(self.occupations.as_slice()),
            evidence,
        )
    }
}
