//! The semantic model: the one place that answers what a resolved policy means.
//!
//! Input: the resolved policy (`ir::Policy`), the vocabulary in scope (the stdlib's legal facts and the
//! policy's own terms) and the evaluation date. Output: answers, never diagnostics. Rules (`check`),
//! notices, record schemas and `policy.json` (`emit`), the diff (`diff`) and the editor (`ide`) all ask
//! here, so a question such as "does this purpose rest on consent?" or "which third countries does this
//! recipient reach?" has one answer everywhere. Nothing here knows a legal fact of its own: every fact is
//! read from the vocabulary (stdlib/), by the flags and properties its declarations carry.
//!
//! Files by topic: `consent.rs` (bases, consent, withdrawal), `data.rs` (data closures, special and
//! criminal data, anonymity claims), `places.rs` (EEA, third countries, adequacy, what a recipient
//! reaches), `law.rs` (statutes in force, legal references, purpose traits), `elements.rs` (what the
//! policy states for each GDPR Art. 13/14 element, including explicit negatives).

mod authority;
mod consent;
mod controllers;
mod data;
mod elements;
mod flows;
mod law;
mod places;
pub mod registry;
mod scope;
pub mod translation;

use std::cell::{OnceCell, RefCell};
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

use crate::ir::*;

pub use crate::ir::Negative;
pub use controllers::{Responsible, is_link};
pub use data::Anonymity;
pub use elements::{Element, SourceLine, SourceOrigin, Stated};
pub use flows::Disclosure;
pub use law::{LegalReference, Traits};
pub use places::{Place, PlaceOrigin};

/// The semantic model of one policy on one evaluation date. Cheap to create; lookups across the
/// policy are built on first use and cached, because policies have thousands of declarations.
pub struct Sema<'a> {
    pub policy: &'a Policy,
    pub vocab: &'a Vocabulary,
    pub as_of: Date,
    purposes_by_name: OnceCell<HashMap<&'a str, &'a Purpose>>,
    recipients_by_name: OnceCell<HashMap<&'a str, &'a Recipient>>,
    closures: RefCell<HashMap<String, Rc<Vec<&'a DataCategory>>>>,
    used_by_purpose: RefCell<HashMap<Name, Rc<BTreeSet<Name>>>>,
}

impl<'a> Sema<'a> {
    pub fn new(policy: &'a Policy, as_of: Date) -> Self {
        Self::with_vocab(policy, &policy.vocab, as_of)
    }

    /// A model over another vocabulary than the policy's own (the stdlib alone, in tests).
    pub fn with_vocab(policy: &'a Policy, vocab: &'a Vocabulary, as_of: Date) -> Self {
        Sema {
            policy,
            vocab,
            as_of,
            purposes_by_name: OnceCell::new(),
            recipients_by_name: OnceCell::new(),
            closures: RefCell::new(HashMap::new()),
            used_by_purpose: RefCell::new(HashMap::new()),
        }
    }

    /// What the cookie registry knows about a cookie named by its real name (`cookie "_ga"`): the
    /// entries [`registry::cookie`] finds. None for a cookie named by an identifier, which is the
    /// policy's own name for it, not the cookie's.
    pub fn registry_cookie(&self, cookie: &Cookie) -> Vec<registry::KnownCookie> {
        if !cookie.quoted {
            return Vec::new();
        }
        registry::cookie(&cookie.name)
    }

    /// The name of the vendor that serves `host`, by domain suffix ([`registry::vendor_for_host`]).
    pub fn vendor_for_host(&self, host: &str) -> Option<String> {
        registry::vendor_for_host(self.vocab, host)
    }

