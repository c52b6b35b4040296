//! The generator of the stdlib registries: `data/vendors.toml` and the Open Cookie Database
//! (`data/open-cookie-database/open-cookie-database.csv`) become `stdlib/registry/vendors.vern` and
//! `stdlib/registry/cookies.vern`.
//!
//! Pure and deterministic: the same two inputs give the same bytes. `vern gen-registry` writes the
//! result; `tests/registry.rs` regenerates it in memory and fails when the committed files differ.
//! Nothing here is a legal fact: names, platforms, categories and retention periods are the database's,
//! entities and countries are `data/vendors.toml`'s, each cited in the generated declarations.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

/// Where the inputs and outputs live, relative to the repository root.
pub const VENDORS_TOML: &str = "data/vendors.toml";
pub const COOKIE_CSV: &str = "data/open-cookie-database/open-cookie-database.csv";
pub const VENDORS_VERN: &str = "stdlib/registry/vendors.vern";
pub const COOKIES_VERN: &str = "stdlib/registry/cookies.vern";

/// The command that regenerates the files, for messages.
pub const COMMAND: &str = "cargo run -- gen-registry";

/// The database's citation, as the generated declarations give it.
pub const COOKIE_SOURCE: &str = "Open Cookie Database (github.com/jkwakman/Open-Cookie-Database, commit 0ee5a17fe1cb002943f89370d24fc26a4226061c, Apache-2.0)";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Registry {
    #[serde(default)]
    existing: Vec<Existing>,
    #[serde(default)]
    vendor: Vec<VendorRow>,
}

/// A vendor declared by hand in stdlib/vendors.vern: only which platforms are its own.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Existing {
    name: String,
    #[serde(default)]
    platforms: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct VendorRow {
    name: String,
    label: String,
    entity: Option<String>,
    country: Vec<String>,
    kind: String,
    #[serde(default)]
    domains: Vec<String>,
    #[serde(default)]
    platforms: Vec<String>,
    cite: Option<String>,
    #[serde(default)]
    verified: bool,
    #[serde(default)]
    joint_controller_pattern: bool,
}

#[derive(Debug, Deserialize)]
struct CookieRow {
    #[serde(rename = "ID")]
    id: String,
    #[serde(rename = "Platform")]
    platform: String,
    #[serde(rename = "Category")]
    category: String,
    #[serde(rename = "Cookie / Data Key name")]
    name: String,
    #[serde(rename = "Domain")]
    domain: String,
    #[serde(rename = "Description")]
    description: String,
    #[serde(rename = "Retention period")]
    retention: String,
    #[serde(rename = "Data Controller")]
    controller: String,
    #[serde(rename = "Wildcard match")]
    wildcard: String,
}

/// Generates the registry files from the two inputs' text: `(path, contents)` pairs, paths relative to
/// the repository root. An error names the input and the row.
pub fn generate(vendors_toml: &str, cookie_csv: &str) -> Result<Vec<(String, String)>, String> {
    let registry: Registry =
        toml::from_str(vendors_toml).map_err(|e| format!("{VENDORS_TOML}: {e}"))?;
    let mut platform_vendor: BTreeMap<&str, &str> = BTreeMap::new();
    let mut names = BTreeSet::new();
    let hand = registry
        .existing
        .iter()
        .map(|e| (e.name.as_str(), &e.platforms));
    let generated = registry
        .vendor
        .iter()
        .map(|v| (v.name.as_str(), &v.platforms));
    for (name, platforms) in hand.chain(generated) {
        if !is_name(name) {
            return Err(format!(
                "{VENDORS_TOML}: `{name}` is not a vern name (kebab-case)"
            ));
        }
        if !names.insert(name) {
            return Err(format!("{VENDORS_TOML}: `{name}` is listed twice"));
        }
        for p in platforms {
            if let Some(other) = platform_vendor.insert(p.as_str(), name) {
                return Err(format!(
                    "{VENDORS_TOML}: platform `{p}` is given to both `{other}` and `{name}`"
                ));
            }
        }
    }

    let mut reader = csv::Reader::from_reader(cookie_csv.as_bytes());
    let mut cookies = Vec::new();
    for (i, row) in reader.deserialize::<CookieRow>().enumerate() {
        let row = row.map_err(|e| format!("{COOKIE_CSV}: row {}: {e}", i + 2))?;
        cookies.push(row);
    }
    let platforms: BTreeSet<&str> = cookies.iter().map(|c| c.platform.as_str()).collect();
    for p in platform_vendor.keys() {
        if !platforms.contains(p) {
            return Err(format!(
                "{VENDORS_TOML}: platform `{p}` is not in the Open Cookie Database"
            ));
        }
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &cookies {
        if let Some(v) = platform_vendor.get(c.platform.as_str()) {
            *counts.entry(v).or_default() += 1;
        }
    }

    Ok(vec![
        (
            VENDORS_VERN.to_string(),
            vendors_vern(&registry.vendor, &counts),
        ),
        (
            COOKIES_VERN.to_string(),
            cookies_vern(&cookies, &platform_vendor),
        ),
    ])
}

fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.ends_with('-')
        && !s.contains("--")
}

