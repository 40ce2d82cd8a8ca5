//! Parses and checks the built-in knowledge base (`data/`) at build time and embeds it in a
//! compact binary form, so that rolecmp starts without parsing YAML and invalid built-in data
//! fails the build, never a user.
//!
//! The loader is the crate's own (`src/kb/`), compiled into this script as well, so the
//! built-in data goes through exactly the checks that users' files do.

use std::path::{Path, PathBuf};
use std::{env, fs, io};

#[allow(dead_code)]
#[path = "src/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/sanitize.rs"]
mod sanitize;
// The loader's modules refer to each other as `super::…`, so here they sit at the root.
#[allow(dead_code)]
#[path = "src/kb/check.rs"]
mod check;
#[allow(dead_code)]
#[path = "src/kb/diagnostic.rs"]
mod diagnostic;
#[allow(dead_code)]
#[path = "src/kb/evidence.rs"]
mod evidence;
#[allow(dead_code)]
#[path = "src/kb/files.rs"]
mod files;
#[allow(dead_code)]
#[path = "src/kb/layer.rs"]
mod layer;
#[allow(dead_code)]
#[path = "src/kb/load.rs"]
mod load;
#[allow(dead_code)]
#[path = "src/kb/lookup.rs"]
mod lookup;
#[allow(dead_code)]
#[path = "src/kb/parse.rs"]
mod parse;
#[allow(dead_code)]
#[path = "src/kb/raw.rs"]
mod raw;
#[allow(dead_code)]
#[path = "src/kb/schema/mod.rs"]
mod schema;
#[allow(dead_code)]
#[path = "src/kb/yaml.rs"]
mod yaml;

use diagnostic::{Diagnostic, InvalidData};
use load::DataFile;
use model::KnowledgeBase;
use yaml::MAX_FILE_BYTES;

fn main() -> io::Result<()> {
    // The benchmark builds a second binary over a larger generated knowledge base
    // (bench/builtin_copies.py); everyone else builds over data/.
    println!("cargo::rerun-if-env-changed=ROLECMP_BUILTIN_DATA");
    let data =
        env::var_os("ROLECMP_BUILTIN_DATA").map_or_else(|| PathBuf::from("data"), PathBuf::from);
    let data = data.as_path();
    println!("cargo::rerun-if-changed={}", data.display());
    let mut paths = Vec::new();
    collect(data, &mut paths)?;
    paths.sort();
    let mut files = Vec::new();
    for path in &paths {
        files.push(load::DataFile {
            name: path.to_string_lossy().replace('\\', "/"),
            text: fs::read_to_string(path)?,
            origin: "built-in".to_owned(),
        });
    }
    let knowledge = match load::load_with_warnings(None, &files) {
        Ok((knowledge, warnings)) if warnings.is_empty() => knowledge,
        // The built-in data is held to more than users' files: not even a warning.
        Ok((_, warnings)) => fail(&InvalidData(warnings)),
        Err(problems) => fail(&problems),
    };
    let bytes = postcard::to_allocvec(&knowledge).map_err(io::Error::other)?;
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("builtin.postcard"), bytes)
}

fn fail(problems: &InvalidData) -> ! {
    // Cargo shows this output when the build script fails.
    eprintln!("error: the built-in knowledge base is invalid: {problems}");
    std::process::exit(1);
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        println!("cargo::rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(&path, files)?;
        } else if path.extension().is_some_and(|e| e == "yaml") {
            files.push(path);
        }
    }
    Ok(())
}
