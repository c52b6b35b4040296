use clap::Parser;

fn main() -> std::process::ExitCode {
    vern::cli::run(vern::cli::Cli::parse())
}
