//! The compiled policy as published in `policy.json`: a versioned, documented contract, kept apart
//! from the IR so the compiler's internals can change without breaking its consumers. The JSON Schema
//! of these types is generated with schemars (`vern schema`) and committed as `docs/policy.schema.json`.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The version of this format. It changes when a field is removed or its meaning changes; new
/// optional fields do not change it.
pub const FORMAT: &str = "vern.policy/1";

/// Human text by language tag, e.g. `{"nb": "Nyhetsbrev", "en": "Newsletter"}`.
pub type Text = BTreeMap<String, String>;

/// A compiled privacy policy.
#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct CompiledPolicy {
    /// Always `vern.policy/1` for this version of the format.
    pub format: String,
    /// The vern version that compiled the policy.
    pub compiler: String,
    /// The evaluation date the policy was checked against (`--as-of`).
    pub as_of: String,
    pub policy: PolicyMeta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub controller: Option<Controller>,
    /// The controllers declared after the first (`controller` is the main one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_controllers: Vec<Controller>,
    /// The Art. 26 arrangements between the controllers (`joint` declarations).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub joint_arrangements: Vec<JointArrangement>,
    pub data_categories: Vec<DataCategory>,
    pub data_subjects: Vec<Subject>,
    pub purposes: Vec<Purpose>,
    pub recipients: Vec<Recipient>,
    pub cookies: Vec<Cookie>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rights: Option<Rights>,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct PolicyMeta {
    /// The notice title.
    pub title: Text,
    /// Notice languages; the first is the default.
    pub languages: Vec<String>,
    /// Last-updated date, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// ISO country codes of the notice's audience.
    pub audience: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The elements the policy explicitly declares there are none of: `recipients`, `transfers`,
    /// `cookies`, `profiling`, `automated-decisions`, `direct-marketing`. An element not listed here
    /// and not declared is not stated: it is not a "no".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub declares_none: Vec<String>,
    /// Where data comes from unless a category says otherwise (`default-source`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_source: Option<crate::ir::SourceKind>,
    /// The policy's claim that using the service means accepting it (`accepted-by-use`): recorded as
    /// written; it is no legal basis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_by_use: Option<Text>,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq, Default)]
pub struct Contact {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub web: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The part of the country (a German Land), which chooses the competent supervisory authority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct Controller {
    pub id: String,
    #[serde(flatten)]
    pub contact: Contact,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub org_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub representative: Option<Contact>,
    /// The data protection officer; absent when the policy says nothing, `appointed: false` for `dpo none`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dpo: Option<Dpo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// `acts-as processor for "..."`: for whom the controller also processes data as a processor
    /// (Art. 28). That processing is theirs, and not among this policy's purposes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acts_as_processor_for: Vec<Text>,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct Dpo {
    pub appointed: bool,
    #[serde(flatten)]
    pub contact: Contact,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct DataCategory {
    /// The category's name in the policy (or the stdlib).
    pub id: String,
    pub label: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// `policy` for the policy's own, or the stdlib module (`std.data`).
    pub origin: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refines: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub includes: Vec<String>,
    /// Art. 9(1) special category: flagged so itself or through what it refines.
    pub special: bool,
    /// Art. 10 data, itself or through what it refines.
    pub criminal: bool,
    pub identifier: bool,
    /// Identifies a person in combination with other data.
    #[serde(default)]
    pub quasi_identifier: bool,
    pub national_id: bool,
    /// The policy claims the data is anonymous.
    pub anonymous: bool,
    /// Pseudonymised (Art. 4(5)): still personal data.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pseudonymised: bool,
    /// The claim is doubted: the category holds identifiers or is used for profiling (the checker
    /// reports `anonymous-claim-with-identifiers`). Such data is personal data.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub anonymity_doubted: bool,
    /// Why a national identity number is needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub justification: Option<Text>,
    /// The category's own `source` lines, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<DataSource>,
    /// `source unstated`: the policy says it does not state where this data comes from.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub source_unstated: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dpv: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fideslang: Option<String>,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct DataSource {
    pub kind: crate::ir::SourceKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct Field {
    pub name: String,
    /// One of string, text, integer, number, boolean, date, datetime, email, phone, url.
    #[serde(rename = "type")]
    pub ty: String,
    pub optional: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct Subject {
    pub id: String,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    pub origin: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refines: Option<String>,
    /// The subjects are children, by their own flag or what they refine.
    pub child: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_age: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpv: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fideslang: Option<String>,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct Purpose {
    pub id: String,
    /// The stdlib purpose kind, e.g. `order-fulfilment`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    pub data: Vec<String>,
    pub subjects: Vec<String>,
    pub legal_bases: Vec<LegalBasis>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub special_category_conditions: Vec<Art9Condition>,
    pub retention: Vec<RetentionRule>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requirement: Option<RequirementStatement>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direct_marketing: Option<DirectMarketing>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub soft_opt_in: Option<Statement>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profiling: Option<Statement>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub automated_decision: Option<AutomatedDecision>,
    /// The bases processing of this kind normally rests on (its own `expects`, else its kind's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expects: Vec<String>,
    /// The purpose relies on cookies or similar trackers (itself or by its kind).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub tracking: bool,
    /// The purpose exists to meet a statute (itself or by its kind).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub statute_bound: bool,
    /// W3C DPV concept of the purpose (its own, else its kind's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpv: Option<String>,
    /// fideslang data use of the purpose (its own, else its kind's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fideslang: Option<String>,
    /// The data collected only when the person chooses to provide it (`uses phone if-provided`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub optional_data: Vec<String>,
    /// The data collected about some of the purpose's subjects only (`uses education for pupil`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_scopes: Vec<DataScope>,
    /// The controller the purpose names (`controller NAME`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub controller: Option<String>,
    /// When the policy has several controllers: those responsible for the purpose (the joint
    /// arrangement's that lists it, or the one it names); empty when it does not say.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub controllers: Vec<String>,
    /// The joint arrangement that lists the purpose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joint_arrangement: Option<String>,
}

/// Data a purpose collects about some of its subjects only.
#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct DataScope {
    pub data: String,
    pub subjects: Vec<String>,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct LegalBasis {
    /// The basis, e.g. `consent`.
    pub basis: String,
    /// The GDPR article, e.g. `6(1)(a)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interest: Option<Text>,
    /// The case this basis covers, for conditional splits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applies_when: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statute: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consent: Option<Consent>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub balancing: Option<Text>,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct Consent {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mechanism: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collected: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withdraw: Option<Text>,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct Art9Condition {
    pub condition: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct RetentionRule {
    /// The data the rule covers; empty means all of the purpose's data.
    pub data: Vec<String>,
    pub rule: Retention,
    /// `at-least` (a minimum with no maximum) or `normally` (a rule with unnamed exceptions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<crate::ir::Qualifier>,
    /// At the end the data is anonymised, not erased (`then anonymise`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub then_anonymise: bool,
}

/// How long data is kept. Durations are ISO 8601 (`P5Y`, `P3Y6M`, `P90D`).
#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Retention {
    /// A period, from collection or from an event.
    Period {
        period: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        after: Option<String>,
    },
    /// Until an event, optionally plus a period.
    Until {
        event: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        plus: Option<String>,
    },
    /// The period a statute prescribes; `stated` is the period the policy claims.
    Statute {
        statute: String,
        /// True when `statute` names a family (`bookkeeping`) resolved per the controller's country.
        family: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        stated: Option<String>,
        up_to: bool,
        /// The event the stated period counts from, when the policy names one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<String>,
    },
    /// Whichever comes first.
    FirstOf { options: Vec<Retention> },
    /// Kept indefinitely, with its Art. 89(1) ground when the policy gives one.
    Indefinite {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ground: Option<crate::ir::Art89Ground>,
    },
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct RequirementStatement {
    pub kind: crate::ir::Requirement,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consequence: Option<Text>,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct DirectMarketing {
    pub channels: Vec<String>,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct Statement {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct AutomatedDecision {
    /// False for `automated-decision none`: the policy states there is none with significant effect.
    pub significant_effect: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logic: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub significance: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consequences: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub safeguards: Option<Text>,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct Recipient {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    pub roles: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    pub locations: Vec<Location>,
    /// Where the vendor the recipient `is` processes data, by the stdlib's vendor registry, when the
    /// recipient declares no location itself (the checker reports it as undeclared).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vendor_locations: Vec<Location>,
    pub safeguards: Vec<SafeguardUse>,
    pub receives: Vec<Receives>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arrangement: Option<Text>,
    pub dpf_certified: bool,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct Location {
    /// An ISO country code or a region (`outside-eea`).
    pub id: String,
    /// True when outside the EEA (a transfer under Chapter V).
    pub third_country: bool,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct SafeguardUse {
    pub safeguard: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instrument: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct Receives {
    pub data: Vec<String>,
    pub purposes: Vec<String>,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct Cookie {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// `session`, or an ISO 8601 duration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lifetime: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consent: Option<String>,
    pub purposes: Vec<String>,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct Rights {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exercise: Option<Text>,
    pub rights: Vec<RightStatement>,
    pub complaints: Vec<Complaint>,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct RightStatement {
    pub right: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub how: Option<Text>,
    /// The groups of data subjects the right is granted to (`access for pupil`); empty: everyone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct Complaint {
    pub authority: String,
    pub name: Text,
    /// The policy's own text about the complaint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub web: Option<String>,
}

/// An Art. 26 arrangement between joint controllers.
#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct JointArrangement {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The controllers (their ids) that determine the purposes and means jointly.
    pub controllers: Vec<String>,
    /// The purposes (their ids) they determine jointly.
    pub purposes: Vec<String>,
    /// Who does what; absent when the arrangement does not say.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsibilities: Vec<JointResponsibility>,
    /// The essence of the arrangement, or where it is available (Art. 26(2)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub essence: Option<Text>,
    /// The contact point (Art. 26(1)) when it is one of the controllers: its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_controller: Option<String>,
    /// The contact point when it has contact details of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
}

#[derive(Serialize, Deserialize, JsonSchema, Debug, PartialEq)]
pub struct JointResponsibility {
    /// `notice`, `rights`, `consent`, `security`, `breach`, `dpia` or `processors`.
    pub obligation: String,
    pub controllers: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
}
