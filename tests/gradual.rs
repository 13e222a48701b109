//! Gradual semantics: formulas against hand-computed values, the one-pass
//! acyclic computation against plain iteration, convergence on cycles,
//! contributions.

use historiograph::{Argument, Error, Framework, Gradual, GradualOptions};
use proptest::prelude::*;

const EPS: f64 = 1e-9;

fn chain(weights: [f64; 2], support: bool) -> Framework {
    let mut af = Framework::with_arguments(2);
    let [a, b] = [0, 1].map(Argument::new);
    if support {
        af.add_support(a, b).expect("in range");
    } else {
        af.add_attack(a, b).expect("in range");
    }
    af.set_weight(a, weights[0]).expect("valid");
    af.set_weight(b, weights[1]).expect("valid");
    af
}

fn strength_of(af: &Framework, semantics: Gradual, argument: u32) -> f64 {
    af.strengths(semantics, &GradualOptions::new())
        .expect("valid options")
        .strength(Argument::new(argument))
        .expect("in range")
}

#[test]
fn formulas_match_hand_computed_values() {
    let attacked = chain([0.5, 0.5], false);
    // h-categoriser: 0.5 / (1 + 0.5).
    assert!((strength_of(&attacked, Gradual::HCategoriser, 1) - 0.5 / 1.5).abs() < EPS);
    // DF-QuAD: va = 0.5, vs = 0: 0.5 - 0.5 * 0.5.
    assert!((strength_of(&attacked, Gradual::DfQuad, 1) - 0.25).abs() < EPS);
    // Euler-based: E = -0.5: 1 - (1 - 0.25) / (1 + 0.5 e^-0.5); an unattacked
    // argument keeps its weight.
    let euler = 1.0 - 0.75 / (1.0 + 0.5 * (-0.5f64).exp());
    assert!((strength_of(&attacked, Gradual::EulerBased, 1) - euler).abs() < EPS);
    assert!((strength_of(&attacked, Gradual::EulerBased, 0) - 0.5).abs() < EPS);
    // Quadratic energy: E = -0.5, h(0.5) = 0.25 / 1.25 = 0.2: 0.5 - 0.5 * 0.2.
    assert!((strength_of(&attacked, Gradual::QuadraticEnergy, 1) - 0.4).abs() < EPS);

    let supported = chain([0.5, 0.5], true);
    // DF-QuAD: vs = 0.5: 0.5 + 0.5 * 0.5.
    assert!((strength_of(&supported, Gradual::DfQuad, 1) - 0.75).abs() < EPS);
    // Quadratic energy: E = 0.5: 0.5 + 0.5 * 0.2.
    assert!((strength_of(&supported, Gradual::QuadraticEnergy, 1) - 0.6).abs() < EPS);
    // Euler-based: 1 - 0.75 / (1 + 0.5 e^0.5).
    let euler = 1.0 - 0.75 / (1.0 + 0.5 * 0.5f64.exp());
    assert!((strength_of(&supported, Gradual::EulerBased, 1) - euler).abs() < EPS);
    // The h-categoriser ignores supports.
    assert!((strength_of(&supported, Gradual::HCategoriser, 1) - 0.5).abs() < EPS);
}

#[test]
fn cycles_iterate_to_the_fixed_point_and_report_the_residual() {
    // a <-> b, both of weight 1: s = 1 / (1 + s), the golden ratio conjugate.
    let mut af = Framework::with_arguments(2);
    let [a, b] = [0, 1].map(Argument::new);
    af.add_attack(a, b).expect("in range");
    af.add_attack(b, a).expect("in range");
    af.set_weight(a, 1.0).expect("valid");
    af.set_weight(b, 1.0).expect("valid");
    let s = af
        .strengths(Gradual::HCategoriser, &GradualOptions::new())
        .expect("valid");
    assert!(!s.is_acyclic());
    assert!(s.converged());
    assert!(s.iterations() > 1);
    assert!(s.residual() <= 1e-9);
    let phi = (5f64.sqrt() - 1.0) / 2.0;
    assert!((s.strength(a).expect("in range") - phi).abs() < 1e-8);

    // With too few rounds it says it has not converged.
    let short = af
        .strengths(
            Gradual::HCategoriser,
            &GradualOptions::new().with_max_iterations(3),
        )
        .expect("valid");
    assert!(!short.converged());
    assert_eq!(short.iterations(), 3);
    assert!(short.residual() > 1e-9);

    // Damped iteration reaches the same point.
    let damped = af
        .strengths(
            Gradual::HCategoriser,
            &GradualOptions::new().with_damping(0.5),
        )
        .expect("valid");
    assert!((damped.strength(a).expect("in range") - phi).abs() < 1e-8);
}

