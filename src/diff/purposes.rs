//! Purposes: kind, legal bases and consent, data, subjects, marketing, profiling, automated decisions,
//! the requirement statement, retention and wording.
//!
//! A purpose that rests on consent in the old version and widens (new data, a new recipient, a new
//! kind, marketing, profiling, automated decisions) needs renewed consent: the consent people gave is
//! specific to the purpose as it was (Art. 4(11), 6(1)(a); EDPB Guidelines 05/2020, section 3.2). The
//! same widening of another purpose needs an updated notice before it takes effect (Art. 13(3)).

use std::collections::BTreeSet;

use super::ChangeKind::*;
use super::Consequence::{Editorial, NoticeUpdate, ReConsent};
use super::{
    Area, Consequence, Differ, by_name, code, codes, consent_reason, name_set, names, show,
};
use crate::ir::{AutomatedDecision, BasisUse, Purpose, Requirement, Text};

impl Differ<'_> {
    pub(super) fn purposes(&mut self) {
        let (old_side, new_side) = (self.old.clone(), self.new.clone());
        let old = by_name(&old_side.policy.purposes, |p| &p.name);
        let new = by_name(&new_side.policy.purposes, |p| &p.name);
        for (name, p) in &old {
            if !new.contains_key(name) {
                let d = self.push(
                    PurposeRemoved,
                    Editorial,
                    Area::Purpose,
                    name,
                    format!("Purpose {} removed", code(name)),
                );
                d.before = p.label.as_ref().map(show);
                d.removed = names(&p.uses);
            }
        }
        for (name, p) in &new {
            match old.get(name) {
                None => self.purpose_added(p),
                Some(o) => self.purpose(o, p),
            }
        }
        self.reordered(
            "purposes",
            old_side
                .policy
                .purposes
                .iter()
                .map(|p| p.name.as_str())
                .collect(),
            new_side
                .policy
                .purposes
                .iter()
                .map(|p| p.name.as_str())
                .collect(),
        );
    }

    fn purpose_added(&mut self, p: &Purpose) {
        let mut message = format!("New purpose {}", code(&p.name));
        if let Some(k) = &p.kind {
            message.push_str(&format!(" (kind {})", code(&k.name)));
        }
        if !p.bases.is_empty() {
            message.push_str(&format!(
                " on {}",
                codes(p.bases.iter().map(|b| b.basis.name.as_str()))
            ));
        }
        if !p.uses.is_empty() {
            message.push_str(&format!(
                ", using {}",
                codes(p.uses.iter().map(|r| r.name.as_str()))
            ));
        }
        let d = self.push(PurposeAdded, NoticeUpdate, Area::Purpose, &p.name, message);
        d.after = p.label.as_ref().map(show);
        d.added = names(&p.uses);
    }

    fn purpose(&mut self, o: &Purpose, n: &Purpose) {
        let consent = self.old.rests_on_consent(o);
        let widen = if consent { ReConsent } else { NoticeUpdate };
        let because = consent.then(|| consent_reason(&n.name));
        let subject = n.name.as_str();
        let p = code(subject);

        match (
            o.kind.as_ref().map(|k| k.name.as_str()),
            n.kind.as_ref().map(|k| k.name.as_str()),
        ) {
            (a, Some(b)) if a != Some(b) => {
                let was = a.map(|a| format!(" (was {})", code(a))).unwrap_or_default();
                let d = self.push(
                    PurposeKindChanged,
                    widen,
                    Area::Purpose,
                    subject,
                    format!("Purpose {p} is now of the kind {}{was}", code(b)),
                );
                d.before = a.map(str::to_string);
                d.after = Some(b.to_string());
                d.because = because.clone();
            }
            (Some(a), None) => {
                let d = self.push(
                    PurposeKindChanged,
                    Editorial,
                    Area::Purpose,
                    subject,
                    format!("Purpose {p} no longer names its kind (was {})", code(a)),
                );
                d.before = Some(a.to_string());
            }
            _ => {}
        }

        self.bases(o, n);
        self.purpose_data(o, n, widen, because.clone());
        self.data_scopes(o, n, widen, because.clone());

        let (os, ns) = (name_set(&o.about), name_set(&n.about));
        let added: Vec<&str> = ns.difference(&os).map(String::as_str).collect();
        let removed: Vec<&str> = os.difference(&ns).map(String::as_str).collect();
        if !added.is_empty() {
            let d = self.push(
                SubjectsAdded,
                NoticeUpdate,
                Area::Purpose,
                subject,
                format!(
                    "Purpose {p} now also concerns {}",
                    codes(added.iter().copied())
                ),
            );
            d.added = added.iter().map(|s| s.to_string()).collect();
        }
        if !removed.is_empty() {
            let d = self.push(
                SubjectsRemoved,
                Editorial,
                Area::Purpose,
                subject,
                format!(
                    "Purpose {p} no longer concerns {}",
                    codes(removed.iter().copied())
                ),
            );
            d.removed = removed.iter().map(|s| s.to_string()).collect();
        }

        self.marketing(o, n, widen, &because);

        match (o.profiling.is_some(), n.profiling.is_some()) {
            (false, true) => {
                self.push(
                    ProfilingAdded,
                    widen,
                    Area::Purpose,
                    subject,
                    format!("Purpose {p} now involves profiling"),
                )
                .because = because.clone();
            }
            (true, false) => {
                self.push(
                    ProfilingRemoved,
                    Editorial,
                    Area::Purpose,
                    subject,
                    format!("Purpose {p} no longer involves profiling"),
                );
            }
            _ => {}
        }
        let significant = |p: &Purpose| {
            matches!(
                p.automated_decision,
                Some(AutomatedDecision::Significant { .. })
            )
        };
        match (significant(o), significant(n)) {
            (false, true) => {
                let message = format!(
                    "Purpose {p} now makes automated decisions with legal or similarly significant effects (Art. 22)"
                );
                self.push(
                    AutomatedDecisionAdded,
                    widen,
                    Area::Purpose,
                    subject,
                    message,
                )
                .because = because.clone();
            }
            (true, false) => {
                let message = format!(
                    "Purpose {p} no longer makes automated decisions with significant effects"
                );
                self.push(
                    AutomatedDecisionRemoved,
                    Editorial,
                    Area::Purpose,
                    subject,
                    message,
                );
            }
            _ => {}
        }

        self.requirement(o, n);
        self.purpose_retention(o, n);
        self.label(
            Area::Purpose,
            subject,
            &format!("Purpose {p}"),
            o.label.as_ref(),
            n.label.as_ref(),
        );
        self.texts(
            Area::Purpose,
            subject,
            &format!("Purpose {p}"),
            purpose_texts(o, n),
        );
    }

    /// Legal bases (Art. 6) and Art. 9(2) conditions as sets of names, then the particulars of the
    /// bases both versions have: the statute, the consent mechanism and how consent is withdrawn.
    fn bases(&mut self, o: &Purpose, n: &Purpose) {
        let basis_names = |bs: &[BasisUse]| {
            bs.iter()
                .map(|b| b.basis.name.to_string())
                .collect::<BTreeSet<_>>()
        };
        let condition_names = |p: &Purpose| {
            p.conditions
                .iter()
                .map(|c| c.basis.name.to_string())
                .collect::<BTreeSet<_>>()
        };
        self.basis_sets(
            &n.name,
            "",
            "rests on",
            basis_names(&o.bases),
            basis_names(&n.bases),
        );
        self.basis_sets(
            &n.name,
            "the Art. 9(2) condition ",
            "relies on",
            condition_names(o),
            condition_names(n),
        );
        for nb in &n.bases {
            if let Some(ob) = o.bases.iter().find(|b| b.basis.name == nb.basis.name) {
                self.basis_particulars(&n.name, ob, nb);
            }
        }
    }

    fn basis_sets(
        &mut self,
        subject: &str,
        what: &str,
        verb: &str,
        old: BTreeSet<String>,
        new: BTreeSet<String>,
    ) {
        let added: Vec<&str> = new.difference(&old).map(String::as_str).collect();
        let removed: Vec<&str> = old.difference(&new).map(String::as_str).collect();
        let gains_consent = added.iter().any(|b| self.new.withdrawable(b));
        let loses_consent = removed.iter().any(|b| self.old.withdrawable(b)) && !new.is_empty();
        let p = code(subject);
        let asks = "consent must be asked for, and given, before the processing continues on it"
            .to_string();
        let switch = "processing that rested on consent cannot move to another basis without telling people first \
                      (EDPB Guidelines 05/2020, section 6)"
            .to_string();
        let (kind, consequence, message, because) = match (added.is_empty(), removed.is_empty()) {
            (true, true) => return,
            (false, false) => (
                BasisChanged,
                if gains_consent {
                    ReConsent
                } else {
                    NoticeUpdate
                },
                format!(
                    "Purpose {p} now {verb} {what}{} instead of {}",
                    codes(added.iter().copied()),
                    codes(removed.iter().copied())
                ),
                if gains_consent {
                    Some(asks)
                } else {
                    loses_consent.then_some(switch)
                },
            ),
            (false, true) => (
                BasisAdded,
                if gains_consent {
                    ReConsent
                } else {
                    NoticeUpdate
                },
                format!(
                    "Purpose {p} now also {verb} {what}{}",
                    codes(added.iter().copied())
                ),
                gains_consent.then_some(asks),
            ),
            (true, false) => (
                BasisRemoved,
                if loses_consent {
                    NoticeUpdate
                } else {
                    Editorial
                },
                format!(
                    "Purpose {p} no longer {verb} {what}{}",
                    codes(removed.iter().copied())
                ),
                loses_consent.then_some(switch),
            ),
        };
        let d = self.push(kind, consequence, Area::Purpose, subject, message);
        d.added = added.iter().map(|s| s.to_string()).collect();
        d.removed = removed.iter().map(|s| s.to_string()).collect();
        d.because = because;
    }

    fn basis_particulars(&mut self, subject: &str, o: &BasisUse, n: &BasisUse) {
        let p = code(subject);
        let name = |r: &Option<crate::ir::Ref>| r.as_ref().map(|r| r.name.clone());
        match (name(&o.statute), name(&n.statute)) {
            (Some(a), Some(b)) if a != b => {
                let message = format!(
                    "Purpose {p}: the legal obligation is now under {} (was {})",
                    code(&b),
                    code(&a)
                );
                let d = self.push(BasisChanged, NoticeUpdate, Area::Purpose, subject, message);
                d.before = Some(a.to_string());
                d.after = Some(b.to_string());
            }
            (None, Some(b)) => {
                let message = format!(
                    "Purpose {p}: the legal obligation now names its statute, {}",
                    code(&b)
                );
                self.push(BasisChanged, Editorial, Area::Purpose, subject, message)
                    .after = Some(b.to_string());
            }
            (Some(a), None) => {
                let message = format!(
                    "Purpose {p}: the legal obligation no longer names its statute (was {})",
                    code(&a)
                );
                self.push(BasisChanged, Editorial, Area::Purpose, subject, message)
                    .before = Some(a.to_string());
            }
            _ => {}
        }
        let (a, b) = (name(&o.mechanism), name(&n.mechanism));
        if a != b {
            let message = match (&a, &b) {
                (Some(a), Some(b)) => format!(
                    "Purpose {p}: consent is now collected by {} (was {})",
                    code(b),
                    code(a)
                ),
                (None, Some(b)) => format!("Purpose {p}: consent is now collected by {}", code(b)),
                (Some(a), _) => format!(
                    "Purpose {p} no longer says how consent is collected (was {})",
                    code(a)
                ),
                (None, None) => String::new(),
            };
            let because = match &a {
                Some(a) => format!("consents collected by {} do not show consent given by the new mechanism (GDPR Art. 7(1))", code(a)),
                None => "the old version did not say how consent was collected, so the consents held may not show it (GDPR Art. 7(1))".into(),
            };
            let d = self.push(
                ConsentMechanismChanged,
                ReConsent,
                Area::Purpose,
                subject,
                message,
            );
            d.before = a.map(Into::into);
            d.after = b.map(Into::into);
            d.because = Some(because);
        }
        if !super::same_text(o.withdraw.as_ref(), n.withdraw.as_ref()) {
            let (consequence, message) = match (&o.withdraw, &n.withdraw) {
                (None, _) => (
                    Editorial,
                    format!("Purpose {p} now says how to withdraw consent"),
                ),
                (Some(_), None) => (
                    NoticeUpdate,
                    format!("Purpose {p} no longer says how to withdraw consent"),
                ),
                (Some(_), Some(_)) => (
                    NoticeUpdate,
                    format!("Purpose {p}: how to withdraw consent changed"),
                ),
            };
            let d = self.push(
                WithdrawalChanged,
                consequence,
                Area::Purpose,
                subject,
                message,
            );
            (d.before, d.after) = super::show_pair(o.withdraw.as_ref(), n.withdraw.as_ref());
            if consequence == NoticeUpdate {
                d.because = Some("people must know how to withdraw consent before the old way stops working (GDPR Art. 7(3), 13(2)(c))".into());
            }
        }
    }

    /// Data used, through the `includes` of data categories.
    fn purpose_data(
        &mut self,
        o: &Purpose,
        n: &Purpose,
        widen: Consequence,
        because: Option<String>,
    ) {
        let (old_side, new_side) = (self.old.clone(), self.new.clone());
        let (os, ns) = (old_side.closure_of(&o.uses), new_side.closure_of(&n.uses));
        let added: BTreeSet<String> = ns.difference(&os).cloned().collect();
        let removed: BTreeSet<String> = os.difference(&ns).cloned().collect();
        let p = code(&n.name);
        if !added.is_empty() {
            let (names, shown) = new_side.roots(&added, &n.uses);
            let d = self.push(
                DataAdded,
                widen,
                Area::Purpose,
                &n.name,
                format!("Purpose {p} now also uses {shown}"),
            );
            d.added = names;
            d.because = because;
        }
        if !removed.is_empty() {
            let (names, shown) = old_side.roots(&removed, &o.uses);
            let d = self.push(
                DataRemoved,
                Editorial,
                Area::Purpose,
                &n.name,
                format!("Purpose {p} no longer uses {shown}"),
            );
            d.removed = names;
        }
    }

    fn marketing(
        &mut self,
        o: &Purpose,
        n: &Purpose,
        widen: Consequence,
        because: &Option<String>,
    ) {
        let subject = n.name.as_str();
        let p = code(subject);
        let channels = |p: &Purpose| p.direct_marketing.as_ref().map(|d| name_set(&d.channels));
        match (channels(o), channels(n)) {
            (None, Some(c)) => {
                let via = if c.is_empty() {
                    String::new()
                } else {
                    format!(" via {}", codes(c.iter().map(String::as_str)))
                };
                let d = self.push(
                    DirectMarketingAdded,
                    widen,
                    Area::Purpose,
                    subject,
                    format!("Purpose {p} now does direct marketing{via}"),
                );
                d.added = c.into_iter().collect();
                d.because = because.clone();
            }
            (Some(a), Some(b)) => {
                let added: Vec<String> = b.difference(&a).cloned().collect();
                let removed: Vec<String> = a.difference(&b).cloned().collect();
                if !added.is_empty() {
                    let message = format!(
                        "Purpose {p} now also markets via {}",
                        codes(added.iter().map(String::as_str))
                    );
                    let d = self.push(DirectMarketingAdded, widen, Area::Purpose, subject, message);
                    d.added = added;
                    d.because = because.clone();
                }
                if !removed.is_empty() {
                    let message = format!(
                        "Purpose {p} no longer markets via {}",
                        codes(removed.iter().map(String::as_str))
                    );
                    self.push(
                        DirectMarketingRemoved,
                        Editorial,
                        Area::Purpose,
                        subject,
                        message,
                    )
                    .removed = removed;
                }
            }
            (Some(_), None) => {
                self.push(
                    DirectMarketingRemoved,
                    Editorial,
                    Area::Purpose,
                    subject,
                    format!("Purpose {p} no longer does direct marketing"),
                );
            }
            (None, None) => {}
        }
        match (o.soft_opt_in.is_some(), n.soft_opt_in.is_some()) {
            (false, true) => {
                let message =
                    format!("Purpose {p} now relies on the soft opt-in for existing customers");
                self.push(DirectMarketingAdded, widen, Area::Purpose, subject, message)
                    .because = because.clone();
            }
            (true, false) => {
                let message = format!("Purpose {p} no longer relies on the soft opt-in");
                self.push(
                    DirectMarketingRemoved,
                    Editorial,
                    Area::Purpose,
                    subject,
                    message,
                );
            }
            _ => {}
        }
    }

    fn requirement(&mut self, o: &Purpose, n: &Purpose) {
        let word = |r: Requirement| match r {
            Requirement::Statutory => "statutory",
            Requirement::Contractual => "contractual",
            Requirement::PreContract => "pre-contract",
            Requirement::Voluntary => "voluntary",
        };
        let subject = n.name.as_str();
        let p = code(subject);
        let (a, b) = (
            o.requirement.as_ref().map(|r| r.0),
            n.requirement.as_ref().map(|r| r.0),
        );
        let (consequence, message) = match (a, b) {
            (Some(a), Some(b)) if a != b => (
                if a == Requirement::Voluntary {
                    NoticeUpdate
                } else {
                    Editorial
                },
                format!(
                    "Purpose {p}: providing the data is now {} (was {})",
                    word(b),
                    word(a)
                ),
            ),
            (None, Some(b)) => (
                Editorial,
                format!(
                    "Purpose {p}: providing the data is now stated to be {}",
                    word(b)
                ),
            ),
            (Some(a), None) => (
                Editorial,
                format!(
                    "Purpose {p} no longer says whether providing the data is required (was {})",
                    word(a)
                ),
            ),
            _ => return,
        };
        let d = self.push(
            RequirementChanged,
            consequence,
            Area::Purpose,
            subject,
            message,
        );
        d.before = a.map(|a| word(a).to_string());
        d.after = b.map(|b| word(b).to_string());
        if consequence == NoticeUpdate {
            d.because = Some(
                "people who gave the data voluntarily must be told that it is now required, and what happens if they do not \
                 provide it (GDPR Art. 13(2)(e))"
                    .into(),
            );
        }
    }
}

