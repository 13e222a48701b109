//! Criterion benches for the argumentation semantics on seeded random
//! frameworks (a directed Erdős–Rényi graph with `degree` attacks per
//! argument on average), from 10 to 10⁶ arguments.
//!
//! ```text
//! cargo bench --bench semantics
//! cargo bench --bench semantics --no-default-features   # batsat
//! ```

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use historiograph::{Argument, Framework, Gradual, GradualOptions, Semantics};

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
/// bytes per second. APX and TGF name the arguments `a1` … `a1000000`.
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
    let texts = [
        ("iccma", iccma.clone()),
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
                    "iccma" => Framework::from_iccma(black_box(t)),
                    "apx" => Framework::from_apx(black_box(t)),
                    _ => Framework::from_tgf(black_box(t)),
                };
                af.expect("valid")
            })
        });
    }
    group.finish();
}

criterion_group!(semantics, linear_time, sat_based, read);
criterion_main!(semantics);
