//! Abstract argumentation frameworks (Dung 1995), with supports and base
//! weights for bipolar and gradual semantics.

use std::fmt;

use smallvec::SmallVec;

use super::names::{NameIndex, Names};
use crate::error::{Error, Result};

mod build;
mod named;
pub(crate) use named::Named;

/// An argument of a [`Framework`]: its 0-based position.
///
/// In the ICCMA formats arguments are numbered from 1; [`Argument::number`]
/// gives that number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Argument(pub(crate) u32);

impl Argument {
    /// The argument at 0-based position `index`.
    pub fn new(index: u32) -> Argument {
        Argument(index)
    }

    /// The 0-based position.
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The 1-based number used by the ICCMA formats.
    pub fn number(self) -> u64 {
        u64::from(self.0) + 1
    }
}

impl fmt::Display for Argument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.number())
    }
}

/// An abstract argumentation framework: arguments and the attacks between
/// them, with optional supports (a bipolar framework) and base weights in
/// \[0, 1\] (a weighted framework, for [gradual semantics](crate::Gradual)).
///
/// Arguments are numbered from 0 as they are added; they may carry names
/// (APX and TGF files name them; ICCMA files number them). Self-attacks are
/// allowed; an attack or support added twice is kept once.
///
/// ```
/// use historiograph::{Framework, Semantics};
///
/// let mut af = Framework::with_arguments(3);
/// let [a, b, c] = [0, 1, 2].map(historiograph::Argument::new);
/// af.add_attack(a, b)?;
/// af.add_attack(b, c)?;
/// assert_eq!(af.extension(Semantics::Grounded), Some(vec![a, c]));
/// # Ok::<(), historiograph::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Framework {
    names: Option<Names>,
    /// Determined by `names`, so equality leaves it out.
    index: NameIndex,
    attackers: Vec<Adjacency>,
    targets: Vec<Adjacency>,
    /// Empty until the first support is added, then one list per
    /// argument: most frameworks have no supports, and these lists would
    /// be half of a large framework's memory.
    supporters: Vec<Adjacency>,
    /// Empty or one list per argument, as `supporters`.
    supported: Vec<Adjacency>,
    weights: Vec<f64>,
    attacks: usize,
    supports: usize,
}

impl PartialEq for Framework {
    fn eq(&self, other: &Framework) -> bool {
        self.names == other.names
            && self.attackers == other.attackers
            && self.targets == other.targets
            && self.supporters == other.supporters
            && self.supported == other.supported
            && self.weights == other.weights
            && self.attacks == other.attacks
            && self.supports == other.supports
    }
}

/// One argument's attackers, targets, supporters or supported arguments.
/// Up to six are kept inline, in the list of lists itself (32 bytes a
/// list): most arguments of large frameworks have a few, and reading or
/// building a framework then touches one place per argument instead of
/// two, with no allocation to make or free (at 3 attacks per argument,
/// one list in 30 has more than six; measured in BENCHMARKS.md, "Reading
/// at speed").
pub(crate) type Adjacency = SmallVec<[u32; 6]>;

/// The base weight of an argument no one set a weight for.
pub const DEFAULT_WEIGHT: f64 = 0.5;

impl Framework {
    /// The most arguments a file may declare: 2^25 (33,554,432), about
    /// 3.5 GB of framework. A reader refuses a header that declares more,
    /// rather than reserve memory the file never fills.
    pub const MAX_DECLARED_ARGUMENTS: usize = 1 << 25;

    /// An empty framework.
    pub fn new() -> Framework {
        Framework::default()
    }

    /// A framework of `n` unnamed arguments and no attacks. Unnamed
    /// arguments are known by their 1-based numbers.
    pub fn with_arguments(n: usize) -> Framework {
        let mut af = Framework::new();
        af.grow(n);
        af
    }

    fn grow(&mut self, n: usize) {
        self.attackers.resize_with(n, Adjacency::new);
        self.targets.resize_with(n, Adjacency::new);
        if self.has_support_lists() {
            self.grow_support_lists();
        }
        self.weights.resize(n, DEFAULT_WEIGHT);
    }

    /// Whether the supporters' lists exist (they do from the first support).
    fn has_support_lists(&self) -> bool {
        !self.supported.is_empty()
    }

