//! HAR 1.2 (the HTTP Archive format every browser's DevTools exports, and `vern scan` writes): the
//! types `vern scan` writes, and the reader `vern check --evidence` uses.
//!
//! The reader keeps the position of every entry and cookie: entries and cookies are parsed as
//! borrowed raw JSON first, so each observation points at the bytes it came from. vern's own fields
//! (the cookie jar at the end of the visit, storage keys, whether consent was given) are under
//! `_vern`, which other tools ignore, as HAR allows for custom fields.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::{
    EvidenceFile, Format, Lifetime, ObservedCookie, ObservedRequest, ObservedStorage, Place,
    ReadError, host_of, offset_in, same_site, span_of_string,
};
use crate::db::SourceFile;
use crate::syntax::ast::Span;

// ---------------------------------------------------------------------------------------------------
// What `vern scan` writes (a subset of HAR 1.2 plus `_vern`).
// ---------------------------------------------------------------------------------------------------

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Har {
    pub log: Log,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Log {
    pub version: String,
    pub creator: Creator,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub browser: Option<Creator>,
    #[serde(default)]
    pub pages: Vec<Page>,
    pub entries: Vec<Entry>,
    #[serde(rename = "_vern", default, skip_serializing_if = "Option::is_none")]
    pub vern: Option<VernLog>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Creator {
    pub name: String,
    pub version: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Page {
    pub started_date_time: String,
    pub id: String,
    pub title: String,
    pub page_timings: PageTimings,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageTimings {
    pub on_content_load: f64,
    pub on_load: f64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pageref: Option<String>,
    pub started_date_time: String,
    pub time: f64,
    pub request: Request,
    pub response: Response,
    pub cache: serde_json::Map<String, serde_json::Value>,
    pub timings: Timings,
    #[serde(rename = "_vern", default, skip_serializing_if = "Option::is_none")]
    pub vern: Option<VernEntry>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Request {
    pub method: String,
    pub url: String,
    pub http_version: String,
    pub cookies: Vec<Cookie>,
    pub headers: Vec<Header>,
    pub query_string: Vec<Header>,
    pub headers_size: i64,
    pub body_size: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Response {
    pub status: i64,
    pub status_text: String,
    pub http_version: String,
    pub cookies: Vec<Cookie>,
    pub headers: Vec<Header>,
    pub content: Content,
    #[serde(rename = "redirectURL")]
    pub redirect_url: String,
    pub headers_size: i64,
    pub body_size: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Content {
    pub size: i64,
    pub mime_type: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Header {
    pub name: String,
    pub value: String,
}

/// A HAR cookie. `vern scan` records no cookie values (they are often identifiers): `value` is empty.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cookie {
    pub name: String,
    #[serde(default)]
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// ISO 8601; absent or null for a session cookie.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_only: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secure: Option<bool>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Timings {
    pub send: f64,
    pub wait: f64,
    pub receive: f64,
}

/// vern's fields on an entry.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VernEntry {
    pub host: String,
    pub third_party: bool,
    /// The kind of resource, as the browser names it (Document, Script, Image, XHR, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
}

/// vern's fields on the log: the visit as a whole.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VernLog {
    /// The first-party host: that of the first page visited.
    pub site: String,
    /// `none`: no consent was given (vern scan never interacts with a consent banner); `given`: the
    /// file records a visit after consent, and `evidence-before-consent` does not read it.
    pub consent: String,
    /// When the visit ended and the cookie jar was read (ISO 8601).
    pub scanned: String,
    pub pages: Vec<String>,
    /// The browser's cookie jar at the end of the visit.
    pub cookies: Vec<VernCookie>,
    pub storage: Vec<VernStorage>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VernCookie {
    pub name: String,
    pub domain: String,
    pub path: String,
    /// ISO 8601; null for a session cookie.
    pub expires: Option<String>,
    pub first_party: bool,
    /// The index and URL of the entry whose `Set-Cookie` set it; null when a script set it.
    pub set_by: Option<SetBy>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SetBy {
    pub entry: usize,
    pub url: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct VernStorage {
    /// `localStorage` or `sessionStorage`.
    pub area: String,
    pub origin: String,
    pub key: String,
}

// ---------------------------------------------------------------------------------------------------
// Reading, with positions.
// ---------------------------------------------------------------------------------------------------

#[derive(Deserialize)]
struct RawHar<'a> {
    #[serde(borrow)]
    log: RawLog<'a>,
}

#[derive(Deserialize)]
struct RawLog<'a> {
    #[serde(borrow, default)]
    entries: Vec<&'a RawValue>,
    #[serde(rename = "_vern", borrow, default)]
    vern: Option<RawVernLog<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawEntry<'a> {
    #[serde(default)]
    started_date_time: Option<String>,
    #[serde(borrow)]
    request: RawMessage<'a>,
    #[serde(borrow, default)]
    response: Option<RawMessage<'a>>,
}

#[derive(Deserialize)]
struct RawMessage<'a> {
    #[serde(default)]
    url: Option<String>,
    #[serde(borrow, default)]
    cookies: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawVernLog<'a> {
    #[serde(default)]
    site: Option<String>,
    #[serde(default)]
    consent: Option<String>,
    #[serde(default)]
    scanned: Option<String>,
    #[serde(borrow, default)]
    cookies: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    storage: Vec<&'a RawValue>,
}

/// Reads a HAR file's observations. `path` is the name shown in messages.
pub fn read(file: SourceFile, path: &str, text: &str) -> Result<EvidenceFile, ReadError> {
    let bad = |what: &str, e: serde_json::Error| {
        ReadError(format!(
            "`{path}` is not a HAR file: {what} (line {}, column {}): {e}",
            e.line(),
            e.column()
        ))
    };
    let raw: RawHar = serde_json::from_str(text).map_err(|e| bad("bad `log`", e))?;
    let mut entries = Vec::new();
    for (i, value) in raw.log.entries.iter().enumerate() {
        let entry: RawEntry =
            serde_json::from_str(value.get()).map_err(|e| bad(&format!("entry {i}"), e))?;
        let base = offset_in(text, value.get()).unwrap_or(0);
        entries.push((i, base, value.get(), entry));
    }
    let vern = raw.log.vern.as_ref();
    let site = vern.and_then(|v| v.site.clone()).or_else(|| {
        entries
            .iter()
            .find_map(|(_, _, _, e)| e.request.url.as_deref().and_then(host_of))
    });
    let consent_given = vern.and_then(|v| v.consent.as_deref()) == Some("given");
    let mut out = EvidenceFile {
        file,
        format: Format::Har,
        site: site.clone(),
        consent_given,
        cookies: Vec::new(),
        storage: Vec::new(),
        requests: Vec::new(),
    };
    let party = |host: &str| site.as_deref().map(|s| same_site(s, host));
    for (i, base, raw_entry, entry) in &entries {
        let url = entry.request.url.clone().unwrap_or_default();
        let describe = format!("HAR entry {i} ({url})");
        let host = host_of(&url);
        if let Some(host) = &host {
            out.requests.push(ObservedRequest {
                url: url.clone(),
                host: host.clone(),
                first_party: party(host),
                at: Place {
                    span: span_of_string(*base, raw_entry, &url),
                    describe: describe.clone(),
                },
            });
        }
        let started = entry
            .started_date_time
            .as_deref()
            .and_then(|t| t.parse::<jiff::Timestamp>().ok());
        let sets = entry.response.iter().flat_map(|r| &r.cookies);
        let sends = entry.request.cookies.iter();
        for (set, cookie_raw) in sets.map(|c| (true, c)).chain(sends.map(|c| (false, c))) {
            let Ok(cookie) = serde_json::from_str::<Cookie>(cookie_raw.get()) else {
                continue;
            };
            let cbase = offset_in(text, cookie_raw.get()).unwrap_or(*base);
            let domain_host = cookie
                .domain
                .clone()
                .or_else(|| host.clone())
                .unwrap_or_default();
            let lifetime = if set {
                lifetime(cookie.expires.as_deref(), started)
            } else {
                Lifetime::Unknown
            };
            let what = if set { "sets cookie" } else { "sends cookie" };
            out.cookies.push(ObservedCookie {
                name: cookie.name.clone(),
                domain: cookie.domain.clone().or_else(|| host.clone()),
                path: cookie.path.clone(),
                lifetime,
                expires: cookie.expires.clone(),
                first_party: party(domain_host.trim_start_matches('.')),
                set_by: set.then(|| url.clone()),
                at: Place {
                    span: span_of_string(cbase, cookie_raw.get(), &cookie.name),
                    describe: format!("{describe}, {what} `{}`", cookie.name),
                },
            });
        }
    }
    if let Some(v) = vern {
        let scanned = v
            .scanned
            .as_deref()
            .and_then(|t| t.parse::<jiff::Timestamp>().ok());
        for (i, raw) in v.cookies.iter().enumerate() {
            let Ok(c) = serde_json::from_str::<VernCookie>(raw.get()) else {
                continue;
            };
            let base = offset_in(text, raw.get()).unwrap_or(0);
            out.cookies.push(ObservedCookie {
                name: c.name.clone(),
                domain: Some(c.domain.clone()),
                path: Some(c.path.clone()),
                lifetime: lifetime(c.expires.as_deref(), scanned),
                expires: c.expires.clone(),
                first_party: Some(c.first_party),
                set_by: c.set_by.as_ref().map(|s| s.url.clone()),
                at: Place {
                    span: span_of_string(base, raw.get(), &c.name),
                    describe: format!("HAR _vern.cookies[{i}] `{}`", c.name),
                },
            });
        }
        for (i, raw) in v.storage.iter().enumerate() {
            let Ok(s) = serde_json::from_str::<VernStorage>(raw.get()) else {
                continue;
            };
            let base = offset_in(text, raw.get()).unwrap_or(0);
            out.storage.push(ObservedStorage {
                area: s.area.clone(),
                origin: s.origin.clone(),
                key: s.key.clone(),
                at: Place {
                    span: span_of_string(base, raw.get(), &s.key),
                    describe: format!("HAR _vern.storage[{i}] {} `{}`", s.area, s.key),
                },
            });
        }
    }
    dedup_cookies(&mut out.cookies);
    Ok(out)
}

/// One observation per cookie (name and site of its domain), the first seen: a `Set-Cookie` comes
/// before the request that sends it, and both before the jar at the end. A later observation fills
/// in a lifetime the first did not record.
pub(crate) fn dedup_cookies(cookies: &mut Vec<ObservedCookie>) {
    let mut kept: Vec<ObservedCookie> = Vec::new();
    for c in cookies.drain(..) {
        let key = |c: &ObservedCookie| {
            (
                c.name.clone(),
                c.domain.as_deref().map(super::site_of).unwrap_or_default(),
            )
        };
        match kept.iter_mut().find(|k| key(k) == key(&c)) {
            Some(k) => {
                if k.lifetime == Lifetime::Unknown {
                    k.lifetime = c.lifetime;
                    k.expires = c.expires.clone();
                }
                if k.set_by.is_none() {
                    k.set_by = c.set_by.clone();
                }
            }
            None => kept.push(c),
        }
    }
    *cookies = kept;
}

/// The lifetime of a cookie that expires at `expires` (ISO 8601), set at `set`.
fn lifetime(expires: Option<&str>, set: Option<jiff::Timestamp>) -> Lifetime {
    let Some(expires) = expires.filter(|e| !e.is_empty()) else {
        return Lifetime::Session;
    };
    match (expires.parse::<jiff::Timestamp>(), set) {
        (Ok(e), Some(s)) => Lifetime::Seconds(e.as_second() - s.as_second()),
        _ => Lifetime::Unknown,
    }
}

/// An empty span at the start of the file, for a place with no better position.
pub fn file_start() -> Span {
    Span::new(0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Database;

    const HAR: &str = r#"{
  "log": {
    "version": "1.2",
    "creator": {"name": "test", "version": "1"},
    "entries": [
      {
        "startedDateTime": "2026-11-22T10:00:00.000Z",
        "request": {"method": "GET", "url": "https://www.shop.example/", "cookies": []},
        "response": {"status": 200, "cookies": [
          {"name": "_fbp", "value": "", "domain": ".shop.example", "path": "/", "expires": "2027-02-20T10:00:00.000Z"},
          {"name": "cart", "value": ""}
        ]}
      },
      {
        "startedDateTime": "2026-11-22T10:00:01.000Z",
        "request": {"method": "GET", "url": "https://script.hotjar.com/modules.js", "cookies": [
          {"name": "_hjSessionUser_1", "value": "x"}
        ]},
        "response": {"status": 200, "cookies": []}
      }
    ]
  }
}"#;

    #[test]
    fn entries_cookies_and_positions() {
        let mut db = Database::new();
        let file = db.set_file("visit.har", HAR.to_string());
        let ev = read(file, "visit.har", HAR).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ev.site.as_deref(), Some("www.shop.example"));
        assert!(!ev.consent_given);
        let names: Vec<_> = ev.cookies.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["_fbp", "cart", "_hjSessionUser_1"]);
        let fbp = &ev.cookies[0];
        assert_eq!(fbp.lifetime, Lifetime::Seconds(90 * 86_400));
        assert_eq!(fbp.first_party, Some(true));
        assert_eq!(&HAR[fbp.at.span.start()..fbp.at.span.end()], "\"_fbp\"");
        assert_eq!(ev.cookies[1].lifetime, Lifetime::Session);
        assert_eq!(ev.cookies[2].lifetime, Lifetime::Unknown);
        assert_eq!(ev.cookies[2].first_party, Some(false));
        let hosts: Vec<_> = ev.requests.iter().map(|r| r.host.as_str()).collect();
        assert_eq!(hosts, ["www.shop.example", "script.hotjar.com"]);
        let r = &ev.requests[1];
        assert_eq!(
            &HAR[r.at.span.start()..r.at.span.end()],
            "\"https://script.hotjar.com/modules.js\""
        );
        assert_eq!(r.first_party, Some(false));
        assert!(r.at.describe.starts_with("HAR entry 1 "));
    }

    #[test]
    fn a_broken_har_is_a_clear_error() {
        let mut db = Database::new();
        let text = r#"{"log": {"entries": [{"request": 3}]}}"#;
        let file = db.set_file("bad.har", text.to_string());
        let e = read(file, "bad.har", text)
            .err()
            .map(|e| e.0)
            .unwrap_or_default();
        assert!(e.contains("`bad.har` is not a HAR file: entry 0"), "{e}");
    }
}
