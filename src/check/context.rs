//! What rules may ask about a policy: the IR, the vocabulary in scope (the stdlib's legal facts), the
//! evaluation date. Helpers here answer the recurring questions (is this a third country, which
//! statute of a family applies) from those facts, so no rule hard-codes a legal fact.

use std::cell::{OnceCell, RefCell};
use std::collections::{BTreeSet, HashMap};

use crate::diagnostic::Label;
use crate::ir::*;

pub struct RuleCx<'a> {
    pub policy: &'a Policy,
    pub vocab: &'a Vocabulary,
    pub as_of: Date,
    /// Lookups built on first use: policies have thousands of declarations, and rules ask across them.
    purposes_by_name: OnceCell<HashMap<&'a str, &'a Purpose>>,
    closures: RefCell<HashMap<String, Vec<&'a DataCategory>>>,
    used_by_purpose: RefCell<HashMap<String, std::rc::Rc<BTreeSet<String>>>>,
    lowered_phrases: RefCell<HashMap<String, std::rc::Rc<Vec<String>>>>,
}

impl<'a> RuleCx<'a> {
    pub fn new(policy: &'a Policy, vocab: &'a Vocabulary, as_of: Date) -> Self {
        RuleCx {
            policy,
            vocab,
            as_of,
            purposes_by_name: OnceCell::new(),
            closures: RefCell::new(HashMap::new()),
            used_by_purpose: RefCell::new(HashMap::new()),
            lowered_phrases: RefCell::new(HashMap::new()),
        }
    }

