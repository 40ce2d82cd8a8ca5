//! Pure queries over the knowledge base: each command's answer as a typed report.

pub mod compare;
pub mod graph;
pub mod init;
pub mod list;
pub mod matrix;
pub mod origin;
pub mod search;
pub mod show;
pub mod validate;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::Serialize;

use crate::kb::KnowledgeBase;
use crate::model::{
    CodeLink, Collaboration, Facing, Focus, Headlines, Nature, Occupation, Prevalence, Relation,
    Role, Source, SourceKind,
};
use crate::report::{Cell, Citation, Records, Section as DocSection};

/// The parts of a role profile, selectable with `--section`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    /// Short cited answers, one per dimension: what the default view shows.
    Headlines,
    /// Who the sources involve in each responsibility area (leads, shares, not named).
    Matrix,
    /// Definition and overview of the role.
    Summary,
    /// Primary focus: technology, information, data, ...
    Focus,
    /// Strategic or operational nature of the work.
    Nature,
    /// Internal or external orientation: who uses what the role owns.
    Facing,
    /// Responsibility areas and what each involves.
    Responsibilities,
    /// To whom the role reports, with every variant the sources name.
    Reporting,
    /// Background and qualifications.
    Background,
    /// Occupation codes the sources assign (O*NET-SOC, ISCO-08, ESCO, UK SOC, ANZSCO).
    Codes,
    /// Pay, jobs and entry requirements of the occupations the role's codes link to.
    LabourMarket,
    /// Examples of the role's duties by industry.
    Industries,
    /// Where the role overlaps and works with other roles.
    Collaboration,
    /// Questions on which the sources disagree.
    Disputes,
    /// The sources cited.
    Sources,
}

impl Section {
    pub const ALL: [Section; 15] = [
        Section::Headlines,
        Section::Matrix,
        Section::Summary,
        Section::Focus,
        Section::Nature,
        Section::Facing,
        Section::Responsibilities,
        Section::Reporting,
        Section::Background,
        Section::Codes,
        Section::LabourMarket,
        Section::Industries,
        Section::Collaboration,
        Section::Disputes,
        Section::Sources,
    ];

    /// The name used on the command line and in JSON (`reporting`).
    pub fn id(self) -> &'static str {
        match self {
            Section::Headlines => "headlines",
            Section::Matrix => "matrix",
            Section::Summary => "summary",
            Section::Focus => "focus",
            Section::Nature => "nature",
            Section::Facing => "facing",
            Section::Responsibilities => "responsibilities",
            Section::Reporting => "reporting",
            Section::Background => "background",
            Section::Codes => "codes",
            Section::LabourMarket => "labour-market",
            Section::Industries => "industries",
            Section::Collaboration => "collaboration",
            Section::Disputes => "disputes",
            Section::Sources => "sources",
        }
    }

    /// What the section holds, as a phrase for saying that no source gives it ("the
    /// reporting lines of the CISO").
    pub fn subject(self) -> &'static str {
        match self {
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

    pub fn heading(self) -> &'static str {
        match self {
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
}

impl From<crate::model::ProfilePart> for Section {
    fn from(part: crate::model::ProfilePart) -> Self {
        use crate::model::ProfilePart;
        match part {
            ProfilePart::Headlines => Section::Headlines,
            ProfilePart::Summary => Section::Summary,
            ProfilePart::Focus => Section::Focus,
            ProfilePart::Nature => Section::Nature,
            ProfilePart::Facing => Section::Facing,
            ProfilePart::Responsibilities => Section::Responsibilities,
            ProfilePart::Reporting => Section::Reporting,
            ProfilePart::Background => Section::Background,
            ProfilePart::Codes => Section::Codes,
            ProfilePart::Industries => Section::Industries,
            ProfilePart::Collaboration => Section::Collaboration,
            ProfilePart::Disputes => Section::Disputes,
        }
    }
}

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
            scheme: occupation.system.label(),
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
        let terms = |terms: &[crate::model::Term]| {
            terms
                .iter()
                .map(|t| (t.id.clone(), t.label.clone()))
                .collect()
        };
        // `builtin:` views too, so that a gap analysis names its columns.
        let roles = kb
            .roles
            .iter()
            .chain(&kb.shipped)
            .map(|r| (r.id.clone(), r.title.clone()));
        let short = kb
            .roles
            .iter()
            .chain(&kb.shipped)
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
        }
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

