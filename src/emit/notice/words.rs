//! Plain words for the notice: policy texts and stdlib labels in the notice's language (with a marked
//! fallback for prose the policy did not translate; `check::translation` reports it), durations, dates, retention rules and legal bases.
//! Every fixed word comes from the Fluent messages; every string from the policy is escaped for
//! Markdown here, before it reaches a template.

use std::cell::RefCell;
use std::collections::HashSet;

use super::i18n::{Arg, Messages};
use super::markdown::escape;
use crate::diagnostic::Diagnostic;
use crate::ir::{Date, Loc, Policy, Retention, Text, Vocabulary};
use crate::sema::Sema;
use crate::syntax::ast::Duration;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Keep,
    /// First letter upper case (a list item, a table cell).
    Upper,
    /// First letter lower case, unless the first word looks like a name or an acronym (running text).
    Lower,
}

pub struct Cx<'a> {
    pub policy: &'a Policy,
    pub v: &'a Vocabulary,
    pub lang: &'a str,
    /// The language untagged policy texts are in: the policy's first language.
    pub default_lang: String,
    pub as_of: Date,
    pub m: &'a Messages,
    /// What the policy means: every statement of the notice is read from here.
    pub sema: Sema<'a>,
    diags: RefCell<Vec<Diagnostic>>,
    untranslated: RefCell<HashSet<Loc>>,
    /// The policy's texts that need no translation (addresses, names): shown as written, unmarked.
    neutral: HashSet<Loc>,
    fallback_langs: RefCell<std::collections::BTreeSet<String>>,
}

impl<'a> Cx<'a> {
    pub fn new(policy: &'a Policy, lang: &'a str, as_of: Date, m: &'a Messages) -> Self {
        let default_lang = policy
            .meta
            .as_ref()
            .and_then(|m| m.languages.first().cloned())
            .unwrap_or_else(|| "nb".to_string());
        Cx {
            policy,
            v: &policy.vocab,
            lang,
            default_lang,
            as_of,
            m,
            sema: Sema::new(policy, as_of),
            diags: RefCell::new(Vec::new()),
            untranslated: RefCell::new(HashSet::new()),
            neutral: crate::sema::translation::neutral_places(policy),
            fallback_langs: RefCell::new(Default::default()),
        }
    }

    pub fn take_diagnostics(&self) -> Vec<Diagnostic> {
        std::mem::take(&mut *self.diags.borrow_mut())
    }

    /// How many distinct policy texts were shown untranslated, and in which languages.
    pub fn untranslated(&self) -> (usize, Vec<String>) {
        (
            self.untranslated.borrow().len(),
            self.fallback_langs.borrow().iter().cloned().collect(),
        )
    }

    /// `case` as the notice's language allows: German capitalises nouns, so a label that starts a
    /// phrase keeps its first letter as written instead of being lower-cased.
    pub fn case(&self, case: Case) -> Case {
        if case == Case::Lower && self.lang == "de" {
            Case::Keep
        } else {
            case
        }
    }

    /// `lower_first` as the notice's language allows.
    pub fn lower_first(&self, s: &str) -> String {
        recase(s, self.case(Case::Lower))
    }

    pub fn t(&self, id: &str) -> String {
        self.m.t(id)
    }

    pub fn get(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.m.get(id, args)
    }

    // ---------------------------------------------------------------------------------------------
    // Texts and labels
    // ---------------------------------------------------------------------------------------------

    /// A policy text in the notice's language, escaped; in another language, marked, with a warning.
    pub fn text(&self, t: &Text) -> String {
        self.text_as(t, Case::Keep, true)
    }

    pub fn opt_text(&self, t: &Option<Text>) -> Option<String> {
        t.as_ref().filter(|t| !t.is_empty()).map(|t| self.text(t))
    }

    /// `text` with a case rule; `warn` is false for stdlib texts (their translations are not the
    /// policy author's to add).
    pub fn text_as(&self, t: &Text, case: Case, warn: bool) -> String {
        let Some((s, fallback)) = self.pick(t) else {
            return String::new();
        };
        // A text that is only a web or e-mail address is a link.
        let link = super::markdown::link(s);
        let body = if link.starts_with('<') {
            link
        } else {
            escape(&recase(s, self.case(case)))
        };
        match fallback {
            // The stdlib's untranslated texts are language-neutral data (addresses): not marked.
            Some(from) if warn && !t.loc.is_some_and(|l| self.neutral.contains(&l)) => {
                self.warn_untranslated(t, &from);
                format!(
                    "{} {body}",
                    self.get("fallback-marker", &[("lang", Arg::from(from))])
                )
            }
            _ => body,
        }
    }

