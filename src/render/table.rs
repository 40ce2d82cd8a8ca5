//! Terminal tables (comfy-table), wrapped to the width of the terminal.

use std::io::{self, Write};

use comfy_table::{ContentArrangement, Table, presets};

use super::{Layout, cited};
use crate::report::{Block, Cell, Document};
use crate::sanitize::terminal_safe;

pub fn write(document: &Document, layout: Layout, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", terminal_safe(&document.title))?;
    for section in &document.sections {
        writeln!(out, "\n{}", terminal_safe(&section.heading))?;
        for block in &section.blocks {
            match block {
                Block::Note(text) => writeln!(out, "{}", wrapped(&terminal_safe(text), layout))?,
                Block::Facts(facts) => {
                    let cells: Vec<String> = facts.iter().map(|fact| format!("• {}", terminal_safe(&cited(fact)))).collect();
                    let mut table = new_table(layout, presets::NOTHING);
                    for cell in cells {
                        table.add_row(vec![cell]);
                    }
                    writeln!(out, "{table}")?;
                }
                Block::Table(data) => {
                    let mut table = new_table(layout, presets::UTF8_FULL_CONDENSED);
                    table.set_header(data.header.iter().map(|h| terminal_safe(h).into_owned()));
                    for row in &data.rows {
                        table.add_row(row.iter().map(cell_text));
                    }
                    writeln!(out, "{table}")?;
                }
            }
        }
    }
    Ok(())
}

fn new_table(layout: Layout, preset: &str) -> Table {
    let mut table = Table::new();
    table.load_preset(preset).set_content_arrangement(ContentArrangement::Dynamic).set_width(layout.width);
    table
}

/// A cell's lines, one per line; several facts in a cell get bullets so they stay apart.
fn cell_text(cell: &Cell) -> String {
    let bullet = cell.lines.len() > 1;
    cell.lines
        .iter()
        .map(|line| {
            let text = terminal_safe(&cited(line)).into_owned();
            if bullet { format!("• {text}") } else { text }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A note is plain text; comfy-table does the wrapping for tables, so use it here too.
fn wrapped(text: &str, layout: Layout) -> String {
    let mut table = new_table(layout, presets::NOTHING);
    table.add_row(vec![text]);
    table.to_string()
}
