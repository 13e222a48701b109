//! Every semantics against brute-force enumeration of subsets, on random
//! frameworks of up to 10 arguments.

use historiograph::{Acceptance, Argument, Framework, Semantics};
use proptest::prelude::*;

/// A framework as (number of arguments, attacks), self-attacks included.
fn frameworks(max: usize) -> impl Strategy<Value = (usize, Vec<(usize, usize)>)> {
    (1..=max).prop_flat_map(|n| {
        let attacks = proptest::collection::vec((0..n, 0..n), 0..=(n * n).min(3 * n));
        (Just(n), attacks)
    })
}

fn build(n: usize, attacks: &[(usize, usize)]) -> Framework {
    let mut af = Framework::with_arguments(n);
    for &(a, b) in attacks {
        af.add_attack(Argument::new(a as u32), Argument::new(b as u32))
            .expect("in range");
    }
    af
}

/// The brute-force oracle: sets are bit masks over n ≤ 16 arguments.
struct Oracle {
    n: usize,
    /// attackers[a]: mask of the arguments attacking a.
    attackers: Vec<u32>,
}

impl Oracle {
    fn new(n: usize, attacks: &[(usize, usize)]) -> Oracle {
        let mut attackers = vec![0u32; n];
        for &(a, b) in attacks {
            attackers[b] |= 1 << a;
        }
        Oracle { n, attackers }
    }
    fn attacked(&self, set: u32) -> u32 {
        (0..self.n)
            .filter(|&a| self.attackers[a] & set != 0)
            .fold(0, |m, a| m | 1 << a)
    }
    fn conflict_free(&self, set: u32) -> bool {
        self.attacked(set) & set == 0
    }
    fn defended(&self, set: u32) -> u32 {
        let out = self.attacked(set);
        (0..self.n)
            .filter(|&a| self.attackers[a] & !out == 0)
            .fold(0, |m, a| m | 1 << a)
    }
    fn admissible(&self, set: u32) -> bool {
        self.conflict_free(set) && set & !self.defended(set) == 0
    }
    fn complete(&self, set: u32) -> bool {
        self.admissible(set) && self.defended(set) == set
    }
    fn stable(&self, set: u32) -> bool {
        let all = (1u32 << self.n) - 1;
        self.conflict_free(set) && set | self.attacked(set) == all
    }
    fn range(&self, set: u32) -> u32 {
        set | self.attacked(set)
    }
    fn grounded(&self) -> u32 {
        let mut set = 0;
        loop {
            let next = self.defended(set);
            if next == set {
                return set;
            }
            set = next;
        }
    }
    /// The ideal extension by its definition (Dung, Mancarella and Toni
    /// 2007): the ⊆-largest admissible set inside every preferred
    /// extension. The largest exists and is unique; the oracle checks that.
    fn ideal(&self, complete: &[u32]) -> u32 {
        let preferred = self.maximal(complete, |s| s);
        let common = preferred.iter().fold((1u32 << self.n) - 1, |m, &p| m & p);
        let inside: Vec<u32> = (0..1u32 << self.n)
            .filter(|&s| self.admissible(s) && s & !common == 0)
            .collect();
        let largest = self.maximal(&inside, |s| s);
        assert_eq!(largest.len(), 1, "one largest admissible set in {common:b}");
        largest[0]
    }
    fn maximal(&self, candidates: &[u32], measure: impl Fn(u32) -> u32) -> Vec<u32> {
        candidates
            .iter()
            .copied()
            .filter(|&s| {
                !candidates
                    .iter()
                    .any(|&t| measure(s) & !measure(t) == 0 && measure(s) != measure(t))
            })
            .collect()
    }
    fn extensions(&self, semantics: Semantics) -> Vec<u32> {
        let all: Vec<u32> = (0..1u32 << self.n).collect();
        let complete: Vec<u32> = all.iter().copied().filter(|&s| self.complete(s)).collect();
        let cf: Vec<u32> = all
            .iter()
            .copied()
            .filter(|&s| self.conflict_free(s))
            .collect();
        let mut out = match semantics {
            Semantics::Grounded => vec![self.grounded()],
            Semantics::Complete => complete,
            Semantics::Preferred => self.maximal(&complete, |s| s),
            Semantics::Stable => all.into_iter().filter(|&s| self.stable(s)).collect(),
            Semantics::SemiStable => self.maximal(&complete, |s| self.range(s)),
            Semantics::Stage => self.maximal(&cf, |s| self.range(s)),
            Semantics::Ideal => vec![self.ideal(&complete)],
            other => panic!("{other}: a new semantics needs its brute force here"),
        };
        out.sort_unstable();
        out
    }
}

