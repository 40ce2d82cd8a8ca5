//! `rolecmp matrix`: how the sources involve each role in each responsibility area.
//!
//! Every cell is derived from cited facts and is no stronger than they are: an overlap that a
//! source names makes the area shared for both roles (with its "often" kept), a role's own
//! responsibility entry gives its involvement (responsible, partly, in some firms), and an area
//! that no fact of a role names says exactly that: not named.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{Labels, short_name};
use crate::kb::KnowledgeBase;
use crate::model::{Involvement, Prevalence, Relation, Role, Source};
use crate::report::{Cell, Document, Records, Report, Section as DocSection};

/// What a cell says about one role in one area, strongest claim first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// A source says the role overlaps with another role of the matrix in this area.
    Shared,
    /// The sources give the role duties in the area without hedging.
    Responsible,
    /// The sources give the role part of the area.
    Partly,
    /// The sources give the role the area only in some organizations.
    SomeFirms,
    /// The role has no duties of its own here, but works with a role that has.
    WorksWith,
    /// No fact of the role names the area.
    NotNamed,
}

impl Level {
    /// The name used in JSON and CSV (`some-firms`).
    pub fn id(self) -> &'static str {
        match self {
            Level::Shared => "shared",
            Level::Responsible => "responsible",
            Level::Partly => "partly",
            Level::SomeFirms => "some-firms",
            Level::WorksWith => "works-with",
            Level::NotNamed => "not-named",
        }
    }
}

/// One role in one area.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixCell {
    pub role: String,
    pub level: Level,
    /// Roles the area is shared with or worked on with, by id.
    pub partners: Vec<Partner>,
    /// The sources of the facts the level rests on.
    pub sources: Vec<String>,
}

/// Another role of the matrix that a source ties to this role in this area.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Partner {
    pub role: String,
    /// True when a source says the two roles overlap here, false when they only work
    /// together on it.
    pub shares: bool,
    /// How common the overlap is, when the source hedges ("often overlap").
    pub prevalence: Option<Prevalence>,
}

/// One responsibility area across the roles.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    pub area: String,
    pub label: String,
    /// One cell per role, in the order of `Matrix::roles`.
    pub cells: Vec<MatrixCell>,
}

/// A role as a matrix column.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub id: String,
    pub name: String,
}

/// The answer to `matrix`: areas by roles.
#[derive(Debug, Clone, Serialize)]
pub struct Matrix {
    pub roles: Vec<Column>,
    /// Areas in vocabulary order; only those at least one role is involved in.
    pub rows: Vec<MatrixRow>,
    /// What the words of the cells mean.
    pub legend: &'static str,
    /// Roles left out because no source names them in any area (`matrix` without `--all`).
    pub silent: Vec<Column>,
    pub sources: Vec<Source>,
    #[serde(skip)]
    labels: Labels,
}

/// What the words of a matrix cell mean, in one line: the two that a reader could take
/// otherwise. (Responsible, partly responsible, in some firms and works with say what they
/// mean.)
pub const LEGEND: &str =
    "Shared: a source says the roles overlap. Not named: the sources are silent.";

/// Builds the matrix of `roles`; overlaps and collaborations count between its roles.
pub fn matrix(kb: &KnowledgeBase, roles: &[&Role]) -> Matrix {
    let columns: Vec<&str> = roles.iter().map(|role| role.id.as_str()).collect();
    build(kb, roles, &columns)
}

