//! Counting work instead of timing it: the instructions a run of rolecmp executes, counted by
//! valgrind (see `costs.rs`, whose `assert_cost_grows_linearly` is the other form). A count does not depend on the machine's speed or load, so a test
//! can compare a run on input of size N with one on k·N: linear work shows about k times the
//! instructions, quadratic work about k². [`assert_linear`] takes a third, small run's count
//! off both, so that start-up and the built-in data do not hide the input's own cost.

use std::ffi::{OsStr, OsString};

/// Instructions `rolecmp args…` executes, or `None` (said visibly) where valgrind is not
/// installed: counted as `costs.rs` counts them (cachegrind, a stripped binary, one thread).
pub fn instructions<S: AsRef<OsStr>>(args: &[S]) -> Option<u64> {
    if !super::require::require_tool("valgrind") {
        return None;
    }
    let args: Vec<OsString> = args.iter().map(|arg| arg.as_ref().to_owned()).collect();
    Some(super::costs::instructions(
        &super::costs::lean_binary(),
        &args,
    ))
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
