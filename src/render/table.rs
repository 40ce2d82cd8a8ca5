//! Terminal tables (comfy-table), wrapped at spaces to the width of the terminal; on a terminal
//! too narrow for a table's words to stand side by side, each row is written as a list of
//! `Header: value` lines.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width};
use unicode_segmentation::UnicodeSegmentation;

use super::columns::{self, Column};
use super::{Layout, cell_lines, cited};
use crate::report::{Block, Cell, Citation, Document};
use crate::sanitize::terminal_safe;

const TITLE: Style = AnsiColor::Cyan.on_default().bold();
const HEADING: Style = Style::new().bold();
const HEADER: Style = Style::new().bold();
/// Matched words, as grep shows them.
const MATCH: Style = AnsiColor::Red.on_default().bold();

pub fn write(document: &Document, layout: Layout, out: &mut dyn Write) -> io::Result<()> {
    let width = usize::from(layout.width);
    // A document without a title (what `init` wrote) starts with its sections.
    if !document.title.is_empty() {
        let title = wrap(&terminal_safe(&document.title), &options(width));
        let widest = title
            .iter()
            .map(|line| textwrap::core::display_width(line))
            .max()
            .unwrap_or(0);
        for line in &title {
            writeln!(out, "{}", paint(line, TITLE, layout))?;
        }
        writeln!(out, "{}", "═".repeat(widest))?;
    }
    for section in &document.sections {
        if !section.heading.is_empty() {
            writeln!(out)?;
            for line in wrap(&terminal_safe(&section.heading), &options(width)) {
                writeln!(out, "{}", paint(&line, HEADING, layout))?;
            }
        }
        for block in &section.blocks {
            match block {
                Block::Note(text) => {
                    for line in wrap(&terminal_safe(text), &options(width)) {
                        writeln!(out, "{line}")?;
                    }
                }
                Block::Listing(lines) => {
                    for line in lines {
                        writeln!(out, "{}", terminal_safe(line))?;
                    }
                }
                Block::Facts(facts) => {
                    let bullets = options(width).initial_indent("• ").subsequent_indent("  ");
                    for fact in facts {
                        for line in wrap(&terminal_safe(&cited(fact, layout.evidence)), &bullets) {
                            writeln!(out, "{line}")?;
                        }
                    }
                }
                Block::Table(data) => {
                    let marks = Marks::new(&data.emphasis, layout);
                    if let Some(table) = laid_out(data, layout) {
                        write_table(&table, layout, &marks, out)?;
                        continue;
                    }
                    for (index, row) in data.rows.iter().enumerate() {
                        if index > 0 {
                            writeln!(out)?;
                        }
                        write_record(&data.header, row, width, &marks, layout.evidence, out)?;
                    }
                }
            }
        }
    }
    write_sources(&document.sources, document.sections.is_empty(), width, out)
}

/// Longer titles are cut at a word in the footer; `rolecmp list sources` has them whole.
const SHORT_TITLE: usize = 60;

/// Up to this many sources, the footer gives each its short title on a line of its own; more
/// would take a screen's worth of lines, so their ids share lines and `list sources` gives
/// the titles.
const TITLED_SOURCES: usize = 3;