/// The explanatory texts of a purpose that both versions can have, by field.
fn purpose_texts<'p>(
    o: &'p Purpose,
    n: &'p Purpose,
) -> Vec<(String, Option<&'p Text>, Option<&'p Text>)> {
    let mut out = vec![(
        "description".to_string(),
        o.description.as_ref(),
        n.description.as_ref(),
    )];
    for nb in &n.bases {
        let Some(ob) = o.bases.iter().find(|b| b.basis.name == nb.basis.name) else {
            continue;
        };
        let b = &nb.basis.name;
        out.push((
            format!("basis {b}: interest"),
            ob.interest.as_ref(),
            nb.interest.as_ref(),
        ));
        out.push((
            format!("basis {b}: applies when"),
            ob.condition.as_ref(),
            nb.condition.as_ref(),
        ));
        out.push((
            format!("basis {b}: collected"),
            ob.collected.as_ref(),
            nb.collected.as_ref(),
        ));
        out.push((
            format!("basis {b}: balancing"),
            ob.balancing.as_ref(),
            nb.balancing.as_ref(),
        ));
    }
    for nc in &n.conditions {
        let Some(oc) = o.conditions.iter().find(|c| c.basis.name == nc.basis.name) else {
            continue;
        };
        out.push((
            format!("condition {}", nc.basis.name),
            oc.text.as_ref(),
            nc.text.as_ref(),
        ));
    }
    let req = |p: &'p Purpose| p.requirement.as_ref().and_then(|r| r.1.as_ref());
    out.push(("requirement".to_string(), req(o), req(n)));
    let flag = |f: &'p Option<crate::ir::Flagged>| f.as_ref().and_then(|f| f.text.as_ref());
    out.push((
        "profiling".to_string(),
        flag(&o.profiling),
        flag(&n.profiling),
    ));
    out.push((
        "soft opt-in".to_string(),
        flag(&o.soft_opt_in),
        flag(&n.soft_opt_in),
    ));
    if let (
        Some(AutomatedDecision::Significant {
            logic: l1,
            significance: s1,
            consequences: c1,
            safeguards: g1,
            ..
        }),
        Some(AutomatedDecision::Significant {
            logic: l2,
            significance: s2,
            consequences: c2,
            safeguards: g2,
            ..
        }),
    ) = (&o.automated_decision, &n.automated_decision)
    {
        out.push((
            "automated decision logic".to_string(),
            l1.as_ref(),
            l2.as_ref(),
        ));
        out.push((
            "automated decision significance".to_string(),
            s1.as_ref(),
            s2.as_ref(),
        ));
        out.push((
            "automated decision consequences".to_string(),
            c1.as_ref(),
            c2.as_ref(),
        ));
        out.push((
            "automated decision safeguards".to_string(),
            g1.as_ref(),
            g2.as_ref(),
        ));
    }
    out
}
