//! Names in scope: the policy's own declarations and the standard library's, and lookup with
//! did-you-mean, wrong-kind and "add `use std.no`" diagnostics.

use std::collections::{BTreeMap, BTreeSet};

use crate::db::SourceFile;
use crate::diagnostic::{Diagnostic, Label, codes};
use crate::ir::{Loc, Name, Ref};
use crate::lang::Kind;
use crate::stdlib;
use crate::syntax::ast::{Ident, Span};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub kind: Kind,
    pub file: SourceFile,
    /// The span of the declaration's name.
    pub span: Span,
    /// The stdlib module that declares it, for stdlib symbols.
    pub module: Option<&'static str>,
}

/// The stdlib's names, for every module.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StdScope {
    pub symbols: BTreeMap<Name, Symbol>,
    /// Statute families (`bookkeeping`), usable in `retain ... as FAMILY`.
    pub families: BTreeSet<String>,
    /// The vendor registry's declarations (name -> byte range in its file), lowered on first use.
    pub registry_vendors: BTreeMap<String, std::ops::Range<usize>>,
}

/// The names one policy (or the stdlib itself) can refer to.
pub struct Scope<'a> {
    /// The policy's own names. Lowering reads their kinds and files, never their places: a label at
    /// another declaration is anchored to its name (`Label::at_declaration`), so that one
    /// declaration's lowering does not change when another moves.
    pub local: &'a BTreeMap<Name, Symbol>,
    pub std: &'a StdScope,
    /// National modules the policy `use`s; `None` while resolving the stdlib itself (all visible).
    pub used_modules: Option<&'a BTreeSet<String>>,
}

impl Scope<'_> {
    fn std_visible(&self, sym: &Symbol) -> bool {
        match (self.used_modules, sym.module) {
            (None, _) | (_, None) => true,
            (Some(used), Some(module)) => {
                stdlib::module(module).is_some_and(|m| m.prelude)
                    || module == stdlib::REGISTRY_VENDORS_MODULE
                    || used.contains(module)
            }
        }
    }

    /// The canonical name of a stdlib symbol as seen from this scope.
    fn std_canonical(&self, name: &str) -> Name {
        if self.local.contains_key(name) {
            format!("std.{name}").into()
        } else {
            match self.std.symbols.get_key_value(name) {
                Some((key, _)) => key.clone(),
                None => name.into(),
            }
        }
    }

    /// Resolves `ident` to a declaration of one of `kinds`. `skip` is the name of the declaration
    /// being lowered, when the policy's symbol of that name is that declaration: it is excluded (so
    /// `purpose newsletter is newsletter` reaches the stdlib's). Reports and returns `None` when
    /// nothing fits; a wrong kind or a module not `use`d is reported but still resolved, so one
    /// mistake does not cascade.
    pub fn resolve(
        &self,
        file: SourceFile,
        ident: &Ident,
        kinds: &[Kind],
        skip: Option<&str>,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Ref> {
        let loc = Loc {
            file,
            span: ident.span,
        };
        let (name, std_only) = match ident.text.strip_prefix("std.") {
            Some(rest) => (rest, true),
            None => (ident.text.as_str(), false),
        };
        // The identifier's own interned text, when it is the name as written (no `std.`).
        let written = || -> Name {
            if std_only {
                name.into()
            } else {
                ident.text.clone()
            }
        };
        let local = (!std_only)
            .then(|| self.local.get(name))
            .flatten()
            .filter(|_| skip != Some(name));
        if let Some(sym) = local {
            if kinds.contains(&sym.kind) {
                return Some(Ref {
                    name: written(),
                    loc,
                });
            }
            // A policy name shadows a stdlib one of another kind: `data security` does not hide the
            // purpose kind `security` where a purpose kind is expected.
            let std_fits = self
                .std
                .symbols
                .get(name)
                .is_some_and(|s| kinds.contains(&s.kind) && self.std_visible(s));
            if !std_fits {
                diags.push(wrong_kind(file, ident, kinds, sym));
                return Some(Ref {
                    name: written(),
                    loc,
                });
            }
            return Some(Ref {
                name: self.std_canonical(name),
                loc,
            });
        }
        if let Some(sym) = self.std.symbols.get(name) {
            if !kinds.contains(&sym.kind) {
                diags.push(wrong_kind(file, ident, kinds, sym));
            } else if !self.std_visible(sym) {
                let module = sym.module.unwrap_or("std");
                diags.push(
                    Diagnostic::error(
                        codes::UNKNOWN_NAME,
                        format!(
                            "`{name}` is declared in `{module}`, which this policy does not use"
                        ),
                        Label::new(file, ident.span, format!("needs `use {module}`")),
                    )
                    .with_help(format!("add `use {module}` at the top of the file")),
                );
            }
            // Reached with a local of the same name only through `std.NAME` or the skipped own name
            // (`purpose newsletter is newsletter`): either way the stdlib's entry, renamed `std.NAME`.
            return Some(Ref {
                name: self.std_canonical(name),
                loc,
            });
        }
        diags.push(self.unknown(file, ident, kinds));
        None
    }

    fn unknown(&self, file: SourceFile, ident: &Ident, kinds: &[Kind]) -> Diagnostic {
        let noun = nouns(kinds);
        let candidates = self
            .local
            .iter()
            .chain(self.std.symbols.iter().filter(|(_, s)| self.std_visible(s)))
            .filter(|(_, s)| kinds.contains(&s.kind))
            .map(|(n, _)| n.as_str());
        let mut d = Diagnostic::error(
            codes::UNKNOWN_NAME,
            format!("unknown {noun} `{}`", ident.text),
            Label::new(
                file,
                ident.span,
                "not declared in this policy or the standard library",
            ),
        );
        if let Some(best) = did_you_mean(&ident.text, candidates) {
            d = d.with_help(format!("did you mean `{best}`?"));
        } else if let Some((name, module)) = self.hidden_match(&ident.text, kinds) {
            d = d.with_help(format!(
                "`{name}` is declared in `{module}`: add `use {module}`"
            ));
        } else if kinds.iter().all(|k| LEGAL_KINDS.contains(k)) {
            // Legal vocabulary is the stdlib's, with its sources: a policy names it, it does not make
            // it up, so "declare it" would be the wrong advice.
            let mut known: Vec<&str> = self
                .std
                .symbols
                .iter()
                .filter(|(_, s)| kinds.contains(&s.kind) && self.std_visible(s))
                .map(|(n, _)| n.as_str())
                .collect();
            known.sort_unstable();
            let shown: Vec<String> = known.iter().take(24).map(|n| format!("`{n}`")).collect();
            let more = known.len().saturating_sub(shown.len());
            d = d.with_help(if shown.is_empty() {
                format!("the standard library has no {noun} of that name")
            } else if more > 0 {
                format!(
                    "the standard library's are {} and {more} more (`vern vocab` lists them)",
                    shown.join(", ")
                )
            } else {
                format!("the standard library's are {}", shown.join(", "))
            });
        } else {
            d = d.with_help(format!(
                "declare it: `{} {} ...`",
                kinds.first().map_or("data", |k| k.keyword()),
                ident.text
            ));
        }
        d
    }

    /// A close name in a national module the policy does not use.
    fn hidden_match(&self, name: &str, kinds: &[Kind]) -> Option<(String, &'static str)> {
        let hidden = self
            .std
            .symbols
            .iter()
            .filter(|(_, s)| kinds.contains(&s.kind) && !self.std_visible(s));
        let best = did_you_mean(name, hidden.clone().map(|(n, _)| n.as_str()))?;
        let module = self.std.symbols.get(best.as_str())?.module?;
        Some((best, module))
    }
}

