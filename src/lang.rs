//! The shape of the language: which declaration kinds exist, which properties each has, and what they
//! take. This is grammar, not law: legal facts live in the stdlib. The table serves the chunker
//! (declaration keywords), resolve (unknown properties, did-you-mean), and the editor (completion, hover).

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Policy,
    Controller,
    Data,
    Subject,
    Purpose,
    Recipient,
    Cookie,
    Rights,
    Basis,
    Right,
    Role,
    RecipientKind,
    Vendor,
    Safeguard,
    Country,
    Region,
    Statute,
    Event,
    Mechanism,
    Channel,
    CookieKind,
    Authority,
    Term,
    Phrases,
    LegalEvent,
    Joint,
    Forbid,
    Require,
}

/// Whether a declaration of a kind has a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Naming {
    Required,
    Forbidden,
}

/// One property of a declaration kind (or of a nested block).
#[derive(Clone, Copy)]
pub struct Prop {
    pub key: &'static str,
    /// How the arguments are written, for messages and completion: `DATA, ...`.
    pub args: &'static str,
    pub doc: &'static str,
    pub repeat: bool,
    /// Properties of the nested block, if the property takes one.
    pub block: &'static [Prop],
}

const fn p(key: &'static str, args: &'static str, doc: &'static str) -> Prop {
    Prop {
        key,
        args,
        doc,
        repeat: false,
        block: &[],
    }
}
const fn many(key: &'static str, args: &'static str, doc: &'static str) -> Prop {
    Prop {
        key,
        args,
        doc,
        repeat: true,
        block: &[],
    }
}
const fn nested(
    key: &'static str,
    args: &'static str,
    doc: &'static str,
    block: &'static [Prop],
) -> Prop {
    Prop {
        key,
        args,
        doc,
        repeat: true,
        block,
    }
}

pub struct KindSpec {
    pub kind: Kind,
    pub keyword: &'static str,
    /// "data category": how the kind is named in messages.
    pub noun: &'static str,
    pub naming: Naming,
    pub doc: &'static str,
    pub props: &'static [Prop],
    /// The properties of the kind when the standard library declares it, where they differ (a
    /// `purpose` there is a purpose kind).
    pub std_props: Option<&'static [Prop]>,
}

const CITE: Prop = many("cite", "STRING", "the source of a legal fact");
const UNVERIFIED: Prop = p(
    "unverified",
    "",
    "the fact is not yet checked against a source",
);
const WAIVE: Prop = many(
    "waive",
    "RULE STRING",
    "accept a finding of RULE here, with the reason",
);
const DESCRIPTION: Prop = p(
    "description",
    "TEXT",
    "a longer explanation, shown in notices",
);

const CONTACT: &[Prop] = &[
    p("name", "STRING", "name"),
    many("address", "TEXT", "postal address"),
    p("email", "STRING", "e-mail address"),
    p("phone", "STRING", "telephone number"),
    p("web", "STRING", "web address or contact form"),
    p("country", "COUNTRY", "country"),
];

const CONTROLLER: &[Prop] = &[
    p(
        "name",
        "STRING",
        "legal name of the controller: a natural or legal person",
    ),
    p(
        "org-number",
        "STRING",
        "organisation number, checked per country",
    ),
    many("address", "TEXT", "postal or visiting address"),
    p("email", "STRING", "e-mail address"),
    p("phone", "STRING", "telephone number"),
    p("web", "STRING", "web address or contact form"),
    p(
        "country",
        "COUNTRY",
        "jurisdiction of the main establishment",
    ),
    p(
        "region",
        "REGION",
        "the part of the country of the main establishment (a German Land), which chooses the competent authority",
    ),
    nested(
        "representative",
        "{ ... }",
        "the Art. 27 representative in the EU",
        CONTACT,
    ),
    nested(
        "dpo",
        "{ ... } | none",
        "the data protection officer, or `none`",
        CONTACT,
    ),
    DESCRIPTION,
    WAIVE,
    many(
        "acts-as",
        "processor for TEXT",
        "processing the controller does on its customers' behalf, as their processor (Art. 28): named in the notice, never its own purposes",
    ),
];

const FIELD_TYPES: &[&str] = &[
    "string", "text", "integer", "number", "boolean", "date", "datetime", "email", "phone", "url",
];

pub fn field_types() -> &'static [&'static str] {
    FIELD_TYPES
}

