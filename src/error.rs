//! Why a command failed, and the exit code each reason gets (docs/threat-model.md).
//!
//! Every failure is one [`Error`] variant, decided where it happens, so that the exit code is
//! a `match` and never a search of the error's causes.

use std::fmt;
use std::io;

use crate::kb::files::io_message;
use crate::kb::{InvalidData, UnknownName};
use crate::query::search::TooLarge;

/// The exit codes, as documented in docs/threat-model.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// The command did what was asked (also when the reader of its output went away).
    Success = 0,
    /// A problem reading or checking data, or writing output.
    Failure = 1,
    /// The command line was wrong: a bad flag, or a name that matches nothing.
    Usage = 2,
}

impl From<ExitCode> for std::process::ExitCode {
    fn from(code: ExitCode) -> Self {
        // The discriminants are the codes.
        Self::from(code as u8)
    }
}

/// A command's failure.
#[derive(Debug)]
pub enum Error {
    /// The command line asks for what cannot be: a name that finds nothing (or two roles), an
    /// unusable id, too many roles or labels. Exit 2.
    Usage(String),
    /// `validate` found problems: they are its output; this only sets the exit code. Exit 1.
    ProblemsFound(usize),
    /// The output could not be written. Exit 1, or 0 quietly when its reader went away
    /// (`rolecmp list | head -1`).
    Output(io::Error),
    /// Anything else, with its chain of causes: data that does not load, a file `init`
    /// cannot write. Exit 1.
    Failure(anyhow::Error),
}

impl Error {
    /// A usage error saying `what` is wrong with the command line.
    pub fn usage(what: impl fmt::Display) -> Self {
        Error::Usage(what.to_string())
    }

    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::Usage(_) => ExitCode::Usage,
            Error::ProblemsFound(_) | Error::Output(_) | Error::Failure(_) => ExitCode::Failure,
        }
    }

    /// True when the error is only that the reader of the output went away (`| head`): no
    /// failure, and nothing to say.
    pub fn is_quiet(&self) -> bool {
        matches!(self, Error::Output(error) if error.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage(message) => f.write_str(message),
            Error::ProblemsFound(count) => write!(
                f,
                "validation failed with {count} problem{}",
                if *count == 1 { "" } else { "s" }
            ),
            Error::Output(error) => write!(f, "writing the output: {}", io_message(error)),
            // `:#` gives the causes too: "cannot create x: permission denied".
            Error::Failure(error) => write!(f, "{error:#}"),
        }
    }
}

impl std::error::Error for Error {}

/// Output is written through `io::Write`, whose errors are all about writing the output.
impl From<io::Error> for Error {
    fn from(error: io::Error) -> Self {
        Error::Output(error)
    }
}

impl From<UnknownName> for Error {
    fn from(unknown: UnknownName) -> Self {
        Error::Usage(unknown.to_string())
    }
}

impl From<InvalidData> for Error {
    fn from(invalid: InvalidData) -> Self {
        Error::Failure(invalid.into())
    }
}

impl From<TooLarge> for Error {
    fn from(too_large: TooLarge) -> Self {
        Error::Failure(too_large.into())
    }
}

impl From<anyhow::Error> for Error {
    fn from(error: anyhow::Error) -> Self {
        Error::Failure(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_error_says_what_was_being_written_in_lower_case() {
        let full = Error::Output(io::Error::from_raw_os_error(28));
        assert_eq!(
            full.to_string(),
            "writing the output: no space left on device"
        );
        assert_eq!(full.exit_code(), ExitCode::Failure);
        assert!(!full.is_quiet());
        assert!(Error::Output(io::ErrorKind::BrokenPipe.into()).is_quiet());
    }
}
