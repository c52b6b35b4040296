//! Stage 5, emit: the checked policy to artefacts. `policy` writes the compiled JSON model; its schema
//! comes from `schema`. Pure functions: the CLI decides where the bytes go.

pub mod export;
pub mod model;
pub mod notice;
pub mod records;

use crate::ir::{self, Date, Policy, Text, Vocabulary};
use crate::sema::Sema;
use crate::syntax::ast::Duration;
use model::*;

/// The JSON Schema of `policy.json` (JSON Schema 2020-12), as the artefact is serialised.
pub fn policy_schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let mut schema = generator.into_root_schema_for::<CompiledPolicy>();
    schema.insert("$id".into(), "https://vern.dev/schema/policy-1.json".into());
    schema.to_value()
}

/// `policy.json`, pretty-printed with a final newline; byte-identical for the same input.
pub fn policy_json(policy: &Policy, as_of: Date) -> String {
    let compiled = compile(policy, as_of);
    let mut out = serde_json::to_string_pretty(&compiled).unwrap_or_default();
    out.push('\n');
    out
}

pub fn compile(policy: &Policy, as_of: Date) -> CompiledPolicy {
    let v = &policy.vocab;
    let sema = Sema::new(policy, as_of);
    CompiledPolicy {
        format: FORMAT.to_string(),
        compiler: env!("CARGO_PKG_VERSION").to_string(),
        as_of: as_of.to_string(),
        policy: meta(policy),
        controller: policy.controller.as_ref().map(controller),
        other_controllers: policy.other_controllers.iter().map(controller).collect(),
        joint_arrangements: policy.joints.iter().map(joint_arrangement).collect(),
        data_categories: policy
            .data
            .iter()
            .filter_map(|n| v.data.get(n))
            .map(|d| data_category(&sema, d))
            .collect(),
        data_subjects: policy
            .subjects
            .iter()
            .filter_map(|n| v.subjects.get(n))
            .map(|s| subject(&sema, s))
            .collect(),
        purposes: policy.purposes.iter().map(|p| purpose(&sema, p)).collect(),
        recipients: policy
            .recipients
            .iter()
            .map(|r| recipient(&sema, r))
            .collect(),
        cookies: policy.cookies.iter().map(cookie).collect(),
        rights: policy.rights.as_ref().map(|r| rights(r, v)),
    }
}

fn controller(c: &ir::Controller) -> Controller {
    Controller {
        id: c.name.to_string(),
        contact: contact(&c.contact),
        org_number: c.org_number.as_ref().map(|(n, _)| n.clone()),
        representative: c.representative.as_ref().map(contact),
        description: opt_text(&c.description),
        dpo: c.dpo.as_ref().map(|d| match d {
            ir::Dpo::Appointed(c) => Dpo {
                appointed: true,
                contact: contact(c),
            },
            ir::Dpo::None(_) => Dpo {
                appointed: false,
                contact: Contact::default(),
            },
        }),
        acts_as_processor_for: c.acts_as.iter().map(|r| text(&r.on_behalf_of)).collect(),
    }
}

fn joint_arrangement(j: &ir::Joint) -> JointArrangement {
    JointArrangement {
        id: j.name.to_string(),
        label: opt_text(&j.label),
        description: opt_text(&j.description),
        controllers: names(&j.controllers),
        purposes: names(&j.purposes),
        responsibilities: j
            .responsibilities
            .iter()
            .flatten()
            .map(|r| JointResponsibility {
                obligation: r.duty.key().to_string(),
                controllers: names(&r.controllers),
                text: opt_text(&r.text),
            })
            .collect(),
        essence: opt_text(&j.essence),
        contact_controller: match &j.contact {
            Some(ir::JointContact::Controller(r)) => Some(r.name.to_string()),
            _ => None,
        },
        contact: match &j.contact {
            Some(ir::JointContact::Details(c)) => Some(contact(c)),
            _ => None,
        },
    }
}

fn text(t: &Text) -> model::Text {
    t.by_lang.to_map()
}

fn opt_text(t: &Option<Text>) -> Option<model::Text> {
    t.as_ref().map(text)
}

fn names(refs: &[ir::Ref]) -> Vec<String> {
    refs.iter().map(|r| r.name.to_string()).collect()
}

/// ISO 8601: `P5Y`, `P3Y6M`, `P90D`.
pub fn iso_duration(d: Duration) -> String {
    let (y, m) = (d.months / 12, d.months % 12);
    let mut s = String::from("P");
    if y > 0 {
        s.push_str(&format!("{y}Y"));
    }
    if m > 0 {
        s.push_str(&format!("{m}M"));
    }
    if d.days > 0 || s.len() == 1 {
        s.push_str(&format!("{}D", d.days));
    }
    s
}

