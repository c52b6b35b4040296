//! Hover: what a keyword means, what a property takes, and for a name its labels in both languages,
//! its definition and its legal facts with sources (a safeguard shows its validity interval).

use super::hover_words as words;
use super::locate::{self, Hit};
use super::workspace::context_root;
use crate::db::{Db, SourceFile};
use crate::ir::{self, Entry, Policy};
use crate::lang;
use crate::resolve::resolve_policy;
use crate::syntax::ast::Span;
use crate::syntax::parse;

pub struct Hover {
    pub markdown: String,
    pub span: Span,
}

pub fn hover(
    db: &dyn Db,
    file: SourceFile,
    offset: usize,
    config: crate::check::CheckConfig,
) -> Option<Hover> {
    let parsed = parse(db, file);
    let hit = locate::hit(&parsed.decls, offset);
    let mut hover = match hit? {
        Hit::Keyword { kind, decl } => {
            let spec = lang::spec(kind);
            let props: Vec<String> = spec
                .props
                .iter()
                .map(|p| format!("- `{}` {}: {}", p.key, p.args, p.doc))
                .collect();
            Hover {
                markdown: format!(
                    "**{}** ({})\n\n{}\n\nProperties:\n{}",
                    spec.keyword,
                    spec.noun,
                    spec.doc,
                    props.join("\n")
                ),
                span: decl.kind.span,
            }
        }
        Hit::Key { decl, item, outer } => {
            let kind = lang::kind_by_keyword(&decl.kind.text)?;
            let props = match outer {
                Some(o) => lang::find_prop(kind.props(), &o.key.text).map_or(&[][..], |p| p.block),
                None => kind.props(),
            };
            let prop = lang::find_prop(props, &item.key.text)?;
            let args = if prop.args.is_empty() {
                String::new()
            } else {
                format!(" `{}`", prop.args)
            };
            Hover {
                markdown: format!("**{}**{}\n\n{}", prop.key, args, prop.doc),
                span: item.key.span,
            }
        }
        Hit::Name { ident, .. } | Hit::Reference { ident, .. } => {
            let root = if file.is_stdlib(db) {
                None
            } else {
                Some(context_root(db, file))
            };
            let text = match root {
                Some(root) => describe(&resolve_policy(db, root).policy, &ident.text),
                None => describe_std(db, &ident.text),
            }?;
            Hover {
                markdown: text,
                span: ident.span,
            }
        }
        Hit::Module { ident } => {
            let m = crate::stdlib::module(&ident.text)?;
            let scope = if m.prelude {
                "always in scope"
            } else {
                "must be `use`d"
            };
            Hover {
                markdown: format!(
                    "**{}**: standard-library module `{}` ({scope})",
                    m.name,
                    m.display_path()
                ),
                span: ident.span,
            }
        }
    };
    if let Some(extra) = diagnostic_note(db, file, offset, config) {
        hover.markdown.push_str("\n\n---\n");
        hover.markdown.push_str(&extra);
    }
    Some(hover)
}

fn describe_std(db: &dyn Db, name: &str) -> Option<String> {
    let std = crate::resolve::std_lib(db, db.file_set());
    let policy = Policy {
        root: std.scope.symbols.values().next()?.file,
        meta: None,
        controller: None,
        other_controllers: Vec::new(),
        joints: Vec::new(),
        data: vec![],
        subjects: vec![],
        purposes: vec![],
        recipients: vec![],
        cookies: vec![],
        rights: None,
        vocab: std.vocab.clone(),
        modules: vec![],
        unreadable: Default::default(),
        org_rules: Vec::new(),
    };
    describe(&policy, name)
}

/// The explain summary of the diagnostics under the cursor.
fn diagnostic_note(
    db: &dyn Db,
    file: SourceFile,
    offset: usize,
    config: crate::check::CheckConfig,
) -> Option<String> {
    if file.is_stdlib(db) {
        return None;
    }
    let diags = super::workspace::diagnostics_for(db, file, config);
    let notes: Vec<String> = diags
        .iter()
        .filter(|d| d.primary.span.start() <= offset && offset <= d.primary.span.end())
        .map(|d| {
            let summary = crate::check::rules::lookup(d.code)
                .map(|r| format!("{} ({})", r.summary, r.legal))
                .or_else(|| crate::diagnostic::codes::lookup(d.code).map(|c| c.summary.to_string()))
                // An organisation rule has no catalog entry: its message says what it found.
                .unwrap_or_else(|| d.message.clone());
            format!(
                "`{}`: {summary}. Run `vern explain {}` for more.",
                d.code, d.code
            )
        })
        .collect();
    (!notes.is_empty()).then(|| notes.join("\n\n"))
}

