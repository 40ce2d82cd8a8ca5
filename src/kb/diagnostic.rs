//! Problems found in data files, each pinned to a file, line and column.

use std::fmt;

use serde::Serialize;
use serde_saphyr::Spanned;

/// One problem in one data file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based; 0 when the problem has no single place in the file.
    pub line: u64,
    pub column: u64,
    /// Where in the document, as keys and indexes (`reporting[1].to`); empty for the file.
    pub key: String,
    pub message: String,
}

impl Diagnostic {
    pub fn at<T>(
        file: &str,
        value: &Spanned<T>,
        key: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            file: file.to_owned(),
            line: value.referenced.line(),
            column: value.referenced.column(),
            key: key.into(),
            message: message.into(),
        }
    }

    pub fn whole_file(file: &str, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            line: 0,
            column: 0,
            key: String::new(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = crate::sanitize::terminal_safe(&self.file);
        let message = crate::sanitize::terminal_safe(&self.message);
        if self.line == 0 {
            write!(f, "{file}: ")?;
        } else {
            write!(f, "{file}:{}:{}: ", self.line, self.column)?;
        }
        if !self.key.is_empty() {
            write!(f, "{}: ", crate::sanitize::terminal_safe(&self.key))?;
        }
        f.write_str(&message)
    }
}

/// Every problem found while loading, reported together rather than one at a time.
#[derive(Debug)]
pub struct InvalidData(pub Vec<Diagnostic>);

impl fmt::Display for InvalidData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.0.len();
        write!(
            f,
            "{count} problem{} in the data files:",
            if count == 1 { "" } else { "s" }
        )?;
        for diagnostic in &self.0 {
            write!(f, "\n  {diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InvalidData {}
