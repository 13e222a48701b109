//! What a picture shows: the options of each kind of picture.

use std::collections::BTreeSet;

use crate::argument::Semantics;
use crate::model::EventId;
use crate::query::CompareOptions;

/// The default width of a line of text in a box, in characters.
const WRAP: usize = 32;

/// Options for [`render::argument_map`](crate::render::argument_map).
///
/// The default shows every claim in view (the whole debate), labelled by
/// the grounded semantics, without scholars or evidence, ungrouped, with
/// text wrapped at 32 characters.
///
/// ```
/// use historiograph::Semantics;
/// use historiograph::render::MapOptions;
///
/// let options = MapOptions::new()
///     .with_semantics(Some(Semantics::Preferred))
///     .with_scholars(true)
///     .with_clusters(true);
/// assert_eq!(options.semantics(), Some(Semantics::Preferred));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct MapOptions {
    view: CompareOptions,
    events: Option<BTreeSet<EventId>>,
    semantics: Option<Semantics>,
    scholars: bool,
    evidence: bool,
    clusters: bool,
    wrap: usize,
}

impl Default for MapOptions {
    fn default() -> MapOptions {
        MapOptions {
            view: CompareOptions::new(),
            events: None,
            semantics: Some(Semantics::Grounded),
            scholars: false,
            evidence: false,
            clusters: false,
            wrap: WRAP,
        }
    }
}

impl MapOptions {
    /// The default options.
    pub fn new() -> MapOptions {
        MapOptions::default()
    }

    /// Which claims, positions and evidence are in view: the year and
    /// scholars of these [`CompareOptions`] apply (as for
    /// [`View::framework`](crate::View::framework)). Default: everything.
    #[must_use]
    pub fn with_view(mut self, view: CompareOptions) -> MapOptions {
        self.view = view;
        self
    }

    /// Draws only the claims about these events (directly), and what
    /// bears on them; acceptance is still that of the whole debate in view.
    /// The default draws every claim in view.
    #[must_use]
    pub fn with_events(mut self, events: impl IntoIterator<Item = EventId>) -> MapOptions {
        self.events = Some(events.into_iter().collect());
        self
    }

    /// The semantics that marks claims accepted, defeated or undecided;
    /// `None` marks nothing. With grounded semantics (the default) a claim is
    /// in, out or undecided in the grounded labelling; with another, *in* is
    /// sceptically accepted (in every extension), *undecided* credulously
    /// only (in some), *out* in none.
    #[must_use]
    pub fn with_semantics(mut self, semantics: Option<Semantics>) -> MapOptions {
        self.semantics = semantics;
        self
    }

    /// Whether to draw the scholars in view, with an arrow to each claim
    /// they take a position on (their latest). Default `false`.
    #[must_use]
    pub fn with_scholars(mut self, yes: bool) -> MapOptions {
        self.scholars = yes;
        self
    }

    /// Whether to draw the evidence in view, with an arrow to each claim
    /// that cites it. Default `false`.
    #[must_use]
    pub fn with_evidence(mut self, yes: bool) -> MapOptions {
        self.evidence = yes;
        self
    }

    /// Whether to group claims by event (each claim under the earliest
    /// event it concerns). DOT only: the SVG layout does not draw groups.
    /// Default `false`.
    #[must_use]
    pub fn with_clusters(mut self, yes: bool) -> MapOptions {
        self.clusters = yes;
        self
    }

    /// The width of a line of text in a box, in characters (at least 8);
    /// default 32.
    #[must_use]
    pub fn with_wrap(mut self, characters: usize) -> MapOptions {
        self.wrap = characters.max(8);
        self
    }

    /// What is in view.
    pub fn view(&self) -> &CompareOptions {
        &self.view
    }

    /// The events whose claims are drawn, if restricted.
    pub fn events(&self) -> Option<impl Iterator<Item = EventId> + '_> {
        self.events.as_ref().map(|e| e.iter().copied())
    }

    /// The semantics that labels claims, if any.
    pub fn semantics(&self) -> Option<Semantics> {
        self.semantics
    }

    /// Whether scholars are drawn.
    pub fn scholars(&self) -> bool {
        self.scholars
    }

    /// Whether evidence is drawn.
    pub fn evidence(&self) -> bool {
        self.evidence
    }

    /// Whether claims are grouped by event.
    pub fn clusters(&self) -> bool {
        self.clusters
    }

    /// The width of a line of text, in characters.
    pub fn wrap(&self) -> usize {
        self.wrap
    }
}

/// Options for [`render::comparison`](crate::render::comparison) and
/// [`render::timeline`](crate::render::timeline).
///
/// The default draws the claims behind each explanation and the attacks on
/// them, and text wrapped at 32 characters.
///
/// ```
/// use historiograph::render::PictureOptions;
///
/// let options = PictureOptions::new().with_claims(false).with_wrap(24);
/// assert!(!options.claims());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PictureOptions {
    claims: bool,
    wrap: usize,
}

impl Default for PictureOptions {
    fn default() -> PictureOptions {
        PictureOptions {
            claims: true,
            wrap: WRAP,
        }
    }
}

impl PictureOptions {
    /// The default options.
    pub fn new() -> PictureOptions {
        PictureOptions::default()
    }

    /// In a comparison, whether to draw the claims behind each explanation
    /// and the claims that attack them; without, only the event and its
    /// explanations. In a timeline, whether to give each event the number
    /// of claims about it. Default `true`.
    #[must_use]
    pub fn with_claims(mut self, yes: bool) -> PictureOptions {
        self.claims = yes;
        self
    }

    /// The width of a line of text, in characters (at least 8); default 32.
    #[must_use]
    pub fn with_wrap(mut self, characters: usize) -> PictureOptions {
        self.wrap = characters.max(8);
        self
    }

    /// Whether claims are drawn.
    pub fn claims(&self) -> bool {
        self.claims
    }

    /// The width of a line of text, in characters.
    pub fn wrap(&self) -> usize {
        self.wrap
    }
}
