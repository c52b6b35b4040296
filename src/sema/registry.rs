//! The registries: which vendor serves a host, and what the cookie registry knows about a cookie name.
//!
//! The cookie registry (`stdlib/registry/cookies.vern`, generated from the Open Cookie Database) has
//! over 2,000 declarations, more than the rest of the stdlib together, and a policy names a handful.
//! So it is not parsed with the stdlib: on first use the embedded text is indexed by name (a scan of
//! its declaration heads, no parsing), and only the entries a lookup finds are parsed, each once per
//! lookup. A check of a policy without string-named cookies never touches it.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use crate::ir::{Lifetime, Vocabulary};
use crate::syntax::ast::{Atom, Decl, Item};

/// The shortest wildcard prefix a name is matched against: `CT*` or `SR*` would claim half the
/// cookies of the web.
pub const MIN_WILDCARD_PREFIX: usize = 3;

/// One entry of the cookie registry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownCookie {
    /// As in the registry: `_ga`, or `_ga_*` for a prefix.
    pub name: String,
    pub wildcard: bool,
    /// The database's platform (`Google Analytics`).
    pub platform: Option<String>,
    /// The std vendor the platform belongs to, when data/vendors.toml says so.
    pub vendor: Option<String>,
    /// The database's category, lower case: functional, personalization, analytics, marketing, ...
    pub category: Option<String>,
    /// The std cookie kind the category names without doubt (analytics, marketing, strictly-necessary).
    pub kind: Option<String>,
    /// The database's retention text (`2 years`).
    pub retention: Option<String>,
    /// The same as a lifetime, where it is one.
    pub typical: Option<Lifetime>,
    pub domain: Option<String>,
    pub controller: Option<String>,
    pub description: Option<String>,
    pub cite: Vec<String>,
    /// The 1-based line of its declaration in `stdlib/registry/cookies.vern`.
    pub line: usize,
}

struct Index {
    /// Every declaration, in file order: its name and its text's byte range.
    entries: Vec<(String, Range<usize>)>,
    /// Exact names (not wildcards) to entry indices.
    exact: HashMap<String, Vec<usize>>,
    /// Wildcard prefixes (without the `*`) to entry indices.
    prefixes: HashMap<String, Vec<usize>>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| build_index(crate::stdlib::REGISTRY_COOKIES))
}

const HEAD: &str = "known-cookie \"";

fn build_index(text: &str) -> Index {
    let mut entries = Vec::new();
    let mut exact: HashMap<String, Vec<usize>> = HashMap::new();
    let mut prefixes: HashMap<String, Vec<usize>> = HashMap::new();
    let mut offset = 0;
    let mut open: Option<(String, usize)> = None;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if line.starts_with(HEAD) {
            let name = head_name(line).unwrap_or_default();
            open = Some((name, start));
        } else if line.trim_end() == "}"
            && let Some((name, from)) = open.take()
        {
            let i = entries.len();
            match name.strip_suffix('*') {
                Some(prefix) => prefixes.entry(prefix.to_string()).or_default().push(i),
                None => exact.entry(name.clone()).or_default().push(i),
            }
            entries.push((name, from..offset));
        }
    }
    Index {
        entries,
        exact,
        prefixes,
    }
}

/// The name in a `known-cookie "NAME" {` line, unescaped as the parser would.
fn head_name(line: &str) -> Option<String> {
    let rest = line.strip_prefix(HEAD)?;
    let (raw, _) = rest.rsplit_once('"')?;
    if !raw.contains('\\') {
        return Some(raw.to_string());
    }
    let decl = crate::syntax::parse_one_decl(&format!(
        "{} {{}}",
        line.trim_end().trim_end_matches('{').trim_end()
    ))?;
    match decl {
        Decl::Item(d) => d.name.map(|n| n.text.to_string()),
        Decl::Use(_) => None,
    }
}

