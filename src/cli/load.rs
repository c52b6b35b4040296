//! Loading lives in `workspace`, shared with the language server; these names stay for the tests and
//! tools that load policies through `vern::cli::load`.

pub use crate::workspace::{
    DEFAULT_MAX_FILE_SIZE, display_path, load_imports, load_roots, read_source, set_max_file_size,
};
