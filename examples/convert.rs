//! Converts a corpus from one format to another.
//!
//! ```text
//! cargo run --example convert -- --from FORMAT --to FORMAT INPUT OUTPUT
//! ```
//!
//! | format | in | out | what |
//! |---|---|---|---|
//! | `json` | yes | yes | the corpus document ([`historiograph::format`]) |
//! | `aif` | yes | yes | AIFdb / OVA / xAIF JSON, lossless with its extension |
//! | `argdown-json` | yes | no | what `argdown json` (@argdown/cli 1.7.5) writes |
//! | `argdown` | yes (a documented subset) | yes | Argdown text |
//! | `csl-json` | yes | yes | the works and their authors, as CSL-JSON |
//! | `iccma` | no | yes | the claims' argumentation framework, ICCMA 2023 |
//! | `dot` | no | yes | the argument map for Graphviz |
//! | `svg` | no | yes | the argument map, laid out (feature `svg`) |
//! | `graphml` | no | yes | GraphML for graph tools |
//! | `neo4j` | no | yes | a directory of CSV files for `neo4j-admin database import` |
//!
//! Whatever the input held that has no place in the corpus is listed on
//! standard error; `--strict` makes that an error. Bad input exits with
//! status 1 and a message naming the line, node or field.

#[path = "common/out.rs"]
#[allow(dead_code)] // only `end_if_broken_pipe`: the output is a file
mod out;

use std::path::Path;
use std::process::ExitCode;

use historiograph::render::{self, MapOptions};
use historiograph::{CompareOptions, Corpus, Imported};

const INPUTS: &[&str] = &["json", "aif", "argdown-json", "argdown", "csl-json"];
const OUTPUTS: &[&str] = &[
    "json", "aif", "argdown", "csl-json", "iccma", "dot", "svg", "graphml", "neo4j",
];

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("convert: {message}");
            ExitCode::FAILURE
        }
    }
}

struct Args {
    from: String,
    to: String,
    input: String,
    output: String,
    strict: bool,
}

fn parse(args: Vec<String>) -> Result<Args, String> {
    let usage = || {
        format!(
            "usage: convert --from {} --to {} [--strict] INPUT OUTPUT",
            INPUTS.join("|"),
            OUTPUTS.join("|")
        )
    };
    let (mut from, mut to, mut strict, mut files) = (None, None, false, Vec::new());
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--from" => from = Some(args.next().ok_or_else(usage)?),
            "--to" => to = Some(args.next().ok_or_else(usage)?),
            "--strict" => strict = true,
            "--help" | "-h" => return Err(usage()),
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}\n{}", usage()));
            }
            _ => files.push(arg),
        }
    }
    let (Some(from), Some(to), [input, output]) = (from, to, files.as_slice()) else {
        return Err(usage());
    };
    if !INPUTS.contains(&from.as_str()) {
        return Err(format!("cannot read {from}; inputs: {}", INPUTS.join(", ")));
    }
    if !OUTPUTS.contains(&to.as_str()) {
        return Err(format!(
            "cannot write {to}; outputs: {}",
            OUTPUTS.join(", ")
        ));
    }
    Ok(Args {
        from,
        to,
        input: input.clone(),
        output: output.clone(),
        strict,
    })
}

fn run(args: Vec<String>) -> Result<(), String> {
    let args = parse(args)?;
    let bytes = std::fs::read(&args.input).map_err(|e| format!("{}: {e}", args.input))?;
    let located = |e: historiograph::Error| format!("{}: {e}", args.input);
    let imported = match args.from.as_str() {
        "json" => {
            let text = std::str::from_utf8(&bytes)
                .map_err(|e| format!("{}: not UTF-8 after byte {}", args.input, e.valid_up_to()))?;
            Imported::new(Corpus::from_json(text).map_err(located)?)
        }
        "aif" => Corpus::from_aif(&bytes).map_err(located)?,
        "argdown-json" => Corpus::from_argdown_json(&bytes).map_err(located)?,
        "argdown" => Corpus::from_argdown(&bytes).map_err(located)?,
        "csl-json" => Corpus::from_csl_json(&bytes).map_err(located)?,
        other => return Err(format!("cannot read {other}")),
    };
    for left_out in &imported.unmapped {
        eprintln!("convert: {}: left out {left_out}", args.input);
    }
    if args.strict && !imported.is_lossless() {
        return Err(format!(
            "{}: {} things have no place in the corpus (--strict)",
            args.input,
            imported.unmapped.len()
        ));
    }
    write(&imported.corpus, &args.to, &args.output)
}

fn write(corpus: &Corpus, to: &str, output: &str) -> Result<(), String> {
    let text = match to {
        "json" => corpus.to_json(),
        "aif" => corpus.to_aif(),
        "argdown" => corpus.to_argdown(),
        "csl-json" => corpus.to_csl_json(),
        "iccma" => corpus
            .framework(&CompareOptions::new())
            .framework()
            .to_iccma(),
        "dot" => render::argument_map(corpus, &MapOptions::new()).to_dot(),
        "svg" => svg(corpus)?,
        "graphml" => {
            let mut out = Vec::new();
            corpus
                .write_graphml(&mut out)
                .map_err(|e| format!("{output}: {e}"))?;
            String::from_utf8(out).map_err(|e| format!("{output}: {e}"))?
        }
        "neo4j" => {
            let files = corpus
                .write_neo4j_csv(Path::new(output))
                .map_err(|e| format!("{output}: {e}"))?;
            eprintln!(
                "convert: wrote {} files to {output}; load them with the command in historiograph's Corpus::write_neo4j_csv docs",
                files.written().count()
            );
            return Ok(());
        }
        other => return Err(format!("cannot write {other}")),
    };
    std::fs::write(output, text).map_err(|e| {
        out::end_if_broken_pipe(&e);
        format!("{output}: {e}")
    })
}

#[cfg(feature = "svg")]
fn svg(corpus: &Corpus) -> Result<String, String> {
    Ok(render::argument_map(corpus, &MapOptions::new()).to_svg())
}

#[cfg(not(feature = "svg"))]
fn svg(_: &Corpus) -> Result<String, String> {
    Err("svg output needs the `svg` feature".to_owned())
}
