//! Criterion benches over seeded synthetic corpora at several sizes, so the
//! growth curve shows: building, writing and reading the document, and the
//! queries.
//!
//! ```text
//! cargo bench --bench queries
//! ```

use std::hint::black_box;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use historiograph::synthetic::Synthetic;
use historiograph::{
    AchOptions, Bearing, ClaimId, CompareOptions, Corpus, EventId, EvidenceId, ExplanationId,
    JsonOptions, LiveVerdicts, Threads,
};

mod common;
use common::Rng;

/// The seeded synthetic corpus of `claims` claims (see
/// `historiograph::synthetic`).
fn synthetic(claims: usize, seed: u64) -> Corpus {
    Synthetic::new(claims).with_seed(seed).build()
}

/// The event of median rank by the number of claims about it.
fn median_event(corpus: &Corpus) -> EventId {
    let mut events: Vec<(usize, EventId)> = corpus
        .ids::<EventId>()
        .map(|e| (corpus.claims_about(e).count(), e))
        .collect();
    events.sort_unstable();
    events[events.len() / 2].1
}

/// The event most claims concern directly.
fn busiest_event(corpus: &Corpus) -> EventId {
    corpus
        .ids::<EventId>()
        .max_by_key(|&e| corpus.claims_about(e).count())
        .expect("events")
}

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("corpus");
    group.sample_size(10);
    for &n in &SIZES {
        let corpus = synthetic(n, 42);
        let json = corpus.to_json();
        let event = busiest_event(&corpus);
        let options = CompareOptions::new();
        let wide = CompareOptions::new().with_enclosed(true).with_roll_up(true);
        let family: ExplanationId = corpus.resolve("national-interest").expect("family");
        let median = median_event(&corpus);
        let some_events: Vec<EventId> = corpus.ids::<EventId>().take(50).collect();
        let claim: ClaimId = corpus.resolve("c0").expect("claim");

        // Building and loading are timed without dropping the corpus
        // (freeing millions of allocations), which `iter` would count.
        group.bench_with_input(BenchmarkId::new("build", n), &n, |b, &n| {
            b.iter_batched(|| (), |()| synthetic(n, 42), BatchSize::PerIteration)
        });
        group.bench_with_input(BenchmarkId::new("to_json", n), &corpus, |b, c| {
            b.iter(|| c.to_json())
        });
        group.bench_with_input(BenchmarkId::new("from_json", n), &json, |b, j| {
            b.iter_batched(
                || (),
                |()| Corpus::from_json(black_box(j)).expect("valid"),
                BatchSize::PerIteration,
            )
        });
        group.bench_with_input(
            BenchmarkId::new("from_json_one_thread", n),
            &json,
            |b, j| {
                let one = JsonOptions::new().with_threads(Threads::One);
                b.iter_batched(
                    || (),
                    |()| Corpus::from_json_with(black_box(j), &one).expect("valid"),
                    BatchSize::PerIteration,
                )
            },
        );
        group.bench_with_input(BenchmarkId::new("compare_busiest", n), &corpus, |b, c| {
            b.iter(|| c.view(&options).compare(black_box(event)).expect("compare"))
        });
        group.bench_with_input(BenchmarkId::new("compare_median", n), &corpus, |b, c| {
            b.iter(|| {
                c.view(&options)
                    .compare(black_box(median))
                    .expect("compare")
            })
        });
        // The same without the margin search: what the margins cost.
        let bare = CompareOptions::new().with_margin_budget(0);
        group.bench_with_input(
            BenchmarkId::new("compare_busiest_no_margins", n),
            &corpus,
            |b, c| b.iter(|| c.view(&bare).compare(black_box(event)).expect("compare")),
        );
        group.bench_with_input(
            BenchmarkId::new("compare_median_no_margins", n),
            &corpus,
            |b, c| b.iter(|| c.view(&bare).compare(black_box(median)).expect("compare")),
        );
        group.bench_with_input(BenchmarkId::new("compare_as_of", n), &corpus, |b, c| {
            let as_of = CompareOptions::new().with_as_of(Some(2000));
            b.iter(|| c.view(&as_of).compare(black_box(event)).expect("compare"))
        });
        group.bench_with_input(BenchmarkId::new("matrix_all_events", n), &corpus, |b, c| {
            b.iter(|| c.view(&options).matrix(c.ids::<EventId>()).expect("matrix"))
        });
        group.bench_with_input(
            BenchmarkId::new("compare_enclosed_rolled", n),
            &corpus,
            |b, c| b.iter(|| c.view(&wide).compare(black_box(event)).expect("compare")),
        );
        group.bench_with_input(BenchmarkId::new("matrix_50_events", n), &corpus, |b, c| {
            b.iter(|| {
                c.view(&options)
                    .matrix(some_events.iter().copied())
                    .expect("matrix")
            })
        });
        group.bench_with_input(BenchmarkId::new("accounts_family", n), &corpus, |b, c| {
            b.iter(|| {
                c.view(&options)
                    .accounts(black_box(family))
                    .expect("accounts")
            })
        });
        group.bench_with_input(BenchmarkId::new("provenance", n), &corpus, |b, c| {
            b.iter(|| c.view(&CompareOptions::new()).provenance(black_box(claim)))
        });
        group.bench_with_input(BenchmarkId::new("ach_busiest", n), &corpus, |b, c| {
            b.iter(|| c.ach(&[event], &AchOptions::new()).expect("matrix"))
        });
        group.bench_with_input(BenchmarkId::new("events_by_date", n), &corpus, |b, c| {
            b.iter(|| c.events_by_date().count())
        });
    }
    group.finish();
}

