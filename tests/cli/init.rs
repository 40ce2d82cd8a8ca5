use super::{HANDBOOK, folder, rolecmp, stdout_of};

fn validate(dir: &std::path::Path) -> (Option<i32>, String) {
    let output = rolecmp().arg("validate").arg(dir).output().unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

/// Replaces every TODO of the files in `dir` as a user filling them in would.
fn fill_in(dir: &std::path::Path) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("TODO ", "Filled in, ")).unwrap();
    }
}

#[test]
fn init_writes_a_template_that_validate_flags_until_filled_in() {
    let company = folder(&[HANDBOOK]);
    let output = rolecmp()
        .args(["init", "cpo", "--dir"])
        .arg(company.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    let path = company.path().join("cpo.yaml");
    let out = String::from_utf8(output.stdout).unwrap();
    let schema = company.path().join("role.schema.json");
    assert!(
        out.starts_with(&format!(
            "created {}\ncreated {}\nnext:",
            path.display(),
            schema.display()
        )),
        "{out}"
    );

    let (code, out) = validate(company.path());
    assert_eq!(code, Some(1));
    assert!(
        out.contains("cpo.yaml:8:8: title: unfinished template text: replace the TODO"),
        "{out}"
    );

    fill_in(company.path());
    let (code, out) = validate(company.path());
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn init_creates_missing_folders_and_a_sources_file_so_the_template_validates_once_filled() {
    let root = folder(&[]);
    let dir = root.path().join("company").join("roles");
    let out = stdout_of(&["init", "vp-eng", "--dir", dir.to_str().unwrap()]);
    assert!(
        out.contains(&format!("created {}", dir.join("sources.yaml").display())),
        "{out}"
    );
    let (code, out) = validate(&dir);
    assert_eq!(code, Some(1));
    assert!(
        out.contains("sources.yaml:4:12: sources[0].title: unfinished template text"),
        "{out}"
    );
    fill_in(&dir);
    let (code, out) = validate(&dir);
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn the_template_is_about_no_role_in_particular_and_never_names_itself() {
    for id in ["cio", "ceo", "cto", "head-of-data"] {
        let company = folder(&[HANDBOOK]);
        stdout_of(&["init", id, "--dir", company.path().to_str().unwrap()]);
        let template = std::fs::read_to_string(company.path().join(format!("{id}.yaml"))).unwrap();
        let own = [format!("to: {id}\n"), format!("with: {id}\n")];
        for flavour in [
            "Security Officer",
            "CPO",
            "primary: security",
            "area: security",
        ]
        .into_iter()
        .chain(own.iter().map(String::as_str))
        {
            assert!(
                !template.contains(flavour),
                "{id}: {flavour} in\n{template}"
            );
        }
        fill_in(company.path());
        let (code, out) = validate(company.path());
        assert_eq!(code, Some(0), "{id}: {out}");
    }
}

#[test]
fn init_says_when_the_file_replaces_a_built_in_role_and_how_to_extend_instead() {
    let company = folder(&[HANDBOOK]);
    let out = stdout_of(&["init", "cio", "--dir", company.path().to_str().unwrap()]);
    assert!(
        out.contains(
            "note: 'cio' is already a role (Chief Information Officer): this file replaces it"
        ) && out.contains("add `extends: builtin`"),
        "{out}"
    );
    let fresh = stdout_of(&["init", "cpo", "--dir", company.path().to_str().unwrap()]);
    assert!(!fresh.contains("note:"), "{fresh}");
}

#[test]
fn init_from_a_role_copies_its_facts_with_their_citations_for_a_gap_analysis() {
    let company = folder(&[]);
    let dir = company.path().to_str().unwrap();
    stdout_of(&["init", "cio", "--from", "cio", "--dir", dir]);
    let (code, out) = validate(company.path());
    assert_eq!(code, Some(1), "the sources file still has its TODOs: {out}");
    fill_in(company.path());
    let (code, out) = validate(company.path());
    assert_eq!(code, Some(0), "{out}");

    // Unchanged, the charter has every fact of the reference, with the same citations.
    let charter = super::json_of(&["show", "cio", "--full", "--data", dir]);
    let shipped = super::json_of(&["show", "builtin:cio", "--full", "--data", dir]);
    assert_eq!(charter["role"]["summary"], shipped["role"]["summary"]);
    assert_eq!(charter["role"]["disputes"], shipped["role"]["disputes"]);
    assert_eq!(charter["role"]["origin"][1]["how"], "replaces");
}

#[test]
fn a_copy_under_another_id_does_not_take_the_names_of_the_original() {
    let company = folder(&[HANDBOOK]);
    let dir = company.path().to_str().unwrap();
    stdout_of(&["init", "acme-cio", "--from", "builtin:cio", "--dir", dir]);
    let copy = std::fs::read_to_string(company.path().join("acme-cio.yaml")).unwrap();
    assert!(
        copy.contains(
            "title: TODO the role's full title (copied from the Chief Information Officer)"
        ) && copy.contains("aliases: []"),
        "{copy}"
    );
}

#[test]
fn init_never_overwrites_a_file() {
    let company = folder(&[("cpo.yaml", "mine")]);
    let output = rolecmp()
        .args(["init", "cpo", "--dir"])
        .arg(company.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("already exists: rolecmp init never overwrites a file")
    );
    assert_eq!(
        std::fs::read_to_string(company.path().join("cpo.yaml")).unwrap(),
        "mine"
    );
}

#[test]
fn init_refuses_an_id_that_is_no_file_name() {
    let company = folder(&[]);
    let output = rolecmp()
        .args(["init", "../evil", "--dir"])
        .arg(company.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("is not a usable role id")
    );
}

#[test]
fn init_in_a_roles_folder_advises_validating_the_folder_that_has_the_sources() {
    let company = folder(&[HANDBOOK]);
    let roles = company.path().join("roles");
    let out = stdout_of(&["init", "cpo", "--dir", roles.to_str().unwrap()]);
    let advised = out.lines().last().unwrap();
    let folder = advised
        .strip_prefix("next: fill in each TODO, then run: rolecmp validate ")
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(folder, company.path().to_str().unwrap());
    // The advice works: what is left are the template's TODOs, not an unknown source.
    let (code, report) = validate(std::path::Path::new(folder));
    assert_eq!(code, Some(1));
    assert!(report.contains("replace the TODO"), "{report}");
    assert!(!report.contains("unknown source"), "{report}");
}

#[test]
fn init_writes_the_schema_the_role_files_modeline_names() {
    let company = folder(&[]);
    let dir = company.path();
    let out = stdout_of(&["init", "cpo", "--dir", dir.to_str().unwrap()]);
    assert!(out.contains("role.schema.json"), "{out}");
    let role = std::fs::read_to_string(dir.join("cpo.yaml")).unwrap();
    let schema_file = role
        .lines()
        .next()
        .and_then(|line| line.strip_prefix("# yaml-language-server: $schema="))
        .unwrap();
    let written = std::fs::read_to_string(dir.join(schema_file)).unwrap();
    assert_eq!(written, stdout_of(&["schema"]));
    // A second role in the folder finds the schema there and leaves it.
    let out = stdout_of(&["init", "cdo2", "--dir", dir.to_str().unwrap()]);
    assert!(!out.contains("role.schema.json"), "{out}");
}

#[test]
fn init_shows_a_hostile_folder_name_escaped() {
    let parent = folder(&[]);
    let dir = parent.path().join("x\u{1b}]0;pwned\u{7}");
    let output = rolecmp()
        .args(["init", "cpo", "--dir"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(output.status.success());
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    assert!(out.contains("x\\u{1b}]0;pwned\\u{7}"), "{out}");
}
