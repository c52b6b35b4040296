#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! `vern diff`: before/after pairs for every change kind and every consequence, the three output
//! formats of a realistic pair (the clean example and a changed copy) as snapshots, `--git`, and
//! the refusal of versions that do not compile.

use std::path::Path;
use std::process::Command as Process;

use vern::db::Database;
use vern::diagnostic::codes;
use vern::diff::{self, ChangeKind, Consequence, PolicyDiff, render};
use vern::ir::{Date, Policy};
use vern::resolve::resolve_policy;

const AS_OF: Date = Date::constant(2026, 11, 22);

/// A small clean policy (`vern check` finds nothing): consent purposes (`newsletter`, `analytics`),
/// contract, legitimate-interest and legal-obligation purposes, three recipients, an exempt and a
/// consent cookie, and rights.
const BASE: &str = r#"use std.no

policy "Personvern" en "Privacy" {
  languages nb, en
  updated 2026-01-01
  version "1"
  url "https://butikk.example/personvern"
}

controller shop {
  name "Butikk AS"
  org-number "913382781"
  address "Storgata 1, 0155 Oslo" en "Storgata 1, 0155 Oslo, Norway"
  email "post@butikk.example"
  country NO
  dpo none
}

purpose newsletter is newsletter "Nyhetsbrev" en "Newsletter" {
  description "Tilbud på e-post" en "Offers by e-mail"
  uses email
  about newsletter-subscriber
  direct-marketing via e-mail
  basis consent {
    mechanism double-opt-in
    collected "Påmelding på nettsiden" en "Sign-up on the website"
    withdraw "Avmeldingslenke i hver e-post" en "Unsubscribe link in every e-mail"
  }
  requirement voluntary "Frivillig" en "Voluntary"
  retain until consent-withdrawn
}

purpose orders is order-fulfilment "Ordre" en "Orders" {
  uses name, postal-address, order-data
  about customer
  basis contract
  requirement contractual "Uten adresse kan vi ikke sende varene" en "Without an address we cannot ship"
  retain until contract-end + 3mo
}

purpose support is customer-service "Kundeservice" en "Customer service" {
  uses name, email, correspondence
  about customer
  basis legitimate-interest "Svare på spørsmål" en "Answering questions" {
    balancing "Du har selv tatt kontakt" en "You contacted us"
  }
  requirement voluntary "Frivillig" en "Voluntary"
  retain 1y
}

purpose accounts is bookkeeping "Bokføring" en "Bookkeeping" {
  uses order-data, payment-info
  about customer
  basis legal-obligation under no-bookkeeping-act
  requirement statutory "Bokføringsloven" en "The Bookkeeping Act"
  retain as bookkeeping
}

purpose analytics is web-analytics "Besøksstatistikk" en "Visitor statistics" {
  uses ip-address, browsing-behaviour
  about website-visitor
  basis consent {
    mechanism opt-in-banner
    collected "Samtykkebanneret" en "The consent banner"
    withdraw "Lenken «Informasjonskapsler»" en "The «Cookies» link"
  }
  requirement voluntary
  retain 1y2mo or until consent-withdrawn
}

recipient mailer "Nyhetsbrevtjeneste" en "Newsletter service" {
  entity "Utsending AS"
  role processor
  kind email-service
  country NO
  receives email for newsletter
}

recipient helpdesk "Kundeservicesystem" en "Helpdesk" {
  entity "Help AS"
  role processor
  kind it-services
  country NO
  receives name, email, correspondence for support
}

recipient carrier is posten-bring "Posten" en "Posten" {
  role independent-controller
  kind carrier
  country NO
  receives name, postal-address for orders
}

cookie cart "Handlekurv" en "Cart" {
  description "Husker handlekurven" en "Remembers the cart"
  provider "Butikk AS"
  kind strictly-necessary
  lifetime session
  for orders
}

cookie stats "Statistikk" en "Statistics" {
  provider "Butikk AS"
  kind analytics
  lifetime 1y
  consent opt-in-banner
  for analytics
}

rights {
  exercise "Skriv til post@butikk.example" en "Write to post@butikk.example"
  access
  rectification
  erasure
  restriction
  portability
  object
  object-direct-marketing
  withdraw-consent
  complaint to no-datatilsynet
}
"#;

// -------------------------------------------------------------------------------------------------
// Helpers
// -------------------------------------------------------------------------------------------------

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Writes `text` to `dir/name`, loads it with the files it uses, and resolves it; panics on compiler
/// errors (a case that does not compile tests nothing).
fn load(dir: &Path, name: &str, text: &str) -> Policy {
    let path = dir.join(name);
    write(&path, text);
    let mut db = Database::new();
    let roots = vern::cli::load::load_roots(&mut db, std::slice::from_ref(&path))
        .unwrap_or_else(|e| panic!("{}", e.0));
    let resolved = resolve_policy(&db, roots[0]);
    let errors: Vec<String> = resolved
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && codes::lookup(d.code).is_some())
        .map(|d| format!("{}: {}", d.code, d.message))
        .collect();
    assert!(
        errors.is_empty(),
        "{name} does not compile:\n{}\n---\n{text}",
        errors.join("\n")
    );
    resolved.policy.clone()
}

fn diff_texts(old: &str, new: &str) -> PolicyDiff {
    let dir = tempdir();
    let a = load(dir.path(), "old.vern", old);
    let b = load(dir.path(), "new.vern", new);
    diff::diff(&a, &b, AS_OF)
}

/// `BASE` with each `(from, to)` applied once; `from` must occur.
fn edit(edits: &[(&str, &str)]) -> String {
    let mut text = BASE.to_string();
    for (from, to) in edits {
        assert!(
            text.contains(from),
            "the edit's text is not in the policy: {from:?}"
        );
        text = text.replacen(from, to, 1);
    }
    text
}

fn listing(d: &PolicyDiff) -> String {
    d.changes
        .iter()
        .map(|c| {
            format!(
                "{} {} {}: {}",
                c.consequence.id(),
                c.kind.id(),
                c.subject,
                c.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A before/after pair: `old` and `new` are edits of `BASE`; the diff must hold a change of `kind`
/// with `consequence` on `subject`.
struct Case {
    name: &'static str,
    old: &'static [(&'static str, &'static str)],
    new: &'static [(&'static str, &'static str)],
    kind: &'static str,
    consequence: &'static str,
    subject: &'static str,
}

const NEW_PURPOSE: &str = "purpose loyalty is account-management \"Kundeklubb\" en \"Customer club\" {
  uses name, email
  about customer
  basis contract
  requirement contractual \"Medlemskap krever navn og e-post\" en \"Membership needs a name and e-mail\"
  retain until account-closed
}

rights {";

const NEW_RECIPIENT: &str = "recipient printer \"Trykkeri\" en \"Printer\" {
  entity \"Trykk AS\"
  role processor
  kind it-services
  country NO
  receives name, postal-address for orders
}

cookie cart";

const NEW_CONSENT_RECIPIENT: &str = "recipient sms \"SMS-tjeneste\" en \"SMS service\" {
  entity \"Varsel AS\"
  role processor
  kind it-services
  country NO
  receives email for newsletter
}

cookie cart";

const NEW_US_RECIPIENT: &str = "recipient chat \"Chattjeneste\" en \"Chat service\" {
  entity \"Chat Inc.\"
  role processor
  kind it-services
  country US
  safeguard scc-2021
  receives name, correspondence for support
}

cookie cart";

const NEW_MARKETING_COOKIE: &str = "cookie ads \"Annonser\" en \"Ads\" {
  provider \"Butikk AS\"
  kind marketing
  lifetime 90d
  consent opt-in-banner
  for analytics
}