/// The registry entries for a cookie's name: every entry of exactly that name (`_ga`, or `_ga_*` for a
/// policy that writes the pattern); failing that, the entries of the longest wildcard prefix (at least
/// [`MIN_WILDCARD_PREFIX`] characters) the name starts with (`_ga_G-1234` and `_ga_*` match `_ga_*`).
/// Several entries when the database lists the name under several platforms.
pub fn cookie(name: &str) -> Vec<KnownCookie> {
    let idx = index();
    let ids: Option<&Vec<usize>> = match name.strip_suffix('*') {
        Some(prefix) => idx.prefixes.get(prefix),
        None => idx.exact.get(name),
    };
    let ids = ids.cloned().or_else(|| {
        let stem = name.trim_end_matches('*');
        (MIN_WILDCARD_PREFIX..=stem.len())
            .rev()
            .filter(|&n| stem.is_char_boundary(n))
            .find_map(|n| idx.prefixes.get(&stem[..n]).cloned())
    });
    ids.unwrap_or_default()
        .into_iter()
        .filter_map(|i| entry(idx, i))
        .collect()
}

/// Every entry of the cookie registry, in file order (`vern vocab cookies`).
pub fn all_cookies() -> Vec<KnownCookie> {
    let idx = index();
    (0..idx.entries.len())
        .filter_map(|i| entry(idx, i))
        .collect()
}

/// How many entries the registry has.
pub fn cookie_count() -> usize {
    index().entries.len()
}

fn entry(idx: &Index, i: usize) -> Option<KnownCookie> {
    let (name, range) = idx.entries.get(i)?;
    let text = crate::stdlib::REGISTRY_COOKIES.get(range.clone())?;
    let line = crate::stdlib::REGISTRY_COOKIES[..range.start]
        .bytes()
        .filter(|&b| b == b'\n')
        .count()
        + 1;
    let Decl::Item(decl) = crate::syntax::parse_one_decl(text)? else {
        return None;
    };
    let items = decl.items();
    let string = |key: &str| {
        items.iter().find(|i| i.key.text == key).and_then(|i| {
            i.args.iter().find_map(|a| match a {
                Atom::Text(t) => t.parts.first().map(|p| p.value.to_string()),
                _ => None,
            })
        })
    };
    let word = |key: &str| {
        items
            .iter()
            .find(|i| i.key.text == key)
            .and_then(|i| match i.args.as_slice() {
                [Atom::Path(p)] => Some(p.text.to_string()),
                _ => None,
            })
    };
    let typical = items
        .iter()
        .find(|i| i.key.text == "typical")
        .and_then(lifetime);
    Some(KnownCookie {
        name: name.clone(),
        wildcard: name.ends_with('*'),
        platform: string("platform"),
        vendor: word("vendor"),
        category: string("category"),
        kind: word("kind"),
        retention: string("retention"),
        typical,
        domain: string("domain"),
        controller: string("controller"),
        description: string("description"),
        cite: items
            .iter()
            .filter(|i| i.key.text == "cite")
            .filter_map(|i| match i.args.as_slice() {
                [Atom::Text(t)] => t.parts.first().map(|p| p.value.to_string()),
                _ => None,
            })
            .collect(),
        line,
    })
}

fn lifetime(item: &Item) -> Option<Lifetime> {
    match item.args.as_slice() {
        [Atom::Duration(d, _)] => Some(Lifetime::Period(*d)),
        [Atom::Path(p)] if p.text == "session" => Some(Lifetime::Session),
        _ => None,
    }
}

/// The vendor a host belongs to, by name: the one with the longest `domain` the host equals or ends in
/// (`www.google-analytics.com` is under `google-analytics.com`; `notgoogle-analytics.com` is not), among
/// the vendors in `vocab` and those of the vendor registry (whose declarations are read here without
/// being lowered). A host may be written with a scheme, a port, a path or a trailing dot; case does not
/// matter.
pub fn vendor_for_host(vocab: &Vocabulary, host: &str) -> Option<String> {
    let host = normalise_host(host)?;
    let mut best: Option<(&str, usize)> = None;
    let in_vocab = vocab.vendors.values().flat_map(|v| {
        v.domains
            .iter()
            .map(move |d| (v.entry.name.as_str(), d.as_str()))
    });
    let in_registry = registry_domains()
        .iter()
        .map(|(v, d)| (v.as_str(), d.as_str()));
    for (vendor, domain) in in_vocab.chain(in_registry) {
        let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
        if domain.is_empty() {
            continue;
        }
        let under = host == domain
            || (host.len() > domain.len()
                && host.ends_with(&domain)
                && host.as_bytes()[host.len() - domain.len() - 1] == b'.');
        if under && best.is_none_or(|(_, len)| domain.len() > len) {
            best = Some((vendor, domain.len()));
        }
    }
    best.map(|(v, _)| v.to_string())
}

