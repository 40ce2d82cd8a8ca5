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

use serde::Serialize;

use crate::kb::KnowledgeBase;
use crate::model::{
    Collaboration, Facing, Focus, Headlines, Nature, Prevalence, Relation, Role, Source, SourceKind,
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
    pub const ALL: [Section; 13] = [
        Section::Headlines,
        Section::Matrix,
        Section::Summary,
        Section::Focus,
        Section::Nature,
        Section::Facing,
        Section::Responsibilities,
        Section::Reporting,
        Section::Background,
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
            Section::Industries => "industries",
            Section::Collaboration => "collaboration",
            Section::Disputes => "disputes",
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
}

impl Labels {
    pub fn new(kb: &KnowledgeBase) -> Self {
        let terms = |terms: &[crate::model::Term]| {
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
    // A role no file changed has no facts of its own to add; asking for its built-in
    // version would only make the roles as shipped.
    let own = (!role.is_built_in_only())
        .then(|| kb.shipped_version(role))
        .flatten()
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
            let industry = kb
                .industries
                .iter()
                .find(|term| term.id == example.industry)
                .map_or(example.industry.as_str(), |term| term.label.as_str());
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

fn source_kind_label(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Article => "article",
        SourceKind::GeneralKnowledge => "general knowledge",
        SourceKind::Internal => "internal document",
    }
}

/// The sources section every report ends with, so each `[id]` citation can be looked up.
pub fn sources_section(sources: &[Source]) -> DocSection {
    let rows = sources
        .iter()
        .map(|source| {
            vec![
                Cell::label(&source.id),
                Cell::label(&source.title),
                Cell::label(source_kind_label(source.kind)),
                Cell::label(&source.description),
            ]
        })
        .collect();
    DocSection::new(Section::Sources.heading()).table(&["Id", "Title", "Kind", "About"], rows)
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
            details: std::iter::once(source_kind_label(source.kind).to_owned())
                .chain(source.location.clone())
                .collect(),
        })
        .collect()
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

/// A table's empty cell, so that a missing entry reads as "nothing said" rather than a gap.
pub fn nothing() -> Cell {
    Cell::label("—")
}
