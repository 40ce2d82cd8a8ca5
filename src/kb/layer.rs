//! Loading, stage two: the parsed files layered over the base knowledge base.
//!
//! Sources, industries, areas, glossary entries and the intents and word families of the
//! search vocabulary layer by id: a later file's entry takes the place of an earlier one;
//! stop words add up. Roles layer as a graph. Each role id has its layers in load
//! order (the base, then the files: user folder, `ROLECMP_DATA`, `--data`, each folder's
//! files by name). A file without `extends:` defines the role or replaces it whole; with
//! `extends: builtin` or `extends: <its own id>` it extends the role as the layers before it
//! left it; a role's first file may say `extends: <another id>` to start as a copy of that
//! role's finished form, so roles are layered after the roles they copy, whatever the order
//! of their files, and a circle of copies is refused. Extending merges field by field by the
//! rules of [`overlay`].

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

#[path = "layer/append.rs"]
mod append;
#[path = "layer/convert.rs"]
mod convert;

use super::lookup::{Finder, Found};
use super::parse::{DataFile, Document, Parsed};
use super::raw::{self, RawFact, RawRole, Replaced};
use super::{Diagnostic, KnowledgeBase};
use crate::model::{
    BUILTIN, Collaboration, Dispute, Fact, IndustryExample, Layer, Layering, Position,
    ReportingLine, Responsibility, Role, SearchWords, Term,
};
use append::{append, append_quoted};
use convert::{
    code_from, duty, excerpts, fact, family_from, glossary_entry_from, intent_from, nfc,
    occupation_from, search_word, source_from, term_from, values,
};

/// The knowledge base once every file is layered, and what stopped a layer applying.
#[derive(Debug)]
pub struct Layered {
    pub kb: KnowledgeBase,
    pub problems: Vec<Diagnostic>,
}

/// Layers `parsed` over `base`. Role files are layered only when read whole; sources and
/// vocabularies also when only their lines before a syntax error could be read, so that the
/// ids they define are known to the other files.
pub fn layer(base: KnowledgeBase, parsed: &[Parsed]) -> Layered {
    let KnowledgeBase {
        sources,
        industries,
        areas,
        roles,
        glossary,
        occupations,
        search_words,
        shipped,
    } = base;
    let mut sources = by_id(sources, |source| &source.id);
    let mut industries = by_id(industries, |term| &term.id);
    let mut areas = by_id(areas, |term| &term.id);
    let mut glossary = by_id(glossary, |entry| &entry.id);
    let mut occupations = by_id(occupations, |occupation| &occupation.id);
    let mut stop_words: BTreeSet<String> = search_words.stop_words.into_iter().collect();
    let mut intents = by_id(search_words.intents, |intent| &intent.id);
    let mut families = by_id(search_words.families, |family| &family.id);
    for document in parsed.iter().filter_map(|file| file.document.as_ref()) {
        match document {
            Document::Sources(file) => {
                for source in &file.sources {
                    sources.insert(source.id.value.clone(), source_from(source));
                }
            }
            Document::Vocabulary(file) => {
                for (terms, into) in [
                    (&file.industries, &mut industries),
                    (&file.areas, &mut areas),
                ] {
                    for term in terms {
                        into.insert(term.id.value.clone(), term_from(term));
                    }
                }
                for entry in &file.glossary {
                    glossary.insert(entry.id.value.clone(), glossary_entry_from(entry));
                }
                for occupation in &file.occupations {
                    occupations.insert(occupation.id.value.clone(), occupation_from(occupation));
                }
                stop_words.extend(file.stop_words.iter().map(search_word));
                for intent in &file.intents {
                    intents.insert(intent.id.value.clone(), intent_from(intent));
                }
                for family in &file.families {
                    families.insert(family.id.value.clone(), family_from(family));
                }
            }
            Document::Role(_) => {}
        }
    }
    let industries: Vec<Term> = industries.into_values().collect();
    let areas: Vec<Term> = areas.into_values().collect();
    let mut layers = RoleLayers {
        builtin: roles.iter().map(|role| role.id.clone()).collect(),
        roles: roles
            .into_iter()
            .map(|role| (role.id.clone(), role))
            .collect(),
        files: HashMap::new(),
        areas: Finder::new(&areas, "area", false),
        industries: Finder::new(&industries, "industry", false),
        problems: Vec::new(),
    };
    let mut ids = Vec::new();
    for file in parsed {
        if let Some(role) = file.whole_role() {
            let layers = layers.files.entry(role.id.value.as_str()).or_default();
            if layers.is_empty() {
                ids.push(role.id.value.as_str());
            }
            layers.push((file.file, role));
        }
    }
    for id in layers.order(&ids) {
        layers.apply(id);
    }
    let RoleLayers {
        roles, problems, ..
    } = layers;
    let mut roles: Vec<Role> = roles.into_values().collect();
    roles.sort_by(|a, b| a.id.cmp(&b.id));
    Layered {
        kb: KnowledgeBase {
            sources: sources.into_values().collect(),
            industries,
            areas,
            roles,
            glossary: glossary.into_values().collect(),
            occupations: occupations.into_values().collect(),
            search_words: SearchWords {
                stop_words: stop_words.into_iter().collect(),
                intents: intents.into_values().collect(),
                families: families.into_values().collect(),
            },
            shipped,
        },
        problems,
    }
}

