//! Scopes: which groups of data subjects a right is granted to (`access for pupils`), which data is
//! collected about which group (`uses education for pupils`), and which data is optional (`uses
//! phone if-provided`). A statement without `for` applies to everyone; a group also has the rights
//! of the groups it refines (`subject pupil is child`: a right for children is a pupil's too).

use super::{Sema, plain};
use crate::ir::*;

impl<'a> Sema<'a> {
    /// Whether `subject` is `group` or refines it.
    pub fn subject_is(&self, subject: &str, group: &str) -> bool {
        subject == group
            || self
                .subject_chain(subject)
                .iter()
                .any(|s| s.entry.name == group)
    }

    /// Whether a right's line covers `subject`: it has no `for`, or names the subject or a group
    /// it refines.
    pub fn statement_covers(&self, statement: &RightStatement, subject: &str) -> bool {
        statement.subjects.is_empty()
            || statement
                .subjects
                .iter()
                .any(|g| self.subject_is(subject, &g.name))
    }

    /// Whether any line of the `rights` block is scoped with `for`.
    pub fn rights_scoped(&self) -> bool {
        self.policy
            .rights
            .iter()
            .any(|r| r.rights.iter().any(|s| !s.subjects.is_empty()))
    }

    /// The lines of the `rights` block that grant rights to `subject`.
    pub fn rights_of(&self, subject: &str) -> Vec<&'a RightStatement> {
        self.policy
            .rights
            .iter()
            .flat_map(|r| r.rights.iter())
            .filter(|s| self.statement_covers(s, subject))
            .collect()
    }

    /// The subjects of `purpose` to whom the rights block does not grant `right` (by its name
    /// without `std.`), when the right is listed only for some groups. `None` when the right is
    /// granted to everyone, or not listed at all (which `rights-incomplete-for-basis` reports);
    /// `Some([])` when it is listed for some groups only and the purpose does not say whose data it
    /// processes.
    pub fn right_withheld_from(&self, right: &str, purpose: &'a Purpose) -> Option<Vec<&'a Ref>> {
        let lines: Vec<&RightStatement> = self
            .policy
            .rights
            .iter()
            .flat_map(|r| r.rights.iter())
            .filter(|s| plain(&s.right.name) == plain(right))
            .collect();
        if lines.is_empty() || lines.iter().any(|s| s.subjects.is_empty()) {
            return None;
        }
        let missing: Vec<&Ref> = purpose
            .about
            .iter()
            .filter(|a| !lines.iter().any(|s| self.statement_covers(s, &a.name)))
            .collect();
        if purpose.about.is_empty() || !missing.is_empty() {
            Some(missing)
        } else {
            None
        }
    }

    /// The groups `data` is collected about for `purpose`: the line's `for`, else every subject the
    /// purpose is `about` (empty when neither is said).
    pub fn use_subjects(&self, purpose: &'a Purpose, data: &str) -> Vec<&'a Ref> {
        let lines: Vec<&DataUse> = purpose
            .data_uses
            .iter()
            .filter(|u| u.data.name == data)
            .collect();
        if lines.is_empty() || lines.iter().any(|u| u.subjects.is_empty()) {
            return purpose.about.iter().collect();
        }
        let mut out: Vec<&Ref> = Vec::new();
        for s in lines.iter().flat_map(|u| u.subjects.iter()) {
            if !out.iter().any(|o| o.name == s.name) {
                out.push(s);
            }
        }
        out
    }

    /// Whether `data` is collected for `purpose` only about some of its subjects (`for`).
    pub fn use_is_scoped(&self, purpose: &'a Purpose, data: &str) -> bool {
        let lines = || purpose.data_uses.iter().filter(|u| u.data.name == data);
        lines().next().is_some() && lines().all(|u| !u.subjects.is_empty())
    }

    /// The data collected about `subject`, by canonical name, in order of first use: what the
    /// purposes about the subject (or a group it refines) use, except data scoped to other groups.
    pub fn data_about(&self, subject: &str) -> Vec<&'a str> {
        let mut out: Vec<&str> = Vec::new();
        for p in &self.policy.purposes {
            if !p.about.iter().any(|a| self.subject_is(subject, &a.name)) {
                continue;
            }
            for u in &p.data_uses {
                let about = u.subjects.is_empty()
                    || u.subjects.iter().any(|g| self.subject_is(subject, &g.name));
                if about && !out.contains(&u.data.name.as_str()) {
                    out.push(&u.data.name);
                }
            }
        }
        out
    }

    /// Whether `data` is optional for `purpose`: every `uses` line naming it says `if-provided`.
    pub fn is_optional(&self, purpose: &'a Purpose, data: &str) -> bool {
        let lines = || purpose.data_uses.iter().filter(|u| u.data.name == data);
        lines().next().is_some() && lines().all(|u| u.if_provided.is_some())
    }

    /// The optional data of `purpose`, by canonical name, in order of use.
    pub fn optional_data(&self, purpose: &'a Purpose) -> Vec<&'a str> {
        let mut out: Vec<&str> = Vec::new();
        for u in &purpose.data_uses {
            if !out.contains(&u.data.name.as_str()) && self.is_optional(purpose, &u.data.name) {
                out.push(&u.data.name);
            }
        }
        out
    }
}
