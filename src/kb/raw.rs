//! The YAML shapes of the data files, exactly as written, with the location of every value.
//!
//! Everything a user can misspell carries its span, so problems found after parsing (an
//! unknown source id, an empty text) can still be reported as `file:line:column`. Role fields
//! are optional here because a role file may be an overlay that changes only some fields of
//! a role defined elsewhere; what a complete role needs is checked after layering.

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::model::{Facing, Focus, Nature, Prevalence, Relation, SourceKind};

pub type Text = Spanned<String>;

/// `data/sources.yaml`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    pub sources: Vec<RawSource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: Text,
    pub title: Text,
    pub kind: SourceKind,
    pub description: Text,
    #[serde(default)]
    pub location: Option<String>,
}

/// `data/industries.yaml` and `data/areas.yaml`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VocabularyFile {
    #[serde(default)]
    pub industries: Vec<RawTerm>,
    #[serde(default)]
    pub areas: Vec<RawTerm>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    pub id: Text,
    pub label: Text,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFact {
    pub text: Text,
    #[serde(default)]
    pub sources: Vec<Text>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPosition<T> {
    pub primary: T,
    #[serde(default)]
    pub facts: Vec<RawFact>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReportingLine {
    pub to: Text,
    pub prevalence: Prevalence,
    pub text: Text,
    #[serde(default)]
    pub sources: Vec<Text>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawResponsibility {
    pub area: Text,
    #[serde(default)]
    pub facts: Vec<RawFact>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndustryExample {
    pub industry: Text,
    #[serde(default)]
    pub facts: Vec<RawFact>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCollaboration {
    pub with: Text,
    pub relation: Relation,
    #[serde(default)]
    pub area: Option<Text>,
    pub text: Text,
    #[serde(default)]
    pub sources: Vec<Text>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDispute {
    pub topic: Text,
    #[serde(default)]
    pub claims: Vec<RawFact>,
}

/// `data/roles/<id>.yaml`: a whole role, or an overlay of some fields of one.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRole {
    pub id: Text,
    pub title: Option<Text>,
    pub aliases: Option<Vec<String>>,
    pub summary: Option<Vec<RawFact>>,
    pub focus: Option<RawPosition<Focus>>,
    pub nature: Option<RawPosition<Nature>>,
    pub facing: Option<RawPosition<Facing>>,
    pub responsibilities: Option<Vec<RawResponsibility>>,
    pub reporting: Option<Vec<RawReportingLine>>,
    pub background: Option<Vec<RawFact>>,
    pub industries: Option<Vec<RawIndustryExample>>,
    pub collaboration: Option<Vec<RawCollaboration>>,
    pub disputes: Option<Vec<RawDispute>>,
}