const HEADER: &str = "// Generated by `vern gen-registry` from data/vendors.toml and data/open-cookie-database/. Do not edit:\n// change the data and run `cargo run -- gen-registry` (tests/registry.rs fails when this file is stale).\n";

fn vendors_vern(vendors: &[VendorRow], counts: &BTreeMap<&str, usize>) -> String {
    let mut out = String::from(HEADER);
    out.push_str(
        "//\n// std.registry: the vendor registry. Each vendor's legal entity, countries, kind and domains are from\n\
         // data/vendors.toml; unless marked verified there, they were not checked against the vendor's current\n\
         // terms and carry `unverified`. Its cookies are the Open Cookie Database's, in stdlib/registry/cookies.vern\n\
         // (`vern vocab cookies`). Whether a US vendor is DPF-certified is not recorded: a policy states it with\n\
         // `dpf-certified` on the recipient.\n",
    );
    let mut sorted: Vec<&VendorRow> = vendors.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    for v in sorted {
        out.push('\n');
        if let Some(n) = counts.get(v.name.as_str()) {
            out.push_str(&format!(
                "// {n} cookie{} in the Open Cookie Database.\n",
                if *n == 1 { "" } else { "s" }
            ));
        }
        let label = string(&v.label);
        out.push_str(&format!("vendor {} nb {label} en {label} {{\n", v.name));
        if let Some(e) = &v.entity {
            out.push_str(&format!("  entity {}\n", string(e)));
        }
        if !v.country.is_empty() {
            out.push_str(&format!("  country {}\n", v.country.join(", ")));
        }
        out.push_str(&format!("  kind {}\n", v.kind));
        for d in &v.domains {
            out.push_str(&format!("  domain {}\n", string(d)));
        }
        if v.joint_controller_pattern {
            out.push_str("  joint-controller-pattern\n");
        }
        if let Some(c) = &v.cite {
            out.push_str(&format!("  cite {}\n", string(c)));
        }
        out.push_str("  cite \"vern vendor registry, data/vendors.toml\"\n");
        if !v.verified {
            out.push_str("  unverified\n");
        }
        out.push_str("}\n");
    }
    out
}

