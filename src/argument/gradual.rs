//! Gradual semantics for weighted bipolar frameworks: each argument gets a
//! strength in \[0, 1\] from its base weight and the strengths of its
//! attackers and supporters.

use std::collections::VecDeque;

use super::framework::{Argument, Framework};
use crate::error::{Error, Result};

/// A gradual semantics. With base weight *w* of an argument, the strengths
/// *s* of its attackers *A* and supporters *S*:
///
/// - **Weighted h-categoriser** (Amgoud, Ben-Naim, Doder & Vesic,
///   *Acceptability semantics for weighted argumentation frameworks*, IJCAI
///   2017): *s* = *w* / (1 + Σ<sub>A</sub> *s*). Attacks only; supports are
///   ignored.
/// - **DF-QuAD** (Rago, Toni, Aurisicchio & Baroni, *Discontinuity-free
///   decision support with quantitative argumentation debates*, KR 2016):
///   *vₐ* = 1 − Π<sub>A</sub>(1 − *s*), *vₛ* = 1 − Π<sub>S</sub>(1 − *s*);
///   *s* = *w* − *w*·(*vₐ* − *vₛ*) if *vₐ* ≥ *vₛ*, else *w* + (1 − *w*)·(*vₛ* − *vₐ*).
/// - **Euler-based** (Amgoud & Ben-Naim, *Evaluation of arguments in
///   weighted bipolar graphs*, IJAR 2018): with *E* = Σ<sub>S</sub> *s* −
///   Σ<sub>A</sub> *s*, *s* = 1 − (1 − *w*²) / (1 + *w*·e<sup>*E*</sup>).
/// - **Quadratic energy** (Potyka, *Continuous dynamical systems for weighted
///   bipolar argumentation*, KR 2018): with the same *E* and
///   *h*(*x*) = max(0, *x*)² / (1 + max(0, *x*)²),
///   *s* = *w* − *w*·*h*(−*E*) + (1 − *w*)·*h*(*E*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Gradual {
    /// The weighted h-categoriser.
    HCategoriser,
    /// DF-QuAD.
    DfQuad,
    /// The Euler-based semantics.
    EulerBased,
    /// The quadratic energy model.
    QuadraticEnergy,
}

names!(Gradual, "gradual semantics", [
    HCategoriser => "h_categoriser",
    DfQuad => "df_quad",
    EulerBased => "euler_based",
    QuadraticEnergy => "quadratic_energy",
]);

impl Gradual {
    /// The name in words: `weighted h-categoriser`, `DF-QuAD`,
    /// `Euler-based`, `quadratic energy`.
    pub fn name(self) -> &'static str {
        match self {
            Gradual::HCategoriser => "weighted h-categoriser",
            Gradual::DfQuad => "DF-QuAD",
            Gradual::EulerBased => "Euler-based",
            Gradual::QuadraticEnergy => "quadratic energy",
        }
    }

    /// The strength of an argument with base weight `w`, given its
    /// attackers' and supporters' strengths.
    pub fn strength(
        self,
        w: f64,
        attackers: impl Iterator<Item = f64>,
        supporters: impl Iterator<Item = f64>,
    ) -> f64 {
        match self {
            Gradual::HCategoriser => w / (1.0 + attackers.sum::<f64>()),
            Gradual::DfQuad => {
                let va = 1.0 - attackers.map(|s| 1.0 - s).product::<f64>();
                let vs = 1.0 - supporters.map(|s| 1.0 - s).product::<f64>();
                if va >= vs {
                    w - w * (va - vs)
                } else {
                    w + (1.0 - w) * (vs - va)
                }
            }
            Gradual::EulerBased => {
                let energy = supporters.sum::<f64>() - attackers.sum::<f64>();
                // w·e^E as e^(ln w + E): with w = 0 it is 0 whatever E (the
                // formula's value, where 0·e^E overflows to 0·∞ = NaN past
                // E ≈ 709), and a small w does not overflow with e^E alone.
                let grown = if w > 0.0 {
                    (w.ln() + energy).exp()
                } else {
                    0.0
                };
                1.0 - (1.0 - w * w) / (1.0 + grown)
            }
            Gradual::QuadraticEnergy => {
                let energy = supporters.sum::<f64>() - attackers.sum::<f64>();
                // p²/(1 + p²), taken as its limit 1 where p² overflows
                // (∞/∞ would be NaN).
                let h = |x: f64| {
                    let p = x.max(0.0);
                    let q = p * p;
                    if q.is_finite() { q / (1.0 + q) } else { 1.0 }
                };
                w - w * h(-energy) + (1.0 - w) * h(energy)
            }
        }
    }
}

