//! Maps keyed by an id (the answers' by an item's, a measure's or a survey group's; a
//! profile's words by theirs): a vector kept in the ids' order, read and written as the same
//! JSON object a B-tree map is, with the part of its interface they use. A B-tree map's code,
//! for each value type, came to 2–3 KB gzipped of the first wasm module. They hold a few
//! dozen ids, a few hundred at most: an id comes in at its place (O(n)), and a map read
//! from JSON with more than `MAX_IDS` is refused, so that a hostile file's order cannot make
//! reading it quadratic.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Serialize, Serializer};
use std::marker::PhantomData;

/// More ids than any profile has items, measures or groups (a national profile has about a
/// hundred); at most ≈ 8 million moves of an entry to read the largest in the worst order.
pub const MAX_IDS: usize = 4096;
/// What a map or a set read from JSON with more ids than `MAX_IDS` was expected to be.
const BOUND: &str = "at most 4096 ids";

#[derive(Clone, Debug, PartialEq)]
pub struct Keyed<V>(Vec<(String, V)>);

impl<V> Default for Keyed<V> {
    fn default() -> Self {
        Keyed(Vec::new())
    }
}

impl<V> Keyed<V> {
    pub fn new() -> Self {
        Keyed::default()
    }

    /// Where `key` is, or where it would go.
    fn at(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// Sets `key`'s value; the value it had, if any.
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match self.at(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.at(key).ok().map(|i| &self.0[i].1)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        self.at(key).ok().map(|i| &mut self.0[i].1)
    }

    /// `key`'s value, the default put there first when it has none (a map's
    /// `entry(key).or_default()`).
    pub fn or_default(&mut self, key: String) -> &mut V
    where
        V: Default,
    {
        let i = self.at(&key).unwrap_or_else(|i| {
            self.0.insert(i, (key, V::default()));
            i
        });
        &mut self.0[i].1
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.at(key).is_ok()
    }

    /// The ids and their values, in the ids' order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<V> FromIterator<(String, V)> for Keyed<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(pairs: I) -> Self {
        let mut keyed = Keyed::new();
        for (key, value) in pairs {
            keyed.insert(key, value);
        }
        keyed
    }
}

impl<V, const N: usize> From<[(String, V); N]> for Keyed<V> {
    fn from(pairs: [(String, V); N]) -> Self {
        pairs.into_iter().collect()
    }
}

impl<V> std::ops::Index<&str> for Keyed<V> {
    type Output = V;

    /// `key`'s value; a key that is not there is a bug of the caller (as a map's index).
    fn index(&self, key: &str) -> &V {
        self.get(key).expect("no such key")
    }
}

impl<'a, V> IntoIterator for &'a Keyed<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (String, V)>, fn(&'a (String, V)) -> (&'a String, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<V: Serialize> Serialize for Keyed<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Keyed<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Entries<V> {
            type Value = Keyed<V>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }

            /// A key given twice keeps its last value, as a map read from JSON does.
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keyed<V>, A::Error> {
                let mut keyed = Keyed::new();
                while let Some((key, value)) = map.next_entry::<String, V>()? {
                    keyed.insert(key, value);
                    if keyed.len() > MAX_IDS {
                        return Err(serde::de::Error::invalid_length(keyed.len(), &BOUND));
                    }
                }
                Ok(keyed)
            }
        }
        deserializer.deserialize_map(Entries(PhantomData))
    }
}

/// A set of ids (the vetoes that apply), kept in order, read and written as a JSON array.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ids(Keyed<()>);

impl Ids {
    /// Adds `id`; whether it was new.
    pub fn insert(&mut self, id: String) -> bool {
        self.0.insert(id, ()).is_none()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.0.contains_key(id)
    }

    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.0.keys()
    }

    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }
}

impl Serialize for Ids {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Ids {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Each;
        impl<'de> Visitor<'de> for Each {
            type Value = Ids;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an array of ids")
            }

