//! Parsing never panics, and every diagnostic's span lies on character boundaries of the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vern::db::Database;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut db = Database::new();
    let file = db.set_file("fuzz.vern", text.to_string());
    let parsed = vern::syntax::parse(&db, file);
    for d in &parsed.diagnostics {
        assert!(d.primary.span.start() <= d.primary.span.end() && d.primary.span.end() <= text.len());
        assert!(text.is_char_boundary(d.primary.span.start()) && text.is_char_boundary(d.primary.span.end()));
    }
});
