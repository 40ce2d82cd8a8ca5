//! Raw shapes into the model's types: texts trimmed where a file's layout adds space, and
//! every text and name in Unicode normal form C.

use super::super::raw::{self, RawFact};
use super::super::{evidence, lookup};
use crate::model::{
    Code, Excerpt, Fact, GlossaryEntry, Intent, Involvement, Occupation, OccupationFact, Source,
    Term, WordFamily,
};

pub fn nfc(text: &str) -> String {
    lookup::nfc(text).into_owned()
}

pub fn values(texts: &[raw::Text]) -> Vec<String> {
    texts.iter().map(|text| text.value.clone()).collect()
}

pub fn fact(raw: &RawFact) -> Fact {
    statement(&raw.text, &raw.sources, raw.evidence.as_ref(), None)
}

/// An industry example's fact; its own areas, named as the file names them, are resolved to
/// ids by the caller.
pub fn example_fact(raw: &raw::RawExampleFact) -> Fact {
    statement(&raw.text, &raw.sources, raw.evidence.as_ref(), None)
}

/// A responsibility's fact, with the hedge its own words give it, if any.
pub fn duty(raw: &raw::RawDuty) -> Fact {
    statement(
        &raw.text,
        &raw.sources,
        raw.evidence.as_ref(),
        raw.involvement,
    )
}

/// What every kind of fact in a file shares: its text in NFC, its sources and their quotes.
fn statement(
    text: &raw::Text,
    sources: &[raw::Text],
    evidence: Option<&serde_saphyr::Spanned<raw::RawEvidence>>,
    involvement: Option<Involvement>,
) -> Fact {
    Fact {
        text: nfc(text.value.trim()),
        sources: values(sources),
        evidence: excerpts(sources, evidence),
        involvement,
        areas: Vec::new(),
    }
}

/// An entry's quotes, each tied to its source (see [`evidence::excerpts`]), in normal form C
/// as every text is.
pub fn excerpts(
    sources: &[raw::Text],
    raw: Option<&serde_saphyr::Spanned<raw::RawEvidence>>,
) -> Vec<Excerpt> {
    evidence::excerpts(&values(sources), raw)
        .into_iter()
        .map(|excerpt| Excerpt {
            quote: nfc(&excerpt.quote),
            ..excerpt
        })
        .collect()
}

pub fn source_from(raw: &raw::RawSource) -> Source {
    Source {
        id: raw.id.value.clone(),
        title: nfc(&raw.title.value),
        kind: raw.kind,
        description: nfc(&raw.description.value),
        location: raw.location.clone(),
        publisher: raw.publisher.as_deref().map(nfc),
        address: raw.address.clone(),
        found_at: raw.found_at.clone(),
        published: raw.published.as_deref().map(nfc),
        retrieved: raw.retrieved.as_deref().map(nfc),
        licence: raw
            .licence
            .as_deref()
            .map(|licence| licence.trim().to_owned()),
        licence_note: raw.licence_note.as_deref().map(nfc),
        attribution: raw.attribution.as_deref().map(nfc),
        text_file: raw
            .text_file
            .as_ref()
            .map(|path| path.value.trim().to_owned()),
    }
}

pub fn occupation_from(raw: &raw::RawOccupation) -> Occupation {
    Occupation {
        id: raw.id.value.clone(),
        system: raw.system,
        code: raw.code.value.trim().to_owned(),
        title: raw.title.as_deref().map(|title| nfc(title.trim())),
        address: raw.address.clone(),
        sources: values(&raw.sources),
        evidence: excerpts(&raw.sources, raw.evidence.as_ref()),
        note: raw.note.as_deref().map(|note| nfc(note.trim())),
        facts: raw
            .facts
            .iter()
            .map(|fact| OccupationFact {
                measure: fact.measure,
                period: nfc(fact.period.value.trim()),
                place: nfc(fact.place.value.trim()),
                text: nfc(fact.text.value.trim()),
                sources: values(&fact.sources),
                evidence: excerpts(&fact.sources, fact.evidence.as_ref()),
            })
            .collect(),
    }
}

pub fn code_from(raw: &raw::RawCode) -> Code {
    Code {
        occupation: raw.occupation.value.clone(),
        link: raw.link,
        text: nfc(raw.text.value.trim()),
        sources: values(&raw.sources),
        evidence: excerpts(&raw.sources, raw.evidence.as_ref()),
    }
}

/// A word of the search vocabulary as search compares it: trimmed, in normal form C and lower
/// case.
pub fn search_word(raw: &raw::Text) -> String {
    nfc(raw.value.trim()).to_lowercase()
}

pub fn intent_from(raw: &raw::RawIntent) -> Intent {
    let texts = |texts: &[raw::Text]| -> Vec<String> {
        texts
            .iter()
            .map(|text| nfc(text.value.trim()))
            .filter(|text| !text.is_empty())
            .collect()
    };
    Intent {
        id: raw.id.value.clone(),
        words: texts(&raw.words),
        mentions: texts(&raw.mentions),
        sections: raw.sections.clone(),
        relations: raw.relations.clone(),
        description: raw.description.clone(),
    }
}

pub fn family_from(raw: &raw::RawFamily) -> WordFamily {
    WordFamily {
        id: raw.id.value.clone(),
        forms: raw.forms.iter().map(search_word).collect(),
        description: raw.description.clone(),
    }
}

pub fn glossary_entry_from(raw: &raw::RawGlossaryEntry) -> GlossaryEntry {
    GlossaryEntry {
        id: raw.id.value.clone(),
        term: nfc(raw.term.value.trim()),
        expansions: raw
            .expansions
            .iter()
            .map(|text| nfc(text.value.trim()))
            .collect(),
        description: raw.description.as_deref().map(nfc),
        sources: values(&raw.sources),
        evidence: excerpts(&raw.sources, raw.evidence.as_ref()),
    }
}

pub fn term_from(raw: &raw::RawTerm) -> Term {
    Term {
        id: raw.id.value.clone(),
        label: nfc(&raw.label.value),
        aliases: raw.aliases.iter().map(|alias| nfc(alias)).collect(),
        description: raw.description.as_deref().map(nfc),
    }
}
