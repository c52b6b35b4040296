//! What rules may ask about a policy: the semantic model (`sema::Sema`, through `Deref`), plus the
//! helpers that shape findings (labels, English names for messages, the place of a phrase in a text).
//! Rules never answer a question about the policy's meaning themselves: they ask `Sema`, so the
//! notice, the diff and the editor get the same answer.

use std::ops::Deref;

use crate::diagnostic::Label;
use crate::ir::*;
use crate::sema::Sema;

pub struct RuleCx<'a> {
    sema: Sema<'a>,
}

impl<'a> Deref for RuleCx<'a> {
    type Target = Sema<'a>;
    fn deref(&self) -> &Sema<'a> {
        &self.sema
    }
}

impl<'a> RuleCx<'a> {
    pub fn new(policy: &'a Policy, vocab: &'a Vocabulary, as_of: Date) -> Self {
        RuleCx {
            sema: Sema::with_vocab(policy, vocab, as_of),
        }
    }

    pub fn sema(&self) -> &Sema<'a> {
        &self.sema
    }

    pub fn label(loc: Loc, message: impl Into<String>) -> Label {
        Label::new(loc.file, loc.span, message)
    }

    /// The English label of a vocabulary entry, for messages; the name if it has none.
    pub fn name_of(&self, name: &str) -> String {
        self.vocab
            .label(name, "en")
            .unwrap_or_else(|| name.to_string())
    }

    /// The place of `phrase` inside `text`, when the text is one plain string (no translations, no
    /// escapes) whose source span is exactly its quoted value; else the whole text.
    pub fn phrase_loc(text: &Text, loc: Loc, phrase: &str) -> Loc {
        let mut values = text.by_lang.values();
        let (Some(value), None) = (values.next(), values.next()) else {
            return loc;
        };
        let lower = value.to_lowercase();
        if loc.span.end() - loc.span.start() != value.len() + 2 || lower.len() != value.len() {
            return loc;
        }
        match lower.find(&phrase.to_lowercase()) {
            Some(i) => {
                let start = loc.span.start() + 1 + i;
                Loc {
                    file: loc.file,
                    span: crate::syntax::ast::Span::new(start, start + phrase.len()),
                }
            }
            None => loc,
        }
    }

    /// The waivers of the `policy` declaration: findings about the policy as a whole.
    pub fn policy_waivers(&self) -> &'a [Waiver] {
        self.policy.meta.as_ref().map_or(&[], |m| &m.waivers)
    }

    /// The waivers of the `controller` declaration, or of the `policy` when there is no controller.
    pub fn controller_waivers(&self) -> &'a [Waiver] {
        match &self.policy.controller {
            Some(c) => &c.waivers,
            None => self.policy_waivers(),
        }
    }

    /// "when this policy was dated 2018-05-22", if the policy's own date explains a finding.
    pub fn dated_clause(&self, valid_then: impl Fn(Date) -> bool) -> Option<String> {
        let date = self.policy_date()?;
        valid_then(date).then(|| format!("when this policy was dated {date}"))
    }
}
