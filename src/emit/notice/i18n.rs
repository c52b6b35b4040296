//! The notice's fixed wording: Fluent messages per language, from the `.ftl` files that ship in
//! `locales/` and, message by message, from the user's overrides.

use std::sync::Mutex;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A value for a message argument.
pub enum Arg {
    Str(String),
    Num(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Str(s.clone())
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Num(n)
    }
}

pub struct Messages {
    bundle: FluentBundle<FluentResource>,
    /// Messages that were asked for and do not exist, or failed to format.
    errors: Mutex<Vec<String>>,
}

impl Messages {
    /// The messages of `lang`: the shipped file, then the user's file overriding it message by message.
    pub fn new(lang: &str, shipped: &str, user: Option<&str>) -> Result<Messages, String> {
        let id: unic_langid::LanguageIdentifier = lang
            .parse()
            .map_err(|e| format!("`{lang}` is not a language tag: {e}"))?;
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        bundle.set_use_isolating(false);
        let resource = parse(shipped, &format!("locales/{lang}/notice.ftl"))?;
        bundle
            .add_resource(resource)
            .map_err(|e| format!("locales/{lang}/notice.ftl: {e:?}"))?;
        if let Some(user) = user {
            bundle.add_resource_overriding(parse(user, &format!("{lang}/notice.ftl"))?);
        }
        Ok(Messages {
            bundle,
            errors: Mutex::new(Vec::new()),
        })
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundle
            .get_message(id)
            .is_some_and(|m| m.value().is_some())
    }

    /// The message `id` with `args`; a missing message is recorded as an error and gives its id.
    pub fn get<K: AsRef<str>>(&self, id: &str, args: &[(K, Arg)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            self.error(format!("no message `{id}`"));
            return id.to_string();
        };
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            let name = name.as_ref().to_string();
            match value {
                Arg::Str(s) => fargs.set(name, FluentValue::from(s.clone())),
                Arg::Num(n) => fargs.set(name, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        let out = self
            .bundle
            .format_pattern(pattern, Some(&fargs), &mut errors)
            .into_owned();
        for e in errors {
            self.error(format!("message `{id}`: {e}"));
        }
        out
    }

    /// `get` without arguments.
    pub fn t(&self, id: &str) -> String {
        self.get::<&str>(id, &[])
    }

    /// `get` of `id` if it exists, else `None` (for optional, per-name messages).
    pub fn opt(&self, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        self.has(id).then(|| self.get(id, args))
    }

    fn error(&self, e: String) {
        if let Ok(mut errors) = self.errors.lock()
            && !errors.contains(&e)
        {
            errors.push(e);
        }
    }

    pub fn take_errors(&self) -> Vec<String> {
        self.errors
            .lock()
            .map(|mut e| std::mem::take(&mut *e))
            .unwrap_or_default()
    }
}

fn parse(source: &str, name: &str) -> Result<FluentResource, String> {
    FluentResource::try_new(source.to_string()).map_err(|(_, errors)| {
        let list: Vec<String> = errors.iter().map(|e| format!("{e:?}")).collect();
        format!("{name} is not valid Fluent: {}", list.join("; "))
    })
}
