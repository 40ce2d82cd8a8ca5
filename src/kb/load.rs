//! Turns data files into a checked [`KnowledgeBase`], in three stages that data flows
//! through one way: [`parse`] (each file's text into its YAML shape), [`layer`] (the files
//! over the base, by the layering and merge rules) and [`check`] (every problem in the files
//! and in what layering made of them).
//!
//! All problems are collected and reported together, each with its file, line, column and
//! key, sorted by file and line, so a user fixing a role file sees everything in one run.

use super::{Diagnostic, InvalidData, KnowledgeBase, check, layer, parse};

pub use parse::DataFile;

/// Loads `files` in order over `base`: the knowledge base they make, or every problem.
pub fn load(base: Option<KnowledgeBase>, files: &[DataFile]) -> Result<KnowledgeBase, InvalidData> {
    loaded(base, files, false).map(|(kb, _)| kb)
}

/// [`load`], with what it found doubtful but not wrong (an area no fact names), for
/// `validate` and the build.
pub fn load_with_warnings(
    base: Option<KnowledgeBase>,
    files: &[DataFile],
) -> Result<(KnowledgeBase, Vec<Diagnostic>), InvalidData> {
    loaded(base, files, true)
}

fn loaded(
    base: Option<KnowledgeBase>,
    files: &[DataFile],
    warn: bool,
) -> Result<(KnowledgeBase, Vec<Diagnostic>), InvalidData> {
    // The base was checked when it was made (the built-in one when rolecmp was built, not
    // even a warning allowed): with no file over it there is nothing to layer or check.
    if files.is_empty() {
        return Ok((base.unwrap_or_default(), Vec::new()));
    }
    let parsed = parse::parse_all(files);
    let mut layered = layer::layer(base.unwrap_or_default(), &parsed);
    let mut problems = check::check(&parsed, &layered);
    problems.append(&mut layered.problems);
    if !problems.is_empty() {
        return Err(InvalidData(sorted(problems)));
    }
    let warnings = if warn {
        sorted(check::warnings(&parsed, &layered))
    } else {
        Vec::new()
    };
    Ok((layered.kb, warnings))
}

/// Problems by file, then top to bottom, as an editor would walk them; a problem with the
/// whole file (unreadable, empty) comes first in its file.
pub fn sorted(mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    problems
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::model::Layering;

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
            // By file name, then line.
            [
                "a/CIO.yaml:1:5: id: role id 'CIO' differs from role 'cio' only in case or punctuation: rename one, so that each name finds one role",
                "a/acme.yaml:3:11: aliases[0]: alias 'C.I.O.' is already a name of roles 'CIO' and 'cio': a name must find one role; remove it or change it",
                "a/cio.yaml:1:5: id: role id 'cio' differs from role 'CIO' only in case or punctuation: rename one, so that each name finds one role",
                "a/cio.yaml:3:11: aliases[0]: alias 'CIO' is already a name of roles 'CIO' and 'acme': a name must find one role; remove it or change it",
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
                "a/chief-information-officer.yaml:1:5: id: role id 'chief-information-officer' is also the title or an alias of role 'cio': rename one, so that each name finds one role",
                "a/cio.yaml:2:8: title: title 'Chief Information Officer' is already a name of role 'chief-information-officer': a name must find one role; remove it or change it",
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
                "roles/cto.yaml:6:5: summary[0].note: unknown key `note`: expected one of: evidence, sources, text",
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
