#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! The HTML notices in a real browser: each national example's notice, in each of its languages, is
//! opened in headless Chromium (Debian's `chromium`) in a frame of a phone's width, 390 CSS pixels, and must render
//! text, set its `lang`, and not scroll sideways. A screenshot of each is taken and must not be empty.
//! Without Chromium the test is skipped with a message, except under CI (`CI` set), where it fails.

use std::path::{Path, PathBuf};
use std::process::Command;

use vern::check::CheckConfig;
use vern::db::Database;
use vern::emit::notice::{self, Format, Templates};
use vern::resolve::resolve_policy;

const AS_OF: vern::ir::Date = vern::ir::Date::constant(2026, 11, 22);

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            let out = Command::new("which").arg(name).output().ok()?;
            out.status
                .success()
                .then(|| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
        })
}

fn html_notice(path: &Path, lang: &str) -> String {
    let mut db = Database::new();
    let roots = vern::cli::load::load_roots(&mut db, &[path.to_path_buf()]).unwrap();
    let root = roots[0];
    let _ = CheckConfig::new(&db, AS_OF, Default::default());
    let policy = &resolve_policy(&db, root).policy;
    notice::render(policy, AS_OF, lang, Format::Html, &Templates::shipped())
        .unwrap()
        .text
}

/// A host page that shows `page` in a 390 x 844 frame, a phone's viewport (headless Chromium's window
/// is at least 500 px wide), and records, after layout, the frame's widths and how much text it shows.
fn host(page: &str) -> String {
    format!(
        r#"<!doctype html><html><body style="margin:0">
<iframe id="f" src="{page}" style="width:390px;height:844px;border:0"></iframe>
<script>
document.getElementById('f').addEventListener('load', function () {{
  var w = this.contentWindow, d = w.document.documentElement;
  var out = document.createElement('div');
  out.id = 'vern-probe';
  out.setAttribute('data-scroll-width', String(d.scrollWidth));
  out.setAttribute('data-client-width', String(d.clientWidth));
  out.setAttribute('data-inner-width', String(w.innerWidth));
  out.setAttribute('data-text', String(w.document.body.innerText.trim().length));
  out.setAttribute('data-lang', d.getAttribute('lang') || '');
  document.body.appendChild(out);
}});
</script></body></html>"#
    )
}

fn attr(dom: &str, name: &str) -> Option<i64> {
    let key = format!("{name}=\"");
    let start = dom.find(&key)? + key.len();
    let end = dom[start..].find('"')? + start;
    dom[start..end].parse().ok()
}

fn attr_str<'a>(dom: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let start = dom.find(&key)? + key.len();
    let end = dom[start..].find('"')? + start;
    Some(&dom[start..end])
}

#[test]
fn national_notices_render_in_chromium_without_overflow_at_390_px() {
    let Some(browser) = chromium() else {
        if std::env::var_os("CI").is_some() {
            panic!("chromium is not installed; .ci/run installs it with apt-get");
        }
        eprintln!(
            "skipped: chromium is not installed (apt-get install -y chromium); CI runs this test"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut checked = 0;
    let notices = [
        ("examples/fjallbo-hem.vern", &["sv"][..]),
        ("examples/langebro-koreskole.vern", &["da"][..]),
        ("examples/wolkenwerk.vern", &["de", "en"][..]),
        ("examples/koivula-kielikoulu.vern", &["fi", "en"][..]),
        ("examples/nordlys-sko.vern", &["nb", "en", "fi"][..]),
    ];
    let expected: usize = notices.iter().map(|(_, langs)| langs.len()).sum();
    for (example, langs) in notices {
        for lang in langs {
            let stem = Path::new(example).file_stem().unwrap().to_string_lossy();
            let page = dir.path().join(format!("{stem}.{lang}.html"));
            std::fs::write(&page, html_notice(Path::new(example), lang)).unwrap();
            let frame = dir.path().join(format!("{stem}.{lang}.host.html"));
            std::fs::write(&frame, host(&format!("{stem}.{lang}.html"))).unwrap();
            let url = format!("file://{}", frame.display());
            let common = [
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--allow-file-access-from-files",
                "--window-size=500,900",
                "--virtual-time-budget=3000",
            ];
            let profile = dir.path().join(format!("profile-{stem}-{lang}"));
            let out = Command::new(&browser)
                .args(common)
                .arg(format!("--user-data-dir={}", profile.display()))
                .arg("--dump-dom")
                .arg(&url)
                .output()
                .unwrap();
            let dom = String::from_utf8_lossy(&out.stdout);
            assert!(
                dom.contains("vern-probe"),
                "{example} ({lang}): no probe in the rendered page; chromium said:\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let scroll = attr(&dom, "data-scroll-width").unwrap();
            let client = attr(&dom, "data-client-width").unwrap();
            let inner = attr(&dom, "data-inner-width").unwrap();
            let text = attr(&dom, "data-text").unwrap();
            assert_eq!(
                inner, 390,
                "{example} ({lang}): the frame is not 390 px wide"
            );
            assert!(
                scroll <= client,
                "{example} ({lang}): the page is {scroll} px wide in a {client} px viewport"
            );
            assert!(
                text > 1000,
                "{example} ({lang}): only {text} characters of text"
            );
            assert_eq!(attr_str(&dom, "data-lang"), Some(*lang), "{example}: lang");

            let shot = dir.path().join(format!("{stem}.{lang}.png"));
            let status = Command::new(&browser)
                .args(common)
                .arg(format!("--user-data-dir={}", profile.display()))
                .arg(format!("--screenshot={}", shot.display()))
                .arg(format!("file://{}", page.display()))
                .output()
                .unwrap();
            let size = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
            assert!(
                size > 5_000,
                "{example} ({lang}): the screenshot is {size} bytes: {}",
                String::from_utf8_lossy(&status.stderr)
            );
            checked += 1;
        }
    }
    // Every notice was rendered and measured: none was skipped by an early `continue`.
    assert_eq!(checked, expected);
}
