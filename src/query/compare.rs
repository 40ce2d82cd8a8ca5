//! `rolecmp compare`: roles side by side. By default one screen: headlines per dimension,
//! the responsibility matrix and one line per disagreement; `--full` or `--section` for
//! every fact.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::matrix::Matrix;
use super::show::position_row;
use super::{
    Labels, MORE, OccupationView, Section, Selection, View, fact_records, labour_market_section,
    listed_sources, narrowed, nothing, short_name,
};
use crate::kb::{self, KnowledgeBase};
use crate::model::{BUILT_IN, Excerpt, Fact, Prevalence, Relation, Role, Source, Term};
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
    /// One row per classification scheme: the codes each role has in it.
    pub codes: Vec<Row>,
    /// The occupations the roles' codes link to, with their figures; empty unless the codes
    /// or the labour market are shown.
    pub occupations: Vec<OccupationView>,
    pub collaboration: Vec<Link>,
    pub sources: Vec<Source>,
    #[serde(skip)]
    labels: Labels,
    /// What the labour-market section says when no linked occupation has figures.
    #[serde(skip)]
    labour_market_silence: String,
    /// How many sources there are, for saying that none of them gives something.
    #[serde(skip)]
    source_count: usize,
    /// At a glance: how many questions other roles raise about the compared ones, which
    /// only the detail shows.
    #[serde(skip)]
    other_questions: usize,
    /// At a glance: the questions the compared roles record that concern only one of them
    /// ("Which occupation is the CIO?"), with that role's column name; the glance shows the
    /// questions between the roles, the detail these too.
    #[serde(skip)]
    one_role_questions: BTreeMap<String, String>,
    /// The sources that only those questions cite, left out of the glance's list.
    #[serde(skip)]
    held_back_sources: BTreeSet<String>,
    /// What each role's column is called, in the order of `roles`: its short name, or in a
    /// gap analysis "Company CIO" and "Reference CIO", or what `--label` set.
    #[serde(skip)]
    columns: Vec<String>,
    /// Only the rows where the roles differ are shown (`--differences-only`).
    #[serde(skip)]
    differences_only: bool,
    /// A role is compared with its own built-in version: a gap analysis.
    #[serde(skip)]
    two_layers: bool,
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
    let two_layers = two_layers(roles);
    let mut selection = Selection::new(sections, industry_id, full);
    if two_layers && selection.view == View::Glance {
        // A charter against the reference: the reference's own disagreements are no gap.
        selection = selection.without(Section::Disputes);
    }
    let labels = Labels::new(kb);
    let mut narrowed: Vec<Role> = roles
        .iter()
        .map(|role| narrowed(kb, role, &selection, industry_id))
        .collect();
    let other_questions = if selection.view == View::Glance {
        keep_own_questions(roles, &mut narrowed)
    } else {
        0
    };

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

    let codes = rows(&narrowed, |role| code_entries(&labels, role), str::to_owned);
    let collaboration = if selection.has(Section::Collaboration) {
        links(kb, roles, &narrowed)
    } else {
        Vec::new()
    };

    let columns = column_names(roles);
    let one_role_questions = one_role_questions(roles, &columns, selection.view);
    let matrix = selection.has(Section::Matrix).then(|| {
        let mut matrix = super::matrix::matrix(kb, roles);
        matrix.rename(&columns);
        matrix
    });

    // The narrowed roles carry their own and mirrored collaboration facts, the same set as
    // `collaboration`, so their citations cover every line of the report; the matrix cites
    // what it rests on, the occupations what they give.
    let sources_of = |shown: &[Role]| {
        let mut sources = listed_sources(kb, roles, shown, &selection, industry_id);
        if let Some(matrix) = &matrix {
            sources = super::matrix::with_sources_of(kb, sources, matrix);
        }
        sources
    };
    let mut sources = sources_of(&narrowed);
    let (occupations, labour_market_silence) =
        super::occupations_shown(kb, roles, &selection, "these roles", &mut sources);
    // The glance's footer leaves out what only the questions about one role alone cite.
    let held_back_sources = if one_role_questions.is_empty() {
        BTreeSet::new()
    } else {
        let mut kept = sources_of(&without_questions(&narrowed, &one_role_questions));
        super::occupations_shown(kb, roles, &selection, "these roles", &mut kept);
        only_in(&sources, &kept)
    };

    Comparison {
        roles: narrowed,
        industry: industry.cloned(),
        view: selection.view,
        sections: selection.sections().collect(),
        matrix,
        responsibilities,
        reporting,
        industries,
        codes,
        occupations,
        collaboration,
        sources,
        labels,
        labour_market_silence,
        source_count: kb.sources.len(),
        other_questions,
        one_role_questions,
        held_back_sources,
        columns,
        differences_only: false,
        two_layers,
    }
}

