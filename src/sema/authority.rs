//! The competent supervisory authority: the controller's country's authority, or where the country has
//! one per region (the German Länder), the one of the controller's `region`. Facts only from the
//! vocabulary: each `authority` names its `country` and, if it supervises part of it, its `region`.

use super::Sema;
use crate::ir::Authority;

impl<'a> Sema<'a> {
    /// The controller's `region` (a German Land), by canonical name.
    pub fn controller_region(&self) -> Option<&'a str> {
        self.policy
            .controller
            .as_ref()?
            .contact
            .region
            .as_ref()
            .map(|r| r.name.as_str())
    }

    /// Whether the controller's country has authorities for parts of it (so `region` chooses).
    pub fn country_has_regional_authorities(&self) -> bool {
        let Some(country) = self.controller_country() else {
            return false;
        };
        self.authorities_of(country)
            .any(|(_, a)| a.region.is_some())
    }

    /// The authorities competent for the controller's main establishment, by canonical name: those of
    /// its region if it declares one and the stdlib has any, else those of its country that cover all
    /// of it. Empty when the controller's country is unknown, or has regional authorities and the
    /// controller declares no region.
    pub fn competent_authorities(&self) -> Vec<(&'a str, &'a Authority)> {
        let Some(country) = self.controller_country() else {
            return Vec::new();
        };
        if let Some(region) = self.controller_region() {
            let regional: Vec<_> = self
                .authorities_of(country)
                .filter(|(_, a)| a.region.as_ref().is_some_and(|r| r.name == region))
                .collect();
            if !regional.is_empty() {
                return regional;
            }
        }
        // Without a region, a country with regional authorities has no single competent one (in
        // Germany the BfDI is competent only for federal bodies and telecommunications and postal
        // providers, which a policy cannot yet say it is).
        if self.country_has_regional_authorities() {
            return Vec::new();
        }
        self.authorities_of(country)
            .filter(|(_, a)| a.region.is_none())
            .collect()
    }

    /// Whether a transfer tool serves this controller's exports: the EU's serve every controller the
    /// GDPR governs; a national one (`exporter GB`: the UK's IDTA) only a controller in that country.
    pub fn safeguard_serves_controller(&self, s: &crate::ir::Safeguard) -> bool {
        s.exporter
            .as_ref()
            .is_none_or(|e| Some(e.name.as_str()) == self.controller_country())
    }

    fn authorities_of(&self, country: &'a str) -> impl Iterator<Item = (&'a str, &'a Authority)> {
        self.vocab
            .authorities
            .iter()
            .filter(move |(_, a)| a.country.as_ref().is_some_and(|c| c.name == country))
            .map(|(n, a)| (n.as_str(), a))
    }
}