fn by_id<T>(items: Vec<T>, id: impl Fn(&T) -> &String) -> BTreeMap<String, T> {
    items
        .into_iter()
        .map(|item| (id(&item).clone(), item))
        .collect()
}

/// The roles being layered: their state so far and the files still to apply.
struct RoleLayers<'p, 't> {
    /// Ids of the base's roles, which `extends: builtin` refers to.
    builtin: HashSet<String>,
    roles: HashMap<String, Role>,
    /// The files of each role id, in load order.
    files: HashMap<&'p str, Vec<(&'p DataFile, &'p RawRole)>>,
    /// Area and industry names, for entries that name one by label or alias.
    areas: Finder<'t, Term>,
    industries: Finder<'t, Term>,
    problems: Vec<Diagnostic>,
}

/// Most links of a circle of `extends:` named in its message.
const SHOWN_LINKS: usize = 6;

impl<'p> RoleLayers<'p, '_> {
    /// The role another role's first file starts as a copy of (`extends: cio`), if any.
    fn base_of(&self, id: &str) -> Option<&'p str> {
        let (_, first) = self.files.get(id)?.first()?;
        first
            .extends
            .as_ref()
            .map(|base| base.value.as_str())
            .filter(|base| *base != BUILTIN && *base != id)
    }

    /// `ids` in an order where every role comes after the role it copies: each chain of
    /// `extends:` is followed once, so the work is linear in the number of roles. A circle
    /// is reported at each of its files.
    fn order(&mut self, ids: &[&'p str]) -> Vec<&'p str> {
        #[derive(PartialEq)]
        enum Seen {
            OnPath,
            Done,
        }
        let mut seen: HashMap<&str, Seen> = HashMap::with_capacity(ids.len());
        let mut order = Vec::with_capacity(ids.len());
        for &start in ids {
            let mut path: Vec<&'p str> = Vec::new();
            let mut current = Some(start);
            while let Some(id) = current {
                match seen.get(id) {
                    Some(Seen::Done) => break,
                    Some(Seen::OnPath) => {
                        let from = path.iter().position(|on| *on == id).unwrap_or(0);
                        self.circle(&path[from..]);
                        break;
                    }
                    None => {}
                }
                seen.insert(id, Seen::OnPath);
                path.push(id);
                current = self
                    .base_of(id)
                    .filter(|base| self.files.contains_key(base));
            }
            for id in path.into_iter().rev() {
                seen.insert(id, Seen::Done);
                order.push(id);
            }
        }
        order
    }

    /// Reports a circle of roles each starting as a copy of the next, at each `extends:`.
    fn circle(&mut self, ids: &[&'p str]) {
        let link = |id: &str| {
            let (file, raw) = self.files[id][0];
            let line = raw.extends.as_ref().map_or(0, |at| at.referenced.line());
            format!("'{id}' ({}:{line})", file.name)
        };
        let mut links: Vec<String> = ids.iter().take(SHOWN_LINKS).map(|id| link(id)).collect();
        if ids.len() > SHOWN_LINKS {
            links.push(format!("{} more", ids.len() - SHOWN_LINKS));
        }
        let message = format!(
            "`extends:` goes round in a circle: {} extends '{}' again: end the chain at a role defined without `extends:` another role",
            links.join(" extends "),
            ids[0]
        );
        for id in ids {
            let (file, raw) = self.files[id][0];
            if let Some(base) = &raw.extends {
                self.problems
                    .push(Diagnostic::at(&file.name, base, "extends", message.clone()));
            }
        }
    }

    /// Applies every file of role `id`, in load order.
    fn apply(&mut self, id: &str) {
        let files = self.files.remove(id).unwrap_or_default();
        let mut role = self.roles.remove(id);
        for (file, raw) in files {
            role = Some(self.apply_file(id, role, file, raw));
        }
        if let Some(role) = role {
            self.roles.insert(id.to_owned(), role);
        }
    }

    /// One file over the role as the layers before it left it (`None`: no layer yet).
    fn apply_file(
        &mut self,
        id: &str,
        earlier: Option<Role>,
        file: &DataFile,
        raw: &RawRole,
    ) -> Role {
        let existed = earlier.is_some();
        let mut problems = Vec::new();
        let mut problem = |at: &raw::Text, message: String| {
            problems.push(Diagnostic::at(&file.name, at, "extends", message));
        };
        let (mut role, how, base) = match &raw.extends {
            None => {
                let origin = earlier.map(|role| role.origin).unwrap_or_default();
                let how = if existed {
                    Layering::Replaces
                } else {
                    Layering::Defines
                };
                (new_role(id, origin), how, None)
            }
            Some(extends) if extends.value == BUILTIN => {
                if !self.builtin.contains(id) {
                    let why = if self.builtin.is_empty() {
                        " (the built-in knowledge base is not loaded)"
                    } else {
                        ""
                    };
                    problem(
                        extends,
                        format!(
                            "there is no built-in role '{id}' to extend{why}: remove `extends:` to define the role here"
                        ),
                    );
                }
                extended(id, earlier)
            }
            Some(extends) if extends.value == id => {
                if !existed {
                    problem(
                        extends,
                        format!(
                            "nothing to extend: no earlier layer defines role '{id}'; remove `extends:` to define it here"
                        ),
                    );
                }
                extended(id, earlier)
            }
            Some(other) => {
                if let Some(earlier) = earlier {
                    let by = earlier
                        .origin
                        .last()
                        .map_or_else(String::new, |layer| format!(" ({})", layer.file));
                    problem(
                        other,
                        format!(
                            "role '{id}' is already defined{by}: `extends: {}` starts a new role as a copy; to change '{id}' write `extends: {id}`, or give this role an id of its own",
                            other.value
                        ),
                    );
                    extended(id, Some(earlier))
                } else {
                    // An unknown base is reported by the checker, with a did-you-mean.
                    let copy = self.roles.get(&other.value).map_or_else(
                        || new_role(id, Vec::new()),
                        |other| Role {
                            id: id.to_owned(),
                            // A copy answering to the other role's names would shadow it.
                            title: String::new(),
                            aliases: Vec::new(),
                            shared_aliases: Vec::new(),
                            origin: Vec::new(),
                            ..other.clone()
                        },
                    );
                    (copy, Layering::Extends, Some(other.value.clone()))
                }
            }
        };
        self.problems.extend(problems);
        let replaced = self.overlay(&mut role, raw);
        role.origin.push(Layer {
            file: file.origin.clone(),
            how,
            base,
            replaced,
        });
        // An empty `title:` is reported where it is written; here only a title never given.
        if role.title.is_empty() && raw.title.is_none() {
            let message = if how == Layering::Replaces {
                format!(
                    "role '{id}' has no title: this file replaces the existing role '{id}' (a file whose id exists replaces that role); add `title:` and `summary:`, or `extends: builtin` to change only some fields"
                )
            } else {
                format!("role '{id}' has no title: a new role needs `title:` and `summary:`")
            };
            self.problems
                .push(Diagnostic::at(&file.name, &raw.id, "title", message));
        }
        role
    }

    /// The id of the area or industry an entry names by id, label or alias; the name as
    /// written when it finds none (the checker reports it).
    fn term_id(finder: &Finder<Term>, terms: &[Term], name: &str) -> String {
        match finder.locate(name) {
            Found::One(index) => terms[index].id.clone(),
            _ => name.to_owned(),
        }
    }

    /// Applies a role file to a role, field by field:
    ///
    /// - `title` (a scalar) replaces; so do `primary` positions and an area's `involvement`
    ///   when given;
    /// - lists (aliases, headlines, summary, background, a position's facts, reporting lines,
    ///   collaboration) are appended to, an entry identical to one there once;
    /// - responsibilities and industries merge by area and industry id, fact by fact, and
    ///   disputes by topic, claim by claim;
    /// - `replace: [part]` drops the role's part first, and `replace: true` on an area or
    ///   industry entry its facts there. A role that starts empty (a new or replacing file)
    ///   simply takes the file's lists.
    ///
    /// Returns what the file dropped, for the role's origin.
    fn overlay(&self, role: &mut Role, raw: &RawRole) -> Vec<String> {
        let mut replaced = Vec::new();
        for part in raw.replace.iter().flatten() {
            drop_part(role, part.value);
            replaced.push(part.value.key().to_owned());
        }
        if let Some(title) = &raw.title {
            role.title = nfc(title.value.trim());
        }
        for (into, from) in [
            (&mut role.aliases, &raw.aliases),
            (&mut role.shared_aliases, &raw.shared_aliases),
        ] {
            if let Some(names) = from {
                append(
                    into,
                    names.iter().map(|name| nfc(&name.value)),
                    String::as_str,
                );
            }
        }
        if let Some(headlines) = &raw.headlines {
            let into = &mut role.headlines;
            for (into, from) in [
                (&mut into.definition, &headlines.definition),
                (&mut into.focus, &headlines.focus),
                (&mut into.nature, &headlines.nature),
                (&mut into.facing, &headlines.facing),
                (&mut into.reporting, &headlines.reporting),
                (&mut into.background, &headlines.background),
                (&mut into.industries, &headlines.industries),
            ] {
                append_facts(into, from);
            }
        }
        append_facts(&mut role.summary, raw.summary.iter().flatten());
        merge_position(&mut role.focus, raw.focus.as_ref());
        merge_position(&mut role.nature, raw.nature.as_ref());
        merge_position(&mut role.facing, raw.facing.as_ref());
        self.merge_areas(role, raw, &mut replaced);
        append_quoted(
            &mut role.reporting,
            raw.reporting.iter().flatten().map(|line| ReportingLine {
                to: line.to.value.clone(),
                prevalence: line.prevalence,
                alternative: line.alternative.as_deref().map(nfc),
                scope: line.scope.as_deref().map(nfc),
                text: nfc(line.text.value.trim()),
                sources: values(&line.sources),
                evidence: excerpts(&line.sources, line.evidence.as_ref()),
            }),
            |line| line.text.as_str(),
        );
        append_facts(&mut role.background, raw.background.iter().flatten());
        append(
            &mut role.codes,
            raw.codes.iter().flatten().map(code_from),
            |code| code.text.as_str(),
        );
        self.merge_industries(role, raw, &mut replaced);
        if replaced.iter().any(|part| part.starts_with("industries[")) {
            drop_unsupported_industry_headlines(role, raw);
        }
        append_quoted(
            &mut role.collaboration,
            raw.collaboration
                .iter()
                .flatten()
                .map(|link| Collaboration {
                    with: link.with.value.clone(),
                    relation: link.relation,
                    area: link
                        .area
                        .as_ref()
                        .map(|area| Self::term_id(&self.areas, self.areas.items(), &area.value)),
                    prevalence: link.prevalence,
                    scope: link.scope.as_deref().map(nfc),
                    text: nfc(link.text.value.trim()),
                    sources: values(&link.sources),
                    evidence: excerpts(&link.sources, link.evidence.as_ref()),
                }),
            |link| link.text.as_str(),
        );
        merge_disputes(role, raw);
        replaced
    }

    /// Responsibilities merge by area (named by id, label or alias), fact by fact.
    fn merge_areas(&self, role: &mut Role, raw: &RawRole, replaced: &mut Vec<String>) {
        let areas = self.areas.items();
        let mut at: HashMap<String, usize> = index_of(&role.responsibilities, |item| &item.area);
        for item in raw.responsibilities.iter().flatten() {
            let area = Self::term_id(&self.areas, areas, &item.area.value);
            if let Some(&index) = at.get(&area) {
                let entry = &mut role.responsibilities[index];
                if item.replace {
                    entry.facts.clear();
                    replaced.push(format!("responsibilities[{area}]"));
                }
                if let Some(involvement) = item.involvement {
                    entry.involvement = involvement;
                }
                append_quoted(&mut entry.facts, item.facts.iter().map(duty), |fact| {
                    fact.text.as_str()
                });
            } else {
                at.insert(area.clone(), role.responsibilities.len());
                role.responsibilities.push(Responsibility {
                    area,
                    involvement: item.involvement.unwrap_or_default(),
                    facts: item.facts.iter().map(duty).collect(),
                });
            }
        }
    }

    /// Industry examples merge by industry (named by id, label or alias), fact by fact, and
    /// the areas they name (by id, label or alias) one by one.
    fn merge_industries(&self, role: &mut Role, raw: &RawRole, replaced: &mut Vec<String>) {
        let industries = self.industries.items();
        let example_fact = |raw: &raw::RawExampleFact| Fact {
            areas: raw
                .areas
                .iter()
                .map(|area| Self::term_id(&self.areas, self.areas.items(), &area.value))
                .collect(),
            ..convert::example_fact(raw)
        };
        let mut at: HashMap<String, usize> = index_of(&role.industries, |item| &item.industry);
        for item in raw.industries.iter().flatten() {
            let industry = Self::term_id(&self.industries, industries, &item.industry.value);
            let areas = item
                .areas
                .iter()
                .map(|area| Self::term_id(&self.areas, self.areas.items(), &area.value));
            if let Some(&index) = at.get(&industry) {
                let entry = &mut role.industries[index];
                if item.replace {
                    entry.facts.clear();
                    entry.areas.clear();
                    replaced.push(format!("industries[{industry}]"));
                }
                for area in areas {
                    if !entry.areas.contains(&area) {
                        entry.areas.push(area);
                    }
                }
                append_quoted(
                    &mut entry.facts,
                    item.facts.iter().map(example_fact),
                    |fact| fact.text.as_str(),
                );
            } else {
                at.insert(industry.clone(), role.industries.len());
                role.industries.push(IndustryExample {
                    industry,
                    areas: areas.collect(),
                    facts: item.facts.iter().map(example_fact).collect(),
                });
            }
        }
    }
}

/// A role that a file extends: as the layers before left it, or a new one.
fn extended(id: &str, earlier: Option<Role>) -> (Role, Layering, Option<String>) {
    let role = earlier.unwrap_or_else(|| new_role(id, Vec::new()));
    (role, Layering::Extends, None)
}

/// Disputes merge by topic: claims are appended, a headline given replaces the one there.
fn merge_disputes(role: &mut Role, raw: &RawRole) {
    let mut at: HashMap<String, usize> = index_of(&role.disputes, |dispute| &dispute.topic);
    for dispute in raw.disputes.iter().flatten() {
        let topic = nfc(dispute.topic.value.trim());
        let index = *at.entry(topic.clone()).or_insert_with(|| {
            role.disputes.push(Dispute {
                topic,
                with: Vec::new(),
                headline: None,
                claims: Vec::new(),
            });
            role.disputes.len() - 1
        });
        let entry = &mut role.disputes[index];
        append(&mut entry.with, values(&dispute.with), String::as_str);
        if let Some(headline) = &dispute.headline {
            entry.headline = Some(fact(headline));
        }
        append_facts(&mut entry.claims, &dispute.claims);
    }
}

/// Empties one part of a role, for `replace:`, with the headlines that sum that part up: a
/// short statement may not outlive the facts it stands for. (A headline the file itself
/// writes is appended after, so it stays.)
fn drop_part(role: &mut Role, part: Replaced) {
    let headlines = &mut role.headlines;
    match part {
        Replaced::Aliases => {
            role.aliases.clear();
            role.shared_aliases.clear();
        }
        Replaced::Headlines => *headlines = crate::model::Headlines::default(),
        Replaced::Summary => {
            role.summary.clear();
            headlines.definition.clear();
        }
        Replaced::Focus => {
            role.focus = None;
            headlines.focus.clear();
        }
        Replaced::Nature => {
            role.nature = None;
            headlines.nature.clear();
        }
        Replaced::Facing => {
            role.facing = None;
            headlines.facing.clear();
        }
        Replaced::Responsibilities => role.responsibilities.clear(),
        Replaced::Reporting => {
            role.reporting.clear();
            headlines.reporting.clear();
        }
        Replaced::Background => {
            role.background.clear();
            headlines.background.clear();
        }
        Replaced::Codes => role.codes.clear(),
        Replaced::Industries => {
            role.industries.clear();
            headlines.industries.clear();
        }
        Replaced::Collaboration => role.collaboration.clear(),
        Replaced::Disputes => role.disputes.clear(),
    }
}

/// After `replace: true` on some industry entries: keeps the industries headlines that the
/// file wrote or that the remaining examples still support (each source they cite is cited
/// by an example's fact), so that no headline stands for facts the file dropped.
fn drop_unsupported_industry_headlines(role: &mut Role, raw: &RawRole) {
    let written: HashSet<String> = raw
        .headlines
        .iter()
        .flat_map(|headlines| &headlines.industries)
        .map(|headline| fact(headline).text)
        .collect();
    let cited: HashSet<&String> = role
        .industries
        .iter()
        .flat_map(|example| &example.facts)
        .flat_map(|fact| &fact.sources)
        .collect();
    role.headlines.industries.retain(|headline| {
        written.contains(&headline.text)
            || headline.sources.iter().all(|source| cited.contains(source))
    });
}

fn merge_position<T: Copy>(into: &mut Option<Position<T>>, raw: Option<&raw::RawPosition<T>>) {
    let Some(raw) = raw else {
        return;
    };
    let position = into.get_or_insert_with(|| Position {
        primary: None,
        facts: Vec::new(),
    });
    if raw.primary.is_some() {
        position.primary = raw.primary;
    }
    append_facts(&mut position.facts, &raw.facts);
}

/// Positions of the entries of `items` by key.
fn index_of<T>(items: &[T], key: impl Fn(&T) -> &String) -> HashMap<String, usize> {
    items
        .iter()
        .enumerate()
        .map(|(index, item)| (key(item).clone(), index))
        .collect()
}

fn append_facts<'r>(into: &mut Vec<Fact>, raw: impl IntoIterator<Item = &'r RawFact>) {
    append_quoted(into, raw.into_iter().map(fact), |fact| fact.text.as_str());
}

fn new_role(id: &str, origin: Vec<Layer>) -> Role {
    Role {
        id: id.to_owned(),
        origin,
        ..Role::default()
    }
}
