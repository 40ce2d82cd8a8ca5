//! Counting work instead of timing it: the instructions a run of rolecmp executes, counted by
//! valgrind's callgrind. A count does not depend on the machine's speed or load, so a test
//! can compare a run on input of size N with one on k·N: linear work shows about k times the
//! instructions, quadratic work about k². [`assert_linear`] takes a third, small run's count
//! off both, so that start-up and the built-in data do not hide the input's own cost.

use std::ffi::{OsStr, OsString};
use std::process::Command;

/// Instructions `rolecmp args…` executes, or `None` (said visibly) where valgrind is not
/// installed. The run is on one thread, as thread pools spin for a varying while.
pub fn instructions<S: AsRef<OsStr>>(args: &[S]) -> Option<u64> {
    if !super::tools::available("valgrind") {
        return None;
    }
    let out = tempfile::tempdir().unwrap();
    let output = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!(
            "--callgrind-out-file={}",
            out.path().join("callgrind.out").display()
        ))
        .arg(env!("CARGO_BIN_EXE_rolecmp"))
        .args(args)
        .env("RAYON_NUM_THREADS", "1")
        .env("COLUMNS", "100")
        .env_remove("ROLECMP_DATA")
        .env("XDG_DATA_HOME", out.path())
        .env("HOME", out.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let count = stderr
        .lines()
        .find_map(|line| line.split_once("Collected : ").map(|(_, n)| n.trim()))
        .and_then(|n| n.parse().ok());
    Some(count.unwrap_or_else(|| panic!("no instruction count from callgrind: {stderr}")))
}

/// The ratio of the instructions of `large` to those of `small`, or `None` without valgrind.
pub fn growth<S: AsRef<OsStr>>(small: &[S], large: &[S]) -> Option<f64> {
    let small = instructions(small)?;
    let large = instructions(large)?;
    // Instruction counts are far below 2^52: the conversion is exact.
    #[allow(clippy::cast_precision_loss)]
    Some(large as f64 / small as f64)
}

/// How far above a linear cost's growth a measured growth may go, in tenths: start-up work
/// that varies a little with the input, not a square (k times the linear growth).
const SLACK_TENTHS: u128 = 14;

/// Asserts that the work of `run(size)` grows linearly with `size` over `sizes` (small, n,
/// k·n): the growth from n to k·n, once the small run's count is taken off both, is at most
/// a little over the sizes' own. `run` gives the arguments and whatever must live while they
/// are used (a temporary folder). Without valgrind it says so and checks nothing.
pub fn assert_linear<T>(what: &str, sizes: [usize; 3], run: impl Fn(usize) -> (T, Vec<OsString>)) {
    let mut counts = [0; 3];
    for (count, size) in counts.iter_mut().zip(sizes) {
        let (_keep, args) = run(size);
        let Some(measured) = instructions(&args) else {
            return;
        };
        *count = measured;
    }
    let [small, normal, large] = sizes.map(|size| size as u128);
    let [base, at_normal, at_large] = counts.map(u128::from);
    let grown = (
        at_large.saturating_sub(base),
        at_normal.saturating_sub(base),
    );
    let linear = (large - small, normal - small);
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