    /// The policy's purpose of this name.
    pub fn purpose(&self, name: &str) -> Option<&'a Purpose> {
        self.purposes_by_name
            .get_or_init(|| {
                self.policy
                    .purposes
                    .iter()
                    .map(|p| (p.name.as_str(), p))
                    .collect()
            })
            .get(name)
            .copied()
    }

    /// The names of every data category a purpose processes: what it `uses`, with what those refine
    /// and include.
    pub fn used_closure(&self, purpose: &Purpose) -> std::rc::Rc<BTreeSet<String>> {
        if let Some(set) = self.used_by_purpose.borrow().get(&purpose.name) {
            return set.clone();
        }
        let set: BTreeSet<String> = purpose
            .uses
            .iter()
            .flat_map(|u| self.data_closure(&u.name))
            .map(|d| d.entry.name.clone())
            .collect();
        let set = std::rc::Rc::new(set);
        self.used_by_purpose
            .borrow_mut()
            .insert(purpose.name.clone(), set.clone());
        set
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

    pub fn controller_country(&self) -> Option<&'a str> {
        self.policy
            .controller
            .as_ref()?
            .contact
            .country
            .as_ref()
            .map(|r| r.name.as_str())
    }

    /// Countries the notice addresses: `audience`, else the controller's country.
    pub fn audience(&self) -> Vec<&'a str> {
        let declared: Vec<&str> = self
            .policy
            .meta
            .iter()
            .flat_map(|m| m.audience.iter().map(|r| r.name.as_str()))
            .collect();
        if declared.is_empty() {
            self.controller_country().into_iter().collect()
        } else {
            declared
        }
    }

    pub fn policy_date(&self) -> Option<Date> {
        self.policy.meta.as_ref()?.updated
    }

    /// Outside the EEA, by the stdlib's `eea` flags (a region says so itself).
    pub fn is_third_country(&self, name: &str) -> bool {
        crate::emit::is_third_country(self.vocab, name)
    }

    pub fn is_eea(&self, name: &str) -> bool {
        self.vocab.countries.get(name).is_some_and(|c| c.eea)
            || self.vocab.regions.get(name).is_some_and(|r| r.eea)
    }

    pub fn basis(&self, name: &str) -> Option<&'a Basis> {
        self.vocab.bases.get(name)
    }

    /// True for a basis the stdlib flags `withdrawable`: consent, in Art. 6(1)(a) or 9(2)(a).
    pub fn is_consent(&self, basis: &BasisUse) -> bool {
        self.basis(&basis.basis.name)
            .is_some_and(|x| x.withdrawable)
    }

    /// The bases of a purpose that rest on consent.
    pub fn consent_bases(&self, purpose: &'a Purpose) -> impl Iterator<Item = &'a BasisUse> + '_ {
        purpose.bases.iter().filter(|b| self.is_consent(b))
    }

    /// The purpose kind of a purpose, if it names one.
    pub fn kind_of(&self, purpose: &Purpose) -> Option<&'a PurposeKind> {
        purpose
            .kind
            .as_ref()
            .and_then(|k| self.vocab.purpose_kinds.get(&k.name))
    }

    pub fn phrases(&self, list: &str) -> &'a [String] {
        self.vocab.phrases.get(list).map_or(&[], |p| &p.phrases)
    }

    /// True if `text` (any language) contains one of the phrases of `list`, case-insensitively.
    pub fn matches_phrase(&self, text: &Text, list: &str) -> Option<&'a str> {
        let phrases = self.phrases(list);
        let lowered = self
            .lowered_phrases
            .borrow_mut()
            .entry(list.to_string())
            .or_insert_with(|| std::rc::Rc::new(phrases.iter().map(|p| p.to_lowercase()).collect()))
            .clone();
        text.by_lang.values().find_map(|t| {
            let lower = t.to_lowercase();
            lowered
                .iter()
                .position(|p| lower.contains(p.as_str()))
                .map(|i| phrases[i].as_str())
        })
    }

    /// The place of `phrase` inside `text`, when the text is one plain string (no translations, no
    /// escapes) whose source span is exactly its quoted value; else the whole text.
    pub fn phrase_loc(text: &Text, loc: Loc, phrase: &str) -> Loc {
        let mut values = text.by_lang.values();
        let (Some(value), None) = (values.next(), values.next()) else {
            return loc;
        };
        let lower = value.to_lowercase();
        if loc.span.end - loc.span.start != value.len() + 2 || lower.len() != value.len() {
            return loc;
        }
        match lower.find(&phrase.to_lowercase()) {
            Some(i) => {
                let start = loc.span.start + 1 + i;
                Loc {
                    file: loc.file,
                    span: crate::syntax::ast::Span::new(start, start + phrase.len()),
                }
            }
            None => loc,
        }
    }

    /// A data category and the ones it refines, nearest first.
    pub fn data_chain(&self, name: &str) -> Vec<&'a DataCategory> {
        let mut out = Vec::new();
        let mut next = Some(name.to_string());
        while let Some(n) = next.take() {
            let Some(d) = self.vocab.data.get(&n) else {
                break;
            };
            if out
                .iter()
                .any(|x: &&DataCategory| x.entry.name == d.entry.name)
            {
                break;
            }
            out.push(d);
            next = d.parent.as_ref().map(|p| p.name.clone());
        }
        out
    }

    /// A data category, the ones it refines, and the ones it includes (transitively).
    pub fn data_closure(&self, name: &str) -> Vec<&'a DataCategory> {
        if let Some(found) = self.closures.borrow().get(name) {
            return found.clone();
        }
        let out = self.compute_closure(name);
        self.closures
            .borrow_mut()
            .insert(name.to_string(), out.clone());
        out
    }

    fn compute_closure(&self, name: &str) -> Vec<&'a DataCategory> {
        let mut out: Vec<&DataCategory> = Vec::new();
        let mut queue = vec![name.to_string()];
        while let Some(n) = queue.pop() {
            for d in self.data_chain(&n) {
                if !out.iter().any(|x| x.entry.name == d.entry.name) {
                    out.push(d);
                    queue.extend(d.includes.iter().map(|r| r.name.clone()));
                }
            }
        }
        out
    }

    pub fn data_has(&self, name: &str, flag: impl Fn(&DataCategory) -> bool) -> bool {
        self.data_closure(name).into_iter().any(flag)
    }

    /// The statute of `family` for `country` in force on the evaluation date.
    pub fn statute_in_force(&self, family: &str, country: &str) -> Option<&'a Statute> {
        self.vocab.statutes.values().find(|s| {
            s.family.as_deref() == Some(family)
                && s.country.as_ref().is_some_and(|c| c.name == country)
                && s.in_force.is_none_or(|d| d <= self.as_of)
                && s.repealed.is_none_or(|d| d > self.as_of)
        })
    }

    /// "when this policy was dated 2018-05-22", if the policy's own date explains a finding.
    pub fn dated_clause(&self, valid_then: impl Fn(Date) -> bool) -> Option<String> {
        let date = self.policy_date()?;
        valid_then(date).then(|| format!("when this policy was dated {date}"))
    }

    pub fn purposes_using(&self, data: &str) -> Vec<&'a Purpose> {
        self.policy
            .purposes
            .iter()
            .filter(|p| p.uses.iter().any(|u| u.name == data))
            .collect()
    }

    pub fn rights_listed(&self) -> Vec<&'a str> {
        self.policy
            .rights
            .iter()
            .flat_map(|r| r.rights.iter().map(|s| s.right.name.as_str()))
            .collect()
    }
}
