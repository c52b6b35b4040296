#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]
//! Notices and record schemas. Every notice of every example, in both languages and both formats, is
//! a reviewed snapshot; every Art. 13/14 element is in every notice (or explicitly not applicable);
//! hostile strings in every text field stay text; every HTML notice is a well-formed, accessible page
//! (checked with a real HTML parser); the record schemas are valid JSON Schema; output is
//! deterministic.

use std::path::{Path, PathBuf};

use vern::check::CheckConfig;
use vern::db::Database;
use vern::diagnostic::{Diagnostic, codes, render};
use vern::emit::notice::{self, Format, Templates};
use vern::ir::Policy;
use vern::resolve::resolve_policy;

/// Snapshots and findings are pinned to this evaluation date.
const AS_OF: vern::ir::Date = vern::ir::Date::constant(2026, 11, 22);
const LANGS: [&str; 2] = ["nb", "en"];

// -------------------------------------------------------------------------------------------------
// Helpers
// -------------------------------------------------------------------------------------------------

/// The example roots: files that declare a `policy`.
fn example_roots() -> Vec<PathBuf> {
    let mut db = Database::new();
    let roots =
        vern::cli::load::load_roots(&mut db, &[PathBuf::from("examples")]).unwrap_or_default();
    let mut out: Vec<PathBuf> = roots
        .into_iter()
        .map(|f| PathBuf::from(f.path(&db)))
        .filter(|p| {
            std::fs::read_to_string(p).is_ok_and(|t| t.lines().any(|l| l.starts_with("policy")))
        })
        .collect();
    out.sort();
    out
}

fn load(path: &Path) -> (Database, vern::db::SourceFile) {
    let mut db = Database::new();
    let roots = vern::cli::load::load_roots(&mut db, &[path.to_path_buf()]).unwrap_or_default();
    let root = roots[0];
    (db, root)
}

fn policy_of(db: &Database, root: vern::db::SourceFile) -> Policy {
    resolve_policy(db, root).policy.clone()
}

fn notice_of(policy: &Policy, lang: &str, format: Format) -> notice::Rendered {
    match notice::render(policy, AS_OF, lang, format, &Templates::shipped()) {
        Ok(r) => r,
        Err(e) => panic!("the {lang} notice does not render: {e}"),
    }
}

fn snapshot_name(path: &Path) -> String {
    path.with_extension("").to_string_lossy().replace('/', "__")
}

