//! policy.json round-trips: it parses as JSON and serialises back to the same bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vern::db::Database;

const AS_OF: vern::ir::Date = vern::ir::Date::constant(2026, 11, 22);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut db = Database::new();
    let file = db.set_file("fuzz.vern", text.to_string());
    let json = vern::emit::policy_json(&vern::resolve::resolve_policy(&db, file).policy, AS_OF);
    let value: serde_json::Value = serde_json::from_str(&json).expect("policy.json is JSON");
    let again = serde_json::to_string_pretty(&value).expect("serialises") + "\n";
    assert_eq!(json, again);
});
