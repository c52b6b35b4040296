//! Legal bases and consent: which bases rest on consent, how consent is withdrawn, which rights a
//! basis requires. One definition of each, read from the stdlib's basis flags (`withdrawable`,
//! `requires-rights`, `states-interest`, `cites-statute`).

use super::{Sema, plain};
use crate::ir::*;

impl<'a> Sema<'a> {
    pub fn basis(&self, name: &str) -> Option<&'a Basis> {
        self.vocab.bases.get(name)
    }

    /// True for a basis the stdlib flags `withdrawable`: consent, in Art. 6(1)(a) or 9(2)(a).
    pub fn is_consent_basis(&self, name: &str) -> bool {
        self.basis(name).is_some_and(|b| b.withdrawable)
    }

    pub fn is_consent(&self, basis: &BasisUse) -> bool {
        self.is_consent_basis(&basis.basis.name)
    }

    /// The Art. 6 bases of a purpose that rest on consent.
    pub fn consent_bases(&self, purpose: &'a Purpose) -> impl Iterator<Item = &'a BasisUse> + '_ {
        purpose.bases.iter().filter(|b| self.is_consent(b))
    }

    /// The Art. 9(2) conditions of a purpose that are explicit consent.
    pub fn consent_conditions(
        &self,
        purpose: &'a Purpose,
    ) -> impl Iterator<Item = &'a Art9Condition> + '_ {
        purpose
            .conditions
            .iter()
            .filter(|c| self.is_consent_basis(&c.basis.name))
    }

    /// A purpose rests on consent when one of its Art. 6 bases or Art. 9(2) conditions is consent:
    /// people can then withdraw it, and a change to the purpose may need their consent again.
    pub fn rests_on_consent(&self, purpose: &Purpose) -> bool {
        purpose.bases.iter().any(|b| self.is_consent(b))
            || purpose
                .conditions
                .iter()
                .any(|c| self.is_consent_basis(&c.basis.name))
    }

    /// True when some purpose of the policy rests on consent.
    pub fn any_consent(&self) -> bool {
        self.policy
            .purposes
            .iter()
            .any(|p| self.rests_on_consent(p))
    }

    /// The right to withdraw consent: required by some withdrawable basis and by no basis that is
    /// not withdrawable (the stdlib's `requires-rights` matrix says which right that is).
    pub fn is_withdrawal_right(&self, right: &str) -> bool {
        let right = plain(right);
        let required = |withdrawable: bool| {
            self.vocab
                .bases
                .values()
                .filter(|b| b.withdrawable == withdrawable)
                .any(|b| b.requires_rights.iter().any(|r| plain(&r.name) == right))
        };
        required(true) && !required(false)
    }

    /// The rights block lists the withdrawal right and says how to exercise it (its own text or the
    /// block's `exercise`): that covers every consent of the policy.
    pub fn rights_say_how_to_withdraw(&self) -> bool {
        let Some(rights) = &self.policy.rights else {
            return false;
        };
        let channel = rights.exercise.as_ref().is_some_and(|t| !t.is_empty());
        rights.rights.iter().any(|r| {
            self.is_withdrawal_right(&r.right.name)
                && (channel || r.how.as_ref().is_some_and(|t| !t.is_empty()))
        })
    }

    /// How consent given for this basis is withdrawn, as the policy states it: the basis's own
    /// `withdraw`, else the withdrawal right of the rights block.
    pub fn withdrawal_text(&self, basis: &'a BasisUse) -> Option<&'a Text> {
        basis
            .withdraw
            .as_ref()
            .filter(|t| !t.is_empty())
            .or_else(|| self.withdrawal_statement().and_then(|s| s.how.as_ref()))
    }

    /// The withdrawal right's statement in the rights block.
    pub fn withdrawal_statement(&self) -> Option<&'a RightStatement> {
        self.policy
            .rights
            .as_ref()?
            .rights
            .iter()
            .find(|s| self.is_withdrawal_right(&s.right.name))
    }

    /// The rights the bases of a purpose require a notice to state (`requires-rights`), by canonical
    /// name, each with the basis that requires it, in order of first appearance.
    pub fn rights_required_by(&self, purpose: &'a Purpose) -> Vec<(&'a str, &'a BasisUse)> {
        let mut out: Vec<(&str, &BasisUse)> = Vec::new();
        for b in &purpose.bases {
            let Some(def) = self.basis(&b.basis.name) else {
                continue;
            };
            for r in &def.requires_rights {
                if !out.iter().any(|(n, _)| *n == r.name) {
                    out.push((r.name.as_str(), b));
                }
            }
        }
        out
    }

    /// True when the rights block lists `right` (by its name without `std.`).
    /// The rights that every Art. 6 basis requires: what a purpose that names no basis owes people
    /// whatever its basis turns out to be (from the stdlib's rights x basis matrix).
    pub fn rights_every_basis_requires(&self) -> Vec<&'a str> {
        let mut bases = self.vocab.bases.values().filter(|b| !b.art9);
        let Some(first) = bases.next() else {
            return Vec::new();
        };
        let rest: Vec<&Basis> = bases.collect();
        first
            .requires_rights
            .iter()
            .map(|r| r.name.as_str())
            .filter(|r| {
                rest.iter()
                    .all(|b| b.requires_rights.iter().any(|x| x.name == *r))
            })
            .collect()
    }

    pub fn right_listed(&self, right: &str) -> bool {
        self.right_statement(plain(right)).is_some()
    }
}
