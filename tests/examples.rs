#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! Every example compiles; the clean example with no findings at all. Each example's `policy.json`
//! is a reviewed snapshot and validates against the emitted JSON Schema, and the committed schema in
//! docs/ is current.

use std::path::{Path, PathBuf};

use vern::check::CheckConfig;
use vern::db::Database;
use vern::diagnostic::{Severity, codes, render};
use vern::resolve::resolve_policy;

/// Snapshots and findings are pinned to this evaluation date.
const AS_OF: vern::ir::Date = vern::ir::Date::constant(2026, 11, 22);

fn roots(dir: &str) -> Vec<PathBuf> {
    let mut db = Database::new();
    let roots = vern::cli::load::load_roots(&mut db, &[PathBuf::from(dir)]).unwrap_or_default();
    roots
        .into_iter()
        .map(|f| PathBuf::from(f.path(&db)))
        .collect()
}

/// The example roots: files that declare a `policy`.
fn example_roots() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = roots("examples")
        .into_iter()
        .filter(|p| {
            std::fs::read_to_string(p).is_ok_and(|t| t.lines().any(|l| l.starts_with("policy")))
        })
        .collect();
    out.sort();
    out
}

fn check(
    path: &Path,
) -> (
    Database,
    Vec<vern::diagnostic::Diagnostic>,
    vern::db::SourceFile,
) {
    let mut db = Database::new();
    let roots = vern::cli::load::load_roots(&mut db, &[path.to_path_buf()]).unwrap_or_default();
    let config = CheckConfig::new(&db, AS_OF, Default::default());
    let diags = vern::cli::check_diagnostics(&db, &roots, config);
    let root = roots[0];
    (db, diags, root)
}

#[test]
fn the_examples_include_the_five_seeds_and_a_clean_policy() {
    let roots = example_roots();
    for name in [
        "carre-oslo",
        "serviteur",
        "ellos",
        "brukte-kontormobler",
        "clemco-norge",
    ] {
        let path = PathBuf::from(format!("examples/seeds/{name}.vern"));
        assert!(
            roots.contains(&path),
            "missing seed encoding {}",
            path.display()
        );
    }
    assert!(roots.contains(&PathBuf::from("examples/nordlys-sko.vern")));
}

#[test]
fn every_example_compiles_without_compiler_errors() {
    for path in example_roots() {
        let (db, diags, _) = check(&path);
        let compiler: Vec<_> = diags
            .iter()
            .filter(|d| codes::lookup(d.code).is_some())
            .cloned()
            .collect();
        assert!(
            compiler.is_empty(),
            "{} does not compile:\n{}",
            path.display(),
            render::to_string(&db, &compiler)
        );
    }
}

#[test]
fn the_clean_example_has_no_findings() {
    let (db, diags, _) = check(Path::new("examples/nordlys-sko.vern"));
    // Waived findings are accepted, with their reasons, by the policy itself.
    let diags: Vec<_> = diags.into_iter().filter(|d| d.waived.is_none()).collect();
    assert!(
        diags.is_empty(),
        "the clean example has findings:\n{}",
        render::to_string(&db, &diags)
    );
}

#[test]
fn seeds_have_no_errors_of_the_compiler_only_findings() {
    for path in example_roots()
        .iter()
        .filter(|p| p.starts_with("examples/seeds"))
    {
        let (_, diags, _) = check(path);
        assert!(
            diags
                .iter()
                .all(|d| codes::lookup(d.code).is_none() || d.severity != Severity::Error)
        );
    }
}

