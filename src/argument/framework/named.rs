//! Naming arguments in bulk, as the TGF reader does.
//!
//! A reader names the arguments one after the other, then lists the
//! attacks between them. Adding each named argument to a framework grows
//! its lists of attackers and targets (32 bytes each, an argument) one
//! argument at a time, doubling and copying as they go, only for the bulk
//! build to write over them once the attacks are known. So the reader
//! keeps the names and their index here, and the framework is made once,
//! from the names and the attacks, each list written once (as
//! [`with_attacks`](Framework::with_attacks) does for numbered arguments).

use super::{DEFAULT_WEIGHT, Framework};
use crate::argument::names::{NameIndex, Names};

/// Named arguments, numbered from 0 in the order they were added, and
/// their index.
#[derive(Debug, Default)]
pub(crate) struct Named {
    names: Names,
    index: NameIndex,
}

impl Named {
    /// Adds an argument with this name, which the caller has checked (see
    /// [`Framework::valid_name`]); `None` if the name is taken.
    pub(crate) fn push(&mut self, name: &str) -> Option<u32> {
        let id = self.names.len() as u32;
        self.index.insert(name, id).then_some(())?;
        self.names.push(name);
        Some(id)
    }

    /// The argument with this name.
    pub(crate) fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name)
    }

    /// The prefix of the names made of a prefix and a number, as the index
    /// keeps them (`a` for `a1` … `a1000000`). See
    /// [`numbered`](Named::numbered).
    pub(crate) fn prefix(&self) -> Option<&str> {
        self.index.prefix()
    }

    /// The argument named [`prefix`](Named::prefix) + `k` (`k` written
    /// without leading zeros), looked up without the name: what
    /// [`get`](Named::get) answers when this answers, though a `None`
    /// here says nothing.
    pub(crate) fn numbered(&self, k: u32) -> Option<u32> {
        self.index.numbered(k as usize)
    }

    /// The framework of these arguments and these attacks (0-based, in
    /// range, repeats kept once): the one that adding the arguments, then
    /// the attacks, to [`Framework::new`] one at a time gives.
    pub(crate) fn into_framework(self, attacks: &[(u32, u32)]) -> Framework {
        let n = self.names.len();
        // `set_attacks` makes the lists, once; the weights say how many.
        let mut af = Framework {
            // A framework has names from its first named argument on.
            names: (n > 0).then_some(self.names),
            index: self.index,
            weights: vec![DEFAULT_WEIGHT; n],
            ..Framework::default()
        };
        af.set_attacks(attacks);
        af
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::Named;
    use crate::argument::{Argument, Framework};

    proptest! {
        /// Naming in bulk makes the framework that adding the arguments and
        /// the attacks one at a time makes, and refuses the same names.
        #[test]
        fn naming_in_bulk_is_adding_one_at_a_time(
            names in proptest::collection::vec("[ab]?[0-9]{1,3}", 0..30),
            attacks in proptest::collection::vec((0u32..30, 0u32..30), 0..60),
        ) {
            let (mut named, mut expected) = (Named::default(), Framework::new());
            for name in &names {
                let pushed = named.push(name);
                prop_assert_eq!(pushed, expected.add_argument(name.as_str()).ok().map(|a| a.0));
            }
            let n = expected.len() as u32;
            let attacks: Vec<(u32, u32)> =
                attacks.into_iter().filter(|&(a, b)| a < n && b < n).collect();
            for &(a, b) in &attacks {
                expected.add_attack(Argument(a), Argument(b)).expect("in range");
            }
            for name in &names {
                prop_assert_eq!(named.get(name), expected.argument(name).map(|a| a.0));
            }
            let af = named.into_framework(&attacks);
            prop_assert_eq!(af.attack_count(), expected.attack_count());
            for name in &names {
                prop_assert_eq!(af.argument(name), expected.argument(name));
            }
            prop_assert_eq!(af, expected);
        }
    }
}
