//! One comparison's debate, gathered once and evaluated as often as a
//! margin search needs: the claims in view around the events in scope, the
//! defeats among them, their holders' latest positions and their evidence.
//! [`Debate::evaluate`] is the calculus (§2–§5) in code.

use std::collections::BTreeMap;

use super::defeat::{Order, defeats_among};
use super::report::Verdict;
use super::view::{CompareOptions, Weighing};
use super::voice::{Held, Voice, backing_and_rejections};
use crate::argument::{
    Acceptance, Argument, Framework, GradualOptions, Semantics, grounded_labels_among,
};
use crate::graph::Corpus;
use crate::model::{
    AttackKind, Bearing, ClaimId, EventId, EvidenceId, ExplanationId, Polarity, Position,
    ScholarId, Stance,
};

type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// One claim of the debate.
#[derive(Clone)]
pub(crate) struct Local {
    pub(crate) id: ClaimId,
    pub(crate) polarity: Polarity,
    /// Whether no scholar takes any position on it (it counts as advanced once).
    pub(crate) anonymous: bool,
    /// Each holder's latest position in view, with the scholar's local index.
    pub(crate) held: Vec<(u32, Held)>,
    /// Its positions in view, all of them (for the report).
    pub(crate) positions: Vec<(ScholarId, Position)>,
    /// Its evidence in view.
    pub(crate) evidence: Vec<(EvidenceId, Bearing)>,
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
    pub(crate) defeaters: Vec<Vec<u32>>,
    pub(crate) defeated: Vec<Vec<u32>>,
    pub(crate) supporters: Vec<Vec<u32>>,
    pub(crate) scholars: Vec<ScholarId>,
    pub(crate) rows: Vec<Row>,
    /// Each claim's local index.
    pub(crate) index: HashMap<ClaimId, u32>,
    pub(crate) weighing: Weighing,
    pub(crate) threshold: f64,
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

impl Corpus {
    /// The debate about the claims in `about` (each mapped to the events in
    /// scope it concerns), as the options see it.
    pub(crate) fn debate(
        &self,
        about: &BTreeMap<ClaimId, Vec<EventId>>,
        options: &CompareOptions,
    ) -> Debate {
        let mut gather = Gather {
            corpus: self,
            options,
            index: HashMap::default(),
            order: Vec::new(),
            positions: Vec::new(),
            visible: HashMap::default(),
        };
        let mut rows = Rows::default();
        let mut events = Vec::new();
        let mut claim_rows: Vec<Vec<u32>> = Vec::new();
        for (&claim, concerns) in about {
            let Some(own) = self.explanation_of(claim) else {
                continue;
            };
            let family = if options.roll_up() {
                self.family(own).unwrap_or(own)
            } else {
                own
            };
            let mut keys = vec![rows.row(self, family, None)];
            if family != own {
                keys.push(rows.row(self, own, Some(family)));
            }
            if gather.push_if_visible(claim) {
                events.push(concerns.clone());
                claim_rows.push(keys);
            } else {
                for k in keys {
                    rows.rows[k as usize].unseen += 1;
                }
            }
        }
        let scope = gather.order.len();
        gather.reach(scope);
        let Gather {
            order, positions, ..
        } = gather;
        self.assemble(
            order, positions, scope, events, claim_rows, rows.rows, options,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn assemble(
        &self,
        order: Vec<ClaimId>,
        positions: Vec<Vec<(ScholarId, Position)>>,
        scope: usize,
        events: Vec<Vec<EventId>>,
        claim_rows: Vec<Vec<u32>>,
        mut rows: Vec<Row>,
        options: &CompareOptions,
    ) -> Debate {
        let index: HashMap<ClaimId, u32> = order
            .iter()
            .enumerate()
            .map(|(i, &c)| (c, i as u32))
            .collect();
        let mut scholars: Vec<ScholarId> = Vec::new();
        let mut scholar_index: HashMap<ScholarId, u32> = HashMap::default();
        let mut claims: Vec<Local> = Vec::with_capacity(order.len());
        for (i, (&id, positions)) in order.iter().zip(positions).enumerate() {
            let held = self
                .latest_held(id, &positions)
                .into_iter()
                .map(|h| {
                    let s = *scholar_index.entry(h.scholar).or_insert_with(|| {
                        scholars.push(h.scholar);
                        scholars.len() as u32 - 1
                    });
                    (s, h)
                })
                .collect();
            let evidence = self
                .citations(id)
                .filter(|&(e, _)| options.sees_evidence(self, e))
                .collect();
            for &r in claim_rows.get(i).map(Vec::as_slice).unwrap_or_default() {
                rows[r as usize].members.push(i as u32);
            }
            claims.push(Local {
                id,
                polarity: self.claim(id).map(|c| c.polarity()).unwrap_or_default(),
                anonymous: positions.is_empty(),
                held,
                positions,
                evidence,
            });
        }
        let epsilon = |c: ClaimId| -> i64 {
            index
                .get(&c)
                .map_or(0, |&i| net_evidence(&claims[i as usize].evidence))
        };
        let attacks = order.iter().flat_map(|&from| {
            self.attacks_by(from)
                .filter(|(to, _)| index.contains_key(to))
                .map(move |(to, kind)| (from, to, kind))
        });
        let edges = defeats_among(&Order::new(options.preferences()), attacks, epsilon);
        let n = order.len();
        let (mut defeaters, mut defeated) = (vec![Vec::new(); n], vec![Vec::new(); n]);
        for e in &edges {
            let (from, to) = (index[&e.from], index[&e.to]);
            defeaters[to as usize].push(from);
            defeated[from as usize].push(to);
        }
        let supporters = order
            .iter()
            .map(|&claim| {
                self.supporters_of(claim)
                    .filter_map(|d| index.get(&d).copied())
                    .collect()
            })
            .collect();
        Debate {
            claims,
            scope,
            events,
            defeaters,
            defeated,
            supporters,
            scholars,
            rows,
            index,
            weighing: options.weighing(),
            threshold: options.threshold(),
        }
    }
}

/// The rows of a debate, each made on first use.
#[derive(Default)]
struct Rows {
    rows: Vec<Row>,
    index: HashMap<ExplanationId, u32>,
}

impl Rows {
    fn row(&mut self, corpus: &Corpus, id: ExplanationId, parent: Option<ExplanationId>) -> u32 {
        let rows = &mut self.rows;
        *self.index.entry(id).or_insert_with(|| {
            rows.push(Row {
                id,
                key: corpus.name_of(id),
                parent,
                members: Vec::new(),
                unseen: 0,
            });
            rows.len() as u32 - 1
        })
    }
}

/// Whether a weighing is directional (Baroni and Giacomin 2007): a claim's
/// standing depends only on the claims that can reach it. Grounded,
/// complete and preferred semantics and the gradual semantics are; stable,
/// semi-stable and stage semantics are not.
pub(crate) fn directional(weighing: Weighing) -> bool {
    !matches!(
        weighing,
        Weighing::Extensions(Semantics::Stable | Semantics::SemiStable | Semantics::Stage)
    )
}

/// *ε*: supporting minus undermining evidence items.
pub(crate) fn net_evidence(evidence: &[(EvidenceId, Bearing)]) -> i64 {
    evidence
        .iter()
        .map(|(_, b)| match b {
            Bearing::Supports => 1,
            Bearing::Undermines => -1,
        })
        .sum()
}

/// Collects the claims of a debate: those in scope, then what reaches them.
struct Gather<'a> {
    corpus: &'a Corpus,
    options: &'a CompareOptions,
    index: HashMap<ClaimId, u32>,
    order: Vec<ClaimId>,
    positions: Vec<Vec<(ScholarId, Position)>>,
    visible: HashMap<ClaimId, bool>,
}

impl Gather<'_> {
    /// Adds a claim if it is in view and not yet there; whether it is now there.
    fn push_if_visible(&mut self, claim: ClaimId) -> bool {
        if self.index.contains_key(&claim) {
            return true;
        }
        if self.visible.get(&claim) == Some(&false) {
            return false;
        }
        let (visible, positions) = self.options.sees_claim(self.corpus, claim);
        self.visible.insert(claim, visible);
        if visible {
            self.index.insert(claim, self.order.len() as u32);
            self.order.push(claim);
            self.positions.push(positions);
        }
        visible
    }