const DATA: &[Prop] = &[
    DESCRIPTION,
    p("includes", "DATA, ...", "the categories this one groups"),
    p(
        "special",
        "",
        "special category of personal data (Art. 9(1))",
    ),
    p(
        "criminal",
        "",
        "criminal convictions and offences (Art. 10)",
    ),
    p(
        "identifier",
        "",
        "identifies a person directly or by linking; never anonymous",
    ),
    p(
        "quasi-identifier",
        "",
        "identifies a person in combination (fingerprinting)",
    ),
    p("national-id", "", "a national identity number"),
    p("anonymous", "", "the policy claims the data is anonymous"),
    p(
        "pseudonymised",
        "",
        "the data is pseudonymised (Art. 4(5)): still personal data",
    ),
    p(
        "justification",
        "TEXT",
        "why a national identity number is needed",
    ),
    many(
        "source",
        "subject|observed|derived|third-party|public|unstated [TEXT]",
        "where the data comes from (Art. 14); one line per source; `unstated` when the policy does not say",
    ),
    nested(
        "fields",
        "{ NAME TYPE [optional] [TEXT] }",
        "typed fields, for record schemas",
        &[],
    ),
    p("dpv", "STRING", "W3C DPV concept"),
    p("fideslang", "STRING", "fideslang data category"),
    CITE,
    UNVERIFIED,
    WAIVE,
];

const SUBJECT: &[Prop] = &[
    DESCRIPTION,
    p("child", "", "the subjects are children"),
    p("min-age", "NUMBER", "the minimum age of the subjects"),
    p("dpv", "STRING", "W3C DPV concept"),
    p("fideslang", "STRING", "fideslang data subject"),
    CITE,
    UNVERIFIED,
    WAIVE,
];

const BASIS_BLOCK: &[Prop] = &[
    p("mechanism", "MECHANISM", "how consent is collected"),
    p("collected", "TEXT", "where and how consent is asked"),
    p("withdraw", "TEXT", "how consent is withdrawn"),
    p("interest", "TEXT", "the legitimate interest pursued"),
    p("balancing", "TEXT", "the balancing test, summarised"),
    p("statute", "STATUTE", "the statute of a legal obligation"),
];

const AUTOMATED_DECISION: &[Prop] = &[
    p("logic", "TEXT", "the logic involved"),
    p("significance", "TEXT", "the significance for the person"),
    p("consequences", "TEXT", "the envisaged consequences"),
    p(
        "safeguards",
        "TEXT",
        "the Art. 22(3) safeguards: human intervention, contesting the decision",
    ),
];

const PURPOSE: &[Prop] = &[
    DESCRIPTION,
    many(
        "uses",
        "DATA, ... [if-provided] [for SUBJECT, ...]",
        "the data processed for the purpose; `if-provided`: only when the person gives it; `for`: only about these subjects",
    ),
    many("about", "SUBJECT, ...", "whose data"),
    nested(
        "basis",
        "BASIS [TEXT] [when TEXT] [under STATUTE] [{ ... }]",
        "the Art. 6 legal basis",
        BASIS_BLOCK,
    ),
    many(
        "condition",
        "BASIS [TEXT]",
        "the Art. 9(2) condition for special-category data",
    ),
    many(
        "retain",
        "[at-least|normally] RETENTION [then anonymise] [for DATA, ...]",
        "how long the data is kept; `then anonymise` when it is anonymised rather than erased at the end",
    ),
    p(
        "requirement",
        "statutory|contractual|pre-contract|voluntary [TEXT]",
        "whether the data must be provided, and what happens if not",
    ),
    p(
        "direct-marketing",
        "[via CHANNEL, ...]",
        "direct marketing, and its channels",
    ),
    p(
        "soft-opt-in",
        "[TEXT]",
        "the existing-customer conditions for electronic marketing are met",
    ),
    p("profiling", "[TEXT]", "the purpose involves profiling"),
    nested(
        "automated-decision",
        "none | { ... }",
        "the Art. 22 statement",
        AUTOMATED_DECISION,
    ),
    // The properties of a purpose kind, which a purpose may also declare of itself.
    p(
        "expects",
        "BASIS, ...",
        "the bases this purpose normally rests on (checked against the ones it names)",
    ),
    p(
        "tracking",
        "",
        "the purpose relies on cookies or similar trackers",
    ),
    p("statute-bound", "", "the purpose exists to meet a statute"),
    p("dpv", "STRING", "W3C DPV concept"),
    p("fideslang", "STRING", "fideslang data use"),
    WAIVE,
    p(
        "controller",
        "CONTROLLER",
        "the controller responsible for the purpose, when the policy has several (Art. 4(7))",
    ),
];

