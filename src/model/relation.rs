//! The values that label relations: stances, bearings, attacks, the roles
//! of a work's contributors.

use crate::model::WorkId;

/// What a scholar did for a work: wrote it, edited it, translated it (the
/// CSL-JSON and BibLaTeX name lists of the same names).
///
/// A scholar may hold several roles in one work (the editor of a volume
/// who also translated it), each list in its own order; see
/// [`Corpus::contributors`](crate::Corpus::contributors).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
pub enum Role {
    /// An author (CSL `author`).
    #[default]
    Author,
    /// An editor: of an edited volume, or of the volume a chapter is in
    /// (CSL `editor`).
    Editor,
    /// A translator (CSL `translator`).
    Translator,
}

names!(Role, "contributor role", [
    Author => "author",
    Editor => "editor",
    Translator => "translator",
]);

impl Role {
    /// The list of a work that holds this role in the corpus document
    /// (`authors`, `editors`, `translators`).
    pub fn list_name(self) -> &'static str {
        match self {
            Role::Author => "authors",
            Role::Editor => "editors",
            Role::Translator => "translators",
        }
    }
}

/// A scholar's position toward a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stance {
    /// Puts the claim forward as the scholar's own.
    Advances,
    /// Agrees with a claim someone else put forward.
    Endorses,
    /// Agrees in part, or with reservations.
    Qualifies,
    /// Holds the claim to be wrong.
    Rejects,
}

impl Stance {
    /// Whether the scholar holds the claim (advances, endorses or qualifies it).
    pub fn holds(self) -> bool {
        !matches!(self, Stance::Rejects)
    }
}

names!(Stance, "stance", [
    Advances => "advances",
    Endorses => "endorses",
    Qualifies => "qualifies",
    Rejects => "rejects",
]);

/// A scholar's stance on a claim, and where and when the scholar took it.
///
/// The year of a position is `year` when given, otherwise the year of `work`;
/// [`Corpus::position_year`](crate::Corpus::position_year) resolves it.
///
/// Serialized with the names of the corpus document's stances:
/// `{"stance": "endorses", "work": "work#3", "year": 1958}`, without the
/// work or year it does not have.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Position {
    stance: Stance,
    /// The work's raw id, or [`NO_WORK`]: no id reaches it (the corpus
    /// refuses the `u32::MAX`th entity).
    work: u32,
    /// The year, or [`NO_YEAR`]: years are clamped to -9999..=9999. With
    /// both sentinels a position is 12 bytes, so a relation holding one
    /// and its [`PositionId`](crate::PositionId) stays at 16 and a graph
    /// edge at 32.
    year: i32,
}

/// The `work` of a position taken in no work.
const NO_WORK: u32 = u32::MAX;
/// The `year` of a position with no year of its own.
const NO_YEAR: i32 = i32::MIN;

impl std::fmt::Debug for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Position")
            .field("stance", &self.stance)
            .field("work", &self.work())
            .field("year", &self.year())
            .finish()
    }
}

impl Position {
    /// A stance taken in no particular work and year.
    pub fn new(stance: Stance) -> Position {
        Position {
            stance,
            work: NO_WORK,
            year: NO_YEAR,
        }
    }

    /// The work in which the scholar takes the stance.
    #[must_use]
    pub fn in_work(mut self, work: WorkId) -> Position {
        self.work = work.0;
        self
    }

    /// The year the stance was taken, when it differs from the work's year or
    /// there is no work. Years outside -9999..=9999 are clamped into that
    /// range, as [`Date::from_year`](crate::Date::from_year) clamps them.
    #[must_use]
    pub fn in_year(mut self, year: i32) -> Position {
        self.year = year.clamp(-9999, 9999);
        self
    }

    /// The stance.
    pub fn stance(&self) -> Stance {
        self.stance
    }

    /// The work that takes the stance, if recorded.
    pub fn work(&self) -> Option<WorkId> {
        (self.work != NO_WORK).then_some(WorkId(self.work))
    }

    /// The year given explicitly, if any (see
    /// [`Corpus::position_year`](crate::Corpus::position_year) for the
    /// resolved year).
    pub fn year(&self) -> Option<i32> {
        (self.year != NO_YEAR).then_some(self.year)
    }

    /// The same position taken in no work, in its own year or else `work_year`.
    pub(crate) fn without_work(self, work_year: Option<i32>) -> Position {
        Position {
            work: NO_WORK,
            year: self.year().or(work_year).unwrap_or(NO_YEAR),
            ..self
        }
    }
}

/// A position as a change log writes it, with the names of the corpus
/// document's `stances`: `{"stance": "advances", "work": "work#3",
/// "year": 1958}`, the work and year left out when not given.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PositionFields {
    stance: Stance,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    work: Option<WorkId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
}

impl serde::Serialize for Position {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        PositionFields {
            stance: self.stance,
            work: self.work(),
            year: self.year(),
        }
        .serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Position {
    /// A year outside -9999..=9999 is refused, not clamped as
    /// [`in_year`](Position::in_year) clamps it: what was read is kept
    /// exactly, or not at all.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Position, D::Error> {
        let fields = PositionFields::deserialize(deserializer)?;
        let mut position = Position::new(fields.stance);
        if let Some(work) = fields.work {
            position = position.in_work(work);
        }
        if let Some(year) = fields.year {
            if !(-9999..=9999).contains(&year) {
                return Err(serde::de::Error::custom(crate::error::Error::InvalidDate {
                    value: year.to_string(),
                    reason: "year must be from -9999 to 9999",
                }));
            }
            position = position.in_year(year);
        }
        Ok(position)
    }
}

/// How a piece of evidence bears on the claim that cites it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Bearing {
    /// The evidence backs the claim.
    #[default]
    Supports,
    /// The evidence tells against the claim.
    Undermines,
}

names!(Bearing, "bearing", [
    Supports => "supports",
    Undermines => "undermines",
]);

/// How one claim attacks another.
///
/// The three kinds of attack of structured argumentation (ASPIC+): against
/// the conclusion, against the step from premises to conclusion, against a
/// premise or the evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum AttackKind {
    /// Asserts the opposite of the target's conclusion.
    #[default]
    Rebuts,
    /// Denies that the target's conclusion follows from its grounds.
    Undercuts,
    /// Disputes the target's evidence or premises.
    Undermines,
}

names!(AttackKind, "attack kind", [
    Rebuts => "rebuts",
    Undercuts => "undercuts",
    Undermines => "undermines",
]);
