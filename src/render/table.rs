//! Terminal tables (comfy-table), wrapped to the width of the terminal.

use std::io::{self, Write};

use comfy_table::{ContentArrangement, Table, presets};

use super::{Layout, cell_lines, cited};
use crate::report::{Block, Cell, Document};
use crate::sanitize::terminal_safe;

pub fn write(document: &Document, layout: Layout, out: &mut dyn Write) -> io::Result<()> {
    let title = terminal_safe(&document.title);
    writeln!(out, "{title}\n{}", "═".repeat(title.chars().count()))?;
    for section in &document.sections {
        if !section.heading.is_empty() {
            writeln!(out, "\n{}", terminal_safe(&section.heading))?;
        }
        for block in &section.blocks {
            match block {
                Block::Note(text) => {
                    for line in textwrap::wrap(&terminal_safe(text), usize::from(layout.width)) {
                        writeln!(out, "{line}")?;
                    }
                }
                Block::Listing(lines) => {
                    for line in lines {
                        writeln!(out, "{}", terminal_safe(line))?;
                    }
                }
                Block::Facts(facts) => {
                    let bullets = textwrap::Options::new(usize::from(layout.width))
                        .initial_indent("• ")
                        .subsequent_indent("  ");
                    for fact in facts {
                        for line in textwrap::wrap(&terminal_safe(&cited(fact)), &bullets) {
                            writeln!(out, "{line}")?;
                        }
                    }
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
    table
        .load_preset(preset)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(layout.width);
    table
}

fn cell_text(cell: &Cell) -> String {
    terminal_safe(&cell_lines(cell).join("\n")).into_owned()
}
