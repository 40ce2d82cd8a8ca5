//! The one place that parses YAML: serde-saphyr with input budgets, errors as diagnostics.
//! (The YAML writer is the renderer's, render/yaml.rs.)
//!
//! serde-saphyr replaces the archived `serde_yaml`: it refuses alias bombs and deep nesting
//! within its budget instead of exhausting memory, and it gives every value a span.

use serde::de::DeserializeOwned;
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{Budget, Error, ExternalMessageSource, Options, Spanned};

use super::schema::validate::{self, Node, Reference};
use super::schema::{FileKind, schema};
use super::{Diagnostic, lookup};

/// A file that could not be read as its type: every problem found, and what is still known of
/// it for checking references in the same run.
#[derive(Debug)]
pub struct Broken<T> {
    pub problems: Vec<Diagnostic>,
    /// The ids the file refers to, when its YAML could be read as a tree.
    pub references: Vec<Reference>,
    /// The file's top-level `id:`, so that other files may still refer to it.
    pub id: Option<Spanned<String>>,
    /// What the file says before its first YAML syntax error, when that much reads as `T`:
    /// checked like a whole file, so that the syntax error hides only what follows it.
    pub partial: Option<T>,
    /// With `partial` or the references: the lines where values start that the syntax
    /// error cuts short, where a missing value may only be hidden by it.
    pub open: Vec<u64>,
}

