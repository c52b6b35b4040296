//! The notice's view model: everything the templates show, in one language, every policy string
//! already escaped for Markdown. Built from the resolved policy; the templates only arrange it.

use serde::Serialize;

use super::i18n::Arg;
use super::markdown::{anchor, escape, link};
use super::words::{Case, Cx, upper_first};
use crate::ir::{
    self, AutomatedDecision, Dpo, Lifetime, Provider, Requirement, SafeguardKind, SourceKind,
};

#[derive(Serialize)]
pub struct Notice {
    pub lang: String,
    /// The title as Markdown, and as plain text for the HTML `<title>`.
    pub title: String,
    pub title_text: String,
    pub description: Option<String>,
    pub updated: Option<String>,
    pub version: Option<String>,
    pub url: Option<String>,
    pub summary: Vec<SummaryRow>,
    pub controller: ControllerView,
    pub data: Vec<DataView>,
    pub subjects: Vec<SubjectView>,
    pub sources: Vec<SourceGroup>,
    /// `none` when the policy states that no data comes from others (every category has a stated
    /// source, none a third party or a public one), `some` when some does, `unstated` otherwise.
    pub sources_from_others: String,
    pub purposes: Vec<PurposeView>,
    /// Whether any purpose rests on legitimate interests: `declared`, `none` (every purpose states its
    /// bases and none is legitimate interests), or `unstated`.
    pub legitimate_interest: String,
    pub recipient_groups: Vec<RecipientGroup>,
    /// `declared`, `none` (`recipients none`) or `unstated`; likewise for the elements below.
    pub recipients_stated: String,
    pub transfers: Vec<TransferView>,
    pub transfers_stated: String,
    pub profiling: Vec<ProfilingView>,
    pub profiling_stated: String,
    pub automated: Vec<AutomatedView>,
    pub automated_stated: String,
    pub cookies: Vec<CookieView>,
    pub cookies_stated: String,
    pub rights: RightsView,
    /// The other controllers, joint arrangements and processing on others' behalf.
    pub parties: super::parties::PartiesView,
    /// The rights the policy states, for the summary; `None` when it states none.
    pub summary_rights: Option<String>,
    /// Policy texts shown in another language (with the fallback marker).
    pub untranslated: usize,
    pub fallback_langs: String,
}

#[derive(Serialize)]
pub struct SummaryRow {
    pub purpose: String,
    pub id: String,
    pub data: String,
    pub basis: String,
    pub retention: String,
}

#[derive(Serialize)]
pub struct Contact {
    pub name: Option<String>,
    pub addresses: Vec<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub web: Option<String>,
    pub country: Option<String>,
    pub org_number: Option<String>,
}

#[derive(Serialize)]
pub struct ControllerView {
    pub declared: bool,
    pub name: Option<String>,
    pub description: Option<String>,
    pub org_number: Option<String>,
    pub contact: Contact,
    /// `appointed`, `appointed-no-contact` (a `dpo { }` without contact details), `none` (`dpo none`)
    /// or `unstated`.
    pub dpo: String,
    pub dpo_contact: Option<Contact>,
    pub representative: Option<Contact>,
}

#[derive(Serialize)]
pub struct DataView {
    pub id: String,
    pub label: String,
    pub description: Option<String>,
    pub includes: Option<String>,
    pub notes: Vec<String>,
    pub justification: Option<String>,
}

#[derive(Serialize)]
pub struct SubjectView {
    pub label: String,
    pub description: Option<String>,
    pub min_age: Option<u64>,
}

#[derive(Serialize)]
pub struct SourceGroup {
    pub kind: String,
    pub items: Vec<SourceItem>,
}

#[derive(Serialize)]
pub struct SourceItem {
    /// The data category's name (for tools and tests; the template shows the label).
    pub id: String,
    pub label: String,
    pub text: Option<String>,
}

#[derive(Serialize)]
pub struct PurposeView {
    pub id: String,
    pub label: String,
    pub description: Option<String>,
    pub data: Option<String>,
    pub subjects: Option<String>,
    pub bases: Vec<BasisView>,
    pub conditions: Vec<ConditionView>,
    pub retention: Vec<RetentionLine>,
    pub requirement: Option<RequirementView>,
    pub direct_marketing: Option<String>,
    pub soft_opt_in: Option<String>,
    pub profiling: Option<String>,
    /// `none` (stated), `significant`, or absent.
    pub automated: Option<String>,
    /// The controller responsible, when the policy has several.
    pub controller: Option<String>,
}

#[derive(Serialize)]
pub struct BasisView {
    pub name: String,
    pub short: String,
    pub article: Option<String>,
    pub explain: Option<String>,
    pub when: Option<String>,
    /// True for a basis that states an interest (legitimate interests).
    pub states_interest: bool,
    pub interest: Option<String>,
    /// The text given with any other basis.
    pub note: Option<String>,
    pub balancing: Option<String>,
    pub consent: bool,
    pub collected: Option<String>,
    pub withdraw: Option<String>,
}

#[derive(Serialize)]
pub struct ConditionView {
    pub label: String,
    pub article: Option<String>,
    pub text: Option<String>,
}