    /// The policy's purpose of this name (the first, should two share it).
    pub fn purpose(&self, name: &str) -> Option<&'a Purpose> {
        self.purposes_by_name
            .get_or_init(|| {
                let mut by_name = HashMap::new();
                for p in &self.policy.purposes {
                    by_name.entry(p.name.as_str()).or_insert(p);
                }
                by_name
            })
            .get(name)
            .copied()
    }

    /// The policy's recipient of this name (the first, should two share it).
    pub fn recipient(&self, name: &str) -> Option<&'a Recipient> {
        self.recipients_by_name
            .get_or_init(|| {
                let mut by_name = HashMap::new();
                for r in &self.policy.recipients {
                    by_name.entry(r.name.as_str()).or_insert(r);
                }
                by_name
            })
            .get(name)
            .copied()
    }

    pub fn controller_country(&self) -> Option<&'a str> {
        self.policy
            .controller
            .as_ref()?
            .contact
            .country
            .as_ref()
            .map(|r| r.name.as_str())
    }

    /// Countries the notice addresses: `audience`, else the controllers' countries.
    pub fn audience(&self) -> Vec<&'a str> {
        let declared: Vec<&str> = self
            .policy
            .meta
            .iter()
            .flat_map(|m| m.audience.iter().map(|r| r.name.as_str()))
            .collect();
        if declared.is_empty() {
            self.controller_countries()
        } else {
            declared
        }
    }

    pub fn policy_date(&self) -> Option<Date> {
        self.policy.meta.as_ref()?.updated
    }

    /// The phrases of a stdlib phrase list. A list the stdlib lacks is a defect of the stdlib, which
    /// `tests/stdlib.rs` catches through each rule's declared facts (`Rule::facts`).
    pub fn phrases(&self, list: &str) -> &'a [String] {
        self.vocab.phrases.get(list).map_or(&[], |p| &p.phrases)
    }

    /// The phrase of `list` that `text` (in any language) contains, case-insensitively.
    pub fn matches_phrase(&self, text: &Text, list: &str) -> Option<&'a str> {
        self.phrase_in(&Self::lowered(text), list)
    }

    /// `text` in each of its languages, lower-cased: what `phrase_in` searches. A rule that asks
    /// about several lists lowers each text once.
    pub fn lowered(text: &Text) -> Vec<String> {
        text.by_lang.values().map(|t| t.to_lowercase()).collect()
    }

    /// The phrase of `list` that one of the `lowered` texts contains: in the first text that contains
    /// any, the one listed first.
    pub fn phrase_in(&self, lowered: &[String], list: &str) -> Option<&'a str> {
        let entry = self.vocab.phrases.get(list)?;
        if entry.phrases.is_empty() {
            return None;
        }
        // One pass over each text for the whole list: the rules ask about every text of the policy,
        // and testing each phrase in turn was most of a check's time on a long policy.
        let Some(matcher) = entry.matcher.get(&entry.phrases) else {
            // A list too large for an automaton is still searched, phrase by phrase.
            return lowered.iter().find_map(|t| {
                entry
                    .phrases
                    .iter()
                    .find(|p| t.contains(p.to_lowercase().as_str()))
                    .map(String::as_str)
            });
        };
        // Most texts hold none of a list's phrases: `is_match` says so without collecting matches.
        lowered
            .iter()
            .filter(|t| matcher.is_match(t.as_str()))
            .find_map(|t| {
                matcher
                    .find_overlapping_iter(t.as_str())
                    .map(|m| m.pattern().as_usize())
                    .min()
                    .and_then(|i| entry.phrases.get(i))
                    .map(String::as_str)
            })
    }

    pub fn purposes_using(&self, data: &str) -> Vec<&'a Purpose> {
        self.policy
            .purposes
            .iter()
            .filter(|p| p.uses.iter().any(|u| u.name == data))
            .collect()
    }

    /// The rights the `rights` block lists, by canonical name.
    pub fn rights_listed(&self) -> Vec<&'a str> {
        self.policy
            .rights
            .iter()
            .flat_map(|r| r.rights.iter().map(|s| s.right.name.as_str()))
            .collect()
    }

    /// The statement of a right in the `rights` block, by its name without `std.`.
    pub fn right_statement(&self, right: &str) -> Option<&'a RightStatement> {
        self.policy
            .rights
            .as_ref()?
            .rights
            .iter()
            .find(|s| plain(&s.right.name) == right)
    }
}

/// A name without the `std.` a shadowing policy name gives a stdlib entry.
pub fn plain(name: &str) -> &str {
    name.strip_prefix("std.").unwrap_or(name)
}
