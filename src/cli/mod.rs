//! The command line: every command, flag and value set, with its help text. All of clap is
//! here: each value set is a `ValueEnum` whose parser gives the domain value it stands for
//! (`cli::Format` → `render::Format`), so no clap type reaches the rest of rolecmp.

use std::borrow::Cow;
use std::io::Write;
use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

use crate::error::Error;
use crate::kb::schema;
use crate::query::{list, origin};
use crate::{model, render, sanitize};

pub mod generate;
mod values;

use values::{ColorChoice, FileKind, Format, GraphFormat, ListKind, Origin, Section, domain};

/// Compare technology-leadership roles (CTO, CIO, ...) from a cited knowledge base.
#[derive(Debug, Parser)]
#[command(name = "rolecmp", version, about, long_about = None, help_expected = true)]
#[command(after_help = "Examples:
  rolecmp compare cto cio
  rolecmp show cio --industry healthcare
  rolecmp compare cto cio --format markdown --heading-level 2 >> docs/roles.md
  rolecmp search \"supply chain\"
  rolecmp graph --format dot | dot -Tsvg > reporting.svg")]
pub struct Cli {
    /// When to colour titles, headings and role names in tables.
    #[arg(long, value_parser = domain::<ColorChoice, render::Color>(), default_value = "auto", global = true)]
    pub color: render::Color,
    /// Width of tables in columns, at least 20 (default: COLUMNS, else the terminal's, else 100).
    #[arg(long, value_name = "N", global = true, value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
    // `--help` text, where backticks would show.
    #[allow(clippy::doc_markdown)]
    /// Never page output. Otherwise output taller than a terminal goes through $ROLECMP_PAGER,
    /// else $PAGER, else less -FRX; an empty ROLECMP_PAGER (or PAGER) turns paging off too.
    #[arg(long, global = true)]
    pub no_pager: bool,
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

/// How a command that renders a report writes it: the format, and the level of a Markdown
/// title.
#[derive(Debug, Args)]
pub struct Output {
    /// Output format.
    #[arg(long, short = 'f', value_parser = domain::<Format, render::Format>(), default_value = "table", global = true)]
    pub format: render::Format,
    /// Markdown: the level of the title's heading, sections one level below; 2 puts a page
    /// under a document's own title (`##`), so that it can be appended to it. Default: 1, or
    /// 2 when the output is appended to a file that already holds text (`>> roles.md`).
    #[arg(long, value_name = "N", global = true, value_parser = clap::value_parser!(u8).range(1..=5))]
    pub heading_level: Option<u8>,
}

impl Output {
    /// `layout` with these options: a page appended to a document goes under its title,
    /// since a second `#` title is a second document title (pandoc makes it a paragraph).
    pub fn layout(&self, layout: render::Layout) -> render::Layout {
        let level = self.heading_level.unwrap_or_else(|| {
            if self.format == render::Format::Markdown && render::stdout_continues_a_file() {
                2
            } else {
                1
            }
        });
        layout.with_heading_level(level)
    }
}

/// The commands, declared in the order `rolecmp man` offers their pages; `display_order`
/// keeps the order `--help` and the man page have listed them in.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List roles, industries, responsibility areas, sources, glossary terms or the
    /// occupation codes of every role.
    #[command(after_help = "Examples:
  rolecmp list
  rolecmp list industries
  rolecmp list sources --format json
  rolecmp list codes --format csv > crosswalk.csv")]
    #[command(display_order = 0)]
    List {
        /// What to list.
        #[arg(value_parser = domain::<ListKind, list::ListKind>(), default_value = "roles")]
        kind: list::ListKind,
        #[command(flatten)]
        output: Output,
    },
    /// Show one role: at a glance by default, --full for every fact, or parts of it.
    #[command(after_help = "Examples:
  rolecmp show cto
  rolecmp show cio --full
  rolecmp show cio --industry healthcare
  rolecmp show cio --section reporting --evidence
  rolecmp show \"Chief Information Officer\" --section reporting,disputes
  rolecmp show cio --origin company --data company/
  rolecmp show builtin:cio --data company/")]
    #[command(display_order = 1)]
    Show {
        /// The role: id, title or alias, in any case (cto, CIO, "Chief Information Officer");
        /// builtin:ID for the role as shipped, whatever is layered over it.
        role: String,
        #[command(flatten)]
        filter: Filter,
        /// Only the facts of one layer: those the built-in role does not have (company) or
        /// does have too (builtin).
        #[arg(long, value_parser = domain::<Origin, origin::Origin>())]
        origin: Option<origin::Origin>,
        /// Print each fact with its evidence: the words of its sources it rests on, quoted
        /// (JSON and YAML always carry them).
        #[arg(long)]
        evidence: bool,
        #[command(flatten)]
        output: Output,
    },
    /// Compare two or more roles side by side: one screen by default, --full for every fact.
    #[command(
        after_help = "Without --section or --full: a headline per dimension, the responsibility
matrix and one line per disagreement, every line cited; --industry adds that industry's
examples. A role against its built-in version (cio builtin:cio) is a gap analysis: its columns
are \"Company CIO\" and \"Reference CIO\", and the reference's disagreements wait for
--section disputes.

Examples:
  rolecmp compare cto cio
  rolecmp compare cto cio --full
  rolecmp compare cto cio --section reporting
  rolecmp compare cto cio --section disputes --evidence
  rolecmp compare cto cio --industry manufacturing --format markdown
  rolecmp compare cio builtin:cio --data company/ --differences-only
  rolecmp compare cio builtin:cio --data company/ --label \"Acme CIO\" --format markdown"
    )]
    #[command(display_order = 2)]
    Compare {
        /// The roles to compare: ids, titles or aliases, each role once; builtin:ID for a role
        /// as shipped (a company charter against the reference: cio builtin:cio).
        #[arg(num_args = 2.., required = true)]
        roles: Vec<String>,
        /// What to call a role's column, in the order of the roles (repeatable): "Acme CIO".
        /// By default a role's short name; against its built-in version, "Company CIO" and
        /// "Reference CIO".
        #[arg(long = "label", value_name = "TEXT")]
        labels: Vec<String>,
        /// Only the rows, matrix areas and disagreements where the roles differ: what a
        /// charter changes against the reference.
        #[arg(long, visible_alias = "changes-only")]
        differences_only: bool,
        #[command(flatten)]
        filter: Filter,
        /// Print each fact with its evidence: the words of its sources it rests on, quoted
        /// (JSON and YAML always carry them).
        #[arg(long)]
        evidence: bool,
        #[command(flatten)]
        output: Output,
    },
    /// Show how the sources involve each role in each responsibility area.
    #[command(
        after_help = "Each cell is a property of its role, the same in any matrix, and lists every claim