    /// Adds the supporters of the scope claims, then, breadth first, every
    /// claim in view that can defeat one already there (its attackers and
    /// the claims it rebuts, which rebut it back), and under gradual
    /// weighing every supporter too. A claim's standing depends only on
    /// these, so the debate gives it the standing it has in the whole
    /// debate in view.
    fn reach(&mut self, scope: usize) {
        let corpus = self.corpus;
        if !directional(self.options.weighing()) {
            // Stable, semi-stable and stage extensions are not directional:
            // a claim's acceptance can depend on claims it cannot reach
            // (Baroni and Giacomin 2007). They need the whole debate in view.
            for claim in corpus.ids::<ClaimId>() {
                self.push_if_visible(claim);
            }
            return;
        }
        for i in 0..scope {
            for supporter in corpus.supporters_of(self.order[i]) {
                self.push_if_visible(supporter);
            }
        }
        let gradual = matches!(self.options.weighing(), Weighing::Gradual(_));
        let mut next = 0;
        while next < self.order.len() {
            let claim = self.order[next];
            for (attacker, _) in corpus.attackers_of(claim) {
                self.push_if_visible(attacker);
            }
            for (target, kind) in corpus.attacks_by(claim) {
                if kind == AttackKind::Rebuts {
                    self.push_if_visible(target);
                }
            }
            if gradual {
                for supporter in corpus.supporters_of(claim) {
                    self.push_if_visible(supporter);
                }
            }
            next += 1;
        }
    }
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
        let map = |list: &[u32]| -> Vec<u32> {
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
                members: map(&row.members),
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

    /// Whether a claim is present: not removed, and anonymous or held by a
    /// scholar not removed.
    fn present(&self, absent: Absent<'_>) -> Vec<bool> {
        self.claims
            .iter()
            .zip(absent.claims)
            .map(|(c, &gone)| {
                !gone && (c.anonymous || c.held.iter().any(|&(s, _)| !absent.scholars[s as usize]))
            })
            .collect()
    }

    /// A claim's backing and rejections from the voices still present.
    fn voices(&self, i: usize, absent: Absent<'_>) -> (f64, f64) {
        let c = &self.claims[i];
        if c.anonymous {
            return (1.0, 0.0);
        }
        backing_and_rejections(
            c.held
                .iter()
                .filter(|&&(s, _)| !absent.scholars[s as usize])
                .map(|(_, h)| (h.voice, h.stance())),
        )
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
        let voiced = if matches!(self.weighing, Weighing::Gradual(_)) {
            n
        } else {
            self.scope.min(n)
        };
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
            let (s, u) = counts(&self.claims[i].evidence);
            let supported: f64 = self.supporters[i]
                .iter()
                .filter(|&&d| present[d as usize])
                .map(|&d| standing[d as usize].1)
                .sum();
            let factor = ((1.0 + s + 0.5 * supported) / (1.0 + u)).sqrt();
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
    fn tally(
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
        // The voices that hold a claim of the row, by side.
        let mut voicing: [Vec<Voice>; 2] = [Vec::new(), Vec::new()];
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
                let stances: Vec<Stance> = group
                    .iter()
                    .filter(|&&(s, _)| !absent.scholars[s as usize])
                    .map(|(_, h)| h.stance())
                    .collect();
                let rejects = stances.iter().filter(|&&s| s == Stance::Rejects).count();
                if rejects > 0 {
                    let share = rejects as f64 / stances.len() as f64;
                    if side == 0 {
                        t.rejecting_con += share;
                    } else {
                        t.rejecting_pro += share;
                    }
                }
            }
        }
        t.pro += t.rejecting_pro;
        t.con += t.rejecting_con;
        if support {
            self.independent_support(&mut t, members(), numbers, absent);
        }
        t
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
