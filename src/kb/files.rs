//! Finding and reading data files: the layers of folders to load, and each file read with
//! limits, so that no path a user can give makes rolecmp hang or read without bound.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::{DataFile, Diagnostic, MAX_FILE_BYTES};

/// Where data comes from besides the built-in knowledge base, lowest precedence first.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// Load the built-in knowledge base under everything else.
    pub builtin: bool,
    /// The user's own folder (`$XDG_DATA_HOME/rolecmp` on Linux); skipped when it does not exist.
    pub user_dir: Option<PathBuf>,
    /// `ROLECMP_DATA`, a PATH-style list.
    pub env_paths: Vec<PathBuf>,
    /// `--data`, in the order given.
    pub cli_paths: Vec<PathBuf>,
}

impl Sources {
    /// The standard layers: built-in < user folder < `ROLECMP_DATA` < `--data`.
    pub fn standard(builtin: bool, cli_paths: Vec<PathBuf>) -> Self {
        Self {
            builtin,
            user_dir: dirs::data_dir().map(|dir| dir.join("rolecmp")),
            env_paths: std::env::var_os("ROLECMP_DATA")
                .map(|list| {
                    std::env::split_paths(&list)
                        .filter(|p| !p.as_os_str().is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            cli_paths,
        }
    }

    /// The paths to load, lowest precedence first; a user folder that does not exist or has
    /// no data files yet is left out, while a missing or empty path that was asked for
    /// explicitly is kept so it can be reported.
    pub fn paths(&self) -> Vec<PathBuf> {
        let user = self
            .user_dir
            .iter()
            .filter(|dir| {
                dir.is_dir()
                    && !matches!(expand(dir), Err(problem) if problem.message == NO_DATA_FILES)
            })
            .cloned();
        user.chain(self.env_paths.iter().cloned())
            .chain(self.cli_paths.iter().cloned())
            .collect()
    }
}

/// What a folder with no data files gets.
const NO_DATA_FILES: &str = "no .yaml or .yml files in this folder";

/// The data files a path stands for: the file itself, or a folder's `*.yaml` / `*.yml`
/// files and those of its `roles/` folder (the layout of the built-in `data/`). Nothing is
/// left out unsaid: an entry named `*.yaml` that is a folder is kept, so that reading it
/// reports it by name, and any other folder holding YAML files is an error naming it.
pub fn expand(path: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let shown = path.display().to_string();
    let metadata =
        fs::metadata(path).map_err(|error| Diagnostic::whole_file(&shown, io_message(&error)))?;
    if !metadata.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let mut files = Vec::new();
    for dir in [path.to_owned(), path.join("roles")] {
        if dir != path && !dir.is_dir() {
            continue;
        }
        let entries = fs::read_dir(&dir).map_err(|error| {
            Diagnostic::whole_file(&dir.display().to_string(), io_message(&error))
        })?;
        for entry in entries {
            let entry = entry.map_err(|error| {
                Diagnostic::whole_file(&dir.display().to_string(), io_message(&error))
            })?;
            let file = entry.path();
            // A YAML-named entry that is not a plain file (a folder, a broken or looping
            // link) is kept so that reading it reports the problem by name.
            if is_yaml(&file) {
                files.push(file);
            } else if file != path.join("roles") && file.is_dir() && holds_yaml(&file) {
                // `company/ciso/role.yaml` would be dropped without a word.
                return Err(Diagnostic::whole_file(
                    &file.display().to_string(),
                    "a folder of YAML files that is not read: only a folder's own files and \
                     its roles/ folder are; move them there, or give this folder with --data",
                ));
            }
        }
    }
    if files.is_empty() {
        return Err(Diagnostic::whole_file(&shown, NO_DATA_FILES));
    }
    files.sort();
    Ok(files)
}

fn is_yaml(file: &Path) -> bool {
    file.extension()
        .is_some_and(|ext| ext == "yaml" || ext == "yml")
}

/// Whether the folder `dir` has a `*.yaml` or `*.yml` entry (one level: a link back up
/// costs one listing, never a loop).
fn holds_yaml(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|entries| entries.flatten().any(|entry| is_yaml(&entry.path())))
}

/// Reads one data file: refuses a file over the size limit before reading it whole, and
/// text that is not UTF-8 or looks binary.
pub fn read(path: &Path) -> Result<DataFile, Diagnostic> {
    let shown = path.display().to_string();
    let fail = |message: String| Diagnostic::whole_file(&shown, message);
    // Opening a FIFO would wait for a writer, and a device may never end. Looking at the path
    // before opening it leaves a moment in which it can be swapped for a FIFO, so the file is
    // opened without waiting, and what was opened is looked at.
    let file = open_without_waiting(path).map_err(|error| fail(io_message(&error)))?;
    let metadata = file.metadata().map_err(|error| fail(io_message(&error)))?;
    if metadata.is_dir() {
        return Err(fail("a folder, not a data file".to_owned()));
    }
    if !metadata.is_file() {
        return Err(fail("not a regular file".to_owned()));
    }
    let limit = MAX_FILE_BYTES as u64;
    if metadata.len() > limit {
        return Err(fail(format!(
            "file is {} bytes, over the limit of {limit} bytes for a data file",
            metadata.len()
        )));
    }
    // The file may grow after the size check; never read more than the limit.
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| fail(io_message(&error)))?;
    if bytes.len() as u64 > limit {
        return Err(fail(format!(
            "file is over the limit of {limit} bytes for a data file"
        )));
    }
    if let Some(at) = bytes.iter().position(|&byte| byte == 0) {
        return Err(fail(format!(
            "binary file (a NUL byte at offset {at}): data files are YAML text"
        )));
    }
    let text = String::from_utf8(bytes).map_err(|error| {
        fail(format!(
            "not UTF-8 text (invalid byte at offset {}): save the file as UTF-8",
            error.utf8_error().valid_up_to()
        ))
    })?;
    Ok(DataFile {
        name: shown.clone(),
        text,
        origin: shown,
    })
}

/// Opens `path` for reading; on Unix with `O_NONBLOCK`, so that a FIFO without a writer does
/// not block the open (reading a regular file is not affected by the flag).
fn open_without_waiting(path: &Path) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// An I/O error as a lower-case message without the OS error number: "no space left on
/// device", not "No space left on device (os error 28)".
pub fn io_message(error: &std::io::Error) -> String {
    let message = match error.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => {
            let text = error.to_string();
            // "Too many levels of symbolic links (os error 40)" → without the number.
            text.split(" (os error").next().unwrap_or(&text).to_owned()
        }
    };
    let mut chars = message.chars();
    chars.next().map_or(message.clone(), |first| {
        first.to_lowercase().chain(chars).collect()
    })
}
