//! `vern scan URL -o evidence.har`: visits a website in a real headless Chromium over the Chrome
//! DevTools Protocol (chromiumoxide) and records what it does with no consent given: every request
//! with its host, every cookie (name, domain, path, expiry, first or third party, the request that set
//! it), and the keys of `localStorage` and `sessionStorage`. It never clicks a consent banner.
//!
//! The result is a HAR 1.2 file (`evidence::har`), with vern's fields under `_vern`; it records no
//! cookie or storage values, which are often identifiers. Written atomically.

use std::collections::{BTreeMap, VecDeque};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chromiumoxide::browser::{Browser, BrowserConfig};
use chromiumoxide::cdp::browser_protocol::network::{
    EventRequestWillBeSent, EventRequestWillBeSentExtraInfo, EventResponseReceived,
    EventResponseReceivedExtraInfo,
};
use futures::StreamExt;

use super::CliError;
use crate::evidence::har::{self, Har};
use crate::evidence::{host_of, same_site, site_of};

#[derive(clap::Args, Debug)]
pub struct ScanArgs {
    /// The page to start from (http or https)
    pub url: String,
    /// Also visit up to N links of the same site found on the pages
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub pages: usize,
    /// How long to stay on each page after it loaded, for scripts that act late, in milliseconds
    #[arg(long, value_name = "MS", default_value_t = 3000)]
    pub wait: u64,
    /// The Chromium or Chrome executable (default: `chromium`, `chromium-browser`, `google-chrome` or
    /// `google-chrome-stable` on PATH)
    #[arg(long, value_name = "PATH")]
    pub browser: Option<PathBuf>,
    /// Where to write the HAR file
    #[arg(short, long, value_name = "FILE")]
    pub out: PathBuf,
    /// Run the browser without its sandbox; needed as root (in a container, in CI), and then the default
    #[arg(long)]
    pub no_sandbox: bool,
    /// An extra command-line argument for the browser, such as `--proxy-server=...` (repeatable)
    #[arg(long = "browser-arg", value_name = "ARG", allow_hyphen_values = true)]
    pub browser_args: Vec<String>,
    /// How long to wait for a page to load, in seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub timeout: u64,
}

