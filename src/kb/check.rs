//! Loading, stage three: every problem in the files and in what layering made of them,
//! each at its file, line and column: texts, references to unknown ids, entries given twice,
//! and names that would find more than one role (see [`names`]).
//!
//! Checking reads the parsed files and the layered knowledge base; it changes neither.

#[path = "check/names.rs"]
mod names;
#[path = "check/search_words.rs"]
mod search_words;
#[path = "check/twice.rs"]
mod twice;
#[path = "check/unused.rs"]
mod unused;

pub use unused::warnings;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_saphyr::Spanned;

use super::layer::Layered;
use super::lookup::{self, Finder, Found};
use super::parse::{self, Document, Parsed};
use super::raw::{self, RawEvidence, RawFact, RawRole, Text};
use super::{Diagnostic, evidence};
use crate::model::{BUILTIN, Term};

/// The work did-you-mean may do for one load, in character comparisons: thousands of typical
/// suggestions, a fraction of a second however many unknown names the files hold.
const SUGGESTION_BUDGET: usize = 20_000_000;

/// Every problem in `parsed` and in `layered`, in no particular order.
pub fn check(parsed: &[Parsed], layered: &Layered) -> Vec<Diagnostic> {
    let kb = &layered.kb;
    let mut roles: BTreeSet<&str> = kb.roles.iter().map(|role| role.id.as_str()).collect();
    // Files that refer to a role in a file with problems should not be told it is unknown.
    for file in parsed
        .iter()
        .filter(|file| parse::is_role_file(&file.file.name))
    {
        match (&file.document, &file.id) {
            (Some(Document::Role(role)), _) => roles.insert(&role.id.value),
            (_, Some(id)) => roles.insert(&id.value),
            _ => false,
        };
    }
    let mut family_forms: HashMap<&str, Vec<&str>> = HashMap::new();
    for family in &kb.search_words.families {
        for form in &family.forms {
            family_forms.entry(form).or_default().push(&family.id);
        }
    }
    let ids = Ids {
        family_forms,
        sources: kb.sources.iter().map(|source| source.id.as_str()).collect(),
        occupations: kb.occupations.iter().map(|o| o.id.as_str()).collect(),
        shared: names::shared_aliases(kb),
        areas: Finder::new(&kb.areas, "area", false),
        industries: Finder::new(&kb.industries, "industry", false),
        roles,
    };
    let mut checks = Checks {
        ids: &ids,
        diagnostics: Vec::new(),
        suggester: lookup::Suggester::new(SUGGESTION_BUDGET),
        texts: evidence::Texts::default(),
    };
    // What evidence may quote: every source, with the texts the loaded files store beside
    // their sources files (those of the base, such as the built-in sources, are not at hand).
    for source in &kb.sources {
        checks.texts.add_known(&source.id, source.kind);
    }
    for file in parsed {
        if let Some(Document::Sources(sources)) = &file.document {
            for (index, source) in sources.sources.iter().enumerate() {
                let key = format!("sources[{index}]");
                let problem = checks.texts.add(
                    &file.file.name,
                    &source.id.value,
                    source.kind,
                    source.text_file.as_ref(),
                    &key,
                );
                checks.diagnostics.extend(problem);
            }
        }
    }
    for file in parsed {
        checks.file(file);
    }
    checks.one_role_file_per_folder(parsed);
    names::check(parsed, kb, &mut checks.diagnostics);
    checks.diagnostics
}

/// Ids defined anywhere in the base and the loaded files, for checking references.
struct Ids<'k> {
    /// The families of the layered search vocabulary that hold each form.
    family_forms: HashMap<&'k str, Vec<&'k str>>,
    sources: BTreeSet<&'k str>,
    occupations: BTreeSet<&'k str>,
    /// Roles by the abbreviations they share (normalised), so that a file naming a role by
    /// one is told which ids it stands for.
    shared: HashMap<String, Vec<&'k str>>,
    areas: Finder<'k, Term>,
    industries: Finder<'k, Term>,
    roles: BTreeSet<&'k str>,
}

