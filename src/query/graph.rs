//! `rolecmp graph`: the reporting lines between roles, with every variant the sources name.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{Labels, prevalence_label, sources_section};
use crate::kb::KnowledgeBase;
use crate::model::{Fact, Prevalence, Role, Source};
use crate::report::{
    Cell, Diagram, Document, Edge, Graph, Line, Node, Records, Report, Section as DocSection,
};

/// A role drawn in the graph.
#[derive(Debug, Serialize)]
pub struct GraphRole {
    pub id: String,
    pub title: String,
    /// The short name drawn on the node (CTO), or the title when the role has no alias.
    pub short: String,
}

/// One reporting line: `from` reports to `to` with this prevalence, and the claims that say
/// so. Claims of the same prevalence are drawn as one line citing all their sources.
#[derive(Debug, Serialize)]
pub struct ReportingLine {
    pub from: String,
    pub to: String,
    pub prevalence: Prevalence,
    pub sources: Vec<String>,
    pub claims: Vec<Fact>,
}

/// The answer to `graph`.
#[derive(Debug, Serialize)]
pub struct ReportingGraph {
    /// The roles asked for: every role when none was named.
    pub roles: Vec<String>,
    /// Those roles and every role a line of theirs leads to or comes from.
    pub nodes: Vec<GraphRole>,
    pub lines: Vec<ReportingLine>,
    pub sources: Vec<Source>,
    #[serde(skip)]
    labels: Labels,
}

/// The reporting lines from and to `roles` (every role when empty).
pub fn graph(kb: &KnowledgeBase, roles: &[&Role]) -> ReportingGraph {
    // Sets and maps by id throughout: `graph` draws every role by default, and thousands of
    // roles must not cost millions of comparisons.
    let mut asked: Vec<String> = Vec::new();
    let mut is_asked: BTreeSet<&str> = BTreeSet::new();
    let named = roles.iter().copied();
    let all = kb.roles.iter();
    for role in if roles.is_empty() {
        all.collect::<Vec<_>>()
    } else {
        named.collect()
    } {
        // A role named twice (cto CTO) is drawn once.
        if is_asked.insert(&role.id) {
            asked.push(role.id.clone());
        }
    }
    let mut lines: Vec<ReportingLine> = Vec::new();
    let mut line_at: BTreeMap<(&str, &str, Prevalence), usize> = BTreeMap::new();
    for role in &kb.roles {
        for line in &role.reporting {
            if !is_asked.contains(role.id.as_str()) && !is_asked.contains(line.to.as_str()) {
                continue;
            }
            let claim = Fact {
                text: line.text.clone(),
                sources: line.sources.clone(),
            };
            let key = (role.id.as_str(), line.to.as_str(), line.prevalence);
            match line_at.entry(key) {
                Entry::Occupied(index) => lines[*index.get()].claims.push(claim),
                Entry::Vacant(slot) => {
                    slot.insert(lines.len());
                    lines.push(ReportingLine {
                        from: role.id.clone(),
                        to: line.to.clone(),
                        prevalence: line.prevalence,
                        sources: Vec::new(),
                        claims: vec![claim],
                    });
                }
            }
        }
    }
    for line in &mut lines {
        line.sources = line
            .claims
            .iter()
            .flat_map(|claim| claim.sources.iter().cloned())
            .collect();
        line.sources.sort();
        line.sources.dedup();
    }
    let on_a_line: BTreeSet<&str> = lines
        .iter()
        .flat_map(|line| [line.from.as_str(), line.to.as_str()])
        .collect();
    let drawn = |id: &String| is_asked.contains(id.as_str()) || on_a_line.contains(id.as_str());
    let nodes = kb
        .roles
        .iter()
        .filter(|role| drawn(&role.id))
        .map(|role| GraphRole {
            id: role.id.clone(),
            title: role.title.clone(),
            short: role
                .aliases
                .first()
                .cloned()
                .unwrap_or_else(|| role.title.clone()),
        })
        .collect();
    let cited: BTreeSet<&str> = lines
        .iter()
        .flat_map(|line| line.sources.iter().map(String::as_str))
        .collect();
    let sources = kb
        .sources
        .iter()
        .filter(|source| cited.contains(source.id.as_str()))
        .cloned()
        .collect();
    ReportingGraph {
        roles: asked,
        nodes,
        lines,
        sources,
        labels: Labels::new(kb),
    }
}

/// What an edge says: how common the line is and who says so.
fn edge_label(line: &ReportingLine) -> String {
    format!(
        "{} [{}]",
        prevalence_label(line.prevalence),
        line.sources.join(", ")
    )
}

impl Report for ReportingGraph {
    fn document(&self) -> Document {
        let rows = self
            .lines
            .iter()
            .map(|line| {
                vec![
                    Cell::label(self.labels.role(&line.from)),
                    Cell::label(self.labels.role(&line.to)),
                    Cell::label(prevalence_label(line.prevalence)),
                    Cell::facts(&line.claims),
                ]
            })
            .collect();
        let lines =
            DocSection::new("Lines").table(&["Role", "Reports to", "How common", "Claim"], rows);
        Document {
            title: "Reporting lines".to_owned(),
            sections: vec![lines, sources_section(&self.sources)],
        }
    }

    fn records(&self) -> Records {
        Records {
            header: vec!["role", "reports_to", "prevalence", "text", "sources"],
            rows: self
                .lines
                .iter()
                .flat_map(|line| {
                    line.claims.iter().map(|claim| {
                        vec![
                            line.from.clone(),
                            line.to.clone(),
                            prevalence_id(line.prevalence).to_owned(),
                            claim.text.clone(),
                            claim.sources.join(", "),
                        ]
                    })
                })
                .collect(),
        }
    }
}

impl Diagram for ReportingGraph {
    fn graph(&self) -> Graph {
        let mut legend = vec![
            "Solid line: the usual or an often-named reporting line. Dashed line: one that only some firms have.".to_owned(),
        ];
        legend.extend(
            self.sources
                .iter()
                .map(|source| format!("[{}] {}", source.id, source.title)),
        );
        Graph {
            title: "Reporting lines".to_owned(),
            nodes: self
                .nodes
                .iter()
                .map(|role| Node {
                    key: role.id.clone(),
                    label: if role.short == role.title {
                        role.title.clone()
                    } else {
                        format!("{}\n{}", role.short, role.title)
                    },
                })
                .collect(),
            edges: self
                .lines
                .iter()
                .map(|line| Edge {
                    from: line.from.clone(),
                    to: line.to.clone(),
                    label: edge_label(line),
                    line: match line.prevalence {
                        Prevalence::Usual | Prevalence::Often => Line::Solid,
                        Prevalence::Sometimes => Line::Dashed,
                    },
                })
                .collect(),
            legend,
        }
    }
}

/// The prevalence as JSON spells it, so CSV and JSON agree.
fn prevalence_id(prevalence: Prevalence) -> &'static str {
    match prevalence {
        Prevalence::Usual => "usual",
        Prevalence::Often => "often",
        Prevalence::Sometimes => "sometimes",
    }
}
