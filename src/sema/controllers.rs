//! Who is responsible: the policy's controllers, the controller of each purpose, the Art. 26 joint
//! arrangements between them, and the processing a controller does as a processor for others.
//!
//! A purpose's controllers are, in this order: those of the `joint` arrangement that lists it; the one
//! it names with `controller NAME`; the sole controller, when the policy has exactly one. With several
//! controllers and none of these, the purpose is unattributed (`purpose-controller-unattributed`): the
//! model does not guess.

use super::Sema;
use crate::ir::*;

/// Who is responsible for a purpose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Responsible<'a> {
    /// One controller: the one the purpose names, or the policy's only one.
    Sole(&'a Controller),
    /// The controllers of a joint arrangement that lists the purpose.
    Joint(&'a Joint),
    /// Several controllers, and the purpose says nothing of which.
    Unattributed,
    /// The policy declares no controller at all.
    Nobody,
}

impl<'a> Sema<'a> {
    /// Every controller of the policy, the main one (the first declared) first.
    pub fn controllers(&self) -> Vec<&'a Controller> {
        self.policy
            .controller
            .iter()
            .chain(&self.policy.other_controllers)
            .collect()
    }

    /// Whether the policy has more than one controller.
    pub fn several_controllers(&self) -> bool {
        !self.policy.other_controllers.is_empty()
    }

    /// The controller of this name.
    pub fn controller_named(&self, name: &str) -> Option<&'a Controller> {
        self.controllers().into_iter().find(|c| c.name == name)
    }

    /// The countries of every controller's main establishment, in declaration order, each once.
    pub fn controller_countries(&self) -> Vec<&'a str> {
        let mut out: Vec<&str> = Vec::new();
        for c in self.controllers() {
            if let Some(country) = c.contact.country.as_ref().map(|r| r.name.as_str())
                && !out.contains(&country)
            {
                out.push(country);
            }
        }
        out
    }

    /// The joint arrangement that lists `purpose`, if any (the first, when several do).
    pub fn joint_of(&self, purpose: &str) -> Option<&'a Joint> {
        self.policy
            .joints
            .iter()
            .find(|j| j.purposes.iter().any(|p| p.name == purpose))
    }

    /// Who is responsible for `purpose`.
    pub fn responsible_for(&self, purpose: &Purpose) -> Responsible<'a> {
        if let Some(j) = self.joint_of(&purpose.name) {
            return Responsible::Joint(j);
        }
        if let Some(c) = purpose
            .controller
            .as_ref()
            .and_then(|r| self.controller_named(&r.name))
        {
            return Responsible::Sole(c);
        }
        match (&self.policy.controller, self.several_controllers()) {
            (None, _) => Responsible::Nobody,
            (Some(c), false) => Responsible::Sole(c),
            (Some(_), true) => Responsible::Unattributed,
        }
    }

    /// The controllers of a joint arrangement that the policy declares, in the arrangement's order.
    pub fn joint_controllers(&self, joint: &Joint) -> Vec<&'a Controller> {
        joint
            .controllers
            .iter()
            .filter_map(|r| self.controller_named(&r.name))
            .collect()
    }

    /// The controllers responsible for `duty` in a joint arrangement; empty when it does not say.
    pub fn responsible_for_duty(&self, joint: &'a Joint, duty: Duty) -> Vec<&'a Ref> {
        joint
            .responsibilities
            .iter()
            .flatten()
            .filter(|r| r.duty == duty)
            .flat_map(|r| &r.controllers)
            .collect()
    }

    /// The contact point of a joint arrangement's data subjects: the controller it names, or its own
    /// contact details.
    pub fn joint_contact(&self, joint: &'a Joint) -> Option<&'a JointContact> {
        joint.contact.as_ref()
    }

    /// Every `acts-as processor for "..."`, with its controller.
    pub fn processor_roles(&self) -> Vec<(&'a Controller, &'a ProcessorRole)> {
        self.controllers()
            .into_iter()
            .flat_map(|c| c.acts_as.iter().map(move |r| (c, r)))
            .collect()
    }
}

/// Whether a text is a web address only (`essence "https://..."`): shown as a link, and the same in
/// every language.
pub fn is_link(text: &Text) -> bool {
    !text.by_lang.is_empty()
        && text.by_lang.values().all(|v| {
            let v = v.trim();
            (v.starts_with("https://") || v.starts_with("http://"))
                && !v.contains(char::is_whitespace)
        })
}
