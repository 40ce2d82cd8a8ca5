//! The typed knowledge base: what a role is, once its files are loaded and checked.
//!
//! These types are the checked domain; the YAML shapes they come from live in `kb::raw`.
//! Every piece of knowledge is a [`Fact`]: a text plus the ids of the sources it comes from,
//! and the [`Excerpt`]s of those sources that a reader can check it against.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// A statement from the knowledge base and the sources it is taken from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Fact {
    pub text: String,
    pub sources: Vec<String>,
    /// Short verbatim excerpts of the sources that pin the statement to its sentences.
    pub evidence: Vec<Excerpt>,
    /// On a responsibility's fact, how strongly its own words give the role the area when
    /// they say so (`often` for "frequently"); otherwise the area's involvement holds.
    #[serde(default)]
    pub involvement: Option<Involvement>,
    /// On an industry example's fact, the responsibility areas this fact alone falls in, so
    /// that the matrix cites for an area only the sources of the facts that speak to it.
    #[serde(default)]
    pub areas: Vec<String>,
}

/// Written by hand so that readers' formats (JSON, YAML) leave out a hedge a fact does not
/// state, while the embedded binary form, which has no field names, keeps every field.
impl Serialize for Fact {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let hedge = self.involvement.is_some() || !serializer.is_human_readable();
        let tagged = !self.areas.is_empty() || !serializer.is_human_readable();
        let mut fact =
            serializer.serialize_struct("Fact", 3 + usize::from(hedge) + usize::from(tagged))?;
        fact.serialize_field("text", &self.text)?;
        fact.serialize_field("sources", &self.sources)?;
        fact.serialize_field("evidence", &self.evidence)?;
        if hedge {
            fact.serialize_field("involvement", &self.involvement)?;
        } else {
            fact.skip_field("involvement")?;
        }
        if tagged {
            fact.serialize_field("areas", &self.areas)?;
        } else {
            fact.skip_field("areas")?;
        }
        fact.end()
    }
}

impl Fact {
    /// A statement without evidence, such as a line a query derives from other facts.
    pub fn new(text: impl Into<String>, sources: &[String]) -> Self {
        Self {
            text: text.into(),
            sources: sources.to_vec(),
            evidence: Vec::new(),
            involvement: None,
            areas: Vec::new(),
        }
    }
}

/// A few words of a source, quoted exactly, that a cited entry rests on: enough to find the
/// sentence in the source's text, never a passage (the articles allow no more than 10 words).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Excerpt {
    /// Id of the source quoted; one of the entry's sources.
    pub source: String,
    pub quote: String,
}

/// Where knowledge comes from: what a reader needs to find it again, and the terms on which
/// its facts (and any passages stored from it) may be used.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub kind: SourceKind,
    pub description: String,
    /// File name of the copy of the source's text, when there is one (the articles' files).
    pub location: Option<String>,
    /// Who published it; absent when unknown.
    pub publisher: Option<String>,
    /// Its public address, as the publisher gives it; absent when unknown.
    pub address: Option<String>,
    /// An address where its text can be read when the publisher is unknown: a copy on a
    /// third-party site, which says nothing of who wrote it.
    pub found_at: Option<String>,
    /// When it was published, released or last changed, as the source itself gives it.
    pub published: Option<String>,
    /// When and from what copy it was read.
    pub retrieved: Option<String>,
    /// Its licence: an SPDX id where one exists (`CC-BY-4.0`), else a short name
    /// (`us-gov-public-domain`).
    pub licence: Option<String>,
    /// What is uncertain or conditional about the licence.
    pub licence_note: Option<String>,
    /// The attribution text the licence asks for, exactly.
    pub attribution: Option<String>,
    /// The file holding the source's text, stored with the data (a path relative to the
    /// sources file that names it), which evidence quoting the source is checked against.
    pub text_file: Option<String>,
}

impl Source {
    /// Whether the source is a published work, whose publisher, address and date a reader
    /// would want: then a missing one is shown as unknown rather than left out.
    pub fn is_published(&self) -> bool {
        !matches!(
            self.kind,
            SourceKind::GeneralKnowledge | SourceKind::Internal
        )
    }
}

