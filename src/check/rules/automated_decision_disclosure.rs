//! `automated-decision-disclosure`: automated decisions with significant effects lack their disclosures, or profiling lacks an Art. 22 statement.

use crate::check::{Findings, Reach, Rule, RuleCx};
use crate::diagnostic::{Label, Severity};
use crate::ir::{AutomatedDecision, Loc, Purpose, Text};
use crate::syntax::ast::Span;

pub static RULE: Rule = Rule {
    id: "automated-decision-disclosure",
    group: "profiling",
    default: Severity::Error,
    reach: Reach::Declaration,
    national: &[],
    facts: &[],
    absent: &["automated-decision", "profiling"],
    summary: "automated decisions with significant effects lack their disclosures, or profiling lacks an Art. 22 statement",
    legal: "GDPR Art. 13(2)(f), 14(2)(g), 15(1)(h), 22; CJEU C-634/21 SCHUFA",
    explain: include_str!("../../../docs/rules/automated-decision-disclosure.md"),
    check,
};

/// What Art. 13(2)(f) asks of a significant automated decision, as the properties of the block.
const PARTS: [(&str, &str); 4] = [
    ("logic", "the logic involved"),
    ("significance", "its significance"),
    ("consequences", "the envisaged consequences"),
    ("safeguards", "the Art. 22(3) safeguards"),
];

fn check(cx: &RuleCx, out: &mut Findings) {
    for purpose in &cx.policy.purposes {
        match &purpose.automated_decision {
            Some(AutomatedDecision::Significant {
                logic,
                significance,
                consequences,
                safeguards,
                loc,
            }) => {
                let given = [logic, significance, consequences, safeguards];
                let missing: Vec<(&str, &str)> = PARTS
                    .iter()
                    .zip(given)
                    .filter(|(_, text)| text.as_ref().is_none_or(Text::is_empty))
                    .map(|(part, _)| *part)
                    .collect();
                if missing.is_empty() {
                    continue;
                }
                let keys: Vec<String> = missing.iter().map(|(k, _)| format!("`{k}`")).collect();
                let what: Vec<&str> = missing.iter().map(|(_, w)| *w).collect();
                let d = out.add(
                    &purpose.waivers,
                    format!(
                        "the automated decision in `{}` does not state {}",
                        purpose.name,
                        join(&what)
                    ),
                    RuleCx::label(
                        head(*loc, "automated-decision"),
                        format!("no {}", join_or(&keys)),
                    ),
                );
                let example: Vec<String> = missing
                    .iter()
                    .map(|(k, _)| format!("{k} \"...\""))
                    .collect();
                d.help = Some(format!(
                    "add {} inside `automated-decision {{ }}`",
                    join_code(&example)
                ));
                d.notes.push(
                    "a decision based solely on automated processing with legal or similarly significant effects must come with meaningful information about the logic involved, its significance and envisaged consequences, and the right to human intervention, to express one's view and to contest the decision"
                        .to_string(),
                );
            }
            Some(AutomatedDecision::None(_)) => {}
            None => {
                let Some(label) = profiling_label(cx, purpose) else {
                    continue;
                };
                let d = out.add_at(
                    Severity::Info,
                    &purpose.waivers,
                    format!("`{}` involves profiling but does not say whether it leads to automated decisions", purpose.name),
                    label,
                );
                d.help = Some(
                    "add `automated-decision none` if no decision with legal or similarly significant effects is made solely by automated means, or `automated-decision { logic \"...\" significance \"...\" consequences \"...\" safeguards \"...\" }`"
                        .to_string(),
                );
            }
        }
    }
}

/// Where the purpose says it profiles: its `profiling` property, or its kind if the kind is flagged.
fn profiling_label(cx: &RuleCx, purpose: &Purpose) -> Option<Label> {
    if let Some(flag) = &purpose.profiling {
        return Some(RuleCx::label(head(flag.loc, "profiling"), "profiling"));
    }
    let kind = purpose.kind.as_ref()?;
    cx.kind_of(purpose).filter(|k| k.profiling).map(|_| {
        RuleCx::label(
            kind.loc,
            format!("a `{}` purpose involves profiling", kind.name),
        )
    })
}

fn join(items: &[impl AsRef<str>]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

/// The key of a property, rather than the property with its arguments and block.
fn head(loc: Loc, key: &str) -> Loc {
    Loc {
        file: loc.file,
        span: Span::new(
            loc.span.start(),
            (loc.span.start() + key.len()).min(loc.span.end()),
        ),
    }
}

fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}

fn join_code(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("`{s}`")).collect();
    join(&quoted)
}
