//! The words a report shows for what the model holds as ids and enums: area, industry and
//! role names, section headings, the words for a focus or a prevalence, and the label of a
//! role as shipped. Presentation, kept apart from the queries that decide what is shown.

use std::collections::BTreeMap;

use crate::model::{
    Facing, Fact, Focus, Headlines, KnowledgeBase, Nature, Prevalence, Relation, Role, Section,
    SourceKind, Term,
};

/// Display names for ids (areas, industries, roles), carried so that rendering needs no
/// knowledge base.
/// Areas and industries are apart: an industry may have an area's id.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    areas: BTreeMap<String, String>,
    industries: BTreeMap<String, String>,
    roles: BTreeMap<String, String>,
    short: BTreeMap<String, String>,
}

impl Labels {
    pub fn new(kb: &KnowledgeBase) -> Self {
        let terms = |terms: &[Term]| {
            terms
                .iter()
                .map(|t| (t.id.clone(), t.label.clone()))
                .collect()
        };
        // The roles as shipped that a query has looked at too, so that a gap analysis names
        // its columns.
        let roles = kb
            .roles
            .iter()
            .chain(kb.shipped.made())
            .map(|r| (r.id.clone(), title(r)));
        let short = kb
            .roles
            .iter()
            .chain(kb.shipped.made())
            .map(|r| (r.id.clone(), short_name(r)));
        Self {
            areas: terms(&kb.areas),
            industries: terms(&kb.industries),
            roles: roles.collect(),
            short: short.collect(),
        }
    }

    /// The label of an area id (the id itself if it is unknown).
    pub fn area<'a>(&'a self, id: &'a str) -> &'a str {
        self.areas.get(id).map_or(id, String::as_str)
    }

    /// The label of an industry id (the id itself if it is unknown).
    pub fn industry<'a>(&'a self, id: &'a str) -> &'a str {
        self.industries.get(id).map_or(id, String::as_str)
    }

    /// The short name of a role id (CTO), else its id.
    pub fn short_role<'a>(&'a self, id: &'a str) -> &'a str {
        self.short.get(id).map_or(id, String::as_str)
    }

    /// The title of a role id (the id itself if it is unknown).
    pub fn role<'a>(&'a self, id: &'a str) -> &'a str {
        self.roles.get(id).map_or(id, String::as_str)
    }
}

/// The heading of a section of a profile or comparison.
pub fn heading(section: Section) -> &'static str {
    match section {
        Section::Headlines => "At a glance",
        Section::Matrix => "Responsibility matrix",
        Section::Summary => "Summary",
        Section::Focus => "Primary focus",
        Section::Nature => "Strategic or operational",
        Section::Facing => "Internal or external",
        Section::Responsibilities => "Responsibilities",
        Section::Reporting => "Reporting lines",
        Section::Background => "Background and qualifications",
        Section::Industries => "Industry examples",
        Section::Collaboration => "Overlap and collaboration",
        Section::Disputes => "Where the sources disagree",
        Section::Sources => "Sources",
    }
}

/// The dimensions of the at-a-glance view, each with its row name and a role's statements.
pub fn headline_rows(headlines: &Headlines) -> [(&'static str, &[Fact]); 7] {
    [
        ("Role", &headlines.definition),
        ("Focus", &headlines.focus),
        ("Nature", &headlines.nature),
        ("Facing", &headlines.facing),
        ("Reports to", &headlines.reporting),
        ("Background", &headlines.background),
        ("Industries", &headlines.industries),
    ]
}

/// What the names of a role as shipped are shown with, so that a reader tells it from the
/// role layered over it: "Built-in CIO".
const SHIPPED: &str = "Built-in";

/// A name of the role `id` as shown: a role as shipped says so ("Built-in CIO").
pub fn shown_name(id: &str, name: &str) -> String {
    if crate::model::shipped_under(id).is_some() {
        format!("{SHIPPED} {name}")
    } else {
        name.to_owned()
    }
}

/// A role's own short name: its first alias (CTO) when it has one, else its title.
pub fn own_short_name(role: &Role) -> &str {
    role.aliases.first().unwrap_or(&role.title)
}

/// The column name for a role: its short name, as shown.
pub fn short_name(role: &Role) -> String {
    shown_name(&role.id, own_short_name(role))
}

/// A role's title, as shown.
pub fn title(role: &Role) -> String {
    shown_name(&role.id, &role.title)
}

pub fn focus_label(focus: Focus) -> &'static str {
    match focus {
        Focus::Technology => "Technology",
        Focus::Information => "Information",
        Focus::Data => "Data",
        Focus::Security => "Security",
        Focus::Product => "Product",
        Focus::Finance => "Finance",
        Focus::Operations => "Operations",
        Focus::Business => "Business",
    }
}

pub fn nature_label(nature: Nature) -> &'static str {
    match nature {
        Nature::Strategic => "Mainly strategic",
        Nature::Operational => "Mainly operational",
        Nature::Both => "Strategic and operational",
    }
}

pub fn facing_label(facing: Facing) -> &'static str {
    match facing {
        Facing::Internal => "Mainly internal",
        Facing::External => "Mainly external",
        Facing::Both => "Internal and external",
    }
}

pub fn prevalence_label(prevalence: Prevalence) -> &'static str {
    match prevalence {
        Prevalence::Usual => "usually",
        Prevalence::Often => "often",
        Prevalence::Sometimes => "in some firms",
    }
}

pub fn relation_label(relation: Relation) -> &'static str {
    match relation {
        Relation::Overlap => "Overlap",
        Relation::Collaboration => "Collaboration",
        Relation::Combined => "One person may hold both",
    }
}

pub fn source_kind_label(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Article => "article",
        SourceKind::GeneralKnowledge => "general knowledge",
        SourceKind::Internal => "internal document",
    }
}
