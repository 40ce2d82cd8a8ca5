//! Pieces every report builds alike: the sources it cites and how to find them again, an empty cell, a fact's quotes on
//! one line, what an empty disagreements section says.

use super::labels::{heading, source_kind_label};
use super::{Cell, Citation, Section as DocSection};
use crate::model::{Excerpt, Fact, Section, Source};

/// What a reader needs to find a source again, one line each: title, kind, publisher,
/// address, dates, and what it covers. A published work's unknown publisher or address is
/// said to be unknown.
pub fn source_lines(source: &Source) -> Vec<String> {
    let published = source.is_published();
    let mut lines = vec![format!(
        "{} ({})",
        source.title,
        source_kind_label(source.kind)
    )];
    match &source.publisher {
        Some(publisher) => lines.push(format!("Publisher: {publisher}")),
        None if published => lines.push("Publisher: unknown".to_owned()),
        None => {}
    }
    match (&source.address, &source.found_at) {
        (Some(address), _) => lines.push(format!("Address: {address}")),
        (None, Some(found)) => lines.push(format!(
            "Address: unknown; its text is found at {found} (a third-party site)"
        )),
        (None, None) if published => lines.push("Address: unknown".to_owned()),
        (None, None) => {}
    }
    if let (Some(address), Some(found)) = (&source.address, &source.found_at)
        && address != found
    {
        lines.push(format!("Text found at: {found}"));
    }
    if let Some(date) = &source.published {
        lines.push(format!("Published: {date}"));
    }
    if let Some(date) = &source.retrieved {
        lines.push(format!("Retrieved: {date}"));
    }
    lines.push(source.description.clone());
    lines
}

/// The licence lines of a source: the licence, what is uncertain about it, and the
/// attribution text it asks for.
pub fn licence_lines(source: &Source) -> Vec<String> {
    let mut lines = Vec::new();
    match &source.licence {
        Some(licence) => lines.push(licence.clone()),
        None if source.is_published() => lines.push("not stated".to_owned()),
        None => {}
    }
    if let Some(note) = &source.licence_note {
        lines.push(note.clone());
    }
    if let Some(attribution) = &source.attribution {
        lines.push(format!("Attribution: {attribution}"));
    }
    lines
}

/// The sources as `list sources` gives them: what is needed to find each again, what it
/// covers, and on what terms it may be used.
pub fn sources_listing(sources: &[Source]) -> DocSection {
    if sources.is_empty() {
        return DocSection::new(heading(Section::Sources)).note("No source is recorded.");
    }
    let rows = sources
        .iter()
        .map(|source| {
            vec![
                Cell::label(&source.id),
                lines_cell(source_lines(source)),
                lines_cell(licence_lines(source)),
            ]
        })
        .collect();
    DocSection::new(heading(Section::Sources)).table(&["Id", "Source", "Licence"], rows)
}

/// A cell of uncited lines.
fn lines_cell(lines: Vec<String>) -> Cell {
    Cell {
        lines: lines.into_iter().map(|text| Fact::new(text, &[])).collect(),
    }
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
            details: citation_details(source),
        })
        .collect()
}

/// What a document's list of sources says of one, after its id and title: its kind, who
/// published it, its address (or that it is unknown, and where its text is found), its dates,
/// its licence and the attribution that licence asks for. An address stands alone, so that a
/// document can make it a link.
fn citation_details(source: &Source) -> Vec<String> {
    let published = source.is_published();
    let mut details = vec![source_kind_label(source.kind).to_owned()];
    match &source.publisher {
        Some(publisher) => details.push(format!("published by {publisher}")),
        None if published => details.push("publisher unknown".to_owned()),
        None => {}
    }
    match (&source.address, &source.found_at) {
        (Some(address), _) => details.push(address.clone()),
        (None, Some(found)) => {
            details.push("address unknown; its text is found on a third-party site".to_owned());
            details.push(found.clone());
        }
        (None, None) if published => details.push("address unknown".to_owned()),
        (None, None) => {}
    }
    if let Some(date) = &source.published {
        details.push(format!("published: {date}"));
    }
    if let Some(date) = &source.retrieved {
        details.push(format!("retrieved: {date}"));
    }
    if let Some(licence) = &source.licence {
        details.push(format!("licence: {licence}"));
    }
    if let Some(attribution) = &source.attribution {
        details.push(format!("attribution: {attribution}"));
    }
    details
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

/// Evidence as one line of text: `brief: “…”; guide: “…”`.
pub fn quoted(evidence: &[Excerpt]) -> String {
    evidence
        .iter()
        .map(|excerpt| format!("{}: \u{201c}{}\u{201d}", excerpt.source, excerpt.quote))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The columns of the long-form table of facts (`query::facts::fact_records`).
pub const FACT_HEADER: [&str; 5] = ["role", "section", "topic", "text", "sources"];

/// A table's empty cell, so that a missing entry reads as "nothing said" rather than a gap.
pub fn nothing() -> Cell {
    Cell::label("—")
}
