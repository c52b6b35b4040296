#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! `vern fmt`: every example and stdlib file formatted (a snapshot each, and the committed files are
//! already formatted), formatting keeps every comment and the compiled policy, it is idempotent over
//! generated policies with random whitespace, comments and line breaks (proptest), and the command
//! line's `--check`, `-` and error handling.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::sample::Index;
use vern::check::{CheckConfig, check_policy};
use vern::db::Database;
use vern::fmt::format;
use vern::resolve::resolve_policy;

/// The evaluation date of every compilation here.
const AS_OF: vern::ir::Date = vern::ir::Date::constant(2026, 11, 22);

fn vern_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        panic!("cannot read {}", dir.display())
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            vern_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "vern") {
            out.push(path);
        }
    }
}

fn files_under(dir: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    vern_files(Path::new(dir), &mut out);
    assert!(!out.is_empty(), "no .vern files under {dir}");
    out
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn fmt(text: &str, what: &str) -> String {
    match format(text) {
        Ok(out) => out,
        Err(e) => panic!("cannot format {what}: {e}"),
    }
}

/// The comments of a text, trimmed as the formatter writes them, sorted: a multiset. Written here
/// again, apart from the formatter's own scan, so that the two check each other.
fn comment_multiset(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '/' if chars.peek().is_some_and(|&(_, n)| n == '/') => {
                let end = text[i..].find(['\n', '\r']).map_or(text.len(), |e| i + e);
                out.push(text[i..end].trim_end().to_string());
                while chars.peek().is_some_and(|&(j, _)| j < end) {
                    chars.next();
                }
            }
            '/' if chars.peek().is_some_and(|&(_, n)| n == '*') => {
                let end = text[i + 2..]
                    .find("*/")
                    .map_or(text.len(), |e| i + 2 + e + 2);
                let lines: Vec<&str> = text[i..end].split('\n').map(str::trim_end).collect();
                out.push(lines.join("\n"));
                while chars.peek().is_some_and(|&(j, _)| j < end) {
                    chars.next();
                }
            }
            _ => {}
        }
    }
    out.sort();
    out
}

/// `policy.json` and the sorted diagnostic codes of the policy whose root is `root`, with `files`
/// (path, text) loaded into one database.
fn compile(files: &[(String, String)], root: &str) -> (String, Vec<&'static str>) {
    let mut db = Database::new();
    for (path, text) in files {
        db.set_file(path, text.clone());
    }
    let Some(file) = db.file(root) else {
        panic!("{root} is not loaded")
    };
    let resolved = resolve_policy(&db, file);
    let json = vern::emit::policy_json(&resolved.policy, AS_OF);
    let config = CheckConfig::with_date(&db, AS_OF);
    let mut codes: Vec<&'static str> = check_policy(&db, file, config)
        .iter()
        .map(|d| d.code)
        .collect();
    codes.sort_unstable();
    (json, codes)
}

// -------------------------------------------------------------------------------------------------
// The examples and the standard library
// -------------------------------------------------------------------------------------------------

#[test]
fn every_example_formatted_is_a_snapshot() {
    for path in files_under("examples") {
        let out = fmt(&read(&path), &path.display().to_string());
        let name = path.to_string_lossy().replace(['/', '\\'], "__");
        insta::with_settings!({ snapshot_path => "snapshots/fmt", prepend_module_to_snapshot => false, description => path.display().to_string() }, {
            insta::assert_snapshot!(name, out);
        });
    }
}

#[test]
fn the_committed_examples_and_stdlib_are_formatted() {
    let mut unformatted = Vec::new();
    for path in files_under("examples")
        .into_iter()
        .chain(files_under("stdlib"))
    {
        let text = read(&path);
        if fmt(&text, &path.display().to_string()) != text {
            unformatted.push(path.display().to_string());
        }
    }
    assert!(
        unformatted.is_empty(),
        "not formatted (run `cargo run -- fmt examples stdlib`): {unformatted:?}"
    );
}

