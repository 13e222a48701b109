//! Comparing the explanations of one event.

use std::collections::BTreeMap;

use super::report::{
    ClaimEntry, Comparison, EvidenceEntry, PositionEntry, Scope, Standing, Verdict,
};
use super::view::CompareOptions;
use super::view::Weighing;
use crate::argument::{Acceptance, GradualOptions};
use crate::error::Result;
use crate::graph::Corpus;
use crate::model::{Bearing, ClaimId, EventId, ExplanationId, Polarity, Position, ScholarId};

type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// The standing (label and factor *a(c)*) of claims around the claims in view.
type Labels = HashMap<ClaimId, (Acceptance, f64)>;

/// What one claim in view contributes to its explanation's standing.
#[derive(Clone, Copy)]
struct Numbers {
    polarity: Polarity,
    weight: f64,
    acceptance: Acceptance,
    strength: f64,
    rejections: usize,
}

/// A claim in view, with what the score needs.
struct Seen {
    id: ClaimId,
    positions: Vec<(ScholarId, Position)>,
}

impl Corpus {
    /// Compares the explanations of an event: every explanation that a claim
    /// connects to the event, ranked, with the claims for and against it,
    /// their scholars and evidence, a score and a verdict.
    ///
    /// # The score
    /// Only claims *in view* count (see [`CompareOptions`]: the events in
    /// scope, the year, the scholars). Each scholar counts once per claim,
    /// by the latest position they took on it in view. For each claim *c* in
    /// view:
    ///
    /// - **backing** *b(c)*: the sum over scholars of 1 for *advances* or
    ///   *endorses* and ½ for *qualifies*; a claim no scholar takes a
    ///   position on counts as advanced once. **Rejections** *r(c)*: the
    ///   number of scholars whose position is *rejects*.
    /// - **evidence factor** *e(c)* = √((1 + s + ½·Σ a(d)) / (1 + u)), where
    ///   *s* and *u* count the evidence in view that supports and undermines
    ///   *c*, and *d* runs over the claims in view that support *c*.
    /// - **standing** *a(c)* in \[0, 1\], as the options'
    ///   [`Weighing`](crate::Weighing) says. By default 1, ½ or 0 as *c* is
    ///   in, undecided or out in the grounded labelling (Dung 1995) of the
    ///   attacks among claims in view: a claim stands unless an undefeated
    ///   claim attacks it. Other semantics weigh by sceptical (1) or only
    ///   credulous (½) acceptance, or by gradual strength.
    /// - the claim's **weight** is *b·e*; it gives *b·e·a* to its own side
    ///   (for the explanation if it affirms, against if it denies), and its
    ///   rejections *r* to the other side. The part the debate has defeated,
    ///   *b·e·(1 − a)*, is kept apart as *D⁺* (affirming claims) or *D⁻*
    ///   (denying claims).
    ///
    /// When variants roll up into their family, a claim about a variant
    /// counts for the family only when it affirms, and only with what stands
    /// (*b·e·a*): a variant that holds is a way the family holds, but
    /// denying, rejecting or defeating one variant says nothing against the
    /// family.
    ///
    /// With *P* and *N* the totals for and against an explanation, its score
    /// is (*P* − *N*) / (*P* + *N* + 1), between −1 and +1: the 1 is a unit of
    /// doubt, so that one unopposed claim scores ½ and a well-backed
    /// consensus approaches 1. When nothing in view stands for or against it
    /// (*P* = *N* = 0) but the debate has defeated claims about it, the
    /// defeats speak: the score is (*D⁻* − *D⁺*) / (*D⁻* + *D⁺* + 1), so an
    /// explanation whose every affirmation was defeated is rejected.
    ///
    /// The verdict is *supported* at a score of at least the threshold
    /// (default ½), *rejected* at most its negative, *contested* in between,
    /// and *unaddressed* when claims connect the explanation to the event but
    /// none in view bears on it. Standings are ranked by score, then by
    /// *P* + *N*, then by key; unaddressed ones come last.
    ///
    /// # Complexity
    /// O(k log k + A) for *k* claims, positions, citations and supports
    /// around the events in scope, and *A* attacks among the claims that can
    /// reach them through chains of attacks; it does not scan the corpus.
    ///
    /// # Errors
    /// [`Error::UnknownId`](crate::Error::UnknownId) for an event or scholar
    /// not in the corpus; [`Error::InvalidOption`](crate::Error::InvalidOption)
    /// for a threshold outside (0, 1].
    ///
    /// ```
    /// use historiograph::{CompareOptions, EventId};
    ///
    /// let corpus = historiograph::sino_soviet_split();
    /// let leap: EventId = corpus.resolve("great-leap-forward")?;
    /// let comparison = corpus.compare(leap, &CompareOptions::new().with_roll_up(true))?;
    /// for standing in comparison.standings() {
    ///     println!("{}: {} ({:+.2})", standing.name(), standing.verdict(), standing.score());
    /// }
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn compare(&self, event: EventId, options: &CompareOptions) -> Result<Comparison> {
        options.check(self)?;
        self.live(event)?;
        let scope = self.scope_events(event, options);

        // Claims about the events in scope, with the scope events each concerns.
        let mut about: BTreeMap<ClaimId, Vec<EventId>> = BTreeMap::new();
        for &e in &scope {
            for claim in self.claims_about(e) {
                about.entry(claim).or_default().push(e);
            }
        }

        let standings = self.standings_of(&about, options, true);
        let data = self.event(event);
        Ok(Comparison {
            id: event,
            event: self.name_of(event),
            name: data.map(|e| e.name().to_owned()).unwrap_or_default(),
            when: data.and_then(|e| e.when()).map(|w| w.to_string()),
            scope: Scope {
                enclosing: options.enclosing(),
                enclosed: options.enclosed(),
                roll_up: options.roll_up(),
                as_of: options.as_of(),
                scholars: options
                    .scholars()
                    .map(|s| s.map(|id| self.name_of(id)).collect()),
                threshold: options.threshold(),
                weighing: options.weighing(),
            },
            standings,
        })
    }

