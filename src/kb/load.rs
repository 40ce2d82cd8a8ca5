//! Turns data files into a checked [`KnowledgeBase`]: parse, check references, layer, convert.
//!
//! Files are layered over an optional base (the built-in knowledge base): a role file whose
//! id exists already overrides that role field by field, a new id adds a role. All problems
//! are collected and reported together, each with its file, line, column and key, so a user
//! fixing a role file sees everything in one run.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rayon::prelude::*;

use super::raw::{self, RawFact, RawRole, Text};
use super::{Diagnostic, InvalidData, KnowledgeBase, lookup, yaml};
use crate::model::{
    Collaboration, Dispute, Facing, Fact, Focus, IndustryExample, Nature, Position, ReportingLine,
    Responsibility, Role, Source, Term,
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
    match base_name(&file.name).as_str() {
        "sources.yaml" | "sources.yml" => yaml::parse(&file.name, &file.text).map(Parsed::Sources),
        "industries.yaml" | "industries.yml" | "areas.yaml" | "areas.yml" => {
            yaml::parse(&file.name, &file.text).map(Parsed::Vocabulary)
        }
        _ => yaml::parse(&file.name, &file.text).map(|role| Parsed::Role(Box::new(role))),
    }
}

fn base_name(name: &str) -> String {
    Path::new(name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The id a role file must have, from its path: `roles/cto.yaml` → `cto`.
fn file_stem(name: &str) -> String {
    Path::new(name)
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Ids defined anywhere in the base and the loaded files, for checking references.
#[derive(Default)]
struct Ids {
    sources: BTreeSet<String>,
    industries: BTreeSet<String>,
    areas: BTreeSet<String>,
    roles: BTreeSet<String>,
}

/// Checks one role file's references and texts, appending what is wrong.
struct Checker<'a> {
    file: &'a str,
    ids: &'a Ids,
    diagnostics: &'a mut Vec<Diagnostic>,
    suggester: &'a mut lookup::Suggester,
}

impl Checker<'_> {
    fn report(&mut self, at: &Text, key: String, message: String) {
        self.diagnostics
            .push(Diagnostic::at(self.file, at, key, message));
    }

    fn text(&mut self, text: &Text, key: String) {
        let value = text.value.trim();
        if value.is_empty() {
            self.report(text, key, "text is empty".to_owned());
        } else if value.starts_with("TODO") {
            self.report(
                text,
                key,
                "unfinished template text: replace the TODO".to_owned(),
            );
        }
    }

    fn reference(&mut self, id: &Text, key: String, kind: &str, known: &BTreeSet<String>) {
        if known.contains(&id.value) {
            return;
        }
        let suggestions = self
            .suggester
            .suggest(&id.value, known.iter().map(String::as_str));
        let hint = if !suggestions.is_empty() {
            format!(" (did you mean {}?)", lookup::either(&suggestions, "'"))
        } else if known.is_empty() {
            format!(" (no {kind} is defined)")
        } else {
            format!(" (known {kind} ids: {})", join(known))
        };
        self.report(id, key, format!("unknown {kind} '{}'{hint}", id.value));
    }

    fn cited(&mut self, text: &Text, sources: &[Text], key: &str) {
        self.text(text, format!("{key}.text"));
        if sources.is_empty() {
            self.report(
                text,
                format!("{key}.sources"),
                "fact has no source: add `sources: [<source id>]`".to_owned(),
            );
        }
        for (index, source) in sources.iter().enumerate() {
            self.reference(
                source,
                format!("{key}.sources[{index}]"),
                "source",
                &self.ids.sources,
            );
        }
    }

    fn facts(&mut self, facts: &[RawFact], key: &str) {
        for (index, fact) in facts.iter().enumerate() {
            self.cited(&fact.text, &fact.sources, &format!("{key}[{index}]"));
        }
    }

    fn role(&mut self, role: &RawRole) {
        if let Some(message) = unplain_id("role", &role.id.value) {
            self.report(&role.id, "id".to_owned(), message);
        }
        let stem = file_stem(self.file);
        if role.id.value != stem {
            let id = &role.id.value;
            self.report(
                &role.id,
                "id".to_owned(),
                format!("role id '{id}' differs from the file name '{stem}': rename the file to '{id}.yaml' or change the id"),
            );
        }
        if let Some(title) = &role.title {
            self.text(title, "title".to_owned());
        }
        self.facts(role.summary.as_deref().unwrap_or_default(), "summary");
        self.facts(role.background.as_deref().unwrap_or_default(), "background");
        for (key, facts) in [
            ("focus", role.focus.as_ref().map(|p| &p.facts)),
            ("nature", role.nature.as_ref().map(|p| &p.facts)),
            ("facing", role.facing.as_ref().map(|p| &p.facts)),
        ] {
            self.facts(
                facts.map_or(&[][..], Vec::as_slice),
                &format!("{key}.facts"),
            );
        }
        for (index, item) in role.responsibilities.iter().flatten().enumerate() {
            let key = format!("responsibilities[{index}]");
            self.reference(&item.area, format!("{key}.area"), "area", &self.ids.areas);
            self.facts(&item.facts, &format!("{key}.facts"));
        }
        for (index, line) in role.reporting.iter().flatten().enumerate() {
            let key = format!("reporting[{index}]");
            self.reference(&line.to, format!("{key}.to"), "role", &self.ids.roles);
            self.cited(&line.text, &line.sources, &key);
        }
        for (index, example) in role.industries.iter().flatten().enumerate() {
            let key = format!("industries[{index}]");
            self.reference(
                &example.industry,
                format!("{key}.industry"),
                "industry",
                &self.ids.industries,
            );
            self.facts(&example.facts, &format!("{key}.facts"));
        }
        for (index, link) in role.collaboration.iter().flatten().enumerate() {
            let key = format!("collaboration[{index}]");
            self.reference(&link.with, format!("{key}.with"), "role", &self.ids.roles);
            if let Some(area) = &link.area {
                self.reference(area, format!("{key}.area"), "area", &self.ids.areas);
            }
            self.cited(&link.text, &link.sources, &key);
        }
        for (index, dispute) in role.disputes.iter().flatten().enumerate() {
            let key = format!("disputes[{index}]");
            self.text(&dispute.topic, format!("{key}.topic"));
            self.facts(&dispute.claims, &format!("{key}.claims"));
        }
    }
}

/// Why `id` cannot be an id, if it cannot: ids go into shell completion scripts and diagrams,
/// so they are held to characters that mean nothing there.
fn unplain_id(kind: &str, id: &str) -> Option<String> {
    (!crate::sanitize::is_plain_id(id)).then(|| {
        format!(
            "{kind} id '{id}' is not a plain id: use ASCII letters, digits, '-', '_' and '.', starting with a letter or digit"
        )
    })
}

/// The ids for a hint, at most ten of them so that a large knowledge base stays readable.
fn join(ids: &BTreeSet<String>) -> String {
    const SHOWN: usize = 10;
    let mut list = ids
        .iter()
        .take(SHOWN)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > SHOWN {
        list = format!("{list} and {} more", ids.len() - SHOWN);
    }
    list
}

/// Loads `files` in order over `base`; a later file overrides what an earlier one (or the
/// base) defined with the same id.
pub fn load(base: Option<KnowledgeBase>, files: &[DataFile]) -> Result<KnowledgeBase, InvalidData> {
    let mut loader = Loader::new(base.unwrap_or_default());
    let mut role_files = Vec::new();
    // Parsing is most of the cost of a large knowledge base and each file stands alone, so it
    // runs on every core; merging and checking stay in file order.
    let parsed: Vec<Result<Parsed, Diagnostic>> = files.par_iter().map(parse).collect();
    for (file, parsed) in files.iter().zip(parsed) {
        match parsed {
            Err(diagnostic) => loader.diagnostics.push(diagnostic),
            Ok(Parsed::Sources(parsed)) => loader.add_sources(file, parsed),
            Ok(Parsed::Vocabulary(parsed)) => loader.add_vocabulary(file, parsed),
            Ok(Parsed::Role(role)) => {
                loader.ids.roles.insert(role.id.value.clone());
                role_files.push((file, *role));
            }
        }
    }
    loader.check_roles(&role_files);
    loader.layer_roles(role_files);
    loader.finish(files)
}

/// The knowledge base being built, the ids known so far and the problems found.
struct Loader {
    ids: Ids,
    sources: BTreeMap<String, Source>,
    industries: BTreeMap<String, Term>,
    areas: BTreeMap<String, Term>,
    roles: BTreeMap<String, Role>,
    diagnostics: Vec<Diagnostic>,
    suggester: lookup::Suggester,
}

/// The work did-you-mean may do for one load, in character comparisons: thousands of typical
/// suggestions, a fraction of a second however many unknown names the files hold.
const SUGGESTION_BUDGET: usize = 20_000_000;

impl Loader {
    fn new(base: KnowledgeBase) -> Self {
        let ids = Ids {
            sources: base.sources.iter().map(|s| s.id.clone()).collect(),
            industries: base.industries.iter().map(|t| t.id.clone()).collect(),
            areas: base.areas.iter().map(|t| t.id.clone()).collect(),
            roles: base.roles.iter().map(|r| r.id.clone()).collect(),
        };
        Self {
            ids,
            sources: base
                .sources
                .into_iter()
                .map(|s| (s.id.clone(), s))
                .collect(),
            industries: base
                .industries
                .into_iter()
                .map(|t| (t.id.clone(), t))
                .collect(),
            areas: base.areas.into_iter().map(|t| (t.id.clone(), t)).collect(),
            roles: base.roles.into_iter().map(|r| (r.id.clone(), r)).collect(),
            diagnostics: Vec::new(),
            suggester: lookup::Suggester::new(SUGGESTION_BUDGET),
        }
    }

    fn add_sources(&mut self, file: &DataFile, parsed: raw::SourcesFile) {
        let mut seen = BTreeSet::new();
        for (index, source) in parsed.sources.into_iter().enumerate() {
            let id = source.id.value.clone();
            if let Some(message) = unplain_id("source", &id) {
                self.diagnostics.push(Diagnostic::at(
                    &file.name,
                    &source.id,
                    format!("sources[{index}].id"),
                    message,
                ));
            }
            if !seen.insert(id.clone()) {
                let message = format!("source '{id}' is defined twice in this file");
                self.diagnostics.push(Diagnostic::at(
                    &file.name,
                    &source.id,
                    format!("sources[{index}].id"),
                    message,
                ));
            }
            self.ids.sources.insert(id.clone());
            self.sources.insert(id, source_from(source));
        }
    }

    fn add_vocabulary(&mut self, file: &DataFile, parsed: raw::VocabularyFile) {
        for (list, kind, terms, known, into) in [
            (
                "industries",
                "industry",
                parsed.industries,
                &mut self.ids.industries,
                &mut self.industries,
            ),
            (
                "areas",
                "area",
                parsed.areas,
                &mut self.ids.areas,
                &mut self.areas,
            ),
        ] {
            let mut seen = BTreeSet::new();
            for (index, term) in terms.into_iter().enumerate() {
                let id = term.id.value.clone();
                if let Some(message) = unplain_id(kind, &id) {
                    self.diagnostics.push(Diagnostic::at(
                        &file.name,
                        &term.id,
                        format!("{list}[{index}].id"),
                        message,
                    ));
                }
                if !seen.insert(id.clone()) {
                    let message = format!("'{id}' is defined twice in this file");
                    self.diagnostics.push(Diagnostic::at(
                        &file.name,
                        &term.id,
                        format!("{list}[{index}].id"),
                        message,
                    ));
                }
                known.insert(id.clone());
                into.insert(id, term_from(term));
            }
        }
    }

    fn check_roles(&mut self, role_files: &[(&DataFile, RawRole)]) {
        // The first file defining each id in each folder, to find a second one in one step.
        let mut first: BTreeMap<(Option<&Path>, &str), &str> = BTreeMap::new();
        for (file, role) in role_files {
            Checker {
                file: &file.name,
                ids: &self.ids,
                diagnostics: &mut self.diagnostics,
                suggester: &mut self.suggester,
            }
            .role(role);
            // Layers override by id, but one folder defining an id twice is a mistake.
            let folder = Path::new(&file.name).parent();
            if let Some(other) = first.get(&(folder, role.id.value.as_str())) {
                let message = format!("role '{}' is also defined in {other}", role.id.value);
                self.diagnostics
                    .push(Diagnostic::at(&file.name, &role.id, "id", message));
            } else {
                first.insert((folder, role.id.value.as_str()), file.name.as_str());
            }
        }
    }

    fn layer_roles(&mut self, role_files: Vec<(&DataFile, RawRole)>) {
        for (file, raw) in role_files {
            let id_at = raw.id.clone();
            let has_title = raw.title.is_some();
            let role = self
                .roles
                .entry(raw.id.value.clone())
                .or_insert_with(|| Role {
                    id: raw.id.value.clone(),
                    ..Role::default()
                });
            overlay(role, raw, &file.origin);
            // An empty `title:` is reported where it is written; here only a title never given.
            if role.title.is_empty() && !has_title {
                let message = format!(
                    "role '{}' has no title: a new role needs `title:` and `summary:`",
                    id_at.value
                );
                self.diagnostics
                    .push(Diagnostic::at(&file.name, &id_at, "title", message));
            }
        }
    }

    fn finish(mut self, files: &[DataFile]) -> Result<KnowledgeBase, InvalidData> {
        if self.diagnostics.is_empty() {
            return Ok(KnowledgeBase {
                sources: self.sources.into_values().collect(),
                industries: self.industries.into_values().collect(),
                areas: self.areas.into_values().collect(),
                roles: self.roles.into_values().collect(),
            });
        }
        // In file order, then top to bottom, as an editor would walk them.
        let mut order: BTreeMap<&str, usize> = BTreeMap::new();
        for (index, file) in files.iter().enumerate() {
            order.entry(file.name.as_str()).or_insert(index);
        }
        self.diagnostics
            .sort_by_key(|d| (order.get(d.file.as_str()).copied(), d.line, d.column));
        Err(InvalidData(self.diagnostics))
    }
}

/// Applies a role file to a role: each field the file sets replaces the role's, except
/// responsibilities and industries, which merge by area and industry id so that a company
/// file can add one industry without repeating the rest.
fn overlay(role: &mut Role, raw: RawRole, origin: &str) {
    role.origin.push(origin.to_owned());
    if let Some(title) = raw.title {
        title.value.trim().clone_into(&mut role.title);
    }
    if let Some(aliases) = raw.aliases {
        role.aliases = aliases;
    }
    if let Some(summary) = raw.summary {
        role.summary = facts(summary);
    }
    if let Some(focus) = raw.focus {
        role.focus = Some(position::<Focus>(focus));
    }
    if let Some(nature) = raw.nature {
        role.nature = Some(position::<Nature>(nature));
    }
    if let Some(facing) = raw.facing {
        role.facing = Some(position::<Facing>(facing));
    }
    if let Some(items) = raw.responsibilities {
        let items = items.into_iter().map(|item| Responsibility {
            area: item.area.value,
            facts: facts(item.facts),
        });
        merge_by_key(&mut role.responsibilities, items, |item| item.area.clone());
    }
    if let Some(lines) = raw.reporting {
        role.reporting = lines
            .into_iter()
            .map(|line| ReportingLine {
                to: line.to.value,
                prevalence: line.prevalence,
                text: line.text.value.trim().to_owned(),
                sources: values(line.sources),
            })
            .collect();
    }
    if let Some(background) = raw.background {
        role.background = facts(background);
    }
    if let Some(items) = raw.industries {
        let items = items.into_iter().map(|item| IndustryExample {
            industry: item.industry.value,
            facts: facts(item.facts),
        });
        merge_by_key(&mut role.industries, items, |item| item.industry.clone());
    }
    if let Some(links) = raw.collaboration {
        role.collaboration = links
            .into_iter()
            .map(|link| Collaboration {
                with: link.with.value,
                relation: link.relation,
                area: link.area.map(|area| area.value),
                text: link.text.value.trim().to_owned(),
                sources: values(link.sources),
            })
            .collect();
    }
    if let Some(disputes) = raw.disputes {
        role.disputes = disputes
            .into_iter()
            .map(|dispute| Dispute {
                topic: dispute.topic.value.trim().to_owned(),
                claims: facts(dispute.claims),
            })
            .collect();
    }
}

/// Replaces the items of `base` whose key an item of `items` has, and appends the others,
/// through a map from key to position, so merging n items costs n log n, not n².
fn merge_by_key<T>(
    base: &mut Vec<T>,
    items: impl IntoIterator<Item = T>,
    key: impl Fn(&T) -> String,
) {
    let mut at: BTreeMap<String, usize> = base
        .iter()
        .enumerate()
        .map(|(index, item)| (key(item), index))
        .collect();
    for item in items {
        match at.entry(key(&item)) {
            Entry::Occupied(index) => base[*index.get()] = item,
            Entry::Vacant(slot) => {
                slot.insert(base.len());
                base.push(item);
            }
        }
    }
}

fn values(texts: Vec<Text>) -> Vec<String> {
    texts.into_iter().map(|text| text.value).collect()
}

fn facts(raw: Vec<RawFact>) -> Vec<Fact> {
    raw.into_iter()
        .map(|fact| Fact {
            text: fact.text.value.trim().to_owned(),
            sources: values(fact.sources),
        })
        .collect()
}

fn position<T>(raw: raw::RawPosition<T>) -> Position<T> {
    Position {
        primary: raw.primary,
        facts: facts(raw.facts),
    }
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
        match load(None, files) {
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
                "roles/cto.yaml:5:15: summary[0].sources[0]: unknown source 'brefi' (did you mean 'brief'?)",
                "roles/cto.yaml:6:11: summary[1].sources: fact has no source: add `sources: [<source id>]`",
                "roles/cto.yaml:7:11: summary[2].text: text is empty",
            ]
        );
    }

    #[test]
    fn a_role_id_must_match_its_file_name() {
        let found = problems(&[sources(), file("roles/cto.yaml", "id: cio\ntitle: Chief\n")]);
        assert_eq!(
            found,
            [
                "roles/cto.yaml:1:5: id: role id 'cio' differs from the file name 'cto': rename the file to 'cio.yaml' or change the id"
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
        let kb = load(
            None,
            &[
                sources(),
                vocabulary,
                file("a/cto.yaml", base),
                file("b/cto.yaml", top),
            ],
        )
        .expect("valid");
        let role = &kb.roles[0];
        assert_eq!(role.title, "Our CTO");
        let industries: Vec<&str> = role
            .industries
            .iter()
            .map(|i| i.industry.as_str())
            .collect();
        assert_eq!(industries, ["retail", "energy"]);
        assert_eq!(role.origin, ["test", "test"]);
    }

    #[test]
    fn the_embedded_knowledge_base_is_the_data_folder_loaded() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let (mut files, problems) = crate::kb::read_all(&[dir]);
        assert!(problems.is_empty(), "{problems:?}");
        for file in &mut files {
            "built-in".clone_into(&mut file.origin);
        }
        let from_yaml = load(None, &files).unwrap_or_else(|error| panic!("{error}"));
        let embedded = KnowledgeBase::builtin().expect("decodes");
        assert_eq!(
            serde_json::to_value(&from_yaml).unwrap(),
            serde_json::to_value(&embedded).unwrap()
        );
        assert!(embedded.roles.len() >= 5);
    }
}
