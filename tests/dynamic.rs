//! The dynamic framework against solving from scratch: after every change
//! in a random sequence, its answers equal the static solver's on the
//! framework as it stands, and its certificates are extensions of it; on
//! longer sequences, some answers come from what was proved before a
//! change (the reuse the module docs derive), and those are checked too.

use historiograph::{Argument, DynamicFramework, Framework, Semantics};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Step {
    AddArgument,
    RemoveArgument(usize),
    AddAttack(usize, usize),
    RemoveAttack(usize),
    Ask { argument: usize, credulous: bool },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        2 => Just(Step::AddArgument),
        1 => any::<usize>().prop_map(Step::RemoveArgument),
        5 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Step::AddAttack(a, b)),
        2 => any::<usize>().prop_map(Step::RemoveAttack),
        4 => (any::<usize>(), any::<bool>()).prop_map(|(argument, credulous)| Step::Ask { argument, credulous }),
    ]
}

fn semantics() -> impl Strategy<Value = Semantics> {
    prop_oneof![
        Just(Semantics::Grounded),
        Just(Semantics::Complete),
        Just(Semantics::Preferred),
        Just(Semantics::Stable),
    ]
}

/// The framework as it stands, its live arguments renumbered in order, and
/// each live argument's new id.
fn from_scratch(dynamic: &DynamicFramework) -> (Framework, Vec<Option<Argument>>) {
    let all = dynamic.framework();
    let mut renamed = vec![None; all.len()];
    let live: Vec<Argument> = dynamic.arguments().collect();
    for (i, &a) in live.iter().enumerate() {
        renamed[a.index()] = Some(Argument::new(i as u32));
    }
    let mut af = Framework::with_arguments(live.len());
    for (a, b) in all.attacks() {
        let (Some(a), Some(b)) = (renamed[a.index()], renamed[b.index()]) else {
            panic!("an attack on a removed argument");
        };
        af.add_attack(a, b).expect("in range");
    }
    (af, renamed)
}

