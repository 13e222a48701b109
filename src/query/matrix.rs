//! The events × explanations matrix: one comparison per event, side by side.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use super::options::CompareOptions;
use super::report::Verdict;
use crate::error::Result;
use crate::graph::Corpus;
use crate::model::{EventId, ExplanationId};

/// One cell of a [`Matrix`]: the verdict and score of an explanation for an event.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Cell {
    verdict: Verdict,
    score: f64,
}

impl Cell {
    /// The verdict.
    pub fn verdict(&self) -> Verdict {
        self.verdict
    }
    /// The score, from -1 to +1.
    pub fn score(&self) -> f64 {
        self.score
    }
}

/// Events × explanations: for each event (a row) and each explanation any of
/// them involves (a column), the verdict of [`View::compare`](crate::View::compare), or nothing
/// where no claim connects the two.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Matrix {
    events: Vec<(String, String)>,
    explanations: Vec<(String, String)>,
    cells: Vec<Vec<Option<Cell>>>,
    #[serde(skip)]
    event_ids: Vec<EventId>,
    #[serde(skip)]
    explanation_ids: Vec<ExplanationId>,
}

impl Matrix {
    /// The rows: event ids, in the order asked for.
    pub fn events(&self) -> &[EventId] {
        &self.event_ids
    }

    /// The columns: explanation ids, families first in key order, each
    /// followed by its variants.
    pub fn explanations(&self) -> &[ExplanationId] {
        &self.explanation_ids
    }

    /// The cell for an event and an explanation.
    pub fn cell(&self, event: EventId, explanation: ExplanationId) -> Option<Cell> {
        let row = self.event_ids.iter().position(|&e| e == event)?;
        let column = self
            .explanation_ids
            .iter()
            .position(|&x| x == explanation)?;
        self.cells[row][column]
    }

    /// The cells of one row, in column order.
    pub fn row(&self, event: EventId) -> Option<&[Option<Cell>]> {
        let row = self.event_ids.iter().position(|&e| e == event)?;
        Some(&self.cells[row])
    }
}

impl Corpus {
    /// [`View::matrix`](crate::View::matrix) with the options as an argument.
    pub(crate) fn matrix(
        &self,
        events: impl IntoIterator<Item = EventId>,
        options: &CompareOptions,
    ) -> Result<Matrix> {
        let mut rows = Vec::new();
        let mut columns: BTreeMap<(String, bool, String), ExplanationId> = BTreeMap::new();
        for event in events {
            let standings = self.tally(event, options)?;
            let standing_of: BTreeMap<ExplanationId, Cell> = standings
                .iter()
                .map(|s| {
                    let cell = Cell {
                        verdict: s.verdict(),
                        score: s.score(),
                    };
                    (s.id(), cell)
                })
                .collect();
            for s in &standings {
                let is_variant = s.family() != s.id();
                columns.insert(
                    (
                        s.family_key().to_owned(),
                        is_variant,
                        s.explanation_key().to_owned(),
                    ),
                    s.id(),
                );
            }
            rows.push((event, standing_of));
        }
        let explanation_ids: Vec<ExplanationId> = columns.into_values().collect();
        let cells = rows
            .iter()
            .map(|(_, cells)| {
                explanation_ids
                    .iter()
                    .map(|x| cells.get(x).copied())
                    .collect()
            })
            .collect();
        Ok(Matrix {
            events: rows
                .iter()
                .map(|&(event, _)| {
                    let name = self.event(event).map(|e| e.name().to_owned());
                    (self.name_of(event), name.unwrap_or_default())
                })
                .collect(),
            explanations: explanation_ids
                .iter()
                .map(|&x| {
                    let name = self
                        .explanation(x)
                        .map(|e| e.name().to_owned())
                        .unwrap_or_default();
                    (self.name_of(x), name)
                })
                .collect(),
            cells,
            event_ids: rows.iter().map(|&(event, _)| event).collect(),
            explanation_ids,
        })
    }
}

fn symbol(verdict: Verdict) -> char {
    match verdict {
        Verdict::Supported => 'S',
        Verdict::Contested => 'C',
        Verdict::Rejected => 'R',
        Verdict::Unaddressed => '?',
    }
}

impl fmt::Display for Matrix {
    /// Rows are events; columns are numbered explanations, listed below the
    /// table. A cell shows the verdict (`S` supported, `C` contested, `R`
    /// rejected) and the score, `?` where the explanation is unaddressed, and
    /// `.` where no claim connects the two.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const NAME: usize = 40;
        write!(f, "{:<NAME$}", "event")?;
        for column in 1..=self.explanations.len() {
            write!(f, " {column:>6}")?;
        }
        writeln!(f)?;
        for ((_, name), row) in self.events.iter().zip(&self.cells) {
            let name: String = if name.chars().count() > NAME - 1 {
                name.chars().take(NAME - 2).chain(['…']).collect()
            } else {
                name.clone()
            };
            write!(f, "{name:<NAME$}")?;
            for cell in row {
                match cell {
                    Some(c) if c.verdict == Verdict::Unaddressed => write!(f, " {:>6}", "?")?,
                    Some(c) => {
                        write!(f, " {:>6}", format!("{}{:+.2}", symbol(c.verdict), c.score))?
                    }
                    None => write!(f, " {:>6}", ".")?,
                }
            }
            writeln!(f)?;
        }
        writeln!(f)?;
        for (column, (key, name)) in self.explanations.iter().enumerate() {
            writeln!(f, "{:>3}  {name} ({key})", column + 1)?;
        }
        write!(
            f,
            "S supported, C contested, R rejected (with the score), ? unaddressed, . no claim"
        )
    }
}
