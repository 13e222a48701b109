//! The views the year control shows: for every year in which the
//! scholarship moved, each event's verdicts as of that year, precomputed
//! into the page as JSON.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::Result;
use crate::graph::Corpus;
use crate::model::EventId;
use crate::query::{CompareOptions, Comparison, Margin, Robustness, Standing};

/// What one event shows in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(super) struct EventView {
    /// The lead, in words.
    pub(super) lead: String,
    /// The leading explanation and its verdict, short; `—` for none.
    pub(super) leader: String,
    /// Each explanation: name, verdict, score, margin in words.
    pub(super) rows: Vec<(String, String, String, String)>,
    /// The keys of the claims in view.
    pub(super) claims: Vec<String>,
}

/// Every year's views.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Views {
    /// The years, oldest first; the last shows the whole debate.
    pub(super) years: Vec<i32>,
    /// By event key, one view per year.
    pub(super) events: BTreeMap<String, Vec<EventView>>,
}

impl Views {
    /// The years the control offers: those in which the scholarship moved,
    /// up to the view's own year if it has one, ending on the corpus's last
    /// year (the whole debate); none when nothing is dated.
    pub(super) fn years(corpus: &Corpus, view: &CompareOptions) -> Result<Vec<i32>> {
        let Some(last) = corpus.last_year() else {
            return Ok(Vec::new());
        };
        let limit = view.as_of().unwrap_or(last).min(last);
        let history = corpus.view(view).history(None)?;
        let mut years: Vec<i32> = history
            .years()
            .iter()
            .copied()
            .filter(|&y| y <= limit)
            .collect();
        if years.last() != Some(&limit) {
            years.push(limit);
        }
        Ok(years)
    }

    /// The views of `events` in each of `years`.
    pub(super) fn compute(
        corpus: &Corpus,
        view: &CompareOptions,
        events: &[EventId],
        years: &[i32],
    ) -> Result<Views> {
        let mut out = Views {
            years: years.to_vec(),
            events: BTreeMap::new(),
        };
        for &year in years {
            let as_of = view.clone().with_as_of(Some(year));
            let seen = corpus.view(&as_of);
            for &event in events {
                let comparison = seen.compare(event)?;
                out.events
                    .entry(comparison.event_key().to_owned())
                    .or_default()
                    .push(EventView::of(&comparison));
            }
        }
        Ok(out)
    }

    /// The views as JSON that is safe inside a `<script>` element.
    pub(super) fn to_script_json(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_else(|_| "{}".to_owned());
        json.replace("</", "<\\/")
    }
}

impl EventView {
    pub(super) fn of(comparison: &Comparison) -> EventView {
        let mut claims = Vec::new();
        let mut rows = Vec::new();
        let mut each = |s: &Standing| {
            for claim in s.supporting().iter().chain(s.opposing()) {
                claims.push(claim.key().to_owned());
            }
            rows.push((
                s.name().to_owned(),
                s.verdict().as_str().to_owned(),
                format!("{:+.2}", s.score()),
                s.robustness().map(margin_words).unwrap_or_default(),
            ));
        };
        for standing in comparison.standings() {
            each(standing);
            for variant in standing.variants() {
                each(variant);
            }
        }
        claims.sort();
        claims.dedup();
        EventView {
            lead: lead_words(comparison),
            leader: comparison.leader().map_or("—".to_owned(), |l| {
                format!("{} ({})", l.name(), l.verdict())
            }),
            rows,
            claims,
        }
    }
}

/// A verdict's margin in a table cell: `3 claims or 1 scholar`, `2 to 5
/// claims; no removal of scholars`, `no removal`.
pub(super) fn margin_words(robustness: &Robustness) -> String {
    match (robustness.claims(), robustness.scholars()) {
        (Margin::Never, Margin::Never) => "no removal".to_owned(),
        (claims, Margin::Never) => format!(
            "{}; no removal of scholars",
            claims.describe("claim", "claims")
        ),
        (claims, scholars) => format!(
            "{} or {}",
            claims.describe("claim", "claims"),
            scholars.describe("scholar", "scholars")
        ),
    }
}

/// The lead in a sentence.
pub(super) fn lead_words(comparison: &Comparison) -> String {
    match (comparison.leader(), comparison.lead()) {
        (Some(leader), Some(lead)) => format!(
            "{} leads ({}, score {:+.2}); {lead}.",
            leader.name(),
            leader.verdict(),
            leader.score()
        ),
        (Some(leader), None) => format!(
            "{} leads ({}, score {:+.2}).",
            leader.name(),
            leader.verdict(),
            leader.score()
        ),
        (None, _) if comparison.standings().is_empty() => {
            "No claim about this event is in view.".to_owned()
        }
        (None, _) => {
            let contested: Vec<&str> = comparison
                .standings()
                .iter()
                .filter(|s| s.verdict() == crate::query::Verdict::Contested)
                .map(Standing::name)
                .collect();
            match contested.as_slice() {
                [] => "No explanation is supported.".to_owned(),
                names => format!("No explanation leads; contested: {}.", names.join(", ")),
            }
        }
    }
}
