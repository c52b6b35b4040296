#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! The five real policies: the checker finds what each really gets wrong (the defects listed, with
//! the sentences of the originals that justify them, in docs/seeds.md) and nothing it gets right.
//! The full rendered findings are a reviewed snapshot per seed, at a pinned evaluation date.

use std::collections::BTreeSet;
use std::path::PathBuf;

use vern::check::CheckConfig;
use vern::db::Database;
use vern::diagnostic::render;

const AS_OF: vern::ir::Date = vern::ir::Date::constant(2026, 11, 22);

struct Seed {
    file: &'static str,
    /// Rules that must fire (● in docs/seeds.md).
    must: &'static [&'static str],
    /// Rules that may fire (○: a prompt, or a reading the text allows).
    may: &'static [&'static str],
}

const SEEDS: &[Seed] = &[
    Seed {
        file: "carre-oslo",
        must: &[
            "recipients-incomplete",
            "joint-controller-essence-missing",
            "purpose-without-legal-basis",
            "legal-basis-conflict",
            "direct-marketing-objection-missing",
            "rights-incomplete-for-basis",
            "electronic-marketing-without-consent",
            "tracking-on-legitimate-interest",
            "cookie-consent-missing",
            "transfer-safeguard-missing",
            "transfer-safeguard-invalid",
            "recipient-third-country-undeclared",
            "retention-vague",
            "retention-statute-mismatch",
            "statutory-contractual-requirement-missing",
            "policy-date-stale",
        ],
        may: &[
            "dpo-contact-missing",
            "automated-decision-disclosure",
            "automated-decisions-unstated",
            "profiling-unstated",
        ],
    },
    Seed {
        file: "serviteur",
        must: &[
            "controller-identity-incomplete",
            "controller-org-number-invalid",
            "recipients-incomplete",
            "consent-for-necessary-processing",
            "consent-bundled-with-notice",
            "direct-marketing-objection-missing",
            "rights-incomplete-for-basis",
            "transfer-safeguard-missing",
            "recipient-third-country-undeclared",
            "retention-missing",
            "statutory-contractual-requirement-missing",
            "anonymous-claim-with-identifiers",
            "data-category-unused",
            "policy-date-stale",
        ],
        may: &[
            "dpo-contact-missing",
            "source-missing",
            "consent-implied",
            "automated-decisions-unstated",
            "profiling-unstated",
        ],
    },
    Seed {
        file: "ellos",
        must: &[
            "recipients-incomplete",
            "rights-incomplete-for-basis",
            "electronic-marketing-without-consent",
            "tracking-on-legitimate-interest",
            "cookie-consent-missing",
            "retention-exceeds-purpose",
            "statutory-contractual-requirement-missing",
            "data-category-unused",
            "policy-date-stale",
            "legal-obligation-statute-missing",
        ],
        may: &[
            "automated-decision-disclosure",
            "transfer-details-incomplete",
            "undeclared-data-referenced",
            "transfer-safeguard-missing",
            "retention-vague",
        ],
    },
    Seed {
        file: "brukte-kontormobler",
        must: &[
            "recipients-incomplete",
            "consent-for-necessary-processing",
            "consent-implied",
            "direct-marketing-objection-missing",
            "rights-incomplete-for-basis",
            "cookie-consent-missing",
            "transfer-safeguard-missing",
            "retention-missing",
            "retention-statute-mismatch",
            "anonymous-claim-with-identifiers",
            "undeclared-data-referenced",
            "policy-date-stale",
        ],
        may: &[
            "dpo-contact-missing",
            "automated-decision-disclosure",
            "automated-decisions-unstated",
        ],
    },
    Seed {
        file: "clemco-norge",
        must: &[
            "controller-org-number-invalid",
            "controller-not-legal-person",
            "recipients-incomplete",
            "legitimate-interest-unstated",
            "legal-basis-conflict",
            "consent-for-necessary-processing",
            "consent-withdrawal-missing",
            "direct-marketing-objection-missing",
            "rights-incomplete-for-basis",
            "cookie-consent-missing",
            "retention-vague",
            "retention-statute-mismatch",
            "statutory-contractual-requirement-missing",
            "policy-date-stale",
            "transfers-unstated",
        ],
        may: &[
            "dpo-contact-missing",
            "automated-decision-disclosure",
            "automated-decisions-unstated",
        ],
    },
];

fn findings(file: &str) -> (Vec<vern::diagnostic::Diagnostic>, String) {
    let mut db = Database::new();
    let path = PathBuf::from(format!("examples/seeds/{file}.vern"));
    let roots = vern::cli::load::load_roots(&mut db, &[path]).expect("seed loads");
    let config = CheckConfig::new(&db, AS_OF, Default::default());
    let diags = vern::cli::check_diagnostics(&db, &roots, config);
    let rendered = render::to_string(&db, &diags);
    (diags, rendered)
}

#[test]
fn each_seed_gets_exactly_its_real_defects() {
    let mut problems = Vec::new();
    for seed in SEEDS {
        let (diags, _) = findings(seed.file);
        let fired: BTreeSet<&str> = diags.iter().map(|d| d.code).collect();
        for rule in seed.must {
            if !fired.contains(rule) {
                problems.push(format!("{}: `{rule}` should fire and does not", seed.file));
            }
        }
        for rule in &fired {
            if !seed.must.contains(rule) && !seed.may.contains(rule) {
                problems.push(format!(
                    "{}: `{rule}` fires but the policy gets that right",
                    seed.file
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn each_seeds_findings_are_a_reviewed_snapshot() {
    for seed in SEEDS {
        let (_, rendered) = findings(seed.file);
        insta::with_settings!({ snapshot_path => "snapshots/seeds", prepend_module_to_snapshot => false, description => format!("vern check examples/seeds/{}.vern --as-of 2026-11-22", seed.file) }, {
            insta::assert_snapshot!(seed.file, rendered);
        });
    }
}
