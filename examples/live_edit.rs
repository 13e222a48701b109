//! A live editor's loop on a large corpus: one edit, then the verdicts of
//! the edited event, over and over; prints the percentiles.
//!
//! ```text
//! cargo run --release --example live_edit -- --claims 1000000
//! ```
//!
//! `live_edit [--claims N] [--seed S] [--edits K] [--margin-budget B]
//! [--dashboard D]` builds the seeded synthetic corpus of N claims (default
//! 100,000), then makes K edits (default 2,000), each on an event drawn
//! uniformly and in one transaction, cycling through four kinds: a new
//! claim about the event with a scholar's position and a citation; a
//! position dated anew; an attack between two of the event's claims added
//! or taken back; a citation added or taken back. After each edit it asks
//! `LiveVerdicts` for the event's comparison (computed again, since the
//! edit touched it) and times the edit and the comparison together. A
//! dashboard of D events (default 1,000), compared once at the start, is
//! kept up to date from each edit's changes: the example counts how many
//! comparisons each edit dropped. For scale, it also times what an index
//! of the whole debate costs to rebuild (the grounded labelling of every
//! claim in view), which a design that drops such an index on every edit
//! pays on the next query. B sets the margin budget (0: no margins;
//! default as `CompareOptions::new()`).

#[path = "common/out.rs"]
#[macro_use]
mod out;

use std::process::ExitCode;
use std::time::Instant;

use historiograph::synthetic::Synthetic;
use historiograph::{
    AttackKind, Bearing, Claim, ClaimId, CompareOptions, Corpus, EventId, EvidenceId,
    ExplanationId, LiveVerdicts, Position, ScholarId, Stance,
};

/// splitmix64: a small seeded generator, so that runs repeat.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> Option<T> {
        (!items.is_empty()).then(|| items[self.below(items.len())])
    }
}

struct Settings {
    claims: usize,
    seed: u64,
    edits: usize,
    budget: Option<usize>,
    dashboard: usize,
}

fn settings() -> Result<Settings, String> {
    let mut s = Settings {
        claims: 100_000,
        seed: 1,
        edits: 2_000,
        budget: None,
        dashboard: 1_000,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a number"))?;
        let n: u64 = value
            .parse()
            .map_err(|_| format!("{flag} needs a number, not `{value}`"))?;
        match flag.as_str() {
            "--claims" => s.claims = n as usize,
            "--seed" => s.seed = n,
            "--edits" => s.edits = n as usize,
            "--margin-budget" => s.budget = Some(n as usize),
            "--dashboard" => s.dashboard = n as usize,
            _ => return Err(format!("unknown flag `{flag}`")),
        }
    }
    Ok(s)
}

fn main() -> ExitCode {
    let s = match settings() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("live_edit: {e}");
            eprintln!(
                "usage: live_edit [--claims N] [--seed S] [--edits K] [--margin-budget B] [--dashboard D]"
            );
            return ExitCode::FAILURE;
        }
    };
    match run(&s) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("live_edit: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(s: &Settings) -> historiograph::Result<()> {
    let started = Instant::now();
    let mut corpus = Synthetic::new(s.claims).with_seed(s.seed).build();
    let events: Vec<EventId> = corpus.ids().collect();
    outln!(
        "corpus: {} claims, {} events (built in {:.1} s)",
        corpus.count::<ClaimId>(),
        events.len(),
        started.elapsed().as_secs_f64()
    );
    let mut options = CompareOptions::new();
    if let Some(budget) = s.budget {
        options = options.with_margin_budget(budget);
    }
    corpus.last_year(); // counted once; every edit keeps the count

    let rebuild = median_ms(3, || {
        let view = corpus.view(&options).framework();
        view.framework().grounded();
    });
    outln!("rebuild of a whole-debate index (grounded labelling of every claim): {rebuild:.1} ms");

    let mut live = LiveVerdicts::new(options.clone());
    let mut rng = Rng(s.seed ^ 0x5EED);
    let dashboard: Vec<EventId> = (0..s.dashboard.min(events.len()))
        .filter_map(|_| rng.pick(&events))
        .collect();
    for &event in &dashboard {
        live.compare(&corpus, event)?;
    }
    let kept_at_start = dashboard.iter().filter(|&&e| live.is_kept(e)).count();

    let pools = Pools {
        scholars: corpus.ids().collect(),
        evidence: corpus.ids().collect(),
        explanations: corpus.ids().collect(),
    };
    let (mut total, mut edit, mut dropped) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..s.edits {
        let Some(event) = rng.pick(&events) else {
            break;
        };
        let started = Instant::now();
        let changes = {
            let mut tx = corpus.transaction();
            one_edit(&mut tx, &pools, &mut rng, event, i)?;
            tx.commit()
        };
        dropped.push(live.update(&corpus, &changes).len() as f64);
        edit.push(started.elapsed().as_secs_f64() * 1e3);
        live.compare(&corpus, event)?;
        total.push(started.elapsed().as_secs_f64() * 1e3);
    }
    let kept_at_end = dashboard.iter().filter(|&&e| live.is_kept(e)).count();

    outln!(
        "{} edits, each on an event drawn uniformly, then compare of that event:",
        s.edits
    );
    percentiles("  edit + compare", &mut total);
    percentiles("  edit alone (with the dashboard's update)", &mut edit);
    let p50 = quantile(&total, 0.5);
    outln!(
        "  ratio p50 / rebuild: {:.5} (the rebuild is {:.0}x the p50)",
        p50 / rebuild,
        rebuild / p50
    );
    let mean_dropped = dropped.iter().sum::<f64>() / dropped.len().max(1) as f64;
    outln!(
        "dashboard of {} events compared once at the start: an edit dropped {mean_dropped:.2} of their comparisons on average ({:.3} %); {kept_at_end} of {kept_at_start} still kept after all edits",
        dashboard.len(),
        100.0 * mean_dropped / dashboard.len().max(1) as f64
    );
    Ok(())
}

