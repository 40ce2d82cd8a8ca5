//! rolecmp: a cited knowledge base of technology-leadership roles, and the queries and
//! renderers behind the `rolecmp` command.
//!
//! Data flows one way: files → [`kb`] (typed, checked [`model`]) → [`query`] (a [`report`])
//! → [`render`] → output.

pub mod cli;
pub mod error;
pub mod kb;
pub mod model;
pub mod pager;
pub mod query;
pub mod render;
pub mod report;
pub mod resolve;
pub mod sanitize;

use std::io::{IsTerminal, Write};

use cli::{Cli, Command};
use error::Error;
use kb::KnowledgeBase;
use render::Layout;

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
    let layout = Layout::for_stdout(cli.width, cli.color, cli.raw_csv);
    let mut hint = None;
    let sources = kb::files::Sources::standard(!cli.data.no_builtin, cli.data.paths);
    match cli.command {
        Command::List { kind, output } => {
            let listing = query::list::list(load(knowledge, &sources)?, kind);
            render::render(&listing, output.format, output.layout(layout), out)?;
        }
        Command::Show {
            role,
            filter,
            origin,
            evidence,
            output,
        } => {
            industry_narrows(filter.industry.as_deref(), &filter.section)?;
            let kb = load(knowledge, &sources)?;
            let role = resolve::role(kb, &role)?;
            let industry = resolve::industry(kb, filter.industry.as_deref())?;
            let profile =
                query::show::show(kb, role, industry, &filter.section, filter.full, origin);
            let layout = output.layout(layout).with_evidence(evidence);
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
            query::compare::at_most(roles.len()).map_err(Error::usage)?;
            industry_narrows(filter.industry.as_deref(), &filter.section)?;
            let kb = load(knowledge, &sources)?;
            let roles = resolve::each_once(kb, &roles)?;
            let industry = resolve::industry(kb, filter.industry.as_deref())?;
            let comparison =
                query::compare::compare(kb, &roles, industry, &filter.section, filter.full)
                    .labelled(&labels)
                    .map_err(Error::usage)?
                    .differences_only(differences_only);
            let layout = output.layout(layout).with_evidence(evidence);
            hint = render::render(&comparison, output.format, layout, out)?;
        }
        Command::Matrix { roles, all, output } => {
            let kb = load(knowledge, &sources)?;
            let matrix = query::matrix::asked(kb, &resolve::each_once(kb, &roles)?, all);
            hint = render::render(&matrix, output.format, output.layout(layout), out)?;
        }
        Command::Search {
            words,
            roles,
            filter,
            output,
        } => {
            industry_narrows(filter.industry.as_deref(), &filter.section)?;
            let kb = load(knowledge, &sources)?;
            let industry = resolve::industry(kb, filter.industry.as_deref())?;
            let filters = query::search::Filters {
                roles: resolve::each_once(kb, &roles)?,
                sections: filter.section,
                industry: industry.map(|term| term.id.as_str()),
            };
            let results = query::search::search(kb, &words.join(" "), &filters)?;
            hint = render::render(&results, output.format, output.layout(layout), out)?;
        }
        Command::Graph { roles, format } => {
            let kb = load(knowledge, &sources)?;
            // A role named twice is drawn once.
            let roles = resolve::roles(kb, &roles)?;
            let graph = query::graph::graph(kb, &roles);
            render::render_graph(&graph, format, layout, out)?;
        }
        Command::Validate { paths, output } => {
            let validation = query::validate::validate(&sources, paths, knowledge);
            render::render(&validation, output.format, output.layout(layout), out)?;
            out.flush()?;
            if !validation.is_clean() {
                return Err(Error::ProblemsFound(validation.problems.len()));
            }
        }
        Command::Schema { kind } => render::json(kb::schema::schema(kind), out)?,
        Command::Init { id, dir, from } => {
            query::init::usable_id(&id).map_err(Error::Usage)?;
            let kb = knowledge.insert(query::init::knowledge(&sources, from.is_some())?);
            let from = from.map(|name| resolve::role(kb, &name)).transpose()?;
            let created =
                query::init::init(kb, &id, &dir, from, &|file| render::yaml::to_string(file))?;
            render::render(&created, render::Format::Table, layout, out)?;
        }
        Command::Completions { shell } => {
            let kb = load(knowledge, &sources)?;
            out.write_all(&cli::generate::completions(kb, shell))?;
        }
        Command::Man { command } => cli::generate::man(command.as_deref(), out)?,
    }
    out.flush()?;
    Ok(hint)
}

/// `--industry` with sections that leave out the industry examples: a usage error, found
/// before anything is loaded.
fn industry_narrows(industry: Option<&str>, sections: &[model::Section]) -> Result<(), Error> {
    query::select::industry_narrows(industry, sections).map_err(Error::usage)
}

/// The knowledge base of this run, loaded into `slot` (once) for its caller to free.
fn load<'k>(
    slot: &'k mut Option<KnowledgeBase>,
    sources: &kb::files::Sources,
) -> Result<&'k KnowledgeBase, Error> {
    Ok(slot.insert(KnowledgeBase::layered(sources)?))
}
