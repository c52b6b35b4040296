//! `vern diff`: what changed between two versions of a policy, for the people whose data it is.
//!
//! Input: two resolved policies (`ir::Policy`) and the evaluation date. Output: a [`PolicyDiff`], a
//! list of [`Change`]s, each classified by its [`Consequence`]: *re-consent* (the consent people gave
//! does not cover the change), *notice-update* (people must be told before the change takes effect,
//! GDPR Art. 13(3) and 12), or *editorial*. Pure: no I/O; the CLI loads the two versions and prints
//! the result with [`render`].
//!
//! Declarations are matched by their declared name (purposes, recipients, cookies, data, rights), so
//! a rename is reported as a removal and an addition. Data categories are compared through their
//! `includes`, so a category that gains a member gives its purposes new data. Retention is compared
//! by meaning (see `retention.rs`); statute families resolve for each version's controller country on
//! the evaluation date, as the checker resolves them. Order is deterministic: by area, subject, kind.

mod controllers;
mod model;
mod parties;
mod purposes;
pub mod render;
mod retention;
mod scopes;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::ir::{Date, Meta, Policy, Purpose, Ref, Statute, Text, Vocabulary};
use crate::sema::Sema;

/// The `format` of the JSON output.
pub const FORMAT: &str = "vern.diff/1";

/// What a change requires before it takes effect, most serious first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Consequence {
    /// The consent people gave covers the policy as it was: ask again (Art. 7; EDPB Guidelines 05/2020).
    ReConsent,
    /// Update the notice and inform the people concerned before the change takes effect (Art. 13(3), 12).
    NoticeUpdate,
    /// Update the notice; nobody needs to be told in advance.
    Editorial,
}

impl Consequence {
    pub const ALL: [Consequence; 3] = [
        Consequence::ReConsent,
        Consequence::NoticeUpdate,
        Consequence::Editorial,
    ];

    /// The stable id used in JSON: `re-consent`, `notice-update`, `editorial`.
    pub fn id(self) -> &'static str {
        match self {
            Consequence::ReConsent => "re-consent",
            Consequence::NoticeUpdate => "notice-update",
            Consequence::Editorial => "editorial",
        }
    }

    /// The heading of the section in human and Markdown output.
    pub fn title(self) -> &'static str {
        match self {
            Consequence::ReConsent => "Needs renewed consent",
            Consequence::NoticeUpdate => "Needs an updated notice before it takes effect",
            Consequence::Editorial => "Editorial",
        }
    }

    /// What to do, and the legal ground, in one or two sentences.
    pub fn grounds(self) -> &'static str {
        match self {
            Consequence::ReConsent => {
                "The consent people gave covers the policy as it was. Ask for consent again before relying on it for \
                 these changes (GDPR Art. 4(11), 6(1)(a) and 7; EDPB Guidelines 05/2020 on consent)."
            }
            Consequence::NoticeUpdate => {
                "Update the notice and tell the people concerned before the change takes effect \
                 (GDPR Art. 13(3), 14(4) and 12(1))."
            }
            Consequence::Editorial => "Update the notice; nobody needs to be told in advance.",
        }
    }
}

/// Which part of the policy a change is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Area {
    Policy,
    Controller,
    /// A data category's own properties (special category, source, ...).
    Data,
    /// A group of data subjects (children, minimum age, ...).
    Subject,
    Purpose,
    Recipient,
    Cookie,
    Rights,
    /// An Art. 26 joint-controller arrangement.
    Joint,
}