/// How much a profile or comparison says: one screen, or every fact of its sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum View {
    /// Headlines, the responsibility matrix and one line per disagreement.
    Glance,
    /// Every fact of the selected sections.
    Full,
}

/// Which sections a query shows, and in how much detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    sections: BTreeSet<Section>,
    pub view: View,
}

impl Selection {
    /// `--section` values in detail, as given; `--full`, every section in detail; nothing, the
    /// at-a-glance view. `--industry` narrows, never replaces: at a glance it adds that
    /// industry's examples to the view.
    pub fn new(sections: &[Section], industry: Option<&str>, full: bool) -> Self {
        let detail = |sections: BTreeSet<Section>| Self {
            sections,
            view: View::Full,
        };
        if !sections.is_empty() {
            return detail(sections.iter().copied().chain([Section::Sources]).collect());
        }
        if full {
            return detail(Section::ALL.into());
        }
        let mut glance: BTreeSet<Section> = [
            Section::Headlines,
            Section::Matrix,
            Section::Disputes,
            Section::Sources,
        ]
        .into();
        if industry.is_some() {
            glance.insert(Section::Industries);
        }
        Self {
            sections: glance,
            view: View::Glance,
        }
    }

    pub fn has(&self, section: Section) -> bool {
        self.sections.contains(&section)
    }

    /// The selection without `section`.
    #[must_use]
    pub fn without(mut self, section: Section) -> Self {
        self.sections.remove(&section);
        self
    }

    pub fn sections(&self) -> impl Iterator<Item = Section> + '_ {
        self.sections.iter().copied()
    }
}

/// A role with only the selected sections (and industry) kept, for typed output.
pub fn narrowed(
    kb: &KnowledgeBase,
    role: &Role,
    selection: &Selection,
    industry: Option<&str>,
) -> Role {
    let keep = |section| selection.has(section);
    let mut role = role.clone();
    role.collaboration = collaboration_of(kb, &role);
    role.disputes = disputes_of(kb, &role);
    if keep(Section::Headlines) {
        fill_headlines(kb, &mut role);
    } else {
        role.headlines = Headlines::default();
    }
    if !keep(Section::Summary) {
        role.summary.clear();
    }
    if !keep(Section::Focus) {
        role.focus = None;
    }
    if !keep(Section::Nature) {
        role.nature = None;
    }
    if !keep(Section::Facing) {
        role.facing = None;
    }
    if !keep(Section::Responsibilities) {
        role.responsibilities.clear();
    }
    if !keep(Section::Reporting) {
        role.reporting.clear();
    }
    if !keep(Section::Background) {
        role.background.clear();
    }
    if !keep(Section::Codes) {
        role.codes.clear();
    }
    if !keep(Section::Industries) {
        role.industries.clear();
    }
    if let Some(industry) = industry {
        role.industries
            .retain(|example| example.industry == industry);
    }
    if !keep(Section::Collaboration) {
        role.collaboration.clear();
    }
    if !keep(Section::Disputes) {
        role.disputes.clear();
    }
    if selection.view == View::Glance {
        // At a glance a disagreement is its one-line headline; --full has every claim.
        for dispute in &mut role.disputes {
            if dispute.headline.is_some() {
                dispute.claims.clear();
            }
        }
    }
    role
}

/// A role file need not write headlines (a company's new role rarely does): a dimension
/// without one shows the facts it would sum up, whole, rather than an empty cell; industry
/// examples each with their industry's name. A company layer over a built-in role that adds
/// facts to a dimension without writing its headline has them shown beside the reference's
/// headline, which cannot sum them up.
fn fill_headlines(kb: &KnowledgeBase, role: &mut Role) {
    let all = dimension_facts(kb, role);
    let own = kb
        .shipped_version(role)
        .filter(|shipped| shipped.id != role.id)
        .map(|shipped| {
            let own = origin::only(role, Some(shipped), origin::Origin::Company);
            (dimension_facts(kb, &own), own.headlines)
        });
    let headlines = &mut role.headlines;
    let slots = [
        &mut headlines.definition,
        &mut headlines.focus,
        &mut headlines.nature,
        &mut headlines.facing,
        &mut headlines.reporting,
        &mut headlines.background,
        &mut headlines.industries,
    ];
    for (index, (headline, facts)) in slots.into_iter().zip(all).enumerate() {
        if headline.is_empty() {
            *headline = facts;
        } else if let Some((own, written)) = &own
            && headline_rows(written)[index].1.is_empty()
        {
            headline.extend(own[index].iter().cloned());
        }
    }
}

