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

use std::collections::HashMap;

/// No argument at this number.
const NONE: u32 = u32::MAX;

/// Names to argument indices.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameIndex {
    /// The prefix of the numbered names in `dense`, fixed by the first
    /// numbered name inserted.
    prefix: Option<String>,
    /// `dense[k]`: the argument named prefix + k, or [`NONE`].
    dense: Vec<u32>,
    /// Every other name.
    other: HashMap<String, u32>,
    /// How many names there are.
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

impl NameIndex {
    /// The argument with this name.
    pub(crate) fn get(&self, name: &str) -> Option<u32> {
        if let Some((prefix, k)) = split(name)
            && self.prefix.as_deref() == Some(prefix)
            && let Some(&i) = self.dense.get(k)
            && i != NONE
        {
            return Some(i);
        }
        self.other.get(name).copied()
    }

    /// Adds `name` for argument `id`; `false` (and no change) if the name
    /// is taken.
    pub(crate) fn insert(&mut self, name: &str, id: u32) -> bool {
        if self.get(name).is_some() {
            return false;
        }
        self.len += 1;
        if let Some((prefix, k)) = split(name) {
            let prefix = self.prefix.get_or_insert_with(|| prefix.to_owned()) == prefix;
            // A dense table at most a few times the names it holds.
            if prefix && k < 4 * self.len + 1024 {
                if k >= self.dense.len() {
                    self.dense.resize(k + 1, NONE);
                }
                self.dense[k] = id;
                return true;
            }
        }
        self.other.insert(name.to_owned(), id);
        true
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

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
    }
}
