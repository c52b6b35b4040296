//! A map in two layers: the standard library's entries, shared by every policy behind an `Arc`, and
//! the entries one policy adds or renames. Resolving a policy used to clone the whole stdlib
//! vocabulary into it; now it shares one copy and pays only for what it changes.

use std::collections::{BTreeMap, BTreeSet, btree_map};
use std::iter::Peekable;
use std::sync::Arc;

use super::Name;

#[derive(Clone, Debug)]
pub struct Layered<V> {
    /// Shared: the stdlib's entries (`None` while the stdlib itself is being lowered, and for one
    /// declaration's own vocabulary: a map made empty costs no allocation).
    shared: Option<Arc<BTreeMap<Name, V>>>,
    /// This policy's entries; a name here hides the shared entry of that name.
    own: BTreeMap<Name, V>,
    /// Shared names this policy removed (a stdlib term renamed `std.NAME` because a policy
    /// declaration shadows it).
    removed: BTreeSet<Name>,
}

impl<V> Default for Layered<V> {
    fn default() -> Self {
        Layered {
            shared: None,
            own: BTreeMap::new(),
            removed: BTreeSet::new(),
        }
    }
}

impl<V: PartialEq> PartialEq for Layered<V> {
    fn eq(&self, other: &Self) -> bool {
        // The shared layer is almost always the same allocation: compare the pointer first, so that
        // salsa's comparison of two resolutions does not walk the stdlib.
        let shared = match (self.shared.as_deref(), other.shared.as_deref()) {
            (None, None) => true,
            (Some(a), Some(b)) => std::ptr::eq(a, b) || a == b,
            (Some(m), None) | (None, Some(m)) => m.is_empty(),
        };
        shared && self.own == other.own && self.removed == other.removed
    }
}

impl<V: Eq> Eq for Layered<V> {}

impl<V: Clone> Layered<V> {
    /// Moves every entry into the shared layer: what the stdlib does once it is lowered, so that
    /// each policy's copy of it is a pointer.
    pub fn freeze(&mut self) {
        let all: BTreeMap<Name, V> = self.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        *self = Layered {
            shared: Some(Arc::new(all)),
            own: BTreeMap::new(),
            removed: BTreeSet::new(),
        };
    }

    /// Removes an entry, returning it (a shared one is hidden and returned as a copy).
    pub fn remove(&mut self, name: &str) -> Option<V> {
        if let Some(v) = self.own.remove(name) {
            if self.shared().is_some_and(|m| m.contains_key(name)) {
                self.removed.insert(name.into());
            }
            return Some(v);
        }
        if self.removed.contains(name) {
            return None;
        }
        let v = self.shared()?.get(name)?.clone();
        self.removed.insert(name.into());
        Some(v)
    }
}

impl<V> Layered<V> {
    pub fn get(&self, name: &str) -> Option<&V> {
        self.own.get(name).or_else(|| {
            if self.removed.contains(name) {
                None
            } else {
                self.shared()?.get(name)
            }
        })
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    fn shared(&self) -> Option<&BTreeMap<Name, V>> {
        self.shared.as_deref()
    }

    /// This policy's own entries, to move them (`Shift`); the shared layer is never changed.
    pub fn own_values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.own.values_mut()
    }

    /// This policy's own entries, taken out (to merge one declaration's entry into a policy).
    pub fn into_own(self) -> BTreeMap<Name, V> {
        self.own
    }

    /// Adds or replaces an entry of this policy.
    pub fn insert(&mut self, name: Name, value: V) {
        self.removed.remove(&name);
        self.own.insert(name, value);
    }

    /// Every entry, in name order (as a `BTreeMap` iterates), each name once.
    pub fn iter(&self) -> Iter<'_, V> {
        Iter {
            own: self.own.iter().peekable(),
            shared: self.shared().map(|m| m.iter().peekable()),
            removed: &self.removed,
        }
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.iter().map(|(_, v)| v)
    }

    pub fn keys(&self) -> impl Iterator<Item = &Name> {
        self.iter().map(|(k, _)| k)
    }

    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// At least `len()`, without walking the map: the shared entries plus the own ones.
    pub fn len_bound(&self) -> usize {
        self.shared().map_or(0, BTreeMap::len) + self.own.len()
    }

    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