#[derive(Serialize)]
pub struct RetentionLine {
    pub data: Option<String>,
    pub text: String,
    /// False for the "not stated" line of a purpose without retention.
    pub stated: bool,
}

#[derive(Serialize)]
pub struct RequirementView {
    pub kind: String,
    pub consequence: Option<String>,
}

#[derive(Serialize)]
pub struct RecipientGroup {
    pub role: String,
    pub title: String,
    pub intro: Option<String>,
    pub recipients: Vec<RecipientView>,
}

#[derive(Serialize)]
pub struct RecipientView {
    pub label: String,
    pub entity: Option<String>,
    pub description: Option<String>,
    pub roles: Option<String>,
    pub kind: Option<String>,
    pub countries: Option<String>,
    pub receives: Vec<String>,
    pub arrangement: Option<String>,
}

#[derive(Serialize)]
pub struct TransferView {
    pub recipient: String,
    pub countries: String,
    pub safeguards: Vec<SafeguardView>,
    pub adequacy: Vec<String>,
    pub dpf_certified: bool,
}

#[derive(Serialize)]
pub struct SafeguardView {
    pub label: String,
    pub instrument: Option<String>,
    pub validity: Option<String>,
    pub reference: Option<String>,
    pub copy: Option<String>,
    /// True where a copy is to be offered (standard clauses, BCRs, codes, certifications).
    pub needs_copy: bool,
}

#[derive(Serialize)]
pub struct ProfilingView {
    pub purpose: String,
    pub id: String,
    pub text: Option<String>,
}

#[derive(Serialize)]
pub struct AutomatedView {
    pub purpose: String,
    pub id: String,
    pub logic: Option<String>,
    pub significance: Option<String>,
    pub consequences: Option<String>,
    pub safeguards: Option<String>,
}

#[derive(Serialize)]
pub struct CookieView {
    pub label: String,
    pub description: Option<String>,
    /// Links to the purposes the cookie serves.
    pub purposes: Option<String>,
    pub kind: String,
    pub lifetime: String,
    pub provider: String,
    pub consent: String,
}

#[derive(Serialize)]
pub struct RightsView {
    pub exercise: Option<String>,
    pub items: Vec<RightView>,
    /// Direct marketing: whether any purpose markets directly, which ones, and how to object.
    pub direct_marketing: bool,
    /// `declared`, `none` (`direct-marketing none`) or `unstated`.
    pub dm_stated: String,
    pub dm_purposes: Option<String>,
    pub dm_how: Option<String>,
    pub consent: bool,
    /// `declared`, `none` (every purpose states its bases and none is consent) or `unstated`.
    pub consent_stated: String,
    pub withdraw_how: Option<String>,
    pub complaints: Vec<AuthorityView>,
}

#[derive(Serialize)]
pub struct RightView {
    /// The right's name (for tools and tests; the template shows the label).
    pub id: String,
    pub label: String,
    pub article: Option<String>,
    pub how: String,
    /// The groups the right is granted to (`access for pupil`); none when it is everyone's.
    pub scope: Option<String>,
}

#[derive(Serialize)]
pub struct AuthorityView {
    pub name: String,
    pub addresses: Vec<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub web: Option<String>,
    pub text: Option<String>,
}

pub fn build(cx: &Cx) -> Notice {
    let p = cx.policy;
    let meta = p.meta.as_ref();
    let title = meta.map(|m| &m.title).filter(|t| !t.is_empty());
    let purposes: Vec<PurposeView> = p.purposes.iter().map(|x| purpose(cx, x)).collect();
    let summary = p
        .purposes
        .iter()
        .zip(&purposes)
        .map(|(ir, view)| summary_row(cx, ir, view))
        .collect();
    let (sources, sources_from_others) = sources(cx);
    let sema = &cx.sema;
    let mut notice = Notice {
        lang: cx.lang.to_string(),
        title: title
            .map(|t| cx.text(t))
            .unwrap_or_else(|| cx.t("title-default")),
        title_text: title
            .map(|t| cx.plain(t))
            .unwrap_or_else(|| cx.t("title-default")),
        description: meta.and_then(|m| cx.opt_text(&m.description)),
        updated: meta.and_then(|m| m.updated).map(|d| cx.date(d)),
        version: meta.and_then(|m| m.version.as_deref()).map(escape),
        url: meta.and_then(|m| m.url.as_deref()).map(link),
        summary,
        controller: controller(cx),
        data: data(cx),
        subjects: subjects(cx),
        sources,
        sources_from_others,
        legitimate_interest: basis_stated(cx, |b| b.states_interest).into(),
        purposes,
        recipient_groups: recipient_groups(cx),
        recipients_stated: sema.recipients_stated().word().into(),
        transfers: transfers(cx),
        transfers_stated: sema.transfers_stated().word().into(),
        profiling: profiling(cx),
        profiling_stated: sema.profiling_stated().word().into(),
        automated: automated(cx),
        automated_stated: sema.automated_stated().word().into(),
        cookies: cookies(cx),
        cookies_stated: sema.cookies_stated().word().into(),
        rights: rights(cx),
        parties: super::parties::build(cx),
        summary_rights: summary_rights(cx),
        untranslated: 0,
        fallback_langs: String::new(),
    };
    let (count, langs) = cx.untranslated();
    notice.untranslated = count;
    notice.fallback_langs = langs.join(", ");
    notice
}

