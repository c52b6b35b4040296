//! policy.json round-trips: what vern writes reads back into the same compiled policy, and writes out
//! to the same bytes.
#![no_main]

use std::cell::RefCell;

use libfuzzer_sys::fuzz_target;
use vern::db::Database;
use vern::emit::model::CompiledPolicy;

const AS_OF: vern::ir::Date = vern::ir::Date::constant(2026, 11, 22);

thread_local! {
    // One database for every run: the stdlib is resolved once, as in the language server.
    static DB: RefCell<Database> = RefCell::new(Database::new());
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    DB.with(|db| {
        let mut db = db.borrow_mut();
        let file = db.set_file("fuzz.vern", text.to_string());
        let compiled = vern::emit::compile(&vern::resolve::resolve_policy(&*db, file).policy, AS_OF);
        let json = serde_json::to_string_pretty(&compiled).expect("serialises");
        let back: CompiledPolicy = serde_json::from_str(&json).expect("policy.json reads back");
        assert_eq!(back, compiled);
        assert_eq!(serde_json::to_string_pretty(&back).expect("serialises"), json);
    });
});