fn labels(e: &Entry) -> String {
    let mut parts = Vec::new();
    for (lang, text) in &e.label.by_lang {
        parts.push(format!("{lang}: {text}"));
    }
    parts.join(" · ")
}

fn entry_text(kind: &str, e: &Entry, facts: Vec<String>) -> String {
    let mut out = format!("**{}** ({kind})", e.name);
    let l = labels(e);
    if !l.is_empty() {
        out.push_str(&format!("\n\n{l}"));
    }
    if let Some(d) = e.description.as_ref().and_then(|d| d.any("en")) {
        out.push_str(&format!("\n\n{d}"));
    }
    for f in facts.into_iter().filter(|f| !f.is_empty()) {
        out.push_str(&format!("\n\n{f}"));
    }
    if let Some(m) = &e.module {
        out.push_str(&format!("\n\nDeclared in `{m}`."));
    }
    if e.unverified {
        out.push_str("\n\n*Unverified: not yet checked against a primary source.*");
    }
    if !e.cite.is_empty() {
        out.push_str("\n\nSources:\n");
        for c in &e.cite {
            out.push_str(&format!("- {c}\n"));
        }
    }
    out
}

fn date(d: Option<ir::Date>) -> String {
    d.map_or_else(|| "open".into(), |d| d.to_string())
}

/// Markdown describing what `name` stands for in the policy's scope.
pub fn describe(policy: &Policy, name: &str) -> Option<String> {
    if let Some(rule) = policy.org_rules.iter().find(|r| r.id == name) {
        let place = format!("`{} {}`", rule.mode.keyword(), rule.id);
        return Some(crate::check::org::explain_page(rule, &place));
    }
    let v = &policy.vocab;
    let n = if v.entry(name).is_some() {
        name
    } else {
        name.strip_prefix("std.").unwrap_or(name)
    };
    if let Some(s) = v.safeguards.get(n) {
        let mut facts = vec![format!(
            "Valid from {} until {} (first day no longer valid).",
            date(s.valid_from),
            date(s.valid_until)
        )];
        if let Some(i) = &s.instrument {
            facts.push(format!("Instrument: {i}."));
        }
        if let Some(e) = &s.ended_by {
            facts.push(format!("Ended by {e}."));
        }
        if let Some(d) = s.no_new_contracts_after {
            facts.push(format!("No new contracts after {d}."));
        }
        return Some(entry_text("transfer safeguard", &s.entry, facts));
    }
    if let Some(b) = v.bases.get(n) {
        let rights: Vec<&str> = b.requires_rights.iter().map(|r| r.name.as_str()).collect();
        let facts = vec![
            b.article
                .as_ref()
                .map(|a| format!("GDPR Art. {a}."))
                .unwrap_or_default(),
            if rights.is_empty() {
                String::new()
            } else {
                format!("A notice must state: {}.", rights.join(", "))
            },
        ];
        return Some(entry_text("legal basis", &b.entry, facts));
    }
    if let Some(s) = v.statutes.get(n) {
        let facts = vec![
            s.section.clone().unwrap_or_default(),
            s.retain
                .as_ref()
                .map(|r| format!("Retention: {}.", words::retention(r, v)))
                .unwrap_or_default(),
            format!(
                "In force from {} until {}.",
                date(s.in_force),
                date(s.repealed)
            ),
        ];
        return Some(entry_text("statute", &s.entry, facts));
    }
    if let Some(c) = v.countries.get(n) {
        let mut facts = vec![if c.eea {
            "In the EEA.".into()
        } else {
            "Outside the EEA (a third country).".to_string()
        }];
        for a in &c.adequacy {
            facts.push(format!(
                "Adequacy: {} (from {} until {}).",
                a.decision.clone().unwrap_or_default(),
                date(a.from),
                date(a.until)
            ));
        }
        return Some(entry_text("country", &c.entry, facts));
    }
    if let Some(a) = v.authorities.get(n) {
        let addr: Vec<String> = a
            .addresses
            .iter()
            .filter_map(|t| t.any("en").map(str::to_string))
            .collect();
        let facts = vec![addr.join("; "), a.web.clone().unwrap_or_default()];
        return Some(entry_text("supervisory authority", &a.entry, facts));
    }
    if let Some(d) = v.data.get(n) {
        let mut flags = Vec::new();
        for (on, f) in [
            (d.special, "special category (Art. 9)"),
            (d.identifier, "identifier"),
            (d.national_id, "national identity number"),
            (d.criminal, "criminal data (Art. 10)"),
        ] {
            if on {
                flags.push(f);
            }
        }
        return Some(entry_text(
            "data category",
            &d.entry,
            vec![flags.join(", ")],
        ));
    }
    if let Some(p) = policy.purposes.iter().find(|p| p.name == n) {
        let mut text = purpose(p, v);
        text.push_str(&purpose_scopes(policy, p));
        return Some(text);
    }
    if let Some(subject) = v.subjects.get(n) {
        return Some(entry_text(
            "data subject",
            &subject.entry,
            subject_scopes(policy, n),
        ));
    }
    if let Some(r) = policy.recipients.iter().find(|r| r.name == n) {
        return Some(recipient(r));
    }
    if let Some(c) = policy.cookies.iter().find(|c| c.name == n) {
        return Some(cookie(c));
    }
    if let Some(c) = policy
        .controller
        .iter()
        .chain(&policy.other_controllers)
        .find(|c| c.name == n)
    {
        return Some(controller(c));
    }
    if let Some(j) = policy.joints.iter().find(|j| j.name == n) {
        return Some(joint(j));
    }
    v.entry(n).map(|e| entry_text("vocabulary", e, vec![]))
}