/// Whether any purpose rests on a basis with `flag`: `declared`; `none` when every purpose states
/// its bases and none has it; else `unstated` (a purpose without a basis could rest on anything).
fn basis_stated(cx: &Cx, flag: impl Fn(&ir::Basis) -> bool) -> &'static str {
    let purposes = &cx.policy.purposes;
    let has = |b: &ir::BasisUse| cx.v.bases.get(&b.basis.name).is_some_and(&flag);
    if purposes.iter().any(|p| p.bases.iter().any(has)) {
        "declared"
    } else if !purposes.is_empty() && purposes.iter().all(|p| !p.bases.is_empty()) {
        "none"
    } else {
        "unstated"
    }
}

/// The rights the policy states, named for the summary ("the right of access, ...").
fn summary_rights(cx: &Cx) -> Option<String> {
    let r = cx.policy.rights.as_ref()?;
    let names: Vec<String> = r
        .rights
        .iter()
        .filter(|s| !OWN_SECTION.contains(&crate::sema::plain(&s.right.name)))
        .map(|s| cx.label(&s.right.name, Case::Lower))
        .collect();
    (!names.is_empty()).then(|| cx.join(&names, "list-and"))
}

fn purpose_label(cx: &Cx, p: &ir::Purpose, case: Case) -> String {
    match (&p.label, &p.kind) {
        (Some(l), _) if !l.is_empty() => cx.text_as(l, case, true),
        (_, Some(k)) => cx.label(
            &k.name,
            if case == Case::Keep {
                Case::Upper
            } else {
                case
            },
        ),
        _ => escape(&p.name),
    }
}

/// A purpose as a link to its section, by name.
pub(super) fn purpose_link(cx: &Cx, name: &str) -> String {
    match cx.sema.purpose(name) {
        Some(p) => format!(
            "[{}](#{})",
            purpose_label(cx, p, Case::Keep),
            anchor("purpose", &p.name)
        ),
        None => escape(name),
    }
}

pub(super) fn contact_of(cx: &Cx, c: &ir::Contact) -> Contact {
    contact(cx, c)
}

fn contact(cx: &Cx, c: &ir::Contact) -> Contact {
    Contact {
        name: c.name.as_deref().map(escape),
        addresses: c
            .addresses
            .iter()
            .filter(|a| !a.is_empty())
            .map(|a| cx.text(a))
            .collect(),
        email: c.email.as_deref().map(link),
        phone: c.phone.as_deref().map(escape),
        web: c.web.as_deref().map(link),
        country: c.country.as_ref().map(|r| cx.label(&r.name, Case::Keep)),
        org_number: None,
    }
}

/// A way to reach someone: an e-mail, telephone, web address or postal address.
fn has_contact(c: &ir::Contact) -> bool {
    c.email.is_some()
        || c.phone.is_some()
        || c.web.is_some()
        || c.addresses.iter().any(|a| !a.is_empty())
}

fn controller(cx: &Cx) -> ControllerView {
    let Some(c) = &cx.policy.controller else {
        return ControllerView {
            declared: false,
            name: None,
            description: None,
            org_number: None,
            contact: contact(cx, &ir::Contact::default()),
            dpo: "unstated".into(),
            dpo_contact: None,
            representative: None,
        };
    };
    controller_of(cx, c)
}

/// The view of one controller: the main one, or another of several.
pub(super) fn controller_of(cx: &Cx, c: &ir::Controller) -> ControllerView {
    let (dpo, dpo_contact) = match &c.dpo {
        Some(Dpo::Appointed(d)) if !has_contact(d) => ("appointed-no-contact", None),
        Some(Dpo::Appointed(d)) => ("appointed", Some(contact(cx, d))),
        Some(Dpo::None(_)) => ("none", None),
        None => ("unstated", None),
    };
    ControllerView {
        declared: true,
        name: c.contact.name.as_deref().map(escape),
        description: cx.opt_text(&c.description),
        org_number: c.org_number.as_ref().map(|(n, _)| escape(n)),
        contact: Contact {
            org_number: c.org_number.as_ref().map(|(n, _)| escape(n)),
            ..contact(cx, &c.contact)
        },
        dpo: dpo.into(),
        dpo_contact,
        representative: c.representative.as_ref().map(|r| contact(cx, r)),
    }
}

/// The categories to list: the policy's own, and the stdlib's it uses that no listed category
/// includes (those are named in the including category's "includes").
fn listed_data<'a>(cx: &Cx<'a>) -> Vec<&'a ir::DataCategory> {
    let rcx = &cx.sema;
    let all: Vec<&ir::DataCategory> = cx
        .policy
        .data
        .iter()
        .filter_map(|n| cx.v.data.get(n))
        .collect();
    all.iter()
        .copied()
        .filter(|d| {
            d.entry.module.is_none()
                || !all.iter().any(|other| {
                    other.entry.name != d.entry.name
                        && other.includes.iter().any(|i| {
                            rcx.data_closure(&i.name)
                                .iter()
                                .any(|x| x.entry.name == d.entry.name)
                        })
                })
        })
        .collect()
}

