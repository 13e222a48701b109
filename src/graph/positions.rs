//! Positions by id: a scholar's stance on a claim is a relation with an id
//! of its own, so that it can be read, changed and removed as one thing.

use super::{Corpus, Relation};
use crate::error::{Error, Result};
use crate::model::{ClaimId, Position, PositionId, ScholarId, WorkId};

impl Corpus {
    /// Records a scholar's position on a claim and returns its id.
    ///
    /// # Errors
    /// [`Error::UnknownId`] for the scholar, the claim or the position's work;
    /// [`Error::DuplicateRelation`] if the scholar already takes a position on
    /// the claim in the same work (or, with no work, outside any work).
    pub fn add_position(
        &mut self,
        scholar: ScholarId,
        claim: ClaimId,
        position: Position,
    ) -> Result<PositionId> {
        let (from, to) = (self.live(scholar)?, self.live(claim)?);
        if let Some(work) = position.work() {
            self.live(work)?;
        }
        if self.position_edge(from, to, position.work()).is_some() {
            return Err(self.duplicate("stance", from, to));
        }
        let id = self.next_position();
        self.link(from, to, Relation::Takes(id, position));
        Ok(id)
    }

    /// The scholar, claim and position a position id names, if it is live.
    ///
    /// ```
    /// use historiograph::{Position, Stance};
    ///
    /// let mut corpus = historiograph::sino_soviet_split();
    /// let (luthi, claim) = (corpus.resolve("luthi")?, corpus.resolve("luthi-ideology-central")?);
    /// let id = corpus.position_id(luthi, claim, None).or_else(|| {
    ///     corpus.positions_on(claim).find(|&(_, s, _)| s == luthi).map(|(id, _, _)| id)
    /// }).unwrap();
    /// let (scholar, on, position) = corpus.position(id).unwrap();
    /// assert_eq!((scholar, on, position.stance()), (luthi, claim, Stance::Advances));
    ///
    /// // Date it anew without removing it.
    /// corpus.replace_position(id, position.in_year(2009))?;
    /// assert_eq!(corpus.position(id).map(|(_, _, p)| p.year()), Some(Some(2009)));
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn position(&self, id: PositionId) -> Option<(ScholarId, ClaimId, Position)> {
        let edge = (*self.positions.get(id.0 as usize)?)?;
        let (from, to) = self.graph.edge_endpoints(edge)?;
        match self.graph.edge_weight(edge)? {
            Relation::Takes(_, position) => Some((self.id_at(from), self.id_at(to), *position)),
            _ => None,
        }
    }

    /// The id of the position a scholar takes on a claim in `work` (or
    /// outside any work, with `None`).
    pub fn position_id(
        &self,
        scholar: ScholarId,
        claim: ClaimId,
        work: Option<WorkId>,
    ) -> Option<PositionId> {
        let edge = self.position_edge(self.node(scholar)?, self.node(claim)?, work)?;
        match self.graph.edge_weight(edge)? {
            Relation::Takes(id, _) => Some(*id),
            _ => None,
        }
    }

    /// Changes a position (its stance, work or year) and returns the old one;
    /// its id, scholar and claim stay.
    ///
    /// # Errors
    /// [`Error::UnknownPosition`]; [`Error::UnknownId`] for a work not in
    /// the corpus; [`Error::DuplicateRelation`] if the scholar already takes
    /// another position on the claim in the new work.
    pub fn replace_position(&mut self, id: PositionId, position: Position) -> Result<Position> {
        let edge = self.position_slot(id)?;
        let (from, to) = self
            .graph
            .edge_endpoints(edge)
            .ok_or(Error::UnknownPosition { id: id.0 })?;
        if let Some(work) = position.work() {
            self.live(work)?;
        }
        if self
            .position_edge(from, to, position.work())
            .is_some_and(|other| other != edge)
        {
            return Err(self.duplicate("stance", from, to));
        }
        match self.relink(edge, Relation::Takes(id, position)) {
            Some(Relation::Takes(_, old)) => Ok(old),
            _ => Err(Error::UnknownPosition { id: id.0 }),
        }
    }

    /// Removes a position and returns its scholar, claim and data.
    ///
    /// # Errors
    /// [`Error::UnknownPosition`].
    pub fn remove_position(&mut self, id: PositionId) -> Result<(ScholarId, ClaimId, Position)> {
        let held = self
            .position(id)
            .ok_or(Error::UnknownPosition { id: id.0 })?;
        let edge = self.position_slot(id)?;
        self.unlink(edge);
        Ok(held)
    }

    fn position_slot(&self, id: PositionId) -> Result<petgraph::stable_graph::EdgeIndex> {
        self.positions
            .get(id.0 as usize)
            .copied()
            .flatten()
            .ok_or(Error::UnknownPosition { id: id.0 })
    }
}
