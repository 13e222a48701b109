//! The types of a debate and of its evaluation.

use crate::argument::Acceptance;
use crate::graph::ClaimLinks;
use crate::model::{
    Bearing, ClaimId, EventId, EvidenceId, ExplanationId, Polarity, Position, ScholarId,
};
use crate::query::options::Weighing;
use crate::query::report::Verdict;
use crate::query::voice::Held;

pub(super) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A claim's short lists (holders, evidence, defeaters), inline up to
/// four: a debate of thousands of claims would otherwise make, and drop,
/// thousands of small allocations each time it is gathered.
pub(crate) type List<T> = smallvec::SmallVec<[T; 4]>;

/// One claim of the debate.
#[derive(Clone)]
pub(crate) struct Local {
    pub(crate) id: ClaimId,
    pub(crate) polarity: Polarity,
    /// Whether no scholar takes any position on it in view.
    pub(crate) anonymous: bool,
    /// The scholars (local indices) with a position in view that advances
    /// it; with none present, its proponent is unnamed (the calculus, §2).
    pub(crate) advancers: List<u32>,
    /// Whether an unnamed proponent may count: no set of scholars is asked for.
    pub(crate) unnamed_counts: bool,
    /// Whether it is in view by a date of its own, through its unnamed
    /// proponent, once no position in view advances it.
    pub(crate) dated: bool,
    /// Each holder's latest position in view, with the scholar's local index.
    pub(crate) held: List<(u32, Held)>,
    /// Its positions in view, all of them (for the report).
    pub(crate) positions: List<(ScholarId, Position)>,
    /// Its evidence in view.
    pub(crate) evidence: List<(EvidenceId, Bearing)>,
}

/// One row of a comparison: an explanation, with the claims that count in it.
pub(crate) struct Row {
    pub(crate) id: ExplanationId,
    pub(crate) key: String,
    /// The family, for a variant's row beneath it when rolling up.
    pub(crate) parent: Option<ExplanationId>,
    /// The claims in scope that count in it, by local index.
    pub(crate) members: Vec<u32>,
    /// Claims that would count in it but are out of view.
    pub(crate) unseen: usize,
}

/// The claims in view around some events, ready to evaluate.
pub(crate) struct Debate {
    pub(crate) claims: Vec<Local>,
    /// `claims[..scope]` concern the events in scope; the rest are their
    /// supporters and the claims that can reach them through defeats.
    pub(crate) scope: usize,
    /// The events in scope each scope claim concerns.
    pub(crate) events: Vec<Vec<EventId>>,
    pub(crate) defeaters: Vec<List<u32>>,
    pub(crate) defeated: Vec<List<u32>>,
    pub(crate) supporters: Vec<List<u32>>,
    pub(crate) scholars: Vec<ScholarId>,
    pub(crate) rows: Vec<Row>,
    /// Each claim's local index.
    pub(crate) index: HashMap<ClaimId, u32>,
    /// What the debate read of the corpus, when it was gathered
    /// recording it (see `Corpus::debate_reading`). Empty otherwise.
    pub(crate) read: Reading,
    pub(crate) weighing: Weighing,
    pub(crate) threshold: f64,
    /// The lists a [`Delta`](super::Delta) evaluates removals by, made
    /// once for all the margin searches of the debate.
    pub(crate) lists: std::cell::OnceCell<super::delta::Inverse>,
}

/// What a debate read of the corpus (see `Corpus::debate_reading`).
#[derive(Default)]
pub(crate) struct Reading {
    /// Every claim it looked at, in view or not, each once.
    pub(crate) claims: Vec<ClaimId>,
    /// The relations of the claims it read from the corpus rather than
    /// from the pool it was given.
    pub(crate) fresh: Vec<(ClaimId, ClaimLinks, Seen)>,
}

/// How a claim is seen under one set of options ([`Corpus::seen`]): what a
/// debate takes from it beyond its relations.
#[derive(Debug, Clone, Default)]
pub(crate) struct Seen {
    /// Whether it is in view (by a position in view, or by a date of its
    /// own through its unnamed proponent, or unclaimed).
    pub(crate) visible: bool,
    /// Its positions in view; none when it is out of view.
    pub(crate) positions: List<(ScholarId, Position)>,
    /// Each holder's latest position in view ([`Corpus::latest_held`]).
    pub(crate) held: smallvec::SmallVec<[Held; 4]>,
    /// Its evidence in view.
    pub(crate) evidence: List<(EvidenceId, Bearing)>,
}

/// What a set of removals leaves out, by local index.
#[derive(Clone, Copy)]
pub(crate) struct Absent<'a> {
    pub(crate) claims: &'a [bool],
    pub(crate) scholars: &'a [bool],
}

