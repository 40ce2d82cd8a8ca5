//! Graphviz DOT, for `dot -Tsvg` and the tools that read it.

use std::io::{self, Write};

use crate::report::{Graph, Line};
use crate::sanitize::terminal_safe;

pub fn write(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "digraph reporting {{")?;
    // The legend goes in the graph's own label, so it travels with every rendering; `\l`
    // ends each of its lines flush left.
    let mut caption = String::new();
    for line in std::iter::once(&graph.title).chain(&graph.legend) {
        let line = quoted(line);
        caption.push_str(&line[1..line.len() - 1]);
        caption.push_str("\\l");
    }
    writeln!(
        out,
        "  label=\"{caption}\";\n  labelloc=b;\n  labeljust=l;\n  rankdir=BT;"
    )?;
    writeln!(out, "  node [shape=box, style=rounded];")?;
    for node in &graph.nodes {
        writeln!(
            out,
            "  {} [label={}];",
            quoted(&node.key),
            quoted(&node.label)
        )?;
    }
    for edge in &graph.edges {
        let style = match edge.line {
            Line::Solid => "solid",
            Line::Dashed => "dashed",
        };
        let both = if edge.both_ways { ", dir=both" } else { "" };
        writeln!(
            out,
            "  {} -> {} [label={}, style={style}{both}];",
            quoted(&edge.from),
            quoted(&edge.to),
            quoted(&edge.label)
        )?;
    }
    writeln!(out, "}}")
}

/// A DOT double-quoted string, with line breaks as `\n`.
fn quoted(text: &str) -> String {
    let mut escaped = String::from("\"");
    for c in terminal_safe(text).chars() {
        match c {
            '"' => escaped.push_str("\\\""),
            '\\' => escaped.push_str("\\\\"),
            '\n' => escaped.push_str("\\n"),
            _ => escaped.push(c),
        }
    }
    escaped.push('"');
    escaped
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn quotes_backslashes_and_line_breaks_are_escaped() {
        assert_eq!(quoted("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c\\nd\"");
    }
}
