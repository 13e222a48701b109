//! The historiography of the Sino-Soviet split, after the introduction to
//! Lorenz M. Lüthi, *The Sino-Soviet Split* (2008).

use crate::graph::Corpus;

/// The document behind [`sino_soviet_split`], as embedded in the crate.
///
/// It is an ordinary corpus document (see the [`format`](crate::format)
/// page): read it, copy it, or start a corpus of your own from it.
pub const SINO_SOVIET_SPLIT_JSON: &str = include_str!("sino_soviet_split.json");

/// The debate over the Sino-Soviet split as Lüthi's introduction sets it out:
/// the scholars and works it names, the four earlier lines of explanation
/// (national interest, strategic triangle, domestic politics, ideology) with
/// their variants, the additional factors and the alliance-theory positions,
/// Lüthi's own thesis and verdicts (claims that attack the claims they
/// reject), the endnotes n.1–n.42 as evidence, and the dated events of the
/// book's ten chapters.
///
/// Nothing in the data says which explanation wins: the verdicts come out of
/// [`View::compare`](crate::View::compare).
///
/// ```
/// use historiograph::{CompareOptions, EventId, Verdict};
///
/// let corpus = historiograph::sino_soviet_split();
/// let crisis: EventId = corpus.resolve("taiwan-strait-crisis-1958")?;
/// let comparison = corpus.view(&CompareOptions::default()).compare(crisis)?;
/// let leader = &comparison.standings()[0];
/// assert_eq!(leader.verdict(), Verdict::Supported);
/// # Ok::<(), historiograph::Error>(())
/// ```
pub fn sino_soviet_split() -> Corpus {
    match Corpus::from_json(SINO_SOVIET_SPLIT_JSON) {
        Ok(corpus) => corpus,
        // The document is part of the crate and a test loads it; an error here
        // is a bug in the crate, not bad input.
        Err(error) => unreachable!("the built-in corpus does not load: {error}"),
    }
}
