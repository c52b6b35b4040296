//! `consent-for-necessary-processing`: consent is used for processing that rests on a contract or a legal obligation, or in recruitment.
//!
//! Fires once on each consent basis (a stdlib basis flagged `withdrawable`) of a purpose when
//! - the purpose's kind `expects` bases and every one of them is a basis of necessity, neither
//!   consent (`withdrawable`) nor legitimate interests (`states-interest`): contract, legal obligation
//!   (bookkeeping, order fulfilment, payment, recruitment, ...); or else
//! - one of the purpose's subjects, or a subject it refines, is named in the stdlib list
//!   `employment-subjects` by its name or its `dpv` concept (job applicants, employees): consent is rarely
//!   free where the data subject depends on the controller.

use crate::check::{Fact, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::{Label, Severity};
use crate::ir::{BasisUse, Purpose, PurposeKind, Ref};

pub static RULE: Rule = Rule {
    id: "consent-for-necessary-processing",
    group: "bases",
    default: Severity::Warning,
    reach: Reach::Declaration,
    national: &[],
    facts: &[Fact::Phrases("employment-subjects")],
    absent: &[],
    summary: "consent is used for processing that rests on a contract or a legal obligation, or in recruitment",
    legal: "GDPR Art. 6(1)(a)-(c), 7(4); EDPB Guidelines 05/2020 and 2/2019",
    explain: include_str!("../../../docs/rules/consent-for-necessary-processing.md"),
    check,
};

/// The stdlib list of subjects in an employment relationship with the controller.
const EMPLOYMENT: &str = "employment-subjects";

fn check(cx: &RuleCx, out: &mut Findings) {
    for p in &cx.policy.purposes {
        for b in cx.consent_bases(p) {
            if let Some(kind) = cx.kind_of(p).filter(|k| of_necessity(cx, k)) {
                report_kind(cx, out, p, b, kind);
            } else if let Some(subject) = p.about.iter().find(|s| in_employment(cx, &s.name)) {
                report_employment(out, p, b, subject);
            }
        }
    }
}

/// The kind expects only bases that are neither consent nor legitimate interests.
fn of_necessity(cx: &RuleCx, kind: &PurposeKind) -> bool {
    !kind.expects.is_empty()
        && kind.expects.iter().all(|e| {
            cx.basis(&e.name)
                .is_some_and(|b| !b.withdrawable && !b.states_interest)
        })
}

fn report_kind(cx: &RuleCx, out: &mut Findings, p: &Purpose, b: &BasisUse, kind: &PurposeKind) {
    let expected: Vec<String> = kind
        .expects
        .iter()
        .map(|e| format!("`{}`", e.name))
        .collect();
    let why: Vec<String> = kind.expects.iter().map(|e| cx.name_of(&e.name)).collect();
    let d = out.add(
        &p.waivers,
        format!(
            "purpose `{}` rests on `{}`, but `{}` processing is {}",
            p.name,
            b.basis.name,
            kind.entry.name,
            why.join(" or ")
        ),
        RuleCx::label(
            b.basis.loc,
            format!(
                "`{}` for processing that rests on {}",
                b.basis.name,
                expected.join(" or ")
            ),
        ),
    );
    if let Some(k) = &p.kind {
        d.secondary.push(Label::new(
            k.loc.file,
            k.loc.span,
            format!("`{}` expects {}", kind.entry.name, expected.join(" or ")),
        ));
    }
    d.notes.push(
        "consent can be withdrawn at any time; processing that must go on regardless cannot rest on it, and asking for consent misleads the data subject about their choice"
            .to_string(),
    );
    let uses: Vec<String> = kind
        .expects
        .iter()
        .map(|e| {
            if cx.basis(&e.name).is_some_and(|x| x.cites_statute) {
                format!("`basis {} under STATUTE`", e.name)
            } else {
                format!("`basis {}`", e.name)
            }
        })
        .collect();
    d.help = Some(format!(
        "use {} instead of `basis {}`",
        uses.join(" or "),
        b.basis.name
    ));
}

fn report_employment(out: &mut Findings, p: &Purpose, b: &BasisUse, subject: &Ref) {
    let d = out.add(
        &p.waivers,
        format!(
            "purpose `{}` rests on `{}` from job applicants or employees",
            p.name, b.basis.name
        ),
        RuleCx::label(b.basis.loc, "consent in an employment relationship"),
    );
    d.secondary.push(Label::new(
        subject.loc.file,
        subject.loc.span,
        format!("`{}` are applicants or employees", subject.name),
    ));
    d.notes.push(
        "the imbalance of power between employer and applicant or employee means consent is rarely freely given".to_string(),
    );
    d.help = Some(
        "rest the processing on what makes it necessary, e.g. `basis contract` (steps before an employment contract) or `basis legal-obligation under STATUTE`"
            .to_string(),
    );
}

/// The subject, or one it refines, is named in the stdlib's employment list by name or DPV concept.
fn in_employment(cx: &RuleCx, subject: &str) -> bool {
    let list = cx.phrases(EMPLOYMENT);
    let listed = |s: &str| list.iter().any(|l| l.eq_ignore_ascii_case(s));
    let mut next = Some(subject.to_string());
    let mut seen = Vec::new();
    while let Some(name) = next.take() {
        let Some(s) = cx.vocab.subjects.get(&name) else {
            break;
        };
        if seen.contains(&name) {
            break;
        }
        let plain = name.strip_prefix("std.").unwrap_or(&name);
        if listed(plain) || s.dpv.as_deref().is_some_and(listed) {
            return true;
        }
        next = s.parent.as_ref().map(|r| r.name.to_string());
        seen.push(name);
    }
    false
}
