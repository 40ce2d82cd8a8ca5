//! The `rolecmp` binary: parse the command line, run, report an error once.

use std::io::Write;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use rolecmp::cli;
use rolecmp::error::Error;

fn main() -> ExitCode {
    let stdout = std::io::stdout();
    // What the command loads is never freed: one command per process, and freeing the
    // knowledge base string by string just before the process ends is wasted work (8 % of
    // the instructions of `list`).
    let mut knowledge = None;
    let outcome = match cli::parse() {
        // A usage error: to stderr, and nothing can be done if that fails.
        Err(usage) if usage.use_stderr() => {
            cli::print_usage_error(&usage);
            return u8::try_from(usage.exit_code())
                .map_or(rolecmp::error::ExitCode::Usage.into(), ExitCode::from);
        }
        _ if STDOUT_CLOSED.load(Ordering::Relaxed) => Err(Error::Failure(anyhow::anyhow!(
            "standard output is closed: there is nowhere to write"
        ))),
        // `--help` and `--version`: written like any output, so a failed write is reported.
        Err(answer) => cli::write_clap_answer(&answer, &mut stdout.lock()),
        Ok(cli) => rolecmp::run_to_stdout(cli, &mut knowledge),
    };
    std::mem::forget(knowledge);
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.is_quiet() => ExitCode::SUCCESS,
        Err(error) => {
            // Names in errors come from data files too: the whole message is made safe, once.
            let args: Vec<String> = std::env::args_os()
                .map(|arg| arg.to_string_lossy().into_owned())
                .collect();
            let message = rolecmp::sanitize::terminal_safe(&error.message(&args)).into_owned();
            // Nothing more can be done if stderr is gone too.
            let _ = writeln!(std::io::stderr(), "error: {message}");
            error.exit_code().into()
        }
    }
}

/// Whether stdout was closed when rolecmp started (`rolecmp list >&-`). The Rust runtime puts
/// /dev/null on a closed stdout before `main`, where every write would then succeed unseen,
/// so this is looked at earlier, among the C runtime's constructors.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

#[cfg(any(target_os = "linux", target_os = "android", target_os = "freebsd"))]
#[used]
#[unsafe(link_section = ".init_array")]
static CHECK_STDOUT: extern "C" fn() = {
    extern "C" fn check_stdout() {
        // SAFETY: F_GETFD only reads the descriptor's flags; it fails (EBADF) when fd 1 is closed.
        let closed = unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) } == -1;
        STDOUT_CLOSED.store(closed, Ordering::Relaxed);
    }
    check_stdout
};