impl Ids<'_> {
    /// Whether `name` is a known id of `kind`; an area or industry may be named by its
    /// label or an alias too.
    fn knows(&self, kind: &str, name: &str) -> bool {
        match kind {
            "source" => self.sources.contains(name),
            "occupation" => self.occupations.contains(name),
            "area" => matches!(self.areas.locate(name), Found::One(_)),
            "industry" => matches!(self.industries.locate(name), Found::One(_)),
            _ => self.roles.contains(name),
        }
    }

    /// The ids of a kind, for a hint.
    fn of(&self, kind: &str) -> Vec<&str> {
        match kind {
            "source" => self.sources.iter().copied().collect(),
            "occupation" => self.occupations.iter().copied().collect(),
            "area" => self.areas.items().iter().map(|t| t.id.as_str()).collect(),
            "industry" => self
                .industries
                .items()
                .iter()
                .map(|t| t.id.as_str())
                .collect(),
            _ => self.roles.iter().copied().collect(),
        }
    }

    /// The ids that suggested names stand for, each once: "security", not also "Security".
    fn ids_of(&self, kind: &str, names: Vec<String>) -> Vec<String> {
        let finder = match kind {
            "area" => &self.areas,
            "industry" => &self.industries,
            _ => return names,
        };
        let mut ids: Vec<String> = Vec::new();
        for name in names {
            let id = match finder.locate(&name) {
                Found::One(index) => finder.items()[index].id.clone(),
                _ => name,
            };
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    /// The names a did-you-mean may offer for a kind: ids, and labels and aliases of areas
    /// and industries, which files may use too.
    fn names(&self, kind: &str) -> Vec<&str> {
        let terms = match kind {
            "area" => self.areas.items(),
            "industry" => self.industries.items(),
            _ => return self.of(kind),
        };
        terms
            .iter()
            .flat_map(|term| {
                std::iter::once(term.id.as_str())
                    .chain(std::iter::once(term.label.as_str()))
                    .chain(term.aliases.iter().map(String::as_str))
            })
            .collect()
    }
}

/// The checks of every file, and what they found.
struct Checks<'k> {
    ids: &'k Ids<'k>,
    diagnostics: Vec<Diagnostic>,
    suggester: lookup::Suggester,
    /// The sources evidence may quote, with the texts stored beside the loaded files.
    texts: evidence::Texts,
}

impl Checks<'_> {
    fn checker<'a>(&'a mut self, file: &'a str, open: &'a [u64]) -> Checker<'a> {
        Checker {
            file,
            ids: self.ids,
            diagnostics: &mut self.diagnostics,
            unknown: BTreeMap::new(),
            suggester: &mut self.suggester,
            texts: &mut self.texts,
            open,
        }
    }

    fn file(&mut self, parsed: &Parsed) {
        let file = parsed.file.name.as_str();
        self.diagnostics.extend(parsed.problems.iter().cloned());
        match &parsed.document {
            Some(Document::Sources(sources)) => self.sources(file, sources),
            Some(Document::Vocabulary(vocabulary)) => {
                self.vocabulary(file, vocabulary, &parsed.open);
            }
            Some(Document::Role(role)) => {
                let mut checker = self.checker(file, &parsed.open);
                checker.role(role);
                checker.report_unknown();
                self.given_twice(file, role);
            }
            // References in a file whose structure is broken are still checked.
            None => {
                let mut checker = self.checker(file, &parsed.open);
                for reference in &parsed.references {
                    checker.reference(&reference.id, reference.key.clone(), reference.kind);
                }
                checker.report_unknown();
            }
        }
    }

    fn sources(&mut self, file: &str, parsed: &raw::SourcesFile) {
        let mut first = HashMap::new();
        for (index, source) in parsed.sources.iter().enumerate() {
            let key = format!("sources[{index}]");
            self.plain_id("source", &source.id, file, &key);
            self.once(&mut first, file, &source.id, &key, "source");
            // `init` writes a sources file with TODOs too; it is not done until they are.
            for (name, text) in [
                ("title", &source.title),
                ("description", &source.description),
            ] {
                if text.value.trim_start().starts_with("TODO") {
                    self.diagnostics.push(Diagnostic::at(
                        file,
                        text,
                        format!("{key}.{name}"),
                        "unfinished template text: replace the TODO",
                    ));
                }
            }
        }
    }

    fn vocabulary(&mut self, file: &str, parsed: &raw::VocabularyFile, open: &[u64]) {
        for (list, kind, terms) in [
            ("industries", "industry", &parsed.industries),
            ("areas", "area", &parsed.areas),
        ] {
            let mut first = HashMap::new();
            for (index, term) in terms.iter().enumerate() {
                let key = format!("{list}[{index}]");
                self.plain_id(kind, &term.id, file, &key);
                self.once(&mut first, file, &term.id, &key, kind);
            }
        }
        let mut first = HashMap::new();
        for (index, occupation) in parsed.occupations.iter().enumerate() {
            let key = format!("occupations[{index}]");
            self.plain_id("occupation", &occupation.id, file, &key);
            self.once(&mut first, file, &occupation.id, &key, "occupation");
            let mut checker = self.checker(file, open);
            checker.occupation(occupation, &key);
            checker.report_unknown();
        }
        let mut first = HashMap::new();
        for (index, entry) in parsed.glossary.iter().enumerate() {
            let key = format!("glossary[{index}]");
            self.once(&mut first, file, &entry.id, &key, "glossary entry");
            let mut checker = self.checker(file, open);
            checker.glossary_entry(entry, &key);
            checker.report_unknown();
        }
        self.search_words(file, parsed);
    }
}

