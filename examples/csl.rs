//! Converts between the corpus document and CSL-JSON bibliographies.
//!
//! ```text
//! cargo run --example csl -- export [CORPUS.json]   # the works as CSL-JSON (default: the built-in corpus)
//! cargo run --example csl -- import BIB.json        # a corpus of works and authors; unmapped on stderr
//! ```

#[path = "common/out.rs"]
#[macro_use]
mod out;

use std::process::ExitCode;

use historiograph::Corpus;

fn run(args: &[String]) -> Result<String, String> {
    match (args.first().map(String::as_str), args.get(1)) {
        (Some("export"), None) => Ok(historiograph::sino_soviet_split().to_csl_json()),
        (Some("export"), Some(path)) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
            let corpus = Corpus::from_json(&text).map_err(|e| format!("{path}: {e}"))?;
            Ok(corpus.to_csl_json())
        }
        (Some("import"), Some(path)) => {
            let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
            let imported = Corpus::from_csl_json(&bytes).map_err(|e| format!("{path}: {e}"))?;
            for item in &imported.unmapped {
                eprintln!("unmapped: {item}");
            }
            Ok(imported.corpus.to_json())
        }
        _ => Err("usage: csl (export [CORPUS.json] | import BIB.json)".into()),
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
