//! `vern test`: policy unit tests. A test file (`*.test.toml`) lists tests; each names a policy (or
//! gives a fragment inline) and the findings it must and must not produce, by rule id and place. Exit 0
//! when every expectation holds, 1 when one does not (with a diff of expected and actual findings), 2 on
//! a test file that cannot be read. `--format junit` writes JUnit XML for CI (docs/rules-in-vern.md).
//!
//! ```toml
//! as-of = "2026-06-01"                  # for every test of the file, unless a test says otherwise
//!
//! [[test]]
//! name = "ads on contact data are reported"
//! source = '''
//! use "org-rules.vern"
//! purpose ads is targeted-ads { uses email }
//! '''
//! expect = [{ rule = "no-ads-on-contact-data", at = "ads" }]
//! expect-not = [{ rule = "no-location-to-third-parties" }]
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{CliError, CommonArgs, load, today};
use crate::check::{CheckConfig, check_policy};
use crate::db::{Database, SourceFile};
use crate::diagnostic::Diagnostic;
use crate::ir::Date;
use crate::syntax::ast::Decl;

#[derive(clap::Args, Debug)]
pub struct TestArgs {
    /// Test files (`*.test.toml`), or directories to search for them (default: the current directory)
    #[arg(value_name = "FILE|DIR")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = TestFormat::Human)]
    pub format: TestFormat,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// What `vern test` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TestFormat {
    /// One line per test, and a diff for each that failed
    Human,
    /// JUnit XML on stdout, one test suite per test file
    Junit,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct TestFile {
    as_of: Option<String>,
    #[serde(default)]
    test: Vec<TestCase>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct TestCase {
    name: String,
    /// The policy's root file, relative to the test file.
    policy: Option<PathBuf>,
    /// A policy or fragment given inline; its `use` paths are relative to the test file.
    source: Option<String>,
    as_of: Option<String>,
    #[serde(default)]
    expect: Vec<Expectation>,
    #[serde(default)]
    expect_not: Vec<Expectation>,
}

/// A finding, by rule id and, optionally, place: the declaration it points into (`at`, by name), the
/// line, and the file (relative to the test file).
#[derive(serde::Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Expectation {
    rule: String,
    at: Option<String>,
    line: Option<usize>,
    file: Option<String>,
}

impl Expectation {
    fn matches(&self, f: &Found) -> bool {
        self.rule == f.rule
            && self.at.as_ref().is_none_or(|a| f.at.as_deref() == Some(a))
            && self.line.is_none_or(|l| l == f.line)
            && self
                .file
                .as_ref()
                .is_none_or(|p| f.file.ends_with(p.as_str()))
    }
    fn show(&self) -> String {
        let mut s = self.rule.clone();
        if let Some(a) = &self.at {
            s.push_str(&format!(" at {a}"));
        }
        match (&self.file, self.line) {
            (Some(f), Some(l)) => s.push_str(&format!(" ({f}:{l})")),
            (Some(f), None) => s.push_str(&format!(" ({f})")),
            (None, Some(l)) => s.push_str(&format!(" (line {l})")),
            (None, None) => {}
        }
        s
    }
}

/// A finding as a test sees it.
struct Found {
    rule: String,
    at: Option<String>,
    file: String,
    line: usize,
}

impl Found {
    fn show(&self) -> String {
        let at = self
            .at
            .as_ref()
            .map(|a| format!(" at {a}"))
            .unwrap_or_default();
        format!("{}{at} ({}:{})", self.rule, self.file, self.line)
    }
}

struct Outcome {
    name: String,
    /// `None` when the test passed; else what went wrong, with the diff.
    failure: Option<String>,
    seconds: f64,
}

pub fn run(args: &TestArgs) -> Result<ExitCode, CliError> {
    let settings = super::config::load(&args.common, args.paths.first())?;
    let given = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let files = test_files(&given)?;
    if files.is_empty() {
        return Err(CliError(
            "no test files (`*.test.toml`) found; give one, or a directory that has them".into(),
        ));
    }
    let mut suites = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path)
            .map_err(|e| CliError(format!("cannot read {}: {e}", path.display())))?;
        let parsed: TestFile =
            toml::from_str(&text).map_err(|e| CliError(format!("{}: {e}", path.display())))?;
        let default_as_of = parsed
            .as_of
            .as_deref()
            .map(|d| parse_date(path, d))
            .transpose()?
            .or(args.common.as_of)
            .or(settings.as_of);
        let mut outcomes = Vec::new();
        for case in &parsed.test {
            let as_of = case
                .as_of
                .as_deref()
                .map(|d| parse_date(path, d))
                .transpose()?
                .or(default_as_of)
                .unwrap_or_else(today);
            let start = std::time::Instant::now();
            let failure = run_case(path, case, as_of, &settings.levels)?;
            outcomes.push(Outcome {
                name: case.name.clone(),
                failure,
                seconds: start.elapsed().as_secs_f64(),
            });
        }
        suites.push((crate::workspace::display_path(path), outcomes));
    }
    let failed = suites
        .iter()
        .flat_map(|(_, o)| o)
        .filter(|o| o.failure.is_some())
        .count();
    let passed = suites.iter().map(|(_, o)| o.len()).sum::<usize>() - failed;
    match args.format {
        TestFormat::Human => {
            for (file, outcomes) in &suites {
                for o in outcomes {
                    match &o.failure {
                        None => outln!("test {file}: {} ... ok", o.name),
                        Some(why) => {
                            outln!("test {file}: {} ... FAILED", o.name);
                            out!("{why}");
                        }
                    }
                }
            }
            outln!("\n{passed} passed, {failed} failed");
        }
        TestFormat::Junit => out!("{}", junit(&suites)?),
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn parse_date(path: &Path, d: &str) -> Result<Date, CliError> {
    d.parse::<Date>()
        .map_err(|e| CliError(format!("{}: `as-of = \"{d}\"`: {e}", path.display())))
}

/// The test files among `paths`: files as given, directories searched for `*.test.toml`.
fn test_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, CliError> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(path)
                .build()
                .filter_map(Result::ok)
                .map(|e| e.into_path())
                .filter(|p| {
                    p.is_file()
                        && p.file_name()
                            .is_some_and(|n| n.to_string_lossy().ends_with(".test.toml"))
                })
                .collect();
            found.sort();
            out.extend(found);
        } else if path.is_file() {
            out.push(path.clone());
        } else {
            return Err(CliError(format!(
                "no such file or directory: {}",
                path.display()
            )));
        }
    }
    Ok(out)
}

