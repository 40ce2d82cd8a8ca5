//! GitHub-flavoured Markdown: headings, bullet lists and pipe tables that render in GitHub
//! and pandoc.
//!
//! Cell text is escaped by hand because comfy-table's Markdown preset leaves `|` and line
//! breaks in cells as they are, which splits or ends the table row.

use std::io::{self, Write};

use super::{cell_lines, cited};
use crate::report::{Block, Cell, Document, Graph};
use crate::sanitize::terminal_safe;

/// Writes `document` as a page whose title is a heading of `level` (1 for `#`), its sections
/// one level below, and the sources it cites listed at its end; with `evidence`, each fact
/// with the words of its sources it quotes.
pub fn write(
    document: &Document,
    level: u8,
    evidence: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let title = "#".repeat(usize::from(level.max(1)));
    let heading = format!("{title}#");
    if level > 1 {
        // A page below a document's title is appended to it: a blank line keeps its title
        // from running into the document's last line, whether or not that line ended.
        writeln!(out)?;
    }
    if !document.title.is_empty() {
        writeln!(out, "{title} {}", inline(&document.title))?;
    }
    for section in &document.sections {
        if section.heading.is_empty() {
            writeln!(out)?;
        } else {
            writeln!(out, "\n{heading} {}\n", inline(&section.heading))?;
        }
        for (index, block) in section.blocks.iter().enumerate() {
            if index > 0 {
                writeln!(out)?;
            }
            match block {
                Block::Note(text) => writeln!(out, "{}", inline(text))?,
                Block::Listing(lines) => {
                    // A fence longer than any run of backticks inside keeps the block closed.
                    let longest = lines
                        .iter()
                        .map(|line| longest_backtick_run(line))
                        .max()
                        .unwrap_or(0);
                    let fence = "`".repeat(longest.max(2) + 1);
                    writeln!(out, "{fence}text")?;
                    for line in lines {
                        writeln!(out, "{}", terminal_safe(line))?;
                    }
                    writeln!(out, "{fence}")?;
                }
                Block::Facts(facts) => {
                    for fact in facts {
                        writeln!(out, "- {}", inline(&cited(fact, evidence)))?;
                    }
                }
                Block::Table(table) => {
                    let header: Vec<String> = table.header.iter().map(|h| inline(h)).collect();
                    writeln!(out, "| {} |", header.join(" | "))?;
                    writeln!(out, "|{}", " --- |".repeat(header.len()))?;
                    for row in &table.rows {
                        let cells: Vec<String> =
                            row.iter().map(|data| cell(data, evidence)).collect();
                        writeln!(out, "| {} |", cells.join(" | "))?;
                    }
                }
            }
        }
    }
    if !document.sources.is_empty() {
        writeln!(out, "\n{heading} Sources\n")?;
        for source in &document.sources {
            let details: Vec<String> = source.details.iter().map(|d| address(d)).collect();
            writeln!(
                out,
                "- {} {} ({})",
                inline(&format!("[{}]", source.id)),
                inline(&source.title),
                details.join(", ")
            )?;
        }
    }
    Ok(())
}

/// A web address as a link a reader can follow; any other text as text. The link is
/// `[address](address)`, not an autolink `<address>`, which MDX reads as a JSX tag.
fn address(text: &str) -> String {
    let web = (text.starts_with("https://") || text.starts_with("http://"))
        && !text.contains(|c: char| c.is_whitespace() || c.is_control() || "<>`\\".contains(c));
    if web {
        let target = text.replace('(', "%28").replace(')', "%29");
        // The label is the address with its `://` escaped: pandoc's gfm reader would link a
        // bare address again inside the label, showing its `&amp;` as typed.
        let label = inline(text).replacen("://", "\\://", 1);
        format!("[{label}]({target})")
    } else {
        inline(text)
    }
}

/// A graph as Markdown to paste into a page: a fenced `mermaid` block, which GitHub, GitLab
/// and most wikis draw, then its legend as a list that a reader sees under the drawing.
pub fn write_graph(graph: &Graph, out: &mut dyn Write) -> io::Result<()> {
    let mut diagram = Vec::new();
    super::mermaid::write_flowchart(graph, false, &mut diagram)?;
    let diagram = String::from_utf8_lossy(&diagram);
    let longest = diagram.lines().map(longest_backtick_run).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    writeln!(out, "{fence}mermaid\n{diagram}{fence}\n")?;
    for line in &graph.legend {
        writeln!(out, "- {}", inline(line))?;
    }
    Ok(())
}