    /// The standings of the explanations of an event, scores and verdicts
    /// only: as [`compare`](Corpus::compare), without the claim entries,
    /// for queries that need only the numbers (the matrix, sensitivity).
    pub(crate) fn tally(&self, event: EventId, options: &CompareOptions) -> Result<Vec<Standing>> {
        options.check(self)?;
        self.live(event)?;
        let mut about: BTreeMap<ClaimId, Vec<EventId>> = BTreeMap::new();
        for e in self.scope_events(event, options) {
            for claim in self.claims_about(e) {
                about.entry(claim).or_default().push(e);
            }
        }
        Ok(self.standings_of(&about, options, false))
    }

    /// The ranked standings of the explanations the claims in `about`
    /// invoke; `about` maps each claim to the events in scope it concerns.
    /// With `detail`, each standing lists its claims (the entries of a
    /// [`Comparison`]); without, only the numbers are computed.
    pub(crate) fn standings_of(
        &self,
        about: &BTreeMap<ClaimId, Vec<EventId>>,
        options: &CompareOptions,
        detail: bool,
    ) -> Vec<Standing> {
        let mut seen: Vec<Seen> = Vec::new();
        let mut unseen: BTreeMap<ExplanationId, usize> = BTreeMap::new();
        for &claim in about.keys() {
            let (visible, positions) = options.sees_claim(self, claim);
            if visible {
                seen.push(Seen {
                    id: claim,
                    positions,
                });
            } else if let Some(x) = self.target_explanation(claim, options) {
                *unseen.entry(x).or_default() += 1;
            }
        }

        let labels = self.acceptance_around(&seen, options);

        let mut rows: BTreeMap<ExplanationId, Standing> = BTreeMap::new();
        for claim in &seen {
            let Some(target) = self.target_explanation(claim.id, options) else {
                continue;
            };
            let numbers = self.claim_numbers(claim, options, &labels);
            let a = numbers.strength;
            let mut stands = numbers.weight * a;
            let mut defeated = numbers.weight * (1.0 - a);
            let mut rejections = numbers.rejections as f64;
            // Rolled up from a variant: affirming a variant affirms its family,
            // but denying, rejecting or defeating one variant says nothing
            // against the family.
            if self.explanation_of(claim.id) != Some(target) {
                defeated = 0.0;
                rejections = 0.0;
                if numbers.polarity == Polarity::Denies {
                    stands = 0.0;
                }
            }
            let row = rows
                .entry(target)
                .or_insert_with(|| self.empty_standing(target));
            let entries = match numbers.polarity {
                Polarity::Affirms => {
                    row.pro += stands;
                    row.con += rejections;
                    row.defeated_pro += defeated;
                    &mut row.supporting
                }
                Polarity::Denies => {
                    row.con += stands;
                    row.pro += rejections;
                    row.defeated_con += defeated;
                    &mut row.opposing
                }
            };
            if detail {
                entries.push(self.claim_entry(claim, &about[&claim.id], options, &labels, numbers));
            }
        }
        for (&x, &count) in &unseen {
            rows.entry(x)
                .or_insert_with(|| self.empty_standing(x))
                .unseen = count;
        }

        let mut standings: Vec<Standing> = rows.into_values().collect();
        for s in &mut standings {
            let (score, bears) = if s.pro + s.con > 0.0 {
                ((s.pro - s.con) / (s.pro + s.con + 1.0), true)
            } else {
                let defeated = s.defeated_pro + s.defeated_con;
                (
                    (s.defeated_con - s.defeated_pro) / (defeated + 1.0),
                    defeated > 0.0,
                )
            };
            s.score = score;
            s.verdict = if !bears {
                Verdict::Unaddressed
            } else if score >= options.threshold() {
                Verdict::Supported
            } else if score <= -options.threshold() {
                Verdict::Rejected
            } else {
                Verdict::Contested
            };
        }
        standings.sort_by(|a, b| {
            (a.verdict == Verdict::Unaddressed)
                .cmp(&(b.verdict == Verdict::Unaddressed))
                .then(b.score.total_cmp(&a.score))
                .then((b.pro + b.con).total_cmp(&(a.pro + a.con)))
                .then_with(|| a.explanation.cmp(&b.explanation))
        });

        standings
    }

