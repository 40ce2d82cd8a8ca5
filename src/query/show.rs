//! `rolecmp show`: one role at a glance (headlines, responsibilities, disagreements), its
//! whole profile with `--full`, or the parts asked for.

use serde::Serialize;

use super::matrix::Matrix;
use super::origin::Origin;
use crate::kb::KnowledgeBase;
use crate::model::Section;
use crate::model::{Role, Source, Term};
use crate::query::facts::{
    dispute_lines, fact_records, fact_records_with_evidence, listed_sources,
};
use crate::query::select::{Selection, View, narrowed};
use crate::report::labels::{
    Labels, facing_label, focus_label, heading, headline_rows, nature_label, prevalence_label,
    relation_label, short_name, shown_name, title,
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
    pub sources: Vec<Source>,
    #[serde(skip)]
    labels: Labels,
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
    let mut sources = listed_sources(
        kb,
        &[role],
        std::slice::from_ref(&shown),
        &selection,
        industry_id,
    );
    if let Some(matrix) = &matrix {
        for source in &matrix.sources {
            if !sources.iter().any(|known| known.id == source.id) {
                sources.push(source.clone());
            }
        }
    }
    let role = shown;
    Profile {
        role,
        industry: industry.cloned(),
        view: selection.view,
        sections: selection.sections().collect(),
        matrix,
        origin: layer.map(|layer| layer.origin),
        sources,
        labels,
    }
}

impl Profile {
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
        let title = title(role);
        let empty =
            |heading: DocSection| heading.note(format!("Nothing recorded for the {title}."));
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
                            Cell::label(prevalence_label(line.prevalence)),
                            Cell::facts([&line.claim()]),
                        ]
                    })
                    .collect(),
            ),
            Section::Background if role.background.is_empty() => empty(heading),
            Section::Background => heading.facts(&role.background),
            Section::Industries if role.industries.is_empty() => match &self.industry {
                Some(industry) => heading.note(format!(
                    "The sources give no {} example for the {title}.",
                    industry.label
                )),
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
            Section::Disputes if self.view == View::Glance => {
                dispute_lines(std::iter::once(role), &self.sources)
            }
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
        let mut records = fact_records(&self.labels, std::slice::from_ref(&self.role));
        if let Some(matrix) = &self.matrix {
            records.rows.extend(matrix.fact_rows());
        }
        records
    }

    fn records_with_evidence(&self) -> Records {
        fact_records_with_evidence(
            &self.labels,
            std::slice::from_ref(&self.role),
            self.matrix.as_ref(),
        )
    }
}