/// The simple (one-line) messages of a language's `.ftl` file, by id: the text before the first
/// placeable, so that it can be found in a notice.
fn messages(lang: &str) -> std::collections::BTreeMap<String, String> {
    let text = std::fs::read_to_string(format!("locales/{lang}/notice.ftl")).unwrap_or_default();
    text.lines()
        .filter_map(|l| l.split_once(" = "))
        .filter(|(id, _)| {
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        .map(|(id, v)| {
            (
                id.to_string(),
                v.split('{').next().unwrap_or("").trim().to_string(),
            )
        })
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

/// The Markdown of the section whose heading carries `{#id}`, up to the next heading of the same or
/// a higher level.
fn section<'a>(md: &'a str, id: &str) -> Option<&'a str> {
    let marker = format!("{{#{id}}}");
    let start = md
        .lines()
        .position(|l| l.starts_with('#') && l.ends_with(&marker))?;
    let lines: Vec<&str> = md.lines().collect();
    let level = lines[start].chars().take_while(|c| *c == '#').count();
    let end = lines[start + 1..]
        .iter()
        .position(|l| {
            let hashes = l.chars().take_while(|c| *c == '#').count();
            hashes > 0 && hashes <= level && l[hashes..].starts_with(' ')
        })
        .map_or(lines.len(), |i| start + 1 + i);
    let from = md.lines().take(start).map(|l| l.len() + 1).sum::<usize>();
    let to = md
        .lines()
        .take(end)
        .map(|l| l.len() + 1)
        .sum::<usize>()
        .min(md.len());
    Some(&md[from..to])
}

// -------------------------------------------------------------------------------------------------
// Snapshots and determinism
// -------------------------------------------------------------------------------------------------

#[test]
fn the_examples_are_the_five_seeds_and_the_clean_policies() {
    // The five seeds, the Norwegian clean example, the Swedish, Danish, German and Finnish ones, and
    // the trade union with joint controllers.
    let roots = example_roots();
    assert_eq!(roots.len(), 11, "{roots:?}");
}

/// The languages an example's notices are snapshotted in: those it declares, and English beside Bokmål.
fn snapshot_langs(policy: &Policy) -> Vec<String> {
    let mut langs = vern::sema::translation::notice_languages(policy);
    if langs.iter().any(|l| l == "nb") && !langs.iter().any(|l| l == "en") {
        langs.push("en".to_string());
    }
    langs
}

#[test]
fn every_notice_of_every_example_is_snapshotted() {
    for path in example_roots() {
        let (db, root) = load(&path);
        let policy = policy_of(&db, root);
        for lang in snapshot_langs(&policy) {
            let lang = lang.as_str();
            for format in [Format::Markdown, Format::Html] {
                let rendered = notice_of(&policy, lang, format);
                let name = format!("{}__{lang}_{}", snapshot_name(&path), format.extension());
                insta::with_settings!({
                    snapshot_path => "snapshots/notices",
                    prepend_module_to_snapshot => false,
                    description => format!("{} ({lang}, {})", path.display(), format.extension()),
                }, {
                    insta::assert_snapshot!(name, rendered.text);
                });
            }
        }
    }
}

#[test]
fn notices_are_byte_identical_across_runs() {
    for path in example_roots() {
        for lang in LANGS {
            for format in [Format::Markdown, Format::Html] {
                let (db1, r1) = load(&path);
                let (db2, r2) = load(&path);
                let a = notice_of(&policy_of(&db1, r1), lang, format).text;
                let b = notice_of(&policy_of(&db2, r2), lang, format).text;
                assert!(a == b, "{} ({lang}) is not deterministic", path.display());
            }
        }
    }
}

// -------------------------------------------------------------------------------------------------
// Translations
// -------------------------------------------------------------------------------------------------

#[test]
fn the_clean_example_is_fully_translated_and_states_everything() {
    let (db, root) = load(Path::new("examples/nordlys-sko.vern"));
    let policy = policy_of(&db, root);
    for lang in LANGS {
        let rendered = notice_of(&policy, lang, Format::Markdown);
        assert!(
            rendered.diagnostics.is_empty(),
            "the clean example has notice diagnostics in {lang}:\n{}",
            render::to_string(&db, &rendered.diagnostics)
        );
        assert!(
            !rendered.text.contains("\\[nb\\]") && !rendered.text.contains("\\[en\\]"),
            "fallback marker in {lang}"
        );
        let m = messages(lang);
        for id in ["not-stated", "not-stated-short"] {
            assert!(
                !rendered.text.contains(&m[id]),
                "the clean example's {lang} notice says `{}`",
                m[id]
            );
        }
    }
}

#[test]
fn an_untranslated_text_is_marked_and_warned_about() {
    let (db, root) = load(Path::new("examples/seeds/carre-oslo.vern"));
    let policy = policy_of(&db, root);
    let rendered = notice_of(&policy, "en", Format::Markdown);
    assert!(
        rendered.text.contains("\\[nb\\] Persondatapolitikk"),
        "{}",
        &rendered.text[..200]
    );
    assert!(
        section(&rendered.text, "translation").is_some(),
        "no note on the untranslated texts"
    );
    // The policy declares only Bokmål, so the checker (which reports the notices `vern build` writes)
    // has nothing to say; the English notice asked for shows the texts in Bokmål, and the semantic
    // model, which `vern notice --lang en` reports from, counts them.
    let config = CheckConfig::new(&db, AS_OF, Default::default());
    let warned = vern::cli::check_diagnostics(&db, &[root], config)
        .into_iter()
        .filter(|d| d.code == codes::MISSING_TRANSLATION)
        .count();
    assert_eq!(warned, 0);
    let untranslated = vern::sema::translation::untranslated(&policy, "en");
    assert!(!untranslated.places.is_empty());
    assert_eq!(untranslated.shown_in, "nb");
    // The policy's own language needs nothing.
    assert!(
        notice_of(&policy, "nb", Format::Markdown)
            .diagnostics
            .is_empty()
    );
}

// -------------------------------------------------------------------------------------------------
// Art. 13 and 14
// -------------------------------------------------------------------------------------------------

/// One element a notice must contain: where it is (a section id) and the messages that state it, or
/// that state explicitly that it does not apply. `not-stated` ("Not stated.") counts only for the
/// seeds, whose gaps the checker reports; the clean example has none.
struct Element {
    article: &'static str,
    section: &'static str,
    any_of: &'static [&'static str],
}