with its sources: responsible, often responsible, partly responsible, in some firms (or an
industry example), shared with a role (a source says they overlap there), works with a role,
or not named (the sources are silent, which is not to say the role has no part).

Examples:
  rolecmp matrix
  rolecmp matrix --all
  rolecmp matrix cto cio ciso
  rolecmp matrix --format csv > responsibilities.csv"
    )]
    #[command(display_order = 3)]
    Matrix {
        /// Roles to show as columns: ids, titles or aliases (default: every role the sources
        /// name in at least one area).
        roles: Vec<String>,
        /// Every role as a column, those the sources name in no area too.
        #[arg(long, conflicts_with = "roles")]
        all: bool,
        #[command(flatten)]
        output: Output,
    },
    /// Find the facts that answer a question or hold every word of a query, best first.
    #[command(
        after_help = "Type a question as you would ask it, quoted or not. Words such as
\"who\" and \"does\" are left out; a role's name selects its facts (and those
naming it); question words point at what answers them: boss → reporting
lines, skills → background, one person → the posts combined. Words match
whole words in any case and form (record, records; privacy, private);
abbreviations find what they stand for and back (`rolecmp list glossary`);
an area's or section's name finds its facts. \"Quoted words\" must come in
sequence, taken literally: quote them inside the query, as in
'\"supply chain\" risks'.

Each fact says how it matched: by the words, through a synonym, or only
through its topic or section; those come last, under a heading that says so.
With --industry, only that industry's examples are searched.

