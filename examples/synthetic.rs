//! Writes a seeded synthetic corpus as a JSON document, for load tests and
//! benchmarks.
//!
//! ```text
//! cargo run --release --example synthetic -- --claims 1000000 --seed 1 big.json
//! ```
//!
//! Options: `--claims N` (default 1000), `--seed S` (default 0),
//! `--attacks R` and `--supports R` (shares of claims, default 0.3 and 0.1),
//! `--locality L` (share of disputes within one event, default 0.8). Prints
//! the counts of what it wrote to standard error.

#[path = "common/out.rs"]
#[allow(dead_code)] // only `end_if_broken_pipe`: the output is a file
mod out;

use std::io::Write as _;
use std::process::ExitCode;

use historiograph::synthetic::Synthetic;
use historiograph::{ClaimId, EventId, EvidenceId, ExplanationId, ScholarId, WorkId};

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("synthetic: {message}");
            eprintln!(
                "usage: synthetic [--claims N] [--seed S] [--attacks R] [--supports R] [--locality L] OUT.json"
            );
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut claims = 1000usize;
    let mut seed = 0u64;
    let (mut attacks, mut supports, mut locality) = (0.3, 0.1, 0.8);
    let mut out = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--claims" => claims = number(&value("--claims")?)?,
            "--seed" => seed = number(&value("--seed")?)?,
            "--attacks" => attacks = number(&value("--attacks")?)?,
            "--supports" => supports = number(&value("--supports")?)?,
            "--locality" => locality = number(&value("--locality")?)?,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path if out.is_none() => out = Some(path.to_owned()),
            extra => return Err(format!("unexpected argument {extra}")),
        }
    }
    let out = out.ok_or("no output file given")?;
    let started = std::time::Instant::now();
    let corpus = Synthetic::new(claims)
        .with_seed(seed)
        .with_rates(attacks, supports)
        .with_locality(locality)
        .build();
    let built = started.elapsed();
    let file = std::fs::File::create(&out).map_err(|e| format!("{out}: {e}"))?;
    let mut writer = std::io::BufWriter::new(file);
    corpus
        .write_json(&mut writer)
        .and_then(|()| writer.flush())
        .map_err(|e| {
            crate::out::end_if_broken_pipe(&e);
            format!("{out}: {e}")
        })?;
    eprintln!(
        "{out}: {} claims, {} events, {} explanations, {} scholars, {} works, {} evidence, {} relations (built in {:.1?}, written in {:.1?})",
        corpus.ids::<ClaimId>().count(),
        corpus.ids::<EventId>().count(),
        corpus.ids::<ExplanationId>().count(),
        corpus.ids::<ScholarId>().count(),
        corpus.ids::<WorkId>().count(),
        corpus.ids::<EvidenceId>().count(),
        corpus.as_petgraph().edge_count(),
        built,
        started.elapsed() - built,
    );
    Ok(())
}

fn number<T: std::str::FromStr>(text: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("not a valid number: {text}"))
}
