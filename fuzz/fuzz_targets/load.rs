//! Fuzzes the loader: any bytes, read as any kind of data file, must give a knowledge base
//! or diagnostics, never a panic, a hang or unbounded memory.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rolecmp::kb::{DataFile, load};

fuzz_target!(|data: &[u8]| {
    // The first byte picks the file kind, since the kind follows from the file name.
    let Some((&kind, rest)) = data.split_first() else { return };
    let name = match kind % 4 {
        0 => "sources.yaml",
        1 => "industries.yaml",
        2 => "areas.yaml",
        _ => "roles/x.yaml",
    };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let file = DataFile { name: name.to_owned(), text: text.to_owned(), origin: name.to_owned() };
    if let Err(problems) = load(None, &[file]) {
        // Rendering the messages is part of what a user sees.
        let _ = problems.to_string();
    }
});
