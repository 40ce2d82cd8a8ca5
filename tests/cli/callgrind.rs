//! Counting work instead of timing it: the instructions a run of rolecmp executes, counted by
//! valgrind's callgrind. A count does not depend on the machine's speed or load, so a test
//! can compare a run on input of size N with one on k·N: linear work shows about k times the
//! instructions, quadratic work about k².

use std::ffi::OsStr;
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