rights {";

const NEW_NECESSARY_COOKIE: &str = "cookie session-id \"Økt\" en \"Session\" {
  provider \"Butikk AS\"
  kind strictly-necessary
  lifetime session
  for orders
}

rights {";

const LI_SUPPORT: &str =
    "basis legitimate-interest \"Svare på spørsmål\" en \"Answering questions\" {
    balancing \"Du har selv tatt kontakt\" en \"You contacted us\"
  }";

const CONSENT_SUPPORT: &str = "basis consent {
    mechanism toggle
    collected \"En bryter på «Min side»\" en \"A switch on «My page»\"
    withdraw \"Slå av bryteren\" en \"Turn the switch off\"
  }";

const NEWSLETTER_CONSENT: &str = "basis consent {
    mechanism double-opt-in
    collected \"Påmelding på nettsiden\" en \"Sign-up on the website\"
    withdraw \"Avmeldingslenke i hver e-post\" en \"Unsubscribe link in every e-mail\"
  }";

const CASES: &[Case] = &[
    // Purposes
    Case {
        name: "new purpose",
        old: &[],
        new: &[("rights {", NEW_PURPOSE)],
        kind: "purpose-added",
        consequence: "notice-update",
        subject: "loyalty",
    },
    Case {
        name: "purpose removed",
        old: &[("rights {", NEW_PURPOSE)],
        new: &[],
        kind: "purpose-removed",
        consequence: "editorial",
        subject: "loyalty",
    },
    Case {
        name: "consent purpose becomes another kind",
        old: &[],
        new: &[(
            "purpose newsletter is newsletter",
            "purpose newsletter is targeted-ads",
        )],
        kind: "purpose-kind-changed",
        consequence: "re-consent",
        subject: "newsletter",
    },
    Case {
        name: "purpose becomes another kind",
        old: &[],
        new: &[(
            "purpose support is customer-service",
            "purpose support is complaints-warranty",
        )],
        kind: "purpose-kind-changed",
        consequence: "notice-update",
        subject: "support",
    },
    // Legal bases
    Case {
        name: "new basis",
        old: &[],
        new: &[(
            "basis contract\n",
            "basis contract\n  basis legitimate-interest \"Sende varer raskt\" en \"Shipping quickly\"\n",
        )],
        kind: "basis-added",
        consequence: "notice-update",
        subject: "orders",
    },
    Case {
        name: "consent added as a basis",
        old: &[],
        new: &[(
            LI_SUPPORT,
            "basis legitimate-interest \"Svare på spørsmål\" en \"Answering questions\"\n  basis consent { mechanism toggle }",
        )],
        kind: "basis-added",
        consequence: "re-consent",
        subject: "support",
    },
    Case {
        name: "basis removed",
        old: &[(
            "basis contract\n",
            "basis contract\n  basis legitimate-interest \"Sende varer raskt\" en \"Shipping quickly\"\n",
        )],
        new: &[],
        kind: "basis-removed",
        consequence: "editorial",
        subject: "orders",
    },
    Case {
        name: "consent removed, another basis stays",
        old: &[(
            LI_SUPPORT,
            "basis legitimate-interest \"Svare på spørsmål\" en \"Answering questions\"\n  basis consent { mechanism toggle }",
        )],
        new: &[],
        kind: "basis-removed",
        consequence: "notice-update",
        subject: "support",
    },
    Case {
        name: "consent replaced by legitimate interest",
        old: &[],
        new: &[(
            NEWSLETTER_CONSENT,
            "basis legitimate-interest \"Markedsføre egne varer\" en \"Marketing our own products\"",
        )],
        kind: "basis-changed",
        consequence: "notice-update",
        subject: "newsletter",
    },
    Case {
        name: "legitimate interest replaced by consent",
        old: &[],
        new: &[(LI_SUPPORT, CONSENT_SUPPORT)],
        kind: "basis-changed",
        consequence: "re-consent",
        subject: "support",
    },
    Case {
        name: "another statute",
        old: &[],
        new: &[(
            "under no-bookkeeping-act",
            "under no-bookkeeping-act-secondary",
        )],
        kind: "basis-changed",
        consequence: "notice-update",
        subject: "accounts",
    },
    Case {
        name: "consent mechanism",
        old: &[],
        new: &[("mechanism double-opt-in", "mechanism opt-in-checkbox")],
        kind: "consent-mechanism-changed",
        consequence: "re-consent",
        subject: "newsletter",
    },
    Case {
        name: "cookie consent mechanism",
        old: &[],
        new: &[(
            "consent opt-in-banner\n  for analytics",
            "consent browser-settings\n  for analytics",
        )],
        kind: "consent-mechanism-changed",
        consequence: "re-consent",
        subject: "stats",
    },
    Case {
        name: "withdrawal changed",
        old: &[],
        new: &[(
            "withdraw \"Avmeldingslenke i hver e-post\" en \"Unsubscribe link in every e-mail\"",
            "withdraw \"Skriv til oss\" en \"Write to us\"",
        )],
        kind: "withdrawal-changed",
        consequence: "notice-update",
        subject: "newsletter",
    },
    Case {
        name: "withdrawal now stated",
        old: &[(
            "\n    withdraw \"Avmeldingslenke i hver e-post\" en \"Unsubscribe link in every e-mail\"",
            "",
        )],
        new: &[],
        kind: "withdrawal-changed",
        consequence: "editorial",
        subject: "newsletter",
    },
    // Data and subjects
    Case {
        name: "consent purpose uses new data",
        old: &[],
        new: &[(
            "uses email\n  about newsletter-subscriber",
            "uses email, name\n  about newsletter-subscriber",
        )],
        kind: "data-added",
        consequence: "re-consent",
        subject: "newsletter",
    },
    Case {
        name: "purpose uses new data",
        old: &[],
        new: &[(
            "uses name, postal-address, order-data",
            "uses name, postal-address, order-data, phone",
        )],
        kind: "data-added",
        consequence: "notice-update",
        subject: "orders",
    },
    Case {
        name: "a category a consent purpose uses includes more",
        old: &[
            (
                "uses email\n  about newsletter-subscriber",
                "uses reader\n  about newsletter-subscriber",
            ),
            (
                "rights {",
                "data reader \"Leser\" en \"Reader\" {\n  includes email\n}\n\nrights {",
            ),
            (
                "receives email for newsletter",
                "receives reader for newsletter",
            ),
        ],
        new: &[
            (
                "uses email\n  about newsletter-subscriber",
                "uses reader\n  about newsletter-subscriber",
            ),
            (
                "rights {",
                "data reader \"Leser\" en \"Reader\" {\n  includes email, phone\n}\n\nrights {",
            ),
            (
                "receives email for newsletter",
                "receives reader for newsletter",
            ),
        ],
        kind: "data-added",
        consequence: "re-consent",
        subject: "newsletter",
    },
    Case {
        name: "data removed",
        old: &[(
            "uses name, postal-address, order-data",
            "uses name, postal-address, order-data, phone",
        )],
        new: &[],
        kind: "data-removed",
        consequence: "editorial",
        subject: "orders",
    },
    Case {
        name: "new subjects",
        old: &[],
        new: &[(
            "uses name, postal-address, order-data\n  about customer",
            "uses name, postal-address, order-data\n  about customer, prospect",
        )],
        kind: "subjects-added",
        consequence: "notice-update",
        subject: "orders",
    },
    Case {
        name: "subjects removed",
        old: &[(
            "uses name, postal-address, order-data\n  about customer",
            "uses name, postal-address, order-data\n  about customer, prospect",
        )],
        new: &[],
        kind: "subjects-removed",
        consequence: "editorial",
        subject: "orders",
    },
    // Marketing, profiling, automated decisions, requirement
    Case {
        name: "consent purpose markets by a new channel",
        old: &[],
        new: &[(
            "direct-marketing via e-mail",
            "direct-marketing via e-mail, sms",
        )],
        kind: "direct-marketing-added",
        consequence: "re-consent",
        subject: "newsletter",
    },
    Case {
        name: "purpose starts direct marketing",
        old: &[],
        new: &[(
            "uses name, email, correspondence",
            "uses name, email, correspondence\n  direct-marketing via post",
        )],
        kind: "direct-marketing-added",
        consequence: "notice-update",
        subject: "support",
    },
    Case {
        name: "direct marketing channel removed",
        old: &[(
            "direct-marketing via e-mail",
            "direct-marketing via e-mail, sms",
        )],
        new: &[],
        kind: "direct-marketing-removed",
        consequence: "editorial",
        subject: "newsletter",
    },
    Case {
        name: "consent purpose profiles",
        old: &[],
        new: &[(
            "about website-visitor",
            "about website-visitor\n  profiling \"Vi lager en interesseprofil\" en \"We build an interest profile\"",
        )],
        kind: "profiling-added",
        consequence: "re-consent",
        subject: "analytics",
    },
    Case {
        name: "purpose profiles",
        old: &[],
        new: &[(
            "uses name, email, correspondence",
            "uses name, email, correspondence\n  profiling",
        )],
        kind: "profiling-added",
        consequence: "notice-update",
        subject: "support",
    },
    Case {
        name: "profiling removed",
        old: &[(
            "uses name, email, correspondence",
            "uses name, email, correspondence\n  profiling",
        )],
        new: &[],
        kind: "profiling-removed",
        consequence: "editorial",
        subject: "support",
    },
    Case {
        name: "automated decisions",
        old: &[],
        new: &[(
            "uses name, postal-address, order-data\n  about customer",
            concat!(
                "uses name, postal-address, order-data\n  ",
                "about customer, prospect\n  automated-decision { logic \"Risikoscore\" en \"Risk score\" }"
            ),
        )],
        kind: "automated-decision-added",
        consequence: "notice-update",
        subject: "orders",
    },
    Case {
        name: "automated decisions end",
        old: &[(
            "uses name, postal-address, order-data\n  about customer",
            concat!(
                "uses name, postal-address, order-data\n  ",
                "about customer, prospect\n  automated-decision { logic \"Risikoscore\" en \"Risk score\" }"
            ),
        )],
        new: &[],
        kind: "automated-decision-removed",
        consequence: "editorial",
        subject: "orders",
    },
    Case {
        name: "data now required",
        old: &[],
        new: &[(
            "requirement voluntary \"Frivillig\" en \"Voluntary\"\n  retain 1y",
            "requirement contractual \"Nødvendig\" en \"Necessary\"\n  retain 1y",
        )],
        kind: "requirement-changed",
        consequence: "notice-update",
        subject: "support",
    },
    Case {
        name: "data now voluntary",
        old: &[(
            "requirement voluntary \"Frivillig\" en \"Voluntary\"\n  retain 1y",
            "requirement contractual \"Nødvendig\" en \"Necessary\"\n  retain 1y",
        )],
        new: &[],
        kind: "requirement-changed",
        consequence: "editorial",
        subject: "support",
    },
    // Retention
    Case {
        name: "longer period",
        old: &[],
        new: &[("retain 1y\n", "retain 2y\n")],
        kind: "retention-lengthened",
        consequence: "notice-update",
        subject: "support",
    },
    Case {
        name: "longer than the statute",
        old: &[],
        new: &[("retain as bookkeeping", "retain 6y as bookkeeping")],
        kind: "retention-lengthened",
        consequence: "notice-update",
        subject: "accounts",
    },
    Case {
        name: "longer first-of",
        old: &[],
        new: &[(
            "retain 1y2mo or until consent-withdrawn",
            "retain 2y or until consent-withdrawn",
        )],
        kind: "retention-lengthened",
        consequence: "notice-update",
        subject: "analytics",
    },
    Case {
        name: "longer after an event",
        old: &[],
        new: &[("until contract-end + 3mo", "until contract-end + 1y")],
        kind: "retention-lengthened",
        consequence: "notice-update",
        subject: "orders",
    },
    Case {
        name: "longer consent cookie",
        old: &[],
        new: &[("lifetime 1y\n", "lifetime 2y\n")],
        kind: "retention-lengthened",
        consequence: "re-consent",
        subject: "stats",
    },
    Case {
        name: "longer exempt cookie",
        old: &[],
        new: &[("lifetime session", "lifetime 30d")],
        kind: "retention-lengthened",
        consequence: "notice-update",
        subject: "cart",
    },
    Case {
        name: "shorter period",
        old: &[("retain 1y\n", "retain 2y\n")],
        new: &[],
        kind: "retention-shortened",
        consequence: "editorial",
        subject: "support",
    },
    Case {
        name: "an earlier end added",
        old: &[],
        new: &[("retain 1y\n", "retain 1y or until objection-received\n")],
        kind: "retention-shortened",
        consequence: "editorial",
        subject: "support",
    },
    Case {
        name: "period to event",
        old: &[],
        new: &[("retain 1y\n", "retain until objection-received\n")],
        kind: "retention-changed",
        consequence: "notice-update",
        subject: "support",
    },
    Case {
        name: "retention no longer stated",
        old: &[],
        new: &[("\n  retain 1y\n", "\n")],
        kind: "retention-changed",
        consequence: "notice-update",
        subject: "support",
    },
    Case {
        name: "statute written out",
        old: &[],
        new: &[(
            "retain as bookkeeping",
            "retain 5y after end-of-accounting-year",
        )],
        kind: "retention-restated",
        consequence: "editorial",
        subject: "accounts",
    },
    // Recipients and transfers
    Case {
        name: "new recipient",
        old: &[],
        new: &[("cookie cart", NEW_RECIPIENT)],
        kind: "recipient-added",
        consequence: "notice-update",
        subject: "printer",
    },
    Case {
        name: "new recipient for a consent purpose",
        old: &[],
        new: &[("cookie cart", NEW_CONSENT_RECIPIENT)],
        kind: "recipient-added",
        consequence: "re-consent",
        subject: "sms",
    },
    Case {
        name: "recipient removed",
        old: &[("cookie cart", NEW_RECIPIENT)],
        new: &[],
        kind: "recipient-removed",
        consequence: "editorial",
        subject: "printer",
    },
    Case {
        name: "another legal entity",
        old: &[],
        new: &[("entity \"Help AS\"", "entity \"Help Global Ltd\"")],
        kind: "recipient-changed",
        consequence: "notice-update",
        subject: "helpdesk",
    },
    Case {
        name: "another recipient kind",
        old: &[],
        new: &[(
            "kind it-services\n  country NO\n  receives name, email",
            "kind hosting\n  country NO\n  receives name, email",
        )],
        kind: "recipient-changed",
        consequence: "editorial",
        subject: "helpdesk",
    },
    Case {
        name: "processor becomes a controller",
        old: &[],
        new: &[(
            "role processor\n  kind it-services\n  country NO\n  receives name, email",
            "role independent-controller\n  kind it-services\n  country NO\n  receives name, email",
        )],
        kind: "role-changed",
        consequence: "notice-update",
        subject: "helpdesk",
    },
    Case {
        name: "a role dropped",
        old: &[(
            "role processor\n  kind it-services\n  country NO\n  receives name, email",
            "role processor, group-company\n  kind it-services\n  country NO\n  receives name, email",
        )],
        new: &[],
        kind: "role-changed",
        consequence: "editorial",
        subject: "helpdesk",
    },
    Case {
        name: "recipient of a consent purpose receives more",
        old: &[],
        new: &[(
            "receives email for newsletter",
            "receives email, name for newsletter",
        )],
        kind: "recipient-data-added",
        consequence: "re-consent",
        subject: "mailer",
    },
    Case {
        name: "recipient receives more",
        old: &[],
        new: &[(
            "receives name, email, correspondence for support",
            "receives name, email, phone, correspondence for support",
        )],
        kind: "recipient-data-added",
        consequence: "notice-update",
        subject: "helpdesk",
    },
    Case {
        name: "recipient receives less",
        old: &[(
            "receives name, email, correspondence for support",
            "receives name, email, phone, correspondence for support",
        )],
        new: &[],
        kind: "recipient-data-removed",
        consequence: "editorial",
        subject: "helpdesk",
    },
    Case {
        name: "recipient moves outside the EEA",
        old: &[],
        new: &[(
            "country NO\n  receives name, email",
            "country NO, US\n  safeguard scc-2021\n  receives name, email",
        )],
        kind: "transfer-added",
        consequence: "notice-update",
        subject: "helpdesk",
    },
    Case {
        name: "new recipient outside the EEA",
        old: &[],
        new: &[("cookie cart", NEW_US_RECIPIENT)],
        kind: "transfer-added",
        consequence: "notice-update",
        subject: "chat",
    },
    Case {
        name: "transfer ends",
        old: &[(
            "country NO\n  receives name, email",
            "country NO, US\n  safeguard scc-2021\n  receives name, email",
        )],
        new: &[],
        kind: "transfer-removed",
        consequence: "editorial",
        subject: "helpdesk",
    },
    Case {
        name: "another safeguard",
        old: &[(
            "country NO\n  receives name, email",
            "country NO, US\n  safeguard scc-2021\n  receives name, email",
        )],
        new: &[(
            "country NO\n  receives name, email",
            "country NO, US\n  safeguard dpf\n  dpf-certified\n  receives name, email",
        )],
        kind: "safeguard-changed",
        consequence: "notice-update",
        subject: "helpdesk",
    },
    // Cookies
    Case {
        name: "new consent cookie",
        old: &[],
        new: &[("rights {", NEW_MARKETING_COOKIE)],
        kind: "cookie-added",
        consequence: "re-consent",
        subject: "ads",
    },
    Case {
        name: "new exempt cookie",
        old: &[],
        new: &[("rights {", NEW_NECESSARY_COOKIE)],
        kind: "cookie-added",
        consequence: "notice-update",
        subject: "session-id",
    },
    Case {
        name: "cookie removed",
        old: &[("rights {", NEW_MARKETING_COOKIE)],
        new: &[],
        kind: "cookie-removed",
        consequence: "editorial",
        subject: "ads",
    },
    Case {
        name: "cookie becomes marketing",
        old: &[],
        new: &[("kind analytics", "kind marketing")],
        kind: "cookie-changed",
        consequence: "re-consent",
        subject: "stats",
    },
    Case {
        name: "exempt cookie serves another purpose",
        old: &[],
        new: &[(
            "lifetime session\n  for orders",
            "lifetime session\n  for orders, support",
        )],
        kind: "cookie-changed",
        consequence: "notice-update",
        subject: "cart",
    },
    Case {
        name: "cookie serves fewer purposes",
        old: &[(
            "lifetime session\n  for orders",
            "lifetime session\n  for orders, support",
        )],
        new: &[],
        kind: "cookie-changed",
        consequence: "editorial",
        subject: "cart",
    },
    // Rights
    Case {
        name: "right removed",
        old: &[],
        new: &[("  portability\n", "")],
        kind: "right-removed",
        consequence: "notice-update",
        subject: "portability",
    },
    Case {
        name: "right added",
        old: &[("  portability\n", "")],
        new: &[],
        kind: "right-added",
        consequence: "editorial",
        subject: "portability",
    },
    Case {
        name: "complaint authority removed",
        old: &[],
        new: &[("  complaint to no-datatilsynet\n", "")],
        kind: "right-removed",
        consequence: "notice-update",
        subject: "no-datatilsynet",
    },
    // Controller
    Case {
        name: "controller renamed",
        old: &[],
        new: &[("name \"Butikk AS\"", "name \"Butikk Norge AS\"")],
        kind: "controller-changed",
        consequence: "notice-update",
        subject: "shop",
    },
    Case {
        name: "controller e-mail",
        old: &[],
        new: &[(
            "email \"post@butikk.example\"",
            "email \"kontakt@butikk.example\"",
        )],
        kind: "contact-changed",
        consequence: "editorial",
        subject: "shop",
    },
    Case {
        name: "DPO appointed",
        old: &[],
        new: &[(
            "dpo none",
            "dpo {\n    name \"Kari Nordmann\"\n    email \"dpo@butikk.example\"\n  }",
        )],
        kind: "dpo-changed",
        consequence: "editorial",
        subject: "shop",
    },
    // Wording and metadata
    Case {
        name: "label",
        old: &[],
        new: &[("\"Ordre\" en \"Orders\"", "\"Bestillinger\" en \"Orders\"")],
        kind: "label-changed",
        consequence: "editorial",
        subject: "orders",
    },
    Case {
        name: "description",
        old: &[],
        new: &[(
            "description \"Tilbud på e-post\" en \"Offers by e-mail\"",
            "description \"Tilbud og nyheter på e-post\" en \"Offers and news by e-mail\"",
        )],
        kind: "text-changed",
        consequence: "editorial",
        subject: "newsletter",
    },
    Case {
        name: "consent wording",
        old: &[],
        new: &[(
            "collected \"Påmelding på nettsiden\" en \"Sign-up on the website\"",
            "collected \"Påmelding i appen\" en \"Sign-up in the app\"",
        )],
        kind: "text-changed",
        consequence: "editorial",
        subject: "newsletter",
    },
    Case {
        name: "version",
        old: &[],
        new: &[("version \"1\"", "version \"2\"")],
        kind: "meta-changed",
        consequence: "editorial",
        subject: "policy",
    },
    Case {
        name: "rights reordered",
        old: &[],
        new: &[("  access\n  rectification\n", "  rectification\n  access\n")],
        kind: "reordered",
        consequence: "editorial",
        subject: "rights",
    },
    // Subjects, data categories and fields no specific comparison knows (the backstop, diff/model.rs)
    Case {
        name: "a subject's minimum age falls, on a consent purpose (issue 10)",
        old: &[
            ("about newsletter-subscriber", "about subscribers"),
            (
                "rights {",
                "subject subscribers is newsletter-subscriber \"Abonnenter\" en \"Subscribers\" {\n  min-age 16\n}\n\nrights {",
            ),
        ],
        new: &[
            ("about newsletter-subscriber", "about subscribers"),
            (
                "rights {",
                "subject subscribers is newsletter-subscriber \"Abonnenter\" en \"Subscribers\" {\n  min-age 13\n}\n\nrights {",
            ),
        ],
        kind: "subject-changed",
        consequence: "re-consent",
        subject: "subscribers",
    },
    Case {
        name: "subjects become children (issue 10)",
        old: &[
            (
                "  uses name, email, correspondence\n  about customer",
                "  uses name, email, correspondence\n  about pupils",
            ),
            (
                "rights {",
                "subject pupils \"Elever\" en \"Pupils\" {\n}\n\nrights {",
            ),
        ],
        new: &[
            (
                "  uses name, email, correspondence\n  about customer",
                "  uses name, email, correspondence\n  about pupils",
            ),
            (
                "rights {",
                "subject pupils \"Elever\" en \"Pupils\" {\n  child\n}\n\nrights {",
            ),
        ],
        kind: "subject-changed",
        consequence: "notice-update",
        subject: "pupils",
    },
    Case {
        name: "a statutory retention counts from another event (issue 10)",
        old: &[(
            "retain as bookkeeping",
            "retain 6y after end-of-accounting-year as bookkeeping",
        )],
        new: &[(
            "retain as bookkeeping",
            "retain 6y after contract-end as bookkeeping",
        )],
        kind: "retention-changed",
        consequence: "notice-update",
        subject: "accounts",
    },
    Case {
        name: "a data category becomes special-category data",
        old: &[
            (
                "uses name, email, correspondence",
                "uses name, email, notes",
            ),
            (
                "rights {",
                "data notes \"Notater\" en \"Notes\" {\n}\n\nrights {",
            ),
        ],
        new: &[
            (
                "uses name, email, correspondence",
                "uses name, email, notes",
            ),
            (
                "rights {",
                "data notes \"Notater\" en \"Notes\" {\n  special\n}\n\nrights {",
            ),
        ],
        kind: "data-category-changed",
        consequence: "notice-update",
        subject: "notes",
    },
    Case {
        name: "the policy now says it does not profile",
        old: &[],
        new: &[(
            "  url \"https://butikk.example/personvern\"\n",
            "  url \"https://butikk.example/personvern\"\n  profiling none\n",
        )],
        kind: "negative-changed",
        consequence: "notice-update",
        subject: "policy",
    },
    // Scopes
    Case {
        name: "a right granted to fewer groups",
        old: &[(
            "  portability\n",
            "  portability for customer, website-visitor\n",
        )],
        new: &[("  portability\n", "  portability for customer\n")],
        kind: "right-removed",
        consequence: "notice-update",
        subject: "portability",
    },
    Case {
        name: "a right granted to some groups becomes everyone's",
        old: &[("  portability\n", "  portability for customer\n")],
        new: &[],
        kind: "right-added",
        consequence: "editorial",
        subject: "portability",
    },
    Case {
        name: "data collected about more groups",
        old: &[(
            "  uses name, email, correspondence\n  about customer\n",
            "  uses name, email\n  uses correspondence for customer\n  about customer, prospect\n",
        )],
        new: &[(
            "  uses name, email, correspondence\n  about customer\n",
            "  uses name, email, correspondence\n  about customer, prospect\n",
        )],
        kind: "data-added",
        consequence: "notice-update",
        subject: "support",
    },
    Case {
        name: "optional data now required",
        old: &[(
            "  uses name, email, correspondence\n",
            "  uses name, email\n  uses correspondence if-provided\n",
        )],
        new: &[],
        kind: "requirement-changed",
        consequence: "notice-update",
        subject: "support",
    },
    Case {
        name: "a purpose now relies on trackers (a field no comparison knows)",
        old: &[],
        new: &[("  retain 1y\n}", "  retain 1y\n  tracking\n}")],
        kind: "field-changed",
        consequence: "notice-update",
        subject: "support",
    },
    Case {
        name: "a second controller",
        old: &[],
        new: &[("rights {", SECOND_CONTROLLER)],
        kind: "controllers-changed",
        consequence: "notice-update",
        subject: "branch",
    },
    Case {
        name: "a joint arrangement for orders",
        old: &[("rights {", SECOND_CONTROLLER)],
        new: &[("rights {", JOINT_ORDERS)],
        kind: "joint-arrangement-changed",
        consequence: "notice-update",
        subject: "shared",
    },
    Case {
        name: "the newsletter, on consent, becomes the branch's",
        old: &[
            ("rights {", SECOND_CONTROLLER),
            (
                "  direct-marketing via e-mail\n",
                "  direct-marketing via e-mail\n  controller shop\n",
            ),
        ],
        new: &[
            ("rights {", SECOND_CONTROLLER),
            (
                "  direct-marketing via e-mail\n",
                "  direct-marketing via e-mail\n  controller branch\n",
            ),
        ],
        kind: "controllers-changed",
        consequence: "re-consent",
        subject: "newsletter",
    },
];