/// The facts each headline dimension sums up, in the order of [`headline_rows`].
fn dimension_facts(kb: &KnowledgeBase, role: &Role) -> [Vec<crate::model::Fact>; 7] {
    let facts = |position: Option<&Vec<crate::model::Fact>>| position.cloned().unwrap_or_default();
    let reporting = role
        .reporting
        .iter()
        .map(crate::model::ReportingLine::claim)
        .collect();
    let examples = role
        .industries
        .iter()
        .flat_map(|example| {
            let industry = KnowledgeBase::label(&kb.industries, &example.industry);
            example.facts.iter().map(move |fact| crate::model::Fact {
                text: format!("{industry}: {}", fact.text),
                sources: fact.sources.clone(),
                evidence: fact.evidence.clone(),
            })
        })
        .collect();
    [
        role.summary.clone(),
        facts(role.focus.as_ref().map(|p| &p.facts)),
        facts(role.nature.as_ref().map(|p| &p.facts)),
        facts(role.facing.as_ref().map(|p| &p.facts)),
        reporting,
        role.background.clone(),
        examples,
    ]
}

/// A role's collaboration facts: its own, and those other roles state about it, turned round
/// so that `with` always names the other role. Pair facts are written once in the data.
pub fn collaboration_of(kb: &KnowledgeBase, role: &Role) -> Vec<Collaboration> {
    role.collaboration
        .iter()
        .cloned()
        .chain(crate::model::mirrored(&kb.roles, &role.id))
        .collect()
}

/// A role's disputes: its own, then those other roles record `with` it.
pub fn disputes_of(kb: &KnowledgeBase, role: &Role) -> Vec<crate::model::Dispute> {
    role.disputes
        .iter()
        .cloned()
        .chain(crate::model::shared_disputes(&kb.roles, &role.id))
        .collect()
}

/// The sources cited anywhere in `roles`, in the order of the sources file.
pub fn cited_sources(kb: &KnowledgeBase, roles: &[Role]) -> Vec<Source> {
    let labels = Labels::new(kb);
    let mut cited = BTreeSet::new();
    for role in roles {
        each_fact(&labels, role, &mut |_, _, _, sources| {
            cited.extend(sources.iter().map(String::as_str));
        });
    }
    kb.sources
        .iter()
        .filter(|source| cited.contains(source.id.as_str()))
        .cloned()
        .collect()
}

/// The sources a report lists: those its (narrowed) roles cite or, when the sources are the
/// only section asked for (`--section sources`), those the roles' whole profiles cite, since
/// a list of what nothing shown cites would be empty.
pub fn listed_sources(
    kb: &KnowledgeBase,
    roles: &[&Role],
    shown: &[Role],
    selection: &Selection,
    industry: Option<&str>,
) -> Vec<Source> {
    if selection.sections().ne([Section::Sources]) {
        return cited_sources(kb, shown);
    }
    let whole = Selection::new(&Section::ALL, industry, true);
    let profiles: Vec<Role> = roles
        .iter()
        .map(|role| narrowed(kb, role, &whole, industry))
        .collect();
    cited_sources(kb, &profiles)
}

/// One fact of a role with where it sits: the section and, within it, the topic.
#[derive(Debug, Clone, Serialize)]
pub struct PlacedFact {
    pub section: Section,
    /// The area, industry, reporting target, related role or dispute the fact is about.
    pub topic: Option<String>,
    pub text: String,
    pub sources: Vec<String>,
}

/// Every fact of a role, in profile order, each placed in its section.
pub fn facts_of(labels: &Labels, role: &Role) -> Vec<PlacedFact> {
    let mut placed = Vec::new();
    each_fact(labels, role, &mut |section, topic, text, sources| {
        placed.push(PlacedFact {
            section,
            topic: topic.map(str::to_owned),
            text: text.to_owned(),
            sources: sources.to_vec(),
        });
    });
    placed
}

/// Calls `visit` with every fact of a role, in profile order: its section, its topic (the
/// area, industry, related role or dispute it is about), its text and its sources. Nothing is
/// copied, so a search over thousands of roles allocates only for what it keeps.
pub fn each_fact<'a>(
    labels: &'a Labels,
    role: &'a Role,
    visit: &mut dyn FnMut(Section, Option<&'a str>, &'a str, &'a [String]),
) {
    each_cited(labels, role, &mut |section, topic, fact| {
        visit(section, topic, fact.text, fact.sources);
    });
}

