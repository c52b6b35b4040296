//! Exports: the compiled policy for the tools teams already use. Each format reads the compiled model
//! (`emit::model`, the same `policy.json` consumers read) and asks the semantic model (`sema`) what
//! the vocabulary means (fideslang and DPV terms, labels, third countries, the statute in force); none
//! re-derives meaning from the raw IR, and none looks at the checker.
//!
//! - `fideslang`: a Fides manifest (YAML): the organisation, one system for the controller's processing
//!   and one per recipient, with privacy declarations per purpose and legal basis.
//! - `dpv`: JSON-LD in W3C DPV 2.x, one `dpv:PersonalDataHandling` per purpose.
//! - `ropa-csv`, `ropa-md`, `ropa-xlsx`: the record of processing activities of GDPR Art. 30(1), one row
//!   per purpose.
//! - `klaro`: a configuration for the Klaro! consent manager, one service per cookie.
//!
//! Every export is deterministic: the same policy and evaluation date give the same bytes. Where the
//! policy is silent, an export says "Not stated" (or leaves the field out), never an invented "no".

pub mod dpv;
pub mod fideslang;
pub mod klaro;
pub mod ropa;

use crate::ir::{Date, Policy};
use crate::sema::Sema;

use super::model::{self, CompiledPolicy};

/// What an export says where the policy is silent.
pub const NOT_STATED: &str = "Not stated";

/// The export formats, by the name `vern export --format` and `[build] exports` use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Fideslang,
    Dpv,
    RopaCsv,
    RopaMd,
    RopaXlsx,
    Klaro,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Fideslang,
        Format::Dpv,
        Format::RopaCsv,
        Format::RopaMd,
        Format::RopaXlsx,
        Format::Klaro,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Fideslang => "fideslang",
            Format::Dpv => "dpv",
            Format::RopaCsv => "ropa-csv",
            Format::RopaMd => "ropa-md",
            Format::RopaXlsx => "ropa-xlsx",
            Format::Klaro => "klaro",
        }
    }

    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The file name `vern build` writes the export to.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Fideslang => "fides.yml",
            Format::Dpv => "dpv.jsonld",
            Format::RopaCsv => "ropa.csv",
            Format::RopaMd => "ropa.md",
            Format::RopaXlsx => "ropa.xlsx",
            Format::Klaro => "klaro-config.js",
        }
    }

    /// A short description, for `--help` and docs.
    pub fn about(self) -> &'static str {
        match self {
            Format::Fideslang => "a Fides manifest (fideslang YAML)",
            Format::Dpv => "W3C DPV 2.x as JSON-LD",
            Format::RopaCsv => "the Art. 30(1) record of processing, CSV",
            Format::RopaMd => "the Art. 30(1) record of processing, Markdown",
            Format::RopaXlsx => "the Art. 30(1) record of processing, Excel workbook",
            Format::Klaro => "a Klaro! consent-manager configuration (JavaScript)",
        }
    }

    /// True for formats whose bytes are text.
    pub fn is_text(self) -> bool {
        self != Format::RopaXlsx
    }
}

/// The export of `policy` in `format` as of the evaluation date; `lang` is the language of the
/// single-language formats (fideslang, the record of processing), with the policy's first language
/// in its place where a text has no translation.
pub fn export(policy: &Policy, as_of: Date, format: Format, lang: &str) -> Result<Vec<u8>, String> {
    let cx = Cx::new(policy, as_of, lang);
    match format {
        Format::Fideslang => Ok(fideslang::render(&cx)?.into_bytes()),
        Format::Dpv => Ok(dpv::render(&cx)?.into_bytes()),
        Format::RopaCsv => Ok(ropa::csv(&cx)?.into_bytes()),
        Format::RopaMd => Ok(ropa::markdown(&cx).into_bytes()),
        Format::RopaXlsx => ropa::xlsx(&cx),
        Format::Klaro => Ok(klaro::render(&cx)?.into_bytes()),
    }
}

/// By purpose id: each recipient that receives data for it (its index in `model.recipients`) and
/// that data.
type SharedByPurpose = std::collections::HashMap<String, Vec<(usize, Vec<String>)>>;

/// What every export reads: the compiled model and the semantic model of the same policy.
pub struct Cx<'a> {
    pub model: CompiledPolicy,
    pub sema: Sema<'a>,
    pub lang: String,
    /// The language untagged policy texts are in: the policy's first language.
    pub default_lang: String,
    /// By purpose: the recipients that receive data for it (indexes into `model.recipients`, in
    /// order) and that data, built on first use. Asked for every purpose, the scan of every
    /// recipient it replaces made an export of 10k purposes and recipients quadratic.
    shared: std::sync::OnceLock<SharedByPurpose>,
    /// The index of each purpose in `model.purposes`, by id (the first, should two share one).
    purpose_index: std::sync::OnceLock<std::collections::HashMap<String, usize>>,
}

