use std::collections::BTreeMap;

use super::{HANDBOOK, failing_with, folder, json_of, rolecmp, stdout_of};

const CPO: (&str, &str) = (
    "cpo.yaml",
    "id: cpo\ntitle: Chief Privacy Officer\naliases: [CPO]\nsummary:\n  - text: Owns security.\n    sources: [handbook]\nreporting:\n  - to: cio\n    prevalence: usual\n    text: Our CPO reports to the CIO.\n    sources: [handbook]\n",
);

const CIO_EXTENSION: (&str, &str) = (
    "cio.yaml",
    "id: cio\nextends: builtin\nreplace: [reporting]\nreporting:\n  - to: cfo\n    prevalence: usual\n    text: Our CIO reports to the CFO.\n    sources: [handbook]\nindustries:\n  - industry: ecommerce\n    facts:\n      - text: Runs our shop systems.\n        sources: [handbook]\n",
);

#[test]
fn a_data_folder_adds_a_role_rendered_like_the_built_in_ones() {
    let company = folder(&[HANDBOOK, CPO]);
    let dir = company.path().to_str().unwrap();
    let roles = json_of(&["list", "--data", dir]);
    let cpo = roles
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "cpo")
        .expect("cpo listed");
    assert_eq!(
        cpo["origin"][0]["file"],
        company.path().join("cpo.yaml").to_str().unwrap()
    );
    assert_eq!(cpo["origin"][0]["how"], "defines");
    let out = stdout_of(&[
        "compare",
        "cpo",
        "cio",
        "--section",
        "reporting",
        "--format",
        "markdown",
        "--data",
        dir,
    ]);
    assert!(
        out.contains("Our CPO reports to the CIO. \\[handbook\\]"),
        "{out}"
    );
}