const ELEMENTS: &[Element] = &[
    Element {
        article: "13(1)(a) identity and contact details of the controller",
        section: "controller",
        any_of: &[
            "contact-email",
            "contact-address",
            "contact-phone",
            "controller-missing",
        ],
    },
    Element {
        article: "13(1)(b) contact details of the DPO",
        section: "dpo",
        any_of: &["dpo-intro", "dpo-none", "not-stated"],
    },
    Element {
        article: "13(1)(c) purposes and legal basis",
        section: "purposes",
        any_of: &["purpose-basis"],
    },
    Element {
        article: "13(1)(d) legitimate interests",
        section: "purposes",
        // "Not stated" where a purpose has no basis at all (`purpose-without-legal-basis`).
        any_of: &[
            "purpose-interest",
            "purposes-no-legitimate-interest",
            "not-stated",
        ],
    },
    Element {
        article: "13(1)(e) recipients",
        section: "recipients",
        any_of: &["recipients-intro", "recipients-none", "not-stated"],
    },
    Element {
        article: "13(1)(f) transfers, safeguards and copies",
        section: "transfers",
        any_of: &["transfers-intro", "transfers-none", "not-stated"],
    },
    Element {
        article: "13(2)(a) retention period",
        section: "purposes",
        any_of: &["purpose-retention"],
    },
    Element {
        article: "13(2)(b) the rights",
        section: "rights",
        any_of: &["rights-intro", "rights-none", "not-stated"],
    },
    Element {
        article: "13(2)(b), 21(4) the right to object to direct marketing, separately",
        section: "object-direct-marketing",
        any_of: &["dm-intro", "dm-none", "not-stated"],
    },
    Element {
        article: "13(2)(c) withdrawing consent",
        section: "withdraw-consent",
        any_of: &["withdraw-intro", "withdraw-none", "not-stated"],
    },
    Element {
        article: "13(2)(d) complaint to a supervisory authority",
        section: "complaint",
        any_of: &["complaint-intro"],
    },
    Element {
        article: "13(2)(e) statutory or contractual requirement and consequences",
        section: "purposes",
        any_of: &["purpose-requirement"],
    },
    Element {
        article: "13(2)(f) automated decision-making",
        section: "automated",
        any_of: &["automated-intro", "automated-none", "not-stated"],
    },
    Element {
        article: "13(2)(f), 4(4) profiling",
        section: "profiling",
        any_of: &["profiling-intro", "profiling-none", "not-stated"],
    },
    Element {
        article: "14(1)(d) categories of personal data",
        section: "categories",
        any_of: &["data-intro", "data-none", "not-stated"],
    },
    Element {
        article: "14(2)(f) source of the data",
        section: "sources",
        any_of: &[
            "source-third-party",
            "source-public",
            "sources-none-from-others",
            "source-unstated",
            "not-stated",
        ],
    },
    Element {
        article: "ePrivacy Art. 5(3) cookies",
        section: "cookies",
        any_of: &["cookies-intro", "cookies-none", "not-stated"],
    },
    Element {
        article: "layered summary",
        section: "summary",
        any_of: &["summary-intro", "summary-none", "not-stated"],
    },
];

#[test]
fn every_art_13_and_14_element_is_in_every_notice() {
    let mut missing = Vec::new();
    for path in example_roots() {
        let (db, root) = load(&path);
        let policy = policy_of(&db, root);
        for lang in LANGS {
            let m = messages(lang);
            let md = notice_of(&policy, lang, Format::Markdown).text;
            let mut check = |what: String, ok: bool| {
                if !ok {
                    missing.push(format!("{} ({lang}): {what}", path.display()));
                }
            };
            for e in ELEMENTS {
                let Some(text) = section(&md, e.section) else {
                    check(
                        format!("{}: no section `{{#{}}}`", e.article, e.section),
                        false,
                    );
                    continue;
                };
                let found = e.any_of.iter().any(|id| {
                    m.get(*id)
                        .is_some_and(|marker| text.contains(marker.as_str()))
                });
                check(
                    format!(
                        "{}: none of {:?} in section `{}`",
                        e.article, e.any_of, e.section
                    ),
                    found,
                );
            }
            // Per purpose: its basis, retention and requirement.
            for p in &policy.purposes {
                let id = format!("purpose-{}", p.name);
                let Some(text) = section(&md, &id) else {
                    check(format!("no section for purpose `{}`", p.name), false);
                    continue;
                };
                for marker in ["purpose-basis", "purpose-retention", "purpose-requirement"] {
                    check(
                        format!("purpose `{}` has no `{marker}`", p.name),
                        text.contains(&m[marker]),
                    );
                }
                if p.bases.iter().any(|b| b.basis.name == "consent") {
                    check(
                        format!("purpose `{}` does not say how to withdraw consent", p.name),
                        text.contains(&m["purpose-consent-withdraw"]),
                    );
                }
            }
            // Each third-country transfer names its mechanism (or says it is not stated).
            let transfers = section(&md, "transfers").unwrap_or("");
            let sema = vern::sema::Sema::new(&policy, AS_OF);
            let third = sema.transfers().len();
            check(
                format!(
                    "{third} transfers, {} mechanisms",
                    transfers.matches(&m["transfer-safeguard"]).count()
                ),
                transfers.matches(&m["transfer-safeguard"]).count() >= third,
            );
            // The date and version, or the statement that the date is missing.
            check(
                "no date".into(),
                md.contains(&m["updated"]) || md.contains(&m["updated-missing"]),
            );
            if policy.meta.as_ref().is_some_and(|x| x.version.is_some()) {
                check("no version".into(), md.contains(&m["version"]));
            }
            // The supervisory authority with its address from the stdlib.
            // Only an authority the policy names; otherwise the notice says it is not stated.
            let complaint = section(&md, "complaint").unwrap_or("");
            let named = policy
                .rights
                .as_ref()
                .is_some_and(|r| !r.complaints.is_empty());
            check(
                "no authority address".into(),
                if named {
                    complaint.contains(&m["contact-address"])
                } else {
                    complaint.contains(&m["not-stated"])
                },
            );
        }
    }
    assert!(
        missing.is_empty(),
        "missing Art. 13/14 elements:\n{}",
        missing.join("\n")
    );
}