/// The matrix of `roles`, counting overlaps with any role in `partners` (a one-role view
/// names the partners it has outside the view).
pub fn build(kb: &KnowledgeBase, roles: &[&Role], partners: &[&str]) -> Matrix {
    let labels = Labels::new(kb);
    let partners: BTreeSet<&str> = partners.iter().copied().collect();
    // Pair facts are written once, on either role: index them by (role, area) both ways.
    let mut links: BTreeMap<(&str, &str), Vec<Link>> = BTreeMap::new();
    let wanted: BTreeSet<&str> = roles.iter().map(|role| role.id.as_str()).collect();
    for owner in kb.roles_with(roles) {
        for fact in &owner.collaboration {
            let (Some(area), Relation::Overlap | Relation::Collaboration) =
                (fact.area.as_deref(), fact.relation)
            else {
                continue;
            };
            for (me, other) in [
                (owner.id.as_str(), fact.with.as_str()),
                (fact.with.as_str(), owner.id.as_str()),
            ] {
                if me != other && wanted.contains(me) && partners.contains(other) {
                    links.entry((me, area)).or_default().push(Link {
                        other,
                        relation: fact.relation,
                        prevalence: fact.prevalence,
                        sources: &fact.sources,
                    });
                }
            }
        }
    }
    let rows = kb
        .areas
        .iter()
        .map(|area| MatrixRow {
            area: area.id.clone(),
            label: area.label.clone(),
            cells: roles
                .iter()
                .map(|role| {
                    cell(
                        role,
                        &area.id,
                        links.get(&(role.id.as_str(), area.id.as_str())),
                    )
                })
                .collect(),
        })
        .filter(|row: &MatrixRow| row.cells.iter().any(|cell| cell.level != Level::NotNamed))
        .collect::<Vec<_>>();
    let mut rows = rows;
    rows.sort_by(|a, b| a.label.cmp(&b.label));
    // The sources the cells cite, in the order of the sources file.
    let cited: BTreeSet<&str> = rows
        .iter()
        .flat_map(|row: &MatrixRow| &row.cells)
        .flat_map(|cell| cell.sources.iter().map(String::as_str))
        .collect();
    let sources = kb
        .sources
        .iter()
        .filter(|source| cited.contains(source.id.as_str()))
        .cloned()
        .collect();
    Matrix {
        roles: roles
            .iter()
            .map(|role| Column {
                id: role.id.clone(),
                name: short_name(role),
            })
            .collect(),
        rows,
        legend: LEGEND,
        silent: Vec::new(),
        sources,
        labels,
    }
}

/// `sources` and those `matrix` cites, each once, in the order of the sources file.
pub fn with_sources_of(
    kb: &KnowledgeBase,
    mut sources: Vec<Source>,
    matrix: &Matrix,
) -> Vec<Source> {
    for source in &matrix.sources {
        if !sources.iter().any(|known| known.id == source.id) {
            sources.push(source.clone());
        }
    }
    sources.sort_by_key(|source| kb.sources.iter().position(|s| s.id == source.id));
    sources
}

/// A collaboration fact seen from one of its two roles.
struct Link<'a> {
    other: &'a str,
    relation: Relation,
    prevalence: Option<Prevalence>,
    sources: &'a [String],
}

fn cell(role: &Role, area: &str, links: Option<&Vec<Link>>) -> MatrixCell {
    let links = links.map_or(&[][..], Vec::as_slice);
    let overlaps: Vec<&Link> = links
        .iter()
        .filter(|link| link.relation == Relation::Overlap)
        .collect();
    let own = role.responsibilities.iter().find(|item| item.area == area);
    let mut sources = BTreeSet::new();
    let level = if overlaps.is_empty() {
        let level = match own.map(|item| item.involvement) {
            Some(Involvement::Responsible) => Level::Responsible,
            Some(Involvement::Partly) => Level::Partly,
            Some(Involvement::SomeFirms) => Level::SomeFirms,
            None if links.is_empty() => Level::NotNamed,
            None => Level::WorksWith,
        };
        for fact in own.iter().flat_map(|item| &item.facts) {
            sources.extend(fact.sources.iter().cloned());
        }
        for link in links {
            sources.extend(link.sources.iter().cloned());
        }
        level
    } else {
        for link in &overlaps {
            sources.extend(link.sources.iter().cloned());
        }
        Level::Shared
    };
    // Per partner, the strongest wording any of its facts uses (`None`, no hedge, orders
    // first, then usually, often, sometimes): each of them is a cited statement.
    let mut partners: BTreeMap<&str, Partner> = BTreeMap::new();
    for link in links {
        let shares = link.relation == Relation::Overlap;
        let entry = partners.entry(link.other).or_insert_with(|| Partner {
            role: link.other.to_owned(),
            shares,
            prevalence: link.prevalence,
        });
        if shares && !entry.shares {
            entry.shares = true;
            entry.prevalence = link.prevalence;
        } else if shares == entry.shares {
            entry.prevalence = entry.prevalence.min(link.prevalence);
        }
    }
    MatrixCell {
        role: role.id.clone(),
        level,
        partners: partners.into_values().collect(),
        sources: sources.into_iter().collect(),
    }
}