#[test]
fn a_file_that_extends_builtin_and_says_replace_reporting_replaces_the_lines_and_adds_an_industry()
{
    let company = folder(&[HANDBOOK, CIO_EXTENSION]);
    let profile = json_of(&[
        "show",
        "cio",
        "--full",
        "--data",
        company.path().to_str().unwrap(),
    ]);
    let role = &profile["role"];
    let reporting = role["reporting"].as_array().unwrap();
    assert_eq!(reporting.len(), 1);
    assert_eq!(reporting[0]["to"], "cfo");
    let industries: Vec<&str> = role["industries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["industry"].as_str().unwrap())
        .collect();
    assert_eq!(
        industries,
        [
            "healthcare",
            "manufacturing",
            "financial-services",
            "government",
            "ecommerce"
        ]
    );
    // Fields the override does not set stay as built in.
    assert_eq!(role["title"], "Chief Information Officer");
    assert_eq!(role["origin"][0]["file"], "built-in");
    assert_eq!(role["origin"][1]["how"], "extends");
    assert!(!role["disputes"].as_array().unwrap().is_empty());
}

/// A whole company charter for the CIO, replacing the built-in one.
const CIO_CHARTER: (&str, &str) = (
    "cio.yaml",
    "id: cio\ntitle: Chief Information Officer\naliases: [CIO]\nsummary:\n  - text: Our CIO runs IT and the shop systems.\n    sources: [handbook]\nreporting:\n  - to: cfo\n    prevalence: usual\n    text: Our CIO reports to the CFO.\n    sources: [handbook]\n",
);

#[test]
fn a_file_whose_id_exists_replaces_the_role_and_drops_its_facts_and_disputes() {
    let company = folder(&[HANDBOOK, CIO_CHARTER]);
    let dir = company.path().to_str().unwrap();
    let role = &json_of(&["show", "cio", "--full", "--data", dir])["role"];
    assert_eq!(role["summary"].as_array().unwrap().len(), 1);
    for emptied in ["industries", "responsibilities", "background", "codes"] {
        assert_eq!(role[emptied], serde_json::json!([]), "{emptied}");
    }
    // The built-in CIO's own questions go; those other roles raise about the CIO (the CISO's
    // reporting line, the Chief Data Officer's data governance) stay, as their facts do.
    let topics: Vec<&str> = role["disputes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|dispute| dispute["topic"].as_str().unwrap())
        .collect();
    assert!(!topics.contains(&"Who reports to whom?"), "{topics:?}");
    assert!(
        topics.contains(&"Does the CISO report to the CIO?"),
        "{topics:?}"
    );
    let listed = stdout_of(&["list", "--data", dir, "--width", "200"]);
    let line = listed.lines().find(|l| l.starts_with("cio ")).unwrap();
    assert!(
        line.contains(&format!("built-in, replaced by {dir}/cio.yaml")),
        "{listed}"
    );
}

#[test]
fn list_says_which_roles_a_company_extended() {
    let company = folder(&[HANDBOOK, CIO_EXTENSION]);
    let dir = company.path().to_str().unwrap();
    let listed = stdout_of(&["list", "--data", dir, "--format", "csv"]);
    assert!(
        listed.contains(&format!("built-in, extended by {dir}/cio.yaml")),
        "{listed}"
    );
}

#[test]
fn a_company_file_without_extends_or_title_says_how_to_extend_instead() {
    let company = folder(&[
        HANDBOOK,
        (
            CIO_EXTENSION.0,
            &CIO_EXTENSION.1.replace("extends: builtin\n", ""),
        ),
    ]);
    let stderr = failing_with(1, &["list", "--data", company.path().to_str().unwrap()]);
    assert!(
        stderr.contains("cio.yaml:1:5: title: role 'cio' has no title: this file replaces the existing role 'cio'")
            && stderr.contains("or `extends: builtin` to change only some fields"),
        "{stderr}"
    );
}

#[test]
fn extends_builtin_without_the_built_in_data_is_a_located_problem() {
    let company = folder(&[HANDBOOK, CIO_EXTENSION]);
    let stderr = failing_with(
        1,
        &[
            "list",
            "--no-builtin",
            "--data",
            company.path().to_str().unwrap(),
        ],
    );
    assert!(
        stderr.contains("cio.yaml:2:10: extends: there is no built-in role 'cio' to extend (the built-in knowledge base is not loaded)"),
        "{stderr}"
    );
}

#[test]
fn builtin_names_the_role_as_shipped_for_a_gap_analysis() {
    let company = folder(&[HANDBOOK, CIO_CHARTER]);
    let dir = company.path().to_str().unwrap();
    let out = stdout_of(&[
        "compare",
        "cio",
        "builtin:cio",
        "--section",
        "reporting",
        "--width",
        "200",
        "--data",
        dir,
    ]);
    assert!(out.starts_with("Company CIO vs Reference CIO\n"), "{out}");
    assert!(
        out.contains("Our CIO reports to the CFO. [handbook]"),
        "{out}"
    );
    assert!(out.contains("The CIO often reports directly to"), "{out}");
    let shipped = json_of(&["show", "builtin:CIO", "--full", "--data", dir]);
    assert_eq!(shipped["role"]["id"], "builtin:cio");
    assert!(!shipped["role"]["disputes"].as_array().unwrap().is_empty());
    let graph = stdout_of(&["graph", "builtin:cio", "--data", dir]);
    assert!(
        graph.contains("role_builtin_3a_cio -->|\"often [brief]\"| role_ceo"),
        "{graph}"
    );
}

#[test]
fn a_gap_analysis_shows_what_the_company_changed_and_not_the_references_disputes() {
    let company = folder(&[HANDBOOK, CIO_EXTENSION]);
    let dir = company.path().to_str().unwrap();
    let glance = stdout_of(&["compare", "cio", "builtin:cio", "--data", dir]);
    assert!(
        glance.starts_with("Company CIO vs Reference CIO\n"),
        "{glance}"
    );
    assert!(
        !glance.contains("Where the sources disagree"),
        "the reference's disagreements are no gap:\n{glance}"
    );
    let asked = stdout_of(&[
        "compare",
        "cio",
        "builtin:cio",
        "--data",
        dir,
        "--section",
        "disputes",
        "--format",
        "markdown",
    ]);
    assert!(asked.contains("Who reports to whom?"), "{asked}");
    // Only what the extension changed: its reporting lines (which replace the built-in ones)
    // and an e-commerce example; the industries and areas it keeps are no difference.
    let changes = stdout_of(&[
        "compare",
        "cio",
        "builtin:cio",
        "--data",
        dir,
        "--differences-only",
        "--section",
        "reporting,industries,responsibilities,matrix",
        "--width",
        "200",
    ]);
    let row = |start: &str| changes.lines().any(|line| line.starts_with(start));
    assert!(
        row("Chief Financial Officer ") && row("E-commerce "),
        "{changes}"
    );
    for same in ["Healthcare ", "Manufacturing ", "Security "] {
        assert!(!row(same), "{same}is no difference:\n{changes}");
    }
    assert!(
        changes.contains("Responsibilities\nNo differences in this section.")
            && changes.contains("Responsibility matrix\nNo differences in this section."),
        "{changes}"
    );
    let page = stdout_of(&[
        "compare",
        "cio",
        "builtin:cio",
        "--data",
        dir,
        "--label",
        "Acme CIO",
        "--section",
        "reporting",
        "--format",
        "markdown",
    ]);
    assert!(
        page.contains("| Reports to | Acme CIO | Reference CIO |"),
        "{page}"
    );
}

#[test]
fn search_role_builtin_searches_the_role_as_shipped() {
    let company = folder(&[HANDBOOK, CIO_CHARTER]);
    let dir = company.path().to_str().unwrap();
    let roles_found = |role: &str| {
        let results = json_of(&["search", "reports", "--role", role, "--data", dir]);
        results["roles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|hits| hits["role"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(roles_found("builtin:cio"), ["builtin:cio"]);
    let shipped = json_of(&["search", "CEO", "--role", "builtin:cio", "--data", dir]);
    assert!(
        shipped
            .to_string()
            .contains("The CIO often reports directly to the CEO."),
        "{shipped}"
    );
    let charter = json_of(&["search", "CFO", "--role", "cio", "--data", dir]);
    assert!(
        charter.to_string().contains("Our CIO reports to the CFO."),
        "{charter}"
    );
}

#[test]
fn an_unknown_builtin_name_is_a_usage_error() {
    assert_eq!(
        failing_with(2, &["show", "builtin:vp-engineering"]),
        "error: unknown built-in role 'builtin:vp-engineering'\n\n  valid built-in roles: ceo, cfo, chief-data-officer, chief-digital-officer, cio, ciso, cto, it-director\n"
    );
}

#[test]
fn the_same_folder_named_twice_is_loaded_once() {
    let company = folder(&[HANDBOOK, CPO]);
    let list = |twice: bool| {
        let mut command = rolecmp();
        if twice {
            command.env("ROLECMP_DATA", company.path());
        }
        let output = command
            .args(["list", "--format", "json", "--data"])
            .arg(company.path())
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice::<serde_json::Value>(&output.stdout).unwrap()
    };
    // Loaded twice, the CPO would say it was replaced by itself.
    assert_eq!(list(true), list(false));
}

#[test]
fn an_empty_user_data_folder_is_fine() {
    let home = folder(&[]);
    std::fs::create_dir(home.path().join("rolecmp")).unwrap();
    let output = rolecmp()
        .env("XDG_DATA_HOME", home.path())
        .args(["show", "cto", "-s", "summary"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        stdout_of(&["show", "cto", "-s", "summary"])
    );
}

#[test]
fn a_company_alias_that_another_role_answers_to_is_refused_by_validate() {
    let acme = "id: acme-cio\ntitle: Acme CIO\naliases: [CIO]\nsummary:\n  - text: Ours.\n    sources: [handbook]\n";
    let company = folder(&[HANDBOOK, ("acme-cio.yaml", acme)]);
    let output = rolecmp()
        .arg("validate")
        .arg(company.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(
        out.contains("acme-cio.yaml:3:11: aliases[0]: alias 'CIO' is already a name of role 'cio'"),
        "{out}"
    );
}

#[test]
fn a_role_whose_id_is_punctuation_is_refused_where_it_is_written() {
    // Such an id was listed but could never be shown; ids are now held to plain characters,
    // so every role that loads can be looked up by its id.
    let odd = "id: \"~\"\ntitle: Tilde\nsummary:\n  - text: Odd.\n    sources: [handbook]\n";
    let company = folder(&[HANDBOOK, ("~.yaml", odd)]);
    let stderr = failing_with(1, &["list", "--data", company.path().to_str().unwrap()]);
    assert!(
        stderr.contains("~.yaml:1:5: id: role id '~' is not a plain id"),
        "{stderr}"
    );
}

#[test]
fn layers_apply_in_order_builtin_user_folder_env_then_data_flag() {
    let title = |text: &str| format!("id: cto\ntitle: {text}\n");
    let user = folder(&[("rolecmp/cto.yaml", &title("From user folder"))]);
    let env = folder(&[("cto.yaml", &title("From ROLECMP_DATA"))]);
    let flag = folder(&[("cto.yaml", &title("From --data"))]);
    let show = |with_env: bool, with_flag: bool| {
        let mut command = rolecmp();
        command
            .env("XDG_DATA_HOME", user.path())
            .args(["show", "cto", "-s", "summary", "-f", "json"]);
        if with_env {
            command.env("ROLECMP_DATA", env.path());
        }
        if with_flag {
            command.arg("--data").arg(flag.path());
        }
        let output = command.output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let profile: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        profile["role"]["title"].as_str().unwrap().to_owned()
    };
    assert_eq!(show(false, false), "From user folder");
    assert_eq!(show(true, false), "From ROLECMP_DATA");
    assert_eq!(show(true, true), "From --data");
}

#[test]
fn no_builtin_loads_only_the_users_data() {
    let own_line = "reporting:\n  - to: cio\n    prevalence: usual\n    text: Our CPO reports to the CIO.\n    sources: [handbook]\n";
    let company = folder(&[HANDBOOK, (CPO.0, &CPO.1.replace(own_line, ""))]);
    let roles = json_of(&[
        "list",
        "--no-builtin",
        "--data",
        company.path().to_str().unwrap(),
    ]);
    let ids: Vec<&str> = roles
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["cpo"]);
}

#[test]
fn a_reference_to_a_built_in_role_fails_without_the_built_in_data() {
    let company = folder(&[HANDBOOK, CPO]);
    let stderr = failing_with(
        1,
        &[
            "list",
            "--no-builtin",
            "--data",
            company.path().to_str().unwrap(),
        ],
    );
    assert!(
        stderr.contains("cpo.yaml:8:9: reporting[0].to: unknown role 'cio'"),
        "{stderr}"
    );
}

#[test]
fn a_role_folder_layout_like_the_built_in_data_is_read() {
    let company = folder(&[HANDBOOK, ("roles/cpo.yaml", CPO.1)]);
    let roles = json_of(&["list", "--data", company.path().to_str().unwrap()]);
    assert!(roles.as_array().unwrap().iter().any(|r| r["id"] == "cpo"));
}

#[test]
fn show_origin_company_lists_only_what_the_company_files_add() {
    let company = folder(&[HANDBOOK, CIO_EXTENSION]);
    let dir = company.path().to_str().unwrap();
    let profile = json_of(&[
        "show", "cio", "--full", "--origin", "company", "--data", dir,
    ]);
    let role = &profile["role"];
    assert_eq!(role["summary"], serde_json::json!([]));
    assert_eq!(role["disputes"], serde_json::json!([]));
    assert_eq!(role["reporting"][0]["text"], "Our CIO reports to the CFO.");
    let industries: Vec<&str> = role["industries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["industry"].as_str().unwrap())
        .collect();
    assert_eq!(industries, ["ecommerce"]);
    let out = stdout_of(&["show", "cio", "--origin", "company", "--data", dir]);
    assert!(
        out.contains(&format!(
            "Origin: built-in, extended by {dir}/cio.yaml (replacing reporting)."
        )),
        "{out}"
    );
}

#[test]
fn show_origin_builtin_lists_only_what_is_kept_of_the_reference() {
    let company = folder(&[HANDBOOK, CIO_EXTENSION]);
    let dir = company.path().to_str().unwrap();
    let role = &json_of(&[
        "show", "cio", "--full", "--origin", "builtin", "--data", dir,
    ])["role"];
    assert_eq!(role["reporting"], serde_json::json!([]));
    let shipped = &json_of(&["show", "cio", "--full"])["role"];
    assert_eq!(role["summary"], shipped["summary"]);
    assert_eq!(role["disputes"], shipped["disputes"]);
    assert!(
        !role["industries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["industry"] == "ecommerce")
    );
}

#[test]
fn a_built_in_role_shows_no_origin_line() {
    // The title, its underline, then the first section: no `Origin:` line between.
    let out = stdout_of(&["show", "cto", "-s", "summary"]);
    let top: Vec<&str> = out.lines().take(4).collect();
    assert_eq!(
        top,
        [
            "Chief Technology Officer (CTO)",
            &"═".repeat(30),
            "",
            "Summary"
        ]
    );
}

#[test]
fn the_matrix_sets_a_charter_beside_its_built_in_version() {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/company");
    let matrix = json_of(&["matrix", "cio", "builtin:cio", "--data", example]);
    let columns: Vec<&str> = matrix["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|column| column["id"].as_str().unwrap())
        .collect();
    assert_eq!(columns, ["cio", "builtin:cio"]);
    let security = matrix["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["area"] == "security")
        .expect("the reference CIO has security");
    let levels: Vec<&str> = security["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|cell| cell["level"].as_str().unwrap())
        .collect();
    // The charter replaced the reference and names no security duty of its own, but the
    // built-in CISO works with whatever role is the CIO there; the reference shares security
    // with the CTO, shown or not.
    assert_eq!(levels, ["works-with", "shared"]);
}

#[test]
fn the_matrix_refuses_one_role_named_twice() {
    assert_eq!(
        failing_with(2, &["matrix", "cio", "CIO"]),
        "error: 'cio' and 'CIO' both name the role 'cio': name each role once (to set a role beside its built-in version: cio builtin:cio)\n"
    );
}

#[test]
fn yml_files_are_read_like_yaml_files() {
    let cpo = CPO
        .1
        .replace("title: Chief Privacy Officer", "title: From yml");
    let company = folder(&[("sources.yml", HANDBOOK.1), ("roles/cpo.yml", &cpo)]);
    let dir = company.path().to_str().unwrap();
    let role = &json_of(&["show", "cpo", "--full", "--data", dir])["role"];
    assert_eq!(role["title"], "From yml");
    assert_eq!(
        role["summary"][0]["sources"],
        serde_json::json!(["handbook"])
    );
    assert_eq!(
        stdout_of(&["validate", dir]),
        "ok: 2 files over the built-in knowledge base, 9 roles, no problems\n\
         ══════════════════════════════════════════════════════════════════\n"
    );
}

#[test]
fn rolecmp_data_with_several_entries_loads_each_later_over_earlier() {
    let title = |text: &str| format!("id: cto\ntitle: {text}\n");
    let first = folder(&[HANDBOOK, CPO, ("cto.yaml", &title("From the first entry"))]);
    let second = folder(&[("cto.yaml", &title("From the second entry"))]);
    let mut entries = std::ffi::OsString::from(first.path());
    // An empty entry, as a trailing `:` leaves, is skipped.
    entries.push("::");
    entries.push(second.path());
    entries.push(":");
    let output = rolecmp()
        .env("ROLECMP_DATA", &entries)
        .args(["list", "--format", "csv"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (one, two) = (first.path().display(), second.path().display());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!(
            "id,title,aliases,origin\r\n\
             ceo,Chief Executive Officer,CEO,built-in\r\n\
             cfo,Chief Financial Officer,CFO,built-in\r\n\
             chief-data-officer,Chief Data Officer,CDO (shared),built-in\r\n\
             chief-digital-officer,Chief Digital Officer,CDO (shared),built-in\r\n\
             cio,Chief Information Officer,CIO,built-in\r\n\
             ciso,Chief Information Security Officer,\"CISO, chief ICT security officer, head of information security\",built-in\r\n\
             cpo,Chief Privacy Officer,CPO,{one}/cpo.yaml\r\n\
             cto,From the second entry,,\"built-in, replaced by {one}/cto.yaml, replaced by {two}/cto.yaml\"\r\n\
             it-director,Information Technology Director,\"IT director, IT manager, information technology manager, IS director, information systems director\",built-in\r\n"
        )
    );
}

#[test]
fn extends_its_own_id_with_no_earlier_layer_is_nothing_to_extend() {
    let company = folder(&[
        HANDBOOK,
        (
            "cpo.yaml",
            &CPO.1.replace("id: cpo\n", "id: cpo\nextends: cpo\n"),
        ),
    ]);
    let dir = company.path().to_str().unwrap();
    assert_eq!(
        failing_with(1, &["list", "--data", dir]),
        format!(
            "error: 1 problem in the data files:\n  {dir}/cpo.yaml:2:10: extends: nothing to extend: no earlier layer defines role 'cpo'; remove `extends:` to define it here\n"
        )
    );
}

#[test]
fn builtin_names_nothing_under_no_builtin_and_says_why() {
    let company = folder(&[HANDBOOK, (CPO.0, &CPO.1.replace("reporting:\n  - to: cio\n    prevalence: usual\n    text: Our CPO reports to the CIO.\n    sources: [handbook]\n", ""))]);
    let dir = company.path().to_str().unwrap();
    assert_eq!(
        failing_with(2, &["show", "builtin:cio", "--no-builtin", "--data", dir]),
        "error: unknown built-in role 'builtin:cio'\n\n  valid built-in roles: none, as --no-builtin leaves the built-in knowledge base out\n"
    );
}

#[test]
fn extends_another_id_given_with_data_starts_from_a_copy_of_that_role() {
    let acme = "id: acme-cio\nextends: cio\ntitle: Acme CIO\nreporting:\n  - to: cfo\n    prevalence: usual\n    text: At Acme the CIO reports to the CFO.\n    sources: [handbook]\n";
    let company = folder(&[HANDBOOK, ("acme-cio.yaml", acme)]);
    let dir = company.path().to_str().unwrap();
    let copy = &json_of(&["show", "acme-cio", "--full", "--data", dir])["role"];
    let reference = &json_of(&["show", "cio", "--full", "--data", dir])["role"];
    // Its own title and no aliases, so that `CIO` still finds the reference.
    assert_eq!(copy["title"], "Acme CIO");
    assert_eq!(copy["aliases"], serde_json::json!([]));
    assert_eq!(
        copy["origin"],
        serde_json::json!([{
            "file": format!("{dir}/acme-cio.yaml"),
            "how": "extends",
            "base": "cio",
            "replaced": []
        }])
    );
    // What it states is added to the reference's (docs/company-roles.md, merge rules);
    // every other field is the reference's.
    let mut reporting = reference["reporting"].as_array().unwrap().clone();
    reporting.push(serde_json::json!({
        "to": "cfo",
        "prevalence": "usual",
        "alternative": null,
        "scope": null,
        "text": "At Acme the CIO reports to the CFO.",
        "sources": ["handbook"],
        "evidence": []
    }));
    assert_eq!(copy["reporting"], serde_json::Value::Array(reporting));
    for field in [
        "summary",
        "responsibilities",
        "industries",
        "background",
        "codes",
    ] {
        assert_eq!(copy[field], reference[field], "{field}");
    }
    // The copy has the reference's own questions; those other roles raise about the CIO by
    // its id (the CISO's, the IT director's, the Chief Data Officer's) stay the reference's.
    let topics = |role: &serde_json::Value| -> Vec<String> {
        role["disputes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["topic"].as_str().unwrap().to_owned())
            .collect()
    };
    let mut own = topics(reference);
    own.retain(|topic| {
        ![
            "Does the CISO report to the CIO?",
            "Is the IT director the CIO?",
            "Who governs data, the CIO or the Chief Data Officer?",
        ]
        .contains(&topic.as_str())
    });
    assert_eq!(topics(copy), own);
    // The reference itself is untouched.
    assert_eq!(reference, &json_of(&["show", "cio", "--full"])["role"]);
    assert_eq!(
        json_of(&["show", "CIO", "--data", dir])["role"]["id"],
        "cio"
    );
}

/// The JSON profile of `role` with `--full` over the data folders `dirs`, in order.
fn full_profile(role: &str, dirs: &[&std::path::Path]) -> serde_json::Value {
    let mut args = vec!["show".to_owned(), role.to_owned(), "--full".to_owned()];
    for dir in dirs {
        args.extend(["--data".to_owned(), dir.to_str().unwrap().to_owned()]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    json_of(&args)["role"].clone()
}

/// The texts of a JSON list of facts.
fn texts(facts: &serde_json::Value) -> Vec<&str> {
    facts
        .as_array()
        .unwrap()
        .iter()
        .map(|fact| fact["text"].as_str().unwrap())
        .collect()
}

#[test]
fn a_chain_of_extends_starts_from_the_finished_base_whatever_the_file_order() {
    // `a` comes first in the folder, yet it is a copy of `b`, itself a copy of the CIO.
    let company = folder(&[
        HANDBOOK,
        ("a.yaml", "id: a\nextends: b\ntitle: A\n"),
        ("b.yaml", "id: b\nextends: cio\ntitle: B\n"),
    ]);
    let cio = full_profile("cio", &[]);
    let a = full_profile("a", &[company.path()]);
    assert_eq!(texts(&a["summary"]), texts(&cio["summary"]));
    assert_eq!(a["origin"][0]["base"], "b");
}

#[test]
fn a_circle_of_extends_is_refused_at_each_file_naming_the_circle() {
    let company = folder(&[
        HANDBOOK,
        ("a.yaml", "id: a\nextends: b\ntitle: A\n"),
        ("b.yaml", "id: b\nextends: a\ntitle: B\n"),
    ]);
    let dir = company.path().display().to_string();
    let output = rolecmp().arg("validate").arg(&dir).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let out = String::from_utf8(output.stdout).unwrap();
    let circle = format!(
        "`extends:` goes round in a circle: 'a' ({dir}/a.yaml:2) extends 'b' ({dir}/b.yaml:2) extends 'a' again"
    );
    for file in ["a", "b"] {
        assert!(
            out.contains(&format!("{dir}/{file}.yaml:2:10: extends: {circle}")),
            "{out}"
        );
    }
}

#[test]
fn two_layers_extending_one_role_both_apply_in_data_order_and_both_are_named() {
    let fact = |text: &str| {
        format!(
            "id: cio\nextends: builtin\nbackground:\n  - text: {text}\n    sources: [handbook]\n"
        )
    };
    let first = folder(&[HANDBOOK, ("cio.yaml", &fact("First layer."))]);
    let second = folder(&[HANDBOOK, ("cio.yaml", &fact("Second layer."))]);
    let role = full_profile("cio", &[first.path(), second.path()]);
    let background = texts(&role["background"]);
    assert_eq!(
        background[background.len() - 2..],
        ["First layer.", "Second layer."]
    );
    let out = stdout_of(&[
        "show",
        "cio",
        "--data",
        first.path().to_str().unwrap(),
        "--data",
        second.path().to_str().unwrap(),
    ]);
    let (one, two) = (first.path().display(), second.path().display());
    assert!(
        out.contains(&format!(
            "Origin: built-in, extended by {one}/cio.yaml, extended by {two}/cio.yaml."
        )),
        "{out}"
    );
}

#[test]
fn extending_adds_to_an_industry_fact_by_fact_and_an_identical_fact_once() {
    let builtin = full_profile("cio", &[]);
    let healthcare = |role: &serde_json::Value| -> Vec<String> {
        role["industries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|example| example["industry"] == "healthcare")
            .map(|example| {
                texts(&example["facts"])
                    .iter()
                    .map(|t| (*t).to_owned())
                    .collect()
            })
            .unwrap()
    };
    let reference = healthcare(&builtin);
    let repeated = reference[0].clone();
    let company = folder(&[
        HANDBOOK,
        (
            "cio.yaml",
            &format!(
                "id: cio\nextends: builtin\nindustries:\n  - industry: healthcare\n    facts:\n      - text: Our clinics.\n        sources: [handbook]\n      - text: \"{repeated}\"\n        sources: [guide]\n"
            ),
        ),
    ]);
    let mut expected = reference.clone();
    expected.push("Our clinics.".to_owned());
    assert_eq!(
        healthcare(&full_profile("cio", &[company.path()])),
        expected
    );
}

#[test]
fn replace_drops_the_reference_only_where_the_file_says_so_and_origin_says_what() {
    let company = folder(&[
        HANDBOOK,
        (
            "cio.yaml",
            "id: cio\nextends: builtin\nreplace: [summary]\nsummary:\n  - text: Ours.\n    sources: [handbook]\nindustries:\n  - industry: healthcare\n    replace: true\n    facts:\n      - text: Our clinics.\n        sources: [handbook]\n",
        ),
    ]);
    let role = full_profile("cio", &[company.path()]);
    assert_eq!(texts(&role["summary"]), ["Ours."]);
    let industries = role["industries"].as_array().unwrap();
    assert_eq!(texts(&industries[0]["facts"]), ["Our clinics."]);
    // The other industries and everything not named in `replace:` are kept.
    assert_eq!(industries.len(), 4);
    assert!(!role["disputes"].as_array().unwrap().is_empty());
    assert_eq!(
        role["origin"][1]["replaced"],
        serde_json::json!(["summary", "industries[healthcare]"])
    );
    let out = stdout_of(&[
        "show",
        "cio",
        "-s",
        "summary",
        "--data",
        company.path().to_str().unwrap(),
    ]);
    assert!(
        out.contains("(replacing summary, industries[healthcare])."),
        "{out}"
    );
}

#[test]
fn an_area_or_industry_listed_twice_in_one_file_is_refused_with_both_places() {
    let company = folder(&[
        HANDBOOK,
        (
            "cpo.yaml",
            "id: cpo\ntitle: Chief Privacy Officer\nsummary:\n  - text: Owns security.\n    sources: [handbook]\nresponsibilities:\n  - area: security\n    facts:\n      - text: First.\n        sources: [handbook]\n  - area: Security\n    facts:\n      - text: Second.\n        sources: [handbook]\n",
        ),
    ]);
    let dir = company.path().display().to_string();
    let output = rolecmp().arg("validate").arg(&dir).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(
        out.contains(&format!(
            "{dir}/cpo.yaml:11:11: responsibilities[1].area: area 'security' is listed twice in this role (first as responsibilities[0] on line 7): merge the two entries into one"
        )),
        "{out}"
    );
}

#[test]
fn an_industry_with_an_area_id_leaves_the_area_its_name() {
    let company = folder(&[
        HANDBOOK,
        (
            "industries.yaml",
            "industries:\n  - id: security\n    label: Casinos and gambling\n",
        ),
    ]);
    let dir = company.path().to_str().unwrap();
    let table = stdout_of(&["show", "cio", "-s", "responsibilities", "--data", dir]);
    assert!(
        table.lines().any(|line| line.starts_with("Security ")),
        "{table}"
    );
    assert!(!table.contains("Casinos"), "{table}");
    let csv = stdout_of(&[
        "show",
        "cio",
        "-s",
        "responsibilities",
        "-f",
        "csv",
        "--data",
        dir,
    ]);
    assert!(csv.contains("cio,responsibilities,Security,"), "{csv}");
    assert!(!csv.contains("Casinos"), "{csv}");
    let compare = stdout_of(&[
        "compare",
        "cto",
        "cio",
        "-s",
        "responsibilities",
        "--data",
        dir,
    ]);
    assert!(!compare.contains("Casinos"), "{compare}");
    let search = stdout_of(&["search", "security", "-f", "csv", "--data", dir]);
    assert!(!search.contains("Casinos"), "{search}");
}

#[test]
fn industry_filters_keep_facts_by_industry_id_not_by_a_shared_label() {
    let company = folder(&[
        HANDBOOK,
        (
            "industries.yaml",
            "industries:\n  - id: clinics\n    label: Healthcare\n",
        ),
        (
            "cio.yaml",
            "id: cio\nextends: builtin\nindustries:\n  - industry: clinics\n    facts:\n      - text: Runs the clinic systems.\n        sources: [handbook]\n",
        ),
    ]);
    let dir = company.path().to_str().unwrap();
    let found = json_of(&["search", "systems", "--industry", "clinics", "--data", dir]);
    let facts: Vec<&str> = found["roles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|role| texts(&role["facts"]))
        .collect();
    assert_eq!(facts, ["Runs the clinic systems."]);
}

#[test]
fn a_file_may_name_an_area_or_industry_by_an_alias() {
    let company = folder(&[
        HANDBOOK,
        (
            "cpo.yaml",
            "id: cpo\ntitle: Chief Privacy Officer\nsummary:\n  - text: Owns security.\n    sources: [handbook]\nresponsibilities:\n  - area: vendors\n    facts:\n      - text: Signs off suppliers.\n        sources: [handbook]\n",
        ),
    ]);
    let dir = company.path().to_str().unwrap();
    let role = full_profile("cpo", &[company.path()]);
    assert_eq!(role["responsibilities"][0]["area"], "vendor-management");
    let output = rolecmp().args(["validate", dir]).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn composed_and_decomposed_accents_are_one_name_and_one_word() {
    let title = |id: &str, title: &str| {
        format!(
            "id: {id}\ntitle: {title}\nsummary:\n  - text: Leads the r\u{e9}sum\u{e9} review.\n    sources: [handbook]\n"
        )
    };
    let composed = "Directeur G\u{e9}n\u{e9}ral";
    let decomposed = "Directeur Ge\u{301}ne\u{301}ral";
    let both = folder(&[
        HANDBOOK,
        ("dg.yaml", &title("dg", composed)),
        ("dg2.yaml", &title("dg2", decomposed)),
    ]);
    let output = rolecmp().arg("validate").arg(both.path()).output().unwrap();
    let out = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(out.contains("dg2.yaml:2:8: title: title"), "{out}");
    let one = folder(&[
        HANDBOOK,
        (
            "dg.yaml",
            &title("dg", decomposed).replace("r\u{e9}sum\u{e9}", "re\u{301}sume\u{301}"),
        ),
    ]);
    let dir = one.path().to_str().unwrap();
    let shown = json_of(&["show", composed, "-s", "summary", "--data", dir]);
    assert_eq!(shown["role"]["id"], "dg");
    let found = json_of(&["search", "r\u{e9}sum\u{e9}", "--data", dir]);
    assert_eq!(found["roles"][0]["role"], "dg");
    // Letters of another script that look alike are another name.
    let cyrillic = "Dir\u{435}cteur G\u{e9}n\u{e9}ral";
    let output = rolecmp()
        .args(["show", cyrillic, "--data", dir])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_glance_view_shows_a_charters_own_industry_examples() {
    let out = stdout_of(&["show", "cio", "--data", "examples/company"]);
    assert!(
        out.contains(
            "Industries       │ E-commerce: The CIO runs the order, payment and warehouse"
        ),
        "{out}"
    );
}

#[test]
fn origin_company_shows_only_the_companys_facts_for_every_kind_of_extends() {
    let company = folder(&[
        HANDBOOK,
        (
            "cio.yaml",
            "id: cio\nextends: builtin\nbackground:\n  - text: Ten years with us.\n    sources: [handbook]\n",
        ),
        (
            "acme-cio.yaml",
            "id: acme-cio\nextends: cio\ntitle: Acme CIO\nsummary:\n  - text: Runs Acme's IT.\n    sources: [handbook]\n",
        ),
    ]);
    let dir = company.path().to_str().unwrap();
    for (role, own) in [
        ("cio", "Ten years with us."),
        ("acme-cio", "Runs Acme's IT."),
    ] {
        let out = stdout_of(&[
            "show", role, "--origin", "company", "-f", "markdown", "--data", dir,
        ]);
        assert!(out.contains(own), "{out}");
        for reference in ["[guide]", "[brief]"] {
            assert!(!out.contains(reference), "{role}: {out}");
        }
        let kept = json_of(&["show", role, "--full", "--origin", "builtin", "--data", dir]);
        let summary = texts(&kept["role"]["summary"]);
        assert!(
            !summary.is_empty() && !summary.contains(&own),
            "{role}: {summary:?}"
        );
    }
}

/// The glance headlines of `role` over the data folder `dir`: dimension → (text, sources).
fn glance_headlines(role: &str, dir: &std::path::Path) -> BTreeMap<String, Vec<(String, String)>> {
    let profile = json_of(&["show", role, "--data", dir.to_str().unwrap()]);
    profile["role"]["headlines"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(dimension, lines)| {
            let lines = lines
                .as_array()
                .unwrap()
                .iter()
                .map(|line| {
                    let sources: Vec<&str> = line["sources"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|source| source.as_str().unwrap())
                        .collect();
                    (
                        line["text"].as_str().unwrap().to_owned(),
                        sources.join(", "),
                    )
                })
                .collect();
            (dimension.clone(), lines)
        })
        .collect()
}

#[test]
fn replacing_a_part_drops_the_headlines_that_sum_it_up_and_the_glance_shows_what_is_left() {
    let company = folder(&[
        HANDBOOK,
        (
            "cio.yaml",
            "id: cio\nextends: builtin\nreplace: [summary, focus, nature, facing, reporting, background, industries]\nsummary:\n  - text: Our CIO runs IT.\n    sources: [handbook]\nfocus:\n  facts:\n    - text: Our CIO focuses on the shop.\n      sources: [handbook]\nnature:\n  facts:\n    - text: Our CIO plans and runs.\n      sources: [handbook]\nfacing:\n  facts:\n    - text: Our CIO serves staff and customers.\n      sources: [handbook]\nreporting:\n  - to: cfo\n    prevalence: usual\n    text: Our CIO reports to the CFO.\n    sources: [handbook]\nbackground:\n  - text: Our CIO came up through operations.\n    sources: [handbook]\nindustries:\n  - industry: ecommerce\n    facts:\n      - text: Our CIO runs the online shop's systems.\n        sources: [handbook]\n",
        ),
    ]);
    let own = |text: &str| vec![(text.to_owned(), "handbook".to_owned())];
    let expected: BTreeMap<String, Vec<(String, String)>> = [
        ("definition", own("Our CIO runs IT.")),
        ("focus", own("Our CIO focuses on the shop.")),
        ("nature", own("Our CIO plans and runs.")),
        ("facing", own("Our CIO serves staff and customers.")),
        ("reporting", own("Our CIO reports to the CFO.")),
        ("background", own("Our CIO came up through operations.")),
        (
            "industries",
            own("E-commerce: Our CIO runs the online shop's systems."),
        ),
    ]
    .into_iter()
    .map(|(dimension, lines)| (dimension.to_owned(), lines))
    .collect();
    // Before: every row kept the reference's headlines ("Often the CEO. [brief]", …),
    // citing facts the file had dropped, beside the company's own.
    assert_eq!(glance_headlines("cio", company.path()), expected);
    let table = stdout_of(&[
        "show",
        "cio",
        "--width",
        "100",
        "--data",
        company.path().to_str().unwrap(),
    ]);
    let row = table
        .lines()
        .find(|line| line.starts_with("Reports to"))
        .unwrap();
    assert_eq!(
        row.trim_end(),
        "Reports to       │ Our CIO reports to the CFO. [handbook]"
    );
}

#[test]
fn a_file_replacing_a_part_keeps_the_headline_it_writes_for_it() {
    let company = folder(&[
        HANDBOOK,
        (
            "cio.yaml",
            "id: cio\nextends: builtin\nreplace: [reporting]\nheadlines:\n  reporting:\n    - text: The CFO.\n      sources: [handbook]\nreporting:\n  - to: cfo\n    prevalence: usual\n    text: Our CIO reports to the CFO.\n    sources: [handbook]\n",
        ),
    ]);
    let headlines = glance_headlines("cio", company.path());
    assert_eq!(
        headlines["reporting"],
        [("The CFO.".to_owned(), "handbook".to_owned())]
    );
    // Parts the file does not replace keep the reference's headlines.
    assert_eq!(
        headlines["definition"],
        [(
            "Heads IT and its systems.".to_owned(),
            "brief, guide".to_owned()
        )]
    );
}

#[test]
fn replacing_industry_entries_drops_a_headline_only_when_no_example_left_supports_it() {
    let entry = |industry: &str| {
        format!(
            "  - industry: {industry}\n    replace: true\n    facts:\n      - text: Ours in {industry}.\n        sources: [handbook]\n"
        )
    };
    let company = |industries: &[&str]| {
        let mut role = "id: cio\nextends: builtin\nindustries:\n".to_owned();
        for industry in industries {
            role.push_str(&entry(industry));
        }
        folder(&[HANDBOOK, ("cio.yaml", &role)])
    };
    let headline_texts = |dir: &tempfile::TempDir| -> Vec<String> {
        glance_headlines("cio", dir.path())["industries"]
            .iter()
            .map(|(text, _)| text.clone())
            .collect()
    };
    // The guide's manufacturing and financial examples still support its headline.
    let one = company(&["healthcare"]);
    assert!(
        headline_texts(&one).contains(&"Duties may vary by industry.".to_owned()),
        "{:?}",
        headline_texts(&one)
    );
    // With every guide example replaced, only the headline the law still supports is left,
    // beside the company's examples.
    let all = company(&["healthcare", "manufacturing", "financial-services"]);
    assert_eq!(
        headline_texts(&all),
        [
            "US federal agencies, by law.",
            "Healthcare: Ours in healthcare.",
            "Manufacturing: Ours in manufacturing.",
            "Financial services: Ours in financial-services."
        ]
    );
}