// -------------------------------------------------------------------------------------------------
// HTML
// -------------------------------------------------------------------------------------------------

fn check_page(html: &str, lang: &str, what: &str) {
    use scraper::{Html, Selector};
    let sel = |s: &str| Selector::parse(s).unwrap_or_else(|e| panic!("bad selector {s}: {e}"));
    let doc = Html::parse_document(html);
    assert!(
        doc.errors.is_empty(),
        "{what}: HTML parse errors: {:?}",
        doc.errors
    );
    let root = doc
        .select(&sel("html"))
        .next()
        .unwrap_or_else(|| panic!("{what}: no <html>"));
    assert_eq!(root.value().attr("lang"), Some(lang), "{what}: <html lang>");
    assert_eq!(doc.select(&sel("h1")).count(), 1, "{what}: exactly one h1");
    assert_eq!(doc.select(&sel("title")).count(), 1, "{what}: a <title>");
    assert!(
        doc.select(&sel("meta[name=viewport]")).next().is_some(),
        "{what}: viewport"
    );
    assert_eq!(doc.select(&sel("script")).count(), 0, "{what}: a <script>");
    let nav_links: Vec<String> = doc
        .select(&sel("nav a[href]"))
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    let h2: Vec<&str> = doc
        .select(&sel("main h2"))
        .map(|h| h.value().attr("id").unwrap_or(""))
        .collect();
    assert!(!h2.is_empty(), "{what}: no sections");
    for id in &h2 {
        assert!(!id.is_empty(), "{what}: an h2 without id");
        assert!(
            nav_links.contains(&format!("#{id}")),
            "{what}: the table of contents does not link to #{id}"
        );
    }
    let ids: Vec<&str> = doc
        .select(&sel("[id]"))
        .filter_map(|e| e.value().attr("id"))
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{what}: duplicate ids");
    for a in doc.select(&sel("a[href]")) {
        let href = a.value().attr("href").unwrap_or("");
        if let Some(anchor) = href.strip_prefix('#') {
            assert!(
                ids.contains(&anchor),
                "{what}: a link to the missing anchor {href}"
            );
        } else {
            assert!(
                href.starts_with("https://")
                    || href.starts_with("http://")
                    || href.starts_with("mailto:"),
                "{what}: unsafe link {href}"
            );
        }
    }
    for table in doc.select(&sel("table")) {
        assert!(
            table.select(&sel("thead th")).next().is_some(),
            "{what}: a table without header cells"
        );
    }
    let headings = sel("h1, h2, h3, h4");
    let mut levels = doc
        .select(&headings)
        .map(|h| h.value().name()[1..].parse::<u8>().unwrap_or(0));
    let mut last = levels.next().unwrap_or(1);
    for level in levels {
        assert!(
            level <= last + 1,
            "{what}: a heading skips a level (h{last} then h{level})"
        );
        last = level;
    }
}

#[test]
fn every_html_notice_is_a_well_formed_accessible_page() {
    for path in example_roots() {
        let (db, root) = load(&path);
        let policy = policy_of(&db, root);
        for lang in LANGS {
            let html = notice_of(&policy, lang, Format::Html).text;
            check_page(&html, lang, &format!("{} ({lang})", path.display()));
        }
    }
}

// -------------------------------------------------------------------------------------------------
// Injection
// -------------------------------------------------------------------------------------------------

