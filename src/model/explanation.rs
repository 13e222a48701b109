//! Explanations: families of explanation and their variants.

use serde::{Deserialize, Serialize};

use crate::model::{Kind, check_entity, non_empty};

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
///
/// Serialized with the names of its entry in the corpus document
/// ([the format](crate::format)), without the relations the document
/// lists beside the entity's own data (`variant_of`): in a change log they are
/// [`Link`](crate::Link)s. Deserializing checks what a corpus checks of
/// the entity alone (a valid key, a name not blank), so no entity a corpus would
/// refuse deserializes.
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

/// An explanation's fields as the corpus document names them.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExplanationFields<S> {
    key: S,
    name: S,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<S>,
}

impl Serialize for Explanation {
    fn serialize<Z: serde::Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
        ExplanationFields {
            key: self.key(),
            name: self.name(),
            description: self.description(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Explanation {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Explanation, D::Error> {
        let x = ExplanationFields::<String>::deserialize(deserializer)?;
        let explanation = Explanation {
            key: x.key,
            name: x.name,
            description: x.description,
        };
        check_entity(
            Kind::Explanation,
            &explanation.key,
            explanation.empty_field(),
        )
        .map_err(serde::de::Error::custom)?;
        Ok(explanation)
    }
}