fn longest_backtick_run(line: &str) -> usize {
    line.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// A table cell: its lines joined by `<br/>`, the only line break a pipe table allows.
fn cell(cell: &Cell, evidence: bool) -> String {
    cell_lines(cell, evidence)
        .iter()
        .map(|line| inline(line))
        .collect::<Vec<_>>()
        .join("<br/>")
}

/// Text made safe for one line of Markdown and MDX: Markdown syntax, HTML and MDX's
/// expression braces are escaped, line breaks become `<br/>`, and terminal control
/// characters are made visible. It may start a line (a list item, a note) or a table cell,
/// so what would open a block there is escaped too.
fn inline(text: &str) -> String {
    let safe = terminal_safe(text);
    let mut escaped = String::with_capacity(safe.len());
    // Indentation would make an indented code block; it means nothing in a line of text.
    let safe = safe.trim_start();
    let marker = block_marker(safe);
    for (at, c) in safe.char_indices() {
        if Some(at) == marker {
            escaped.push('\\');
            escaped.push(c);
            continue;
        }
        match c {
            // Braces open an expression in MDX (Docusaurus); `\{` is plain text everywhere.
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '#' | '~' | '{' | '}' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '&' => escaped.push_str("&amp;"),
            '\n' => escaped.push_str("<br/>"),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// Where the character that would open a block at the start of a line is, if any: a list
/// bullet (`- `, `+ `), the `.` or `)` of an ordered list item (`1. `), or the `=` or `-` of a
/// heading underline. (`*`, `#`, `>`, `` ` `` and `~` are escaped wherever they are.)
fn block_marker(line: &str) -> Option<usize> {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &line[digits..];
    let starts_block = |marker: &[char]| {
        rest.starts_with(marker)
            && rest[1..]
                .chars()
                .next()
                .is_none_or(|c| c == ' ' || c == '\t')
    };
    if digits == 0 {
        line.starts_with(['-', '+', '=']).then_some(0)
    } else if digits <= 9 && starts_block(&['.', ')']) {
        Some(digits)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    use super::{inline, write};
    use crate::report::{Cell, Document, Section};

    #[test]
    fn a_text_never_opens_a_list_heading_or_code_block() {
        assert_eq!(inline("- item"), "\\- item");
        assert_eq!(inline("+ item"), "\\+ item");
        assert_eq!(inline("1. item"), "1\\. item");
        assert_eq!(inline("12) item"), "12\\) item");
        assert_eq!(inline("==="), "\\===");
        assert_eq!(inline("---"), "\\---");
        assert_eq!(inline("    code"), "code");
        assert_eq!(inline("1.5 times - more"), "1.5 times - more");
        assert_eq!(inline("2024 budget"), "2024 budget");
    }

    #[test]
    fn escapes_pipes_line_breaks_and_html() {
        assert_eq!(
            inline("a|b\nc <d> & e_f"),
            "a\\|b<br/>c &lt;d&gt; &amp; e\\_f"
        );
    }

    #[test]
    fn escapes_braces_that_mdx_would_read_as_an_expression() {
        assert_eq!(inline("{budget} }"), "\\{budget\\} \\}");
    }

    #[test]
    fn a_cell_with_a_pipe_and_a_line_break_stays_one_cell() {
        let document = Document {
            title: "T".to_owned(),
            sections: vec![Section::new("S").table(
                &["A", "B"],
                vec![vec![Cell::label("x | y\nz"), Cell::label("w")]],
            )],
            ..Document::default()
        };
        let mut markdown = Vec::new();
        write(&document, 1, false, &mut markdown).unwrap();
        let markdown = String::from_utf8(markdown).unwrap();

        let mut cells = Vec::new();
        let mut current = None;
        for event in Parser::new_ext(&markdown, Options::ENABLE_TABLES) {
            match event {
                Event::Start(Tag::TableCell) => current = Some(String::new()),
                Event::End(TagEnd::TableCell) => cells.extend(current.take()),
                Event::Text(text) | Event::InlineHtml(text) => {
                    if let Some(cell) = current.as_mut() {
                        cell.push_str(&text);
                    }
                }
                _ => {}
            }
        }
        assert_eq!(cells, ["A", "B", "x | y<br/>z", "w"]);
    }
}