const SECOND_CONTROLLER: &str = "controller branch {
  name \"Butikk Bergen AS\"
  country NO
}

rights {";

const JOINT_ORDERS: &str = "controller branch {
  name \"Butikk Bergen AS\"
  country NO
}

joint shared {
  controllers shop, branch
  purposes orders
  responsibilities {
    notice shop
    rights shop
  }
  essence \"https://butikk.example/felles\"
  contact shop
}

rights {";

// -------------------------------------------------------------------------------------------------
// Before/after pairs
// -------------------------------------------------------------------------------------------------

#[test]
fn every_case_finds_its_change_with_its_consequence() {
    let mut failures = Vec::new();
    for case in CASES {
        let d = diff_texts(&edit(case.old), &edit(case.new));
        let found = d.changes.iter().any(|c| {
            c.kind.id() == case.kind
                && c.consequence.id() == case.consequence
                && c.subject == case.subject
        });
        if !found {
            failures.push(format!(
                "{}: expected {} {} on `{}`, got:\n{}\n",
                case.name,
                case.consequence,
                case.kind,
                case.subject,
                listing(&d)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_cases_cover_every_kind_and_every_consequence() {
    let kinds: std::collections::BTreeSet<&str> = CASES.iter().map(|c| c.kind).collect();
    let missing: Vec<&str> = ChangeKind::ALL
        .iter()
        .map(|k| k.id())
        .filter(|k| !kinds.contains(k))
        .collect();
    assert!(missing.is_empty(), "no before/after pair for: {missing:?}");
    let unknown: Vec<&str> = kinds
        .iter()
        .copied()
        .filter(|k| !ChangeKind::ALL.iter().any(|x| x.id() == *k))
        .collect();
    assert!(
        unknown.is_empty(),
        "cases name kinds that do not exist: {unknown:?}"
    );
    for c in Consequence::ALL {
        assert!(
            CASES.iter().any(|x| x.consequence == c.id()),
            "no case for {}",
            c.id()
        );
    }
}

#[test]
fn unchanged_policies_have_no_changes() {
    let d = diff_texts(BASE, BASE);
    assert!(d.is_empty(), "{}", listing(&d));
    assert_eq!(render::summary_sentence(&d.summary), "No changes.");
    // Comments, blank lines and the order of list items do not change what a policy says.
    let reworded = format!(
        "// A comment\n\n{}",
        BASE.replace(
            "uses name, postal-address, order-data",
            "uses order-data, name,\n    postal-address"
        )
    );
    let d = diff_texts(BASE, &reworded);
    assert!(d.is_empty(), "{}", listing(&d));
}

#[test]
fn a_rename_is_a_removal_and_an_addition() {
    let d = diff_texts(
        BASE,
        &BASE
            .replace("purpose orders is", "purpose deliveries is")
            .replace("for orders", "for deliveries"),
    );
    let kinds: Vec<(&str, &str)> = d
        .changes
        .iter()
        .map(|c| (c.kind.id(), c.subject.as_str()))
        .collect();
    assert!(
        kinds.contains(&("purpose-removed", "orders")),
        "{}",
        listing(&d)
    );
    assert!(
        kinds.contains(&("purpose-added", "deliveries")),
        "{}",
        listing(&d)
    );
}

#[test]
fn a_statute_family_means_the_controllers_countrys_statute() {
    // The same words, `retain as bookkeeping`, mean NO's five years from the end of the accounting
    // year, then SE's seven years from the end of a calendar year: a different period.
    let swedish = edit(&[
        ("use std.no", "use std.no\nuse std.se"),
        ("country NO\n  dpo none", "country SE\n  dpo none"),
    ]);
    let d = diff_texts(BASE, &swedish);
    let change = d
        .changes
        .iter()
        .find(|c| c.subject == "accounts" && c.kind == ChangeKind::RetentionChanged)
        .unwrap_or_else(|| panic!("{}", listing(&d)));
    assert_eq!(change.consequence, Consequence::NoticeUpdate);
    let because = change.details.because.as_deref().unwrap_or_default();
    assert!(
        because.contains("no-bookkeeping-act") && because.contains("se-bookkeeping-act"),
        "{because}"
    );
}

#[test]
fn changes_are_sorted_and_counted() {
    let d = diff_texts(
        BASE,
        &edit(&[
            ("rights {", NEW_PURPOSE),
            ("retain 1y\n", "retain 2y\n"),
            ("version \"1\"", "version \"2\""),
        ]),
    );
    let keys: Vec<_> = d
        .changes
        .iter()
        .map(|c| (c.area, c.subject.clone(), c.kind))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert_eq!(d.summary.total, d.changes.len());
    assert_eq!(
        d.summary.re_consent + d.summary.notice_update + d.summary.editorial,
        d.summary.total
    );
    assert_eq!(d.summary.notice_update, 2, "{}", listing(&d));
}

#[test]
fn the_json_has_the_documented_shape() {
    let d = diff_texts(
        BASE,
        &edit(&[(
            "uses email\n  about newsletter-subscriber",
            "uses email, name\n  about newsletter-subscriber",
        )]),
    );
    let json: serde_json::Value =
        serde_json::from_str(&render::json(&d)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json["format"], "vern.diff/1");
    assert_eq!(json["as_of"], "2026-11-22");
    assert_eq!(json["summary"]["re_consent"], 1);
    let change = &json["changes"][0];
    assert_eq!(change["kind"], "data-added");
    assert_eq!(change["consequence"], "re-consent");
    assert_eq!(change["area"], "purpose");
    assert_eq!(change["subject"], "newsletter");
    assert_eq!(change["details"]["added"], serde_json::json!(["name"]));
    assert!(
        change["details"]["because"]
            .as_str()
            .is_some_and(|b| b.contains("consent"))
    );
}

#[test]
fn markdown_escapes_policy_texts() {
    let hostile = edit(&[(
        "description \"Tilbud på e-post\" en \"Offers by e-mail\"",
        "description \"Tilbud\" en \"<script>alert(1)</script> **bold** [x](http://evil) @everyone\"",
    )]);
    let md = render::markdown(&diff_texts(BASE, &hostile));
    for bad in ["<script>", "**bold**", "[x](", " @everyone"] {
        assert!(!md.contains(bad), "{bad} reached the Markdown:\n{md}");
    }
}

// -------------------------------------------------------------------------------------------------
// The three formats of a realistic pair, through the binary
// -------------------------------------------------------------------------------------------------

/// The clean example, and a copy with a new purpose, a new US recipient, a lengthened retention, a
/// widened consent purpose and a new version number.
fn nordlys_pair(dir: &Path) {
    let main =
        std::fs::read_to_string("examples/nordlys-sko.vern").unwrap_or_else(|e| panic!("{e}"));
    let recipients = std::fs::read_to_string("examples/nordlys/recipients.vern")
        .unwrap_or_else(|e| panic!("{e}"));
    let changed = [
        ("version \"3.2\"", "version \"3.3\""),
        ("updated 2026-03-01", "updated 2026-06-01"),
        // A consent purpose widened.
        (
            "purpose send-newsletter is newsletter \"Nyhetsbrev\" en \"Newsletter\" {\n  uses std.email",
            "purpose send-newsletter is newsletter \"Nyhetsbrev\" en \"Newsletter\" {\n  uses std.email, purchase-history",
        ),
        // A lengthened retention.
        (
            "en \"Contacting us is voluntary, but without contact details we cannot answer you\"\n  retain 1y",
            "en \"Contacting us is voluntary, but without contact details we cannot answer you\"\n  retain 2y",
        ),
        // A new purpose and a new recipient in the USA.
        (
            "// ---------------------------------------------------------------------------------------------------\n// Cookies",
            "purpose gift-cards is payment \"Gavekort\" en \"Gift cards\" {\n  uses customer-record, payment-details\n  about shop-customer\n  basis contract\n  requirement contractual \"Uten navn kan vi ikke utstede gavekortet\" en \"Without a name we cannot issue the gift card\"\n  retain 3y after delivery\n}\n\nrecipient chat-vendor \"Chattjeneste\" en \"Chat service\" {\n  description \"Driver chatten på nettsiden\" en \"Runs the chat on the website\"\n  entity \"Chatty Inc.\"\n  role processor\n  kind it-services\n  country US\n  safeguard scc-2021 {\n    copy \"Skriv til personvern@nordlys.example\" en \"Write to personvern@nordlys.example\"\n    module \"C2P\"\n  }\n  receives customer-record, enquiries for customer-support\n}\n\n// ---------------------------------------------------------------------------------------------------\n// Cookies",
        ),
    ];
    let mut new = main.clone();
    for (from, to) in changed {
        assert!(
            new.contains(from),
            "the example no longer contains {from:?}"
        );
        new = new.replacen(from, to, 1);
    }
    write(&dir.join("old/nordlys-sko.vern"), &main);
    write(&dir.join("old/nordlys/recipients.vern"), &recipients);
    write(&dir.join("new/nordlys-sko.vern"), &new);
    write(&dir.join("new/nordlys/recipients.vern"), &recipients);
}

fn vern(dir: &Path, args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("vern")
        .unwrap_or_else(|e| panic!("{e}"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"))
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

#[test]
fn nordlys_in_three_formats() {
    let dir = tempdir();
    nordlys_pair(dir.path());
    for format in ["human", "json", "markdown"] {
        let out = vern(
            dir.path(),
            &[
                "diff",
                "old/nordlys-sko.vern",
                "new/nordlys-sko.vern",
                "--format",
                format,
                "--as-of",
                "2026-11-22",
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        insta::with_settings!({ snapshot_path => "snapshots/diff", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(format!("nordlys_{format}"), stdout(&out));
        });
    }
    let json: serde_json::Value = serde_json::from_str(&stdout(&vern(
        dir.path(),
        &[
            "diff",
            "old/nordlys-sko.vern",
            "new/nordlys-sko.vern",
            "--format",
            "json",
            "--as-of",
            "2026-11-22",
        ],
    )))
    .unwrap_or_else(|e| panic!("{e}"));
    let has = |kind: &str, subject: &str, consequence: &str| {
        json["changes"].as_array().is_some_and(|cs| {
            cs.iter().any(|c| {
                c["kind"] == kind && c["subject"] == subject && c["consequence"] == consequence
            })
        })
    };
    assert!(has("data-added", "send-newsletter", "re-consent"));
    assert!(has("purpose-added", "gift-cards", "notice-update"));
    assert!(has("recipient-added", "chat-vendor", "notice-update"));
    assert!(has("transfer-added", "chat-vendor", "notice-update"));
    assert!(has(
        "retention-lengthened",
        "customer-support",
        "notice-update"
    ));
    assert!(has("meta-changed", "policy", "editorial"));
}

#[test]
fn identical_files_say_no_changes() {
    let dir = tempdir();
    write(&dir.path().join("a.vern"), BASE);
    write(&dir.path().join("b.vern"), BASE);
    let out = vern(
        dir.path(),
        &["diff", "a.vern", "b.vern", "--as-of", "2026-11-22"],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).to_lowercase().contains("no changes"),
        "{}",
        stdout(&out)
    );
    let md = stdout(&vern(
        dir.path(),
        &[
            "diff",
            "a.vern",
            "b.vern",
            "--format",
            "markdown",
            "--as-of",
            "2026-11-22",
        ],
    ));
    assert!(md.contains("**No changes.**"), "{md}");
}

#[test]
fn a_version_that_does_not_compile_is_refused() {
    let dir = tempdir();
    write(&dir.path().join("a.vern"), BASE);
    write(
        &dir.path().join("b.vern"),
        &BASE.replace(
            "uses name, postal-address, order-data",
            "uses name, postal-adress, order-data",
        ),
    );
    let out = vern(dir.path(), &["diff", "a.vern", "b.vern"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("unknown-name")
            && err.contains("new version")
            && err.contains("does not compile"),
        "{err}"
    );
    assert!(stdout(&out).is_empty());
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempdir();
    write(&dir.path().join("a.vern"), BASE);
    let out = vern(dir.path(), &["diff", "a.vern"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("needs two files"), "{}", stderr(&out));
    let out = vern(dir.path(), &["diff", "a.vern", "missing.vern"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.vern"), "{}", stderr(&out));
}

// -------------------------------------------------------------------------------------------------
// --git
// -------------------------------------------------------------------------------------------------

fn git(dir: &Path, args: &[&str]) {
    let status = Process::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=vern",
            "-c",
            "user.email=vern@example.invalid",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .status()
        .unwrap_or_else(|e| panic!("git: {e}"));
    assert!(status.success(), "git {args:?} failed");
}

fn git_available() -> bool {
    Process::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn git_revision_against_the_working_tree() {
    if !git_available() {
        eprintln!("git is not installed: skipped");
        return;
    }
    let dir = tempdir();
    let root = dir.path();
    // The policy lives in a subdirectory and `use`s a second file, so that both the repository
    // prefix and the used file at the revision matter.
    let policy = BASE.replace("use std.no", "use std.no\nuse \"parts/cookies.vern\"");
    let (main, cookies) = policy.split_at(
        policy
            .find("cookie cart")
            .unwrap_or_else(|| panic!("no cookies")),
    );
    let (cookies, rights) = cookies.split_at(
        cookies
            .find("rights {")
            .unwrap_or_else(|| panic!("no rights")),
    );
    write(&root.join("policies/shop.vern"), &format!("{main}{rights}"));
    write(&root.join("policies/parts/cookies.vern"), cookies);
    git(root, &["init", "-q"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "policy"]);

    // Unchanged: no changes.
    let sub = root.join("policies");
    let out = vern(
        &sub,
        &[
            "diff",
            "--git",
            "HEAD",
            "shop.vern",
            "--as-of",
            "2026-11-22",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).to_lowercase().contains("no changes"),
        "{}",
        stdout(&out)
    );

    // A change in the used file and one in the root file.
    write(
        &root.join("policies/parts/cookies.vern"),
        &cookies.replace("lifetime 1y\n", "lifetime 2y\n"),
    );
    write(
        &root.join("policies/shop.vern"),
        &format!("{main}{rights}").replace("retain 1y\n", "retain 2y\n"),
    );
    let out = vern(
        &sub,
        &[
            "diff",
            "--git",
            "HEAD",
            "shop.vern",
            "--format",
            "json",
            "--as-of",
            "2026-11-22",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json["old"]["source"], "HEAD:policies/shop.vern");
    let kinds: Vec<(String, String)> = json["changes"]
        .as_array()
        .map(|cs| {
            cs.iter()
                .map(|c| {
                    (
                        c["kind"].as_str().unwrap_or("").to_string(),
                        c["subject"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    assert!(
        kinds.contains(&("retention-lengthened".into(), "support".into())),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&("retention-lengthened".into(), "stats".into())),
        "{kinds:?}"
    );

    // From the repository root, with the path from there.
    let out = vern(
        root,
        &[
            "diff",
            "--git",
            "HEAD",
            "policies/shop.vern",
            "--as-of",
            "2026-11-22",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("support"), "{}", stdout(&out));

    // A revision that does not exist, and a file that did not exist at the revision.
    let out = vern(&sub, &["diff", "--git", "no-such-rev", "shop.vern"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("revision `no-such-rev` does not exist"),
        "{}",
        stderr(&out)
    );
    write(&root.join("policies/other.vern"), BASE);
    let out = vern(&sub, &["diff", "--git", "HEAD", "other.vern"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("does not exist at revision `HEAD`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn git_outside_a_repository() {
    if !git_available() {
        return;
    }
    let dir = tempdir();
    write(&dir.path().join("a.vern"), BASE);
    let out = assert_cmd::Command::cargo_bin("vern")
        .unwrap_or_else(|e| panic!("{e}"))
        .current_dir(dir.path())
        .env(
            "GIT_CEILING_DIRECTORIES",
            dir.path().parent().unwrap_or(dir.path()),
        )
        .args(["diff", "--git", "HEAD", "a.vern"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("git repository"), "{}", stderr(&out));
}

/// Every field of the compiled model of a rich policy, changed on its own, is reported with a
/// consequence: the diff cannot say "No changes" about anything `policy.json` publishes.
#[test]
fn every_field_of_the_compiled_model_changed_alone_is_a_change() {
    let dir = tempdir();
    let path = std::path::PathBuf::from("examples/nordlys-sko.vern");
    let mut db = Database::new();
    let roots = vern::cli::load::load_roots(&mut db, &[path]).unwrap_or_else(|e| panic!("{}", e.0));
    let policy = resolve_policy(&db, roots[0]).policy.clone();
    drop(dir);
    let model = vern::emit::compile(&policy, AS_OF);
    let json = serde_json::to_value(&model).unwrap();
    let mut paths = Vec::new();
    leaf_paths(&json, &mut Vec::new(), &mut paths);
    assert!(paths.len() > 500, "only {} fields", paths.len());
    let mut silent = Vec::new();
    let mut checked = 0;
    for path in &paths {
        if matches!(
            path.first().map(String::as_str),
            Some("format" | "compiler" | "as_of")
        ) {
            continue;
        }
        let mut mutated = json.clone();
        mutate(&mut mutated, path);
        let Ok(new) = serde_json::from_value::<vern::emit::model::CompiledPolicy>(mutated) else {
            continue;
        };
        checked += 1;
        let changes = diff::diff_models(&model, &new, &Default::default());
        if changes.is_empty() {
            silent.push(path.join("."));
        }
    }
    assert!(
        silent.is_empty(),
        "changes reported as no change: {silent:?}"
    );
    // Mutations that break the model's types (an enum's value) are skipped; they must be few.
    assert!(
        checked * 10 >= paths.len() * 9,
        "only {checked} of {} fields could be changed",
        paths.len()
    );
}

fn leaf_paths(v: &serde_json::Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                at.push(k.clone());
                leaf_paths(x, at, out);
                at.pop();
            }
        }
        serde_json::Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                at.push(i.to_string());
                leaf_paths(x, at, out);
                at.pop();
            }
            if items.is_empty() {
                out.push(at.clone());
            }
        }
        _ => out.push(at.clone()),
    }
}

/// Changes the value at `path`: a string gains a suffix, a flag flips, a number grows, an empty list
/// gains an element.
fn mutate(v: &mut serde_json::Value, path: &[String]) {
    let mut cur = v;
    for key in path {
        cur = match cur {
            serde_json::Value::Object(m) => m.get_mut(key).unwrap(),
            serde_json::Value::Array(a) => &mut a[key.parse::<usize>().unwrap()],
            _ => unreachable!(),
        };
    }
    *cur = match cur.take() {
        serde_json::Value::String(s) if s.starts_with('P') && s.len() < 8 => {
            serde_json::Value::String(format!("{s}1D").replace("D1D", "1D"))
        }
        serde_json::Value::String(s) => serde_json::Value::String(format!("{s}-changed")),
        serde_json::Value::Bool(b) => serde_json::Value::Bool(!b),
        serde_json::Value::Number(n) => (n.as_u64().unwrap_or(0) + 1).into(),
        serde_json::Value::Array(_) => serde_json::json!(["added"]),
        other => other,
    };
}