fn mask(extension: &[Argument]) -> u32 {
    extension.iter().fold(0, |m, a| m | 1 << a.index())
}

fn config() -> ProptestConfig {
    ProptestConfig::with_cases(300)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn extensions_match_brute_force((n, attacks) in frameworks(10)) {
        let af = build(n, &attacks);
        let oracle = Oracle::new(n, &attacks);
        for semantics in Semantics::ALL {
            let expected = oracle.extensions(semantics);
            let mut found: Vec<u32> = af.extensions(semantics).map(|e| mask(&e)).collect();
            let count = found.len();
            found.sort_unstable();
            found.dedup();
            prop_assert_eq!(count, found.len(), "{} repeated an extension", semantics);
            prop_assert_eq!(&found, &expected, "{}", semantics);
            match af.extension(semantics) {
                Some(one) => prop_assert!(expected.contains(&mask(&one)), "{}", semantics),
                None => prop_assert!(expected.is_empty(), "{}", semantics),
            }
        }
    }

    #[test]
    fn acceptance_matches_brute_force((n, attacks) in frameworks(9)) {
        let af = build(n, &attacks);
        let oracle = Oracle::new(n, &attacks);
        for semantics in Semantics::ALL {
            let expected = oracle.extensions(semantics);
            for (a, &answer) in af.acceptance_of_all(semantics).iter().enumerate() {
                prop_assert_eq!(
                    answer,
                    (
                        expected.iter().any(|&e| e & 1 << a != 0),
                        expected.iter().all(|&e| e & 1 << a != 0)
                    ),
                    "acceptance_of_all {} {}", semantics, a
                );
            }
            for a in 0..n {
                let argument = Argument::new(a as u32);
                let credulous = af.credulous(semantics, argument).expect("in range");
                let sceptical = af.sceptical(semantics, argument).expect("in range");
                prop_assert_eq!(
                    credulous.is_accepted(),
                    expected.iter().any(|&e| e & 1 << a != 0),
                    "credulous {} {}", semantics, a
                );
                prop_assert_eq!(
                    sceptical.is_accepted(),
                    expected.iter().all(|&e| e & 1 << a != 0),
                    "sceptical {} {}", semantics, a
                );
                // Certificates are extensions that prove the answer.
                if credulous.is_accepted() {
                    let c = mask(credulous.certificate().expect("a certificate"));
                    prop_assert!(expected.contains(&c) && c & 1 << a != 0, "credulous certificate {} {}", semantics, a);
                }
                if !sceptical.is_accepted() {
                    let c = mask(sceptical.certificate().expect("a certificate"));
                    prop_assert!(expected.contains(&c) && c & 1 << a == 0, "sceptical certificate {} {}", semantics, a);
                }
            }
        }
    }

    #[test]
    fn labellings_and_inclusions((n, attacks) in frameworks(10)) {
        let af = build(n, &attacks);
        let oracle = Oracle::new(n, &attacks);
        let grounded = oracle.grounded();
        let complete = oracle.extensions(Semantics::Complete);
        let preferred = oracle.extensions(Semantics::Preferred);
        // The grounded extension is in every complete one; stable ⊆ preferred ⊆ complete.
        for &c in &complete {
            prop_assert_eq!(grounded & !c, 0);
        }
        for s in af.extensions(Semantics::Stable) {
            prop_assert!(preferred.contains(&mask(&s)));
        }
        for p in af.extensions(Semantics::Preferred) {
            prop_assert!(complete.contains(&mask(&p)));
        }
        // Labellings: in = the extension, out = what it attacks, undecided = the rest.
        for semantics in Semantics::ALL {
            for labelling in af.labellings(semantics) {
                let inside = mask(&labelling.in_arguments());
                let out = oracle.attacked(inside);
                for a in 0..n {
                    let expected = if inside & 1 << a != 0 {
                        Acceptance::In
                    } else if out & 1 << a != 0 {
                        Acceptance::Out
                    } else {
                        Acceptance::Undecided
                    };
                    prop_assert_eq!(labelling.label(Argument::new(a as u32)), Some(expected));
                }
            }
        }
        // The grounded labelling's in-set is the grounded extension.
        prop_assert_eq!(mask(&af.grounded().in_arguments()), grounded);
        // The checks agree with the oracle on every subset.
        for set in 0..1u32 << n {
            let members: Vec<Argument> = (0..n).filter(|&a| set & 1 << a != 0).map(|a| Argument::new(a as u32)).collect();
            prop_assert_eq!(af.is_conflict_free(&members).expect("in range"), oracle.conflict_free(set));
            prop_assert_eq!(af.is_admissible(&members).expect("in range"), oracle.admissible(set));
            prop_assert_eq!(af.is_complete(&members).expect("in range"), oracle.complete(set));
            prop_assert_eq!(af.is_stable(&members).expect("in range"), oracle.stable(set));
        }
    }
}