    /// The event, plus enclosing and enclosed events as the options ask.
    /// Iterative: long chains of nesting cannot overflow the stack.
    pub(crate) fn scope_events(&self, event: EventId, options: &CompareOptions) -> Vec<EventId> {
        let mut scope = vec![event];
        if options.enclosing() {
            let mut at = event;
            while let Some(parent) = self.enclosing(at) {
                scope.push(parent);
                at = parent;
            }
        }
        if options.enclosed() {
            let mut stack = vec![event];
            while let Some(at) = stack.pop() {
                for child in self.enclosed(at) {
                    scope.push(child);
                    stack.push(child);
                }
            }
        }
        scope
    }

    /// The explanation a claim counts for: its own, or its family when rolling up.
    pub(crate) fn target_explanation(
        &self,
        claim: ClaimId,
        options: &CompareOptions,
    ) -> Option<ExplanationId> {
        let own = self.explanation_of(claim)?;
        if options.roll_up() {
            self.family(own)
        } else {
            Some(own)
        }
    }

    /// The standing (label and factor *a(c)*) of the claims in view that can
    /// reach `seen` (or their supporters) through chains of attacks (and,
    /// for gradual weighing, supports). A claim's standing depends only on
    /// the claims that can reach it, so this equals its standing in the
    /// whole debate in view, at the cost of the part that matters. The map
    /// holds every claim in `seen`, and every supporter and attacker of one
    /// that is in view: for those, being in the map is being in view.
    fn acceptance_around(&self, seen: &[Seen], options: &CompareOptions) -> Labels {
        if options.sees_everything() && options.weighing() == Weighing::Grounded {
            return self.acceptance_from_index(seen);
        }
        let mut index: HashMap<ClaimId, usize> = HashMap::default();
        let mut order: Vec<ClaimId> = Vec::new();
        let mut visible: HashMap<ClaimId, bool> = HashMap::default();
        let mut is_visible = |c: ClaimId| {
            *visible
                .entry(c)
                .or_insert_with(|| options.sees_claim(self, c).0)
        };
        let push = |c: ClaimId, index: &mut HashMap<ClaimId, usize>, order: &mut Vec<ClaimId>| {
            if let std::collections::hash_map::Entry::Vacant(slot) = index.entry(c) {
                slot.insert(order.len());
                order.push(c);
            }
        };
        for claim in seen {
            push(claim.id, &mut index, &mut order);
            for supporter in self.supporters_of(claim.id) {
                if is_visible(supporter) {
                    push(supporter, &mut index, &mut order);
                }
            }
        }
        let follow_supports = matches!(options.weighing(), Weighing::Gradual(_));
        let mut next = 0;
        while next < order.len() {
            let claim = order[next];
            for (attacker, _) in self.attackers_of(claim) {
                if is_visible(attacker) {
                    push(attacker, &mut index, &mut order);
                }
            }
            if follow_supports {
                for supporter in self.supporters_of(claim) {
                    if is_visible(supporter) {
                        push(supporter, &mut index, &mut order);
                    }
                }
            }
            next += 1;
        }
        let view = self.framework_of(&order, options);
        let af = view.framework();
        let grounded = af.grounded();
        let label = |i: usize| grounded.labels()[i];
        let standings: Vec<(Acceptance, f64)> = match options.weighing() {
            Weighing::Grounded => (0..order.len())
                .map(|i| (label(i), label(i).weight()))
                .collect(),
            Weighing::Extensions(semantics) => af
                .acceptance_of_all(semantics)
                .into_iter()
                .map(|(credulous, sceptical)| {
                    let standing = match (credulous, sceptical) {
                        (true, true) => Acceptance::In,
                        (true, false) => Acceptance::Undecided,
                        _ => Acceptance::Out,
                    };
                    (standing, standing.weight())
                })
                .collect(),
            Weighing::Gradual(semantics) => {
                match af.strengths(semantics, &GradualOptions::default()) {
                    Ok(strengths) => (0..order.len())
                        .map(|i| (label(i), strengths.values()[i]))
                        .collect(),
                    // The default options are valid; fall back to the grounded reading.
                    Err(_) => (0..order.len())
                        .map(|i| (label(i), label(i).weight()))
                        .collect(),
                }
            }
        };
        order.into_iter().zip(standings).collect()
    }