/// The sources a document cites, as a footer of ids and short titles, one source a line:
/// `Sources: [brief] Untitled short article on the CIO and CTO roles`; when there are many,
/// their ids only, and where their titles are.
fn write_sources(
    sources: &[Citation],
    alone: bool,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    const LEAD: &str = "Sources: ";
    // A document that is its sources alone (`--section sources`) lists them with titles.
    if sources.len() > TITLED_SOURCES && !alone {
        let ids: Vec<String> = sources
            .iter()
            .map(|source| terminal_safe(&source.id).into_owned())
            .collect();
        let text = format!(
            "{LEAD}{} (titles and addresses: rolecmp list sources)",
            ids.join(", ")
        );
        let options = options(width).subsequent_indent(if width < 40 { "  " } else { "         " });
        for line in wrap(&text, &options) {
            writeln!(out, "{line}")?;
        }
        return Ok(());
    }
    // On a very narrow screen the lead goes on a line of its own, so that the titles keep
    // room for their longest words ("Responsibilities,") rather than losing nine columns.
    let narrow = width < 40 && !sources.is_empty();
    if narrow {
        writeln!(out, "{}", LEAD.trim_end())?;
    }
    let indent = if narrow {
        "  ".to_owned()
    } else {
        " ".repeat(LEAD.len())
    };
    for (index, source) in sources.iter().enumerate() {
        let line = format!(
            "[{}] {}",
            terminal_safe(&source.id),
            short(&terminal_safe(&source.title), SHORT_TITLE)
        );
        let first = if index == 0 && !narrow {
            LEAD
        } else {
            indent.as_str()
        };
        let options = options(width)
            .initial_indent(first)
            .subsequent_indent(&indent);
        for line in wrap(&line, &options) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// `text` cut at the last space that leaves room for `…` within `most` display columns, when it
/// is longer (at a character when it has no space).
fn short(text: &str, most: usize) -> Cow<'_, str> {
    if textwrap::core::display_width(text) <= most {
        return Cow::Borrowed(text);
    }
    let mut used = 0;
    let mut cut = 0;
    let mut space = None;
    for (at, c) in text.char_indices() {
        used += textwrap::core::display_width(c.encode_utf8(&mut [0; 4]));
        if used >= most {
            break;
        }
        if c == ' ' && at > 0 {
            space = Some(at);
        }
        cut = at + c.len_utf8();
    }
    let end = space.unwrap_or(cut);
    Cow::Owned(format!("{}\u{2026}", text[..end].trim_end()))
}

/// How tables are drawn: a rule under the header and a line between columns, no frame around,
/// as psql draws them. A frame would cost two lines and four columns of every table.
const FRAME: &str = "     \u{2500}\u{253c} \u{2502}          ";

/// A table drawn to fit, and how many of its lines are the header.
struct LaidOut {
    table: String,
    header_lines: usize,
}

/// The table laid out in the layout's width with every word whole, or `None` when its
/// words cannot stand side by side in that width (it is then written as a list).
fn laid_out(data: &crate::report::Table, layout: Layout) -> Option<LaidOut> {
    let header: Vec<String> = data
        .header
        .iter()
        .map(|h| terminal_safe(h).into_owned())
        .collect();
    let rows: Vec<Vec<Vec<String>>> = data
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| cell_text(cell, layout.evidence))
                .collect()
        })
        .collect();
    let columns: Vec<Column> = (0..header.len())
        .map(|index| Column {
            cells: std::iter::once(vec![header[index].as_str()])
                .chain(rows.iter().map(|row| {
                    row.get(index)
                        .map(|lines| lines.iter().map(String::as_str).collect())
                        .unwrap_or_default()
                }))
                .collect(),
        })
        .collect();
    // ` │ ` between columns.
    let rules = 3 * header.len().saturating_sub(1);
    let available = usize::from(layout.width).checked_sub(rules)?;
    let widths = columns::widths(&columns, available)?;
    let wrapped = |lines: &[String], width: usize| -> String {
        lines
            .iter()
            .flat_map(|line| columns::wrap(line, width))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let header_lines = header
        .iter()
        .zip(&widths)
        .map(|(name, &width)| columns::wrap(name, width).len())
        .max()
        .unwrap_or(1);
    let mut table = Table::new();
    table
        .load_preset(FRAME)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(
            header
                .iter()
                .zip(&widths)
                .map(|(name, &width)| wrapped(std::slice::from_ref(name), width)),
        );
    for row in &rows {
        table.add_row(
            row.iter()
                .zip(&widths)
                .map(|(lines, &width)| wrapped(lines, width)),
        );
    }
    let last = widths.len().saturating_sub(1);
    for (index, (column, width)) in table.column_iter_mut().zip(widths).enumerate() {
        // A space on each side of the line between columns, none at the table's edges.
        let padding = (u16::from(index > 0), u16::from(index < last));
        let width = u16::try_from(width).unwrap_or(u16::MAX);
        column
            .set_padding(padding)
            .set_constraint(ColumnConstraint::Absolute(Width::Fixed(
                width.saturating_add(padding.0 + padding.1),
            )));
    }
    Some(LaidOut {
        table: table.to_string(),
        header_lines,
    })
}