fn cookies_vern(cookies: &[CookieRow], platform_vendor: &BTreeMap<&str, &str>) -> String {
    let mut out = String::from(HEADER);
    out.push_str(&format!(
        "//\n// The cookie registry: every cookie and storage key of the {COOKIE_SOURCE}, in its order.\n\
         // Not in scope in a policy: a policy's `cookie \"NAME\"` is looked up here (src/sema/registry.rs), by exact\n\
         // name, or by the longest `PREFIX*` entry (a wildcard of the database) of at least three characters.\n\
         //   platform    the database's platform; vendor: the std vendor it belongs to (data/vendors.toml)\n\
         //   category    the database's category, lower case (functional, personalization, analytics, marketing,\n\
         //               security, necessary)\n\
         //   kind        the std cookie kind the category names unambiguously: analytics, marketing, and\n\
         //               strictly-necessary for security and necessary; none for functional and personalization,\n\
         //               which may or may not be exempt\n\
         //   retention   the database's text; typical: the same as a duration or `session`, where it is one\n"
    ));
    for c in cookies {
        out.push('\n');
        let name = c.name.trim_end_matches(['\t', ' ']);
        let name = if c.wildcard.trim() == "1" && !name.ends_with('*') {
            format!("{name}*")
        } else {
            name.to_string()
        };
        out.push_str(&format!("known-cookie {} {{\n", string(&name)));
        out.push_str(&format!("  platform {}\n", string(c.platform.trim())));
        if let Some(v) = platform_vendor.get(c.platform.as_str()) {
            out.push_str(&format!("  vendor {v}\n"));
        }
        let category = c.category.trim().to_ascii_lowercase();
        if !category.is_empty() {
            out.push_str(&format!("  category {}\n", string(&category)));
        }
        if let Some(kind) = kind_of(&category) {
            out.push_str(&format!("  kind {kind}\n"));
        }
        let retention = c.retention.trim();
        if !retention.is_empty() {
            out.push_str(&format!("  retention {}\n", string(retention)));
        }
        if let Some(t) = typical(retention) {
            out.push_str(&format!("  typical {t}\n"));
        }
        let domain = c.domain.trim();
        if !domain.is_empty() {
            out.push_str(&format!("  domain {}\n", string(domain)));
        }
        let controller = c.controller.trim();
        if !controller.is_empty() {
            out.push_str(&format!("  controller {}\n", string(controller)));
        }
        let description = c.description.trim();
        if !description.is_empty() {
            out.push_str(&format!("  description en {}\n", string(description)));
        }
        out.push_str(&format!(
            "  cite {}\n",
            string(&format!("Open Cookie Database {}", c.id.trim()))
        ));
        out.push_str("}\n");
    }
    out
}

/// The std cookie kind a database category names without doubt.
fn kind_of(category: &str) -> Option<&'static str> {
    match category {
        "analytics" => Some("analytics"),
        "marketing" => Some("marketing"),
        "security" | "necessary" => Some("strictly-necessary"),
        _ => None,
    }
}

/// A retention text as a vern duration (`2y`, `13mo`, `30d`) or `session`; `None` for anything else
/// (hours, "forever", "Varies", "2 years after last activity").
pub fn typical(text: &str) -> Option<String> {
    let t = text.trim().to_ascii_lowercase();
    if t == "session" || t == "sessions" || t == "end of session (browser)" {
        return Some("session".into());
    }
    let mut words = t.split_whitespace();
    let n: u32 = words.next()?.parse().ok()?;
    let unit = words.next()?;
    if words.next().is_some() || n == 0 {
        return None;
    }
    let unit = match unit {
        "year" | "years" => "y",
        "month" | "months" => "mo",
        "week" | "weeks" => "w",
        "day" | "days" => "d",
        _ => return None,
    };
    Some(format!("{n}{unit}"))
}

/// A vern string literal: `"` and `\` escaped, control characters and invisible formatting as `\u{..}`,
/// bidirectional controls (never allowed in vern source) dropped.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if crate::syntax::is_bidi_control(c) => {}
            c if c.is_control() || c == '\u{ad}' || c == '\u{200b}' || c == '\u{feff}' => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retention_texts_become_durations_only_when_they_are_one() {
        assert_eq!(typical("2 years").as_deref(), Some("2y"));
        assert_eq!(typical("1 Year").as_deref(), Some("1y"));
        assert_eq!(typical("13 months").as_deref(), Some("13mo"));
        assert_eq!(typical("Session").as_deref(), Some("session"));
        assert_eq!(typical("30 minutes"), None);
        assert_eq!(typical("2 years after last activity"), None);
        assert_eq!(typical("forever"), None);
    }

    #[test]
    fn strings_are_escaped() {
        assert_eq!(string("a\"b\\c\td\u{ad}"), "\"a\\\"b\\\\c\\td\\u{ad}\"");
    }
}