    /// Makes one supporters' list and one supported list per argument.
    fn grow_support_lists(&mut self) {
        let n = self.len();
        self.supporters.resize_with(n, Adjacency::new);
        self.supported.resize_with(n, Adjacency::new);
    }

    /// Adds an argument named `name`.
    ///
    /// # Errors
    /// [`Error::InvalidArgumentName`] for an empty name or one with white
    /// space or control characters (so that every format can write it);
    /// [`Error::DuplicateArgument`] if another argument has that name
    /// (unnamed arguments are named by their 1-based numbers).
    pub fn add_argument(&mut self, name: impl Into<String>) -> Result<Argument> {
        let name = name.into();
        if !Framework::valid_name(&name) {
            return Err(Error::InvalidArgumentName { argument: name });
        }
        self.push_argument(&name)
            .ok_or(Error::DuplicateArgument { argument: name })
    }

    /// Whether [`add_argument`](Framework::add_argument) takes this name:
    /// not empty, and no white space or control characters.
    pub(crate) fn valid_name(name: &str) -> bool {
        !name.is_empty() && !name.chars().any(|c| c.is_whitespace() || c.is_control())
    }

    /// Adds an argument whose name the caller has checked; `None` if the
    /// name is taken.
    pub(crate) fn push_argument(&mut self, name: &str) -> Option<Argument> {
        let id = Argument(self.len() as u32);
        self.names_mut();
        if !self.index.insert(name, id.0) {
            return None;
        }
        if let Some(names) = self.names.as_mut() {
            names.push(name);
        }
        self.grow(id.index() + 1);
        Some(id)
    }

    /// The names, created from the numbers on first use.
    fn names_mut(&mut self) -> &mut Names {
        let n = self.len();
        let index = &mut self.index;
        self.names.get_or_insert_with(|| {
            let mut names = Names::default();
            for i in 0..n {
                let name = (i + 1).to_string();
                index.insert(&name, i as u32);
                names.push(&name);
            }
            names
        })
    }

    /// How many arguments there are.
    pub fn len(&self) -> usize {
        self.attackers.len()
    }

    /// Whether there are no arguments.
    pub fn is_empty(&self) -> bool {
        self.attackers.is_empty()
    }

    /// How many attacks there are.
    pub fn attack_count(&self) -> usize {
        self.attacks
    }

    /// How many supports there are.
    pub fn support_count(&self) -> usize {
        self.supports
    }

    /// All arguments, in order.
    pub fn arguments(&self) -> impl Iterator<Item = Argument> + use<> {
        (0..self.len() as u32).map(Argument)
    }

    /// The argument's name: the one it was added with, or its 1-based number.
    pub fn name(&self, argument: Argument) -> Option<String> {
        if argument.index() >= self.len() {
            return None;
        }
        Some(match &self.names {
            Some(names) => names.get(argument.index()),
            None => argument.number().to_string(),
        })
    }

    /// Whether arguments carry names of their own (else they are numbered).
    pub fn is_named(&self) -> bool {
        self.names.is_some()
    }

    /// The argument with this name (or, for unnamed arguments, this 1-based number).
    pub fn argument(&self, name: &str) -> Option<Argument> {
        match &self.names {
            Some(_) => self.index.get(name).map(Argument),
            None => {
                let number: usize = name.parse().ok()?;
                (number >= 1 && number <= self.len() && name == number.to_string())
                    .then(|| Argument(number as u32 - 1))
            }
        }
    }

    pub(crate) fn check(&self, argument: Argument) -> Result<usize> {
        if argument.index() < self.len() {
            Ok(argument.index())
        } else {
            Err(Error::UnknownArgument {
                argument: argument.number().to_string(),
            })
        }
    }

    /// Adds an attack from `attacker` on `target`; returns `false` if it was
    /// there already.
    ///
    /// # Errors
    /// [`Error::UnknownArgument`] if either is not in the framework.
    pub fn add_attack(&mut self, attacker: Argument, target: Argument) -> Result<bool> {
        let (a, t) = (self.check(attacker)?, self.check(target)?);
        if self.targets[a].contains(&target.0) {
            return Ok(false);
        }
        self.targets[a].push(target.0);
        self.attackers[t].push(attacker.0);
        self.attacks += 1;
        Ok(true)
    }

