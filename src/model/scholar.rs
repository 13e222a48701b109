//! Scholars: the people who take positions in a debate.

use crate::model::non_empty;

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
        }
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

    pub(crate) fn empty_field(&self) -> Option<&'static str> {
        (!non_empty(&self.name)).then_some("name")
    }
}