macro_rules! kinds {
    ($($(#[doc = $doc:literal])* $variant:ident = $id:literal,)*) => {
        /// What changed. The id (`purpose-added`, ...) is stable; the JSON carries it as `kind`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        pub enum ChangeKind {
            $($(#[doc = $doc])* #[serde(rename = $id)] $variant,)*
        }

        impl ChangeKind {
            pub const ALL: &'static [ChangeKind] = &[$(ChangeKind::$variant,)*];

            pub fn id(self) -> &'static str {
                match self {
                    $(ChangeKind::$variant => $id,)*
                }
            }
        }
    };
}

kinds! {
    /// A new purpose.
    PurposeAdded = "purpose-added",
    PurposeRemoved = "purpose-removed",
    /// The purpose's stdlib kind (`is PARENT`) changed: a different purpose under the same name.
    PurposeKindChanged = "purpose-kind-changed",
    /// A new legal basis or Art. 9(2) condition beside the old ones.
    BasisAdded = "basis-added",
    BasisRemoved = "basis-removed",
    /// A basis replaced by another, or the statute of a legal obligation changed.
    BasisChanged = "basis-changed",
    ConsentMechanismChanged = "consent-mechanism-changed",
    /// How consent is withdrawn.
    WithdrawalChanged = "withdrawal-changed",
    /// New data used for a purpose (directly or through a category's `includes`).
    DataAdded = "data-added",
    DataRemoved = "data-removed",
    SubjectsAdded = "subjects-added",
    SubjectsRemoved = "subjects-removed",
    /// Direct marketing, a new channel, or the soft opt-in.
    DirectMarketingAdded = "direct-marketing-added",
    DirectMarketingRemoved = "direct-marketing-removed",
    ProfilingAdded = "profiling-added",
    ProfilingRemoved = "profiling-removed",
    /// Automated decisions with legal or similarly significant effects (Art. 22).
    AutomatedDecisionAdded = "automated-decision-added",
    AutomatedDecisionRemoved = "automated-decision-removed",
    /// Whether providing the data is statutory, contractual, pre-contract or voluntary.
    RequirementChanged = "requirement-changed",
    /// Data (or a cookie) kept longer.
    RetentionLengthened = "retention-lengthened",
    RetentionShortened = "retention-shortened",
    /// Retention changed in a way that is neither longer nor shorter (e.g. a period became `until EVENT`),
    /// or is no longer or newly stated.
    RetentionChanged = "retention-changed",
    /// The same retention written differently (`as bookkeeping` and the statute's own period).
    RetentionRestated = "retention-restated",
    RecipientAdded = "recipient-added",
    RecipientRemoved = "recipient-removed",
    /// A recipient's vendor, legal entity, kind or EEA location changed.
    RecipientChanged = "recipient-changed",
    RoleChanged = "role-changed",
    /// A recipient receives new data, or data for a new purpose.
    RecipientDataAdded = "recipient-data-added",
    RecipientDataRemoved = "recipient-data-removed",
    /// Data go to a new third country: a new location outside the EEA, or a new recipient there.
    TransferAdded = "transfer-added",
    TransferRemoved = "transfer-removed",
    /// The safeguards of a transfer, or the recipient's DPF certification, changed.
    SafeguardChanged = "safeguard-changed",
    CookieAdded = "cookie-added",
    CookieRemoved = "cookie-removed",
    /// A cookie's kind, provider or purposes changed.
    CookieChanged = "cookie-changed",
    RightAdded = "right-added",
    RightRemoved = "right-removed",
    /// The controller's identity: legal name, organisation number or country.
    ControllerChanged = "controller-changed",
    /// The controller's contact details or EU representative.
    ContactChanged = "contact-changed",
    DpoChanged = "dpo-changed",
    /// A notice label (a title or a declaration's label).
    LabelChanged = "label-changed",
    /// The wording of a description or other explanatory text.
    TextChanged = "text-changed",
    /// The policy's version, date, URL, languages or audience.
    MetaChanged = "meta-changed",
    /// The same declarations in a different order.
    Reordered = "reordered",
    /// A group of data subjects changed: whether they are children, their minimum age, what they refine.
    SubjectChanged = "subject-changed",
    /// A data category's own properties: special category, criminal-offence or national-id data, its
    /// source, what it refines or includes, its anonymity.
    DataCategoryChanged = "data-category-changed",
    /// An explicit negative (`transfers none`, ...) or the `default-source` of the policy.
    NegativeChanged = "negative-changed",
    /// A field of the compiled policy with no more specific kind of change (the backstop, see
    /// `diff/model.rs`): the field is named in `details.fields`.
    FieldChanged = "field-changed",
    /// A controller beside the main one added or removed, what a controller does as a processor for
    /// others, or the controllers responsible for a purpose.
    ControllersChanged = "controllers-changed",
    /// A joint-controller arrangement added or removed, or its controllers, purposes,
    /// responsibilities, essence or contact point changed.
    JointArrangementChanged = "joint-arrangement-changed",
}

/// One change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    pub kind: ChangeKind,
    pub consequence: Consequence,
    pub area: Area,
    /// The purpose, recipient, cookie or right by its declared name; `policy`, `rights` or the
    /// controller's name for the other areas.
    pub subject: String,
    /// One line in English. Names are in backticks; policy texts are never in it (they are in
    /// `details.before` and `details.after`).
    pub message: String,
    pub details: Details,
}

/// The particulars of a change. Empty fields are left out of the JSON.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Details {
    /// The old value or text (texts in English when the policy has a translation).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// Names added (data, subjects, bases, roles, countries, `DATA for PURPOSE` pairs, ...).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
    /// For wording and contact changes: which texts or fields changed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// Why the change has its consequence, when that depends on the policy (e.g. the purpose rests on
    /// consent), or what a statute reference means on the evaluation date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub because: Option<String>,
}

