//! Argumentation semantics: abstract frameworks, extension-based semantics
//! (grounded, complete, preferred, stable, semi-stable, stage, ideal) solved with
//! SAT, and gradual semantics for weighted bipolar frameworks. The
//! framework view of a corpus is in `query/framework.rs`.

mod backend;
#[cfg(feature = "cadical")]
mod ccadical;
mod dynamic;
mod extensions;
mod framework;
mod gradual;
mod grounded;
mod ideal;
pub(crate) use grounded::grounded_labels_among;
mod labelling;
mod names;
mod sat;
mod scc;

pub use dynamic::{DynamicFramework, DynamicStatistics};
pub use extensions::{Decision, Extensions, Semantics};
pub(crate) use framework::Named;
pub use framework::{Argument, DEFAULT_WEIGHT, Framework};
pub use gradual::{Contribution, Gradual, GradualOptions, Strengths};
pub use grounded::Acceptance;
pub use labelling::{Labelling, Why};
