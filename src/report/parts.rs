//! Pieces every report builds alike: the sources it cites, an empty cell, a fact's quotes on
//! one line, what an empty disagreements section says.

use super::labels::{heading, source_kind_label};
use super::{Cell, Citation, Section as DocSection};
use crate::model::{Excerpt, Section, Source};

/// The sources section every report ends with, so each `[id]` citation can be looked up.
pub fn sources_section(sources: &[Source]) -> DocSection {
    let rows = sources
        .iter()
        .map(|source| {
            vec![
                Cell::label(&source.id),
                Cell::label(&source.title),
                Cell::label(source_kind_label(source.kind)),
                Cell::label(&source.description),
            ]
        })
        .collect();
    DocSection::new(heading(Section::Sources)).table(&["Id", "Title", "Kind", "About"], rows)
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
            details: std::iter::once(source_kind_label(source.kind).to_owned())
                .chain(source.location.clone())
                .collect(),
        })
        .collect()
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
