//! Criterion benches for the argumentation semantics on seeded random
//! frameworks (a directed Erdős–Rényi graph with `degree` attacks per
//! argument on average), from 10 to 10⁶ arguments.
//!
//! ```text
//! cargo bench --bench semantics
//! cargo bench --bench semantics --no-default-features   # batsat
//! ```

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use historiograph::{Argument, DynamicFramework, Framework, Gradual, GradualOptions, Semantics};

mod common;
use common::Rng;

/// `n` arguments, about `n × degree` attacks, as ICCMA text.
fn random_iccma(n: usize, degree: f64, seed: u64) -> String {
    let mut rng = Rng(seed);
    let m = (n as f64 * degree) as usize;
    let mut text = format!("p af {n}\n");
    for _ in 0..m {
        let a = rng.next() % n as u64 + 1;
        let b = rng.next() % n as u64 + 1;
        text.push_str(&format!("{a} {b}\n"));
    }
    text
}

fn random(n: usize, degree: f64, seed: u64) -> Framework {
    Framework::from_iccma(random_iccma(n, degree, seed)).expect("generated text is valid")
}

fn linear_time(c: &mut Criterion) {
    let mut group = c.benchmark_group("linear");
    group.sample_size(10);
    for n in [10, 100, 1_000, 10_000, 100_000, 1_000_000] {
        let text = random_iccma(n, 2.0, 7);
        let af = Framework::from_iccma(&text).expect("valid");
        group.bench_with_input(BenchmarkId::new("read_iccma", n), &text, |b, t| {
            b.iter(|| Framework::from_iccma(black_box(t)).expect("valid"))
        });
        group.bench_with_input(BenchmarkId::new("grounded", n), &af, |b, af| {
            b.iter(|| af.grounded())
        });
        group.bench_with_input(BenchmarkId::new("h_categoriser", n), &af, |b, af| {
            b.iter(|| {
                af.strengths(
                    Gradual::HCategoriser,
                    &GradualOptions::new().with_tolerance(1e-6),
                )
                .expect("valid")
            })
        });
    }
    group.finish();
}

fn sat_based(c: &mut Criterion) {
    let mut group = c.benchmark_group("sat");
    group.sample_size(10);
    for n in [10, 100, 1_000, 10_000] {
        // Degree 3: below the hard region, so sizes compare.
        let af = random(n, 3.0, 11);
        let query = Argument::new((n / 2) as u32);
        for semantics in [
            Semantics::Stable,
            Semantics::Preferred,
            Semantics::SemiStable,
        ] {
            group.bench_with_input(
                BenchmarkId::new(format!("SE-{}", semantics.abbreviation()), n),
                &af,
                |b, af| b.iter(|| af.extension(semantics)),
            );
        }
        if n <= 1_000 {
            group.bench_with_input(BenchmarkId::new("DS-PR", n), &af, |b, af| {
                b.iter(|| af.sceptical(Semantics::Preferred, query).expect("in range"))
            });
            group.bench_with_input(BenchmarkId::new("DC-SST", n), &af, |b, af| {
                b.iter(|| {
                    af.credulous(Semantics::SemiStable, query)
                        .expect("in range")
                })
            });
        }
    }
    group.finish();
}

