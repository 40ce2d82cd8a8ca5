//! The YAML shapes of the data files, exactly as written, with the location of every value.
//!
//! Everything a user can misspell carries its span, so problems found after parsing (an
//! unknown source id, an empty text) can still be reported as `file:line:column`. Role fields
//! are optional here because a role file may extend a role defined elsewhere, changing only
//! some of its fields; what a complete role needs is checked after layering. The JSON
//! Schema printed by `rolecmp schema` is generated from these types, doc comments included;
//! `x-rolecmp-ref` marks the fields that hold another entry's id, so that the references of
//! a file whose structure is broken can still be checked.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::model::{
    CodeLink, CodeSystem, Facing, Focus, Involvement, Measure, Nature, Prevalence, ProfilePart,
    Relation, SourceKind,
};

pub type Text = Spanned<String>;

/// `sources.yaml`: the sources that facts cite.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    pub sources: Vec<RawSource>,
}

/// A source that facts cite by its id.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// Short id that facts cite, such as `handbook-2025`.
    #[schemars(with = "String")]
    pub id: Text,
    #[schemars(with = "String")]
    pub title: Text,
    pub kind: SourceKind,
    /// One sentence on what the source covers.
    #[schemars(with = "String")]
    pub description: Text,
    /// File name of a copy of the source's text (the articles' files).
    #[serde(default)]
    pub location: Option<String>,
    /// Who published it; leave it out when unknown, and it is shown as unknown.
    #[serde(default)]
    pub publisher: Option<String>,
    /// Its public address, as the publisher gives it.
    #[serde(default)]
    pub address: Option<String>,
    /// Where its text can be read when the publisher is unknown (a third-party copy).
    #[serde(default)]
    pub found_at: Option<String>,
    /// When it was published, released or last changed, as the source gives it.
    #[serde(default)]
    pub published: Option<String>,
    /// When, and from what copy, it was read: say what is not known ("stored copy; original
    /// crawl date unknown").
    #[serde(default)]
    pub retrieved: Option<String>,
    /// Its licence: an SPDX id where one exists (`CC-BY-4.0`), else a short name
    /// (`us-gov-public-domain`).
    #[serde(default)]
    pub licence: Option<String>,
    /// What is uncertain or conditional about the licence.
    #[serde(default)]
    pub licence_note: Option<String>,
    /// The attribution text the licence asks for, exactly as the licence gives it.
    #[serde(default)]
    pub attribution: Option<String>,
    /// A file holding the source's text (or the passages facts are drawn from), relative to
    /// this sources file, such as `texts/handbook.txt`. Evidence quoting the source is
    /// checked against it; without it, evidence is taken as given.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub text_file: Option<Text>,
}

/// `industries.yaml`, `areas.yaml`, `glossary.yaml` and `search.yaml`: the shared
/// vocabularies.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VocabularyFile {
    #[serde(default)]
    pub industries: Vec<RawTerm>,
    /// Responsibility areas.
    #[serde(default)]
    pub areas: Vec<RawTerm>,
    /// Abbreviations and what they stand for; search finds either form.
    #[serde(default)]
    pub glossary: Vec<RawGlossaryEntry>,
    /// Occupations of classifications (O*NET-SOC, ISCO-08, ESCO, UK SOC, ANZSCO) that role
    /// files link to in `codes:`, with figures that hold for the whole occupation.
    #[serde(default)]
    pub occupations: Vec<RawOccupation>,
    /// Words that carry no meaning in a search query (who, does, the): a query leaves them out.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub stop_words: Vec<Text>,
    /// Question words that point at a part of a profile: "boss" at the reporting lines.
    #[serde(default)]
    pub intents: Vec<RawIntent>,
    /// Word forms search takes as one word, apart from every other word.
    #[serde(default)]
    pub families: Vec<RawFamily>,
}