fn is_extension(af: &Framework, semantics: Semantics, set: &[Argument]) -> bool {
    match semantics {
        Semantics::Grounded => af.extension(Semantics::Grounded).as_deref() == Some(set),
        Semantics::Complete => af.is_complete(set).expect("in range"),
        Semantics::Stable => af.is_stable(set).expect("in range"),
        _ => af.extensions(Semantics::Preferred).any(|e| e == set),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn incremental_answers_equal_answers_from_scratch(
        semantics in semantics(),
        steps in proptest::collection::vec(step(), 1..60),
    ) {
        let mut dynamic = DynamicFramework::new(semantics).expect("answered");
        for step in steps {
            let live: Vec<Argument> = dynamic.arguments().collect();
            match step {
                Step::AddArgument if live.len() < 9 => {
                    dynamic.add_argument();
                }
                Step::RemoveArgument(i) if !live.is_empty() => {
                    dynamic.remove_argument(live[i % live.len()]).expect("there");
                }
                Step::AddAttack(i, j) if !live.is_empty() => {
                    dynamic.add_attack(live[i % live.len()], live[j % live.len()]).expect("there");
                }
                Step::RemoveAttack(k) => {
                    let attacks: Vec<_> = dynamic.framework().attacks().collect();
                    if !attacks.is_empty() {
                        let (a, b) = attacks[k % attacks.len()];
                        prop_assert!(dynamic.remove_attack(a, b).expect("there"));
                    }
                }
                Step::Ask { argument, credulous } if !live.is_empty() => {
                    let q = live[argument % live.len()];
                    let (af, renamed) = from_scratch(&dynamic);
                    let local = renamed[q.index()].expect("live");
                    let (got, want) = if credulous {
                        (dynamic.credulous(q).expect("there"), af.credulous(semantics, local).expect("in range"))
                    } else {
                        (dynamic.sceptical(q).expect("there"), af.sceptical(semantics, local).expect("in range"))
                    };
                    prop_assert_eq!(got.is_accepted(), want.is_accepted(), "{} {:?}", semantics, af.to_iccma());
                    if let Some(certificate) = got.certificate() {
                        let local: Vec<Argument> = certificate.iter().map(|a| renamed[a.index()].expect("live")).collect();
                        prop_assert!(is_extension(&af, semantics, &local), "{} certificate {:?} of {}", semantics, local, af.to_iccma());
                        // A certificate holds the argument exactly when it proves a yes.
                        prop_assert_eq!(local.contains(&renamed[q.index()].expect("live")), got.is_accepted());
                    }
                    // One extension, from both.
                    let one = dynamic.extension();
                    prop_assert_eq!(one.is_some(), af.extension(semantics).is_some());
                    if let Some(one) = one {
                        let local: Vec<Argument> = one.iter().map(|a| renamed[a.index()].expect("live")).collect();
                        prop_assert!(is_extension(&af, semantics, &local), "{} extension {:?} of {}", semantics, local, af.to_iccma());
                    }
                }
                _ => {}
            }
        }
    }
}

/// A framework and its solver can move to another thread (a server keeps
/// one per session), with either SAT backend.
#[test]
fn a_dynamic_framework_moves_between_threads() {
    fn send<T: Send>(value: T) -> T {
        value
    }
    let mut dynamic = send(DynamicFramework::new(Semantics::Stable).expect("answered"));
    let a = dynamic.add_argument();
    let b = dynamic.add_argument();
    dynamic.add_attack(a, b).expect("there");
    dynamic.add_attack(b, a).expect("there");
    // Both questions go to the solver: the grounded extension is empty.
    let (mut dynamic, credulous) = std::thread::spawn(move || {
        let answer = dynamic.credulous(a).expect("there").is_accepted();
        (dynamic, answer)
    })
    .join()
    .expect("no panic");
    assert!(credulous);
    assert!(!dynamic.sceptical(a).expect("there").is_accepted());
}

#[test]
fn removed_arguments_are_refused_and_semi_stable_is_not_answered() {
    let mut dynamic = DynamicFramework::new(Semantics::Stable).expect("answered");
    let a = dynamic.add_argument();
    dynamic.remove_argument(a).expect("there");
    assert!(dynamic.is_removed(a));
    assert!(dynamic.credulous(a).is_err());
    assert!(dynamic.add_attack(a, a).is_err());
    assert!(DynamicFramework::new(Semantics::SemiStable).is_err());
}

/// SplitMix64, seeded.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % n as u64) as usize
    }
}

/// Checks one answer (and its certificate) against the static solver.
fn agrees(dynamic: &mut DynamicFramework, q: Argument, credulous: bool) -> Result<(), String> {
    let semantics = dynamic.semantics();
    let (af, renamed) = from_scratch(dynamic);
    let local = renamed[q.index()].expect("live");
    let (got, want) = if credulous {
        (dynamic.credulous(q), af.credulous(semantics, local))
    } else {
        (dynamic.sceptical(q), af.sceptical(semantics, local))
    };
    let (got, want) = (got.expect("there"), want.expect("in range"));
    if got.is_accepted() != want.is_accepted() {
        return Err(format!("{semantics} {q:?} credulous {credulous}: {got:?}"));
    }
    if let Some(certificate) = got.certificate() {
        let set: Vec<Argument> = certificate
            .iter()
            .map(|a| renamed[a.index()].expect("live"))
            .collect();
        if !is_extension(&af, semantics, &set) || set.contains(&local) != got.is_accepted() {
            return Err(format!("{semantics} certificate {set:?}"));
        }
    }
    Ok(())
}

/// A seeded sequence of changes, each followed by questions checked
/// against the static solver.
struct Replay {
    seed: u64,
    /// Arguments, and random attacks among them, before the first change.
    arguments: usize,
    attacks: usize,
    changes: usize,
    /// A roll below 10 under `mix[0]` adds an attack, under `mix[1]`
    /// removes one, under `mix[2]` adds an argument; otherwise an argument
    /// is removed.
    mix: [usize; 3],
    questions: usize,
    /// Whether a question is credulous, from a roll below `.0`.
    credulous: (usize, fn(usize) -> bool),
}