/// [`each_fact`], each fact with its evidence.
pub fn each_cited<'a>(
    labels: &'a Labels,
    role: &'a Role,
    visit: &mut dyn FnMut(Section, Option<&'a str>, Cited<'a>),
) {
    for (dimension, facts) in headline_rows(&role.headlines) {
        for fact in facts {
            visit(Section::Headlines, Some(dimension), fact.into());
        }
    }
    for fact in &role.summary {
        visit(Section::Summary, None, fact.into());
    }
    let positions = [
        (
            Section::Focus,
            role.focus
                .as_ref()
                .map(|p| (p.primary.map(focus_label), &p.facts)),
        ),
        (
            Section::Nature,
            role.nature
                .as_ref()
                .map(|p| (p.primary.map(nature_label), &p.facts)),
        ),
        (
            Section::Facing,
            role.facing
                .as_ref()
                .map(|p| (p.primary.map(facing_label), &p.facts)),
        ),
    ];
    for (section, position) in positions {
        if let Some((label, facts)) = position {
            for fact in facts {
                visit(section, label, fact.into());
            }
        }
    }
    for item in &role.responsibilities {
        for fact in &item.facts {
            visit(
                Section::Responsibilities,
                Some(labels.area(&item.area)),
                fact.into(),
            );
        }
    }
    for line in &role.reporting {
        visit(Section::Reporting, Some(labels.role(&line.to)), line.into());
    }
    for fact in &role.background {
        visit(Section::Background, None, fact.into());
    }
    for code in &role.codes {
        visit(
            Section::Codes,
            Some(labels.code_topic(&code.occupation)),
            code.into(),
        );
    }
    for example in &role.industries {
        for fact in &example.facts {
            visit(
                Section::Industries,
                Some(labels.industry(&example.industry)),
                fact.into(),
            );
        }
    }
    for link in &role.collaboration {
        visit(
            Section::Collaboration,
            Some(labels.role(&link.with)),
            link.into(),
        );
    }
    for dispute in &role.disputes {
        each_dispute_fact(dispute, &mut |topic, fact| {
            visit(Section::Disputes, Some(topic), fact);
        });
    }
}

/// Calls `visit` with each fact of a dispute, headline first, and the dispute's topic.
pub fn each_dispute_fact<'a>(
    dispute: &'a crate::model::Dispute,
    visit: &mut dyn FnMut(&'a str, Cited<'a>),
) {
    if let Some(headline) = &dispute.headline {
        visit(&dispute.topic, headline.into());
    }
    for claim in &dispute.claims {
        visit(&dispute.topic, claim.into());
    }
}

/// A fact as [`each_cited`] gives it, borrowed from the role.
#[derive(Debug, Clone, Copy)]
pub struct Cited<'a> {
    pub text: &'a str,
    pub sources: &'a [String],
    pub evidence: &'a [crate::model::Excerpt],
}

impl<'a> From<&'a crate::model::Fact> for Cited<'a> {
    fn from(fact: &'a crate::model::Fact) -> Self {
        Self {
            text: &fact.text,
            sources: &fact.sources,
            evidence: &fact.evidence,
        }
    }
}

impl<'a> From<&'a crate::model::ReportingLine> for Cited<'a> {
    fn from(line: &'a crate::model::ReportingLine) -> Self {
        Self {
            text: &line.text,
            sources: &line.sources,
            evidence: &line.evidence,
        }
    }
}

impl<'a> From<&'a crate::model::Code> for Cited<'a> {
    fn from(code: &'a crate::model::Code) -> Self {
        Self {
            text: &code.text,
            sources: &code.sources,
            evidence: &code.evidence,
        }
    }
}

impl<'a> From<&'a Collaboration> for Cited<'a> {
    fn from(link: &'a Collaboration) -> Self {
        Self {
            text: &link.text,
            sources: &link.sources,
            evidence: &link.evidence,
        }
    }
}