/// A hostile string with a tag to find it by: HTML, quotes, Markdown emphasis, a javascript: link,
/// code, a table pipe, a heading id and a heading at the start of a line.
fn hostile(tag: &str) -> String {
    format!(
        r#"{tag} <script>alert(1)</script> \"quotes\" 'single' *star* _under_ [x](javascript:alert(1)) `code` | pipe {{#id}} &amp; <img src=x onerror=alert(1)>\n# heading {tag}\n- item\n1. one"#
    )
}

fn hostile_policy() -> String {
    let h = |tag: &str| {
        format!(
            "\"{}\" en \"{}\"",
            hostile(&format!("{tag}-nb")),
            hostile(&format!("{tag}-en"))
        )
    };
    format!(
        r#"use std.no

policy {title} {{
  languages nb, en
  updated 2026-03-01
  version "{version}"
  url "javascript:alert(1)"
  description {description}
}}

controller shop {{
  name "{name}"
  org-number "913382781"
  address {address}
  email "javascript:alert(1)"
  phone "{phone}"
  web "javascript:alert(1)"
  country NO
  description {cdesc}
  representative {{
    name "{rname}"
    address {raddress}
    email "x@example.com"
  }}
  dpo {{
    name "{dponame}"
    email "dpo@example.com"
  }}
}}

subject buyer is customer {slabel} {{
  description {sdesc}
}}

data record {dlabel} {{
  description {ddesc}
  includes name, email
  source third-party {dsource}
  fields {{
    id string {flabel}
  }}
}}

data nid is national-id {nlabel} {{
  national-id
  justification {njust}
  source subject
}}

purpose orders is order-fulfilment {plabel} {{
  description {pdesc}
  uses record, nid
  about buyer
  basis contract when {when}
  basis legitimate-interest when {when2} {{
    interest {interest}
    balancing {balancing}
  }}
  requirement contractual {consequence}
  retain until contract-end + 1y
  profiling {profiling}
  automated-decision {{
    logic {logic}
    significance {significance}
    consequences {consequences}
    safeguards {safeguards}
  }}
}}

purpose letters is newsletter {p2label} {{
  uses email
  about buyer
  direct-marketing via e-mail
  soft-opt-in {softoptin}
  basis consent {{
    mechanism opt-in-checkbox
    collected {collected}
    withdraw {withdraw}
  }}
  condition explicit-consent {condition}
  retain until consent-withdrawn
  requirement voluntary {voluntary}
}}

recipient vendor {r1label} {{
  description {r1desc}
  entity "{entity}"
  role joint-controller
  country US
  arrangement {arrangement}
  safeguard scc-2021 {{
    reference {reference}
    copy {copy}
  }}
  receives record for orders
}}

cookie tracker {clabel} {{
  description {cdesc2}
  provider "{provider}"
  kind marketing
  lifetime 30d
  consent opt-in-banner
  for letters
}}

rights {{
  exercise {exercise}
  access {access}
  object-direct-marketing {dmhow}
  withdraw-consent {wdhow}
  complaint to no-datatilsynet {complaint}
}}
"#,
        title = h("title"),
        version = hostile("version"),
        description = h("description"),
        name = hostile("name"),
        address = h("address"),
        phone = hostile("phone"),
        cdesc = h("cdesc"),
        rname = hostile("rname"),
        raddress = h("raddress"),
        dponame = hostile("dponame"),
        slabel = h("slabel"),
        sdesc = h("sdesc"),
        dlabel = h("dlabel"),
        ddesc = h("ddesc"),
        dsource = h("dsource"),
        flabel = h("flabel"),
        nlabel = h("nlabel"),
        njust = h("njust"),
        plabel = h("plabel"),
        pdesc = h("pdesc"),
        when = h("when"),
        when2 = h("when2"),
        interest = h("interest"),
        balancing = h("balancing"),
        consequence = h("consequence"),
        profiling = h("profiling"),
        logic = h("logic"),
        significance = h("significance"),
        consequences = h("consequences"),
        safeguards = h("safeguards"),
        p2label = h("p2label"),
        softoptin = h("softoptin"),
        collected = h("collected"),
        withdraw = h("withdraw"),
        condition = h("condition"),
        voluntary = h("voluntary"),
        r1label = h("r1label"),
        r1desc = h("r1desc"),
        entity = hostile("entity"),
        arrangement = h("arrangement"),
        reference = h("reference"),
        copy = h("copy"),
        clabel = h("clabel"),
        cdesc2 = h("cdesc2"),
        provider = hostile("provider"),
        exercise = h("exercise"),
        access = h("access"),
        dmhow = h("dmhow"),
        wdhow = h("wdhow"),
        complaint = h("complaint"),
    )
}