/// The three framework readers on one framework of 10⁶ arguments and
/// 3·10⁶ attacks, the size of the grounded target in BENCHMARKS.md, in
/// bytes per second. The ICCMA text lists the attacks in random order, then
/// sorted; APX and TGF name the arguments `a1` … `a1000000` and list the
/// attacks by attacker.
fn read(c: &mut Criterion) {
    let n = 1_000_000;
    let iccma = random_iccma(n, 3.0, 13);
    let af = Framework::from_iccma(&iccma).expect("valid");
    let mut named = Framework::new();
    for i in 1..=n {
        named.add_argument(format!("a{i}")).expect("fresh name");
    }
    for (a, b) in af.attacks() {
        named.add_attack(a, b).expect("in range");
    }
    // The same attacks sorted, as benches/dev/generate.py and ICCMA's
    // generators write them (sorted input also skips the duplicate check).
    let mut sorted: Vec<&str> = iccma.lines().skip(1).collect();
    sorted.sort_unstable_by_key(|l| {
        let (a, b) = l.split_once(' ').expect("two numbers");
        (a.parse::<u32>().expect("a"), b.parse::<u32>().expect("b"))
    });
    sorted.dedup();
    let sorted = format!("p af {n}\n{}\n", sorted.join("\n"));
    let texts = [
        ("iccma", iccma.clone()),
        ("iccma_sorted", sorted),
        ("apx", named.to_apx()),
        ("tgf", named.to_tgf()),
    ];
    let mut group = c.benchmark_group("read");
    group.sample_size(10);
    for (format, text) in &texts {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new(*format, n), text, |b, t| {
            b.iter(|| {
                let af = match *format {
                    "iccma" | "iccma_sorted" => Framework::from_iccma(black_box(t)),
                    "apx" => Framework::from_apx(black_box(t)),
                    _ => Framework::from_tgf(black_box(t)),
                };
                af.expect("valid")
            })
        });
    }
    group.finish();
}

/// One change of a dynamic sequence, on argument indices.
#[derive(Clone, Copy)]
enum Change {
    AddAttack(u32, u32),
    RemoveAttack(u32, u32),
    /// Takes the next fresh argument into the framework.
    AddArgument,
    /// Removes the argument's attacks (and, for the dynamic framework,
    /// the argument).
    RemoveArgument(u32),
}

/// `count` seeded changes on a framework of degree 3, each followed by
/// an acceptance question on a random argument:
/// 40 % attacks added, 40 % attacks there removed, 10 % arguments added,
/// 10 % removed.
fn changes(af: &Framework, seed: u64, count: usize) -> Vec<(Change, Argument, bool)> {
    let mut rng = Rng(seed);
    let mut live: Vec<u32> = (0..af.len() as u32).collect();
    let mut attacks: Vec<(u32, u32)> = af
        .attacks()
        .map(|(a, b)| (a.index() as u32, b.index() as u32))
        .collect();
    let mut next = af.len() as u32;
    let mut out = Vec::new();
    while out.len() < count {
        let roll = rng.below(10);
        let change = if roll < 4 {
            let (a, b) = (live[rng.below(live.len())], live[rng.below(live.len())]);
            attacks.push((a, b));
            Change::AddAttack(a, b)
        } else if roll < 8 {
            let (a, b) = attacks.swap_remove(rng.below(attacks.len()));
            Change::RemoveAttack(a, b)
        } else if roll < 9 {
            live.push(next);
            next += 1;
            Change::AddArgument
        } else {
            let a = live.swap_remove(rng.below(live.len()));
            attacks.retain(|&(x, y)| x != a && y != a);
            Change::RemoveArgument(a)
        };
        let q = Argument::new(live[rng.below(live.len())]);
        out.push((change, q, rng.below(2) == 0));
    }
    out
}

/// Applies one change to the dynamic framework.
fn apply_dynamic(af: &mut DynamicFramework, change: Change) {
    match change {
        Change::AddAttack(a, b) => {
            af.add_attack(Argument::new(a), Argument::new(b))
                .expect("there");
        }
        Change::RemoveAttack(a, b) => {
            af.remove_attack(Argument::new(a), Argument::new(b))
                .expect("there");
        }
        Change::AddArgument => {
            af.add_argument();
        }
        Change::RemoveArgument(a) => af.remove_argument(Argument::new(a)).expect("there"),
    }
}

/// Applies one change to the static framework; added arguments wait,
/// unattacked, at the end (an isolated argument changes no other
/// argument's acceptance).
fn apply_static(af: &mut Framework, change: Change) {
    match change {
        Change::AddAttack(a, b) => {
            af.add_attack(Argument::new(a), Argument::new(b))
                .expect("in range");
        }
        Change::RemoveAttack(a, b) => {
            af.remove_attack(Argument::new(a), Argument::new(b))
                .expect("in range");
        }
        Change::AddArgument => {}
        Change::RemoveArgument(a) => {
            let a = Argument::new(a);
            let gone: Vec<_> = af
                .attackers(a)
                .map(|b| (b, a))
                .chain(af.targets(a).map(|t| (a, t)))
                .collect();
            for (x, y) in gone {
                af.remove_attack(x, y).expect("in range");
            }
        }
    }
}

