//! Where data goes: EEA membership by the stdlib's flags, the places a recipient reaches (declared,
//! or known from the vendor registry when the policy names none), third countries and adequacy.

use super::Sema;
use crate::ir::*;

/// How the model knows a recipient processes data in a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceOrigin {
    /// The recipient's own `country`.
    Declared,
    /// The recipient declares no country, and the stdlib vendor it `is` processes there.
    Vendor,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place<'a> {
    /// A country or region, by canonical name.
    pub name: &'a str,
    pub third_country: bool,
    pub origin: PlaceOrigin,
    pub loc: Loc,
}

impl<'a> Sema<'a> {
    /// Outside the EEA, by the stdlib's `eea` flags (a region says so itself).
    pub fn is_third_country(&self, name: &str) -> bool {
        if let Some(c) = self.vocab.countries.get(name) {
            return !c.eea;
        }
        self.vocab
            .regions
            .get(name)
            .is_some_and(|r| r.third_country)
    }

    pub fn is_eea(&self, name: &str) -> bool {
        self.vocab.countries.get(name).is_some_and(|c| c.eea)
            || self.vocab.regions.get(name).is_some_and(|r| r.eea)
    }

    /// The stdlib vendor a recipient `is`.
    pub fn vendor_of(&self, r: &Recipient) -> Option<&'a Vendor> {
        r.vendor
            .as_ref()
            .and_then(|v| self.vocab.vendors.get(&v.name))
    }

    /// Where a recipient processes data: its declared countries, or else the countries of the vendor
    /// it `is` (which the checker reports as undeclared: `recipient-third-country-undeclared`).
    pub fn places(&self, r: &'a Recipient) -> Vec<Place<'a>> {
        if !r.countries.is_empty() {
            return r
                .countries
                .iter()
                .map(|c| Place {
                    name: c.name.as_str(),
                    third_country: self.is_third_country(&c.name),
                    origin: PlaceOrigin::Declared,
                    loc: c.loc,
                })
                .collect();
        }
        let Some(vendor) = self.vendor_of(r) else {
            return Vec::new();
        };
        vendor
            .countries
            .iter()
            .map(|c| Place {
                name: c.name.as_str(),
                third_country: self.is_third_country(&c.name),
                origin: PlaceOrigin::Vendor,
                loc: c.loc,
            })
            .collect()
    }

    /// The third countries a recipient reaches, declared or known from the vendor registry.
    pub fn third_countries(&self, r: &'a Recipient) -> Vec<Place<'a>> {
        self.places(r)
            .into_iter()
            .filter(|p| p.third_country)
            .collect()
    }

    /// Every recipient that reaches a third country, with those countries.
    pub fn transfers(&self) -> Vec<(&'a Recipient, Vec<Place<'a>>)> {
        self.policy
            .recipients
            .iter()
            .filter_map(|r| {
                let third = self.third_countries(r);
                (!third.is_empty()).then_some((r, third))
            })
            .collect()
    }

    /// The adequacy decision for a country in force on the evaluation date.
    pub fn adequacy_in_force(&self, country: &str) -> Option<&'a Adequacy> {
        self.vocab
            .countries
            .get(country)?
            .adequacy
            .iter()
            .find(|a| {
                a.from.is_none_or(|d| d <= self.as_of) && a.until.is_none_or(|d| d > self.as_of)
            })
    }
}
