//! Why a command failed, and the exit code each reason gets (docs/threat-model.md).
//!
//! Every failure is one [`Error`] variant, decided where it happens, so that the exit code is
//! a `match` and never a search of the error's causes.

use std::fmt::{self, Write as _};
use std::io;

use crate::kb::files::io_message;
use crate::kb::{InvalidData, UnknownName};
use crate::model::{shipped_id, shipped_under};
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
    /// A name on the command line finds no role or industry, or finds several (CDO). Exit 2.
    UnknownName(UnknownName),
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
            Error::Usage(_) | Error::UnknownName(_) => ExitCode::Usage,
            Error::ProblemsFound(_) | Error::Output(_) | Error::Failure(_) => ExitCode::Failure,
        }
    }

    /// The message printed after `error: `: the error with its causes and, for a name that
    /// finds several roles (CDO), the command to run for each, the user's own command line
    /// (`args`, the program name first) with the name replaced by each role's id.
    pub fn message(&self, args: &[String]) -> String {
        let mut message = self.to_string();
        let Error::UnknownName(unknown) = self else {
            return message;
        };
        let commands: Vec<(String, String)> = unknown
            .ambiguous
            .iter()
            .filter_map(|candidate| {
                let id = if shipped_under(&unknown.given).is_some() {
                    shipped_id(&candidate.id)
                } else {
                    candidate.id.clone()
                };
                let command = command_naming(args, &unknown.given, &id)?;
                Some((format!("for the {}:", candidate.title), command))
            })
            .collect();
        let width = commands
            .iter()
            .map(|(what, _)| what.chars().count())
            .max()
            .unwrap_or(0);
        if !commands.is_empty() {
            message.push('\n');
        }
        for (what, command) in commands {
            let _ = write!(message, "\n  {what:width$} {command}");
        }
        message
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
            Error::UnknownName(unknown) => write!(f, "{unknown}"),
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
        Error::UnknownName(unknown)
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

/// `args` as a command to copy, with the first argument that is `given` (or an item of a
/// comma-separated list, or the value of `--flag=`) replaced by `id`; none if no argument is.
fn command_naming(args: &[String], given: &str, id: &str) -> Option<String> {
    let mut replaced = false;
    let mut words = vec!["rolecmp".to_owned()];
    for arg in args.iter().skip(1) {
        let (flag, value) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (format!("{flag}="), value),
            _ => (String::new(), arg.as_str()),
        };
        let mut items: Vec<&str> = value.split(',').collect();
        if !replaced && let Some(item) = items.iter_mut().find(|item| **item == given) {
            *item = id;
            replaced = true;
        }
        words.push(shell_quoted(&format!("{flag}{}", items.join(","))));
    }
    replaced.then(|| words.join(" "))
}

/// A word as a POSIX shell reads it back: as it is when it holds only safe characters, else
/// in single quotes.
fn shell_quoted(word: &str) -> String {
    let safe = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=,@%+".contains(c));
    if safe {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
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
