//! Criterion bench of the exports for graph databases: every Neo4j
//! bulk-import file, and GraphML, of seeded synthetic corpora at 10^3, 10^4
//! and 10^5 claims, written to a sink (the corpus is built outside the
//! timed closure).
//!
//! ```text
//! cargo bench --bench export
//! ```

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use historiograph::Neo4jFile;
use historiograph::synthetic::Synthetic;

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

criterion_group!(benches, export);
criterion_main!(benches);
