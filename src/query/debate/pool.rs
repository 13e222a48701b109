//! Claims' relations kept across debates: a debate gathered again reads
//! each claim's relations from here instead of walking the graph, and an
//! edit evicts exactly the claims whose relations, or what else they read,
//! it changed.

use super::model::Seen;
use crate::graph::{ClaimLinks, Node};
use crate::model::ClaimId;

/// The relations of some claims (see [`ClaimLinks`]), as the corpus had
/// them when they were read, with what else each one's place depends on.
/// Whoever keeps a pool evicts a claim whenever a change adds, removes or
/// relabels one of its relations, changes the claim itself or names an
/// entity it reads (`LiveVerdicts::update`); then every entry is what
/// `Corpus::claim_links` and `Corpus::claim_reads` would read now.
#[derive(Debug, Clone, Default)]
pub(crate) struct LinkPool {
    /// By raw claim id: one more than the entry's place, 0 for none.
    slot: Vec<u32>,
    entries: Vec<Entry>,
}

/// One claim kept.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) claim: ClaimId,
    pub(crate) links: ClaimLinks,
    /// How it is seen under the options of the debates that read the pool
    /// ([`Corpus::seen`](crate::Corpus)): one pool serves one set of
    /// options.
    pub(crate) seen: Seen,
    /// What else its place in a debate depends on (`Corpus::claim_reads`).
    pub(crate) reads: Vec<Node>,
    /// Which keeping of the claim this is: none other has the same.
    pub(crate) generation: u64,
}

impl LinkPool {
    /// A claim's entry, if kept.
    pub(crate) fn entry(&self, claim: ClaimId) -> Option<&Entry> {
        let at = *self.slot.get(claim.index() as usize)?;
        (at > 0).then(|| &self.entries[at as usize - 1])
    }

    /// Every entry.
    pub(crate) fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Keeps a claim, replacing any entry kept before.
    pub(crate) fn insert(&mut self, entry: Entry) {
        let i = entry.claim.index() as usize;
        if self.slot.len() <= i {
            self.slot.resize(i + 1, 0);
        }
        match self.slot[i] {
            0 => {
                self.entries.push(entry);
                self.slot[i] = self.entries.len() as u32;
            }
            at => self.entries[at as usize - 1] = entry,
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
        if let Some(moved) = self.entries.get(place) {
            self.slot[moved.claim.index() as usize] = place as u32 + 1;
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

    fn entry(claim: u32, tag: u32) -> Entry {
        Entry {
            claim: ClaimId::from_raw(claim),
            links: links(tag),
            seen: Seen::default(),
            reads: Vec::new(),
            generation: u64::from(tag),
        }
    }

    fn tag(pool: &LinkPool, claim: u32) -> Option<u32> {
        pool.entry(ClaimId::from_raw(claim))
            .map(|e| e.links.explanation.map_or(u32::MAX, |x| x.index()))
    }

    #[test]
    fn evicting_moves_the_last_entry_into_the_gap() {
        let mut pool = LinkPool::default();
        for c in [4, 0, 9, 2] {
            pool.insert(entry(c, c * 10));
        }
        pool.evict(ClaimId::from_raw(0));
        pool.evict(ClaimId::from_raw(7)); // never kept
        pool.evict(ClaimId::from_raw(70)); // beyond the table
        assert_eq!(pool.len(), 3);
        assert_eq!(tag(&pool, 0), None);
        assert_eq!(tag(&pool, 2), Some(20));
        assert_eq!(tag(&pool, 4), Some(40));
        assert_eq!(tag(&pool, 9), Some(90));
        pool.insert(entry(9, 91));
        assert_eq!((pool.len(), tag(&pool, 9)), (3, Some(91)));
        pool.evict(ClaimId::from_raw(4));
        assert_eq!(
            (pool.len(), tag(&pool, 4), tag(&pool, 2)),
            (2, None, Some(20))
        );
        pool.clear();
        assert_eq!((pool.len(), tag(&pool, 9)), (0, None));
    }
}
