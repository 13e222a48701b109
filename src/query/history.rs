//! The debate over time: how each explanation stood as of each year in which
//! the scholarship moved.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Serialize;

use super::options::CompareOptions;
use super::report::Verdict;
use crate::error::Result;
use crate::graph::Corpus;
use crate::model::{ClaimId, EventId, ExplanationId};

/// How explanations stood over time: what [`View::history`](crate::View::history) returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct History {
    event: Option<String>,
    years: Vec<i32>,
    rows: Vec<HistoryRow>,
}

/// One explanation's standing in each year of a [`History`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryRow {
    #[serde(skip)]
    id: ExplanationId,
    explanation: String,
    name: String,
    /// One per year; `None` where no claim about it was yet in view.
    standings: Vec<Option<(Verdict, f64)>>,
}

impl HistoryRow {
    /// The explanation.
    pub fn explanation(&self) -> ExplanationId {
        self.id
    }
    /// Its key.
    pub fn key(&self) -> &str {
        &self.explanation
    }
    /// Its verdict and score as of each year of the history.
    pub fn standings(&self) -> &[Option<(Verdict, f64)>] {
        &self.standings
    }
}

impl History {
    /// The years, in order: each year in which a claim in scope, a position
    /// on one, or a piece of evidence one cites entered the debate (the
    /// calculus, §1; an undated one at the corpus's last year).
    pub fn years(&self) -> &[i32] {
        &self.years
    }

    /// One row per explanation, in key order.
    pub fn rows(&self) -> &[HistoryRow] {
        &self.rows
    }

    /// The history as CSV: a header `explanation,YEAR,...`, then one line per
    /// explanation with `verdict:score` cells, empty where not yet addressed.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("explanation");
        for y in &self.years {
            out.push_str(&format!(",{y}"));
        }
        out.push('\n');
        for row in &self.rows {
            out.push_str(&csv_field(&row.explanation));
            for cell in &row.standings {
                out.push(',');
                if let Some((verdict, score)) = cell {
                    out.push_str(&format!("{}:{score:.3}", verdict.as_str()));
                }
            }
            out.push('\n');
        }
        out
    }
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

impl Corpus {
    /// [`View::history`](crate::View::history) with the options as an argument.
    pub(crate) fn history(
        &self,
        event: Option<EventId>,
        options: &CompareOptions,
    ) -> Result<History> {
        options.check(self)?;
        let mut about: BTreeMap<ClaimId, Vec<EventId>> = BTreeMap::new();
        match event {
            Some(event) => {
                self.live(event)?;
                for e in self.scope_events(event, options) {
                    for claim in self.claims_about(e) {
                        about.entry(claim).or_default().push(e);
                    }
                }
            }
            None => {
                for claim in self.ids::<ClaimId>() {
                    about.insert(claim, self.events_of(claim).collect());
                }
            }
        }
        // Every year in which an item of these claims entered the debate;
        // an undated item enters at the corpus's last year (the calculus, §1).
        let mut years = BTreeSet::new();
        let mut undated = false;
        let mut enter = |year: Option<i32>| match year {
            Some(year) => {
                years.insert(year);
            }
            None => undated = true,
        };
        for &claim in about.keys() {
            for (_, _, p) in self.positions_on(claim) {
                enter(self.position_entered(claim, &p));
            }
            for (evidence, _) in self.citations(claim) {
                enter(self.evidence_entered(evidence));
            }
            enter(self.claim_entered(claim));
        }
        if undated {
            years.extend(self.last_year());
        }
        let years: Vec<i32> = years.into_iter().collect();
        let mut rows: BTreeMap<String, HistoryRow> = BTreeMap::new();
        for (column, &year) in years.iter().enumerate() {
            let as_of = options.clone().with_as_of(Some(year));
            for s in self.standings_of(&about, &as_of) {
                let row = rows
                    .entry(s.explanation_key().to_owned())
                    .or_insert_with(|| HistoryRow {
                        id: s.id(),
                        explanation: s.explanation_key().to_owned(),
                        name: s.name().to_owned(),
                        standings: vec![None; years.len()],
                    });
                if s.verdict() != Verdict::Unaddressed {
                    row.standings[column] = Some((s.verdict(), s.score()));
                }
            }
        }
        Ok(History {
            event: event.map(|e| self.name_of(e)),
            years,
            rows: rows.into_values().collect(),
        })
    }
}

impl fmt::Display for History {
    /// One row per explanation, one column per year: `S`, `C`, `R` with the
    /// score, `.` where it was not yet addressed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const NAME: usize = 28;
        write!(
            f,
            "{:<NAME$}",
            self.event.as_deref().unwrap_or("the whole debate")
        )?;
        for y in &self.years {
            write!(f, " {y:>6}")?;
        }
        writeln!(f)?;
        for row in &self.rows {
            let name: String = row.name.chars().take(NAME).collect();
            write!(f, "{name:<NAME$}")?;
            for cell in &row.standings {
                match cell {
                    Some((verdict, score)) => {
                        let letter = match verdict {
                            Verdict::Supported => 'S',
                            Verdict::Contested => 'C',
                            Verdict::Rejected => 'R',
                            Verdict::Unaddressed => '?',
                        };
                        write!(f, " {:>6}", format!("{letter}{score:+.1}"))?;
                    }
                    None => write!(f, " {:>6}", ".")?,
                }
            }
            writeln!(f)?;
        }
        Ok(())
    }
}
