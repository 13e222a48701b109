//! Claims: that an explanation does, or does not, account for events.

use crate::model::{Date, non_empty};

/// Whether a claim affirms or denies that its explanation accounts for its events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Polarity {
    /// The explanation accounts for the events.
    #[default]
    Affirms,
    /// The explanation does not account for the events.
    Denies,
}

names!(Polarity, "polarity", [
    Affirms => "affirms",
    Denies => "denies",
]);

impl Polarity {
    /// +1 for affirms, -1 for denies.
    pub fn sign(self) -> f64 {
        match self {
            Polarity::Affirms => 1.0,
            Polarity::Denies => -1.0,
        }
    }
}

/// A claim: a short paraphrase of what someone argued, that an explanation
/// does (or does not) account for some events.
///
/// The explanation a claim invokes and the events it concerns are relations
/// in the corpus, given when the claim is added: see
/// [`Corpus::add_claim`](crate::Corpus::add_claim).
///
/// ```
/// use historiograph::{Claim, Polarity};
///
/// let claim = Claim::new("no-triangle-documents", "No document shows either side reasoning in a triangle")
///     .with_polarity(Polarity::Denies);
/// assert_eq!(claim.polarity(), Polarity::Denies);
/// ```
///
/// The text is plain words: every query, report and picture uses it. Where
/// the words came with inline formatting that carries meaning (emphasis, a
/// link to a source), the claim keeps it apart as its
/// [`markup`](Claim::markup), for tools that render formatting.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Claim {
    key: String,
    text: String,
    markup: Option<String>,
    polarity: Polarity,
    date: Option<Date>,
}

impl Claim {
    /// An affirming claim with a key and a short paraphrase.
    pub fn new(key: impl Into<String>, text: impl Into<String>) -> Claim {
        Claim {
            key: key.into(),
            text: text.into(),
            markup: None,
            polarity: Polarity::Affirms,
            date: None,
        }
    }

    /// Sets the polarity.
    #[must_use]
    pub fn with_polarity(mut self, polarity: Polarity) -> Claim {
        self.polarity = polarity;
        self
    }

    /// Sets the text with its inline formatting, as Markdown: `**bold**`,
    /// `*italic*`, `[words](url)`. Its words, the formatting taken out, are
    /// meant to be the [`text`](Claim::text), which stays what every query
    /// and picture uses; the markup is for tools that render formatting. A
    /// markup equal to the text says nothing more and is not kept.
    ///
    /// ```
    /// use historiograph::Claim;
    ///
    /// let claim = Claim::new("ideology-central", "Ideology was central")
    ///     .with_markup("Ideology was *central*");
    /// assert_eq!(claim.text(), "Ideology was central");
    /// assert_eq!(claim.markup(), Some("Ideology was *central*"));
    /// let plain = Claim::new("a", "Ideology was central").with_markup("Ideology was central");
    /// assert_eq!(plain.markup(), None);
    /// ```
    #[must_use]
    pub fn with_markup(mut self, markup: impl Into<String>) -> Claim {
        let markup = markup.into();
        self.markup = (markup != self.text).then_some(markup);
        self
    }

    /// Sets when the claim entered the debate: for claims that no dated
    /// position places in time (a view of an unnamed literature). The date
    /// may be approximate (`1961~`). Without one, a claim takes its date
    /// from the works that report it (see [the calculus](crate::calculus)).
    #[must_use]
    pub fn with_date(mut self, date: Date) -> Claim {
        self.date = Some(date);
        self
    }

    /// Shorthand for [`with_date`](Claim::with_date) with a date known to the year.
    #[must_use]
    pub fn with_year(self, year: i32) -> Claim {
        self.with_date(Date::from_year(year))
    }

    /// The key, unique among claims.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The paraphrase, in plain words: what every query, report and
    /// picture shows.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The paraphrase with its inline formatting, as Markdown, where it has
    /// any (see [`with_markup`](Claim::with_markup)); for tools that render
    /// formatting. `None` when the plain [`text`](Claim::text) is all there is.
    pub fn markup(&self) -> Option<&str> {
        self.markup.as_deref()
    }

    /// Whether the claim affirms or denies its explanation.
    pub fn polarity(&self) -> Polarity {
        self.polarity
    }

    /// When the claim entered the debate, if given.
    pub fn date(&self) -> Option<Date> {
        self.date
    }

    pub(crate) fn empty_field(&self) -> Option<&'static str> {
        if !non_empty(&self.text) {
            return Some("text");
        }
        self.markup
            .as_deref()
            .is_some_and(|m| !non_empty(m))
            .then_some("markup")
    }
}