/// The dimensions of the at-a-glance view, each with its row name and a role's statements.
pub fn headline_rows(headlines: &Headlines) -> [(&'static str, &[crate::model::Fact]); 7] {
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

/// The long-form table of every fact of `roles`: what CSV gives for a profile, a comparison
/// and search results alike, so the three load into the same spreadsheet columns.
pub fn fact_records(labels: &Labels, roles: &[Role]) -> Records {
    let rows = roles
        .iter()
        .flat_map(|role| {
            facts_of(labels, role)
                .into_iter()
                .map(move |fact| placed_record(&role.id, &fact))
        })
        .collect();
    Records {
        header: FACT_HEADER.to_vec(),
        rows,
    }
}

/// [`fact_records`] with one more column, `evidence`: each fact's quotes with their sources,
/// `brief: “…”; guide: “…”`. Rows of matrix cells, which quote nothing, leave it empty.
pub fn fact_records_with_evidence(
    labels: &Labels,
    roles: &[Role],
    matrix: Option<&matrix::Matrix>,
) -> Records {
    let mut rows = Vec::new();
    for role in roles {
        each_cited(labels, role, &mut |section, topic, fact| {
            rows.push(vec![
                role.id.clone(),
                section.id().to_owned(),
                topic.unwrap_or_default().to_owned(),
                fact.text.to_owned(),
                fact.sources.join(", "),
                quoted(fact.evidence),
            ]);
        });
    }
    for mut row in matrix.map(matrix::Matrix::fact_rows).unwrap_or_default() {
        row.push(String::new());
        rows.push(row);
    }
    Records {
        header: FACT_HEADER.iter().copied().chain(["evidence"]).collect(),
        rows,
    }
}

/// Evidence as one line of text: `brief: “…”; guide: “…”`.
pub fn quoted(evidence: &[crate::model::Excerpt]) -> String {
    evidence
        .iter()
        .map(|excerpt| format!("{}: \u{201c}{}\u{201d}", excerpt.source, excerpt.quote))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The columns of [`fact_records`].
pub const FACT_HEADER: [&str; 5] = ["role", "section", "topic", "text", "sources"];

/// One row of [`fact_records`].
pub fn placed_record(role: &str, fact: &PlacedFact) -> Vec<String> {
    vec![
        role.to_owned(),
        fact.section.id().to_owned(),
        fact.topic.clone().unwrap_or_default(),
        fact.text.clone(),
        fact.sources.join(", "),
    ]
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
        SourceKind::Law => "law",
        SourceKind::Classification => "classification",
        SourceKind::Statistics => "statistics",
        SourceKind::Report => "audit report",
        SourceKind::Guidance => "official guidance",
        SourceKind::BlogPost => "blog post (opinion)",
    }
}

/// What a reader needs to find a source again, one line each: title, kind, publisher,
/// address, dates, and what it covers. A published work's unknown publisher or address is
/// said to be unknown.
pub fn source_lines(source: &Source) -> Vec<String> {
    let published = source.is_published();
    let mut lines = vec![format!(
        "{} ({})",
        source.title,
        source_kind_label(source.kind)
    )];
    match &source.publisher {
        Some(publisher) => lines.push(format!("Publisher: {publisher}")),
        None if published => lines.push("Publisher: unknown".to_owned()),
        None => {}
    }
    match (&source.address, &source.found_at) {
        (Some(address), _) => lines.push(format!("Address: {address}")),
        (None, Some(found)) => lines.push(format!(
            "Address: unknown; its text is found at {found} (a third-party site)"
        )),
        (None, None) if published => lines.push("Address: unknown".to_owned()),
        (None, None) => {}
    }
    if let (Some(address), Some(found)) = (&source.address, &source.found_at)
        && address != found
    {
        lines.push(format!("Text found at: {found}"));
    }
    if let Some(date) = &source.published {
        lines.push(format!("Published: {date}"));
    }
    if let Some(date) = &source.retrieved {
        lines.push(format!("Retrieved: {date}"));
    }
    lines.push(source.description.clone());
    lines
}

/// The licence lines of a source: the licence, what is uncertain about it, and the
/// attribution text it asks for.
pub fn licence_lines(source: &Source) -> Vec<String> {
    let mut lines = Vec::new();
    match &source.licence {
        Some(licence) => lines.push(licence.clone()),
        None if source.is_published() => lines.push("not stated".to_owned()),
        None => {}
    }
    if let Some(note) = &source.licence_note {
        lines.push(note.clone());
    }
    if let Some(attribution) = &source.attribution {
        lines.push(format!("Attribution: {attribution}"));
    }
    lines
}

/// The sources as `list sources` gives them: what is needed to find each again, what it
/// covers, and on what terms it may be used.
pub fn sources_listing(sources: &[Source]) -> DocSection {
    if sources.is_empty() {
        return DocSection::new(Section::Sources.heading()).note("No source is recorded.");
    }
    let rows = sources
        .iter()
        .map(|source| {
            vec![
                Cell::label(&source.id),
                lines_cell(source_lines(source)),
                lines_cell(licence_lines(source)),
            ]
        })
        .collect();
    DocSection::new(Section::Sources.heading()).table(&["Id", "Source", "Licence"], rows)
}

/// A cell of uncited lines.
fn lines_cell(lines: Vec<String>) -> Cell {
    Cell {
        lines: lines
            .into_iter()
            .map(|text| crate::model::Fact::new(text, &[]))
            .collect(),
    }
}

/// An occupation the shown roles' codes link to, with the roles that link to it and how:
/// its figures are shown under it, never under a role.
#[derive(Debug, Clone, Serialize)]
pub struct OccupationView {
    #[serde(flatten)]
    pub occupation: Occupation,
    pub linked: Vec<LinkedRole>,
}

/// A role whose codes link to an occupation, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkedRole {
    pub role: String,
    pub link: CodeLink,
}

/// The occupations the codes of `roles` link to, in the order the roles name them.
pub fn occupations_of(kb: &KnowledgeBase, roles: &[&Role]) -> Vec<OccupationView> {
    let mut views: Vec<OccupationView> = Vec::new();
    let mut at: BTreeMap<&str, usize> = BTreeMap::new();
    for role in roles {
        for code in &role.codes {
            let Some(occupation) = kb.occupations.iter().find(|o| o.id == code.occupation) else {
                continue;
            };
            let index = *at.entry(occupation.id.as_str()).or_insert_with(|| {
                views.push(OccupationView {
                    occupation: occupation.clone(),
                    linked: Vec::new(),
                });
                views.len() - 1
            });
            let linked = LinkedRole {
                role: role.id.clone(),
                link: code.link,
            };
            if !views[index].linked.contains(&linked) {
                views[index].linked.push(linked);
            }
        }
    }
    views
}

/// The occupations a report shows for `roles` (when it shows their codes or the labour
/// market), with what the labour market says of what is missing for `whose`, and `sources`
/// with those the shown occupations cite added.
pub fn occupations_shown(
    kb: &KnowledgeBase,
    roles: &[&Role],
    selection: &Selection,
    whose: &str,
    sources: &mut Vec<Source>,
) -> (Vec<OccupationView>, String) {
    let (codes, figures) = (
        selection.has(Section::Codes),
        selection.has(Section::LabourMarket),
    );
    if !codes && !figures {
        return (Vec::new(), String::new());
    }
    let occupations = occupations_of(kb, roles);
    let silence = if figures {
        labour_market_silence(kb, &occupations, &Labels::new(kb), whose)
    } else {
        String::new()
    };
    with_sources(
        kb,
        sources,
        occupation_sources(&occupations, codes, figures),
    );
    (occupations, silence)
}

/// The sources that the shown occupations cite: with the codes, every linked occupation's
/// sources for its code and title; with the labour market, those of the occupations that
/// have figures, and of their figures.
pub fn occupation_sources(
    views: &[OccupationView],
    codes: bool,
    figures: bool,
) -> impl Iterator<Item = &String> {
    views
        .iter()
        .filter(move |view| codes || (figures && !view.occupation.facts.is_empty()))
        .flat_map(move |view| {
            let facts = view
                .occupation
                .facts
                .iter()
                .filter(move |_| figures)
                .flat_map(|fact| &fact.sources);
            view.occupation.sources.iter().chain(facts)
        })
}

/// `sources` with those of `extra` ids added, in the order of the sources file.
pub fn with_sources<'a>(
    kb: &KnowledgeBase,
    sources: &mut Vec<Source>,
    extra: impl IntoIterator<Item = &'a String>,
) {
    let mut wanted: BTreeSet<String> = sources.iter().map(|s| s.id.clone()).collect();
    let before = wanted.len();
    wanted.extend(extra.into_iter().cloned());
    if wanted.len() != before {
        *sources = kb
            .sources
            .iter()
            .filter(|source| wanted.contains(source.id.as_str()))
            .cloned()
            .collect();
    }
}

