#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! The generated registries are current, and `vern vocab` lists them.

use std::path::Path;

use assert_cmd::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// stdlib/registry/*.vern are what `vern gen-registry` makes of data/vendors.toml and the Open Cookie
/// Database; with VERN_BLESS set, they are rewritten.
#[test]
fn the_committed_registry_is_what_the_generator_makes() {
    let read = |rel: &str| std::fs::read_to_string(root().join(rel)).expect(rel);
    let files = vern::registry::generate(
        &read(vern::registry::VENDORS_TOML),
        &read(vern::registry::COOKIE_CSV),
    )
    .expect("the registry data generates");
    let mut stale = Vec::new();
    for (rel, text) in &files {
        let path = root().join(rel);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()) {
            continue;
        }
        if std::env::var_os("VERN_BLESS").is_some() {
            std::fs::write(&path, text).expect("write");
        } else {
            stale.push(rel.clone());
        }
    }
    assert!(
        stale.is_empty(),
        "{} stale: run `{}` (or VERN_BLESS=1 cargo test --test registry) and commit the result",
        stale.join(", "),
        vern::registry::COMMAND
    );
}

fn vocab(args: &[&str]) -> String {
    let out = Command::cargo_bin("vern")
        .expect("binary")
        .arg("vocab")
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn json(kind: &str) -> Vec<serde_json::Value> {
    let text = vocab(&[kind, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let terms = value.as_array().expect("an array").clone();
    for t in &terms {
        assert!(t["name"].is_string(), "{t}");
        assert!(t["kind"].is_string(), "{t}");
        assert!(
            t["labels"]
                .as_object()
                .is_some_and(|l| l.contains_key("nb") && l.contains_key("en")),
            "{t}"
        );
    }
    terms
}

#[test]
fn vocab_lists_at_least_150_vendors_with_their_facts() {
    let vendors = json("vendors");
    assert!(vendors.len() >= 150, "{} vendors", vendors.len());
    assert!(vendors.iter().all(|v| v["kind"] == "vendor"));
    let ga = vendors
        .iter()
        .find(|v| v["name"] == "google-analytics")
        .expect("google-analytics");
    assert!(
        ga["facts"]["cookies"]
            .as_array()
            .is_some_and(|c| c.iter().any(|n| n == "_ga"))
    );
    assert!(
        ga["facts"]["domains"]
            .as_array()
            .is_some_and(|d| !d.is_empty())
    );
    let zoho = vendors.iter().find(|v| v["name"] == "zoho").expect("zoho");
    assert_eq!(zoho["unverified"], true);
}

#[test]
fn vocab_lists_at_least_2000_cookies() {
    let cookies = json("cookies");
    assert!(cookies.len() >= 2_000, "{} cookies", cookies.len());
    let ga = cookies.iter().find(|c| c["name"] == "_ga").expect("_ga");
    assert_eq!(ga["facts"]["vendor"], "google-analytics");
    assert_eq!(ga["facts"]["typical"], "2y");
    assert_eq!(ga["labels"]["en"], "_ga");
}

#[test]
fn vocab_lists_the_new_subjects_purposes_and_data() {
    let subjects = json("subjects");
    for name in [
        "member",
        "pupil",
        "teacher",
        "guardian",
        "course-participant",
        "business-contact",
    ] {
        assert!(subjects.iter().any(|s| s["name"] == name), "{name}");
    }
    let purposes = json("purposes");
    for name in [
        "service-provision",
        "membership-administration",
        "course-delivery",
        "security-logging",
    ] {
        assert!(purposes.iter().any(|s| s["name"] == name), "{name}");
    }
    let data = json("data");
    let salary = data.iter().find(|d| d["name"] == "salary").expect("salary");
    assert_eq!(salary["facts"]["dpv"], "pd:Salary");
}

#[test]
fn vocab_human_output_for_a_small_kind() {
    insta::assert_snapshot!(vocab(&["authorities"]));
}

#[test]
fn vocab_without_a_kind_counts_every_kind() {
    let text = vocab(&[]);
    assert!(text.lines().any(|l| l.starts_with("vendors")), "{text}");
    assert!(text.lines().any(|l| l.starts_with("cookies")), "{text}");
}

/// Every vendor of the registry lowers against the stdlib without a diagnostic, although the stdlib
/// only indexes them; a policy that names one gets its facts.
#[test]
fn every_registry_vendor_lowers_cleanly_and_resolves_when_named() {
    let db = vern::db::Database::new();
    let (vendors, diags) = vern::resolve::registry_vendors(&db);
    assert!(
        diags.is_empty(),
        "{}",
        vern::diagnostic::render::to_string(&db, &diags)
    );
    assert!(vendors.len() >= 150, "{} registry vendors", vendors.len());
    let zoho = vendors
        .iter()
        .find(|v| v.entry.name == "zoho")
        .expect("zoho");
    assert!(zoho.countries.iter().any(|c| c.name == "IN"));
    assert!(zoho.entry.unverified);
}
