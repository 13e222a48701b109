//! The inverse of `compare`: for one explanation, the events it accounts for.

use std::collections::BTreeSet;
use std::fmt;

use serde::Serialize;

use super::options::CompareOptions;
use super::report::Verdict;
use crate::error::Result;
use crate::graph::Corpus;
use crate::model::{EventId, ExplanationId};

/// How an explanation stands for one event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventStanding {
    #[serde(skip)]
    id: EventId,
    event: String,
    name: String,
    when: Option<String>,
    verdict: Verdict,
    score: f64,
}

impl EventStanding {
    /// The event's id.
    pub fn event(&self) -> EventId {
        self.id
    }
    /// The event's key.
    pub fn key(&self) -> &str {
        &self.event
    }
    /// The event's name.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The verdict for the explanation at this event.
    pub fn verdict(&self) -> Verdict {
        self.verdict
    }
    /// The score for the explanation at this event.
    pub fn score(&self) -> f64 {
        self.score
    }
}

/// What [`View::accounts`](crate::View::accounts) returns: the events an explanation accounts for,
/// those where the debate is contested, and those where it is rejected, each
/// in date order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Accounts {
    #[serde(skip)]
    id: ExplanationId,
    explanation: String,
    name: String,
    accounts_for: Vec<EventStanding>,
    contested_at: Vec<EventStanding>,
    rejected_at: Vec<EventStanding>,
    unaddressed_at: Vec<EventStanding>,
}

impl Accounts {
    /// The explanation asked about (its family, when rolling up).
    pub fn explanation(&self) -> ExplanationId {
        self.id
    }
    /// Events for which the explanation is supported.
    pub fn accounts_for(&self) -> &[EventStanding] {
        &self.accounts_for
    }
    /// Events for which it is contested.
    pub fn contested_at(&self) -> &[EventStanding] {
        &self.contested_at
    }
    /// Events for which it is rejected.
    pub fn rejected_at(&self) -> &[EventStanding] {
        &self.rejected_at
    }
    /// Events it is connected to by claims none of which is in view.
    pub fn unaddressed_at(&self) -> &[EventStanding] {
        &self.unaddressed_at
    }
}

impl Corpus {
    /// [`View::accounts`](crate::View::accounts) with the options as an argument.
    pub(crate) fn accounts(
        &self,
        explanation: ExplanationId,
        options: &CompareOptions,
    ) -> Result<Accounts> {
        self.live(explanation)?;
        let asked = if options.roll_up() {
            self.family(explanation).unwrap_or(explanation)
        } else {
            explanation
        };
        // The explanation and, when rolling up, all its variants.
        let mut explanations = vec![asked];
        if options.roll_up() {
            let mut next = 0;
            while next < explanations.len() {
                explanations.extend(self.variants(explanations[next]));
                next += 1;
            }
        }
        let mut events = BTreeSet::new();
        for &x in &explanations {
            for claim in self.claims_invoking(x) {
                for event in self.events_of(claim) {
                    // Reverse the widening of a comparison: an event whose
                    // scope contains `event` is one the claim can speak to.
                    let reverse = options
                        .clone()
                        .with_enclosing(options.enclosed())
                        .with_enclosed(options.enclosing());
                    events.extend(self.scope_events(event, &reverse));
                }
            }
        }
        let mut result = Accounts {
            id: asked,
            explanation: self.name_of(asked),
            name: self
                .explanation(asked)
                .map(|x| x.name().to_owned())
                .unwrap_or_default(),
            accounts_for: Vec::new(),
            contested_at: Vec::new(),
            rejected_at: Vec::new(),
            unaddressed_at: Vec::new(),
        };
        let mut events: Vec<EventId> = events.into_iter().collect();
        self.sort_by_date(&mut events);
        for event in events {
            let standings = self.tally(event, options)?;
            let Some(standing) = standings.iter().find(|s| s.id() == asked) else {
                continue;
            };
            let data = self.event(event);
            let entry = EventStanding {
                id: event,
                event: self.name_of(event),
                name: data.map(|e| e.name().to_owned()).unwrap_or_default(),
                when: data.and_then(|e| e.when()).map(|w| w.to_string()),
                verdict: standing.verdict(),
                score: standing.score(),
            };
            match entry.verdict {
                Verdict::Supported => result.accounts_for.push(entry),
                Verdict::Contested => result.contested_at.push(entry),
                Verdict::Rejected => result.rejected_at.push(entry),
                Verdict::Unaddressed => result.unaddressed_at.push(entry),
            }
        }
        Ok(result)
    }
}

impl fmt::Display for Accounts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} [{}]", self.name, self.explanation)?;
        for (title, list) in [
            ("accounts for", &self.accounts_for),
            ("contested at", &self.contested_at),
            ("rejected at", &self.rejected_at),
            ("unaddressed at", &self.unaddressed_at),
        ] {
            if list.is_empty() {
                continue;
            }
            writeln!(f, "  {title}:")?;
            for e in list {
                let when = e.when.as_deref().unwrap_or("undated");
                writeln!(f, "    {:+.2}  {} ({when}) [{}]", e.score, e.name, e.event)?;
            }
        }
        Ok(())
    }
}