Examples:
  rolecmp search who does the CIO report to
  rolecmp search skills --role cio
  rolecmp search can one person be both CTO and CIO
  rolecmp search IoT
  rolecmp search privacy --section responsibilities,disputes
  rolecmp search data --industry healthcare --format json"
    )]
    #[command(display_order = 7)]
    Search {
        /// The words to look for, quoted or not; a phrase in quote marks must come in
        /// sequence.
        #[arg(required = true, num_args = 1.., value_name = "WORDS")]
        words: Vec<String>,
        /// Only these roles (ids, titles or aliases; comma-separated or repeated).
        #[arg(long = "role", short = 'r', value_name = "ROLE", value_delimiter = ',')]
        roles: Vec<String>,
        #[command(flatten)]
        filter: SearchFilter,
        #[command(flatten)]
        output: Output,
    },
    /// Draw the reporting lines between roles, with every variant the sources name.
    #[command(
        after_help = "Solid lines are the usual or often-named lines; dashed lines, those only some
firms have. Each line cites its sources.

Examples:
  rolecmp graph
  rolecmp graph cto cio --format markdown >> docs/roles.md
  rolecmp graph cio --format dot | dot -Tsvg > cio.svg
  rolecmp graph cto cio --format csv"
    )]
    #[command(display_order = 8)]
    Graph {
        /// Roles whose lines to draw, to and from them (default: every role); builtin:ID for a
        /// role as shipped.
        roles: Vec<String>,
        /// Output format.
        #[arg(long, short = 'f', value_parser = domain::<GraphFormat, render::GraphFormat>(), default_value = "mermaid")]
        format: render::GraphFormat,
    },
    /// Check data files and report every problem with its file, line and column.
    #[command(
        after_help = "Exits 0 when the files are valid and 1 when problems were found.

Examples:
  rolecmp validate
  rolecmp validate company/sources.yaml company/roles/cpo.yaml
  rolecmp validate company/ --format json"
    )]
    #[command(display_order = 4)]
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
    #[command(display_order = 5)]
    Schema {
        /// Which file the schema is for.
        #[arg(value_parser = domain::<FileKind, schema::FileKind>(), default_value = "role")]
        kind: schema::FileKind,
    },
    /// Write a role file to start from, a template or a copy of a role (never overwrites).
    #[command(
        after_help = "Also writes a sources.yaml with one source to cite when the folder has none.
A file whose id is already a role replaces that role; add `extends: builtin` to the file to
change only some of its fields instead.

Examples:
  rolecmp init cpo --dir company/
  rolecmp init cio --from cio --dir company/
  rolecmp init vp-engineering --dir company/roles"
    )]
    #[command(display_order = 6)]
    Init {
        /// Id of the new role; also its file name (lower-case letters, digits, dashes).
        id: String,
        /// Folder to write the file in; created when missing.
        #[arg(long, default_value = ".")]
        dir: PathBuf,
        /// Start from a copy of this role (id, title or alias; builtin:ID for the role as
        /// shipped), every fact keeping its citations.
        #[arg(long, value_name = "ROLE")]
        from: Option<String>,
    },
    /// Print a shell completion script (role ids and industries included).
    #[command(after_help = "Examples:
  source <(rolecmp completions bash)
  rolecmp completions zsh > ~/.zfunc/_rolecmp
  rolecmp completions fish > ~/.config/fish/completions/rolecmp.fish")]
    #[command(display_order = 9)]
    Completions {
        /// The shell to write the script for.
        shell: Shell,
    },
    /// Print a man page (roff): rolecmp's own, or a command's.
    #[command(after_help = "Examples:
  rolecmp man | man -l -
  rolecmp man compare > ~/.local/share/man/man1/rolecmp-compare.1")]
    #[command(display_order = 10)]
    Man {
        /// The command whose page to print (rolecmp-COMMAND(1)).
        // Its possible values, the commands, are added by `command()`.
        command: Option<String>,
    },
}

/// Narrowing a search. Search shows every fact it finds, so it has no `--full`.
#[derive(Debug, Args)]
pub struct SearchFilter {
    /// Only this industry's examples (id, label or prefix: healthcare, e-commerce, financial).
    #[arg(long, short = 'i')]
    pub industry: Option<String>,
    /// Only these sections (comma-separated or repeated).
    #[arg(long, short = 's', value_parser = SearchedSection, value_delimiter = ',')]
    pub section: Vec<model::Section>,
}

/// A section `search` can be narrowed to: one that holds facts. The matrix and the sources
/// are derived from facts or cited by them, and are refused with the list of the others.
#[derive(Debug, Clone, Copy)]
struct SearchedSection;

impl TypedValueParser for SearchedSection {
    type Value = model::Section;