/// How [`Framework::strengths`] iterates on frameworks with cycles.
///
/// Acyclic frameworks are computed exactly in one topological pass. With
/// cycles, strengths are updated in rounds, *s* ← *s* + δ·(*f*(*s*) − *s*),
/// from the base weights, until no strength moves by more than the
/// tolerance or the round limit is reached. δ = 1 (the default) is the
/// plain discrete iteration; a smaller δ follows the continuous dynamics of
/// Potyka (2018), which converges on cycles where the discrete one may
/// oscillate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GradualOptions {
    tolerance: f64,
    max_iterations: usize,
    damping: f64,
}

impl Default for GradualOptions {
    fn default() -> GradualOptions {
        GradualOptions {
            tolerance: 1e-9,
            max_iterations: 10_000,
            damping: 1.0,
        }
    }
}

impl GradualOptions {
    /// The defaults: tolerance 10⁻⁹, at most 10,000 rounds, δ = 1.
    pub fn new() -> GradualOptions {
        GradualOptions::default()
    }

    /// Stops once no strength moves by more than this (positive) amount.
    #[must_use]
    pub fn with_tolerance(mut self, tolerance: f64) -> GradualOptions {
        self.tolerance = tolerance;
        self
    }

    /// Stops after this many rounds (at least 1).
    #[must_use]
    pub fn with_max_iterations(mut self, rounds: usize) -> GradualOptions {
        self.max_iterations = rounds;
        self
    }

    /// The step δ in (0, 1].
    #[must_use]
    pub fn with_damping(mut self, damping: f64) -> GradualOptions {
        self.damping = damping;
        self
    }

    fn check(&self) -> Result<()> {
        let bad = |option, reason: String| Err(Error::InvalidOption { option, reason });
        if !(self.tolerance > 0.0 && self.tolerance.is_finite()) {
            return bad(
                "tolerance",
                format!("{} is not a positive number", self.tolerance),
            );
        }
        if self.max_iterations == 0 {
            return bad("max_iterations", "must be at least 1".to_owned());
        }
        if !(self.damping > 0.0 && self.damping <= 1.0) {
            return bad("damping", format!("{} is not in (0, 1]", self.damping));
        }
        Ok(())
    }
}

/// The strengths a gradual semantics gives, and how they were reached.
#[derive(Debug, Clone, PartialEq)]
pub struct Strengths {
    values: Vec<f64>,
    iterations: usize,
    residual: f64,
    acyclic: bool,
    converged: bool,
}

impl Strengths {
    /// The strength of an argument.
    pub fn strength(&self, argument: Argument) -> Option<f64> {
        self.values.get(argument.index()).copied()
    }

    /// All strengths, by argument.
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// Rounds of iteration (1 for an acyclic framework).
    pub fn iterations(&self) -> usize {
        self.iterations
    }

    /// The largest change in the last round (0 for an acyclic framework).
    pub fn residual(&self) -> f64 {
        self.residual
    }

    /// Whether the framework had no cycle of attacks and supports, so that
    /// one topological pass gave exact strengths.
    pub fn is_acyclic(&self) -> bool {
        self.acyclic
    }

    /// Whether the residual fell within the tolerance.
    pub fn converged(&self) -> bool {
        self.converged
    }
}

/// What one attacker or supporter does to an argument's strength.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Contribution {
    /// The attacker or supporter.
    pub from: Argument,
    /// Whether it attacks (else it supports).
    pub attacks: bool,
    /// Its own strength.
    pub strength: f64,
    /// The argument's strength minus what it would be without this one
    /// relation, every other strength held fixed: negative for an attack
    /// that weakens, positive for a support that strengthens.
    pub effect: f64,
}

impl Framework {
    fn local_strength(&self, semantics: Gradual, values: &[f64], a: usize) -> f64 {
        let attackers = self.attacker_lists()[a].iter().map(|&b| values[b as usize]);
        let supporters = self.supporter_list(a).iter().map(|&b| values[b as usize]);
        semantics.strength(self.weights()[a], attackers, supporters)
    }

