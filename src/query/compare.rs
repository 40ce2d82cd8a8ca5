//! `rolecmp compare`: roles side by side. By default one screen: headlines per dimension,
//! the responsibility matrix and one line per disagreement; `--full` or `--section` for
//! every fact.

use std::collections::BTreeMap;

use serde::Serialize;

use super::matrix::Matrix;
use super::show::position_row;
use super::{
    Labels, Section, Selection, View, fact_records, glance_footer, listed_sources, narrowed,
    nothing, short_name, sources_section,
};
use crate::kb::KnowledgeBase;
use crate::model::{Excerpt, Fact, Prevalence, Relation, Role, Source, Term};
use crate::report::{Cell, Document, Records, Report, Section as DocSection};

/// One area, industry or reporting target, and what each compared role has on it.
#[derive(Debug, Serialize)]
pub struct Row {
    pub id: String,
    pub label: String,
    /// Role id → facts; roles with nothing on this row are absent.
    pub roles: BTreeMap<String, Vec<Fact>>,
}

/// A collaboration fact between a compared role and another role.
#[derive(Debug, Serialize)]
pub struct Link {
    pub from: String,
    pub with: String,
    pub relation: Relation,
    pub area: Option<String>,
    pub prevalence: Option<Prevalence>,
    pub text: String,
    pub sources: Vec<String>,
    pub evidence: Vec<Excerpt>,
}