    /// As [`acceptance_around`](Corpus::acceptance_around) when everything
    /// is in view and weighing is grounded: the labels come from the
    /// corpus's index of the whole debate, for the claims in `seen`, their
    /// supporters and their attackers, in O(their number).
    fn acceptance_from_index(&self, seen: &[Seen]) -> Labels {
        let labels = self.grounded_index();
        let label = |c: ClaimId| {
            let a = labels.get(c.0 as usize).copied().unwrap_or(Acceptance::In);
            (c, (a, a.weight()))
        };
        let mut map = HashMap::with_capacity_and_hasher(seen.len() * 2, Default::default());
        for claim in seen {
            map.extend([label(claim.id)]);
            map.extend(self.supporters_of(claim.id).map(label));
            map.extend(self.attackers_of(claim.id).map(|(a, _)| label(a)));
        }
        map
    }

    fn empty_standing(&self, explanation: ExplanationId) -> Standing {
        let data = self.explanation(explanation);
        Standing {
            id: explanation,
            explanation: self.name_of(explanation),
            name: data.map(|x| x.name().to_owned()).unwrap_or_default(),
            family: self
                .family(explanation)
                .map(|f| self.name_of(f))
                .unwrap_or_default(),
            verdict: Verdict::Unaddressed,
            score: 0.0,
            pro: 0.0,
            con: 0.0,
            defeated_pro: 0.0,
            defeated_con: 0.0,
            unseen: 0,
            supporting: Vec::new(),
            opposing: Vec::new(),
        }
    }

