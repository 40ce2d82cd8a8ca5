//! The document of a comparison: a table per section with a column per role, the
//! at-a-glance overview, collaboration within and beyond the compared roles, and the
//! disagreements; and its long-form records.

use std::collections::{BTreeMap, BTreeSet};

use super::{Comparison, Link, Row, alike};
use crate::model::{Fact, Relation, Section};
use crate::query::facts::{dispute_headlines, dispute_lines, profile_records};
use crate::query::occupations::labour_market_section;
use crate::query::select::View;
use crate::query::show::position_row;
use crate::report::labels::{heading, headline_rows, relation_label, short_name, subject};
use crate::report::parts::{MORE, cited_if_shown, no_disputes, nothing};
use crate::report::{Cell, Document, Records, Report, Section as DocSection};

impl Comparison {
    /// What an empty section says: that none of the sources gives it for these roles.
    fn nothing_on(&self, section: Section) -> String {
        match (&self.industry, section) {
            (Some(industry), Section::Industries) => format!(
                "Nothing recorded: none of the {} sources here gives an example of these roles in {}.",
                self.source_count, industry.label
            ),
            _ => format!(
                "Nothing recorded: none of the {} sources here gives the {} of these roles.",
                self.source_count,
                subject(section)
            ),
        }
    }

    fn header(&self, first: &str) -> Vec<String> {
        std::iter::once(first.to_owned())
            .chain(self.columns.iter().cloned())
            .collect()
    }

    fn row_table(&self, section: Section, first: &str, rows: &[Row]) -> DocSection {
        let heading = DocSection::new(heading(section));
        if rows.is_empty() {
            return heading.note(self.nothing_on(section));
        }
        let rows: Vec<&Row> = rows
            .iter()
            .filter(|row| {
                !self.differences_only
                    || !alike(self.roles.iter().map(|role| row.roles.get(&role.id)))
            })
            .collect();
        if rows.is_empty() {
            return heading.note(SAME);
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
            let cells: Vec<Cell> = self
                .roles
                .iter()
                .map(|role| match section {
                    Section::Summary => non_empty(Cell::facts(&role.summary)),
                    Section::Background => non_empty(Cell::facts(&role.background)),
                    _ => position_row(role, section).map_or_else(nothing, |(position, why)| {
                        let mut cell = position.map(Cell::label).unwrap_or_default();
                        cell.lines.extend(why.lines);
                        cell
                    }),
                })
                .collect();
            if self.differences_only && cells.iter().all(|cell| *cell == cells[0]) {
                continue;
            }
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
            .map_or(0, |role| headline_rows(&role.headlines).len());
        let per_role: Vec<_> = self
            .roles
            .iter()
            .map(|role| headline_rows(&role.headlines))
            .collect();
        let body: Vec<Vec<Cell>> = (0..rows)
            .filter(|&index| {
                let first = per_role[0][index].1;
                !self.differences_only || per_role.iter().any(|role| role[index].1 != first)
            })
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
            View::Full => heading(Section::Headlines),
        };
        if body.is_empty() {
            return DocSection::new(heading).note("No differences in the headlines.");
        }
        with_header(DocSection::new(heading), &self.header("Dimension"), body)
    }

    /// Collaboration facts. Those between two compared roles go in a table without a
    /// "between" column (the pair is the same on every row); the rest name both roles.
    fn collaboration_section(&self) -> DocSection {
        let mut heading = DocSection::new(heading(Section::Collaboration));
        if self.collaboration.is_empty() {
            return heading.note(self.nothing_on(Section::Collaboration));
        }
        let compared: Vec<&str> = self.roles.iter().map(|role| role.id.as_str()).collect();
        let (within, mut outside): (Vec<&Link>, Vec<&Link>) =
            self.collaboration.iter().partition(|link| {
                compared.contains(&link.from.as_str()) && compared.contains(&link.with.as_str())
            });
        if self.differences_only {
            // A fact every compared role has with the same other role is no difference.
            fn other_end<'l>(link: &'l Link, compared: &[&str]) -> (&'l str, Said<'l>) {
                let (me, other) = if compared.contains(&link.from.as_str()) {
                    (&link.from, &link.with)
                } else {
                    (&link.with, &link.from)
                };
                (
                    me,
                    (other, link.relation, &link.area, &link.text, &link.sources),
                )
            }
            type Said<'l> = (
                &'l String,
                Relation,
                &'l Option<String>,
                &'l String,
                &'l Vec<String>,
            );
            let other_end = |link| other_end(link, &compared);
            let mut holders: BTreeMap<Said, BTreeSet<&str>> = BTreeMap::new();
            for link in &outside {
                let (me, same) = other_end(link);
                holders.entry(same).or_default().insert(me);
            }
            outside.retain(|link| holders[&other_end(link).1].len() < compared.len());
            if within.is_empty() && outside.is_empty() {
                return heading.note(SAME);
            }
        }
        let detail = |link: &Link| {
            vec![
                Cell::label(relation_label(link.relation)),
                link.area
                    .as_deref()
                    .map_or_else(nothing, |area| Cell::label(self.labels.area(area))),
                Cell::facts([&Fact {
                    text: link.text.clone(),
                    sources: link.sources.clone(),
                    evidence: link.evidence.clone(),
                    involvement: None,
                    areas: Vec::new(),
                }]),
            ]
        };
        // A role by its title, unless its column was given a name of its own ("Company CIO",
        // "Reference CIO", a --label): then by that name, so that the two layers of a gap
        // analysis stay apart.
        let name = |id: &str| match compared.iter().position(|compared| *compared == id) {
            Some(at) if self.columns[at] != short_name(&self.roles[at]) => self.columns[at].clone(),
            _ => self.labels.role(id).to_owned(),
        };
        let pair = |link: &Link| format!("{} and {}", name(&link.from), name(&link.with));
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
        let heading = DocSection::new(heading(Section::Disputes));
        if self.view == View::Glance && !self.differences_only {
            return self.questions_between();
        }
        if self.view == View::Glance {
            // Only the disagreements some of the roles do not record.
            let everyone: Vec<Vec<Fact>> = self
                .roles
                .iter()
                .map(|role| dispute_headlines(std::iter::once(role)))
                .collect();
            let lines: Vec<Fact> = dispute_headlines(self.roles.iter())
                .into_iter()
                .filter(|line| !everyone.iter().all(|lines| lines.contains(line)))
                .collect();
            if lines.is_empty() {
                return heading.note(SAME);
            }
            return heading.facts(&lines);
        }
        // A question recorded for two compared roles is one row naming both.
        let mut rows: Vec<(Vec<String>, &crate::model::Dispute)> = Vec::new();
        for (role, column) in self.roles.iter().zip(&self.columns) {
            for dispute in &role.disputes {
                match rows
                    .iter_mut()
                    .find(|(_, seen)| seen.topic == dispute.topic && seen.claims == dispute.claims)
                {
                    Some((names, _)) => names.push(column.clone()),
                    None => rows.push((vec![column.clone()], dispute)),
                }
            }
        }
        if self.differences_only {
            rows.retain(|(names, _)| names.len() < self.roles.len());
            if rows.is_empty() {
                return heading.note(SAME);
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
            return heading.note(no_disputes(&self.sources));
        }
        heading.table(&["Role", "Question", "Claims"], body)
    }
}

