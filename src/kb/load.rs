//! Turns data files into a checked [`KnowledgeBase`]: parse, check references, layer, convert.
//!
//! All problems are collected and reported together, each with its file, line and column,
//! so a user fixing a role file sees everything in one run.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::raw::{self, RawFact, RawRole, Text};
use super::{Diagnostic, InvalidData, KnowledgeBase, lookup, yaml};
use crate::model::{
    Collaboration, Dispute, Fact, IndustryExample, Position, ReportingLine, Responsibility, Role,
    Source, Term,
};

/// One data file's text and where it came from.
#[derive(Debug, Clone)]
pub struct DataFile {
    /// The path shown in messages (relative for built-in files: `data/roles/cto.yaml`).
    pub name: String,
    pub text: String,
    /// "built-in" or the path of the file, shown by `list`.
    pub origin: String,
}

enum Parsed {
    Sources(raw::SourcesFile),
    Vocabulary(raw::VocabularyFile),
    Role(Box<RawRole>),
}

/// The kind of a data file follows from its name: `sources.yaml`, `industries.yaml` and
/// `areas.yaml` are shared lists; any other YAML file describes one role.
fn parse(file: &DataFile) -> Result<Parsed, Diagnostic> {
    let base = Path::new(&file.name)
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    match base.as_str() {
        "sources.yaml" | "sources.yml" => yaml::parse(&file.name, &file.text).map(Parsed::Sources),
        "industries.yaml" | "industries.yml" | "areas.yaml" | "areas.yml" => {
            yaml::parse(&file.name, &file.text).map(Parsed::Vocabulary)
        }
        _ => yaml::parse(&file.name, &file.text).map(|role| Parsed::Role(Box::new(role))),
    }
}