/// What sort of source a fact rests on, so readers can weigh it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// A published article.
    Article,
    /// Widely known facts added by the maintainers, not taken from a cited text.
    GeneralKnowledge,
    /// A company's own documents, for roles a company describes itself.
    Internal,
    /// A statute, such as a section of the United States Code.
    Law,
    /// An official classification of occupations (O*NET, ESCO, ISCO-08, UK SOC, ANZSCO).
    Classification,
    /// Official labour statistics, such as the BLS Occupational Outlook Handbook.
    Statistics,
    /// An official audit or study, such as a GAO report.
    Report,
    /// Official guidance, such as a government council's handbook.
    Guidance,
    /// A blog post: one author's view, weighed as an opinion.
    BlogPost,
}

/// An entry of a shared vocabulary (industries, responsibility areas).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Term {
    pub id: String,
    pub label: String,
    pub aliases: Vec<String>,
    pub description: Option<String>,
}

/// An abbreviation and what it stands for, so that search finds either form.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GlossaryEntry {
    pub id: String,
    /// The short form, such as `IoT`.
    pub term: String,
    /// What it stands for, the usual spelling first ("Internet of Things").
    pub expansions: Vec<String>,
    pub description: Option<String>,
    /// Where the sources introduce or use the term.
    pub sources: Vec<String>,
    /// Excerpts of those sources that use the term.
    pub evidence: Vec<Excerpt>,
}

/// The words of search queries: what a query's words mean beyond themselves. Kept in data
/// (`search.yaml`), so that a company can add its own.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SearchWords {
    /// Words that carry no meaning in a query ("who", "does", "the"), in lower case.
    pub stop_words: Vec<String>,
    pub intents: Vec<Intent>,
    pub families: Vec<WordFamily>,
}

/// Question words that point at a part of a profile: "boss" at the reporting lines, "skills"
/// at the background.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Intent {
    pub id: String,
    /// How a question says it; each stands for the intent rather than being looked for.
    pub words: Vec<String>,
    /// How a fact says it: a fact holding one of these matches.
    pub mentions: Vec<String>,
    /// The parts of a profile whose facts answer it.
    pub sections: Vec<ProfilePart>,
    /// The kinds of collaboration facts that answer it (`combined`: one person, both posts).
    pub relations: Vec<Relation>,
    pub description: Option<String>,
}

/// Word forms search takes as one word, kept apart from every other word: related forms the
/// stemmer leaves apart (privacy, private), or one side of words it wrongly joins
/// (experiment, experience).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WordFamily {
    pub id: String,
    /// The forms, in lower case.
    pub forms: Vec<String>,
    pub description: Option<String>,
}

/// The parts of a role profile that hold facts, as the search vocabulary names them (the
/// same names as `--section`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum ProfilePart {
    Headlines,
    Summary,
    Focus,
    Nature,
    Facing,
    Responsibilities,
    Reporting,
    Background,
    Codes,
    Industries,
    Collaboration,
    Disputes,
}

/// The parts of a role profile, selectable with `--section`; their headings are the
/// report's (`report::labels::heading`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
}

impl From<ProfilePart> for Section {
    fn from(part: ProfilePart) -> Self {
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

/// What a role is mainly about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Focus {
    Technology,
    Information,
    Data,
    Security,
    Product,
    Finance,
    Operations,
    Business,
}

/// Whether a role's work leans to long-term strategy or to running things day to day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Nature {
    Strategic,
    Operational,
    Both,
}

/// Whom the things a role owns serve: the company's own staff or its customers and partners.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Facing {
    Internal,
    External,
    Both,
}

/// A position on one axis (focus, nature, facing) with the facts behind it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Position<T> {
    /// The one-word position, absent where the sources disagree or hedge too much for one
    /// word to be true; the role's headline for the axis then says what they do say.
    pub primary: Option<T>,
    pub facts: Vec<Fact>,
}

/// How common a reporting line is, in the words of its source.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Prevalence {
    /// "generally", "usually"
    Usual,
    /// "often", "frequently"
    Often,
    /// "in some firms", "may"
    Sometimes,
}

/// One reporting line a source names: this role reports to `to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportingLine {
    /// Id of the role reported to.
    pub to: String,
    pub prevalence: Prevalence,
    /// The other bosses the source names in the same breath ("or another top-level
    /// executive"), so that a diagram label says no more than the source.
    pub alternative: Option<String>,
    /// The organisations the line holds in, when its sources speak only of them ("US federal
    /// agencies"); `prevalence` is then how common it is there.
    pub scope: Option<String>,
    pub text: String,
    pub sources: Vec<String>,
    pub evidence: Vec<Excerpt>,
}

