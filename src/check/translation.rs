//! `missing-translation`: one finding per notice language, counting the policy's texts that a notice in
//! that language would show in another. What counts is the semantic model's answer
//! (`sema::translation`), which the notice renderer also follows when it marks a text; `vern check`,
//! `vern build`, `vern notice` and the editor report the same finding.

use crate::db::Db;
use crate::diagnostic::{Diagnostic, Label, codes};
use crate::ir::{Loc, Policy};
use crate::sema::translation::{
    PolicyText, lacks, notice_languages, policy_texts, untranslated_among,
};

/// How many places a finding shows; the rest are counted.
const SHOWN: usize = 5;

/// The findings for the notice languages the policy declares.
pub fn declared(db: &dyn Db, policy: &Policy) -> Vec<Diagnostic> {
    if policy.meta.is_none() {
        return Vec::new();
    }
    // The texts are walked once for all the languages.
    let texts = policy_texts(policy);
    notice_languages(policy)
        .iter()
        .filter_map(|lang| finding_among(db, policy, &texts, lang))
        .collect()
}

/// The finding for a notice in `lang`, if any of the policy's texts lack a translation into it.
pub fn finding(db: &dyn Db, policy: &Policy, lang: &str) -> Option<Diagnostic> {
    finding_among(db, policy, &policy_texts(policy), lang)
}

fn finding_among(
    db: &dyn Db,
    policy: &Policy,
    texts: &[PolicyText<'_>],
    lang: &str,
) -> Option<Diagnostic> {
    let found = untranslated_among(policy, texts, lang);
    let mut places = found.places;
    if places.is_empty() {
        return None;
    }
    // In file order by path: each file's path read once, not at every comparison.
    let mut paths = std::collections::HashMap::new();
    for loc in &places {
        paths
            .entry(loc.file)
            .or_insert_with(|| loc.file.path(db).clone());
    }
    places.sort_by(|a, b| (&paths[&a.file], a.span).cmp(&(&paths[&b.file], b.span)));
    // The language each place is shown in: the policy's first, else the text's first.
    let shown_in = |loc: &Loc| -> String {
        texts
            .iter()
            .find(|t| t.loc == *loc)
            .and_then(|t| {
                if !lacks(t.text, &found.shown_in) {
                    Some(found.shown_in.clone())
                } else {
                    t.text
                        .by_lang
                        .iter()
                        .find(|(_, s)| !s.trim().is_empty())
                        .map(|(l, _)| l.to_string())
                }
            })
            .unwrap_or_else(|| found.shown_in.clone())
    };
    let n = places.len();
    let first = places[0];
    let from = shown_in(&first);
    let message = if n == 1 {
        format!("1 text has no `{lang}` translation")
    } else {
        format!("{n} texts have no `{lang}` translation")
    };
    let mut d = Diagnostic::warning(
        codes::MISSING_TRANSLATION,
        message,
        Label::new(
            first.file,
            first.span,
            format!("the `{lang}` notice shows this `{from}` text, marked `[{from}]`"),
        ),
    );
    for loc in places.iter().skip(1).take(SHOWN - 1) {
        let from = shown_in(loc);
        d = d.with_secondary(Label::new(
            loc.file,
            loc.span,
            format!("also shown in `{from}`"),
        ));
    }
    if n > SHOWN {
        let more = n - SHOWN;
        d = d.with_note(if more == 1 {
            "and 1 more text".to_string()
        } else {
            format!("and {more} more texts")
        });
    }
    Some(d.with_note(
        "addresses, and the names of products and cookies, need no translation and are not counted",
    ).with_help(format!(
        "add the translation after each text: `\"...\" {lang} \"...\"`, or leave `{lang}` out of `languages`"
    )))
}