/// The pay and labour-market section: each occupation with figures, headed by the
/// occupation and the roles linked to it, then its figures with their periods and places. A
/// figure is the whole occupation's, so it never sits under a role's name. `silence` (from
/// [`labour_market_silence`]) says what is missing: all figures, or pay.
pub fn labour_market_section(
    views: &[OccupationView],
    labels: &Labels,
    silence: &str,
) -> DocSection {
    let mut section = DocSection::new(Section::LabourMarket.heading());
    let figured: Vec<&OccupationView> = views
        .iter()
        .filter(|view| !view.occupation.facts.is_empty())
        .collect();
    if figured.is_empty() {
        return section.note(silence);
    }
    for view in figured {
        let occupation = &view.occupation;
        let how: Vec<String> = view
            .linked
            .iter()
            .map(|linked| format!("{} ({})", labels.role(&linked.role), linked.link.label()))
            .collect();
        section = section.note(format!(
            "{}. Linked to: {}. The figures are the whole occupation's, not one role's.",
            OccupationName::of(occupation).full(),
            how.join(", ")
        ));
        let rows = occupation
            .facts
            .iter()
            .map(|fact| {
                vec![
                    Cell::label(fact.measure.label()),
                    Cell::label(&fact.period),
                    Cell::label(&fact.place),
                    Cell {
                        lines: vec![crate::model::Fact {
                            text: fact.text.clone(),
                            sources: fact.sources.clone(),
                            evidence: fact.evidence.clone(),
                        }],
                    },
                ]
            })
            .collect();
        section = section.table(&["Measure", "Period", "Place", "Figure"], rows);
        if let Some(note) = &occupation.note {
            section = section.note(note.clone());
        }
    }
    if !silence.is_empty() {
        section = section.note(silence);
    }
    section
}

