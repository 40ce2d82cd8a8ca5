//! Generated inputs near the size limits cost time linear in their size. Each is timed against
//! a normal input of about the same size in the same test and must finish within 20 times its
//! time: relative, so that a slow or busy machine cannot fail them, and an input whose cost
//! grows with the square of its size (as each of these once did) cannot pass.

use std::ffi::OsStr;
use std::path::Path;
use std::time::{Duration, Instant};

use super::{HANDBOOK, folder, rolecmp};

const FACTOR: u32 = 20;

/// Runs rolecmp with `args`, killed after `limit`; returns how long it took.
fn timed<S: AsRef<OsStr>>(args: &[S], limit: Option<Duration>) -> Duration {
    let mut command = rolecmp();
    command.args(args);
    if let Some(limit) = limit {
        command.timeout(limit);
    }
    let start = Instant::now();
    let output = command.output().unwrap();
    let took = start.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.code().is_some(),
        "{:?} was stopped after {took:?} (limit {limit:?})",
        args.iter().map(AsRef::as_ref).collect::<Vec<_>>()
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    took
}

/// Times `normal`, then `hostile` with 20 times that as its limit.
fn assert_linear<S: AsRef<OsStr>>(normal: &[S], hostile: &[S]) {
    let baseline = timed(normal, None);
    let limit = baseline * FACTOR;
    let took = timed(hostile, Some(limit));
    eprintln!("normal {baseline:?}, hostile {took:?}");
    assert!(took <= limit, "{took:?} is over {FACTOR} × {baseline:?}");
}

/// The lines `line` gives for each number in `numbers`, as one text.
fn lines(numbers: std::ops::Range<usize>, line: impl Fn(usize) -> String) -> String {
    let mut text = String::new();
    for number in numbers {
        text.push_str(&line(number));
    }
    text
}

fn args<'a>(words: &[&'a str], path: &'a Path) -> Vec<&'a OsStr> {
    words
        .iter()
        .map(|word| OsStr::new(*word))
        .chain([path.as_os_str()])
        .collect()
}

#[test]
fn thousands_of_unknown_ids_against_thousands_of_known_ones() {
    // 8,000 sources with 60-character ids, and a role citing 8,000 others: each unknown id
    // once got a did-you-mean computed against every known id at full length.
    let id = |prefix: &str, index: usize| format!("{prefix}{index:0>59}");
    let count = 8_000;
    let sources = lines(0..count, |i| {
        format!(
            "  - {{id: {}, title: t, kind: article, description: d}}\n",
            id("s", i)
        )
    });
    let citing = |prefix: &str| {
        let facts = lines(0..count, |i| {
            format!("  - {{text: t, sources: [{}]}}\n", id(prefix, i))
        });
        format!("id: x\ntitle: X\nsummary:\n{facts}")
    };
    let sources = format!("sources:\n{sources}");
    let known = citing("s");
    let unknown = citing("u");
    assert!(sources.len() < 1 << 20 && unknown.len() < 1 << 20);
    let normal = folder(&[("sources.yaml", &sources), ("x.yaml", &known)]);
    let hostile = folder(&[("sources.yaml", &sources), ("x.yaml", &unknown)]);
    assert_linear(
        &args(&["validate"], normal.path()),
        &args(&["validate"], hostile.path()),
    );
}

#[test]
fn a_role_with_60000_areas_loads_and_compares_in_linear_time() {
    // Responsibilities merge by area, and compare lines areas up: both once searched a list
    // for every area. The normal role has as many aliases, which nothing merges.
    let count = 60_000;
    let half = count / 2;
    let areas = |from: usize| {
        let areas = lines(from..from + half, |i| {
            format!("  - {{id: a{i}, label: L}}\n")
        });
        format!("areas:\n{areas}")
    };
    let list = |key: &str| lines(0..count, |i| format!("  - {key}a{i}\n"));
    let wide = format!("id: x\ntitle: X\nresponsibilities:\n{}", list("area: "));
    let plain = format!("id: x\ntitle: X\naliases:\n{}", list(""));
    assert!(areas(half).len() < 1 << 20 && wide.len() < 1 << 20);
    // One vocabulary file holds half the areas: two folders hold them all.
    let vocabulary = folder(&[HANDBOOK, ("areas.yaml", &areas(0))]);
    let normal = folder(&[("areas.yaml", &areas(half)), ("x.yaml", &plain)]);
    let hostile = folder(&[("areas.yaml", &areas(half)), ("x.yaml", &wide)]);
    let run = |data: &Path, command: &[&str]| -> Vec<std::ffi::OsString> {
        let mut args: Vec<std::ffi::OsString> = command.iter().map(Into::into).collect();
        if command == ["validate"] {
            args.extend([vocabulary.path().into(), data.into()]);
        } else {
            args.extend([
                "--data".into(),
                vocabulary.path().into(),
                "--data".into(),
                data.into(),
            ]);
        }
        args
    };
    for command in [
        &["validate"][..],
        &["compare", "x", "cto", "--format", "json"],
    ] {
        assert_linear(&run(normal.path(), command), &run(hostile.path(), command));
    }
}

#[test]
fn a_table_cell_with_one_word_of_800000_characters() {
    let fact = |text: &str| {
        format!(
            "id: x\ntitle: X\nsummary:\n  - text: S.\n    sources: [handbook]\nindustries:\n  - industry: healthcare\n    facts:\n      - text: {text}\n        sources: [handbook]\n"
        )
    };
    let normal = folder(&[HANDBOOK, ("x.yaml", &fact(&"word ".repeat(160_000)))]);
    let hostile = folder(&[HANDBOOK, ("x.yaml", &fact(&"w".repeat(800_000)))]);
    let show = ["show", "x", "--section", "industries", "--data"];
    assert_linear(&args(&show, normal.path()), &args(&show, hostile.path()));
}
