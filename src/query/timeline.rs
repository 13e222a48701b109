//! Timelines: events in date order, claims in order of publication.

use crate::graph::Corpus;
use crate::model::{ClaimId, EventId};

impl Corpus {
    /// Every event in date order: by start, single dates before periods
    /// starting the same day, shorter periods first; undated events last;
    /// ties by key.
    ///
    /// # Complexity
    /// O(n log n) for *n* events.
    ///
    /// ```
    /// let corpus = historiograph::sino_soviet_split();
    /// let first = corpus.events_by_date().next().and_then(|e| corpus.event(e));
    /// assert!(first.is_some());
    /// ```
    pub fn events_by_date(&self) -> impl Iterator<Item = EventId> + '_ {
        let mut events: Vec<EventId> = self.ids().collect();
        self.sort_by_date(&mut events);
        events.into_iter()
    }

    pub(crate) fn sort_by_date(&self, events: &mut [EventId]) {
        events.sort_by_cached_key(|&e| {
            let data = self.event(e);
            let when = data.and_then(|d| d.when());
            (when.is_none(), when, data.map(|d| d.key().to_owned()))
        });
    }

    /// Every claim with the year it entered the debate, in that order: the
    /// earliest year of a position on it, or else the claim's own year.
    /// Claims with no year come last; ties by key.
    ///
    /// # Complexity
    /// O(n log n + p) for *n* claims and *p* positions.
    ///
    /// ```
    /// let corpus = historiograph::sino_soviet_split();
    /// let years: Vec<i32> = corpus.claims_by_publication().filter_map(|(_, y)| y).collect();
    /// assert!(years.windows(2).all(|w| w[0] <= w[1]));
    /// ```
    pub fn claims_by_publication(&self) -> impl Iterator<Item = (ClaimId, Option<i32>)> + '_ {
        let mut claims: Vec<(ClaimId, Option<i32>)> = self
            .ids::<ClaimId>()
            .map(|c| (c, self.claim_year(c)))
            .collect();
        claims.sort_by_cached_key(|&(c, year)| {
            (year.is_none(), year, self.key(c).map(ToOwned::to_owned))
        });
        claims.into_iter()
    }

    /// The first year in which a claim is in view ([the
    /// calculus](crate::calculus), §1): the earliest year one of its
    /// positions entered; for a claim no position advances, its own date
    /// too; for one without positions, the year it entered (its own date or
    /// the works that report it). `None` if none of these is dated.
    pub fn claim_year(&self, claim: ClaimId) -> Option<i32> {
        let positions: Vec<_> = self.positions_on(claim).collect();
        let advanced = positions
            .iter()
            .any(|(_, _, p)| p.stance() == crate::model::Stance::Advances);
        let own = (!advanced)
            .then(|| Some(self.claim(claim)?.date()?.last_year()))
            .flatten();
        let anonymous = positions
            .is_empty()
            .then(|| self.claim_entered(claim))
            .flatten();
        positions
            .iter()
            .filter_map(|(_, _, p)| self.position_entered(claim, p))
            .chain(own)
            .chain(anonymous)
            .min()
    }
}
