//! The workspace: what the command line and the language server share about finding and reading a
//! project's files. `vern.toml` and its settings (`config`), the `.vern` files under a folder
//! (`walk`), reading a file with limits and inside the workspace root (`read`), and loading a policy's
//! files into the database, following `use` (`load`).
//!
//! The stage arrows: `cli` and `lsp` use this module; it uses `db`, `syntax`, `resolve` (for the
//! `use` targets of a file) and `check` (for the rule levels of `[rules]`); nothing below it uses it.

mod build_config;
pub mod config;
mod load;
pub mod read;
pub mod walk;

pub use config::Config;
pub use load::{declares_policy, load_imports, load_roots};
pub use read::{
    DEFAULT_MAX_FILE_SIZE, MAX_READABLE_SIZE, Refusal, Root, max_file_size, read_source,
    set_max_file_size,
};

/// A problem that stops the loading of a workspace: a bad `vern.toml`, an unreadable file. The
/// command line reports it with exit code 2; the language server shows it as a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error(pub String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl From<Refusal> for Error {
    fn from(r: Refusal) -> Self {
        Error(r.to_string())
    }
}

/// The name a path has in the database and in messages: as given, with `/` separators.
pub fn display_path(path: &std::path::Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}
