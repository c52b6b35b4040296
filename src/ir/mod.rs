//! The resolved policy: every name checked and bound, every literal typed. Produced by `resolve`,
//! read by `check` and `emit`. Names are canonical: a policy's own name, or `std.NAME` for a stdlib
//! declaration the policy shadows. This model is internal and free to change; the public, versioned
//! form is `emit::model`.

pub mod layered;
mod shift;
mod text;
mod vocab;

pub use jiff::civil::Date;
pub use text::{LangMap, Text};
pub use vocab::*;

use crate::db::SourceFile;
use crate::syntax::ast::{Duration, Span};

pub use crate::name::Name;

/// Where something was declared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Loc {
    pub file: SourceFile,
    pub span: Span,
}

/// A reference to a declaration, with the place it was written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Ref {
    pub name: Name,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    pub root: SourceFile,
    pub meta: Option<Meta>,
    pub controller: Option<Controller>,
    /// The controllers declared after the first, in order (`sema::Sema::controllers` lists them all;
    /// the first is the main one, whose country is the policy's jurisdiction).
    pub other_controllers: Vec<Controller>,
    /// The Art. 26 arrangements between the policy's controllers (`joint` declarations).
    pub joints: Vec<Joint>,
    /// The policy's own data categories and subjects, and the stdlib ones it refers to.
    pub data: Vec<Name>,
    pub subjects: Vec<Name>,
    pub purposes: Vec<Purpose>,
    pub recipients: Vec<Recipient>,
    pub cookies: Vec<Cookie>,
    pub rights: Option<Rights>,
    /// Every vocabulary declaration in scope: the stdlib's and the policy's own.
    pub vocab: Vocabulary,
    /// National stdlib modules the policy `use`s.
    pub modules: Vec<String>,
    /// What the policy tried to say and could not, so that rules do not report it as unsaid.
    pub unreadable: Unreadable,
    /// The organisation rules in the policy's files (`forbid`, `require`), also from shared files.
    pub org_rules: Vec<OrgRule>,
}

/// Parts of a policy that were written but could not be read (each reported by its own error).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Unreadable {
    /// Declarations that did not parse: only their heads are known.
    pub declarations: Vec<Loc>,
    /// Properties written in a declaration whose value was wrong, or whose key was misspelt (then the
    /// property it most likely meant): (the whole declaration, the property).
    pub properties: Vec<(Loc, String)>,
}

impl Unreadable {
    pub fn is_empty(&self) -> bool {
        self.declarations.is_empty() && self.properties.is_empty()
    }
    /// Whether `property` was attempted in some declaration.
    pub fn attempted_anywhere(&self, property: &str) -> bool {
        self.properties.iter().any(|(_, p)| p == property)
    }
    /// Whether `property` was attempted in the declaration whose span contains `at`.
    pub fn attempted(&self, at: Loc, property: &str) -> bool {
        self.properties.iter().any(|(decl, p)| {
            p == property
                && decl.file == at.file
                && decl.span.start() <= at.span.start()
                && at.span.end() <= decl.span.end()
        })
    }
}

/// The elements with an explicit negative in the `policy` block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Negative {
    Recipients,
    Transfers,
    Cookies,
    Profiling,
    AutomatedDecisions,
    DirectMarketing,
}

impl Negative {
    pub const ALL: [Negative; 6] = [
        Negative::Recipients,
        Negative::Transfers,
        Negative::Cookies,
        Negative::Profiling,
        Negative::AutomatedDecisions,
        Negative::DirectMarketing,
    ];

