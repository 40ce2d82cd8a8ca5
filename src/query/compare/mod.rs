//! `rolecmp compare`: roles side by side. By default one screen: headlines per dimension,
//! the responsibility matrix and one line per disagreement; `--full` or `--section` for
//! every fact.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

mod document;

use super::matrix::Matrix;
use super::occupations::{OccupationView, occupations_shown};
use crate::kb::KnowledgeBase;
use crate::model::{Excerpt, Fact, Prevalence, Relation, Role, Section, Source, Term};
use crate::query::facts::listed_sources;
use crate::query::select::{Selection, View, narrowed};
use crate::report::labels::{Labels, code_link_label, own_short_name, short_name};

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
        let mut matrix = super::matrix::matrix(kb, &labels, roles);
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
        occupations_shown(kb, roles, &selection, "these roles", &mut sources);
    // The glance's footer leaves out what only the questions about one role alone cite.
    let held_back_sources = if one_role_questions.is_empty() {
        BTreeSet::new()
    } else {
        let mut kept = sources_of(&without_questions(&narrowed, &one_role_questions));
        occupations_shown(kb, roles, &selection, "these roles", &mut kept);
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
                Some(title) => format!("{} {title} ({})", name.code, code_link_label(code.link)),
                None => format!("{} ({})", name.code, code_link_label(code.link)),
            };
            (
                name.scheme.to_owned(),
                vec![Fact {
                    text,
                    sources: code.sources.clone(),
                    evidence: code.evidence.clone(),
                    involvement: None,
                    areas: Vec::new(),
                }],
            )
        })
        .collect()
}

/// Whether a role is compared with its own built-in version: a gap analysis.
fn two_layers(roles: &[&Role]) -> bool {
    roles.iter().any(|role| {
        role.shipped_under()
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
            let name = own_short_name(role);
            if role.shipped_under().is_some() {
                return format!("Reference {name}");
            }
            let reference = roles
                .iter()
                .find(|other| other.shipped_under() == Some(role.id.as_str()));
            match reference {
                Some(reference)
                    if !role.is_built_in_only() && own_short_name(reference) == name =>
                {
                    format!("Company {name}")
                }
                _ => short_name(role),
            }
        })
        .collect()
}

/// More roles than `compare` takes: a usage error, found before anything is loaded, so that
/// thousands of roles cost nothing to refuse.
#[derive(Debug)]
pub struct TooManyRoles(pub usize);

impl std::fmt::Display for TooManyRoles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "compare takes at most {MAX_ROLES} roles, not {}: more side by side does not read (list, search and graph take any number)",
            self.0
        )
    }
}

impl std::error::Error for TooManyRoles {}

/// Whether `count` roles are few enough to compare.
pub fn at_most(count: usize) -> Result<(), TooManyRoles> {
    if count > MAX_ROLES {
        return Err(TooManyRoles(count));
    }
    Ok(())
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