#[test]
fn formatting_keeps_every_comment_of_the_examples_and_stdlib() {
    for path in files_under("examples")
        .into_iter()
        .chain(files_under("stdlib"))
    {
        let text = read(&path);
        let out = fmt(&text, &path.display().to_string());
        assert_eq!(
            comment_multiset(&text),
            comment_multiset(&out),
            "comments changed in {}",
            path.display()
        );
        assert!(
            !comment_multiset(&text).is_empty() || !text.contains("//"),
            "the test's scan found nothing"
        );
    }
}

#[test]
fn formatting_the_examples_and_stdlib_is_idempotent() {
    for path in files_under("examples")
        .into_iter()
        .chain(files_under("stdlib"))
    {
        let once = fmt(&read(&path), &path.display().to_string());
        assert_eq!(
            fmt(&once, "the formatted text"),
            once,
            "{} is not stable",
            path.display()
        );
    }
}

#[test]
fn formatted_examples_compile_to_the_same_policy() {
    let files = files_under("examples");
    let as_is: Vec<(String, String)> = files
        .iter()
        .map(|p| (p.to_string_lossy().replace('\\', "/"), read(p)))
        .collect();
    let formatted: Vec<(String, String)> =
        as_is.iter().map(|(p, t)| (p.clone(), fmt(t, p))).collect();
    for (path, text) in &as_is {
        if !text.lines().any(|l| l.starts_with("policy")) {
            continue;
        }
        assert_eq!(
            compile(&as_is, path),
            compile(&formatted, path),
            "{path} compiles differently when formatted"
        );
    }
}

#[test]
fn every_long_line_is_long_because_of_a_long_string_or_comment() {
    for path in files_under("examples")
        .into_iter()
        .chain(files_under("stdlib"))
    {
        let text = read(&path);
        let out = fmt(&text, &path.display().to_string());
        for line in out
            .lines()
            .filter(|l| l.chars().count() > vern::fmt::MAX_WIDTH)
        {
            let longest_string = line
                .split('"')
                .skip(1)
                .step_by(2)
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0);
            let as_written = text.lines().any(|l| l.trim() == line.trim());
            assert!(
                longest_string >= 40 || as_written,
                "{}: a line that could have been wrapped:\n{line}",
                path.display()
            );
        }
    }
}

// -------------------------------------------------------------------------------------------------
// Property tests over generated policies
// -------------------------------------------------------------------------------------------------