impl<T> From<Diagnostic> for Broken<T> {
    fn from(problem: Diagnostic) -> Self {
        Self {
            problems: vec![problem],
            references: Vec::new(),
            id: None,
            partial: None,
            open: Vec::new(),
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
/// problem at once, checked against the published JSON Schema of its `kind` (which is
/// generated from `T`), when the YAML itself is readable; and when it is not, the syntax
/// error together with what the text before it holds.
pub fn parse<T: DeserializeOwned>(
    file: &str,
    text: &str,
    kind: FileKind,
) -> Result<T, Box<Broken<T>>> {
    let first = match parse_typed(file, text) {
        Ok(value) => return Ok(value),
        Err(first) if text.trim().is_empty() => return Err(Box::new(first.into())),
        Err(first) => first,
    };
    let root = match tree(text) {
        Ok(root) => root,
        Err(error) => {
            return Err(Box::new(before_syntax_error(
                file, text, kind, &error, first,
            )));
        }
    };
    let found = validate::check(file, &root, schema(kind).as_value(), &[]);
    if found.problems.is_empty() {
        // Something the schema does not describe (schema::agree holds the two to the same
        // keys and kinds of value): serde's word is final.
        return Err(Box::new(first.into()));
    }
    Err(Box::new(Broken {
        problems: found.problems,
        references: found.references,
        id: validate::top_level_id(&root),
        partial: None,
        open: Vec::new(),
    }))
}

/// The YAML of `text` as a tree with the place of every value.
pub(super) fn tree(text: &str) -> Result<Spanned<Node>, Error> {
    let mut options = options();
    options.alias_limits.max_total_replayed_events = MAX_REPLAYED_EVENTS;
    if let Some(budget) = options.budget.as_mut() {
        // Anchors holding aliases record their expansion too.
        budget.max_recorded_anchor_events = MAX_REPLAYED_EVENTS;
    }
    serde_saphyr::from_str_with_options::<Spanned<Node>>(text, options)
}

/// How many times a text is cut shorter, when what precedes a syntax error has a syntax
/// error of its own (an unclosed quote is found only at the end of the text): a bound on the
/// work a hostile file can ask for.
const MAX_CUTS: usize = 4;

/// A file with a YAML syntax error: the error, and every problem in the lines before it,
/// found by reading those lines as the file. `first` is serde's first problem, reported
/// too when nothing before the error can be read.
fn before_syntax_error<T: DeserializeOwned>(
    file: &str,
    text: &str,
    kind: FileKind,
    error: &Error,
    first: Diagnostic,
) -> Broken<T> {
    let is_syntax = matches!(
        error.without_snippet(),
        Error::ExternalMessage { source, .. }
            if matches!(**source, ExternalMessageSource::Parser(_))
    );
    if !is_syntax {
        return first.into();
    }
    // serde's own report of the same place says more (the key, what was expected there).
    let at_first = (first.line, first.column)
        == error
            .location()
            .map_or((0, 0), |at| (at.line(), at.column()));
    let syntax = if at_first {
        first.clone()
    } else {
        diagnostic(file, error, String::new())
    };
    let mut cut = syntax.line;
    for _ in 0..MAX_CUTS {
        let before = lines_before(text, cut);
        if before.trim().is_empty() {
            break;
        }
        let open = open_lines(before);
        if let Ok(partial) = serde_saphyr::from_str_with_options::<T>(before, options()) {
            return Broken {
                problems: vec![syntax],
                references: Vec::new(),
                id: None,
                partial: Some(partial),
                open,
            };
        }
        match tree(before) {
            Ok(root) => {
                let found = validate::check(file, &root, schema(kind).as_value(), &open);
                let mut problems = found.problems;
                problems.push(syntax);
                return Broken {
                    problems,
                    references: found.references,
                    id: validate::top_level_id(&root),
                    partial: None,
                    open,
                };
            }
            Err(earlier) => match earlier.location().map(|at| at.line()) {
                Some(line) if line > 0 && line < cut => cut = line,
                _ => break,
            },
        }
    }
    let mut problems = vec![first];
    if problems[0] != syntax {
        problems.push(syntax);
    }
    Broken {
        problems,
        references: Vec::new(),
        id: None,
        partial: None,
        open: Vec::new(),
    }
}

/// The lines of `text` before line `line` (1-based).
fn lines_before(text: &str, line: u64) -> &str {
    let lines = usize::try_from(line.saturating_sub(1)).unwrap_or(usize::MAX);
    let end = text.split_inclusive('\n').take(lines).map(str::len).sum();
    &text[..end]
}

/// The lines where the values still open at the end of `text` start: the first line of the
/// document, the last line, and each line above it indented less than every line below it.
fn open_lines(text: &str) -> Vec<u64> {
    let content = |line: &str| {
        let trimmed = line.trim_start();
        !trimmed.is_empty() && !trimmed.starts_with('#') && trimmed != "---"
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut open = Vec::new();
    if let Some(first) = lines.iter().position(|line| content(line)) {
        open.push(first as u64 + 1);
    }
    let mut indent = usize::MAX;
    for (index, line) in lines.iter().enumerate().rev() {
        if !content(line) {
            continue;
        }
        let depth = line.len() - line.trim_start().len();
        if depth < indent {
            open.push(index as u64 + 1);
            indent = depth;
            if depth == 0 {
                break;
            }
        }
    }
    open
}

/// Parses one file's text into `T`, or says where and why it cannot, serde's first problem.
pub(super) fn parse_typed<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Diagnostic> {
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
    Err(diagnostic(file, &error, clean_key(&key)))
}

/// A parser's error as a problem at its place.
fn diagnostic(file: &str, error: &Error, key: String) -> Diagnostic {
    let (line, column) = error
        .location()
        .map_or((0, 0), |location| (location.line(), location.column()));
    Diagnostic {
        file: file.to_owned(),
        line,
        column,
        key,
        message: message(error),
    }
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
            BudgetBreach::AliasAnchorRatio { aliases, anchors } => format!(
                "{aliases} YAML aliases (*name) for {anchors} anchor{} (&name): rolecmp refuses \
                 files that repeat a few anchors this often; write the values out",
                if *anchors == 1 { "" } else { "s" }
            ),
            BudgetBreach::MergeKeys { .. } => {
                "too many YAML merge keys (<<): rolecmp refuses merge-heavy files".to_owned()
            }
            // Events, nodes, bytes: what a file over the size limit would hit first.
            _ => "the file is over rolecmp's YAML limits for its size or number of values; \
                  data files are small: split it"
                .to_owned(),
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
