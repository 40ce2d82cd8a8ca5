//! Embeds every file under `data/` into the binary, so rolecmp runs anywhere with no set-up.
//!
//! The list is generated rather than written by hand so that a new role file cannot be
//! forgotten; the files themselves are checked by the test suite.

use std::fmt::Write as _;
use std::{env, fs, io, path::Path};

fn main() -> io::Result<()> {
    let data = Path::new("data");
    println!("cargo::rerun-if-changed=data");
    let mut files = Vec::new();
    collect(data, &mut files)?;
    files.sort();
    let mut out = String::from("pub static FILES: &[(&str, &str)] = &[\n");
    for path in &files {
        let relative = path.strip_prefix(data).unwrap_or(path);
        let absolute = fs::canonicalize(path)?;
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            "    ({:?}, include_str!({:?})),",
            relative.to_string_lossy().replace('\\', "/"),
            absolute.to_string_lossy()
        );
    }
    out.push_str("];\n");
    fs::write(
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin_files.rs"),
        out,
    )
}

fn collect(dir: &Path, files: &mut Vec<std::path::PathBuf>) -> io::Result<()> {
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
