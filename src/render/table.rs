//! Terminal tables (comfy-table), wrapped to the width of the terminal; on a terminal too
//! narrow for a table's columns, each row is written as a list of `Header: value` lines.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};
use unicode_segmentation::UnicodeSegmentation;

use super::{Layout, cell_lines, cited};
use crate::report::{Block, Cell, Document};
use crate::sanitize::terminal_safe;

/// Narrower columns than this break too many words: below it a table is written as a list.
const MIN_COLUMN: usize = 10;

const TITLE: Style = AnsiColor::Cyan.on_default().bold();
const HEADING: Style = Style::new().bold();
const HEADER: Style = Style::new().bold();
/// Matched words, as grep shows them.
const MATCH: Style = AnsiColor::Red.on_default().bold();

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
                        for line in wrap(&terminal_safe(&cited(fact, layout.evidence)), &bullets) {
                            writeln!(out, "{line}")?;
                        }
                    }
                }
                Block::Table(data) if fits(data.header.len(), width) => {
                    let mut table = new_table(layout, presets::UTF8_FULL_CONDENSED);
                    table.set_header(data.header.iter().map(|h| terminal_safe(h).into_owned()));
                    for row in &data.rows {
                        table.add_row(row.iter().map(|cell| cell_text(cell, layout.evidence)));
                    }
                    keep_words_whole(&mut table, data, width, layout.evidence);
                    let marks = Marks::new(&data.emphasis, layout);
                    write_table(&table.to_string(), layout, &marks, out)?;
                }
                Block::Table(data) => {
                    let marks = Marks::new(&data.emphasis, layout);
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
fn keep_words_whole(table: &mut Table, data: &crate::report::Table, width: usize, evidence: bool) {
    let columns = data.header.len();
    let word_widths: Vec<Option<usize>> = (0..columns)
        .map(|column| {
            let mut widest = None;
            for row in &data.rows {
                let text = cell_text(row.get(column)?, evidence);
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

/// A rendered table, its header row in bold when colour is on, matched words highlighted in
/// its rows. Styles are added after comfy-table has measured and padded the cells, so they
/// cannot change any width.
fn write_table(table: &str, layout: Layout, marks: &Marks, out: &mut dyn Write) -> io::Result<()> {
    let header_ends = table.lines().position(|line| line.starts_with('╞'));
    for (index, line) in table.lines().enumerate() {
        let in_header = header_ends.is_some_and(|end| index > 0 && index < end);
        match line.strip_prefix('│').and_then(|l| l.strip_suffix('│')) {
            Some(inner) if in_header && layout.color => {
                writeln!(out, "│{}│", paint(inner, HEADER, layout))?;
            }
            _ if header_ends.is_some_and(|end| index > end) => {
                writeln!(out, "{}", marks.apply(line))?;
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
    marks: &Marks,
    evidence: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    for (name, cell) in header.iter().zip(row) {
        let name = terminal_safe(name);
        let lines = cell_lines(cell, evidence);
        if let [line] = lines.as_slice() {
            let field = format!("{name}: {}", terminal_safe(line));
            for line in wrap(
                &field,
                &textwrap::Options::new(width).subsequent_indent("  "),
            ) {
                writeln!(out, "{}", marks.apply(&line))?;
            }
        } else {
            writeln!(out, "{name}:")?;
            let indented = textwrap::Options::new(width)
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

fn cell_text(cell: &Cell, evidence: bool) -> String {
    broken_long_words(&terminal_safe(&cell_lines(cell, evidence).join("\n")))
}

/// Words longer than this many characters are broken into lines of this length before
/// comfy-table sees them: it splits a word wider than its column by measuring and copying the
/// rest of the word for every line, which costs the square of the word's length (80,000
/// characters took 10 seconds). Columns are narrower than this on any usual terminal, so
/// comfy-table still splits the pieces at the column's width, and a word costs
/// `length × LONGEST_WORD / column width` steps.
const LONGEST_WORD: usize = 512;

fn broken_long_words(text: &str) -> String {
    let mut broken = String::with_capacity(text.len());
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            broken.push('\n');
        }
        for (index, word) in line.split(' ').enumerate() {
            if index > 0 {
                broken.push(' ');
            }
            for (index, c) in word.chars().enumerate() {
                if index > 0 && index % LONGEST_WORD == 0 {
                    broken.push('\n');
                }
                broken.push(c);
            }
        }
    }
    broken
}

#[cfg(test)]
mod tests {
    use super::{LONGEST_WORD, broken_long_words};

    #[test]
    fn only_words_longer_than_the_limit_are_broken() {
        assert_eq!(broken_long_words("a b\nc  d"), "a b\nc  d");
        let word = "x".repeat(LONGEST_WORD * 2 + 1);
        let broken = broken_long_words(&format!("short {word} end"));
        let lines: Vec<usize> = broken.lines().map(str::len).collect();
        assert_eq!(lines, [6 + LONGEST_WORD, LONGEST_WORD, 1 + 4]);
    }
}
