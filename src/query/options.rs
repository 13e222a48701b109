//! What a query looks at: the options that filter the debate, and the test
//! of whether a position, claim or piece of evidence is in view. The rules
//! are those of [the calculus](crate::calculus), §1.

use std::collections::BTreeSet;
use std::fmt;

use super::defeat::Preferences;
use crate::argument::{Gradual, Semantics};
use crate::error::{Error, Result};
use crate::graph::Corpus;
use crate::model::{ClaimId, Date, EvidenceId, Position, ScholarId, Stance, WorkId};

/// How [`View::compare`](crate::View::compare) weighs a claim by its standing in the debate:
/// the factor *a(c)* in \[0, 1\] of the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Weighing {
    /// The grounded labelling (the default): 1 for in, ½ for undecided, 0
    /// for out. Linear time; the most sceptical reading of the debate.
    #[default]
    Grounded,
    /// An extension-based semantics: 1 for a claim in every extension
    /// (sceptically accepted), ½ for one in some but not all (credulously
    /// accepted), 0 for one in none. Under stable semantics a debate with
    /// no stable extension accepts nothing. Stable, semi-stable and stage
    /// semantics are not directional (a claim's acceptance can depend on
    /// claims that cannot reach it), so under them a comparison solves the
    /// whole debate in view, not only the part around the event.
    Extensions(Semantics),
    /// A gradual semantics: the claim's strength, from base weights given
    /// by [`View::base_weight`](crate::View::base_weight) and the
    /// strengths of its defeaters and supporters in view.
    Gradual(Gradual),
}

impl fmt::Display for Weighing {
    /// `grounded semantics`, `preferred semantics`, `DF-QuAD strengths`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Weighing::Grounded => f.write_str("grounded semantics"),
            Weighing::Extensions(s) => write!(f, "{} semantics", s.name()),
            Weighing::Gradual(g) => write!(f, "{} strengths", g.name()),
        }
    }
}

/// The default budget of a margin search, in claim-evaluations.
pub(crate) const DEFAULT_MARGIN_BUDGET: usize = 1_000_000;

/// Options for [`View::compare`](crate::View::compare) and every query that reads positions.
///
/// The default compares claims about the event itself, keeps variants apart
/// from their families, looks at the whole debate (every year, every
/// scholar), weighs claims by the grounded semantics of the defeats that
/// the attacks give with no preferences ([`Preferences::None`]), calls an explanation supported or
/// rejected at a score of ±0.5, and searches the margins of a comparison
/// with a budget of 1,000,000 claim-evaluations. [The calculus](crate::calculus)
/// defines what each option does.
///
/// ```
/// use historiograph::CompareOptions;
///
/// let before_luthi = CompareOptions::new()
///     .with_enclosing(true)
///     .with_roll_up(true)
///     .with_as_of(Some(2007));
/// assert_eq!(before_luthi.as_of(), Some(2007));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CompareOptions {
    enclosing: bool,
    enclosed: bool,
    roll_up: bool,
    as_of: Option<i32>,
    scholars: Option<BTreeSet<ScholarId>>,
    threshold: f64,
    weighing: Weighing,
    preferences: Preferences,
    margin_budget: usize,
    /// Entities treated as absent (for sensitivity analysis).
    pub(crate) without: Without,
}

/// Entities a query treats as absent, as if removed from the corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Without {
    pub(crate) claims: BTreeSet<ClaimId>,
    pub(crate) evidence: BTreeSet<EvidenceId>,
    pub(crate) scholars: BTreeSet<ScholarId>,
}

impl Default for CompareOptions {
    fn default() -> CompareOptions {
        CompareOptions {
            enclosing: false,
            enclosed: false,
            roll_up: false,
            as_of: None,
            scholars: None,
            threshold: 0.5,
            weighing: Weighing::Grounded,
            preferences: Preferences::default(),
            margin_budget: DEFAULT_MARGIN_BUDGET,
            without: Without::default(),
        }
    }
}

