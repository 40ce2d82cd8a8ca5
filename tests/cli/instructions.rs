//! Costs checked by counting work, never by timing it: the instructions a run of rolecmp
//! executes under valgrind's callgrind, which a slow or busy machine does not change.
//!
//! [`assert_linear`] runs an input at three sizes, a small one, `n` and `k·n`, and takes the
//! small run's count off the other two, so that start-up and the built-in data do not hide
//! the input's own cost: that cost grows about k times from `n` to `k·n` when it is linear,
//! k² times when it is quadratic. Without valgrind the check says visibly that it did not run
//! (see `tools::available`).

use std::ffi::OsString;
use std::process::Command;

/// How far above a linear cost's growth a measured growth may go, in tenths: start-up work
/// that varies a little with the input, not a square (k times the linear growth).
const SLACK_TENTHS: u128 = 14;

/// The instructions `rolecmp args…` executes, counted by callgrind, with the environment of
/// [`super::rolecmp`]. The run must succeed.
pub fn instructions(args: &[OsString]) -> u64 {
    let output = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(env!("CARGO_BIN_EXE_rolecmp"))
        .args(args)
        .env("COLUMNS", "100")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("valgrind runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "rolecmp {args:?} failed: {stderr}");
    stderr
        .lines()
        .find_map(|line| line.split_once("Collected : ").map(|(_, count)| count))
        .and_then(|count| count.trim().parse().ok())
        .unwrap_or_else(|| panic!("no instruction count from callgrind: {stderr}"))
}

/// Asserts that the work of `run(size)` grows linearly with `size` over `sizes` (small, n,
/// k·n). `run` gives the arguments and whatever must live while they are used (a temporary
/// folder).
pub fn assert_linear<T>(what: &str, sizes: [usize; 3], run: impl Fn(usize) -> (T, Vec<OsString>)) {
    if !super::tools::available("valgrind") {
        return;
    }
    let counts = sizes.map(|size| {
        let (_keep, args) = run(size);
        instructions(&args)
    });
    let [small, normal, large] = sizes.map(|size| size as u128);
    let [base, at_normal, at_large] = counts.map(u128::from);
    let (grown, linear) = (
        (
            at_large.saturating_sub(base),
            at_normal.saturating_sub(base),
        ),
        (large - small, normal - small),
    );
    let times = |(over, under): (u128, u128)| {
        let hundredths = over * 100 / under.max(1);
        format!("{}.{:02}", hundredths / 100, hundredths % 100)
    };
    eprintln!(
        "{what}: instructions {counts:?} at sizes {sizes:?}: grew {}×, linear {}×",
        times(grown),
        times(linear)
    );
    assert!(
        grown.0 * linear.1 * 10 <= SLACK_TENTHS * linear.0 * grown.1,
        "{what}: the work grew {} times from size {} to {} (linear: {}); counts {counts:?}",
        times(grown),
        sizes[1],
        sizes[2],
        times(linear)
    );
}
