//! What vern knows about an observed cookie name or request host, for naming evidence findings.
//!
//! This is the one place the evidence rules ask: [`cookie`] and [`vendor_of_host`]. Today they read
//! two small data files beside this one (a subset of the Open Cookie Database, and the hosts of the
//! stdlib vendors); when the stdlib's generated cookie and vendor registries land, these two
//! functions switch to them and nothing else changes.

use std::sync::OnceLock;

/// A cookie or storage key the registry knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KnownCookie {
    /// The name as the registry lists it; with `wildcard`, a prefix (`_hjSessionUser_`).
    pub name: &'static str,
    pub wildcard: bool,
    /// The platform that sets it (`Hotjar`, `Google Analytics`).
    pub platform: &'static str,
    /// Functional, Personalization, Analytics, Marketing or Security.
    pub category: &'static str,
    /// The typical retention, as the registry words it (`365 days`), when it gives one.
    pub retention: Option<&'static str>,
    /// The stdlib vendor the platform is, when there is one.
    pub vendor: Option<&'static str>,
}

impl KnownCookie {
    /// The name as people read it: `_hjSessionUser_*` for a prefix.
    pub fn pattern(&self) -> String {
        if self.wildcard {
            format!("{}*", self.name)
        } else {
            self.name.to_string()
        }
    }
}

const COOKIES: &str = include_str!("known-cookies.tsv");
const HOSTS: &str = include_str!("known-hosts.tsv");

fn cookies() -> &'static [KnownCookie] {
    static TABLE: OnceLock<Vec<KnownCookie>> = OnceLock::new();
    TABLE.get_or_init(|| {
        data_lines(COOKIES)
            .filter_map(|line| {
                let f: Vec<&'static str> = line.split('\t').collect();
                let [name, wildcard, platform, category, retention, vendor, ..] = f[..] else {
                    return None;
                };
                Some(KnownCookie {
                    name,
                    wildcard: wildcard == "1",
                    platform,
                    category,
                    retention: (!retention.is_empty()).then_some(retention),
                    vendor: (vendor != "-").then_some(vendor),
                })
            })
            .collect()
    })
}

fn hosts() -> &'static [(&'static str, &'static str)] {
    static TABLE: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        data_lines(HOSTS)
            .filter_map(|line| line.split_once('\t'))
            .collect()
    })
}

fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

/// The registry's entry for a cookie or storage key name: an exact name first, else the longest
/// wildcard prefix (`_hjSessionUser_3512` is `_hjSessionUser_*`).
pub fn cookie(name: &str) -> Option<KnownCookie> {
    let table = cookies();
    table
        .iter()
        .find(|c| !c.wildcard && c.name == name)
        .or_else(|| {
            table
                .iter()
                .filter(|c| c.wildcard && name.starts_with(c.name))
                .max_by_key(|c| c.name.len())
        })
        .copied()
}

/// The stdlib vendor (by name) a request host belongs to: the host itself or a parent domain is
/// listed for it.
pub fn vendor_of_host(host: &str) -> Option<&'static str> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    hosts()
        .iter()
        .filter(|(h, _)| host == *h || host.ends_with(&format!(".{h}")))
        .max_by_key(|(h, _)| h.len())
        .map(|(_, v)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_prefixes() {
        let fbp = cookie("_fbp");
        assert_eq!(fbp.map(|c| c.platform), Some("Facebook"));
        assert_eq!(fbp.and_then(|c| c.vendor), Some("meta-pixel"));
        let hj = cookie("_hjSessionUser_3512");
        assert_eq!(hj.map(|c| c.pattern()), Some("_hjSessionUser_*".into()));
        assert_eq!(hj.and_then(|c| c.vendor), Some("hotjar"));
        // The exact `_ga` is not the `_ga_*` prefix.
        assert_eq!(cookie("_ga").map(|c| c.wildcard), Some(false));
        assert_eq!(cookie("_ga_XYZ").map(|c| c.wildcard), Some(true));
        assert_eq!(cookie("nothing-known"), None);
    }

    #[test]
    fn hosts_and_their_subdomains() {
        assert_eq!(vendor_of_host("script.hotjar.com"), Some("hotjar"));
        assert_eq!(
            vendor_of_host("www.google-analytics.com"),
            Some("google-analytics")
        );
        assert_eq!(vendor_of_host("connect.facebook.net"), Some("meta-pixel"));
        assert_eq!(vendor_of_host("notfacebook.com"), None);
        assert_eq!(vendor_of_host("127.0.0.1"), None);
    }
}