/// Which version of the policy a side is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Version {
    /// The file (or `REV:PATH` for a git revision), set by the caller; absent from a pure diff.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub version: Option<String>,
    pub updated: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub re_consent: usize,
    pub notice_update: usize,
    pub editorial: usize,
    pub total: usize,
}

impl Summary {
    pub fn count(&self, c: Consequence) -> usize {
        match c {
            Consequence::ReConsent => self.re_consent,
            Consequence::NoticeUpdate => self.notice_update,
            Consequence::Editorial => self.editorial,
        }
    }
}

/// The semantic difference of two policies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PolicyDiff {
    /// Always [`FORMAT`].
    pub format: &'static str,
    /// The evaluation date of dated facts (statute families).
    pub as_of: String,
    pub old: Version,
    pub new: Version,
    pub summary: Summary,
    /// Sorted by area, subject, kind and message.
    pub changes: Vec<Change>,
}

impl PolicyDiff {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    pub fn of(&self, c: Consequence) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(move |x| x.consequence == c)
    }
}

/// Compares two resolved policies. Dated facts (the statute of a family) are taken as of `as_of`.
pub fn diff(old: &Policy, new: &Policy, as_of: Date) -> PolicyDiff {
    let mut d = Differ {
        old: Side::new(old, as_of),
        new: Side::new(new, as_of),
        changes: Vec::new(),
    };
    d.meta();
    d.controller();
    d.controllers();
    d.purposes();
    d.recipients();
    d.cookies();
    d.rights();
    d.right_scopes();
    let mut changes = d.changes;
    let compiled = |p: &Policy| crate::emit::compile(p, as_of);
    let leaves = model::leaves(&compiled(old), &compiled(new));
    let consent = model::consent_subjects(&d.old, &d.new);
    changes.extend(model::uncovered(&leaves, &changes, &consent));
    changes.sort_by(|a, b| {
        (a.area, &a.subject, a.kind, &a.message).cmp(&(b.area, &b.subject, b.kind, &b.message))
    });
    changes.dedup();
    let count = |c| changes.iter().filter(|x| x.consequence == c).count();
    let summary = Summary {
        re_consent: count(Consequence::ReConsent),
        notice_update: count(Consequence::NoticeUpdate),
        editorial: count(Consequence::Editorial),
        total: changes.len(),
    };
    PolicyDiff {
        format: FORMAT,
        as_of: as_of.to_string(),
        old: version(old),
        new: version(new),
        summary,
        changes,
    }
}

