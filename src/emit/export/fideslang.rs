//! `vern export --format fideslang`: a Fides manifest (fideslang 3 YAML).
//!
//! - `organization`: the controller, with its contact, DPO and representative.
//! - `system`: one for the controller's own processing (`responsibility: [Controller]`), with a
//!   privacy declaration per purpose and legal basis (fideslang has one basis per declaration); and
//!   one per recipient, with a declaration per purpose it receives data for, and the third countries it
//!   reaches.
//! - `data_category`, `data_use`, `data_subject`: custom taxonomy entries for the policy's terms that
//!   have no fideslang term in the stdlib (`fideslang` properties), each under the nearest fideslang
//!   term it refines (`user` for data otherwise), so that the manifest uses only keys it defines or
//!   fideslang's default taxonomy has.
//!
//! Booleans such as `uses_profiling` or `does_international_transfers` are written only when the
//! policy declares them one way or the other: fideslang's default is not vern's "not stated".

use std::collections::BTreeSet;

use serde::Serialize;

use super::{Cx, model};

#[derive(Serialize, Debug, Default)]
pub struct Manifest {
    pub organization: Vec<Organization>,
    pub system: Vec<System>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub data_category: Vec<TaxonomyEntry>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub data_use: Vec<TaxonomyEntry>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub data_subject: Vec<TaxonomyEntry>,
}

#[derive(Serialize, Debug)]
pub struct Organization {
    pub fides_key: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub controller: Option<ContactDetails>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_protection_officer: Option<ContactDetails>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub representative: Option<ContactDetails>,
}

#[derive(Serialize, Debug, Default)]
pub struct ContactDetails {
    pub name: String,
    pub address: String,
    pub email: String,
    pub phone: String,
}

#[derive(Serialize, Debug)]
pub struct System {
    pub fides_key: String,
    pub organization_fides_key: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub system_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_address: Option<String>,
    pub responsibility: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub privacy_policy: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dpo: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uses_profiling: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub does_international_transfers: Option<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub legal_basis_for_transfers: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uses_cookies: Option<bool>,
    pub privacy_declarations: Vec<PrivacyDeclaration>,
    /// What vern knows that fideslang has no field for: the third countries, the vern names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<SystemMeta>,
}

#[derive(Serialize, Debug)]
pub struct SystemMeta {
    /// The vern recipient (or `controller`) this system stands for.
    pub vern_id: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub third_countries: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub safeguards: Vec<String>,
}

#[derive(Serialize, Debug)]
pub struct PrivacyDeclaration {
    pub name: String,
    pub data_categories: Vec<String>,
    pub data_use: String,
    pub data_subjects: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_basis_for_processing: Option<String>,
    pub flexible_legal_basis_for_processing: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retention_period: Option<String>,
    pub processes_special_category_data: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub special_category_legal_basis: Option<String>,
    pub data_shared_with_third_parties: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub third_parties: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shared_categories: Vec<String>,
}

#[derive(Serialize, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct TaxonomyEntry {
    pub fides_key: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_key: Option<String>,
}

/// The top of fideslang's personal-data categories, under which unmapped categories are placed.
const USER: &str = "user";
/// The parent of the custom data uses for purposes with no fideslang term.
const VERN_USE: &str = "vern";

pub fn render(cx: &Cx) -> Result<String, String> {
    let manifest = manifest(cx);
    serde_yaml_ng::to_string(&manifest).map_err(|e| format!("cannot write the Fides manifest: {e}"))
}

/// Custom taxonomy entries collected while mapping.
#[derive(Default)]
struct Custom {
    data: BTreeSet<TaxonomyEntry>,
    uses: BTreeSet<TaxonomyEntry>,
    subjects: BTreeSet<TaxonomyEntry>,
}

