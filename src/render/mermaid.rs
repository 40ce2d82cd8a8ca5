//! Mermaid flowcharts, as GitHub draws them inside a `mermaid` code block.

use std::io::{self, Write};

use crate::report::{Graph, Line};
use crate::sanitize::terminal_safe;

/// The flowchart, its legend in `%%` comments.
pub fn write(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    write_flowchart(graph, true, out)
}

/// The flowchart, with its legend in `%%` comments or, when the legend is shown beside the
/// diagram, without.
pub fn write_flowchart(graph: &Graph, legend: bool, out: &mut dyn Write) -> io::Result<()> {
    // Front matter gives the diagram its title where Mermaid supports it (GitHub does).
    writeln!(out, "---\ntitle: {}\n---", quoted(&graph.title))?;
    // Bottom to top: a role sits below the role it reports to.
    writeln!(out, "flowchart BT")?;
    if legend {
        for line in &graph.legend {
            // `%%` comments keep the legend in the text without drawing it.
            writeln!(out, "  %% {}", terminal_safe(&line.replace('\n', " ")))?;
        }
    }
    for node in &graph.nodes {
        writeln!(out, "  {}[{}]", id(&node.key), quoted(&node.label))?;
    }
    for edge in &graph.edges {
        let arrow = match (edge.line, edge.both_ways) {
            (Line::Solid, false) => "-->",
            (Line::Dashed, false) => "-.->",
            (Line::Solid, true) => "<-->",
            (Line::Dashed, true) => "<-.->",
        };
        writeln!(
            out,
            "  {} {arrow}|{}| {}",
            id(&edge.from),
            quoted(&edge.label),
            id(&edge.to)
        )?;
    }
    Ok(())
}

/// A node id Mermaid cannot mistake for a keyword (`end`) or an arrow (`-`).
fn id(key: &str) -> String {
    let safe: String = key
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("role_{safe}")
}

/// A label in double quotes, where Mermaid takes brackets and parentheses as text; quotes
/// and markup become entity codes and line breaks `<br>`.
fn quoted(text: &str) -> String {
    let mut escaped = String::from("\"");
    for c in terminal_safe(text).chars() {
        match c {
            '"' => escaped.push_str("#quot;"),
            '#' => escaped.push_str("#35;"),
            '<' => escaped.push_str("#lt;"),
            '>' => escaped.push_str("#gt;"),
            '\n' => escaped.push_str("<br>"),
            _ => escaped.push(c),
        }
    }
    escaped.push('"');
    escaped
}

#[cfg(test)]
mod tests {
    use super::{id, quoted};

    #[test]
    fn ids_never_clash_with_keywords_or_arrows() {
        assert_eq!(id("end"), "role_end");
        assert_eq!(id("vp-eng"), "role_vp_eng");
    }

    #[test]
    fn labels_escape_quotes_markup_and_line_breaks() {
        assert_eq!(
            quoted("a \"b\" <c> #1\nd"),
            "\"a #quot;b#quot; #lt;c#gt; #35;1<br>d\""
        );
    }
}
