//! Costs that must grow linearly with the input, checked by counting work rather than timing
//! it: the instructions a run executes, counted under valgrind, are the same on an idle
//! machine and a busy one (cachegrind counts them as callgrind does, without the call graph,
//! so a little faster). [`assert_cost_grows_linearly`] runs a command at three sizes
//! and compares what each doubling costs; a cost that grows with the square of the size
//! (as each of these once did) costs about twice as much more at every doubling.
//!
//! Sizes here are small, since valgrind runs a debug build some 50 times slower, and a debug
//! build spends some 300,000 instructions parsing one line of YAML: each input is chosen so
//! that the quadratic code it once ran still shows. Each check was run against that code put
//! back, and failed, but `search.rs`'s query repeating a long fact: search has been rewritten
//! since, and the old code at hand no longer makes it fail. Even so a check costs some 5 s of
//! CPU, most of it valgrind starting and translating the binary three times whatever the
//! size, so the checks are ignored tests that `.ci/run` runs (`cargo test -- --ignored`).
//! A quadratic term with a small constant (a string compare per pair) stays hidden
//! at these sizes: the hostile sizes themselves, on the release build, are measured by
//! `bench/hostile.sh`, which also times each at half its size.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::require::require_tool;
use super::{HANDBOOK, command, folder, rolecmp, rolecmp_path};

/// The most the second doubling (2n → 4n) may cost, as a multiple of the first (n → 2n). A
/// linear cost gives 2 (a fixed cost cancels out) and a quadratic one 4; a square term of a
/// twentieth of the linear one at size n already gives 2.25. Counts are exact, so the margin
/// can be narrow: the checks below give 2.00 to 2.02, and 2.39 to 3.77 with the quadratic
/// code each once had put back. (A cost dominated by n log n work would give up to 2.2.)
const LARGEST_GROWTH: f64 = 2.25;

/// Asserts that the work of `rolecmp ARGS` grows linearly with n, from size `n` up:
/// `input(size, folder)` writes an input of that size into an empty folder and returns the
/// arguments that run on it. Skips (visibly) when valgrind is missing and `ROLECMP_REQUIRE`
/// does not name `tools`.
///
/// ```ignore
/// assert_cost_grows_linearly(200, |size, folder| {
///     std::fs::write(folder.join("x.yaml"), role_with_areas(size)).unwrap();
///     vec!["validate".into(), folder.into()]
/// });
/// ```
pub fn assert_cost_grows_linearly(n: usize, input: impl Fn(usize, &Path) -> Vec<OsString> + Sync) {
    if !require_tool("valgrind") {
        return;
    }
    // The three runs at once: the test takes as long as the largest.
    let input = &input;
    let binary = &lean_binary();
    let costs: Vec<(usize, u64)> = std::thread::scope(|scope| {
        let runs: Vec<_> = [n, 2 * n, 4 * n]
            .into_iter()
            .map(|size| {
                scope.spawn(move || {
                    let folder = tempfile::tempdir().unwrap();
                    (size, instructions(binary, &input(size, folder.path())))
                })
            })
            .collect();
        runs.into_iter().map(|run| run.join().unwrap()).collect()
    });
    let [(_, small), (_, middle), (_, large)] = costs[..] else {
        unreachable!()
    };
    assert!(
        small < middle && middle < large,
        "a larger input must cost more: {costs:?}"
    );
    #[allow(clippy::cast_precision_loss)] // instruction counts far below 2^52
    let growth = (large - middle) as f64 / (middle - small) as f64;
    assert!(
        growth <= LARGEST_GROWTH,
        "the cost grows faster than linearly: doubling the input from {n} to {} cost {} more \
         instructions, from {} to {} cost {} more: {growth:.2} times as much, where a linear \
         cost gives 2 and a quadratic one 4 (instructions at each size: {costs:?})",
        2 * n,
        middle - small,
        2 * n,
        4 * n,
        large - middle,
    );
}

/// The instructions `rolecmp args…` executes, counted by cachegrind. The run may fail (exit
/// 1 or 2 with a message); it must not crash.
pub fn instructions(binary: &Path, args: &[OsString]) -> u64 {
    // Most of a run under valgrind is translating the code it reaches: translating it less
    // carefully (no IR optimisation, no chasing of branches) costs a tenth less.
    let output = command("valgrind")
        .args([
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
            "--vex-iropt-level=0",
            "--vex-guest-chase=no",
        ])
        .arg(binary)
        .args(args)
        // One thread: a thread pool's idle workers spin for a varying while.
        .env("RAYON_NUM_THREADS", "1")
        .output()
        .expect("valgrind runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        matches!(output.status.code(), Some(0..=2)) && !stderr.contains("panicked"),
        "rolecmp {args:?} crashed under valgrind: {stderr}"
    );
    stderr
        .lines()
        .find_map(|line| line.split_once("I   refs:"))
        .and_then(|(_, count)| count.trim().replace(',', "").parse().ok())
        .unwrap_or_else(|| panic!("no instruction count from cachegrind: {stderr}"))
}