/// A title line: `**name** (what) label`.
fn title(name: &str, what: &str, label: Option<&ir::Text>) -> String {
    let label = label
        .and_then(|l| l.any("en"))
        .map(|l| format!(": {l}"))
        .unwrap_or_default();
    format!("**{name}** ({what}){label}")
}

fn purpose(p: &ir::Purpose, v: &ir::Vocabulary) -> String {
    let mut lines = vec![title(&p.name, "purpose", p.label.as_ref())];
    if let Some(k) = &p.kind {
        lines.push(format!("A {}.", words::named(v, &k.name)));
    }
    lines.push(format!(
        "- Data: {}",
        words::names(p.uses.iter().map(|r| r.name.as_str()))
    ));
    if !p.about.is_empty() {
        lines.push(format!(
            "- About: {}",
            words::names(p.about.iter().map(|r| r.name.as_str()))
        ));
    }
    lines.push(format!(
        "- Basis: {}",
        words::names(p.bases.iter().map(|b| b.basis.name.as_str()))
    ));
    for r in &p.retention {
        let scope = if r.data.is_empty() {
            String::new()
        } else {
            format!(
                " (for {})",
                words::names(r.data.iter().map(|d| d.name.as_str()))
            )
        };
        lines.push(format!(
            "- Kept: {}{scope}",
            words::retention(&r.retention, v)
        ));
    }
    if let Some(d) = p.description.as_ref().and_then(|d| d.any("en")) {
        lines.push(String::new());
        lines.push(d.to_string());
    }
    lines.join("\n")
}

fn recipient(r: &ir::Recipient) -> String {
    let mut lines = vec![title(&r.name, "recipient", r.label.as_ref())];
    if let Some(v) = &r.vendor {
        lines.push(format!("The vendor `{}`.", v.name));
    }
    lines.push(format!(
        "- Role: {}",
        words::names(r.roles.iter().map(|x| x.name.as_str()))
    ));
    lines.push(format!(
        "- Location: {}",
        words::names(r.countries.iter().map(|x| x.name.as_str()))
    ));
    if !r.safeguards.is_empty() {
        lines.push(format!(
            "- Safeguards: {}",
            words::names(r.safeguards.iter().map(|s| s.safeguard.name.as_str()))
        ));
    }
    if let Some(d) = r.description.as_ref().and_then(|d| d.any("en")) {
        lines.push(String::new());
        lines.push(d.to_string());
    }
    lines.join("\n")
}

fn cookie(c: &ir::Cookie) -> String {
    let mut lines = vec![title(&c.name, "cookie", c.label.as_ref())];
    if let Some(k) = &c.kind {
        lines.push(format!("- Kind: `{}`", k.name));
    }
    match &c.lifetime {
        Some(ir::Lifetime::Session) => lines.push("- Lifetime: the browser session".into()),
        Some(ir::Lifetime::Period(d)) => {
            lines.push(format!("- Lifetime: {}", words::duration(*d)));
        }
        None => {}
    }
    if let Some(consent) = &c.consent {
        lines.push(format!("- Consent: `{}`", consent.name));
    }
    if !c.purposes.is_empty() {
        lines.push(format!(
            "- Purposes: {}",
            words::names(c.purposes.iter().map(|p| p.name.as_str()))
        ));
    }
    lines.join("\n")
}