    /// The property of the `policy` block that declares the negative: `transfers none`.
    pub fn key(self) -> &'static str {
        match self {
            Negative::Recipients => "recipients",
            Negative::Transfers => "transfers",
            Negative::Cookies => "cookies",
            Negative::Profiling => "profiling",
            Negative::AutomatedDecisions => "automated-decisions",
            Negative::DirectMarketing => "direct-marketing",
        }
    }

    pub fn parse(key: &str) -> Option<Negative> {
        Negative::ALL.into_iter().find(|n| n.key() == key)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meta {
    pub title: Text,
    pub languages: Vec<String>,
    pub updated: Option<Date>,
    pub updated_loc: Option<Loc>,
    pub version: Option<String>,
    pub url: Option<String>,
    pub audience: Vec<Ref>,
    pub description: Option<Text>,
    /// Explicit negatives: `transfers none`, `cookies none`, ... with where each is declared.
    pub negatives: Vec<(Negative, Loc)>,
    /// `default-source KIND`: where data comes from unless a category says otherwise.
    pub default_source: Option<(SourceKind, Loc)>,
    /// `accepted-by-use "..."`: the policy says that using the service means accepting it. Not a
    /// legal basis for anything (`consent-bundled-with-notice`).
    pub accepted_by_use: Option<(Text, Loc)>,
    pub waivers: Vec<Waiver>,
    pub loc: Loc,
    /// The block's closing `}`, where a quick fix adds a declaration.
    pub close: Option<Loc>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contact {
    pub name: Option<String>,
    pub addresses: Vec<Text>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub web: Option<String>,
    pub country: Option<Ref>,
    /// `region`: the part of the country (a German Land); only the controller's is read.
    pub region: Option<Ref>,
    pub loc: Option<Loc>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(
    clippy::large_enum_variant,
    reason = "one per policy; boxing would only add noise"
)]
pub enum Dpo {
    Appointed(Contact),
    /// `dpo none`: the policy states that no DPO is appointed.
    None(Loc),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Controller {
    pub name: Name,
    pub contact: Contact,
    pub org_number: Option<(String, Loc)>,
    pub representative: Option<Contact>,
    pub dpo: Option<Dpo>,
    pub description: Option<Text>,
    pub waivers: Vec<Waiver>,
    pub loc: Loc,
    /// `acts-as processor for "..."`: processing done on others' behalf, as their processor.
    pub acts_as: Vec<ProcessorRole>,
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
pub enum SourceKind {
    Subject,
    Observed,
    Derived,
    ThirdParty,
    Public,
}

impl SourceKind {
    pub fn parse(word: &str) -> Option<SourceKind> {
        Some(match word {
            "subject" => SourceKind::Subject,
            "observed" => SourceKind::Observed,
            "derived" => SourceKind::Derived,
            "third-party" => SourceKind::ThirdParty,
            "public" => SourceKind::Public,
            _ => return None,
        })
    }
    pub const WORDS: &'static [&'static str] =
        &["subject", "observed", "derived", "third-party", "public"];
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataSource {
    pub kind: SourceKind,
    pub text: Option<Text>,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub ty: String,
    pub optional: bool,
    pub label: Option<Text>,
    pub loc: Loc,
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
pub enum Requirement {
    Statutory,
    Contractual,
    PreContract,
    Voluntary,
}

impl Requirement {
    pub fn parse(word: &str) -> Option<Requirement> {
        Some(match word {
            "statutory" => Requirement::Statutory,
            "contractual" => Requirement::Contractual,
            "pre-contract" => Requirement::PreContract,
            "voluntary" => Requirement::Voluntary,
            _ => return None,
        })
    }
    pub const WORDS: &'static [&'static str] =
        &["statutory", "contractual", "pre-contract", "voluntary"];
    pub fn word(self) -> &'static str {
        match self {
            Requirement::Statutory => "statutory",
            Requirement::Contractual => "contractual",
            Requirement::PreContract => "pre-contract",
            Requirement::Voluntary => "voluntary",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BasisUse {
    pub basis: Ref,
    /// The legitimate interest, inline or as `interest`.
    pub interest: Option<Text>,
    /// `when "..."`: the basis applies only in this case (a conditional split).
    pub condition: Option<Text>,
    pub statute: Option<Ref>,
    pub mechanism: Option<Ref>,
    pub collected: Option<Text>,
    pub withdraw: Option<Text>,
    pub balancing: Option<Text>,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Art9Condition {
    pub basis: Ref,
    pub text: Option<Text>,
    pub loc: Loc,
}

/// How long data is kept. Never a free string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Retention {
    /// `5y`, or `5y after end-of-accounting-year`.
    Period {
        period: Duration,
        after: Option<Ref>,
    },
    /// `until consent-withdrawn`, or `until contract-end + 1y`.
    Until { event: Ref, plus: Option<Duration> },
    /// `as bookkeeping`, `6y as bookkeeping`, `up-to 5y as bookkeeping`. With `family`, the name is a
    /// statute family (`bookkeeping`), meaning the controller's country's statute of that family.
    Statute {
        statute: Ref,
        family: bool,
        stated: Option<Duration>,
        up_to: bool,
        /// `6y after end-of-accounting-year as bookkeeping`: the event the stated period counts from.
        after: Option<Ref>,
    },
    /// `A or B`: whichever comes first.
    FirstOf(Vec<Retention>),
    /// `indefinitely`, with the Art. 89(1) ground that allows keeping data beyond its purpose
    /// (`indefinitely archiving historical-research`); without one it is no retention period at all.
    Indefinite { ground: Option<Art89Ground> },
}

/// A retention as it is written in vern (`5y after end-of-accounting-year`, `up-to 6y as bookkeeping`),
/// for messages and the diff.
impl std::fmt::Display for Retention {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Retention::Period { period, after } => {
                write!(f, "{period}")?;
                after
                    .iter()
                    .try_for_each(|e| write!(f, " after {}", e.name))
            }
            Retention::Until { event, plus } => {
                write!(f, "until {}", event.name)?;
                plus.iter().try_for_each(|d| write!(f, " + {d}"))
            }
            Retention::Statute {
                statute,
                stated,
                up_to,
                ..
            } => {
                if *up_to {
                    f.write_str("up-to ")?;
                }
                stated.iter().try_for_each(|d| write!(f, "{d} "))?;
                write!(f, "as {}", statute.name)
            }
            Retention::FirstOf(alternatives) => {
                for (i, a) in alternatives.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" or ")?;
                    }
                    write!(f, "{a}")?;
                }
                Ok(())
            }
            Retention::Indefinite { ground } => {
                f.write_str("indefinitely")?;
                ground
                    .iter()
                    .try_for_each(|g| write!(f, " archiving {}", g.word()))
            }
        }
    }
}

/// The purposes for which Art. 89(1) allows keeping personal data longer than the original purpose
/// needs, with safeguards (Art. 5(1)(e)).
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
pub enum Art89Ground {
    PublicInterest,
    ScientificResearch,
    HistoricalResearch,
    Statistics,
}

impl Art89Ground {
    pub const WORDS: &[&str] = &[
        "public-interest",
        "scientific-research",
        "historical-research",
        "statistics",
    ];
    pub fn parse(word: &str) -> Option<Self> {
        Some(match word {
            "public-interest" => Art89Ground::PublicInterest,
            "scientific-research" => Art89Ground::ScientificResearch,
            "historical-research" => Art89Ground::HistoricalResearch,
            "statistics" => Art89Ground::Statistics,
            _ => return None,
        })
    }
    pub fn word(self) -> &'static str {
        match self {
            Art89Ground::PublicInterest => "public-interest",
            Art89Ground::ScientificResearch => "scientific-research",
            Art89Ground::HistoricalResearch => "historical-research",
            Art89Ground::Statistics => "statistics",
        }
    }
}

