//! The EDPS Website Evidence Collector's `inspection.json`: cookies (with `expiresDays` and the
//! request or script that set them), `localStorage` by origin, beacons and the hosts of all requests.
//! Each observation's place is its key in the file (`cookies[2]`, `hosts.requests.thirdParty[0]`).

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{
    EvidenceFile, Format, Lifetime, ObservedCookie, ObservedRequest, ObservedStorage, Place,
    ReadError, host_of, offset_in, same_site, span_of_string,
};
use crate::db::SourceFile;

#[derive(Deserialize)]
struct RawInspection<'a> {
    #[serde(default)]
    uri_ins: Option<String>,
    #[serde(default)]
    host: Option<String>,
    #[serde(borrow, default)]
    cookies: Vec<&'a RawValue>,
    #[serde(rename = "localStorage", borrow, default)]
    local_storage: BTreeMap<String, &'a RawValue>,
    #[serde(borrow, default)]
    beacons: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    hosts: Option<RawHosts<'a>>,
}

#[derive(Deserialize)]
struct RawHosts<'a> {
    #[serde(borrow, default)]
    requests: Option<RawParties<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawParties<'a> {
    #[serde(borrow, default)]
    first_party: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    third_party: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WecCookie {
    name: String,
    #[serde(default)]
    domain: Option<String>,
    #[serde(default)]
    path: Option<String>,
    /// Seconds since the epoch (-1 for a session cookie), or an ISO 8601 date.
    #[serde(default)]
    expires: Option<serde_json::Value>,
    #[serde(default)]
    expires_days: Option<f64>,
    #[serde(default)]
    session: Option<bool>,
    #[serde(default)]
    first_party_storage: Option<bool>,
    #[serde(default)]
    log: Option<WecLog>,
}