/// An occupation or group of a classification.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOccupation {
    /// Short id that role files link to in `codes:`, such as `isco-1330`.
    #[schemars(with = "String")]
    pub id: Text,
    pub system: CodeSystem,
    /// The code as the classification writes it (`11-3021.00`, `1330`).
    #[schemars(with = "String")]
    pub code: Text,
    /// The title as the classification writes it; leave it out when no source gives it.
    #[serde(default)]
    pub title: Option<String>,
    /// The classification's own address for it (ESCO's concept URI).
    #[serde(default)]
    pub address: Option<String>,
    /// Ids of the sources that give the code and title; at least one.
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("x-rolecmp-ref" = "source"))]
    pub sources: Vec<Text>,
    /// Where the sources give the code and title, quoted.
    #[serde(default)]
    #[schemars(with = "Option<RawEvidence>")]
    pub evidence: Option<Spanned<RawEvidence>>,
    /// What the sources here do and do not say about the occupation, for readers.
    #[serde(default)]
    pub note: Option<String>,
    /// Figures and requirements of the whole occupation, each with its period and place.
    #[serde(default)]
    pub facts: Vec<RawOccupationFact>,
}

/// A figure or requirement of an occupation.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOccupationFact {
    pub measure: Measure,
    /// When it holds, as the source dates it ("May 2022", "2022–32").
    #[schemars(with = "String")]
    pub period: Text,
    /// Where it holds ("United States").
    #[schemars(with = "String")]
    pub place: Text,
    /// The figure or requirement in plain words.
    #[schemars(with = "String")]
    pub text: Text,
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("x-rolecmp-ref" = "source"))]
    pub sources: Vec<Text>,
    /// The words of the sources the figure rests on, quoted exactly.
    #[serde(default)]
    #[schemars(with = "Option<RawEvidence>")]
    pub evidence: Option<Spanned<RawEvidence>>,
}

/// Question words and the part of a profile they point at.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawIntent {
    #[schemars(with = "String")]
    pub id: Text,
    /// How a question says it ("boss", "report to"); at least one.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub words: Vec<Text>,
    /// How a fact says it ("report", "answer to"): a fact holding one of these matches.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub mentions: Vec<Text>,
    /// The sections whose facts answer it (as `--section` names them).
    #[serde(default)]
    pub sections: Vec<ProfilePart>,
    /// The kinds of collaboration facts that answer it.
    #[serde(default)]
    pub relations: Vec<Relation>,
    #[serde(default)]
    pub description: Option<String>,
}

/// Forms search takes as one word: related forms the stemmer leaves apart (privacy,
/// private), or one side of words it wrongly joins (experiment, experience).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFamily {
    #[schemars(with = "String")]
    pub id: Text,
    /// The forms, one word each; at least one.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub forms: Vec<Text>,
    #[serde(default)]
    pub description: Option<String>,
}

/// An abbreviation and what it stands for.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawGlossaryEntry {
    #[schemars(with = "String")]
    pub id: Text,
    /// The short form, such as `IoT`.
    #[schemars(with = "String")]
    pub term: Text,
    /// What it stands for, the usual spelling first; at least one.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub expansions: Vec<Text>,
    #[serde(default)]
    pub description: Option<String>,
    /// Ids of the sources that introduce or use the term; at least one.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub sources: Vec<Text>,
    /// Where the sources use the term, quoted.
    #[serde(default)]
    #[schemars(with = "Option<RawEvidence>")]
    pub evidence: Option<Spanned<RawEvidence>>,
}

/// An industry or responsibility area.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    #[schemars(with = "String")]
    pub id: Text,
    /// The name shown in output.
    #[schemars(with = "String")]
    pub label: Text,
    /// Other names it is found by.
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub description: Option<String>,
}

/// A statement and the sources it comes from.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFact {
    /// One statement in plain words.
    #[schemars(with = "String")]
    pub text: Text,
    /// Ids of the sources (from a sources file) the statement comes from; at least one.
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("x-rolecmp-ref" = "source"))]
    pub sources: Vec<Text>,
    /// The words of the sources the statement rests on, quoted exactly.
    #[serde(default)]
    #[schemars(with = "Option<RawEvidence>")]
    pub evidence: Option<Spanned<RawEvidence>>,
}

