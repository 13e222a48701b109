//! A layered (Sugiyama-style) layout of a directed graph, in pure Rust:
//!
//! 1. weakly connected components are laid out apart, then packed in rows
//!    (`pack.rs`);
//! 2. cycle removal: the back edges of an iterative depth-first search are
//!    reversed (`rank.rs`);
//! 3. layering by longest path (each node one layer below its lowest
//!    predecessor), then sources pulled down next to their successors
//!    (`rank.rs`);
//! 4. edges spanning several layers get a dummy node on each layer between
//!    (`component.rs`);
//! 5. crossing reduction: alternating down and up sweeps that sort each
//!    layer by the barycentre of its neighbours, keeping the order with the
//!    fewest crossings (counted with a Fenwick tree; `order.rs`);
//! 6. coordinates: each layer's nodes are moved toward the mean of their
//!    neighbours, subject to their order and a minimum gap (an isotonic
//!    regression, solved by pooling adjacent violators), alternately
//!    against the layer above and below (`place.rs`);
//! 7. edges leave the bottom of their upper end and enter the top of their
//!    lower end at ports spread along the side, through their dummies
//!    (`route.rs`).
//!
//! No recursion anywhere: long chains cost time, never stack. Boxes never
//! overlap: within a layer the gap holds by construction, layers occupy
//! disjoint bands, components disjoint cells.

mod component;
mod order;
mod pack;
mod place;
mod rank;
mod route;

pub(crate) use pack::{Block, layout};