/// Every tag the notice shows (field labels and the `module` are not notice texts).
const SHOWN: &[&str] = &[
    "title",
    "version",
    "description",
    "name",
    "address",
    // (not "phone": a phone number that is not one is refused, `invalid-contact`, and not shown)
    "cdesc",
    "rname",
    "raddress",
    "dponame",
    "slabel",
    "sdesc",
    "dlabel",
    "ddesc",
    "dsource",
    "nlabel",
    "njust",
    "plabel",
    "pdesc",
    "when",
    "when2",
    "interest",
    "balancing",
    "consequence",
    "profiling",
    "logic",
    "significance",
    "consequences",
    "safeguards",
    "p2label",
    "softoptin",
    "collected",
    "withdraw",
    "condition",
    "voluntary",
    "r1label",
    "r1desc",
    "entity",
    "arrangement",
    "reference",
    "copy",
    "clabel",
    "cdesc2",
    "provider",
    "exercise",
    "access",
    "dmhow",
    "wdhow",
    "complaint",
];

#[test]
fn hostile_strings_in_every_text_field_stay_text() {
    use scraper::{Html, Selector};
    let mut db = Database::new();
    let file = db.set_file("hostile.vern", hostile_policy());
    let config = CheckConfig::new(&db, AS_OF, Default::default());
    let diags = vern::cli::check_diagnostics(&db, &[file], config);
    let compiler: Vec<Diagnostic> = diags
        .iter()
        .filter(|d| {
            d.is_error() && codes::lookup(d.code).is_some() && d.code != codes::INVALID_CONTACT
        })
        .cloned()
        .collect();
    // `javascript:` in `url`, `email` and `web` (and the hostile phone number) is refused where it is
    // written, and not used.
    let refused = diags
        .iter()
        .filter(|d| d.code == codes::INVALID_CONTACT)
        .count();
    assert_eq!(
        refused,
        4,
        "{}",
        render::to_string(
            &db,
            &diags
                .iter()
                .filter(|d| d.code == codes::INVALID_CONTACT)
                .cloned()
                .collect::<Vec<_>>()
        )
    );
    assert!(
        compiler.is_empty(),
        "the hostile policy does not compile:\n{}",
        render::to_string(&db, &compiler)
    );
    let policy = policy_of(&db, file);
    let sel = |s: &str| Selector::parse(s).unwrap_or_else(|e| panic!("bad selector {s}: {e}"));
    for lang in LANGS {
        let md = notice_of(&policy, lang, Format::Markdown).text;
        assert!(
            !md.contains("<script") && !md.contains("<img"),
            "raw HTML in the {lang} Markdown"
        );
        assert!(!md.lines().any(|l| l.starts_with("# heading")
            || l.starts_with("- item")
            || l.starts_with("1. one")));
        let html = notice_of(&policy, lang, Format::Html).text;
        check_page(&html, lang, &format!("hostile ({lang})"));
        let doc = Html::parse_document(&html);
        assert_eq!(
            doc.select(&sel("script")).count(),
            0,
            "a <script> element in the {lang} notice"
        );
        assert_eq!(
            doc.select(&sel("img")).count(),
            0,
            "an <img> element in the {lang} notice"
        );
        assert_eq!(
            doc.select(&sel("code")).count(),
            0,
            "a <code> element in the {lang} notice"
        );
        assert_eq!(
            doc.select(&sel("em")).count(),
            0,
            "an <em> element in the {lang} notice"
        );
        for el in doc.select(&sel("*")) {
            for (name, value) in el.value().attrs() {
                assert!(
                    !value.to_lowercase().contains("javascript:"),
                    "`{name}=\"{value}\"` in the {lang} notice"
                );
                assert!(
                    !name.starts_with("on"),
                    "an event handler `{name}` in the {lang} notice"
                );
            }
        }
        let text: String = doc.root_element().text().collect();
        for tag in SHOWN {
            let shown = if *tag == "version"
                || *tag == "name"
                || *tag == "rname"
                || *tag == "dponame"
                || *tag == "entity"
                || *tag == "provider"
            {
                tag.to_string()
            } else {
                format!("{tag}-{lang}")
            };
            let expected = format!(
                "{shown} <script>alert(1)</script> \"quotes\" 'single' *star* _under_ [x](javascript:alert(1)) `code` | pipe {{#id}} &amp; <img src=x onerror=alert(1)> # heading {shown} - item 1. one"
            );
            assert!(
                text.contains(&expected),
                "the {lang} notice does not show `{tag}` as text:\n{expected}"
            );
        }
    }
}

// -------------------------------------------------------------------------------------------------
// Templates
// -------------------------------------------------------------------------------------------------

