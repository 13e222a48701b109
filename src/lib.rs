#![doc = include_str!("../README.md")]
#![deny(unsafe_code)]
#![deny(missing_docs)]

#[macro_use]
mod names;

mod argument;
mod corpus;
mod error;
mod graph;
mod io;
mod model;
mod query;
#[cfg(feature = "render")]
pub mod render;
pub mod synthetic;

pub use argument::{
    Argument, Contribution, DEFAULT_WEIGHT, Decision, DynamicFramework, DynamicStatistics,
    Extensions, Framework, Gradual, GradualOptions, Labelling, Semantics, Strengths, Why,
};
pub use corpus::{SINO_SOVIET_SPLIT_JSON, sino_soviet_split};
pub use error::{Error, Result};
pub use graph::{
    Change, Changes, Corpus, EntityId, Link, Node, Record, Relation, Removed, Transaction,
};
#[cfg(feature = "aif")]
pub use io::AifOptions;
#[cfg(any(feature = "csl", feature = "biblatex"))]
pub use io::Merged;
pub use io::{Format, Imported, JsonOptions, ReadOptions, Threads, Unmapped, WriteOptions};
#[cfg(feature = "neo4j")]
pub use io::{Neo4jFile, Neo4jFiles, Neo4jWritten};
pub use model::{
    AttackKind, Bearing, Claim, ClaimId, Date, Event, EventId, Evidence, EvidenceId, EvidenceKind,
    Explanation, ExplanationId, Kind, NameParts, Polarity, Position, PositionId, Precision, Role,
    Scholar, ScholarId, Stance, When, Work, WorkId, WorkKind,
};
pub use query::{
    Acceptance, Accounts, AchMatrix, AchOptions, Attacker, Cell, CellDifference, ClaimEntry,
    ClaimFramework, CompareOptions, Comparison, Defeat, Disagreement, EventStanding, EvidenceEntry,
    History, HistoryRow, LiveVerdicts, Margin, Matrix, Move, Point, PositionEntry, Preferences,
    ProofThresholds, Provenance, Rating, Removal, Robustness, Sensitivity, Side, StandardOfProof,
    Standing, Trajectory, Verdict, View, Weighing,
};

#[doc = include_str!("io/format.md")]
#[cfg_attr(feature = "aif", doc = include_str!("io/format_aif.md"))]
pub mod format {}

#[doc = include_str!("query/calculus.md")]
pub mod calculus {}
