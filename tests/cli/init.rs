use super::{HANDBOOK, folder, rolecmp};

#[test]
fn init_writes_a_template_that_validate_flags_until_filled_in() {
    let company = folder(&[HANDBOOK]);
    let output = rolecmp()
        .args(["init", "ciso", "--dir"])
        .arg(company.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    let path = company.path().join("ciso.yaml");
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .starts_with(&format!("created {}", path.display()))
    );

    let check = |path: &std::path::Path| {
        rolecmp()
            .arg("validate")
            .arg(path)
            .arg(company.path().join("sources.yaml"))
            .output()
            .unwrap()
    };
    let output = check(&path);
    assert_eq!(output.status.code(), Some(1));
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(
        out.contains("ciso.yaml:11:8: title: unfinished template text: replace the TODO"),
        "{out}"
    );

    let template = std::fs::read_to_string(&path).unwrap();
    let filled = template
        .replace("TODO full title, e.g. ", "")
        .replace("TODO ", "Filled in, ");
    std::fs::write(&path, filled).unwrap();
    let output = check(&path);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn init_never_overwrites_a_file() {
    let company = folder(&[("ciso.yaml", "mine")]);
    let output = rolecmp()
        .args(["init", "ciso", "--dir"])
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
        std::fs::read_to_string(company.path().join("ciso.yaml")).unwrap(),
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