fn meta(policy: &Policy) -> PolicyMeta {
    match &policy.meta {
        Some(m) => PolicyMeta {
            title: text(&m.title),
            languages: m.languages.clone(),
            updated: m.updated.map(|d| d.to_string()),
            version: m.version.clone(),
            url: m.url.clone(),
            audience: names(&m.audience),
            description: opt_text(&m.description),
            declares_none: m
                .negatives
                .iter()
                .map(|(n, _)| n.key().to_string())
                .collect(),
            default_source: m.default_source.map(|(k, _)| k),
            accepted_by_use: m.accepted_by_use.as_ref().map(|(t, _)| text(t)),
        },
        None => PolicyMeta {
            title: Default::default(),
            languages: Vec::new(),
            updated: None,
            version: None,
            url: None,
            audience: Vec::new(),
            description: None,
            declares_none: Vec::new(),
            default_source: None,
            accepted_by_use: None,
        },
    }
}

fn contact(c: &ir::Contact) -> Contact {
    Contact {
        name: c.name.clone(),
        addresses: c.addresses.iter().map(text).collect(),
        email: c.email.clone(),
        phone: c.phone.clone(),
        web: c.web.clone(),
        country: c.country.as_ref().map(|r| r.name.to_string()),
        region: c.region.as_ref().map(|r| r.name.to_string()),
    }
}

fn origin(e: &ir::Entry) -> String {
    e.module.clone().unwrap_or_else(|| "policy".into())
}

fn data_category(sema: &Sema, d: &ir::DataCategory) -> DataCategory {
    let name = d.entry.name.as_str();
    DataCategory {
        id: d.entry.name.to_string(),
        label: text(&d.entry.label),
        description: opt_text(&d.entry.description),
        origin: origin(&d.entry),
        refines: d.parent.as_ref().map(|r| r.name.to_string()),
        includes: names(&d.includes),
        special: sema.is_special(name),
        criminal: sema.is_criminal(name),
        identifier: d.identifier,
        quasi_identifier: d.quasi_identifier,
        national_id: sema.is_national_id(name),
        anonymous: d.anonymous.is_some(),
        pseudonymised: sema.data_is(name, |c| c.pseudonymised),
        anonymity_doubted: sema.anonymity(name) == crate::sema::Anonymity::Doubted,
        justification: opt_text(&d.justification),
        sources: d
            .sources
            .iter()
            .map(|s| DataSource {
                kind: s.kind,
                text: opt_text(&s.text),
            })
            .collect(),
        source_unstated: d.source_unstated.is_some(),
        fields: d
            .fields
            .iter()
            .map(|f| Field {
                name: f.name.clone(),
                ty: f.ty.clone(),
                optional: f.optional,
                label: opt_text(&f.label),
            })
            .collect(),
        dpv: d.dpv.clone(),
        fideslang: d.fideslang.clone(),
    }
}

fn subject(sema: &Sema, s: &ir::Subject) -> Subject {
    Subject {
        id: s.entry.name.to_string(),
        label: text(&s.entry.label),
        description: opt_text(&s.entry.description),
        origin: origin(&s.entry),
        refines: s.parent.as_ref().map(|r| r.name.to_string()),
        child: sema.is_child(&s.entry.name),
        min_age: sema.min_age(&s.entry.name),
        dpv: s.dpv.clone(),
        fideslang: s.fideslang.clone(),
    }
}