/// A change to a generated policy that keeps it a policy: whitespace, comments, line breaks.
#[derive(Clone, Debug)]
enum Mutation {
    /// Spaces and tabs at the end of a line.
    TrailingSpace(Index, &'static str),
    BlankLine(Index),
    /// A different indentation of an indented line (never column 0: that starts a declaration).
    Reindent(Index, &'static str),
    /// A `//` comment at the end of a line.
    LineComment(Index, &'static str),
    /// A comment on its own line before a line, at some indentation.
    OwnLineComment(Index, &'static str, &'static str),
    /// A `/* */` comment (or other whitespace) in place of a space between two tokens.
    BetweenTokens(Index, Index, &'static str),
    /// Two indented lines joined with `;`.
    JoinWithSemicolon(Index),
    /// A list broken after a comma.
    BreakAfterComma(Index, Index),
    /// A translation moved to the next line.
    BreakBeforeTranslation(Index, Index),
}

const COMMENTS: &[&str] = &[
    "// a comment",
    "//",
    "// \"quoted\" { braces } , commas; en \"x\"",
    "//   spaced out   ",
    "/* block */",
    "/* block\n   over two lines */",
    "/**/",
    "// /* not a block */",
];

fn comment_text() -> impl Strategy<Value = &'static str> {
    prop::sample::select(COMMENTS)
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (
            any::<Index>(),
            prop::sample::select(&[" ", "\t", "  \t ", "\u{FEFF}"][..])
        )
            .prop_map(|(i, s)| Mutation::TrailingSpace(i, s)),
        any::<Index>().prop_map(Mutation::BlankLine),
        (
            any::<Index>(),
            prop::sample::select(&[" ", "\t", "      ", "   \t"][..])
        )
            .prop_map(|(i, s)| Mutation::Reindent(i, s)),
        (any::<Index>(), comment_text()).prop_map(|(i, c)| Mutation::LineComment(i, c)),
        (
            any::<Index>(),
            prop::sample::select(&["", "  ", "\t\t", "       "][..]),
            comment_text()
        )
            .prop_map(|(i, ind, c)| Mutation::OwnLineComment(i, ind, c)),
        (
            any::<Index>(),
            any::<Index>(),
            prop::sample::select(&[" /* c */ ", "/**/", "\t", "   ", " /* x\n */ "][..])
        )
            .prop_map(|(i, j, s)| Mutation::BetweenTokens(i, j, s)),
        any::<Index>().prop_map(Mutation::JoinWithSemicolon),
        (any::<Index>(), any::<Index>()).prop_map(|(i, j)| Mutation::BreakAfterComma(i, j)),
        (any::<Index>(), any::<Index>()).prop_map(|(i, j)| Mutation::BreakBeforeTranslation(i, j)),
    ]
}

/// Byte offsets in a line where `pattern` starts outside strings and comments.
fn code_positions(line: &str, pattern: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut in_string = false;
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if in_string {
            match b[i] {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else if b[i..].starts_with(b"//") || b[i..].starts_with(b"/*") {
            break;
        } else if b[i..].starts_with(pattern.as_bytes()) {
            out.push(i);
        } else if b[i] == b'"' {
            in_string = true;
        }
        i += 1;
    }
    out
}

/// A space between two tokens: after the indentation, outside strings and comments.
fn token_gaps(line: &str) -> Vec<usize> {
    let indent = line.len() - line.trim_start().len();
    code_positions(line, " ")
        .into_iter()
        .filter(|&p| p > indent)
        .collect()
}

fn is_indented(line: &str) -> bool {
    line.starts_with([' ', '\t'])
}

fn apply(lines: &mut Vec<String>, m: &Mutation) {
    if lines.is_empty() {
        return;
    }
    match m {
        Mutation::TrailingSpace(i, s) => {
            let i = i.index(lines.len());
            lines[i].push_str(s);
        }
        Mutation::BlankLine(i) => {
            let i = i.index(lines.len());
            lines.insert(i, String::new());
        }
        Mutation::Reindent(i, s) => {
            let i = i.index(lines.len());
            let line = &mut lines[i];
            if is_indented(line) {
                *line = format!("{s}{}", line.trim_start());
            }
        }
        Mutation::LineComment(i, c) => {
            let i = i.index(lines.len());
            lines[i] = format!("{} {c}", lines[i]);
        }
        Mutation::OwnLineComment(i, indent, c) => {
            let i = i.index(lines.len());
            let c = c.replace('\n', "\n ");
            lines.insert(i, format!("{indent}{c}"));
        }
        Mutation::BetweenTokens(i, j, s) => {
            let i = i.index(lines.len());
            let gaps = token_gaps(&lines[i]);
            if !gaps.is_empty() {
                let at = gaps[j.index(gaps.len())];
                lines[i].replace_range(at..at + 1, s);
            }
        }
        Mutation::JoinWithSemicolon(i) => {
            let i = i.index(lines.len());
            if i + 1 >= lines.len() {
                return;
            }
            let (a, b) = (&lines[i], &lines[i + 1]);
            let next_word = b.trim_start().split(' ').next().unwrap_or("");
            if is_indented(a)
                && is_indented(b)
                && !a.contains("//")
                && !a.contains("/*")
                && !a.trim_end().ends_with(',')
                && !vern::resolve::LANGUAGES.contains(&next_word)
            {
                let joined = format!("{}; {}", a.trim_end(), b.trim_start());
                lines[i] = joined;
                lines.remove(i + 1);
            }
        }
        Mutation::BreakAfterComma(i, j) => {
            let i = i.index(lines.len());
            let at = code_positions(&lines[i], ", ");
            if !at.is_empty() {
                let p = at[j.index(at.len())];
                lines[i].replace_range(p..p + 2, ",\n      ");
            }
        }
        Mutation::BreakBeforeTranslation(i, j) => {
            let i = i.index(lines.len());
            let at: Vec<usize> = code_positions(&lines[i], " en \"").into_iter().collect();
            if !at.is_empty() {
                let p = at[j.index(at.len())];
                lines[i].replace_range(p..p + 1, "\n        ");
            }
        }
    }
    // Keep one line per element: the inserted line breaks become lines of their own.
    let joined = lines.join("\n");
    *lines = joined.split('\n').map(str::to_string).collect();
}

/// Checks the properties on one set of files (the first is the root): formatting succeeds exactly
/// when the files parse, is idempotent, keeps every comment, and the policy compiles the same.
fn check_properties(files: &[(String, String)]) -> Result<(), TestCaseError> {
    let mut formatted = Vec::new();
    for (path, text) in files {
        let db = Database::new();
        let file = vern::db::SourceFile::new(&db, path.clone(), text.clone(), false);
        let diags = vern::syntax::parse_text(file, text).diagnostics;
        match format(text) {
            Err(e) => {
                prop_assert!(
                    !diags.is_empty(),
                    "{path} parses but was not formatted: {e}\n{text}"
                );
                return Ok(());
            }
            Ok(out) => {
                prop_assert!(
                    diags.is_empty(),
                    "{path} has syntax errors but was formatted"
                );
                let again = format(&out);
                prop_assert_eq!(again.as_ref().ok(), Some(&out), "not idempotent:\n{}", text);
                prop_assert_eq!(
                    comment_multiset(text),
                    comment_multiset(&out),
                    "comments changed:\n{}",
                    text
                );
                prop_assert!(out.ends_with('\n') && !out.ends_with("\n\n"));
                prop_assert!(!out.contains("\r\n"), "a CRLF survived:\n{}", out);
                prop_assert!(
                    out.lines().all(|l| l == l.trim_end()),
                    "trailing whitespace:\n{}",
                    out
                );
                formatted.push((path.clone(), out));
            }
        }
    }
    let root = &files[0].0;
    let (json_a, codes_a) = compile(files, root);
    let (json_b, codes_b) = compile(&formatted, root);
    prop_assert_eq!(codes_a, codes_b, "diagnostics differ for\n{}", files[0].1);
    prop_assert!(json_a == json_b, "policy.json differs for\n{}", files[0].1);
    Ok(())
}

fn generated(seed: u64, lines: usize, files: usize, defects: f64) -> Vec<(String, String)> {
    vern::generate::generate(&vern::generate::Options {
        lines,
        files,
        defects,
        seed,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn generated_policies_format_idempotently_and_keep_their_meaning(
        seed in any::<u64>(),
        lines in 60usize..400,
        files in 1usize..3,
        defects in 0.0f64..1.0,
    ) {
        check_properties(&generated(seed, lines, files, defects))?;
    }

    #[test]
    fn mangled_policies_format_idempotently_and_keep_their_meaning(
        seed in any::<u64>(),
        lines in 60usize..250,
        mutations in prop::collection::vec(mutation(), 0..60),
        crlf in any::<bool>(),
    ) {
        let mut files = generated(seed, lines, 1, 0.3);
        let mut text_lines: Vec<String> = files[0].1.lines().map(str::to_string).collect();
        for m in &mutations {
            apply(&mut text_lines, m);
        }
        let newline = if crlf { "\r\n" } else { "\n" };
        files[0].1 = text_lines.join(newline) + newline;
        check_properties(&files)?;
    }
}

// -------------------------------------------------------------------------------------------------
// The command line
// -------------------------------------------------------------------------------------------------

fn vern() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("vern").unwrap_or_else(|e| panic!("{e}"))
}

const UNFORMATTED: &str = "data  a \"A\"{\n      special ; identifier\n}\n";
const FORMATTED: &str = "data a \"A\" {\n  special\n  identifier\n}\n";
const BROKEN: &str = "data   b {\n  includes x,\n\n";

fn temp_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (name, text) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    }
    dir
}

#[test]
fn cli_check_prints_a_diff_and_exits_1_without_writing() {
    let dir = temp_with(&[("a.vern", UNFORMATTED), ("sub/b.vern", FORMATTED)]);
    let out = vern()
        .current_dir(dir.path())
        .args(["fmt", "--check", "."])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("--- a.vern") && stdout.contains("+++ a.vern (formatted)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("-data  a \"A\"{") && stdout.contains("+data a \"A\" {"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("b.vern"),
        "a formatted file has a diff:\n{stdout}"
    );
    assert_eq!(
        read(&dir.path().join("a.vern")),
        UNFORMATTED,
        "--check wrote the file"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 file would be reformatted"));
}

#[test]
fn cli_check_exits_0_when_everything_is_formatted() {
    let dir = temp_with(&[("a.vern", FORMATTED)]);
    let out = vern()
        .current_dir(dir.path())
        .args(["fmt", "--check", "a.vern"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn cli_rewrites_files_in_place_and_reports_how_many() {
    let dir = temp_with(&[
        ("a.vern", UNFORMATTED),
        ("sub/b.vern", FORMATTED),
        ("notes.txt", UNFORMATTED),
    ]);
    let out = vern()
        .current_dir(dir.path())
        .args(["fmt"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("formatted 1 file"));
    assert_eq!(read(&dir.path().join("a.vern")), FORMATTED);
    assert_eq!(read(&dir.path().join("sub/b.vern")), FORMATTED);
    assert_eq!(
        read(&dir.path().join("notes.txt")),
        UNFORMATTED,
        "only .vern files are formatted"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".vern"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files were left behind");
    let again = vern()
        .current_dir(dir.path())
        .args(["fmt", "a.vern"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(String::from_utf8_lossy(&again.stderr).contains("formatted 0 files"));
}

#[cfg(unix)]
#[test]
fn cli_keeps_the_permissions_of_a_rewritten_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_with(&[("a.vern", UNFORMATTED)]);
    let path = dir.path().join("a.vern");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640))
        .unwrap_or_else(|e| panic!("{e}"));
    let out = vern()
        .args(["fmt"])
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    let mode = std::fs::metadata(&path)
        .unwrap_or_else(|e| panic!("{e}"))
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[test]
fn cli_formats_stdin_to_stdout() {
    let out = vern()
        .args(["fmt", "-"])
        .write_stdin(UNFORMATTED)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), FORMATTED);
    let check = vern()
        .args(["fmt", "--check", "-"])
        .write_stdin(UNFORMATTED)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(check.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&check.stdout).contains("+++ <stdin> (formatted)"));
    let clean = vern()
        .args(["fmt", "--check", "-"])
        .write_stdin(FORMATTED)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(clean.status.code(), Some(0));
    assert!(clean.stdout.is_empty());
}

#[test]
fn cli_never_rewrites_a_file_with_syntax_errors() {
    let dir = temp_with(&[("a.vern", UNFORMATTED), ("broken.vern", BROKEN)]);
    let out = vern()
        .current_dir(dir.path())
        .args(["fmt", "."])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error[syntax-error]") && stderr.contains("broken.vern"),
        "{stderr}"
    );
    assert_eq!(
        read(&dir.path().join("broken.vern")),
        BROKEN,
        "a broken file was rewritten"
    );
    assert_eq!(
        read(&dir.path().join("a.vern")),
        FORMATTED,
        "the other files are still formatted"
    );
    let stdin = vern()
        .args(["fmt", "-"])
        .write_stdin(BROKEN)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(stdin.status.code(), Some(1));
    assert!(stdin.stdout.is_empty());
}

#[test]
fn cli_exits_2_for_a_missing_file() {
    let dir = temp_with(&[]);
    let out = vern()
        .current_dir(dir.path())
        .args(["fmt", "missing.vern"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.vern"));
}

#[test]
fn cli_check_passes_on_the_examples_and_stdlib() {
    let out = vern()
        .args(["fmt", "--check", "examples", "stdlib"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Standard input has the limit files have: a source past it is refused whole, with a message,
/// before anything is parsed (spans are 32-bit, and no real policy is near the limit).
#[test]
fn cli_refuses_stdin_over_the_size_limit() {
    let limit = vern::workspace::DEFAULT_MAX_FILE_SIZE as usize;
    let huge = "// padding\n".repeat(limit / 11 + 2);
    let out = vern()
        .args(["fmt", "-"])
        .write_stdin(huge)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(out.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("stdin is larger than the largest source"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
