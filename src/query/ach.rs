//! Heuer's Analysis of Competing Hypotheses: explanations × evidence, each
//! cell a consistency rating, with the scores the method reads off it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Serialize;

use super::options::CompareOptions;
use crate::error::{Error, Result};
use crate::graph::Corpus;
use crate::model::{Bearing, EventId, EvidenceId, ExplanationId, Polarity, ScholarId};

/// How consistent a piece of evidence is with an explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rating {
    /// +2.
    VeryConsistent,
    /// +1.
    Consistent,
    /// 0.
    Neutral,
    /// −1.
    Inconsistent,
    /// −2.
    VeryInconsistent,
    /// Does not bear on the explanation; counts as neutral (0) in the scores.
    NotApplicable,
}

impl Rating {
    /// The rating on the scale −2..=2, `None` for not applicable.
    pub fn value(self) -> Option<i8> {
        match self {
            Rating::VeryConsistent => Some(2),
            Rating::Consistent => Some(1),
            Rating::Neutral => Some(0),
            Rating::Inconsistent => Some(-1),
            Rating::VeryInconsistent => Some(-2),
            Rating::NotApplicable => None,
        }
    }

    /// The value the scores use: not applicable counts as neutral.
    pub fn score(self) -> f64 {
        f64::from(self.value().unwrap_or(0))
    }

    /// The rating nearest a mean on the −2..=2 scale, halves rounded to even
    /// (so 0.5 is neutral and 1.5 very consistent).
    pub fn from_mean(mean: f64) -> Rating {
        match mean.clamp(-2.0, 2.0).round_ties_even() as i8 {
            2 => Rating::VeryConsistent,
            1 => Rating::Consistent,
            0 => Rating::Neutral,
            -1 => Rating::Inconsistent,
            _ => Rating::VeryInconsistent,
        }
    }

    /// The rating in words: `very consistent`, `consistent`, `neutral`,
    /// `inconsistent`, `very inconsistent`, `not applicable`.
    pub fn name(self) -> &'static str {
        match self {
            Rating::VeryConsistent => "very consistent",
            Rating::Consistent => "consistent",
            Rating::Neutral => "neutral",
            Rating::Inconsistent => "inconsistent",
            Rating::VeryInconsistent => "very inconsistent",
            Rating::NotApplicable => "not applicable",
        }
    }

    fn symbol(self) -> &'static str {
        match self {
            Rating::VeryConsistent => "CC",
            Rating::Consistent => "C",
            Rating::Neutral => "N",
            Rating::Inconsistent => "I",
            Rating::VeryInconsistent => "II",
            Rating::NotApplicable => "-",
        }
    }
}

names!(Rating, "rating", [
    VeryConsistent => "very_consistent",
    Consistent => "consistent",
    Neutral => "neutral",
    Inconsistent => "inconsistent",
    VeryInconsistent => "very_inconsistent",
    NotApplicable => "not_applicable",
]);

/// What an ACH matrix is built from: which claims count (the options of
/// [`View::compare`](crate::View::compare): scope, roll-up, year, scholars), ratings given by
/// hand, and the weights of the evidence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AchOptions {
    compare: CompareOptions,
    ratings: BTreeMap<(ExplanationId, EvidenceId), Rating>,
    credibility: BTreeMap<EvidenceId, f64>,
    relevance: BTreeMap<EvidenceId, f64>,
}

impl AchOptions {
    /// Ratings derived from the corpus, all weights 1.
    pub fn new() -> AchOptions {
        AchOptions::default()
    }

    /// Which claims count, as for [`View::compare`](crate::View::compare).
    #[must_use]
    pub fn with_compare(mut self, options: CompareOptions) -> AchOptions {
        self.compare = options;
        self
    }

    /// Rates a cell by hand, overriding what the corpus says.
    #[must_use]
    pub fn with_rating(
        mut self,
        explanation: ExplanationId,
        evidence: EvidenceId,
        rating: Rating,
    ) -> AchOptions {
        self.ratings.insert((explanation, evidence), rating);
        self
    }