impl<'a, V> IntoIterator for &'a Layered<V> {
    type Item = (&'a Name, &'a V);
    type IntoIter = Iter<'a, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<V> FromIterator<(Name, V)> for Layered<V> {
    fn from_iter<I: IntoIterator<Item = (Name, V)>>(iter: I) -> Self {
        Layered {
            own: iter.into_iter().collect(),
            ..Layered::default()
        }
    }
}

/// The two layers merged in name order; an own entry hides the shared one of the same name.
pub struct Iter<'a, V> {
    own: Peekable<btree_map::Iter<'a, Name, V>>,
    shared: Option<Peekable<btree_map::Iter<'a, Name, V>>>,
    removed: &'a BTreeSet<Name>,
}

impl<'a, V> Iterator for Iter<'a, V> {
    type Item = (&'a Name, &'a V);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let shared_next = self.shared.as_mut().and_then(|s| s.peek());
            let order = match (self.own.peek(), shared_next) {
                (None, None) => return None,
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (Some((a, _)), Some((b, _))) => a.cmp(b),
            };
            if order == std::cmp::Ordering::Equal {
                self.shared.as_mut().and_then(|s| s.next());
            }
            let take_own = order != std::cmp::Ordering::Greater;
            if take_own {
                return self.own.next();
            }
            let next = self.shared.as_mut()?.next()?;
            if !self.removed.contains(next.0) {
                return Some(next);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layered() -> Layered<u32> {
        let mut m: Layered<u32> = [("a", 1), ("c", 3), ("e", 5)]
            .into_iter()
            .map(|(k, v)| (Name::from(k), v))
            .collect();
        m.freeze();
        m
    }

    fn pairs(m: &Layered<u32>) -> Vec<(String, u32)> {
        m.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn own_entries_merge_in_order_and_hide_shared_ones() {
        let mut m = layered();
        m.insert("b".into(), 2);
        m.insert("c".into(), 30);
        m.insert("f".into(), 6);
        assert_eq!(
            pairs(&m),
            [("a", 1), ("b", 2), ("c", 30), ("e", 5), ("f", 6)].map(|(k, v)| (k.to_string(), v))
        );
        assert_eq!(m.get("c"), Some(&30));
        assert_eq!(m.len(), 5);
    }

    #[test]
    fn removing_a_shared_entry_hides_it_and_returns_a_copy() {
        let mut m = layered();
        assert_eq!(m.remove("c"), Some(3));
        assert_eq!(m.get("c"), None);
        assert_eq!(m.remove("c"), None);
        assert_eq!(
            pairs(&m),
            [("a", 1), ("e", 5)].map(|(k, v)| (k.to_string(), v))
        );
        m.insert("c".into(), 7);
        assert_eq!(m.get("c"), Some(&7));
        assert_eq!(m.remove("c"), Some(7));
        assert_eq!(m.get("c"), None, "the shared entry stays hidden");
    }

    #[test]
    fn equal_content_is_equal_whatever_the_layers_share() {
        let a = layered();
        let b = a.clone();
        assert_eq!(a, b);
        let c = layered();
        assert_eq!(a, c, "another allocation with the same entries");
        let mut d = a.clone();
        d.insert("z".into(), 26);
        assert_ne!(a, d);
    }

    #[test]
    fn freezing_keeps_what_a_policy_removed_out() {
        let mut m = layered();
        m.remove("a");
        m.insert("b".into(), 2);
        m.freeze();
        assert_eq!(
            pairs(&m),
            [("b", 2), ("c", 3), ("e", 5)].map(|(k, v)| (k.to_string(), v))
        );
    }
}
