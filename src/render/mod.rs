//! One seam for every command and format: a [`Report`] in, bytes out.

mod markdown;
mod table;

use std::io::{self, Write};

use crate::model::Fact;
use crate::report::{Cell, Report};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Tables for reading in a terminal, wrapped to its width.
    #[default]
    Table,
    /// GitHub-flavoured Markdown, for documents and wikis.
    Markdown,
    /// Pretty JSON with the sources of every fact, for scripts.
    Json,
}

/// How to lay text out, decided once from the command line and the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Total width of tables, in columns.
    pub width: u16,
}

pub fn render<R: Report>(
    report: &R,
    format: Format,
    layout: Layout,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table => table::write(&report.document(), layout, out),
        Format::Markdown => markdown::write(&report.document(), out),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, report).map_err(io::Error::from)?;
            writeln!(out)
        }
    }
}

/// A line of a cell with its citation: `text [brief, guide]`.
fn cited(line: &Fact) -> String {
    if line.sources.is_empty() {
        line.text.clone()
    } else {
        format!("{} [{}]", line.text, line.sources.join(", "))
    }
}

/// A cell's lines as shown: when a cell holds several lines each gets a bullet so that
/// facts stay apart, except an uncited first line that heads cited ones ("Technology").
fn cell_lines(cell: &Cell) -> Vec<String> {
    let headed = cell.lines.len() > 1
        && cell.lines[0].sources.is_empty()
        && cell.lines[1..].iter().all(|line| !line.sources.is_empty());
    cell.lines
        .iter()
        .enumerate()
        .map(|(index, line)| match (cell.lines.len(), headed, index) {
            (1, _, _) | (_, true, 0) => cited(line),
            _ => format!("\u{2022} {}", cited(line)),
        })
        .collect()
}