/// A purpose kind: a `purpose` declared in the standard library, which policies' purposes refine
/// with `is KIND`.
const PURPOSE_KIND: &[Prop] = &[
    DESCRIPTION,
    p(
        "expects",
        "BASIS, ...",
        "the bases this kind of purpose normally rests on",
    ),
    p(
        "direct-marketing",
        "",
        "this kind of purpose is direct marketing",
    ),
    p(
        "profiling",
        "",
        "this kind of purpose usually involves profiling",
    ),
    p("tracking", "", "this kind of purpose relies on trackers"),
    p(
        "statute-bound",
        "",
        "this kind of purpose exists to meet a statute",
    ),
    p("dpv", "STRING", "W3C DPV concept"),
    p("fideslang", "STRING", "fideslang data use"),
    CITE,
    UNVERIFIED,
];

const SAFEGUARD_USE: &[Prop] = &[
    p(
        "reference",
        "TEXT",
        "the specific instrument: decision, module, date",
    ),
    p("copy", "TEXT", "where a copy can be obtained"),
    p("module", "STRING", "the SCC module (C2C, C2P, P2P, P2C)"),
];

const RECIPIENT: &[Prop] = &[
    DESCRIPTION,
    p("entity", "STRING", "the legal entity"),
    p("role", "ROLE, ...", "the recipient's role"),
    p("kind", "RECIPIENT-KIND", "what sort of recipient this is"),
    p(
        "country",
        "COUNTRY, ...",
        "where the recipient is or processes the data",
    ),
    nested(
        "safeguard",
        "SAFEGUARD [TEXT] [{ ... }]",
        "the transfer safeguard",
        SAFEGUARD_USE,
    ),
    many(
        "receives",
        "DATA, ... [for PURPOSE, ...]",
        "what the recipient receives, and for which purposes",
    ),
    p(
        "arrangement",
        "TEXT",
        "the essence of the Art. 26 joint-controller arrangement",
    ),
    p(
        "dpf-certified",
        "",
        "the importer is certified under the EU-US Data Privacy Framework",
    ),
    WAIVE,
];

const COOKIE: &[Prop] = &[
    DESCRIPTION,
    p("provider", "STRING | RECIPIENT", "who sets the cookie"),
    p("kind", "COOKIE-KIND", "what the cookie is for"),
    p("lifetime", "DURATION | session", "how long it lives"),
    p("consent", "MECHANISM", "how consent is asked"),
    p("for", "PURPOSE, ...", "the purposes it serves"),
    WAIVE,
];

const RIGHTS: &[Prop] = &[
    p(
        "exercise",
        "TEXT",
        "how to exercise the rights, unless a right says otherwise",
    ),
    many(
        "complaint",
        "to AUTHORITY [TEXT]",
        "the right to complain to a supervisory authority",
    ),
    WAIVE,
];

const BASIS: &[Prop] = &[
    DESCRIPTION,
    p("article", "STRING", "the GDPR article"),
    p("art9", "", "an Art. 9(2) condition"),
    p("withdrawable", "", "consent: can be withdrawn (Art. 7(3))"),
    p(
        "states-interest",
        "",
        "legitimate interest: the interest must be stated",
    ),
    p(
        "cites-statute",
        "",
        "legal obligation: the statute can be named",
    ),
    p(
        "requires-rights",
        "RIGHT, ...",
        "the rights a notice must state when this basis is used",
    ),
    p(
        "excludes",
        "BASIS, ...",
        "bases that cannot be combined with this one",
    ),
    p("dpv", "STRING", "W3C DPV concept"),
    p("fideslang", "STRING", "fideslang legal basis"),
    CITE,
    UNVERIFIED,
];

const WITH_ARTICLE: &[Prop] = &[
    DESCRIPTION,
    p("article", "STRING", "the GDPR article"),
    p("dpv", "STRING", "W3C DPV concept"),
    CITE,
    UNVERIFIED,
];

const RECIPIENT_KIND: &[Prop] = &[
    DESCRIPTION,
    p(
        "typical-role",
        "ROLE",
        "the role such recipients usually have",
    ),
    CITE,
    UNVERIFIED,
];

