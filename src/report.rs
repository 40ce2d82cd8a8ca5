//! The seam between queries and renderers: a report is serialisable data plus a document.
//!
//! Queries build a [`Document`] of sections and tables whose cells hold cited lines; renderers
//! turn any document into a table, Markdown, JSON, ... without knowing which command made it.
//! Machine formats serialise the report's own typed data instead, so `jq` sees real fields.

use serde::Serialize;

use crate::model::Fact;

/// What every command returns.
pub trait Report: Serialize {
    fn document(&self) -> Document;
}

/// A rendered-format-neutral document: a title and its sections.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A sentence about the data itself ("no example for this industry").
    Note(String),
    /// Cited statements, shown as a bulleted list.
    Facts(Vec<Fact>),
    /// Lines shown exactly as they are, never wrapped (diagnostics, code).
    Listing(Vec<String>),
    Table(Table),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// A table cell: lines of text, each with the sources it cites (none for labels).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    pub lines: Vec<Fact>,
}

impl Cell {
    /// A cell with one uncited line (a name, a label).
    pub fn label(text: impl Into<String>) -> Self {
        Self {
            lines: vec![Fact {
                text: text.into(),
                sources: Vec::new(),
            }],
        }
    }

    /// A cell with one line citing `sources`.
    pub fn cited(text: impl Into<String>, sources: &[String]) -> Self {
        Self {
            lines: vec![Fact {
                text: text.into(),
                sources: sources.to_vec(),
            }],
        }
    }

    pub fn facts<'a>(facts: impl IntoIterator<Item = &'a Fact>) -> Self {
        Self {
            lines: facts.into_iter().cloned().collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

impl Section {
    pub fn new(heading: impl Into<String>) -> Self {
        Self {
            heading: heading.into(),
            blocks: Vec::new(),
        }
    }

    pub fn table(mut self, header: &[&str], rows: Vec<Vec<Cell>>) -> Self {
        self.blocks.push(Block::Table(Table {
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows,
        }));
        self
    }

    pub fn facts(mut self, facts: &[Fact]) -> Self {
        self.blocks.push(Block::Facts(facts.to_vec()));
        self
    }

    pub fn listing(mut self, lines: Vec<String>) -> Self {
        self.blocks.push(Block::Listing(lines));
        self
    }

    pub fn note(mut self, text: impl Into<String>) -> Self {
        self.blocks.push(Block::Note(text.into()));
        self
    }
}