/// A fact of a responsibility area: a statement, its sources and, where its words hedge more
/// than the area's involvement, how far they give the role the area.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDuty {
    /// One statement in plain words.
    #[schemars(with = "String")]
    pub text: Text,
    /// Ids of the sources (from a sources file) the statement comes from; at least one.
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("x-rolecmp-ref" = "source"))]
    pub sources: Vec<Text>,
    /// The words of the sources the statement rests on, quoted exactly.
    #[serde(default)]
    #[schemars(with = "Option<RawEvidence>")]
    pub evidence: Option<Spanned<RawEvidence>>,
    /// How far this fact's own words give the role the area, when they hedge ("frequently":
    /// often; "in certain businesses": some-firms); without it, the area's involvement.
    /// The matrix cites each source at the strongest involvement of its facts.
    #[serde(default)]
    pub involvement: Option<Involvement>,
}

/// A fact of an industry example, which may name the responsibility areas it alone falls in.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawExampleFact {
    /// One statement in plain words.
    #[schemars(with = "String")]
    pub text: Text,
    /// Ids of the sources (from a sources file) the statement comes from; at least one.
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("x-rolecmp-ref" = "source"))]
    pub sources: Vec<Text>,
    /// The words of the sources the statement rests on, quoted exactly.
    #[serde(default)]
    #[schemars(with = "Option<RawEvidence>")]
    pub evidence: Option<Spanned<RawEvidence>>,
    /// Ids of the responsibility areas this fact alone falls in (`rolecmp list areas`): the
    /// matrix gives the role each "in some firms", citing this fact's sources only. The
    /// example's own `areas:` cite all of its facts.
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("x-rolecmp-ref" = "area"))]
    pub areas: Vec<Text>,
}

/// A position on one axis and the facts behind it.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPosition<T> {
    /// The one-word position; leave it out where the sources disagree or hedge.
    pub primary: Option<T>,
    #[serde(default)]
    pub facts: Vec<RawFact>,
}

/// One reporting line: the role reports to `to`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawReportingLine {
    /// Id of the role reported to.
    #[schemars(with = "String", extend("x-rolecmp-ref" = "role"))]
    pub to: Text,
    /// How common the line is: usual (generally), often, sometimes (in some firms).
    pub prevalence: Prevalence,
    /// Other bosses the source names alongside, as it names them ("another top-level
    /// executive"); shown with the line in diagrams.
    #[serde(default)]
    pub alternative: Option<String>,
    /// The organisations the line holds in, when its sources speak only of them ("US federal
    /// agencies", for a US statute); `prevalence` is then how common it is there. Shown with
    /// the line ("in US federal agencies (by law)") wherever it is drawn or listed.
    #[serde(default)]
    pub scope: Option<String>,
    #[schemars(with = "String")]
    pub text: Text,
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("x-rolecmp-ref" = "source"))]
    pub sources: Vec<Text>,
    /// The words of the sources the statement rests on, quoted exactly.
    #[serde(default)]
    #[schemars(with = "Option<RawEvidence>")]
    pub evidence: Option<Spanned<RawEvidence>>,
}

/// A responsibility area and what it involves for this role.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawResponsibility {
    /// Id of a responsibility area, or its label or an alias (`rolecmp list areas`).
    #[schemars(with = "String", extend("x-rolecmp-ref" = "area"))]
    pub area: Text,
    /// How far the facts give the role this area: responsible (the default for a new area),
    /// often, partly, or some-firms (only in some organizations). Never stronger than the
    /// facts' wording; a fact that hedges more says so with its own `involvement`. Extending
    /// a role, an area left without it keeps the involvement it had.
    #[serde(default)]
    pub involvement: Option<Involvement>,
    #[serde(default)]
    pub facts: Vec<RawDuty>,
    /// Extending a role: drop the facts the role had in this area, keeping only these.
    #[serde(default)]
    pub replace: bool,
}

