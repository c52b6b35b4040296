//! `controller-not-legal-person`: the controller is named by a job title or department.

use crate::check::{Fact, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;

pub static RULE: Rule = Rule {
    id: "controller-not-legal-person",
    group: "controller",
    default: Severity::Error,
    reach: Reach::Declaration,
    national: &[],
    facts: &[Fact::Phrases("legal-forms"), Fact::Phrases("role-titles")],
    absent: &[],
    summary: "the controller is named by a job title or department, not a natural or legal person",
    legal: "GDPR Art. 4(7), 13(1)(a)",
    explain: include_str!("../../../docs/rules/controller-not-legal-person.md"),
    check,
};

fn check(cx: &RuleCx, out: &mut Findings) {
    let Some(_) = &cx.policy.controller else {
        return;
    };
    for controller in cx.controllers() {
        check_one(cx, controller, out);
    }
}

/// The findings about one controller (a policy may have several).
fn check_one(cx: &RuleCx, controller: &crate::ir::Controller, out: &mut Findings) {
    let Some(name) = &controller.contact.name else {
        return;
    };
    if cx
        .phrases("legal-forms")
        .iter()
        .any(|form| has_words(name, form))
    {
        return;
    }
    let Some(title) = cx
        .phrases("role-titles")
        .iter()
        .find(|t| has_words(name, t))
    else {
        return;
    };
    let d = out.add(
        &controller.waivers,
        format!("the controller is named `{name}`, which is a role, not a person or company"),
        RuleCx::label(
            controller.loc,
            format!("`{title}` is a job title or department"),
        ),
    );
    d.notes.push("the controller is the natural or legal person that decides on the processing (Art. 4(7)); a role inside it is not".into());
    d.help = Some("name the company (or person) itself: `name \"Company AS\"`".into());
}

/// True if `phrase` occurs in `text` as whole words, ignoring case.
pub(super) fn has_words(text: &str, phrase: &str) -> bool {
    let words: Vec<String> = split(text);
    let needle: Vec<String> = split(phrase);
    !needle.is_empty() && words.windows(needle.len()).any(|w| w == needle.as_slice())
}

fn split(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';' | ':'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::has_words;

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(has_words("Daglig Leder", "daglig leder"));
        assert!(has_words("Carré Oslo AS", "AS"));
        assert!(!has_words("Asker Sko", "AS"));
        assert!(!has_words("Vdata Norge", "VD"));
    }
}