/// The figures of `views` as rows of [`fact_records`] (with `evidence`, of
/// [`fact_records_with_evidence`]): the role column is empty, since a figure is an
/// occupation's, and the topic names the occupation, the measure, the period and the place.
pub fn occupation_records(views: &[OccupationView], evidence: bool) -> Vec<Vec<String>> {
    views
        .iter()
        .flat_map(|view| {
            let name = OccupationName::of(&view.occupation).full();
            view.occupation.facts.iter().map(move |fact| {
                let mut row = vec![
                    String::new(),
                    Section::LabourMarket.id().to_owned(),
                    format!(
                        "{name}; {}; {}; {}",
                        fact.measure.label(),
                        fact.period,
                        fact.place
                    ),
                    fact.text.clone(),
                    fact.sources.join(", "),
                ];
                if evidence {
                    row.push(quoted(&fact.evidence));
                }
                row
            })
        })
        .collect()
}

/// What the labour-market section says of what it lacks, for `whose` (a role's title, "these
/// roles"): when no linked occupation has figures, which occupations were looked at and
/// which have figures; when some have figures but none gives pay, which occupations do; and
/// nothing when pay is there.
pub fn labour_market_silence(
    kb: &KnowledgeBase,
    views: &[OccupationView],
    labels: &Labels,
    whose: &str,
) -> String {
    let count = kb.sources.len();
    let figured = views.iter().any(|view| !view.occupation.facts.is_empty());
    let paid = |occupation: &Occupation| {
        occupation
            .facts
            .iter()
            .any(|fact| fact.measure == crate::model::Measure::MedianPay)
    };
    if views.iter().any(|view| paid(&view.occupation)) {
        return String::new();
    }
    let linked: Vec<String> = views
        .iter()
        .map(|view| OccupationName::of(&view.occupation).full())
        .collect();
    let mut note = if linked.is_empty() {
        format!(
            "None of the {count} sources recorded here assigns {whose} an occupation code, so none gives figures for an occupation that includes it."
        )
    } else if figured {
        format!(
            "None of the {count} sources recorded here gives pay for the occupations linked to {whose}."
        )
    } else {
        format!(
            "None of the {count} sources recorded here gives pay or labour-market figures for the occupations linked to {whose}: {}.",
            linked.join("; ")
        )
    };
    let everyone: Vec<&Role> = kb.roles.iter().collect();
    let linked_anywhere = occupations_of(kb, &everyone);
    let elsewhere: Vec<String> = kb
        .occupations
        .iter()
        .filter(|occupation| {
            if figured {
                paid(occupation)
            } else {
                !occupation.facts.is_empty()
            }
        })
        .map(|occupation| {
            let name = OccupationName::of(occupation).full();
            let roles: Vec<&str> = linked_anywhere
                .iter()
                .filter(|view| view.occupation.id == occupation.id)
                .flat_map(|view| &view.linked)
                .map(|linked| labels.role(&linked.role))
                .collect();
            if roles.is_empty() {
                name
            } else {
                format!("{name}, linked to the {}", roles.join(", the "))
            }
        })
        .collect();
    if !elsewhere.is_empty() {
        let what = if figured { "Pay is" } else { "Figures are" };
        let _ = write!(note, " {what} recorded for {}.", elsewhere.join("; "));
    }
    note
}