fn purpose<'a>(sema: &Sema<'a>, p: &'a ir::Purpose) -> Purpose {
    let v = sema.vocab;
    let traits = sema.traits(p);
    Purpose {
        id: p.name.to_string(),
        kind: p.kind.as_ref().map(|r| r.name.to_string()),
        label: opt_text(&p.label),
        description: opt_text(&p.description),
        data: names(&p.uses),
        subjects: names(&p.about),
        legal_bases: p
            .bases
            .iter()
            .map(|b| LegalBasis {
                basis: b.basis.name.to_string(),
                article: v.bases.get(&b.basis.name).and_then(|x| x.article.clone()),
                interest: opt_text(&b.interest),
                applies_when: opt_text(&b.condition),
                statute: b.statute.as_ref().map(|s| s.name.to_string()),
                consent: (b.mechanism.is_some() || b.collected.is_some() || b.withdraw.is_some())
                    .then(|| Consent {
                        mechanism: b.mechanism.as_ref().map(|m| m.name.to_string()),
                        collected: opt_text(&b.collected),
                        withdraw: opt_text(&b.withdraw),
                    }),
                balancing: opt_text(&b.balancing),
            })
            .collect(),
        special_category_conditions: p
            .conditions
            .iter()
            .map(|c| Art9Condition {
                condition: c.basis.name.to_string(),
                article: v.bases.get(&c.basis.name).and_then(|x| x.article.clone()),
                text: opt_text(&c.text),
            })
            .collect(),
        retention: p
            .retention
            .iter()
            .map(|r| RetentionRule {
                data: names(&r.data),
                rule: retention(&r.retention),
                qualifier: r.qualifier.map(|(q, _)| q),
                then_anonymise: r.then_anonymise.is_some(),
            })
            .collect(),
        requirement: p
            .requirement
            .as_ref()
            .map(|(kind, t, _)| RequirementStatement {
                kind: *kind,
                consequence: opt_text(t),
            }),
        direct_marketing: p.direct_marketing.as_ref().map(|d| DirectMarketing {
            channels: names(&d.channels),
        }),
        soft_opt_in: p.soft_opt_in.as_ref().map(|f| Statement {
            text: opt_text(&f.text),
        }),
        profiling: p.profiling.as_ref().map(|f| Statement {
            text: opt_text(&f.text),
        }),
        automated_decision: p.automated_decision.as_ref().map(|a| match a {
            ir::AutomatedDecision::None(_) => AutomatedDecision {
                significant_effect: false,
                logic: None,
                significance: None,
                consequences: None,
                safeguards: None,
            },
            ir::AutomatedDecision::Significant {
                logic,
                significance,
                consequences,
                safeguards,
                ..
            } => AutomatedDecision {
                significant_effect: true,
                logic: opt_text(logic),
                significance: opt_text(significance),
                consequences: opt_text(consequences),
                safeguards: opt_text(safeguards),
            },
        }),
        expects: traits.expects.iter().map(|r| r.name.to_string()).collect(),
        tracking: traits.tracking,
        statute_bound: traits.statute_bound,
        dpv: traits.dpv.map(str::to_string),
        fideslang: traits.fideslang.map(str::to_string),
        optional_data: sema
            .optional_data(p)
            .into_iter()
            .map(str::to_string)
            .collect(),
        data_scopes: data_scopes(sema, p),
        controller: p.controller.as_ref().map(|r| r.name.to_string()),
        controllers: if sema.several_controllers() {
            match sema.responsible_for(p) {
                crate::sema::Responsible::Sole(c) => vec![c.name.to_string()],
                crate::sema::Responsible::Joint(j) => names(&j.controllers),
                _ => Vec::new(),
            }
        } else {
            Vec::new()
        },
        joint_arrangement: sema.joint_of(&p.name).map(|j| j.name.to_string()),
    }
}

/// The purpose's data collected about some of its subjects only, in order of use.
fn data_scopes<'a>(sema: &Sema<'a>, p: &'a ir::Purpose) -> Vec<DataScope> {
    let mut out: Vec<DataScope> = Vec::new();
    for u in &p.data_uses {
        if out.iter().any(|s| s.data == u.data.name) || !sema.use_is_scoped(p, &u.data.name) {
            continue;
        }
        out.push(DataScope {
            data: u.data.name.to_string(),
            subjects: sema
                .use_subjects(p, &u.data.name)
                .iter()
                .map(|r| r.name.to_string())
                .collect(),
        });
    }
    out
}

pub fn retention(r: &ir::Retention) -> Retention {
    match r {
        ir::Retention::Period { period, after } => Retention::Period {
            period: iso_duration(*period),
            after: after.as_ref().map(|e| e.name.to_string()),
        },
        ir::Retention::Until { event, plus } => Retention::Until {
            event: event.name.to_string(),
            plus: plus.map(iso_duration),
        },
        ir::Retention::Statute {
            statute,
            family,
            stated,
            up_to,
            after,
        } => Retention::Statute {
            statute: statute.name.to_string(),
            family: *family,
            stated: stated.map(iso_duration),
            up_to: *up_to,
            after: after.as_ref().map(|e| e.name.to_string()),
        },
        ir::Retention::FirstOf(options) => Retention::FirstOf {
            options: options.iter().map(retention).collect(),
        },
        ir::Retention::Indefinite { ground } => Retention::Indefinite { ground: *ground },
    }
}

