//! The one place that parses and writes YAML: serde-saphyr with input budgets, errors as
//! diagnostics.
//!
//! serde-saphyr replaces the archived `serde_yaml`: it refuses alias bombs and deep nesting
//! within its budget instead of exhausting memory, and it gives every value a span.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{Budget, Error, Options};

use super::{Diagnostic, lookup};

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

/// Parses one file's text into `T`, or says where and why it cannot.
pub fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Diagnostic> {
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
            match text.rfind(" at line ") {
                Some(at) if text[at..].contains(", column ") => text[..at].to_owned(),
                _ => text,
            }
        }
    }
}

/// Writes `value` as YAML, for `--format yaml`: the same data that JSON output carries.
pub fn to_string<T: Serialize>(value: &T) -> std::io::Result<String> {
    serde_saphyr::to_string(value).map_err(std::io::Error::other)
}