impl CompareOptions {
    /// The default options.
    pub fn new() -> CompareOptions {
        CompareOptions::default()
    }

    /// Whether claims about the events that enclose the event count too (a
    /// claim about the whole split speaks to the 1958 crisis within it).
    /// Default `false`.
    #[must_use]
    pub fn with_enclosing(mut self, yes: bool) -> CompareOptions {
        self.enclosing = yes;
        self
    }

    /// Whether claims about the events within the event, at any depth, count
    /// too. Default `false`.
    #[must_use]
    pub fn with_enclosed(mut self, yes: bool) -> CompareOptions {
        self.enclosed = yes;
        self
    }

    /// Whether claims invoking a variant count for its family, so that the
    /// comparison ranks families, each with its variants beneath it.
    /// Default `false`.
    #[must_use]
    pub fn with_roll_up(mut self, yes: bool) -> CompareOptions {
        self.roll_up = yes;
        self
    }

    /// The debate as it stood at the end of `year`. `None`, the default,
    /// looks at everything.
    ///
    /// Every item of the debate enters it in a year (the calculus, §1):
    ///
    /// - a **work** in the last year its `issued` date allows (`2008` in
    ///   2008, `196X` in 1969);
    /// - a **position** in its own year, else its work's, else its claim's;
    /// - a **claim** at its own date, else with the earliest of the works
    ///   that report it: the works holding the evidence it cites;
    /// - a piece of **evidence** at its own date, else its work's;
    /// - an item none of these dates is **undated**, and enters at the
    ///   corpus's last year (the latest year any item of the corpus gives):
    ///   no as-of view before that sees it, and the view as of that year
    ///   sees everything.
    ///
    /// An item is in view when it entered in `year` or before: a position
    /// taken in `year` counts. A claim with positions is in view when one of
    /// them is, or, when no position in view advances it, from a date of its
    /// own (a dated view of the literature); one without any position, when
    /// it has entered. Each scholar counts
    /// once per claim, by their latest position in view (an undated one
    /// after every dated one); between two positions of one year, the one
    /// that backs the claim more.
    #[must_use]
    pub fn with_as_of(mut self, year: Option<i32>) -> CompareOptions {
        self.as_of = year;
        self
    }

    /// Only these scholars' positions count, and claims none of them takes a
    /// position on are left out. The default counts everyone, and claims
    /// without positions too.
    #[must_use]
    pub fn with_scholars(
        mut self,
        scholars: impl IntoIterator<Item = ScholarId>,
    ) -> CompareOptions {
        self.scholars = Some(scholars.into_iter().collect());
        self
    }

    /// Counts every scholar again (undoes [`with_scholars`](CompareOptions::with_scholars)).
    #[must_use]
    pub fn with_all_scholars(mut self) -> CompareOptions {
        self.scholars = None;
        self
    }

    /// The score from which an explanation opposed in view counts as
    /// supported (and below whose negative it counts as rejected); between
    /// 0 and 1, default 0.5.
    #[must_use]
    pub fn with_threshold(mut self, threshold: f64) -> CompareOptions {
        self.threshold = threshold;
        self
    }

    /// How claims are weighed by their standing in the debate; default
    /// [`Weighing::Grounded`].
    #[must_use]
    pub fn with_weighing(mut self, weighing: Weighing) -> CompareOptions {
        self.weighing = weighing;
        self
    }

    /// Which claims are preferred to which, deciding rebuttals and
    /// underminings (the calculus, §3); default [`Preferences::None`].
    #[must_use]
    pub fn with_preferences(mut self, preferences: Preferences) -> CompareOptions {
        self.preferences = preferences;
        self
    }

    /// How much work [`View::compare`](crate::View::compare) may spend searching the margins of
    /// one comparison (the calculus, §6), in claim-evaluations: a search
    /// that tries a set of removals spends the number of claims it
    /// re-evaluates. Half goes to the lead, the rest is shared by the
    /// verdicts, each share split between the claims and the scholars
    /// margins. `0` turns the margins off. Default 1,000,000, a few tens of
    /// milliseconds at most in a release build.
    #[must_use]
    pub fn with_margin_budget(mut self, budget: usize) -> CompareOptions {
        self.margin_budget = budget;
        self
    }

