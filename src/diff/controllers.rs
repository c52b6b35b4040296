//! Changes to who is responsible: controllers beside the main one, what a controller does as a
//! processor for others, the controllers responsible for each purpose, and the Art. 26 joint
//! arrangements. A purpose on consent whose controllers change needs new consent: consent names the
//! controller it is given to (EDPB Guidelines 05/2020, para. 64-65).

use super::ChangeKind::*;
use super::Consequence::{Editorial, NoticeUpdate, ReConsent};
use super::{Area, Differ};
use crate::ir::{Controller, Joint, Name, Text};
use crate::sema::Responsible;

fn legal(c: &Controller) -> String {
    c.contact.name.clone().unwrap_or_else(|| c.name.to_string())
}

fn texts(c: &Controller) -> Vec<String> {
    c.acts_as.iter().map(|r| first(&r.on_behalf_of)).collect()
}

fn first(t: &Text) -> String {
    t.by_lang
        .values()
        .next()
        .map(|s| s.to_string())
        .unwrap_or_default()
}

impl Differ<'_> {
    pub(super) fn controllers(&mut self) {
        let old: Vec<&Controller> = self.old.sema.controllers();
        let new: Vec<&Controller> = self.new.sema.controllers();
        let identity = "people must know who is responsible for their data (GDPR Art. 13(1)(a))";
        for c in new.iter().skip(1) {
            if !old.iter().any(|o| o.name == c.name) {
                let d = self.push(
                    ControllersChanged,
                    NoticeUpdate,
                    Area::Controller,
                    &c.name,
                    format!("The policy now has another controller: {}", legal(c)),
                );
                d.after = Some(legal(c));
                d.because = Some(identity.into());
            }
        }
        for c in old.iter().skip(1) {
            if !new.iter().any(|n| n.name == c.name) {
                let d = self.push(
                    ControllersChanged,
                    NoticeUpdate,
                    Area::Controller,
                    &c.name,
                    format!("The policy no longer has the controller {}", legal(c)),
                );
                d.before = Some(legal(c));
                d.because = Some(identity.into());
            }
        }
        for c in &new {
            let Some(o) = old.iter().find(|o| o.name == c.name) else {
                continue;
            };
            let (a, b) = (texts(o), texts(c));
            if a != b {
                let d = self.push(
                    ControllersChanged,
                    NoticeUpdate,
                    Area::Controller,
                    &c.name,
                    format!(
                        "What {} does as a processor on behalf of others changed",
                        legal(c)
                    ),
                );
                d.before = (!a.is_empty()).then(|| a.join("; "));
                d.after = (!b.is_empty()).then(|| b.join("; "));
                d.because = Some(
                    "the notice tells people whom to turn to for the processing done on others' behalf"
                        .into(),
                );
            }
        }
        self.purpose_controllers();
        self.joints();
    }

    fn purpose_controllers(&mut self) {
        let responsible = |r: Responsible| -> Vec<String> {
            match r {
                Responsible::Sole(c) => vec![c.name.to_string()],
                Responsible::Joint(j) => j.controllers.iter().map(|c| c.name.to_string()).collect(),
                Responsible::Unattributed | Responsible::Nobody => Vec::new(),
            }
        };
        let (old_several, new_several) = (
            self.old.sema.several_controllers(),
            self.new.sema.several_controllers(),
        );
        for p in &self.new.policy.purposes {
            let Some(o) = self.old.sema.purpose(&p.name) else {
                continue;
            };
            let (mut a, mut b) = (
                responsible(self.old.sema.responsible_for(o)),
                responsible(self.new.sema.responsible_for(p)),
            );
            a.sort();
            b.sort();
            let joint_a = self.old.sema.joint_of(&o.name).map(|j| j.name.clone());
            let joint_b = self.new.sema.joint_of(&p.name).map(|j| j.name.clone());
            if a == b && joint_a == joint_b {
                // The same controller, now named beside others (or no longer): the notice shows it.
                if old_several != new_several && !b.is_empty() {
                    let d = self.push(
                        ControllersChanged,
                        Editorial,
                        Area::Purpose,
                        &p.name,
                        format!(
                            "`{}` is still the responsibility of {}",
                            p.name,
                            b.join(", ")
                        ),
                    );
                    d.after = Some(b.join(", "));
                }
                continue;
            }
            let consent = self.old.sema.rests_on_consent(o) || self.new.sema.rests_on_consent(p);
            let (consequence, because) = if consent && a != b {
                (
                    ReConsent,
                    "consent is given to the controllers it names; other controllers need consent of their own (EDPB Guidelines 05/2020, para. 64-65)",
                )
            } else {
                (
                    NoticeUpdate,
                    "the notice says who is responsible for each purpose (GDPR Art. 13(1)(a), 26(2))",
                )
            };
            let shown = |v: &[String], j: &Option<Name>| -> Option<String> {
                if v.is_empty() {
                    return None;
                }
                Some(match j {
                    Some(j) => format!("{} (joint arrangement `{j}`)", v.join(", ")),
                    None => v.join(", "),
                })
            };
            let d = self.push(
                ControllersChanged,
                consequence,
                Area::Purpose,
                &p.name,
                format!("The controllers responsible for `{}` changed", p.name),
            );
            d.before = shown(&a, &joint_a);
            d.after = shown(&b, &joint_b);
            d.because = Some(because.into());
        }
    }

    fn joints(&mut self) {
        let old: &[Joint] = &self.old.policy.joints;
        let new: &[Joint] = &self.new.policy.joints;
        let because = "joint controllers make the essence of their arrangement available to the people concerned (GDPR Art. 26(2))";
        for j in new {
            let Some(o) = old.iter().find(|o| o.name == j.name) else {
                let d = self.push(
                    JointArrangementChanged,
                    NoticeUpdate,
                    Area::Joint,
                    &j.name,
                    format!("A new joint-controller arrangement: `{}`", j.name),
                );
                d.after = Some(names(&j.controllers));
                d.because = Some(because.into());
                continue;
            };
            let mut fields = Vec::new();
            if sorted(&o.controllers) != sorted(&j.controllers) {
                fields.push("controllers");
            }
            if sorted(&o.purposes) != sorted(&j.purposes) {
                fields.push("purposes");
            }
            let duties = |x: &Joint| -> Vec<(String, Vec<String>, Option<String>)> {
                let mut v: Vec<_> = x
                    .responsibilities
                    .iter()
                    .flatten()
                    .map(|r| {
                        (
                            r.duty.key().to_string(),
                            sorted(&r.controllers),
                            r.text.as_ref().map(first),
                        )
                    })
                    .collect();
                v.sort();
                v
            };
            if duties(o) != duties(j) {
                fields.push("responsibilities");
            }
            if o.essence.as_ref().map(|t| &t.by_lang) != j.essence.as_ref().map(|t| &t.by_lang) {
                fields.push("essence");
            }
            if contact_key(o) != contact_key(j) {
                fields.push("contact");
            }
            if fields.is_empty() {
                continue;
            }
            let d = self.push(
                JointArrangementChanged,
                NoticeUpdate,
                Area::Joint,
                &j.name,
                format!(
                    "The joint-controller arrangement `{}` changed: {}",
                    j.name,
                    fields.join(", ")
                ),
            );
            d.fields = fields.iter().map(|f| f.to_string()).collect();
            d.because = Some(because.into());
        }
        for o in old {
            if !new.iter().any(|j| j.name == o.name) {
                let d = self.push(
                    JointArrangementChanged,
                    NoticeUpdate,
                    Area::Joint,
                    &o.name,
                    format!("The joint-controller arrangement `{}` is gone", o.name),
                );
                d.before = Some(names(&o.controllers));
                d.because = Some(because.into());
            }
        }
    }
}

fn sorted(refs: &[crate::ir::Ref]) -> Vec<String> {
    let mut v: Vec<String> = refs.iter().map(|r| r.name.to_string()).collect();
    v.sort();
    v.dedup();
    v
}

fn names(refs: &[crate::ir::Ref]) -> String {
    refs.iter()
        .map(|r| r.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn contact_key(j: &Joint) -> Option<String> {
    match &j.contact {
        Some(crate::ir::JointContact::Controller(r)) => Some(r.name.to_string()),
        Some(crate::ir::JointContact::Details(c)) => Some(format!(
            "{:?} {:?} {:?} {:?}",
            c.name, c.email, c.phone, c.web
        )),
        None => None,
    }
}
