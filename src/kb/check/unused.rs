//! What loading finds doubtful but not wrong: vocabulary that no fact uses.

use std::collections::{BTreeSet, HashMap};

use super::super::Diagnostic;
use super::super::layer::Layered;
use super::super::parse::{Document, Parsed};

/// What is doubtful but not wrong: an area that no role's responsibility, collaboration or
/// industry example names would never show in the matrix. Each is placed where a loaded file
/// defines the area; one of the base is named without a place.
pub fn warnings(parsed: &[Parsed], layered: &Layered) -> Vec<Diagnostic> {
    let kb = &layered.kb;
    let mut used = BTreeSet::new();
    for role in &kb.roles {
        used.extend(role.responsibilities.iter().map(|item| item.area.as_str()));
        used.extend(
            role.collaboration
                .iter()
                .filter_map(|link| link.area.as_deref()),
        );
        used.extend(
            role.industries
                .iter()
                .flat_map(|example| {
                    example
                        .areas
                        .iter()
                        .chain(example.facts.iter().flat_map(|fact| &fact.areas))
                })
                .map(String::as_str),
        );
    }
    let mut places = HashMap::new();
    for file in parsed {
        if let Some(Document::Vocabulary(vocabulary)) = &file.document {
            for (index, term) in vocabulary.areas.iter().enumerate() {
                let place =
                    Diagnostic::at(&file.file.name, &term.id, format!("areas[{index}].id"), "");
                places.insert(term.id.value.as_str(), place);
            }
        }
    }
    kb.areas
        .iter()
        .filter(|area| !used.contains(area.id.as_str()))
        .map(|area| {
            let message = format!(
                "area '{}' ({}) has no fact: no role's responsibility, collaboration or industry example names it, so the matrix never shows it; file a fact under it, or remove it",
                area.id, area.label
            );
            match places.get(area.id.as_str()) {
                Some(place) => Diagnostic {
                    message,
                    ..place.clone()
                },
                None => Diagnostic::whole_file(crate::model::BUILT_IN, message),
            }
        })
        .collect()
}