const VENDOR: &[Prop] = &[
    DESCRIPTION,
    p("entity", "STRING", "the legal entity"),
    p(
        "country",
        "COUNTRY, ...",
        "where the vendor is established or processes",
    ),
    p(
        "kind",
        "RECIPIENT-KIND",
        "what sort of recipient the vendor is",
    ),
    p(
        "joint-controller-pattern",
        "",
        "using this vendor typically makes the site a joint controller",
    ),
    many(
        "domain",
        "STRING",
        "a domain the vendor serves from (hosts under it are the vendor's)",
    ),
    CITE,
    UNVERIFIED,
];

const SAFEGUARD: &[Prop] = &[
    DESCRIPTION,
    p(
        "exporter",
        "COUNTRY",
        "a national transfer tool, for exports from this country only (the UK's IDTA)",
    ),
    p(
        "kind",
        "adequacy|dpf|scc|bcr|code|certification|derogation|none",
        "the kind of safeguard",
    ),
    p("instrument", "STRING", "the legal instrument"),
    p("valid-from", "DATE", "first day it can be relied on"),
    p(
        "valid-until",
        "DATE",
        "first day it can no longer be relied on",
    ),
    p(
        "no-new-contracts-after",
        "DATE",
        "last day new contracts may use it",
    ),
    p("ended-by", "STRING", "what ended it"),
    p(
        "countries",
        "COUNTRY, ...",
        "destinations it covers (none: any)",
    ),
    p(
        "requires-certification",
        "",
        "the importer must be certified",
    ),
    p(
        "insufficient",
        "",
        "not a safeguard under Art. 44-49 at all",
    ),
    CITE,
    UNVERIFIED,
];

const ADEQUACY: &[Prop] = &[
    p("decision", "STRING", "the adequacy decision"),
    p("from", "DATE", "in force from"),
    p("until", "DATE", "in force until"),
    p("scope", "STRING", "limits of the decision"),
    many("cite", "STRING", "the source"),
    p("unverified", "", "not yet checked against a source"),
];

/// The national business-register number and how it is checked. The check algorithms are
/// arithmetic, named here and implemented in the rule; which country uses which is a fact.
const ORG_NUMBER: &[Prop] = &[
    p("name", "STRING", "what the number is called, in English"),
    p(
        "digits",
        "NUMBER",
        "how many digits it has, without separators",
    ),
    p(
        "check",
        "mod11-no|mod11-dk|mod11-fi|luhn",
        "the check-digit algorithm",
    ),
    p("format", "STRING", "how it is written, for messages"),
    many("cite", "STRING", "the source"),
];

const COUNTRY: &[Prop] = &[
    DESCRIPTION,
    p(
        "language",
        "LANG",
        "the language its statutes are named in, for legal references",
    ),
    p("eea", "", "member of the European Economic Area"),
    p("eu", "", "member of the European Union"),
    nested(
        "adequacy",
        "{ ... }",
        "an EU adequacy decision for the country",
        ADEQUACY,
    ),
    nested(
        "org-number",
        "{ ... }",
        "the national business-register number and its check",
        ORG_NUMBER,
    ),
    CITE,
    UNVERIFIED,
];

const REGION: &[Prop] = &[
    DESCRIPTION,
    p("third-country", "", "outside the EEA"),
    p("eea", "", "inside the EEA"),
    p(
        "country",
        "COUNTRY",
        "the country the region is part of (a German Land)",
    ),
    CITE,
    UNVERIFIED,
];

const STATUTE: &[Prop] = &[
    DESCRIPTION,
    p("country", "COUNTRY", "the jurisdiction"),
    p(
        "family",
        "IDENT",
        "what the statute governs: bookkeeping, cookie-consent, ...",
    ),
    p("section", "STRING", "the section cited"),
    p("retain", "RETENTION", "the retention period it prescribes"),
    p("in-force", "DATE", "in force from"),
    p("repealed", "DATE", "no longer in force from"),
    p("age", "NUMBER", "an age limit"),
    p(
        "consent-standard",
        "IDENT",
        "the consent standard it requires",
    ),
    CITE,
    UNVERIFIED,
];

const EVENT: &[Prop] = &[
    DESCRIPTION,
    p("vague", "", "not a criterion anyone can check"),
    p("fits", "BASIS, ...", "the bases this event belongs to"),
    CITE,
    UNVERIFIED,
];

