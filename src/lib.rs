//! rolecmp: a cited knowledge base of technology-leadership roles, and the queries and
//! renderers behind the `rolecmp` command.
//!
//! Data flows one way: files → [`kb`] (typed, checked [`model`]) → [`query`] (a [`report`])
//! → [`render`] → output.

pub mod cli;
pub mod generate;
pub mod kb;
pub mod model;
pub mod query;
pub mod render;
pub mod report;
pub mod sanitize;

use std::io::{IsTerminal, Write};

use anyhow::Result;

use cli::{Cli, ColorChoice, Command, Filter};
use kb::KnowledgeBase;
use render::Layout;

/// Exit codes, as documented in the README.
pub mod exit {
    /// A problem reading or checking data, or writing output.
    pub const FAILURE: u8 = 1;
    /// The command line was wrong: a bad flag, or a name that matches nothing.
    pub const USAGE: u8 = 2;
}

/// Width of tables: `--width`, else `COLUMNS` when set, else the terminal's, else a width
/// that reads well in files and pipes.
fn table_width(asked: Option<u16>) -> u16 {
    const DEFAULT: u16 = 100;
    if let Some(width) = asked {
        return width;
    }
    if let Some(columns) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
    {
        return columns.max(20);
    }
    if std::io::stdout().is_terminal()
        && let Some((terminal_size::Width(width), _)) = terminal_size::terminal_size()
    {
        return width.max(20);
    }
    DEFAULT
}

/// Whether tables get colour. `auto` follows the usual conventions, as clap's own help
/// does: `NO_COLOR` turns colour off, `CLICOLOR_FORCE` on, else only a terminal gets it.
fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !matches!(
            anstream::AutoStream::choice(&std::io::stdout()),
            anstream::ColorChoice::Never
        ),
    }
}

/// Runs one command, writing its output to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<()> {
    let kb = KnowledgeBase::builtin()?;
    let layout = Layout {
        width: table_width(cli.width),
        color: use_color(cli.color),
    };
    match cli.command {
        Command::List { kind, output } => {
            let listing = query::list::list(&kb, kind);
            render::render(&listing, output.format, layout, out)?;
        }
        Command::Show {
            role,
            filter,
            output,
        } => {
            let role = kb.role(&role)?;
            let industry = industry(&kb, &filter)?;
            let profile = query::show::show(&kb, role, industry, &filter.section);
            render::render(&profile, output.format, layout, out)?;
        }
        Command::Compare {
            roles,
            filter,
            output,
        } => {
            let roles = roles
                .iter()
                .map(|name| kb.role(name))
                .collect::<Result<Vec<_>, _>>()?;
            let industry = industry(&kb, &filter)?;
            let comparison = query::compare::compare(&kb, &roles, industry, &filter.section);
            render::render(&comparison, output.format, layout, out)?;
        }
        Command::Search { text, output } => {
            let results = query::search::search(&kb, &text);
            render::render(&results, output.format, layout, out)?;
        }
        Command::Graph { roles, format } => {
            let roles = roles
                .iter()
                .map(|name| kb.role(name))
                .collect::<Result<Vec<_>, _>>()?;
            let graph = query::graph::graph(&kb, &roles);
            render::render_graph(&graph, format, layout, out)?;
        }
        Command::Completions { shell } => {
            out.write_all(&generate::completions(&kb, shell))?;
        }
        Command::Man { command } => generate::man(command.as_deref(), out)?,
    }
    out.flush()?;
    Ok(())
}

fn industry<'a>(kb: &'a KnowledgeBase, filter: &Filter) -> Result<Option<&'a model::Term>> {
    Ok(filter
        .industry
        .as_deref()
        .map(|name| kb.industry(name))
        .transpose()?)
}

/// The exit code for an error: usage errors (unknown names) are 2, everything else 1.
pub fn exit_code(error: &anyhow::Error) -> u8 {
    if error.downcast_ref::<kb::UnknownName>().is_some() {
        exit::USAGE
    } else {
        exit::FAILURE
    }
}

/// True when the error is only that the reader of our output went away (`| head`).
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|cause| cause.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}
