//! Scopes: the groups a right is granted to (`portability for student`), the groups a purpose's data
//! is collected about (`uses education for pupil`) and which data is optional (`uses phone
//! if-provided`).
//!
//! A right granted to fewer groups is a right the notice no longer tells some people of
//! (`right-removed`); to more, `right-added`. Data collected about more groups widens the purpose
//! (`data-added`: re-consent where it rests on consent); about fewer, `data-removed`. Optional data
//! that becomes required is `requirement-changed` with a notice update (Art. 13(2)(e)); the reverse is
//! editorial.

use std::collections::BTreeSet;

use super::ChangeKind::*;
use super::Consequence::{Editorial, NoticeUpdate};
use super::{Area, Consequence, Differ, code, codes};
use crate::ir::{Purpose, RightStatement};

/// The groups a line reaches; `None` for everyone.
fn groups(s: &RightStatement) -> Option<BTreeSet<String>> {
    (!s.subjects.is_empty()).then(|| s.subjects.iter().map(|g| g.name.to_string()).collect())
}

fn list(set: &BTreeSet<String>) -> String {
    codes(set.iter().map(String::as_str))
}

impl Differ<'_> {
    pub(super) fn right_scopes(&mut self) {
        let (Some(o), Some(n)) = (
            self.old.policy.rights.as_ref(),
            self.new.policy.rights.as_ref(),
        ) else {
            return;
        };
        for ns in &n.rights {
            let Some(os) = o.rights.iter().find(|s| s.right.name == ns.right.name) else {
                continue;
            };
            let right = ns.right.name.as_str();
            let r = code(right);
            match (groups(os), groups(ns)) {
                (None, Some(now)) => {
                    let d = self.push(
                        RightRemoved,
                        NoticeUpdate,
                        Area::Rights,
                        right,
                        format!("The right {r} is now granted only to {}", list(&now)),
                    );
                    d.added = now.into_iter().collect();
                    d.because = Some(narrowed());
                }
                (Some(was), None) => {
                    let shown = list(&was);
                    self.push(
                        RightAdded,
                        Editorial,
                        Area::Rights,
                        right,
                        format!("The right {r} is now granted to everyone, not only to {shown}"),
                    )
                    .removed = was.into_iter().collect();
                }
                (Some(was), Some(now)) if was != now => {
                    let lost: BTreeSet<String> = was.difference(&now).cloned().collect();
                    let gained: BTreeSet<String> = now.difference(&was).cloned().collect();
                    if !lost.is_empty() {
                        let d = self.push(
                            RightRemoved,
                            NoticeUpdate,
                            Area::Rights,
                            right,
                            format!("The right {r} is no longer granted to {}", list(&lost)),
                        );
                        d.removed = lost.into_iter().collect();
                        d.because = Some(narrowed());
                    }
                    if !gained.is_empty() {
                        let shown = list(&gained);
                        self.push(
                            RightAdded,
                            Editorial,
                            Area::Rights,
                            right,
                            format!("The right {r} is now also granted to {shown}"),
                        )
                        .added = gained.into_iter().collect();
                    }
                }
                _ => {}
            }
        }
    }

    /// The groups each datum of a purpose is collected about, and which data is optional.
    pub(super) fn data_scopes(
        &mut self,
        o: &Purpose,
        n: &Purpose,
        widen: Consequence,
        because: Option<String>,
    ) {
        let (old_side, new_side) = (self.old.clone(), self.new.clone());
        let (Some(o), Some(n)) = (old_side.purpose(&o.name), new_side.purpose(&n.name)) else {
            return;
        };
        let p = code(&n.name);
        let shared: Vec<&str> = n
            .uses
            .iter()
            .map(|r| r.name.as_str())
            .filter(|d| o.uses.iter().any(|r| r.name == *d))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        for data in shared {
            let names = |refs: Vec<&crate::ir::Ref>| -> BTreeSet<String> {
                refs.iter().map(|r| r.name.to_string()).collect()
            };
            let (was, now) = (
                names(old_side.sema.use_subjects(o, data)),
                names(new_side.sema.use_subjects(n, data)),
            );
            let gained: BTreeSet<String> = now.difference(&was).cloned().collect();
            let lost: BTreeSet<String> = was.difference(&now).cloned().collect();
            // A change of `about` is `subjects-added`/`-removed`'s; only what the scope changes here.
            let scoped =
                old_side.sema.use_is_scoped(o, data) || new_side.sema.use_is_scoped(n, data);
            if scoped && !gained.is_empty() {
                let d = self.push(
                    DataAdded,
                    widen,
                    Area::Purpose,
                    &n.name,
                    format!(
                        "Purpose {p} now also collects {} about {}",
                        code(data),
                        list(&gained)
                    ),
                );
                d.added = vec![data.to_string()];
                d.because = because.clone();
            }
            if scoped && !lost.is_empty() {
                self.push(
                    DataRemoved,
                    Editorial,
                    Area::Purpose,
                    &n.name,
                    format!(
                        "Purpose {p} no longer collects {} about {}",
                        code(data),
                        list(&lost)
                    ),
                )
                .removed = vec![data.to_string()];
            }
            match (
                old_side.sema.is_optional(o, data),
                new_side.sema.is_optional(n, data),
            ) {
                (true, false) => {
                    let d = self.push(
                        RequirementChanged,
                        NoticeUpdate,
                        Area::Purpose,
                        &n.name,
                        format!(
                            "Purpose {p} now requires {}, which was optional",
                            code(data)
                        ),
                    );
                    d.because = Some(
                        "people must be told whether they are obliged to provide the data (GDPR Art. 13(2)(e))"
                            .into(),
                    );
                }
                (false, true) => {
                    self.push(
                        RequirementChanged,
                        Editorial,
                        Area::Purpose,
                        &n.name,
                        format!(
                            "Purpose {p} now collects {} only if it is provided",
                            code(data)
                        ),
                    );
                }
                _ => {}
            }
        }
    }
}

fn narrowed() -> String {
    "rights come from the law, not the notice: check that the right no longer applies to them before they \
     stop being told of it (GDPR Art. 12(1), 13(2)(b)-(d))"
        .into()
}