    /// A policy text as plain text (for the HTML `<title>`), unescaped and unmarked.
    pub fn plain(&self, t: &Text) -> String {
        self.pick(t)
            .map(|(s, _)| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    }

    fn pick<'t>(&self, t: &'t Text) -> Option<(&'t str, Option<String>)> {
        let nonempty = |s: &&std::sync::Arc<str>| !s.trim().is_empty();
        if let Some(s) = t.by_lang.get(self.lang).filter(nonempty) {
            return Some((s, None));
        }
        let (lang, s) = t
            .by_lang
            .get_key_value(self.default_lang.as_str())
            .filter(|(_, s)| nonempty(s))
            .or_else(|| t.by_lang.iter().find(|(_, s)| nonempty(s)))?;
        Some((s, Some(lang.to_string())))
    }

    /// Records a text shown in another language. The finding about it (one per language, with a
    /// count) is the checker's: `check::translation`, from the same semantic model.
    fn warn_untranslated(&self, t: &Text, from: &str) {
        let Some(loc) = t.loc else { return };
        self.fallback_langs.borrow_mut().insert(from.to_string());
        self.untranslated.borrow_mut().insert(loc);
    }

    /// The label of a vocabulary entry (or of the entry it refines), escaped; its name if it has none.
    pub fn label(&self, name: &str, case: Case) -> String {
        let mut next = Some(name.to_string());
        let mut seen = 0;
        while let Some(n) = next.take() {
            let Some(entry) = self.v.entry(&n) else { break };
            if !entry.label.is_empty() {
                // The policy's own words, never rewritten: a notice says what the policy says.
                return self.text_as(&entry.label, case, entry.module.is_none());
            }
            next = self
                .v
                .data
                .get(&n)
                .and_then(|d| d.parent.as_ref())
                .or_else(|| self.v.subjects.get(&n).and_then(|s| s.parent.as_ref()))
                .map(|r| r.name.to_string());
            seen += 1;
            if seen > 16 {
                break;
            }
        }
        escape(&recase(
            name.strip_prefix("std.").unwrap_or(name),
            self.case(case),
        ))
    }

    /// The description of a vocabulary entry, escaped.
    pub fn description(&self, name: &str) -> Option<String> {
        let entry = self.v.entry(name)?;
        let d = entry.description.as_ref().filter(|d| !d.is_empty())?;
        Some(self.text_as(d, Case::Keep, entry.module.is_none()))
    }