    /// Removes the attack; `false` if it was not there. The other attacks
    /// keep their order.
    ///
    /// # Errors
    /// [`Error::UnknownArgument`] if either argument is not in the framework.
    ///
    /// # Complexity
    /// O(attacks of the two arguments).
    pub fn remove_attack(&mut self, attacker: Argument, target: Argument) -> Result<bool> {
        let (a, b) = (self.check(attacker)?, self.check(target)?);
        let Some(i) = self.targets[a].iter().position(|&t| t as usize == b) else {
            return Ok(false);
        };
        self.targets[a].remove(i);
        if let Some(j) = self.attackers[b].iter().position(|&t| t as usize == a) {
            self.attackers[b].remove(j);
        }
        self.attacks -= 1;
        Ok(true)
    }

    /// Adds one argument with no name of its own (its number), to a
    /// framework whose arguments are unnamed.
    pub(crate) fn push_unnamed(&mut self) {
        debug_assert!(self.names.is_none());
        self.grow(self.len() + 1);
    }

    /// A framework of `n` unnamed arguments with these attacks (0-based,
    /// in range, repeats kept once; see
    /// [`set_attacks`](Framework::set_attacks)).
    pub(crate) fn with_attacks(n: usize, attacks: &[(u32, u32)]) -> Framework {
        // The weights say how many arguments there are; `set_attacks`
        // makes the lists, once.
        let mut af = Framework {
            weights: vec![DEFAULT_WEIGHT; n],
            ..Framework::default()
        };
        af.set_attacks(attacks);
        af
    }

    /// Adds a support from `supporter` to `target`; returns `false` if it was
    /// there already.
    ///
    /// # Errors
    /// [`Error::UnknownArgument`] if either is not in the framework.
    pub fn add_support(&mut self, supporter: Argument, target: Argument) -> Result<bool> {
        let (s, t) = (self.check(supporter)?, self.check(target)?);
        if !self.has_support_lists() {
            self.grow_support_lists();
        }
        if self.supported[s].contains(&target.0) {
            return Ok(false);
        }
        self.supported[s].push(target.0);
        self.supporters[t].push(supporter.0);
        self.supports += 1;
        Ok(true)
    }

    /// Sets an argument's base weight, in \[0, 1\] (default ½).
    ///
    /// # Errors
    /// [`Error::UnknownArgument`]; [`Error::InvalidOption`] for a weight
    /// outside \[0, 1\] or not finite.
    pub fn set_weight(&mut self, argument: Argument, weight: f64) -> Result<()> {
        let i = self.check(argument)?;
        if !(0.0..=1.0).contains(&weight) {
            return Err(Error::InvalidOption {
                option: "weight",
                reason: format!("{weight} for argument {argument} is not in [0, 1]"),
            });
        }
        self.weights[i] = weight;
        Ok(())
    }

    /// The argument's base weight.
    pub fn weight(&self, argument: Argument) -> Option<f64> {
        self.weights.get(argument.index()).copied()
    }

