//! Criterion bench of the other formats on seeded synthetic corpora (built
//! outside the timed closures): the exports for graph databases (every
//! Neo4j bulk-import file, and GraphML) at 10^3, 10^4 and 10^5 claims,
//! written to a sink; AIF, Argdown and CSL-JSON written and read back at
//! 10^3 and 10^4 claims (10^5 takes seconds per run; BENCHMARKS.md has
//! one-shot figures for it).
//!
//! ```text
//! cargo bench --bench formats
//! ```

use std::hint::black_box;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use historiograph::synthetic::Synthetic;
use historiograph::{Corpus, Neo4jFile};

fn export(c: &mut Criterion) {
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    for claims in [1_000, 10_000, 100_000] {
        let corpus = Synthetic::new(claims).with_seed(1).build();
        group.bench_with_input(
            BenchmarkId::new("neo4j_csv", claims),
            &corpus,
            |b, corpus| {
                b.iter(|| {
                    for file in Neo4jFile::ALL {
                        let written = corpus
                            .write_neo4j_file(file, std::io::sink())
                            .expect("a sink never fails");
                        black_box(written);
                    }
                })
            },
        );
        group.bench_with_input(BenchmarkId::new("graphml", claims), &corpus, |b, corpus| {
            b.iter(|| {
                corpus
                    .write_graphml(std::io::sink())
                    .expect("a sink never fails");
            })
        });
    }
    group.finish();
}

/// Times `read` on `bytes`, leaving the drop of what it returns out.
fn read<T>(b: &mut criterion::Bencher<'_>, bytes: &[u8], read: fn(&[u8]) -> T) {
    b.iter_batched(|| (), |()| read(black_box(bytes)), BatchSize::PerIteration)
}

fn interchange(c: &mut Criterion) {
    let mut group = c.benchmark_group("interchange");
    group.sample_size(10);
    for claims in [1_000, 10_000] {
        let corpus = Synthetic::new(claims).with_seed(1).build();
        let aif = corpus.to_aif();
        let argdown = corpus.to_argdown();
        let csl = corpus.to_csl_json();
        group.bench_with_input(BenchmarkId::new("to_aif", claims), &corpus, |b, c| {
            b.iter(|| c.to_aif())
        });
        group.bench_with_input(BenchmarkId::new("from_aif", claims), &aif, |b, text| {
            read(b, text.as_bytes(), |bytes| {
                Corpus::from_aif(bytes).expect("written by to_aif")
            })
        });
        group.bench_with_input(BenchmarkId::new("to_argdown", claims), &corpus, |b, c| {
            b.iter(|| c.to_argdown())
        });
        group.bench_with_input(
            BenchmarkId::new("from_argdown", claims),
            &argdown,
            |b, text| {
                read(b, text.as_bytes(), |bytes| {
                    Corpus::from_argdown(bytes).expect("written by to_argdown")
                })
            },
        );
        group.bench_with_input(BenchmarkId::new("to_csl_json", claims), &corpus, |b, c| {
            b.iter(|| c.to_csl_json())
        });
        group.bench_with_input(
            BenchmarkId::new("from_csl_json", claims),
            &csl,
            |b, text| {
                read(b, text.as_bytes(), |bytes| {
                    Corpus::from_csl_json(bytes).expect("written by to_csl_json")
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, export, interchange);
criterion_main!(benches);