impl MatrixCell {
    /// The cell in words, with role ids turned into short names by `name`: "often shared
    /// with CTO", "responsible, with CDO", "not named".
    pub fn describe(&self, name: &dyn Fn(&str) -> String) -> String {
        let names = |partners: &mut dyn Iterator<Item = &Partner>| {
            partners
                .map(|partner| name(&partner.role))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let working = names(&mut self.partners.iter().filter(|p| !p.shares));
        let with = |text: String| {
            if working.is_empty() {
                text
            } else {
                format!("{text}, with {working}")
            }
        };
        match self.level {
            Level::Shared => {
                // Partners grouped by how common the overlap is, the plainest claim first.
                let mut groups: BTreeMap<Option<Prevalence>, Vec<&Partner>> = BTreeMap::new();
                for partner in self.partners.iter().filter(|p| p.shares) {
                    groups.entry(partner.prevalence).or_default().push(partner);
                }
                let phrases: Vec<String> = groups
                    .into_iter()
                    .map(|(prevalence, partners)| {
                        let how = match prevalence {
                            None => "",
                            Some(Prevalence::Usual) => "usually ",
                            Some(Prevalence::Often) => "often ",
                            Some(Prevalence::Sometimes) => "sometimes ",
                        };
                        format!("{how}with {}", names(&mut partners.into_iter()))
                    })
                    .collect();
                let first = phrases[0].clone();
                let (how, rest) = first.split_at(first.find("with").unwrap_or(0));
                let mut text = format!("{how}shared {rest}");
                for phrase in &phrases[1..] {
                    text.push_str(", ");
                    text.push_str(phrase);
                }
                with(text)
            }
            Level::Responsible => with("responsible".to_owned()),
            Level::Partly => with("partly responsible".to_owned()),
            Level::SomeFirms => with("in some firms".to_owned()),
            Level::WorksWith => format!("works with {working}"),
            Level::NotNamed => "not named".to_owned(),
        }
    }

    pub fn to_cell(&self, name: &dyn Fn(&str) -> String) -> Cell {
        Cell::cited(self.describe(name), &self.sources)
    }
}

impl Matrix {
    /// Names the columns `names`, in their order: how a comparison labels its roles.
    pub fn rename(&mut self, names: &[String]) {
        for (column, name) in self.roles.iter_mut().zip(names) {
            column.name.clone_from(name);
        }
    }

    /// Leaves out the roles that no source names in any area, noting who they are: every
    /// other cell stays as it is, since a silent role shares and works on nothing.
    #[must_use]
    pub fn without_silent_roles(mut self) -> Self {
        let named: Vec<bool> = (0..self.roles.len())
            .map(|index| {
                self.rows
                    .iter()
                    .any(|row| row.cells[index].level != Level::NotNamed)
            })
            .collect();
        if named.iter().all(|named| *named) {
            return self;
        }
        let roles = std::mem::take(&mut self.roles);
        for (column, named) in roles.into_iter().zip(&named) {
            if *named {
                self.roles.push(column);
            } else {
                self.silent.push(column);
            }
        }
        for row in &mut self.rows {
            let cells = std::mem::take(&mut row.cells);
            row.cells = cells
                .into_iter()
                .zip(&named)
                .filter_map(|(cell, named)| named.then_some(cell))
                .collect();
        }
        self
    }

    /// Only the areas where the roles' cells differ (`--differences-only`). Two roles that
    /// share an area say the same of it ("shared with CIO", "shared with CTO"), so the roles
    /// of the matrix count as one partner when cells are compared.
    #[must_use]
    pub fn differences(&self) -> Self {
        let columns: Vec<&str> = self.roles.iter().map(|column| column.id.as_str()).collect();
        let name = |id: &str| {
            if columns.contains(&id) {
                String::new()
            } else {
                self.name(id)
            }
        };
        let mut differing = self.clone();
        differing.rows.retain(|row| {
            let said: Vec<(String, &[String])> = row
                .cells
                .iter()
                .map(|cell| (cell.describe(&name), cell.sources.as_slice()))
                .collect();
            said.iter().any(|cell| *cell != said[0])
        });
        differing
    }

    /// A short name for a role id: its column name when it is a column, else its alias.
    fn name(&self, id: &str) -> String {
        self.roles
            .iter()
            .find(|column| column.id == id)
            .map_or_else(|| self.labels.short_role(id).to_owned(), |c| c.name.clone())
    }

    /// The matrix as a document section: one row per area, one column per role.
    pub fn section(&self) -> DocSection {
        self.section_of(false)
    }

    /// The matrix at a glance: areas whose every cell reads the same share one row ("Digital
    /// transformation, Security"), so that what the roles have alike takes few lines and
    /// where they differ stands out. Every cell is still shown as it is.
    pub fn glance_section(&self) -> DocSection {
        self.section_of(true)
    }