impl<'a> Cx<'a> {
    pub fn new(policy: &'a Policy, as_of: Date, lang: &str) -> Self {
        let model = super::compile(policy, as_of);
        let default_lang = model
            .policy
            .languages
            .first()
            .cloned()
            .unwrap_or_else(|| "nb".to_string());
        Cx {
            model,
            sema: Sema::new(policy, as_of),
            lang: lang.to_string(),
            default_lang,
            shared: std::sync::OnceLock::new(),
            purpose_index: std::sync::OnceLock::new(),
        }
    }

    /// A text in the export's language, else the policy's first language, else any; `None` when empty.
    pub fn text(&self, t: &impl Words) -> Option<String> {
        pick(t, &self.lang, &self.default_lang).map(one_line)
    }

    pub fn opt_text(&self, t: &Option<model::Text>) -> Option<String> {
        t.as_ref().and_then(|t| self.text(t))
    }

    /// The label of a vocabulary entry (or of what it refines) in the export's language; its name
    /// without `std.` if it has none.
    pub fn label(&self, name: &str) -> String {
        let v = self.sema.vocab;
        let mut next = Some(name.to_string());
        for _ in 0..16 {
            let Some(n) = next.take() else { break };
            let Some(entry) = v.entry(&n) else { break };
            if let Some(s) = pick(&entry.label.by_lang, &self.lang, &self.default_lang) {
                return one_line(s);
            }
            next = v
                .data
                .get(&n)
                .and_then(|d| d.parent.as_ref())
                .or_else(|| v.subjects.get(&n).and_then(|s| s.parent.as_ref()))
                .map(|r| r.name.to_string());
        }
        crate::sema::plain(name).to_string()
    }

    pub fn purpose_title(&self, p: &model::Purpose) -> String {
        self.opt_text(&p.label)
            .or_else(|| p.kind.as_ref().map(|k| self.label(k)))
            .unwrap_or_else(|| p.id.clone())
    }

    pub fn recipient_title(&self, r: &model::Recipient) -> String {
        r.entity
            .clone()
            .or_else(|| self.opt_text(&r.label))
            .unwrap_or_else(|| r.id.clone())
    }

    /// The compiled purpose of this id.
    pub fn purpose(&self, id: &str) -> Option<&model::Purpose> {
        let index = self.purpose_index.get_or_init(|| {
            let mut index = std::collections::HashMap::new();
            for (i, p) in self.model.purposes.iter().enumerate() {
                index.entry(p.id.clone()).or_insert(i);
            }
            index
        });
        self.model.purposes.get(*index.get(id)?)
    }

    /// The recipients that receive data for purpose `purpose`, with the data they receive for it: in
    /// the order of the recipients, each datum once, in the order the recipient's lines name it.
    pub fn recipients_of(&self, purpose: &str) -> Vec<(&model::Recipient, Vec<String>)> {
        let shared = self.shared.get_or_init(|| {
            let mut by_purpose = SharedByPurpose::new();
            for (i, r) in self.model.recipients.iter().enumerate() {
                for x in &r.receives {
                    for p in &x.purposes {
                        let entries = by_purpose.entry(p.clone()).or_default();
                        if entries.last().is_none_or(|(at, _)| *at != i) {
                            entries.push((i, Vec::new()));
                        }
                        let Some((_, data)) = entries.last_mut() else {
                            continue;
                        };
                        for d in &x.data {
                            if !data.contains(d) {
                                data.push(d.clone());
                            }
                        }
                    }
                }
            }
            by_purpose
        });
        shared
            .get(purpose)
            .into_iter()
            .flatten()
            .filter(|(_, data)| !data.is_empty())
            .filter_map(|(i, data)| Some((self.model.recipients.get(*i)?, data.clone())))
            .collect()
    }