/// What each citation of a report stands for, listed once at its end: the id and title, then
/// what sort of source it is and its address, as the sources file records them. The longer
/// description is for `rolecmp list sources`.
pub fn citations(sources: &[Source]) -> Vec<Citation> {
    sources
        .iter()
        .map(|source| Citation {
            id: source.id.clone(),
            title: source.title.clone(),
            details: citation_details(source),
        })
        .collect()
}

/// What a document's list of sources says of one, after its id and title: its kind, who
/// published it, its address (or that it is unknown, and where its text is found), its dates,
/// its licence and the attribution that licence asks for. An address stands alone, so that a
/// document can make it a link.
fn citation_details(source: &Source) -> Vec<String> {
    let published = source.is_published();
    let mut details = vec![source_kind_label(source.kind).to_owned()];
    match &source.publisher {
        Some(publisher) => details.push(format!("published by {publisher}")),
        None if published => details.push("publisher unknown".to_owned()),
        None => {}
    }
    match (&source.address, &source.found_at) {
        (Some(address), _) => details.push(address.clone()),
        (None, Some(found)) => {
            details.push("address unknown; its text is found on a third-party site".to_owned());
            details.push(found.clone());
        }
        (None, None) if published => details.push("address unknown".to_owned()),
        (None, None) => {}
    }
    if let Some(date) = &source.published {
        details.push(format!("published: {date}"));
    }
    if let Some(date) = &source.retrieved {
        details.push(format!("retrieved: {date}"));
    }
    if let Some(licence) = &source.licence {
        details.push(format!("licence: {licence}"));
    }
    if let Some(attribution) = &source.attribution {
        details.push(format!("attribution: {attribution}"));
    }
    details
}

/// A report's list of sources: those it cites, unless its sections leave the sources out.
pub fn cited_if_shown(sections: &[Section], sources: &[Source]) -> Vec<Citation> {
    if sections.contains(&Section::Sources) {
        citations(sources)
    } else {
        Vec::new()
    }
}

/// The hint at a glance: how to see more than one screen.
pub const MORE: &str =
    "More: --full, or --section NAME; every source in full: rolecmp list sources.";

/// At a glance: the disagreements of `roles`, one cited line each; `sources` are those the
/// report cites.
pub fn dispute_lines<'a>(roles: impl Iterator<Item = &'a Role>, sources: &[Source]) -> DocSection {
    let heading = DocSection::new(Section::Disputes.heading());
    let lines = dispute_headlines(roles);
    if lines.is_empty() {
        heading.note(no_disputes(sources))
    } else {
        heading.facts(&lines)
    }
}

/// What an empty disagreements section says: that the sources agree only where two or more
/// of them speak, since a single source cannot disagree with another.
pub fn no_disputes(sources: &[Source]) -> String {
    match sources {
        [] => "No source is cited here, so there is no disagreement to record.".to_owned(),
        [only] => format!(
            "Only one source is cited here ({}), so there is no disagreement to record.",
            only.id
        ),
        _ => "The sources agree on everything recorded here.".to_owned(),
    }
}

/// One cited line per disagreement ("Topic: headline"), each once even when several of
/// `roles` record it.
pub fn dispute_headlines<'a>(roles: impl Iterator<Item = &'a Role>) -> Vec<crate::model::Fact> {
    let mut seen = BTreeSet::new();
    let mut lines = Vec::new();
    for dispute in roles.flat_map(|role| &role.disputes) {
        let line = match &dispute.headline {
            Some(headline) => crate::model::Fact {
                text: if dispute.topic.ends_with('?') {
                    format!("{} {}", dispute.topic, headline.text)
                } else {
                    format!("{}: {}", dispute.topic, headline.text)
                },
                sources: headline.sources.clone(),
                evidence: headline.evidence.clone(),
            },
            None => crate::model::Fact::new(
                format!("{} (see --section disputes)", dispute.topic),
                &dispute
                    .claims
                    .iter()
                    .flat_map(|claim| claim.sources.iter().cloned())
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect::<Vec<_>>(),
            ),
        };
        if seen.insert(line.text.clone()) {
            lines.push(line);
        }
    }
    lines
}

/// The column name for a role: its first alias (CTO) when it has one, else its title.
pub fn short_name(role: &Role) -> String {
    role.aliases
        .first()
        .cloned()
        .unwrap_or_else(|| role.title.clone())
}

/// A table's empty cell, so that a missing entry reads as "nothing said" rather than a gap.
pub fn nothing() -> Cell {
    Cell::label("—")
}
