//! Loads any corpus document and prints the comparison for one event.
//!
//! ```text
//! cargo run --example compare -- FILE EVENT_KEY [--as-of YEAR] [--roll-up]
//!     [--enclosing] [--enclosed] [--scholar KEY]... [--json]
//! cargo run --example compare -- src/corpus/sino_soviet_split.json taiwan-strait-crisis-1958 --as-of 2000
//! ```

#[path = "common/out.rs"]
#[macro_use]
mod out;

use std::process::ExitCode;

use historiograph::{CompareOptions, Corpus, EventId, ScholarId};

const USAGE: &str = "usage: compare FILE EVENT_KEY [--as-of YEAR] [--roll-up] [--enclosing] [--enclosed] [--scholar KEY]... [--json]";

struct Args {
    file: String,
    event: String,
    as_of: Option<i32>,
    roll_up: bool,
    enclosing: bool,
    enclosed: bool,
    scholars: Vec<String>,
    json: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut positional = Vec::new();
    let mut args = Args {
        file: String::new(),
        event: String::new(),
        as_of: None,
        roll_up: false,
        enclosing: false,
        enclosed: false,
        scholars: Vec::new(),
        json: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--as-of" => {
                let year = it.next().ok_or("--as-of needs a year")?;
                args.as_of = Some(year.parse().map_err(|_| format!("not a year: `{year}`"))?);
            }
            "--scholar" => args
                .scholars
                .push(it.next().ok_or("--scholar needs a key")?),
            "--roll-up" => args.roll_up = true,
            "--enclosing" => args.enclosing = true,
            "--enclosed" => args.enclosed = true,
            "--json" => args.json = true,
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            _ => positional.push(arg),
        }
    }
    match <[String; 2]>::try_from(positional) {
        Ok([file, event]) => {
            args.file = file;
            args.event = event;
            Ok(args)
        }
        Err(_) => Err("expected FILE and EVENT_KEY".to_owned()),
    }
}

fn run(args: &Args) -> Result<(), String> {
    let text = std::fs::read_to_string(&args.file)
        .map_err(|e| format!("cannot read `{}`: {e}", args.file))?;
    let corpus = Corpus::from_json(&text).map_err(|e| format!("{}: {e}", args.file))?;
    let event: EventId = corpus.resolve(&args.event).map_err(|e| e.to_string())?;
    let mut options = CompareOptions::new()
        .with_as_of(args.as_of)
        .with_roll_up(args.roll_up)
        .with_enclosing(args.enclosing)
        .with_enclosed(args.enclosed);
    if !args.scholars.is_empty() {
        let scholars = args
            .scholars
            .iter()
            .map(|k| corpus.resolve::<ScholarId>(k))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| e.to_string())?;
        options = options.with_scholars(scholars);
    }
    let comparison = corpus
        .view(&options)
        .compare(event)
        .map_err(|e| e.to_string())?;
    if args.json {
        let json = serde_json::to_string_pretty(&comparison).map_err(|e| e.to_string())?;
        outln!("{json}");
    } else {
        out!("{comparison}");
    }
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