fn data(cx: &Cx) -> Vec<DataView> {
    let mut out = Vec::new();
    for d in listed_data(cx) {
        let name = &d.entry.name;
        let mut notes = Vec::new();
        if cx.sema.is_special(name) {
            notes.push(cx.t("data-special"));
        }
        if cx.sema.is_criminal(name) {
            notes.push(cx.t("data-criminal"));
        }
        if cx.sema.data_is(name, |c| c.pseudonymised) {
            notes.push(cx.t("data-pseudonymised"));
        }
        // A doubted claim is not repeated: the data is personal data (the checker says why).
        if cx.sema.anonymity(name) == crate::sema::Anonymity::Claimed {
            notes.push(cx.t("data-anonymous"));
        }
        let includes: Vec<&str> = d.includes.iter().map(|r| r.name.as_str()).collect();
        out.push(DataView {
            id: anchor("data", name),
            label: cx.label(name, Case::Upper),
            description: if d.entry.module.is_none() {
                cx.opt_text(&d.entry.description)
            } else {
                None
            },
            includes: (!includes.is_empty()).then(|| cx.labels(includes, Case::Lower)),
            notes,
            justification: cx.opt_text(&d.justification),
        });
    }
    out
}

fn subjects(cx: &Cx) -> Vec<SubjectView> {
    cx.policy
        .subjects
        .iter()
        .filter_map(|n| cx.v.subjects.get(n))
        .map(|s| SubjectView {
            label: cx.label(&s.entry.name, Case::Upper),
            description: if s.entry.module.is_none() {
                cx.opt_text(&s.entry.description)
            } else {
                None
            },
            min_age: cx.sema.min_age(&s.entry.name),
        })
        .collect()
}

/// Where the data comes from, grouped by kind, as the policy states it (a category's own `source`,
/// one it inherits, or the policy's `default-source`); categories whose source the policy does not
/// state are listed as such. Data whose anonymity claim holds is left out.
fn sources(cx: &Cx) -> (Vec<SourceGroup>, String) {
    let kinds = [
        (Some(SourceKind::Subject), "subject"),
        (Some(SourceKind::Observed), "observed"),
        (Some(SourceKind::Derived), "derived"),
        (Some(SourceKind::ThirdParty), "third-party"),
        (Some(SourceKind::Public), "public"),
        (None, "unstated"),
    ];
    let listed = listed_data(cx);
    let shown: Vec<&ir::DataCategory> = listed
        .iter()
        .copied()
        .filter(|d| cx.sema.anonymity(&d.entry.name) != crate::sema::Anonymity::Claimed)
        .filter(|d| {
            // A grouping of listed categories with no source of its own: its parts say where they
            // come from.
            let grouping = d.sources.is_empty()
                && d.source_unstated.is_none()
                && !d.includes.is_empty()
                && d.includes
                    .iter()
                    .all(|i| listed.iter().any(|l| l.entry.name == i.name));
            !grouping
        })
        .collect();
    let mut groups: Vec<SourceGroup> = Vec::new();
    for (kind, word) in kinds {
        // A category with several sources is listed under each of their kinds.
        let items: Vec<SourceItem> = shown
            .iter()
            .flat_map(|d| {
                let lines = cx.sema.sources_of(&d.entry.name);
                let of_kind: Vec<Option<crate::sema::SourceLine>> = match kind {
                    None if lines.is_empty() => vec![None],
                    None => Vec::new(),
                    Some(k) => lines
                        .into_iter()
                        .filter(|l| l.kind == k)
                        .map(Some)
                        .collect(),
                };
                of_kind.into_iter().map(|line| SourceItem {
                    id: d.entry.name.to_string(),
                    label: cx.label(&d.entry.name, Case::Upper),
                    text: line
                        .and_then(|l| l.text)
                        .and_then(|t| (!t.is_empty()).then(|| cx.text(t))),
                })
            })
            .collect();
        if !items.is_empty() {
            groups.push(SourceGroup {
                kind: word.into(),
                items,
            });
        }
    }
    let from_others = if groups
        .iter()
        .any(|g| g.kind == "third-party" || g.kind == "public")
    {
        "some"
    } else if cx.sema.no_data_from_others(&shown) {
        "none"
    } else {
        "unstated"
    };
    (groups, from_others.into())
}