const MECHANISM: &[Prop] = &[
    DESCRIPTION,
    p("valid", "", "gives valid consent"),
    p("invalid", "TEXT", "never gives valid consent, and why"),
    p("bundled", "", "consent bundled with terms or the notice"),
    CITE,
    UNVERIFIED,
];

const CHANNEL: &[Prop] = &[
    DESCRIPTION,
    p("electronic", "", "electronic mail, SMS or push"),
    CITE,
    UNVERIFIED,
];

const COOKIE_KIND: &[Prop] = &[
    DESCRIPTION,
    p("exempt", "", "exempt from consent (strictly necessary)"),
    CITE,
    UNVERIFIED,
];

const AUTHORITY: &[Prop] = &[
    DESCRIPTION,
    p("country", "COUNTRY", "the country it supervises"),
    p(
        "region",
        "REGION",
        "the part of the country it supervises, if not all of it (a German Land)",
    ),
    many("address", "TEXT", "postal address"),
    p("email", "STRING", "e-mail"),
    p("phone", "STRING", "telephone"),
    p("web", "STRING", "web site"),
    CITE,
    UNVERIFIED,
];

const TERM: &[Prop] = &[DESCRIPTION, CITE, UNVERIFIED];

const PHRASES: &[Prop] = &[
    DESCRIPTION,
    many("match", "STRING, ...", "phrases to match"),
    CITE,
    UNVERIFIED,
];

const LEGAL_EVENT: &[Prop] = &[
    DESCRIPTION,
    p("date", "DATE", "when it happened"),
    p(
        "affects",
        "IDENT, ...",
        "the features of a policy it affects",
    ),
    CITE,
    UNVERIFIED,
];

const POLICY: &[Prop] = &[
    p(
        "languages",
        "LANG, ...",
        "notice languages; the first is the default of untagged strings",
    ),
    p("updated", "DATE", "last-updated date"),
    p("version", "STRING", "version label"),
    p("url", "STRING", "canonical URL of the published notice"),
    p(
        "audience",
        "COUNTRY, ...",
        "countries whose residents the notice addresses",
    ),
    p(
        "default-source",
        "subject|observed|derived|third-party|public",
        "where data comes from unless a data category says otherwise (Art. 13 or 14)",
    ),
    p(
        "accepted-by-use",
        "TEXT",
        "the policy says that using the service means accepting it: no legal basis (consent-bundled-with-notice)",
    ),
    p(
        "recipients",
        "none",
        "no personal data is disclosed to anyone (Art. 13(1)(e))",
    ),
    p(
        "transfers",
        "none",
        "no personal data goes to a country outside the EEA (Art. 13(1)(f))",
    ),
    p(
        "cookies",
        "none",
        "no cookies or similar technologies are used (ePrivacy Art. 5(3))",
    ),
    p(
        "profiling",
        "none",
        "no personal data is used for profiling (Art. 13(2)(f))",
    ),
    p(
        "automated-decisions",
        "none",
        "no decisions based solely on automated processing (Art. 13(2)(f), 22)",
    ),
    p(
        "direct-marketing",
        "none",
        "no personal data is used for direct marketing (Art. 21(2)-(4))",
    ),
    DESCRIPTION,
    WAIVE,
];

/// The obligations joint controllers divide between them in an Art. 26 arrangement (Art. 26(1): "in
/// particular as regards the exercising of the rights of the data subject and their respective duties to
/// provide the information referred to in Articles 13 and 14").
const JOINT_DUTIES: &[Prop] = &[
    p(
        "notice",
        "CONTROLLER, ... [TEXT]",
        "giving the information of Art. 13 and 14",
    ),
    p(
        "rights",
        "CONTROLLER, ... [TEXT]",
        "answering requests to exercise the rights of Art. 15-22",
    ),
    p(
        "consent",
        "CONTROLLER, ... [TEXT]",
        "asking for and recording consent (Art. 7)",
    ),
    p(
        "security",
        "CONTROLLER, ... [TEXT]",
        "the security of the processing (Art. 32)",
    ),
    p(
        "breach",
        "CONTROLLER, ... [TEXT]",
        "notifying personal data breaches (Art. 33-34)",
    ),
    p(
        "dpia",
        "CONTROLLER, ... [TEXT]",
        "the data protection impact assessment (Art. 35)",
    ),
    p(
        "processors",
        "CONTROLLER, ... [TEXT]",
        "engaging processors and their contracts (Art. 28)",
    ),
];