/// The binary without its debug information and symbols, which valgrind would spend about a
/// second reading at every start (a count of instructions needs neither); made once per
/// build, the binary itself when `objcopy` is missing.
pub fn lean_binary() -> PathBuf {
    let binary = rolecmp_path();
    let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let lean = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("rolecmp-stripped");
    if modified(&lean).is_some() && modified(&lean) >= modified(binary) {
        return lean;
    }
    // Written beside, then renamed: tests in other processes may be running the old one.
    let fresh = lean.with_extension(format!(
        "{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let stripped = command("objcopy")
        .arg("--strip-all")
        .arg(binary)
        .arg(&fresh)
        .status()
        .is_ok_and(|status| status.success());
    #[cfg(unix)]
    let stripped = stripped && {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&fresh, std::fs::Permissions::from_mode(0o755)).is_ok()
    };
    if stripped && std::fs::rename(&fresh, &lean).is_ok() {
        lean
    } else {
        binary.to_owned()
    }
}

/// `size` lines made by `line`, as one text.
fn lines(size: usize, line: impl Fn(usize) -> String) -> String {
    (0..size).map(line).collect()
}

#[test]
#[ignore = "counts instructions under valgrind, some 5 s of CPU; .ci/run runs it"]
fn a_role_with_thousands_of_areas_loads_in_linear_time() {
    // Responsibilities merge by area: each once searched a list of every area before it.
    assert_cost_grows_linearly(80, |size, folder| {
        let areas = lines(size, |i| format!("  - {{id: a{i}, label: L}}\n"));
        let duties = lines(size, |i| format!("  - area: a{i}\n"));
        std::fs::write(folder.join(HANDBOOK.0), HANDBOOK.1).unwrap();
        std::fs::write(folder.join("areas.yaml"), format!("areas:\n{areas}")).unwrap();
        let role = format!("id: x\ntitle: X\nresponsibilities:\n{duties}");
        std::fs::write(folder.join("x.yaml"), role).unwrap();
        vec!["validate".into(), "--no-builtin".into(), folder.into()]
    });
}

#[test]
#[ignore = "counts instructions under valgrind, some 5 s of CPU; .ci/run runs it"]
fn a_table_cell_with_one_long_word_is_drawn_in_linear_time() {
    // comfy-table measures and copies the rest of a word too wide for its column for every
    // line it breaks off; rolecmp breaks words before it sees them, at 512 characters, so
    // the sizes are multiples of that. An industry example is a table cell.
    assert_cost_grows_linearly(512, |size, folder| {
        let role = format!(
            "id: x\ntitle: X\nindustries:\n  - industry: healthcare\n    facts:\n      - text: {}\n        sources: [handbook]\n",
            "w".repeat(size)
        );
        std::fs::write(folder.join(HANDBOOK.0), HANDBOOK.1).unwrap();
        // Its own industry, without the built-in data: loading that costs the same at every
        // size, but valgrind's time all the same.
        let industries = "industries:\n  - id: healthcare\n    label: Healthcare\n";
        std::fs::write(folder.join("industries.yaml"), industries).unwrap();
        std::fs::write(folder.join("x.yaml"), role).unwrap();
        vec![
            "show".into(),
            "x".into(),
            "--section".into(),
            "industries".into(),
            "--no-builtin".into(),
            "--data".into(),
            folder.into(),
        ]
    });
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
#[ignore = "counts instructions under valgrind, some 5 s of CPU; .ci/run runs it"]
fn naming_every_role_by_title_costs_work_linear_in_the_roles() {
    // `matrix` of N roles named by title once normalised every role's names for each name.
    assert_cost_grows_linearly(12, |size, folder| {
        std::fs::write(folder.join(HANDBOOK.0), HANDBOOK.1).unwrap();
        for index in 0..size {
            let text = format!(
                "id: r{index}\ntitle: Head of unit {index}\nsummary:\n  - text: S.\n    sources: [handbook]\n"
            );
            std::fs::write(folder.join(format!("r{index}.yaml")), text).unwrap();
        }
        let mut args: Vec<OsString> = vec![
            "matrix".into(),
            "--no-builtin".into(),
            "--data".into(),
            folder.into(),
        ];
        args.extend((0..size).map(|index| format!("Head of unit {index}").into()));
        args
    });
}