fn wrong_kind(file: SourceFile, ident: &Ident, kinds: &[Kind], found: &Symbol) -> Diagnostic {
    let mut d = Diagnostic::error(
        codes::WRONG_KIND,
        format!(
            "expected {}, found {} `{}`",
            a(&nouns(kinds)),
            found.kind.noun(),
            ident.text
        ),
        Label::new(
            file,
            ident.span,
            format!("this is {}", a(found.kind.noun())),
        ),
    );
    let message = format!("`{}` is declared here", ident.text);
    d = d.with_secondary(match found.module {
        // The stdlib's places never move.
        Some(_) => Label::new(found.file, found.span, message),
        None => Label::at_declaration(found.file, &ident.text, message),
    });
    d.with_help(format!("use the name of {} here", a(&nouns(kinds))))
}

fn nouns(kinds: &[Kind]) -> String {
    let names: Vec<&str> = kinds.iter().map(|k| k.noun()).collect();
    match names.as_slice() {
        [] => "name".into(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}

fn a(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {noun}")
}

/// Kinds whose terms come from the law and the stdlib, which a policy refers to but does not invent.
const LEGAL_KINDS: &[Kind] = &[
    Kind::Basis,
    Kind::Right,
    Kind::Role,
    Kind::Safeguard,
    Kind::Statute,
    Kind::Mechanism,
    Kind::Authority,
    Kind::LegalEvent,
];

/// The closest candidate, if it is close enough to be a likely typo, or is most of the name
/// (`eu-us-privacy-shield` for `privacy-shield`).
pub fn did_you_mean<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    candidates
        .map(|c| (strsim::jaro_winkler(name, c), c))
        .filter(|(score, c)| {
            *score >= 0.85
                || (c.contains(name) && name.len() >= 4)
                || (name.contains(c) && c.len() >= 6 && c.len() * 10 >= name.len() * 6)
        })
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn suggests_close_names_only() {
        let names = ["newsletter", "order-fulfilment", "email"];
        assert_eq!(
            did_you_mean("newsleter", names.into_iter()).as_deref(),
            Some("newsletter")
        );
        assert_eq!(
            did_you_mean("emial", names.into_iter()).as_deref(),
            Some("email")
        );
        assert_eq!(did_you_mean("banana", names.into_iter()), None);
        let safeguards = ["privacy-shield", "dpf", "scc-2021"];
        assert_eq!(
            did_you_mean("eu-us-privacy-shield", safeguards.into_iter()).as_deref(),
            Some("privacy-shield")
        );
        // Containment counts only when the candidate is most of the name.
        assert_eq!(
            did_you_mean("the-privacy-shield-framework", safeguards.into_iter()),
            None
        );
    }
}
