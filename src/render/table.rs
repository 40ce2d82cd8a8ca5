//! Terminal tables (comfy-table), wrapped to the width of the terminal; on a terminal too
//! narrow for a table's columns, each row is written as a list of `Header: value` lines.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};

use super::{Layout, cell_lines, cited};
use crate::report::{Block, Cell, Document};
use crate::sanitize::terminal_safe;

/// Narrower columns than this break too many words: below it a table is written as a list.
const MIN_COLUMN: usize = 10;

const TITLE: Style = AnsiColor::Cyan.on_default().bold();
const HEADING: Style = Style::new().bold();
const HEADER: Style = Style::new().bold();

pub fn write(document: &Document, layout: Layout, out: &mut dyn Write) -> io::Result<()> {
    let width = usize::from(layout.width);
    let title = wrap(
        &terminal_safe(&document.title),
        &textwrap::Options::new(width),
    );
    let widest = title
        .iter()
        .map(|line| textwrap::core::display_width(line))
        .max()
        .unwrap_or(0);
    for line in &title {
        writeln!(out, "{}", paint(line, TITLE, layout))?;
    }
    writeln!(out, "{}", "═".repeat(widest))?;
    for section in &document.sections {
        if !section.heading.is_empty() {
            writeln!(out)?;
            for line in wrap(
                &terminal_safe(&section.heading),
                &textwrap::Options::new(width),
            ) {
                writeln!(out, "{}", paint(&line, HEADING, layout))?;
            }
        }
        for block in &section.blocks {
            match block {
                Block::Note(text) => {
                    for line in wrap(&terminal_safe(text), &textwrap::Options::new(width)) {
                        writeln!(out, "{line}")?;
                    }
                }
                Block::Listing(lines) => {
                    for line in lines {
                        writeln!(out, "{}", terminal_safe(line))?;
                    }
                }
                Block::Facts(facts) => {
                    let bullets = textwrap::Options::new(width)
                        .initial_indent("• ")
                        .subsequent_indent("  ");
                    for fact in facts {
                        for line in wrap(&terminal_safe(&cited(fact)), &bullets) {
                            writeln!(out, "{line}")?;
                        }
                    }
                }
                Block::Table(data) if fits(data.header.len(), width) => {
                    let mut table = new_table(layout, presets::UTF8_FULL_CONDENSED);
                    table.set_header(data.header.iter().map(|h| terminal_safe(h).into_owned()));
                    for row in &data.rows {
                        table.add_row(row.iter().map(cell_text));
                    }
                    keep_words_whole(&mut table, data, width);
                    write_table(&table.to_string(), layout, out)?;
                }
                Block::Table(data) => {
                    for (index, row) in data.rows.iter().enumerate() {
                        if index > 0 {
                            writeln!(out)?;
                        }
                        write_record(&data.header, row, width, out)?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// Whether `columns` columns get at least [`MIN_COLUMN`] each within `width`, after the
/// borders (`│ ` + ` ┆ ` between columns + ` │`).
fn fits(columns: usize, width: usize) -> bool {
    3 * columns + 1 + columns * MIN_COLUMN <= width
}

/// Gives each column of single words (ids, such as `customer-facing-systems`) the width of
/// its longest word, so that an id is never broken and can be copied; the prose columns
/// wrap in the space left. Only when that space still gives every other column
/// [`MIN_COLUMN`], else comfy-table lays the table out as usual.
fn keep_words_whole(table: &mut Table, data: &crate::report::Table, width: usize) {
    let columns = data.header.len();
    let word_widths: Vec<Option<usize>> = (0..columns)
        .map(|column| {
            let mut widest = None;
            for row in &data.rows {
                let text = cell_text(row.get(column)?);
                if text.contains(char::is_whitespace) {
                    return None;
                }
                widest = widest.max(Some(textwrap::core::display_width(&text)));
            }
            widest
        })
        .collect();
    let words: usize = word_widths.iter().flatten().sum();
    let kept = word_widths.iter().flatten().count();
    // Borders (`│ ` + ` ┆ ` between columns + ` │`), as in `fits`.
    if kept == 0 || 3 * columns + 1 + words + (columns - kept) * MIN_COLUMN > width {
        return;
    }
    for (column, widest) in table.column_iter_mut().zip(word_widths) {
        if let Some(widest) = widest {
            // The bound counts the padding, one space on each side.
            let bound = u16::try_from(widest + 2).unwrap_or(u16::MAX);
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(bound)));
        }
    }
}

/// A rendered table, its header row in bold when colour is on. The style is added after
/// comfy-table has measured and padded the cells, so it cannot change any width.
fn write_table(table: &str, layout: Layout, out: &mut dyn Write) -> io::Result<()> {
    let header_ends = table.lines().position(|line| line.starts_with('╞'));
    for (index, line) in table.lines().enumerate() {
        let in_header = header_ends.is_some_and(|end| index > 0 && index < end);
        match line.strip_prefix('│').and_then(|l| l.strip_suffix('│')) {
            Some(inner) if in_header && layout.color => {
                writeln!(out, "│{}│", paint(inner, HEADER, layout))?;
            }
            _ => writeln!(out, "{line}")?,
        }
    }
    Ok(())
}

/// One table row as `Header: value` lines, for terminals too narrow for its columns.
fn write_record(
    header: &[String],
    row: &[Cell],
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    for (name, cell) in header.iter().zip(row) {
        let name = terminal_safe(name);
        let lines = cell_lines(cell);
        if let [line] = lines.as_slice() {
            let field = format!("{name}: {}", terminal_safe(line));
            for line in wrap(
                &field,
                &textwrap::Options::new(width).subsequent_indent("  "),
            ) {
                writeln!(out, "{line}")?;
            }
        } else {
            writeln!(out, "{name}:")?;
            let indented = textwrap::Options::new(width)
                .initial_indent("  ")
                .subsequent_indent("    ");
            for line in &lines {
                for part in wrap(&terminal_safe(line), &indented) {
                    writeln!(out, "{part}")?;
                }
            }
        }
    }
    Ok(())
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

fn new_table(layout: Layout, preset: &str) -> Table {
    let mut table = Table::new();
    table
        .load_preset(preset)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(layout.width);
    table
}

fn cell_text(cell: &Cell) -> String {
    terminal_safe(&cell_lines(cell).join("\n")).into_owned()
}
