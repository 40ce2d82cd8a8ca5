//! The `rolecmp` binary: parse the command line, run, report an error once.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = rolecmp::cli::Cli::parse();
    match rolecmp::run_to_stdout(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if rolecmp::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            // Nothing more can be done if stderr is gone too.
            let _ = writeln!(std::io::stderr(), "error: {error:#}");
            ExitCode::from(rolecmp::exit_code(&error))
        }
    }
}