/// The vendor registry's `domain` lines: (vendor, domain), scanned from the generated text once.
fn registry_domains() -> &'static [(String, String)] {
    static DOMAINS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    DOMAINS.get_or_init(|| {
        let mut out = Vec::new();
        let mut vendor = String::new();
        for line in crate::stdlib::REGISTRY_VENDORS.lines() {
            if let Some(rest) = line.strip_prefix("vendor ") {
                vendor = rest
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_string();
            } else if let Some(rest) = line.strip_prefix("  domain \"")
                && let Some(domain) = rest.strip_suffix('"')
            {
                out.push((vendor.clone(), domain.to_string()));
            }
        }
        out
    })
}

fn normalise_host(host: &str) -> Option<String> {
    let h = host.trim();
    let h = h.split_once("://").map_or(h, |(_, rest)| rest);
    let h = h.split(['/', '?', '#']).next()?;
    let h = h.rsplit_once('@').map_or(h, |(_, rest)| rest);
    let h = match h.rsplit_once(':') {
        Some((name, port)) if port.chars().all(|c| c.is_ascii_digit()) => name,
        _ => h,
    };
    let h = h.trim_end_matches('.').to_ascii_lowercase();
    (!h.is_empty()).then_some(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_indexes_every_declaration_and_each_parses() {
        let all = all_cookies();
        assert_eq!(all.len(), cookie_count());
        assert!(all.len() >= 2_000, "only {} cookies", all.len());
        assert!(
            all.iter()
                .all(|c| c.platform.is_some() && !c.cite.is_empty())
        );
    }

    #[test]
    fn exact_names_and_wildcards_match() {
        let ga = cookie("_ga");
        assert_eq!(ga.len(), 1);
        assert_eq!(ga[0].vendor.as_deref(), Some("google-analytics"));
        assert_eq!(ga[0].kind.as_deref(), Some("analytics"));
        assert!(matches!(ga[0].typical, Some(Lifetime::Period(d)) if d.months == 24));
        for name in ["_ga_*", "_ga_G-12AB34CD"] {
            let found = cookie(name);
            assert_eq!(found.len(), 1, "{name}");
            assert_eq!(found[0].name, "_ga_*");
        }
        let hj = cookie("_hjSessionUser_*");
        assert_eq!(
            hj.first().map(|c| c.name.as_str()),
            Some("_hjSessionUser_*")
        );
        assert_eq!(cookie("_hjSessionUser_123456")[0].name, "_hjSessionUser_*");
        assert!(cookie("no-such-cookie-anywhere").is_empty());
        // A two-letter wildcard claims nothing.
        assert!(cookie("CTX").iter().all(|c| c.name != "CT*"));
    }

    #[test]
    fn hosts_resolve_to_vendors_by_domain_suffix() {
        let db = crate::db::Database::new();
        let std = crate::resolve::std_lib(&db, crate::db::Db::file_set(&db));
        let name = |h: &str| vendor_for_host(&std.vocab, h);
        assert_eq!(
            name("www.google-analytics.com").as_deref(),
            Some("google-analytics")
        );
        assert_eq!(
            name("https://region1.google-analytics.com/g/collect").as_deref(),
            Some("google-analytics")
        );
        assert_eq!(name("ZOHO.EU").as_deref(), Some("zoho"));
        assert_eq!(name("notgoogle-analytics.com"), None);
        assert_eq!(name("example.org"), None);
        assert_eq!(name(""), None);
    }
}
