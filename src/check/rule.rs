//! What a rule is: an id, a default level, its documentation, and a function over the policy.
//! Every rule lives in its own file under `rules/`, registered in `rules/mod.rs`.

use crate::diagnostic::{Diagnostic, Severity};
use crate::ir::Waiver;

use super::context::RuleCx;

/// A level a user can give a rule in `vern.toml`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Allow,
    Info,
    Warn,
    Deny,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Allow => None,
            Level::Info => Some(Severity::Info),
            Level::Warn => Some(Severity::Warning),
            Level::Deny => Some(Severity::Error),
        }
    }
    pub fn of(severity: Severity) -> Level {
        match severity {
            Severity::Info => Level::Info,
            Severity::Warning => Level::Warn,
            Severity::Error => Level::Deny,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Info => "info",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }
    pub fn parse(s: &str) -> Option<Level> {
        Some(match s {
            "allow" => Level::Allow,
            "info" => Level::Info,
            "warn" => Level::Warn,
            "deny" => Level::Deny,
            _ => return None,
        })
    }
}

/// Whether a rule needs the whole policy (a file with a `policy` declaration) or judges single
/// declarations, and so also runs on fragments such as shared files and documentation snippets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    Policy,
    Declaration,
}

pub struct Rule {
    /// Stable kebab-case id, from the catalog in docs/rules.md.
    pub id: &'static str,
    pub group: &'static str,
    pub default: Severity,
    pub reach: Reach,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// The EU legal reference, one line. The national statute in force for the policy's jurisdictions
    /// is added to each finding from the stdlib, by the families in `national`.
    pub legal: &'static str,
    /// Statute families (`cookie-consent`, `bookkeeping`) whose statute in force for the controller's
    /// and the audience's countries completes a finding's legal reference.
    pub national: &'static [&'static str],
    /// The stdlib facts the rule reads by name; `tests/stdlib.rs` checks that each exists, so a
    /// missing one fails the build instead of switching the rule off.
    pub facts: &'static [Fact],
    /// The properties whose absence the rule reports. Where the declaration a finding is about tried to
    /// give one of them and failed (a misspelt key, a wrong value: reported by its own error), the
    /// finding is not made. [`BROKEN`] in the list: the rule reads every declaration, and makes no
    /// finding while some declaration did not parse.
    pub absent: &'static [&'static str],
    /// Markdown with the headings What it does, Why is this bad?, Example, Use instead, Legal reference.
    pub explain: &'static str,
    pub check: fn(&RuleCx, &mut Findings),
}

/// In [`Rule::absent`]: the rule's findings depend on every declaration being read.
pub const BROKEN: &str = "*";

/// In [`Rule::absent`], before a property: the property attempted in any declaration holds the rule
/// back (`data-category-unused` cannot tell what a `uses` that failed would have used).
pub const ANYWHERE: &str = "anywhere:";

/// A stdlib fact a rule reads by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    /// A phrase list, which must have phrases.
    Phrases(&'static str),
    /// A statute family, which some statute must belong to.
    Family(&'static str),
    /// A vocabulary entry of a kind.
    Term(crate::lang::Kind, &'static str),
}

/// Collects one rule's findings, applying the waivers of the declaration each is about.
pub struct Findings {
    rule: &'static Rule,
    /// The legal reference of every finding: the rule's EU reference and the national statutes.
    legal: String,
    pub(super) out: Vec<Diagnostic>,
}

impl Findings {
    /// Findings with the rule's EU reference only (for tests and tools without a policy).
    pub fn new(rule: &'static Rule) -> Self {
        Self::with_legal(rule, rule.legal.to_string())
    }

    /// Findings whose legal reference is `legal` (the EU provision and the national statutes in
    /// force for the policy, from `Sema::legal_reference`).
    pub fn with_legal(rule: &'static Rule, legal: String) -> Self {
        Findings {
            rule,
            legal,
            out: Vec::new(),
        }
    }

    /// A finding at the rule's default severity. `waivers` are those of the declaration it is about.
    pub fn add(
        &mut self,
        waivers: &[Waiver],
        message: impl Into<String>,
        primary: crate::diagnostic::Label,
    ) -> &mut Diagnostic {
        self.add_at(self.rule.default, waivers, message, primary)
    }

    /// A finding at another severity than the default (some rules downgrade, e.g. to a warning).
    pub fn add_at(
        &mut self,
        severity: Severity,
        waivers: &[Waiver],
        message: impl Into<String>,
        primary: crate::diagnostic::Label,
    ) -> &mut Diagnostic {
        let mut d = Diagnostic::new(self.rule.id, severity, message, primary);
        d.waived = waivers
            .iter()
            .find(|w| w.rule == self.rule.id)
            .map(|w| w.reason.clone());
        d.notes.push(format!("legal reference: {}", self.legal));
        self.out.push(d);
        let last = self.out.len() - 1;
        &mut self.out[last]
    }
}
