//! Every structural problem of a data file at once: its YAML tree, with the place of every
//! value, checked against the JSON Schema that `rolecmp schema` publishes (`schema`).
//!
//! serde stops at the first unknown, missing or mistyped key, so a misspelt key would hide
//! the problems below it. This walk runs only on a file serde refused; it also collects the
//! ids the file refers to (fields marked `x-rolecmp-ref` in the schema), so that references
//! are checked in the same run.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use serde_saphyr::Spanned;

use super::super::Diagnostic;
use super::super::lookup;

/// A YAML value with the place of each of its parts.
#[derive(Debug)]
pub enum Node {
    Null,
    /// A scalar, with what YAML made of it (so `sources: 12` is "a number", not a text).
    Scalar(String, Scalar),
    List(Vec<Spanned<Node>>),
    Map(Vec<(Spanned<Node>, Spanned<Node>)>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scalar {
    Text,
    Number,
    Boolean,
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string(), Scalar::Boolean))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string(), Scalar::Number))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string(), Scalar::Number))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string(), Scalar::Number))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string(), Scalar::Number))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string(), Scalar::Number))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_owned(), Scalar::Text))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
        Ok(Node::Scalar(v, Scalar::Text))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        Node::deserialize(deserializer)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key()? {
            entries.push((key, map.next_value()?));
        }
        Ok(Node::Map(entries))
    }
}

impl Node {
    /// What the value is, in the words of a message: "a text", "a list".
    fn describe(&self) -> &'static str {
        match self {
            Node::Null => "nothing",
            Node::Scalar(_, Scalar::Text) => "a text",
            Node::Scalar(_, Scalar::Number) => "a number",
            Node::Scalar(_, Scalar::Boolean) => "true or false",
            Node::List(_) => "a list",
            Node::Map(_) => "keys with values",
        }
    }

    fn json_type(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Scalar(_, Scalar::Text) => "string",
            Node::Scalar(_, Scalar::Number) => "number",
            Node::Scalar(_, Scalar::Boolean) => "boolean",
            Node::List(_) => "array",
            Node::Map(_) => "object",
        }
    }
}

/// A JSON Schema type in the words of a message.
fn describe_type(name: &str) -> &'static str {
    match name {
        "null" => "nothing",
        "string" => "a text",
        "integer" | "number" => "a number",
        "boolean" => "true or false",
        "array" => "a list",
        _ => "keys with values",
    }
}

/// An id a file refers to, found in a field the schema marks with `x-rolecmp-ref`.
#[derive(Debug)]
pub struct Reference {
    /// "source", "area", "industry" or "role".
    pub kind: &'static str,
    pub id: Spanned<String>,
    pub key: String,
}

/// What the walk found: every structural problem, and the references to check.
#[derive(Debug, Default)]
pub struct Found {
    pub problems: Vec<Diagnostic>,
    pub references: Vec<Reference>,
}

/// Checks `root` against `schema` (a schemars root schema with `$defs`). `open` are the lines
/// of values a syntax error cut short (see `yaml::parse`): a key or value missing there may
/// be only hidden, so it is not reported.
pub fn check(file: &str, root: &Spanned<Node>, schema: &Value, open: &[u64]) -> Found {
    let mut walk = Walk {
        file,
        root: schema,
        open,
        found: Found::default(),
    };
    walk.node(root, schema, "");
    walk.found
}

struct Walk<'a> {
    file: &'a str,
    root: &'a Value,
    open: &'a [u64],
    found: Found,
}

impl<'a> Walk<'a> {
    fn problem(&mut self, at: &Spanned<Node>, key: &str, message: String) {
        self.found
            .problems
            .push(Diagnostic::at(self.file, at, key, message));
    }

    /// Whether something missing at `at` may only be cut off by a syntax error below it.
    fn cut_short(&self, at: &Spanned<Node>) -> bool {
        self.open.contains(&at.referenced.line())
    }

