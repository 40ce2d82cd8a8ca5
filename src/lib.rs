//! rolecmp: a cited knowledge base of technology-leadership roles, and the queries and
//! renderers behind the `rolecmp` command.
//!
//! Data flows one way: files → [`kb`] (typed, checked [`model`]) → [`query`] (a [`report`])
//! → [`render`] → output.

pub mod cli;
pub mod generate;
pub mod kb;
pub mod model;
pub mod pager;
pub mod query;
pub mod render;
pub mod report;
pub mod sanitize;

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::mem::ManuallyDrop;

use anyhow::Result;

use cli::{Cli, ColorChoice, Command, Filter, SearchFilter};
use kb::KnowledgeBase;
use render::Layout;

/// Exit codes, as documented in docs/threat-model.md.
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

/// A wrong command line found after parsing (exit 2), such as an unusable id.
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&sanitize::terminal_safe(&self.0))
    }
}

impl std::error::Error for UsageError {}

/// `validate` found problems: they are the command's output, this only sets the exit code.
#[derive(Debug)]
pub struct ProblemsFound(pub usize);

impl std::fmt::Display for ProblemsFound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "validation failed with {} problem{}",
            self.0,
            if self.0 == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for ProblemsFound {}

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

/// Output is collected up to this size before it is written: one `write` for nearly any
/// answer (stdout alone would write every line), bounded memory for a huge one.
const OUTPUT_BUFFER: usize = 256 * 1024;

/// Runs one command for the user at a terminal: to stdout, through a pager when stdout is a
/// terminal the output is taller than. Output is rendered in full first, so a command that
/// fails after writing (`validate` with problems) is paged too, and its error follows.
/// A hint (what to run to see more) follows the output on stderr, and only when stderr is a
/// terminal: a person reads it there, and no file or pipe ever gets it. Output that fits the
/// screen with no room left for the hint is printed without it.
pub fn run_to_stdout(cli: Cli) -> Result<()> {
    let hints = std::io::stderr().is_terminal();
    let Some(pager) = pager::chosen(cli.no_pager) else {
        let mut out = std::io::BufWriter::with_capacity(OUTPUT_BUFFER, std::io::stdout().lock());
        let ran = run(cli, &mut out);
        // What was written before an error comes out before the error is printed.
        let flushed = out.flush();
        let hint = ran?;
        flushed?;
        if hints {
            write_hint(hint.as_deref());
        }
        return Ok(());
    };
    let mut output = Vec::new();
    let ran = run(cli, &mut output);
    let hint = match &ran {
        Ok(Some(hint)) if hints => Some(hint.clone()),
        _ => None,
    };
    let shown = pager::show(&output, hint.as_deref(), &pager);
    ran?;
    if shown? {
        write_hint(hint.as_deref());
    }
    Ok(())
}

/// Writes a hint to stderr, dimmed where colour is on; nothing can be done if that fails.
fn write_hint(hint: Option<&str>) {
    if let Some(hint) = hint {
        let mut err = anstream::stderr();
        let dim = anstyle::Style::new().dimmed();
        let _ = writeln!(err, "{dim}{}{dim:#}", sanitize::terminal_safe(hint));
    }
}

