//! Events: what happened, and when.

use serde::{Deserialize, Serialize};

use crate::model::{Kind, When, check_entity, non_empty};

/// Something that happened: a crisis, a speech, a campaign, a whole split.
///
/// Events may nest (the Second Taiwan Strait Crisis within the split); that is
/// a relation in the corpus, see [`Corpus::add_event`](crate::Corpus::add_event).
///
/// ```
/// use historiograph::{Event, When};
///
/// let crisis = Event::new("taiwan-strait-1958", "Second Taiwan Strait Crisis")
///     .with_when("1958-08".parse::<When>()?);
/// assert_eq!(crisis.when().map(|w| w.first_year()), Some(1958));
/// # Ok::<(), historiograph::Error>(())
/// ```
///
/// Serialized with the names of its entry in the corpus document
/// ([the format](crate::format)), without the relations the document
/// lists beside the entity's own data (`within`): in a change log they are
/// [`Link`](crate::Link)s. Deserializing checks what a corpus checks of
/// the entity alone (a valid key, a name not blank), so no entity a corpus would
/// refuse deserializes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Event {
    key: String,
    name: String,
    when: Option<When>,
    description: Option<String>,
}

impl Event {
    /// An event with a key and a display name, not yet dated.
    pub fn new(key: impl Into<String>, name: impl Into<String>) -> Event {
        Event {
            key: key.into(),
            name: name.into(),
            when: None,
            description: None,
        }
    }

    /// Sets the date or period.
    #[must_use]
    pub fn with_when(mut self, when: impl Into<When>) -> Event {
        self.when = Some(when.into());
        self
    }

    /// Sets a short description.
    #[must_use]
    pub fn with_description(mut self, description: impl Into<String>) -> Event {
        self.description = Some(description.into());
        self
    }

    /// The key, unique among events.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The date or period, if known.
    pub fn when(&self) -> Option<When> {
        self.when
    }

    /// The description.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    pub(crate) fn empty_field(&self) -> Option<&'static str> {
        (!non_empty(&self.name)).then_some("name")
    }
}

/// An event's fields as the corpus document names them.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventFields<S> {
    key: S,
    name: S,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    when: Option<When>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<S>,
}

impl Serialize for Event {
    fn serialize<Z: serde::Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
        EventFields {
            key: self.key(),
            name: self.name(),
            when: self.when,
            description: self.description(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Event, D::Error> {
        let e = EventFields::<String>::deserialize(deserializer)?;
        let event = Event {
            key: e.key,
            name: e.name,
            when: e.when,
            description: e.description,
        };
        check_entity(Kind::Event, &event.key, event.empty_field())
            .map_err(serde::de::Error::custom)?;
        Ok(event)
    }
}