/// The file name a role file should have, from its path: `roles/cto.yaml` → `cto`.
fn file_stem(name: &str) -> String {
    Path::new(name)
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Ids defined anywhere in the loaded files, for checking references.
#[derive(Default)]
struct Ids {
    sources: BTreeSet<String>,
    industries: BTreeSet<String>,
    areas: BTreeSet<String>,
    roles: BTreeSet<String>,
}

/// Checks one file's references and texts, appending what is wrong.
struct Checker<'a> {
    file: &'a str,
    ids: &'a Ids,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Checker<'_> {
    fn report(&mut self, at: &Text, message: String) {
        self.diagnostics
            .push(Diagnostic::at(self.file, at, message));
    }

    fn text(&mut self, text: &Text, what: &str) {
        if text.value.trim().is_empty() {
            self.report(text, format!("{what} is empty"));
        }
    }

    fn reference(&mut self, id: &Text, kind: &str, known: &BTreeSet<String>) {
        if known.contains(&id.value) {
            return;
        }
        let hint = match lookup::suggest(&id.value, known.iter().map(String::as_str)) {
            Some(suggestion) => format!(" (did you mean '{suggestion}'?)"),
            None => format!(" (known {kind} ids: {})", join(known)),
        };
        self.report(id, format!("unknown {kind} '{}'{hint}", id.value));
    }

    fn cited(&mut self, text: &Text, sources: &[Text]) {
        self.text(text, "text");
        if sources.is_empty() {
            self.report(
                text,
                "fact has no source: add `sources: [<source id>]`".to_owned(),
            );
        }
        for source in sources {
            self.reference(source, "source", &self.ids.sources);
        }
    }

    fn facts(&mut self, facts: &[RawFact]) {
        for fact in facts {
            self.cited(&fact.text, &fact.sources);
        }
    }

    fn role(&mut self, role: &RawRole) {
        let stem = file_stem(self.file);
        if role.id.value != stem {
            self.report(
                &role.id,
                format!(
                    "role id '{}' differs from the file name '{stem}': rename the file to '{}.yaml' or change the id",
                    role.id.value, role.id.value
                ),
            );
        }
        if let Some(title) = &role.title {
            self.text(title, "title");
        }
        for facts in [&role.summary, &role.background].into_iter().flatten() {
            self.facts(facts);
        }
        if let Some(focus) = &role.focus {
            self.facts(&focus.facts);
        }
        if let Some(nature) = &role.nature {
            self.facts(&nature.facts);
        }
        if let Some(facing) = &role.facing {
            self.facts(&facing.facts);
        }
        for item in role.responsibilities.iter().flatten() {
            self.reference(&item.area, "area", &self.ids.areas);
            self.facts(&item.facts);
        }
        for line in role.reporting.iter().flatten() {
            self.reference(&line.to, "role", &self.ids.roles);
            self.cited(&line.text, &line.sources);
        }
        for example in role.industries.iter().flatten() {
            self.reference(&example.industry, "industry", &self.ids.industries);
            self.facts(&example.facts);
        }
        for link in role.collaboration.iter().flatten() {
            self.reference(&link.with, "role", &self.ids.roles);
            if let Some(area) = &link.area {
                self.reference(area, "area", &self.ids.areas);
            }
            self.cited(&link.text, &link.sources);
        }
        for dispute in role.disputes.iter().flatten() {
            self.text(&dispute.topic, "topic");
            self.facts(&dispute.claims);
        }
    }
}

fn join(ids: &BTreeSet<String>) -> String {
    ids.iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Loads files in order; a later file overrides what an earlier one defined with the same id.
pub fn load(files: &[DataFile]) -> Result<KnowledgeBase, InvalidData> {
    let mut diagnostics = Vec::new();
    let mut sources: BTreeMap<String, Source> = BTreeMap::new();
    let mut industries: BTreeMap<String, Term> = BTreeMap::new();
    let mut areas: BTreeMap<String, Term> = BTreeMap::new();
    let mut role_files: Vec<(&DataFile, RawRole)> = Vec::new();
    let mut ids = Ids::default();

    for file in files {
        match parse(file) {
            Err(diagnostic) => diagnostics.push(diagnostic),
            Ok(Parsed::Sources(parsed)) => {
                let mut seen = BTreeSet::new();
                for source in parsed.sources {
                    if !seen.insert(source.id.value.clone()) {
                        diagnostics.push(Diagnostic::at(
                            &file.name,
                            &source.id,
                            format!("source '{}' is defined twice", source.id.value),
                        ));
                    }
                    ids.sources.insert(source.id.value.clone());
                    sources.insert(source.id.value.clone(), source_from(source));
                }
            }
            Ok(Parsed::Vocabulary(parsed)) => {
                for (terms, known, into) in [
                    (parsed.industries, &mut ids.industries, &mut industries),
                    (parsed.areas, &mut ids.areas, &mut areas),
                ] {
                    let mut seen = BTreeSet::new();
                    for term in terms {
                        if !seen.insert(term.id.value.clone()) {
                            diagnostics.push(Diagnostic::at(
                                &file.name,
                                &term.id,
                                format!("'{}' is defined twice", term.id.value),
                            ));
                        }
                        known.insert(term.id.value.clone());
                        into.insert(term.id.value.clone(), term_from(term));
                    }
                }
            }
            Ok(Parsed::Role(role)) => {
                ids.roles.insert(role.id.value.clone());
                role_files.push((file, *role));
            }
        }
    }

    for (file, role) in &role_files {
        Checker {
            file: &file.name,
            ids: &ids,
            diagnostics: &mut diagnostics,
        }
        .role(role);
    }

    let mut layered: BTreeMap<String, (RawRole, &DataFile)> = BTreeMap::new();
    for (file, role) in role_files {
        match layered.get_mut(&role.id.value) {
            Some((base, origin)) => {
                overlay(base, role);
                *origin = file;
            }
            None => {
                layered.insert(role.id.value.clone(), (role, file));
            }
        }
    }

    let mut roles = Vec::new();
    for (raw, file) in layered.into_values() {
        match role_from(raw, file) {
            Ok(role) => roles.push(role),
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }

    if diagnostics.is_empty() {
        Ok(KnowledgeBase {
            sources: sources.into_values().collect(),
            industries: industries.into_values().collect(),
            areas: areas.into_values().collect(),
            roles,
        })
    } else {
        Err(InvalidData(diagnostics))
    }
}

/// Applies an overlay file to a role: each field the overlay sets replaces the base's, except
/// responsibilities and industries, which merge by area and industry id so that an overlay can
/// add one industry without repeating the rest.
fn overlay(base: &mut RawRole, top: RawRole) {
    macro_rules! replace {
        ($($field:ident),*) => { $( if top.$field.is_some() { base.$field = top.$field; } )* };
    }
    replace!(
        title,
        aliases,
        summary,
        focus,
        nature,
        facing,
        reporting,
        background,
        collaboration,
        disputes
    );
    if let Some(items) = top.responsibilities {
        merge_by_key(
            base.responsibilities.get_or_insert_with(Vec::new),
            items,
            |item| item.area.value.clone(),
        );
    }
    if let Some(items) = top.industries {
        merge_by_key(
            base.industries.get_or_insert_with(Vec::new),
            items,
            |item| item.industry.value.clone(),
        );
    }
}

fn merge_by_key<T>(base: &mut Vec<T>, items: Vec<T>, key: impl Fn(&T) -> String) {
    for item in items {
        match base.iter_mut().find(|existing| key(existing) == key(&item)) {
            Some(existing) => *existing = item,
            None => base.push(item),
        }
    }
}

fn values(texts: Vec<Text>) -> Vec<String> {
    texts.into_iter().map(|text| text.value).collect()
}

fn fact(raw: RawFact) -> Fact {
    Fact {
        text: raw.text.value.trim().to_owned(),
        sources: values(raw.sources),
    }
}

fn facts(raw: Option<Vec<RawFact>>) -> Vec<Fact> {
    raw.unwrap_or_default().into_iter().map(fact).collect()
}

fn position<T>(raw: Option<raw::RawPosition<T>>) -> Option<Position<T>> {
    raw.map(|raw| Position {
        primary: raw.primary,
        facts: raw.facts.into_iter().map(fact).collect(),
    })
}

fn source_from(raw: raw::RawSource) -> Source {
    Source {
        id: raw.id.value,
        title: raw.title.value,
        kind: raw.kind,
        description: raw.description.value,
        location: raw.location,
    }
}

fn term_from(raw: raw::RawTerm) -> Term {
    Term {
        id: raw.id.value,
        label: raw.label.value,
        aliases: raw.aliases,
        description: raw.description,
    }
}

fn role_from(raw: RawRole, file: &DataFile) -> Result<Role, Diagnostic> {
    let Some(title) = raw.title else {
        return Err(Diagnostic::at(
            &file.name,
            &raw.id,
            format!(
                "role '{}' has no title: no file defines it fully (add `title:` and `summary:`)",
                raw.id.value
            ),
        ));
    };
    Ok(Role {
        id: raw.id.value,
        title: title.value,
        aliases: raw.aliases.unwrap_or_default(),
        origin: file.origin.clone(),
        summary: facts(raw.summary),
        focus: position(raw.focus),
        nature: position(raw.nature),
        facing: position(raw.facing),
        responsibilities: raw
            .responsibilities
            .unwrap_or_default()
            .into_iter()
            .map(|item| Responsibility {
                area: item.area.value,
                facts: item.facts.into_iter().map(fact).collect(),
            })
            .collect(),
        reporting: raw
            .reporting
            .unwrap_or_default()
            .into_iter()
            .map(|line| ReportingLine {
                to: line.to.value,
                prevalence: line.prevalence,
                text: line.text.value.trim().to_owned(),
                sources: values(line.sources),
            })
            .collect(),
        background: facts(raw.background),
        industries: raw
            .industries
            .unwrap_or_default()
            .into_iter()
            .map(|item| IndustryExample {
                industry: item.industry.value,
                facts: item.facts.into_iter().map(fact).collect(),
            })
            .collect(),
        collaboration: raw
            .collaboration
            .unwrap_or_default()
            .into_iter()
            .map(|link| Collaboration {
                with: link.with.value,
                relation: link.relation,
                area: link.area.map(|area| area.value),
                text: link.text.value.trim().to_owned(),
                sources: values(link.sources),
            })
            .collect(),
        disputes: raw
            .disputes
            .unwrap_or_default()
            .into_iter()
            .map(|dispute| Dispute {
                topic: dispute.topic.value,
                claims: dispute.claims.into_iter().map(fact).collect(),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> DataFile {
        DataFile {
            name: name.to_owned(),
            text: text.to_owned(),
            origin: "test".to_owned(),
        }
    }

    fn sources() -> DataFile {
        file(
            "sources.yaml",
            "sources:\n  - id: brief\n    title: T\n    kind: article\n    description: D\n",
        )
    }

    fn problems(files: &[DataFile]) -> Vec<String> {
        match load(files) {
            Ok(_) => Vec::new(),
            Err(InvalidData(diagnostics)) => diagnostics.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn reports_every_problem_with_its_file_line_and_column() {
        let role = "id: cto\ntitle: Chief\nsummary:\n  - text: A fact.\n    sources: [brefi]\n  - text: Uncited.\n  - text: \"  \"\n    sources: [brief]\n";
        assert_eq!(
            problems(&[sources(), file("roles/cto.yaml", role)]),
            [
                "roles/cto.yaml:5:15: unknown source 'brefi' (did you mean 'brief'?)",
                "roles/cto.yaml:6:11: fact has no source: add `sources: [<source id>]`",
                "roles/cto.yaml:7:11: text is empty",
            ]
        );
    }

    #[test]
    fn a_role_id_must_match_its_file_name() {
        let found = problems(&[sources(), file("roles/cto.yaml", "id: cio\ntitle: Chief\n")]);
        assert_eq!(
            found,
            [
                "roles/cto.yaml:1:5: role id 'cio' differs from the file name 'cto': rename the file to 'cio.yaml' or change the id"
            ]
        );
    }

    #[test]
    fn an_overlay_replaces_fields_and_merges_industries_by_id() {
        let vocabulary = file(
            "industries.yaml",
            "industries:\n  - id: retail\n    label: Retail\n  - id: energy\n    label: Energy\n",
        );
        let base = "id: cto\ntitle: Chief\nindustries:\n  - industry: retail\n    facts:\n      - text: Base.\n        sources: [brief]\n";
        let top = "id: cto\ntitle: Our CTO\nindustries:\n  - industry: energy\n    facts:\n      - text: Added.\n        sources: [brief]\n";
        let kb = load(&[
            sources(),
            vocabulary,
            file("a/cto.yaml", base),
            file("b/cto.yaml", top),
        ])
        .expect("valid");
        let role = &kb.roles[0];
        assert_eq!(role.title, "Our CTO");
        let industries: Vec<&str> = role
            .industries
            .iter()
            .map(|i| i.industry.as_str())
            .collect();
        assert_eq!(industries, ["retail", "energy"]);
        assert_eq!(role.origin, "test");
    }

    #[test]
    fn the_built_in_data_is_valid() {
        let kb = KnowledgeBase::builtin().unwrap_or_else(|error| panic!("{error}"));
        assert!(kb.roles.len() >= 5);
    }
}