    /// How credible a piece of evidence is (a weight ≥ 0, default 1).
    #[must_use]
    pub fn with_credibility(mut self, evidence: EvidenceId, weight: f64) -> AchOptions {
        self.credibility.insert(evidence, weight);
        self
    }

    /// How relevant a piece of evidence is (a weight ≥ 0, default 1).
    #[must_use]
    pub fn with_relevance(mut self, evidence: EvidenceId, weight: f64) -> AchOptions {
        self.relevance.insert(evidence, weight);
        self
    }

    fn check(&self, corpus: &Corpus) -> Result<()> {
        for &(x, e) in self.ratings.keys() {
            corpus.live(x)?;
            corpus.live(e)?;
        }
        for (option, weights) in [
            ("credibility", &self.credibility),
            ("relevance", &self.relevance),
        ] {
            for (&e, &w) in weights {
                corpus.live(e)?;
                if !(w >= 0.0 && w.is_finite()) {
                    return Err(Error::InvalidOption {
                        option,
                        reason: format!(
                            "{w} for evidence `{}` is not a finite weight ≥ 0",
                            corpus.name_of(e)
                        ),
                    });
                }
            }
        }
        Ok(())
    }

    fn weight(&self, evidence: EvidenceId) -> f64 {
        self.credibility.get(&evidence).copied().unwrap_or(1.0)
            * self.relevance.get(&evidence).copied().unwrap_or(1.0)
    }
}

/// An ACH matrix: explanations (columns) × evidence (rows), each cell a
/// [`Rating`], with the scores of Heuer's method.
///
/// With *r* the rating of an item for an explanation on −2..=2
/// (not applicable as 0) and *w* the item's weight (credibility ×
/// relevance):
///
/// - the **inconsistency** of an explanation is Σ *w*·min(0, *r*)², the
///   **consistency** Σ *w*·max(0, *r*)², and its **mean rating** the
///   unweighted mean of *r* (Heuer, *Psychology of Intelligence Analysis*,
///   1999, ch. 8: the explanation with the least inconsistency is the most
///   likely; as in open-synthesis, squares make strong ratings count more);
/// - the **diagnosticity** of an item is the population standard deviation
///   of its ratings across the explanations: an item rated alike for every
///   explanation (0) cannot tell them apart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AchMatrix {
    #[serde(skip)]
    explanations: Vec<ExplanationId>,
    #[serde(skip)]
    evidence: Vec<EvidenceId>,
    #[serde(rename = "explanations")]
    explanation_keys: Vec<String>,
    #[serde(rename = "evidence")]
    evidence_keys: Vec<String>,
    weights: Vec<f64>,
    /// cells[evidence][explanation].
    cells: Vec<Vec<Rating>>,
}

impl Corpus {
    /// The ACH matrix for a set of events: every explanation a claim in
    /// scope invokes (rolled up to families if the compare options say so),
    /// every piece of evidence such a claim cites, and for each pair a
    /// rating. A cell is rated by hand if the options rate it; otherwise it
    /// is derived from the claims in view: each citation of the item by a
    /// claim counts +1 if the claim affirms the explanation and the item
    /// supports it, or it denies and the item undermines it, and −1 the
    /// other way round; the sum *s* gives very consistent (*s* ≥ 2),
    /// consistent (1), neutral (0), inconsistent (−1) or very inconsistent
    /// (≤ −2), and no citation at all not applicable.
    ///
    /// # Errors
    /// [`Error::InvalidOption`] for an empty set of events or a weight that
    /// is negative or not finite; [`Error::UnknownId`] for an event,
    /// explanation or evidence item not in the corpus.
    ///
    /// # Complexity
    /// O(c·d + x·v) for the *c* claims in scope with *d* citations each, *x*
    /// explanations and *v* items.
    ///
    /// ```
    /// use historiograph::{AchOptions, EventId};
    ///
    /// let corpus = historiograph::sino_soviet_split();
    /// let split: EventId = corpus.resolve("sino-soviet-split")?;
    /// let matrix = corpus.ach(&[split], &AchOptions::new())?;
    /// let most = matrix.evidence_by_diagnosticity().next();
    /// assert!(most.is_some());
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn ach(&self, events: &[EventId], options: &AchOptions) -> Result<AchMatrix> {
        self.ach_of(events, options, None)
    }

