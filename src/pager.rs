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
/// when it fits or the pager cannot be started. Returns whether a `hint` written after it has
/// room: always after a pager, and after output that fits only when the hint fits under it
/// too (else the first lines would scroll away for a hint, which can go unsaid).
pub fn show(output: &[u8], hint: Option<&str>, pager: &[String]) -> io::Result<bool> {
    let Some((program, args)) = pager.split_first() else {
        return plain(output).map(|()| true);
    };
    if let Some((terminal_size::Width(width), terminal_size::Height(height))) =
        terminal_size::terminal_size()
        && fits(output, width, height)
    {
        let hint = hint.map_or(0, |hint| rows(hint.as_bytes(), width));
        let room = rows(output, width) + hint < usize::from(height);
        return plain(output).map(|()| room);
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
        return plain(output).map(|()| true);
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
    waited.map(|_| true)
}

fn plain(output: &[u8]) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(output)?;
    stdout.flush()
}

/// Whether `output` fits a terminal of `width` × `height` without scrolling: fewer rows than
/// the terminal has, since the shell's prompt takes the row after it. When the size is unknown
/// (zero) the pager decides (`less -F`).
fn fits(output: &[u8], width: u16, height: u16) -> bool {
    if width == 0 || height == 0 {
        return false;
    }
    rows(output, width) < usize::from(height)
}

/// The rows `text` takes on a terminal `width` columns wide: a line wider than the terminal
/// wraps to more rows (colour codes take no room); a line exactly as wide takes one.
fn rows(text: &[u8], width: u16) -> usize {
    let width = usize::from(width.max(1));
    String::from_utf8_lossy(text)
        .lines()
        .map(|line| textwrap::core::display_width(line).div_ceil(width).max(1))
        .sum()
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
    use super::{fits, from_variables, rows};

    #[test]
    fn output_fits_with_a_row_left_for_the_prompt() {
        let lines = |count: usize, width: usize| "x".repeat(width) + &"\nx".repeat(count - 1);
        assert!(fits(lines(49, 1).as_bytes(), 80, 50));
        assert!(!fits(lines(50, 1).as_bytes(), 80, 50));
        // A line as wide as the terminal takes one row, one column more takes two.
        assert_eq!(rows("x".repeat(200).as_bytes(), 200), 1);
        assert_eq!(rows("x".repeat(201).as_bytes(), 200), 2);
        assert!(!fits(lines(49, 201).as_bytes(), 200, 50));
        // Colour codes take no room.
        assert_eq!(rows("\u{1b}[1mtitle\u{1b}[0m".as_bytes(), 5), 1);
        // An unknown size leaves the decision to the pager.
        assert!(!fits(b"x", 0, 0));
    }

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
