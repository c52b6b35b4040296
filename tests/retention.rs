#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! The retention forms in the notice: indefinite archiving with its Art. 89 ground, `at-least`,
//! `normally` and `then anonymise` are said in words, in each language, never dropped.

use vern::db::Database;
use vern::emit::notice::{Format, Templates, render};
use vern::resolve::resolve_policy;

const POLICY: &str = include_str!("ui/rules/retention-vague/forms.vern");

fn notice(lang: &str) -> String {
    let mut db = Database::new();
    let text = format!("policy \"P\" {{\n  languages nb, en\n}}\n{POLICY}");
    let file = db.set_file("forms.vern", text);
    let policy = resolve_policy(&db, file).policy.clone();
    render(
        &policy,
        vern::ir::Date::constant(2026, 11, 22),
        lang,
        Format::Markdown,
        &Templates::shipped(),
    )
    .expect("renders")
    .text
}

#[test]
fn retention_forms_are_said_in_words() {
    let en = notice("en");
    for sentence in [
        "Indefinitely, with no end stated",
        "Indefinitely, archived for historical research purposes (GDPR Art. 89)",
        "At least 5 years from when the data were collected, with no maximum stated",
        "Normally 2 years from when the data were collected; the exceptions are not stated",
        "2 years from when the data were collected, and then anonymised rather than erased",
    ] {
        assert!(en.contains(sentence), "missing {sentence:?} in:\n{en}");
    }
    let nb = notice("nb");
    for sentence in [
        "På ubestemt tid, uten oppgitt slutt",
        "På ubestemt tid, arkivert for formål knyttet til historisk forskning",
        "Minst 5 år",
        "Normalt 2 år",
        "og deretter anonymisert i stedet for slettet",
    ] {
        assert!(nb.contains(sentence), "missing {sentence:?} in:\n{nb}");
    }
}
