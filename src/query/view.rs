//! The debate as one set of view options sees it: the queries that weigh
//! claims, on a [`View`] of the corpus.

use super::accounts::Accounts;
use super::framework::ClaimFramework;
use super::history::History;
use super::matrix::Matrix;
use super::options::CompareOptions;
use super::proof::{ProofThresholds, Sensitivity, StandardOfProof};
use super::provenance::{Disagreement, Provenance};
use super::report::Comparison;
use super::trajectory::Trajectory;
use crate::error::Result;
use crate::graph::Corpus;
use crate::model::{ClaimId, EventId, ExplanationId, Position, ScholarId};

/// A corpus seen through one set of [`CompareOptions`]: the year asked
/// about, the scholars counted, the scope of events, the weighing and the
/// preferences ([the calculus](crate::calculus), §1). Every query that
/// weighs claims is a method of a view: [`compare`](View::compare),
/// [`matrix`](View::matrix), [`accounts`](View::accounts),
/// [`history`](View::history), the standards of proof, sensitivity,
/// provenance, the positions scholars hold and where they disagree, a
/// scholar's trajectory, and the claims' argumentation framework.
///
/// A view is two references, cheap to copy; make one with
/// [`Corpus::view`] for each set of options.
///
/// ```
/// use historiograph::{CompareOptions, EventId};
///
/// let corpus = historiograph::sino_soviet_split();
/// let rolled_up = CompareOptions::new().with_roll_up(true);
/// let view = corpus.view(&rolled_up);
/// let split: EventId = corpus.resolve("sino-soviet-split")?;
/// let leap: EventId = corpus.resolve("great-leap-forward")?;
/// let (a, b) = (view.compare(split)?, view.compare(leap)?);
/// println!("{} / {}", a.leader().map_or("none", |s| s.name()), b.leader().map_or("none", |s| s.name()));
/// # Ok::<(), historiograph::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct View<'c> {
    corpus: &'c Corpus,
    options: &'c CompareOptions,
}

impl Corpus {
    /// The corpus as `options` see it, for the queries that weigh claims.
    pub fn view<'c>(&'c self, options: &'c CompareOptions) -> View<'c> {
        View {
            corpus: self,
            options,
        }
    }
}