#[test]
fn every_policy_json_is_snapshotted_and_valid_against_the_schema() {
    let schema = vern::emit::policy_schema();
    let validator = match jsonschema::validator_for(&schema) {
        Ok(v) => v,
        Err(e) => panic!("the emitted schema is not a valid JSON Schema: {e}"),
    };
    for path in example_roots() {
        let (db, _, root) = check(&path);
        let json = vern::emit::policy_json(&resolve_policy(&db, root).policy, AS_OF);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{}: policy.json does not match its schema:\n{}",
            path.display(),
            errors.join("\n")
        );
        let name = path.with_extension("").to_string_lossy().replace('/', "__");
        insta::with_settings!({ snapshot_path => "snapshots/policy_json", prepend_module_to_snapshot => false, description => path.display().to_string() }, {
            insta::assert_snapshot!(name, json);
        });
    }
}

#[test]
fn policy_json_is_byte_identical_across_runs() {
    for path in example_roots() {
        let (db1, _, r1) = check(&path);
        let (db2, _, r2) = check(&path);
        let a = vern::emit::policy_json(&resolve_policy(&db1, r1).policy, AS_OF);
        let b = vern::emit::policy_json(&resolve_policy(&db2, r2).policy, AS_OF);
        assert_eq!(a, b, "{} is not deterministic", path.display());
    }
}

#[test]
fn the_committed_schema_is_current() {
    let current =
        serde_json::to_string_pretty(&vern::emit::policy_schema()).unwrap_or_default() + "\n";
    let committed = std::fs::read_to_string("docs/policy.schema.json").unwrap_or_default();
    if std::env::var_os("VERN_BLESS").is_some() {
        let _ = std::fs::write("docs/policy.schema.json", &current);
        return;
    }
    assert!(
        committed == current,
        "docs/policy.schema.json is stale: run `vern schema > docs/policy.schema.json` (or VERN_BLESS=1 cargo test)"
    );
}

/// The Swedish, Danish and German examples: no findings at all, and `vern build` writes a notice per
/// declared language, in that language, with no text left untranslated.
#[test]
fn the_national_examples_are_clean_and_build_a_notice_per_language() {
    for (name, langs, title) in [
        ("fjallbo-hem", &["sv"][..], "Integritetspolicy"),
        ("langebro-koreskole", &["da"][..], "Privatlivspolitik"),
        ("wolkenwerk", &["de", "en"][..], "Datenschutzerklärung"),
        ("koivula-kielikoulu", &["fi", "en"][..], "Tietosuojaseloste"),
        ("fjordforbundet", &["nb", "en"][..], "Personvernerklæring"),
    ] {
        let path = PathBuf::from(format!("examples/{name}.vern"));
        let (db, diags, _) = check(&path);
        let diags: Vec<_> = diags.into_iter().filter(|d| d.waived.is_none()).collect();
        assert!(
            diags.is_empty(),
            "{name} has findings:\n{}",
            render::to_string(&db, &diags)
        );
        let out = tempfile::tempdir().unwrap();
        let status = assert_cmd::Command::cargo_bin("vern")
            .unwrap()
            .args(["build", "--as-of", "2026-11-22", "--deny", "warnings", "-o"])
            .arg(out.path())
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            status.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&status.stderr)
        );
        for lang in langs {
            for ext in ["md", "html"] {
                let file = out.path().join(format!("notice.{lang}.{ext}"));
                let text = std::fs::read_to_string(&file)
                    .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
                for marker in vern::sema::translation::NOTICE_LANGUAGES {
                    assert!(
                        !text.contains(&format!("[{marker}]"))
                            && !text.contains(&format!("\\[{marker}\\]")),
                        "{name} {lang}: a text is marked untranslated (`{marker}`)"
                    );
                }
                assert!(
                    !text.contains("{#translation}") && !text.contains("id=\"translation\""),
                    "{name} {lang}: the notice has a translation note"
                );
                if ext == "html" {
                    assert!(
                        text.contains(&format!("<html lang=\"{lang}\"")),
                        "{name}: lang attribute"
                    );
                }
            }
        }
        let first =
            std::fs::read_to_string(out.path().join(format!("notice.{}.md", langs[0]))).unwrap();
        assert!(
            first.starts_with(&format!("# {title}")),
            "{name}: {}",
            &first[..80]
        );
    }
}
