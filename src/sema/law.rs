//! The law in force: statutes of a family for a jurisdiction on the evaluation date, the legal
//! reference of a finding (the EU provision plus the national statute in force), and the traits of a
//! purpose (what its stdlib kind, or the purpose itself, says such processing involves).

use super::Sema;
use crate::ir::*;

/// What a purpose's kind says about processing of that kind, merged with what the purpose itself
/// declares of the same properties (`tracking`, `statute-bound`, `expects` on a policy's purpose).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Traits<'a> {
    /// The bases such processing normally rests on.
    pub expects: Vec<&'a Ref>,
    pub direct_marketing: bool,
    pub profiling: bool,
    pub tracking: bool,
    pub statute_bound: bool,
    pub dpv: Option<&'a str>,
    pub fideslang: Option<&'a str>,
}

/// A finding's legal reference: the EU provision and the national statutes in force for the
/// policy's jurisdictions on the evaluation date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegalReference {
    pub eu: String,
    /// `NO ekomloven § 3-15`, one per jurisdiction whose statute of the family is in force.
    pub national: Vec<String>,
}

impl std::fmt::Display for LegalReference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.eu)?;
        for n in &self.national {
            write!(f, "; {n}")?;
        }
        Ok(())
    }
}

impl<'a> Sema<'a> {
    /// The stdlib purpose kind of a purpose, if it names one.
    pub fn kind_of(&self, purpose: &Purpose) -> Option<&'a PurposeKind> {
        purpose
            .kind
            .as_ref()
            .and_then(|k| self.vocab.purpose_kinds.get(&k.name))
    }

    /// The traits of a purpose: its kind's, and what it declares of the same properties itself.
    pub fn traits<'p>(&self, purpose: &'p Purpose) -> Traits<'p>
    where
        'a: 'p,
    {
        let own = &purpose.traits;
        let kind = self.kind_of(purpose);
        let mut expects: Vec<&Ref> = own.expects.iter().collect();
        if expects.is_empty()
            && let Some(k) = kind
        {
            expects.extend(k.expects.iter());
        }
        Traits {
            expects,
            direct_marketing: purpose.direct_marketing.is_some()
                || kind.is_some_and(|k| k.direct_marketing),
            profiling: purpose.profiling.is_some() || kind.is_some_and(|k| k.profiling),
            tracking: own.tracking.is_some() || kind.is_some_and(|k| k.tracking),
            statute_bound: own.statute_bound.is_some() || kind.is_some_and(|k| k.statute_bound),
            dpv: own
                .dpv
                .as_deref()
                .or_else(|| kind.and_then(|k| k.dpv.as_deref())),
            fideslang: own
                .fideslang
                .as_deref()
                .or_else(|| kind.and_then(|k| k.fideslang.as_deref())),
        }
    }

    /// True when a statute is in force on the evaluation date.
    pub fn in_force(&self, s: &Statute) -> bool {
        s.in_force.is_none_or(|d| d <= self.as_of) && s.repealed.is_none_or(|d| d > self.as_of)
    }

    /// The statute of `family` for `country` in force on the evaluation date.
    pub fn statute_in_force(&self, family: &str, country: &str) -> Option<&'a Statute> {
        self.vocab.statutes.values().find(|s| {
            s.family.as_deref() == Some(family)
                && s.country.as_ref().is_some_and(|c| c.name == country)
                && self.in_force(s)
        })
    }

    /// The jurisdictions whose national law a finding cites: the controllers' countries, then the
    /// countries the notice addresses.
    pub fn jurisdictions(&self) -> Vec<&'a str> {
        let mut out: Vec<&str> = self.controller_countries();
        for c in self.audience() {
            if !out.contains(&c) {
                out.push(c);
            }
        }
        out
    }

    /// The legal reference of a finding: `eu` plus, for each statute family, the statute in force for
    /// each jurisdiction of the policy, named as its country writes it (the label in the country's
    /// `language`, else in English).
    pub fn legal_reference(&self, eu: &str, families: &[&str]) -> LegalReference {
        let mut national = Vec::new();
        for country in self.jurisdictions() {
            let lang = self
                .vocab
                .countries
                .get(country)
                .and_then(|c| c.language.as_deref())
                .unwrap_or("en");
            for family in families {
                let Some(s) = self.statute_in_force(family, country) else {
                    continue;
                };
                let label = s
                    .entry
                    .label
                    .get(lang)
                    .or_else(|| s.entry.label.get("en"))
                    .unwrap_or(&s.entry.name);
                let line = format!("{country} {label}");
                if !national.contains(&line) {
                    national.push(line);
                }
            }
        }
        LegalReference {
            eu: eu.to_string(),
            national,
        }
    }
}