/// An Art. 26 joint-controller arrangement between controllers of the policy.
const JOINT: &[Prop] = &[
    DESCRIPTION,
    p(
        "controllers",
        "CONTROLLER, ...",
        "the controllers that determine the purposes and means jointly (two or more)",
    ),
    p(
        "purposes",
        "PURPOSE, ...",
        "the purposes they determine jointly",
    ),
    nested(
        "responsibilities",
        "{ ... }",
        "who does what: the controller responsible for each obligation (Art. 26(1))",
        JOINT_DUTIES,
    ),
    p(
        "essence",
        "TEXT",
        "the essence of the arrangement, or where it is available to the data subject (Art. 26(2))",
    ),
    nested(
        "contact",
        "CONTROLLER | { ... }",
        "the contact point for data subjects (Art. 26(1)): one of the controllers, or contact details",
        CONTACT,
    ),
    WAIVE,
];

/// The properties of an organisation rule: `extra`, then the conditions. Each condition can also be
/// written after `when` and `unless` (`unless basis legal-obligation`). The semantics are in
/// `check::org`.
macro_rules! org_props {
    ($($extra:expr),*) => {
        &[
            $($extra,)*
            many(
                "data",
                "DATA, ...",
                "the processing uses one of these data categories, or a category that refines or includes one",
            ),
            many(
                "special-data",
                "",
                "the processing uses special-category data (Art. 9(1))",
            ),
            many(
                "purpose",
                "PURPOSE, ...",
                "the processing is for one of these purposes, or a purpose of one of these kinds",
            ),
            many(
                "subject",
                "SUBJECT, ...",
                "the processing is about one of these groups, or a group that refines one",
            ),
            many("children", "", "the processing is about children"),
            many(
                "basis",
                "BASIS, ...",
                "the processing rests on one of these bases or Art. 9(2) conditions",
            ),
            many(
                "retain",
                "at-most|at-least DURATION",
                "at-most: every retention of the purpose is at most DURATION; at-least: some retention is DURATION or longer, or open-ended",
            ),
            many(
                "recipient",
                "RECIPIENT, ...",
                "the data goes to one of these recipients, or a recipient that is one of these vendors",
            ),
            many(
                "role",
                "ROLE, ...",
                "the data goes to a recipient with one of these roles",
            ),
            many(
                "recipient-kind",
                "RECIPIENT-KIND, ...",
                "the data goes to a recipient of one of these kinds",
            ),
            many(
                "country",
                "COUNTRY, ...",
                "the data goes to a recipient in one of these countries or regions",
            ),
            many(
                "third-country",
                "",
                "the data goes to a recipient outside the EEA",
            ),
        ]
    };
}

/// The conditions an organisation rule can state, alone or after `when` and `unless`.
pub const ORG_CONDITIONS: &[Prop] = org_props!();

const ORG_RULE: &[Prop] = org_props!(
    p(
        "level",
        "deny|warn|info",
        "the rule's default level (`deny` unless given); `vern.toml` can change it",
    ),
    DESCRIPTION,
    many(
        "when",
        "CONDITION",
        "the rule applies only to processing that meets the condition",
    ),
    many(
        "unless",
        "CONDITION",
        "the rule does not apply to processing that meets the condition",
    )
);

macro_rules! spec {
    ($kind:ident, $kw:literal, $noun:literal, $naming:ident, $props:expr, $doc:literal) => {
        KindSpec {
            kind: Kind::$kind,
            keyword: $kw,
            noun: $noun,
            naming: Naming::$naming,
            doc: $doc,
            props: $props,
            std_props: None,
        }
    };
}