/// What edits draw from.
struct Pools {
    scholars: Vec<ScholarId>,
    evidence: Vec<EvidenceId>,
    explanations: Vec<ExplanationId>,
}

/// One edit of kind `i % 4` on `event`, through the transaction.
fn one_edit(
    corpus: &mut Corpus,
    pools: &Pools,
    rng: &mut Rng,
    event: EventId,
    i: usize,
) -> historiograph::Result<()> {
    let claims: Vec<ClaimId> = corpus.claims_about(event).collect();
    let year = 1960 + rng.below(60) as i32;
    match i % 4 {
        1 => {
            let held: Vec<_> = claims
                .iter()
                .flat_map(|&c| {
                    corpus
                        .positions_on(c)
                        .map(|(id, _, p)| (id, p))
                        .collect::<Vec<_>>()
                })
                .collect();
            if let Some((id, position)) = rng.pick(&held) {
                corpus.replace_position(id, position.in_year(year))?;
                return Ok(());
            }
        }
        2 if claims.len() >= 2 => {
            let (a, b) = (rng.pick(&claims), rng.pick(&claims));
            if let (Some(a), Some(b)) = (a, b) {
                if a != b {
                    if corpus.attacks_by(a).any(|(t, _)| t == b) {
                        corpus.remove_attack(a, b)?;
                    } else {
                        corpus.attack(a, b, AttackKind::Rebuts)?;
                    }
                    return Ok(());
                }
            }
        }
        3 => {
            if let (Some(c), Some(e)) = (rng.pick(&claims), rng.pick(&pools.evidence)) {
                if corpus.citations(c).any(|(x, _)| x == e) {
                    corpus.uncite(c, e)?;
                } else {
                    corpus.cite(c, e, Bearing::Supports)?;
                }
                return Ok(());
            }
        }
        _ => {}
    }
    // A new claim with its position and citation.
    let explanation = match rng.pick(&claims) {
        Some(c) => corpus.explanation_of(c),
        None => rng.pick(&pools.explanations),
    };
    let Some(explanation) = explanation else {
        return Ok(());
    };
    let claim = corpus.add_claim(
        Claim::new(format!("live-{i}"), "A reading added live"),
        explanation,
        [event],
    )?;
    if let Some(scholar) = rng.pick(&pools.scholars) {
        corpus.add_position(
            scholar,
            claim,
            Position::new(Stance::Advances).in_year(year),
        )?;
    }
    if let Some(evidence) = rng.pick(&pools.evidence) {
        corpus.cite(claim, evidence, Bearing::Supports)?;
    }
    Ok(())
}

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

fn percentiles(label: &str, times: &mut [f64]) {
    times.sort_by(f64::total_cmp);
    outln!(
        "{label}: p50 {:.3} ms, p90 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        quantile(times, 0.5),
        quantile(times, 0.9),
        quantile(times, 0.99),
        quantile(times, 1.0)
    );
}
