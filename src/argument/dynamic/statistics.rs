//! What a dynamic framework has done so far.

/// What a [`DynamicFramework`](crate::DynamicFramework) has done so far: how many questions it
/// answered, how many SAT solves it made, and how many answers came from
/// what it proved before the last change (a kept fact or a witness checked
/// again) with no solve.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DynamicStatistics {
    pub(super) questions: u64,
    pub(super) solves: u64,
    pub(super) kept: u64,
    pub(super) repaired: u64,
    pub(super) excluded: u64,
}

impl DynamicStatistics {
    /// Questions answered (`credulous`, `sceptical`, `extension`).
    pub fn questions(&self) -> u64 {
        self.questions
    }

    /// SAT solves made.
    pub fn solves(&self) -> u64 {
        self.solves
    }

    /// Answers read, with no solve, off a fact or a witness found before
    /// the last change.
    pub fn kept(&self) -> u64 {
        self.kept
    }

    /// Of the answers [`kept`](DynamicStatistics::kept), those read off a
    /// complete extension that a change broke and that was repaired (the
    /// largest admissible set within it, grown again to a complete
    /// extension) with no solve.
    pub fn repaired(&self) -> u64 {
        self.repaired
    }

    /// Witnesses excluded at the start of a sceptical question under
    /// preferred semantics: each holds the argument, so no preferred
    /// extension without it lies within one, and the counter-example
    /// search skips them.
    pub fn excluded(&self) -> u64 {
        self.excluded
    }
}