/// A word before a retention that weakens it: `at-least 5y` (a minimum, no maximum), `normally 2y`
/// (a rule with exceptions it does not name).
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
pub enum Qualifier {
    AtLeast,
    Normally,
}

impl Qualifier {
    pub fn parse(word: &str) -> Option<Self> {
        match word {
            "at-least" => Some(Qualifier::AtLeast),
            "normally" => Some(Qualifier::Normally),
            _ => None,
        }
    }
    pub fn word(self) -> &'static str {
        match self {
            Qualifier::AtLeast => "at-least",
            Qualifier::Normally => "normally",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetentionRule {
    pub retention: Retention,
    /// `at-least` or `normally` before the retention.
    pub qualifier: Option<(Qualifier, Loc)>,
    /// `then anonymise`: at the end the data is anonymised, not erased.
    pub then_anonymise: Option<Loc>,
    /// `for DATA, ...`: the rule covers only these; empty means all the purpose's data.
    pub data: Vec<Ref>,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flagged {
    pub text: Option<Text>,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirectMarketing {
    pub channels: Vec<Ref>,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(
    clippy::large_enum_variant,
    reason = "one per purpose; boxing would only add noise"
)]
pub enum AutomatedDecision {
    None(Loc),
    Significant {
        logic: Option<Text>,
        significance: Option<Text>,
        consequences: Option<Text>,
        safeguards: Option<Text>,
        loc: Loc,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Purpose {
    pub name: Name,
    pub kind: Option<Ref>,
    /// What the purpose declares of the properties a purpose kind has (`tracking`, `expects`, ...).
    pub traits: OwnTraits,
    pub label: Option<Text>,
    pub description: Option<Text>,
    pub uses: Vec<Ref>,
    /// One entry per name in `uses`, in the same order: whom it is collected about and whether it
    /// is optional (`uses phone if-provided for pupils`).
    pub data_uses: Vec<DataUse>,
    pub about: Vec<Ref>,
    pub bases: Vec<BasisUse>,
    pub conditions: Vec<Art9Condition>,
    pub retention: Vec<RetentionRule>,
    pub requirement: Option<(Requirement, Option<Text>, Loc)>,
    pub direct_marketing: Option<DirectMarketing>,
    pub soft_opt_in: Option<Flagged>,
    pub profiling: Option<Flagged>,
    pub automated_decision: Option<AutomatedDecision>,
    pub waivers: Vec<Waiver>,
    /// How many `basis` and `retain` lines the source has, resolved or not: a line that failed to
    /// resolve was already reported, so rules about a missing basis or retention stay quiet.
    pub written_bases: usize,
    pub written_retention: usize,
    pub loc: Loc,
    /// `controller NAME`: the controller responsible for the purpose.
    pub controller: Option<Ref>,
}

/// A purpose's own declarations of purpose-kind properties; `sema::Sema::traits` merges them with its
/// kind's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OwnTraits {
    pub expects: Vec<Ref>,
    pub tracking: Option<Loc>,
    pub statute_bound: Option<Loc>,
    pub dpv: Option<String>,
    pub fideslang: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafeguardUse {
    pub safeguard: Ref,
    pub reference: Option<Text>,
    pub copy: Option<Text>,
    pub module: Option<String>,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receives {
    pub data: Vec<Ref>,
    pub purposes: Vec<Ref>,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recipient {
    pub name: Name,
    pub vendor: Option<Ref>,
    pub label: Option<Text>,
    pub description: Option<Text>,
    pub entity: Option<String>,
    pub roles: Vec<Ref>,
    pub kind: Option<Ref>,
    pub countries: Vec<Ref>,
    pub safeguards: Vec<SafeguardUse>,
    pub receives: Vec<Receives>,
    pub arrangement: Option<Text>,
    pub dpf_certified: bool,
    pub waivers: Vec<Waiver>,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lifetime {
    Session,
    Period(Duration),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Provider {
    Named(String),
    Recipient(Ref),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cookie {
    pub name: Name,
    /// Named by its real name, as a string (`cookie "_ga"`): looked up in the cookie registry.
    pub quoted: bool,
    pub label: Option<Text>,
    pub description: Option<Text>,
    pub provider: Option<Provider>,
    pub kind: Option<Ref>,
    pub lifetime: Option<Lifetime>,
    pub consent: Option<Ref>,
    pub purposes: Vec<Ref>,
    pub waivers: Vec<Waiver>,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RightStatement {
    pub right: Ref,
    pub how: Option<Text>,
    /// `for SUBJECT, ...`: the right is granted to these groups only; empty means to everyone.
    pub subjects: Vec<Ref>,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Complaint {
    pub authority: Ref,
    pub text: Option<Text>,
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rights {
    pub exercise: Option<Text>,
    pub rights: Vec<RightStatement>,
    pub complaints: Vec<Complaint>,
    pub waivers: Vec<Waiver>,
    pub loc: Loc,
    /// The block's closing `}`, where a quick fix adds rights.
    pub close: Option<Loc>,
}

/// `waive RULE "reason"` on a declaration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Waiver {
    pub rule: String,
    pub reason: String,
    pub loc: Loc,
}

/// One data category named on a `uses` line, with the line's scope: `uses phone if-provided for
/// pupils` collects `phone` only about pupils, and only when they choose to give it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataUse {
    pub data: Ref,
    /// `for SUBJECT, ...`: collected only about these groups (each one the purpose is `about`);
    /// empty means about every subject of the purpose.
    pub subjects: Vec<Ref>,
    /// `if-provided`: collected only when the person chooses to provide it (Art. 13(2)(e)).
    pub if_provided: Option<Loc>,
    /// The `uses` line.
    pub loc: Loc,
}

/// `acts-as processor for "..."` on a controller: processing it does as a processor (Art. 28) on behalf
/// of the controllers named, which is theirs and not among its own purposes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcessorRole {
    /// For whom: "the schools that use the app".
    pub on_behalf_of: Text,
    pub loc: Loc,
}

/// An obligation joint controllers divide between them (Art. 26(1)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Duty {
    Notice,
    Rights,
    Consent,
    Security,
    Breach,
    Dpia,
    Processors,
}

impl Duty {
    pub const ALL: [Duty; 7] = [
        Duty::Notice,
        Duty::Rights,
        Duty::Consent,
        Duty::Security,
        Duty::Breach,
        Duty::Dpia,
        Duty::Processors,
    ];
    /// The key in a `responsibilities` block.
    pub fn key(self) -> &'static str {
        match self {
            Duty::Notice => "notice",
            Duty::Rights => "rights",
            Duty::Consent => "consent",
            Duty::Security => "security",
            Duty::Breach => "breach",
            Duty::Dpia => "dpia",
            Duty::Processors => "processors",
        }
    }
    pub fn parse(key: &str) -> Option<Duty> {
        Duty::ALL.into_iter().find(|d| d.key() == key)
    }
}

/// One line of a `responsibilities` block: who is responsible for an obligation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Responsibility {
    pub duty: Duty,
    pub controllers: Vec<Ref>,
    pub text: Option<Text>,
    pub loc: Loc,
}

/// The contact point of a joint arrangement: one of the controllers, or contact details of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JointContact {
    Controller(Ref),
    Details(Contact),
}

/// `joint NAME { controllers ..., purposes ..., responsibilities { ... }, essence, contact }`: an
/// Art. 26 arrangement between controllers of the policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Joint {
    pub name: Name,
    pub label: Option<Text>,
    pub description: Option<Text>,
    pub controllers: Vec<Ref>,
    pub purposes: Vec<Ref>,
    /// `None` when there is no `responsibilities` block; `Some` (maybe empty) when there is.
    pub responsibilities: Option<Vec<Responsibility>>,
    pub essence: Option<Text>,
    pub contact: Option<JointContact>,
    pub waivers: Vec<Waiver>,
    pub loc: Loc,
}

/// An organisation rule: `forbid ID "text" { ... }` or `require ID "text" { ... }` (docs/rules-in-vern.md).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgRule {
    /// The rule's id (its name), kebab-case and distinct from every built-in rule.
    pub id: Name,
    pub mode: OrgMode,
    /// The text after the id: what the rule says, shown as its summary.
    pub text: Option<Text>,
    pub description: Option<Text>,
    /// `level deny|warn|info`; `deny` when not given.
    pub level: OrgLevel,
    /// The conditions written alone: together, what `forbid` forbids and what `require` requires.
    pub conditions: Vec<OrgCondition>,
    /// `when CONDITION`: the rule applies only where every one holds.
    pub when: Vec<OrgCondition>,
    /// `unless CONDITION`: the rule does not apply where any one holds.
    pub unless: Vec<OrgCondition>,
    /// A condition could not be read (reported by its own error): the rule is not evaluated, because
    /// without it the rule would match more, or less, than it says.
    pub broken: bool,
    /// The declaration's head (`forbid ID`).
    pub loc: Loc,
    /// The whole declaration.
    pub span_loc: Loc,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OrgMode {
    /// Fires where the conditions all hold.
    Forbid,
    /// Fires where `when` holds, no `unless` holds, and the conditions do not all hold.
    Require,
}

impl OrgMode {
    pub fn keyword(self) -> &'static str {
        match self {
            OrgMode::Forbid => "forbid",
            OrgMode::Require => "require",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OrgLevel {
    Info,
    Warn,
    Deny,
}

impl OrgLevel {
    pub const WORDS: &'static [&'static str] = &["deny", "warn", "info"];
    pub fn parse(word: &str) -> Option<Self> {
        Some(match word {
            "deny" => OrgLevel::Deny,
            "warn" => OrgLevel::Warn,
            "info" => OrgLevel::Info,
            _ => return None,
        })
    }
}

/// One condition of an organisation rule, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgCondition {
    pub test: OrgTest,
    /// The condition's line.
    pub loc: Loc,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OrgTest {
    Data(Vec<Ref>),
    SpecialData,
    Purpose(Vec<Ref>),
    Subject(Vec<Ref>),
    Children,
    Basis(Vec<Ref>),
    RetainAtMost(Duration),
    RetainAtLeast(Duration),
    Recipient(Vec<Ref>),
    Role(Vec<Ref>),
    RecipientKind(Vec<Ref>),
    Country(Vec<Ref>),
    ThirdCountry,
}

impl OrgTest {
    /// Whether the condition is about where data goes: a rule with one is judged on each
    /// disclosure (`receives`), else on each purpose.
    pub fn about_recipients(&self) -> bool {
        matches!(
            self,
            OrgTest::Recipient(_)
                | OrgTest::Role(_)
                | OrgTest::RecipientKind(_)
                | OrgTest::Country(_)
                | OrgTest::ThirdCountry
        )
    }
}
