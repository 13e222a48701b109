//! Claims: that an explanation does, or does not, account for events.

use serde::{Deserialize, Serialize};

use crate::model::{Date, Kind, check_entity, non_empty};

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
///
/// Serialized with the names of its entry in the corpus document
/// ([the format](crate::format)), without the relations the document
/// lists beside the entity's own data (`explanation`, `events`, `stances`, `cites`, `attacks`, `supports`): in a change log they are
/// [`Link`](crate::Link)s. Deserializing checks what a corpus checks of
/// the entity alone (a valid key, a text not blank, a markup not blank if given), so no entity a corpus would
/// refuse deserializes.
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

/// A claim's fields as the corpus document names them (without the legacy
/// `year`, which only documents may still give).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimFields<S> {
    key: S,
    text: S,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    markup: Option<S>,
    #[serde(default, skip_serializing_if = "is_affirms")]
    polarity: Polarity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<Date>,
}

fn is_affirms(polarity: &Polarity) -> bool {
    *polarity == Polarity::Affirms
}

impl Serialize for Claim {
    fn serialize<Z: serde::Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
        ClaimFields {
            key: self.key(),
            text: self.text(),
            markup: self.markup(),
            polarity: self.polarity,
            date: self.date,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Claim {
    /// A markup equal to the text is dropped, as
    /// [`with_markup`](Claim::with_markup) drops it.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Claim, D::Error> {
        let c = ClaimFields::<String>::deserialize(deserializer)?;
        let mut claim = Claim::new(c.key, c.text).with_polarity(c.polarity);
        if let Some(markup) = c.markup {
            claim = claim.with_markup(markup);
        }
        claim.date = c.date;
        check_entity(Kind::Claim, &claim.key, claim.empty_field())
            .map_err(serde::de::Error::custom)?;
        Ok(claim)
    }
}