/// The answer to `compare`.
#[derive(Debug, Serialize)]
pub struct Comparison {
    /// The compared roles, each with only the selected sections filled in.
    pub roles: Vec<Role>,
    pub industry: Option<Term>,
    pub view: View,
    pub sections: Vec<Section>,
    /// Who the sources involve in each area; null unless the matrix section is shown.
    pub matrix: Option<Matrix>,
    pub responsibilities: Vec<Row>,
    pub reporting: Vec<Row>,
    pub industries: Vec<Row>,
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
    full: bool,
) -> Comparison {
    let industry_id = industry.map(|t| t.id.as_str());
    let selection = Selection::new(sections, industry_id, full);
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
        |id| labels.area(id).to_owned(),
    );
    let reporting = rows(
        &narrowed,
        |role| {
            role.reporting
                .iter()
                .map(|line| (line.to.clone(), vec![line.claim()]))
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
        |id| labels.industry(id).to_owned(),
    );

    let compared: Vec<&str> = narrowed.iter().map(|role| role.id.as_str()).collect();
    let mut collaboration = Vec::new();
    if selection.has(Section::Collaboration) {
        for role in kb.roles_with(roles) {
            for link in &role.collaboration {
                // Each pair fact is stored once; show it when either end is compared.
                if compared.contains(&role.id.as_str()) || compared.contains(&link.with.as_str()) {
                    collaboration.push(Link {
                        from: role.id.clone(),
                        with: link.with.clone(),
                        relation: link.relation,
                        area: link.area.clone(),
                        prevalence: link.prevalence,
                        text: link.text.clone(),
                        sources: link.sources.clone(),
                        evidence: link.evidence.clone(),
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
    let sources = listed_sources(kb, roles, &narrowed, &selection, industry_id);

    let matrix = selection
        .has(Section::Matrix)
        .then(|| super::matrix::matrix(kb, roles));

    Comparison {
        roles: narrowed,
        industry: industry.cloned(),
        view: selection.view,
        sections: selection.sections().collect(),
        matrix,
        responsibilities,
        reporting,
        industries,
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
                    let mut cell = position.map(Cell::label).unwrap_or_default();
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

    /// One row per dimension, one column per role: each role's headline statements.
    fn headlines(&self) -> DocSection {
        let rows = self
            .roles
            .first()
            .map_or(0, |role| super::headline_rows(&role.headlines).len());
        let per_role: Vec<_> = self
            .roles
            .iter()
            .map(|role| super::headline_rows(&role.headlines))
            .collect();
        let body = (0..rows)
            .map(|index| {
                let name = per_role[0][index].0;
                std::iter::once(Cell::label(name))
                    .chain(
                        per_role
                            .iter()
                            .map(|dimensions| non_empty(Cell::facts(dimensions[index].1))),
                    )
                    .collect()
            })
            .collect();
        // At a glance the title heads the table: a heading would cost the screen two lines.
        let heading = match self.view {
            View::Glance => "",
            View::Full => Section::Headlines.heading(),
        };
        with_header(DocSection::new(heading), &self.header("Dimension"), body)
    }

    /// Collaboration facts. Those between two compared roles go in a table without a
    /// "between" column (the pair is the same on every row); the rest name both roles.
    fn collaboration_section(&self) -> DocSection {
        let mut heading = DocSection::new(Section::Collaboration.heading());
        if self.collaboration.is_empty() {
            return heading.note("Nothing recorded for these roles.");
        }
        let compared: Vec<&str> = self.roles.iter().map(|role| role.id.as_str()).collect();
        let (within, outside): (Vec<&Link>, Vec<&Link>) =
            self.collaboration.iter().partition(|link| {
                compared.contains(&link.from.as_str()) && compared.contains(&link.with.as_str())
            });
        let detail = |link: &Link| {
            vec![
                Cell::label(super::relation_label(link.relation)),
                link.area
                    .as_deref()
                    .map_or_else(nothing, |area| Cell::label(self.labels.area(area))),
                Cell::facts([&Fact {
                    text: link.text.clone(),
                    sources: link.sources.clone(),
                    evidence: link.evidence.clone(),
                }]),
            ]
        };
        let pair = |link: &Link| {
            format!(
                "{} and {}",
                self.labels.role(&link.from),
                self.labels.role(&link.with)
            )
        };
        let named = |heading: DocSection, links: &[&Link]| {
            heading.table(
                &["Between", "Relation", "Area", "Detail"],
                links
                    .iter()
                    .map(|link| {
                        std::iter::once(Cell::label(pair(link)))
                            .chain(detail(link))
                            .collect()
                    })
                    .collect(),
            )
        };
        if !within.is_empty() {
            heading = if compared.len() == 2 {
                heading
                    .note(format!("Between the {}:", pair(within[0])))
                    .table(
                        &["Relation", "Area", "Detail"],
                        within.iter().map(|link| detail(link)).collect(),
                    )
            } else {
                named(heading, &within)
            };
        }
        if !outside.is_empty() {
            heading = named(heading.note("With other roles:"), &outside);
        }
        heading
    }

    fn disputes_section(&self) -> DocSection {
        let heading = DocSection::new(Section::Disputes.heading());
        if self.view == View::Glance {
            return super::dispute_lines(self.roles.iter());
        }
        // A question recorded for two compared roles is one row naming both.
        let mut rows: Vec<(Vec<String>, &crate::model::Dispute)> = Vec::new();
        for role in &self.roles {
            for dispute in &role.disputes {
                match rows
                    .iter_mut()
                    .find(|(_, seen)| seen.topic == dispute.topic && seen.claims == dispute.claims)
                {
                    Some((names, _)) => names.push(short_name(role)),
                    None => rows.push((vec![short_name(role)], dispute)),
                }
            }
        }
        let body: Vec<Vec<Cell>> = rows
            .into_iter()
            .map(|(names, dispute)| {
                vec![
                    Cell::label(names.join(", ")),
                    Cell::label(&dispute.topic),
                    Cell::facts(&dispute.claims),
                ]
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
        let mut sections = Vec::new();
        if self.sections.contains(&Section::Headlines) {
            sections.push(self.headlines());
        }
        sections.extend(self.overview());
        for &section in &self.sections {
            match section {
                Section::Matrix => {
                    if let Some(matrix) = &self.matrix {
                        sections.push(matrix.section());
                    }
                }
                Section::Responsibilities => {
                    sections.push(self.row_table(section, "Area", &self.responsibilities));
                }
                Section::Reporting => {
                    sections.push(self.row_table(section, "Reports to", &self.reporting));
                }
                Section::Industries => {
                    sections.push(self.row_table(section, "Industry", &self.industries));
                }
                Section::Collaboration => sections.push(self.collaboration_section()),
                Section::Disputes => sections.push(self.disputes_section()),
                Section::Sources if self.view == View::Glance => {
                    sections.extend(glance_footer(&self.sources));
                }
                Section::Sources => sections.push(sources_section(&self.sources)),
                _ => {}
            }
        }
        Document { title, sections }
    }

    fn records(&self) -> Records {
        let mut records = fact_records(&self.labels, &self.roles);
        if let Some(matrix) = &self.matrix {
            records.rows.extend(matrix.fact_rows());
        }
        records
    }

    fn records_with_evidence(&self) -> Records {
        super::fact_records_with_evidence(&self.labels, &self.roles, self.matrix.as_ref())
    }
}
