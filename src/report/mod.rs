//! The seam between queries and renderers: a report is serialisable data plus a document.
//!
//! Queries build a [`Document`] of sections and tables whose cells hold cited lines; renderers
//! turn any document into a table, Markdown, JSON, ... without knowing which command made it.
//! Machine formats serialise the report's own typed data instead, so `jq` sees real fields;
//! CSV gets one flat long-form table ([`Records`]) so that it loads into a spreadsheet.
//! Reports that are a network (reporting lines) also give a format-neutral [`Graph`].

pub mod labels;
pub mod parts;

use serde::Serialize;

use crate::model::Fact;

/// What every command returns.
pub trait Report: Serialize {
    fn document(&self) -> Document;
    /// What to run to see more, for a person at a terminal: never part of the output, so that
    /// a page written to a file holds no command-line advice (written to stderr, on a terminal).
    fn hint(&self) -> Option<String> {
        None
    }
    /// The report as one flat table: a header and rows of plain text, one row per fact or
    /// entry, every row as wide as the header.
    fn records(&self) -> Records;
    /// [`Report::records`] with the evidence of each row's fact in one more column, for
    /// `--evidence`; reports without facts to quote have none to add.
    fn records_with_evidence(&self) -> Records {
        self.records()
    }
}

/// A report that can also be drawn as a graph.
pub trait Diagram: Report {
    fn graph(&self) -> Graph;
}

/// One long-form table: what CSV writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Records {
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

/// A directed graph with labelled nodes and edges, neutral as to the drawing language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Graph {
    pub title: String,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// Lines explaining the drawing (line styles, what the citations stand for).
    pub legend: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// A stable key; renderers derive their own identifiers from it.
    pub key: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub label: String,
    pub line: Line,
    /// The edge also goes from `to` to `from`: drawn with a head at each end.
    pub both_ways: bool,
}

/// How an edge is drawn: solid for the common case, dashed for a variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    Solid,
    Dashed,
}

/// A rendered-format-neutral document: a title, its sections and the sources they cite.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    pub title: String,
    pub sections: Vec<Section>,
    /// What each `[id]` in the sections stands for, listed once at the end: in a terminal as a
    /// short footer, in a document as a list.
    pub sources: Vec<Citation>,
}

/// A source as a document lists it, with what its data file records about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub id: String,
    pub title: String,
    /// What sort of source it is ("article"), then its address when one is recorded.
    pub details: Vec<String>,
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
    /// Words (in lower case) to highlight wherever they appear in the rows, such as the
    /// words a search matched; only a terminal with colour shows it.
    pub emphasis: Vec<String>,
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
            lines: vec![Fact::new(text, &[])],
        }
    }

    /// A cell with one line citing `sources`.
    pub fn cited(text: impl Into<String>, sources: &[String]) -> Self {
        Self {
            lines: vec![Fact::new(text, sources)],
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
            emphasis: Vec::new(),
        }));
        self
    }

    /// Highlights `words` (lower case) in the section's tables.
    pub fn emphasize(mut self, words: &[String]) -> Self {
        for block in &mut self.blocks {
            if let Block::Table(table) = block {
                table.emphasis = words.to_vec();
            }
        }
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