    fn parse_ref(
        &self,
        command: &clap::Command,
        _: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<model::Section, clap::Error> {
        let given = value.to_string_lossy();
        let searched: Vec<model::Section> = crate::query::search::searched_sections().collect();
        if let Some(section) = searched
            .iter()
            .find(|s| s.id().eq_ignore_ascii_case(&given))
        {
            return Ok(*section);
        }
        let names: Vec<&str> = searched.iter().map(|section| section.id()).collect();
        let why = if model::Section::ALL
            .iter()
            .any(|s| s.id().eq_ignore_ascii_case(&given))
        {
            "search finds no facts in section"
        } else {
            "unknown section"
        };
        let message = format!(
            "{why} '{}' for '--section': sections with facts: {}\n",
            crate::sanitize::terminal_safe(&given),
            names.join(", ")
        );
        Err(clap::Error::raw(clap::error::ErrorKind::InvalidValue, message).with_cmd(command))
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            crate::query::search::searched_sections()
                .filter_map(|section| Section::from(section).to_possible_value()),
        ))
    }
}

/// Narrowing a profile or comparison.
#[derive(Debug, Args)]
pub struct Filter {
    /// Only this industry's examples (id, label or prefix: healthcare, e-commerce, financial).
    #[arg(long, short = 'i')]
    pub industry: Option<String>,
    /// Only these sections, every fact of each (comma-separated or repeated).
    #[arg(long, short = 's', value_parser = domain::<Section, model::Section>(), value_delimiter = ',')]
    pub section: Vec<model::Section>,
    /// Every fact of every section, instead of the one-screen view.
    #[arg(long, conflicts_with = "section")]
    pub full: bool,
}

/// The command line as rolecmp parses it: `Cli`, with the commands as the possible values
/// of `man`, taken from the commands themselves.
pub fn command() -> clap::Command {
    let cli = Cli::command();
    let commands: Vec<String> = cli
        .get_subcommands()
        .map(|command| command.get_name().to_owned())
        .collect();
    cli.mut_subcommand("man", |man| {
        man.mut_arg("command", |arg| {
            arg.value_parser(PossibleValuesParser::new(commands))
        })
    })
}

/// Parses the command line of this process.
pub fn parse() -> Result<Cli, clap::Error> {
    let matches = command().try_get_matches()?;
    Cli::from_arg_matches(&matches).map_err(|error| error.format(&mut command()))
}

/// Writes what clap answered instead of running a command (`--help`, `--version`), coloured
/// as clap would colour it. Unlike clap's own printing, a failed write is an error.
pub fn write_clap_answer(answer: &clap::Error, out: &mut dyn Write) -> Result<(), Error> {
    let text = answer.render();
    if render::color_on(render::Color::Auto) {
        write!(out, "{}", text.ansi())?;
    } else {
        write!(out, "{text}")?;
    }
    out.flush()?;
    Ok(())
}

/// Prints a usage error as clap would, unless an argument holds control characters
/// (`rolecmp list $'\e]0;title\a'`, which clap would echo raw to a terminal): then without
/// styles, through the sanitiser every other message goes through.
pub fn print_usage_error(usage: &clap::Error) {
    let unsafe_argument = std::env::args_os().any(|arg| {
        matches!(
            sanitize::terminal_safe(&arg.to_string_lossy()),
            Cow::Owned(_)
        )
    });
    if !unsafe_argument {
        let _ = usage.print();
        return;
    }
    // Rendered again without styles, so that every escape left in it is the argument's.
    let plain = command()
        .styles(clap::builder::Styles::plain())
        .try_get_matches_from(std::env::args_os())
        .err()
        .map_or_else(
            || usage.render().to_string(),
            |error| error.render().ansi().to_string(),
        );
    let _ = write!(std::io::stderr(), "{}", sanitize::terminal_safe(&plain));
}

#[cfg(test)]
mod tests {
    #[test]
    fn man_pages_are_offered_for_every_command() {
        let cli = super::command();
        let defined: Vec<&str> = cli.get_subcommands().map(clap::Command::get_name).collect();
        let man = cli.find_subcommand("man").expect("a man command");
        let offered: Vec<String> = man
            .get_arguments()
            .find(|arg| arg.get_id() == "command")
            .expect("a command argument")
            .get_possible_values()
            .iter()
            .map(|value| value.get_name().to_owned())
            .collect();
        assert_eq!(offered, defined);
    }
}
