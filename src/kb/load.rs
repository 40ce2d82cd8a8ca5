//! Turns data files into a checked [`KnowledgeBase`]: parse, check references, layer, convert.
//!
//! Files are layered over an optional base (the built-in knowledge base): a new id adds a
//! role, a role file whose id exists already replaces that role, and one that says
//! `extends:` changes it field by field. All problems
//! are collected and reported together, each with its file, line, column and key, so a user
//! fixing a role file sees everything in one run.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use rayon::prelude::*;

use super::raw::{self, RawFact, RawRole, Text};
use super::{Diagnostic, InvalidData, KnowledgeBase, lookup, search_words, yaml};
use crate::model::{
    Collaboration, Dispute, Facing, Fact, Focus, GlossaryEntry, Headlines, IndustryExample, Layer,
    Layering, Nature, Position, ReportingLine, Responsibility, Role, Source, Term,
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

/// The kind of a data file follows from its name: `sources.yaml`, `industries.yaml`,
/// `areas.yaml`, `glossary.yaml` and `search.yaml` are shared lists; any other YAML file
/// describes one role.
fn parse(file: &DataFile) -> Result<Parsed, Box<yaml::Broken>> {
    match base_name(&file.name).as_str() {
        "sources.yaml" | "sources.yml" => yaml::parse(&file.name, &file.text).map(Parsed::Sources),
        "industries.yaml" | "industries.yml" | "areas.yaml" | "areas.yml" | "glossary.yaml"
        | "glossary.yml" | "search.yaml" | "search.yml" => {
            yaml::parse(&file.name, &file.text).map(Parsed::Vocabulary)
        }
        _ => yaml::parse(&file.name, &file.text).map(|role| Parsed::Role(Box::new(role))),
    }
}

/// Whether a data file describes a role (rather than sources or a vocabulary).
fn is_role_file(name: &str) -> bool {
    !matches!(
        base_name(name).as_str(),
        "sources.yaml"
            | "sources.yml"
            | "industries.yaml"
            | "industries.yml"
            | "areas.yaml"
            | "areas.yml"
            | "glossary.yaml"
            | "glossary.yml"
            | "search.yaml"
            | "search.yml"
    )
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
    /// Unknown ids by kind and id, each with every place it is cited, so that one missing
    /// source cited nine times is one problem, not nine.
    unknown: BTreeMap<(&'static str, String), Vec<Diagnostic>>,
    suggester: &'a mut lookup::Suggester,
}

impl<'a> Checker<'a> {
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

    fn reference(&mut self, id: &Text, key: String, kind: &'static str, known: &BTreeSet<String>) {
        if known.contains(&id.value) {
            return;
        }
        let place = Diagnostic::at(self.file, id, key, String::new());
        self.unknown
            .entry((kind, id.value.clone()))
            .or_default()
            .push(place);
    }

    /// The ids defined for a kind of reference.
    fn known(&self, kind: &str) -> &'a BTreeSet<String> {
        match kind {
            "source" => &self.ids.sources,
            "area" => &self.ids.areas,
            "industry" => &self.ids.industries,
            _ => &self.ids.roles,
        }
    }

    /// One problem per unknown id, at its first place, saying how often it is cited and how
    /// to define it.
    fn report_unknown(&mut self) {
        for ((kind, id), mut places) in std::mem::take(&mut self.unknown) {
            let known = self.known(kind);
            let suggestions = self
                .suggester
                .suggest(&id, known.iter().map(String::as_str));
            let hint = if !suggestions.is_empty() {
                format!(" (did you mean {}?)", lookup::either(&suggestions, "'"))
            } else if known.is_empty() {
                format!(" (no {kind} is defined)")
            } else {
                format!(" (known {kind} ids: {})", join(known))
            };
            let times = match places.len() {
                1 => String::new(),
                n => {
                    // A file citing one missing source everywhere must not make a huge line.
                    const SHOWN: usize = 10;
                    let mut lines: Vec<String> = places[1..]
                        .iter()
                        .take(SHOWN)
                        .map(|p| p.line.to_string())
                        .collect();
                    if n - 1 > SHOWN {
                        lines.push(format!("{} more", n - 1 - SHOWN));
                    }
                    format!(
                        ", cited {n} times (also on line{} {})",
                        if n == 2 { "" } else { "s" },
                        lines.join(", ")
                    )
                }
            };
            let how = match kind {
                "source" => "add it to a sources.yaml beside your role files",
                "area" => {
                    "add it to an areas.yaml beside your role files (`rolecmp schema vocabulary`)"
                }
                "industry" => {
                    "add it to an industries.yaml beside your role files (`rolecmp schema vocabulary`)"
                }
                _ => "define it in its own file (`rolecmp init <id>`)",
            };
            let mut first = places.swap_remove(0);
            first.message = format!("unknown {kind} '{id}'{hint}{times}: {how}");
            self.diagnostics.push(first);
        }
    }

    fn cited(&mut self, text: &Text, sources: &[Text], key: &str) {
        self.text(text, format!("{key}.text"));
        self.citations(text, sources, key, "fact");
    }

    /// The sources of a fact or glossary entry (`what`), reported at `at` when there are none.
    fn citations(&mut self, at: &Text, sources: &[Text], key: &str, what: &str) {
        if sources.is_empty() {
            self.report(
                at,
                format!("{key}.sources"),
                format!("{what} has no source: add `sources: [<source id>]`"),
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

    fn glossary_entry(&mut self, entry: &raw::RawGlossaryEntry, key: &str) {
        self.text(&entry.term, format!("{key}.term"));
        if entry.expansions.is_empty() {
            self.report(
                &entry.term,
                format!("{key}.expansions"),
                format!(
                    "glossary entry '{}' has no expansion: add `expansions: [<what it stands for>]`",
                    entry.term.value.trim()
                ),
            );
        }
        for (index, expansion) in entry.expansions.iter().enumerate() {
            self.text(expansion, format!("{key}.expansions[{index}]"));
        }
        self.citations(&entry.term, &entry.sources, key, "glossary entry");
    }

    /// A role that reports to or works with itself is a slip (a template's example left in).
    fn not_itself(&mut self, role: &RawRole) {
        for (index, line) in role.reporting.iter().flatten().enumerate() {
            if line.to.value == role.id.value {
                self.report(
                    &line.to,
                    format!("reporting[{index}].to"),
                    "a role cannot report to itself: name the role it reports to".to_owned(),
                );
            }
        }
        for (index, link) in role.collaboration.iter().flatten().enumerate() {
            if link.with.value == role.id.value {
                self.report(
                    &link.with,
                    format!("collaboration[{index}].with"),
                    "a role cannot collaborate with itself: name the other role".to_owned(),
                );
            }
        }
    }

    fn role(&mut self, role: &RawRole) {
        self.not_itself(role);
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
        if let Some(base) = &role.extends
            && base.value != BUILTIN
            && base.value != role.id.value
        {
            self.reference(base, "extends".to_owned(), "role", &self.ids.roles);
        }
        if let Some(title) = &role.title {
            self.text(title, "title".to_owned());
        }
        if let Some(headlines) = &role.headlines {
            for (key, facts) in [
                ("definition", &headlines.definition),
                ("focus", &headlines.focus),
                ("nature", &headlines.nature),
                ("facing", &headlines.facing),
                ("reporting", &headlines.reporting),
                ("background", &headlines.background),
                ("industries", &headlines.industries),
            ] {
                self.facts(facts, &format!("headlines.{key}"));
            }
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
            for (other, id) in dispute.with.iter().enumerate() {
                self.reference(id, format!("{key}.with[{other}]"), "role", &self.ids.roles);
            }
            if let Some(headline) = &dispute.headline {
                self.cited(
                    &headline.text,
                    &headline.sources,
                    &format!("{key}.headline"),
                );
            }
            self.facts(&dispute.claims, &format!("{key}.claims"));
        }
        self.report_unknown();
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

/// Loads `files` in order over `base`; a later file replaces (or with `extends:` changes)
/// what an earlier one (or the base) defined with the same id.
pub fn load(base: Option<KnowledgeBase>, files: &[DataFile]) -> Result<KnowledgeBase, InvalidData> {
    // Parsing is most of the cost of a large knowledge base and each file stands alone, so it
    // runs on every core; merging and checking stay in file order.
    let parsed: Vec<Result<Parsed, Box<yaml::Broken>>> = map_files(files, parse);
    let extends_builtin = parsed.iter().any(|parsed| {
        matches!(parsed, Ok(Parsed::Role(role))
            if role.extends.as_ref().is_some_and(|base| base.value == BUILTIN))
    });
    let mut loader = Loader::new(base.unwrap_or_default(), extends_builtin);
    let mut role_files = Vec::new();
    let mut glossaries = Vec::new();
    let mut broken = Vec::new();
    for (file, parsed) in files.iter().zip(parsed) {
        match parsed {
            Err(broken_file) => {
                let yaml::Broken {
                    problems,
                    references,
                    id,
                } = *broken_file;
                loader.diagnostics.extend(problems);
                // Files that refer to a role in a broken file should not be told it is unknown.
                if let Some(id) = id.filter(|_| is_role_file(&file.name)) {
                    loader.ids.roles.insert(id.value);
                }
                broken.push((file, references));
            }
            Ok(Parsed::Sources(parsed)) => loader.add_sources(file, parsed),
            Ok(Parsed::Vocabulary(mut parsed)) => {
                // Checked once every file is read, since entries cite sources like facts do.
                glossaries.push((file, std::mem::take(&mut parsed.glossary)));
                let words = search_words::FileWords {
                    stop_words: std::mem::take(&mut parsed.stop_words),
                    intents: std::mem::take(&mut parsed.intents),
                    families: std::mem::take(&mut parsed.families),
                };
                loader
                    .search_words
                    .add(&file.name, words, &mut loader.diagnostics);
                loader.add_vocabulary(file, parsed);
            }
            Ok(Parsed::Role(role)) => {
                loader.ids.roles.insert(role.id.value.clone());
                role_files.push((file, *role));
            }
        }
    }
    for (file, entries) in glossaries {
        loader.add_glossary(file, entries);
    }
    // References in a file whose structure is broken are still checked, in the same run.
    for (file, references) in broken {
        let mut checker = loader.checker(&file.name);
        for reference in references {
            let known = checker.known(reference.kind);
            checker.reference(&reference.id, reference.key, reference.kind, known);
        }
        checker.report_unknown();
    }
    loader.check_roles(&role_files);
    loader.layer_roles(role_files);
    loader.finish(files)
}

/// Fewer files than this are handled on the calling thread: starting the thread pool (two
/// threads, cgroup reads) costs more than a few small files take to read or parse.
const PARALLEL_FROM: usize = 8;

/// `f` over every file, on every core when there are enough files to gain from it.
pub fn map_files<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    if items.len() < PARALLEL_FROM {
        items.iter().map(f).collect()
    } else {
        items.par_iter().map(f).collect()
    }
}

/// The knowledge base being built, the ids known so far and the problems found.
struct Loader {
    ids: Ids,
    sources: BTreeMap<String, Source>,
    industries: BTreeMap<String, Term>,
    areas: BTreeMap<String, Term>,
    roles: BTreeMap<String, Role>,
    glossary: BTreeMap<String, GlossaryEntry>,
    search_words: search_words::Layered,
    /// The base's roles as they were before any file, for `extends: builtin`.
    shipped: BTreeMap<String, Role>,
    diagnostics: Vec<Diagnostic>,
    suggester: lookup::Suggester,
}

/// The work did-you-mean may do for one load, in character comparisons: thousands of typical
/// suggestions, a fraction of a second however many unknown names the files hold.
const SUGGESTION_BUDGET: usize = 20_000_000;

impl Loader {
    /// A checker of one file's texts and references against the ids known so far.
    fn checker<'a>(&'a mut self, file: &'a str) -> Checker<'a> {
        Checker {
            file,
            ids: &self.ids,
            diagnostics: &mut self.diagnostics,
            unknown: BTreeMap::new(),
            suggester: &mut self.suggester,
        }
    }

    /// A loader over `base`, keeping a copy of its roles as they are when a file will
    /// extend them (`extends: builtin`).
    fn new(base: KnowledgeBase, keep_shipped: bool) -> Self {
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
            shipped: if keep_shipped {
                base.roles
                    .iter()
                    .map(|r| (r.id.clone(), r.clone()))
                    .collect()
            } else {
                BTreeMap::new()
            },
            roles: base.roles.into_iter().map(|r| (r.id.clone(), r)).collect(),
            glossary: base
                .glossary
                .into_iter()
                .map(|entry| (entry.id.clone(), entry))
                .collect(),
            search_words: search_words::Layered::new(base.search_words),
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
            // `init` writes a sources file with TODOs too; it is not done until they are.
            for (key, text) in [
                ("title", &source.title),
                ("description", &source.description),
            ] {
                if text.value.trim_start().starts_with("TODO") {
                    self.diagnostics.push(Diagnostic::at(
                        &file.name,
                        text,
                        format!("sources[{index}].{key}"),
                        "unfinished template text: replace the TODO",
                    ));
                }
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

    fn add_glossary(&mut self, file: &DataFile, entries: Vec<raw::RawGlossaryEntry>) {
        let mut seen = BTreeSet::new();
        for (index, entry) in entries.into_iter().enumerate() {
            let key = format!("glossary[{index}]");
            let id = entry.id.value.clone();
            if !seen.insert(id.clone()) {
                let message = format!("'{id}' is defined twice in this file");
                self.diagnostics.push(Diagnostic::at(
                    &file.name,
                    &entry.id,
                    format!("{key}.id"),
                    message,
                ));
            }
            let mut checker = self.checker(&file.name);
            checker.glossary_entry(&entry, &key);
            checker.report_unknown();
            self.glossary.insert(id, glossary_entry_from(entry));
        }
    }

    fn check_roles(&mut self, role_files: &[(&DataFile, RawRole)]) {
        // The first file defining each id in each folder, to find a second one in one step.
        let mut first: BTreeMap<(Option<&Path>, &str), &str> = BTreeMap::new();
        for (file, role) in role_files {
            self.checker(&file.name).role(role);
            // Layers replace by id, but one folder defining an id twice is a mistake.
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
        // A role built on another one is layered after every other file, so that it starts
        // from that role's final form whatever the order of the files.
        let (built_on_other, rest): (Vec<_>, Vec<_>) = role_files
            .into_iter()
            .partition(|(_, raw)| base_role(raw).is_some());
        let mut names = Vec::new();
        for (file, raw) in rest.into_iter().chain(built_on_other) {
            names.push(Names {
                file: file.name.clone(),
                id: raw.id.clone(),
                title: raw.title.clone(),
                aliases: raw.aliases.clone().unwrap_or_default(),
            });
            self.layer_role(file, raw);
        }
        self.check_names(&names);
    }

    /// Applies one role file: it defines a new role, replaces the role of its id, or with
    /// `extends:` changes that role (or a copy of another) field by field.
    fn layer_role(&mut self, file: &DataFile, raw: RawRole) {
        let id_at = raw.id.clone();
        let id = raw.id.value.clone();
        let layer = |how, base: Option<&str>| Layer {
            file: file.origin.clone(),
            how,
            base: base.map(str::to_owned),
        };
        let earlier = self.roles.remove(&id);
        let replaced = earlier.is_some() && raw.extends.is_none();
        let mut role = match (&raw.extends, earlier) {
            (None, None) => new_role(&id, vec![layer(Layering::Defines, None)]),
            (None, Some(earlier)) => {
                let mut origin = earlier.origin;
                origin.push(layer(Layering::Replaces, None));
                new_role(&id, origin)
            }
            (Some(base), earlier) if base.value == BUILTIN => {
                if let Some(shipped) = self.shipped.get(&id) {
                    let mut role = shipped.clone();
                    role.origin.push(layer(Layering::Extends, None));
                    role
                } else {
                    let message = format!(
                        "there is no built-in role '{id}' to extend{}: remove `extends:` to define the role here",
                        if self.shipped.is_empty() {
                            " (the built-in knowledge base is not loaded)"
                        } else {
                            ""
                        }
                    );
                    self.diagnostics
                        .push(Diagnostic::at(&file.name, base, "extends", message));
                    new_role(&id, earlier.map(|r| r.origin).unwrap_or_default())
                }
            }
            (Some(base), Some(mut earlier)) if base.value == id => {
                earlier.origin.push(layer(Layering::Extends, None));
                earlier
            }
            (Some(base), None) if base.value == id => {
                let message = format!(
                    "nothing to extend: no earlier layer defines role '{id}'; remove `extends:` to define it here"
                );
                self.diagnostics
                    .push(Diagnostic::at(&file.name, base, "extends", message));
                new_role(&id, vec![layer(Layering::Defines, None)])
            }
            (Some(base), earlier) => {
                let mut origin = earlier.map(|r| r.origin).unwrap_or_default();
                origin.push(layer(Layering::Extends, Some(&base.value)));
                // An unknown base is reported by the checker, with a did-you-mean.
                match self.roles.get(&base.value) {
                    Some(other) => Role {
                        id: id.clone(),
                        // A copy answering to the other role's names would shadow it.
                        title: String::new(),
                        aliases: Vec::new(),
                        origin,
                        ..other.clone()
                    },
                    None => new_role(&id, origin),
                }
            }
        };
        let has_title = raw.title.is_some();
        overlay(&mut role, raw);
        // An empty `title:` is reported where it is written; here only a title never given.
        if role.title.is_empty() && !has_title {
            let message = if replaced {
                format!(
                    "role '{id}' has no title: this file replaces the existing role '{id}' (a file whose id exists replaces that role); add `title:` and `summary:`, or `extends: builtin` to change only some fields"
                )
            } else {
                format!("role '{id}' has no title: a new role needs `title:` and `summary:`")
            };
            self.diagnostics
                .push(Diagnostic::at(&file.name, &id_at, "title", message));
        }
        self.roles.insert(id, role);
    }

    /// Every name a role file gives must find that role and no other: a title or alias that
    /// another role answers to (by id, title or alias), or an id that differs from another only in case or
    /// punctuation, would make `show NAME` pick one of them.
    fn check_names(&mut self, files: &[Names]) {
        let mut ids: HashMap<String, Vec<&str>> = HashMap::new();
        let mut names: HashMap<String, Vec<&str>> = HashMap::new();
        for role in self.roles.values() {
            ids.entry(lookup::normalize(&role.id))
                .or_default()
                .push(&role.id);
            for name in std::iter::once(role.id.as_str()).chain(role_names(role)) {
                let holders = names.entry(lookup::normalize(name)).or_default();
                if !holders.contains(&role.id.as_str()) {
                    holders.push(&role.id);
                }
            }
        }
        // Usually every name finds one role: then there is nothing to place in a file.
        if ids
            .values()
            .chain(names.values())
            .all(|holders| holders.len() == 1)
        {
            return;
        }
        let mut found = Vec::new();
        for file in files {
            let own = file.id.value.as_str();
            let Some(role) = self.roles.get(own) else {
                continue;
            };
            let others = |holders: Option<&Vec<&str>>| -> Vec<String> {
                holders
                    .into_iter()
                    .flatten()
                    .filter(|holder| **holder != own)
                    .map(|holder| format!("'{holder}'"))
                    .collect()
            };
            let clashing_ids = others(ids.get(&lookup::normalize(own)));
            // An id in another spelling finds its role before any title or alias does, so
            // another role's title or alias equal to it could never be found.
            let clashing_names = others(names.get(&lookup::normalize(own)));
            let message = if !clashing_ids.is_empty() {
                Some(format!(
                    "role id '{own}' differs from role {} only in case or punctuation: rename one, so that each name finds one role",
                    clashing_ids.join(" and ")
                ))
            } else if clashing_names.is_empty() {
                None
            } else {
                Some(format!(
                    "role id '{own}' is also the title or an alias of role{} {}: rename one, so that each name finds one role",
                    if clashing_names.len() == 1 { "" } else { "s" },
                    clashing_names.join(" and ")
                ))
            };
            if let Some(message) = message {
                found.push(Diagnostic::at(&file.file, &file.id, "id", message));
            }
            let given = file
                .title
                .iter()
                .map(|title| ("title", title, "title".to_owned()))
                .chain(
                    file.aliases
                        .iter()
                        .enumerate()
                        .map(|(index, alias)| ("alias", alias, format!("aliases[{index}]"))),
                );
            for (what, name, key) in given {
                let normal = lookup::normalize(&name.value);
                // Only names still in effect: a later layer may have replaced them.
                if normal.is_empty() || !role_names(role).any(|n| lookup::normalize(n) == normal) {
                    continue;
                }
                let clashing = others(names.get(&normal));
                if !clashing.is_empty() {
                    found.push(Diagnostic::at(
                        &file.file,
                        name,
                        key,
                        format!(
                            "{what} '{}' is already a name of role{} {}: a name must find one role; remove it or change it",
                            name.value.trim(),
                            if clashing.len() == 1 { "" } else { "s" },
                            clashing.join(" and ")
                        ),
                    ));
                }
            }
        }
        self.diagnostics.extend(found);
    }

    fn finish(mut self, files: &[DataFile]) -> Result<KnowledgeBase, InvalidData> {
        if self.diagnostics.is_empty() {
            return Ok(KnowledgeBase {
                sources: self.sources.into_values().collect(),
                industries: self.industries.into_values().collect(),
                areas: self.areas.into_values().collect(),
                roles: self.roles.into_values().collect(),
                glossary: self.glossary.into_values().collect(),
                search_words: self.search_words.finish(),
                shipped: Vec::new(),
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

/// The name a role file gives in `extends:` for the role of its own id as shipped.
pub const BUILTIN: &str = "builtin";

/// The other role a file builds on (`extends: cio` in `acme-cio.yaml`), if any.
fn base_role(raw: &RawRole) -> Option<&str> {
    raw.extends
        .as_ref()
        .map(|base| base.value.as_str())
        .filter(|base| *base != BUILTIN && *base != raw.id.value)
}

fn new_role(id: &str, origin: Vec<Layer>) -> Role {
    Role {
        id: id.to_owned(),
        origin,
        ..Role::default()
    }
}

/// Every name a role answers to besides its id.
fn role_names(role: &Role) -> impl Iterator<Item = &str> {
    std::iter::once(role.title.as_str()).chain(role.aliases.iter().map(String::as_str))
}

/// The names one role file gives, with their places, for [`Loader::check_names`].
struct Names {
    file: String,
    id: Text,
    title: Option<Text>,
    aliases: Vec<Text>,
}

/// Applies a role file to a role: each field the file sets replaces the role's, except
/// responsibilities and industries, which merge by area and industry id so that a company
/// file can add one industry without repeating the rest.
fn overlay(role: &mut Role, raw: RawRole) {
    if let Some(title) = raw.title {
        title.value.trim().clone_into(&mut role.title);
    }
    if let Some(aliases) = raw.aliases {
        role.aliases = values(aliases);
    }
    if let Some(headlines) = raw.headlines {
        role.headlines = Headlines {
            definition: facts(headlines.definition),
            focus: facts(headlines.focus),
            nature: facts(headlines.nature),
            facing: facts(headlines.facing),
            reporting: facts(headlines.reporting),
            background: facts(headlines.background),
            industries: facts(headlines.industries),
        };
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
            involvement: item.involvement,
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
                alternative: line.alternative,
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
                prevalence: link.prevalence,
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
                with: values(dispute.with),
                headline: dispute.headline.map(fact),
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

fn fact(raw: RawFact) -> Fact {
    Fact {
        text: raw.text.value.trim().to_owned(),
        sources: values(raw.sources),
    }
}

fn facts(raw: Vec<RawFact>) -> Vec<Fact> {
    raw.into_iter().map(fact).collect()
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

fn glossary_entry_from(raw: raw::RawGlossaryEntry) -> GlossaryEntry {
    GlossaryEntry {
        id: raw.id.value,
        term: raw.term.value.trim().to_owned(),
        expansions: raw
            .expansions
            .into_iter()
            .map(|text| text.value.trim().to_owned())
            .collect(),
        description: raw.description,
        sources: values(raw.sources),
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
                "roles/cto.yaml:5:15: summary[0].sources[0]: unknown source 'brefi' (did you mean 'brief'?): add it to a sources.yaml beside your role files",
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
    fn a_role_file_whose_id_exists_replaces_the_role_and_keeps_none_of_it() {
        let base = "id: cto\ntitle: Chief\naliases: [CTO]\nbackground:\n  - text: Base.\n    sources: [brief]\n";
        let top = "id: cto\ntitle: Our CTO\n";
        let kb = load(
            None,
            &[sources(), file("a/cto.yaml", base), file("b/cto.yaml", top)],
        )
        .expect("valid");
        let role = &kb.roles[0];
        assert_eq!(role.title, "Our CTO");
        assert!(role.aliases.is_empty() && role.background.is_empty());
        let how: Vec<Layering> = role.origin.iter().map(|layer| layer.how).collect();
        assert_eq!(how, [Layering::Defines, Layering::Replaces]);
    }

    #[test]
    fn a_replacing_file_without_a_title_says_how_to_extend_instead() {
        let found = problems(&[
            sources(),
            file("a/cto.yaml", "id: cto\ntitle: Chief\n"),
            file("b/cto.yaml", "id: cto\naliases: [Tech]\n"),
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("b/cto.yaml:1:5: title: role 'cto' has no title: this file replaces the existing role 'cto'")
                && found[0].ends_with("or `extends: builtin` to change only some fields"),
            "{found:?}"
        );
    }

    #[test]
    fn a_role_can_start_as_a_copy_of_another_under_its_own_names() {
        let base = "id: cio\ntitle: Chief\naliases: [CIO]\nbackground:\n  - text: Base.\n    sources: [brief]\n";
        let copy = "id: acme-cio\nextends: cio\ntitle: Acme CIO\n";
        // The copy's file comes first, yet it starts from the finished `cio`.
        let kb = load(
            None,
            &[
                sources(),
                file("a/acme-cio.yaml", copy),
                file("a/cio.yaml", base),
            ],
        )
        .expect("valid");
        let copy = kb
            .roles
            .iter()
            .find(|r| r.id == "acme-cio")
            .expect("loaded");
        assert_eq!(copy.title, "Acme CIO");
        assert!(copy.aliases.is_empty());
        assert_eq!(copy.background[0].text, "Base.");
        assert_eq!(copy.origin[0].base.as_deref(), Some("cio"));
    }

    #[test]
    fn a_name_that_finds_two_roles_is_a_problem() {
        let found = problems(&[
            sources(),
            file(
                "a/cio.yaml",
                "id: cio\ntitle: Chief Information Officer\naliases: [CIO]\n",
            ),
            file("a/acme.yaml", "id: acme\ntitle: Acme\naliases: [C.I.O.]\n"),
            file("a/CIO.yaml", "id: CIO\ntitle: Shouting\n"),
        ]);
        assert_eq!(
            found,
            [
                "a/cio.yaml:1:5: id: role id 'cio' differs from role 'CIO' only in case or punctuation: rename one, so that each name finds one role",
                "a/cio.yaml:3:11: aliases[0]: alias 'CIO' is already a name of roles 'CIO' and 'acme': a name must find one role; remove it or change it",
                "a/acme.yaml:3:11: aliases[0]: alias 'C.I.O.' is already a name of roles 'CIO' and 'cio': a name must find one role; remove it or change it",
                "a/CIO.yaml:1:5: id: role id 'CIO' differs from role 'cio' only in case or punctuation: rename one, so that each name finds one role",
            ]
        );
    }

    #[test]
    fn an_id_that_is_another_roles_title_is_a_problem() {
        let found = problems(&[
            sources(),
            file("a/cio.yaml", "id: cio\ntitle: Chief Information Officer\n"),
            file(
                "a/chief-information-officer.yaml",
                "id: chief-information-officer\ntitle: Ours\n",
            ),
        ]);
        assert_eq!(
            found,
            [
                "a/cio.yaml:2:8: title: title 'Chief Information Officer' is already a name of role 'chief-information-officer': a name must find one role; remove it or change it",
                "a/chief-information-officer.yaml:1:5: id: role id 'chief-information-officer' is also the title or an alias of role 'cio': rename one, so that each name finds one role",
            ]
        );
    }

    #[test]
    fn an_unknown_source_cited_many_times_is_one_problem() {
        let role = "id: cto\ntitle: Chief\nsummary:\n  - text: A.\n    sources: [book]\n  - text: B.\n    sources: [book]\n  - text: C.\n    sources: [book]\n";
        assert_eq!(
            problems(&[sources(), file("roles/cto.yaml", role)]),
            [
                "roles/cto.yaml:5:15: summary[0].sources[0]: unknown source 'book' (known source ids: brief), cited 3 times (also on lines 7, 9): add it to a sources.yaml beside your role files"
            ]
        );
    }

    #[test]
    fn a_file_with_bad_keys_reports_each_problem_once_with_its_references() {
        let role = "id: cto\ntitel: Chief\nsummary:\n  - text: A.\n    sources: [bok]\n    note: x\ncollaboration:\n  - with: ceo\n    relation: overlap\n    area: [x]\n    text: T\n    sources: [brief]\n";
        assert_eq!(
            problems(&[sources(), file("roles/cto.yaml", role)]),
            [
                "roles/cto.yaml:2:1: titel: unknown key `titel`: did you mean `title`?",
                "roles/cto.yaml:5:15: summary[0].sources[0]: unknown source 'bok' (known source ids: brief): add it to a sources.yaml beside your role files",
                "roles/cto.yaml:6:5: summary[0].note: unknown key `note`: expected one of: sources, text",
                // The broken file's own id is known: it is what 'ceo' may be a typo of.
                "roles/cto.yaml:8:11: collaboration[0].with: unknown role 'ceo' (did you mean 'cto'?): define it in its own file (`rolecmp init <id>`)",
                "roles/cto.yaml:10:11: collaboration[0].area: expected a text, found a list",
            ]
        );
    }

    #[test]
    fn a_source_missing_everywhere_lists_only_the_first_places() {
        let fact = "  - text: A.\n    sources: [book]\n";
        let role = format!("id: cto\ntitle: Chief\nsummary:\n{}", fact.repeat(50));
        let found = problems(&[sources(), file("roles/cto.yaml", &role)]);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].contains(
                "cited 50 times (also on lines 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 39 more)"
            ),
            "{found:?}"
        );
    }

    #[test]
    fn a_role_reporting_to_or_collaborating_with_itself_is_a_problem() {
        let role = "id: cto\ntitle: Chief\nreporting:\n  - to: cto\n    prevalence: usual\n    text: Self.\n    sources: [brief]\ncollaboration:\n  - with: cto\n    relation: overlap\n    text: Self.\n    sources: [brief]\n";
        assert_eq!(
            problems(&[sources(), file("roles/cto.yaml", role)]),
            [
                "roles/cto.yaml:4:9: reporting[0].to: a role cannot report to itself: name the role it reports to",
                "roles/cto.yaml:9:11: collaboration[0].with: a role cannot collaborate with itself: name the other role",
            ]
        );
    }

    #[test]
    fn an_extending_file_changes_fields_and_merges_industries_by_id() {
        let vocabulary = file(
            "industries.yaml",
            "industries:\n  - id: retail\n    label: Retail\n  - id: energy\n    label: Energy\n",
        );
        let base = "id: cto\ntitle: Chief\nindustries:\n  - industry: retail\n    facts:\n      - text: Base.\n        sources: [brief]\n";
        let top = "id: cto\nextends: cto\ntitle: Our CTO\nindustries:\n  - industry: energy\n    facts:\n      - text: Added.\n        sources: [brief]\n";
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
        let how: Vec<Layering> = role.origin.iter().map(|layer| layer.how).collect();
        assert_eq!(how, [Layering::Defines, Layering::Extends]);
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