    /// The ACH matrix as one scholar sees it: derived only from the claims
    /// the scholar holds (by their latest position in view).
    ///
    /// # Errors
    /// As [`Corpus::ach`], and [`Error::UnknownId`] for the scholar.
    pub fn ach_of_scholar(
        &self,
        events: &[EventId],
        scholar: ScholarId,
        options: &AchOptions,
    ) -> Result<AchMatrix> {
        self.live(scholar)?;
        self.ach_of(events, options, Some(scholar))
    }

    fn ach_of(
        &self,
        events: &[EventId],
        options: &AchOptions,
        scholar: Option<ScholarId>,
    ) -> Result<AchMatrix> {
        if events.is_empty() {
            return Err(Error::InvalidOption {
                option: "events",
                reason: "an ACH matrix needs at least one event".to_owned(),
            });
        }
        options.check(self)?;
        options.compare.check(self)?;
        let compare = &options.compare;
        let mut claims = BTreeSet::new();
        for &event in events {
            self.live(event)?;
            for e in self.scope_events(event, compare) {
                claims.extend(self.claims_about(e));
            }
        }
        let mut sums: BTreeMap<(ExplanationId, EvidenceId), i32> = BTreeMap::new();
        let mut explanations = BTreeSet::new();
        let mut evidence = BTreeSet::new();
        for claim in claims {
            let (visible, positions) = compare.sees_claim(self, claim);
            if !visible {
                continue;
            }
            if let Some(scholar) = scholar {
                let holds = self
                    .latest_held(
                        claim,
                        &positions
                            .iter()
                            .filter(|(s, _)| *s == scholar)
                            .copied()
                            .collect::<Vec<_>>(),
                    )
                    .iter()
                    .any(|h| h.stance().holds());
                if !holds {
                    continue;
                }
            }
            let Some(target) = self.target_explanation(claim, compare) else {
                continue;
            };
            explanations.insert(target);
            let polarity = self.claim(claim).map(|c| c.polarity()).unwrap_or_default();
            for (item, bearing) in self.citations(claim) {
                if !compare.sees_evidence(self, item) {
                    continue;
                }
                evidence.insert(item);
                let agrees = (polarity == Polarity::Affirms) == (bearing == Bearing::Supports);
                *sums.entry((target, item)).or_default() += if agrees { 1 } else { -1 };
            }
        }
        for &(x, e) in options.ratings.keys() {
            explanations.insert(x);
            evidence.insert(e);
        }
        let explanations: Vec<ExplanationId> = explanations.into_iter().collect();
        let evidence: Vec<EvidenceId> = evidence.into_iter().collect();
        let cells = grid(&evidence, &explanations, |x, e| {
            if let Some(&rating) = options.ratings.get(&(x, e)) {
                return rating;
            }
            match sums.get(&(x, e)) {
                None => Rating::NotApplicable,
                Some(&s) => Rating::from_mean(f64::from(s.clamp(-2, 2))),
            }
        });
        Ok(AchMatrix {
            explanation_keys: explanations.iter().map(|&x| self.name_of(x)).collect(),
            evidence_keys: evidence.iter().map(|&e| self.name_of(e)).collect(),
            weights: evidence.iter().map(|&e| options.weight(e)).collect(),
            explanations,
            evidence,
            cells,
        })
    }
}

/// The cells of a matrix, `cell(explanation, evidence)` for each row of
/// evidence and column of explanations.
fn grid(
    evidence: &[EvidenceId],
    explanations: &[ExplanationId],
    mut cell: impl FnMut(ExplanationId, EvidenceId) -> Rating,
) -> Vec<Vec<Rating>> {
    evidence
        .iter()
        .map(|&e| explanations.iter().map(|&x| cell(x, e)).collect())
        .collect()
}