    /// The arguments that attack `argument`.
    pub fn attackers(&self, argument: Argument) -> impl Iterator<Item = Argument> + '_ {
        self.list(&self.attackers, argument)
    }

    /// The arguments `argument` attacks.
    pub fn targets(&self, argument: Argument) -> impl Iterator<Item = Argument> + '_ {
        self.list(&self.targets, argument)
    }

    /// The arguments that support `argument`.
    pub fn supporters(&self, argument: Argument) -> impl Iterator<Item = Argument> + '_ {
        self.list(&self.supporters, argument)
    }

    /// The arguments `argument` supports.
    pub fn supported(&self, argument: Argument) -> impl Iterator<Item = Argument> + '_ {
        self.list(&self.supported, argument)
    }

    fn list<'a>(
        &'a self,
        lists: &'a [Adjacency],
        argument: Argument,
    ) -> impl Iterator<Item = Argument> + 'a {
        lists
            .get(argument.index())
            .map(Adjacency::as_slice)
            .unwrap_or_default()
            .iter()
            .map(|&i| Argument(i))
    }

    /// Every attack, as (attacker, target), by attacker then in the order added.
    pub fn attacks(&self) -> impl Iterator<Item = (Argument, Argument)> + '_ {
        self.targets
            .iter()
            .enumerate()
            .flat_map(|(a, ts)| ts.iter().map(move |&t| (Argument(a as u32), Argument(t))))
    }

    /// Every support, as (supporter, target).
    pub fn supports(&self) -> impl Iterator<Item = (Argument, Argument)> + '_ {
        self.supported
            .iter()
            .enumerate()
            .flat_map(|(a, ts)| ts.iter().map(move |&t| (Argument(a as u32), Argument(t))))
    }

    pub(crate) fn attacker_lists(&self) -> &[Adjacency] {
        &self.attackers
    }

    pub(crate) fn target_lists(&self) -> &[Adjacency] {
        &self.targets
    }

    /// The supporters of the argument at `index` (in range).
    pub(crate) fn supporter_list(&self, index: usize) -> &[u32] {
        self.supporters.get(index).map_or(&[], Adjacency::as_slice)
    }

    pub(crate) fn weights(&self) -> &[f64] {
        &self.weights
    }

    /// A membership mask of `set`, or the first argument that is not in the framework.
    pub(crate) fn mask(&self, set: &[Argument]) -> Result<Vec<bool>> {
        let mut mask = vec![false; self.len()];
        for &a in set {
            mask[self.check(a)?] = true;
        }
        Ok(mask)
    }

    /// Whether no argument of `set` attacks another (or itself).
    ///
    /// # Errors
    /// [`Error::UnknownArgument`] for an argument not in the framework.
    ///
    /// # Complexity
    /// O(n + attacks out of `set`).
    pub fn is_conflict_free(&self, set: &[Argument]) -> Result<bool> {
        let mask = self.mask(set)?;
        Ok(self.conflict_free(&mask))
    }

    pub(crate) fn conflict_free(&self, mask: &[bool]) -> bool {
        (0..self.len())
            .filter(|&a| mask[a])
            .all(|a| self.targets[a].iter().all(|&t| !mask[t as usize]))
    }

    /// The arguments `set` attacks, as a mask.
    pub(crate) fn attacked_by(&self, mask: &[bool]) -> Vec<bool> {
        let mut out = vec![false; self.len()];
        for a in (0..self.len()).filter(|&a| mask[a]) {
            for &t in &self.targets[a] {
                out[t as usize] = true;
            }
        }
        out
    }

    /// Whether `set` is conflict-free and defends each of its members (every
    /// attacker of a member is attacked by `set`).
    ///
    /// # Errors
    /// [`Error::UnknownArgument`] for an argument not in the framework.
    ///
    /// # Complexity
    /// O(n + attacks).
    pub fn is_admissible(&self, set: &[Argument]) -> Result<bool> {
        let mask = self.mask(set)?;
        Ok(self.admissible(&mask))
    }

    pub(crate) fn admissible(&self, mask: &[bool]) -> bool {
        if !self.conflict_free(mask) {
            return false;
        }
        let out = self.attacked_by(mask);
        (0..self.len())
            .filter(|&a| mask[a])
            .all(|a| self.attackers[a].iter().all(|&b| out[b as usize]))
    }

    /// Whether `set` is admissible and contains every argument it defends.
    ///
    /// # Errors
    /// [`Error::UnknownArgument`] for an argument not in the framework.
    ///
    /// # Complexity
    /// O(n + attacks).
    pub fn is_complete(&self, set: &[Argument]) -> Result<bool> {
        let mask = self.mask(set)?;
        Ok(self.complete(&mask))
    }

    pub(crate) fn complete(&self, mask: &[bool]) -> bool {
        if !self.admissible(mask) {
            return false;
        }
        let out = self.attacked_by(mask);
        (0..self.len())
            .filter(|&a| !mask[a])
            .all(|a| !self.attackers[a].iter().all(|&b| out[b as usize]))
    }

    /// Whether `set` is conflict-free and attacks every argument outside it.
    ///
    /// # Errors
    /// [`Error::UnknownArgument`] for an argument not in the framework.
    ///
    /// # Complexity
    /// O(n + attacks).
    pub fn is_stable(&self, set: &[Argument]) -> Result<bool> {
        let mask = self.mask(set)?;
        Ok(self.stable(&mask))
    }

    pub(crate) fn stable(&self, mask: &[bool]) -> bool {
        if !self.conflict_free(mask) {
            return false;
        }
        let out = self.attacked_by(mask);
        (0..self.len()).all(|a| mask[a] || out[a])
    }
}
