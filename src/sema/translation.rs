//! Which of the policy's texts a notice in a language would show in another language.
//!
//! A text needs translating when the property that holds it is prose: what the language table says of
//! the property (`lang::needs_translation`), never a guess from the words. Addresses, and the names of
//! products and cookies, are language-neutral and never counted; contact details, organisation numbers
//! and legal names are plain strings, not texts, and never reach here. The stdlib's texts are not the
//! policy author's to translate and are not counted either. `vern check`, `vern build` and the notice
//! renderer all ask here, so they agree on what is untranslated.

use std::collections::HashSet;

use crate::ir::*;
use crate::lang::{Kind, needs_translation};

/// The languages notices can be written in: those with shipped messages (`locales/LANG/notice.ftl`).
pub const NOTICE_LANGUAGES: &[&str] = &["nb", "en", "sv", "da", "de", "fi"];

/// One of the policy's own texts, with whether its property needs translating.
#[derive(Clone, Copy, Debug)]
pub struct PolicyText<'a> {
    pub text: &'a Text,
    pub loc: Loc,
    pub translatable: bool,
}

/// The policy's texts with no translation into `lang`, in the order the IR holds them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Untranslated {
    /// The notice's language.
    pub lang: String,
    /// The language such texts are shown in instead: the policy's first language.
    pub shown_in: String,
    pub places: Vec<Loc>,
}

/// The languages of the policy's notices: those it declares that notices can be written in (Bokmål
/// when it declares none).
pub fn notice_languages(policy: &Policy) -> Vec<String> {
    let declared: Vec<String> = policy
        .meta
        .as_ref()
        .map(|m| m.languages.clone())
        .unwrap_or_default();
    if declared.is_empty() {
        return vec!["nb".to_string()];
    }
    let mut out: Vec<String> = Vec::new();
    for lang in declared {
        if NOTICE_LANGUAGES.contains(&lang.as_str()) && !out.contains(&lang) {
            out.push(lang);
        }
    }
    out
}

/// The language untagged texts are in: the policy's first language.
pub fn first_language(policy: &Policy) -> String {
    policy
        .meta
        .as_ref()
        .and_then(|m| m.languages.first().cloned())
        .unwrap_or_else(|| crate::resolve::DEFAULT_LANGUAGE.to_string())
}

/// Every text the policy itself wrote (not the stdlib's), with its property's verdict.
pub fn policy_texts(policy: &Policy) -> Vec<PolicyText<'_>> {
    let mut out = Vec::new();
    let mut w = Walker { out: &mut out };
    if let Some(m) = &policy.meta {
        w.one(Kind::Policy, "label", &m.title);
        w.opt(Kind::Policy, "description", &m.description);
    }
    for c in policy.controller.iter().chain(&policy.other_controllers) {
        w.contact(Kind::Controller, &c.contact);
        if let Some(r) = &c.representative {
            w.contact(Kind::Controller, r);
        }
        if let Some(Dpo::Appointed(d)) = &c.dpo {
            w.contact(Kind::Controller, d);
        }
        w.opt(Kind::Controller, "description", &c.description);
        for r in &c.acts_as {
            w.one(Kind::Controller, "acts-as", &r.on_behalf_of);
        }
    }
    for j in &policy.joints {
        w.opt(Kind::Joint, "label", &j.label);
        w.opt(Kind::Joint, "description", &j.description);
        if let Some(e) = j
            .essence
            .as_ref()
            .filter(|e| !super::controllers::is_link(e))
        {
            w.one(Kind::Joint, "essence", e);
        }
        for r in j.responsibilities.iter().flatten() {
            w.opt(Kind::Joint, r.duty.key(), &r.text);
        }
        if let Some(JointContact::Details(c)) = &j.contact {
            w.contact(Kind::Joint, c);
        }
    }
    for p in &policy.purposes {
        w.opt(Kind::Purpose, "label", &p.label);
        w.opt(Kind::Purpose, "description", &p.description);
        for b in &p.bases {
            w.opt(Kind::Purpose, "basis", &b.interest);
            w.opt(Kind::Purpose, "basis", &b.condition);
            w.opt(Kind::Purpose, "collected", &b.collected);
            w.opt(Kind::Purpose, "withdraw", &b.withdraw);
            w.opt(Kind::Purpose, "balancing", &b.balancing);
        }
        for c in &p.conditions {
            w.opt(Kind::Purpose, "condition", &c.text);
        }
        if let Some((_, t, _)) = &p.requirement {
            w.opt(Kind::Purpose, "requirement", t);
        }
        if let Some(f) = &p.soft_opt_in {
            w.opt(Kind::Purpose, "soft-opt-in", &f.text);
        }
        if let Some(f) = &p.profiling {
            w.opt(Kind::Purpose, "profiling", &f.text);
        }
        if let Some(AutomatedDecision::Significant {
            logic,
            significance,
            consequences,
            safeguards,
            ..
        }) = &p.automated_decision
        {
            w.opt(Kind::Purpose, "logic", logic);
            w.opt(Kind::Purpose, "significance", significance);
            w.opt(Kind::Purpose, "consequences", consequences);
            w.opt(Kind::Purpose, "safeguards", safeguards);
        }
    }
    for r in &policy.recipients {
        // A recipient that refines a vendor and is labelled with the vendor's own label is called by
        // the product's name, which is not translated.
        let named_as_vendor = match (&r.label, &r.vendor) {
            (Some(label), Some(v)) => policy.vocab.vendors.get(&v.name).is_some_and(|v| {
                label
                    .by_lang
                    .values()
                    .all(|l| v.entry.label.by_lang.values().any(|n| n == l))
            }),
            _ => false,
        };
        let kind = if named_as_vendor {
            Kind::Vendor
        } else {
            Kind::Recipient
        };
        w.opt(kind, "label", &r.label);
        w.opt(Kind::Recipient, "description", &r.description);
        for s in &r.safeguards {
            w.opt(Kind::Recipient, "reference", &s.reference);
            w.opt(Kind::Recipient, "copy", &s.copy);
        }
        w.opt(Kind::Recipient, "arrangement", &r.arrangement);
    }
    for c in &policy.cookies {
        w.opt(Kind::Cookie, "label", &c.label);
        w.opt(Kind::Cookie, "description", &c.description);
    }
    if let Some(r) = &policy.rights {
        w.opt(Kind::Rights, "exercise", &r.exercise);
        for s in &r.rights {
            w.opt(Kind::Rights, "right", &s.how);
        }
        for c in &r.complaints {
            w.opt(Kind::Rights, "complaint", &c.text);
        }
    }
    vocabulary(&policy.vocab, &mut w);
    out
}

