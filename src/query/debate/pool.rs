//! Claims' relations kept across debates: a debate gathered again reads
//! each claim's relations from here instead of walking the graph, and an
//! edit evicts exactly the claims whose relations it changed.

use crate::graph::ClaimLinks;
use crate::model::ClaimId;

/// The relations of some claims (see [`ClaimLinks`]), as the corpus had
/// them when they were read. Whoever keeps a pool evicts a claim whenever a
/// change adds, removes or relabels one of its relations, or the claim
/// itself (`LiveVerdicts::update`); then every entry is what
/// `Corpus::claim_links` would read now.
#[derive(Debug, Clone, Default)]
pub(crate) struct LinkPool {
    /// By raw claim id: one more than the entry's place, 0 for none.
    slot: Vec<u32>,
    entries: Vec<(ClaimId, ClaimLinks)>,
}

impl LinkPool {
    /// A claim's relations, if kept.
    pub(crate) fn get(&self, claim: ClaimId) -> Option<&ClaimLinks> {
        let at = *self.slot.get(claim.index() as usize)?;
        (at > 0).then(|| &self.entries[at as usize - 1].1)
    }

    /// Keeps a claim's relations, replacing any kept before.
    pub(crate) fn insert(&mut self, claim: ClaimId, links: ClaimLinks) {
        let i = claim.index() as usize;
        if self.slot.len() <= i {
            self.slot.resize(i + 1, 0);
        }
        match self.slot[i] {
            0 => {
                self.entries.push((claim, links));
                self.slot[i] = self.entries.len() as u32;
            }
            at => self.entries[at as usize - 1].1 = links,
        }
    }

    /// Forgets a claim's relations.
    pub(crate) fn evict(&mut self, claim: ClaimId) {
        let Some(at) = self.slot.get_mut(claim.index() as usize) else {
            return;
        };
        if *at == 0 {
            return;
        }
        let place = *at as usize - 1;
        *at = 0;
        self.entries.swap_remove(place);
        if let Some(&(moved, _)) = self.entries.get(place) {
            self.slot[moved.index() as usize] = place as u32 + 1;
        }
    }

    /// Keeps only the claims `keep` says to.
    pub(crate) fn retain(&mut self, mut keep: impl FnMut(ClaimId) -> bool) {
        let gone: Vec<ClaimId> = self
            .entries
            .iter()
            .map(|&(claim, _)| claim)
            .filter(|&claim| !keep(claim))
            .collect();
        for claim in gone {
            self.evict(claim);
        }
    }

    /// How many claims are kept.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Forgets everything.
    pub(crate) fn clear(&mut self) {
        self.slot.clear();
        self.entries.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::entity::sealed::Sealed;
    use crate::model::ExplanationId;

    fn links(tag: u32) -> ClaimLinks {
        ClaimLinks {
            explanation: Some(ExplanationId::from_raw(tag)),
            ..ClaimLinks::default()
        }
    }

    fn tag(pool: &LinkPool, claim: u32) -> Option<u32> {
        pool.get(ClaimId::from_raw(claim))
            .map(|l| l.explanation.map_or(u32::MAX, |x| x.index()))
    }

    #[test]
    fn evicting_moves_the_last_entry_into_the_gap() {
        let mut pool = LinkPool::default();
        for c in [4, 0, 9, 2] {
            pool.insert(ClaimId::from_raw(c), links(c * 10));
        }
        pool.evict(ClaimId::from_raw(0));
        pool.evict(ClaimId::from_raw(7)); // never kept
        pool.evict(ClaimId::from_raw(70)); // beyond the table
        assert_eq!(pool.len(), 3);
        assert_eq!(tag(&pool, 0), None);
        assert_eq!(tag(&pool, 2), Some(20));
        assert_eq!(tag(&pool, 4), Some(40));
        assert_eq!(tag(&pool, 9), Some(90));
        pool.insert(ClaimId::from_raw(9), links(91));
        assert_eq!((pool.len(), tag(&pool, 9)), (3, Some(91)));
        pool.retain(|c| c.index() != 4);
        assert_eq!(
            (pool.len(), tag(&pool, 4), tag(&pool, 2)),
            (2, None, Some(20))
        );
        pool.clear();
        assert_eq!((pool.len(), tag(&pool, 9)), (0, None));
    }
}