/// What the role does in one industry.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawIndustryExample {
    /// Id of an industry, or its label or an alias (`rolecmp list industries`).
    #[schemars(with = "String", extend("x-rolecmp-ref" = "industry"))]
    pub industry: Text,
    /// Ids of the responsibility areas the example's duties fall in (`rolecmp list areas`).
    /// The matrix gives the role each of them "in some firms", citing the example's facts.
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("x-rolecmp-ref" = "area"))]
    pub areas: Vec<Text>,
    #[serde(default)]
    pub facts: Vec<RawExampleFact>,
    /// Extending a role: drop the facts the role had for this industry, keeping only these.
    #[serde(default)]
    pub replace: bool,
}

/// An occupation code that a source assigns to the role.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCode {
    /// Id of an occupation (`rolecmp list codes`, or an `occupations.yaml`).
    #[schemars(with = "String", extend("x-rolecmp-ref" = "occupation"))]
    pub occupation: Text,
    /// How the source ties the role to it: occupation (it is the role), alternative-title,
    /// sample-title, example, group-title, or group (of the role's occupation).
    pub link: CodeLink,
    /// The tie in plain words.
    #[schemars(with = "String")]
    pub text: Text,
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("x-rolecmp-ref" = "source"))]
    pub sources: Vec<Text>,
    /// The words of the sources the tie rests on, quoted exactly.
    #[serde(default)]
    #[schemars(with = "Option<RawEvidence>")]
    pub evidence: Option<Spanned<RawEvidence>>,
}

/// How this role and another one work together; written once, shown on both roles.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCollaboration {
    /// Id of the other role.
    #[schemars(with = "String", extend("x-rolecmp-ref" = "role"))]
    pub with: Text,
    pub relation: Relation,
    /// Id of the responsibility area concerned, if any.
    #[serde(default)]
    #[schemars(with = "Option<String>", extend("x-rolecmp-ref" = "area"))]
    pub area: Option<Text>,
    /// How common the source says the overlap is, if it hedges: usual, often, sometimes.
    #[serde(default)]
    pub prevalence: Option<Prevalence>,
    /// The organisations it holds in, when its sources speak only of them ("US federal
    /// agencies"); shown with it in the matrix.
    #[serde(default)]
    pub scope: Option<String>,
    #[schemars(with = "String")]
    pub text: Text,
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("x-rolecmp-ref" = "source"))]
    pub sources: Vec<Text>,
    /// The words of the sources the statement rests on, quoted exactly.
    #[serde(default)]
    #[schemars(with = "Option<RawEvidence>")]
    pub evidence: Option<Spanned<RawEvidence>>,
}

/// A question on which sources disagree, each claim with its own source.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDispute {
    #[schemars(with = "String")]
    pub topic: Text,
    /// Ids of other roles the question concerns; it is shown on their profiles too.
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("x-rolecmp-ref" = "role"))]
    pub with: Vec<Text>,
    /// The disagreement in one short line citing every side, shown at a glance.
    #[serde(default)]
    pub headline: Option<RawFact>,
    #[serde(default)]
    pub claims: Vec<RawFact>,
}