/// Checks one role file's references and texts, appending what is wrong.
struct Checker<'a> {
    file: &'a str,
    ids: &'a Ids<'a>,
    diagnostics: &'a mut Vec<Diagnostic>,
    /// Unknown ids by kind and id, each with every place it is cited, so that one missing
    /// source cited nine times is one problem, not nine.
    unknown: BTreeMap<(&'static str, String), Vec<Diagnostic>>,
    suggester: &'a mut lookup::Suggester,
    texts: &'a mut evidence::Texts,
    /// Lines of values a syntax error cut short: what is missing there may be only hidden.
    open: &'a [u64],
}

impl Checker<'_> {
    fn report(&mut self, at: &Text, key: String, message: String) {
        self.diagnostics
            .push(Diagnostic::at(self.file, at, key, message));
    }

    /// Whether something missing at `at` may only be cut off by a syntax error below it.
    fn cut_short(&self, at: &Text) -> bool {
        self.open.contains(&at.referenced.line())
    }

    fn text(&mut self, text: &Text, key: String) {
        let value = text.value.trim();
        if value.is_empty() {
            if self.cut_short(text) {
                return;
            }
            self.report(text, key, "text is empty".to_owned());
        } else if value.starts_with("TODO") {
            self.report(
                text,
                key,
                "unfinished template text: replace the TODO".to_owned(),
            );
        }
    }

    fn reference(&mut self, id: &Text, key: String, kind: &'static str) {
        if self.ids.knows(kind, &id.value) {
            return;
        }
        let place = Diagnostic::at(self.file, id, key, String::new());
        self.unknown
            .entry((kind, id.value.clone()))
            .or_default()
            .push(place);
    }

    /// One problem per unknown id, at its first place, saying how often it is cited and how
    /// to define it.
    fn report_unknown(&mut self) {
        for ((kind, id), mut places) in std::mem::take(&mut self.unknown) {
            let known = self.ids.of(kind);
            let suggestions = self
                .ids
                .ids_of(kind, self.suggester.suggest(&id, self.ids.names(kind)));
            let shared = (kind == "role")
                .then(|| self.ids.shared.get(&lookup::normalize(&id)))
                .flatten();
            let hint = if let Some(holders) = shared {
                let ids: Vec<String> = holders.iter().map(|h| format!("'{h}'")).collect();
                format!(
                    " ('{id}' is a shared abbreviation of {}: name one of them by its id)",
                    ids.join(" and ")
                )
            } else if !suggestions.is_empty() {
                format!(" (did you mean {}?)", lookup::either(&suggestions, "'"))
            } else if known.is_empty() {
                format!(" (no {kind} is defined)")
            } else {
                format!(" (known {kind} ids: {})", join(kind, &known))
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
                "occupation" => {
                    "add it to an occupations.yaml beside your role files (`rolecmp schema vocabulary`)"
                }
                _ => "define it in its own file (`rolecmp init <id>`)",
            };
            let mut first = places.swap_remove(0);
            first.message = format!("unknown {kind} '{id}'{hint}{times}: {how}");
            self.diagnostics.push(first);
        }
    }

    fn cited(
        &mut self,
        text: &Text,
        sources: &[Text],
        evidence: Option<&Spanned<RawEvidence>>,
        key: &str,
    ) {
        self.text(text, format!("{key}.text"));
        self.citations(text, sources, key, "fact");
        self.evidence(sources, evidence, key);
    }

    /// Each quote of an entry's evidence, against the entry's sources and their texts.
    fn evidence(&mut self, sources: &[Text], evidence: Option<&Spanned<RawEvidence>>, key: &str) {
        if let Some(evidence) = evidence {
            let problems = self.texts.check(self.file, sources, evidence, key);
            self.diagnostics.extend(problems);
        }
    }

    /// The sources of a fact or glossary entry (`what`), reported at `at` when there are none.
    fn citations(&mut self, at: &Text, sources: &[Text], key: &str, what: &str) {
        if sources.is_empty() && !self.cut_short(at) {
            self.report(
                at,
                format!("{key}.sources"),
                format!("{what} has no source: add `sources: [<source id>]`"),
            );
        }
        for (index, source) in sources.iter().enumerate() {
            self.reference(source, format!("{key}.sources[{index}]"), "source");
        }
    }

    fn facts(&mut self, facts: &[RawFact], key: &str) {
        for (index, fact) in facts.iter().enumerate() {
            self.cited(
                &fact.text,
                &fact.sources,
                fact.evidence.as_ref(),
                &format!("{key}[{index}]"),
            );
        }
    }

    /// An industry example's facts: each cited, and the areas it names known.
    fn example_facts(&mut self, facts: &[raw::RawExampleFact], key: &str) {
        for (index, fact) in facts.iter().enumerate() {
            let key = format!("{key}[{index}]");
            for (place, area) in fact.areas.iter().enumerate() {
                self.reference(area, format!("{key}.areas[{place}]"), "area");
            }
            self.cited(&fact.text, &fact.sources, fact.evidence.as_ref(), &key);
        }
    }

    fn glossary_entry(&mut self, entry: &raw::RawGlossaryEntry, key: &str) {
        self.text(&entry.term, format!("{key}.term"));
        if entry.expansions.is_empty() && !self.cut_short(&entry.term) {
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
        self.evidence(&entry.sources, entry.evidence.as_ref(), key);
    }

    /// An occupation: its code, and each figure with its period and place, both required
    /// so that no figure is shown without saying when and where it holds.
    fn occupation(&mut self, occupation: &raw::RawOccupation, key: &str) {
        self.text(&occupation.code, format!("{key}.code"));
        self.citations(&occupation.code, &occupation.sources, key, "occupation");
        self.evidence(&occupation.sources, occupation.evidence.as_ref(), key);
        for (index, fact) in occupation.facts.iter().enumerate() {
            let key = format!("{key}.facts[{index}]");
            self.text(&fact.period, format!("{key}.period"));
            self.text(&fact.place, format!("{key}.place"));
            self.cited(&fact.text, &fact.sources, fact.evidence.as_ref(), &key);
        }
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
        let stem = parse::file_stem(self.file);
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
            self.reference(base, "extends".to_owned(), "role");
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
        for (index, alias) in role.shared_aliases.iter().flatten().enumerate() {
            self.text(alias, format!("shared_aliases[{index}]"));
        }
        for (index, code) in role.codes.iter().flatten().enumerate() {
            let key = format!("codes[{index}]");
            self.reference(&code.occupation, format!("{key}.occupation"), "occupation");
            self.cited(&code.text, &code.sources, code.evidence.as_ref(), &key);
        }
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
            self.reference(&item.area, format!("{key}.area"), "area");
            for (other, fact) in item.facts.iter().enumerate() {
                let key = format!("{key}.facts[{other}]");
                self.cited(&fact.text, &fact.sources, fact.evidence.as_ref(), &key);
            }
        }
        for (index, line) in role.reporting.iter().flatten().enumerate() {
            let key = format!("reporting[{index}]");
            self.reference(&line.to, format!("{key}.to"), "role");
            self.cited(&line.text, &line.sources, line.evidence.as_ref(), &key);
        }
        for (index, example) in role.industries.iter().flatten().enumerate() {
            let key = format!("industries[{index}]");
            self.reference(&example.industry, format!("{key}.industry"), "industry");
            for (other, area) in example.areas.iter().enumerate() {
                self.reference(area, format!("{key}.areas[{other}]"), "area");
            }
            self.example_facts(&example.facts, &format!("{key}.facts"));
        }
        for (index, link) in role.collaboration.iter().flatten().enumerate() {
            let key = format!("collaboration[{index}]");
            self.reference(&link.with, format!("{key}.with"), "role");
            if let Some(area) = &link.area {
                self.reference(area, format!("{key}.area"), "area");
            }
            self.cited(&link.text, &link.sources, link.evidence.as_ref(), &key);
        }
        for (index, dispute) in role.disputes.iter().flatten().enumerate() {
            let key = format!("disputes[{index}]");
            self.text(&dispute.topic, format!("{key}.topic"));
            for (other, id) in dispute.with.iter().enumerate() {
                self.reference(id, format!("{key}.with[{other}]"), "role");
            }
            if let Some(headline) = &dispute.headline {
                self.cited(
                    &headline.text,
                    &headline.sources,
                    headline.evidence.as_ref(),
                    &format!("{key}.headline"),
                );
            }
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

/// The ids for a hint, at most ten of them so that a large knowledge base stays readable,
/// with the command that lists them all.
fn join(kind: &str, ids: &[&str]) -> String {
    const SHOWN: usize = 10;
    let mut list = ids
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > SHOWN {
        let all = match kind {
            "area" => "; `rolecmp list areas` lists them all",
            "industry" => "; `rolecmp list industries` lists them all",
            "source" => "; `rolecmp list sources` lists them all",
            "occupation" => "; `rolecmp list codes` shows those roles use",
            _ => "; `rolecmp list` lists them all",
        };
        list = format!("{list} and {} more{all}", ids.len() - SHOWN);
    }
    list
}
