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

/// Every stdlib fact a rule reads by name exists: a missing one fails here instead of silently
/// switching the rule off.
#[test]
fn every_fact_a_rule_needs_is_in_the_stdlib() {
    use vern::check::Fact;
    use vern::lang::Kind;
    let db = Database::new();
    let v = &std_lib(&db, db.file_set()).vocab;
    let mut missing = Vec::new();
    for rule in vern::check::rules::RULES {
        let families = rule.national.iter().map(|f| Fact::Family(f));
        for fact in rule.facts.iter().copied().chain(families) {
            let found = match fact {
                Fact::Phrases(list) => v.phrases.get(list).is_some_and(|p| !p.phrases.is_empty()),
                Fact::Family(family) => v
                    .statutes
                    .values()
                    .any(|s| s.family.as_deref() == Some(family)),
                Fact::Term(kind, name) => match kind {
                    Kind::Data => v.data.contains_key(name),
                    Kind::Purpose => v.purpose_kinds.contains_key(name),
                    Kind::Right => v.rights.contains_key(name),
                    Kind::Role => v.roles.contains_key(name),
                    Kind::Mechanism => v.mechanisms.contains_key(name),
                    Kind::CookieKind => v.cookie_kinds.contains_key(name),
                    _ => v.entry(name).is_some(),
                },
            };
            if !found {
                missing.push(format!("{}: {fact:?}", rule.id));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "facts rules need but the stdlib lacks:\n{}",
        missing.join("\n")
    );
}

/// A finding's legal reference names the national statute in force for the policy's country on the
/// evaluation date, from the stdlib: a German policy's cookie finding cites the TDDDG, not the
/// Norwegian statute.
#[test]
fn legal_references_name_the_statute_in_force_for_the_jurisdiction() {
    let reference = |country: &str, module: &str| {
        let mut db = Database::new();
        let text = format!(
            "use std.{module}\npolicy \"P\" {{\n  languages en\n}}\ncontroller c {{\n  name \"C\"\n  country {country}\n}}\n"
        );
        let file = db.set_file("p.vern", text);
        let policy = &vern::resolve::resolve_policy(&db, file).policy;
        let sema = vern::sema::Sema::new(policy, vern::ir::Date::constant(2026, 11, 22));
        sema.legal_reference("ePrivacy Directive Art. 5(3)", &["cookie-consent"])
            .to_string()
    };
    let de = reference("DE", "de");
    assert!(de.contains("TDDDG"), "{de}");
    assert!(!de.contains("ekomloven"), "{de}");
    let no = reference("NO", "no");
    assert!(no.contains("ekomloven § 3-15"), "{no}");
    assert!(no.starts_with("ePrivacy Directive Art. 5(3); NO "), "{no}");
}

/// Every stdlib term is labelled in each language notices are written in, so a notice never shows a
/// term in another language. Vendors (and registry cookies) are exempt: they are proper names,
/// labelled with their own name.
#[test]
fn every_stdlib_term_is_labelled_in_every_notice_language() {
    let db = Database::new();
    let v = &std_lib(&db, db.file_set()).vocab;
    let mut missing = Vec::new();
    let mut checked = 0;
    macro_rules! check {
        ($($map:ident),*) => {$(
            for (name, x) in &v.$map {
                checked += 1;
                for lang in vern::sema::translation::NOTICE_LANGUAGES {
                    if x.entry.label.get(lang).is_none_or(|l| l.trim().is_empty()) {
                        missing.push(format!("{} `{name}`: no `{lang}` label", stringify!($map)));
                    }
                }
            }
        )*};
    }
    check!(
        data,
        subjects,
        purpose_kinds,
        bases,
        rights,
        roles,
        recipient_kinds,
        safeguards,
        countries,
        regions,
        statutes,
        events,
        mechanisms,
        channels,
        cookie_kinds,
        authorities,
        terms,
        phrases,
        legal_events
    );
    assert!(checked > 300, "only {checked} terms checked");
    assert!(
        missing.is_empty(),
        "{} labels missing:\n{}",
        missing.len(),
        missing.join("\n")
    );
}
