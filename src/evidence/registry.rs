//! What vern knows about an observed cookie name or request host, for naming evidence findings.
//!
//! The one place the evidence rules ask: [`cookie`] and [`vendor_of_host`]. Both read the stdlib's
//! generated registries through the semantic layer (`sema::registry`: the Open Cookie Database and the
//! vendor registry with the domains each vendor serves from), so evidence and policy checks agree.

use crate::ir::Vocabulary;

/// A cookie or storage key the registry knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownCookie {
    /// The name as the registry lists it: `_ga`, or `_hjSessionUser_*` for a prefix.
    pub name: String,
    pub wildcard: bool,
    /// The platform that sets it (`Hotjar`, `Google Analytics`).
    pub platform: String,
    /// Functional, Personalization, Analytics, Marketing or Security.
    pub category: String,
    /// The typical retention, as the registry words it (`365 days`), when it gives one.
    pub retention: Option<String>,
    /// The stdlib vendor the platform is, when there is one.
    pub vendor: Option<String>,
}

impl KnownCookie {
    /// The name as people read it: `_hjSessionUser_*` for a prefix.
    pub fn pattern(&self) -> String {
        self.name.clone()
    }
}

/// The registry's entry for a cookie or storage key name: an exact name first, else the longest
/// wildcard prefix (`_hjSessionUser_3512` is `_hjSessionUser_*`). Where the database lists the name
/// under several platforms, the first.
pub fn cookie(name: &str) -> Option<KnownCookie> {
    let k = crate::sema::registry::cookie(name).into_iter().next()?;
    let category = k.category.unwrap_or_default();
    let mut chars = category.chars();
    let category = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    Some(KnownCookie {
        name: k.name,
        wildcard: k.wildcard,
        platform: k.platform.unwrap_or_else(|| "an unnamed platform".into()),
        category,
        retention: k.retention.filter(|r| !r.is_empty()),
        vendor: k.vendor,
    })
}

/// The stdlib vendor (by name) a request host belongs to: the host itself or a parent domain is
/// listed for it.
pub fn vendor_of_host(vocab: &Vocabulary, host: &str) -> Option<String> {
    crate::sema::registry::vendor_for_host(vocab, host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_prefixes() {
        let fbp = cookie("_fbp");
        assert_eq!(fbp.as_ref().map(|c| c.platform.as_str()), Some("Facebook"));
        assert_eq!(fbp.and_then(|c| c.vendor).as_deref(), Some("meta-pixel"));
        let hj = cookie("_hjSessionUser_3512");
        assert_eq!(
            hj.as_ref().map(|c| c.pattern()),
            Some("_hjSessionUser_*".into())
        );
        assert_eq!(hj.and_then(|c| c.vendor).as_deref(), Some("hotjar"));
        // The exact `_ga` is not the `_ga_*` prefix.
        assert_eq!(cookie("_ga").map(|c| c.wildcard), Some(false));
        assert_eq!(cookie("_ga_XYZ").map(|c| c.wildcard), Some(true));
        assert_eq!(cookie("nothing-known"), None);
    }

    #[test]
    fn hosts_and_their_subdomains() {
        let db = crate::db::Database::new();
        let file = db.stdlib_module("std.gdpr").expect("stdlib");
        let vocab = &crate::resolve::resolve_policy(&db, file).policy.vocab;
        let of = |h: &str| vendor_of_host(vocab, h);
        assert_eq!(of("script.hotjar.com").as_deref(), Some("hotjar"));
        assert_eq!(
            of("www.google-analytics.com").as_deref(),
            Some("google-analytics")
        );
        assert_eq!(of("connect.facebook.net").as_deref(), Some("meta-pixel"));
        assert_eq!(of("notfacebook.com"), None);
        assert_eq!(of("127.0.0.1"), None);
    }
}
