//! Explanations: families of explanation and their variants.

use crate::model::non_empty;

/// A line of explanation: a family (national interest, ideology, or one of
/// your own) or a variant of one (nationalism under national interest).
///
/// Whether an explanation is a family or a variant is a relation in the
/// corpus: see [`Corpus::add_explanation`](crate::Corpus::add_explanation).
///
/// ```
/// use historiograph::Explanation;
///
/// let ideology = Explanation::new("ideology", "Ideology")
///     .with_description("The partners split over how to build socialism and face imperialism");
/// assert_eq!(ideology.key(), "ideology");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Explanation {
    key: String,
    name: String,
    description: Option<String>,
}

impl Explanation {
    /// An explanation with a key and a display name.
    pub fn new(key: impl Into<String>, name: impl Into<String>) -> Explanation {
        Explanation {
            key: key.into(),
            name: name.into(),
            description: None,
        }
    }

    /// Sets a one-sentence description.
    #[must_use]
    pub fn with_description(mut self, description: impl Into<String>) -> Explanation {
        self.description = Some(description.into());
        self
    }

    /// The key, unique among explanations.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The description.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    pub(crate) fn empty_field(&self) -> Option<&'static str> {
        (!non_empty(&self.name)).then_some("name")
    }
}