/// The numbers of one claim in an evaluation.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ClaimNumbers {
    /// *b*: the sum over voices of their mean backing.
    pub(crate) backing: f64,
    /// *r*: the sum over voices of their share of rejecting members.
    pub(crate) rejections: f64,
    /// *w* = *b*·*e*.
    pub(crate) weight: f64,
    pub(crate) acceptance: Acceptance,
    /// *a*: the factor the weighing gives.
    pub(crate) strength: f64,
}

impl Default for ClaimNumbers {
    fn default() -> ClaimNumbers {
        ClaimNumbers {
            backing: 0.0,
            rejections: 0.0,
            weight: 0.0,
            acceptance: Acceptance::Out,
            strength: 0.0,
        }
    }
}

/// The totals of one row in an evaluation.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Tally {
    /// *P*: what stands for it, with the rejections of claims against it.
    pub(crate) pro: f64,
    /// *N*: what stands against it, with the rejections of claims for it.
    pub(crate) con: f64,
    pub(crate) defeated_pro: f64,
    pub(crate) defeated_con: f64,
    /// *R⁺*, *R⁻*: the rejections of claims against it and for it that
    /// no claim of the rejecting voice already says.
    pub(crate) rejecting_con: f64,
    pub(crate) rejecting_pro: f64,
    /// Claims in view that affirm and deny it.
    pub(crate) affirming: usize,
    pub(crate) denying: usize,
    /// Independent support: distinct evidence items for the claims for it
    /// that stand, and independent scholars backing them.
    pub(crate) evidence_for: usize,
    pub(crate) scholars_for: usize,
    pub(crate) unseen: usize,
}

impl Tally {
    /// The score (*P* − *N*) / (*P* + *N* + 1).
    pub(crate) fn score(&self) -> f64 {
        (self.pro - self.con) / (self.pro + self.con + 1.0)
    }

    /// The verdict (the calculus, §5).
    pub(crate) fn verdict(&self, threshold: f64) -> Verdict {
        if self.affirming + self.denying == 0 {
            return Verdict::Unaddressed;
        }
        let (p, n) = (self.pro, self.con);
        if p == 0.0 && n == 0.0 {
            // Nothing stands either way: the burden of proof decides.
            return if self.affirming > 0 {
                Verdict::Rejected
            } else {
                Verdict::Contested
            };
        }
        let opposed = n > 0.0 || self.defeated_pro > 0.0;
        let backed = p > 0.0 || self.defeated_con > 0.0;
        let score = self.score();
        if !opposed || score >= threshold {
            Verdict::Supported
        } else if !backed || score <= -threshold {
            Verdict::Rejected
        } else {
            Verdict::Contested
        }
    }
}

/// The result of evaluating a debate.
pub(crate) struct Outcome {
    pub(crate) present: Vec<bool>,
    /// By local index; meaningful for present claims.
    pub(crate) numbers: Vec<ClaimNumbers>,
    /// By row.
    pub(crate) tallies: Vec<Tally>,
}

impl Debate {
    /// The part of the debate that bears on row `r`: the claims in `keep`
    /// (which must hold the row's members and every claim that reaches
    /// them through defeats and supports), with that row alone, as row 0.
    pub(crate) fn restrict(&self, keep: &[u32], r: usize) -> Debate {
        let mut keep = keep.to_vec();
        keep.sort_unstable();
        keep.dedup();
        let mut new = vec![u32::MAX; self.claims.len()];
        for (k, &i) in keep.iter().enumerate() {
            new[i as usize] = k as u32;
        }
        let map = |list: &[u32]| -> List<u32> {
            list.iter()
                .map(|&j| new[j as usize])
                .filter(|&j| j != u32::MAX)
                .collect()
        };
        let scope = keep.iter().filter(|&&i| (i as usize) < self.scope).count();
        let row = &self.rows[r];
        Debate {
            claims: keep
                .iter()
                .map(|&i| self.claims[i as usize].clone())
                .collect(),
            read: Reading::default(),
            lists: std::cell::OnceCell::new(),
            scope,
            events: keep[..scope]
                .iter()
                .map(|&i| self.events[i as usize].clone())
                .collect(),
            defeaters: keep
                .iter()
                .map(|&i| map(&self.defeaters[i as usize]))
                .collect(),
            defeated: keep
                .iter()
                .map(|&i| map(&self.defeated[i as usize]))
                .collect(),
            supporters: keep
                .iter()
                .map(|&i| map(&self.supporters[i as usize]))
                .collect(),
            scholars: self.scholars.clone(),
            rows: vec![Row {
                id: row.id,
                key: row.key.clone(),
                parent: row.parent,
                members: map(&row.members).to_vec(),
                unseen: row.unseen,
            }],
            index: keep
                .iter()
                .enumerate()
                .map(|(k, &i)| (self.claims[i as usize].id, k as u32))
                .collect(),
            weighing: self.weighing,
            threshold: self.threshold,
        }
    }

    /// Nothing absent.
    pub(crate) fn nothing(&self) -> (Vec<bool>, Vec<bool>) {
        (
            vec![false; self.claims.len()],
            vec![false; self.scholars.len()],
        )
    }
}
