//! The command line: every command, flag and value set, with its help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

use crate::kb::schema::FileKind;

use crate::query::Section;
use crate::query::list::ListKind;
use crate::render::{Format, GraphFormat};

/// The commands whose man pages `rolecmp man` can print.
pub const COMMANDS: [&str; 10] = [
    "list",
    "show",
    "compare",
    "search",
    "graph",
    "validate",
    "schema",
    "init",
    "completions",
    "man",
];

/// Compare technology-leadership roles (CTO, CIO, ...) from a cited knowledge base.
#[derive(Debug, Parser)]
#[command(name = "rolecmp", version, about, long_about = None, help_expected = true)]
#[command(after_help = "Examples:
  rolecmp compare cto cio
  rolecmp show cio --industry healthcare
  rolecmp compare cto cio --format markdown >> docs/roles.md
  rolecmp search \"supply chain\"
  rolecmp graph --format dot | dot -Tsvg > reporting.svg")]
pub struct Cli {
    /// When to colour titles, headings and role names in tables.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// Width of tables in columns, at least 20 (default: COLUMNS, else the terminal's, else 100).
    #[arg(long, value_name = "N", global = true, value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
    /// CSV: write cells exactly as they are, for data pipelines. By default a cell starting
    /// with = + - or @ gets a ' in front, so that spreadsheets do not run it as a formula.
    #[arg(long, global = true)]
    pub raw_csv: bool,
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub data: DataArgs,
}

/// Where role data comes from, lowest precedence first: the built-in knowledge base, the
/// user folder (`$XDG_DATA_HOME/rolecmp`), `ROLECMP_DATA`, then `--data`.
#[derive(Debug, Args)]
pub struct DataArgs {
    /// Load role files from this file or folder over the others (repeatable; later wins).
    #[arg(long = "data", value_name = "PATH", global = true)]
    pub paths: Vec<PathBuf>,
    /// Do not load the built-in knowledge base: only the user's data.
    #[arg(long, global = true)]
    pub no_builtin: bool,
}

/// When to use colour.
// These doc comments are `--help` text, where backticks would show.
#[allow(clippy::doc_markdown)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it.
    #[default]
    Auto,
    /// Colour even in pipes and files.
    Always,
    /// Never colour.
    Never,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Output {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table, global = true)]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List roles, industries, responsibility areas or sources.
    #[command(after_help = "Examples:
  rolecmp list
  rolecmp list industries
  rolecmp list sources --format json")]
    List {
        /// What to list.
        #[arg(value_enum, default_value_t = ListKind::Roles)]
        kind: ListKind,
        #[command(flatten)]
        output: Output,
    },
    /// Show one role's profile, or parts of it.
    #[command(after_help = "Examples:
  rolecmp show cto
  rolecmp show cio --industry healthcare
  rolecmp show \"Chief Information Officer\" --section reporting,disputes")]
    Show {
        /// The role: id, title or alias, in any case (cto, CIO, \"Chief Information Officer\").
        role: String,
        #[command(flatten)]
        filter: Filter,
        #[command(flatten)]
        output: Output,
    },
    /// Compare two or more roles side by side.
    #[command(after_help = "Examples:
  rolecmp compare cto cio
  rolecmp compare cto cio --section reporting
  rolecmp compare cto cio --industry manufacturing --format markdown")]
    Compare {
        /// The roles to compare: ids, titles or aliases.
        #[arg(num_args = 2.., required = true)]
        roles: Vec<String>,
        #[command(flatten)]
        filter: Filter,
        #[command(flatten)]
        output: Output,
    },
    /// Check data files and report every problem with its file, line and column.
    #[command(
        after_help = "Exits 0 when the files are valid and 1 when problems were found.

Examples:
  rolecmp validate
  rolecmp validate company/sources.yaml company/roles/ciso.yaml
  rolecmp validate company/ --format json"
    )]
    Validate {
        /// Files or folders to check over the built-in knowledge base (default: everything
        /// that would be loaded).
        paths: Vec<PathBuf>,
        #[command(flatten)]
        output: Output,
    },
    /// Print the JSON Schema of a data file, for editor completion and CI.
    #[command(after_help = "Examples:
  rolecmp schema > role.schema.json
  rolecmp schema sources > sources.schema.json")]
    Schema {
        /// Which file the schema is for.
        #[arg(value_enum, default_value_t = FileKind::Role)]
        kind: FileKind,
    },
    /// Write a commented template role file to start from (never overwrites).
    #[command(after_help = "Examples:
  rolecmp init ciso
  rolecmp init vp-engineering --dir company/roles")]
    Init {
        /// Id of the new role; also its file name (lower-case letters, digits, dashes).
        id: String,
        /// Folder to write the file in.
        #[arg(long, default_value = ".")]
        dir: PathBuf,
    },
    /// Find every fact that mentions a text (case-insensitive), grouped by role.
    #[command(after_help = "Examples:
  rolecmp search \"supply chain\"
  rolecmp search security --format json")]
    Search {
        /// The text to look for.
        text: String,
        #[command(flatten)]
        output: Output,
    },
    /// Draw the reporting lines between roles, with every variant the sources name.
    #[command(
        after_help = "Solid lines are the usual or often-named lines; dashed lines, those only some
firms have. Each line cites its sources.

Examples:
  rolecmp graph
  rolecmp graph cio --format dot | dot -Tsvg > cio.svg
  rolecmp graph cto cio --format csv"
    )]
    Graph {
        /// Roles whose lines to draw, to and from them (default: every role).
        roles: Vec<String>,
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = GraphFormat::Mermaid)]
        format: GraphFormat,
    },
    /// Print a shell completion script (role ids and industries included).
    #[command(after_help = "Examples:
  source <(rolecmp completions bash)
  rolecmp completions zsh > ~/.zfunc/_rolecmp
  rolecmp completions fish > ~/.config/fish/completions/rolecmp.fish")]
    Completions {
        /// The shell to write the script for.
        shell: Shell,
    },
    /// Print a man page (roff): rolecmp's own, or a command's.
    #[command(after_help = "Examples:
  rolecmp man | man -l -
  rolecmp man compare > ~/.local/share/man/man1/rolecmp-compare.1")]
    Man {
        /// The command whose page to print (rolecmp-COMMAND(1)).
        #[arg(value_parser = COMMANDS)]
        command: Option<String>,
    },
}

/// Narrowing a profile or comparison.
#[derive(Debug, Args)]
pub struct Filter {
    /// Only this industry's examples (id, label or prefix: healthcare, e-commerce, financial).
    #[arg(long, short = 'i')]
    pub industry: Option<String>,
    /// Only these sections (comma-separated or repeated).
    #[arg(long, short = 's', value_enum, value_delimiter = ',')]
    pub section: Vec<Section>,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn man_pages_are_offered_for_every_command() {
        let mut defined: Vec<String> = super::Cli::command()
            .get_subcommands()
            .map(|c| c.get_name().to_owned())
            .filter(|n| n != "help")
            .collect();
        let mut offered: Vec<String> = super::COMMANDS.iter().map(|c| (*c).to_owned()).collect();
        defined.sort();
        offered.sort();
        assert_eq!(offered, defined, "update COMMANDS when a command is added");
    }
}
