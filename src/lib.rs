//! rolecmp: a cited knowledge base of technology-leadership roles, and the queries and
//! renderers behind the `rolecmp` command.
//!
//! Data flows one way: files → [`kb`] (typed, checked [`model`]) → [`query`] (a [`report`])
//! → [`render`] → output.

pub mod cli;
pub mod error;
pub mod generate;
pub mod kb;
pub mod model;
pub mod pager;
pub mod query;
pub mod render;
pub mod report;
pub mod sanitize;

use std::borrow::Cow;
use std::io::{IsTerminal, Write};

use cli::{Cli, ColorChoice, Command, Filter};
use error::Error;
use kb::KnowledgeBase;
use render::Layout;

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

/// Output is collected up to this size before it is written: one `write` for nearly any
/// answer (stdout alone would write every line), bounded memory for a huge one.
const OUTPUT_BUFFER: usize = 256 * 1024;

/// Runs one command for the user at a terminal: to stdout, through a pager when stdout is a
/// terminal the output is taller than. Output is rendered in full first, so a command that
/// fails after writing (`validate` with problems) is paged too, and its error follows.
/// A hint (what to run to see more) follows the output on stderr, and only when stderr is a
/// terminal: a person reads it there, and no file or pipe ever gets it. Output that fits the
/// screen with no room left for the hint is printed without it.
///
/// The knowledge base the command loads is left in `knowledge`: the caller decides when it is
/// freed (`main` never frees it).
pub fn run_to_stdout(cli: Cli, knowledge: &mut Option<KnowledgeBase>) -> Result<(), Error> {
    let hints = std::io::stderr().is_terminal();
    let Some(pager) = pager::chosen(cli.no_pager) else {
        let mut out = std::io::BufWriter::with_capacity(OUTPUT_BUFFER, std::io::stdout().lock());
        let ran = run(cli, &mut out, knowledge);
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
    let ran = run(cli, &mut output, knowledge);
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
/// terminal, if anything. The knowledge base it loads, if any, is left in `knowledge`.
pub fn run(
    cli: Cli,
    out: &mut dyn Write,
    knowledge: &mut Option<KnowledgeBase>,
) -> Result<Option<String>, Error> {
    let layout = Layout {
        width: table_width(cli.width),
        color: use_color(cli.color),
        raw_csv: cli.raw_csv,
        heading_level: 1,
        evidence: false,
    };
    let mut hint = None;
    let sources = kb::files::Sources::standard(!cli.data.no_builtin, cli.data.paths);
    match cli.command {
        Command::List { kind, output } => {
            let kb = load(knowledge, &sources)?;
            render::render(
                &query::list::list(kb, kind),
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
            let kb = load(knowledge, &sources)?;
            let profile = profile(kb, &role, &filter, origin)?;
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
            let kb = load(knowledge, &sources)?;
            let comparison = compare(kb, &roles, &filter)?
                .labelled(&labels)
                .map_err(|error| Error::Usage(error.to_string()))?
                .differences_only(differences_only);
            let layout = layout.with(&output).with_evidence(evidence);
            hint = render::render(&comparison, output.format, layout, out)?;
        }
        Command::Matrix { roles, all, output } => {
            let kb = load(knowledge, &sources)?;
            let matrix = matrix(kb, &roles, all)?;
            hint = render::render(&matrix, output.format, layout.with(&output), out)?;
        }
        Command::Search {
            text,
            roles,
            filter,
            output,
        } => {
            let kb = load(knowledge, &sources)?;
            let results = search(kb, &text, &roles, &filter)?;
            hint = render::render(&results, output.format, layout.with(&output), out)?;
        }
        Command::Graph { roles, format } => {
            let kb = load(knowledge, &sources)?;
            let roles = roles_to_draw(kb, &roles)?;
            let graph = query::graph::graph(kb, &roles);
            render::render_graph(&graph, format, layout, out)?;
        }
        Command::Validate { paths, output } => {
            let validation = query::validate::validate(&sources, paths, knowledge);
            render::render(&validation, output.format, layout.with(&output), out)?;
            out.flush()?;
            if !validation.is_clean() {
                return Err(Error::ProblemsFound(validation.problems.len()));
            }
        }
        Command::Schema { kind } => {
            // Back to the I/O error serde_json wraps, so a closed pipe is seen as one.
            serde_json::to_writer_pretty(&mut *out, &kb::schema::schema(kind))
                .map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        Command::Init { id, dir, from } => {
            query::init::init(knowledge, &sources, &id, &dir, from.as_deref(), out)?;
        }
        Command::Completions { shell } => {
            let kb = load(knowledge, &sources)?;
            out.write_all(&generate::completions(kb, shell))?;
        }
        Command::Man { command } => generate::man(command.as_deref(), out)?,
    }
    out.flush()?;
    Ok(hint)
}

/// The knowledge base of this run, loaded into `slot` (once) for its caller to free.
fn load<'k>(
    slot: &'k mut Option<KnowledgeBase>,
    sources: &kb::files::Sources,
) -> Result<&'k KnowledgeBase, Error> {
    Ok(slot.insert(KnowledgeBase::layered(sources)?))
}

/// `compare` with its names looked up.
fn compare(
    kb: &KnowledgeBase,
    names: &[String],
    filter: &Filter,
) -> Result<query::compare::Comparison, Error> {
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
fn matrix(kb: &KnowledgeBase, names: &[String], all: bool) -> Result<query::matrix::Matrix, Error> {
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
fn at_most_compared(count: usize) -> Result<(), Error> {
    if count > query::compare::MAX_ROLES {
        return Err(Error::Usage(format!(
            "compare takes at most {} roles, not {count}: more side by side does not read (list, search and graph take any number)",
            query::compare::MAX_ROLES,
        )));
    }
    Ok(())
}

/// Writes what clap answered instead of running a command (`--help`, `--version`), coloured
/// as clap would colour it. Unlike clap's own printing, a failed write is an error.
pub fn write_clap_answer(answer: &clap::Error, out: &mut dyn Write) -> Result<(), Error> {
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
) -> Result<query::show::Profile, Error> {
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

/// `search` with its filters looked up: role and industry names resolve as everywhere else.
fn search(
    kb: &KnowledgeBase,
    text: &str,
    roles: &[String],
    filter: &Filter,
) -> Result<query::search::SearchResults, Error> {
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
    let industry = industry(kb, filter)?;
    let filters = query::search::Filters {
        roles: named.iter().map(|role| role.id.as_str()).collect(),
        sections: filter.section.clone(),
        industry: industry.map(|term| term.id.as_str()),
    };
    query::search::search(kb, text, &filters).map_err(|error| Error::Failure(error.into()))
}

/// The roles named on the command line, each looked up by name and each once: two names
/// for one role would compare it with itself.
fn named_roles<'a>(kb: &'a KnowledgeBase, names: &[String]) -> Result<Vec<&'a model::Role>, Error> {
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
            return Err(Error::Usage(format!(
                "'{}' and '{}' both name the role '{}': name each role once{hint}",
                names[first], names[index], role.id
            )));
        }
        first_named.insert(&role.id, index);
    }
    Ok(found)
}

/// The roles named on the command line, in any number: for a graph, naming a role twice
/// draws it once.
fn roles_to_draw<'a>(
    kb: &'a KnowledgeBase,
    names: &[String],
) -> Result<Vec<&'a model::Role>, Error> {
    Ok(kb.roles_named(names)?)
}

fn industry<'a>(kb: &'a KnowledgeBase, filter: &Filter) -> Result<Option<&'a model::Term>, Error> {
    Ok(filter
        .industry
        .as_deref()
        .map(|name| kb.industry(name))
        .transpose()?)
}