#[test]
fn bad_options_and_weights_are_errors() {
    let mut af = Framework::with_arguments(1);
    let a = Argument::new(0);
    for bad in [-0.1, 1.1, f64::NAN, f64::INFINITY] {
        assert!(matches!(
            af.set_weight(a, bad),
            Err(Error::InvalidOption {
                option: "weight",
                ..
            })
        ));
    }
    assert!(matches!(
        af.set_weight(Argument::new(5), 0.5),
        Err(Error::UnknownArgument { .. })
    ));
    for options in [
        GradualOptions::new().with_tolerance(0.0),
        GradualOptions::new().with_tolerance(f64::NAN),
        GradualOptions::new().with_max_iterations(0),
        GradualOptions::new().with_damping(0.0),
        GradualOptions::new().with_damping(1.5),
    ] {
        assert!(matches!(
            af.strengths(Gradual::DfQuad, &options),
            Err(Error::InvalidOption { .. })
        ));
    }
}

#[test]
fn contributions_say_what_each_relation_does() {
    let mut af = Framework::with_arguments(3);
    let [a, b, c] = [0, 1, 2].map(Argument::new);
    af.add_attack(a, c).expect("in range");
    af.add_support(b, c).expect("in range");
    let s = af
        .strengths(Gradual::DfQuad, &GradualOptions::new())
        .expect("valid");
    let parts = af.contributions(Gradual::DfQuad, &s, c).expect("in range");
    assert_eq!(parts.len(), 2);
    let attack = parts.iter().find(|p| p.attacks).expect("the attack");
    let support = parts.iter().find(|p| !p.attacks).expect("the support");
    assert_eq!(attack.from, a);
    assert_eq!(support.from, b);
    // va = vs = 0.5 gives c its weight 0.5; without the attack, 0.75; without the support, 0.25.
    assert!((attack.effect + 0.25).abs() < EPS);
    assert!((support.effect - 0.25).abs() < EPS);
}

/// Random weighted bipolar frameworks; `dag` keeps every relation from a
/// lower to a higher index, so there is no cycle.
fn frameworks(dag: bool) -> impl Strategy<Value = Framework> {
    (1usize..12).prop_flat_map(move |n| {
        let relations = proptest::collection::vec((0..n, 0..n, any::<bool>()), 0..3 * n);
        let weights = proptest::collection::vec(0.0f64..=1.0, n);
        (Just(n), relations, weights).prop_map(move |(n, relations, weights)| {
            let mut af = Framework::with_arguments(n);
            for (a, b, attack) in relations {
                if dag && a >= b {
                    continue;
                }
                let (a, b) = (Argument::new(a as u32), Argument::new(b as u32));
                if attack {
                    af.add_attack(a, b).expect("in range");
                } else {
                    af.add_support(a, b).expect("in range");
                }
            }
            for (i, w) in weights.into_iter().enumerate() {
                af.set_weight(Argument::new(i as u32), w).expect("valid");
            }
            af
        })
    })
}

/// Plain iteration, written here independently of the crate's loop.
fn iterate(af: &Framework, semantics: Gradual, rounds: usize) -> Vec<f64> {
    let mut values: Vec<f64> = af
        .arguments()
        .map(|a| af.weight(a).unwrap_or(0.5))
        .collect();
    for _ in 0..rounds {
        values = af
            .arguments()
            .map(|a| {
                semantics.strength(
                    af.weight(a).unwrap_or(0.5),
                    af.attackers(a).map(|b| values[b.index()]),
                    af.supporters(a).map(|b| values[b.index()]),
                )
            })
            .collect();
    }
    values
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn acyclic_one_pass_equals_iteration(af in frameworks(true)) {
        for semantics in Gradual::ALL {
            let s = af.strengths(semantics, &GradualOptions::new()).expect("valid");
            prop_assert!(s.is_acyclic());
            // n rounds settle a DAG of n arguments exactly.
            let expected = iterate(&af, semantics, af.len());
            for (got, want) in s.values().iter().zip(&expected) {
                prop_assert!((got - want).abs() < 1e-12, "{:?}: {} vs {}", semantics, got, want);
            }
        }
    }

    #[test]
    fn strengths_stay_in_the_unit_interval(af in frameworks(false)) {
        for semantics in Gradual::ALL {
            let s = af.strengths(semantics, &GradualOptions::new().with_max_iterations(200)).expect("valid");
            for &v in s.values() {
                prop_assert!((0.0..=1.0).contains(&v), "{:?}: {}", semantics, v);
            }
            prop_assert!(s.residual().is_finite() || !s.converged());
            for a in af.arguments() {
                for part in af.contributions(semantics, &s, a).expect("in range") {
                    // Attacks never raise a strength, supports never lower it.
                    if part.attacks {
                        prop_assert!(part.effect <= 1e-12, "{:?}: attack effect {}", semantics, part.effect);
                    } else {
                        prop_assert!(part.effect >= -1e-12, "{:?}: support effect {}", semantics, part.effect);
                    }
                }
            }
        }
    }

    #[test]
    fn h_categoriser_converges_on_any_cycle(af in frameworks(false)) {
        let s = af.strengths(Gradual::HCategoriser, &GradualOptions::new()).expect("valid");
        prop_assert!(s.converged(), "residual {}", s.residual());
        // And it is a fixed point.
        for a in af.arguments() {
            let w = af.weight(a).unwrap_or(0.5);
            let attack: f64 = af.attackers(a).map(|b| s.values()[b.index()]).sum();
            prop_assert!((s.values()[a.index()] - w / (1.0 + attack)).abs() < 1e-6);
        }
    }
}

