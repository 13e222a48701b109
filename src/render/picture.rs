//! [`Picture`] and the functions that make one.

use super::layout::{GraphLayout, HeatMapLayout, Layout, TimelineLayout};
use super::options::{MapOptions, PictureOptions};
use super::scene::Scene;
use super::{dot, heat, map};
use crate::graph::Corpus;
use crate::query::{Comparison, Matrix};

/// A picture of part of a corpus, ready to be written as Graphviz DOT
/// ([`to_dot`](Picture::to_dot)), laid out as data a tool can draw itself
/// ([`layout`](Picture::layout)) or, with the `svg` feature, written as SVG
/// from that layout (`to_svg`).
///
/// Every output is deterministic: the same corpus and options give the
/// same bytes. Every text from the corpus is escaped; DOT uses HTML-like
/// labels and SVG is well-formed XML, whatever the text holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Graph(Scene),
    Timeline(super::timeline::Timeline),
    HeatMap(heat::HeatMap),
}

impl Picture {
    /// The picture as Graphviz DOT, for `dot -Tsvg` or `dot -Tpng`.
    pub fn to_dot(&self) -> String {
        match &self.kind {
            Kind::Graph(scene) => dot::write(scene),
            Kind::Timeline(t) => t.to_dot(),
            Kind::HeatMap(h) => h.to_dot(),
        }
    }

    /// The picture laid out without any external program: graphs by a
    /// layered (Sugiyama-style) layout, the timeline as rows of bars on a
    /// time axis, the matrix as a grid of cells. Everything the SVG shows
    /// is in it, with coordinates: see [`Layout`]. Needs no feature.
    ///
    /// # Complexity
    /// For graphs, about O(s · (V + E) log(V + E)) for a fixed number *s* of
    /// sweeps, where *E* counts edge segments after long edges are split
    /// at every layer they cross.
    ///
    /// ```
    /// use historiograph::render::{self, PictureOptions};
    ///
    /// let corpus = historiograph::sino_soviet_split();
    /// let timeline = render::timeline(&corpus, &PictureOptions::new()).layout();
    /// let rows = timeline.as_timeline().map_or(0, |t| t.rows().len());
    /// assert_eq!(rows, corpus.count::<historiograph::EventId>());
    /// ```
    pub fn layout(&self) -> Layout {
        match &self.kind {
            Kind::Graph(scene) => Layout::Graph(GraphLayout::of(scene)),
            Kind::Timeline(t) => Layout::Timeline(TimelineLayout::of(t)),
            Kind::HeatMap(h) => Layout::HeatMap(HeatMapLayout::of(h)),
        }
    }

    /// The picture as a standalone SVG document: its
    /// [`layout`](Self::layout), written.
    ///
    /// # Complexity
    /// That of [`layout`](Self::layout), plus linear work in what it holds.
    #[cfg(feature = "svg")]
    pub fn to_svg(&self) -> String {
        self.layout().to_svg()
    }

    /// The picture's title.
    pub fn title(&self) -> &str {
        match &self.kind {
            Kind::Graph(scene) => &scene.title,
            Kind::Timeline(t) => &t.title,
            Kind::HeatMap(h) => &h.title,
        }
    }
}

/// The argument map: every claim in view as a box coloured by its
/// explanation's family (variants share their family's colour), with its
/// explanation, polarity and status above its text; attacks as red arrows
/// ending in a bar, supports as dashed green arrows; accepted claims with
/// a heavy border, defeated ones dashed and paler, undecided ones dotted;
/// a legend. Scholars, evidence and groups by event as the options say.
///
/// # Complexity
/// [`View::framework`](crate::View::framework) plus the chosen semantics (grounded: linear;
/// others: see [`Framework::acceptance_of_all`](crate::Framework::acceptance_of_all)),
/// plus linear work in the claims, positions and citations drawn.
///
/// ```
/// use historiograph::render::{self, MapOptions};
///
/// let corpus = historiograph::sino_soviet_split();
/// let map = render::argument_map(&corpus, &MapOptions::new().with_clusters(true));
/// let dot = map.to_dot();
/// assert!(dot.starts_with("digraph"));
/// # #[cfg(feature = "svg")]
/// assert!(map.to_svg().contains("<svg"));
/// ```
pub fn argument_map(corpus: &Corpus, options: &MapOptions) -> Picture {
    Picture {
        kind: Kind::Graph(map::scene(corpus, options)),
    }
}

/// A comparison (from [`View::compare`](crate::View::compare)) as a picture: the event at the
/// bottom; above it each explanation with its rank, verdict and score
/// (heavy border supported, dotted contested, dashed rejected); above
/// those the claims for (green) and against (red) each, and the claims that
/// attack them.
///
/// `corpus` must be the corpus the comparison was made from; it gives the
/// claims' texts and the families' colours.
///
/// ```
/// use historiograph::render::{self, PictureOptions};
/// use historiograph::{CompareOptions, EventId};
///
/// let corpus = historiograph::sino_soviet_split();
/// let crisis: EventId = corpus.resolve("taiwan-strait-crisis-1958")?;
/// let comparison = corpus.view(&CompareOptions::new()).compare(crisis)?;
/// let picture = render::comparison(&corpus, &comparison, &PictureOptions::new());
/// assert!(picture.to_dot().contains("Second Taiwan Strait Crisis"));
/// # Ok::<(), historiograph::Error>(())
/// ```
pub fn comparison(corpus: &Corpus, comparison: &Comparison, options: &PictureOptions) -> Picture {
    Picture {
        kind: Kind::Graph(super::comparison::scene(corpus, comparison, options)),
    }
}

/// The events on a time line: the outermost events in date order, each
/// followed by the events within it (by date, at any depth). In DOT, one
/// column per year and events within another inside its group; in SVG, a
/// row per event with a bar from its start to its end, on an axis where
/// years without events are narrowed.
///
/// # Complexity
/// O(n log n) for *n* events.
///
/// ```
/// use historiograph::render::{self, PictureOptions};
///
/// let corpus = historiograph::sino_soviet_split();
/// let timeline = render::timeline(&corpus, &PictureOptions::new());
/// assert!(timeline.to_dot().contains("1958"));
/// ```
pub fn timeline(corpus: &Corpus, options: &PictureOptions) -> Picture {
    Picture {
        kind: Kind::Timeline(super::timeline::build(corpus, options)),
    }
}

/// The events × explanations matrix (from [`View::matrix`](crate::View::matrix)) as a heat
/// map: a row per event, a column per explanation (its family's colour
/// above it), each cell coloured on a diverging scale from red (−1) through
/// white (0) to blue (+1) and marked with the verdict and score; a scale
/// and a key.
///
/// ```
/// use historiograph::render;
/// use historiograph::{CompareOptions, EventId};
///
/// let corpus = historiograph::sino_soviet_split();
/// let events: Vec<EventId> = corpus.events_by_date().collect();
/// let matrix = corpus.view(&CompareOptions::new().with_roll_up(true)).matrix(events)?;
/// let heat = render::heat_map(&corpus, &matrix);
/// assert!(heat.to_dot().contains("Ideology"));
/// # Ok::<(), historiograph::Error>(())
/// ```
pub fn heat_map(corpus: &Corpus, matrix: &Matrix) -> Picture {
    Picture {
        kind: Kind::HeatMap(heat::build(corpus, matrix)),
    }
}
