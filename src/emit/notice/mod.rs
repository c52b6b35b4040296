//! Privacy notices: the resolved policy as a notice for data subjects (GDPR Art. 13 and 14), in one
//! language, as Markdown or as a standalone HTML page.
//!
//! The pipeline: `view` builds a view model from the policy in the notice's language (every policy
//! string escaped for Markdown by `markdown`, every fixed word a Fluent message from `i18n`, plain
//! words for bases, retention and dates from `words`); the `notice.md.j2` template arranges it as
//! Markdown; for HTML, `html` converts that Markdown with pulldown-cmark and the `page.html.j2`
//! template wraps it in a page. Templates and messages ship in `templates/notice/` and
//! `locales/LANG/notice.ftl` and can be overridden by file name ([`Templates`]). Pure: the same
//! policy, date and templates give byte-identical notices.

mod html;
mod i18n;
pub mod markdown;
mod parties;
mod view;
mod words;

use std::collections::BTreeMap;
use std::sync::Arc;

use minijinja::value::{Kwargs, Value, ValueKind};
use minijinja::{AutoEscape, Environment, UndefinedBehavior};

use crate::diagnostic::Diagnostic;
use crate::ir::{Date, Policy};
use i18n::{Arg, Messages};

/// The languages notices can be written in: those with shipped messages.
pub const LANGUAGES: &[&str] = crate::sema::translation::NOTICE_LANGUAGES;

/// The files a user may override, by name relative to the templates directory.
pub const FILES: &[(&str, &str)] = &[
    (
        "notice.md.j2",
        include_str!("../../../templates/notice/notice.md.j2"),
    ),
    (
        "page.html.j2",
        include_str!("../../../templates/notice/page.html.j2"),
    ),
    (
        "nb/notice.ftl",
        include_str!("../../../locales/nb/notice.ftl"),
    ),
    (
        "en/notice.ftl",
        include_str!("../../../locales/en/notice.ftl"),
    ),
    (
        "sv/notice.ftl",
        include_str!("../../../locales/sv/notice.ftl"),
    ),
    (
        "da/notice.ftl",
        include_str!("../../../locales/da/notice.ftl"),
    ),
    (
        "de/notice.ftl",
        include_str!("../../../locales/de/notice.ftl"),
    ),
    (
        "fi/notice.ftl",
        include_str!("../../../locales/fi/notice.ftl"),
    ),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

/// The templates and messages: the shipped ones, each replaceable by the user's file of the same
/// name. A user's `.ftl` file overrides the shipped messages one by one; a template replaces the
/// shipped template.
#[derive(Clone, Debug, Default)]
pub struct Templates {
    overrides: BTreeMap<String, String>,
}

impl Templates {
    pub fn shipped() -> Templates {
        Templates::default()
    }

    /// Replaces (a template) or extends (messages) the shipped file `name`, one of [`FILES`].
    pub fn with_override(mut self, name: &str, contents: String) -> Templates {
        self.overrides.insert(name.to_string(), contents);
        self
    }

    fn shipped_file(name: &str) -> &'static str {
        FILES
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, s)| s)
    }

    fn template(&self, name: &str) -> String {
        self.overrides
            .get(name)
            .cloned()
            .unwrap_or_else(|| Self::shipped_file(name).to_string())
    }
}