    /// Items joined as "a, b and c" with the conjunction message `conj` (`list-and`, `list-or`).
    pub fn join(&self, items: &[String], conj: &str) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {} {last}", init.join(", "), self.t(conj)),
        }
    }

    pub fn labels<'s>(&self, names: impl IntoIterator<Item = &'s str>, case: Case) -> String {
        let mut items: Vec<String> = Vec::new();
        for (i, n) in names.into_iter().enumerate() {
            let c = if i == 0 && case == Case::Upper {
                Case::Upper
            } else if case == Case::Keep {
                Case::Keep
            } else {
                Case::Lower
            };
            let l = self.label(n, c);
            if !items.contains(&l) {
                items.push(l);
            }
        }
        self.join(&items, "list-and")
    }

    // ---------------------------------------------------------------------------------------------
    // Durations, dates, events
    // ---------------------------------------------------------------------------------------------

    pub fn duration(&self, d: Duration) -> String {
        let (years, months, days) = (d.months / 12, d.months % 12, d.days);
        let mut parts = Vec::new();
        if years > 0 {
            parts.push(self.get("duration-years", &[("n", Arg::Num(i64::from(years)))]));
        }
        if months > 0 {
            parts.push(self.get("duration-months", &[("n", Arg::Num(i64::from(months)))]));
        }
        if days > 0 || parts.is_empty() {
            parts.push(self.get("duration-days", &[("n", Arg::Num(i64::from(days)))]));
        }
        self.join(&parts, "list-and")
    }

    pub fn date(&self, d: Date) -> String {
        self.get(
            "date",
            &[
                ("day", Arg::Str(d.day().to_string())),
                ("month", Arg::Num(i64::from(d.month()))),
                ("year", Arg::Str(d.year().to_string())),
            ],
        )
    }

    /// An event as it reads after "until" (`form` = `until`) or "after" (`after`): a message
    /// `until-EVENT` / `after-EVENT` if the language needs one, else the event's label.
    pub fn event(&self, name: &str, form: &str) -> String {
        let bare = name.strip_prefix("std.").unwrap_or(name);
        self.m
            .opt(&format!("{form}-{bare}"), &[])
            .unwrap_or_else(|| self.label(name, Case::Lower))
    }

    // ---------------------------------------------------------------------------------------------
    // Retention
    // ---------------------------------------------------------------------------------------------

    pub fn retention(&self, r: &Retention) -> String {
        match r {
            Retention::Period {
                period,
                after: None,
            } => self.get(
                "retention-period",
                &[("period", Arg::Str(self.duration(*period)))],
            ),
            Retention::Period {
                period,
                after: Some(e),
            } => self.get(
                "retention-period-after",
                &[
                    ("period", Arg::Str(self.duration(*period))),
                    ("event", Arg::Str(self.event(&e.name, "after"))),
                ],
            ),
            Retention::Until { event, plus: None } => self.get(
                "retention-until",
                &[("event", Arg::Str(self.event(&event.name, "until")))],
            ),
            Retention::Until {
                event,
                plus: Some(p),
            } => self.get(
                "retention-until-plus",
                &[
                    ("period", Arg::Str(self.duration(*p))),
                    ("event", Arg::Str(self.event(&event.name, "after"))),
                ],
            ),
            Retention::Statute {
                statute,
                family,
                stated,
                up_to,
                ..
            } => self.statute_retention(&statute.name, *family, *stated, *up_to),
            Retention::FirstOf(options) => {
                let parts: Vec<String> = options.iter().map(|o| self.retention(o)).collect();
                self.get(
                    "retention-first-of",
                    &[("options", Arg::Str(self.join(&parts, "list-or")))],
                )
            }
            Retention::Indefinite { ground: None } => self.t("retention-indefinite"),
            Retention::Indefinite {
                ground: Some(ground),
            } => self.get(
                "retention-indefinite-archiving",
                &[(
                    "ground",
                    Arg::Str(self.t(&format!("archiving-ground-{}", ground.word()))),
                )],
            ),
        }
    }

    /// A whole `retain` line: its qualifier, the retention, and what happens at the end.
    pub fn retention_rule(&self, r: &crate::ir::RetentionRule) -> String {
        let mut text = self.retention(&r.retention);
        if let Some((q, _)) = r.qualifier {
            text = self.get(
                &format!("retention-{}", q.word()),
                &[("retention", Arg::Str(text))],
            );
        }
        if r.then_anonymise.is_some() {
            text = self.get("retention-then-anonymise", &[("retention", Arg::Str(text))]);
        }
        text
    }

    /// `as bookkeeping`, `6y as bookkeeping`, `up-to 5y as no-bookkeeping-act`: the statute (for a
    /// family, the controller's country's statute in force on the evaluation date) and its period.
    fn statute_retention(
        &self,
        name: &str,
        family: bool,
        stated: Option<Duration>,
        up_to: bool,
    ) -> String {
        let statute = if family {
            self.sema
                .controller_country()
                .and_then(|c| self.sema.statute_in_force(name, c))
        } else {
            self.v.statutes.get(name)
        };
        let reference = match statute {
            Some(s) => self.get(
                "statute-ref",
                &[("statute", Arg::Str(self.label(&s.entry.name, Case::Keep)))],
            ),
            None => self.t("statute-unknown"),
        };
        let own = statute.and_then(|s| s.retain.as_ref());
        let (base, follows) = match (stated, own) {
            (
                Some(d),
                Some(Retention::Period {
                    period,
                    after: Some(e),
                }),
            ) => (
                Some(self.get(
                    "retention-period-after",
                    &[
                        ("period", Arg::Str(self.duration(d))),
                        ("event", Arg::Str(self.event(&e.name, "after"))),
                    ],
                )),
                d == *period,
            ),
            (
                Some(d),
                Some(Retention::Period {
                    period,
                    after: None,
                }),
            ) => (
                Some(self.get(
                    "retention-duration",
                    &[("period", Arg::Str(self.duration(d)))],
                )),
                d == *period,
            ),
            (Some(d), _) => (
                Some(self.get(
                    "retention-duration",
                    &[("period", Arg::Str(self.duration(d)))],
                )),
                false,
            ),
            (None, Some(r)) => (Some(self.retention(r)), true),
            (None, None) => (None, false),
        };
        let base = base.map(|b| {
            if up_to {
                self.get("retention-up-to", &[("retention", Arg::Str(b))])
            } else {
                b
            }
        });
        match base {
            Some(b) if follows && !up_to => self.get(
                "retention-statute",
                &[("retention", Arg::Str(b)), ("statute", Arg::Str(reference))],
            ),
            Some(b) => self.get(
                "retention-statute-stated",
                &[("retention", Arg::Str(b)), ("statute", Arg::Str(reference))],
            ),
            None => self.get(
                "retention-statute-only",
                &[("statute", Arg::Str(reference))],
            ),
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Legal bases
    // ---------------------------------------------------------------------------------------------

    /// A GDPR article reference in the notice's style: "6(1)(a)" as "artikkel 6 nr. 1 bokstav a".
    pub fn article(&self, article: &str) -> String {
        match parse_article(article) {
            Some((art, para, point)) => self.get(
                "gdpr-article",
                &[
                    ("article", Arg::Str(art)),
                    ("paragraph", Arg::Str(para.unwrap_or_else(|| "none".into()))),
                    ("point", Arg::Str(point.unwrap_or_else(|| "none".into()))),
                ],
            ),
            None => self.get(
                "gdpr-article-raw",
                &[("article", Arg::Str(escape(article)))],
            ),
        }
    }

    /// A basis in a few words ("consent", "contract"): the message `basis-short-NAME`, else its label.
    pub fn basis_short(&self, name: &str) -> String {
        let bare = name.strip_prefix("std.").unwrap_or(name);
        self.m
            .opt(&format!("basis-short-{bare}"), &[])
            .unwrap_or_else(|| self.label(name, Case::Lower))
    }

    /// What the basis means, in a sentence: the message `basis-explain-NAME` (with `$statute`).
    pub fn basis_explain(&self, name: &str, statute: Option<&str>) -> Option<String> {
        let bare = name.strip_prefix("std.").unwrap_or(name);
        let statute = statute
            .map(|s| self.label(s, Case::Keep))
            .unwrap_or_else(|| "none".into());
        self.m.opt(
            &format!("basis-explain-{bare}"),
            &[("statute", Arg::Str(statute))],
        )
    }
}

/// "6(1)(a)" as ("6", Some("1"), Some("a")); `None` for anything else ("21(2)-(3)", "4(8), 28").
fn parse_article(s: &str) -> Option<(String, Option<String>, Option<String>)> {
    let (art, rest) = s.split_once('(').map_or((s, ""), |(a, r)| (a, r));
    if art.is_empty() || !art.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut parts = Vec::new();
    let mut rest = if rest.is_empty() { "" } else { rest };
    while !rest.is_empty() {
        let (inner, tail) = rest.split_once(')')?;
        if inner.is_empty() || !inner.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        parts.push(inner.to_string());
        rest = match tail.strip_prefix('(') {
            Some(t) => t,
            None if tail.is_empty() => "",
            None => return None,
        };
    }
    if parts.len() > 2 {
        return None;
    }
    let mut it = parts.into_iter();
    Some((art.to_string(), it.next(), it.next()))
}

/// Changes the case of the first letter.
pub fn recase(s: &str, case: Case) -> String {
    let s = s.trim();
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    match case {
        Case::Keep => s.to_string(),
        Case::Upper => first.to_uppercase().chain(chars).collect(),
        Case::Lower => {
            // "IP-adresse", "SMS": keep a first word that carries other capitals; "Google Analytics":
            // keep a label whose second word is capitalised too (a name).
            let first_word: &str = s
                .split(|c: char| c.is_whitespace() || c == '-')
                .next()
                .unwrap_or("");
            let other_caps = first_word.chars().skip(1).any(char::is_uppercase);
            let name_like = s
                .split_whitespace()
                .nth(1)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
            if other_caps || name_like {
                s.to_string()
            } else {
                first.to_lowercase().chain(chars).collect()
            }
        }
    }
}

/// Upper-cases the first letter of an already escaped Markdown string.
pub fn upper_first(s: &str) -> String {
    recase(s, Case::Upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_parse() {
        assert_eq!(
            parse_article("6(1)(a)"),
            Some(("6".into(), Some("1".into()), Some("a".into())))
        );
        assert_eq!(parse_article("15"), Some(("15".into(), None, None)));
        assert_eq!(parse_article("21(2)-(3)"), None);
        assert_eq!(parse_article("4(8), 28"), None);
    }

    #[test]
    fn case_rules() {
        assert_eq!(
            recase("Kundeopplysninger", Case::Lower),
            "kundeopplysninger"
        );
        assert_eq!(recase("IP-adresser", Case::Lower), "IP-adresser");
        assert_eq!(recase("Google Analytics", Case::Lower), "Google Analytics");
        assert_eq!(recase("e-postadresse", Case::Upper), "E-postadresse");
    }
}
