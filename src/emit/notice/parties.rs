//! The parts of the notice about who is responsible when a policy has several controllers: the other
//! controllers, each purpose's controller, the Art. 26 joint arrangements (who does what, the essence,
//! the contact point, and that rights can be exercised against each controller), and the processing a
//! controller does as a processor on others' behalf. With one controller and no `acts-as`, all of it
//! is empty and the notice reads as before.

use serde::Serialize;

use super::i18n::Arg;
use super::markdown::{anchor, escape, link};
use super::view::{Contact, ControllerView, controller_of};
use super::words::Cx;
use crate::ir::{self, Duty, JointContact};
use crate::sema::{Responsible, is_link};

#[derive(Serialize)]
pub struct PartiesView {
    /// More than one controller: the controller section names them all.
    pub several: bool,
    /// "A, B and C": every controller's name, for the intro.
    pub names: String,
    /// The controllers after the first, each with its own heading.
    pub others: Vec<OtherController>,
    pub joints: Vec<JointView>,
    /// One sentence per `acts-as processor for "..."`.
    pub on_behalf: Vec<String>,
}

#[derive(Serialize)]
pub struct OtherController {
    pub id: String,
    pub name: String,
    pub view: ControllerView,
}

#[derive(Serialize)]
pub struct JointView {
    pub id: String,
    pub label: String,
    pub description: Option<String>,
    pub controllers: String,
    pub purposes: Option<String>,
    pub duties: Vec<DutyLine>,
    /// The essence, as text or as a link; `None` when not stated.
    pub essence: Option<String>,
    /// The essence is a web address: shown as a link, with no full stop after it.
    pub essence_link: bool,
    /// The contact point: a controller's name (linked to its details), or contact details of its own.
    pub contact_name: Option<String>,
    pub contact: Option<Contact>,
}

#[derive(Serialize)]
pub struct DutyLine {
    pub duty: String,
    pub who: String,
    pub text: Option<String>,
}

/// A controller's name in the notice: its legal name, else the policy's name for it.
fn name_of(c: &ir::Controller) -> String {
    c.contact
        .name
        .as_deref()
        .map_or_else(|| escape(&c.name), escape)
}

/// The controller of this policy name, as its notice name.
fn named(cx: &Cx, name: &str) -> String {
    cx.sema
        .controller_named(name)
        .map_or_else(|| escape(name), name_of)
}

pub fn build(cx: &Cx) -> PartiesView {
    let sema = &cx.sema;
    let controllers = sema.controllers();
    let names: Vec<String> = controllers.iter().map(|c| name_of(c)).collect();
    let others = cx
        .policy
        .other_controllers
        .iter()
        .map(|c| OtherController {
            id: anchor("controller", &c.name),
            name: name_of(c),
            view: controller_of(cx, c),
        })
        .collect();
    let joints = cx.policy.joints.iter().map(|j| joint(cx, j)).collect();
    let on_behalf = sema
        .processor_roles()
        .into_iter()
        .map(|(c, r)| {
            cx.get(
                "on-behalf",
                &[
                    ("name", Arg::from(name_of(c))),
                    ("whom", Arg::from(cx.text(&r.on_behalf_of))),
                ],
            )
        })
        .collect();
    PartiesView {
        several: sema.several_controllers(),
        names: cx.join(&names, "list-and"),
        others,
        joints,
        on_behalf,
    }
}

fn joint(cx: &Cx, j: &ir::Joint) -> JointView {
    let controllers: Vec<String> = j.controllers.iter().map(|r| named(cx, &r.name)).collect();
    let purposes: Vec<String> = j
        .purposes
        .iter()
        .map(|r| super::view::purpose_link(cx, &r.name))
        .collect();
    let mut duties = Vec::new();
    for duty in Duty::ALL {
        for r in j
            .responsibilities
            .iter()
            .flatten()
            .filter(|r| r.duty == duty)
        {
            let who: Vec<String> = r.controllers.iter().map(|c| named(cx, &c.name)).collect();
            duties.push(DutyLine {
                duty: cx.t(&format!("joint-duty-{}", duty.key())),
                who: cx.join(&who, "list-and"),
                text: cx.opt_text(&r.text),
            });
        }
    }
    let essence = j.essence.as_ref().filter(|e| !e.is_empty()).map(|e| {
        if is_link(e) {
            link(&cx.plain(e))
        } else {
            cx.text(e)
        }
    });
    let (contact_name, contact) = match &j.contact {
        Some(JointContact::Controller(r)) => (
            Some(format!(
                "[{}](#{})",
                named(cx, &r.name),
                main_or_other_anchor(cx, &r.name)
            )),
            None,
        ),
        Some(JointContact::Details(c)) => (None, Some(super::view::contact_of(cx, c))),
        None => (None, None),
    };
    JointView {
        id: anchor("joint", &j.name),
        label: j
            .label
            .as_ref()
            .filter(|l| !l.is_empty())
            .map_or_else(|| escape(&j.name), |l| cx.text(l)),
        description: cx.opt_text(&j.description),
        controllers: cx.join(&controllers, "list-and"),
        purposes: (!purposes.is_empty()).then(|| cx.join(&purposes, "list-and")),
        duties,
        essence_link: j.essence.as_ref().is_some_and(is_link),
        essence,
        contact_name,
        contact,
    }
}

/// The heading a controller's details are under: the controller section for the first one.
fn main_or_other_anchor(cx: &Cx, name: &str) -> String {
    match &cx.policy.controller {
        Some(c) if c.name == name => "controller".to_string(),
        _ => anchor("controller", name),
    }
}

/// The purpose's controller line: only when the policy has several controllers (with one, the
/// controller section says it all).
pub fn purpose_controller(cx: &Cx, p: &ir::Purpose) -> Option<String> {
    if !cx.sema.several_controllers() {
        return None;
    }
    Some(match cx.sema.responsible_for(p) {
        Responsible::Sole(c) => format!("[{}](#{})", name_of(c), main_or_other_anchor(cx, &c.name)),
        Responsible::Joint(j) => {
            let names: Vec<String> = j.controllers.iter().map(|r| named(cx, &r.name)).collect();
            cx.get(
                "purpose-controllers-joint",
                &[
                    ("names", Arg::from(cx.join(&names, "list-and"))),
                    ("id", Arg::from(anchor("joint", &j.name))),
                ],
            )
        }
        Responsible::Unattributed | Responsible::Nobody => cx.t("not-stated-short"),
    })
}