#[derive(Deserialize)]
struct WecLog {
    #[serde(default)]
    stack: Vec<WecFrame>,
    #[serde(rename = "type", default)]
    kind: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WecFrame {
    #[serde(default)]
    file_name: Option<String>,
}

#[derive(Deserialize)]
struct WecBeacon {
    url: String,
}

/// Reads an `inspection.json`. `path` is the name shown in messages.
pub fn read(file: SourceFile, path: &str, text: &str) -> Result<EvidenceFile, ReadError> {
    let raw: RawInspection = serde_json::from_str(text).map_err(|e| {
        ReadError(format!(
            "`{path}` is not a Website Evidence Collector inspection.json (line {}, column {}): {e}",
            e.line(),
            e.column()
        ))
    })?;
    let site = raw
        .host
        .clone()
        .or_else(|| raw.uri_ins.as_deref().and_then(host_of));
    let party = |host: &str| site.as_deref().map(|s| same_site(s, host));
    let mut out = EvidenceFile {
        file,
        format: Format::Inspection,
        site: site.clone(),
        consent_given: false,
        cookies: Vec::new(),
        storage: Vec::new(),
        requests: Vec::new(),
    };
    for (i, value) in raw.cookies.iter().enumerate() {
        let Ok(c) = serde_json::from_str::<WecCookie>(value.get()) else {
            continue;
        };
        let base = offset_in(text, value.get()).unwrap_or(0);
        let lifetime = if c.session == Some(true) {
            Lifetime::Session
        } else if let Some(days) = c.expires_days {
            Lifetime::Seconds((days * 86_400.0) as i64)
        } else {
            match &c.expires {
                Some(serde_json::Value::Number(n)) if n.as_f64().is_some_and(|x| x < 0.0) => {
                    Lifetime::Session
                }
                _ => Lifetime::Unknown,
            }
        };
        let expires = match &c.expires {
            Some(serde_json::Value::String(s)) => Some(s.clone()),
            Some(serde_json::Value::Number(n)) => n
                .as_f64()
                .filter(|x| *x >= 0.0)
                .and_then(|x| jiff::Timestamp::from_second(x as i64).ok())
                .map(|t| t.to_string()),
            _ => None,
        };
        let set_by = c
            .log
            .as_ref()
            .filter(|l| l.kind.as_deref() == Some("Cookie.HTTP"))
            .and_then(|l| l.stack.first())
            .and_then(|f| f.file_name.clone());
        let first_party = match (&c.domain, c.first_party_storage) {
            (Some(d), _) => party(d.trim_start_matches('.')),
            (None, fp) => fp,
        };
        out.cookies.push(ObservedCookie {
            name: c.name.clone(),
            domain: c.domain.clone(),
            path: c.path.clone(),
            lifetime,
            expires,
            first_party,
            set_by,
            at: Place {
                span: span_of_string(base, value.get(), &c.name),
                describe: format!("inspection cookies[{i}] `{}`", c.name),
            },
        });
    }
    for (origin, keys) in &raw.local_storage {
        let Ok(keys) = serde_json::from_str::<BTreeMap<String, &RawValue>>(keys.get()) else {
            continue;
        };
        for (key, value) in &keys {
            let vbase = offset_in(text, value.get()).unwrap_or(0);
            // The key precedes its value: point at the value's start when the key is not found.
            let span = match text[..vbase].rfind(&serde_json::to_string(key).unwrap_or_default()) {
                Some(k) => crate::syntax::ast::Span::new(k, k + key.len() + 2),
                None => span_of_string(vbase, value.get(), key),
            };
            out.storage.push(ObservedStorage {
                area: "localStorage".into(),
                origin: origin.clone(),
                key: key.clone(),
                at: Place {
                    span,
                    describe: format!("inspection localStorage[\"{origin}\"][\"{key}\"]"),
                },
            });
        }
    }
    for (i, value) in raw.beacons.iter().enumerate() {
        let Ok(b) = serde_json::from_str::<WecBeacon>(value.get()) else {
            continue;
        };
        let Some(host) = host_of(&b.url) else {
            continue;
        };
        let base = offset_in(text, value.get()).unwrap_or(0);
        out.requests.push(ObservedRequest {
            url: b.url.clone(),
            first_party: party(&host),
            host,
            at: Place {
                span: span_of_string(base, value.get(), &b.url),
                describe: format!("inspection beacons[{i}] ({})", b.url),
            },
        });
    }
    if let Some(requests) = raw.hosts.as_ref().and_then(|h| h.requests.as_ref()) {
        for (list, first, hosts) in [
            ("firstParty", true, &requests.first_party),
            ("thirdParty", false, &requests.third_party),
        ] {
            for (i, value) in hosts.iter().enumerate() {
                let Ok(host) = serde_json::from_str::<String>(value.get()) else {
                    continue;
                };
                let base = offset_in(text, value.get()).unwrap_or(0);
                let host = host.to_ascii_lowercase();
                // WEC lists a host as third party when any request to it was; the site decides.
                let first_party = party(&host).or(Some(first));
                out.requests.push(ObservedRequest {
                    url: format!("https://{host}/"),
                    host: host.clone(),
                    first_party,
                    at: Place {
                        span: crate::syntax::ast::Span::new(base, base + value.get().len()),
                        describe: format!("inspection hosts.requests.{list}[{i}] `{host}`"),
                    },
                });
            }
        }
    }
    super::har::dedup_cookies(&mut out.cookies);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Database;

    const WEC: &str = r#"{
  "uri_ins": "https://www.shop.example/",
  "host": "www.shop.example",
  "localStorage": {"https://www.shop.example": {"_hjTLDTest": {"value": "1", "log": {}}}},
  "cookies": [
    {"name": "_fbp", "domain": ".shop.example", "path": "/", "expires": 1800000000, "expiresDays": 90,
     "session": false, "log": {"stack": [{"fileName": "https://connect.facebook.net/en_US/fbevents.js"}], "type": "Cookie.JS"}},
    {"name": "YSC", "domain": "youtube.com", "path": "/", "expires": -1, "session": true,
     "log": {"stack": [{"fileName": "https://www.youtube.com/embed/x"}], "type": "Cookie.HTTP"}}
  ],
  "beacons": [{"url": "https://www.google-analytics.com/collect?v=1"}],
  "hosts": {"requests": {"firstParty": ["www.shop.example"], "thirdParty": ["script.hotjar.com"]}}
}"#;

    #[test]
    fn cookies_storage_and_hosts_with_their_keys() {
        let mut db = Database::new();
        let file = db.set_file("inspection.json", WEC.to_string());
        let ev = read(file, "inspection.json", WEC).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ev.cookies.len(), 2);
        assert_eq!(ev.cookies[0].lifetime, Lifetime::Seconds(90 * 86_400));
        assert_eq!(ev.cookies[0].first_party, Some(true));
        assert_eq!(ev.cookies[0].set_by, None);
        assert_eq!(ev.cookies[1].lifetime, Lifetime::Session);
        assert_eq!(ev.cookies[1].first_party, Some(false));
        assert_eq!(
            ev.cookies[1].set_by.as_deref(),
            Some("https://www.youtube.com/embed/x")
        );
        assert_eq!(ev.storage.len(), 1);
        let s = &ev.storage[0];
        assert_eq!(&WEC[s.at.span.start()..s.at.span.end()], "\"_hjTLDTest\"");
        let hosts: Vec<_> = ev.requests.iter().map(|r| r.host.as_str()).collect();
        assert_eq!(
            hosts,
            [
                "www.google-analytics.com",
                "www.shop.example",
                "script.hotjar.com"
            ]
        );
        let r = &ev.requests[2];
        assert_eq!(
            &WEC[r.at.span.start()..r.at.span.end()],
            "\"script.hotjar.com\""
        );
        assert_eq!(
            r.at.describe,
            "inspection hosts.requests.thirdParty[0] `script.hotjar.com`"
        );
    }
}
