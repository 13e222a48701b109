//! Evaluating a debate with some claims and scholars absent: the calculus,
//! §2–§5.

use std::collections::BTreeMap;

use super::model::{Absent, ClaimNumbers, Debate, Outcome, Row, Tally};
use crate::argument::{Acceptance, Argument, Framework, GradualOptions, grounded_labels_among};
use crate::model::{Bearing, EvidenceId, Polarity, Stance};
use crate::query::options::Weighing;
use crate::query::voice::{Voice, backing_and_rejections};

impl Debate {
    /// Whether a claim is present: not removed, and anonymous, or held by a
    /// scholar not removed, or in view by a date of its own once no scholar
    /// present advances it (the calculus, §1 and §6).
    fn present(&self, absent: Absent<'_>) -> Vec<bool> {
        (0..self.claims.len())
            .map(|i| self.is_present(i, absent))
            .collect()
    }

    /// Whether claim `i` is present (see [`present`](Debate::present)).
    pub(super) fn is_present(&self, i: usize, absent: Absent<'_>) -> bool {
        let c = &self.claims[i];
        !absent.claims[i]
            && (c.anonymous
                || c.held.iter().any(|&(s, _)| !absent.scholars[s as usize])
                || (c.dated && self.unnamed(i, absent)))
    }

    /// How many claims, from the first, are weighed from their voices:
    /// every claim under a gradual semantics, else those in scope.
    pub(super) fn voiced(&self) -> usize {
        if matches!(self.weighing, Weighing::Gradual(_)) {
            self.claims.len()
        } else {
            self.scope.min(self.claims.len())
        }
    }

    /// The evidence factor *e* of claim `i` in scope (the calculus, §4),
    /// given which claims are present and the factor *a* of each.
    pub(super) fn evidence_factor(
        &self,
        i: usize,
        present: &[bool],
        strength: impl Fn(usize) -> f64,
    ) -> f64 {
        let (s, u) = counts(&self.claims[i].evidence);
        let supported: f64 = self.supporters[i]
            .iter()
            .filter(|&&d| present[d as usize])
            .map(|&d| strength(d as usize))
            .sum();
        ((1.0 + s + 0.5 * supported) / (1.0 + u)).sqrt()
    }

    /// A claim's backing and rejections from the voices still present,
    /// with its unnamed proponent when no scholar present advances it.
    pub(super) fn voices(&self, i: usize, absent: Absent<'_>) -> (f64, f64) {
        let c = &self.claims[i];
        let (b, r) = backing_and_rejections(
            c.held
                .iter()
                .filter(|&&(s, _)| !absent.scholars[s as usize])
                .map(|(_, h)| (h.voice, h.stance())),
        );
        (b + f64::from(u8::from(self.unnamed(i, absent))), r)
    }

    /// Whether a claim's proponent is unnamed: no scholar present has a
    /// position in view that advances it (the calculus, §2).
    pub(crate) fn unnamed(&self, i: usize, absent: Absent<'_>) -> bool {
        let c = &self.claims[i];
        c.unnamed_counts && c.advancers.iter().all(|&s| absent.scholars[s as usize])
    }

