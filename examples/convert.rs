//! Converts a corpus from one format to another, through `Corpus::read`
//! and `Corpus::write`:
//! `cargo run --example convert -- --from FORMAT --to FORMAT [--strict] INPUT OUTPUT`.
//!
//! FORMAT is a `historiograph::Format` name (`json`, `aif`, `argdown`,
//! `csl-json`, `iccma`, `svg`, ...). What the input held that has no place
//! in the corpus is listed on standard error; `--strict` makes that an
//! error.
//!
//! For `neo4j`, OUTPUT is a directory, and the `neo4j-admin` command that
//! loads it into the database `--database NAME` (default `neo4j`) is
//! printed on standard output, alone, so that a script can run it as it is
//! (`--multiline-fields=true` included when some text spans lines); what
//! was written goes to standard error.

#[path = "common/out.rs"]
#[macro_use]
mod out;

use std::process::ExitCode;

use historiograph::{Corpus, Format, ReadOptions, WriteOptions};

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("convert: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let usage =
        "usage: convert --from FORMAT --to FORMAT [--strict] [--database NAME] INPUT OUTPUT";
    let (mut from, mut to, mut strict, mut files) = (None, None, false, Vec::new());
    let mut database = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut format = || -> Result<Format, String> {
            let name = args.next().ok_or(usage)?;
            name.parse().map_err(|e| format!("{e}"))
        };
        match arg.as_str() {
            "--from" => from = Some(format()?),
            "--to" => to = Some(format()?),
            "--strict" => strict = true,
            "--database" => database = Some(args.next().ok_or(usage)?),
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}\n{usage}")),
            _ => files.push(arg),
        }
    }
    let (Some(from), Some(to), [input, output]) = (from, to, files.as_slice()) else {
        return Err(usage.to_owned());
    };
    if database.is_some() && to != Format::Neo4jCsv {
        return Err(format!("--database is for --to neo4j\n{usage}"));
    }
    let bytes = std::fs::read(input).map_err(|e| format!("{input}: {e}"))?;
    let imported =
        Corpus::read(from, &bytes, &ReadOptions::new()).map_err(|e| format!("{input}: {e}"))?;
    for left_out in &imported.unmapped {
        eprintln!("convert: {input}: left out {left_out}");
    }
    if strict && !imported.is_lossless() {
        let n = imported.unmapped.len();
        return Err(format!(
            "{input}: {n} things have no place in the corpus (--strict)"
        ));
    }
    #[cfg(feature = "neo4j")]
    if to == Format::Neo4jCsv {
        let files = (imported.corpus.write_neo4j_csv(output.as_ref()))
            .map_err(|e| format!("{output}: {e}"))?;
        let rows: u64 = files.written().map(|w| w.rows()).sum();
        let count = files.written().count();
        eprintln!("convert: wrote {count} files ({rows} rows) to {output}; load them with:");
        outln!("{}", files.command(database.as_deref().unwrap_or("neo4j")));
        return Ok(());
    }
    let text = imported
        .corpus
        .write(to, &WriteOptions::new())
        .map_err(|e| format!("{output}: {e}"))?;
    std::fs::write(output, text).map_err(|e| {
        out::end_if_broken_pipe(&e);
        format!("{output}: {e}")
    })
}