/// One edit in a transaction on a claim about `event`: a citation of a
/// drawn piece of evidence added, or taken back if it is there.
fn toggle_citation(
    corpus: &mut Corpus,
    rng: &mut Rng,
    event: EventId,
    evidence: &[EvidenceId],
) -> historiograph::Changes {
    let mut tx = corpus.transaction();
    let claims: Vec<ClaimId> = tx.claims_about(event).collect();
    if !claims.is_empty() {
        let claim = claims[rng.below(claims.len())];
        let item = evidence[rng.below(evidence.len())];
        if tx.citations(claim).any(|(e, _)| e == item) {
            tx.uncite(claim, item).expect("cited");
        } else {
            tx.cite(claim, item, Bearing::Supports).expect("live");
        }
    }
    tx.commit()
}

/// A live editor's loop: one edit on a drawn event, then its comparison,
/// through `LiveVerdicts`; against the same edit followed by a rebuild of
/// a whole-debate index (the grounded labelling of every claim), which a
/// design that drops such an index on every edit pays on the next query.
fn live(c: &mut Criterion) {
    let mut group = c.benchmark_group("live");
    group.sample_size(10);
    for &n in &[10_000, 100_000] {
        let mut corpus = synthetic(n, 42);
        let events: Vec<EventId> = corpus.ids().collect();
        let evidence: Vec<EvidenceId> = corpus.ids().collect();
        let options = CompareOptions::new();
        let mut live = LiveVerdicts::new(options.clone());
        let mut rng = Rng(7);
        group.bench_function(BenchmarkId::new("edit_then_compare", n), |b| {
            b.iter(|| {
                let event = events[rng.below(events.len())];
                let changes = toggle_citation(&mut corpus, &mut rng, event, &evidence);
                live.update(&corpus, &changes);
                black_box(
                    live.compare(&corpus, event)
                        .expect("compares")
                        .standings()
                        .len(),
                )
            })
        });
        group.bench_function(BenchmarkId::new("edit_then_rebuild", n), |b| {
            b.iter(|| {
                let event = events[rng.below(events.len())];
                toggle_citation(&mut corpus, &mut rng, event, &evidence);
                let view = corpus.view(&options).framework();
                black_box(view.framework().grounded());
                black_box(
                    corpus
                        .view(&options)
                        .compare(event)
                        .expect("compares")
                        .standings()
                        .len(),
                )
            })
        });
    }
    group.finish();
}

criterion_group!(queries, benches, live);
criterion_main!(queries);
