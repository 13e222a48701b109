//! How robust a verdict is: the fewest claims, and the fewest scholars,
//! whose removal would change it (the calculus, §6).

use std::fmt;

use serde::Serialize;

use super::debate::{Absent, Debate, Delta, Outcome, Tally, directional};
use super::options::Weighing;
use super::report::Verdict;
use crate::model::ExplanationId;

/// How many removals it takes to change a verdict: an exact number where
/// the search could try every smaller set, bounds where its budget ran out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Margin {
    /// Removing this many changes it, and no fewer do.
    Exactly(usize),
    /// No fewer than the first change it (every smaller set was tried), and
    /// a set of the second size was found that does.
    Between(usize, usize),
    /// No fewer than this many change it; no set that does was found
    /// within the budget.
    AtLeast(usize),
    /// No set of removals changes it: every set was tried.
    Never,
}

impl Margin {
    /// The least number of removals that could change the verdict.
    pub fn lower(self) -> Option<usize> {
        match self {
            Margin::Exactly(n) | Margin::Between(n, _) | Margin::AtLeast(n) => Some(n),
            Margin::Never => None,
        }
    }

    /// The size of the smallest set found that changes the verdict.
    pub fn upper(self) -> Option<usize> {
        match self {
            Margin::Exactly(n) | Margin::Between(_, n) => Some(n),
            Margin::AtLeast(_) | Margin::Never => None,
        }
    }

    /// Whether the number is exact (or there is none).
    pub fn is_exact(self) -> bool {
        matches!(self, Margin::Exactly(_) | Margin::Never)
    }

    /// The margin as words, for `what` in the singular and plural:
    /// `4 claims`, `2 to 5 scholars`, `at least 3 claims`.
    pub fn describe(self, one: &str, many: &str) -> String {
        let noun = |n: usize| if n == 1 { one } else { many };
        match self {
            Margin::Exactly(n) => format!("{n} {}", noun(n)),
            Margin::Between(a, b) => format!("{a} to {b} {many}"),
            Margin::AtLeast(n) => format!("at least {n} {}", noun(n)),
            Margin::Never => format!("no removal of {many}"),
        }
    }
}

impl fmt::Display for Margin {
    /// `4`, `2 to 5`, `at least 3`, `never`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Margin::Exactly(n) => write!(f, "{n}"),
            Margin::Between(a, b) => write!(f, "{a} to {b}"),
            Margin::AtLeast(n) => write!(f, "at least {n}"),
            Margin::Never => f.write_str("never"),
        }
    }
}

/// How robust a verdict (or the lead) is: the fewest claims, and
/// separately the fewest scholars, whose removal would change it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Robustness {
    claims: Margin,
    scholars: Margin,
}

impl Robustness {
    /// The fewest claims whose removal changes it.
    pub fn claims(&self) -> Margin {
        self.claims
    }

    /// The fewest scholars whose removal (of all their positions) changes it.
    pub fn scholars(&self) -> Margin {
        self.scholars
    }
}

impl fmt::Display for Robustness {
    /// `it would take removing 4 claims or 2 scholars to change that`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.claims, self.scholars) {
            (Margin::Never, Margin::Never) => f.write_str("no removal would change that"),
            (claims, Margin::Never) => write!(
                f,
                "it would take removing {} to change that (no removal of scholars would)",
                claims.describe("claim", "claims")
            ),
            (claims, scholars) => write!(
                f,
                "it would take removing {} or {} to change that",
                claims.describe("claim", "claims"),
                scholars.describe("scholar", "scholars")
            ),
        }
    }
}

/// A row's verdict, net weight *P* − *N* and score: what ranks it.
type RankKey = (Verdict, f64, f64);

/// What a search asks of each evaluation.
#[derive(Clone, Copy)]
pub(crate) enum Question {
    /// Whether this row's verdict differs from the one given.
    Verdict(usize, Verdict),
    /// Whether the leading row differs from the one given.
    Lead(Option<ExplanationId>),
}

impl Debate {
    /// The robustness of each row's verdict and of the lead, all searches
    /// within `budget` claim-evaluations: half for the lead (when there is
    /// a leader), the rest shared by the addressed rows; each question's
    /// share split between its two margins. `None` for an unaddressed row.
    pub(crate) fn robustness(
        &self,
        base: &Outcome,
        budget: usize,
    ) -> (Vec<Option<Robustness>>, Option<Robustness>) {
        self.robustness_in(base, budget, Parts::Fit)
    }