/// One cell on which two matrices differ (see [`AchMatrix::differences`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CellDifference {
    /// The explanation.
    #[serde(skip)]
    pub explanation: ExplanationId,
    /// The piece of evidence.
    #[serde(skip)]
    pub evidence: EvidenceId,
    /// The rating in the first matrix.
    pub first: Rating,
    /// The rating in the second matrix.
    pub second: Rating,
}

impl AchMatrix {
    /// The explanations, by id.
    pub fn explanations(&self) -> &[ExplanationId] {
        &self.explanations
    }

    /// The evidence, by id.
    pub fn evidence(&self) -> &[EvidenceId] {
        &self.evidence
    }

    fn column(&self, explanation: ExplanationId) -> Option<usize> {
        self.explanations.iter().position(|&x| x == explanation)
    }

    fn row(&self, evidence: EvidenceId) -> Option<usize> {
        self.evidence.iter().position(|&e| e == evidence)
    }

    /// A cell's rating (not applicable for a pair outside the matrix).
    pub fn rating(&self, explanation: ExplanationId, evidence: EvidenceId) -> Rating {
        match (self.row(evidence), self.column(explanation)) {
            (Some(r), Some(c)) => self.cells[r][c],
            _ => Rating::NotApplicable,
        }
    }

    fn fold(&self, explanation: ExplanationId, f: impl Fn(f64, f64) -> f64) -> Option<f64> {
        let c = self.column(explanation)?;
        Some(
            self.cells
                .iter()
                .zip(&self.weights)
                .map(|(row, &w)| f(row[c].score(), w))
                .sum(),
        )
    }

    /// Σ *w*·min(0, *r*)²: lower is more likely.
    pub fn inconsistency(&self, explanation: ExplanationId) -> Option<f64> {
        self.fold(explanation, |r, w| w * r.min(0.0).powi(2))
    }

    /// Σ *w*·max(0, *r*)².
    pub fn consistency(&self, explanation: ExplanationId) -> Option<f64> {
        self.fold(explanation, |r, w| w * r.max(0.0).powi(2))
    }

    /// The unweighted mean rating, not applicable counted as neutral.
    pub fn mean_rating(&self, explanation: ExplanationId) -> Option<f64> {
        let n = self.evidence.len();
        let sum = self.fold(explanation, |r, _| r)?;
        Some(if n == 0 { 0.0 } else { sum / n as f64 })
    }

    /// The population standard deviation of an item's ratings across the
    /// explanations (not applicable as neutral).
    pub fn diagnosticity(&self, evidence: EvidenceId) -> Option<f64> {
        let row = &self.cells[self.row(evidence)?];
        if row.is_empty() {
            return Some(0.0);
        }
        let n = row.len() as f64;
        let mean = row.iter().map(|r| r.score()).sum::<f64>() / n;
        Some((row.iter().map(|r| (r.score() - mean).powi(2)).sum::<f64>() / n).sqrt())
    }