/// Runs one command, writing its output to `out`; returns what to suggest to a person at a
/// terminal, if anything. Meant to run once per process: the knowledge base it loads is left
/// for the process exit to free.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<Option<String>> {
    let layout = Layout {
        width: table_width(cli.width),
        color: use_color(cli.color),
        raw_csv: cli.raw_csv,
        heading_level: 1,
        evidence: false,
    };
    let mut hint = None;
    let sources = kb::files::Sources::standard(!cli.data.no_builtin, cli.data.paths);
    // One command per process: freeing the knowledge base string by string just before the
    // process ends is wasted work (8 % of the instructions of `list`), so it is never freed.
    let knowledge = || KnowledgeBase::layered(&sources).map(ManuallyDrop::new);
    match cli.command {
        Command::List { kind, output } => {
            let kb = knowledge()?;
            render::render(
                &query::list::list(&kb, kind),
                output.format,
                layout.with(&output),
                out,
            )?;
        }
        Command::Show {
            role,
            filter,
            origin,
            evidence,
            output,
        } => {
            let kb = knowledge()?;
            let profile = profile(&kb, &role, &filter, origin)?;
            let layout = layout.with(&output).with_evidence(evidence);
            hint = render::render(&profile, output.format, layout, out)?;
        }
        Command::Compare {
            roles,
            labels,
            differences_only,
            filter,
            evidence,
            output,
        } => {
            // Before anything is loaded: thousands of roles must cost nothing to refuse.
            at_most_compared(roles.len())?;
            let kb = knowledge()?;
            let comparison = compare(&kb, &roles, &filter)?
                .labelled(&labels)
                .map_err(|error| UsageError(error.to_string()))?
                .differences_only(differences_only);
            let layout = layout.with(&output).with_evidence(evidence);
            hint = render::render(&comparison, output.format, layout, out)?;
        }
        Command::Matrix { roles, all, output } => {
            let kb = knowledge()?;
            let matrix = matrix(&kb, &roles, all)?;
            hint = render::render(&matrix, output.format, layout.with(&output), out)?;
        }
        Command::Search {
            words,
            roles,
            filter,
            output,
        } => {
            searched_sections(&filter)?;
            let kb = knowledge()?;
            let results = search(&kb, &words.join(" "), &roles, &filter)?;
            hint = render::render(&results, output.format, layout.with(&output), out)?;
        }
        Command::Graph { roles, format } => {
            let kb = knowledge()?;
            let roles = roles_to_draw(&kb, &roles)?;
            let graph = query::graph::graph(&kb, &roles);
            render::render_graph(&graph, format, layout, out)?;
        }
        Command::Validate { paths, output } => {
            let validation = query::validate::validate(&sources, paths);
            render::render(&validation, output.format, layout.with(&output), out)?;
            out.flush()?;
            if !validation.is_clean() {
                return Err(ProblemsFound(validation.problems.len()).into());
            }
        }
        Command::Schema { kind } => {
            // Back to the I/O error serde_json wraps, so a closed pipe is seen as one.
            serde_json::to_writer_pretty(&mut *out, &kb::schema::schema(kind))
                .map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        Command::Init { id, dir, from } => query::init::init(
            || KnowledgeBase::layered(&sources),
            &id,
            &dir,
            from.as_deref(),
            out,
        )?,
        Command::Completions { shell } => {
            let kb = knowledge()?;
            out.write_all(&generate::completions(&kb, shell))?;
        }
        Command::Man { command } => generate::man(command.as_deref(), out)?,
    }
    out.flush()?;
    Ok(hint)
}

/// `compare` with its names looked up.
fn compare(
    kb: &KnowledgeBase,
    names: &[String],
    filter: &Filter,
) -> Result<query::compare::Comparison> {
    let roles = named_roles(kb, names)?;
    let industry = industry(kb, filter)?;
    Ok(query::compare::compare(
        kb,
        &roles,
        industry,
        &filter.section,
        filter.full,
    ))
}

/// `matrix`: the roles named, or every role the sources name in some area (`--all`: every
/// role).
fn matrix(kb: &KnowledgeBase, names: &[String], all: bool) -> Result<query::matrix::Matrix> {
    let named = named_roles(kb, names)?;
    if !named.is_empty() {
        return Ok(query::matrix::matrix(kb, &named));
    }
    let everyone: Vec<&model::Role> = kb.roles.iter().collect();
    let matrix = query::matrix::matrix(kb, &everyone);
    Ok(if all {
        matrix
    } else {
        matrix.without_silent_roles()
    })
}

/// `compare` takes a few roles: more side by side does not read, and every extra role adds a
/// column to every row.
fn at_most_compared(count: usize) -> Result<()> {
    if count > query::compare::MAX_ROLES {
        return Err(UsageError(format!(
            "compare takes at most {} roles, not {count}: more side by side does not read (list, search and graph take any number)",
            query::compare::MAX_ROLES,
        ))
        .into());
    }
    Ok(())
}

