use super::{json_of, stdout_of};

#[test]
fn finds_which_roles_mention_a_text_grouped_by_role_with_the_section() {
    let results = json_of(&["search", "Supply Chain"]);
    let roles: Vec<&str> = results["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["cio", "cto"]);
    for role in results["roles"].as_array().unwrap() {
        for fact in role["facts"].as_array().unwrap() {
            assert_eq!(fact["section"], "industries");
            assert_eq!(fact["topic"], "Manufacturing");
            assert!(
                fact["text"]
                    .as_str()
                    .unwrap()
                    .to_lowercase()
                    .contains("supply chain")
            );
        }
    }
}

#[test]
fn matches_the_topic_a_fact_is_filed_under() {
    let results = json_of(&["search", "vendor management"]);
    let cio = &results["roles"][0];
    assert_eq!(cio["role"], "cio");
    assert!(
        cio["facts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["text"].as_str().unwrap().contains("contracts"))
    );
}

#[test]
fn says_so_when_nothing_matches() {
    let out = stdout_of(&["search", "blockchain"]);
    assert!(out.contains("No fact mentions “blockchain”"), "{out}");
}