    /// Where a recipient processes data, declared or (when it declares none) from the vendor registry.
    pub fn locations<'m>(&self, r: &'m model::Recipient) -> &'m [model::Location] {
        if r.locations.is_empty() {
            &r.vendor_locations
        } else {
            &r.locations
        }
    }

    /// True when the policy states explicitly that there is none of `what` (`transfers none`).
    pub fn declares_none(&self, what: &str) -> bool {
        self.model.policy.declares_none.iter().any(|n| n == what)
    }

    /// A retention rule in plain English words.
    pub fn retention_words(&self, r: &model::Retention) -> String {
        match r {
            model::Retention::Period {
                period,
                after: None,
            } => format!("{} from collection", iso_words(period)),
            model::Retention::Period {
                period,
                after: Some(e),
            } => format!("{} after {}", iso_words(period), self.label(e)),
            model::Retention::Until { event, plus: None } => {
                format!("until {}", self.label(event))
            }
            model::Retention::Until {
                event,
                plus: Some(p),
            } => format!("until {} + {}", self.label(event), iso_words(p)),
            model::Retention::Statute {
                statute,
                family,
                stated,
                up_to,
                after,
            } => {
                let found = if *family {
                    self.sema
                        .controller_country()
                        .and_then(|c| self.sema.statute_in_force(statute, c))
                } else {
                    self.sema.vocab.statutes.get(statute)
                };
                let by = match found {
                    Some(s) => self.label(&s.entry.name),
                    None => format!("the {} statute (none in force is known)", plain(statute)),
                };
                let period = stated.as_ref().map(|d| iso_words(d)).or_else(|| {
                    found
                        .and_then(|s| s.retain.as_ref())
                        .map(|r| self.retention_words(&super::retention(r)))
                });
                let after = after
                    .as_ref()
                    .map(|e| format!(" after {}", self.label(e)))
                    .unwrap_or_default();
                match period {
                    Some(p) if *up_to => format!("up to {p}{after}, as {by} requires"),
                    Some(p) => format!("{p}{after}, as {by} requires"),
                    None => format!("as {by} requires"),
                }
            }
            model::Retention::FirstOf { options } => options
                .iter()
                .map(|o| self.retention_words(o))
                .collect::<Vec<_>>()
                .join(", or "),
            model::Retention::Indefinite { ground: None } => {
                "indefinitely, with no end stated".to_string()
            }
            model::Retention::Indefinite { ground: Some(g) } => format!(
                "indefinitely, archived for {} (GDPR Art. 89)",
                g.word().replace('-', " ")
            ),
        }
    }

    /// A whole retention rule in words: its qualifier, the retention, and what happens at the end.
    pub fn rule_words(&self, r: &model::RetentionRule) -> String {
        let mut words = self.retention_words(&r.rule);
        match r.qualifier {
            Some(crate::ir::Qualifier::AtLeast) => {
                words = format!("at least {words}, with no maximum stated")
            }
            Some(crate::ir::Qualifier::Normally) => {
                words = format!("normally {words}; the exceptions are not stated")
            }
            None => {}
        }
        if r.then_anonymise {
            words.push_str(", then anonymised");
        }
        words
    }

    /// The retention of a purpose in words, one rule per line-part; "Not stated" when it has none.
    pub fn purpose_retention(&self, p: &model::Purpose) -> String {
        if p.retention.is_empty() {
            return NOT_STATED.to_string();
        }
        p.retention
            .iter()
            .map(|r| {
                let words = self.rule_words(r);
                if r.data.is_empty() {
                    words
                } else {
                    let data: Vec<String> = r.data.iter().map(|d| self.label(d)).collect();
                    format!("{}: {words}", data.join(", "))
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The text of `t` in `lang`, else in `default`, else in any language; `None` when all are empty.
pub fn pick<'t>(t: &'t impl Words, lang: &str, default: &str) -> Option<&'t str> {
    let nonempty = |s: &&str| !s.trim().is_empty();
    t.word(lang)
        .filter(nonempty)
        .or_else(|| t.word(default).filter(nonempty))
        .or_else(|| t.entries().map(|(_, s)| s).find(nonempty))
}

/// A text's words by language, in the order of their tags: the compiled model's (`model::Text`) or
/// a vocabulary entry's in the IR (`ir::LangMap`), read alike without copying one into the other.
pub trait Words {
    fn word(&self, lang: &str) -> Option<&str>;
    fn entries(&self) -> impl Iterator<Item = (&str, &str)>;
}

impl Words for model::Text {
    fn word(&self, lang: &str) -> Option<&str> {
        self.get(lang).map(String::as_str)
    }
    fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.iter().map(|(l, s)| (l.as_str(), s.as_str()))
    }
}

impl Words for crate::ir::LangMap {
    fn word(&self, lang: &str) -> Option<&str> {
        self.get(lang).map(|s| &**s)
    }
    fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.iter().map(|(l, s)| (l, &**s))
    }
}

/// Whitespace collapsed: policy texts wrap over lines in the source.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn plain(name: &str) -> &str {
    crate::sema::plain(name)
}

/// An ISO 8601 duration of the compiled model (`P3Y6M`, `P90D`) in words: "3 years and 6 months".
pub fn iso_words(iso: &str) -> String {
    let mut parts = Vec::new();
    let mut num = String::new();
    for c in iso.trim_start_matches('P').chars() {
        if c.is_ascii_digit() {
            num.push(c);
            continue;
        }
        let n: u64 = num.parse().unwrap_or(0);
        num.clear();
        let unit = match c {
            'Y' => "year",
            'M' => "month",
            'W' => "week",
            'D' => "day",
            _ => continue,
        };
        if n == 0 && !(c == 'D' && parts.is_empty()) {
            continue;
        }
        parts.push(format!("{n} {unit}{}", if n == 1 { "" } else { "s" }));
    }
    match parts.as_slice() {
        [] => iso.to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_words() {
        assert_eq!(iso_words("P5Y"), "5 years");
        assert_eq!(iso_words("P3Y6M"), "3 years and 6 months");
        assert_eq!(iso_words("P1Y2M"), "1 year and 2 months");
        assert_eq!(iso_words("P90D"), "90 days");
        assert_eq!(iso_words("P0D"), "0 days");
    }

    #[test]
    fn every_format_has_a_unique_name_and_file() {
        for f in Format::ALL {
            assert_eq!(Format::parse(f.name()), Some(f));
        }
        let files: std::collections::BTreeSet<_> =
            Format::ALL.iter().map(|f| f.file_name()).collect();
        assert_eq!(files.len(), Format::ALL.len());
    }
}