    /// What a claim in view weighs, computed without building its entry.
    fn claim_numbers(&self, claim: &Seen, options: &CompareOptions, labels: &Labels) -> Numbers {
        let (backing, rejections) = self.backing_and_rejections(&claim.positions);
        let (mut supports, mut undermines) = (0.0, 0.0);
        for (e, bearing) in self.citations(claim.id) {
            if options.sees_evidence(self, e) {
                match bearing {
                    Bearing::Supports => supports += 1.0,
                    Bearing::Undermines => undermines += 1.0,
                }
            }
        }
        let supporters: f64 = self
            .supporters_of(claim.id)
            .filter_map(|d| labels.get(&d))
            .map(|(_, a)| *a)
            .sum();
        let factor = ((1.0 + supports + 0.5 * supporters) / (1.0 + undermines)).sqrt();
        let (acceptance, strength) = labels
            .get(&claim.id)
            .copied()
            .unwrap_or((Acceptance::In, 1.0));
        Numbers {
            polarity: self
                .claim(claim.id)
                .map(|c| c.polarity())
                .unwrap_or_default(),
            weight: backing * factor,
            acceptance,
            strength,
            rejections,
        }
    }

    fn claim_entry(
        &self,
        claim: &Seen,
        events: &[EventId],
        options: &CompareOptions,
        labels: &Labels,
        numbers: Numbers,
    ) -> ClaimEntry {
        let data = self.claim(claim.id);
        let positions: Vec<PositionEntry> = claim
            .positions
            .iter()
            .map(|(scholar, p)| PositionEntry {
                scholar: self.name_of(*scholar),
                name: self
                    .scholar(*scholar)
                    .map(|s| s.name().to_owned())
                    .unwrap_or_default(),
                stance: p.stance(),
                year: self.position_year(p),
                work: p.work().map(|w| self.name_of(w)),
            })
            .collect();
        let evidence: Vec<EvidenceEntry> = self
            .citations(claim.id)
            .filter(|(e, _)| options.sees_evidence(self, *e))
            .map(|(e, bearing)| {
                let item = self.evidence(e);
                EvidenceEntry {
                    key: self.name_of(e),
                    description: item.map(|i| i.description().to_owned()).unwrap_or_default(),
                    bearing,
                    locator: item.and_then(|i| i.locator()).map(ToOwned::to_owned),
                    work: self.evidence_work(e).map(|w| self.name_of(w)),
                }
            })
            .collect();
        let attacked_by = self
            .attackers_of(claim.id)
            .filter_map(|(a, kind)| Some((self.name_of(a), kind, labels.get(&a)?.0)))
            .collect();
        ClaimEntry {
            id: claim.id,
            key: self.name_of(claim.id),
            text: data.map(|c| c.text().to_owned()).unwrap_or_default(),
            polarity: numbers.polarity,
            explanation: self
                .explanation_of(claim.id)
                .map(|x| self.name_of(x))
                .unwrap_or_default(),
            events: events.iter().map(|&e| self.name_of(e)).collect(),
            acceptance: numbers.acceptance,
            strength: numbers.strength,
            weight: numbers.weight,
            rejections: numbers.rejections,
            positions,
            evidence,
            attacked_by,
        }
    }
}
