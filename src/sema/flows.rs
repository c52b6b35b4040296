//! Where a policy's data goes and what bounds it: the disclosures (`receives` lines, with the purposes
//! and data each carries), whether a purpose is or refines a purpose kind, whether it is about a group
//! of subjects, which bases it rests on, and how long a retention keeps data at most. Organisation rules
//! (`check::org`) ask these; so may anything else that needs them.

use std::collections::BTreeSet;

use super::Sema;
use crate::ir::*;
use crate::syntax::ast::Duration;

/// One `receives` line of a recipient, with the purposes it serves and the data it carries.
pub struct Disclosure<'a> {
    pub recipient: &'a Recipient,
    pub receives: &'a Receives,
    /// The purposes the line names (`for P, ...`); without `for`, the policy's purposes that use any
    /// of the data the line names.
    pub purposes: Vec<&'a Purpose>,
    /// The canonical names of the data the line carries, with what each refines and includes.
    pub data: BTreeSet<Name>,
}

impl<'a> Sema<'a> {
    /// Every `receives` line of every recipient.
    pub fn disclosures(&self) -> Vec<Disclosure<'a>> {
        let mut out = Vec::new();
        for r in &self.policy.recipients {
            for x in &r.receives {
                let data: BTreeSet<Name> = x
                    .data
                    .iter()
                    .flat_map(|d| self.closure_names(&d.name))
                    .collect();
                let purposes = if x.purposes.is_empty() {
                    let named: BTreeSet<&str> = x.data.iter().map(|d| d.name.as_str()).collect();
                    self.policy
                        .purposes
                        .iter()
                        .filter(|p| {
                            let used = self.used_closure(p);
                            named.iter().any(|n| used.contains(*n))
                        })
                        .collect()
                } else {
                    x.purposes
                        .iter()
                        .filter_map(|p| self.purpose(&p.name))
                        .collect()
                };
                out.push(Disclosure {
                    recipient: r,
                    receives: x,
                    purposes,
                    data,
                });
            }
        }
        out
    }

    /// A data category and what it includes, transitively (not what it refines): the data that counts
    /// as `name` when something is said about it. `contact-details` counts `email`; `precise-location`
    /// does not count `location`, the coarser category it refines.
    pub fn data_parts(&self, name: &str) -> BTreeSet<Name> {
        let mut out = BTreeSet::new();
        let mut queue = vec![Name::from(name)];
        while let Some(n) = queue.pop() {
            if !out.insert(n.clone()) {
                continue;
            }
            if let Some(d) = self.vocab.data.get(&n) {
                queue.extend(d.includes.iter().map(|r| r.name.clone()));
            }
        }
        out
    }

    /// Whether data whose closure is `closure` (what it refines and includes: [`Sema::closure_names`])
    /// is `name` or one of its parts: `email` is `contact-details`, `precise-location is location` is
    /// `location`.
    pub fn data_counts_as(&self, closure: &BTreeSet<Name>, name: &str) -> bool {
        self.data_parts(name).iter().any(|p| closure.contains(p))
    }

    /// Whether a purpose is `name` (a purpose of the policy) or of the purpose kind `name`.
    pub fn purpose_is(&self, purpose: &Purpose, name: &str) -> bool {
        purpose.name == name || purpose.kind.as_ref().is_some_and(|k| k.name == name)
    }

    /// Whether a purpose is about `subject` or a group that refines it.
    pub fn about_subject(&self, purpose: &Purpose, subject: &str) -> bool {
        purpose.about.iter().any(|s| {
            s.name == subject
                || self
                    .subject_chain(&s.name)
                    .iter()
                    .any(|c| c.entry.name == subject)
        })
    }

    /// Whether a purpose is about children (a group flagged `child`, or one that refines such a group).
    pub fn about_children(&self, purpose: &Purpose) -> bool {
        purpose.about.iter().any(|s| self.is_child(&s.name))
    }

    /// The bases and Art. 9(2) conditions a purpose names.
    pub fn bases_of<'p>(&self, purpose: &'p Purpose) -> impl Iterator<Item = &'p str> {
        purpose
            .bases
            .iter()
            .map(|b| b.basis.name.as_str())
            .chain(purpose.conditions.iter().map(|c| c.basis.name.as_str()))
    }

    /// The longest a retention line keeps data, when the policy bounds it: `None` for a line with no
    /// upper bound (`until EVENT`, `indefinitely`, `at-least`, `normally`) or whose statute states no
    /// period. `A or B` (whichever comes first) keeps data at most as long as its shortest bounded
    /// alternative.
    pub fn retention_at_most(&self, rule: &RetentionRule) -> Option<Duration> {
        if rule.qualifier.is_some() {
            return None;
        }
        self.retention_length(&rule.retention)
    }

    fn retention_length(&self, r: &Retention) -> Option<Duration> {
        match r {
            Retention::Period { period, .. } => Some(*period),
            Retention::Until { .. } | Retention::Indefinite { .. } => None,
            Retention::Statute {
                statute,
                family,
                stated,
                ..
            } => {
                if let Some(d) = stated {
                    return Some(*d);
                }
                let s = if *family {
                    self.controller_country()
                        .and_then(|home| self.statute_in_force(&statute.name, home))
                } else {
                    self.vocab.statutes.get(&statute.name)
                };
                s.and_then(|s| s.retain.as_ref())
                    .and_then(|r| self.retention_length(r))
            }
            Retention::FirstOf(alts) => alts
                .iter()
                .filter_map(|a| self.retention_length(a))
                .min_by_key(|d| d.approx_days()),
        }
    }
}