/// A hub of `hub_weight` with `supporters` and `attackers` leaves of weight
/// `leaf_weight`; with `cycle`, two more arguments attack each other, so
/// the framework is cyclic and strengths are iterated.
fn hub(
    hub_weight: f64,
    leaf_weight: f64,
    supporters: usize,
    attackers: usize,
    cycle: bool,
) -> Framework {
    let n = 1 + supporters + attackers + if cycle { 2 } else { 0 };
    let mut af = Framework::with_arguments(n);
    let target = Argument::new(0);
    af.set_weight(target, hub_weight).expect("valid");
    for i in 1..=supporters + attackers {
        let leaf = Argument::new(i as u32);
        af.set_weight(leaf, leaf_weight).expect("valid");
        if i <= supporters {
            af.add_support(leaf, target).expect("in range");
        } else {
            af.add_attack(leaf, target).expect("in range");
        }
    }
    if cycle {
        let [a, b] = [n - 2, n - 1].map(|i| Argument::new(i as u32));
        af.add_attack(a, b).expect("in range");
        af.add_attack(b, a).expect("in range");
    }
    af
}

#[test]
fn euler_based_gives_the_formulas_value_past_the_overflow_of_e_to_the_energy() {
    // E = 2000 > 709: e^E overflows, and 0·e^E was NaN. The formula gives
    // 1 − (1 − 0) / (1 + 0) = 0 for a base weight of 0, on one pass and
    // iterated alike.
    for cycle in [false, true] {
        let af = hub(0.0, 1.0, 2000, 0, cycle);
        assert_eq!(
            strength_of(&af, Gradual::EulerBased, 0),
            0.0,
            "cycle {cycle}"
        );
        // A tiny weight is lifted all the way: w·e^E is finite as e^(ln w + E).
        let af = hub(1e-300, 1.0, 2000, 0, cycle);
        assert_eq!(
            strength_of(&af, Gradual::EulerBased, 0),
            1.0,
            "cycle {cycle}"
        );
        // Weight 1 stays 1 under any attack: 1 − 0 / (1 + e^E).
        let af = hub(1.0, 1.0, 0, 2000, cycle);
        assert_eq!(
            strength_of(&af, Gradual::EulerBased, 0),
            1.0,
            "cycle {cycle}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// At the extremes (base weights 0 and 1, thousands of supporters or
    /// attackers, acyclic or iterated) every gradual semantics gives a
    /// finite strength in [0, 1], never an error, and the values its
    /// formula fixes: weight 0 stays 0 under the h-categoriser and the
    /// Euler-based semantics; weight 1 stays 1 under the Euler-based one;
    /// with only supporters no semantics lowers a strength, with only
    /// attackers none raises it.
    #[test]
    fn every_gradual_semantics_is_finite_at_the_extremes(
        hub_weight in prop_oneof![Just(0.0), Just(1.0), 0.0f64..=1.0],
        leaf_weight in prop_oneof![Just(0.0), Just(1.0), 0.0f64..=1.0],
        supporters in prop_oneof![Just(0usize), 1usize..5, 700usize..3000],
        attackers in prop_oneof![Just(0usize), 1usize..5, 700usize..3000],
        cycle in any::<bool>(),
    ) {
        let af = hub(hub_weight, leaf_weight, supporters, attackers, cycle);
        for semantics in Gradual::ALL {
            let s = af.strengths(semantics, &GradualOptions::new()).expect("finite");
            let v = s.values()[0];
            prop_assert!((0.0..=1.0).contains(&v), "{}: {}", semantics, v);
            if hub_weight == 0.0 && matches!(semantics, Gradual::HCategoriser | Gradual::EulerBased) {
                prop_assert_eq!(v, 0.0, "{}", semantics);
            }
            if hub_weight == 1.0 && semantics == Gradual::EulerBased {
                prop_assert_eq!(v, 1.0, "{}", semantics);
            }
            if attackers == 0 {
                // To rounding: Euler-based 1 − (1 − w²)/(1 + w) is w only in ℝ.
                prop_assert!(v >= hub_weight - 1e-15, "{}: {} below {}", semantics, v, hub_weight);
            }
            if supporters == 0 {
                prop_assert!(v <= hub_weight + 1e-15, "{}: {} above {}", semantics, v, hub_weight);
            }
        }
    }
}