/// A notice and what rendering it found. (Untranslated texts are the checker's finding,
/// `check::translation`, not the renderer's.)
pub struct Rendered {
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// The notice of `policy` in `lang`, as of the evaluation date `as_of` (which statute of a family
/// applies, whether a safeguard is still valid). Errors are problems with the templates or messages.
pub fn render(
    policy: &Policy,
    as_of: Date,
    lang: &str,
    format: Format,
    templates: &Templates,
) -> Result<Rendered, String> {
    if !LANGUAGES.contains(&lang) {
        return Err(format!(
            "no notice messages for `{lang}`; notices can be written in {}",
            LANGUAGES.join(", ")
        ));
    }
    let ftl = format!("{lang}/notice.ftl");
    let messages = Arc::new(Messages::new(
        lang,
        Templates::shipped_file(&ftl),
        templates.overrides.get(&ftl).map(String::as_str),
    )?);
    let cx = words::Cx::new(policy, lang, as_of, &messages);
    let notice = view::build(&cx);
    let env = environment(templates, messages.clone())?;
    let markdown = env
        .get_template("notice.md.j2")
        .and_then(|t| t.render(Value::from_serialize(&notice)))
        .map_err(|e| template_error("notice.md.j2", &e))?;
    let markdown = tidy(&markdown);
    let text = match format {
        Format::Markdown => markdown,
        Format::Html => {
            let converted = html::convert(&markdown);
            let page = env
                .get_template("page.html.j2")
                .and_then(|t| {
                    t.render(minijinja::context! {
                        lang => lang,
                        title => notice.title_text,
                        header => Value::from_safe_string(converted.header),
                        body => Value::from_safe_string(converted.body),
                        toc => converted.toc,
                    })
                })
                .map_err(|e| template_error("page.html.j2", &e))?;
            tidy(&page)
        }
    };
    let errors = messages.take_errors();
    if !errors.is_empty() {
        return Err(format!(
            "the notice messages for `{lang}` are incomplete: {}",
            errors.join("; ")
        ));
    }
    Ok(Rendered {
        text,
        diagnostics: cx.take_diagnostics(),
    })
}

/// The notice's view model as JSON: every statement the notice makes, before it is put into words.
/// Tests compare it with the checker's findings (a notice never asserts what a finding denies).
pub fn view_model(policy: &Policy, as_of: Date, lang: &str) -> Result<serde_json::Value, String> {
    let ftl = format!("{lang}/notice.ftl");
    let messages = Messages::new(lang, Templates::shipped_file(&ftl), None)?;
    let cx = words::Cx::new(policy, lang, as_of, &messages);
    serde_json::to_value(view::build(&cx)).map_err(|e| e.to_string())
}

fn environment(
    templates: &Templates,
    messages: Arc<Messages>,
) -> Result<Environment<'static>, String> {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_keep_trailing_newline(true);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html.j2") {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    for name in ["notice.md.j2", "page.html.j2"] {
        env.add_template_owned(name.to_string(), templates.template(name))
            .map_err(|e| template_error(name, &e))?;
    }
    // `anchor("id")`: a heading id, `{#id}` (written by a function: `{#` opens a template comment).
    env.add_function("anchor", |id: String| -> Result<String, minijinja::Error> {
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(minijinja::Error::new(
                minijinja::ErrorKind::InvalidOperation,
                format!("`{id}` is not a heading id"),
            ));
        }
        Ok(format!("{{#{id}}}"))
    });
    env.add_filter("sentence", sentence);
    // `t("message-id", name=value, ...)`: a Fluent message. Arguments from the view model are already
    // escaped Markdown.
    env.add_function(
        "t",
        move |id: String, kwargs: Kwargs| -> Result<String, minijinja::Error> {
            if !messages.has(&id) {
                return Err(minijinja::Error::new(
                    minijinja::ErrorKind::InvalidOperation,
                    format!("no message `{id}`"),
                ));
            }
            let mut args: Vec<(String, Arg)> = Vec::new();
            for key in kwargs.args() {
                let value: Value = kwargs.get(key)?;
                let arg = match (value.kind(), i64::try_from(value.clone())) {
                    (ValueKind::Number, Ok(n)) => Arg::Num(n),
                    _ => Arg::Str(value.to_string()),
                };
                args.push((key.to_string(), arg));
            }
            Ok(messages.get(&id, &args))
        },
    );
    Ok(env)
}

/// A text as a sentence: with a full stop unless it ends with one (or `!`, `?`, `:`).
fn sentence(text: String) -> String {
    let trimmed = text.trim_end();
    let core = trimmed.trim_end_matches([')', '»', '"', '”', '’', '\'']);
    let last = core.chars().last();
    if trimmed.is_empty() || matches!(last, Some('.' | '!' | '?' | ':' | '…')) {
        trimmed.to_string()
    } else {
        format!("{trimmed}.")
    }
}

fn template_error(name: &str, e: &minijinja::Error) -> String {
    let mut message = format!("template `{name}`: {e}");
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(&format!(": {s}"));
        source = s.source();
    }
    message
}

/// No trailing spaces, at most one blank line in a row, one final newline: clean diffs.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if blank > 0 && !out.is_empty() {
            out.push('\n');
        }
        blank = 0;
        out.push_str(line);
        out.push('\n');
    }
    out
}