    /// The voices of the scholars present who hold a claim.
    fn holding_voices<'s>(
        &'s self,
        i: usize,
        absent: Absent<'s>,
    ) -> impl Iterator<Item = Voice> + 's {
        self.claims[i]
            .held
            .iter()
            .filter(move |&&(s, h)| !absent.scholars[s as usize] && h.stance().holds())
            .map(|(_, h)| h.voice)
    }

    /// Evaluates the debate with some claims and scholars absent.
    pub(crate) fn evaluate(&self, absent: Absent<'_>) -> Outcome {
        self.evaluate_rows(absent, None, true)
    }

    /// Evaluates the debate with some claims and scholars absent: every
    /// row's tally, or only row `only`'s (the others left at zero), with
    /// or without the independent support behind each.
    pub(crate) fn evaluate_rows(
        &self,
        absent: Absent<'_>,
        only: Option<usize>,
        support: bool,
    ) -> Outcome {
        let present = self.present(absent);
        let n = self.claims.len();
        let mut numbers = vec![ClaimNumbers::default(); n];
        // Gradual semantics weigh every claim from its voices; otherwise
        // only the claims in scope need them.
        let voiced = self.voiced();
        for (i, num) in numbers.iter_mut().enumerate().take(voiced) {
            if present[i] {
                (num.backing, num.rejections) = self.voices(i, absent);
            }
        }
        let standing = self.standing(&present, &numbers);
        for (i, num) in numbers.iter_mut().enumerate() {
            (num.acceptance, num.strength) = standing[i];
        }
        for i in 0..self.scope.min(n) {
            if !present[i] {
                continue;
            }
            let factor = self.evidence_factor(i, &present, |d| standing[d].1);
            numbers[i].weight = numbers[i].backing * factor;
        }
        let tallies = (0..self.rows.len())
            .map(|r| match only {
                Some(only) if only != r => Tally::default(),
                _ => self.tally(r, &present, &numbers, absent, support),
            })
            .collect();
        Outcome {
            present,
            numbers,
            tallies,
        }
    }

    /// Each present claim's acceptance and factor *a*, by the weighing.
    fn standing(&self, present: &[bool], numbers: &[ClaimNumbers]) -> Vec<(Acceptance, f64)> {
        let grounded = grounded_labels_among(&self.defeaters, &self.defeated, Some(present));
        let with = |i: usize, a: f64| (grounded[i], a);
        match self.weighing {
            Weighing::Grounded => (0..grounded.len())
                .map(|i| with(i, grounded[i].weight()))
                .collect(),
            Weighing::Extensions(semantics) => {
                let (af, local) = self.framework(present, numbers);
                let mut out: Vec<(Acceptance, f64)> = vec![(Acceptance::Out, 0.0); present.len()];
                for (k, (credulous, sceptical)) in
                    af.acceptance_of_all(semantics).into_iter().enumerate()
                {
                    let label = match (credulous, sceptical) {
                        (true, true) => Acceptance::In,
                        (true, false) => Acceptance::Undecided,
                        _ => Acceptance::Out,
                    };
                    out[local[k]] = (label, label.weight());
                }
                out
            }
            Weighing::Gradual(semantics) => {
                let (af, local) = self.framework(present, numbers);
                let mut out: Vec<(Acceptance, f64)> = (0..grounded.len())
                    .map(|i| with(i, grounded[i].weight()))
                    .collect();
                // The default options are valid; should they fail, the
                // grounded reading stands.
                if let Ok(strengths) = af.strengths(semantics, &GradualOptions::default()) {
                    for (k, &value) in strengths.values().iter().enumerate() {
                        out[local[k]].1 = value;
                    }
                }
                out
            }
        }
    }

    /// The framework of the present claims (defeats, supports, base
    /// weights), and for each of its arguments the local index.
    fn framework(&self, present: &[bool], numbers: &[ClaimNumbers]) -> (Framework, Vec<usize>) {
        let local: Vec<usize> = (0..present.len()).filter(|&i| present[i]).collect();
        let mut argument = vec![u32::MAX; present.len()];
        for (k, &i) in local.iter().enumerate() {
            argument[i] = k as u32;
        }
        let mut af = Framework::with_arguments(local.len());
        for (k, &i) in local.iter().enumerate() {
            let (s, u) = counts(&self.claims[i].evidence);
            let num = numbers[i];
            let w = base_weight(num.backing, num.rejections, s, u);
            let _ = af.set_weight(Argument::new(k as u32), w);
            for &t in &self.defeated[i] {
                if argument[t as usize] != u32::MAX {
                    let _ =
                        af.add_attack(Argument::new(k as u32), Argument::new(argument[t as usize]));
                }
            }
            for &d in &self.supporters[i] {
                if argument[d as usize] != u32::MAX {
                    let _ = af
                        .add_support(Argument::new(argument[d as usize]), Argument::new(k as u32));
                }
            }
        }
        (af, local)
    }

    /// The totals of one row.
    pub(super) fn tally(
        &self,
        r: usize,
        present: &[bool],
        numbers: &[ClaimNumbers],
        absent: Absent<'_>,
        support: bool,
    ) -> Tally {
        let row = &self.rows[r];
        let mut t = Tally {
            unseen: row.unseen,
            ..Tally::default()
        };
        let members = || {
            row.members
                .iter()
                .map(|&i| i as usize)
                .filter(|&i| present[i])
        };
        // Whether a scholar present rejects a claim of the row: only then
        // do rejections count, and the voices on each side matter.
        let mut rejected = false;
        for i in members() {
            let c = &self.claims[i];
            let num = numbers[i];
            let stands = num.weight * num.strength;
            let fallen = num.weight * (1.0 - num.strength);
            let side = side(c.polarity);
            if side == 0 {
                t.pro += stands;
                t.defeated_pro += fallen;
                t.affirming += 1;
            } else {
                t.con += stands;
                t.defeated_con += fallen;
                t.denying += 1;
            }
            rejected = rejected
                || c.held
                    .iter()
                    .any(|&(s, h)| !absent.scholars[s as usize] && h.stance() == Stance::Rejects);
        }
        if rejected {
            self.rejections(&mut t, row, present, absent);
        }
        t.pro += t.rejecting_pro;
        t.con += t.rejecting_con;
        if support {
            self.independent_support(&mut t, members(), numbers, absent);
        }
        t
    }

    /// *R⁺* and *R⁻* of a row whose claims some scholar present rejects.
    fn rejections(&self, t: &mut Tally, row: &Row, present: &[bool], absent: Absent<'_>) {
        let members = || {
            row.members
                .iter()
                .map(|&i| i as usize)
                .filter(|&i| present[i])
        };
        // The voices that hold a claim of the row, by side.
        let mut voicing: [smallvec::SmallVec<[Voice; 16]>; 2] = Default::default();
        for i in members() {
            let side = side(self.claims[i].polarity);
            voicing[side].extend(self.holding_voices(i, absent));
        }
        for v in &mut voicing {
            v.sort_unstable();
            v.dedup();
        }
        // Rejections count for the other side, each voice's share, unless
        // the voice says the same through a claim on the other side of the
        // row, which counts there already.
        for i in members() {
            let c = &self.claims[i];
            let side = side(c.polarity);
            for group in c.held.chunk_by(|x, y| x.1.voice == y.1.voice) {
                let voice = group[0].1.voice;
                if voicing[1 - side].binary_search(&voice).is_ok() {
                    continue;
                }
                let (mut present, mut rejects) = (0usize, 0usize);
                for (_, h) in group.iter().filter(|&&(s, _)| !absent.scholars[s as usize]) {
                    present += 1;
                    rejects += usize::from(h.stance() == Stance::Rejects);
                }
                if rejects > 0 {
                    let share = rejects as f64 / present as f64;
                    if side == 0 {
                        t.rejecting_con += share;
                    } else {
                        t.rejecting_pro += share;
                    }
                }
            }
        }
    }

    /// Distinct evidence items supporting the claims for the row that
    /// stand, and independent scholars backing them: co-authors who backed
    /// such a claim in the same work count as one.
    fn independent_support(
        &self,
        t: &mut Tally,
        members: impl Iterator<Item = usize>,
        numbers: &[ClaimNumbers],
        absent: Absent<'_>,
    ) {
        let mut evidence: Vec<EvidenceId> = Vec::new();
        let mut parent: BTreeMap<u32, u32> = BTreeMap::new();
        fn root(parent: &mut BTreeMap<u32, u32>, x: u32) -> u32 {
            let mut at = x;
            while let Some(&p) = parent.get(&at) {
                if p == at {
                    break;
                }
                at = p;
            }
            at
        }
        for i in members {
            let c = &self.claims[i];
            if c.polarity != Polarity::Affirms
                || numbers[i].strength <= 0.0
                || numbers[i].weight <= 0.0
            {
                continue;
            }
            evidence.extend(
                c.evidence
                    .iter()
                    .filter(|(_, b)| *b == Bearing::Supports)
                    .map(|&(e, _)| e),
            );
            let mut by_work: BTreeMap<Voice, u32> = BTreeMap::new();
            for &(s, h) in &c.held {
                if absent.scholars[s as usize] || !h.stance().holds() {
                    continue;
                }
                parent.entry(s).or_insert(s);
                if let Voice::Work(_) = h.voice {
                    let first = *by_work.entry(h.voice).or_insert(s);
                    let (a, b) = (root(&mut parent, first), root(&mut parent, s));
                    if a != b {
                        parent.insert(b, a);
                    }
                }
            }
        }
        evidence.sort_unstable();
        evidence.dedup();
        t.evidence_for = evidence.len();
        let scholars: Vec<u32> = parent.keys().copied().collect();
        let mut roots: Vec<u32> = scholars.into_iter().map(|s| root(&mut parent, s)).collect();
        roots.sort_unstable();
        roots.dedup();
        t.scholars_for = roots.len();
    }
}

/// 0 for a claim that affirms, 1 for one that denies.
fn side(polarity: Polarity) -> usize {
    match polarity {
        Polarity::Affirms => 0,
        Polarity::Denies => 1,
    }
}

/// Supporting and undermining evidence items.
fn counts(evidence: &[(EvidenceId, Bearing)]) -> (f64, f64) {
    let s = evidence
        .iter()
        .filter(|(_, b)| *b == Bearing::Supports)
        .count();
    (s as f64, (evidence.len() - s) as f64)
}

/// The base weight of a claim for gradual semantics:
/// (1 + *b* + *s*) / (2 + *b* + *s* + *r* + *u*).
pub(crate) fn base_weight(b: f64, r: f64, s: f64, u: f64) -> f64 {
    (1.0 + b + s) / (2.0 + b + s + r + u)
}