/// Writes what clap answered instead of running a command (`--help`, `--version`), coloured
/// as clap would colour it. Unlike clap's own printing, a failed write is an error.
pub fn write_clap_answer(answer: &clap::Error, out: &mut dyn Write) -> Result<()> {
    let text = answer.render();
    if use_color(ColorChoice::Auto) {
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
    let plain = <Cli as clap::CommandFactory>::command()
        .styles(clap::builder::Styles::plain())
        .try_get_matches_from(std::env::args_os())
        .err()
        .map_or_else(
            || usage.render().to_string(),
            |error| error.render().ansi().to_string(),
        );
    let _ = write!(std::io::stderr(), "{}", sanitize::terminal_safe(&plain));
}

/// `show` with its role, industry and layer looked up.
fn profile(
    kb: &KnowledgeBase,
    name: &str,
    filter: &Filter,
    origin: Option<query::origin::Origin>,
) -> Result<query::show::Profile> {
    let role = kb.role(name)?;
    let industry = industry(kb, filter)?;
    let layer = origin.map(|origin| query::show::Layer {
        origin,
        shipped: kb.shipped_version(role),
    });
    Ok(query::show::show(
        kb,
        role,
        industry,
        &filter.section,
        filter.full,
        layer,
    ))
}

/// `search --industry` narrows the industry examples: with sections that leave them out it
/// could only find nothing, and is refused naming what would work.
fn searched_sections(filter: &SearchFilter) -> Result<()> {
    if filter.industry.is_some()
        && !filter.section.is_empty()
        && !filter.section.contains(&query::Section::Industries)
    {
        return Err(UsageError(
            "--industry narrows the industry examples, which --section leaves out: add industries to --section, or drop one of the two".to_owned(),
        )
        .into());
    }
    Ok(())
}

/// `search` with its filters looked up: role and industry names resolve as everywhere else.
fn search(
    kb: &KnowledgeBase,
    text: &str,
    roles: &[String],
    filter: &SearchFilter,
) -> Result<query::search::SearchResults> {
    let named = named_roles(kb, roles)?;
    // A `builtin:` view is no role of the layered knowledge base: search a copy that has it.
    let views: Vec<model::Role> = named
        .iter()
        .filter(|role| role.id.starts_with(kb::BUILTIN_PREFIX))
        .map(|role| (*role).clone())
        .collect();
    let scoped;
    let kb = if views.is_empty() {
        kb
    } else {
        scoped = KnowledgeBase {
            roles: kb.roles.iter().cloned().chain(views).collect(),
            ..kb.clone()
        };
        &scoped
    };
    let industry = filter
        .industry
        .as_deref()
        .map(|name| kb.industry(name))
        .transpose()?;
    let filters = query::search::Filters {
        roles: named.iter().map(|role| role.id.as_str()).collect(),
        sections: filter.section.clone(),
        industry: industry.map(|term| term.id.as_str()),
    };
    Ok(query::search::search(kb, text, &filters)?)
}

/// The roles named on the command line, each looked up by name and each once: two names
/// for one role would compare it with itself.
fn named_roles<'a>(kb: &'a KnowledgeBase, names: &[String]) -> Result<Vec<&'a model::Role>> {
    let found = kb.roles_named(names)?;
    let mut first_named: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (index, role) in found.iter().enumerate() {
        if let Some(&first) = first_named.get(role.id.as_str()) {
            let hint = if role.id.starts_with(kb::BUILTIN_PREFIX) {
                String::new()
            } else {
                format!(
                    " (to set a role beside its built-in version: {} builtin:{})",
                    role.id, role.id
                )
            };
            return Err(UsageError(format!(
                "'{}' and '{}' both name the role '{}': name each role once{hint}",
                names[first], names[index], role.id
            ))
            .into());
        }
        first_named.insert(&role.id, index);
    }
    Ok(found)
}

/// The roles named on the command line, in any number: for a graph, naming a role twice
/// draws it once.
fn roles_to_draw<'a>(kb: &'a KnowledgeBase, names: &[String]) -> Result<Vec<&'a model::Role>> {
    Ok(kb.roles_named(names)?)
}

fn industry<'a>(kb: &'a KnowledgeBase, filter: &Filter) -> Result<Option<&'a model::Term>> {
    Ok(filter
        .industry
        .as_deref()
        .map(|name| kb.industry(name))
        .transpose()?)
}

/// The message printed after `error: `: the error with its context chain and, for a name
/// that finds several roles (CDO), the command to run for each, the user's own command line
/// (`args`, the program name first) with the name replaced by each role's id.
pub fn error_message(error: &anyhow::Error, args: &[String]) -> String {
    let mut message = format!("{error:#}");
    let Some(unknown) = error.downcast_ref::<kb::UnknownName>() else {
        return message;
    };
    let commands: Vec<(String, String)> = unknown
        .ambiguous
        .iter()
        .filter_map(|candidate| {
            let id = match unknown.given.get(..kb::BUILTIN_PREFIX.len()) {
                Some(prefix) if prefix.eq_ignore_ascii_case(kb::BUILTIN_PREFIX) => {
                    format!("{}{}", kb::BUILTIN_PREFIX, candidate.id)
                }
                _ => candidate.id.clone(),
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

/// The exit code for an error: usage errors (unknown names) are 2, everything else 1.
pub fn exit_code(error: &anyhow::Error) -> u8 {
    if error.downcast_ref::<kb::UnknownName>().is_some()
        || error.downcast_ref::<UsageError>().is_some()
    {
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