    fn section_of(&self, grouped: bool) -> DocSection {
        let heading = DocSection::new(super::Section::Matrix.heading());
        if self.rows.is_empty() {
            return heading.note("The sources name no responsibility area for these roles.");
        }
        let name = |id: &str| self.name(id);
        let header: Vec<&str> = std::iter::once("Area")
            .chain(self.roles.iter().map(|column| column.name.as_str()))
            .collect();
        // Rows in area order; at a glance a row whose cells are those of an earlier row joins it.
        let mut rows: Vec<(Vec<&str>, Vec<Cell>)> = Vec::new();
        let mut seen: BTreeMap<Vec<(String, Vec<String>)>, usize> = BTreeMap::new();
        for row in &self.rows {
            let cells: Vec<Cell> = row.cells.iter().map(|cell| cell.to_cell(&name)).collect();
            let said = cells
                .iter()
                .flat_map(|cell| &cell.lines)
                .map(|line| (line.text.clone(), line.sources.clone()))
                .collect();
            match seen.get(&said) {
                Some(&at) if grouped => rows[at].0.push(&row.label),
                _ => {
                    seen.insert(said, rows.len());
                    rows.push((vec![&row.label], cells));
                }
            }
        }
        let body = rows
            .into_iter()
            .map(|(labels, cells)| {
                std::iter::once(Cell::label(labels.join(", ")))
                    .chain(cells)
                    .collect()
            })
            .collect();
        heading.table(&header, body).note(self.legend)
    }

    /// One role's column grouped by what it says: "responsible: A, B [guide]" lines, for a
    /// one-role view. Areas group only when their cells cite the same sources too, so every
    /// citation holds for every area on its line.
    pub fn grouped(&self, column: usize) -> Cell {
        let name = |id: &str| self.name(id);
        let mut groups: BTreeMap<(Level, String, &[String]), Vec<&str>> = BTreeMap::new();
        for row in &self.rows {
            let cell = &row.cells[column];
            if cell.level != Level::NotNamed {
                groups
                    .entry((cell.level, cell.describe(&name), cell.sources.as_slice()))
                    .or_default()
                    .push(&row.label);
            }
        }
        let mut cell = Cell::default();
        for ((_, described, sources), areas) in groups {
            let areas = areas.join(", ");
            cell.lines
                .extend(Cell::cited(format!("{described}: {areas}"), sources).lines);
        }
        cell
    }

    /// The cells as rows of the long-form fact table (role, section, topic, text, sources),
    /// so that a profile's or comparison's CSV holds its matrix too. Silent cells are left out.
    pub fn fact_rows(&self) -> Vec<Vec<String>> {
        let name = |id: &str| self.name(id);
        self.rows
            .iter()
            .flat_map(|row| {
                row.cells
                    .iter()
                    .filter(|cell| cell.level != Level::NotNamed)
                    .map(move |cell| {
                        vec![
                            cell.role.clone(),
                            super::Section::Matrix.id().to_owned(),
                            row.label.clone(),
                            cell.describe(&name),
                            cell.sources.join(", "),
                        ]
                    })
            })
            .collect()
    }
}

impl Report for Matrix {
    fn document(&self) -> Document {
        let names: Vec<&str> = self
            .roles
            .iter()
            .map(|column| column.name.as_str())
            .collect();
        let mut section = self.section();
        if !self.silent.is_empty() {
            let silent: Vec<&str> = self.silent.iter().map(|c| c.name.as_str()).collect();
            section = section.note(format!(
                "Not shown: {}, whom the sources name in no area.",
                silent.join(", ")
            ));
        }
        Document {
            title: format!("Responsibilities: {}", names.join(", ")),
            sections: vec![section],
            sources: super::citations(&self.sources),
        }
    }

    fn hint(&self) -> Option<String> {
        (!self.silent.is_empty())
            .then(|| "Every role, named or not: rolecmp matrix --all.".to_owned())
    }

    fn records(&self) -> Records {
        let name = |id: &str| self.name(id);
        Records {
            header: vec!["area", "role", "level", "statement", "sources"],
            rows: self
                .rows
                .iter()
                .flat_map(|row| {
                    row.cells.iter().map(move |cell| {
                        vec![
                            row.area.clone(),
                            cell.role.clone(),
                            cell.level.id().to_owned(),
                            cell.describe(&name),
                            cell.sources.join(", "),
                        ]
                    })
                })
                .collect(),
        }
    }
}
