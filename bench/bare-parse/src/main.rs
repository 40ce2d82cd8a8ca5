//! `bare-parse DIR`: read every `*.yaml` file in DIR and parse each into a `serde_json::Value`
//! with serde-saphyr's default budget, one after the other on one thread, then exit.
//!
//! This is the least any tool that reads these files must do, so it is the yardstick for
//! `rolecmp validate DIR` and for `rolecmp search` of a term found in every file. It prints
//! the number of files and bytes parsed (the benchmark discards it; it is there to check by
//! hand), and exits 1 on the first file that does not parse, so a broken benchmark is loud.

use std::{env, fs, process::ExitCode};

fn main() -> ExitCode {
    let Some(dir) = env::args_os().nth(1) else {
        eprintln!("usage: bare-parse DIR");
        return ExitCode::from(2);
    };
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(error) => {
            eprintln!("error: {}: {error}", dir.to_string_lossy());
            return ExitCode::FAILURE;
        }
    };
    let (mut files, mut bytes) = (0_usize, 0_usize);
    for entry in entries {
        let path = match entry {
            Ok(entry) => entry.path(),
            Err(error) => {
                eprintln!("error: {error}");
                return ExitCode::FAILURE;
            }
        };
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let parsed = fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                bytes += text.len();
                serde_saphyr::from_str::<serde_json::Value>(&text).map_err(|e| e.to_string())
            });
        if let Err(error) = parsed {
            eprintln!("error: {}: {error}", path.display());
            return ExitCode::FAILURE;
        }
        files += 1;
    }
    println!("{files} files, {bytes} bytes parsed");
    ExitCode::SUCCESS
}