impl Comparison {
    /// At a glance, the questions between the compared roles, one cited line each, and how
    /// many more the detail shows: those about one of them alone, those other roles raise.
    fn questions_between(&self) -> DocSection {
        let asked = super::without_questions(&self.roles, &self.one_role_questions);
        let alone = self.one_role_questions.len();
        let held_back = alone + self.other_questions;
        let lines = dispute_headlines(asked.iter());
        let section = if lines.is_empty() && held_back == 0 {
            return dispute_lines(asked.iter(), &self.sources);
        } else if lines.is_empty() {
            DocSection::new(heading(Section::Disputes))
        } else {
            DocSection::new(heading(Section::Disputes)).facts(&lines)
        };
        if held_back == 0 {
            return section;
        }
        let mut parts = Vec::new();
        if alone > 0 {
            let names: BTreeSet<&String> = self.one_role_questions.values().collect();
            let whom = match names.into_iter().collect::<Vec<_>>()[..] {
                [name] => format!("the {name}"),
                _ => "one of these roles".to_owned(),
            };
            parts.push(format!("{alone} about {whom} alone"));
        }
        match self.other_questions {
            0 => {}
            1 => parts.push("1 that another role raises".to_owned()),
            n => parts.push(format!("{n} that other roles raise")),
        }
        let questions = if held_back == 1 {
            "question"
        } else {
            "questions"
        };
        let more = if lines.is_empty() { "" } else { " more" };
        section.note(format!(
            "{held_back}{more} {questions} in the detail: {}.",
            parts.join(", ")
        ))
    }
}

/// What a `--differences-only` section says when the roles differ nowhere in it.
const SAME: &str = "No differences in this section.";

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
        _ => heading(section),
    }
}

impl Report for Comparison {
    fn document(&self) -> Document {
        let mut title = self.columns.join(" vs ");
        if let Some(industry) = &self.industry {
            title = format!("{title}, with {} examples", industry.label);
        }
        if self.differences_only {
            title.push_str(": where they differ");
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
                        let differing = self.differences_only.then(|| matrix.differences());
                        let shown = differing.as_ref().unwrap_or(matrix);
                        sections.push(if differing.is_some() && shown.rows.is_empty() {
                            DocSection::new(heading(Section::Matrix)).note(SAME)
                        } else if self.view == View::Glance {
                            shown.glance_section()
                        } else {
                            shown.section()
                        });
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
                Section::Codes => {
                    sections.push(self.row_table(section, "Scheme", &self.codes));
                }
                Section::LabourMarket => {
                    sections.push(labour_market_section(
                        &self.occupations,
                        &self.labels,
                        &self.labour_market_silence,
                    ));
                }
                Section::Collaboration => sections.push(self.collaboration_section()),
                Section::Disputes => sections.push(self.disputes_section()),
                _ => {}
            }
        }
        let mut sources = cited_if_shown(&self.sections, &self.sources);
        if self.view == View::Glance && !self.differences_only {
            sources.retain(|source| !self.held_back_sources.contains(&source.id));
        }
        Document {
            title,
            sections,
            sources,
        }
    }

    fn hint(&self) -> Option<String> {
        match self.view {
            View::Glance if self.two_layers => Some(format!(
                "{MORE} The reference's own disagreements: --section disputes."
            )),
            // One row under 80 columns; the footer already says where the sources are.
            View::Glance if self.other_questions + self.one_role_questions.len() > 0 => Some(
                "More: --full, or --section NAME; every question: --section disputes.".to_owned(),
            ),
            View::Glance => Some(MORE.to_owned()),
            View::Full => None,
        }
    }

    fn records(&self) -> Records {
        self.records_as(false)
    }

    fn records_with_evidence(&self) -> Records {
        self.records_as(true)
    }
}

impl Comparison {
    fn records_as(&self, evidence: bool) -> Records {
        let occupations = self.sections.contains(&Section::LabourMarket);
        profile_records(
            &self.labels,
            &self.roles,
            self.matrix.as_ref(),
            occupations.then_some(self.occupations.as_slice()),
            evidence,
        )
    }
}
