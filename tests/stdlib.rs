#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! The standard library compiles with zero diagnostics, and its facts are where the rules expect them.

use vern::db::{Database, Db};
use vern::diagnostic::render;
use vern::resolve::std_lib;

#[test]
fn stdlib_compiles_without_diagnostics() {
    let db = Database::new();
    let std = std_lib(&db, db.file_set());
    let rendered = render::to_string(&db, &std.diagnostics);
    assert!(
        std.diagnostics.is_empty(),
        "the stdlib has diagnostics:\n{rendered}"
    );
}

#[test]
fn every_stdlib_module_declares_something() {
    let db = Database::new();
    for module in vern::stdlib::MODULES {
        let file = db.stdlib_module(module.name);
        let Some(file) = file else {
            panic!("{} is not loaded", module.name)
        };
        let parsed = vern::syntax::parse(&db, file);
        assert!(!parsed.decls.is_empty(), "{} declares nothing", module.name);
    }
}