/// A role file (`<id>.yaml`): a whole role, or with `extends:` an overlay that changes some
/// fields of a role defined in an earlier layer (the built-in knowledge base, another folder).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRole {
    /// The role's id; must equal the file name without `.yaml`. A file whose id exists
    /// already replaces that role, unless it says `extends:`.
    #[schemars(with = "String")]
    pub id: Text,
    /// Build on an existing role field by field instead of replacing it: `builtin` (the
    /// built-in role of this id, with what earlier layers did to it), this role's own id (the
    /// role as earlier layers left it), or another role's id (a new role that starts as a
    /// copy of that one's finished form, names aside).
    #[schemars(with = "Option<String>")]
    pub extends: Option<Text>,
    /// With `extends:`, the parts whose earlier content this file drops rather than adds to,
    /// such as `[reporting]`: without it, lists of facts, lines and examples are appended to.
    #[schemars(with = "Option<Vec<Replaced>>")]
    pub replace: Option<Vec<Spanned<Replaced>>>,
    /// Full title, such as "Chief Information Security Officer". Required for a new role.
    #[schemars(with = "Option<String>")]
    pub title: Option<Text>,
    /// Other names the role is found by, the short form first (CISO).
    #[schemars(with = "Option<Vec<String>>")]
    pub aliases: Option<Vec<Text>>,
    /// Abbreviations the role shares with other roles, each of which lists it here too (CDO
    /// for the Chief Data and the Chief Digital Officer): a name shared so finds every role
    /// that has it, and asks which one is meant. `replace: [aliases]` drops these too.
    #[schemars(with = "Option<Vec<String>>")]
    pub shared_aliases: Option<Vec<Text>>,
    /// Short cited statements per dimension for the at-a-glance view.
    pub headlines: Option<RawHeadlines>,
    /// Definition and overview.
    pub summary: Option<Vec<RawFact>>,
    /// What the role is mainly about.
    pub focus: Option<RawPosition<Focus>>,
    /// Strategic or operational.
    pub nature: Option<RawPosition<Nature>>,
    /// Internal or external: whom the things the role owns serve.
    pub facing: Option<RawPosition<Facing>>,
    /// Responsibility areas; with `extends:`, merged with the role's by area, fact by fact.
    pub responsibilities: Option<Vec<RawResponsibility>>,
    /// To whom the role reports; with `extends:`, added to the role's lines.
    pub reporting: Option<Vec<RawReportingLine>>,
    /// Background and qualifications.
    pub background: Option<Vec<RawFact>>,
    /// Occupation codes the sources assign to the role; with `extends:`, added to its codes.
    pub codes: Option<Vec<RawCode>>,
    /// Examples by industry; with `extends:`, merged with the role's by industry, fact by fact.
    pub industries: Option<Vec<RawIndustryExample>>,
    /// Where the role overlaps and works with other roles.
    pub collaboration: Option<Vec<RawCollaboration>>,
    /// Questions on which the sources disagree.
    pub disputes: Option<Vec<RawDispute>>,
}

/// A part of a role that a file extending it starts afresh (`replace: [reporting]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Replaced {
    /// Other names of the role, shared abbreviations included.
    Aliases,
    /// Every dimension of the short statements.
    Headlines,
    Summary,
    /// The focus and its facts.
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

impl Replaced {
    /// The key as written in a role file.
    pub fn key(self) -> &'static str {
        match self {
            Replaced::Aliases => "aliases",
            Replaced::Headlines => "headlines",
            Replaced::Summary => "summary",
            Replaced::Focus => "focus",
            Replaced::Nature => "nature",
            Replaced::Facing => "facing",
            Replaced::Responsibilities => "responsibilities",
            Replaced::Reporting => "reporting",
            Replaced::Background => "background",
            Replaced::Codes => "codes",
            Replaced::Industries => "industries",
            Replaced::Collaboration => "collaboration",
            Replaced::Disputes => "disputes",
        }
    }
}

/// Short cited statements per dimension: what `compare` and `show` print by default. Each is
/// a fact like any other: as hedged as its sources, in a few words.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawHeadlines {
    /// What the role is.
    #[serde(default)]
    pub definition: Vec<RawFact>,
    #[serde(default)]
    pub focus: Vec<RawFact>,
    /// Strategic or operational.
    #[serde(default)]
    pub nature: Vec<RawFact>,
    /// Internal or external orientation.
    #[serde(default)]
    pub facing: Vec<RawFact>,
    /// To whom the role reports.
    #[serde(default)]
    pub reporting: Vec<RawFact>,
    #[serde(default)]
    pub background: Vec<RawFact>,
    /// What the industry examples have in common.
    #[serde(default)]
    pub industries: Vec<RawFact>,
}

/// `evidence:` as written. A quote, or a list of quotes, for an entry with one source; with
/// several sources each quote names its own: `[{source: brief, quote: "..."}]`.
#[derive(Debug, Clone)]
pub enum RawEvidence {
    One(String),
    Many(Vec<Spanned<RawExcerpt>>),
}

/// One quote of a list: bare, or naming the source it is from.
#[derive(Debug, Clone)]
pub enum RawExcerpt {
    Quote(String),
    Cited { source: Text, quote: Text },
}

/// The keys of a quote that names its source.
const EXCERPT_KEYS: &[&str] = &["source", "quote"];