/// Changes per criterion sample: a sample replays the next `CHUNK`
/// changes and questions of the sequence, from the state the previous
/// sample left; at the end of the sequence the framework is built again
/// (not timed). Ten samples replay the whole sequence of 1,000 once.
const CHUNK: usize = 100;

/// Replays `steps` chunk by chunk on a state built by `build`, timing
/// `run` only.
fn replay<S>(
    steps: &[(Change, Argument, bool)],
    build: impl Fn() -> S,
    run: impl Fn(&mut S, &[(Change, Argument, bool)]) -> usize,
) -> impl FnMut(u64) -> Duration {
    let mut state: Option<(S, usize)> = None;
    move |iters| {
        let mut total = Duration::ZERO;
        for _ in 0..iters {
            let (s, at) = state.get_or_insert_with(|| (build(), 0));
            let chunk = &steps[*at..(*at + CHUNK).min(steps.len())];
            let start = Instant::now();
            black_box(run(s, chunk));
            total += start.elapsed();
            *at += chunk.len();
            if *at == steps.len() {
                state = None;
            }
        }
        total
    }
}

/// The dynamic track: 1,000 changes on 10⁴ arguments (issue #15), the
/// same changes and questions on one `DynamicFramework` (its solver kept
/// throughout) and from scratch (the static solver on the framework after
/// each change). Preferred and stable: credulous or sceptical at random;
/// complete: credulous (sceptical is grounded, linear either way). A
/// sample is 100 consecutive changes and questions (`CHUNK`), so the mean
/// times 10 is the whole sequence; building the framework before the
/// first change is not timed, in either.
fn dynamic(c: &mut Criterion) {
    let mut group = c.benchmark_group("dynamic");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(1))
        .measurement_time(Duration::from_secs(1));
    let (n, count) = (10_000, 1_000);
    let base = random(n, 3.0, 17);
    let steps = changes(&base, 19, count);
    let extra = steps
        .iter()
        .filter(|(c, _, _)| matches!(c, Change::AddArgument))
        .count();
    for semantics in [Semantics::Complete, Semantics::Preferred, Semantics::Stable] {
        let id = |mode: &str| {
            BenchmarkId::new(
                format!("{mode}/{}", semantics.abbreviation()),
                format!("{n}x{count}"),
            )
        };
        let credulous_only = semantics == Semantics::Complete;
        // The replay state lives outside the routine, which criterion
        // calls once per sample.
        let mut incremental = replay(
            &steps,
            || DynamicFramework::from_framework(&base, semantics).expect("answered"),
            |af, chunk| {
                let mut accepted = 0;
                for &(change, q, credulous) in chunk {
                    apply_dynamic(af, change);
                    let decision = if credulous || credulous_only {
                        af.credulous(q)
                    } else {
                        af.sceptical(q)
                    };
                    accepted += decision.expect("there").is_accepted() as usize;
                }
                accepted
            },
        );
        group.bench_function(id("incremental"), |b| b.iter_custom(&mut incremental));
        let mut from_scratch = replay(
            &steps,
            || {
                let mut af = Framework::with_arguments(n + extra);
                for (a, b) in base.attacks() {
                    af.add_attack(a, b).expect("in range");
                }
                af
            },
            |af, chunk| {
                let mut accepted = 0;
                for &(change, q, credulous) in chunk {
                    apply_static(af, change);
                    let decision = if credulous || credulous_only {
                        af.credulous(semantics, q)
                    } else {
                        af.sceptical(semantics, q)
                    };
                    accepted += decision.expect("in range").is_accepted() as usize;
                }
                accepted
            },
        );
        group.bench_function(id("from_scratch"), |b| b.iter_custom(&mut from_scratch));
    }
    group.finish();
}

criterion_group!(semantics, linear_time, sat_based, read, dynamic);
criterion_main!(semantics);