/// The changes between two compiled models (`policy.json`) alone, field by field, with no semantic
/// comparison: what `diff` reports for fields its semantic comparisons do not cover. `consent_subjects`
/// are the subjects of purposes on consent (a change to their age can invalidate their consent).
pub fn diff_models(
    old: &crate::emit::model::CompiledPolicy,
    new: &crate::emit::model::CompiledPolicy,
    consent_subjects: &BTreeSet<String>,
) -> Vec<Change> {
    let leaves = model::leaves(old, new);
    model::uncovered(&leaves, &[], consent_subjects)
}

fn version(p: &Policy) -> Version {
    Version {
        source: None,
        version: p.meta.as_ref().and_then(|m| m.version.clone()),
        updated: p
            .meta
            .as_ref()
            .and_then(|m| m.updated.map(|d| d.to_string())),
    }
}

// -------------------------------------------------------------------------------------------------
// The comparison's context
// -------------------------------------------------------------------------------------------------

/// One version of the policy, with the questions the comparison asks of it (answered by the
/// semantic model, as for the checker and the notice).
#[derive(Clone)]
struct Side<'a> {
    policy: &'a Policy,
    sema: std::rc::Rc<Sema<'a>>,
}

impl<'a> Side<'a> {
    fn new(policy: &'a Policy, as_of: Date) -> Self {
        Side {
            policy,
            sema: std::rc::Rc::new(Sema::new(policy, as_of)),
        }
    }

    fn vocab(&self) -> &'a Vocabulary {
        &self.policy.vocab
    }

    fn purpose(&self, name: &str) -> Option<&'a Purpose> {
        self.sema.purpose(name)
    }

    fn withdrawable(&self, basis: &str) -> bool {
        self.sema.is_consent_basis(basis)
    }

    fn rests_on_consent(&self, p: &Purpose) -> bool {
        self.sema.rests_on_consent(p)
    }

    /// A data category with what it refines and includes (the semantic model's closure). A name the
    /// vocabulary does not know stands for itself.
    fn closure(&self, name: &str) -> BTreeSet<String> {
        let mut out: BTreeSet<String> = self
            .sema
            .closure_names(name)
            .into_iter()
            .map(String::from)
            .collect();
        out.insert(name.to_string());
        out
    }

    fn closure_of(&self, refs: &[Ref]) -> BTreeSet<String> {
        refs.iter().flat_map(|r| self.closure(&r.name)).collect()
    }

    /// The members of `set` that no other member includes, each with the category of `direct` it is
    /// in when it is not itself one of them: "`phone` (in `customer-record`)".
    fn roots(&self, set: &BTreeSet<String>, direct: &[Ref]) -> (Vec<String>, String) {
        let closures: BTreeMap<&String, BTreeSet<String>> =
            set.iter().map(|n| (n, self.closure(n))).collect();
        let mut roots: Vec<&String> = set
            .iter()
            .filter(|n| {
                !closures
                    .iter()
                    .any(|(m, c)| m != n && c.contains(n.as_str()))
            })
            .collect();
        if roots.is_empty() {
            roots = set.iter().collect();
        }
        let shown: Vec<String> = roots
            .iter()
            .map(|r| {
                if direct.iter().any(|d| &d.name == *r) {
                    return code(r);
                }
                match direct
                    .iter()
                    .find(|d| self.closure(&d.name).contains(r.as_str()))
                {
                    Some(d) => format!("{} (in {})", code(r), code(&d.name)),
                    None => code(r),
                }
            })
            .collect();
        (roots.into_iter().cloned().collect(), shown.join(", "))
    }

    fn is_third_country(&self, place: &str) -> bool {
        self.sema.is_third_country(place)
    }

    fn cookie_kind_exempt(&self, kind: Option<&Ref>) -> bool {
        kind.and_then(|k| self.vocab().cookie_kinds.get(&k.name))
            .is_some_and(|k| k.exempt)
    }

    /// The statute a retention names: the controller's country's statute of a family in force on the
    /// evaluation date (as the checker resolves it), or the named statute.
    fn statute(&self, name: &str, family: bool) -> Option<&'a Statute> {
        if !family {
            return self.vocab().statutes.get(name);
        }
        let country = self.sema.controller_country()?;
        self.sema.statute_in_force(name, country)
    }
}

