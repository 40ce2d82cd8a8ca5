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

/// `count` role files all titled `title`-something, each citing the handbook.
fn titled_roles(count: usize, title: impl Fn(usize) -> String) -> tempfile::TempDir {
    let dir = folder(&[HANDBOOK]);
    for index in 0..count {
        let text = format!(
            "id: r{index}\ntitle: {}\nsummary:\n  - text: S.\n    sources: [handbook]\n",
            title(index)
        );
        std::fs::write(dir.path().join(format!("r{index}.yaml")), text).unwrap();
    }
    dir
}

#[test]
fn thousands_of_roles_sharing_one_title_make_messages_of_bounded_size() {
    // Each clash once named every other holder of the title: 2,000 roles wrote 2,000
    // messages of 2,000 names each, 6,000 made `list` run out of memory.
    let count = 2_000;
    let dir = titled_roles(count, |_| "Head of IT".to_owned());
    let output = rolecmp()
        .args(["validate", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let problems = report["problems"].as_array().unwrap();
    assert_eq!(problems.len(), count);
    assert!(
        problems[0]["message"].as_str().unwrap().contains(&format!(
            "is already a name of {} other roles, such as",
            count - 1
        )),
        "{}",
        problems[0]
    );
    assert!(
        output.stdout.len() < count * 400,
        "{} bytes for {count} problems",
        output.stdout.len()
    );
}

#[test]
fn naming_every_role_by_title_costs_work_linear_in_the_roles() {
    // `matrix` of N roles named by title once normalised every role's names for each name.
    let run = |count: usize| -> (tempfile::TempDir, Vec<String>) {
        let dir = titled_roles(count, |index| format!("Head of unit {index}"));
        let mut args = vec![
            "matrix".to_owned(),
            "--no-builtin".to_owned(),
            "--data".to_owned(),
            dir.path().display().to_string(),
        ];
        args.extend((0..count).map(|index| format!("Head of unit {index}")));
        (dir, args)
    };
    let (_small_dir, small) = run(100);
    let (_large_dir, large) = run(400);
    if let Some(growth) = super::callgrind::growth(&small, &large) {
        eprintln!("4 × the roles: {growth:.1} × the instructions");
        assert!(growth < 7.0, "4 × the roles cost {growth:.1} × the work");
    }
}
