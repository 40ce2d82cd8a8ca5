use std::fmt::Write;

use super::{HANDBOOK, folder, rolecmp};

fn validate(args: &[&str]) -> (Option<i32>, String, String) {
    let output = rolecmp().arg("validate").args(args).output().unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn valid_files_exit_0_and_say_what_was_checked() {
    let company = folder(&[
        HANDBOOK,
        (
            "cpo.yaml",
            "id: cpo\ntitle: CPO\nsummary:\n  - text: Owns privacy.\n    sources: [handbook]\n",
        ),
    ]);
    let (code, out, _) = validate(&[company.path().to_str().unwrap()]);
    assert_eq!(code, Some(0));
    assert!(
        out.starts_with("ok: 2 files over the built-in knowledge base, 9 roles, no problems"),
        "{out}"
    );
}

#[test]
fn every_problem_is_reported_in_one_run_with_file_line_column_and_key() {
    let company = folder(&[
        HANDBOOK,
        (
            "ciso.yaml",
            "id: ciso\ntitle: CISO\nsummary:\n  - text: Owns security.\n    sources: [handbok]\n  - text: Uncited.\nresponsibilities:\n  - area: securty\n    facts: []\nindustries:\n  - industry: retail\n    facts: []\ncollaboration:\n  - with: coo\n    relation: overlap\n    text: \"\"\n    sources: [handbook]\n",
        ),
        ("cto.yaml", "id: cto\ntitel: Typo\n"),
        ("ceo2.yaml", "id: ceo\ntitle: Boss\n"),
    ]);
    let (code, out, stderr) = validate(&[company.path().to_str().unwrap()]);
    assert_eq!(code, Some(1));
    let dir = company.path().display().to_string();
    let expected = [
        format!(
            "{dir}/ceo2.yaml:1:5: id: role id 'ceo' differs from the file name 'ceo2': rename the file to 'ceo.yaml' or change the id"
        ),
        format!(
            "{dir}/ciso.yaml:5:15: summary[0].sources[0]: unknown source 'handbok' (did you mean 'handbook'?)"
        ),
        format!(
            "{dir}/ciso.yaml:6:11: summary[1].sources: fact has no source: add `sources: [<source id>]`"
        ),
        format!(
            "{dir}/ciso.yaml:8:11: responsibilities[0].area: unknown area 'securty' (did you mean 'security'?)"
        ),
        format!("{dir}/ciso.yaml:11:15: industries[0].industry: unknown industry 'retail'"),
        format!("{dir}/ciso.yaml:14:11: collaboration[0].with: unknown role 'coo'"),
        format!("{dir}/ciso.yaml:16:11: collaboration[0].text: text is empty"),
        format!("{dir}/cto.yaml:2:1: titel: unknown key `titel`: did you mean `title`?"),
    ];
    for line in &expected {
        assert!(
            out.lines().any(|l| l.starts_with(line.as_str())),
            "missing {line:?} in:\n{out}"
        );
    }
    assert!(out.starts_with("8 problems in 4 files"), "{out}");
    assert_eq!(stderr, "error: validation failed with 8 problems\n");
}

#[test]
fn json_diagnostics_are_machine_readable() {
    let company = folder(&[("cto.yaml", "id: cto\ntitle: \"\"\n")]);
    let output = rolecmp()
        .args(["validate", "--format", "json"])
        .arg(company.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let problem = &report["problems"][0];
    assert_eq!(problem["line"], 2);
    assert_eq!(problem["column"], 8);
    assert_eq!(problem["key"], "title");
    assert_eq!(problem["message"], "text is empty");
    assert!(problem["file"].as_str().unwrap().ends_with("cto.yaml"));
}

#[test]
fn an_unknown_role_in_a_query_still_suggests_user_roles() {
    let company = folder(&[
        HANDBOOK,
        (
            "ciso.yaml",
            "id: ciso\ntitle: CISO\nsummary:\n  - text: Owns security.\n    sources: [handbook]\n",
        ),
    ]);
    let output = rolecmp()
        .args(["show", "cisco", "--data"])
        .arg(company.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("did you mean 'ciso'?"));
}

#[test]
fn a_glossary_entry_is_checked_like_a_fact_with_file_line_and_column() {
    let glossary = "glossary:\n  - id: kpi\n    term: KPI\n    sources: [handbok]\n  - id: kpi\n    term: \" \"\n    expansions: [key performance indicator]\n";
    let company = folder(&[HANDBOOK, ("glossary.yaml", glossary)]);
    let (code, out, _) = validate(&[company.path().to_str().unwrap()]);
    assert_eq!(code, Some(1), "{out}");
    let file = company.path().join("glossary.yaml");
    let file = file.display();
    for problem in [
        format!(
            "{file}:3:11: glossary[0].expansions: glossary entry 'KPI' has no expansion: add `expansions: [<what it stands for>]`"
        ),
        format!(
            "{file}:4:15: glossary[0].sources[0]: unknown source 'handbok' (did you mean 'handbook'?)"
        ),
        format!(
            "{file}:5:9: glossary[1].id: glossary entry 'kpi' is defined twice in this file (first on line 2)"
        ),
        format!("{file}:6:11: glossary[1].term: text is empty"),
        format!(
            "{file}:6:11: glossary[1].sources: glossary entry has no source: add `sources: [<source id>]`"
        ),
    ] {
        assert!(out.contains(&problem), "{problem}\nmissing from:\n{out}");
    }
}

#[test]
fn a_misspelt_key_hides_neither_the_problems_below_it_nor_the_references() {
    let mut role = String::from(
        "id: ciso\ntitel: CISO\nfocus:\n  primary: securty\nsummary:\n  - text: One.\n    sources: handbook\n",
    );
    for index in 0..9 {
        writeln!(role, "  - text: Fact {index}.\n    sources: [manual]").unwrap();
    }
    role.push_str("responsibilities:\n  - area: retail-ops\n    facts: []\n");
    let company = folder(&[HANDBOOK, ("ciso.yaml", &role)]);
    let (code, out, _) = validate(&[company.path().to_str().unwrap()]);
    assert_eq!(code, Some(1));
    let dir = company.path().display();
    let expected = [
        format!("{dir}/ciso.yaml:2:1: titel: unknown key `titel`: did you mean `title`?"),
        format!(
            "{dir}/ciso.yaml:4:12: focus.primary: 'securty' is not one of: technology, information, data, security, product, finance, operations, business (did you mean 'security'?)"
        ),
        format!("{dir}/ciso.yaml:7:14: summary[0].sources: expected a list, found a text"),
        format!(
            "{dir}/ciso.yaml:9:15: summary[1].sources[0]: unknown source 'manual' (known source ids: abs-anzsco-1351, bls-ooh-cism, brief, cdo-gov, cio-gov-handbook, esco-cdo, esco-ceo, esco-cio, esco-ciso, esco-cto and 17 more; `rolecmp list sources` lists them all), cited 9 times (also on lines 11, 13, 15, 17, 19, 21, 23, 25): add it to a sources.yaml beside your role files"
        ),
        format!(
            "{dir}/ciso.yaml:27:11: responsibilities[0].area: unknown area 'retail-ops' (known area ids: "
        ),
    ];
    for line in &expected {
        assert!(
            out.lines().any(|l| l.starts_with(line.as_str())),
            "missing {line:?} in:\n{out}"
        );
    }
    assert!(
        out.contains("add it to an areas.yaml beside your role files"),
        "{out}"
    );
    assert!(out.starts_with("5 problems in 2 files"), "{out}");
}

#[test]
fn a_yaml_syntax_error_says_what_to_do_in_plain_words() {
    let company = folder(&[("cto.yaml", "id: cto\ntitle: T\n  summary: []\n")]);
    let (code, out, _) = validate(&[company.path().to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(
        out.contains("cto.yaml:3:10: a `key: value` cannot start here: indent this line like the keys above it"),
        "{out}"
    );
}

#[test]
fn a_role_in_a_file_with_problems_is_still_known_to_the_others() {
    let company = folder(&[
        HANDBOOK,
        ("ciso.yaml", "id: ciso\ntitel: CISO\n"),
        (
            "cdpo.yaml",
            "id: cdpo\ntitle: CDPO\nreporting:\n  - to: ciso\n    prevalence: usual\n    text: Reports.\n    sources: [handbook]\n",
        ),
    ]);
    let (code, out, _) = validate(&[company.path().to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(!out.contains("unknown role 'ciso'"), "{out}");
    assert!(out.starts_with("1 problem in 3 files"), "{out}");
}

#[test]
fn a_syntax_error_is_reported_with_every_problem_before_it_in_one_run() {
    // A newcomer's charter: a misspelt key on line 3, citing a misspelt source, and a list
    // item indented one space short on line 8; and a second file with its own problem.
    let charter = "id: acme\ntitle: Acme CIO\nsumary:\n  - text: Runs IT.\n    sources: [handbok]\nbackground:\n  - text: Ten years in IT.\n   sources: [handbook]\n";
    let other = "id: ops\ntitle: Operations\nsummary:\n  - text: TODO say what it is.\n    sources: [handbook]\n";
    let company = folder(&[HANDBOOK, ("acme.yaml", charter), ("ops.yaml", other)]);
    let dir = company.path().display().to_string();
    let (code, out, _) = validate(&[&dir]);
    assert_eq!(code, Some(1));
    let problems: Vec<&str> = out.lines().skip(2).collect();
    assert_eq!(
        problems,
        [
            format!("{dir}/acme.yaml:3:1: sumary: unknown key `sumary`: did you mean `summary`?"),
            format!(
                "{dir}/acme.yaml:5:15: sumary[0].sources[0]: unknown source 'handbok' (did you mean 'handbook'?): add it to a sources.yaml beside your role files"
            ),
            format!(
                "{dir}/acme.yaml:8:4: this line is indented differently from the list items above it: start each item with `- ` at the same column"
            ),
            format!(
                "{dir}/ops.yaml:4:11: summary[0].text: unfinished template text: replace the TODO"
            ),
        ]
    );
}

#[test]
fn a_syntax_error_cutting_a_fact_short_does_not_also_report_it_without_sources() {
    // The fact on line 5 has its sources on line 6, cut off by the bad indentation: what
    // the syntax error hides is left for the next run, and what is before it is checked.
    let role = "id: acme\ntitle: Acme CIO\nsummary:\n  - text: TODO one line.\n  - text: Runs IT.\n   sources: [handbook]\n";
    let company = folder(&[HANDBOOK, ("acme.yaml", role)]);
    let dir = company.path().display().to_string();
    let (_, out, _) = validate(&[&dir]);
    let problems: Vec<&str> = out.lines().skip(2).collect();
    assert_eq!(
        problems,
        [
            format!(
                "{dir}/acme.yaml:4:11: summary[0].text: unfinished template text: replace the TODO"
            ),
            format!(
                "{dir}/acme.yaml:4:11: summary[0].sources: fact has no source: add `sources: [<source id>]`"
            ),
            format!(
                "{dir}/acme.yaml:6:4: summary: this line is indented differently from the list items above it: start each item with `- ` at the same column"
            ),
        ]
    );
}

/// Two company roles that name the same abbreviation: as `shared_aliases` on both it is a
/// deliberate shared name; as a plain alias of either it is the clash it always was.
fn two_cso_roles(security: &str, strategy: &str) -> tempfile::TempDir {
    folder(&[
        HANDBOOK,
        (
            "chief-security-officer.yaml",
            &format!(
                "id: chief-security-officer\ntitle: Chief Security Officer\n{security}\nsummary:\n  - text: Guards the premises.\n    sources: [handbook]\n"
            ),
        ),
        (
            "chief-strategy-officer.yaml",
            &format!(
                "id: chief-strategy-officer\ntitle: Chief Strategy Officer\n{strategy}\nsummary:\n  - text: Plans.\n    sources: [handbook]\n"
            ),
        ),
    ])
}

#[test]
fn an_abbreviation_two_roles_both_share_is_valid_and_one_alias_against_it_is_not() {
    let shared = two_cso_roles("shared_aliases: [CSO]", "shared_aliases: [CSO]");
    let (code, out, _) = validate(&[shared.path().to_str().unwrap()]);
    assert_eq!(code, Some(0), "{out}");

    let clash = two_cso_roles("aliases: [CSO]", "shared_aliases: [CSO]");
    let (code, out, _) = validate(&[clash.path().to_str().unwrap()]);
    assert_eq!(code, Some(1));
    let dir = clash.path().display();
    assert!(
        out.contains(&format!(
            "{dir}/chief-security-officer.yaml:3:11: aliases[0]: alias 'CSO' is a shared abbreviation of role 'chief-strategy-officer': if this role has it too, move it to `shared_aliases`, else remove it or change it"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{dir}/chief-strategy-officer.yaml:3:18: shared_aliases[0]: shared alias 'CSO' is already the id, title or alias of role 'chief-security-officer'"
        )),
        "{out}"
    );

    // An accidental clash of plain aliases is refused as before.
    let accident = two_cso_roles("aliases: [CSO]", "aliases: [CSO]");
    let (code, out, _) = validate(&[accident.path().to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(
        out.contains("alias 'CSO' is already a name of role"),
        "{out}"
    );
}

#[test]
fn a_file_naming_a_role_by_a_shared_abbreviation_is_told_which_ids_it_stands_for() {
    let company = folder(&[
        HANDBOOK,
        (
            "cpo.yaml",
            "id: cpo\ntitle: Chief Privacy Officer\nsummary:\n  - text: Owns privacy.\n    sources: [handbook]\ncollaboration:\n  - with: cdo\n    relation: collaboration\n    text: Works with the data team.\n    sources: [handbook]\n",
        ),
    ]);
    let (code, out, _) = validate(&[company.path().to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(
        out.contains("unknown role 'cdo' ('cdo' is a shared abbreviation of 'chief-data-officer' and 'chief-digital-officer': name one of them by its id)"),
        "{out}"
    );
}

#[test]
fn a_folder_inside_a_data_folder_is_never_skipped_without_a_word() {
    let role = "id: cpo\ntitle: CPO\nsummary:\n  - text: Owns privacy.\n    sources: [handbook]\n";
    // A folder of YAML files other than roles/: its files would be dropped.
    let company = folder(&[HANDBOOK, ("ciso/role.yaml", role)]);
    let dir = company.path().to_str().unwrap();
    let (code, out, _) = validate(&[dir]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.starts_with("1 problem over the built-in knowledge base")
            && out.contains(&format!(
                "{dir}/ciso: a folder of YAML files that is not read: only a folder's own files and its roles/ folder are"
            )),
        "{out}"
    );
    let stderr = super::failing_with(1, &["list", "--data", dir]);
    assert!(
        stderr.contains(&format!("{dir}/ciso: a folder of YAML files")),
        "{stderr}"
    );
    // A folder named like a data file is reported by name.
    let company = folder(&[HANDBOOK, ("x.yaml/notes.txt", "")]);
    let dir = company.path().to_str().unwrap();
    let (code, out, _) = validate(&[dir]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.starts_with("1 problem in 1 file over the built-in knowledge base")
            && out.contains(&format!("{dir}/x.yaml: a folder, not a data file")),
        "{out}"
    );
    // roles/ is read, and a folder without YAML (the stored texts of sources) is no problem.
    let company = folder(&[
        HANDBOOK,
        ("roles/cpo.yaml", role),
        ("sources/handbook.txt", "Our handbook."),
    ]);
    let (code, out, _) = validate(&[company.path().to_str().unwrap()]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.starts_with("ok: 2 files over the built-in knowledge base, 9 roles"),
        "{out}"
    );
}

#[test]
fn a_file_that_cannot_be_read_counts_among_the_files_checked() {
    let big = format!("id: x\n#{}\n", "x".repeat(1024 * 1024));
    let company = folder(&[("big.yaml", &big)]);
    let (code, out, _) = validate(&[company.path().to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(
        out.starts_with("1 problem in 1 file over the built-in knowledge base"),
        "{out}"
    );
}
