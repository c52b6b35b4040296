//! The command line: the only module that reads files, writes files and talks to the terminal.

#[macro_use]
mod macros {
    /// `println!` for command output, through `write_stdout`.
    macro_rules! outln {
        ($($arg:tt)*) => { $crate::cli::write_stdout(&format!("{}\n", format_args!($($arg)*)))? };
    }
    /// `print!` for command output, through `write_stdout`.
    macro_rules! out {
        ($($arg:tt)*) => { $crate::cli::write_stdout(&format!($($arg)*))? };
    }
}

mod build;
mod check;
mod config;
mod diff;
mod evidence;
mod explain;
mod export;
mod fix;
mod fmt;
mod gen_registry;
mod import;
pub mod load;
mod notice;
mod rules;
mod scan;
mod test;
mod udiff;
mod vocab;
mod write;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::ir::Date;

#[derive(Parser, Debug)]
#[command(
    name = "vern",
    version,
    about = "Privacy policy as code: check a declared policy against GDPR and compile it"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check policies and print diagnostics (exit 0: clean, 1: errors found, 2: usage or I/O problem)
    Check(CheckArgs),
    /// Check a policy and write policy.json, its schema, the notices and the record schemas to a directory
    Build(BuildArgs),
    /// Write the privacy notice of a policy (Markdown or HTML, in nb or en)
    Notice(notice::NoticeArgs),
    /// Print the JSON Schema of policy.json
    Schema,
    /// Explain a diagnostic code or rule, also an organisation rule of a policy
    Explain {
        /// The rule id or code, e.g. `consent-withdrawal-missing`
        code: String,
        /// Policies to look for an organisation rule in (default: the workspace in `vern.toml`, else
        /// the current directory)
        #[arg(value_name = "FILE|DIR")]
        paths: Vec<std::path::PathBuf>,
    },
    /// Format policy files in the canonical style
    Fmt(FmtArgs),
    /// Compare two versions of a policy and say what changed for the people whose data it is
    Diff(DiffArgs),
    /// Run the language server over stdio (for editors)
    Lsp,
    /// Print shell completions (bash, zsh, fish, elvish, powershell)
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff)
    Man,
    /// Generate a large synthetic policy (for benchmarks and fuzzing)
    #[command(hide = true)]
    Generate {
        /// About how many lines in all
        #[arg(long, default_value_t = 10_000)]
        lines: usize,
        /// How many files (the root and the parts it uses)
        #[arg(long, default_value_t = 1)]
        files: usize,
        /// The share of declarations with a deliberate defect, 0.0 to 1.0
        #[arg(long, default_value_t = 0.0)]
        defects: f64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output directory
        #[arg(short, long)]
        out: std::path::PathBuf,
    },
    /// Regenerate stdlib/registry/*.vern from data/vendors.toml and the Open Cookie Database
    #[command(hide = true)]
    GenRegistry {
        /// The repository root
        #[arg(long, default_value = ".")]
        root: std::path::PathBuf,
    },
    /// List the standard library's terms of a kind (vendors, cookies, purposes, ...) with labels and facts
    Vocab(vocab::VocabArgs),
    /// List the checker's rules with their default levels and legal references
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
        /// Policies whose organisation rules to list too (`forbid`, `require`)
        #[arg(value_name = "FILE|DIR")]
        paths: Vec<std::path::PathBuf>,
    },
    /// Run policy unit tests (`*.test.toml`): the findings each policy must and must not produce
    Test(test::TestArgs),
    /// Export a policy for other tools: Fides, W3C DPV, the record of processing, Klaro!
    Export(export::ExportArgs),
    /// Convert another tool's description into a vern policy (`vern import fides MANIFEST.yml...`)
    Import(import::ImportArgs),
    /// Visit a website in headless Chromium with no consent given and record its cookies, storage and requests as HAR
    Scan(scan::ScanArgs),
}

