//! Scholars: the people who take positions in a debate.

use serde::{Deserialize, Serialize};

use crate::model::{Kind, NameParts, check_entity, non_empty};

/// A person who writes about the debate (a historian, a political scientist)
/// or who witnessed it and left testimony.
///
/// ```
/// use historiograph::Scholar;
///
/// let chen = Scholar::new("chen-jian", "Chen Jian").with_affiliation("Cornell University");
/// assert_eq!(chen.name(), "Chen Jian");
/// ```
///
/// Serialized with the names of its entry in the corpus document
/// ([the format](crate::format)), without the relations the document
/// lists beside the entity's own data (none: a scholar has no relations of its own): in a change log they are
/// [`Link`](crate::Link)s. Deserializing checks what a corpus checks of
/// the entity alone (a valid key, a name and the parts' family name not blank), so no entity a corpus would
/// refuse deserializes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Scholar {
    key: String,
    name: String,
    born: Option<i32>,
    died: Option<i32>,
    affiliation: Option<String>,
    naming: Naming,
}

/// How a scholar's name divides into parts for citation styles.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
enum Naming {
    /// By the usual reading of the display name ([`NameParts::parse`]).
    #[default]
    Usual,
    /// By explicit parts (boxed: few scholars need them).
    Parts(Box<NameParts>),
    /// Never: the name is cited as written.
    Literal,
}

impl Scholar {
    /// A scholar with a key (`chen-jian`) and a display name (`Chen Jian`).
    pub fn new(key: impl Into<String>, name: impl Into<String>) -> Scholar {
        Scholar {
            key: key.into(),
            name: name.into(),
            born: None,
            died: None,
            affiliation: None,
            naming: Naming::Usual,
        }
    }

    /// Sets the parts of the name that citation styles print (`Chen`,
    /// `Jian`, family first), where the usual reading of the display name
    /// ([`NameParts::parse`]) would divide it wrongly. The display name
    /// stays as given.
    ///
    /// ```
    /// use historiograph::{NameParts, Scholar};
    ///
    /// let chen = Scholar::new("chen-jian", "Chen Jian")
    ///     .with_parts(NameParts::new("Chen").with_given("Jian").with_family_first());
    /// assert_eq!(chen.to_name_parts().map(|p| p.family().to_owned()), Some("Chen".to_owned()));
    /// ```
    #[must_use]
    pub fn with_parts(mut self, parts: NameParts) -> Scholar {
        self.naming = Naming::Parts(Box::new(parts));
        self
    }

    /// Marks the name as cited as written, never divided into parts: an
    /// institution (`Central Committee of the CCP`), an author known by one
    /// name (CSL-JSON `literal`). Clears any parts.
    #[must_use]
    pub fn with_literal_name(mut self) -> Scholar {
        self.naming = Naming::Literal;
        self
    }

    /// Sets the year of birth.
    #[must_use]
    pub fn with_born(mut self, year: i32) -> Scholar {
        self.born = Some(year);
        self
    }

    /// Sets the year of death.
    #[must_use]
    pub fn with_died(mut self, year: i32) -> Scholar {
        self.died = Some(year);
        self
    }

    /// Sets the affiliation (a university, an office held).
    #[must_use]
    pub fn with_affiliation(mut self, affiliation: impl Into<String>) -> Scholar {
        self.affiliation = Some(affiliation.into());
        self
    }

    /// The key, unique among scholars.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The year of birth.
    pub fn born(&self) -> Option<i32> {
        self.born
    }

    /// The year of death.
    pub fn died(&self) -> Option<i32> {
        self.died
    }

    /// The affiliation.
    pub fn affiliation(&self) -> Option<&str> {
        self.affiliation.as_deref()
    }

    /// The parts of the name, when given explicitly
    /// ([`with_parts`](Scholar::with_parts)).
    pub fn parts(&self) -> Option<&NameParts> {
        match &self.naming {
            Naming::Parts(parts) => Some(parts),
            _ => None,
        }
    }

    /// Whether the name is cited as written
    /// ([`with_literal_name`](Scholar::with_literal_name)).
    pub fn has_literal_name(&self) -> bool {
        self.naming == Naming::Literal
    }

    /// The parts citation styles print: the explicit ones, else the usual
    /// reading of the display name ([`NameParts::parse`]); `None` for a
    /// name cited as written, or one the usual reading cannot divide.
    pub fn to_name_parts(&self) -> Option<NameParts> {
        match &self.naming {
            Naming::Usual => NameParts::parse(&self.name),
            Naming::Parts(parts) => Some(parts.as_ref().clone()),
            Naming::Literal => None,
        }
    }

    pub(crate) fn empty_field(&self) -> Option<&'static str> {
        if !non_empty(&self.name) {
            return Some("name");
        }
        self.parts().and_then(NameParts::empty_field)
    }
}

/// A scholar's fields as the corpus document names them, with the texts
/// borrowed (`S = &str`) to write or owned (`S = String`) to read.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScholarFields<S, P> {
    key: S,
    name: S,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    born: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    died: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    affiliation: Option<S>,
    // No `default`: it would ask `P: Default`; a missing option is `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    parts: Option<P>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    literal: bool,
}

impl Serialize for Scholar {
    fn serialize<Z: serde::Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
        ScholarFields {
            key: self.key(),
            name: self.name(),
            born: self.born,
            died: self.died,
            affiliation: self.affiliation(),
            parts: self.parts(),
            literal: self.has_literal_name(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Scholar {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Scholar, D::Error> {
        let s = ScholarFields::<String, NameParts>::deserialize(deserializer)?;
        if s.literal && s.parts.is_some() {
            return Err(serde::de::Error::custom(format!(
                "scholar `{}` has both `parts` and `literal` (a name cited as written has no parts): give one",
                s.key
            )));
        }
        let mut scholar = Scholar::new(s.key, s.name);
        scholar.born = s.born;
        scholar.died = s.died;
        scholar.affiliation = s.affiliation;
        if let Some(parts) = s.parts {
            scholar = scholar.with_parts(parts);
        } else if s.literal {
            scholar = scholar.with_literal_name();
        }
        check_entity(Kind::Scholar, &scholar.key, scholar.empty_field())
            .map_err(serde::de::Error::custom)?;
        Ok(scholar)
    }
}
