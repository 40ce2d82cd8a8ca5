//! Paging output taller than the terminal through `$ROLECMP_PAGER`, `$PAGER` or `less -FRX`.
//!
//! As git and bat do: only when stdout is a terminal, the pager reads the whole output on its
//! stdin, an empty variable or `cat` means no pager, and a pager that cannot be started
//! leaves the output printed as it is.

use std::io::{self, IsTerminal, Write};
use std::process::{Command, Stdio};

/// `-F` quits at once when the output fits the screen, `-R` shows colours, `-X` leaves the
/// output on the screen when less quits.
const DEFAULT: &str = "less -FRX";

/// The pager to send stdout through (program and arguments), or `None` when output goes
/// straight to stdout: with `--no-pager`, in pipes and files, or when the user's variables say
/// no pager.
pub fn chosen(no_pager: bool) -> Option<Vec<String>> {
    if no_pager || !io::stdout().is_terminal() {
        return None;
    }
    let variable = |name| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned());
    from_variables(variable("ROLECMP_PAGER"), variable("PAGER"))
}

/// `ROLECMP_PAGER` over `PAGER` over `less -FRX`, split as a shell would split it; empty or
/// `cat` means no pager, as in git.
fn from_variables(own: Option<String>, general: Option<String>) -> Option<Vec<String>> {
    let command = own.or(general).unwrap_or_else(|| DEFAULT.to_owned());
    // Unbalanced quotes cannot be run: the output is printed as it is.
    let words = shlex::split(&command)?;
    match words.first().map(String::as_str) {
        None | Some("cat") => None,
        Some(_) => Some(words),
    }
}

/// Writes `output` to stdout: through `pager` when it is taller than the terminal, as it is
/// when it fits or the pager cannot be started.
pub fn show(output: &[u8], pager: &[String]) -> io::Result<()> {
    let Some((program, args)) = pager.split_first() else {
        return plain(output);
    };
    if fits(output) {
        return plain(output);
    }
    let mut command = Command::new(program);
    command.args(args).stdin(Stdio::piped());
    // What git sets: a bare `PAGER=less` (or lv) then keeps colours and quits on a short page,
    // unless the user set options of their own.
    if std::env::var_os("LESS").is_none() {
        command.env("LESS", "FRX");
    }
    if std::env::var_os("LV").is_none() {
        command.env("LV", "-c");
    }
    let Ok(mut child) = command.spawn() else {
        return plain(output);
    };
    let interrupts = PagerOwnsInterrupts::new();
    let written = child
        .stdin
        .take()
        .map_or(Ok(()), |mut stdin| stdin.write_all(output));
    let waited = child.wait();
    drop(interrupts);
    match written {
        // The reader quit before the end (`q` in less): nothing is wrong.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {}
        other => other?,
    }
    waited.map(drop)
}

fn plain(output: &[u8]) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(output)?;
    stdout.flush()
}

/// Whether `output` fits the terminal without scrolling: fewer rows than the terminal has,
/// counting a line wider than the terminal as the rows it wraps to (colour codes take no
/// room). When the size is unknown the pager decides (`less -F`).
fn fits(output: &[u8]) -> bool {
    let Some((terminal_size::Width(width), terminal_size::Height(height))) =
        terminal_size::terminal_size()
    else {
        return false;
    };
    if width == 0 || height == 0 {
        return false;
    }
    let (width, height) = (usize::from(width), usize::from(height));
    let text = String::from_utf8_lossy(output);
    let mut rows = 0;
    for line in text.lines() {
        rows += textwrap::core::display_width(line).div_ceil(width).max(1);
        // The prompt takes the row after the output.
        if rows >= height {
            return false;
        }
    }
    true
}

/// While the pager runs, Ctrl-C is the pager's (less uses it to stop a search): rolecmp
/// waits for the pager instead of dying under it and handing the terminal back to the shell
/// while the pager still draws on it. git does the same.
struct PagerOwnsInterrupts {
    #[cfg(unix)]
    id: Option<signal_hook::SigId>,
}

impl PagerOwnsInterrupts {
    fn new() -> Self {
        #[cfg(unix)]
        {
            let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
            // Registering a handler replaces the default action of ending the process.
            let id = signal_hook::flag::register(signal_hook::consts::SIGINT, flag).ok();
            Self { id }
        }
        #[cfg(not(unix))]
        Self {}
    }
}

impl Drop for PagerOwnsInterrupts {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(id) = self.id.take() {
            signal_hook::low_level::unregister(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::from_variables;

    fn words(command: &[&str]) -> Vec<String> {
        command.iter().map(|w| (*w).to_owned()).collect()
    }

    #[test]
    fn rolecmp_pager_wins_over_pager_which_wins_over_less() {
        let set = |v: &str| Some(v.to_owned());
        assert_eq!(
            from_variables(set("most -s"), set("more")),
            Some(words(&["most", "-s"]))
        );
        assert_eq!(from_variables(None, set("more")), Some(words(&["more"])));
        assert_eq!(from_variables(None, None), Some(words(&["less", "-FRX"])));
    }

    #[test]
    fn empty_or_cat_means_no_pager_even_over_pager() {
        let set = |v: &str| Some(v.to_owned());
        assert_eq!(from_variables(set(""), set("less")), None);
        assert_eq!(from_variables(set("  "), set("less")), None);
        assert_eq!(from_variables(None, set("cat")), None);
        assert_eq!(from_variables(set("'unbalanced"), None), None);
    }

    #[test]
    fn quoted_words_stay_whole() {
        assert_eq!(
            from_variables(Some("'/opt/my pager/bin/pg' -x".to_owned()), None),
            Some(words(&["/opt/my pager/bin/pg", "-x"]))
        );
    }
}