impl<'c> View<'c> {
    /// The corpus seen.
    pub fn corpus(self) -> &'c Corpus {
        self.corpus
    }

    /// The options it is seen through.
    pub fn options(self) -> &'c CompareOptions {
        self.options
    }

    /// Compares the explanations of an event: every explanation that a claim
    /// connects to the event, ranked, with the claims for and against it,
    /// their scholars and evidence, a score, a verdict and its margin.
    ///
    /// [The calculus](crate::calculus) defines every number: which claims,
    /// positions and evidence are in view (§1), how scholars are counted
    /// (§2), how attacks defeat (§3), the score (§4), the verdicts and the
    /// ranking (§5), and the margins (§6). In short: each claim in view
    /// weighs *w* = *b*·*e* (its backing by voices, times an evidence
    /// factor) and counts *w*·*a* for its side, where *a* is its standing in
    /// the defeat graph (1, ½ or 0 as the grounded labelling puts it in,
    /// undecided or out); voices that only reject claims count once per
    /// side; the score is (*P* − *N*) / (*P* + *N* + 1).
    ///
    /// # Complexity
    /// O(k log k + A) to gather the *k* claims, positions, citations and
    /// supports around the events in scope and the *A* defeats among the
    /// claims that can reach them; it does not scan the corpus. Each margin
    /// search then spends at most the options' margin budget.
    ///
    /// # Errors
    /// [`Error::UnknownId`](crate::Error::UnknownId) for an event, scholar
    /// or claim not in the corpus;
    /// [`Error::InvalidOption`](crate::Error::InvalidOption) for a threshold
    /// outside (0, 1] or preferences that form a cycle.
    ///
    /// ```
    /// use historiograph::{CompareOptions, EventId};
    ///
    /// let corpus = historiograph::sino_soviet_split();
    /// let leap: EventId = corpus.resolve("great-leap-forward")?;
    /// let comparison = corpus.view(&CompareOptions::new().with_roll_up(true)).compare(leap)?;
    /// for standing in comparison.standings() {
    ///     println!("{}: {} ({:+.2})", standing.name(), standing.verdict(), standing.score());
    /// }
    /// if let (Some(leader), Some(lead)) = (comparison.leader(), comparison.lead()) {
    ///     println!("{} leads; {lead}", leader.name());
    /// }
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn compare(self, event: EventId) -> Result<Comparison> {
        self.corpus.compare(event, self.options)
    }

    /// Compares every event in `events` and lays the verdicts out as a matrix.
    ///
    /// # Complexity
    /// The sum of the [`compare`](View::compare) costs of the events, plus
    /// O(rows × columns) to lay out the matrix.
    ///
    /// # Errors
    /// As [`compare`](View::compare).
    ///
    /// ```
    /// use historiograph::{CompareOptions, EventId};
    ///
    /// let corpus = historiograph::sino_soviet_split();
    /// let events: Vec<EventId> = corpus.events_by_date().collect();
    /// let matrix = corpus.view(&CompareOptions::new().with_roll_up(true)).matrix(events)?;
    /// println!("{matrix}");
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn matrix(self, events: impl IntoIterator<Item = EventId>) -> Result<Matrix> {
        self.corpus.matrix(events, self.options)
    }

    /// The inverse of [`compare`](View::compare): the events an explanation
    /// accounts for (verdict supported), is contested at, or is rejected at.
    ///
    /// The events looked at are those its claims concern (with its variants'
    /// claims, when rolling up), widened as the options widen a comparison:
    /// with enclosing events counted, the events within those; with enclosed
    /// events counted, the events around them. With
    /// [`with_roll_up`](CompareOptions::with_roll_up), the question is about
    /// the explanation's family.
    ///
    /// # Complexity
    /// One [`compare`](View::compare) per event looked at, plus sorting them
    /// by date.
    ///
    /// # Errors
    /// As [`compare`](View::compare).
    ///
    /// ```
    /// use historiograph::{CompareOptions, ExplanationId};
    ///
    /// let corpus = historiograph::sino_soviet_split();
    /// let triangle: ExplanationId = corpus.resolve("strategic-triangle")?;
    /// let accounts = corpus.view(&CompareOptions::new()).accounts(triangle)?;
    /// assert!(!accounts.rejected_at().is_empty());
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn accounts(self, explanation: ExplanationId) -> Result<Accounts> {
        self.corpus.accounts(explanation, self.options)
    }

    /// The standing of each explanation as of each year in which the
    /// scholarship moved, for one event (with the options' scope) or, with
    /// `None`, for the whole debate (every claim, whatever event it concerns).
    /// Each year's column is [`View::compare`] with
    /// [`with_as_of`](CompareOptions::with_as_of) that year; the options' own
    /// year, if any, is ignored.
    ///
    /// # Errors
    /// As [`View::compare`].
    ///
    /// # Complexity
    /// One comparison per year.
    ///
    /// ```
    /// use historiograph::{CompareOptions, EventId};
    ///
    /// let corpus = historiograph::sino_soviet_split();
    /// let split: EventId = corpus.resolve("sino-soviet-split")?;
    /// let history = corpus.view(&CompareOptions::new().with_roll_up(true)).history(Some(split))?;
    /// assert!(history.years().contains(&2008));
    /// println!("{history}");
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn history(self, event: Option<EventId>) -> Result<History> {
        self.corpus.history(event, self.options)
    }

    /// The strongest standard of proof each explanation of an event meets,
    /// best-ranked first; the first entry is the leading explanation's.
    ///
    /// # Errors
    /// As [`View::compare`]; [`Error::InvalidOption`](crate::Error::InvalidOption) for thresholds out of range.
    ///
    /// ```
    /// use historiograph::{CompareOptions, EventId, ProofThresholds, StandardOfProof};
    ///
    /// let corpus = historiograph::sino_soviet_split();
    /// let crisis: EventId = corpus.resolve("taiwan-strait-crisis-1958")?;
    /// let met = corpus.view(&CompareOptions::new()).standards_of_proof(crisis, &ProofThresholds::new())?;
    /// // Domestic politics leads, on one evidence item and two scholars:
    /// // more weight for it than against, but not clear and convincing.
    /// assert_eq!(met[0].1, Some(StandardOfProof::Preponderance));
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn standards_of_proof(
        self,
        event: EventId,
        thresholds: &ProofThresholds,
    ) -> Result<Vec<(ExplanationId, Option<StandardOfProof>)>> {
        self.corpus
            .standards_of_proof(event, self.options, thresholds)
    }

    /// What would change an event's leading explanation: each piece of
    /// evidence, claim and scholar whose removal alone changes it (to another
    /// explanation, or to none), and the smallest set of them whose joint
    /// removal does (searched among sets of up to `max_set` items, smallest
    /// first). Removing a scholar discounts their positions.
    ///
    /// # Errors
    /// As [`View::compare`].
    ///
    /// # Complexity
    /// One comparison per candidate, plus one per candidate set tried:
    /// O(k^max_set) comparisons for *k* candidates in the worst case.
    pub fn sensitivity(self, event: EventId, max_set: usize) -> Result<Sensitivity> {
        self.corpus.sensitivity(event, self.options, max_set)
    }

    /// What a claim rests on, in view; `None` if the claim is not in the
    /// corpus.
    ///
    /// # Complexity
    /// O(d log d) for the claim's citations and positions, *d*.
    ///
    /// ```
    /// use historiograph::{ClaimId, CompareOptions};
    ///
    /// let corpus = historiograph::sino_soviet_split();
    /// let claim: ClaimId = corpus.resolve("christensen-taiwan-mobilization")?;
    /// let all = corpus.view(&CompareOptions::new()).provenance(claim).expect("live claim");
    /// let before = corpus.view(&CompareOptions::new().with_as_of(Some(2000))).provenance(claim).unwrap();
    /// assert_eq!((all.positions().len(), before.positions().len()), (2, 1));
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn provenance(self, claim: ClaimId) -> Option<Provenance> {
        self.corpus.provenance(claim, self.options)
    }

    /// The claims a scholar holds (advances, endorses or qualifies) by their
    /// latest position in view, with that position, by claim: a claim they
    /// later rejected is not held after they rejected it.
    ///
    /// # Complexity
    /// O(d log d) for the scholar's positions, *d*.
    ///
    /// ```
    /// use historiograph::{CompareOptions, ScholarId};
    ///
    /// let corpus = historiograph::sino_soviet_split();
    /// let luthi: ScholarId = corpus.resolve("luthi")?;
    /// let before = CompareOptions::new().with_as_of(Some(2007));
    /// assert_eq!(corpus.view(&before).claims_held_by(luthi).count(), 0);
    /// assert!(corpus.view(&CompareOptions::new()).claims_held_by(luthi).count() > 0);
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn claims_held_by(
        self,
        scholar: ScholarId,
    ) -> impl Iterator<Item = (ClaimId, Position)> + 'c {
        self.corpus.claims_held_by(scholar, self.options)
    }

    /// Where two scholars disagree, each point once, with each side's latest
    /// position in view: a claim one holds and the other rejects, and an
    /// attack between a claim one holds and a claim the other holds (a
    /// rebuttal once, whichever way it was written). With `event`, only
    /// points about it: a claim about an event in its scope (the options'
    /// enclosing and enclosed events), or an attack with such a claim at
    /// either end.
    ///
    /// A scholar never disagrees with himself: the same scholar twice gives
    /// nothing, and an attack between two claims one of them holds both
    /// of is no point between the two.
    ///
    /// # Errors
    /// [`Error::UnknownId`](crate::Error::UnknownId) for a scholar or event
    /// not in the corpus, and as [`CompareOptions`] are checked.
    ///
    /// # Complexity
    /// O((d + a) log(d + a)) for the two scholars' positions *d* and the
    /// attacks on and by the claims they hold, *a*.
    ///
    /// ```
    /// use historiograph::{CompareOptions, ScholarId};
    ///
    /// let corpus = historiograph::sino_soviet_split();
    /// let luthi: ScholarId = corpus.resolve("luthi")?;
    /// let haas: ScholarId = corpus.resolve("haas")?;
    /// for d in corpus.view(&CompareOptions::new()).disagreements(luthi, haas, None)? {
    ///     println!("{d}");
    /// }
    /// assert!(corpus.view(&CompareOptions::new()).disagreements(luthi, luthi, None)?.is_empty());
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn disagreements(
        self,
        first: ScholarId,
        second: ScholarId,
        event: Option<EventId>,
    ) -> Result<Vec<Disagreement>> {
        self.corpus
            .disagreements(first, second, event, self.options)
    }

    /// A scholar's trajectory: every change of position in view, over time
    /// — the first stance on each claim, and each later stance that differs
    /// from the one before (advancing a claim in one book, rejecting it in
    /// a later one). Positions are ordered as the calculus (§2) orders a
    /// scholar's positions on a claim: by the year they entered the debate,
    /// then by how much they back the claim.
    ///
    /// # Errors
    /// [`Error::UnknownId`](crate::Error::UnknownId) for a scholar not in
    /// the corpus, and as [`CompareOptions`] are checked.
    ///
    /// # Complexity
    /// O(d log d) for the scholar's positions, *d*.
    ///
    /// ```
    /// use historiograph::{CompareOptions, ScholarId};
    ///
    /// let corpus = historiograph::sino_soviet_split();
    /// let luthi: ScholarId = corpus.resolve("luthi")?;
    /// let trajectory = corpus.view(&CompareOptions::new()).trajectory(luthi)?;
    /// assert!(trajectory.moves().iter().all(|m| m.from().is_none()));
    /// print!("{trajectory}");
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn trajectory(self, scholar: ScholarId) -> Result<Trajectory> {
        self.corpus.trajectory(scholar, self.options)
    }

    /// The claims in view (see [`CompareOptions`]: the year, scholars and
    /// preferences apply; the event scope does not) as an argumentation
    /// framework: one argument per claim, named by its key, in id order;
    /// the defeats among them as attacks (the calculus, §3: what the
    /// preferences make of each attack); the supports; and base weights for
    /// gradual semantics from [`View::base_weight`].
    ///
    /// # Complexity
    /// O(c log c + r) for *c* claims and *r* relations among them.
    ///
    /// ```
    /// use historiograph::{ClaimId, CompareOptions, Semantics};
    ///
    /// let corpus = historiograph::sino_soviet_split();
    /// let view = corpus.view(&CompareOptions::new()).framework();
    /// let triangle = view
    ///     .argument(corpus.resolve::<ClaimId>("triangle-balancing")?)
    ///     .expect("the claim is in view");
    /// // Lüthi's undercut leaves the triangle reading in no preferred extension.
    /// let decision = view.framework().credulous(Semantics::Preferred, triangle)?;
    /// assert!(!decision.is_accepted());
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn framework(self) -> ClaimFramework {
        self.corpus.framework(self.options)
    }

    /// The base weight of a claim for gradual semantics, in (0, 1): the
    /// Laplace-smoothed share of what speaks for it among all that bears on it,
    ///
    /// *w* = (1 + *b* + *s*) / (2 + *b* + *s* + *r* + *u*),
    ///
    /// with *b* its backing and *r* its rejections as [the
    /// calculus](crate::calculus) (§2) counts them (each scholar once, by
    /// their latest position in view; each work once; a claim no position
    /// in view advances has an unnamed proponent, who counts as one voice
    /// advancing it), and *s* and *u* the evidence in
    /// view that supports and undermines it. A claim with one backer and
    /// nothing else weighs ⅔; each supporting item raises it, each
    /// rejection or undermining item lowers it.
    pub fn base_weight(self, claim: ClaimId) -> f64 {
        self.corpus.base_weight(claim, self.options)
    }
}