pub const KINDS: &[KindSpec] = &[
    spec!(
        Policy,
        "policy",
        "policy",
        Forbidden,
        POLICY,
        "The notice's title, languages, date and version. One per policy."
    ),
    spec!(
        Controller,
        "controller",
        "controller",
        Required,
        CONTROLLER,
        "Who is responsible for the processing (Art. 4(7), 13(1)(a))."
    ),
    spec!(
        Data,
        "data",
        "data category",
        Required,
        DATA,
        "A category of personal data."
    ),
    spec!(
        Subject,
        "subject",
        "data subject",
        Required,
        SUBJECT,
        "A group of people whose data is processed."
    ),
    KindSpec {
        std_props: Some(PURPOSE_KIND),
        ..spec!(
            Purpose,
            "purpose",
            "purpose",
            Required,
            PURPOSE,
            "Why data is processed, on which basis, and for how long."
        )
    },
    spec!(
        Recipient,
        "recipient",
        "recipient",
        Required,
        RECIPIENT,
        "Who receives the data, and where they are."
    ),
    spec!(
        Cookie,
        "cookie",
        "cookie",
        Required,
        COOKIE,
        "A cookie or similar tracker."
    ),
    spec!(
        Rights,
        "rights",
        "rights",
        Forbidden,
        RIGHTS,
        "The data subject's rights and how to exercise them."
    ),
    spec!(
        Basis,
        "basis",
        "legal basis",
        Required,
        BASIS,
        "A legal basis of GDPR Art. 6(1) or a condition of Art. 9(2)."
    ),
    spec!(
        Right,
        "right",
        "right",
        Required,
        WITH_ARTICLE,
        "A data-subject right."
    ),
    spec!(
        Role,
        "role",
        "recipient role",
        Required,
        WITH_ARTICLE,
        "The role a recipient has: processor, controller, ..."
    ),
    spec!(
        RecipientKind,
        "recipient-kind",
        "recipient kind",
        Required,
        RECIPIENT_KIND,
        "A sort of recipient: carrier, bank, ..."
    ),
    spec!(
        Vendor,
        "vendor",
        "vendor",
        Required,
        VENDOR,
        "A known vendor, with its entity and country."
    ),
    spec!(
        Safeguard,
        "safeguard",
        "transfer safeguard",
        Required,
        SAFEGUARD,
        "An instrument for transfers to third countries (Art. 44-49)."
    ),
    spec!(
        Country,
        "country",
        "country",
        Required,
        COUNTRY,
        "A country, with its EEA membership and adequacy."
    ),
    spec!(
        Region,
        "region",
        "region",
        Required,
        REGION,
        "A group of countries, when a policy does not name them."
    ),
    spec!(
        Statute,
        "statute",
        "statute",
        Required,
        STATUTE,
        "A national statute: retention periods, cookie rules, ages."
    ),
    spec!(
        Event,
        "event",
        "retention event",
        Required,
        EVENT,
        "An event that starts or ends a retention period."
    ),
    spec!(
        Mechanism,
        "mechanism",
        "consent mechanism",
        Required,
        MECHANISM,
        "A way of asking for consent."
    ),
    spec!(
        Channel,
        "channel",
        "marketing channel",
        Required,
        CHANNEL,
        "A direct-marketing channel."
    ),
    spec!(
        CookieKind,
        "cookie-kind",
        "cookie kind",
        Required,
        COOKIE_KIND,
        "What a cookie is used for."
    ),
    spec!(
        Authority,
        "authority",
        "supervisory authority",
        Required,
        AUTHORITY,
        "A data-protection supervisory authority."
    ),
    spec!(
        Term,
        "term",
        "term",
        Required,
        TERM,
        "A word used in notices, with its translations."
    ),
    spec!(
        Phrases,
        "phrases",
        "phrase list",
        Required,
        PHRASES,
        "A list of phrases the checker looks for."
    ),
    spec!(
        LegalEvent,
        "legal-event",
        "legal event",
        Required,
        LEGAL_EVENT,
        "A dated change in the law."
    ),
    spec!(
        Joint,
        "joint",
        "joint-controller arrangement",
        Required,
        JOINT,
        "An Art. 26 arrangement between controllers that determine purposes and means jointly."
    ),
    spec!(
        Forbid,
        "forbid",
        "organisation rule",
        Required,
        ORG_RULE,
        "An organisation rule: processing the policy must never declare (docs/rules-in-vern.md)."
    ),
    spec!(
        Require,
        "require",
        "organisation rule",
        Required,
        ORG_RULE,
        "An organisation rule: what processing in its scope must declare (docs/rules-in-vern.md)."
    ),
];

pub fn spec(kind: Kind) -> &'static KindSpec {
    // KINDS lists every Kind once, in declaration order.
    &KINDS[kind as usize]
}

