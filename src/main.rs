use clap::Parser;

// vern allocates many small strings and vectors and, in the editor, frees a whole revision's results
// on every edit: with glibc's allocator a quarter of an edit's time was malloc and free (perf, issue
// 14). mimalloc's thread-local free lists make both cheap; the library leaves the choice to its users.
#[cfg(not(feature = "system-allocator"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    vern::cli::run(vern::cli::Cli::parse())
}
