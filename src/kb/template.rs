//! `rolecmp init`: a commented role file to start from, written without overwriting.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// True for ids that make a portable file name: lower-case letters, digits and dashes.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The template for role `id`. Every text starts with TODO, which `validate` reports until
/// it is replaced, so a half-filled file cannot pass CI by accident.
pub fn role_template(id: &str) -> String {
    format!(
        r"# yaml-language-server: $schema=role.schema.json
# Role file for '{id}'. Fill in each TODO, then check it with: rolecmp validate {id}.yaml
# (`rolecmp schema > role.schema.json` gives editors completion for this file.)
# Every fact needs `sources:` ids from a sources.yaml, e.g. your own handbook:
#   sources:
#     - id: handbook
#       title: Our engineering handbook
#       kind: internal
#       description: How we organise technology leadership.
id: {id}
title: TODO full title, e.g. Chief Information Security Officer
aliases: []  # other names it is found by, the short form first: [CISO]

summary:
  - text: TODO one sentence on what the role is.
    sources: [handbook]

# Optional. focus: technology | information | data | security | product | finance | operations | business
focus:
  primary: security
  facts:
    - text: TODO why this is the role's main focus.
      sources: [handbook]

# Optional. nature: strategic | operational | both; facing: internal | external | both
nature:
  primary: both
  facts: []

responsibilities:
  # area: an id from `rolecmp list areas`
  - area: security
    facts:
      - text: TODO what the role does in this area.
        sources: [handbook]

reporting:
  # to: a role id from `rolecmp list`; prevalence: usual | often | sometimes
  - to: ceo
    prevalence: usual
    text: TODO to whom the role reports.
    sources: [handbook]

background:
  - text: TODO background and qualifications.
    sources: [handbook]

# industries:
#   - industry: healthcare   # an id from `rolecmp list industries`
#     facts:
#       - text: ...
#         sources: [handbook]

collaboration:
  # relation: overlap | collaboration | combined (one person may hold both posts)
  - with: cio
    relation: collaboration
    text: TODO how the role works with the CIO.
    sources: [handbook]
"
    )
}

/// Writes the template for `id` into `dir` and returns its path; refuses to overwrite.
pub fn write_role_template(id: &str, dir: &Path) -> Result<PathBuf> {
    let path = dir.join(format!("{id}.yaml"));
    let mut file = match OpenOptions::new().write(true).create_new(true).open(&path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            bail!(
                "{} already exists: rolecmp init never overwrites a file; edit it, or choose another --dir",
                path.display()
            )
        }
        Err(error) => {
            return Err(error).with_context(|| format!("cannot create {}", path.display()));
        }
    };
    file.write_all(role_template(id).as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}
