//! The index from argument names to arguments.
//!
//! Large frameworks in APX and TGF name their arguments with one prefix
//! and a running number (`a1` … `a1000000`, as ICCMA's benchmarks do). A
//! hash map lookup of such a name costs several cache misses once the map
//! outgrows the cache, and the readers look up two names per attack. So
//! names of the form *prefix* + *number*, with the prefix of the first such
//! name and a number not far beyond the names seen, are kept in a dense
//! table indexed by the number: one array read per lookup. Every other
//! name goes to a hash map. Which of the two holds a name changes nothing
//! a user can see: both answer the same lookups.
//!
//! The names themselves, in argument order, are kept in [`Names`], which
//! keeps such a run of names as its prefix and numbers rather than name
//! by name.

use std::collections::HashMap;

use compact_str::CompactString;

/// No argument at this number.
const NONE: u32 = u32::MAX;

/// Names to argument indices.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameIndex {
    /// The prefix of the numbered names in `dense`, fixed by the first
    /// numbered name inserted.
    prefix: Option<String>,
    /// The numbered names while they come in order; empty once `dense`
    /// holds them.
    run: Run,
    /// `dense[k]`: the argument named prefix + k, or [`NONE`]; empty
    /// while the numbered names are in `run`.
    dense: Vec<u32>,
    /// Every other name.
    other: HashMap<String, u32>,
    /// How many names there are.
    len: usize,
}

/// Numbered names in order: prefix + (`first` + j) names argument
/// `start` + j, for j below `len`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Run {
    first: usize,
    start: u32,
    len: usize,
}

/// A name as (prefix, number) when it ends in a number written without
/// leading zeros, of at most 9 digits.
fn split(name: &str) -> Option<(&str, usize)> {
    let bytes = name.as_bytes();
    let mut start = bytes.len();
    while start > 0 && bytes[start - 1].is_ascii_digit() {
        start -= 1;
    }
    let digits = &bytes[start..];
    if digits.is_empty() || digits.len() > 9 || (digits.len() > 1 && digits[0] == b'0') {
        return None;
    }
    let number = (digits.iter()).fold(0, |number, &digit| number * 10 + usize::from(digit - b'0'));
    Some((name.get(..start)?, number))
}

/// Whether two (short) strings are equal, compared byte by byte, which
/// takes less than a call to `memcmp`.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(a, b)| a == b)
}

/// The arguments' names, in order. A run of names of one prefix and
/// consecutive numbers (`a1`, `a2`, … as large files name their
/// arguments) is kept as its prefix, first number and length, not name by
/// name: the first name that ends in a number (as [`split`] reads it)
/// starts the run, which grows while each next name is the next number,
/// and then stays as it is; the other names are kept one by one. The same
/// names always make the same run, so two lists are equal exactly when
/// their names are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Names {
    /// The run's prefix; empty until the run starts.
    prefix: CompactString,
    /// The run: prefix + (`first` + j) names argument `start` + j.
    run: Run,
    /// Every other name, in order.
    listed: Vec<CompactString>,
}

impl Names {
    /// How many names there are.
    pub(crate) fn len(&self) -> usize {
        self.listed.len() + self.run.len
    }

    /// Adds the name of the next argument.
    pub(crate) fn push(&mut self, name: &str) {
        let next = self.len();
        let run = &mut self.run;
        if (run.len == 0 || run.start as usize + run.len == next)
            && let Some((prefix, k)) = split(name)
        {
            if run.len == 0 {
                self.prefix = CompactString::from(prefix);
                *run = Run {
                    first: k,
                    start: next as u32,
                    len: 1,
                };
                return;
            }
            if k == run.first + run.len && same(prefix, &self.prefix) {
                run.len += 1;
                return;
            }
        }
        self.listed.push(CompactString::from(name));
    }

    /// The name of argument `i`, below [`len`](Names::len).
    pub(crate) fn get(&self, i: usize) -> String {
        let Run { first, start, len } = self.run;
        match i.checked_sub(start as usize) {
            None => self.listed[i].to_string(),
            Some(j) if j < len => format!("{}{}", self.prefix, first + j),
            Some(_) => self.listed[i - len].to_string(),
        }
    }
}

impl NameIndex {
    /// The argument with this name.
    pub(crate) fn get(&self, name: &str) -> Option<u32> {
        if let Some((prefix, k)) = split(name)
            && self.is_prefix(prefix)
            && let Some(i) = self.numbered(k)
        {
            return Some(i);
        }
        self.other.get(name).copied()
    }

    /// Whether `prefix` is the prefix of the numbered names.
    fn is_prefix(&self, prefix: &str) -> bool {
        self.prefix
            .as_deref()
            .is_some_and(|ours| same(ours, prefix))
    }

    /// The prefix of the numbered names, once there is one.
    pub(crate) fn prefix(&self) -> Option<&str> {
        self.prefix.as_deref()
    }

    /// The argument named [`prefix`](NameIndex::prefix) + `k` (`k`
    /// written without leading zeros), if the run or the table holds it;
    /// `None` says nothing about the other names, which may still hold it.
    pub(crate) fn numbered(&self, k: usize) -> Option<u32> {
        let run = self.run;
        if let Some(j) = k.checked_sub(run.first)
            && j < run.len
        {
            return Some(run.start + j as u32);
        }
        self.dense.get(k).copied().filter(|&i| i != NONE)
    }

