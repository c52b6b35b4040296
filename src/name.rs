//! Interned names. Every identifier the AST and the IR hold (`Ident::text`, `ir::Name`) is a shared,
//! reference-counted copy of its text: a policy names the same few hundred keys, data categories,
//! purposes and stdlib terms thousands of times, and each mention used to own a heap string.
//!
//! Each thread keeps the names it made recently and hands out the same copy again. There is no
//! global table: the parser interns every identifier from several threads at once, and the global
//! interners measured (`internment`'s `ArcIntern`, `ustr`) cost a tenth more time on a cold check
//! than owned strings did, through a lock per call and a shared reference count on popular names;
//! this costs 4% (README, "Issue 14"). A thread's set holds at most `RECENT_MAX` names, and when it
//! fills it lets go of those nothing else holds, so a name no policy uses any more is freed by then
//! and the language server does not keep every name it ever saw. Two threads may hold two copies of one
//! text: equality compares the pointers first and then the text, and hashing and ordering are the
//! text's, so a `Name` is a drop-in key for maps looked up by `&str`, and iteration order (hence
//! every artefact) is the same as with strings.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

use rustc_hash::FxHashSet;

#[derive(Clone, Eq)]
pub struct Name(Arc<str>);

/// How many names a thread remembers before it starts afresh: more than a large policy's distinct
/// names, few enough that what a thread keeps alive stays small.
const RECENT_MAX: usize = 1 << 14;

thread_local! {
    static RECENT: RefCell<FxHashSet<Name>> = RefCell::new(FxHashSet::default());
}

impl Name {
    pub fn new(text: &str) -> Self {
        RECENT.with_borrow_mut(|recent| {
            if let Some(name) = recent.get(text) {
                return name.clone();
            }
            if recent.len() >= RECENT_MAX {
                // Names nothing else holds any more are let go first; only a set still full of
                // names in use starts afresh.
                recent.retain(|n| Arc::strong_count(&n.0) > 1);
                if recent.len() >= RECENT_MAX / 2 {
                    recent.clear();
                    recent.shrink_to(RECENT_MAX);
                }
            }
            let name = Name(Arc::from(text));
            recent.insert(name.clone());
            name
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl PartialEq for Name {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl Default for Name {
    fn default() -> Self {
        Name::new("")
    }
}

impl Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Name {
    fn borrow(&self) -> &str {
        &self.0
    }
}

// Hashing and ordering by the text, as `Borrow<str>` requires: a map keyed by `Name` is looked up
// by `&str`, and sorted output stays in the order strings gave it.
impl Hash for Name {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Ord for Name {
    fn cmp(&self, other: &Self) -> Ordering {
        if Arc::ptr_eq(&self.0, &other.0) {
            return Ordering::Equal;
        }
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Name {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

// As a string's: snapshots and test failures print names as they printed before interning.
impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl From<&str> for Name {
    fn from(text: &str) -> Self {
        Name::new(text)
    }
}

impl From<&String> for Name {
    fn from(text: &String) -> Self {
        Name::new(text)
    }
}

impl From<String> for Name {
    fn from(text: String) -> Self {
        Name::new(&text)
    }
}

impl From<&Name> for Name {
    fn from(name: &Name) -> Self {
        name.clone()
    }
}

impl From<Name> for String {
    fn from(name: Name) -> Self {
        name.as_str().to_string()
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Name> for str {
    fn eq(&self, other: &Name) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Name> for &str {
    fn eq(&self, other: &Name) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Name> for String {
    fn eq(&self, other: &Name) -> bool {
        self == other.as_str()
    }
}

impl serde::Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Name {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Ok(Name::new(&text))
    }
}

impl schemars::JsonSchema for Name {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        String::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
    fn inline_schema() -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, HashMap};

    #[test]
    fn one_copy_per_text() {
        let a = Name::new("customer-data");
        let b = Name::from(String::from("customer-data"));
        assert_eq!(a, b);
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        // Another thread's copy of the same text is another allocation, and still the same name.
        let other = std::thread::spawn(|| Name::new("customer-data")).join();
        assert_eq!(other.ok().as_ref(), Some(&a));
        assert_ne!(a, Name::new("customer-date"));
    }

    #[test]
    fn maps_keyed_by_name_are_looked_up_by_str_in_string_order() {
        let mut sorted = BTreeMap::new();
        let mut hashed = HashMap::new();
        for n in ["b", "a", "std.c", "A"] {
            sorted.insert(Name::new(n), n.len());
            hashed.insert(Name::new(n), n.len());
        }
        assert_eq!(sorted.get("std.c"), Some(&5));
        assert_eq!(hashed.get("a"), Some(&1));
        let order: Vec<&str> = sorted.keys().map(Name::as_str).collect();
        assert_eq!(order, ["A", "a", "b", "std.c"]);
    }

    #[test]
    fn prints_and_serialises_as_its_text() {
        let n = Name::new("kunde");
        assert_eq!(format!("{n} {n:?}"), "kunde \"kunde\"");
        assert_eq!(serde_json::to_string(&n).ok().as_deref(), Some("\"kunde\""));
        let back: Result<Name, _> = serde_json::from_str("\"kunde\"");
        assert_eq!(back.ok(), Some(n));
    }
}