impl ReportingLine {
    /// The line as a cited statement, with its evidence.
    pub fn claim(&self) -> Fact {
        Fact {
            text: self.text.clone(),
            sources: self.sources.clone(),
            evidence: self.evidence.clone(),
            involvement: None,
            areas: Vec::new(),
        }
    }
}

/// How far the sources give a role a responsibility area, as strong as their wording.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Involvement {
    /// The sources state the duty without hedging ("the CIO oversees ...").
    #[default]
    Responsible,
    /// Often, not always ("often", "frequently").
    Often,
    /// Some of the area, not all of it ("some responsibility for", "but not the stack").
    Partly,
    /// Only in some organizations ("in certain businesses", "may").
    SomeFirms,
}

/// A classification that gives occupations codes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
pub enum CodeSystem {
    /// O*NET-SOC, the US Department of Labor's taxonomy built on the US SOC (`11-3021.00`).
    #[serde(rename = "onet-soc")]
    OnetSoc,
    /// ISCO-08, the ILO's International Standard Classification of Occupations (`1330`).
    #[serde(rename = "isco-08")]
    Isco08,
    /// ESCO, the European Commission's occupations (a URI and a code such as `1330.2`).
    #[serde(rename = "esco")]
    Esco,
    /// The UK's Standard Occupational Classification 2020 (`1137`).
    #[serde(rename = "uk-soc-2020")]
    UkSoc2020,
    /// ANZSCO, the Australian and New Zealand Standard Classification of Occupations.
    #[serde(rename = "anzsco")]
    Anzsco,
}

impl CodeSystem {
    /// The id used in data files, JSON and CSV (`isco-08`).
    pub fn id(self) -> &'static str {
        match self {
            CodeSystem::OnetSoc => "onet-soc",
            CodeSystem::Isco08 => "isco-08",
            CodeSystem::Esco => "esco",
            CodeSystem::UkSoc2020 => "uk-soc-2020",
            CodeSystem::Anzsco => "anzsco",
        }
    }
}

/// An occupation (or a group of occupations) of a classification, with what the sources
/// say about it as a whole: pay, jobs, entry requirements. A figure belongs to the
/// occupation it was measured for, never to one role the occupation includes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Occupation {
    pub id: String,
    pub system: CodeSystem,
    pub code: String,
    /// The title as the classification writes it; absent when no stored source gives it.
    pub title: Option<String>,
    /// The classification's own address for it (ESCO's concept URI).
    pub address: Option<String>,
    /// The sources that give the code and title.
    pub sources: Vec<String>,
    /// Excerpts of those sources that give them.
    pub evidence: Vec<Excerpt>,
    /// A maintainers' note on what the sources here do and do not say about it.
    pub note: Option<String>,
    pub facts: Vec<OccupationFact>,
}

/// What a figure or requirement of an occupation measures.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    /// Median pay.
    MedianPay,
    /// Number of jobs.
    Employment,
    /// Projected change in employment.
    Outlook,
    /// Projected openings.
    Openings,
    /// Typical education to enter the occupation.
    Education,
    /// Work experience asked for.
    Experience,
    /// Training on the job.
    Training,
    /// Working hours.
    Hours,
}

/// A cited figure or requirement of one occupation, with the period and the place it holds
/// for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OccupationFact {
    pub measure: Measure,
    /// When it holds: "May 2022", "2022–32".
    pub period: String,
    /// Where it holds: "United States".
    pub place: String,
    pub text: String,
    pub sources: Vec<String>,
    pub evidence: Vec<Excerpt>,
}

/// How a source ties a role to an occupation code.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum CodeLink {
    /// The occupation is the role itself (ESCO's "chief information officer").
    Occupation,
    /// The role's title is one of the occupation's other names (an alternative label or
    /// title, "also called").
    AlternativeTitle,
    /// The role's title is among the job titles reported for the occupation.
    SampleTitle,
    /// The role is given as an example of the occupations in a group.
    Example,
    /// The group's own title names the role.
    GroupTitle,
    /// The group that the role's occupation belongs to.
    Group,
}

/// An occupation code a source assigns to the role, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Code {
    /// Id of the occupation in the shared vocabulary.
    pub occupation: String,
    pub link: CodeLink,
    pub text: String,
    pub sources: Vec<String>,
    pub evidence: Vec<Excerpt>,
}

