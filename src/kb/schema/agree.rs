//! The schema walk ([`super::validate`]) and the typed reading of a file (serde, which the
//! schema is generated from) must agree on every key of every data file kind: a file one
//! accepts and the other refuses would get a wrong message, or none. Documents are generated
//! from the published schema itself: for every key at every depth, the key with a valid
//! value, with a value of the wrong kind, set to nothing, left out, and beside it a key no
//! schema knows.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use super::super::yaml;
use super::{FileKind, schema, validate};
use crate::kb::raw::{RawRole, SourcesFile, VocabularyFile};

/// One step of a path into a document: a key, or the first item of a list.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    First,
}

/// A document to read both ways, what it is, and whether both must accept it (`Some`) or
/// only agree (`None`, for a key set to nothing).
struct Case {
    what: String,
    document: Value,
    accepted: Option<bool>,
}

struct Cases<'s> {
    root: &'s Value,
    cases: Vec<Case>,
}

impl<'s> Cases<'s> {
    fn resolve(&self, mut schema: &'s Value) -> &'s Value {
        while let Some(name) = schema
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|target| target.strip_prefix("#/$defs/"))
        {
            schema = &self.root["$defs"][name];
        }
        schema
    }

    /// The branches of an `anyOf` or `oneOf`, resolved.
    fn branches(&self, schema: &'s Value) -> Vec<&'s Value> {
        schema
            .get("anyOf")
            .or_else(|| schema.get("oneOf"))
            .and_then(Value::as_array)
            .map(|branches| branches.iter().map(|b| self.resolve(b)).collect())
            .unwrap_or_default()
    }

    /// The JSON types a schema (or one of its branches) takes.
    fn types(&self, schema: &'s Value) -> Vec<&'s str> {
        let schema = self.resolve(schema);
        let own = match schema.get("type") {
            Some(Value::String(one)) => vec![one.as_str()],
            Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
            _ if schema.get("properties").is_some() => vec!["object"],
            _ => Vec::new(),
        };
        let branches = self
            .branches(schema)
            .into_iter()
            .flat_map(|b| self.types(b));
        own.into_iter().chain(branches).collect()
    }

    /// A value the schema accepts.
    fn valid(&self, schema: &'s Value) -> Value {
        let schema = self.resolve(schema);
        if let Some(value) = schema.get("const").or_else(|| schema.get("enum")?.get(0)) {
            return value.clone();
        }
        let branches = self.branches(schema);
        if let Some(branch) = branches.iter().find(|b| !self.types(b).contains(&"null")) {
            return self.valid(branch);
        }
        match self.types(schema).iter().find(|t| **t != "null").copied() {
            Some("boolean") => json!(true),
            Some("integer" | "number") => json!(1),
            Some("array") => schema
                .get("items")
                .map_or_else(|| json!([]), |items| json!([self.valid(items)])),
            Some("object") => {
                let mut object = Map::new();
                for key in required(schema) {
                    object.insert(key.to_owned(), self.valid(&schema["properties"][key]));
                }
                Value::Object(object)
            }
            _ => json!("text"),
        }
    }

    /// A value of a kind the schema does not take: a text where keys with values go, keys
    /// with values anywhere else, and a word no value set has.
    fn wrong(&self, schema: &'s Value) -> Value {
        let schema = self.resolve(schema);
        let values = schema.get("enum").and_then(Value::as_array).is_some()
            || self
                .branches(schema)
                .iter()
                .any(|branch| branch.get("const").is_some());
        if values {
            json!("no-such-value")
        } else if self.types(schema).contains(&"object") {
            json!("text")
        } else {
            json!({"wrong": "value"})
        }
    }

    fn add(&mut self, what: String, document: Value, accepted: Option<bool>) {
        self.cases.push(Case {
            what,
            document,
            accepted,
        });
    }

    /// The cases for every key of the mapping `schema` describes at `path` of `document`.
    fn mapping(&mut self, document: &Value, path: &[Step], schema: &'s Value) {
        let schema = self.resolve(schema);
        let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
            return;
        };
        let place = shown(path);
        if schema.get("additionalProperties") == Some(&Value::Bool(false)) {
            let mut unknown = document.clone();
            at(&mut unknown, path)["no-such-key"] = json!("text");
            self.add(format!("{place}.no-such-key"), unknown, Some(false));
        }
        for key in required(schema) {
            let mut missing = document.clone();
            at(&mut missing, path)
                .as_object_mut()
                .expect("a mapping")
                .remove(key);
            self.add(format!("{place}.{key} left out"), missing, Some(false));
        }
        for (key, property) in properties {
            let mut inner = path.to_vec();
            inner.push(Step::Key(key.clone()));
            let with = |value: Value| {
                let mut changed = document.clone();
                *at(&mut changed, &inner) = value;
                changed
            };
            let valid = with(self.valid(property));
            let wrong = with(self.wrong(property));
            let nothing = with(Value::Null);
            self.add(format!("{place}.{key}"), valid.clone(), Some(true));
            self.add(format!("{place}.{key} wrong"), wrong, Some(false));
            self.add(format!("{place}.{key} nothing"), nothing, None);
            self.value(&valid, &inner, property);
        }
    }

    /// The cases inside the value `schema` describes at `path`: its keys, its items', and
    /// those of each kind of value it may be.
    fn value(&mut self, document: &Value, path: &[Step], schema: &'s Value) {
        let schema = self.resolve(schema);
        let branches = self.branches(schema);
        if !branches.is_empty() {
            for branch in branches {
                if branch.get("const").is_some() || self.types(branch) == ["null"] {
                    continue;
                }
                let mut shaped = document.clone();
                *at(&mut shaped, path) = self.valid(branch);
                self.value(&shaped, path, branch);
            }
            return;
        }
        if let Some(items) = schema.get("items") {
            let mut first = path.to_vec();
            first.push(Step::First);
            self.value(document, &first, items);
        }
        self.mapping(document, path, schema);
    }
}

fn required(schema: &Value) -> Vec<&str> {
    schema
        .get("required")
        .and_then(Value::as_array)
        .map(|keys| keys.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn at<'v>(document: &'v mut Value, path: &[Step]) -> &'v mut Value {
    path.iter().fold(document, |value, step| match step {
        Step::Key(key) => &mut value[key.as_str()],
        Step::First => &mut value[0],
    })
}

fn shown(path: &[Step]) -> String {
    path.iter()
        .map(|step| match step {
            Step::Key(key) => format!(".{key}"),
            Step::First => "[0]".to_owned(),
        })
        .collect()
}

/// Every case of `kind`, each read by serde as `T` and walked against the schema.
fn agree<T: DeserializeOwned>(kind: FileKind) -> usize {
    let schema = schema(kind).as_value();
    let mut cases = Cases {
        root: schema,
        cases: Vec::new(),
    };
    let minimal = cases.valid(schema);
    cases.add("the smallest file".to_owned(), minimal.clone(), Some(true));
    cases.value(&minimal, &[], schema);
    for case in &cases.cases {
        // YAML reads JSON, on one line.
        let text = case.document.to_string();
        let typed = yaml::parse_typed::<T>("x.yaml", &text).is_ok();
        let tree = yaml::tree(&text).expect("JSON is YAML");
        let walked = validate::check("x.yaml", &tree, schema, &[])
            .problems
            .is_empty();
        assert_eq!(
            typed,
            walked,
            "{kind:?} {}: serde {} it, the schema {} it: {text}",
            case.what,
            if typed { "accepts" } else { "refuses" },
            if walked { "accepts" } else { "refuses" },
        );
        if let Some(accepted) = case.accepted {
            assert_eq!(typed, accepted, "{kind:?} {}: {text}", case.what);
        }
    }
    cases.cases.len()
}

#[test]
fn serde_and_the_schema_agree_on_every_key_of_a_role_file() {
    assert!(agree::<RawRole>(FileKind::Role) > 300);
}

#[test]
fn serde_and_the_schema_agree_on_every_key_of_a_sources_file() {
    assert!(agree::<SourcesFile>(FileKind::Sources) > 20);
}

#[test]
fn serde_and_the_schema_agree_on_every_key_of_a_vocabulary_file() {
    assert!(agree::<VocabularyFile>(FileKind::Vocabulary) > 50);
}