/// The collaboration facts that concern the compared roles, those between two of them first:
/// each pair fact is stored once, and shown when either end is compared.
fn links(kb: &KnowledgeBase, roles: &[&Role], narrowed: &[Role]) -> Vec<Link> {
    let compared: Vec<&str> = narrowed.iter().map(|role| role.id.as_str()).collect();
    let mut collaboration = Vec::new();
    for role in kb.roles_with(roles) {
        for link in &role.collaboration {
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
        let both = compared.contains(&link.from.as_str()) && compared.contains(&link.with.as_str());
        (!both, link.relation)
    });
    collaboration
}

/// At a glance, the questions the compared roles themselves raise: those other roles raise
/// about them (the CISO's reporting line, about the CIO) wait for the detail. Returns how many
/// questions were kept back.
fn keep_own_questions(roles: &[&Role], narrowed: &mut [Role]) -> usize {
    let own: BTreeSet<&str> = roles
        .iter()
        .flat_map(|role| &role.disputes)
        .map(|dispute| dispute.topic.as_str())
        .collect();
    let mut others = BTreeSet::new();
    for role in narrowed {
        role.disputes.retain(|dispute| {
            let raised_here = own.contains(dispute.topic.as_str());
            if !raised_here {
                others.insert(dispute.topic.clone());
            }
            raised_here
        });
    }
    others.len()
}

/// The questions `roles` record that concern only one of them (its own, or with roles not
/// compared), each with the column name of that role: a question between two compared roles
/// is what a comparison answers at a glance.
fn one_role_questions(roles: &[&Role], columns: &[String], view: View) -> BTreeMap<String, String> {
    if view != View::Glance {
        return BTreeMap::new();
    }
    let compared: BTreeSet<&str> = roles.iter().map(|role| role.id.as_str()).collect();
    let mut between = BTreeSet::new();
    let mut alone = BTreeMap::new();
    for (role, column) in roles.iter().zip(columns) {
        for dispute in &role.disputes {
            let concerned: BTreeSet<&str> = std::iter::once(role.id.as_str())
                .chain(dispute.with.iter().map(String::as_str))
                .filter(|id| compared.contains(id))
                .collect();
            if concerned.len() > 1 {
                between.insert(dispute.topic.as_str());
            } else {
                alone.insert(dispute.topic.clone(), column.clone());
            }
        }
    }
    alone.retain(|topic, _| !between.contains(topic.as_str()));
    alone
}

/// `roles` without the questions `topics` names.
fn without_questions(roles: &[Role], topics: &BTreeMap<String, String>) -> Vec<Role> {
    roles
        .iter()
        .map(|role| {
            let mut role = role.clone();
            role.disputes
                .retain(|dispute| !topics.contains_key(&dispute.topic));
            role
        })
        .collect()
}

/// The ids of `sources` that `kept` does not have.
fn only_in(sources: &[Source], kept: &[Source]) -> BTreeSet<String> {
    let kept: BTreeSet<&str> = kept.iter().map(|source| source.id.as_str()).collect();
    sources
        .iter()
        .filter(|source| !kept.contains(source.id.as_str()))
        .map(|source| source.id.clone())
        .collect()
}

/// A role's codes as the cells of a row per scheme: "1330.2 chief information officer (the
/// occupation itself)", citing the code's source.
fn code_entries(labels: &Labels, role: &Role) -> Vec<(String, Vec<Fact>)> {
    role.codes
        .iter()
        .map(|code| {
            let name = labels.occupation(&code.occupation);
            let text = match &name.title {
                Some(title) => format!("{} {title} ({})", name.code, code.link.label()),
                None => format!("{} ({})", name.code, code.link.label()),
            };
            (
                name.scheme.to_owned(),
                vec![Fact {
                    text,
                    sources: code.sources.clone(),
                    evidence: code.evidence.clone(),
                }],
            )
        })
        .collect()
}

/// Whether a role is compared with its own built-in version: a gap analysis.
fn two_layers(roles: &[&Role]) -> bool {
    roles.iter().any(|role| {
        role.id
            .strip_prefix(kb::BUILTIN_PREFIX)
            .is_some_and(|id| roles.iter().any(|other| other.id == id))
    })
}

/// The column names of a comparison. A `builtin:` view is the reference ("Reference CIO"); a
/// role the user's data changed, compared with its own built-in version, is the company's
/// ("Company CIO", or its own name when the company calls it something else).
fn column_names(roles: &[&Role]) -> Vec<String> {
    roles
        .iter()
        .map(|role| {
            let name = short_name(role);
            if role.id.starts_with(kb::BUILTIN_PREFIX) {
                return format!("Reference {}", kb::shipped_name(&name));
            }
            let reference = roles
                .iter()
                .find(|other| other.id.strip_prefix(kb::BUILTIN_PREFIX) == Some(role.id.as_str()));
            let layered = role.origin.iter().any(|layer| layer.file != BUILT_IN);
            match reference {
                Some(reference) if layered && kb::shipped_name(&short_name(reference)) == name => {
                    format!("Company {name}")
                }
                _ => name,
            }
        })
        .collect()
}