fn purpose(cx: &Cx, p: &ir::Purpose) -> PurposeView {
    let dm = cx.sema.traits(p).direct_marketing;
    let profiling = p.profiling.is_some();
    PurposeView {
        id: anchor("purpose", &p.name),
        label: purpose_label(cx, p, Case::Keep),
        description: cx.opt_text(&p.description),
        data: purpose_data(cx, p),
        subjects: (!p.about.is_empty())
            .then(|| cx.labels(p.about.iter().map(|r| r.name.as_str()), Case::Lower)),
        bases: p.bases.iter().map(|b| basis(cx, b)).collect(),
        conditions: p
            .conditions
            .iter()
            .map(|c| ConditionView {
                label: cx.label(&c.basis.name, Case::Upper),
                article: cx
                    .v
                    .bases
                    .get(&c.basis.name)
                    .and_then(|b| b.article.as_deref())
                    .map(|a| cx.article(a)),
                text: cx.opt_text(&c.text),
            })
            .collect(),
        retention: retention_lines(cx, p),
        requirement: p
            .requirement
            .as_ref()
            .map(|(kind, text, _)| RequirementView {
                kind: match kind {
                    Requirement::Statutory => "statutory",
                    Requirement::Contractual => "contractual",
                    Requirement::PreContract => "pre-contract",
                    Requirement::Voluntary => "voluntary",
                }
                .into(),
                consequence: cx.opt_text(text),
            }),
        direct_marketing: dm.then(|| {
            let channels: Vec<&str> = p
                .direct_marketing
                .iter()
                .flat_map(|d| d.channels.iter().map(|c| c.name.as_str()))
                .collect();
            if channels.is_empty() {
                cx.t("purpose-dm-yes")
            } else {
                cx.get(
                    "purpose-dm-channels",
                    &[("channels", Arg::Str(cx.labels(channels, Case::Lower)))],
                )
            }
        }),
        soft_opt_in: p
            .soft_opt_in
            .as_ref()
            .map(|f| cx.opt_text(&f.text).unwrap_or_else(|| cx.t("yes"))),
        profiling: profiling.then(|| {
            p.profiling
                .as_ref()
                .and_then(|f| cx.opt_text(&f.text))
                .unwrap_or_else(|| cx.t("yes"))
        }),
        automated: p.automated_decision.as_ref().map(|a| match a {
            AutomatedDecision::None(_) => "none".into(),
            AutomatedDecision::Significant { .. } => "significant".into(),
        }),
        controller: super::parties::purpose_controller(cx, p),
    }
}

fn basis(cx: &Cx, b: &ir::BasisUse) -> BasisView {
    let def = cx.v.bases.get(&b.basis.name);
    let consent = def.is_some_and(|d| d.withdrawable);
    let states_interest = def.is_some_and(|d| d.states_interest);
    let text = cx.opt_text(&b.interest);
    BasisView {
        name: b
            .basis
            .name
            .strip_prefix("std.")
            .unwrap_or(&b.basis.name)
            .to_string(),
        short: upper_first(&cx.basis_short(&b.basis.name)),
        article: def
            .and_then(|d| d.article.as_deref())
            .map(|a| cx.article(a)),
        explain: cx.basis_explain(&b.basis.name, b.statute.as_ref().map(|s| s.name.as_str())),
        when: cx.opt_text(&b.condition),
        states_interest,
        interest: if states_interest { text.clone() } else { None },
        note: if states_interest { None } else { text },
        balancing: cx.opt_text(&b.balancing),
        consent,
        collected: cx
            .opt_text(&b.collected)
            .or_else(|| b.mechanism.as_ref().map(|m| cx.label(&m.name, Case::Upper))),
        withdraw: cx.opt_text(&b.withdraw),
    }
}

fn retention_lines(cx: &Cx, p: &ir::Purpose) -> Vec<RetentionLine> {
    if p.retention.is_empty() {
        return vec![RetentionLine {
            data: None,
            text: cx.t("not-stated"),
            stated: false,
        }];
    }
    p.retention
        .iter()
        .map(|r| RetentionLine {
            data: (!r.data.is_empty())
                .then(|| cx.labels(r.data.iter().map(|d| d.name.as_str()), Case::Upper)),
            text: upper_first(&cx.retention_rule(r)),
            stated: true,
        })
        .collect()
}