/// A responsibility area (from the shared vocabulary) and what it involves for this role.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Responsibility {
    /// Id of the area in the shared vocabulary.
    pub area: String,
    pub involvement: Involvement,
    pub facts: Vec<Fact>,
}

/// What a role does in one industry.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndustryExample {
    /// Id of the industry in the shared vocabulary.
    pub industry: String,
    /// Ids of the responsibility areas the example's duties fall in. An example is of some
    /// organizations, so the matrix gives the role each of these areas "in some firms".
    pub areas: Vec<String>,
    pub facts: Vec<Fact>,
}

/// How two roles relate.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// Both roles carry part of the same responsibility.
    Overlap,
    /// The roles work together or one works closely with the other.
    Collaboration,
    /// One person may hold both posts.
    Combined,
    /// A source sets the roles side by side (how they differ, why they are confused) without
    /// saying that they overlap or work together.
    Comparison,
}

/// A fact about how this role and another one work together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collaboration {
    /// Id of the other role.
    pub with: String,
    pub relation: Relation,
    /// Id of the responsibility area concerned, when there is one.
    pub area: Option<String>,
    /// How common the sources say the overlap is, when they hedge ("often overlap").
    pub prevalence: Option<Prevalence>,
    /// The organisations it holds in, when its sources speak only of them ("US federal
    /// agencies").
    pub scope: Option<String>,
    pub text: String,
    pub sources: Vec<String>,
    pub evidence: Vec<Excerpt>,
}

impl Collaboration {
    /// The fact as a cited statement, with its evidence.
    pub fn claim(&self) -> Fact {
        Fact {
            text: self.text.clone(),
            sources: self.sources.clone(),
            evidence: self.evidence.clone(),
            involvement: None,
            areas: Vec::new(),
        }
    }
}

/// A question on which the sources disagree, with each claim kept beside its source.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Dispute {
    pub topic: String,
    /// Other roles the question concerns: it is shown on their profiles too.
    pub with: Vec<String>,
    /// The disagreement in one line, citing every side, for the at-a-glance view.
    pub headline: Option<Fact>,
    pub claims: Vec<Fact>,
}

/// Short cited statements, one set per dimension, that answer at a glance. They are data,
/// written as hedged as the facts they stand for, never prose cut short.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Headlines {
    /// What the role is.
    pub definition: Vec<Fact>,
    pub focus: Vec<Fact>,
    pub nature: Vec<Fact>,
    pub facing: Vec<Fact>,
    pub reporting: Vec<Fact>,
    pub background: Vec<Fact>,
    pub industries: Vec<Fact>,
}

/// Every role, source and vocabulary entry rolecmp knows, checked and ready to query.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct KnowledgeBase {
    pub sources: Vec<Source>,
    pub industries: Vec<Term>,
    pub areas: Vec<Term>,
    pub roles: Vec<Role>,
    pub glossary: Vec<GlossaryEntry>,
    pub occupations: Vec<Occupation>,
    /// What the words of a search query mean (`search.yaml`).
    #[serde(default)]
    pub search_words: SearchWords,
    /// The built-in roles as shipped, whatever is layered over them: never listed, found
    /// only by a `builtin:` name.
    #[serde(skip)]
    pub shipped: Shipped,
}

/// The `file` of the built-in knowledge base's layer.
pub const BUILT_IN: &str = "built-in";

/// The built-in layer as users name it: `extends: builtin` in a role file, `builtin:cio` for
/// the role as shipped, `--origin builtin`.
pub const BUILTIN: &str = "builtin";

/// The id of role `id` as shipped: `builtin:cio`.
pub fn shipped_id(id: &str) -> String {
    format!("{BUILTIN}:{id}")
}

/// The id a role as shipped was shipped under: `builtin:cio` → `cio`; `None` for any other id.
pub fn shipped_under(id: &str) -> Option<&str> {
    id.strip_prefix(BUILTIN)?.strip_prefix(':')
}

/// The built-in roles as shipped, whatever is layered over them, each with the id
/// `builtin:ID` and the facts other built-in roles state about it: made the first time they
/// are asked for, by `make`, since most commands never name one.
#[derive(Debug, Clone, Default)]
pub struct Shipped {
    make: Option<fn() -> Vec<Role>>,
    roles: OnceLock<Vec<Role>>,
}

impl Shipped {
    pub fn new(make: fn() -> Vec<Role>) -> Self {
        Self {
            make: Some(make),
            roles: OnceLock::new(),
        }
    }

