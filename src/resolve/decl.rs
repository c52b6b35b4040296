//! One declaration, lowered on its own, and placed in its policy.
//!
//! `lower` turns a declaration into its part of the IR (`Lowered`) and reads nothing of any other
//! declaration but its name and kind (`Scope`). The editor runs it as a query per declaration
//! (`resolve::lower_declaration`), on the declaration's own text with spans relative to its start, so
//! that an edit re-lowers only the declaration it touched; the command line runs it inline on the
//! file's tree. `place` then puts each result into the policy, in file order, for both.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Diagnostic, Label, Severity, codes};
use crate::ir::{
    Controller, Cookie, Joint, Loc, Meta, OrgRule, Policy, Purpose, Recipient, Rights, Vocabulary,
};
use crate::lang::Kind;
use crate::syntax::ast::{Item, ItemDecl, Shift, Span};

use super::cx::Cx;
use super::scope::{Scope, Symbol};
use super::{joint, org_rules, policy, vocab};

/// A declaration's part of the policy, with the diagnostics of lowering it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lowered {
    /// The file of the declaration: its places are the ones that move.
    pub file: crate::db::SourceFile,
    pub part: Part,
    /// The properties the declaration tried to give and could not (a misspelt key, a wrong value),
    /// so that rules do not report them as unsaid.
    pub attempted: BTreeSet<String>,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Meta(Box<Meta>),
    Controller(Box<Controller>),
    Joint(Box<Joint>),
    Purpose(Box<Purpose>),
    Recipient(Box<Recipient>),
    Cookie(Box<Cookie>),
    Rights(Box<Rights>),
    /// A `data` or `subject` declaration: its vocabulary entry, and the name the policy lists.
    Data(String, Vocabulary),
    Subject(String, Vocabulary),
    /// Any other vocabulary declaration (a purpose kind, a statute, a vendor, ...).
    Vocab(Vocabulary),
    OrgRule(Box<OrgRule>),
}

impl Shift for Lowered {
    fn shift(&mut self, by: usize) {
        // A diagnostic may also point into the stdlib (a wrong kind names the stdlib term found),
        // whose places are absolute and stay.
        let file = self.file;
        for d in &mut self.diagnostics {
            for label in std::iter::once(&mut d.primary).chain(d.secondary.iter_mut()) {
                if label.file == file {
                    label.span.shift(by);
                }
            }
            for edit in d.fixes.iter_mut().flat_map(|f| f.edits.iter_mut()) {
                if edit.file == file {
                    edit.span.shift(by);
                }
            }
        }
        match &mut self.part {
            Part::Meta(m) => m.shift(by),
            Part::Controller(c) => c.shift(by),
            Part::Joint(j) => j.shift(by),
            Part::Purpose(p) => p.shift(by),
            Part::Recipient(r) => r.shift(by),
            Part::Cookie(c) => c.shift(by),
            Part::Rights(r) => r.shift(by),
            Part::Data(_, v) | Part::Subject(_, v) | Part::Vocab(v) => v.shift(by),
            Part::OrgRule(r) => r.shift(by),
        }
    }
}

/// Where a declaration is lowered: everything lowering reads besides the declaration itself.
pub struct Site<'a> {
    pub file: crate::db::SourceFile,
    pub scope: &'a Scope<'a>,
    /// The policy's languages (empty when it declares none) and the language of untagged text.
    pub languages: &'a [String],
    pub default_lang: &'a str,
    /// Whether the policy's symbol of the declaration's name is this declaration (`Cx::own`).
    pub owns_name: bool,
}

