//! Entries given twice: an id defined twice in one file, an area or industry a role file
//! lists twice, a role defined twice in one folder. Each is reported with both places, since
//! the second would otherwise change or hide the first without a word.

use std::collections::HashMap;
use std::path::Path;

use super::super::lookup::Found;
use super::super::parse::Parsed;
use super::super::raw::{RawRole, Text};
use super::{Checks, Diagnostic, unplain_id};

impl Checks<'_> {
    pub(super) fn plain_id(&mut self, kind: &str, id: &Text, file: &str, key: &str) {
        if let Some(message) = unplain_id(kind, &id.value) {
            self.diagnostics
                .push(Diagnostic::at(file, id, format!("{key}.id"), message));
        }
    }

    /// An id defined a second time in one file, reported with the first place.
    pub(super) fn once<'t>(
        &mut self,
        first: &mut HashMap<&'t str, u64>,
        file: &str,
        id: &'t Text,
        key: &str,
        kind: &str,
    ) {
        if let Some(line) = first.get(id.value.as_str()) {
            let message = format!(
                "{kind} '{}' is defined twice in this file (first on line {line}): remove one, or merge them",
                id.value
            );
            self.diagnostics
                .push(Diagnostic::at(file, id, format!("{key}.id"), message));
        } else {
            first.insert(&id.value, id.referenced.line());
        }
    }

    /// An area or industry a role file lists twice: refused, with both places, since the
    /// second entry would otherwise change the first without a word.
    pub(super) fn given_twice(&mut self, file: &str, role: &RawRole) {
        let areas = role
            .responsibilities
            .iter()
            .flatten()
            .map(|item| &item.area);
        let industries = role.industries.iter().flatten().map(|item| &item.industry);
        for (list, kind, field, names, finder) in [
            (
                "responsibilities",
                "area",
                "area",
                areas.collect::<Vec<_>>(),
                &self.ids.areas,
            ),
            (
                "industries",
                "industry",
                "industry",
                industries.collect(),
                &self.ids.industries,
            ),
        ] {
            let mut first: HashMap<String, (usize, u64)> = HashMap::new();
            for (index, name) in names.into_iter().enumerate() {
                let id = match finder.locate(&name.value) {
                    Found::One(at) => finder.items()[at].id.clone(),
                    _ => name.value.clone(),
                };
                if let Some((earlier, line)) = first.get(&id) {
                    let message = format!(
                        "{kind} '{id}' is listed twice in this role (first as {list}[{earlier}] on line {line}): merge the two entries into one"
                    );
                    self.diagnostics.push(Diagnostic::at(
                        file,
                        name,
                        format!("{list}[{index}].{field}"),
                        message,
                    ));
                } else {
                    first.insert(id, (index, name.referenced.line()));
                }
            }
        }
    }

    /// Layers replace by id, but one folder defining a role twice (`cto.yaml` and
    /// `cto.yml`, or a misnamed file) is a mistake.
    pub(super) fn one_role_file_per_folder(&mut self, parsed: &[Parsed]) {
        let mut first: HashMap<(Option<&Path>, &str), &str> = HashMap::new();
        for file in parsed {
            let Some(role) = file.whole_role() else {
                continue;
            };
            let name = file.file.name.as_str();
            let folder = Path::new(name).parent();
            if let Some(other) = first.get(&(folder, role.id.value.as_str())) {
                let message = format!("role '{}' is also defined in {other}", role.id.value);
                self.diagnostics
                    .push(Diagnostic::at(name, &role.id, "id", message));
            } else {
                first.insert((folder, role.id.value.as_str()), name);
            }
        }
    }
}
