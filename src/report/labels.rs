//! The words a report shows for what the model holds as ids and enums: area, industry and
//! role names, section headings, the words for a focus or a prevalence, and the label of a
//! role as shipped. Presentation, kept apart from the queries that decide what is shown.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{
    CodeLink, CodeSystem, Facing, Fact, Focus, Headlines, KnowledgeBase, Measure, Nature,
    Occupation, Prevalence, Relation, ReportingLine, Role, Section, SourceKind, Term,
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
    /// Occupation id → its scheme, code and title.
    occupations: BTreeMap<String, OccupationName>,
    /// Occupation id → "ISCO-08 1330 ICT service managers", the topic of a code fact.
    code_topics: BTreeMap<String, String>,
    /// Ids of the sources that are laws, so that a scoped line resting on them says "by law".
    laws: BTreeSet<String>,
}

/// How an occupation is named in output: its scheme, code and title.
#[derive(Debug, Clone)]
pub struct OccupationName {
    pub scheme: &'static str,
    pub code: String,
    pub title: Option<String>,
}

impl OccupationName {
    pub fn of(occupation: &Occupation) -> Self {
        Self {
            scheme: code_system_label(occupation.system),
            code: occupation.code.clone(),
            title: occupation.title.clone(),
        }
    }

    /// "Computer and Information Systems Managers (O*NET-SOC 11-3021.00)".
    pub fn full(&self) -> String {
        match &self.title {
            Some(title) => format!("{title} ({} {})", self.scheme, self.code),
            None => format!("{} {}", self.scheme, self.code),
        }
    }
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
            occupations: kb
                .occupations
                .iter()
                .map(|o| (o.id.clone(), OccupationName::of(o)))
                .collect(),
            code_topics: kb
                .occupations
                .iter()
                .map(|o| (o.id.clone(), OccupationName::of(o).full()))
                .collect(),
            laws: kb
                .sources
                .iter()
                .filter(|source| source.kind == SourceKind::Law)
                .map(|source| source.id.clone())
                .collect(),
        }
    }

    /// True when `sources` are all laws (and there is at least one).
    pub fn by_law(&self, sources: &[String]) -> bool {
        !sources.is_empty() && sources.iter().all(|source| self.laws.contains(source))
    }

    /// How common a reporting line is, with where it holds when it has a scope.
    pub fn how_common(&self, line: &ReportingLine) -> String {
        how_common_label(
            line.prevalence,
            line.scope.as_deref(),
            self.by_law(&line.sources),
        )
    }

    /// The topic of a code fact: the occupation's title, scheme and code (the id itself if
    /// the occupation is unknown).
    pub fn code_topic<'a>(&'a self, id: &'a str) -> &'a str {
        self.code_topics.get(id).map_or(id, String::as_str)
    }

    /// The scheme, code and title of an occupation id (the id itself as the code if it is
    /// unknown).
    pub fn occupation(&self, id: &str) -> OccupationName {
        self.occupations
            .get(id)
            .cloned()
            .unwrap_or_else(|| OccupationName {
                scheme: "",
                code: id.to_owned(),
                title: None,
            })
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
        Section::Codes => "Occupation codes",
        Section::LabourMarket => "Pay and labour market, by occupation",
        Section::Industries => "Industry examples",
        Section::Collaboration => "Overlap and collaboration",
        Section::Disputes => "Where the sources disagree",
        Section::Sources => "Sources",
    }
}

/// What a section holds, as a phrase for saying that no source gives it ("the reporting
/// lines of the CISO").
pub fn subject(section: Section) -> &'static str {
    match section {
        Section::Headlines => "short answers",
        Section::Matrix => "responsibility areas",
        Section::Summary => "definition",
        Section::Focus => "primary focus",
        Section::Nature => "strategic or operational nature",
        Section::Facing => "internal or external orientation",
        Section::Responsibilities => "responsibilities",
        Section::Reporting => "reporting lines",
        Section::Background => "background and qualifications",
        Section::Codes => "occupation codes",
        Section::LabourMarket => "pay and labour-market figures",
        Section::Industries => "industry examples",
        Section::Collaboration => "overlap and collaboration with other roles",
        Section::Disputes => "disagreements",
        Section::Sources => "sources",
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

/// Where a reporting line or collaboration holds, when its sources speak only of some
/// organisations: "in US federal agencies", and "(by law)" when every source is a law, so a
/// statute's duty is never read as any firm's.
pub fn scope_label(scope: &str, by_law: bool) -> String {
    if by_law {
        format!("in {scope} (by law)")
    } else {
        format!("in {scope}")
    }
}

/// How common a reporting line is, and where it holds when it has a scope: "in US federal
/// agencies (by law)", "often in US federal agencies".
pub fn how_common_label(prevalence: Prevalence, scope: Option<&str>, by_law: bool) -> String {
    match (scope, prevalence) {
        (None, prevalence) => prevalence_label(prevalence).to_owned(),
        (Some(scope), Prevalence::Usual) => scope_label(scope, by_law),
        (Some(scope), Prevalence::Often) => format!("often {}", scope_label(scope, by_law)),
        (Some(scope), Prevalence::Sometimes) => {
            format!("sometimes, {}", scope_label(scope, by_law))
        }
    }
}

pub fn relation_label(relation: Relation) -> &'static str {
    match relation {
        Relation::Overlap => "Overlap",
        Relation::Collaboration => "Collaboration",
        Relation::Combined => "One person may hold both",
        Relation::Comparison => "Compared",
    }
}

pub fn source_kind_label(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Article => "article",
        SourceKind::GeneralKnowledge => "general knowledge",
        SourceKind::Internal => "internal document",
        SourceKind::Law => "law",
        SourceKind::Classification => "classification",
        SourceKind::Statistics => "statistics",
        SourceKind::Report => "audit report",
        SourceKind::Guidance => "official guidance",
        SourceKind::BlogPost => "blog post (opinion)",
    }
}

/// The name readers know a classification by (`UK SOC 2020`).
pub fn code_system_label(system: CodeSystem) -> &'static str {
    match system {
        CodeSystem::OnetSoc => "O*NET-SOC",
        CodeSystem::Isco08 => "ISCO-08",
        CodeSystem::Esco => "ESCO",
        CodeSystem::UkSoc2020 => "UK SOC 2020",
        CodeSystem::Anzsco => "ANZSCO",
    }
}

pub fn measure_label(measure: Measure) -> &'static str {
    match measure {
        Measure::MedianPay => "Median pay",
        Measure::Employment => "Jobs",
        Measure::Outlook => "Projected growth",
        Measure::Openings => "Openings",
        Measure::Education => "Education",
        Measure::Experience => "Experience",
        Measure::Training => "Training",
        Measure::Hours => "Hours",
    }
}

/// How a source ties a role to an occupation code, in words.
pub fn code_link_label(link: CodeLink) -> &'static str {
    match link {
        CodeLink::Occupation => "the occupation itself",
        CodeLink::AlternativeTitle => "another name of the occupation",
        CodeLink::SampleTitle => "a reported job title",
        CodeLink::Example => "an example in the group",
        CodeLink::GroupTitle => "named by the group's title",
        CodeLink::Group => "the group of its occupation",
    }
}
