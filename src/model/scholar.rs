//! Scholars: the people who take positions in a debate.

use crate::model::{NameParts, non_empty};

/// A person who writes about the debate (a historian, a political scientist)
/// or who witnessed it and left testimony.
///
/// ```
/// use historiograph::Scholar;
///
/// let chen = Scholar::new("chen-jian", "Chen Jian").with_affiliation("Cornell University");
/// assert_eq!(chen.name(), "Chen Jian");
/// ```
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
