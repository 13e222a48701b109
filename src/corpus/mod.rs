//! Built-in corpora, stored as documents in the repository and loaded
//! through the same public loader users call.

mod sino_soviet_split;

pub use sino_soviet_split::{SINO_SOVIET_SPLIT_JSON, sino_soviet_split};
