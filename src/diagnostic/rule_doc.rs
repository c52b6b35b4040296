//! What the machine-readable writers (JSON, SARIF) say about a checker rule. The caller passes the
//! catalog in, so that `diagnostic` depends on nothing above it (the rules live in `check`).

use super::Severity;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleDoc {
    pub id: &'static str,
    pub group: &'static str,
    pub summary: &'static str,
    /// The legal reference, e.g. "GDPR Art. 7(3)".
    pub legal: &'static str,
    /// The level a rule has unless `vern.toml` changes it.
    pub default: Severity,
    /// The explain page as a reader sees it (Markdown).
    pub explain: String,
}

/// The rule with id `code`, if `code` names a rule.
pub fn find<'a>(docs: &'a [RuleDoc], code: &str) -> Option<&'a RuleDoc> {
    docs.iter().find(|d| d.id == code)
}