    /// The strengths of all arguments under a gradual semantics, from the
    /// base weights ([`Framework::set_weight`], default ½).
    ///
    /// # Errors
    /// [`Error::InvalidOption`] for options out of range;
    /// [`Error::NonFinite`] if a strength comes out as NaN or infinite,
    /// which the four formulas never give from base weights in \[0, 1\]:
    /// it would be a defect, and is reported rather than passed on or
    /// mistaken for convergence.
    ///
    /// # Complexity
    /// Acyclic: O(n + attacks + supports), one pass in topological order.
    /// Cyclic: O(rounds × (n + attacks + supports)).
    ///
    /// ```
    /// use historiograph::{Argument, Framework, Gradual, GradualOptions};
    ///
    /// let mut af = Framework::with_arguments(2);
    /// let [a, b] = [0, 1].map(Argument::new);
    /// af.add_attack(a, b)?;
    /// af.set_weight(a, 1.0)?;
    /// af.set_weight(b, 1.0)?;
    /// let s = af.strengths(Gradual::HCategoriser, &GradualOptions::new())?;
    /// assert_eq!(s.strength(b), Some(0.5)); // 1 / (1 + 1)
    /// assert!(s.is_acyclic());
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn strengths(&self, semantics: Gradual, options: &GradualOptions) -> Result<Strengths> {
        options.check()?;
        let n = self.len();
        if let Some(order) = self.topological_order() {
            let mut values = self.weights().to_vec();
            for a in order {
                values[a] = finite(semantics, a, 1, self.local_strength(semantics, &values, a))?;
            }
            return Ok(Strengths {
                values,
                iterations: 1,
                residual: 0.0,
                acyclic: true,
                converged: true,
            });
        }
        let mut values = self.weights().to_vec();
        let mut next = vec![0.0; n];
        let mut residual = f64::INFINITY;
        let mut iterations = 0;
        while iterations < options.max_iterations && residual > options.tolerance {
            residual = 0.0;
            for (a, slot) in next.iter_mut().enumerate() {
                let target = self.local_strength(semantics, &values, a);
                let moved = finite(
                    semantics,
                    a,
                    iterations + 1,
                    values[a] + options.damping * (target - values[a]),
                )?;
                residual = f64::max(residual, (moved - values[a]).abs());
                *slot = moved;
            }
            std::mem::swap(&mut values, &mut next);
            iterations += 1;
        }
        Ok(Strengths {
            values,
            iterations,
            residual,
            acyclic: false,
            converged: residual <= options.tolerance,
        })
    }

    /// An order in which every argument comes after its attackers and
    /// supporters, or `None` if attacks and supports form a cycle.
    fn topological_order(&self) -> Option<Vec<usize>> {
        let n = self.len();
        let mut pending: Vec<usize> = (0..n)
            .map(|a| self.attacker_lists()[a].len() + self.supporter_list(a).len())
            .collect();
        let mut queue: VecDeque<usize> = (0..n).filter(|&a| pending[a] == 0).collect();
        let mut order = Vec::with_capacity(n);
        while let Some(a) = queue.pop_front() {
            order.push(a);
            let argument = Argument::new(a as u32);
            for t in self.targets(argument).chain(self.supported(argument)) {
                pending[t.index()] -= 1;
                if pending[t.index()] == 0 {
                    queue.push_back(t.index());
                }
            }
        }
        (order.len() == n).then_some(order)
    }

    /// What each attacker and supporter of `argument` contributes to its
    /// strength (see [`Contribution`]), given strengths from
    /// [`Framework::strengths`] with the same semantics.
    ///
    /// # Errors
    /// [`Error::UnknownArgument`]; [`Error::InvalidOption`] if `strengths`
    /// does not fit this framework.
    ///
    /// # Complexity
    /// O(d²) for the argument's *d* attackers and supporters.
    pub fn contributions(
        &self,
        semantics: Gradual,
        strengths: &Strengths,
        argument: Argument,
    ) -> Result<Vec<Contribution>> {
        let a = self.check(argument)?;
        if strengths.values.len() != self.len() {
            return Err(Error::InvalidOption {
                option: "strengths",
                reason: format!(
                    "{} strengths for a framework of {} arguments",
                    strengths.values.len(),
                    self.len()
                ),
            });
        }
        let values = &strengths.values;
        let w = self.weights()[a];
        let attackers = &self.attacker_lists()[a];
        let supporters = self.supporter_list(a);
        // The strength with every relation but (at most) one attack or support.
        let strength_without = |attack: Option<usize>, support: Option<usize>| {
            let keep = |skip: Option<usize>| move |&(j, _): &(usize, &u32)| Some(j) != skip;
            semantics.strength(
                w,
                attackers
                    .iter()
                    .enumerate()
                    .filter(keep(attack))
                    .map(|(_, &b)| values[b as usize]),
                supporters
                    .iter()
                    .enumerate()
                    .filter(keep(support))
                    .map(|(_, &b)| values[b as usize]),
            )
        };
        let with = strength_without(None, None);
        let attacks = attackers
            .iter()
            .enumerate()
            .map(|(i, &b)| (b, true, strength_without(Some(i), None)));
        let supports = supporters
            .iter()
            .enumerate()
            .map(|(i, &b)| (b, false, strength_without(None, Some(i))));
        let out = attacks
            .chain(supports)
            .map(|(b, attacks, without)| Contribution {
                from: Argument::new(b),
                attacks,
                strength: values[b as usize],
                effect: with - without,
            })
            .collect();
        Ok(out)
    }
}

/// `value` if it is a finite number, else [`Error::NonFinite`].
fn finite(semantics: Gradual, argument: usize, round: usize, value: f64) -> Result<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(Error::NonFinite {
            semantics: semantics.name(),
            argument: Argument::new(argument as u32).to_string(),
            value: value.to_string(),
            round,
        })
    }
}