fn recipient<'a>(sema: &Sema<'a>, r: &'a ir::Recipient) -> Recipient {
    let v = sema.vocab;
    let location = |p: &crate::sema::Place| Location {
        id: p.name.to_string(),
        third_country: p.third_country,
    };
    let places = sema.places(r);
    let (declared, vendor): (Vec<_>, Vec<_>) = places
        .iter()
        .partition(|p| p.origin == crate::sema::PlaceOrigin::Declared);
    Recipient {
        id: r.name.to_string(),
        label: opt_text(&r.label),
        description: opt_text(&r.description),
        vendor: r.vendor.as_ref().map(|x| x.name.to_string()),
        entity: r.entity.clone(),
        roles: names(&r.roles),
        kind: r.kind.as_ref().map(|k| k.name.to_string()),
        locations: declared.into_iter().map(location).collect(),
        vendor_locations: vendor.into_iter().map(location).collect(),
        safeguards: r
            .safeguards
            .iter()
            .map(|s| SafeguardUse {
                safeguard: s.safeguard.name.to_string(),
                instrument: v
                    .safeguards
                    .get(&s.safeguard.name)
                    .and_then(|x| x.instrument.clone()),
                reference: opt_text(&s.reference),
                copy: opt_text(&s.copy),
                module: s.module.clone(),
            })
            .collect(),
        receives: r
            .receives
            .iter()
            .map(|x| Receives {
                data: names(&x.data),
                purposes: names(&x.purposes),
            })
            .collect(),
        arrangement: opt_text(&r.arrangement),
        dpf_certified: r.dpf_certified,
    }
}

fn cookie(c: &ir::Cookie) -> Cookie {
    Cookie {
        id: c.name.to_string(),
        label: opt_text(&c.label),
        description: opt_text(&c.description),
        provider: c.provider.as_ref().map(|p| match p {
            ir::Provider::Named(n) => n.clone(),
            ir::Provider::Recipient(r) => r.name.to_string(),
        }),
        kind: c.kind.as_ref().map(|k| k.name.to_string()),
        lifetime: c.lifetime.as_ref().map(|l| match l {
            ir::Lifetime::Session => "session".to_string(),
            ir::Lifetime::Period(d) => iso_duration(*d),
        }),
        consent: c.consent.as_ref().map(|m| m.name.to_string()),
        purposes: names(&c.purposes),
    }
}

fn rights(r: &ir::Rights, v: &Vocabulary) -> Rights {
    Rights {
        exercise: opt_text(&r.exercise),
        rights: r
            .rights
            .iter()
            .map(|s| RightStatement {
                right: s.right.name.to_string(),
                article: v.rights.get(&s.right.name).and_then(|x| x.article.clone()),
                how: opt_text(&s.how),
                subjects: names(&s.subjects),
            })
            .collect(),
        complaints: r
            .complaints
            .iter()
            .map(|c| {
                let a = v.authorities.get(&c.authority.name);
                Complaint {
                    authority: c.authority.name.to_string(),
                    name: a.map(|a| text(&a.entry.label)).unwrap_or_default(),
                    text: opt_text(&c.text),
                    addresses: a
                        .map(|a| a.addresses.iter().map(text).collect())
                        .unwrap_or_default(),
                    email: a.and_then(|a| a.email.clone()),
                    phone: a.and_then(|a| a.phone.clone()),
                    web: a.and_then(|a| a.web.clone()),
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_statutory_retention_keeps_the_event_it_counts_from() {
        let mut db = crate::db::Database::new();
        let text = "use std.no\npurpose books {\n  retain 6y after end-of-accounting-year as bookkeeping\n}\n";
        let file = db.set_file("p.vern", text.to_string());
        let policy = &crate::resolve::resolve_policy(&db, file).policy;
        let json = policy_json(policy, Date::constant(2026, 11, 22));
        assert!(
            json.contains("\"after\": \"end-of-accounting-year\""),
            "{json}"
        );
        assert!(json.contains("\"stated\": \"P6Y\""), "{json}");
    }

    #[test]
    fn durations_are_iso_8601() {
        assert_eq!(
            iso_duration(Duration {
                months: 60,
                days: 0
            }),
            "P5Y"
        );
        assert_eq!(
            iso_duration(Duration {
                months: 42,
                days: 0
            }),
            "P3Y6M"
        );
        assert_eq!(
            iso_duration(Duration {
                months: 0,
                days: 90
            }),
            "P90D"
        );
        assert_eq!(iso_duration(Duration { months: 0, days: 0 }), "P0D");
    }
}