impl Replay {
    /// Replays the sequence; panics on the first answer that differs from
    /// the static solver's.
    fn run(&self, semantics: Semantics) -> historiograph::DynamicStatistics {
        let mut rng = Rng(self.seed);
        let n = self.arguments;
        let mut af = Framework::with_arguments(n);
        for _ in 0..self.attacks {
            let (a, b) = (rng.below(n), rng.below(n));
            af.add_attack(Argument::new(a as u32), Argument::new(b as u32))
                .expect("in range");
        }
        let mut dynamic = DynamicFramework::from_framework(&af, semantics).expect("answered");
        for _ in 0..self.changes {
            let live: Vec<Argument> = dynamic.arguments().collect();
            let pick = |rng: &mut Rng| live[rng.below(live.len())];
            let roll = rng.below(10);
            if roll < self.mix[0] {
                let (a, b) = (pick(&mut rng), pick(&mut rng));
                dynamic.add_attack(a, b).expect("there");
            } else if roll < self.mix[1] {
                let attacks: Vec<_> = dynamic.framework().attacks().collect();
                if !attacks.is_empty() {
                    let (a, b) = attacks[rng.below(attacks.len())];
                    assert!(dynamic.remove_attack(a, b).expect("there"));
                }
            } else if roll < self.mix[2] {
                dynamic.add_argument();
            } else {
                dynamic.remove_argument(pick(&mut rng)).expect("there");
            }
            for _ in 0..self.questions {
                let live: Vec<Argument> = dynamic.arguments().collect();
                let q = live[rng.below(live.len())];
                let (odds, credulous) = self.credulous;
                if let Err(message) = agrees(&mut dynamic, q, credulous(rng.below(odds))) {
                    panic!("seed {}: {message}", self.seed);
                }
            }
        }
        dynamic.statistics()
    }
}

/// Longer seeded sequences on 150 arguments, two attacks each: most
/// changes are far from what decides the next question, so facts and
/// witnesses proved before a change answer some questions with no solve
/// (`kept`); every answer still equals the static solver's.
#[test]
fn answers_kept_across_changes_equal_answers_from_scratch() {
    for semantics in [Semantics::Complete, Semantics::Preferred, Semantics::Stable] {
        let mut kept = 0;
        for seed in 0..4 {
            let statistics = Replay {
                seed,
                arguments: 150,
                attacks: 300,
                changes: 200,
                mix: [4, 8, 9],
                questions: 1,
                credulous: (2, |roll| roll == 0),
            }
            .run(semantics);
            assert_eq!(statistics.questions(), 200);
            kept += statistics.kept();
        }
        assert!(kept > 0, "{semantics}: no answer came from before a change");
    }
}

/// Witnesses a change broke and that were repaired (the largest admissible
/// set within, grown again to a complete extension) answer some questions
/// with no solve, and those answers equal the static solver's: on 60
/// arguments with a few attacks each, changes often break a witness far
/// from the next question (and no argument is removed). Several questions
/// per change: witnesses answer most.
#[test]
fn answers_from_repaired_witnesses_equal_answers_from_scratch() {
    for semantics in [Semantics::Complete, Semantics::Preferred] {
        let mut repaired = 0;
        for seed in 0..6 {
            repaired += Replay {
                seed: 100 + seed,
                arguments: 60,
                attacks: 90,
                changes: 150,
                mix: [5, 9, 10],
                questions: 3,
                credulous: (3, |roll| roll != 0),
            }
            .run(semantics)
            .repaired();
        }
        assert!(
            repaired > 0,
            "{semantics}: no answer came from a repaired witness"
        );
    }
}

/// Sceptical preferred questions start their counter-example search with
/// the witnesses holding the argument excluded (`excluded`), and their
/// answers equal the static solver's: on 60 arguments, most questions
/// sceptical.
#[test]
fn sceptical_preferred_answers_with_witnesses_excluded_equal_answers_from_scratch() {
    let mut excluded = 0;
    for seed in 0..6 {
        excluded += Replay {
            seed: 200 + seed,
            arguments: 60,
            attacks: 90,
            changes: 150,
            mix: [5, 9, 10],
            questions: 3,
            credulous: (4, |roll| roll == 0),
        }
        .run(Semantics::Preferred)
        .excluded();
    }
    assert!(excluded > 0, "no witness was excluded");
}