fn controller(c: &ir::Controller) -> String {
    let mut lines = vec![format!("**{}** (controller)", c.name)];
    if let Some(n) = &c.contact.name {
        lines.push(n.clone());
    }
    if let Some(e) = &c.contact.email {
        lines.push(format!("- E-mail: {e}"));
    }
    if let Some((n, _)) = &c.org_number {
        lines.push(format!("- Organisation number: {n}"));
    }
    for r in &c.acts_as {
        if let Some(t) = r.on_behalf_of.any("en") {
            lines.push(format!("- Acts as processor for: {t}"));
        }
    }
    lines.join("\n")
}

fn joint(j: &ir::Joint) -> String {
    let mut lines = vec![title(
        &j.name,
        "joint-controller arrangement",
        j.label.as_ref(),
    )];
    let names = |refs: &[ir::Ref]| words::names(refs.iter().map(|r| r.name.as_str()));
    lines.push(format!("- Controllers: {}", names(&j.controllers)));
    if !j.purposes.is_empty() {
        lines.push(format!("- Purposes: {}", names(&j.purposes)));
    }
    for r in j.responsibilities.iter().flatten() {
        lines.push(format!("- {}: {}", r.duty.key(), names(&r.controllers)));
    }
    lines.push(format!(
        "- Essence: {}",
        if j.essence.as_ref().is_some_and(|e| !e.is_empty()) {
            "given"
        } else {
            "not stated (Art. 26(2))"
        }
    ));
    lines.join("\n")
}

/// The scoped and optional data of a purpose, as extra hover lines.
fn purpose_scopes(policy: &Policy, p: &ir::Purpose) -> String {
    let sema = scope_sema(policy);
    let Some(p) = sema.purpose(&p.name) else {
        return String::new();
    };
    let mut out = String::new();
    let optional = sema.optional_data(p);
    if !optional.is_empty() {
        out.push_str(&format!(
            "\n- Only if provided: {}",
            words::names(optional.iter().copied())
        ));
    }
    let mut seen: Vec<&str> = Vec::new();
    for u in &p.data_uses {
        let d = u.data.name.as_str();
        if seen.contains(&d) || !sema.use_is_scoped(p, d) {
            continue;
        }
        seen.push(d);
        out.push_str(&format!(
            "\n- `{d}` only about: {}",
            words::names(sema.use_subjects(p, d).iter().map(|r| r.name.as_str()))
        ));
    }
    out
}

/// What the policy collects about a subject, and the rights it grants them where rights are scoped.
fn subject_scopes(policy: &Policy, name: &str) -> Vec<String> {
    let sema = scope_sema(policy);
    let mut out = Vec::new();
    let data = sema.data_about(name);
    if !data.is_empty() {
        out.push(format!(
            "Data collected about them: {}.",
            words::names(data.iter().copied())
        ));
    }
    if sema.rights_scoped() {
        let rights: Vec<&str> = sema
            .rights_of(name)
            .iter()
            .map(|s| s.right.name.as_str())
            .collect();
        out.push(format!("Rights granted to them: {}.", words::names(rights)));
    }
    out
}

/// The semantic model for the date-independent questions of scopes.
fn scope_sema(policy: &Policy) -> crate::sema::Sema<'_> {
    crate::sema::Sema::new(policy, ir::Date::constant(2000, 1, 1))
}

#[cfg(test)]
mod scope_tests {
    use crate::db::Database;
    use crate::resolve::resolve_policy;

    #[test]
    fn hovers_say_what_is_scoped_and_optional() {
        let text = "purpose courses {\n  uses name\n  uses phone if-provided\n  uses education for pupil\n  about pupil, teacher\n}\nrights {\n  access\n  portability for pupil\n}\n";
        let mut db = Database::new();
        let file = db.set_file("p.vern", text.to_string());
        let policy = &resolve_policy(&db, file).policy;
        let purpose = super::describe(policy, "courses").unwrap_or_default();
        assert!(purpose.contains("Only if provided: `phone`"), "{purpose}");
        assert!(
            purpose.contains("`education` only about: `pupil`"),
            "{purpose}"
        );
        let teacher = super::describe(policy, "teacher").unwrap_or_default();
        assert!(
            teacher.contains("Data collected about them: `name`, `phone`."),
            "{teacher}"
        );
        assert!(
            teacher.contains("Rights granted to them: `access`."),
            "{teacher}"
        );
        let pupil = super::describe(policy, "pupil").unwrap_or_default();
        assert!(pupil.contains("`access`, `portability`"), "{pupil}");
    }
}
