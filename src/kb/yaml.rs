//! The one place that parses and writes YAML: serde-saphyr with input budgets, errors as
//! diagnostics.
//!
//! serde-saphyr replaces the archived `serde_yaml`: it refuses alias bombs and deep nesting
//! within its budget instead of exhausting memory, and it gives every value a span.

use schemars::JsonSchema;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{Budget, Error, Options, Spanned};

use super::structure::{self, Node, Reference};
use super::{Diagnostic, lookup};

/// A file that could not be read as its type: every problem found, and what is still known of
/// it for checking references in the same run.
#[derive(Debug)]
pub struct Broken {
    pub problems: Vec<Diagnostic>,
    /// The ids the file refers to, when its YAML could be read as a tree.
    pub references: Vec<Reference>,
    /// The file's top-level `id:`, so that other files may still refer to it.
    pub id: Option<Spanned<String>>,
}

impl From<Diagnostic> for Broken {
    fn from(problem: Diagnostic) -> Self {
        Self {
            problems: vec![problem],
            references: Vec::new(),
            id: None,
        }
    }
}

/// Replaying aliases into a tree expands them, which typed parsing never does; a data file
/// needs few, so an alias bomb ends here within milliseconds.
const MAX_REPLAYED_EVENTS: usize = 10_000;

/// Files larger than this are refused before they are read whole; role files are a few KB.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// Limits far above what any data file needs, low enough that hostile input ends early.
const MAX_DEPTH: usize = 64;
const MAX_ALIASES: usize = 1_000;
const MAX_ANCHORS: usize = 1_000;

fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_aliases = MAX_ALIASES;
    budget.max_anchors = MAX_ANCHORS;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.with_snippet = false;
    options
}

/// Parses one file's text into `T`, or says where and why it cannot: every structural
/// problem at once, checked against `T`'s JSON Schema, when the YAML itself is readable.
pub fn parse<T: DeserializeOwned + JsonSchema>(file: &str, text: &str) -> Result<T, Box<Broken>> {
    let first = match parse_typed(file, text) {
        Ok(value) => return Ok(value),
        Err(first) if text.trim().is_empty() => return Err(Box::new(first.into())),
        Err(first) => first,
    };
    let mut options = options();
    options.alias_limits.max_total_replayed_events = MAX_REPLAYED_EVENTS;
    if let Some(budget) = options.budget.as_mut() {
        // Anchors holding aliases record their expansion too.
        budget.max_recorded_anchor_events = MAX_REPLAYED_EVENTS;
    }
    let Ok(root) = serde_saphyr::from_str_with_options::<Spanned<Node>>(text, options) else {
        return Err(Box::new(first.into()));
    };
    let schema = schemars::schema_for!(T);
    let found = structure::check(file, &root, schema.as_value());
    if found.problems.is_empty() {
        // The schema and serde disagree; serde's word is final.
        return Err(Box::new(first.into()));
    }
    Err(Box::new(Broken {
        problems: found.problems,
        references: found.references,
        id: structure::top_level_id(&root),
    }))
}

/// Parses one file's text into `T`, or says where and why it cannot, serde's first problem.
fn parse_typed<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::whole_file(file, "the file is empty"));
    }
    // Tracking the key path slows every value down, and most files are valid: parse plainly
    // first, and only to describe a failure parse again with the path tracked.
    let error = match serde_saphyr::from_str_with_options::<T>(text, options()) {
        Ok(value) => return Ok(value),
        Err(error) => error,
    };
    let mut key = String::new();
    let _ =
        serde_saphyr::with_deserializer_from_str_with_options(text, options(), |deserializer| {
            serde_path_to_error::deserialize::<_, T>(deserializer).map_err(|error| {
                key = error.path().to_string();
                error.into_inner()
            })
        });
    let (line, column) = error
        .location()
        .map_or((0, 0), |location| (location.line(), location.column()));
    Err(Diagnostic {
        file: file.to_owned(),
        line,
        column,
        key: clean_key(&key),
        message: message(&error),
    })
}

