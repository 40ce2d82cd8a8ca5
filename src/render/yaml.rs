//! YAML, for `--format yaml` and the role files `init --from` writes: the same data that
//! JSON carries, through serde-saphyr, the YAML library the loader reads with.

use serde::Serialize;

/// `value` as YAML.
pub fn to_string<T: Serialize>(value: &T) -> std::io::Result<String> {
    serde_saphyr::to_string(value).map_err(std::io::Error::other)
}
