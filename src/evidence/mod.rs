//! Evidence: what a website was observed to do, read from HAR files (`vern scan`, or any browser's
//! DevTools export) and from the EDPS Website Evidence Collector's `inspection.json`.
//!
//! Evidence files are not policy sources, but they are shown like them: each is added to the database
//! as a [`SourceFile`], and every observation carries the byte span of the JSON it was read from (the
//! cookie's name, the request's URL), so the terminal renderer, SARIF and the editor show the line of
//! the HAR entry. The rules that compare evidence with the policy are `evidence-*` in
//! `check::rules`, run by `check::evidence`.

pub mod har;
pub mod inspection;
pub mod registry;

use crate::db::SourceFile;
use crate::syntax::ast::Span;

/// Every evidence file given to one `vern check`.
#[derive(Clone, Debug, Default)]
pub struct Evidence {
    pub files: Vec<EvidenceFile>,
}

/// The format an evidence file was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Har,
    Inspection,
}

/// What one evidence file records.
#[derive(Clone, Debug)]
pub struct EvidenceFile {
    pub file: SourceFile,
    pub format: Format,
    /// The first-party host of the visit (the page first visited), when known.
    pub site: Option<String>,
    /// Whether consent was given before or during the visit. A file says so only through vern's
    /// `_vern.consent`; any other file is read as a visit with no consent given.
    pub consent_given: bool,
    pub cookies: Vec<ObservedCookie>,
    pub storage: Vec<ObservedStorage>,
    pub requests: Vec<ObservedRequest>,
}

/// Where in an evidence file an observation was read: a span for the renderers and a description
/// for people (`HAR entry 3 (https://...)`, `inspection cookies[2]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub span: Span,
    pub describe: String,
}

#[derive(Clone, Debug)]
pub struct ObservedCookie {
    pub name: String,
    pub domain: Option<String>,
    pub path: Option<String>,
    pub lifetime: Lifetime,
    /// The expiry as recorded (ISO 8601), for messages.
    pub expires: Option<String>,
    pub first_party: Option<bool>,
    /// The URL of the request whose response set it, when known.
    pub set_by: Option<String>,
    pub at: Place,
}

/// How long an observed cookie lives after it was set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lifetime {
    /// Deleted when the browser closes.
    Session,
    /// Persistent, for this many seconds after it was set.
    Seconds(i64),
    /// Not recorded (a cookie seen only in a request's `Cookie` header).
    Unknown,
}

#[derive(Clone, Debug)]
pub struct ObservedStorage {
    /// `localStorage` or `sessionStorage`.
    pub area: String,
    pub origin: String,
    pub key: String,
    pub at: Place,
}

#[derive(Clone, Debug)]
pub struct ObservedRequest {
    pub url: String,
    pub host: String,
    pub first_party: Option<bool>,
    pub at: Place,
}

/// A failure to read an evidence file: not a finding about the policy, but a usage error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError(pub String);

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Reads an evidence file's text: a HAR (`{"log": {...}}`) or a Website Evidence Collector
/// `inspection.json` (`{"cookies": [...], "hosts": {...}}`), told apart by their top-level keys.
pub fn read(file: SourceFile, path: &str, text: &str) -> Result<EvidenceFile, ReadError> {
    let top: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(text).map_err(|e| {
            ReadError(format!(
                "`{path}` is not JSON (line {}, column {}): {e}",
                e.line(),
                e.column()
            ))
        })?;
    if top.contains_key("log") {
        har::read(file, path, text)
    } else if top.contains_key("cookies") || top.contains_key("hosts") {
        inspection::read(file, path, text)
    } else {
        Err(ReadError(format!(
            "`{path}` is neither a HAR file (no `log`) nor a Website Evidence Collector inspection.json (no `cookies` or `hosts`)"
        )))
    }
}

/// The host of a URL, lower case; `None` for a URL without one (`data:`, `about:blank`).
pub fn host_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    parsed.host_str().map(|h| {
        h.trim_start_matches('[')
            .trim_end_matches(']')
            .to_ascii_lowercase()
    })
}

/// The site of a host: its registrable domain by the public suffix list, or the host itself (an IP
/// address, `localhost`). Two hosts are the same party when their sites are equal.
pub fn site_of(host: &str) -> String {
    let host = host.trim_start_matches('.').to_ascii_lowercase();
    if host.parse::<std::net::IpAddr>().is_ok() {
        return host;
    }
    psl::domain_str(&host).map_or(host.clone(), str::to_string)
}

/// Whether `host` (a request's host or a cookie's domain) belongs to the site of `first`.
pub fn same_site(first: &str, host: &str) -> bool {
    site_of(first) == site_of(host)
}

/// The byte offset of `inner` inside `outer`, when `inner` is a sub-slice of it (a borrowed
/// `RawValue` of the text being parsed).
pub(crate) fn offset_in(outer: &str, inner: &str) -> Option<usize> {
    let start = (inner.as_ptr() as usize).checked_sub(outer.as_ptr() as usize)?;
    (start + inner.len() <= outer.len()).then_some(start)
}

/// The span of the JSON string `needle` (as serialised) inside `raw`, which starts at `base` in the
/// file; else the first character of `raw`.
pub(crate) fn span_of_string(base: usize, raw: &str, needle: &str) -> Span {
    let quoted = serde_json::to_string(needle).unwrap_or_default();
    match raw.find(&quoted) {
        Some(i) if !quoted.is_empty() => Span::new(base + i, base + i + quoted.len()),
        _ => Span::new(base, base + raw.len().min(1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sites_follow_the_public_suffix_list() {
        assert_eq!(site_of("www.nordlys.example.co.uk"), "example.co.uk");
        assert_eq!(site_of("script.hotjar.com"), "hotjar.com");
        assert_eq!(site_of("127.0.0.1"), "127.0.0.1");
        assert_eq!(site_of("localhost"), "localhost");
        assert!(same_site("www.nordlys.no", ".nordlys.no"));
        assert!(!same_site("127.0.0.1", "localhost"));
    }

    #[test]
    fn hosts_of_urls() {
        assert_eq!(
            host_of("https://Script.Hotjar.com/x.js").as_deref(),
            Some("script.hotjar.com")
        );
        assert_eq!(host_of("data:text/plain,hi"), None);
        assert_eq!(host_of("not a url"), None);
    }
}
