//! Passive data: the entities of a historiographical debate and the values
//! that label their relations. Nothing here knows about the graph.

mod claim;
mod date;
mod event;
mod evidence;
mod explanation;
mod id;
mod name;
mod relation;
mod scholar;
mod text;
mod work;

pub use claim::{Claim, Polarity};
pub use date::{Date, Precision, When};
pub use event::Event;
pub use evidence::{Evidence, EvidenceKind};
pub use explanation::Explanation;
pub use id::{ClaimId, EventId, EvidenceId, ExplanationId, Kind, PositionId, ScholarId, WorkId};
pub(crate) use id::{by_text, split_id};
pub use name::NameParts;
pub use relation::{AttackKind, Bearing, Position, Role, Stance};
pub use scholar::Scholar;
pub use work::{Work, WorkKind};

pub(crate) use text::{check_entity, check_key, non_empty};
