//! `rolecmp compare`: roles side by side, dimension by dimension, then what they share and
//! what only one of them has.

use std::collections::BTreeMap;

use serde::Serialize;

use super::show::position_row;
use super::{
    Labels, Section, Selection, cited_sources, fact_records, narrowed, nothing, sources_section,
};
use crate::kb::KnowledgeBase;
use crate::model::{Fact, Relation, Role, Source, Term};
use crate::report::{Cell, Document, Records, Report, Section as DocSection};

/// One area, industry or reporting target, and what each compared role has on it.
#[derive(Debug, Serialize)]
pub struct Row {
    pub id: String,
    pub label: String,
    /// Role id → facts; roles with nothing on this row are absent.
    pub roles: BTreeMap<String, Vec<Fact>>,
}

/// For one aspect, the entries all compared roles have and those only one role has.
#[derive(Debug, Serialize)]
pub struct Difference {
    pub aspect: String,
    pub shared: Vec<String>,
    /// Role id → labels only that role has.
    pub only: BTreeMap<String, Vec<String>>,
}

/// A collaboration fact between a compared role and another role.
#[derive(Debug, Serialize)]
pub struct Link {
    pub from: String,
    pub with: String,
    pub relation: Relation,
    pub area: Option<String>,
    pub text: String,
    pub sources: Vec<String>,
}

/// The answer to `compare`.
#[derive(Debug, Serialize)]
pub struct Comparison {
    /// The compared roles, each with only the selected sections filled in.
    pub roles: Vec<Role>,
    pub industry: Option<Term>,
    pub sections: Vec<Section>,
    pub responsibilities: Vec<Row>,
    pub reporting: Vec<Row>,
    pub industries: Vec<Row>,
    pub differences: Vec<Difference>,
    pub collaboration: Vec<Link>,
    pub sources: Vec<Source>,
    #[serde(skip)]
    labels: Labels,
}

/// The most roles `compare` takes: its tables have a column per role and a row per area any
/// of them has, so their size grows with the square of the roles compared.
pub const MAX_ROLES: usize = 12;

pub fn compare(
    kb: &KnowledgeBase,
    roles: &[&Role],
    industry: Option<&Term>,
    sections: &[Section],
) -> Comparison {
    let industry_id = industry.map(|t| t.id.as_str());
    let selection = Selection::new(sections, industry_id);
    let labels = Labels::new(kb);
    let narrowed: Vec<Role> = roles
        .iter()
        .map(|role| narrowed(kb, role, &selection, industry_id))
        .collect();

    let responsibilities = rows(
        &narrowed,
        |role| {
            role.responsibilities
                .iter()
                .map(|item| (item.area.clone(), item.facts.clone()))
                .collect()
        },
        |id| labels.term(id).to_owned(),
    );
    let reporting = rows(
        &narrowed,
        |role| {
            role.reporting
                .iter()
                .map(|line| {
                    (
                        line.to.clone(),
                        vec![Fact {
                            text: line.text.clone(),
                            sources: line.sources.clone(),
                        }],
                    )
                })
                .collect()
        },
        |id| labels.role(id).to_owned(),
    );
    let industries = rows(
        &narrowed,
        |role| {
            role.industries
                .iter()
                .map(|example| (example.industry.clone(), example.facts.clone()))
                .collect()
        },
        |id| labels.term(id).to_owned(),
    );

    let mut differences = Vec::new();
    for (section, aspect, table) in [
        (
            Section::Responsibilities,
            "Responsibility areas",
            &responsibilities,
        ),
        (Section::Reporting, "Reports to", &reporting),
        (Section::Industries, "Industry examples", &industries),
    ] {
        if selection.has(section) {
            differences.push(difference(aspect, table, &narrowed));
        }
    }

    let compared: Vec<&str> = narrowed.iter().map(|role| role.id.as_str()).collect();
    let mut collaboration = Vec::new();
    if selection.has(Section::Collaboration) {
        for role in &kb.roles {
            for link in &role.collaboration {
                // Each pair fact is stored once; show it when either end is compared.
                if compared.contains(&role.id.as_str()) || compared.contains(&link.with.as_str()) {
                    collaboration.push(Link {
                        from: role.id.clone(),
                        with: link.with.clone(),
                        relation: link.relation,
                        area: link.area.clone(),
                        text: link.text.clone(),
                        sources: link.sources.clone(),
                    });
                }
            }
        }
        collaboration.sort_by_key(|link| {
            let both =
                compared.contains(&link.from.as_str()) && compared.contains(&link.with.as_str());
            (!both, link.relation)
        });
    }

    // The narrowed roles carry their own and mirrored collaboration facts, the same set as
    // `collaboration`, so their citations cover every line of the report.
    let sources = cited_sources(kb, &narrowed);

    Comparison {
        roles: narrowed,
        industry: industry.cloned(),
        sections: selection.sections().collect(),
        responsibilities,
        reporting,
        industries,
        differences,
        collaboration,
        sources,
        labels,
    }
}

