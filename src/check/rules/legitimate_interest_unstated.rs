//! `legitimate-interest-unstated`: a purpose on legitimate interests does not state the interest, or states a generic one.
//!
//! For every `basis` of a purpose whose stdlib basis is flagged `states-interest`:
//! - no interest (neither the inline text nor `interest "..."`), or an empty one: an error;
//! - an interest that says no more than a phrase of the stdlib list `generic-interests` ("business
//!   purposes", "forretningsmessig perspektiv"): a warning. "No more than" means that once the generic
//!   phrases are taken out of the text (in any of its languages), no word of four letters or more is
//!   left: "Fra et forretningsmessig perspektiv" is generic, "Våre berettigede interesser i å forebygge
//!   svindel" is not.

use crate::check::{Fact, Findings, Reach, Rule, RuleCx};
use crate::diagnostic::Severity;
use crate::ir::Text;

pub static RULE: Rule = Rule {
    id: "legitimate-interest-unstated",
    group: "bases",
    default: Severity::Error,
    reach: Reach::Declaration,
    national: &[],
    facts: &[Fact::Phrases("generic-interests")],
    absent: &["interest", "basis"],
    summary: "a purpose on legitimate interests does not state the interest, or states a generic one",
    legal: "GDPR Art. 13(1)(d), 14(2)(b), Recital 47; CJEU C-621/22 KNLTB",
    explain: include_str!("../../../docs/rules/legitimate-interest-unstated.md"),
    check,
};

/// The stdlib phrase list of interests that state nothing.
const GENERIC: &str = "generic-interests";

/// A word this long, left after the generic phrases are removed, says something of its own.
const MEANINGFUL_WORD: usize = 4;

fn check(cx: &RuleCx, out: &mut Findings) {
    for p in &cx.policy.purposes {
        for b in &p.bases {
            if !cx.basis(&b.basis.name).is_some_and(|x| x.states_interest) {
                continue;
            }
            match b.interest.as_ref().filter(|t| !t.is_empty()) {
                None => {
                    let d = out.add(
                        &p.waivers,
                        format!("purpose `{}` rests on legitimate interests without stating the interest", p.name),
                        RuleCx::label(b.basis.loc, "no interest stated"),
                    );
                    d.help = Some(format!(
                        "state the interest: `basis {} \"...\"`, or `interest \"...\"` inside `basis {} {{ }}`",
                        b.basis.name, b.basis.name
                    ));
                }
                Some(text) => {
                    let Some(phrase) = generic_phrase(cx, text) else {
                        continue;
                    };
                    let at = text.loc.unwrap_or(b.basis.loc);
                    let d = out.add_at(
                        Severity::Warning,
                        &p.waivers,
                        format!(
                            "the legitimate interest of purpose `{}` is stated only generically",
                            p.name
                        ),
                        RuleCx::label(at, format!("says no more than \"{phrase}\"")),
                    );
                    d.help = Some(
                        "say what the interest is and whose it is, e.g. `interest \"Preventing orders with stolen cards\"`"
                            .to_string(),
                    );
                }
            }
        }
    }
}

/// The generic phrase an interest amounts to, if some translation says no more than generic phrases.
fn generic_phrase<'a>(cx: &RuleCx<'a>, text: &Text) -> Option<&'a str> {
    let phrases = cx.phrases(GENERIC);
    text.by_lang.values().find_map(|t| {
        let mut rest = t.to_lowercase();
        let mut first = None;
        // Longest first, so "våre berettigede interesser" goes before a shorter phrase inside it.
        let mut sorted: Vec<&String> = phrases.iter().collect();
        sorted.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
        for p in sorted {
            let lower = p.to_lowercase();
            if rest.contains(&lower) {
                rest = rest.replace(&lower, " ");
                first.get_or_insert(p.as_str());
            }
        }
        let meaningful = rest
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.chars().count() >= MEANINGFUL_WORD);
        first.filter(|_| !meaningful)
    })
}
