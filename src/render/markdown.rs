//! GitHub-flavoured Markdown: headings, bullet lists and pipe tables that render in GitHub
//! and pandoc.
//!
//! Cell text is escaped by hand because comfy-table's Markdown preset leaves `|` and line
//! breaks in cells as they are, which splits or ends the table row.

use std::io::{self, Write};

use super::cited;
use crate::report::{Block, Cell, Document};
use crate::sanitize::terminal_safe;

pub fn write(document: &Document, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# {}", inline(&document.title))?;
    for section in &document.sections {
        writeln!(out, "\n## {}\n", inline(&section.heading))?;
        for (index, block) in section.blocks.iter().enumerate() {
            if index > 0 {
                writeln!(out)?;
            }
            match block {
                Block::Note(text) => writeln!(out, "{}", inline(text))?,
                Block::Facts(facts) => {
                    for fact in facts {
                        writeln!(out, "- {}", inline(&cited(fact)))?;
                    }
                }
                Block::Table(table) => {
                    let header: Vec<String> = table.header.iter().map(|h| inline(h)).collect();
                    writeln!(out, "| {} |", header.join(" | "))?;
                    writeln!(out, "|{}", " --- |".repeat(header.len()))?;
                    for row in &table.rows {
                        let cells: Vec<String> = row.iter().map(cell).collect();
                        writeln!(out, "| {} |", cells.join(" | "))?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// A table cell: its lines joined by `<br>`, the only line break a pipe table allows.
fn cell(cell: &Cell) -> String {
    let bullet = cell.lines.len() > 1;
    cell.lines
        .iter()
        .map(|line| {
            let text = inline(&cited(line));
            if bullet { format!("• {text}") } else { text }
        })
        .collect::<Vec<_>>()
        .join("<br>")
}

/// Text made safe for one line of Markdown: Markdown syntax and HTML are escaped, line breaks
/// become `<br>`, and terminal control characters are made visible.
fn inline(text: &str) -> String {
    let safe = terminal_safe(text);
    let mut escaped = String::with_capacity(safe.len());
    for c in safe.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '#' | '~' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '&' => escaped.push_str("&amp;"),
            '\n' => escaped.push_str("<br>"),
            '\r' => {}
            _ => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::inline;

    #[test]
    fn escapes_pipes_line_breaks_and_html() {
        assert_eq!(inline("a|b\nc <d> & e_f"), "a\\|b<br>c &lt;d&gt; &amp; e\\_f");
    }
}