    /// How claims are weighed by their standing in the debate.
    pub fn weighing(&self) -> Weighing {
        self.weighing
    }

    /// Which claims are preferred to which.
    pub fn preferences(&self) -> &Preferences {
        &self.preferences
    }

    /// The budget of a comparison's margin searches; 0 when margins are off.
    pub fn margin_budget(&self) -> usize {
        self.margin_budget
    }

    /// Whether claims about enclosing events count.
    pub fn enclosing(&self) -> bool {
        self.enclosing
    }

    /// Whether claims about enclosed events count.
    pub fn enclosed(&self) -> bool {
        self.enclosed
    }

    /// Whether variants roll up into their families.
    pub fn roll_up(&self) -> bool {
        self.roll_up
    }

    /// The year the debate is looked at, if any.
    pub fn as_of(&self) -> Option<i32> {
        self.as_of
    }

    /// The scholars whose positions count, if restricted.
    pub fn scholars(&self) -> Option<impl Iterator<Item = ScholarId> + '_> {
        self.scholars.as_ref().map(|s| s.iter().copied())
    }

    /// The verdict threshold.
    pub fn threshold(&self) -> f64 {
        self.threshold
    }

    pub(crate) fn check(&self, corpus: &Corpus) -> Result<()> {
        if !(self.threshold > 0.0 && self.threshold <= 1.0) {
            return Err(Error::InvalidOption {
                option: "threshold",
                reason: format!("{} is not in (0, 1]", self.threshold),
            });
        }
        if let Some(scholars) = &self.scholars {
            for &scholar in scholars {
                corpus.live(scholar)?;
            }
        }
        self.preferences.check(corpus)
    }

    /// Whether an item that entered the debate in `year` (`None`: undated)
    /// is in view.
    pub(crate) fn sees_year(&self, corpus: &Corpus, year: Option<i32>) -> bool {
        let Some(limit) = self.as_of else {
            return true;
        };
        match year.or_else(|| corpus.last_year()) {
            Some(year) => year <= limit,
            None => true,
        }
    }

    /// Whether a scholar's position on a claim is in view.
    pub(crate) fn sees_position(
        &self,
        corpus: &Corpus,
        claim: ClaimId,
        scholar: ScholarId,
        p: &Position,
    ) -> bool {
        if self.without.scholars.contains(&scholar) {
            return false;
        }
        if let Some(scholars) = &self.scholars {
            if !scholars.contains(&scholar) {
                return false;
            }
        }
        self.as_of.is_none() || self.sees_year(corpus, corpus.position_entered(claim, p))
    }

    /// The positions on a claim that are in view, and whether the claim is.
    pub(crate) fn sees_claim(
        &self,
        corpus: &Corpus,
        claim: ClaimId,
    ) -> (bool, Vec<(ScholarId, Position)>) {
        if self.without.claims.contains(&claim) {
            return (false, Vec::new());
        }
        let all: Vec<(ScholarId, Position)> = corpus
            .positions_on(claim)
            .map(|(_, scholar, p)| (scholar, p))
            .collect();
        let date = corpus.claim(claim).and_then(|c| c.date());
        let (visible, seen) = self.sees_claim_among(corpus, claim, date, &all);
        (visible, seen.into_vec())
    }

    /// [`sees_claim`](CompareOptions::sees_claim), given all the claim's
    /// positions, as [`Corpus::positions_on`] lists them.
    pub(crate) fn sees_claim_among(
        &self,
        corpus: &Corpus,
        claim: ClaimId,
        date: Option<Date>,
        all: &[(ScholarId, Position)],
    ) -> (bool, smallvec::SmallVec<[(ScholarId, Position); 4]>) {
        if self.without.claims.contains(&claim) {
            return (false, smallvec::SmallVec::new());
        }
        if all.is_empty() {
            let visible = self.scholars.is_none()
                && (self.as_of.is_none() || self.sees_year(corpus, corpus.claim_entered(claim)));
            return (visible, smallvec::SmallVec::new());
        }
        let seen: smallvec::SmallVec<[(ScholarId, Position); 4]> = all
            .iter()
            .copied()
            .filter(|(s, p)| self.sees_position(corpus, claim, *s, p))
            .collect();
        let visible = !seen.is_empty() || self.sees_unnamed_view(date, &seen);
        (visible, seen)
    }

    /// Whether a claim is in view through its unnamed proponent: no scholars
    /// are asked for, no position in view advances it, and it has entered
    /// the debate by a date of its own (a view of the literature dated in
    /// the corpus, which scholars only endorse, qualify or reject). `date`
    /// is the claim's own.
    pub(crate) fn sees_unnamed_view(
        &self,
        date: Option<Date>,
        seen: &[(ScholarId, Position)],
    ) -> bool {
        self.scholars.is_none()
            && !seen.iter().any(|(_, p)| p.stance() == Stance::Advances)
            && date.is_some_and(|d| self.as_of.is_none_or(|limit| entry_year(d) <= limit))
    }

    /// Whether a claim is in view (without collecting its positions when
    /// the view sees everything but left-out claims).
    pub(crate) fn sees_claim_only(&self, corpus: &Corpus, claim: ClaimId) -> bool {
        if self.without.claims.contains(&claim) {
            return false;
        }
        if self.as_of.is_none() && self.scholars.is_none() && self.without.scholars.is_empty() {
            return true;
        }
        self.sees_claim(corpus, claim).0
    }

    /// Whether a piece of evidence is in view.
    pub(crate) fn sees_evidence(&self, corpus: &Corpus, evidence: EvidenceId) -> bool {
        if self.without.evidence.contains(&evidence) {
            return false;
        }
        self.as_of.is_none() || self.sees_year(corpus, corpus.evidence_entered(evidence))
    }
}

