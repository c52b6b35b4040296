//! Human texts: the words of one property, by language tag.

use std::sync::Arc;

use crate::name::Name;

use super::Loc;

/// A human text by language tag (`nb`, `en`, ...).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Text {
    pub by_lang: LangMap,
    pub loc: Option<Loc>,
}

impl Text {
    pub fn get(&self, lang: &str) -> Option<&str> {
        self.by_lang.get(lang).map(|s| &**s)
    }
    /// The text in `lang`, or else in any language (for messages, where any wording helps).
    pub fn any(&self, lang: &str) -> Option<&str> {
        self.get(lang)
            .or_else(|| self.by_lang.values().next().map(|s| &**s))
    }
    pub fn is_empty(&self) -> bool {
        self.by_lang.values().all(|v| v.trim().is_empty())
    }
}

/// The words of a text in each of its languages, in the order of their tags, as a map would keep
/// them. Nearly every text has one language, and a `BTreeMap` allocated a node of eleven entries
/// (over 500 bytes) for it: on a 27 MB policy the texts' maps were a fifth of the peak memory of a
/// check (heaptrack, issue 14). This is a sorted vector of exactly the entries. The words are shared
/// with the syntax tree they were read from, so lowering a text, and cloning a policy in the editor,
/// copies no words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LangMap(Vec<(Name, Arc<str>)>);

impl LangMap {
    pub fn get(&self, lang: &str) -> Option<&Arc<str>> {
        self.find(lang).ok().map(|i| &self.0[i].1)
    }

    pub fn get_key_value(&self, lang: &str) -> Option<(&str, &Arc<str>)> {
        self.find(lang)
            .ok()
            .map(|i| (self.0[i].0.as_str(), &self.0[i].1))
    }

    /// Sets the words in `lang`, returning those it replaces.
    pub fn insert(&mut self, lang: &str, value: impl Into<Arc<str>>) -> Option<Arc<str>> {
        let value = value.into();
        match self.find(lang) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                if self.0.capacity() == 0 {
                    self.0.reserve_exact(1);
                }
                self.0.insert(i, (Name::new(lang), value));
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&str, &Arc<str>)> + ExactSizeIterator {
        self.0.iter().map(|(l, v)| (l.as_str(), v))
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &str> + ExactSizeIterator {
        self.0.iter().map(|(l, _)| l.as_str())
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Arc<str>> + ExactSizeIterator {
        self.0.iter().map(|(_, v)| v)
    }

    /// The same entries as a map, for the public model and the exports.
    pub fn to_map(&self) -> std::collections::BTreeMap<String, String> {
        self.iter()
            .map(|(l, v)| (l.to_string(), v.to_string()))
            .collect()
    }

    fn find(&self, lang: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(l, _)| l.as_str().cmp(lang))
    }
}

impl<'a> IntoIterator for &'a LangMap {
    type Item = (&'a str, &'a Arc<str>);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (Name, Arc<str>)>,
        fn(&'a (Name, Arc<str>)) -> (&'a str, &'a Arc<str>),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(l, v)| (l.as_str(), v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_tag_order_and_one_entry_per_tag_like_a_map() {
        let mut m = LangMap::default();
        assert_eq!(m.insert("nb", "hei"), None);
        assert_eq!(m.insert("en", "hello"), None);
        assert_eq!(m.insert("de", "hallo"), None);
        assert_eq!(m.insert("nb", "heisann"), Some("hei".into()));
        assert_eq!(m.keys().collect::<Vec<_>>(), ["de", "en", "nb"]);
        assert_eq!(m.get("nb").map(|s| &**s), Some("heisann"));
        assert!(m.get("sv").is_none() && m.get("en").is_some());
        assert_eq!(m.iter().count(), 3);
        let map = m.to_map();
        assert_eq!(
            map.iter()
                .map(|(l, v)| (l.as_str(), v.as_str()))
                .collect::<Vec<_>>(),
            m.iter().map(|(l, v)| (l, &**v)).collect::<Vec<_>>()
        );
    }

    #[test]
    fn one_language_allocates_one_entry() {
        let mut m = LangMap::default();
        m.insert("nb", "hei");
        assert_eq!(m.0.capacity(), 1);
    }
}
