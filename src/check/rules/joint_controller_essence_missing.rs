//! `joint-controller-essence-missing`: a recipient that makes the site a joint controller has no Art. 26 arrangement.
//!
//! Fires on a recipient without `arrangement` (or with an empty one) that either `is` a stdlib vendor
//! flagged `joint-controller-pattern` (a pixel, custom audiences, a fan page: CJEU Wirtschaftsakademie and
//! Fashion ID), or declares `role joint-controller`.

use crate::check::{Fact, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::{Label, Severity};
use crate::lang::Kind;

pub static RULE: Rule = Rule {
    id: "joint-controller-essence-missing",
    group: "recipients",
    default: Severity::Warning,
    reach: Reach::Declaration,
    national: &[],
    facts: &[Fact::Term(Kind::Role, "joint-controller")],
    absent: &["arrangement"],
    summary: "a recipient that makes the site a joint controller has no Art. 26 arrangement",
    legal: "GDPR Art. 26(1)-(2); CJEU C-210/16 Wirtschaftsakademie; C-40/17 Fashion ID",
    explain: include_str!("../../../docs/rules/joint-controller-essence-missing.md"),
    check,
};

fn bare(name: &str) -> &str {
    name.strip_prefix("std.").unwrap_or(name)
}

fn check(cx: &RuleCx, out: &mut Findings) {
    for r in &cx.policy.recipients {
        if r.arrangement.as_ref().is_some_and(|t| !t.is_empty()) {
            continue;
        }
        let role = r.roles.iter().find(|x| bare(&x.name) == "joint-controller");
        let pattern = r
            .vendor
            .as_ref()
            .and_then(|v| cx.vocab.vendors.get(&v.name).map(|vendor| (v, vendor)))
            .filter(|(_, vendor)| vendor.joint_controller_pattern);
        let d = match (role, pattern) {
            (Some(role), _) => {
                let message = format!(
                    "`{}` is a joint controller, but the essence of the arrangement is not given",
                    r.name
                );
                let d = out.add(
                    &r.waivers,
                    message,
                    RuleCx::label(role.loc, "no `arrangement`"),
                );
                if let Some((vref, vendor)) = pattern {
                    d.secondary.push(RuleCx::label(
                        vref.loc,
                        "a vendor used jointly with the site",
                    ));
                    d.secondary.push(Label::new(
                        vendor.entry.loc.file,
                        vendor.entry.loc.span,
                        "`joint-controller-pattern`",
                    ));
                }
                d
            }
            (None, Some((vref, vendor))) => {
                let message = format!(
                    "`{}` is `{}`, whose use makes the site a joint controller with it, but no arrangement is given",
                    r.name, vref.name
                );
                let d = out.add(
                    &r.waivers,
                    message,
                    RuleCx::label(r.loc, "no `arrangement`"),
                );
                d.secondary.push(RuleCx::label(vref.loc, "this vendor"));
                d.secondary.push(Label::new(
                    vendor.entry.loc.file,
                    vendor.entry.loc.span,
                    "`joint-controller-pattern`",
                ));
                if !r.roles.is_empty() {
                    d.notes.push(
                        "collecting and transmitting the data through the site's own page or tag is determined jointly, whatever the vendor does afterwards".into(),
                    );
                }
                d
            }
            (None, None) => continue,
        };
        d.notes.push(
            "the essence of an Art. 26 arrangement must be made available to the data subject"
                .into(),
        );
        d.help = Some(format!(
            "add `arrangement \"...\"` to `{}`: who does what for the joint part, and where the data subject can turn",
            r.name
        ));
    }
}