/// The policy's own vocabulary declarations (data categories, subjects, ...; `module` is `None`).
fn vocabulary<'a>(v: &'a Vocabulary, w: &mut Walker<'a, '_>) {
    for d in v.data.values().filter(|d| d.entry.module.is_none()) {
        w.entry(Kind::Data, &d.entry);
        w.opt(Kind::Data, "justification", &d.justification);
        for s in &d.sources {
            w.opt(Kind::Data, "source", &s.text);
        }
        for f in &d.fields {
            w.opt(Kind::Data, "fields", &f.label);
        }
    }
    macro_rules! entries {
        ($($map:ident => $kind:expr),* $(,)?) => {$(
            for x in v.$map.values().filter(|x| x.entry.module.is_none()) {
                w.entry($kind, &x.entry);
            }
        )*};
    }
    entries!(
        subjects => Kind::Subject,
        purpose_kinds => Kind::Purpose,
        bases => Kind::Basis,
        rights => Kind::Right,
        roles => Kind::Role,
        recipient_kinds => Kind::RecipientKind,
        vendors => Kind::Vendor,
        safeguards => Kind::Safeguard,
        countries => Kind::Country,
        regions => Kind::Region,
        statutes => Kind::Statute,
        events => Kind::Event,
        channels => Kind::Channel,
        cookie_kinds => Kind::CookieKind,
        terms => Kind::Term,
        phrases => Kind::Phrases,
        legal_events => Kind::LegalEvent,
    );
    for m in v.mechanisms.values().filter(|m| m.entry.module.is_none()) {
        w.entry(Kind::Mechanism, &m.entry);
        w.opt(Kind::Mechanism, "invalid", &m.invalid);
    }
    for a in v.authorities.values().filter(|a| a.entry.module.is_none()) {
        w.entry(Kind::Authority, &a.entry);
        for t in &a.addresses {
            w.one(Kind::Authority, "address", t);
        }
    }
}

struct Walker<'a, 'o> {
    out: &'o mut Vec<PolicyText<'a>>,
}

impl<'a> Walker<'a, '_> {
    fn one(&mut self, kind: Kind, key: &str, t: &'a Text) {
        let Some(loc) = t.loc else { return };
        if t.is_empty() {
            return;
        }
        self.out.push(PolicyText {
            text: t,
            loc,
            translatable: needs_translation(kind, key),
        });
    }

    fn opt(&mut self, kind: Kind, key: &str, t: &'a Option<Text>) {
        if let Some(t) = t {
            self.one(kind, key, t);
        }
    }

    fn entry(&mut self, kind: Kind, e: &'a Entry) {
        self.one(kind, "label", &e.label);
        self.opt(kind, "description", &e.description);
    }

    fn contact(&mut self, kind: Kind, c: &'a Contact) {
        for t in &c.addresses {
            self.one(kind, "address", t);
        }
    }
}

/// Whether a notice in `lang` shows `t` in another language: it has no non-empty text in `lang`.
pub fn lacks(t: &Text, lang: &str) -> bool {
    t.by_lang.get(lang).is_none_or(|s| s.trim().is_empty())
}

/// The places of the policy's texts that need translating and have none into `lang`. Empty for the
/// policy's first language (its untagged texts are in it).
pub fn untranslated(policy: &Policy, lang: &str) -> Untranslated {
    untranslated_among(policy, &policy_texts(policy), lang)
}

/// [`untranslated`] among the policy's texts as [`policy_texts`] found them, for a caller that asks
/// about several languages or reads the texts itself.
pub fn untranslated_among(policy: &Policy, texts: &[PolicyText<'_>], lang: &str) -> Untranslated {
    let mut seen = HashSet::new();
    let places = texts
        .iter()
        .filter(|t| t.translatable && lacks(t.text, lang) && seen.insert(t.loc))
        .map(|t| t.loc)
        .collect();
    Untranslated {
        lang: lang.to_string(),
        shown_in: first_language(policy),
        places,
    }
}

/// The places of the policy's texts that need no translation (addresses, names): a notice shows them
/// as written, unmarked.
pub fn neutral_places(policy: &Policy) -> HashSet<Loc> {
    policy_texts(policy)
        .into_iter()
        .filter(|t| !t.translatable)
        .map(|t| t.loc)
        .collect()
}