/// Every framework of up to four arguments (self-attacks included): the
/// ideal extension, credulous and sceptical acceptance under it, against
/// its definition.
#[test]
fn ideal_on_every_small_framework() {
    for n in 1..=4usize {
        let pairs: Vec<(usize, usize)> = (0..n).flat_map(|a| (0..n).map(move |b| (a, b))).collect();
        for chosen in 0..1u32 << pairs.len() {
            let attacks: Vec<(usize, usize)> = pairs
                .iter()
                .enumerate()
                .filter(|(i, _)| chosen & 1 << i != 0)
                .map(|(_, &p)| p)
                .collect();
            let af = build(n, &attacks);
            let expected = Oracle::new(n, &attacks).extensions(Semantics::Ideal)[0];
            let found = af.extension(Semantics::Ideal).expect("always one");
            assert_eq!(mask(&found), expected, "{n} arguments, attacks {attacks:?}");
            for (a, &(credulous, sceptical)) in
                af.acceptance_of_all(Semantics::Ideal).iter().enumerate()
            {
                let inside = expected & 1 << a != 0;
                assert_eq!(
                    (credulous, sceptical),
                    (inside, inside),
                    "{a} in {attacks:?}"
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(config())]

    /// Directionality (Baroni and Giacomin 2007), which the corpus's
    /// weighing relies on for grounded, complete, preferred and ideal
    /// semantics: on a set U closed under attackers, the extensions of the
    /// framework restricted to U are the extensions of the whole framework
    /// cut down to U.
    #[test]
    fn directional_semantics_are_directional((n, attacks) in frameworks(9), seed in any::<u32>()) {
        let oracle = Oracle::new(n, &attacks);
        // U: the seed's arguments and everything that can reach them.
        let mut closed = seed & ((1u32 << n) - 1);
        loop {
            let grown = (0..n).filter(|&a| closed & 1 << a != 0).fold(closed, |m, a| m | oracle.attackers[a]);
            if grown == closed {
                break;
            }
            closed = grown;
        }
        let kept: Vec<usize> = (0..n).filter(|&a| closed & 1 << a != 0).collect();
        prop_assume!(!kept.is_empty());
        let local = |a: usize| kept.iter().position(|&k| k == a);
        let restricted_attacks: Vec<(usize, usize)> = attacks
            .iter()
            .filter_map(|&(a, b)| Some((local(a)?, local(b)?)))
            .collect();
        let restricted = build(kept.len(), &restricted_attacks);
        let widen = |m: u32| (0..kept.len()).filter(|&i| m & 1 << i != 0).fold(0, |w, i| w | 1 << kept[i]);
        for semantics in [Semantics::Grounded, Semantics::Complete, Semantics::Preferred, Semantics::Ideal] {
            let mut cut: Vec<u32> = oracle.extensions(semantics).iter().map(|e| e & closed).collect();
            cut.sort_unstable();
            cut.dedup();
            let mut own: Vec<u32> = restricted.extensions(semantics).map(|e| widen(mask(&e))).collect();
            own.sort_unstable();
            prop_assert_eq!(cut, own, "{}", semantics);
        }
    }
}

/// A framework shaped as a DAG of small strongly connected blocks, as the
/// SCC-recursive preferred solver sees it: `blocks` blocks of 1 to `size`
/// arguments, each a cycle plus random attacks inside it (self-attacks
/// included), random attacks from earlier blocks to later ones, and the
/// arguments renumbered at random so the order of the components is not
/// the order of the numbers.
fn block_frameworks(
    blocks: usize,
    size: usize,
) -> impl Strategy<Value = (usize, Vec<(usize, usize)>)> {
    proptest::collection::vec(1..=size, 1..=blocks).prop_flat_map(|sizes| {
        let n: usize = sizes.iter().sum();
        let mut start = Vec::new();
        let mut next = 0;
        for &s in &sizes {
            start.push(next);
            next += s;
        }
        let block_of: Vec<usize> = sizes
            .iter()
            .enumerate()
            .flat_map(|(b, &s)| std::iter::repeat_n(b, s))
            .collect();
        let inside = proptest::collection::vec((0..n, 0..n), 0..=n);
        let across = proptest::collection::vec((0..n, 0..n), 0..=2 * n);
        let order = Just((0..n).collect::<Vec<usize>>()).prop_shuffle();
        (inside, across, order).prop_map(move |(inside, across, order)| {
            let mut attacks = Vec::new();
            for (b, &s) in sizes.iter().enumerate() {
                if s > 1 {
                    for i in 0..s {
                        attacks.push((start[b] + i, start[b] + (i + 1) % s));
                    }
                }
            }
            for (a, c) in inside {
                if block_of[a] == block_of[c] {
                    attacks.push((a, c));
                }
            }
            for (a, c) in across {
                if block_of[a] < block_of[c] {
                    attacks.push((a, c));
                }
            }
            let renamed = attacks.iter().map(|&(a, c)| (order[a], order[c])).collect();
            (n, renamed)
        })
    })
}

/// The preferred answers one framework gives: one extension, and
/// credulous and sceptical acceptance of every argument with its
/// certificate, checked against the preferred extensions `expected`.
fn check_preferred(af: &Framework, expected: &[u32]) -> Result<(), TestCaseError> {
    let one = af.extension(Semantics::Preferred).expect("always one");
    prop_assert!(expected.contains(&mask(&one)), "extension {:?}", one);
    for a in 0..af.len() {
        let argument = Argument::new(a as u32);
        let credulous = af
            .credulous(Semantics::Preferred, argument)
            .expect("in range");
        let sceptical = af
            .sceptical(Semantics::Preferred, argument)
            .expect("in range");
        prop_assert_eq!(
            credulous.is_accepted(),
            expected.iter().any(|&e| e & 1 << a != 0),
            "credulous {}",
            a
        );
        prop_assert_eq!(
            sceptical.is_accepted(),
            expected.iter().all(|&e| e & 1 << a != 0),
            "sceptical {}",
            a
        );
        if credulous.is_accepted() {
            let c = mask(credulous.certificate().expect("a certificate"));
            prop_assert!(
                expected.contains(&c) && c & 1 << a != 0,
                "credulous certificate {}",
                a
            );
        }
        if !sceptical.is_accepted() {
            let c = mask(sceptical.certificate().expect("a certificate"));
            prop_assert!(
                expected.contains(&c) && c & 1 << a == 0,
                "sceptical certificate {}",
                a
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Preferred semantics on DAGs of small SCCs (the SCC-recursive solver)
    /// against brute force, up to 12 arguments.
    #[test]
    fn preferred_on_small_sccs_matches_brute_force((n, attacks) in block_frameworks(4, 3)) {
        let af = build(n, &attacks);
        let expected = Oracle::new(n, &attacks).extensions(Semantics::Preferred);
        check_preferred(&af, &expected)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// On larger DAGs of SCCs (up to 28 arguments, beyond brute force), the
    /// SCC-recursive answers against the enumeration of every preferred
    /// extension, which runs one SAT solver on the whole core.
    #[test]
    fn preferred_on_sccs_matches_enumeration((n, attacks) in block_frameworks(7, 4)) {
        let af = build(n, &attacks);
        let mut expected: Vec<u32> = af.extensions(Semantics::Preferred).take(5_000).map(|e| mask(&e)).collect();
        prop_assume!(expected.len() < 5_000);
        expected.sort_unstable();
        check_preferred(&af, &expected)?;
    }
}
