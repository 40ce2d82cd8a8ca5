//! One seam for every command and format: a [`Report`] in, bytes out.

mod columns;
mod csv;
mod dot;
mod json;
mod markdown;
mod mermaid;
mod table;
pub mod yaml;

use std::io::{self, IsTerminal, Write};

use crate::model::Fact;
use crate::report::{Cell, Diagram, Report};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tables for reading in a terminal, wrapped to its width.
    Table,
    /// GitHub-flavoured Markdown, for documents and wikis.
    Markdown,
    /// Pretty JSON with the sources of every fact, for scripts.
    Json,
    /// CSV (RFC 4180): one header row, then one row per fact or entry, for spreadsheets.
    Csv,
    /// YAML with the same fields as JSON.
    Yaml,
}

/// Output formats of `graph`: a drawing language, or any of the formats of the other
/// commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    /// Mermaid flowchart, which GitHub draws inside a mermaid code block.
    Mermaid,
    /// Graphviz DOT, for `dot -Tsvg`.
    Dot,
    /// The lines as a table, for reading in a terminal.
    Table,
    /// A fenced mermaid block and its legend as a list, to paste into a Markdown page.
    Markdown,
    /// Pretty JSON: roles, lines and their claims.
    Json,
    /// CSV: one row per claim.
    Csv,
    /// YAML with the same fields as JSON.
    Yaml,
}

/// When to colour, as `--color` asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    /// As clap's own help does: `NO_COLOR` turns colour off, `CLICOLOR_FORCE` on, else only a
    /// terminal gets it.
    Auto,
    Always,
    Never,
}

/// Whether output to stdout gets colour.
pub fn color_on(color: Color) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => !matches!(
            anstream::AutoStream::choice(&std::io::stdout()),
            anstream::ColorChoice::Never
        ),
    }
}

/// How to lay text out, decided once from the command line and the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Total width of tables, in columns.
    pub width: u16,
    /// Whether terminal tables may use colour; no other format ever does.
    pub color: bool,
    /// Whether CSV cells are written as they are, even those a spreadsheet would run as a
    /// formula (`--raw-csv`).
    pub raw_csv: bool,
    /// The Markdown heading level of a document's title (`--heading-level`).
    pub heading_level: u8,
    /// Whether each fact is printed with its evidence, the words of its sources it quotes
    /// (`--evidence`); JSON and YAML always carry it.
    pub evidence: bool,
}

impl Layout {
    /// The layout of output to stdout: tables `width` wide (`--width`), else `COLUMNS` wide
    /// when it is set, else as wide as the terminal, else a width that reads well in files
    /// and pipes; coloured as `color` asks; CSV cells as they are with `raw_csv`.
    pub fn for_stdout(width: Option<u16>, color: Color, raw_csv: bool) -> Self {
        Self {
            width: width.unwrap_or_else(table_width),
            color: color_on(color),
            raw_csv,
            heading_level: 1,
            evidence: false,
        }
    }

    /// The layout with the Markdown title's heading level (`--heading-level`).
    #[must_use]
    pub fn with_heading_level(self, heading_level: u8) -> Self {
        Self {
            heading_level,
            ..self
        }
    }

    /// The layout with each fact's evidence shown or not (`--evidence`).
    #[must_use]
    pub fn with_evidence(self, evidence: bool) -> Self {
        Self { evidence, ..self }
    }
}

/// Whether stdout is a file that already holds text, as with `rolecmp … >> page.md`: the
/// output then continues a document rather than starting one. (A file `>` truncated, a pipe
/// or a terminal is not.)
pub fn stdout_continues_a_file() -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() else {
            return false;
        };
        std::fs::File::from(fd)
            .metadata()
            .is_ok_and(|meta| meta.is_file() && meta.len() > 0)
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// The width of tables when `--width` does not give it: `COLUMNS` when set, else the
/// terminal's, else a width that reads well in files and pipes.
fn table_width() -> u16 {
    const DEFAULT: u16 = 100;
    if let Some(columns) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
    {
        return columns.max(20);
    }
    if io::stdout().is_terminal()
        && let Some((terminal_size::Width(width), _)) = terminal_size::terminal_size()
    {
        return width.max(20);
    }
    DEFAULT
}

