//! Criterion benches over seeded synthetic corpora at several sizes, so the
//! growth curve shows: building, writing and reading the document, and the
//! queries.
//!
//! ```text
//! cargo bench --bench queries
//! ```

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use historiograph::{
    AchOptions, AttackKind, Bearing, Claim, ClaimId, CompareOptions, Corpus, Date, Event, EventId,
    Evidence, EvidenceKind, Explanation, ExplanationId, Polarity, Position, Scholar, ScholarId,
    Stance, Work,
};

mod common;
use common::Rng;

/// A corpus with `claims` claims and proportionate scholars, works, events
/// (nested), explanations (families and variants), evidence, attacks and supports.
fn synthetic(claims: usize, seed: u64) -> Corpus {
    let mut rng = Rng(seed);
    let mut c = Corpus::new();
    let scholars: Vec<ScholarId> = (0..(claims / 20).max(10))
        .map(|i| c.add_scholar(Scholar::new(format!("s{i}"), format!("Scholar {i}"))))
        .collect::<Result<_, _>>()
        .expect("valid scholars");
    let works: Vec<_> = (0..scholars.len() * 2)
        .map(|i| {
            let author = scholars[rng.skewed(scholars.len())];
            let year = 1950 + rng.below(70) as i32;
            c.add_work(
                Work::new(format!("w{i}"), format!("Work {i}")).with_issued(Date::from_year(year)),
                [author],
            )
        })
        .collect::<Result<_, _>>()
        .expect("valid works");
    let mut events: Vec<EventId> = Vec::new();
    for i in 0..(claims / 10).max(10) {
        let parent = (i > 0 && rng.unit() < 0.7).then(|| events[rng.below(events.len())]);
        let event = Event::new(format!("e{i}"), format!("Event {i}"))
            .with_when(Date::from_year(1900 + rng.below(100) as i32));
        events.push(c.add_event(event, parent).expect("valid event"));
    }
    let mut explanations: Vec<ExplanationId> = Vec::new();
    for i in 0..16 {
        let parent = (i >= 4).then(|| explanations[i % 4]);
        explanations.push(
            c.add_explanation(
                Explanation::new(format!("x{i}"), format!("Explanation {i}")),
                parent,
            )
            .expect("valid explanation"),
        );
    }
    let evidence: Vec<_> = (0..(claims / 2).max(1))
        .map(|i| {
            let work = works[rng.below(works.len())];
            c.add_evidence(
                Evidence::new(
                    format!("v{i}"),
                    EvidenceKind::SecondaryStudy,
                    format!("Note {i}"),
                ),
                Some(work),
            )
        })
        .collect::<Result<_, _>>()
        .expect("valid evidence");
    let mut ids: Vec<ClaimId> = Vec::with_capacity(claims);
    for i in 0..claims {
        let polarity = if rng.unit() < 0.3 {
            Polarity::Denies
        } else {
            Polarity::Affirms
        };
        let mut about = vec![events[rng.skewed(events.len())]];
        if rng.unit() < 0.2 {
            let other = events[rng.below(events.len())];
            if other != about[0] {
                about.push(other);
            }
        }
        let x = explanations[rng.below(explanations.len())];
        let claim = c
            .add_claim(
                Claim::new(format!("c{i}"), format!("Claim {i}")).with_polarity(polarity),
                x,
                about,
            )
            .expect("valid claim");
        let scholar = scholars[rng.skewed(scholars.len())];
        let work = works[rng.below(works.len())];
        c.add_position(
            scholar,
            claim,
            Position::new(Stance::Advances).in_work(work),
        )
        .expect("valid position");
        if rng.unit() < 0.3 {
            let other = scholars[rng.below(scholars.len())];
            let stance = [Stance::Endorses, Stance::Qualifies, Stance::Rejects][rng.below(3)];
            let _ = c.add_position(
                other,
                claim,
                Position::new(stance).in_year(1960 + rng.below(60) as i32),
            );
        }
        for _ in 0..rng.below(3) {
            let bearing = if rng.unit() < 0.2 {
                Bearing::Undermines
            } else {
                Bearing::Supports
            };
            let _ = c.cite(claim, evidence[rng.below(evidence.len())], bearing);
        }
        if i > 0 && rng.unit() < 0.3 {
            let _ = c.attack(claim, ids[rng.skewed(ids.len())], AttackKind::Rebuts);
        }
        if i > 0 && rng.unit() < 0.1 {
            let _ = c.support(claim, ids[rng.below(ids.len())]);
        }
        ids.push(claim);
    }
    c
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
        let family: ExplanationId = corpus.resolve("x0").expect("family");
        let some_events: Vec<EventId> = corpus.ids::<EventId>().take(50).collect();
        let claim: ClaimId = corpus.resolve("c0").expect("claim");

        group.bench_with_input(BenchmarkId::new("build", n), &n, |b, &n| {
            b.iter(|| synthetic(n, 42))
        });
        group.bench_with_input(BenchmarkId::new("to_json", n), &corpus, |b, c| {
            b.iter(|| c.to_json())
        });
        group.bench_with_input(BenchmarkId::new("from_json", n), &json, |b, j| {
            b.iter(|| Corpus::from_json(black_box(j)).expect("valid"))
        });
        group.bench_with_input(BenchmarkId::new("compare_busiest", n), &corpus, |b, c| {
            b.iter(|| c.compare(black_box(event), &options).expect("compare"))
        });
        group.bench_with_input(
            BenchmarkId::new("compare_enclosed_rolled", n),
            &corpus,
            |b, c| b.iter(|| c.compare(black_box(event), &wide).expect("compare")),
        );
        group.bench_with_input(BenchmarkId::new("matrix_50_events", n), &corpus, |b, c| {
            b.iter(|| {
                c.matrix(some_events.iter().copied(), &options)
                    .expect("matrix")
            })
        });
        group.bench_with_input(BenchmarkId::new("accounts_family", n), &corpus, |b, c| {
            b.iter(|| c.accounts(black_box(family), &options).expect("accounts"))
        });
        group.bench_with_input(BenchmarkId::new("provenance", n), &corpus, |b, c| {
            b.iter(|| c.provenance(black_box(claim)))
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

criterion_group!(queries, benches);
criterion_main!(queries);
