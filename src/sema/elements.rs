//! What the policy states for each element a notice must cover (GDPR Art. 13 and 14), including the
//! explicit negatives of the `policy` block (`transfers none`, `cookies none`, ...). A notice writes
//! "We do not ..." only from such a declaration; silence is `Stated::Unstated`, which the notice shows
//! as "Not stated." and a rule reports.

use super::Sema;
use crate::ir::*;

/// What the policy says about one element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stated<T> {
    /// The policy declares instances of it (recipients, transfers, ...).
    Declared(T),
    /// The policy declares that there are none (`transfers none`), here.
    None(Loc),
    /// The policy says nothing either way.
    Unstated,
}

impl<T> Stated<T> {
    pub fn is_unstated(&self) -> bool {
        matches!(self, Stated::Unstated)
    }
    pub fn declared(&self) -> Option<&T> {
        match self {
            Stated::Declared(t) => Some(t),
            _ => None,
        }
    }
    /// `none`, `declared` or `unstated`: the notice templates' view of the element.
    pub fn word(&self) -> &'static str {
        match self {
            Stated::Declared(_) => "declared",
            Stated::None(_) => "none",
            Stated::Unstated => "unstated",
        }
    }
}

/// A notice element, for findings and the Art. 13/14 map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Element {
    Negative(Negative),
    Sources,
}

/// Where a data category comes from, as the policy states it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceLine<'a> {
    pub kind: SourceKind,
    pub text: Option<&'a Text>,
    pub origin: SourceOrigin<'a>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceOrigin<'a> {
    /// The category's own `source`.
    Own(Loc),
    /// The `source` of a category it refines.
    Inherited(&'a str),
    /// The policy's `default-source`.
    Default(Loc),
}

impl<'a> Sema<'a> {
    /// The explicit negative the `policy` block declares for an element, if any.
    pub fn negative(&self, n: Negative) -> Option<Loc> {
        self.policy
            .meta
            .as_ref()?
            .negatives
            .iter()
            .find(|(k, _)| *k == n)
            .map(|(_, loc)| *loc)
    }

    fn stated<T>(&self, found: Vec<T>, n: Negative) -> Stated<Vec<T>> {
        if !found.is_empty() {
            return Stated::Declared(found);
        }
        match self.negative(n) {
            Some(loc) => Stated::None(loc),
            None => Stated::Unstated,
        }
    }

    /// Art. 13(1)(e), 14(1)(e): the recipients.
    pub fn recipients_stated(&self) -> Stated<Vec<&'a Recipient>> {
        self.stated(
            self.policy.recipients.iter().collect(),
            Negative::Recipients,
        )
    }

    /// Art. 13(1)(f), 14(1)(f): transfers to third countries, declared or known from the vendor
    /// registry. `transfers none` does not hide a transfer the model knows of.
    pub fn transfers_stated(&self) -> Stated<Vec<(&'a Recipient, Vec<super::Place<'a>>)>> {
        self.stated(self.transfers(), Negative::Transfers)
    }

    /// ePrivacy Art. 5(3): cookies and similar technologies.
    pub fn cookies_stated(&self) -> Stated<Vec<&'a Cookie>> {
        self.stated(self.policy.cookies.iter().collect(), Negative::Cookies)
    }

    /// Art. 13(2)(f), 14(2)(g): the purposes that declare profiling.
    pub fn profiling_stated(&self) -> Stated<Vec<&'a Purpose>> {
        let found = self
            .policy
            .purposes
            .iter()
            .filter(|p| p.profiling.is_some())
            .collect();
        self.stated(found, Negative::Profiling)
    }

    /// Art. 13(2)(f), 14(2)(g), 22: the purposes with automated decisions of significant effect. The
    /// policy states there are none with `automated-decisions none`, or when every purpose says
    /// `automated-decision none`.
    pub fn automated_stated(&self) -> Stated<Vec<&'a Purpose>> {
        let purposes = &self.policy.purposes;
        let found: Vec<&Purpose> = purposes
            .iter()
            .filter(|p| {
                matches!(
                    p.automated_decision,
                    Some(AutomatedDecision::Significant { .. })
                )
            })
            .collect();
        if !found.is_empty() {
            return Stated::Declared(found);
        }
        if let Some(loc) = self.negative(Negative::AutomatedDecisions) {
            return Stated::None(loc);
        }
        let each_none: Option<Loc> = purposes
            .iter()
            .map(|p| match &p.automated_decision {
                Some(AutomatedDecision::None(loc)) => Some(*loc),
                _ => None,
            })
            .collect::<Option<Vec<Loc>>>()
            .and_then(|locs| locs.first().copied());
        match each_none {
            Some(loc) => Stated::None(loc),
            None => Stated::Unstated,
        }
    }

    /// Art. 21(4): the purposes of direct marketing (declared, or of a direct-marketing kind).
    pub fn direct_marketing_stated(&self) -> Stated<Vec<&'a Purpose>> {
        let found = self
            .policy
            .purposes
            .iter()
            .filter(|p| self.traits(p).direct_marketing)
            .collect();
        self.stated(found, Negative::DirectMarketing)
    }

    /// Where a category comes from: its own `source` lines, those inherited through `is PARENT`
    /// (from the nearest category that has any), or the policy's `default-source`. Empty when the
    /// policy does not say, or says so with `source unstated` (which stops inheritance and the
    /// default).
    pub fn sources_of(&self, name: &str) -> Vec<SourceLine<'a>> {
        let chain = self.data_chain(name);
        for (i, d) in chain.iter().enumerate() {
            if d.source_unstated.is_some() {
                return Vec::new();
            }
            if !d.sources.is_empty() {
                return d
                    .sources
                    .iter()
                    .map(|s| SourceLine {
                        kind: s.kind,
                        text: s.text.as_ref().filter(|t| !t.is_empty()),
                        origin: if i == 0 {
                            SourceOrigin::Own(s.loc)
                        } else {
                            SourceOrigin::Inherited(d.entry.name.as_str())
                        },
                    })
                    .collect();
            }
        }
        let Some((kind, loc)) = self.policy.meta.as_ref().and_then(|m| m.default_source) else {
            return Vec::new();
        };
        vec![SourceLine {
            kind,
            text: None,
            origin: SourceOrigin::Default(loc),
        }]
    }

    /// The first of [`Self::sources_of`]: whether the policy states a source at all.
    pub fn source_of(&self, name: &str) -> Option<SourceLine<'a>> {
        self.sources_of(name).into_iter().next()
    }

    /// True when the policy states that no data comes from others: every category it processes has a
    /// stated source, and none is a third party or a public source.
    pub fn no_data_from_others(&self, categories: &[&DataCategory]) -> bool {
        !categories.is_empty()
            && categories.iter().all(|d| {
                let sources = self.sources_of(&d.entry.name);
                !sources.is_empty()
                    && sources
                        .iter()
                        .all(|s| !matches!(s.kind, SourceKind::ThirdParty | SourceKind::Public))
            })
    }
}