#[test]
fn templates_and_messages_can_be_overridden_by_file_name() {
    let (db, root) = load(Path::new("examples/nordlys-sko.vern"));
    let policy = policy_of(&db, root);
    let templates = Templates::shipped()
        .with_override("nb/notice.ftl", "heading-summary = Sammendrag\n".into());
    let md = notice::render(&policy, AS_OF, "nb", Format::Markdown, &templates)
        .map(|r| r.text)
        .unwrap_or_default();
    assert!(
        md.contains("## Sammendrag {#summary}"),
        "the message override is not used"
    );
    assert!(
        md.contains("## Behandlingsansvarlig {#controller}"),
        "the other messages are lost"
    );
    let templates = Templates::shipped().with_override(
        "notice.md.j2",
        "# {{ title }}\n\n{{ t(\"heading-rights\") }}\n".into(),
    );
    let md = notice::render(&policy, AS_OF, "en", Format::Markdown, &templates)
        .map(|r| r.text)
        .unwrap_or_default();
    assert_eq!(md, "# Privacy notice for Nordlys Sko\n\nYour rights\n");
    let broken =
        Templates::shipped().with_override("notice.md.j2", "{{ t(\"no-such-message\") }}".into());
    let err = notice::render(&policy, AS_OF, "en", Format::Markdown, &broken)
        .err()
        .unwrap_or_default();
    assert!(err.contains("no-such-message"), "{err}");
    let broken = Templates::shipped().with_override("en/notice.ftl", "broken = {".into());
    assert!(notice::render(&policy, AS_OF, "en", Format::Markdown, &broken).is_err());
}

#[test]
fn every_shipped_message_is_in_every_language() {
    let ids = |lang: &str| -> std::collections::BTreeSet<String> {
        std::fs::read_to_string(format!("locales/{lang}/notice.ftl"))
            .unwrap_or_default()
            .lines()
            .filter_map(|l| l.split_once(" = ").map(|(id, _)| id.to_string()))
            .filter(|id| {
                id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            })
            .filter(|id| !id.starts_with("until-") && !id.starts_with("after-"))
            .collect()
    };
    let (nb, en) = (ids("nb"), ids("en"));
    assert_eq!(
        nb.difference(&en).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "messages only in nb"
    );
    assert_eq!(
        en.difference(&nb).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "messages only in en"
    );
    // Every other locale has exactly the same messages.
    for lang in vern::sema::translation::NOTICE_LANGUAGES {
        let other = ids(lang);
        assert!(other.len() > 150, "{lang}: only {} messages", other.len());
        assert_eq!(
            en.symmetric_difference(&other).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "messages in en or {lang} but not both"
        );
    }
}

// -------------------------------------------------------------------------------------------------
// Record schemas
// -------------------------------------------------------------------------------------------------

fn sample(schema: &serde_json::Value) -> serde_json::Value {
    let mut record = serde_json::Map::new();
    for (name, prop) in schema["properties"].as_object().into_iter().flatten() {
        let value = match (prop["type"].as_str(), prop["format"].as_str()) {
            (Some("integer"), _) => serde_json::json!(3),
            (Some("number"), _) => serde_json::json!(42.5),
            (Some("boolean"), _) => serde_json::json!(true),
            (_, Some("date")) => serde_json::json!("2026-03-01"),
            (_, Some("date-time")) => serde_json::json!("2026-03-01T12:00:00Z"),
            (_, Some("email")) => serde_json::json!("kari@example.com"),
            (_, Some("uri")) => serde_json::json!("https://example.com/"),
            _ => serde_json::json!("Kari Nordmann"),
        };
        record.insert(name.clone(), value);
    }
    serde_json::Value::Object(record)
}

#[test]
fn record_schemas_are_valid_json_schema_and_accept_a_record() {
    let mut seen = 0;
    for path in example_roots() {
        let (db, root) = load(&path);
        let policy = policy_of(&db, root);
        for (category, json) in vern::emit::records::record_schemas(&policy) {
            seen += 1;
            let schema: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
            assert!(
                jsonschema::meta::is_valid(&schema),
                "{category}: not a valid JSON Schema"
            );
            let validator =
                jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{category}: {e}"));
            let record = sample(&schema);
            let errors: Vec<String> = validator
                .iter_errors(&record)
                .map(|e| e.to_string())
                .collect();
            assert!(
                errors.is_empty(),
                "{category}: a sample record does not validate: {errors:?}"
            );
            let mut extra = record.clone();
            extra["undeclared-field"] = serde_json::json!("x");
            assert!(
                !validator.is_valid(&extra),
                "{category}: an undeclared field is accepted"
            );
            if let Some(first) = schema["required"]
                .as_array()
                .and_then(|r| r.first())
                .and_then(|f| f.as_str())
            {
                let mut short = record.clone();
                short.as_object_mut().map(|o| o.remove(first));
                assert!(
                    !validator.is_valid(&short),
                    "{category}: a record without `{first}` is accepted"
                );
            }
            assert_eq!(schema["x-vern-category"], serde_json::json!(category));
            assert!(
                schema["x-vern-purposes"]
                    .as_array()
                    .is_some_and(|p| !p.is_empty()),
                "{category}: no purposes"
            );
            let name = format!("{}__{category}", snapshot_name(&path));
            insta::with_settings!({ snapshot_path => "snapshots/records", prepend_module_to_snapshot => false }, {
                insta::assert_snapshot!(name, json);
            });
        }
    }
    assert!(seen > 0, "no example declares fields");
}

