//! Loads a corpus document, reports its size and how fast it loaded, and
//! optionally compares one event: the load test behind BENCHMARKS.md.
//!
//! ```text
//! cargo run --release --example synthetic -- --claims 1000000 --seed 1 big.json
//! /usr/bin/time -v cargo run --release --example load -- big.json
//! ```
//!
//! `load FILE [EVENT]`: with an event key, also times `compare` on it.

use std::process::ExitCode;
use std::time::Instant;

use historiograph::{ClaimId, CompareOptions, Corpus, EventId};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: load FILE [EVENT]");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("load: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let started = Instant::now();
    let corpus = match Corpus::from_json(&text) {
        Ok(corpus) => corpus,
        Err(e) => {
            eprintln!("load: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let took = started.elapsed();
    let relations = corpus.as_petgraph().edge_count();
    println!(
        "{path}: {} bytes, {} claims, {} nodes, {relations} relations, loaded in {:.3} s ({:.0} MB/s)",
        text.len(),
        corpus.ids::<ClaimId>().count(),
        corpus.as_petgraph().node_count(),
        took.as_secs_f64(),
        text.len() as f64 / 1e6 / took.as_secs_f64(),
    );
    if let Some(key) = args.get(1) {
        let event: EventId = match corpus.resolve(key) {
            Ok(event) => event,
            Err(e) => {
                eprintln!("load: {e}");
                return ExitCode::FAILURE;
            }
        };
        let started = Instant::now();
        match corpus.compare(event, &CompareOptions::new()) {
            Ok(comparison) => println!(
                "compare {key}: {} explanations in {:.3} ms",
                comparison.standings().len(),
                started.elapsed().as_secs_f64() * 1e3
            ),
            Err(e) => {
                eprintln!("load: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