impl<'de> Deserialize<'de> for RawEvidence {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EvidenceVisitor;
        impl<'de> Visitor<'de> for EvidenceVisitor {
            type Value = RawEvidence;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a quote, or a list of quotes")
            }
            fn visit_str<E: de::Error>(self, quote: &str) -> Result<RawEvidence, E> {
                Ok(RawEvidence::One(quote.to_owned()))
            }
            // A plain scalar is a text wherever a text may go (`evidence: 2025`).
            fn visit_u64<E: de::Error>(self, quote: u64) -> Result<RawEvidence, E> {
                Ok(RawEvidence::One(quote.to_string()))
            }
            fn visit_i64<E: de::Error>(self, quote: i64) -> Result<RawEvidence, E> {
                Ok(RawEvidence::One(quote.to_string()))
            }
            fn visit_f64<E: de::Error>(self, quote: f64) -> Result<RawEvidence, E> {
                Ok(RawEvidence::One(quote.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawEvidence, A::Error> {
                let mut excerpts = Vec::new();
                while let Some(excerpt) = seq.next_element()? {
                    excerpts.push(excerpt);
                }
                Ok(RawEvidence::Many(excerpts))
            }
        }
        deserializer.deserialize_any(EvidenceVisitor)
    }
}

impl<'de> Deserialize<'de> for RawExcerpt {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ExcerptVisitor;
        impl<'de> Visitor<'de> for ExcerptVisitor {
            type Value = RawExcerpt;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a quote, or `{source: ID, quote: TEXT}`")
            }
            fn visit_str<E: de::Error>(self, quote: &str) -> Result<RawExcerpt, E> {
                Ok(RawExcerpt::Quote(quote.to_owned()))
            }
            fn visit_u64<E: de::Error>(self, quote: u64) -> Result<RawExcerpt, E> {
                Ok(RawExcerpt::Quote(quote.to_string()))
            }
            fn visit_i64<E: de::Error>(self, quote: i64) -> Result<RawExcerpt, E> {
                Ok(RawExcerpt::Quote(quote.to_string()))
            }
            fn visit_f64<E: de::Error>(self, quote: f64) -> Result<RawExcerpt, E> {
                Ok(RawExcerpt::Quote(quote.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawExcerpt, A::Error> {
                let (mut source, mut quote) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    let slot = match key.as_str() {
                        "source" => &mut source,
                        "quote" => &mut quote,
                        _ => return Err(de::Error::unknown_field(&key, EXCERPT_KEYS)),
                    };
                    if slot.is_some() {
                        return Err(de::Error::duplicate_field(if key == "source" {
                            "source"
                        } else {
                            "quote"
                        }));
                    }
                    *slot = Some(map.next_value::<Text>()?);
                }
                Ok(RawExcerpt::Cited {
                    source: source.ok_or_else(|| de::Error::missing_field("source"))?,
                    quote: quote.ok_or_else(|| de::Error::missing_field("quote"))?,
                })
            }
        }
        deserializer.deserialize_any(ExcerptVisitor)
    }
}

impl JsonSchema for RawEvidence {
    fn schema_name() -> Cow<'static, str> {
        "Evidence".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Short verbatim excerpts of the sources the entry rests on (at most 10 words from an article, 25 from other sources), enough to find the sentence. A quote, or a list of quotes, when the entry has one source; with several sources, a list of `{source: ID, quote: TEXT}`.",
            "anyOf": [
                { "type": "string" },
                {
                    "type": "array",
                    "items": {
                        "anyOf": [
                            { "type": "string" },
                            {
                                "type": "object",
                                "properties": {
                                    "source": {
                                        "description": "Id of the source quoted: one of the entry's sources.",
                                        "type": "string",
                                        "x-rolecmp-ref": "source"
                                    },
                                    "quote": {
                                        "description": "The source's words, exactly; case, spacing, punctuation and the style of quotes and dashes do not matter.",
                                        "type": "string"
                                    }
                                },
                                "required": ["source", "quote"],
                                "additionalProperties": false
                            }
                        ]
                    }
                }
            ]
        })
    }
}
