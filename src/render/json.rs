//! JSON, for `--format json` and `schema`: `serde_json`'s pretty output, with every control and
//! format character written as a `\u` escape.
//!
//! `serde_json` escapes only the ASCII controls; a bidi override or a zero-width space from a
//! data file would reach the terminal raw. An escape is the same JSON value, so scripts read
//! exactly what the data says.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use crate::sanitize::is_unsafe;

/// Writes `value` as pretty JSON, with no line break after it.
pub fn to_writer<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, Escaping::default());
    // Back to the I/O error serde_json wraps, so a closed pipe is seen as one.
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// `serde_json`'s pretty layout; strings with [`is_unsafe`] characters escaped.
#[derive(Default)]
struct Escaping(PrettyFormatter<'static>);

impl Formatter for Escaping {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (index, c) in fragment.char_indices() {
            if is_unsafe(c) {
                writer.write_all(&fragment.as_bytes()[start..index])?;
                let mut units = [0; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
                start = index + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    // The rest is PrettyFormatter's layout.
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }
    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }
    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::to_writer;

    fn json(value: &serde_json::Value) -> String {
        let mut out = Vec::new();
        to_writer(value, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn format_and_control_characters_are_escaped_and_read_back_unchanged() {
        let text =
            "a\u{202e}b\u{200b}c\u{2066}\u{1b}[31m\u{85}\u{2028}\u{feff}\u{e0041}\t\nd\u{200d}e";
        let value = serde_json::json!({ "k\u{202e}": text, "list": [text] });
        let written = json(&value);
        assert!(
            !written.chars().any(crate::sanitize::is_unsafe),
            "{written}"
        );
        assert!(
            written.contains(r"a\u202eb\u200bc\u2066\u001b[31m\u0085\u2028\ufeff\udb40\udc41\t\nd")
        );
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&written).unwrap(),
            value
        );
    }

    #[test]
    fn plain_text_is_written_as_serde_json_writes_it() {
        let value = serde_json::json!({ "a": ["caf\u{e9} \u{43f}", 1, null], "b": {} });
        assert_eq!(json(&value), serde_json::to_string_pretty(&value).unwrap());
    }
}
