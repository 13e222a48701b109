//! Argumentation semantics over the claim graph.

mod grounded;

pub use grounded::Acceptance;
pub(crate) use grounded::grounded_labelling;
