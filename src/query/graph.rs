//! `rolecmp graph`: the reporting lines between roles, with every variant the sources name.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::kb::KnowledgeBase;
use crate::model::{Fact, Prevalence, Role, Source};
use crate::report::labels::{Labels, how_common_label, shown_name};
use crate::report::parts::citations;
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

impl GraphRole {
    /// What its node says: the short name over the title, or the title alone when it is the
    /// short name; a role as shipped says so ("Built-in CIO").
    fn label(&self) -> String {
        let shown = |name: &str| shown_name(&self.id, name);
        if self.short == self.title {
            shown(&self.title)
        } else {
            format!("{}\n{}", shown(&self.short), shown(&self.title))
        }
    }
}

/// One reporting line: `from` reports to `to` with this prevalence, and the claims that say
/// so. Claims of the same prevalence are drawn as one line citing all their sources.
#[derive(Debug, Serialize)]
pub struct ReportingLine {
    pub from: String,
    pub to: String,
    pub prevalence: Prevalence,
    /// The organisations the line holds in, when its sources speak only of them.
    pub scope: Option<String>,
    /// How common the line is and where it holds, in words: "often", "in US federal agencies
    /// (by law)".
    #[serde(skip)]
    pub how: String,
    /// Other bosses its sources name alongside ("another top-level executive").
    pub alternatives: Vec<String>,
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
    let labels = Labels::new(kb);
    let mut line_at: BTreeMap<(&str, &str, Prevalence, Option<&str>), usize> = BTreeMap::new();
    for role in kb.roles_with(roles) {
        for line in &role.reporting {
            if !is_asked.contains(role.id.as_str()) && !is_asked.contains(line.to.as_str()) {
                continue;
            }
            let claim = line.claim();
            let key = (
                role.id.as_str(),
                line.to.as_str(),
                line.prevalence,
                line.scope.as_deref(),
            );
            match line_at.entry(key) {
                Entry::Occupied(index) => {
                    let existing = &mut lines[*index.get()];
                    existing.claims.push(claim);
                    existing.alternatives.extend(line.alternative.clone());
                }
                Entry::Vacant(slot) => {
                    slot.insert(lines.len());
                    lines.push(ReportingLine {
                        from: role.id.clone(),
                        to: line.to.clone(),
                        prevalence: line.prevalence,
                        scope: line.scope.clone(),
                        how: String::new(),
                        alternatives: line.alternative.iter().cloned().collect(),
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
        line.how = how_common_label(
            line.prevalence,
            line.scope.as_deref(),
            labels.by_law(&line.sources),
        );
    }
    let on_a_line: BTreeSet<&str> = lines
        .iter()
        .flat_map(|line| [line.from.as_str(), line.to.as_str()])
        .collect();
    let drawn = |id: &String| is_asked.contains(id.as_str()) || on_a_line.contains(id.as_str());
    let nodes = kb
        .roles_with(roles)
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
        labels,
    }
}

/// What one line says: how common it is, the other bosses the source names with it, and
/// who says so.
fn edge_label(line: &ReportingLine) -> String {
    let mut label = line.how.clone();
    for alternative in &line.alternatives {
        label.push_str(", or ");
        label.push_str(alternative);
    }
    format!("{label} [{}]", line.sources.join(", "))
}

/// One direction between two roles: what each of its lines says, and how it is drawn.
struct Way<'a> {
    from: &'a str,
    to: &'a str,
    said: Vec<String>,
    line: Line,
}

/// The edges drawn: one per pair of roles and direction, so that two lines between the same
/// roles never draw two arrows whose labels collide. The label gives every prevalence with
/// the sources that say so, one per line; the edge is solid when any of them is the usual or
/// an often-named line. Two roles that report to each other (in different firms) and are
/// drawn alike get one double-headed edge whose label names each direction, because two
/// opposite arrows put their labels on top of each other in both Mermaid and Graphviz.
fn edges(lines: &[ReportingLine], short: &HashMap<&str, &str>) -> Vec<Edge> {
    let mut ways: Vec<Way> = Vec::new();
    let mut index: HashMap<(&str, &str), usize> = HashMap::new();
    for line in lines {
        let said = edge_label(line);
        // A line that holds only in some organisations is dashed, however common it is there.
        let style = match line.prevalence {
            Prevalence::Usual | Prevalence::Often if line.scope.is_none() => Line::Solid,
            _ => Line::Dashed,
        };
        if let Some(&at) = index.get(&(line.from.as_str(), line.to.as_str())) {
            ways[at].said.push(said);
            if style == Line::Solid {
                ways[at].line = Line::Solid;
            }
        } else {
            index.insert((&line.from, &line.to), ways.len());
            ways.push(Way {
                from: &line.from,
                to: &line.to,
                said: vec![said],
                line: style,
            });
        }
    }
    let name = |id: &'_ str| {
        short
            .get(id)
            .map_or_else(|| id.to_owned(), |s| (*s).to_owned())
    };
    let mut drawn = vec![false; ways.len()];
    let mut edges = Vec::new();
    for (at, way) in ways.iter().enumerate() {
        if drawn[at] {
            continue;
        }
        drawn[at] = true;
        let back = index
            .get(&(way.to, way.from))
            .copied()
            .filter(|&back| !drawn[back] && ways[back].line == way.line);
        let label = match back {
            Some(back) => {
                drawn[back] = true;
                let named = |way: &Way| {
                    let (from, to) = (name(way.from), name(way.to));
                    way.said
                        .iter()
                        .map(move |said| format!("{from} to {to}: {said}"))
                        .collect::<Vec<_>>()
                };
                [named(way), named(&ways[back])].concat().join("\n")
            }
            None => way.said.join("\n"),
        };
        edges.push(Edge {
            from: way.from.to_owned(),
            to: way.to.to_owned(),
            label,
            line: way.line,
            both_ways: back.is_some(),
        });
    }
    edges
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
                    Cell::label(&line.how),
                    Cell::facts(&line.claims),
                ]
            })
            .collect();
        let lines =
            DocSection::new("Lines").table(&["Role", "Reports to", "How common", "Claim"], rows);
        Document {
            title: "Reporting lines".to_owned(),
            sections: vec![lines],
            sources: citations(&self.sources),
        }
    }

    fn records(&self) -> Records {
        Records {
            header: vec![
                "role",
                "reports_to",
                "prevalence",
                "scope",
                "text",
                "sources",
            ],
            rows: self
                .lines
                .iter()
                .flat_map(|line| {
                    line.claims.iter().map(|claim| {
                        vec![
                            line.from.clone(),
                            line.to.clone(),
                            prevalence_id(line.prevalence).to_owned(),
                            line.scope.clone().unwrap_or_default(),
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
            "Arrow: from a role to the one it reports to. Two heads: each reports to the other in some firms; the label says which is which.".to_owned(),
            "Solid line: the usual or an often-named reporting line. Dashed line: one that only some firms or organisations have.".to_owned(),
            "Label: how common the line is (usually, often, in some firms), or where it holds (in US federal agencies, by law when its sources are laws), and, in brackets, the sources that say so.".to_owned(),
        ];
        legend.extend(
            self.sources
                .iter()
                .map(|source| format!("[{}] {}", source.id, source.title)),
        );
        let short = self
            .nodes
            .iter()
            .map(|role| (role.id.as_str(), role.short.as_str()))
            .collect();
        Graph {
            title: "Reporting lines".to_owned(),
            nodes: self
                .nodes
                .iter()
                .map(|role| Node {
                    key: role.id.clone(),
                    label: role.label(),
                })
                .collect(),
            edges: edges(&self.lines, &short),
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
