//! The whole pipeline (check, policy.json, notices, record schemas) never panics, and every artefact
//! path stays inside the output directory.
#![no_main]

use std::cell::RefCell;

use libfuzzer_sys::fuzz_target;
use vern::check::{check_policy, CheckConfig};
use vern::db::Database;

thread_local! {
    // One database for every run: the stdlib is resolved once, as in the language server.
    static DB: RefCell<Database> = RefCell::new(Database::new());
    static CONFIG: RefCell<Option<CheckConfig>> = const { RefCell::new(None) };
}

const AS_OF: vern::ir::Date = vern::ir::Date::constant(2026, 11, 22);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    DB.with(|db| run(&mut db.borrow_mut(), text));
});

fn run(db: &mut Database, text: &str) {
    let file = db.set_file("fuzz.vern", text.to_string());
    let config = CONFIG.with(|c| *c.borrow_mut().get_or_insert_with(|| CheckConfig::new(&*db, AS_OF, Default::default())));
    let _ = check_policy(&*db, file, config);
    let policy = &vern::resolve::resolve_policy(&*db, file).policy;
    let _ = vern::emit::policy_json(policy, AS_OF);
    let templates = vern::emit::notice::Templates::shipped();
    for lang in ["nb", "en"] {
        for format in [vern::emit::notice::Format::Markdown, vern::emit::notice::Format::Html] {
            let _ = vern::emit::notice::render(policy, AS_OF, lang, format, &templates);
        }
    }
    for (category, _) in vern::emit::records::record_schemas(policy) {
        let path = vern::emit::records::file_name(&category);
        assert!(!path.contains("..") && !path.starts_with('/') && !path.contains('\\'), "{path}");
    }
}
