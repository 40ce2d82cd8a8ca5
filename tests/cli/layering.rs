use super::{HANDBOOK, folder, json_of, rolecmp, stdout_of};

const CISO: (&str, &str) = (
    "ciso.yaml",
    "id: ciso\ntitle: Chief Information Security Officer\naliases: [CISO]\nsummary:\n  - text: Owns security.\n    sources: [handbook]\nreporting:\n  - to: cio\n    prevalence: usual\n    text: Our CISO reports to the CIO.\n    sources: [handbook]\n",
);

const CIO_EXTENSION: (&str, &str) = (
    "cio.yaml",
    "id: cio\nextends: builtin\nreporting:\n  - to: cfo\n    prevalence: usual\n    text: Our CIO reports to the CFO.\n    sources: [handbook]\nindustries:\n  - industry: ecommerce\n    facts:\n      - text: Runs our shop systems.\n        sources: [handbook]\n",
);

#[test]
fn a_data_folder_adds_a_role_rendered_like_the_built_in_ones() {
    let company = folder(&[HANDBOOK, CISO]);
    let dir = company.path().to_str().unwrap();
    let roles = json_of(&["list", "--data", dir]);
    let ciso = roles
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "ciso")
        .expect("ciso listed");
    assert_eq!(
        ciso["origin"][0]["file"],
        company.path().join("ciso.yaml").to_str().unwrap()
    );
    assert_eq!(ciso["origin"][0]["how"], "defines");
    let out = stdout_of(&[
        "compare",
        "ciso",
        "cio",
        "--section",
        "reporting",
        "--format",
        "markdown",
        "--data",
        dir,
    ]);
    assert!(
        out.contains("Our CISO reports to the CIO. \\[handbook\\]"),
        "{out}"
    );
}

#[test]
fn a_file_that_extends_builtin_replaces_reporting_lines_and_adds_an_industry() {
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
    for emptied in ["industries", "disputes", "responsibilities", "background"] {
        assert_eq!(role[emptied], serde_json::json!([]), "{emptied}");
    }
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
    let output = rolecmp().args(["show", "builtin:ciso"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("error: unknown built-in role 'builtin:ciso'"),
        "{stderr}"
    );
}

#[test]
fn the_same_folder_named_twice_is_loaded_once() {
    let company = folder(&[HANDBOOK, CISO]);
    let output = rolecmp()
        .env("ROLECMP_DATA", company.path())
        .args(["list", "--data"])
        .arg(company.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
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
    let own_line = "reporting:\n  - to: cio\n    prevalence: usual\n    text: Our CISO reports to the CIO.\n    sources: [handbook]\n";
    let company = folder(&[HANDBOOK, (CISO.0, &CISO.1.replace(own_line, ""))]);
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
    assert_eq!(ids, ["ciso"]);
}

#[test]
fn a_reference_to_a_built_in_role_fails_without_the_built_in_data() {
    let company = folder(&[HANDBOOK, CISO]);
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
        stderr.contains("ciso.yaml:8:9: reporting[0].to: unknown role 'cio'"),
        "{stderr}"
    );
}

#[test]
fn a_role_folder_layout_like_the_built_in_data_is_read() {
    let company = folder(&[HANDBOOK, ("roles/ciso.yaml", CISO.1)]);
    let roles = json_of(&["list", "--data", company.path().to_str().unwrap()]);
    assert!(roles.as_array().unwrap().iter().any(|r| r["id"] == "ciso"));
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
        out.contains(&format!("Origin: built-in, extended by {dir}/cio.yaml.")),
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
    let out = stdout_of(&["show", "cto", "-s", "summary"]);
    assert!(!out.contains("Origin:"), "{out}");
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
    // The charter replaced the reference and names no security duty of its own.
    assert_eq!(levels, ["not-named", "responsible"]);
}

#[test]
fn the_matrix_refuses_one_role_named_twice() {
    let output = rolecmp().args(["matrix", "cio", "CIO"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .starts_with("error: 'cio' and 'CIO' both name the role 'cio'")
    );
}

/// Runs `rolecmp args…`, asserts that it fails with `code`, returns its stderr.
fn failing_with(code: i32, args: &[&str]) -> String {
    let output = rolecmp().args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(code), "rolecmp {args:?}");
    String::from_utf8(output.stderr).unwrap()
}
