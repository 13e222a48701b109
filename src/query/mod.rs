//! Read-only questions about a corpus, one file per family. Each is a method
//! on [`Corpus`](crate::Corpus) and documents its complexity.

mod accounts;
mod ach;
mod compare;
mod debate;
mod defeat;
mod framework;
mod history;
mod live;
mod margin;
mod matrix;
mod options;
mod proof;
mod provenance;
mod report;
mod timeline;
mod trajectory;
mod view;
mod voice;

pub use crate::argument::Acceptance;
pub use accounts::{Accounts, EventStanding};
pub use ach::{AchMatrix, AchOptions, CellDifference, Rating};
pub use defeat::Preferences;
pub use framework::{ClaimFramework, Defeat};
pub use history::{History, HistoryRow};
pub use live::LiveVerdicts;
pub use margin::{Margin, Robustness};
pub use matrix::{Cell, Matrix};
pub use options::{CompareOptions, Weighing};
pub use proof::{ProofThresholds, Removal, Sensitivity, StandardOfProof};
pub use provenance::{Disagreement, Point, Provenance, Side};
pub use report::{
    Attacker, ClaimEntry, Comparison, EvidenceEntry, PositionEntry, Standing, Verdict,
};
pub use trajectory::{Move, Trajectory};
pub use view::View;