/// Runs one test: `Ok(None)` when it passes, `Ok(Some(diff))` when it fails.
fn run_case(
    test_file: &Path,
    case: &TestCase,
    as_of: Date,
    levels: &crate::check::Levels,
) -> Result<Option<String>, CliError> {
    let dir = test_file.parent().unwrap_or(Path::new("."));
    let mut db = Database::new();
    let root: SourceFile = match (&case.policy, &case.source) {
        (Some(p), None) => {
            let path = dir.join(p);
            let roots = load::load_roots(&mut db, std::slice::from_ref(&path))?;
            match roots.first() {
                Some(r) => *r,
                None => {
                    return Ok(Some(format!(
                        "  cannot load the policy {}\n",
                        path.display()
                    )));
                }
            }
        }
        (None, Some(text)) => {
            let slug: String = case
                .name
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect();
            let path = crate::workspace::display_path(&dir.join(format!("{slug}.inline.vern")));
            let file = db.set_file(&path, text.clone());
            crate::workspace::load_imports(&mut db, &[file]);
            file
        }
        _ => {
            return Err(CliError(format!(
                "{}: test `{}` needs one of `policy` and `source`",
                test_file.display(),
                case.name
            )));
        }
    };
    let config = CheckConfig::new(&db, as_of, levels.clone());
    let diags = check_policy(&db, root, config);
    let found: Vec<Found> = diags
        .iter()
        .filter(|d| d.waived.is_none())
        .map(|d| found(&db, d))
        .collect();
    let missing: Vec<&Expectation> = case
        .expect
        .iter()
        .filter(|e| !found.iter().any(|f| e.matches(f)))
        .collect();
    let unwanted: Vec<(&Expectation, &Found)> = case
        .expect_not
        .iter()
        .flat_map(|e| found.iter().filter(|f| e.matches(f)).map(move |f| (e, f)))
        .collect();
    if missing.is_empty() && unwanted.is_empty() {
        return Ok(None);
    }
    let mut out = String::from("  --- expected\n  +++ actual\n");
    for e in &missing {
        out.push_str(&format!("  - {}    (expected, not found)\n", e.show()));
    }
    for (e, f) in &unwanted {
        out.push_str(&format!(
            "  + {}    (found, but `expect-not` {})\n",
            f.show(),
            e.show()
        ));
    }
    if found.is_empty() {
        out.push_str("  actual findings: none\n");
    } else {
        out.push_str("  actual findings:\n");
        for f in &found {
            out.push_str(&format!("    {}\n", f.show()));
        }
    }
    Ok(Some(out))
}

/// A finding's rule, file, line and the declaration it points into.
fn found(db: &Database, d: &Diagnostic) -> Found {
    let file = d.primary.file;
    let text = file.text(db);
    let line = crate::text_index::LineIndex::new(text).line(d.primary.span.start()) + 1;
    let parsed = crate::syntax::parse(db, file);
    let at = parsed.decls.iter().find_map(|decl| match decl {
        Decl::Item(item)
            if item.span.start() <= d.primary.span.start()
                && d.primary.span.end() <= item.span.end() =>
        {
            item.name.as_ref().map(|n| n.text.to_string())
        }
        _ => None,
    });
    Found {
        rule: d.code.to_string(),
        at,
        file: file.path(db).to_string(),
        line,
    }
}

fn junit(suites: &[(String, Vec<Outcome>)]) -> Result<String, CliError> {
    use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
    let mut report = Report::new("vern test");
    for (file, outcomes) in suites {
        let mut suite = TestSuite::new(file.as_str());
        for o in outcomes {
            let status = match &o.failure {
                None => TestCaseStatus::success(),
                Some(diff) => {
                    let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
                    s.set_message("expected and actual findings differ");
                    s.set_description(diff.as_str());
                    s
                }
            };
            let mut case = TestCase::new(o.name.as_str(), status);
            case.set_classname(file.as_str());
            case.set_time(std::time::Duration::from_secs_f64(o.seconds));
            suite.add_test_case(case);
        }
        report.add_test_suite(suite);
    }
    report
        .to_string()
        .map_err(|e| CliError(format!("cannot write JUnit XML: {e}")))
}