    /// The schema itself, or the one its `$ref` points to (`#/$defs/Name`).
    fn resolve(&self, schema: &'a Value) -> &'a Value {
        let mut schema = schema;
        // schemars writes no chains of references, but a loop must not hang the walk.
        for _ in 0..8 {
            let Some(target) = schema.get("$ref").and_then(Value::as_str) else {
                break;
            };
            let Some(name) = target.strip_prefix("#/$defs/") else {
                break;
            };
            match self.root.get("$defs").and_then(|defs| defs.get(name)) {
                Some(found) => schema = found,
                None => break,
            }
        }
        schema
    }

    fn node(&mut self, node: &Spanned<Node>, schema: &'a Value, key: &str) {
        let schema = self.resolve(schema);
        let branches = schema
            .get("anyOf")
            .or_else(|| schema.get("oneOf"))
            .and_then(Value::as_array);
        if let Some(branches) = branches {
            self.branches(node, branches, key);
            return;
        }
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            let allowed: Vec<&str> = values.iter().filter_map(Value::as_str).collect();
            self.one_of(node, &allowed, key);
            return;
        }
        let types: Vec<&str> = match schema.get("type") {
            Some(Value::String(one)) => vec![one.as_str()],
            Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        let fits = |wanted: &str| match (&node.value, wanted) {
            // A plain scalar reads as a text where a text is wanted (`title: 2025`).
            (Node::Scalar(_, Scalar::Number), "integer") | (Node::Scalar(..), "string") => true,
            (other, wanted) => other.json_type() == wanted,
        };
        if matches!(node.value, Node::Null) && self.cut_short(node) {
            return;
        }
        if !types.is_empty() && !types.iter().any(|wanted| fits(wanted)) {
            let wanted: Vec<&str> = types
                .iter()
                .filter(|t| **t != "null")
                .map(|t| describe_type(t))
                .collect();
            let message = format!(
                "expected {}, found {}",
                wanted.join(" or "),
                node.value.describe()
            );
            self.problem(node, key, message);
            return;
        }
        // Only a value of the right shape holds ids: `area: [x]` is one problem, not two.
        if let Some(kind) = schema.get("x-rolecmp-ref").and_then(Value::as_str) {
            self.references(node, kind, key);
        }
        match &node.value {
            Node::Map(entries) => self.map(node, entries, schema, key),
            Node::List(items) => {
                if let Some(item_schema) = schema.get("items") {
                    for (index, item) in items.iter().enumerate() {
                        self.node(item, item_schema, &format!("{key}[{index}]"));
                    }
                }
            }
            _ => {}
        }
    }

    /// `anyOf` / `oneOf` as schemars writes them: documented enum variants (each a `const`),
    /// or an optional value (a schema or `null`).
    fn branches(&mut self, node: &Spanned<Node>, branches: &'a [Value], key: &str) {
        let consts: Vec<&str> = branches
            .iter()
            .filter_map(|branch| branch.get("const").and_then(Value::as_str))
            .collect();
        if !consts.is_empty() && consts.len() == branches.len() {
            self.one_of(node, &consts, key);
            return;
        }
        let is_null = |branch: &Value| branch.get("type").and_then(Value::as_str) == Some("null");
        if matches!(node.value, Node::Null) && branches.iter().any(is_null) {
            return;
        }
        let others: Vec<&Value> = branches.iter().filter(|b| !is_null(b)).collect();
        if let [only] = others.as_slice() {
            self.node(node, only, key);
            return;
        }
        // Some branch must fit without a problem; otherwise say what the branch of the value's
        // own kind expects (a list where a list may go), else the first one.
        let mut first = None;
        let mut own_kind = None;
        for branch in others {
            let mut trial = Walk {
                file: self.file,
                root: self.root,
                open: self.open,
                found: Found::default(),
            };
            trial.node(node, branch, key);
            if trial.found.problems.is_empty() {
                self.found.references.extend(trial.found.references);
                return;
            }
            let kind = self.resolve(branch).get("type").and_then(Value::as_str);
            if own_kind.is_none() && kind == Some(node.value.json_type()) {
                own_kind = Some(trial.found);
            } else {
                first.get_or_insert(trial.found);
            }
        }
        if let Some(found) = own_kind.or(first) {
            self.found.problems.extend(found.problems);
            self.found.references.extend(found.references);
        }
    }

    fn one_of(&mut self, node: &Spanned<Node>, allowed: &[&str], key: &str) {
        if let Node::Scalar(value, _) = &node.value
            && allowed.contains(&value.as_str())
        {
            return;
        }
        let given = match &node.value {
            Node::Scalar(value, _) => format!("'{value}'"),
            other => other.describe().to_owned(),
        };
        let hint = match &node.value {
            Node::Scalar(value, _) => {
                let suggestions = lookup::suggest(value, allowed.iter().copied());
                if suggestions.is_empty() {
                    String::new()
                } else {
                    format!(" (did you mean {}?)", lookup::either(&suggestions, "'"))
                }
            }
            _ => String::new(),
        };
        let message = format!("{given} is not one of: {}{hint}", allowed.join(", "));
        self.problem(node, key, message);
    }

    fn map(
        &mut self,
        node: &Spanned<Node>,
        entries: &[(Spanned<Node>, Spanned<Node>)],
        schema: &'a Value,
        key: &str,
    ) {
        let properties = schema.get("properties").and_then(Value::as_object);
        let closed = schema.get("additionalProperties") == Some(&Value::Bool(false));
        let mut seen = Vec::new();
        for (name, value) in entries {
            let Node::Scalar(name_text, _) = &name.value else {
                self.problem(name, key, "a key must be a plain word".to_owned());
                continue;
            };
            let path = if key.is_empty() {
                name_text.clone()
            } else {
                format!("{key}.{name_text}")
            };
            seen.push(name_text.as_str());
            match properties.and_then(|p| p.get(name_text)) {
                Some(property) => self.node(value, property, &path),
                None if closed => {
                    let expected: Vec<&str> = properties
                        .map(|p| p.keys().map(String::as_str).collect())
                        .unwrap_or_default();
                    let suggestions = lookup::suggest(name_text, expected.iter().copied());
                    let hint = if suggestions.is_empty() {
                        format!("expected one of: {}", expected.join(", "))
                    } else {
                        format!("did you mean {}?", lookup::either(&suggestions, "`"))
                    };
                    self.problem(name, &path, format!("unknown key `{name_text}`: {hint}"));
                    // A misspelt key hides nothing below it: its value is checked as the key
                    // it is most likely meant to be, when that is one key.
                    if let [meant] = suggestions.as_slice()
                        && let Some(property) = properties.and_then(|p| p.get(meant))
                    {
                        self.node(value, property, &path);
                    }
                }
                None => {}
            }
        }
        let required = schema
            .get("required")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        for wanted in required.iter().filter_map(Value::as_str) {
            if !seen.contains(&wanted) && !self.cut_short(node) {
                self.problem(node, key, format!("missing key `{wanted}`"));
            }
        }
    }

    fn references(&mut self, node: &Spanned<Node>, kind: &str, key: &str) {
        let kind = match kind {
            "source" => "source",
            "area" => "area",
            "industry" => "industry",
            "occupation" => "occupation",
            _ => "role",
        };
        let mut add = |value: &Spanned<Node>, key: String| {
            if let Node::Scalar(id, Scalar::Text) = &value.value {
                self.found.references.push(Reference {
                    kind,
                    id: Spanned {
                        value: id.clone(),
                        referenced: value.referenced,
                        defined: value.defined,
                    },
                    key,
                });
            }
        };
        match &node.value {
            Node::List(items) => {
                for (index, item) in items.iter().enumerate() {
                    add(item, format!("{key}[{index}]"));
                }
            }
            _ => add(node, key.to_owned()),
        }
    }
}

/// The top-level `id:` of a file's tree, when it is a text.
pub fn top_level_id(root: &Spanned<Node>) -> Option<Spanned<String>> {
    let Node::Map(entries) = &root.value else {
        return None;
    };
    entries
        .iter()
        .find_map(|(name, value)| match (&name.value, &value.value) {
            (Node::Scalar(name, _), Node::Scalar(id, Scalar::Text)) if name == "id" => {
                Some(Spanned {
                    value: id.clone(),
                    referenced: value.referenced,
                    defined: value.defined,
                })
            }
            _ => None,
        })
}
