//! `rolecmp init`: writes a role file to start from (and a sources file and the schema
//! beside it) and says what to run next.

use std::borrow::Cow;
use std::io::Write;
use std::path::Path;

use crate::error::Error;
use crate::kb::{self, KnowledgeBase};
use crate::sanitize::terminal_safe;

/// `init`: writes the role file (and a sources file) and says what to do next. The
/// knowledge base it loads is left in `knowledge` for the caller to free.
pub fn init(
    knowledge: &mut Option<KnowledgeBase>,
    sources: &kb::files::Sources,
    id: &str,
    dir: &Path,
    from: Option<&str>,
    out: &mut dyn Write,
) -> Result<(), Error> {
    if !kb::template::is_valid_id(id) {
        return Err(Error::Usage(format!(
            "'{id}' is not a usable role id: use lower-case letters, digits and dashes, such as 'ciso'"
        )));
    }
    // A half-filled file in the user's data must not stop them starting the next one:
    // without --from, the built-in roles are enough to warn of a replacement.
    let kb = match (KnowledgeBase::layered(sources), from) {
        (Ok(kb), _) => knowledge.insert(kb),
        (Err(invalid), Some(_)) => return Err(invalid.into()),
        (Err(_), None) => knowledge.insert(KnowledgeBase::builtin().unwrap_or_default()),
    };
    let from = from
        .map(|name| crate::resolve::role(kb, name))
        .transpose()?;
    let created = kb::template::init(kb, id, dir, from)?;
    // Paths are the user's, and may hold anything a file name can.
    let shown = |path: &Path| terminal_safe(&path.display().to_string()).into_owned();
    writeln!(out, "created {}", shown(&created.role))?;
    for written in created.sources.iter().chain(&created.schema) {
        writeln!(out, "created {}", shown(written))?;
    }
    for note in &created.notes {
        writeln!(out, "note: {}", terminal_safe(note))?;
    }
    let what = if from.is_some() {
        "edit it"
    } else {
        "fill in each TODO"
    };
    let folder = created.folder.to_string_lossy();
    let quoted = shlex::try_quote(&folder).unwrap_or(Cow::Borrowed(&folder));
    writeln!(
        out,
        "next: {what}, then run: rolecmp validate {}",
        terminal_safe(&quoted)
    )?;
    Ok(())
}