    /// Adds `name` for argument `id`; `false` (and no change) if the name
    /// is taken.
    pub(crate) fn insert(&mut self, name: &str, id: u32) -> bool {
        // The name is split once, for the lookup and the insertion.
        if let Some((prefix, k)) = split(name) {
            if self.prefix.is_none() {
                self.prefix = Some(prefix.to_owned());
            }
            if self.is_prefix(prefix) {
                if self.numbered(k).is_some() || self.other.contains_key(name) {
                    return false;
                }
                self.len += 1;
                // A dense table at most a few times the names it holds.
                if k < 4 * self.len + 1024 {
                    self.insert_numbered(k, id);
                } else {
                    self.other.insert(name.to_owned(), id);
                }
                return true;
            }
        }
        if self.other.contains_key(name) {
            return false;
        }
        self.len += 1;
        self.other.insert(name.to_owned(), id);
        true
    }

    /// Adds prefix + `k` for argument `id`: to the run while the names
    /// come in order, else to the table.
    fn insert_numbered(&mut self, k: usize, id: u32) {
        let run = &mut self.run;
        if self.dense.is_empty() {
            if run.len == 0 {
                *run = Run {
                    first: k,
                    start: id,
                    len: 1,
                };
                return;
            }
            if k == run.first + run.len && id as usize == run.start as usize + run.len {
                run.len += 1;
                return;
            }
            let Run { first, start, len } = std::mem::take(run);
            self.dense.resize(first + len, NONE);
            for (j, slot) in self.dense[first..].iter_mut().enumerate() {
                *slot = start + j as u32;
            }
        }
        if k >= self.dense.len() {
            self.dense.resize(k + 1, NONE);
        }
        self.dense[k] = id;
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// Names that continue a run of `a`s or not: numbered, with a leading
    /// zero, of another prefix, no number, numbers too long to split.
    fn name() -> impl Strategy<Value = String> {
        prop_oneof!["[ab]?[0-9]{1,2}", "a0[0-9]", "[ab]", "a1[0-9]{9}"]
    }

    proptest! {
        /// A name splits into its prefix and the number it ends in, as
        /// `str::parse` reads the number, when the number has 1 to 9 digits
        /// and no leading zero.
        #[test]
        fn a_name_splits_at_its_number(name in "[a-z_é0]{0,3}[0-9]{0,11}") {
            let digits = name.bytes().rev().take_while(u8::is_ascii_digit).count();
            let (prefix, number) = name.split_at(name.len() - digits);
            let plain = (1..=9).contains(&digits) && (digits == 1 || !number.starts_with('0'));
            let expected = plain.then(|| (prefix, number.parse::<usize>().expect("digits")));
            prop_assert_eq!(super::split(&name), expected);
        }

        /// The index answers as a map from names to arguments, whatever
        /// the order of the names (in order, some skipped, out of order,
        /// other prefixes, leading zeros, taken names refused).
        #[test]
        fn the_index_answers_as_a_map(
            names in proptest::collection::vec(("[ab]", 0usize..3000, any::<bool>()), 0..60),
        ) {
            let mut index = super::NameIndex::default();
            let mut map = std::collections::HashMap::new();
            for (id, (prefix, k, zero)) in names.iter().enumerate() {
                let name = format!("{prefix}{}{k}", if *zero { "0" } else { "" });
                let fresh = !map.contains_key(&name);
                prop_assert_eq!(index.insert(&name, id as u32), fresh, "{}", name);
                map.entry(name).or_insert(id as u32);
                for (name, &id) in &map {
                    prop_assert_eq!(index.get(name), Some(id), "{}", name);
                }
            }
            for k in 0..3000 {
                for name in [format!("a{k}"), format!("b{k}"), format!("a0{k}")] {
                    prop_assert_eq!(index.get(&name), map.get(&name).copied(), "{}", name);
                }
            }
        }

        /// The names come back as they were pushed, whatever their order
        /// (a run, then anything), and two lists are equal exactly when
        /// their names are (one name of the second changed, or none).
        #[test]
        fn names_come_back_as_pushed(
            (first, run) in (0usize..3, 0usize..8),
            rest in proptest::collection::vec(name(), 0..12),
            change in proptest::option::of((0usize..20, name())),
        ) {
            let names: Vec<String> =
                (first..first + run).map(|k| format!("a{k}")).chain(rest).collect();
            let mut other = names.clone();
            if let Some((i, name)) = change
                && i < other.len()
            {
                other[i] = name;
            }
            let mut lists = Vec::new();
            for names in [&names, &other] {
                let mut list = super::Names::default();
                for name in names {
                    list.push(name);
                }
                prop_assert_eq!(list.len(), names.len());
                for (i, name) in names.iter().enumerate() {
                    prop_assert_eq!(&list.get(i), name);
                }
                lists.push(list);
            }
            prop_assert_eq!(lists[0] == lists[1], names == other);
        }

        /// Names in order, as large files give them, then any other.
        #[test]
        fn a_run_of_names_then_any_other(
            first in 0usize..5,
            len in 0usize..50,
            extra in proptest::collection::vec(0usize..80, 0..5),
        ) {
            let mut index = super::NameIndex::default();
            let mut map = std::collections::HashMap::new();
            let ks = (first..first + len).chain(extra);
            for (id, k) in ks.enumerate() {
                let name = format!("a{k}");
                let fresh = !map.contains_key(&name);
                prop_assert_eq!(index.insert(&name, id as u32), fresh, "{}", name);
                map.entry(name).or_insert(id as u32);
            }
            for k in 0..100 {
                let name = format!("a{k}");
                prop_assert_eq!(index.get(&name), map.get(&name).copied(), "{}", name);
            }
        }
    }
}