struct Differ<'a> {
    old: Side<'a>,
    new: Side<'a>,
    changes: Vec<Change>,
}

impl Differ<'_> {
    fn push(
        &mut self,
        kind: ChangeKind,
        consequence: Consequence,
        area: Area,
        subject: &str,
        message: String,
    ) -> &mut Details {
        let i = self.changes.len();
        self.changes.push(Change {
            kind,
            consequence,
            area,
            subject: subject.to_string(),
            message,
            details: Details::default(),
        });
        &mut self.changes[i].details
    }

    /// A `label-changed` change when the label differs.
    fn label(
        &mut self,
        area: Area,
        subject: &str,
        what: &str,
        old: Option<&Text>,
        new: Option<&Text>,
    ) {
        if same_text(old, new) {
            return;
        }
        let d = self.push(
            ChangeKind::LabelChanged,
            Consequence::Editorial,
            area,
            subject,
            format!("{what}: new label"),
        );
        (d.before, d.after) = show_pair(old, new);
    }

    /// One `text-changed` change listing the texts whose wording differs.
    fn texts(
        &mut self,
        area: Area,
        subject: &str,
        what: &str,
        fields: Vec<(String, Option<&Text>, Option<&Text>)>,
    ) {
        let changed: Vec<_> = fields
            .into_iter()
            .filter(|(_, a, b)| !same_text(*a, *b))
            .collect();
        if changed.is_empty() {
            return;
        }
        let names: Vec<String> = changed.iter().map(|(f, _, _)| f.clone()).collect();
        let message = format!("{what}: new wording ({})", names.join("; "));
        let d = self.push(
            ChangeKind::TextChanged,
            Consequence::Editorial,
            area,
            subject,
            message,
        );
        if let [(_, a, b)] = changed.as_slice() {
            (d.before, d.after) = show_pair(*a, *b);
        }
        d.fields = names;
    }

    /// A `reordered` change when the names both versions have are in a different order.
    fn reordered(&mut self, what: &str, old: Vec<&str>, new: Vec<&str>) {
        let old_set: BTreeSet<&str> = old.iter().copied().collect();
        let new_set: BTreeSet<&str> = new.iter().copied().collect();
        let a: Vec<&str> = old.into_iter().filter(|n| new_set.contains(n)).collect();
        let b: Vec<&str> = new.into_iter().filter(|n| old_set.contains(n)).collect();
        if a != b {
            self.push(
                ChangeKind::Reordered,
                Consequence::Editorial,
                Area::Policy,
                what,
                format!("The {what} are listed in a different order"),
            );
        }
    }

    fn meta(&mut self) {
        let (o, n) = (self.old.policy.meta.as_ref(), self.new.policy.meta.as_ref());
        self.label(
            Area::Policy,
            "policy",
            "The notice's title",
            o.map(|m| &m.title),
            n.map(|m| &m.title),
        );
        type Field = (&'static str, fn(&Meta) -> Option<String>);
        let fields: [Field; 5] = [
            ("version", |m| m.version.clone()),
            ("date (`updated`)", |m| m.updated.map(|d| d.to_string())),
            ("URL", |m| m.url.clone()),
            ("languages", |m| {
                (!m.languages.is_empty()).then(|| m.languages.join(", "))
            }),
            ("audience", |m| {
                let set = name_set(&m.audience);
                (!set.is_empty()).then(|| set.into_iter().collect::<Vec<_>>().join(", "))
            }),
        ];
        for (what, get) in fields {
            let (a, b) = (o.and_then(get), n.and_then(get));
            if a != b {
                let d = self.push(
                    ChangeKind::MetaChanged,
                    Consequence::Editorial,
                    Area::Policy,
                    "policy",
                    format!("The policy's {what} changed"),
                );
                d.before = a;
                d.after = b;
            }
        }
        let (a, b) = (
            o.and_then(|m| m.description.as_ref()),
            n.and_then(|m| m.description.as_ref()),
        );
        self.texts(
            Area::Policy,
            "policy",
            "The policy",
            vec![("description".into(), a, b)],
        );
    }
}