#[derive(clap::Args, Debug)]
pub struct CommonArgs {
    /// Evaluation date for every dated legal fact (default: today)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// When to colour diagnostics
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Treat warnings as errors (`--deny warnings`), for CI
    #[arg(long, value_enum, value_name = "WHAT")]
    pub deny: Option<Deny>,
    /// The configuration file (default: the nearest `vern.toml` above the first path)
    #[arg(long, value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,
    /// The largest source file to read, in bytes (at most 4 GiB - 1)
    #[arg(long, value_name = "BYTES", default_value_t = load::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    Warnings,
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Policy files, or directories to search for `.vern` files (default: the workspace in `vern.toml`)
    #[arg(value_name = "FILE|DIR")]
    pub paths: Vec<std::path::PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Compare the policy with evidence of what the website does: HAR files (`vern scan`, a browser's
    /// DevTools) or Website Evidence Collector inspection.json files (default: `[evidence] files`)
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub evidence: Vec<std::path::PathBuf>,
    /// Apply the mechanical fixes (spelling of a property, word order, unused waivers: never a new
    /// claim about the processing), then reformat the changed files; the rest is reported
    #[arg(long)]
    pub fix: bool,
    /// With --fix: print the changes as a diff and write nothing
    #[arg(long, requires = "fix")]
    pub dry_run: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(clap::Args, Debug)]
pub struct BuildArgs {
    /// The policy's root file (default: every policy of the workspace in `vern.toml`)
    pub file: Option<std::path::PathBuf>,
    /// Output directory, created if missing (default: the workspace's `out`)
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<std::path::PathBuf>,
    /// A directory with notice templates or messages that override the shipped ones, by file name
    #[arg(long, value_name = "DIR")]
    pub templates: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(clap::Args, Debug)]
pub struct FmtArgs {
    /// Files or directories to format in place; `-` reads stdin and writes stdout
    #[arg(value_name = "FILE|DIR|-")]
    pub paths: Vec<std::path::PathBuf>,
    /// Do not write; print a diff and exit 1 when a file is not formatted
    #[arg(long)]
    pub check: bool,
}

#[derive(clap::Args, Debug)]
pub struct DiffArgs {
    /// The old version: a file (or, with --git, the file at that git revision)
    pub old: String,
    /// The new version: a file
    pub new: Option<std::path::PathBuf>,
    /// Compare FILE at git revision REV (given as OLD) with FILE in the working tree: `vern diff --git REV FILE`
    #[arg(long)]
    pub git: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
    /// Evaluation date for dated facts (default: today)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<Date>,
}

// Each command has its own formats, so one it does not write is a usage error, not another format.

/// What `vern check` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Rendered diagnostics with source snippets, on stderr
    Human,
    /// One JSON object per finding
    Json,
    /// SARIF 2.1.0, for code scanning
    Sarif,
    /// GitHub Actions workflow annotations
    Github,
}

/// What `vern diff` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Human,
    Json,
    /// Markdown, for a pull-request comment
    Markdown,
}

/// What `vern rules` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Human,
    Json,
    /// The catalog table of docs/rules.md
    Markdown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    pub fn enabled(self) -> bool {
        use std::io::IsTerminal;
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
            }
        }
    }
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|e| format!("expected a date such as 2026-01-31: {e}"))
}

pub use check::collect as check_diagnostics;

/// Writes to stdout; a closed pipe (`vern ... | head`) ends the output quietly instead of failing.
pub fn write_stdout(text: &str) -> Result<(), CliError> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(CliError(format!("cannot write to stdout: {e}")))
        }
        _ => Ok(()),
    }
}

/// The man page, generated from the clap definitions (committed as docs/man/vern.1).
pub fn man_page() -> String {
    let cmd = <Cli as clap::CommandFactory>::command();
    let mut buf = Vec::new();
    let _ = clap_mangen::Man::new(cmd).render(&mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

pub use crate::workspace::config::today;

/// A failure that is not a finding: bad usage, unreadable input, unwritable output. Exit code 2.
#[derive(Debug)]
pub struct CliError(pub String);

impl<E: std::fmt::Display> From<E> for CliError {
    fn from(e: E) -> Self {
        CliError(e.to_string())
    }
}

pub fn run(cli: Cli) -> ExitCode {
    let common = match &cli.command {
        Command::Check(a) => Some(&a.common),
        Command::Build(a) => Some(&a.common),
        Command::Export(a) => Some(&a.common),
        Command::Test(a) => Some(&a.common),
        _ => None,
    };
    if let Some(c) = common {
        load::set_max_file_size(c.max_file_size);
    }
    let result = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Build(args) => build::run(&args),
        Command::Notice(args) => notice::run(&args),
        Command::Schema => serde_json::to_string_pretty(&crate::emit::policy_schema())
            .map_err(CliError::from)
            .and_then(|s| write_stdout(&(s + "\n")))
            .map(|()| ExitCode::SUCCESS),
        Command::Explain { code, paths } => explain::run(&code, &paths),
        Command::Rules { format, paths } => rules::run(format, &paths),
        Command::Test(args) => test::run(&args),
        Command::GenRegistry { root } => gen_registry::run(&root),
        Command::Vocab(args) => vocab::run(&args),
        Command::Fmt(args) => fmt::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Scan(args) => scan::run(&args),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cmd, "vern", &mut buf);
            write_stdout(&String::from_utf8_lossy(&buf)).map(|()| ExitCode::SUCCESS)
        }
        Command::Man => write_stdout(&man_page()).map(|()| ExitCode::SUCCESS),
        Command::Lsp => crate::lsp::run()
            .map(|()| ExitCode::SUCCESS)
            .map_err(CliError::from),
        Command::Generate {
            lines,
            files,
            defects,
            seed,
            out,
        } => {
            let generated = crate::generate::generate(&crate::generate::Options {
                lines,
                files,
                defects,
                seed,
            });
            write::write_set(&out, &generated).map(|()| ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(CliError(message)) => {
            errln!("error: {message}");
            ExitCode::from(2)
        }
    }
}