    /// [`robustness`](Debate::robustness), with the parts of the debate
    /// made as `parts` says.
    fn robustness_in(
        &self,
        base: &Outcome,
        budget: usize,
        parts: Parts,
    ) -> (Vec<Option<Robustness>>, Option<Robustness>) {
        let verdicts: Vec<Verdict> = base
            .tallies
            .iter()
            .map(|t| t.verdict(self.threshold))
            .collect();
        let leader = self.leader(&base.tallies);
        let for_lead = if leader.is_some() { budget / 2 } else { 0 };
        let addressed = verdicts
            .iter()
            .filter(|&&v| v != Verdict::Unaddressed)
            .count();
        let per_row = (budget - for_lead) / addressed.max(1);
        let rows = verdicts
            .iter()
            .enumerate()
            .map(|(r, &verdict)| {
                (verdict != Verdict::Unaddressed)
                    .then(|| self.search(Question::Verdict(r, verdict), base, per_row, parts))
            })
            .collect();
        let lead = leader.map(|_| self.search(Question::Lead(leader), base, for_lead, parts));
        (rows, lead)
    }

    /// The leading row's explanation: the best-ranked family row, when its
    /// verdict is supported.
    pub(crate) fn leader(&self, tallies: &[Tally]) -> Option<ExplanationId> {
        // The first family row in rank order: the least under the ranking's
        // order, which ends on the key and so has no ties.
        let mut best: Option<(RankKey, usize)> = None;
        for r in 0..self.rows.len() {
            if !self.ranked(tallies, r) || self.rows[r].parent.is_some() {
                continue;
            }
            let key = self.rank_key(&tallies[r]);
            if best.is_none_or(|(b, at)| self.rank_order(key, r, b, at).is_lt()) {
                best = Some((key, r));
            }
        }
        let (key, r) = best?;
        (key.0 == Verdict::Supported).then(|| self.rows[r].id)
    }

    /// Whether a row is ranked: some claim in view, or out of view, is in it.
    fn ranked(&self, tallies: &[Tally], r: usize) -> bool {
        tallies[r].affirming + tallies[r].denying + self.rows[r].unseen > 0
    }

    /// A row's verdict, net weight and score, as the ranking reads them.
    fn rank_key(&self, t: &Tally) -> RankKey {
        (t.verdict(self.threshold), t.pro - t.con, t.score())
    }

    /// The ranking's order between row `a`, whose key is `x`, and row `b`,
    /// whose key is `y` (the calculus, §5).
    fn rank_order(&self, x: RankKey, a: usize, y: RankKey, b: usize) -> std::cmp::Ordering {
        x.0.cmp(&y.0)
            .then(y.1.total_cmp(&x.1))
            .then(y.2.total_cmp(&x.2))
            .then_with(|| self.rows[a].key.cmp(&self.rows[b].key))
    }

    /// The rows in rank order (the calculus, §5): by verdict (supported,
    /// contested, rejected, unaddressed), then net weight *P* − *N*, then
    /// score, then key.
    pub(crate) fn ranking(&self, outcome: &Outcome) -> Vec<usize> {
        let keys: Vec<RankKey> = outcome.tallies.iter().map(|t| self.rank_key(t)).collect();
        let mut order: Vec<usize> = (0..self.rows.len())
            .filter(|&r| self.ranked(&outcome.tallies, r))
            .collect();
        order.sort_by(|&a, &b| self.rank_order(keys[a], a, keys[b], b));
        order
    }

    fn changed(&self, question: Question, tallies: &[Tally]) -> bool {
        match question {
            Question::Verdict(r, verdict) => tallies[r].verdict(self.threshold) != verdict,
            Question::Lead(leader) => self.leader(tallies) != leader,
        }
    }

