//! One scholar, one voice: each scholar's latest position on a claim, and
//! the voices those positions speak with (the calculus, §2).

use super::options::backing;
use crate::graph::Corpus;
use crate::model::{ClaimId, Position, ScholarId, Stance, WorkId};

/// When a position entered the debate, for ranking one scholar's positions
/// on a claim: dated ones by year, then undated ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum When {
    Dated(i32),
    Undated,
}

/// Who speaks in a position: the work it was taken in (however many
/// authors took it there), or the scholar alone when it was taken in no work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Voice {
    Work(WorkId),
    Scholar(ScholarId),
}

/// A scholar's latest position in view on one claim.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Held {
    pub(crate) scholar: ScholarId,
    pub(crate) position: Position,
    /// When it entered the debate, as it ranks: dated positions by year,
    /// undated ones after them all.
    pub(crate) when: When,
    pub(crate) voice: Voice,
}

impl Held {
    pub(crate) fn stance(&self) -> Stance {
        self.position.stance()
    }
}

impl Corpus {
    /// When a position entered the debate, as positions rank (the calculus,
    /// §1–§2): by its entry year, an undated one at the end of the debate,
    /// after every dated one. So the rank of one scholar's position never
    /// depends on another's, nor on the corpus's last year.
    pub(crate) fn position_when(&self, claim: ClaimId, p: &Position) -> When {
        match self.position_entered(claim, p) {
            Some(year) => When::Dated(year),
            None => When::Undated,
        }
    }

    /// Each scholar's latest position among `positions` on `claim` (all in
    /// view), by voice then scholar: the latest (undated ones after every
    /// dated one); between two of one year, the one that backs the claim
    /// more; between two alike, the one in the later work by id.
    pub(crate) fn latest_held(
        &self,
        claim: ClaimId,
        positions: &[(ScholarId, Position)],
    ) -> smallvec::SmallVec<[Held; 4]> {
        let mut held: smallvec::SmallVec<[Held; 4]> =
            smallvec::SmallVec::with_capacity(positions.len());
        for &(scholar, position) in positions {
            let new = Held {
                scholar,
                position,
                when: self.position_when(claim, &position),
                voice: position.work().map_or(Voice::Scholar(scholar), Voice::Work),
            };
            let rank = |h: &Held| (h.when, (backing(h.stance()) * 2.0) as u8, h.position.work());
            match held.iter_mut().find(|h| h.scholar == scholar) {
                Some(old) => {
                    if rank(&new) > rank(old) {
                        *old = new;
                    }
                }
                None => held.push(new),
            }
        }
        held.sort_unstable_by_key(|h| (h.voice, h.scholar));
        held
    }
}

/// A claim's backing *b* and rejections *r* from its holders' latest
/// positions: the sum over voices of each voice's mean backing (1 for
/// advances and endorses, ½ for qualifies, 0 for rejects) and of its share
/// of rejecting members. `held` gives each holder's voice and stance,
/// sorted by voice (as [`Corpus::latest_held`] returns them).
pub(crate) fn backing_and_rejections(
    held: impl IntoIterator<Item = (Voice, Stance)>,
) -> (f64, f64) {
    let (mut b, mut r) = (0.0, 0.0);
    // The voice being summed: its members, their backing and rejections.
    let mut group: Option<(Voice, f64, f64, f64)> = None;
    let mut close = |g: Option<(Voice, f64, f64, f64)>| {
        if let Some((_, n, backing, rejects)) = g {
            b += backing / n;
            r += rejects / n;
        }
    };
    for (voice, stance) in held {
        let rejects = f64::from(u8::from(stance == Stance::Rejects));
        match &mut group {
            Some((v, n, backing, rejected)) if *v == voice => {
                *n += 1.0;
                *backing += super::options::backing(stance);
                *rejected += rejects;
            }
            _ => {
                close(group.take());
                group = Some((voice, 1.0, super::options::backing(stance), rejects));
            }
        }
    }
    close(group);
    (b, r)
}