// -------------------------------------------------------------------------------------------------
// Helpers
// -------------------------------------------------------------------------------------------------

/// A name in backticks.
fn code(name: &str) -> String {
    format!("`{name}`")
}

/// Names in backticks, comma-separated.
fn codes<'s>(names: impl IntoIterator<Item = &'s str>) -> String {
    names.into_iter().map(code).collect::<Vec<_>>().join(", ")
}

fn names(refs: &[Ref]) -> Vec<String> {
    refs.iter().map(|r| r.name.to_string()).collect()
}

fn name_set(refs: &[Ref]) -> BTreeSet<String> {
    refs.iter().map(|r| r.name.to_string()).collect()
}

/// A text for messages: English when the policy has it, else its first language.
fn show(t: &Text) -> String {
    t.any("en").unwrap_or_default().to_string()
}

/// Two versions of a text, in a language where they differ: English when they differ there, else the
/// first language that does (so that a change to the Bokmål alone is not shown as two equal texts).
fn show_pair(a: Option<&Text>, b: Option<&Text>) -> (Option<String>, Option<String>) {
    fn get<'t>(t: Option<&'t Text>, lang: &str) -> Option<&'t str> {
        t.and_then(|t| t.get(lang))
    }
    let langs: BTreeSet<&str> = a
        .into_iter()
        .chain(b)
        .flat_map(|t| t.by_lang.keys())
        .collect();
    let lang = std::iter::once("en")
        .chain(langs)
        .find(|l| get(a, l) != get(b, l))
        .unwrap_or("en");
    let pick = |t: Option<&Text>| {
        t.and_then(|t| t.get(lang).or_else(|| t.any(lang)))
            .map(str::to_string)
    };
    (pick(a), pick(b))
}

/// Texts are the same when they say the same in every language (where they were written is ignored).
fn same_text(a: Option<&Text>, b: Option<&Text>) -> bool {
    let words = |t: Option<&Text>| t.map(|t| t.by_lang.clone()).filter(|m| !m.is_empty());
    words(a) == words(b)
}

/// Items of a list by name, the first of each name.
fn by_name<T>(items: &[T], name: impl Fn(&T) -> &str) -> BTreeMap<String, &T> {
    let mut out = BTreeMap::new();
    for item in items {
        out.entry(name(item).to_string()).or_insert(item);
    }
    out
}

fn consent_reason(purpose: &str) -> String {
    format!(
        "{} rests on consent, and the consent people gave does not cover this",
        code(purpose)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_have_unique_kebab_case_ids() {
        let ids: BTreeSet<&str> = ChangeKind::ALL.iter().map(|k| k.id()).collect();
        assert_eq!(ids.len(), ChangeKind::ALL.len());
        for k in ChangeKind::ALL {
            assert!(
                k.id().chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                k.id()
            );
            assert_eq!(
                serde_json::to_value(k).ok(),
                Some(serde_json::Value::String(k.id().into()))
            );
        }
    }

    #[test]
    fn consequences_serialise_as_documented() {
        for c in Consequence::ALL {
            assert_eq!(
                serde_json::to_value(c).ok(),
                Some(serde_json::Value::String(c.id().into()))
            );
        }
        assert!(
            Consequence::ReConsent < Consequence::NoticeUpdate
                && Consequence::NoticeUpdate < Consequence::Editorial
        );
    }
}