fn summary_row(cx: &Cx, p: &ir::Purpose, view: &PurposeView) -> SummaryRow {
    let mut bases: Vec<String> = Vec::new();
    for b in &p.bases {
        let short = cx.lower_first(&cx.basis_short(&b.basis.name));
        if !bases.contains(&short) {
            bases.push(short);
        }
    }
    let basis = if bases.is_empty() {
        cx.t("not-stated-short")
    } else {
        upper_first(&bases.join(", "))
    };
    let retention = view
        .retention
        .iter()
        .map(|r| match (&r.data, r.stated) {
            (_, false) => cx.t("not-stated-short"),
            (Some(d), true) => format!("{d}: {}", cx.lower_first(&r.text)),
            (None, true) => r.text.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ");
    SummaryRow {
        purpose: view.label.clone(),
        id: view.id.clone(),
        data: if p.uses.is_empty() {
            cx.t("not-stated-short")
        } else {
            cx.labels(p.uses.iter().map(|r| r.name.as_str()), Case::Upper)
        },
        basis,
        retention,
    }
}

const ROLE_ORDER: &[&str] = &[
    "processor",
    "sub-processor",
    "joint-controller",
    "independent-controller",
    "group-company",
    "public-authority",
    "acquirer",
    "third-party",
];

fn recipient_label(cx: &Cx, r: &ir::Recipient) -> String {
    match (&r.label, &r.vendor) {
        (Some(l), _) if !l.is_empty() => cx.text(l),
        (_, Some(v)) => cx.label(&v.name, Case::Keep),
        _ => escape(&r.name),
    }
}

/// The role a recipient is listed under: its first role other than `group-company` (which the
/// stdlib says goes with another role), else its first role.
fn primary_role(r: &ir::Recipient) -> Option<&str> {
    let bare = |n: &str| n.strip_prefix("std.").unwrap_or(n).to_string();
    r.roles
        .iter()
        .map(|x| x.name.as_str())
        .find(|n| bare(n) != "group-company")
        .or_else(|| r.roles.first().map(|x| x.name.as_str()))
}

fn recipient_groups(cx: &Cx) -> Vec<RecipientGroup> {
    let mut keys: Vec<Option<&str>> = Vec::new();
    for r in &cx.policy.recipients {
        let k = primary_role(r);
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    let rank = |k: &Option<&str>| match k {
        Some(n) => ROLE_ORDER
            .iter()
            .position(|x| *x == n.strip_prefix("std.").unwrap_or(n))
            .unwrap_or(ROLE_ORDER.len()),
        None => ROLE_ORDER.len() + 1,
    };
    keys.sort_by_key(|k| rank(k));
    keys.into_iter()
        .map(|key| {
            let bare = key.map(|k| k.strip_prefix("std.").unwrap_or(k).to_string());
            let (title, intro) = match (&bare, key) {
                (Some(b), Some(k)) => (
                    cx.m.opt(&format!("role-group-{b}"), &[])
                        .unwrap_or_else(|| cx.label(k, Case::Upper)),
                    cx.m.opt(&format!("role-intro-{b}"), &[])
                        .filter(|s| !s.trim().is_empty()),
                ),
                _ => (
                    cx.t("role-group-none"),
                    cx.m.opt("role-intro-none", &[])
                        .filter(|s| !s.trim().is_empty()),
                ),
            };
            let recipients = cx
                .policy
                .recipients
                .iter()
                .filter(|r| primary_role(r) == key)
                .map(|r| recipient(cx, r, key))
                .collect();
            RecipientGroup {
                role: bare.unwrap_or_else(|| "none".into()),
                title,
                intro,
                recipients,
            }
        })
        .collect()
}

fn recipient(cx: &Cx, r: &ir::Recipient, group: Option<&str>) -> RecipientView {
    let others: Vec<&str> = r
        .roles
        .iter()
        .map(|x| x.name.as_str())
        .filter(|n| Some(*n) != group)
        .collect();
    let receives = r
        .receives
        .iter()
        .map(|x| {
            let data = cx.labels(x.data.iter().map(|d| d.name.as_str()), Case::Lower);
            let purposes: Vec<String> = x
                .purposes
                .iter()
                .map(|p| purpose_link(cx, &p.name))
                .collect();
            cx.get(
                "recipient-receives",
                &[
                    ("data", Arg::Str(data)),
                    (
                        "purposes",
                        Arg::Str(if purposes.is_empty() {
                            "none".into()
                        } else {
                            cx.join(&purposes, "list-and")
                        }),
                    ),
                    ("count", Arg::Num(purposes.len() as i64)),
                ],
            )
        })
        .collect();
    // Only the entity the policy names: the vendor registry's entity strings are not notice texts.
    let entity = r.entity.as_deref().map(escape);
    let label = recipient_label(cx, r);
    RecipientView {
        entity: entity.filter(|e| *e != label),
        label,
        description: cx.opt_text(&r.description),
        roles: (!others.is_empty()).then(|| upper_first(&cx.labels(others, Case::Lower))),
        kind: r.kind.as_ref().map(|k| cx.label(&k.name, Case::Upper)),
        countries: (!r.countries.is_empty())
            .then(|| cx.labels(r.countries.iter().map(|c| c.name.as_str()), Case::Upper)),
        receives,
        arrangement: cx.opt_text(&r.arrangement),
    }
}

/// The transfers to third countries the model knows of: declared, or known from the vendor registry
/// for a recipient that declares no country.
fn transfers(cx: &Cx) -> Vec<TransferView> {
    let mut out = Vec::new();
    for (r, third) in cx.sema.transfers() {
        let third: Vec<&str> = third.iter().map(|p| p.name).collect();
        let safeguards: Vec<SafeguardView> =
            r.safeguards.iter().map(|s| safeguard(cx, s)).collect();
        // Where the policy names no safeguard, an adequacy decision in force for the country is one.
        let adequacy = if safeguards.is_empty() {
            third
                .iter()
                .filter_map(|c| {
                    let a = cx.sema.adequacy_in_force(c)?;
                    Some(cx.get(
                        "transfer-adequacy",
                        &[
                            ("country", Arg::Str(cx.label(c, Case::Keep))),
                            (
                                "decision",
                                Arg::Str(a.decision.as_deref().map(escape).unwrap_or_default()),
                            ),
                        ],
                    ))
                })
                .collect()
        } else {
            Vec::new()
        };
        out.push(TransferView {
            recipient: recipient_label(cx, r),
            countries: cx.labels(third, Case::Keep),
            safeguards,
            adequacy,
            dpf_certified: r.dpf_certified,
        });
    }
    out
}

fn safeguard(cx: &Cx, s: &ir::SafeguardUse) -> SafeguardView {
    let def = cx.v.safeguards.get(&s.safeguard.name);
    let validity = def.and_then(|d| match (d.valid_from, d.valid_until) {
        (_, Some(until)) if until <= cx.as_of => Some(
            cx.get(
                "transfer-invalid",
                &[
                    ("date", Arg::Str(cx.date(until))),
                    (
                        "reason",
                        Arg::Str(
                            d.ended_by
                                .as_deref()
                                .map(escape)
                                .unwrap_or_else(|| "none".into()),
                        ),
                    ),
                ],
            ),
        ),
        (Some(from), _) if from > cx.as_of => {
            Some(cx.get("transfer-not-yet", &[("date", Arg::Str(cx.date(from)))]))
        }
        (Some(from), _) => {
            Some(cx.get("transfer-valid-from", &[("date", Arg::Str(cx.date(from)))]))
        }
        _ => None,
    });
    let needs_copy = def.and_then(|d| d.kind).is_some_and(|k| {
        matches!(
            k,
            SafeguardKind::Scc
                | SafeguardKind::Bcr
                | SafeguardKind::Code
                | SafeguardKind::Certification
        )
    });
    SafeguardView {
        label: cx.label(&s.safeguard.name, Case::Upper),
        instrument: def.and_then(|d| d.instrument.as_deref()).map(escape),
        validity,
        reference: cx.opt_text(&s.reference),
        copy: cx.opt_text(&s.copy),
        needs_copy,
    }
}

/// The purposes that declare profiling. (A purpose kind's `profiling` flag says what such purposes
/// usually do; it does not say that this one profiles.)
fn profiling(cx: &Cx) -> Vec<ProfilingView> {
    cx.policy
        .purposes
        .iter()
        .filter(|p| p.profiling.is_some())
        .map(|p| ProfilingView {
            purpose: purpose_label(cx, p, Case::Keep),
            id: anchor("purpose", &p.name),
            text: p.profiling.as_ref().and_then(|f| cx.opt_text(&f.text)),
        })
        .collect()
}

fn automated(cx: &Cx) -> Vec<AutomatedView> {
    cx.policy
        .purposes
        .iter()
        .filter_map(|p| match &p.automated_decision {
            Some(AutomatedDecision::Significant {
                logic,
                significance,
                consequences,
                safeguards,
                ..
            }) => Some(AutomatedView {
                purpose: purpose_label(cx, p, Case::Keep),
                id: anchor("purpose", &p.name),
                logic: cx.opt_text(logic),
                significance: cx.opt_text(significance),
                consequences: cx.opt_text(consequences),
                safeguards: cx.opt_text(safeguards),
            }),
            _ => None,
        })
        .collect()
}

fn cookies(cx: &Cx) -> Vec<CookieView> {
    cx.policy
        .cookies
        .iter()
        .map(|c| {
            let kind = c.kind.as_ref().and_then(|k| cx.v.cookie_kinds.get(&k.name));
            let purposes: Vec<String> = c
                .purposes
                .iter()
                .map(|p| purpose_link(cx, &p.name))
                .collect();
            CookieView {
                label: c
                    .label
                    .as_ref()
                    .filter(|l| !l.is_empty())
                    .map(|l| cx.text(l))
                    .unwrap_or_else(|| escape(&c.name)),
                description: cx.opt_text(&c.description),
                purposes: (!purposes.is_empty()).then(|| cx.join(&purposes, "list-and")),
                kind: c
                    .kind
                    .as_ref()
                    .map(|k| cx.label(&k.name, Case::Upper))
                    .unwrap_or_else(|| cx.t("not-stated-short")),
                lifetime: match &c.lifetime {
                    Some(Lifetime::Session) => cx.t("cookie-session"),
                    Some(Lifetime::Period(d)) => cx.duration(*d),
                    None => cx.t("not-stated-short"),
                },
                provider: match &c.provider {
                    Some(Provider::Named(n)) => escape(n),
                    Some(Provider::Recipient(r)) => match cx.sema.recipient(&r.name) {
                        Some(x) => recipient_label(cx, x),
                        None => escape(&r.name),
                    },
                    None => cx.t("not-stated-short"),
                },
                consent: match (&c.consent, kind.is_some_and(|k| k.exempt)) {
                    (Some(m), _) => cx.label(&m.name, Case::Upper),
                    (None, true) => cx.t("cookie-consent-exempt"),
                    (None, false) => cx.t("not-stated-short"),
                },
            }
        })
        .collect()
}

/// Rights with subsections of their own; the others are listed.
const OWN_SECTION: &[&str] = &["object-direct-marketing", "withdraw-consent", "complaint"];

fn rights(cx: &Cx) -> RightsView {
    let sema = &cx.sema;
    let r = cx.policy.rights.as_ref();
    let bare = |n: &str| n.strip_prefix("std.").unwrap_or(n).to_string();
    let statement =
        |right: &str| r.and_then(|r| r.rights.iter().find(|s| bare(&s.right.name) == right));
    let items = r
        .map(|r| {
            r.rights
                .iter()
                .filter(|s| !OWN_SECTION.contains(&bare(&s.right.name).as_str()))
                .map(|s| RightView {
                    id: bare(&s.right.name),
                    label: cx.label(&s.right.name, Case::Upper),
                    article: cx
                        .v
                        .rights
                        .get(&s.right.name)
                        .and_then(|x| x.article.as_deref())
                        .map(|a| cx.article(a)),
                    how: cx.opt_text(&s.how).unwrap_or_else(|| {
                        cx.m.opt(&format!("right-desc-{}", bare(&s.right.name)), &[])
                            .or_else(|| cx.description(&s.right.name))
                            .unwrap_or_default()
                    }),
                    scope: (!s.subjects.is_empty()).then(|| {
                        cx.labels(s.subjects.iter().map(|g| g.name.as_str()), Case::Lower)
                    }),
                })
                .collect()
        })
        .unwrap_or_default();
    let dm_stated = sema.direct_marketing_stated();
    let dm: Vec<String> = dm_stated
        .declared()
        .map(|ps| ps.iter().map(|p| purpose_link(cx, &p.name)).collect())
        .unwrap_or_default();
    let consent = sema.any_consent();
    // Only the authorities the policy names: the notice does not pick one for the policy (the right
    // to complain is still explained; `complaint-right-missing` reports the gap).
    let complaints: Vec<AuthorityView> = r
        .map(|r| {
            r.complaints
                .iter()
                .map(|c| authority(cx, &c.authority.name, cx.opt_text(&c.text)))
                .collect()
        })
        .unwrap_or_default();
    let dm_listed = statement("object-direct-marketing").is_some();
    RightsView {
        exercise: r.and_then(|r| cx.opt_text(&r.exercise)),
        items,
        direct_marketing: !dm.is_empty() || dm_listed,
        dm_stated: if dm_listed {
            "declared".into()
        } else {
            dm_stated.word().into()
        },
        dm_purposes: (!dm.is_empty()).then(|| cx.join(&dm, "list-and")),
        dm_how: statement("object-direct-marketing").and_then(|s| cx.opt_text(&s.how)),
        consent: consent || statement("withdraw-consent").is_some(),
        consent_stated: if consent {
            "declared".into()
        } else {
            basis_stated(cx, |b| b.withdrawable).into()
        },
        withdraw_how: statement("withdraw-consent").and_then(|s| cx.opt_text(&s.how)),
        complaints,
    }
}

fn authority(cx: &Cx, name: &str, text: Option<String>) -> AuthorityView {
    let a = cx.v.authorities.get(name);
    AuthorityView {
        name: cx.label(name, Case::Keep),
        addresses: a
            .map(|a| {
                a.addresses
                    .iter()
                    .map(|t| cx.text_as(t, Case::Keep, false))
                    .collect()
            })
            .unwrap_or_default(),
        email: a.and_then(|a| a.email.as_deref()).map(link),
        phone: a.and_then(|a| a.phone.as_deref()).map(escape),
        web: a.and_then(|a| a.web.as_deref()).map(link),
        text,
    }
}

/// The data of a purpose as the notice lists it: each category, marked where it is optional (`uses
/// phone if-provided`) or collected about some of the purpose's subjects only (`uses education for
/// pupil`). Without such marks, the plain list of labels.
fn purpose_data(cx: &Cx, p: &ir::Purpose) -> Option<String> {
    // The policy's own purpose, with the lifetime `sema` answers for.
    let p = cx.sema.purpose(&p.name)?;
    if p.uses.is_empty() {
        return None;
    }
    if p.data_uses
        .iter()
        .all(|u| u.subjects.is_empty() && u.if_provided.is_none())
    {
        return Some(cx.labels(p.uses.iter().map(|r| r.name.as_str()), Case::Lower));
    }
    let mut seen: Vec<&str> = Vec::new();
    let mut items: Vec<String> = Vec::new();
    for u in &p.data_uses {
        let name = u.data.name.as_str();
        if seen.contains(&name) {
            continue;
        }
        seen.push(name);
        let mut notes: Vec<String> = Vec::new();
        if cx.sema.is_optional(p, name) {
            notes.push(cx.t("data-if-provided"));
        }
        if cx.sema.use_is_scoped(p, name) {
            let groups = cx.labels(
                cx.sema
                    .use_subjects(p, name)
                    .iter()
                    .map(|g| g.name.as_str()),
                Case::Lower,
            );
            notes.push(cx.get(
                "data-only-about",
                &[("subjects", super::i18n::Arg::from(groups))],
            ));
        }
        let label = cx.label(name, Case::Lower);
        items.push(if notes.is_empty() {
            label
        } else {
            format!("{label} ({})", notes.join("; "))
        });
    }
    Some(cx.join(&items, "list-and"))
}