/// Lowers one declaration: checks its properties against its kind, then lowers it.
pub fn lower(at: &Site, d: &ItemDecl, kind: Kind, name: &str) -> Lowered {
    let mut diagnostics = Vec::new();
    let cx = &mut Cx {
        file: at.file,
        scope: at.scope,
        default_lang: at.default_lang,
        languages: (!at.languages.is_empty()).then_some(at.languages),
        diags: &mut diagnostics,
        own: at.owns_name.then_some(name),
    };
    let languages = at.languages;
    let meant = cx.check_props(d.items(), kind.props(), kind.noun(), |_| {
        kind == Kind::Rights
    });
    let errors_from = cx.diags.len();
    let part = match kind {
        Kind::Policy => Part::Meta(Box::new(policy::meta(cx, d, languages.to_vec()))),
        Kind::Controller => Part::Controller(Box::new(policy::controller(cx, d, name))),
        Kind::Joint => Part::Joint(Box::new(joint::joint(cx, d, name))),
        Kind::Purpose => Part::Purpose(Box::new(policy::purpose(cx, d, name))),
        Kind::Recipient => Part::Recipient(Box::new(policy::recipient(cx, d, name))),
        Kind::Cookie => Part::Cookie(Box::new(policy::cookie(cx, d, name))),
        Kind::Rights => Part::Rights(Box::new(policy::rights(cx, d))),
        Kind::Forbid | Kind::Require => {
            Part::OrgRule(Box::new(org_rules::lower(cx, d, kind, name)))
        }
        _ => {
            let mut own = Vocabulary::default();
            vocab::lower(cx, d, kind, name, None, &mut own);
            match kind {
                Kind::Data => Part::Data(name.to_string(), own),
                Kind::Subject => Part::Subject(name.to_string(), own),
                _ => Part::Vocab(own),
            }
        }
    };
    let file = cx.file;
    let failed = cx.diags[errors_from..]
        .iter()
        .filter(|e| e.severity == Severity::Error)
        .filter_map(|e| {
            let at = &e.primary;
            (at.file == file)
                .then(|| property_at(d.items(), at.span))
                .flatten()
        });
    let attempted = meant
        .into_iter()
        .map(str::to_string)
        .chain(failed)
        .collect();
    Lowered {
        file,
        part,
        attempted,
        diagnostics,
    }
}

/// The key of the (top-level or nested) property whose item contains `span`: the outermost one, so
/// that an error deep in a `transfer` block counts against `transfer`.
fn property_at(items: &[Item], span: Span) -> Option<String> {
    items
        .iter()
        .find(|i| i.span.start() <= span.start() && span.end() <= i.span.end())
        .map(|i| i.key.text.to_string())
}

/// Places one lowered declaration (with file offsets) in the policy: the first `policy` and
/// `rights` count and a second is reported; the first controller is the main one.
pub fn place(
    lowered: Lowered,
    whole: Loc,
    local: &BTreeMap<crate::ir::Name, Symbol>,
    policy: &mut Policy,
    vocab: &mut Vocabulary,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Lowered {
        file: _,
        part,
        attempted,
        diagnostics: mut own,
    } = lowered;
    own.iter_mut().for_each(|d| place_anchors(d, local));
    diagnostics.extend(own);
    policy
        .unreadable
        .properties
        .extend(attempted.into_iter().map(|p| (whole, p)));
    match part {
        Part::Meta(m) => {
            if policy.meta.is_none() {
                policy.meta = Some(*m);
            }
        }
        Part::Controller(c) => {
            if policy.controller.is_none() {
                policy.controller = Some(*c);
            } else {
                policy.other_controllers.push(*c);
            }
        }
        Part::Joint(j) => policy.joints.push(*j),
        Part::Purpose(p) => policy.purposes.push(*p),
        Part::Recipient(r) => policy.recipients.push(*r),
        Part::Cookie(c) => policy.cookies.push(*c),
        Part::Rights(r) => {
            if let Some(first) = &policy.rights {
                diagnostics.push(
                    Diagnostic::error(
                        codes::DUPLICATE_POLICY,
                        "a policy has one `rights` block",
                        // A rights block's place is its keyword.
                        Label::new(r.loc.file, r.loc.span, "another one here"),
                    )
                    .with_secondary(Label::new(
                        first.loc.file,
                        first.loc.span,
                        "the first is here",
                    ))
                    .with_help("list every right in one `rights` block"),
                );
            } else {
                policy.rights = Some(*r);
            }
        }
        Part::Data(name, own) => {
            vocab.absorb(own);
            policy.data.push(name.into());
        }
        Part::Subject(name, own) => {
            vocab.absorb(own);
            policy.subjects.push(name.into());
        }
        Part::Vocab(own) => vocab.absorb(own),
        Part::OrgRule(r) => policy.org_rules.push(*r),
    }
}

/// Points each anchored label at the name of the declaration it names.
fn place_anchors(d: &mut Diagnostic, local: &BTreeMap<crate::ir::Name, Symbol>) {
    for label in std::iter::once(&mut d.primary).chain(d.secondary.iter_mut()) {
        if let Some(name) = label.anchor.take()
            && let Some(sym) = local.get(name.as_str())
        {
            label.file = sym.file;
            label.span = sym.span;
        }
    }
}