    /// The roles as shipped, made now if they were not yet; none without the built-in
    /// knowledge base.
    pub fn roles(&self) -> &[Role] {
        match self.make {
            Some(make) => self.roles.get_or_init(make),
            None => &[],
        }
    }

    /// The roles as shipped if something asked for them already, else none.
    pub fn made(&self) -> &[Role] {
        self.roles.get().map_or(&[], Vec::as_slice)
    }
}

/// One file (or the built-in knowledge base) that shaped a role, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layer {
    /// "built-in", or the path of the file.
    pub file: String,
    pub how: Layering,
    /// The role this layer started from when it is another role (`extends: cio` in
    /// `acme-cio.yaml`).
    pub base: Option<String>,
    /// The parts whose earlier content the layer dropped (`replace: [reporting]`), and
    /// `area:ID` / `industry:ID` for one entry's facts (`replace: true`).
    pub replaced: Vec<String>,
}

/// What a role file did to the role of its id. A file replaces a role that exists already
/// unless it says `extends:`, as a tealdeer custom page replaces the shipped one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layering {
    /// The first definition of the role.
    Defines,
    /// A whole new definition: nothing of the earlier layers is kept.
    Replaces,
    /// Changes field by field; what the file does not set is kept.
    Extends,
}

impl std::fmt::Display for Layer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.how {
            Layering::Defines => f.write_str(&self.file)?,
            Layering::Replaces => write!(f, "replaced by {}", self.file)?,
            Layering::Extends => match &self.base {
                Some(base) => write!(f, "{} extending {base}", self.file)?,
                None => write!(f, "extended by {}", self.file)?,
            },
        }
        if !self.replaced.is_empty() {
            write!(f, " (replacing {})", self.replaced.join(", "))?;
        }
        Ok(())
    }
}

/// One role profile.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Role {
    pub id: String,
    pub title: String,
    pub aliases: Vec<String>,
    /// Abbreviations the role shares with other roles (CDO: the Chief Data and the Chief
    /// Digital Officer): they find the role only when no other role has them, and otherwise
    /// an error naming every role that does.
    pub shared_aliases: Vec<String>,
    /// Where the role was loaded from, in layering order: the built-in knowledge base and
    /// the files that define, replace or extend it.
    pub origin: Vec<Layer>,
    /// One-screen answers per dimension.
    pub headlines: Headlines,
    pub summary: Vec<Fact>,
    pub focus: Option<Position<Focus>>,
    pub nature: Option<Position<Nature>>,
    pub facing: Option<Position<Facing>>,
    pub responsibilities: Vec<Responsibility>,
    pub reporting: Vec<ReportingLine>,
    pub background: Vec<Fact>,
    /// Occupation codes the sources assign to the role.
    pub codes: Vec<Code>,
    pub industries: Vec<IndustryExample>,
    pub collaboration: Vec<Collaboration>,
    pub disputes: Vec<Dispute>,
}

impl Role {
    /// For a role as shipped (`builtin:cio`), whatever is layered over it, the id it was
    /// shipped under (`cio`).
    pub fn shipped_under(&self) -> Option<&str> {
        shipped_under(&self.id)
    }

    /// Whether every layer of the role is the built-in knowledge base: no file changed it.
    pub fn is_built_in_only(&self) -> bool {
        self.origin.iter().all(|layer| layer.file == BUILT_IN)
    }
}

/// The collaboration facts other roles state about role `id`, turned round so that `with`
/// names the other role: a pair fact is written once in the data and shown on both roles.
pub fn mirrored<'a>(roles: &'a [Role], id: &'a str) -> impl Iterator<Item = Collaboration> + 'a {
    roles
        .iter()
        .filter(move |role| role.id != id)
        .flat_map(move |role| {
            role.collaboration
                .iter()
                .filter(move |link| link.with == id)
                .map(move |link| Collaboration {
                    with: role.id.clone(),
                    ..link.clone()
                })
        })
}

/// The disputes other roles record `with` role `id`: a question two roles share is written
/// once and shown on both.
pub fn shared_disputes<'a>(roles: &'a [Role], id: &'a str) -> impl Iterator<Item = Dispute> + 'a {
    roles
        .iter()
        .filter(move |role| role.id != id)
        .flat_map(|role| &role.disputes)
        .filter(move |dispute| dispute.with.iter().any(|with| with == id))
        .cloned()
}
