//! One scholar, one voice: each scholar's latest position on a claim, and
//! the voices those positions speak with (the calculus, §2).

use super::view::backing;
use crate::graph::Corpus;
use crate::model::{ClaimId, Position, ScholarId, Stance, WorkId};

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
    /// The year that ranks it: its entry year, the corpus's last year for
    /// an undated position.
    pub(crate) year: i32,
    pub(crate) voice: Voice,
}

impl Held {
    pub(crate) fn stance(&self) -> Stance {
        self.position.stance()
    }
}

impl Corpus {
    /// Each scholar's latest position among `positions` on `claim` (all in
    /// view), by voice then scholar: the latest entry year (undated ones at the
    /// corpus's last year); between two of one year, the one that backs the
    /// claim more; between two alike, the one in the later work by id.
    pub(crate) fn latest_held(
        &self,
        claim: ClaimId,
        positions: &[(ScholarId, Position)],
    ) -> Vec<Held> {
        let last = self.last_year().unwrap_or(i32::MAX);
        let mut held: Vec<Held> = Vec::with_capacity(positions.len());
        for &(scholar, position) in positions {
            let year = self.position_entered(claim, &position).unwrap_or(last);
            let new = Held {
                scholar,
                position,
                year,
                voice: position.work().map_or(Voice::Scholar(scholar), Voice::Work),
            };
            let rank = |h: &Held| (h.year, (backing(h.stance()) * 2.0) as u8, h.position.work());
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
                *backing += super::view::backing(stance);
                *rejected += rejects;
            }
            _ => {
                close(group.take());
                group = Some((voice, 1.0, super::view::backing(stance), rejects));
            }
        }
    }
    close(group);
    (b, r)
}