/// Builds one row per key that any role has, rows that more roles share first.
fn rows(
    roles: &[Role],
    entries: impl Fn(&Role) -> Vec<(String, Vec<Fact>)>,
    label: impl Fn(&str) -> String,
) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    // Row positions by id: a role with thousands of areas must not search the rows each time.
    let mut at: BTreeMap<String, usize> = BTreeMap::new();
    for role in roles {
        for (id, facts) in entries(role) {
            let index = if let Some(&index) = at.get(&id) {
                index
            } else {
                at.insert(id.clone(), rows.len());
                rows.push(Row {
                    label: label(&id),
                    id,
                    roles: BTreeMap::new(),
                });
                rows.len() - 1
            };
            rows[index]
                .roles
                .entry(role.id.clone())
                .or_default()
                .extend(facts);
        }
    }
    rows.sort_by_key(|row| std::cmp::Reverse(row.roles.len()));
    rows
}

fn difference(aspect: &str, rows: &[Row], roles: &[Role]) -> Difference {
    let shared = rows
        .iter()
        .filter(|row| row.roles.len() == roles.len())
        .map(|row| row.label.clone())
        .collect();
    let only = roles
        .iter()
        .map(|role| {
            let labels = rows
                .iter()
                .filter(|row| row.roles.len() == 1 && row.roles.contains_key(&role.id))
                .map(|row| row.label.clone())
                .collect();
            (role.id.clone(), labels)
        })
        .collect();
    Difference {
        aspect: aspect.to_owned(),
        shared,
        only,
    }
}

impl Comparison {
    fn header(&self, first: &str) -> Vec<String> {
        std::iter::once(first.to_owned())
            .chain(self.roles.iter().map(short_name))
            .collect()
    }

    fn row_table(&self, section: Section, first: &str, rows: &[Row]) -> DocSection {
        let heading = DocSection::new(section.heading());
        if rows.is_empty() {
            return heading.note("Nothing recorded for these roles.");
        }
        let body = rows
            .iter()
            .map(|row| {
                std::iter::once(Cell::label(&row.label))
                    .chain(
                        self.roles
                            .iter()
                            .map(|role| row.roles.get(&role.id).map_or_else(nothing, Cell::facts)),
                    )
                    .collect()
            })
            .collect();
        with_header(heading, &self.header(first), body)
    }

    fn overview(&self) -> Option<DocSection> {
        let mut body = Vec::new();
        for section in [
            Section::Summary,
            Section::Focus,
            Section::Nature,
            Section::Facing,
            Section::Background,
        ] {
            if !self.sections.contains(&section) {
                continue;
            }
            let cells = self.roles.iter().map(|role| match section {
                Section::Summary => non_empty(Cell::facts(&role.summary)),
                Section::Background => non_empty(Cell::facts(&role.background)),
                _ => position_row(role, section).map_or_else(nothing, |(position, why)| {
                    let mut cell = Cell::label(position);
                    cell.lines.extend(why.lines);
                    cell
                }),
            });
            body.push(
                std::iter::once(Cell::label(dimension_name(section)))
                    .chain(cells)
                    .collect(),
            );
        }
        (!body.is_empty())
            .then(|| with_header(DocSection::new("Overview"), &self.header("Dimension"), body))
    }