// -------------------------------------------------------------------------------------------------
// The command line
// -------------------------------------------------------------------------------------------------

#[test]
fn build_writes_the_notices_and_record_schemas() {
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let status = assert_cmd::Command::cargo_bin("vern")
        .unwrap_or_else(|e| panic!("{e}"))
        .args([
            "build",
            "examples/nordlys-sko.vern",
            "--as-of",
            "2026-11-22",
            "--color",
            "never",
            "-o",
        ])
        .arg(out.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    for file in [
        "policy.json",
        "notice.nb.md",
        "notice.nb.html",
        "notice.en.md",
        "notice.en.html",
        "schemas/customer-record.schema.json",
    ] {
        assert!(
            out.path().join(file).is_file(),
            "`vern build` did not write {file}"
        );
    }
    let (db, root) = load(Path::new("examples/nordlys-sko.vern"));
    let md = notice_of(&policy_of(&db, root), "en", Format::Markdown).text;
    assert_eq!(
        std::fs::read_to_string(out.path().join("notice.en.md")).unwrap_or_default(),
        md
    );
}

#[test]
fn build_still_writes_nothing_when_the_policy_has_errors() {
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let status = assert_cmd::Command::cargo_bin("vern")
        .unwrap_or_else(|e| panic!("{e}"))
        .args([
            "build",
            "examples/seeds/carre-oslo.vern",
            "--as-of",
            "2026-11-22",
            "--color",
            "never",
            "-o",
        ])
        .arg(out.path())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(status.status.code(), Some(1));
    assert_eq!(
        std::fs::read_dir(out.path())
            .map(|d| d.count())
            .unwrap_or(0),
        0
    );
}

#[test]
fn notice_is_written_for_a_policy_with_findings_and_reports_them() {
    let status = assert_cmd::Command::cargo_bin("vern")
        .unwrap_or_else(|e| panic!("{e}"))
        .args([
            "notice",
            "examples/seeds/carre-oslo.vern",
            "--lang",
            "nb",
            "--format",
            "html",
            "--as-of",
            "2026-11-22",
            "--color",
            "never",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let html = String::from_utf8_lossy(&status.stdout);
    assert!(html.starts_with("<!DOCTYPE html>"));
    let stderr = String::from_utf8_lossy(&status.stderr);
    assert!(
        stderr.contains("transfer-safeguard-invalid"),
        "the findings are not reported:\n{stderr}"
    );
}

#[test]
fn notice_refuses_a_policy_that_does_not_compile() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("broken.vern");
    let _ = std::fs::write(
        &file,
        "policy \"P\" {\n  languages nb\n}\npurpose p {\n  uses no-such-data\n}\n",
    );
    let status = assert_cmd::Command::cargo_bin("vern")
        .unwrap_or_else(|e| panic!("{e}"))
        .args(["notice", "--color", "never"])
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(status.status.code(), Some(1));
    assert!(status.stdout.is_empty());
    assert!(String::from_utf8_lossy(&status.stderr).contains("unknown-name"));
}

#[test]
fn notice_reads_templates_from_a_directory_and_writes_to_a_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let _ = std::fs::create_dir_all(dir.path().join("en"));
    let _ = std::fs::write(
        dir.path().join("en/notice.ftl"),
        "heading-summary = At a glance\n",
    );
    let out = dir.path().join("out/notice.en.md");
    let status = assert_cmd::Command::cargo_bin("vern")
        .unwrap_or_else(|e| panic!("{e}"))
        .args([
            "notice",
            "examples/nordlys-sko.vern",
            "--lang",
            "en",
            "--as-of",
            "2026-11-22",
            "--color",
            "never",
        ])
        .arg("--templates")
        .arg(dir.path())
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert!(status.stdout.is_empty());
    let md = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(
        md.contains("## At a glance {#summary}"),
        "{}",
        &md[..md.len().min(400)]
    );
}