    /// Both margins of one question. A verdict's question is asked of the
    /// part of the debate that bears on its row (when the weighing is
    /// directional: the rest cannot change it), so each try costs only that.
    ///
    /// Under the grounded weighing a part that is most of the debate is not
    /// built: its question is asked of the whole debate, where the tries
    /// relabel only what their removals reach ([`Delta`]) and every claim
    /// the verdict depends on is present, so each answer is the part's;
    /// each try is still charged the part's size, so the budget, and every
    /// margin, is the same as the part's search. (The candidates are the
    /// same list: the part keeps the debate's order and its lists.)
    fn search(
        &self,
        question: Question,
        base: &Outcome,
        budget: usize,
        parts: Parts,
    ) -> Robustness {
        let claims = self.claim_candidates(question, base);
        let mut cost = self.claims.len();
        if let (Question::Verdict(r, verdict), true) = (question, directional(self.weighing)) {
            let most = parts == Parts::Fit
                && self.weighing == Weighing::Grounded
                && 2 * claims.len() >= self.claims.len();
            if claims.len() < self.claims.len() && most {
                cost = claims.len();
            } else if claims.len() < self.claims.len() {
                let part = self.restrict(&claims, r);
                let (none, nobody) = part.nothing();
                let base = part.evaluate_rows(
                    Absent {
                        claims: &none,
                        scholars: &nobody,
                    },
                    Some(0),
                    false,
                );
                return part.search(Question::Verdict(0, verdict), &base, budget, parts);
            }
        }
        let scholars = self.scholar_candidates(&claims);
        Robustness {
            claims: self.smallest(question, base, &claims, Kind::Claims, budget / 2, cost),
            scholars: self.smallest(question, base, &scholars, Kind::Scholars, budget / 2, cost),
        }
    }

    /// The claims whose removal can bear on the question, most influential
    /// first: the claims of the rows it asks about, by the weight that
    /// stands, then every claim that can reach them through defeats or
    /// supports.
    fn claim_candidates(&self, question: Question, base: &Outcome) -> Vec<u32> {
        let mut members: Vec<u32> = match question {
            Question::Verdict(r, _) => self.rows[r].members.clone(),
            Question::Lead(_) => (0..self.scope as u32).collect(),
        };
        members.retain(|&i| base.present[i as usize]);
        let stands = |i: u32| {
            let n = base.numbers[i as usize];
            n.weight * n.strength
        };
        members.sort_by(|&a, &b| stands(b).total_cmp(&stands(a)).then(a.cmp(&b)));
        let mut seen = vec![false; self.claims.len()];
        for &i in &members {
            seen[i as usize] = true;
        }
        let mut order = members;
        let mut next = 0;
        while next < order.len() {
            let i = order[next] as usize;
            for &j in self.defeaters[i].iter().chain(&self.supporters[i]) {
                if base.present[j as usize] && !seen[j as usize] {
                    seen[j as usize] = true;
                    order.push(j);
                }
            }
            next += 1;
        }
        order
    }

    /// The scholars who hold a position on one of the claims.
    fn scholar_candidates(&self, claims: &[u32]) -> Vec<u32> {
        let mut weight = vec![0usize; self.scholars.len()];
        for &i in claims {
            for &(s, _) in &self.claims[i as usize].held {
                weight[s as usize] += 1;
            }
        }
        // By weight, heaviest first, then by index: a counting sort (the
        // weights are small numbers), stable over the indices in order.
        let most = weight.iter().copied().max().unwrap_or(0);
        let mut start = vec![0usize; most + 2];
        for &w in &weight {
            start[most - w + 1] += 1;
        }
        for k in 1..start.len() {
            start[k] += start[k - 1];
        }
        let kept = start[most]; // those of weight 0 come last, and go
        let mut out = vec![0u32; weight.len()];
        for (s, &w) in weight.iter().enumerate() {
            out[start[most - w]] = s as u32;
            start[most - w] += 1;
        }
        out.truncate(kept);
        out
    }

    /// The fewest candidates whose removal changes the answer: an upper
    /// bound first, by removing candidates in order and bisecting for a
    /// prefix that changes it; then every smaller set, smallest first,
    /// while the budget lasts.
    fn smallest(
        &self,
        question: Question,
        base: &Outcome,
        candidates: &[u32],
        kind: Kind,
        budget: usize,
        cost: usize,
    ) -> Margin {
        let mut probe = Probe::new(self, base, kind, budget, cost);
        let upper = probe.bisect(question, candidates);
        let limit = upper.unwrap_or(candidates.len());
        for size in 1..=limit {
            if upper == Some(size) {
                return Margin::Exactly(size);
            }
            match probe.any_of_size(question, candidates, size) {
                Some(true) => return Margin::Exactly(size),
                Some(false) => {}
                None => {
                    return match upper {
                        Some(upper) => Margin::Between(size, upper),
                        None => Margin::AtLeast(size),
                    };
                }
            }
        }
        match upper {
            Some(upper) => Margin::Exactly(upper),
            None => Margin::Never,
        }
    }
}

/// How a verdict's question is asked of the part of the debate that bears
/// on it (the answers are the same either way).
#[derive(Clone, Copy, PartialEq)]
enum Parts {
    /// Built as a debate of its own, unless the weighing is grounded and
    /// the part is most of the debate: then asked of the whole debate.
    Fit,
    /// Always built (the plain rule, which the tests hold `Fit` to).
    #[cfg_attr(not(test), allow(dead_code))]
    Built,
}