pub fn run(args: &ScanArgs) -> Result<ExitCode, CliError> {
    let start = url::Url::parse(&args.url)
        .map_err(|e| CliError(format!("`{}` is not a URL: {e}", args.url)))?;
    if !matches!(start.scheme(), "http" | "https") || start.host_str().is_none() {
        return Err(CliError(format!(
            "`{}` is not a web address: give an http:// or https:// URL",
            args.url
        )));
    }
    let exe = find_browser(args.browser.as_deref())?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| CliError(format!("cannot start the scanner: {e}")))?;
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(1 + args.pages as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} scanning [{pos}/{len}] {wide_msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.enable_steady_tick(Duration::from_millis(120));
    let result = runtime.block_on(scan(args, &start, &exe, &bar));
    bar.finish_and_clear();
    let har = result?;
    let text = serde_json::to_string_pretty(&har)? + "\n";
    super::write::write_file(&args.out, &text)?;
    let vern = har.log.vern.as_ref();
    errln!(
        "scanned {} page{} of {}: {} requests, {} cookies, {} storage keys; wrote {}",
        vern.map_or(0, |v| v.pages.len()),
        if vern.map_or(0, |v| v.pages.len()) == 1 {
            ""
        } else {
            "s"
        },
        start.host_str().unwrap_or_default(),
        har.log.entries.len(),
        vern.map_or(0, |v| v.cookies.len()),
        vern.map_or(0, |v| v.storage.len()),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The browser to run: `--browser`, else the first of the usual names on PATH.
pub fn find_browser(given: Option<&Path>) -> Result<PathBuf, CliError> {
    if let Some(path) = given {
        if path.is_file() {
            return Ok(path.to_path_buf());
        }
        return which::which(path).map_err(|_| {
            CliError(format!(
                "no browser at `{}`: give the path of a Chromium or Chrome executable",
                path.display()
            ))
        });
    }
    for name in [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ] {
        if let Ok(path) = which::which(name) {
            return Ok(path);
        }
    }
    Err(CliError(
        "no Chromium or Chrome found on PATH: install one (on Debian and Ubuntu, `apt-get install chromium`) or give its path with `--browser PATH`".into(),
    ))
}

/// Whether this process runs as root, where Chromium refuses to start with its sandbox.
fn is_root() -> bool {
    #[cfg(unix)]
    {
        rustix::process::geteuid().is_root()
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// What the browser reported about one request.
#[derive(Default, Clone)]
struct Seen {
    id: String,
    url: String,
    method: String,
    wall_time: f64,
    monotonic: f64,
    resource_type: Option<String>,
    status: Option<(i64, String, String, String)>,
    response_time: Option<f64>,
    headers: Vec<(String, String)>,
    set_cookies: Vec<String>,
    /// The cookies the browser sent with the request: (name, domain, path).
    sent: Vec<SentCookie>,
}

/// A cookie sent with a request: name, domain, path.
type SentCookie = (String, String, String);

/// A response as recorded: status, status text, MIME type, protocol, time, headers.
type Recorded = (i64, String, String, String, f64, Vec<(String, String)>);

#[derive(Default)]
struct Recorder {
    requests: Vec<Seen>,
    /// Responses and raw response headers by request id, in arrival order (a redirect has one per hop).
    responses: BTreeMap<String, Vec<Recorded>>,
    extra: BTreeMap<String, Vec<Vec<(String, String)>>>,
    /// The cookies sent with each hop of a request, by request id.
    sent: BTreeMap<String, Vec<Vec<SentCookie>>>,
}

fn header_pairs(headers: &serde_json::Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(map) = headers.as_object() {
        for (k, v) in map {
            let v = v.as_str().unwrap_or_default();
            // Chromium joins repeated headers (Set-Cookie) with newlines.
            for line in v.split('\n') {
                out.push((k.clone(), line.to_string()));
            }
        }
    }
    out
}

fn cdp_error(what: &str) -> impl Fn(chromiumoxide::error::CdpError) -> CliError + '_ {
    move |e| CliError(format!("{what}: {e}"))
}

async fn scan(
    args: &ScanArgs,
    start: &url::Url,
    exe: &Path,
    bar: &indicatif::ProgressBar,
) -> Result<Har, CliError> {
    let profile = tempfile::TempDir::new()
        .map_err(|e| CliError(format!("cannot create a browser profile: {e}")))?;
    let mut builder = BrowserConfig::builder()
        .chrome_executable(exe)
        .user_data_dir(profile.path())
        .request_timeout(Duration::from_secs(args.timeout.max(1)))
        .launch_timeout(Duration::from_secs(args.timeout.max(20)))
        .arg("disable-component-update")
        .arg("no-default-browser-check");
    if args.no_sandbox || is_root() {
        builder = builder.no_sandbox();
    }
    for a in &args.browser_args {
        let a = a.trim_start_matches('-');
        builder = match a.split_once('=') {
            Some((k, v)) => builder.arg((k, v)),
            None => builder.arg(a),
        };
    }
    let config = builder.build().map_err(CliError)?;
    bar.set_message(format!("starting {}", exe.display()));
    let (mut browser, mut handler) = Browser::launch(config).await.map_err(|e| {
        CliError(format!(
            "cannot start the browser `{}`: {e} (as root, Chromium needs `--no-sandbox`)",
            exe.display()
        ))
    })?;
    let driver = tokio::spawn(async move { while handler.next().await.is_some() {} });
    let outcome = visit(args, start, &browser, bar).await;
    let _ = browser.close().await;
    let _ = browser.wait().await;
    driver.abort();
    drop(profile);
    outcome
}

async fn visit(
    args: &ScanArgs,
    start: &url::Url,
    browser: &Browser,
    bar: &indicatif::ProgressBar,
) -> Result<Har, CliError> {
    let page = browser
        .new_page("about:blank")
        .await
        .map_err(cdp_error("cannot open a page"))?;
    let recorder = Arc::new(Mutex::new(Recorder::default()));
    let mut requests = page
        .event_listener::<EventRequestWillBeSent>()
        .await
        .map_err(cdp_error("cannot listen to the browser"))?;
    let mut responses = page
        .event_listener::<EventResponseReceived>()
        .await
        .map_err(cdp_error("cannot listen to the browser"))?;
    let mut extras = page
        .event_listener::<EventResponseReceivedExtraInfo>()
        .await
        .map_err(cdp_error("cannot listen to the browser"))?;
    let mut sent = page
        .event_listener::<EventRequestWillBeSentExtraInfo>()
        .await
        .map_err(cdp_error("cannot listen to the browser"))?;
    let rec = recorder.clone();
    let t4 = tokio::spawn(async move {
        while let Some(e) = sent.next().await {
            if let Ok(mut r) = rec.lock() {
                let cookies = e
                    .associated_cookies
                    .iter()
                    .filter(|c| c.blocked_reasons.is_empty())
                    .map(|c| {
                        (
                            c.cookie.name.clone(),
                            c.cookie.domain.trim_start_matches('.').to_string(),
                            c.cookie.path.clone(),
                        )
                    })
                    .collect();
                r.sent
                    .entry(e.request_id.inner().clone())
                    .or_default()
                    .push(cookies);
            }
        }
    });
    let rec = recorder.clone();
    let t1 = tokio::spawn(async move {
        while let Some(e) = requests.next().await {
            if let Ok(mut r) = rec.lock() {
                let id = e.request_id.inner().clone();
                if let Some(resp) = &e.redirect_response {
                    r.responses.entry(id.clone()).or_default().push((
                        resp.status,
                        resp.status_text.clone(),
                        resp.mime_type.clone(),
                        resp.protocol.clone().unwrap_or_default(),
                        *e.timestamp.inner(),
                        header_pairs(resp.headers.inner()),
                    ));
                }
                r.requests.push(Seen {
                    id,
                    url: e.request.url.clone(),
                    method: e.request.method.clone(),
                    wall_time: *e.wall_time.inner(),
                    monotonic: *e.timestamp.inner(),
                    resource_type: e.r#type.as_ref().map(|t| format!("{t:?}")),
                    ..Seen::default()
                });
            }
        }
    });
    let rec = recorder.clone();
    let t2 = tokio::spawn(async move {
        while let Some(e) = responses.next().await {
            if let Ok(mut r) = rec.lock() {
                let resp = &e.response;
                r.responses
                    .entry(e.request_id.inner().clone())
                    .or_default()
                    .push((
                        resp.status,
                        resp.status_text.clone(),
                        resp.mime_type.clone(),
                        resp.protocol.clone().unwrap_or_default(),
                        *e.timestamp.inner(),
                        header_pairs(resp.headers.inner()),
                    ));
            }
        }
    });
    let rec = recorder.clone();
    let t3 = tokio::spawn(async move {
        while let Some(e) = extras.next().await {
            if let Ok(mut r) = rec.lock() {
                r.extra
                    .entry(e.request_id.inner().clone())
                    .or_default()
                    .push(header_pairs(e.headers.inner()));
            }
        }
    });

    let start_host = start.host_str().unwrap_or_default().to_ascii_lowercase();
    let mut queue: VecDeque<url::Url> = VecDeque::from([start.clone()]);
    let mut queued: Vec<String> = vec![without_fragment(start)];
    let mut visited: Vec<String> = Vec::new();
    let mut storage: Vec<har::VernStorage> = Vec::new();
    let mut pages: Vec<har::Page> = Vec::new();
    while let Some(url) = queue.pop_front() {
        if visited.len() > args.pages {
            break;
        }
        bar.set_message(url.to_string());
        let started = jiff::Timestamp::now();
        let loaded = tokio::time::timeout(
            Duration::from_secs(args.timeout.max(1)),
            page.goto(url.as_str()),
        )
        .await;
        match loaded {
            Ok(Ok(_)) => {}
            Ok(Err(e)) if visited.is_empty() => {
                return Err(CliError(format!("cannot load {url}: {e}")));
            }
            Err(_) if visited.is_empty() => {
                return Err(CliError(format!(
                    "{url} did not load within {} s (`--timeout`)",
                    args.timeout
                )));
            }
            // A later page that fails is left out; the scan goes on.
            _ => {
                bar.inc(1);
                continue;
            }
        }
        tokio::time::sleep(Duration::from_millis(args.wait)).await;
        visited.push(url.to_string());
        pages.push(har::Page {
            started_date_time: started.to_string(),
            id: format!("page_{}", pages.len()),
            title: url.to_string(),
            page_timings: har::PageTimings::default(),
        });
        for key in storage_keys(&page).await {
            if !storage
                .iter()
                .any(|s| s.area == key.area && s.origin == key.origin && s.key == key.key)
            {
                storage.push(key);
            }
        }
        for link in links(&page).await {
            let Ok(link) = url::Url::parse(&link) else {
                continue;
            };
            let plain = without_fragment(&link);
            let same = link
                .host_str()
                .is_some_and(|h| site_of(h) == site_of(&start_host));
            if same
                && matches!(link.scheme(), "http" | "https")
                && !queued.contains(&plain)
                && queued.len() <= args.pages
            {
                queued.push(plain);
                queue.push_back(link);
            }
        }
        bar.inc(1);
    }
    bar.set_message("reading the cookie jar");
    let jar = browser
        .get_cookies()
        .await
        .map_err(cdp_error("cannot read the browser's cookies"))?;
    let scanned = jiff::Timestamp::now();
    // Let the last events arrive before reading them.
    tokio::time::sleep(Duration::from_millis(200)).await;
    t1.abort();
    t2.abort();
    t3.abort();
    t4.abort();
    let recorder = std::mem::take(
        &mut *recorder
            .lock()
            .map_err(|_| CliError("the scan's recorder failed".into()))?,
    );
    Ok(build_har(
        &start_host,
        recorder,
        jar,
        storage,
        pages,
        visited,
        scanned,
    ))
}

fn without_fragment(url: &url::Url) -> String {
    let mut u = url.clone();
    u.set_fragment(None);
    u.to_string()
}

async fn storage_keys(page: &chromiumoxide::Page) -> Vec<har::VernStorage> {
    const JS: &str = "(() => { const out = []; for (const area of ['localStorage', 'sessionStorage']) { try { const s = window[area]; for (let i = 0; i < s.length; i++) out.push([area, s.key(i)]); } catch (e) {} } return JSON.stringify({origin: location.origin, keys: out}); })()";
    #[derive(serde::Deserialize)]
    struct Keys {
        origin: String,
        keys: Vec<(String, String)>,
    }
    let Ok(result) = page.evaluate(JS).await else {
        return Vec::new();
    };
    let Ok(text) = result.into_value::<String>() else {
        return Vec::new();
    };
    let Ok(keys) = serde_json::from_str::<Keys>(&text) else {
        return Vec::new();
    };
    let mut out: Vec<har::VernStorage> = keys
        .keys
        .into_iter()
        .map(|(area, key)| har::VernStorage {
            area,
            origin: keys.origin.clone(),
            key,
        })
        .collect();
    out.sort_by(|a, b| (&a.area, &a.key).cmp(&(&b.area, &b.key)));
    out
}

async fn links(page: &chromiumoxide::Page) -> Vec<String> {
    const JS: &str =
        "JSON.stringify(Array.from(document.querySelectorAll('a[href]'), a => a.href))";
    let Ok(result) = page.evaluate(JS).await else {
        return Vec::new();
    };
    result
        .into_value::<String>()
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// A `Set-Cookie` header's cookie, as HAR records it (without its value).
fn parse_set_cookie(line: &str, request_host: &str, now: f64) -> Option<har::Cookie> {
    let mut parts = line.split(';');
    let (name, _) = parts.next()?.split_once('=')?;
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let mut cookie = har::Cookie {
        name: name.to_string(),
        domain: Some(request_host.to_string()),
        ..har::Cookie::default()
    };
    let mut max_age = None;
    let mut expires = None;
    for attr in parts {
        let (k, v) = attr.split_once('=').unwrap_or((attr, ""));
        match k.trim().to_ascii_lowercase().as_str() {
            "domain" => cookie.domain = Some(v.trim().trim_start_matches('.').to_string()),
            "path" => cookie.path = Some(v.trim().to_string()),
            "max-age" => max_age = v.trim().parse::<i64>().ok(),
            "expires" => expires = jiff::fmt::rfc2822::parse(v.trim()).ok(),
            "httponly" => cookie.http_only = Some(true),
            "secure" => cookie.secure = Some(true),
            _ => {}
        }
    }
    // Max-Age wins over Expires (RFC 6265 section 5.3).
    cookie.expires = match (max_age, expires) {
        (Some(secs), _) => jiff::Timestamp::from_second((now as i64).saturating_add(secs))
            .ok()
            .map(|t| t.to_string()),
        (None, Some(zoned)) => Some(zoned.timestamp().to_string()),
        (None, None) => None,
    };
    Some(cookie)
}

fn timestamp(secs: f64) -> String {
    jiff::Timestamp::from_millisecond((secs * 1000.0) as i64)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_string()
}

fn build_har(
    site: &str,
    mut rec: Recorder,
    jar: Vec<chromiumoxide::cdp::browser_protocol::network::Cookie>,
    storage: Vec<har::VernStorage>,
    pages: Vec<har::Page>,
    visited: Vec<String>,
    scanned: jiff::Timestamp,
) -> Har {
    // Give each hop of a request its response, in order.
    let mut hop: BTreeMap<String, usize> = BTreeMap::new();
    for seen in &mut rec.requests {
        let n = hop.entry(seen.id.clone()).or_insert(0);
        if let Some((status, text, mime, proto, t, headers)) =
            rec.responses.get(&seen.id).and_then(|r| r.get(*n)).cloned()
        {
            seen.status = Some((status, text, mime, proto));
            seen.response_time = Some(t);
            seen.headers = headers;
        }
        if let Some(extra) = rec.extra.get(&seen.id).and_then(|r| r.get(*n)) {
            seen.set_cookies = extra
                .iter()
                .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
                .map(|(_, v)| v.clone())
                .collect();
        }
        if let Some(sent) = rec.sent.get(&seen.id).and_then(|r| r.get(*n)) {
            seen.sent = sent.clone();
        }
        if seen.set_cookies.is_empty() {
            seen.set_cookies = seen
                .headers
                .iter()
                .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
                .map(|(_, v)| v.clone())
                .collect();
        }
        *n += 1;
    }
    let mut entries = Vec::new();
    for seen in &rec.requests {
        let host = host_of(&seen.url).unwrap_or_default();
        let (status, status_text, mime, proto) = seen.status.clone().unwrap_or_default();
        let cookies: Vec<har::Cookie> = seen
            .set_cookies
            .iter()
            .filter_map(|l| parse_set_cookie(l, &host, seen.wall_time))
            .collect();
        let wait = seen
            .response_time
            .map_or(0.0, |t| ((t - seen.monotonic) * 1000.0).max(0.0));
        let http_version = if proto.is_empty() {
            "HTTP/1.1".to_string()
        } else {
            proto.to_ascii_uppercase()
        };
        entries.push(har::Entry {
            pageref: None,
            started_date_time: timestamp(seen.wall_time),
            time: wait,
            request: har::Request {
                method: seen.method.clone(),
                url: seen.url.clone(),
                http_version: http_version.clone(),
                cookies: seen
                    .sent
                    .iter()
                    .map(|(name, domain, path)| har::Cookie {
                        name: name.clone(),
                        domain: Some(domain.clone()),
                        path: Some(path.clone()),
                        ..har::Cookie::default()
                    })
                    .collect(),
                headers: Vec::new(),
                query_string: Vec::new(),
                headers_size: -1,
                body_size: -1,
            },
            response: har::Response {
                status,
                status_text,
                http_version,
                cookies,
                headers: Vec::new(),
                content: har::Content {
                    size: -1,
                    mime_type: mime,
                },
                redirect_url: String::new(),
                headers_size: -1,
                body_size: -1,
            },
            cache: serde_json::Map::new(),
            timings: har::Timings {
                send: 0.0,
                wait,
                receive: 0.0,
            },
            vern: Some(har::VernEntry {
                third_party: !host.is_empty() && !same_site(site, &host),
                host,
                resource_type: seen.resource_type.clone(),
            }),
        });
    }
    let mut cookies: Vec<har::VernCookie> = jar
        .into_iter()
        .map(|c| {
            let domain = c.domain.trim_start_matches('.').to_string();
            let set_by = entries.iter().enumerate().find_map(|(i, e)| {
                e.response
                    .cookies
                    .iter()
                    .any(|hc| {
                        hc.name == c.name
                            && hc
                                .domain
                                .as_deref()
                                .is_some_and(|d| site_of(d) == site_of(&domain))
                    })
                    .then(|| har::SetBy {
                        entry: i,
                        url: e.request.url.clone(),
                    })
            });
            har::VernCookie {
                first_party: same_site(site, &domain),
                expires: (!c.session && c.expires > 0.0).then(|| timestamp(c.expires)),
                name: c.name,
                domain,
                path: c.path,
                set_by,
            }
        })
        .collect();
    cookies.sort_by(|a, b| (&a.domain, &a.name, &a.path).cmp(&(&b.domain, &b.name, &b.path)));
    Har {
        log: har::Log {
            version: "1.2".into(),
            creator: har::Creator {
                name: "vern scan".into(),
                version: env!("CARGO_PKG_VERSION").into(),
            },
            browser: None,
            pages,
            entries,
            vern: Some(har::VernLog {
                site: site.to_string(),
                consent: "none".into(),
                scanned: scanned.to_string(),
                pages: visited,
                cookies,
                storage,
            }),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_cookie_headers() {
        let c = parse_set_cookie(
            "_fbp=fb.1.2; Domain=.shop.example; Path=/; Max-Age=7776000; Secure",
            "www.shop.example",
            1_800_000_000.0,
        );
        let c = c.unwrap_or_default();
        assert_eq!(c.name, "_fbp");
        assert_eq!(c.value, "");
        assert_eq!(c.domain.as_deref(), Some("shop.example"));
        assert_eq!(c.expires.as_deref(), Some("2027-04-15T08:00:00Z"));
        let s = parse_set_cookie(
            "cart=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT",
            "shop.example",
            0.0,
        )
        .unwrap_or_default();
        assert_eq!(s.expires.as_deref(), Some("2026-10-21T07:28:00Z"));
        assert!(parse_set_cookie("garbage", "x", 0.0).is_none());
        // An absurd Max-Age is no expiry vern can write, not an overflow.
        let huge =
            parse_set_cookie("a=1; Max-Age=9223372036854775807", "x", 1e9).unwrap_or_default();
        assert_eq!(huge.expires, None);
    }
}
