fn schema_of(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&super::stdout_of(args)).expect("the schema is JSON")
}

#[test]
fn the_role_schema_describes_every_key_of_a_role_file() {
    let schema = schema_of(&["schema"]);
    assert_eq!(schema["title"], "RawRole");
    let properties = schema["properties"].as_object().unwrap();
    for key in [
        "id",
        "title",
        "aliases",
        "summary",
        "focus",
        "nature",
        "facing",
        "responsibilities",
        "reporting",
        "background",
        "industries",
        "collaboration",
        "disputes",
    ] {
        assert!(properties.contains_key(key), "{key} missing");
    }
    assert_eq!(schema["additionalProperties"], false);
    assert_eq!(schema["required"], serde_json::json!(["id"]));
}

#[test]
fn every_built_in_role_file_satisfies_the_schema() {
    let schema = schema_of(&["schema"]);
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let roles = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/roles");
    for entry in std::fs::read_dir(roles).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let value: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
    let broken = serde_json::json!({"id": "x", "titel": "typo"});
    assert!(
        !validator.is_valid(&broken),
        "an unknown key must fail the schema"
    );
}

#[test]
fn sources_and_vocabulary_schemas_are_available() {
    assert_eq!(schema_of(&["schema", "sources"])["title"], "SourcesFile");
    assert_eq!(
        schema_of(&["schema", "vocabulary"])["title"],
        "VocabularyFile"
    );
}

#[test]
fn the_vocabulary_schema_covers_the_built_in_glossary() {
    let schema = schema_of(&["schema", "vocabulary"]);
    assert!(schema["properties"]["glossary"].is_object(), "{schema}");
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for name in ["glossary.yaml", "areas.yaml", "industries.yaml"] {
        let text = std::fs::read_to_string(data.join(name)).unwrap();
        let value: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
    let broken = serde_json::json!({"glossary": [{"id": "x", "term": "X", "expansion": "typo"}]});
    assert!(!validator.is_valid(&broken));
}
