//! Data categories: what a category refines and includes, which flags it carries (special category,
//! criminal-offence data, identifiers) with inheritance through `is PARENT`, and whether a claim that
//! data is anonymous holds.

use std::collections::BTreeSet;
use std::rc::Rc;

use super::Sema;
use crate::ir::*;

/// What a policy's claim that a category is anonymous amounts to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anonymity {
    /// Nobody claims the data is anonymous.
    NotClaimed,
    /// Claimed, and nothing the policy declares contradicts it.
    Claimed,
    /// Claimed, but the category holds identifiers (or data that identifies in combination), or a
    /// profiling purpose uses it: the checker doubts the claim, so no output may repeat it.
    Doubted,
}

impl<'a> Sema<'a> {
    /// A data category and the ones it refines, nearest first.
    pub fn data_chain(&self, name: &str) -> Vec<&'a DataCategory> {
        let mut out: Vec<&DataCategory> = Vec::new();
        let mut next = Some(name);
        while let Some(n) = next.take() {
            let Some(d) = self.vocab.data.get(n) else {
                break;
            };
            if out.iter().any(|x| x.entry.name == d.entry.name) {
                break;
            }
            out.push(d);
            next = d.parent.as_ref().map(|p| p.name.as_str());
        }
        out
    }

    /// A data category, the ones it refines, and the ones it includes (transitively): everything a
    /// purpose processes when it uses the category.
    pub fn data_closure(&self, name: &str) -> Vec<&'a DataCategory> {
        if let Some(found) = self.closures.borrow().get(name) {
            return found.to_vec();
        }
        let mut out: Vec<&DataCategory> = Vec::new();
        let mut queue = vec![name];
        while let Some(n) = queue.pop() {
            for d in self.data_chain(n) {
                if !out.iter().any(|x| x.entry.name == d.entry.name) {
                    out.push(d);
                    queue.extend(d.includes.iter().map(|r| r.name.as_str()));
                }
            }
        }
        self.closures
            .borrow_mut()
            .insert(name.to_string(), Rc::new(out.clone()));
        out
    }

    /// The canonical names of a category's closure.
    pub fn closure_names(&self, name: &str) -> BTreeSet<Name> {
        self.data_closure(name)
            .iter()
            .map(|d| d.entry.name.clone())
            .collect()
    }

    /// The names of every data category a purpose processes.
    pub fn used_closure(&self, purpose: &Purpose) -> Rc<BTreeSet<Name>> {
        if let Some(set) = self.used_by_purpose.borrow().get(&purpose.name) {
            return set.clone();
        }
        let set: BTreeSet<Name> = purpose
            .uses
            .iter()
            .flat_map(|u| self.closure_names(&u.name))
            .collect();
        let set = Rc::new(set);
        self.used_by_purpose
            .borrow_mut()
            .insert(purpose.name.clone(), set.clone());
        set
    }

    /// True when the category or anything in its closure has `flag`.
    pub fn data_has(&self, name: &str, flag: impl Fn(&DataCategory) -> bool) -> bool {
        self.data_closure(name).iter().any(|d| flag(d))
    }

    /// True when the category itself is of a kind with `flag`: its own flag or one inherited through
    /// `is PARENT` (`data membership is trade-union` is special-category data).
    pub fn data_is(&self, name: &str, flag: impl Fn(&DataCategory) -> bool) -> bool {
        self.data_chain(name).into_iter().any(flag)
    }

    /// Art. 9(1) special-category data, by the category's own kind.
    pub fn is_special(&self, name: &str) -> bool {
        self.data_is(name, |d| d.special)
    }

    /// Art. 10 criminal-offence data, by the category's own kind.
    pub fn is_criminal(&self, name: &str) -> bool {
        self.data_is(name, |d| d.criminal)
    }

    pub fn is_national_id(&self, name: &str) -> bool {
        self.data_is(name, |d| d.national_id)
    }

    /// The category's anonymity claim, as far as the policy supports it.
    pub fn anonymity(&self, name: &str) -> Anonymity {
        let chain = self.data_chain(name);
        let Some(claimant) = chain.iter().position(|c| c.anonymous.is_some()) else {
            return Anonymity::NotClaimed;
        };
        let Some(d) = chain.first() else {
            return Anonymity::NotClaimed;
        };
        // What the claimant refines is judged too: `data visits is ip-address { anonymous }`.
        let identifying = |c: &DataCategory| c.identifier || c.quasi_identifier;
        let through_chain = chain.iter().skip(claimant).any(|c| identifying(c));
        let through_includes = d
            .includes
            .iter()
            .any(|i| self.data_has(&i.name, identifying));
        let through_fields = d.fields.iter().any(|f| {
            let std_name = format!("std.{}", f.ty);
            [std_name.as_str(), f.ty.as_str()].iter().any(|ty| {
                self.vocab
                    .data
                    .get(ty)
                    .is_some_and(|c| c.entry.module.is_some() && identifying(c))
            })
        });
        let profiled = self
            .policy
            .purposes
            .iter()
            .any(|p| self.traits(p).profiling && self.used_closure(p).contains(&d.entry.name));
        let pseudonymised = chain.iter().any(|c| c.pseudonymised);
        if through_chain || through_includes || through_fields || profiled || pseudonymised {
            Anonymity::Doubted
        } else {
            Anonymity::Claimed
        }
    }

    /// A subject and the groups it refines, nearest first.
    pub fn subject_chain(&self, name: &str) -> Vec<&'a Subject> {
        let mut out: Vec<&Subject> = Vec::new();
        let mut next = Some(name);
        while let Some(n) = next.take() {
            let Some(s) = self.vocab.subjects.get(n) else {
                break;
            };
            if out.iter().any(|x| x.entry.name == s.entry.name) {
                break;
            }
            out.push(s);
            next = s.parent.as_ref().map(|p| p.name.as_str());
        }
        out
    }

    /// The subjects are children: flagged `child` themselves or through the group they refine.
    pub fn is_child(&self, name: &str) -> bool {
        self.subject_chain(name).iter().any(|s| s.child)
    }

    /// The minimum age of the subjects: their own, or the nearest group's they refine.
    pub fn min_age(&self, name: &str) -> Option<u64> {
        self.subject_chain(name).iter().find_map(|s| s.min_age)
    }
}