/// What a search removes.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Claims,
    Scholars,
}

/// Evaluations within a budget. A try costs the number of claims in the
/// part of the debate asked about, however it is computed: under the
/// grounded weighing only what the removals reach is computed again
/// ([`Delta`]), with the same result as a whole evaluation.
struct Probe<'a> {
    debate: &'a Debate,
    kind: Kind,
    left: usize,
    /// What a try costs (at least 1).
    cost: usize,
    claims: Vec<bool>,
    scholars: Vec<bool>,
    delta: Option<Delta<'a>>,
    /// How many candidates, from the first, the last try of the bisection
    /// removed (`delta` holds that evaluation); 0 outside it.
    prefix: usize,
}

impl<'a> Probe<'a> {
    /// Tries on `debate`, whose evaluation with nothing absent is `base`,
    /// each costing `cost`.
    fn new(
        debate: &'a Debate,
        base: &'a Outcome,
        kind: Kind,
        budget: usize,
        cost: usize,
    ) -> Probe<'a> {
        let (claims, scholars) = debate.nothing();
        Probe {
            debate,
            kind,
            left: budget,
            cost: cost.max(1),
            claims,
            scholars,
            delta: (debate.weighing == Weighing::Grounded).then(|| Delta::new(debate, base)),
            prefix: 0,
        }
    }

    /// Whether removing `set` changes the answer; `None` when the budget is spent.
    fn changes(&mut self, question: Question, set: &[u32]) -> Option<bool> {
        debug_assert_eq!(self.prefix, 0, "a try from the base inside the bisection");
        self.charge()?;
        self.mark(set, true);
        let changed = self.ask(question, set, false);
        self.mark(set, false);
        Some(changed)
    }

    /// Whether removing the first `len` candidates changes the answer,
    /// evaluated from the last try of the bisection (whose removals differ
    /// from these by a run of candidates only); `None` when the budget is
    /// spent. The candidates stay marked until [`end_prefix`](Probe::end_prefix).
    fn changes_prefix(
        &mut self,
        question: Question,
        candidates: &[u32],
        len: usize,
    ) -> Option<bool> {
        self.charge()?;
        let (from, to) = (self.prefix.min(len), self.prefix.max(len));
        let run = &candidates[from..to];
        self.mark(run, len > self.prefix);
        self.prefix = len;
        Some(self.ask(question, run, true))
    }

    /// Ends the bisection's run of tries: nothing is marked, and the next
    /// try is from the base.
    fn end_prefix(&mut self, candidates: &[u32]) {
        self.mark(&candidates[..self.prefix], false);
        self.prefix = 0;
    }

    /// Takes one try's cost from the budget; `None` when it is spent.
    fn charge(&mut self) -> Option<()> {
        let cost = self.cost;
        self.left = self.left.checked_sub(cost)?;
        Some(())
    }

    /// Marks (or unmarks) candidates as removed.
    fn mark(&mut self, set: &[u32], removed: bool) {
        let marks = match self.kind {
            Kind::Claims => &mut self.claims,
            Kind::Scholars => &mut self.scholars,
        };
        for &i in set {
            marks[i as usize] = removed;
        }
    }

    /// Whether the removals marked change the answer, where `set` holds
    /// the candidates whose marks differ from the base's (from the last
    /// try's, when `from_last`).
    fn ask(&mut self, question: Question, set: &[u32], from_last: bool) -> bool {
        let only = match question {
            Question::Verdict(r, _) => Some(r),
            Question::Lead(_) => None,
        };
        let absent = Absent {
            claims: &self.claims,
            scholars: &self.scholars,
        };
        match &mut self.delta {
            Some(delta) => {
                let (claims, scholars): (&[u32], &[u32]) = match self.kind {
                    Kind::Claims => (set, &[]),
                    Kind::Scholars => (&[], set),
                };
                let tallies = if from_last {
                    delta.tallies_from_last(absent, claims, scholars, only)
                } else {
                    delta.tallies(absent, claims, scholars, only)
                };
                self.debate.changed(question, tallies)
            }
            None => {
                let outcome = self.debate.evaluate_rows(absent, only, false);
                self.debate.changed(question, &outcome.tallies)
            }
        }
    }

    /// The size of a prefix of `candidates` whose removal changes the
    /// answer, found by bisection between the empty prefix (no change) and
    /// the whole list, if removing the whole list changes it. Each try is
    /// evaluated from the one before.
    fn bisect(&mut self, question: Question, candidates: &[u32]) -> Option<usize> {
        let found = self.bisect_prefixes(question, candidates);
        self.end_prefix(candidates);
        found
    }

    fn bisect_prefixes(&mut self, question: Question, candidates: &[u32]) -> Option<usize> {
        if candidates.is_empty()
            || self.changes_prefix(question, candidates, candidates.len()) != Some(true)
        {
            return None;
        }
        let (mut lo, mut hi) = (0, candidates.len());
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            match self.changes_prefix(question, candidates, mid) {
                Some(true) => hi = mid,
                Some(false) => lo = mid,
                None => break,
            }
        }
        Some(hi)
    }

    /// Whether some set of `size` candidates changes the answer; `None`
    /// when the budget ran out before every set was tried.
    fn any_of_size(&mut self, question: Question, candidates: &[u32], size: usize) -> Option<bool> {
        if size > candidates.len() {
            return Some(false);
        }
        let mut chosen: Vec<usize> = (0..size).collect();
        let mut set: Vec<u32> = Vec::with_capacity(size);
        loop {
            set.clear();
            set.extend(chosen.iter().map(|&i| candidates[i]));
            if self.changes(question, &set)? {
                return Some(true);
            }
            if !next_combination(&mut chosen, candidates.len()) {
                return Some(false);
            }
        }
    }
}