    /// The evidence, most diagnostic first (ties by id).
    pub fn evidence_by_diagnosticity(&self) -> impl Iterator<Item = (EvidenceId, f64)> + '_ {
        let mut items: Vec<(EvidenceId, f64)> = self
            .evidence
            .iter()
            .map(|&e| (e, self.diagnosticity(e).unwrap_or(0.0)))
            .collect();
        items.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        items.into_iter()
    }

    /// The explanations, least inconsistent first (ties: more consistent
    /// first, then by id): Heuer's ranking.
    pub fn ranking(&self) -> impl Iterator<Item = (ExplanationId, f64)> + '_ {
        let mut ranked: Vec<(ExplanationId, f64, f64)> = self
            .explanations
            .iter()
            .map(|&x| {
                (
                    x,
                    self.inconsistency(x).unwrap_or(0.0),
                    self.consistency(x).unwrap_or(0.0),
                )
            })
            .collect();
        ranked.sort_by(|a, b| {
            a.1.total_cmp(&b.1)
                .then(b.2.total_cmp(&a.2))
                .then(a.0.cmp(&b.0))
        });
        ranked.into_iter().map(|(x, i, _)| (x, i))
    }

    /// The cells on which this matrix and `other` differ, over the union of
    /// their rows and columns.
    pub fn differences(&self, other: &AchMatrix) -> Vec<CellDifference> {
        let explanations: BTreeSet<ExplanationId> = self
            .explanations
            .iter()
            .chain(&other.explanations)
            .copied()
            .collect();
        let evidence: BTreeSet<EvidenceId> = self
            .evidence
            .iter()
            .chain(&other.evidence)
            .copied()
            .collect();
        let mut out = Vec::new();
        for &e in &evidence {
            for &x in &explanations {
                let (first, second) = (self.rating(x, e), other.rating(x, e));
                if first != second {
                    out.push(CellDifference {
                        explanation: x,
                        evidence: e,
                        first,
                        second,
                    });
                }
            }
        }
        out
    }

    /// The consensus of several matrices (say, one per scholar): each cell
    /// the mean of the ratings that apply, halves rounded to even; not
    /// applicable where none does. Weights come from the first matrix that
    /// has the item.
    pub fn consensus(matrices: &[AchMatrix]) -> Option<AchMatrix> {
        matrices.first()?;
        let mut columns: BTreeMap<ExplanationId, String> = BTreeMap::new();
        let mut rows: BTreeMap<EvidenceId, (String, f64)> = BTreeMap::new();
        for m in matrices {
            for (i, &x) in m.explanations.iter().enumerate() {
                columns
                    .entry(x)
                    .or_insert_with(|| m.explanation_keys[i].clone());
            }
            for (i, &e) in m.evidence.iter().enumerate() {
                rows.entry(e)
                    .or_insert_with(|| (m.evidence_keys[i].clone(), m.weights[i]));
            }
        }
        let explanations: Vec<ExplanationId> = columns.keys().copied().collect();
        let evidence: Vec<EvidenceId> = rows.keys().copied().collect();
        let cells = grid(&evidence, &explanations, |x, e| {
            let values: Vec<f64> = matrices
                .iter()
                .filter_map(|m| m.rating(x, e).value())
                .map(f64::from)
                .collect();
            if values.is_empty() {
                Rating::NotApplicable
            } else {
                Rating::from_mean(values.iter().sum::<f64>() / values.len() as f64)
            }
        });
        Some(AchMatrix {
            explanation_keys: columns.into_values().collect(),
            evidence_keys: rows.values().map(|(k, _)| k.clone()).collect(),
            weights: rows.values().map(|(_, w)| *w).collect(),
            explanations,
            evidence,
            cells,
        })
    }
}

impl fmt::Display for AchMatrix {
    /// Evidence as rows, explanations as numbered columns listed below, each
    /// cell `CC` `C` `N` `I` `II` or `-`; then the scores per explanation.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const NAME: usize = 24;
        write!(f, "{:<NAME$} {:>6}", "evidence", "diag.")?;
        for c in 1..=self.explanations.len() {
            write!(f, " {c:>3}")?;
        }
        writeln!(f)?;
        for (i, row) in self.cells.iter().enumerate() {
            let key: String = self.evidence_keys[i].chars().take(NAME).collect();
            let diag = self.diagnosticity(self.evidence[i]).unwrap_or(0.0);
            write!(f, "{key:<NAME$} {diag:>6.2}")?;
            for r in row {
                write!(f, " {:>3}", r.symbol())?;
            }
            writeln!(f)?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "  #  {:<32} {:>13} {:>11} {:>6}",
            "explanation", "inconsistency", "consistency", "mean"
        )?;
        for (c, &x) in self.explanations.iter().enumerate() {
            writeln!(
                f,
                "{:>3}  {:<32} {:>13.2} {:>11.2} {:>+6.2}",
                c + 1,
                self.explanation_keys[c],
                self.inconsistency(x).unwrap_or(0.0),
                self.consistency(x).unwrap_or(0.0),
                self.mean_rating(x).unwrap_or(0.0)
            )?;
        }
        Ok(())
    }
}
