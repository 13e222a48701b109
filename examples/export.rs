//! Exports a corpus for a graph database: the CSV files of Neo4j's bulk
//! importer, and GraphML.
//!
//! ```text
//! cargo run --example export -- --neo4j out/neo4j --graphml out/corpus.graphml
//! cargo run --release --example export -- --synthetic 100000 --neo4j big/
//! ```
//!
//! Options: `--corpus FILE.json` (a corpus document; default the built-in
//! corpus), `--synthetic N` (a seeded synthetic corpus of N claims instead,
//! `--seed S`, default 1), `--neo4j DIR` (write the CSV files there and print
//! the `neo4j-admin` command that loads them), `--graphml FILE`,
//! `--database NAME` (for the command; default `neo4j`).

#[path = "common/out.rs"]
#[macro_use]
mod out;

use std::process::ExitCode;

use historiograph::Corpus;
use historiograph::synthetic::Synthetic;

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("export: {message}");
            eprintln!(
                "usage: export [--corpus FILE.json | --synthetic N [--seed S]] [--neo4j DIR] [--graphml FILE] [--database NAME]"
            );
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let (mut corpus_file, mut synthetic, mut seed) = (None, None, 1u64);
    let (mut neo4j, mut graphml, mut database) = (None, None, "neo4j".to_owned());
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--corpus" => corpus_file = Some(value("--corpus")?),
            "--synthetic" => synthetic = Some(number(&value("--synthetic")?)?),
            "--seed" => seed = number(&value("--seed")?)?,
            "--neo4j" => neo4j = Some(value("--neo4j")?),
            "--graphml" => graphml = Some(value("--graphml")?),
            "--database" => database = value("--database")?,
            other => return Err(format!("unexpected argument {other}")),
        }
    }
    if neo4j.is_none() && graphml.is_none() {
        return Err("nothing to do: give --neo4j DIR or --graphml FILE".to_owned());
    }
    let started = std::time::Instant::now();
    let corpus = match (corpus_file, synthetic) {
        (Some(_), Some(_)) => return Err("give --corpus or --synthetic, not both".to_owned()),
        (Some(path), None) => {
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
            Corpus::from_json(&text).map_err(|e| format!("{path}: {e}"))?
        }
        (None, Some(claims)) => Synthetic::new(claims).with_seed(seed).build(),
        (None, None) => historiograph::sino_soviet_split(),
    };
    let loaded = started.elapsed();
    if let Some(dir) = neo4j {
        let started = std::time::Instant::now();
        let files = corpus
            .write_neo4j_csv(std::path::Path::new(&dir))
            .map_err(|e| format!("{dir}: {e}"))?;
        let rows: u64 = files.written().map(|w| w.rows()).sum();
        eprintln!(
            "{dir}: {} files, {rows} rows (corpus ready in {loaded:.1?}, written in {:.1?})",
            files.written().count(),
            started.elapsed()
        );
        outln!("{}", files.command(&database));
    }
    if let Some(path) = graphml {
        let started = std::time::Instant::now();
        let file = std::fs::File::create(&path).map_err(|e| format!("{path}: {e}"))?;
        corpus.write_graphml(file).map_err(|e| {
            out::end_if_broken_pipe(&e);
            format!("{path}: {e}")
        })?;
        eprintln!("{path}: written in {:.1?}", started.elapsed());
    }
    Ok(())
}

fn number<T: std::str::FromStr>(text: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("not a valid number: {text}"))
}
