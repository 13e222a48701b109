//! Read-only questions about a corpus, one file per family. Each is a method
//! on [`Corpus`](crate::Corpus) and documents its complexity.

mod accounts;
mod ach;
mod compare;
mod framework;
mod history;
mod matrix;
mod proof;
mod provenance;
mod report;
mod timeline;
mod view;

pub use crate::argument::Acceptance;
pub use accounts::{Accounts, EventStanding};
pub use ach::{AchMatrix, AchOptions, CellDifference, Rating};
pub use framework::ClaimFramework;
pub use history::{History, HistoryRow};
pub use matrix::{Cell, Matrix};
pub use proof::{ProofThresholds, Removal, Sensitivity, StandardOfProof};
pub use provenance::{Disagreement, Provenance};
pub use report::{ClaimEntry, Comparison, EvidenceEntry, PositionEntry, Standing, Verdict};
pub use view::{CompareOptions, Weighing};