/// The year a date has certainly passed: the last year it allows.
pub(crate) fn entry_year(date: Date) -> i32 {
    date.last_year()
}

impl Corpus {
    /// The year a work entered the debate: the last year its `issued` date
    /// allows; `None` if it has none.
    pub(crate) fn work_entered(&self, work: WorkId) -> Option<i32> {
        self.work(work)?.issued().map(entry_year)
    }

    /// The year a position entered the debate: its own year, else its
    /// work's, else its claim's; `None` if none of them is dated.
    pub(crate) fn position_entered(&self, claim: ClaimId, p: &Position) -> Option<i32> {
        self.position_year(p).or_else(|| self.claim_entered(claim))
    }

    /// The year a claim entered the debate: its own date, else the earliest
    /// year of the works that report it, the works holding the evidence it
    /// cites; `None` if none is dated. Its positions do not date it (each is
    /// dated on its own), so no scholar's position is dated by another's.
    pub(crate) fn claim_entered(&self, claim: ClaimId) -> Option<i32> {
        if let Some(date) = self.claim(claim)?.date() {
            return Some(entry_year(date));
        }
        self.citations(claim)
            .filter_map(|(e, _)| self.work_entered(self.evidence_work(e)?))
            .min()
    }

    /// The year a piece of evidence entered the debate: its own date, else
    /// its work's; `None` if neither is dated.
    pub(crate) fn evidence_entered(&self, evidence: EvidenceId) -> Option<i32> {
        if let Some(date) = self.evidence(evidence)?.date() {
            return Some(entry_year(date));
        }
        self.work_entered(self.evidence_work(evidence)?)
    }
}

/// How much a stance backs a claim: 1 for advances and endorses, ½ for
/// qualifies, 0 for rejects.
pub(crate) fn backing(stance: Stance) -> f64 {
    match stance {
        Stance::Advances | Stance::Endorses => 1.0,
        Stance::Qualifies => 0.5,
        Stance::Rejects => 0.0,
    }
}
