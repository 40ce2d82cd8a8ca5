use super::{HANDBOOK, folder, json_of, rolecmp, stdout_of};

const CISO: (&str, &str) = (
    "ciso.yaml",
    "id: ciso\ntitle: Chief Information Security Officer\naliases: [CISO]\nsummary:\n  - text: Owns security.\n    sources: [handbook]\nreporting:\n  - to: cio\n    prevalence: usual\n    text: Our CISO reports to the CIO.\n    sources: [handbook]\n",
);

const CIO_OVERRIDE: (&str, &str) = (
    "cio.yaml",
    "id: cio\nreporting:\n  - to: cfo\n    prevalence: usual\n    text: Our CIO reports to the CFO.\n    sources: [handbook]\nindustries:\n  - industry: ecommerce\n    facts:\n      - text: Runs our shop systems.\n        sources: [handbook]\n",
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
        ciso["origin"][0],
        company.path().join("ciso.yaml").to_str().unwrap()
    );
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
fn an_override_replaces_reporting_lines_and_adds_an_industry() {
    let company = folder(&[HANDBOOK, CIO_OVERRIDE]);
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
    assert_eq!(role["origin"][0], "built-in");
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
    let company = folder(&[HANDBOOK, (CISO.0, &CISO.1.replace("to: cio", "to: ciso"))]);
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
    let output = rolecmp()
        .args([
            "list",
            "--no-builtin",
            "--data",
            company.path().to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
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
