//! What every importer of a foreign format returns.

use crate::Corpus;

/// A corpus read from a foreign format, with everything the format held
/// that the corpus could not.
///
/// Importers never drop a node silently: what they cannot map is listed in
/// [`unmapped`](Imported::unmapped), so a caller can show it or refuse the
/// import.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Imported {
    /// The corpus built from the input.
    pub corpus: Corpus,
    /// What the input held that has no place in the corpus.
    pub unmapped: Vec<Unmapped>,
}

impl Imported {
    /// A corpus with nothing left out.
    pub fn new(corpus: Corpus) -> Imported {
        Imported {
            corpus,
            unmapped: Vec::new(),
        }
    }

    /// Whether the whole input found a place in the corpus.
    pub fn is_lossless(&self) -> bool {
        self.unmapped.is_empty()
    }
}

/// One thing an importer read but could not place in the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Unmapped {
    /// Where it is in the input: `node 12`, `edge 7`, `items[3]`, `line 4`.
    pub at: String,
    /// Why it has no place.
    pub reason: String,
}

impl Unmapped {
    /// Something at `at` that was left out because of `reason`.
    pub fn new(at: impl Into<String>, reason: impl Into<String>) -> Unmapped {
        Unmapped {
            at: at.into(),
            reason: reason.into(),
        }
    }
}

impl std::fmt::Display for Unmapped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.at, self.reason)
    }
}