            /// An id given twice is one, as a set read from JSON has it.
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Ids, A::Error> {
                let mut ids = Ids::default();
                while let Some(id) = seq.next_element::<String>()? {
                    ids.insert(id);
                    if ids.0.len() > MAX_IDS {
                        return Err(serde::de::Error::invalid_length(ids.0.len(), &BOUND));
                    }
                }
                Ok(ids)
            }
        }
        deserializer.deserialize_seq(Each)
    }
}

#[cfg(test)]
mod tests {
    use super::{Ids, Keyed};

    #[test]
    fn a_set_of_ids_reads_and_writes_the_json_a_set_does() {
        let json = r#"["z","a","m","a"]"#;
        let ids: Ids = serde_json::from_str(json).unwrap();
        let set: std::collections::BTreeSet<String> = serde_json::from_str(json).unwrap();
        assert_eq!(serde_json::to_string(&ids).unwrap(), serde_json::to_string(&set).unwrap());
        assert!(ids.contains("m") && !ids.contains("b"));
        let mut more = ids.clone();
        assert!(more.insert("b".into()) && !more.insert("z".into()));
        assert!(serde_json::from_str::<Ids>(r#"{"a":1}"#).is_err());
    }

    #[test]
    fn it_reads_and_writes_the_json_a_map_does() {
        let json = r#"{"b":2.0,"a":1.0,"c":3.0,"a":4.0}"#;
        let keyed: Keyed<f64> = serde_json::from_str(json).unwrap();
        let map: std::collections::BTreeMap<String, f64> = serde_json::from_str(json).unwrap();
        assert_eq!(serde_json::to_string(&keyed).unwrap(), serde_json::to_string(&map).unwrap());
        assert_eq!(keyed.iter().map(|(k, v)| (k.clone(), *v)).collect::<Vec<_>>(), map.into_iter().collect::<Vec<_>>());
        assert_eq!((keyed.get("a"), keyed.get("d"), keyed["c"]), (Some(&4.0), None, 3.0));
        assert!(serde_json::from_str::<Keyed<f64>>("[1]").is_err());
    }

    #[test]
    fn the_most_ids_read_in_the_worst_order_as_a_map_reads_them_and_more_are_refused() {
        let object = |n: usize| format!("{{{}}}", (0..n).rev().map(|i| format!("\"k{i:05}\":{i}")).collect::<Vec<_>>().join(","));
        let json = object(super::MAX_IDS);
        let keyed: Keyed<f64> = serde_json::from_str(&json).unwrap();
        let map: std::collections::BTreeMap<String, f64> = serde_json::from_str(&json).unwrap();
        assert_eq!(serde_json::to_string(&keyed).unwrap(), serde_json::to_string(&map).unwrap());
        assert!(serde_json::from_str::<Keyed<f64>>(&object(super::MAX_IDS + 1)).is_err());
        let ids = format!("[{}]", (0..=super::MAX_IDS).map(|i| format!("\"{i}\"")).collect::<Vec<_>>().join(","));
        assert!(serde_json::from_str::<Ids>(&ids).is_err());
        assert!(super::BOUND.contains(&super::MAX_IDS.to_string()), "the refusal names the bound");
    }

    #[test]
    fn it_keeps_its_ids_in_order_whatever_order_they_come_in() {
        let mut keyed: Keyed<u8> = [("m".to_string(), 1), ("c".to_string(), 2)].into();
        assert_eq!(keyed.insert("x".into(), 3), None);
        assert_eq!(keyed.insert("c".into(), 4), Some(2));
        *keyed.get_mut("m").unwrap() += 10;
        let pairs: Vec<(&str, u8)> = keyed.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        assert_eq!(pairs, [("c", 4), ("m", 11), ("x", 3)]);
        assert!(keyed.contains_key("x") && !keyed.contains_key("y") && keyed.len() == 3 && !keyed.is_empty());
    }
}
