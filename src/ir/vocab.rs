//! Vocabulary declarations: the standard library's terms and legal facts (and any a policy adds).

use super::layered::Layered;
use super::{Date, Loc, Name, Ref, Retention, Text};

/// What every vocabulary entry carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: Name,
    pub label: Text,
    pub description: Option<Text>,
    pub cite: Vec<String>,
    pub unverified: bool,
    /// `Some("std.no")` for a stdlib declaration.
    pub module: Option<String>,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataCategory {
    pub entry: Entry,
    pub parent: Option<Ref>,
    pub includes: Vec<Ref>,
    pub special: bool,
    pub criminal: bool,
    pub identifier: bool,
    pub quasi_identifier: bool,
    pub national_id: bool,
    pub anonymous: Option<Loc>,
    pub pseudonymised: bool,
    pub justification: Option<Text>,
    /// Where the data comes from, one entry per `source` line, in order.
    pub sources: Vec<super::DataSource>,
    /// `source unstated`: the policy says it does not state the source (neither a parent's nor the
    /// `default-source` applies).
    pub source_unstated: Option<super::Loc>,
    pub fields: Vec<super::Field>,
    pub dpv: Option<String>,
    pub fideslang: Option<String>,
    pub waivers: Vec<super::Waiver>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subject {
    pub entry: Entry,
    pub parent: Option<Ref>,
    pub child: bool,
    pub min_age: Option<u64>,
    pub dpv: Option<String>,
    pub fideslang: Option<String>,
    pub waivers: Vec<super::Waiver>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PurposeKind {
    pub entry: Entry,
    pub expects: Vec<Ref>,
    pub direct_marketing: bool,
    pub profiling: bool,
    pub tracking: bool,
    pub statute_bound: bool,
    pub dpv: Option<String>,
    pub fideslang: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Basis {
    pub entry: Entry,
    pub article: Option<String>,
    pub art9: bool,
    pub withdrawable: bool,
    pub states_interest: bool,
    pub cites_statute: bool,
    pub requires_rights: Vec<Ref>,
    pub excludes: Vec<Ref>,
    pub dpv: Option<String>,
    pub fideslang: Option<String>,
}

/// A right, a recipient role, a term: an entry with an article and a DPV concept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Concept {
    pub entry: Entry,
    pub article: Option<String>,
    pub dpv: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecipientKind {
    pub entry: Entry,
    pub typical_role: Option<Ref>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vendor {
    pub entry: Entry,
    pub entity: Option<String>,
    pub countries: Vec<Ref>,
    pub kind: Option<Ref>,
    pub joint_controller_pattern: bool,
    /// The domains it serves from (`domain "google-analytics.com"`), for host -> vendor lookups.
    pub domains: Vec<String>,
}

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum SafeguardKind {
    Adequacy,
    Dpf,
    Scc,
    Bcr,
    Code,
    Certification,
    Derogation,
    None,
}

impl SafeguardKind {
    pub fn parse(word: &str) -> Option<Self> {
        Some(match word {
            "adequacy" => Self::Adequacy,
            "dpf" => Self::Dpf,
            "scc" => Self::Scc,
            "bcr" => Self::Bcr,
            "code" => Self::Code,
            "certification" => Self::Certification,
            "derogation" => Self::Derogation,
            "none" => Self::None,
            _ => return None,
        })
    }
    pub const WORDS: &'static [&'static str] = &[
        "adequacy",
        "dpf",
        "scc",
        "bcr",
        "code",
        "certification",
        "derogation",
        "none",
    ];
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Safeguard {
    pub entry: Entry,
    pub kind: Option<SafeguardKind>,
    pub instrument: Option<String>,
    pub valid_from: Option<Date>,
    pub valid_until: Option<Date>,
    pub no_new_contracts_after: Option<Date>,
    pub ended_by: Option<String>,
    pub countries: Vec<Ref>,
    pub requires_certification: bool,
    pub insufficient: bool,
    /// A national transfer tool (the UK's IDTA): only for exports from this country.
    pub exporter: Option<Ref>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Adequacy {
    pub decision: Option<String>,
    pub from: Option<Date>,
    pub until: Option<Date>,
    pub scope: Option<String>,
    pub cite: Vec<String>,
    pub unverified: bool,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    pub entry: Entry,
    /// The language the country's statutes are named in, for legal references.
    pub language: Option<String>,
    pub eea: bool,
    pub eu: bool,
    pub adequacy: Vec<Adequacy>,
    pub org_number: Option<OrgNumberScheme>,
}

/// A country's business-register number: its name, length and check-digit algorithm.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgNumberScheme {
    pub name: String,
    pub digits: u64,
    /// `mod11-no`, `mod11-dk`, `mod11-fi` or `luhn`.
    pub check: String,
    pub format: Option<String>,
    pub cite: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    pub entry: Entry,
    pub third_country: bool,
    pub eea: bool,
    /// The country the region is part of (a German Land); `None` for groupings such as the EEA.
    pub country: Option<Ref>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statute {
    pub entry: Entry,
    pub country: Option<Ref>,
    pub family: Option<String>,
    pub section: Option<String>,
    pub retain: Option<Retention>,
    pub in_force: Option<Date>,
    pub repealed: Option<Date>,
    pub age: Option<u64>,
    pub consent_standard: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub entry: Entry,
    pub vague: bool,
    pub fits: Vec<Ref>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mechanism {
    pub entry: Entry,
    pub valid: bool,
    pub invalid: Option<Text>,
    pub bundled: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Channel {
    pub entry: Entry,
    pub electronic: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CookieKind {
    pub entry: Entry,
    pub exempt: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Authority {
    pub entry: Entry,
    pub country: Option<Ref>,
    /// The part of the country it supervises, if not all of it (a German Land).
    pub region: Option<Ref>,
    pub addresses: Vec<Text>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub web: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrases {
    pub entry: Entry,
    pub phrases: Vec<String>,
    /// The phrases as one automaton, built on first use: the stdlib's lists are shared by every
    /// policy, so each is built once, not once per check.
    pub matcher: PhraseMatcher,
}

/// An Aho-Corasick automaton over a phrase list's lower-cased phrases (`sema::Sema::phrase_in`).
/// Derived from the phrases alone, so it takes no part in comparing two lists.
#[derive(Clone, Default)]
pub struct PhraseMatcher(std::sync::OnceLock<Option<aho_corasick::AhoCorasick>>);

// Printed alike built or not: a policy's `Debug` output must not depend on whether a check ran.
impl std::fmt::Debug for PhraseMatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PhraseMatcher(..)")
    }
}

impl PhraseMatcher {
    pub fn get(&self, phrases: &[String]) -> Option<&aho_corasick::AhoCorasick> {
        self.0
            .get_or_init(|| {
                let lowered: Vec<String> = phrases.iter().map(|p| p.to_lowercase()).collect();
                aho_corasick::AhoCorasick::new(lowered).ok()
            })
            .as_ref()
    }
}

impl PartialEq for PhraseMatcher {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for PhraseMatcher {}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegalEvent {
    pub entry: Entry,
    pub date: Option<Date>,
    pub affects: Vec<String>,
}

/// Every vocabulary declaration in scope, by canonical name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vocabulary {
    pub data: Layered<DataCategory>,
    pub subjects: Layered<Subject>,
    pub purpose_kinds: Layered<PurposeKind>,
    pub bases: Layered<Basis>,
    pub rights: Layered<Concept>,
    pub roles: Layered<Concept>,
    pub recipient_kinds: Layered<RecipientKind>,
    pub vendors: Layered<Vendor>,
    pub safeguards: Layered<Safeguard>,
    pub countries: Layered<Country>,
    pub regions: Layered<Region>,
    pub statutes: Layered<Statute>,
    pub events: Layered<Event>,
    pub mechanisms: Layered<Mechanism>,
    pub channels: Layered<Channel>,
    pub cookie_kinds: Layered<CookieKind>,
    pub authorities: Layered<Authority>,
    pub terms: Layered<Concept>,
    pub phrases: Layered<Phrases>,
    pub legal_events: Layered<LegalEvent>,
}

/// Calls macro `$m!` with the name of every map of `Vocabulary`, so that code visiting them all
/// (freezing, looking an entry up, renaming shadowed entries) keeps one list.
#[macro_export]
macro_rules! vocabulary_maps {
    ($m:ident) => {
        $m!(
            data,
            subjects,
            purpose_kinds,
            bases,
            rights,
            roles,
            recipient_kinds,
            vendors,
            safeguards,
            countries,
            regions,
            statutes,
            events,
            mechanisms,
            channels,
            cookie_kinds,
            authorities,
            terms,
            phrases,
            legal_events
        )
    };
}

impl Vocabulary {
    /// Adds `other`'s own entries (one declaration's, lowered on its own) to this vocabulary; an entry
    /// of the same name is replaced, as when the declarations are lowered one after the other.
    pub fn absorb(&mut self, other: Vocabulary) {
        macro_rules! absorb {
            ($($map:ident),*) => {$(
                for (name, entry) in other.$map.into_own() {
                    self.$map.insert(name, entry);
                }
            )*};
        }
        crate::vocabulary_maps!(absorb);
    }

    /// Moves every entry into the shared layer (see `Layered::freeze`): done once to the stdlib.
    pub fn freeze(&mut self) {
        macro_rules! freeze {
            ($($map:ident),*) => {$( self.$map.freeze(); )*};
        }
        vocabulary_maps!(freeze);
    }

    /// The label of any entry, by canonical name, in `lang` if it has one.
    pub fn label(&self, name: &str, lang: &str) -> Option<String> {
        self.entry(name)
            .and_then(|e| e.label.any(lang).map(str::to_string))
    }

    pub fn entry(&self, name: &str) -> Option<&Entry> {
        macro_rules! find {
            ($($map:ident),*) => {
                $(if let Some(v) = self.$map.get(name) { return Some(&v.entry); })*
            };
        }
        vocabulary_maps!(find);
        None
    }
}