/// More `--label`s than compared roles: a usage error.
#[derive(Debug)]
pub struct TooManyLabels {
    pub labels: usize,
    pub roles: usize,
}

impl std::fmt::Display for TooManyLabels {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} labels for {} roles: give at most one --label per compared role, in the order of the roles",
            self.labels, self.roles
        )
    }
}

impl std::error::Error for TooManyLabels {}

impl Comparison {
    /// Names the columns with `labels`, in the order of the roles (`--label`); roles past the
    /// last label keep their names.
    pub fn labelled(mut self, labels: &[String]) -> Result<Self, TooManyLabels> {
        if labels.len() > self.columns.len() {
            return Err(TooManyLabels {
                labels: labels.len(),
                roles: self.columns.len(),
            });
        }
        for (column, label) in self.columns.iter_mut().zip(labels) {
            column.clone_from(label);
        }
        if let Some(matrix) = &mut self.matrix {
            matrix.rename(&self.columns);
        }
        Ok(self)
    }

    /// Shows only the rows and matrix areas where the roles differ (`--differences-only`).
    #[must_use]
    pub fn differences_only(mut self, only: bool) -> Self {
        self.differences_only = only;
        self
    }
}

/// Whether every role has the same facts: a row a `--differences-only` view leaves out.
fn alike<'a>(mut cells: impl Iterator<Item = Option<&'a Vec<Fact>>>) -> bool {
    let first = cells.next().flatten();
    cells.all(|cell| cell.map_or(&[][..], Vec::as_slice) == first.map_or(&[][..], Vec::as_slice))
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
                section.subject()
            ),
        }
    }

    fn header(&self, first: &str) -> Vec<String> {
        std::iter::once(first.to_owned())
            .chain(self.columns.iter().cloned())
            .collect()
    }

    fn row_table(&self, section: Section, first: &str, rows: &[Row]) -> DocSection {
        let heading = DocSection::new(section.heading());
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
            .map_or(0, |role| super::headline_rows(&role.headlines).len());
        let per_role: Vec<_> = self
            .roles
            .iter()
            .map(|role| super::headline_rows(&role.headlines))
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
            View::Full => Section::Headlines.heading(),
        };
        if body.is_empty() {
            return DocSection::new(heading).note("No differences in the headlines.");
        }
        with_header(DocSection::new(heading), &self.header("Dimension"), body)
    }

    /// Collaboration facts. Those between two compared roles go in a table without a
    /// "between" column (the pair is the same on every row); the rest name both roles.
    fn collaboration_section(&self) -> DocSection {
        let mut heading = DocSection::new(Section::Collaboration.heading());
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
        let heading = DocSection::new(Section::Disputes.heading());
        if self.view == View::Glance && !self.differences_only {
            return self.questions_between();
        }
        if self.view == View::Glance {
            // Only the disagreements some of the roles do not record.
            let everyone: Vec<Vec<Fact>> = self
                .roles
                .iter()
                .map(|role| super::dispute_headlines(std::iter::once(role)))
                .collect();
            let lines: Vec<Fact> = super::dispute_headlines(self.roles.iter())
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
            return heading.note(super::no_disputes(&self.sources));
        }
        heading.table(&["Role", "Question", "Claims"], body)
    }
}

impl Comparison {
    /// At a glance, the questions between the compared roles, one cited line each, and how
    /// many more the detail shows: those about one of them alone, those other roles raise.
    fn questions_between(&self) -> DocSection {
        let asked = without_questions(&self.roles, &self.one_role_questions);
        let alone = self.one_role_questions.len();
        let held_back = alone + self.other_questions;
        let lines = super::dispute_headlines(asked.iter());
        let section = if lines.is_empty() && held_back == 0 {
            return super::dispute_lines(asked.iter(), &self.sources);
        } else if lines.is_empty() {
            DocSection::new(Section::Disputes.heading())
        } else {
            DocSection::new(Section::Disputes.heading()).facts(&lines)
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
        _ => section.heading(),
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
                            DocSection::new(Section::Matrix.heading()).note(SAME)
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
        let mut sources = super::cited_if_shown(&self.sections, &self.sources);
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
        let mut records = fact_records(&self.labels, &self.roles);
        if self.sections.contains(&Section::LabourMarket) {
            records
                .rows
                .extend(super::occupation_records(&self.occupations, false));
        }
        if let Some(matrix) = &self.matrix {
            records.rows.extend(matrix.fact_rows());
        }
        records
    }

    fn records_with_evidence(&self) -> Records {
        let mut records =
            super::fact_records_with_evidence(&self.labels, &self.roles, self.matrix.as_ref());
        if self.sections.contains(&Section::LabourMarket) {
            records
                .rows
                .extend(super::occupation_records(&self.occupations, true));
        }
        records
    }
}