/// Advances `chosen` (sorted indices below `n`) to the next combination of
/// the same size; `false` after the last.
pub(crate) fn next_combination(chosen: &mut [usize], n: usize) -> bool {
    let k = chosen.len();
    for i in (0..k).rev() {
        if chosen[i] < n - k + i {
            chosen[i] += 1;
            for j in i + 1..k {
                chosen[j] = chosen[j - 1] + 1;
            }
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::Parts;
    use crate::model::EventId;
    use crate::query::CompareOptions;
    use crate::query::debate::Absent;
    use crate::synthetic::Synthetic;

    /// The scholars are ranked as the calculus says (§6, candidates by
    /// weight): most positions on the candidate claims first, then by
    /// index, none without one.
    #[test]
    fn scholars_are_ranked_by_weight_then_index() {
        let corpus = Synthetic::new(3_000).with_seed(5).build();
        let options = CompareOptions::new();
        let mut checked = 0;
        for event in corpus.ids::<EventId>().step_by(11) {
            let debate = corpus.debate(&corpus.about(event, &options), &options);
            for claims in [(0..debate.claims.len() as u32).collect::<Vec<_>>(), vec![0]] {
                if debate.claims.is_empty() {
                    continue;
                }
                let mut weight = vec![0usize; debate.scholars.len()];
                for &i in &claims {
                    for &(s, _) in &debate.claims[i as usize].held {
                        weight[s as usize] += 1;
                    }
                }
                let mut want: Vec<u32> = (0..debate.scholars.len() as u32)
                    .filter(|&s| weight[s as usize] > 0)
                    .collect();
                want.sort_by(|&a, &b| weight[b as usize].cmp(&weight[a as usize]).then(a.cmp(&b)));
                assert_eq!(debate.scholar_candidates(&claims), want, "event {event}");
                checked += usize::from(want.len() > 2);
            }
        }
        assert!(
            checked > 10,
            "only {checked} rankings of more than two scholars"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        /// Asking a verdict's question of the whole debate, charged the
        /// part's size, gives every margin the built part gives, ranges
        /// included, whatever the budget.
        #[test]
        fn parts_asked_in_place_give_the_same_margins(
            seed in 0u64..1_000,
            claims in 200usize..1_200,
            budget in 0usize..60_000,
        ) {
            let corpus = Synthetic::new(claims).with_seed(seed).build();
            let options = CompareOptions::new();
            let events: Vec<EventId> = corpus.ids().collect();
            let mut large = 0;
            for &event in events.iter().step_by(7) {
                let about = corpus.about(event, &options);
                let debate = corpus.debate(&about, &options);
                let (none, nobody) = debate.nothing();
                let base = debate.evaluate(Absent { claims: &none, scholars: &nobody });
                large += usize::from(debate.claims.len() > 20);
                prop_assert_eq!(
                    debate.robustness_in(&base, budget, Parts::Fit),
                    debate.robustness_in(&base, budget, Parts::Built),
                    "event {}", event
                );
            }
            prop_assert!(large > 0, "no debate of more than 20 claims");
        }
    }
}
