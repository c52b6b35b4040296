#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! Several controllers, joint arrangements and `acts-as processor`: what `sema` answers for the
//! example, and the editor's completion and hover, table driven.

use vern::db::Database;
use vern::ide::{completions, hover};
use vern::ir::Date;
use vern::resolve::resolve_policy;
use vern::sema::{Responsible, Sema};

const AS_OF: Date = Date::constant(2026, 11, 22);

fn example() -> (Database, vern::db::SourceFile) {
    let mut db = Database::new();
    let text = std::fs::read_to_string("examples/fjordforbundet.vern").unwrap();
    let file = db.set_file("examples/fjordforbundet.vern", text);
    (db, file)
}

#[test]
fn sema_answers_who_is_responsible_for_each_purpose() {
    let (db, file) = example();
    let resolved = resolve_policy(&db, file);
    let sema = Sema::new(&resolved.policy, AS_OF);
    let names: Vec<&str> = sema.controllers().iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["union", "bergen"]);
    assert!(sema.several_controllers());
    let cases = [
        ("register", "joint member-register"),
        ("magazine", "union"),
        ("meetings", "bergen"),
        ("accounts", "union"),
    ];
    for (purpose, expected) in cases {
        let p = sema.purpose(purpose).unwrap();
        let got = match sema.responsible_for(p) {
            Responsible::Sole(c) => c.name.to_string(),
            Responsible::Joint(j) => format!("joint {}", j.name),
            Responsible::Unattributed => "unattributed".into(),
            Responsible::Nobody => "nobody".into(),
        };
        assert_eq!(got, expected, "{purpose}");
    }
    let roles = sema.processor_roles();
    assert_eq!(roles.len(), 1);
    assert_eq!(roles[0].0.name, "union");
    assert_eq!(sema.controller_countries(), ["NO"]);
}

/// `(text before the cursor on a new line in the file, a completion that must be offered)`.
const COMPLETIONS: &[(&str, &str, &str)] = &[
    ("purpose magazine", "  controller ", "bergen"),
    ("joint member-register", "  controllers union, ", "bergen"),
    ("joint member-register", "  purposes ", "meetings"),
    ("joint member-register", "  contact ", "union"),
    ("joint member-register", "  ", "essence"),
    ("joint member-register", "  ", "responsibilities"),
    ("controller union", "  ", "acts-as"),
    ("purpose magazine", "  ", "controller"),
];

#[test]
fn completion_offers_controllers_purposes_and_the_new_properties() {
    let source = std::fs::read_to_string("examples/fjordforbundet.vern").unwrap();
    for (decl, typed, expected) in COMPLETIONS {
        let at = source.find(&format!("\n{decl} ")).unwrap() + 1;
        let line_end = at + source[at..].find('\n').unwrap() + 1;
        let text = format!("{}{typed}\n{}", &source[..line_end], &source[line_end..]);
        let offset = line_end + typed.len();
        let mut db = Database::new();
        let file = db.set_file("examples/fjordforbundet.vern", text);
        let labels: Vec<String> = completions(&db, file, offset)
            .into_iter()
            .map(|c| c.label)
            .collect();
        assert!(
            labels.iter().any(|l| l == expected),
            "in `{decl}` after `{typed}`: no `{expected}` in {labels:?}"
        );
    }
}

/// `(a name in the file, what its hover must say)`.
const HOVERS: &[(&str, &str)] = &[
    ("controller bergen", "Fjordforbundet avdeling Bergen"),
    ("controller union", "Acts as processor for"),
    ("joint member-register", "joint-controller arrangement"),
    ("joint member-register", "- Controllers: `union`, `bergen`"),
];

#[test]
fn hover_describes_every_controller_and_the_joint_arrangement() {
    let (db, file) = example();
    let source = std::fs::read_to_string("examples/fjordforbundet.vern").unwrap();
    for (at, expected) in HOVERS {
        // The declaration, at the start of a line (the header comment names some of them too).
        let offset = source.find(&format!("\n{at}")).unwrap() + at.len();
        let config = vern::check::CheckConfig::new(&db, AS_OF, Default::default());
        let h = hover(&db, file, offset, config).unwrap_or_else(|| panic!("no hover at {at}"));
        assert!(
            h.markdown.contains(expected),
            "hover at `{at}`: {}",
            h.markdown
        );
    }
}