pub fn manifest(cx: &Cx) -> Manifest {
    let m = &cx.model;
    let mut custom = Custom::default();
    let org_key = m
        .controller
        .as_ref()
        .map(|c| key(&c.id))
        .unwrap_or_else(|| "controller".to_string());
    let organization = Organization {
        fides_key: org_key.clone(),
        name: m
            .controller
            .as_ref()
            .and_then(|c| c.contact.name.clone())
            .unwrap_or_else(|| org_key.clone()),
        description: m
            .controller
            .as_ref()
            .and_then(|c| cx.opt_text(&c.description)),
        controller: m.controller.as_ref().map(|c| contact(cx, &c.contact)),
        data_protection_officer: m
            .controller
            .as_ref()
            .and_then(|c| c.dpo.as_ref())
            .filter(|d| d.appointed)
            .map(|d| contact(cx, &d.contact)),
        representative: m
            .controller
            .as_ref()
            .and_then(|c| c.representative.as_ref())
            .map(|r| contact(cx, r)),
    };

    let mut declarations = Vec::new();
    for p in &m.purposes {
        let data_use = data_use(cx, p, &mut custom);
        let used = categories(cx, &p.data, &mut custom);
        let subjects = subjects(cx, &p.subjects, &mut custom);
        let special = p.data.iter().any(|d| cx.sema.data_has(d, |c| c.special));
        let special_basis = p
            .special_category_conditions
            .iter()
            .find_map(|c| basis_key(cx, &c.condition));
        let shared = cx.recipients_of(&p.id);
        let third_parties: Vec<String> =
            shared.iter().map(|(r, _)| cx.recipient_title(r)).collect();
        let mut shared_categories = BTreeSet::new();
        for (_, data) in &shared {
            shared_categories.extend(categories(cx, data, &mut custom));
        }
        let retention = (!p.retention.is_empty()).then(|| cx.purpose_retention(p));
        for (name, b) in split_by_basis(cx, p) {
            declarations.push(PrivacyDeclaration {
                name,
                data_categories: used.clone(),
                data_use: data_use.clone(),
                data_subjects: subjects.clone(),
                legal_basis_for_processing: b.and_then(|b| basis_key(cx, &b.basis)),
                flexible_legal_basis_for_processing: false,
                retention_period: retention.clone(),
                processes_special_category_data: special,
                special_category_legal_basis: special_basis.clone(),
                data_shared_with_third_parties: !shared.is_empty(),
                third_parties: (!third_parties.is_empty()).then(|| third_parties.join(", ")),
                shared_categories: shared_categories.iter().cloned().collect(),
            });
        }
    }
    let any_profiling = m.purposes.iter().any(|p| p.profiling.is_some());
    let transfers: Vec<&model::Recipient> = m
        .recipients
        .iter()
        .filter(|r| cx.locations(r).iter().any(|l| l.third_country))
        .collect();
    let mut transfer_bases = BTreeSet::new();
    for r in &transfers {
        transfer_bases.extend(
            r.safeguards
                .iter()
                .filter_map(|s| transfer_basis(cx, &s.safeguard)),
        );
    }
    let controller_system = System {
        fides_key: format!("{org_key}-processing"),
        organization_fides_key: org_key.clone(),
        name: cx
            .text(&m.policy.title)
            .unwrap_or_else(|| organization.name.clone()),
        description: cx.opt_text(&m.policy.description),
        system_type: "Processing activities".to_string(),
        legal_name: m.controller.as_ref().and_then(|c| c.contact.name.clone()),
        legal_address: m
            .controller
            .as_ref()
            .and_then(|c| c.contact.addresses.first())
            .and_then(|a| cx.text(a)),
        responsibility: vec!["Controller".to_string()],
        privacy_policy: m.policy.url.clone(),
        dpo: m
            .controller
            .as_ref()
            .and_then(|c| c.dpo.as_ref())
            .filter(|d| d.appointed)
            .map(|d| {
                [d.contact.name.clone(), d.contact.email.clone()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .filter(|s| !s.is_empty()),
        uses_profiling: if any_profiling {
            Some(true)
        } else if cx.declares_none("profiling") {
            Some(false)
        } else {
            None
        },
        does_international_transfers: if !transfers.is_empty() {
            Some(true)
        } else if cx.declares_none("transfers") {
            Some(false)
        } else {
            None
        },
        legal_basis_for_transfers: transfer_bases.into_iter().collect(),
        uses_cookies: if !m.cookies.is_empty() {
            Some(true)
        } else if cx.declares_none("cookies") {
            Some(false)
        } else {
            None
        },
        privacy_declarations: declarations,
        meta: Some(SystemMeta {
            vern_id: "controller".to_string(),
            third_countries: Vec::new(),
            safeguards: Vec::new(),
        }),
    };
    let mut systems = vec![controller_system];
    for r in &m.recipients {
        systems.push(recipient_system(cx, r, &org_key, &mut custom));
    }
    let mut data_category: Vec<TaxonomyEntry> = custom.data.into_iter().collect();
    data_category.sort_by(|a, b| a.fides_key.cmp(&b.fides_key));
    let mut data_use: Vec<TaxonomyEntry> = custom.uses.into_iter().collect();
    if !data_use.is_empty() {
        data_use.insert(
            0,
            TaxonomyEntry {
                fides_key: VERN_USE.to_string(),
                name: "Purposes of a vern policy".to_string(),
                description: Some(
                    "Purposes for which the policy's vocabulary has no fideslang data use"
                        .to_string(),
                ),
                parent_key: None,
            },
        );
    }
    Manifest {
        organization: vec![organization],
        system: systems,
        data_category,
        data_use,
        data_subject: custom.subjects.into_iter().collect(),
    }
}

/// A purpose's declarations: one per legal basis (fideslang has one basis per declaration), named by
/// the purpose, and, when it has several, by the case each basis covers (or the basis).
fn split_by_basis<'m>(
    cx: &Cx,
    p: &'m model::Purpose,
) -> Vec<(String, Option<&'m model::LegalBasis>)> {
    let title = cx.purpose_title(p);
    if p.legal_bases.len() <= 1 {
        return vec![(title, p.legal_bases.first())];
    }
    p.legal_bases
        .iter()
        .map(|b| {
            let case = cx
                .opt_text(&b.applies_when)
                .unwrap_or_else(|| cx.label(&b.basis));
            (format!("{title} ({case})"), Some(b))
        })
        .collect()
}

fn recipient_system(cx: &Cx, r: &model::Recipient, org_key: &str, custom: &mut Custom) -> System {
    let mut declarations = Vec::new();
    for x in &r.receives {
        for purpose in &x.purposes {
            let Some(p) = cx.purpose(purpose) else {
                continue;
            };
            for (name, b) in split_by_basis(cx, p) {
                declarations.push(PrivacyDeclaration {
                    name: format!("{name} ({})", cx.recipient_title(r)),
                    data_categories: categories(cx, &x.data, custom),
                    data_use: data_use(cx, p, custom),
                    data_subjects: subjects(cx, &p.subjects, custom),
                    legal_basis_for_processing: b.and_then(|b| basis_key(cx, &b.basis)),
                    flexible_legal_basis_for_processing: false,
                    retention_period: None,
                    processes_special_category_data: x
                        .data
                        .iter()
                        .any(|d| cx.sema.data_has(d, |c| c.special)),
                    special_category_legal_basis: None,
                    data_shared_with_third_parties: false,
                    third_parties: None,
                    shared_categories: Vec::new(),
                });
            }
        }
    }
    let locations = cx.locations(r);
    let third: Vec<String> = locations
        .iter()
        .filter(|l| l.third_country)
        .map(|l| l.id.clone())
        .collect();
    let responsibility = r
        .roles
        .iter()
        .filter_map(|role| match plain(role) {
            "processor" => Some("Processor"),
            "sub-processor" => Some("Sub-Processor"),
            "independent-controller" | "joint-controller" | "controller" => Some("Controller"),
            _ => None,
        })
        .map(str::to_string)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    System {
        fides_key: key(&r.id),
        organization_fides_key: org_key.to_string(),
        name: cx
            .opt_text(&r.label)
            .unwrap_or_else(|| cx.recipient_title(r)),
        description: cx.opt_text(&r.description),
        system_type: "Third Party".to_string(),
        legal_name: r.entity.clone(),
        legal_address: None,
        responsibility,
        privacy_policy: None,
        dpo: None,
        uses_profiling: None,
        does_international_transfers: if !third.is_empty() {
            Some(true)
        } else if !locations.is_empty() {
            Some(false)
        } else {
            None
        },
        legal_basis_for_transfers: r
            .safeguards
            .iter()
            .filter(|_| !third.is_empty())
            .filter_map(|s| transfer_basis(cx, &s.safeguard))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect(),
        uses_cookies: None,
        privacy_declarations: declarations,
        meta: Some(SystemMeta {
            vern_id: r.id.clone(),
            third_countries: third,
            safeguards: r.safeguards.iter().map(|s| s.safeguard.clone()).collect(),
        }),
    }
}

fn plain(name: &str) -> &str {
    super::plain(name)
}

/// A vern name as a fides key (`std.email` as `email`).
fn key(name: &str) -> String {
    plain(name)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn contact(cx: &Cx, c: &model::Contact) -> ContactDetails {
    ContactDetails {
        name: c.name.clone().unwrap_or_default(),
        address: c
            .addresses
            .iter()
            .filter_map(|a| cx.text(a))
            .collect::<Vec<_>>()
            .join("; "),
        email: c.email.clone().unwrap_or_default(),
        phone: c.phone.clone().unwrap_or_default(),
    }
}

/// The fideslang legal basis of a vern basis, from its stdlib `fideslang` property.
fn basis_key(cx: &Cx, basis: &str) -> Option<String> {
    cx.sema
        .vocab
        .bases
        .get(basis)
        .and_then(|b| b.fideslang.clone())
}

/// fideslang's `legal_basis_for_transfers` word for a safeguard, by its kind in the stdlib.
fn transfer_basis(cx: &Cx, safeguard: &str) -> Option<String> {
    use crate::ir::SafeguardKind as K;
    let kind = cx.sema.vocab.safeguards.get(safeguard)?.kind?;
    Some(
        match kind {
            K::Adequacy | K::Dpf => "Adequacy Decision",
            K::Scc => "SCCs",
            K::Bcr => "BCRs",
            K::Code | K::Certification | K::Derogation => "Other",
            K::None => return None,
        }
        .to_string(),
    )
}

/// The fideslang keys of data categories: each category's own term or that of the nearest category it
/// refines; a category with neither stands for what it includes; else a custom key under `user`.
fn categories(cx: &Cx, names: &[String], custom: &mut Custom) -> Vec<String> {
    let mut out = BTreeSet::new();
    for n in names {
        category_keys(cx, n, custom, &mut out, 0);
    }
    out.into_iter().collect()
}

fn category_keys(
    cx: &Cx,
    name: &str,
    custom: &mut Custom,
    out: &mut BTreeSet<String>,
    depth: usize,
) {
    if depth > 32 {
        return;
    }
    let chain = cx.sema.data_chain(name);
    if let Some(k) = chain.iter().find_map(|d| d.fideslang.clone()) {
        out.insert(k);
        return;
    }
    let includes: Vec<String> = chain
        .first()
        .map(|d| d.includes.iter().map(|r| r.name.to_string()).collect())
        .unwrap_or_default();
    if !includes.is_empty() {
        for i in includes {
            category_keys(cx, &i, custom, out, depth + 1);
        }
        return;
    }
    let k = format!("{USER}.{}", key(name));
    custom.data.insert(TaxonomyEntry {
        fides_key: k.clone(),
        name: cx.label(name),
        description: cx
            .sema
            .vocab
            .data
            .get(name)
            .and_then(|d| d.entry.description.as_ref())
            .and_then(|t| cx.text(&t.by_lang)),
        parent_key: Some(USER.to_string()),
    });
    out.insert(k);
}

/// The fideslang data use of a purpose: its own or its kind's term, else a custom use under `vern`.
fn data_use(cx: &Cx, p: &model::Purpose, custom: &mut Custom) -> String {
    if let Some(k) = &p.fideslang {
        return k.clone();
    }
    let k = format!("{VERN_USE}.{}", key(&p.id));
    custom.uses.insert(TaxonomyEntry {
        fides_key: k.clone(),
        name: cx.purpose_title(p),
        description: cx.opt_text(&p.description),
        parent_key: Some(VERN_USE.to_string()),
    });
    k
}

/// The fideslang data subjects: each subject's own term or that of what it refines, else custom.
fn subjects(cx: &Cx, names: &[String], custom: &mut Custom) -> Vec<String> {
    let mut out = BTreeSet::new();
    for n in names {
        match cx
            .sema
            .subject_chain(n)
            .iter()
            .find_map(|s| s.fideslang.clone())
        {
            Some(k) => {
                out.insert(k);
            }
            None => {
                let k = key(n);
                custom.subjects.insert(TaxonomyEntry {
                    fides_key: k.clone(),
                    name: cx.label(n),
                    description: cx
                        .sema
                        .vocab
                        .subjects
                        .get(n.as_str())
                        .and_then(|s| s.entry.description.as_ref())
                        .and_then(|t| cx.text(&t.by_lang)),
                    parent_key: None,
                });
                out.insert(k);
            }
        }
    }
    out.into_iter().collect()
}
