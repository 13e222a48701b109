//! Loads a corpus document, reports its size and how fast it loaded, and
//! optionally compares one event: the load test behind BENCHMARKS.md.
//!
//! ```text
//! cargo run --release --example synthetic -- --claims 1000000 --seed 1 big.json
//! /usr/bin/time -v cargo run --release --example load -- big.json
//! ```
//!
//! `load FILE [--one-thread] [--matrix] [--all-events] [--margin-budget N]
//! [EVENT]...`: with `--one-thread`, parses and builds on one thread (by
//! default a large document is parsed on one and built on another); with
//! `--matrix`, times the full events × explanations matrix; with
//! `--all-events`, times `compare` once on every event and prints the
//! percentiles; with event keys, also times `compare` on each: the first
//! call and the median of twenty more. `--margin-budget N` sets the budget
//! of each margin search (0: no margins; default as
//! `CompareOptions::new()`).

#[path = "common/out.rs"]
#[macro_use]
mod out;

use std::process::ExitCode;
use std::time::Instant;

use historiograph::{ClaimId, CompareOptions, Corpus, EventId, JsonOptions, Threads};

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let matrix = args.iter().any(|a| a == "--matrix");
    let all_events = args.iter().any(|a| a == "--all-events");
    let threads = match args.iter().any(|a| a == "--one-thread") {
        true => Threads::One,
        false => Threads::Auto,
    };
    args.retain(|a| !matches!(a.as_str(), "--matrix" | "--one-thread" | "--all-events"));
    let mut options = CompareOptions::new();
    if let Some(at) = args.iter().position(|a| a == "--margin-budget") {
        match args.get(at + 1).and_then(|n| n.parse::<usize>().ok()) {
            Some(budget) => options = options.with_margin_budget(budget),
            None => {
                eprintln!("load: --margin-budget needs a number");
                return ExitCode::FAILURE;
            }
        }
        args.drain(at..at + 2);
    }
    let Some(path) = args.first() else {
        eprintln!(
            "usage: load FILE [--one-thread] [--matrix] [--all-events] [--margin-budget N] [EVENT]..."
        );
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
    let corpus = match Corpus::from_json_with(&text, &JsonOptions::new().with_threads(threads)) {
        Ok(corpus) => corpus,
        Err(e) => {
            eprintln!("load: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let took = started.elapsed();
    let relations = corpus.as_petgraph().edge_count();
    outln!(
        "{path}: {} bytes, {} claims, {} nodes, {relations} relations, loaded in {:.3} s ({:.0} MB/s)",
        text.len(),
        corpus.ids::<ClaimId>().count(),
        corpus.as_petgraph().node_count(),
        took.as_secs_f64(),
        text.len() as f64 / 1e6 / took.as_secs_f64(),
    );
    if matrix {
        let started = Instant::now();
        match corpus
            .view(&CompareOptions::new())
            .matrix(corpus.ids::<EventId>())
        {
            Ok(m) => outln!(
                "matrix of {} events x {} explanations in {:.3} s",
                m.events().len(),
                m.explanations().len(),
                started.elapsed().as_secs_f64()
            ),
            Err(e) => {
                eprintln!("load: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    if all_events {
        if let Err(e) = every_event(&corpus, &options) {
            eprintln!("load: {e}");
            return ExitCode::FAILURE;
        }
    }
    for key in &args[1..] {
        let event: EventId = match corpus.resolve(key) {
            Ok(event) => event,
            Err(e) => {
                eprintln!("load: {e}");
                return ExitCode::FAILURE;
            }
        };
        let mut times = Vec::new();
        let mut explanations = 0;
        for _ in 0..21 {
            let started = Instant::now();
            match corpus.view(&options).compare(event) {
                Ok(comparison) => explanations = comparison.standings().len(),
                Err(e) => {
                    eprintln!("load: {e}");
                    return ExitCode::FAILURE;
                }
            }
            times.push(started.elapsed().as_secs_f64() * 1e3);
        }
        let first = times.remove(0);
        times.sort_by(f64::total_cmp);
        outln!(
            "compare {key} ({} claims, {explanations} explanations): first {first:.3} ms, then median {:.3} ms",
            corpus.claims_about(event).count(),
            times[times.len() / 2]
        );
    }
    ExitCode::SUCCESS
}

/// Times `compare` once on every event, and prints the percentiles with
/// the number of claims about the event at each.
fn every_event(corpus: &Corpus, options: &CompareOptions) -> historiograph::Result<()> {
    let events: Vec<EventId> = corpus.ids::<EventId>().collect();
    if let Some(&first) = events.first() {
        corpus.view(options).compare(first)?;
    }
    let mut times = Vec::with_capacity(events.len());
    for &event in &events {
        let started = Instant::now();
        corpus.view(options).compare(event)?;
        let ms = started.elapsed().as_secs_f64() * 1e3;
        times.push((ms, corpus.claims_about(event).count()));
    }
    times.sort_by(|a, b| a.0.total_cmp(&b.0));
    let Some(&(max, claims)) = times.last() else {
        return Ok(());
    };
    let n = times.len();
    for p in [50.0, 90.0, 99.0, 99.9] {
        let (ms, claims) = times[((n as f64 * p / 100.0) as usize).min(n - 1)];
        outln!("compare, every event: p{p} {ms:.3} ms ({claims} claims)");
    }
    let slow = times.iter().filter(|(ms, _)| *ms >= 1.0).count();
    outln!(
        "compare, every event: max {max:.3} ms ({claims} claims); {slow} of {n} took 1 ms or more"
    );
    Ok(())
}