/// The key path as users write it: `serde_path_to_error` says "." for the document and "?"
/// where it lost track, and `Spanned` values add a `.value` step that is not in the file.
fn clean_key(key: &str) -> String {
    let key = key.replace(".value", "").replace(".?", "");
    if key == "." || key == "?" {
        String::new()
    } else {
        key
    }
}

/// serde-saphyr's message without the location (the diagnostic carries it), with a
/// did-you-mean for a misspelt key.
fn message(error: &Error) -> String {
    match error.without_snippet() {
        Error::SerdeUnknownField {
            field, expected, ..
        } => {
            let suggestions = lookup::suggest(field, expected.iter().copied());
            let hint = if suggestions.is_empty() {
                format!("expected one of: {}", expected.join(", "))
            } else {
                format!("did you mean {}?", lookup::either(&suggestions, "`"))
            };
            format!("unknown key `{field}`: {hint}")
        }
        Error::DuplicateMappingKey { key, .. } => match key {
            Some(key) => format!("duplicate key `{key}`: a key may appear only once in a mapping"),
            None => "duplicate key: a key may appear only once in a mapping".to_owned(),
        },
        Error::Budget { breach, .. } => match breach {
            BudgetBreach::Aliases { .. } => format!(
                "more than {MAX_ALIASES} YAML aliases (*name): rolecmp refuses alias-heavy files"
            ),
            BudgetBreach::Anchors { .. } => format!(
                "more than {MAX_ANCHORS} YAML anchors (&name): rolecmp refuses anchor-heavy files"
            ),
            BudgetBreach::Depth { .. } => format!("nested more than {MAX_DEPTH} levels deep"),
            other => format!("the file is over rolecmp's YAML limits ({other:?})"),
        },
        plain => {
            let text = plain.to_string();
            let text = match text.rfind(" at line ") {
                Some(at) if text[at..].contains(", column ") => text[..at].to_owned(),
                _ => text,
            };
            plain_words(&text).map_or(text, str::to_owned)
        }
    }
}

/// The parser's and serde's terse messages, said as what to do: "mapping values are not
/// allowed in this context" is usually a line indented too far.
fn plain_words(message: &str) -> Option<&'static str> {
    const WORDS: [(&str, &str); 11] = [
        (
            "mapping values are not allowed",
            "a `key: value` cannot start here: indent this line like the keys above it, or put the text in quotes if it contains `: `",
        ),
        (
            "did not find expected key",
            "this line is indented differently from the keys above it: line up keys at the same level",
        ),
        (
            "did not find expected '-' indicator",
            "this line is indented differently from the list items above it: start each item with `- ` at the same column",
        ),
        ("found a tab", "a tab: YAML indents with spaces only"),
        (
            "unclosed quote",
            "a quote is not closed: end the text with the quote it starts with",
        ),
        (
            "simple key expected ':'",
            "a key needs `: ` after it (`key: value`)",
        ),
        (
            "could not find expected ':'",
            "a key needs `: ` after it (`key: value`)",
        ),
        (
            "expected mapping start",
            "expected keys with values here (`key: value` lines, or `- key: value` for a list item)",
        ),
        (
            "expected sequence start",
            "expected a list here (`- item` lines, or `[a, b]`)",
        ),
        (
            "expected string scalar",
            "expected a text here (a list `[...]` or keys are not allowed; put the text in quotes if it starts with `[` or `{`)",
        ),
        (
            "did not find expected ',' or ']'",
            "a `[` list is not closed with `]`",
        ),
    ];
    WORDS
        .iter()
        .find(|(terse, _)| message.contains(terse))
        .map(|(_, plain)| *plain)
}

/// Writes `value` as YAML, for `--format yaml`: the same data that JSON output carries.
pub fn to_string<T: Serialize>(value: &T) -> std::io::Result<String> {
    serde_saphyr::to_string(value).map_err(std::io::Error::other)
}