/// Writes `report` in `format`; returns the report's hint for a person reading a page (table
/// or Markdown), which is never part of the output itself.
pub fn render<R: Report>(
    report: &R,
    format: Format,
    layout: Layout,
    out: &mut dyn Write,
) -> io::Result<Option<String>> {
    match format {
        Format::Table => table::write(&report.document(), layout, out)?,
        Format::Markdown => markdown::write(
            &report.document(),
            layout.heading_level,
            layout.evidence,
            out,
        )?,
        Format::Json => return json(report, out).map(|()| None),
        Format::Csv if layout.evidence => {
            csv::write(&report.records_with_evidence(), layout.raw_csv, out)?;
            return Ok(None);
        }
        Format::Csv => return csv::write(&report.records(), layout.raw_csv, out).map(|()| None),
        Format::Yaml => {
            out.write_all(yaml::to_string(report)?.as_bytes())?;
            return Ok(None);
        }
    }
    Ok(report.hint())
}

/// Writes `value` as pretty JSON, and a line break; control and format characters are
/// written as `\u` escapes (see [`json`](self::json::to_writer)).
pub fn json<T: serde::Serialize>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    json::to_writer(value, &mut *out)?;
    writeln!(out)
}

pub fn render_graph<R: Diagram>(
    report: &R,
    format: GraphFormat,
    layout: Layout,
    out: &mut dyn Write,
) -> io::Result<()> {
    let format = match format {
        GraphFormat::Mermaid => return mermaid::write(&report.graph(), out),
        GraphFormat::Dot => return dot::write(&report.graph(), out),
        GraphFormat::Table => Format::Table,
        GraphFormat::Markdown => return markdown::write_graph(&report.graph(), out),
        GraphFormat::Json => Format::Json,
        GraphFormat::Csv => Format::Csv,
        GraphFormat::Yaml => Format::Yaml,
    };
    render(report, format, layout, out).map(drop)
}

/// A line of a cell with its citation: `text [brief, guide]`; with `evidence`, each source
/// with the words it is quoted for: `text [brief: “…”; guide: “…”, “…”]`.
fn cited(line: &Fact, evidence: bool) -> String {
    if line.sources.is_empty() {
        return line.text.clone();
    }
    if !evidence || line.evidence.is_empty() {
        return format!("{} [{}]", line.text, line.sources.join(", "));
    }
    let sources: Vec<String> = line
        .sources
        .iter()
        .map(|source| {
            let quotes: Vec<String> = line
                .evidence
                .iter()
                .filter(|excerpt| &excerpt.source == source)
                .map(|excerpt| format!("\u{201c}{}\u{201d}", excerpt.quote))
                .collect();
            if quotes.is_empty() {
                source.clone()
            } else {
                format!("{source}: {}", quotes.join(", "))
            }
        })
        .collect();
    format!("{} [{}]", line.text, sources.join("; "))
}

/// A cell's lines as shown: when a cell holds several lines each gets a bullet so that
/// facts stay apart, except an uncited first line that heads cited ones ("Technology").
fn cell_lines(cell: &Cell, evidence: bool) -> Vec<String> {
    let headed = cell.lines.len() > 1
        && cell.lines[0].sources.is_empty()
        && cell.lines[1..].iter().all(|line| !line.sources.is_empty());
    cell.lines
        .iter()
        .enumerate()
        .map(|(index, line)| match (cell.lines.len(), headed, index) {
            (1, _, _) | (_, true, 0) => cited(line, evidence),
            _ => format!("\u{2022} {}", cited(line, evidence)),
        })
        .collect()
}
