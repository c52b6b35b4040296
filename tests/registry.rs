#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! The generated registries are current.

use std::path::Path;

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
