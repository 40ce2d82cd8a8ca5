//! The one place that parses and writes YAML: serde-saphyr with input budgets, errors as
//! diagnostics.
//!
//! serde-saphyr replaces the archived `serde_yaml`: it refuses alias bombs and deep nesting
//! within its budget instead of exhausting memory, and it gives every value a span.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_saphyr::{Budget, Options};

use super::Diagnostic;

/// Files larger than this are refused before they are parsed; role files are a few KB.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_depth = 64;
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
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
    serde_saphyr::from_str_with_options(text, options()).map_err(|error| {
        let (line, column) = error
            .location()
            .map_or((0, 0), |location| (location.line(), location.column()));
        Diagnostic {
            file: file.to_owned(),
            line,
            column,
            message: error.without_snippet().to_string(),
        }
    })
}

/// Writes `value` as YAML, for `--format yaml`: the same data that JSON output carries.
pub fn to_string<T: Serialize>(value: &T) -> std::io::Result<String> {
    serde_saphyr::to_string(value).map_err(std::io::Error::other)
}
