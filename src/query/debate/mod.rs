//! One comparison's debate, gathered once and evaluated as often as a
//! margin search needs: the claims in view around the events in scope, the
//! defeats among them, their holders' latest positions and their evidence.
//! `model.rs` holds the types, `gather.rs` builds a debate from the corpus,
//! `evaluate.rs` is the calculus (§2–§5) in code, `delta.rs` evaluates
//! a few removals again by computing only what they reach, and `pool.rs`
//! keeps claims' relations across debates for `LiveVerdicts`.

mod delta;
mod evaluate;
mod gather;
mod model;
mod pool;

pub(crate) use delta::Delta;
pub(crate) use evaluate::base_weight;
pub(crate) use gather::{directional, net_evidence};
pub(crate) use model::{Absent, Debate, Outcome, Reading, Seen, Tally};
pub(crate) use pool::{Entry, LinkPool};
