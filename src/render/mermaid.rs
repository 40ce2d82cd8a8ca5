//! Mermaid flowcharts, as GitHub draws them inside a `mermaid` code block.

use std::fmt::Write as _;
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
            writeln!(out, "  %% {}", comment(line))?;
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

/// A node id Mermaid cannot mistake for a keyword (`end`) or an arrow (`-`), and one per role
/// id: letters and digits stay, and any other character becomes `_` with its code in hex
/// and `_` (`vp-eng` → `role_vp_2d_eng`, `vp_eng` → `role_vp_5f_eng`), so no two ids meet.
fn id(key: &str) -> String {
    let mut id = String::from("role_");
    for c in key.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else {
            // Writing to a String cannot fail.
            let _ = write!(id, "_{:x}_", u32::from(c));
        }
    }
    id
}

/// A label in double quotes, where Mermaid takes brackets and parentheses as text; quotes,
/// markup and `%` (which would start a `%%{init: …}%%` directive anywhere in the text)
/// become entity codes, and line breaks `<br>`.
fn quoted(text: &str) -> String {
    let mut escaped = String::from("\"");
    for c in terminal_safe(text).chars() {
        match c {
            '"' => escaped.push_str("#quot;"),
            '#' => escaped.push_str("#35;"),
            '%' => escaped.push_str("#37;"),
            '<' => escaped.push_str("#lt;"),
            '>' => escaped.push_str("#gt;"),
            '`' => escaped.push_str("#96;"),
            '|' => escaped.push_str("#124;"),
            '\n' => escaped.push_str("<br>"),
            _ => escaped.push(c),
        }
    }
    escaped.push('"');
    escaped
}

/// The text of a `%%` comment on one line. Mermaid reads directives (`%%{init: …}%%`) before
/// it drops comments, so `%` is written as its entity code here too.
fn comment(text: &str) -> String {
    terminal_safe(text).replace('\n', " ").replace('%', "#37;")
}

#[cfg(test)]
mod tests {
    use super::{comment, id, quoted};

    #[test]
    fn ids_never_clash_with_keywords_arrows_or_each_other() {
        assert_eq!(id("end"), "role_end");
        assert_eq!(id("vp-eng"), "role_vp_2d_eng");
        assert_eq!(id("vp_eng"), "role_vp_5f_eng");
        assert_ne!(id("a_2d_"), id("a-"));
    }

    #[test]
    fn directives_cannot_start_in_labels_or_comments() {
        let directive = "%%{init: {\"theme\": \"forest\"}}%%";
        assert_eq!(
            quoted(directive),
            "\"#37;#37;{init: {#quot;theme#quot;: #quot;forest#quot;}}#37;#37;\""
        );
        assert_eq!(
            comment(&format!("a\n{directive}")),
            "a #37;#37;{init: {\"theme\": \"forest\"}}#37;#37;"
        );
        assert_eq!(quoted("`md` | x"), "\"#96;md#96; #124; x\"");
    }

    #[test]
    fn labels_escape_quotes_markup_and_line_breaks() {
        assert_eq!(
            quoted("a \"b\" <c> #1\nd"),
            "\"a #quot;b#quot; #lt;c#gt; #35;1<br>d\""
        );
    }
}