    fn differences_section(&self) -> Option<DocSection> {
        if self.differences.is_empty() {
            return None;
        }
        let mut header = vec!["Aspect".to_owned(), "Shared by all".to_owned()];
        header.extend(
            self.roles
                .iter()
                .map(|role| format!("Only {}", short_name(role))),
        );
        let list = |labels: &[String]| {
            if labels.is_empty() {
                nothing()
            } else {
                Cell {
                    lines: labels
                        .iter()
                        .map(|l| Fact {
                            text: l.clone(),
                            sources: Vec::new(),
                        })
                        .collect(),
                }
            }
        };
        let body = self
            .differences
            .iter()
            .map(|difference| {
                let mut row = vec![Cell::label(&difference.aspect), list(&difference.shared)];
                row.extend(self.roles.iter().map(|role| {
                    list(difference.only.get(&role.id).map_or(&[][..], Vec::as_slice))
                }));
                row
            })
            .collect();
        Some(with_header(
            DocSection::new("Shared and distinct"),
            &header,
            body,
        ))
    }

    fn collaboration_section(&self) -> DocSection {
        let heading = DocSection::new(Section::Collaboration.heading());
        if self.collaboration.is_empty() {
            return heading.note("Nothing recorded for these roles.");
        }
        heading.table(
            &["Between", "Relation", "Area", "Detail"],
            self.collaboration
                .iter()
                .map(|link| {
                    vec![
                        Cell::label(format!(
                            "{} and {}",
                            self.labels.role(&link.from),
                            self.labels.role(&link.with)
                        )),
                        Cell::label(super::relation_label(link.relation)),
                        link.area
                            .as_deref()
                            .map_or_else(nothing, |area| Cell::label(self.labels.term(area))),
                        Cell::cited(&link.text, &link.sources),
                    ]
                })
                .collect(),
        )
    }

    fn disputes_section(&self) -> DocSection {
        let heading = DocSection::new(Section::Disputes.heading());
        let body: Vec<Vec<Cell>> = self
            .roles
            .iter()
            .flat_map(|role| {
                role.disputes.iter().map(|dispute| {
                    vec![
                        Cell::label(short_name(role)),
                        Cell::label(&dispute.topic),
                        Cell::facts(&dispute.claims),
                    ]
                })
            })
            .collect();
        if body.is_empty() {
            return heading.note("The sources agree on everything recorded for these roles.");
        }
        heading.table(&["Role", "Question", "Claims"], body)
    }
}

fn with_header(section: DocSection, header: &[String], body: Vec<Vec<Cell>>) -> DocSection {
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    section.table(&header, body)
}

fn non_empty(cell: Cell) -> Cell {
    if cell.is_empty() { nothing() } else { cell }
}

/// The column name for a role: its first alias (CTO) when it has one, else its title.
fn short_name(role: &Role) -> String {
    role.aliases
        .first()
        .cloned()
        .unwrap_or_else(|| role.title.clone())
}

fn dimension_name(section: Section) -> &'static str {
    match section {
        Section::Summary => "Definition",
        Section::Focus => "Primary focus",
        Section::Nature => "Nature of the work",
        Section::Facing => "Orientation",
        Section::Background => "Background",
        _ => section.heading(),
    }
}

impl Report for Comparison {
    fn document(&self) -> Document {
        let names: Vec<String> = self.roles.iter().map(short_name).collect();
        let mut title = names.join(" vs ");
        if let Some(industry) = &self.industry {
            title = format!("{title} in {}", industry.label);
        }
        let mut sections: Vec<DocSection> = self.overview().into_iter().collect();
        for &section in &self.sections {
            match section {
                Section::Responsibilities => {
                    sections.push(self.row_table(section, "Area", &self.responsibilities));
                }
                Section::Reporting => {
                    sections.push(self.row_table(section, "Reports to", &self.reporting));
                }
                Section::Industries => {
                    sections.push(self.row_table(section, "Industry", &self.industries));
                }
                Section::Collaboration => {
                    sections.extend(self.differences_section());
                    sections.push(self.collaboration_section());
                }
                Section::Disputes => sections.push(self.disputes_section()),
                Section::Sources => sections.push(sources_section(&self.sources)),
                _ => {}
            }
        }
        if !self.sections.contains(&Section::Collaboration)
            && let Some(differences) = self.differences_section()
        {
            let at = sections.len().saturating_sub(1);
            sections.insert(at, differences);
        }
        Document { title, sections }
    }

    fn records(&self) -> Records {
        fact_records(&self.labels, &self.roles)
    }
}
