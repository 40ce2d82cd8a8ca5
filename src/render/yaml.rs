//! YAML, for `--format yaml` and the role files `init --from` writes: the same data that
//! JSON carries, through serde-saphyr, the YAML library the loader reads with.
//!
//! Control and format characters from data files (a bidi override, a zero-width space) are
//! written as `\u` escapes, as in JSON: serde-saphyr writes them raw, even in quotes. A text
//! holding one is written double-quoted, the one YAML style with escapes, and each such
//! character then becomes its escape; the value read back is unchanged.

use std::fmt::{self, Write as _};

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_saphyr::DoubleQuoted;

use crate::sanitize::is_unsafe;

/// `value` as YAML.
pub fn to_string<T: Serialize>(value: &T) -> std::io::Result<String> {
    let yaml = serde_saphyr::to_string(value).map_err(std::io::Error::other)?;
    if !yaml.chars().any(is_unsafe) {
        return Ok(yaml);
    }
    // The same value as a tree that double-quotes each text needing an escape. It goes
    // through JSON text, which keeps the order of fields (serde_json's own Value sorts them).
    let json = serde_json::to_string(value).map_err(std::io::Error::other)?;
    let tree: Node = serde_json::from_str(&json).map_err(std::io::Error::other)?;
    let yaml = serde_saphyr::to_string(&tree).map_err(std::io::Error::other)?;
    Ok(escape_in_double_quotes(&yaml))
}

/// Replaces each character left raw with its escape. Only double-quoted scalars can hold one
/// at this point (every text with one was written double-quoted; keys never hold one), and in them
/// `\uXXXX` and `\UXXXXXXXX` mean the character itself.
fn escape_in_double_quotes(yaml: &str) -> String {
    let mut escaped = String::with_capacity(yaml.len() + 16);
    for c in yaml.chars() {
        if !is_unsafe(c) {
            escaped.push(c);
        } else if u32::from(c) <= 0xFFFF {
            let _ = write!(escaped, "\\u{:04X}", u32::from(c));
        } else {
            let _ = write!(escaped, "\\U{:08X}", u32::from(c));
        }
    }
    escaped
}

/// A JSON value that keeps the order of its fields.
enum Node {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    Text(String),
    List(Vec<Node>),
    Map(Vec<(String, Node)>),
}

/// A text, double-quoted when it holds a character that needs an escape.
struct Text<'a>(&'a str);

impl Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.chars().any(is_unsafe) {
            DoubleQuoted(self.0).serialize(serializer)
        } else {
            serializer.serialize_str(self.0)
        }
    }
}

impl Serialize for Node {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Null => serializer.serialize_unit(),
            Node::Bool(value) => serializer.serialize_bool(*value),
            Node::Number(number) => number.serialize(serializer),
            Node::Text(text) => Text(text).serialize(serializer),
            Node::List(items) => {
                let mut list = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    list.serialize_element(item)?;
                }
                list.end()
            }
            Node::Map(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    // serde-saphyr writes keys plain or double-quoted as it sees fit, so a
                    // key cannot be made to carry an escape. Keys are field names and ids,
                    // which validation holds to plain characters; anything else is refused
                    // rather than written raw.
                    if key.chars().any(is_unsafe) {
                        return Err(serde::ser::Error::custom(format!(
                            "a YAML key holds a control or format character: {}",
                            crate::sanitize::terminal_safe(key)
                        )));
                    }
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
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
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_bool<E>(self, value: bool) -> Result<Node, E> {
        Ok(Node::Bool(value))
    }
    fn visit_u64<E>(self, value: u64) -> Result<Node, E> {
        Ok(Node::Number(value.into()))
    }
    fn visit_i64<E>(self, value: i64) -> Result<Node, E> {
        Ok(Node::Number(value.into()))
    }
    fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Node, E> {
        serde_json::Number::from_f64(value)
            .map(Node::Number)
            .ok_or_else(|| E::custom("a number JSON cannot hold"))
    }
    fn visit_str<E>(self, value: &str) -> Result<Node, E> {
        Ok(Node::Text(value.to_owned()))
    }
    fn visit_string<E>(self, value: String) -> Result<Node, E> {
        Ok(Node::Text(value))
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
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Node::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::to_string;

    #[test]
    fn format_and_control_characters_are_escaped_and_read_back_unchanged() {
        let text =
            "a\u{202e}b\u{200b}c\u{2066}\u{1b}[31m\u{85}\u{2028}\u{feff}\u{e0041}\t\nd\u{200d}e";
        let long = format!("{} {text}", "word ".repeat(40));
        let value = serde_json::json!({
            "k": text, "list": [text, "plain", "- 1", "true", 3, 2.5, null], "long": long,
        });
        let written = to_string(&value).unwrap();
        assert!(
            !written.chars().any(crate::sanitize::is_unsafe),
            "{written}"
        );
        assert!(
            written.contains(r"a\u202Eb\u200Bc\u2066\e[31m\N\L\uFEFF\U000E0041\t\nd"),
            "{written}"
        );
        let read: serde_json::Value = serde_saphyr::from_str(&written).unwrap();
        assert_eq!(read, value);
    }

    #[test]
    fn a_key_that_would_need_an_escape_is_refused() {
        let value = serde_json::json!({ "k\u{202e}": "v\u{202e}" });
        let error = to_string(&value).unwrap_err().to_string();
        assert!(error.contains(r"k\u{202e}"), "{error}");
    }

    #[test]
    fn plain_text_is_written_as_serde_saphyr_writes_it() {
        let value = serde_json::json!({ "a": ["caf\u{e9} \u{43f}", "x\ny", 1, null], "b": {} });
        assert_eq!(
            to_string(&value).unwrap(),
            serde_saphyr::to_string(&value).unwrap()
        );
    }
}