/// Words to highlight in a table's rows: none unless colour is on.
struct Marks(HashSet<String>);

impl Marks {
    fn new(words: &[String], layout: Layout) -> Self {
        if layout.color {
            Self(words.iter().cloned().collect())
        } else {
            Self(HashSet::new())
        }
    }

    /// The line with every whole word to highlight painted; words are found at the same
    /// Unicode boundaries as search uses, so a match never lights up inside another word.
    fn apply<'l>(&self, line: &'l str) -> Cow<'l, str> {
        if self.0.is_empty() {
            return Cow::Borrowed(line);
        }
        let mut painted = String::with_capacity(line.len());
        for piece in line.split_word_bounds() {
            if self.0.contains(&piece.to_lowercase()) {
                let _ = write!(painted, "{MATCH}{piece}{MATCH:#}");
            } else {
                painted.push_str(piece);
            }
        }
        Cow::Owned(painted)
    }
}

/// A rendered table, its header in bold when colour is on, matched words highlighted in its
/// rows. Styles are added after comfy-table has measured and padded the cells, so they cannot
/// change any width; the padding of the last column is not written.
fn write_table(
    table: &LaidOut,
    layout: Layout,
    marks: &Marks,
    out: &mut dyn Write,
) -> io::Result<()> {
    for (index, line) in table.table.lines().enumerate() {
        let line = line.trim_end();
        match index.cmp(&table.header_lines) {
            std::cmp::Ordering::Less => writeln!(out, "{}", paint(line, HEADER, layout))?,
            std::cmp::Ordering::Equal => writeln!(out, "{line}")?,
            std::cmp::Ordering::Greater => writeln!(out, "{}", marks.apply(line))?,
        }
    }
    Ok(())
}

/// One table row as `Header: value` lines, for terminals too narrow for its columns.
fn write_record(
    header: &[String],
    row: &[Cell],
    width: usize,
    marks: &Marks,
    evidence: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    for (name, cell) in header.iter().zip(row) {
        let name = terminal_safe(name);
        let lines = cell_lines(cell, evidence);
        if let [line] = lines.as_slice() {
            let field = format!("{name}: {}", terminal_safe(line));
            for line in wrap(&field, &options(width).subsequent_indent("  ")) {
                writeln!(out, "{}", marks.apply(&line))?;
            }
        } else {
            writeln!(out, "{name}:")?;
            let indented = options(width)
                .initial_indent("  ")
                .subsequent_indent("    ");
            for line in &lines {
                for part in wrap(&terminal_safe(line), &indented) {
                    writeln!(out, "{}", marks.apply(&part))?;
                }
            }
        }
    }
    Ok(())
}

/// Wrapping at spaces only: a hyphenated word or id (`customer-facing-systems`) stays whole,
/// in prose as in tables, so that it can be read and copied.
fn options(width: usize) -> textwrap::Options<'static> {
    textwrap::Options::new(width).word_splitter(textwrap::WordSplitter::NoHyphenation)
}

fn wrap(text: &str, options: &textwrap::Options) -> Vec<String> {
    textwrap::wrap(text, options)
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

fn paint(text: &str, style: Style, layout: Layout) -> String {
    if layout.color {
        format!("{style}{text}{style:#}")
    } else {
        text.to_owned()
    }
}

/// A cell's lines as shown, made safe for the terminal.
fn cell_text(cell: &Cell, evidence: bool) -> Vec<String> {
    cell_lines(cell, evidence)
        .iter()
        .flat_map(|line| {
            terminal_safe(line)
                .split('\n')
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}
