//! Writes the historian's report of a corpus: one self-contained HTML page
//! (overview, every event's verdicts and arguments, the pictures, the
//! debate over time, and a year control), the built-in corpus by default.
//!
//! ```text
//! cargo run --example report -- [CORPUS.json] OUT.html
//! ```

#[path = "common/out.rs"]
#[allow(dead_code)] // only `end_if_broken_pipe`: the output is a file
mod out;

use std::process::ExitCode;

use historiograph::Corpus;
use historiograph::render::{self, ReportOptions};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (corpus, out) = match args.as_slice() {
        [out] => (Ok(historiograph::sino_soviet_split()), out),
        [input, out] => (
            std::fs::read(input)
                .map_err(|e| format!("{input}: {e}"))
                .and_then(|bytes| Corpus::from_json(bytes).map_err(|e| format!("{input}: {e}"))),
            out,
        ),
        _ => {
            eprintln!("usage: report [CORPUS.json] OUT.html");
            return ExitCode::FAILURE;
        }
    };
    let written = corpus.and_then(|corpus| {
        let html = render::report(&corpus, &ReportOptions::new()).map_err(|e| e.to_string())?;
        std::fs::write(out, html).map_err(|e| {
            out::end_if_broken_pipe(&e);
            format!("{out}: {e}")
        })
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("report: {message}");
            ExitCode::FAILURE
        }
    }
}
