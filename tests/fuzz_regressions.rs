#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! Inputs the fuzzers (fuzz/) found or that stress the same properties, kept as regression tests:
//! for each file in fuzz/regressions/, the whole pipeline runs without panicking, policy.json reads
//! back into the same compiled policy, and formatting is idempotent.

use vern::check::CheckConfig;
use vern::db::Database;
use vern::emit::model::CompiledPolicy;

const AS_OF: vern::ir::Date = vern::ir::Date::constant(2026, 11, 22);

#[test]
fn fuzz_regressions_hold() {
    let mut entries: Vec<_> = std::fs::read_dir("fuzz/regressions")
        .expect("folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    assert!(!entries.is_empty());
    for path in entries {
        let text = String::from_utf8_lossy(&std::fs::read(&path).expect("read")).into_owned();
        let mut db = Database::new();
        let file = db.set_file("fuzz.vern", text.clone());
        let config = CheckConfig::new(&db, AS_OF, Default::default());
        let _ = vern::check::check_policy(&db, file, config);
        let policy = &vern::resolve::resolve_policy(&db, file).policy;
        let compiled = vern::emit::compile(policy, AS_OF);
        let json = serde_json::to_string_pretty(&compiled).expect("serialises");
        let back: CompiledPolicy =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(back, compiled, "{}", path.display());
        for lang in ["nb", "en"] {
            let _ = vern::emit::notice::render(
                policy,
                AS_OF,
                lang,
                vern::emit::notice::Format::Html,
                &vern::emit::notice::Templates::shipped(),
            );
        }
        if let Ok(once) = vern::fmt::format(&text) {
            assert_eq!(
                vern::fmt::format(&once).ok().as_deref(),
                Some(once.as_str()),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn every_example_policy_json_reads_back() {
    for name in [
        "examples/nordlys-sko.vern",
        "examples/seeds/carre-oslo.vern",
        "examples/seeds/ellos.vern",
    ] {
        let mut db = Database::new();
        let roots = vern::cli::load::load_roots(&mut db, &[name.into()]).expect("load");
        let compiled =
            vern::emit::compile(&vern::resolve::resolve_policy(&db, roots[0]).policy, AS_OF);
        let json = serde_json::to_string_pretty(&compiled).expect("serialises");
        let back: CompiledPolicy = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back, compiled, "{name}");
    }
}