/// Words people write for a property that vern spells otherwise (`retention` for `retain`): a
/// misspelling's distance does not find these.
pub const PROPERTY_ALIASES: &[(&str, &str)] = &[
    ("retention", "retain"),
    ("retention-period", "retain"),
    ("retain-for", "retain"),
    ("keep", "retain"),
    ("kept", "retain"),
    ("storage", "retain"),
    ("legal-basis", "basis"),
    ("lawful-basis", "basis"),
    ("bases", "basis"),
    ("legal-bases", "basis"),
    ("data", "uses"),
    ("data-categories", "uses"),
    ("categories", "uses"),
    ("sources", "source"),
    ("collected-from", "source"),
    ("safeguards", "safeguard"),
    ("transfer-mechanism", "safeguard"),
    ("date", "updated"),
    ("last-updated", "updated"),
    ("updated-at", "updated"),
    ("last-modified", "updated"),
    ("mail", "email"),
    ("e-mail", "email"),
    ("website", "web"),
    ("url", "web"),
    ("homepage", "web"),
    ("telephone", "phone"),
    ("tel", "phone"),
    ("withdrawal", "withdraw"),
    ("withdraw-consent", "withdraw"),
    ("countries", "country"),
    ("location", "country"),
];

/// The property `word` is another word for, also when `word` misspells that word (`retension`).
pub fn property_alias(word: &str) -> Option<&'static str> {
    let exact = PROPERTY_ALIASES.iter().find(|(w, _)| *w == word);
    let close = || {
        let best = crate::resolve::scope::did_you_mean(word, PROPERTY_ALIASES.iter().map(|a| a.0))?;
        PROPERTY_ALIASES.iter().find(|(w, _)| *w == best)
    };
    exact.or_else(close).map(|a| a.1)
}

/// The property a listed synonym stands for (`retention` -> `retain`), without guessing.
pub fn exact_property_alias(word: &str) -> Option<&'static str> {
    PROPERTY_ALIASES
        .iter()
        .find(|(w, _)| *w == word)
        .map(|a| a.1)
}

pub fn kind_by_keyword(word: &str) -> Option<Kind> {
    KINDS.iter().find(|s| s.keyword == word).map(|s| s.kind)
}

/// True for words that begin a top-level declaration, including `use`.
pub fn is_declaration_kind(word: &str) -> bool {
    word == "use" || kind_by_keyword(word).is_some()
}

impl Kind {
    pub fn noun(self) -> &'static str {
        spec(self).noun
    }
    pub fn keyword(self) -> &'static str {
        spec(self).keyword
    }
    /// The properties of a declaration of this kind in a policy's files.
    pub fn props(self) -> &'static [Prop] {
        spec(self).props
    }
    /// The properties of a declaration of this kind in the standard library.
    pub fn std_props(self) -> &'static [Prop] {
        spec(self).std_props.unwrap_or(spec(self).props)
    }
}

/// Words that cannot be names: the connectors and the language tags.
pub const RESERVED: &[&str] = &[
    "is", "after", "until", "as", "under", "for", "to", "via", "or", "when", "up-to", "nb", "nn",
    "en", "sv", "da", "fi", "de",
];

pub fn is_reserved(word: &str) -> bool {
    RESERVED.contains(&word)
}

pub fn find_prop<'a>(props: &'a [Prop], key: &str) -> Option<&'a Prop> {
    props.iter().find(|p| p.key == key)
}

/// Whether the text a property holds is prose a notice must show in its own language (`true`), or
/// language-neutral data shown as written: a postal address, or a name (`label` of a vendor, which
/// is a product's name, and of a cookie, which is what the cookie is called). Properties that take a
/// STRING (legal names, e-mails, web addresses, telephone and organisation numbers) hold no text at
/// all. `key` is the property, or `label` for the text after a declaration's name.
pub fn needs_translation(kind: Kind, key: &str) -> bool {
    !matches!(
        (kind, key),
        (_, "address") | (Kind::Vendor | Kind::Cookie, "label")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_listed_in_enum_order() {
        for (i, s) in KINDS.iter().enumerate() {
            assert_eq!(s.kind as usize, i, "{} is out of order", s.keyword);
        }
    }

    #[test]
    fn no_kind_lists_a_property_twice() {
        for s in KINDS {
            let mut keys: Vec<_> = s.props.iter().map(|p| p.key).collect();
            keys.sort_unstable();
            let before = keys.len();
            keys.dedup();
            assert_eq!(before, keys.len(), "{} repeats a property", s.keyword);
        }
    }
}
