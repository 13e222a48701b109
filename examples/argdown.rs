//! Converts between the corpus document and Argdown.
//!
//! ```text
//! cargo run --example argdown -- export [CORPUS.json]   # .argdown on stdout (default: the built-in corpus)
//! cargo run --example argdown -- import MAP.json        # corpus document on stdout, unmapped on stderr
//! cargo run --example argdown -- read MAP.argdown       # the same, read natively (a subset of Argdown)
//! cargo run --example argdown -- canonical CORPUS.json  # the corpus document as this crate writes it
//! ```
//!
//! `MAP.json` is what `argdown json MAP.argdown OUTDIR` writes.

#[path = "common/out.rs"]
#[macro_use]
mod out;

use std::process::ExitCode;

use historiograph::Corpus;

fn run(args: &[String]) -> Result<String, String> {
    let read = |path: &String| std::fs::read(path).map_err(|e| format!("{path}: {e}"));
    let corpus_at = |path: Option<&String>| -> Result<Corpus, String> {
        match path {
            None => Ok(historiograph::sino_soviet_split()),
            Some(path) => {
                let bytes = read(path)?;
                let text = String::from_utf8(bytes).map_err(|e| format!("{path}: {e}"))?;
                Corpus::from_json(&text).map_err(|e| format!("{path}: {e}"))
            }
        }
    };
    match args.first().map(String::as_str) {
        Some("export") => Ok(corpus_at(args.get(1))?.to_argdown()),
        Some("canonical") => Ok(corpus_at(args.get(1))?.to_json()),
        Some(command @ ("import" | "read")) => {
            let path = args.get(1).ok_or("import and read need a file")?;
            let bytes = read(path)?;
            let imported = if command == "import" {
                Corpus::from_argdown_json(&bytes)
            } else {
                Corpus::from_argdown(&bytes)
            }
            .map_err(|e| format!("{path}: {e}"))?;
            for item in &imported.unmapped {
                eprintln!("unmapped: {item}");
            }
            Ok(imported.corpus.to_json())
        }
        _ => Err(
            "usage: argdown (export [CORPUS.json] | import MAP.json | read MAP.argdown | canonical CORPUS.json)"
                .into(),
        ),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(text) => {
            out!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
