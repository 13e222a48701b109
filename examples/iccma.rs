//! The ICCMA 2023 solver interface over historiograph's semantics.
//!
//! ```text
//! cargo run --release --example iccma -- --problems
//! cargo run --release --example iccma -- -p SE-PR -f FILE.af
//! cargo run --release --example iccma -- -p DC-ST -f FILE.af -a 3
//! ```
//!
//! Tasks are `DC-σ` (credulous acceptance), `DS-σ` (sceptical acceptance)
//! and `SE-σ` (some extension) for σ in GR, CO, PR, ST, SST, STG, ID. Answers
//! follow the competition's rules: `YES` or `NO`, with a certificate line
//! `w a b c` after a credulous `YES` and a sceptical `NO`; `SE` prints
//! `w ...` or `NO` when there is no extension. Files are read in the ICCMA
//! 2023 format, or as APX or TGF by their extension (`.apx`, `.tgf`) or
//! with `-fo apx|tgf|iccma`.

#[path = "common/out.rs"]
#[macro_use]
mod out;

use std::process::ExitCode;

use historiograph::{Argument, Framework, Semantics};

#[derive(Clone, Copy)]
enum Task {
    Credulous,
    Sceptical,
    Some,
}

struct Args {
    problem: Option<String>,
    file: Option<String>,
    format: Option<String>,
    argument: Option<String>,
    problems: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        problem: None,
        file: None,
        format: None,
        argument: None,
        problems: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--problems" => args.problems = true,
            "-p" => args.problem = Some(value("-p")?),
            "-f" => args.file = Some(value("-f")?),
            "-fo" => args.format = Some(value("-fo")?),
            "-a" => args.argument = Some(value("-a")?),
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    Ok(args)
}

fn problems() -> Vec<String> {
    ["SE", "DC", "DS"]
        .iter()
        .flat_map(|task| Semantics::ALL.map(|s| format!("{task}-{}", s.abbreviation())))
        .collect()
}

fn parse_problem(problem: &str) -> Result<(Task, Semantics), String> {
    let (task, semantics) = problem
        .split_once('-')
        .ok_or(format!("unknown problem `{problem}`; see --problems"))?;
    let task = match task {
        "DC" => Task::Credulous,
        "DS" => Task::Sceptical,
        "SE" => Task::Some,
        _ => {
            return Err(format!(
                "unknown task `{task}` in `{problem}`; see --problems"
            ));
        }
    };
    let semantics = Semantics::ALL
        .into_iter()
        .find(|s| s.abbreviation() == semantics)
        .ok_or(format!(
            "unknown semantics `{semantics}` in `{problem}`; see --problems"
        ))?;
    Ok((task, semantics))
}

fn witness(framework: &Framework, extension: &[Argument]) -> String {
    use std::fmt::Write;
    let mut line = String::with_capacity(2 + 8 * extension.len());
    line.push('w');
    for &a in extension {
        if framework.is_named() {
            line.push(' ');
            line.push_str(&framework.name(a).unwrap_or_default());
        } else {
            let _ = write!(line, " {}", a.number());
        }
    }
    line
}

fn run(args: &Args) -> Result<String, String> {
    if args.problems {
        return Ok(format!("[{}]", problems().join(",")));
    }
    let problem = args.problem.as_deref().ok_or("missing -p TASK")?;
    let (task, semantics) = parse_problem(problem)?;
    let file = args.file.as_deref().ok_or("missing -f FILE")?;
    // Bytes: the readers check UTF-8 themselves, and say where it breaks.
    let text = std::fs::read(file).map_err(|e| format!("cannot read `{file}`: {e}"))?;
    let format = args.format.clone().unwrap_or_else(|| {
        match file.rsplit('.').next() {
            Some("apx") => "apx",
            Some("tgf") => "tgf",
            _ => "iccma",
        }
        .to_owned()
    });
    let framework = match format.as_str() {
        "iccma" | "i23" => Framework::from_iccma(&text),
        "apx" => Framework::from_apx(&text),
        "tgf" => Framework::from_tgf(&text),
        other => {
            return Err(format!(
                "unknown format `{other}`; expected iccma, apx or tgf"
            ));
        }
    }
    .map_err(|e| format!("{file}: {e}"))?;
    let argument = |name: &Option<String>| -> Result<Argument, String> {
        let name = name
            .as_deref()
            .ok_or(format!("{problem} needs -a ARGUMENT"))?;
        framework
            .argument(name)
            .ok_or(format!("argument `{name}` is not in `{file}`"))
    };
    let answer = match task {
        Task::Some => match framework.extension(semantics) {
            Some(extension) => witness(&framework, &extension),
            None => "NO".to_owned(),
        },
        Task::Credulous => {
            let decision = framework
                .credulous(semantics, argument(&args.argument)?)
                .map_err(|e| e.to_string())?;
            match decision.certificate().filter(|_| decision.is_accepted()) {
                Some(extension) => format!("YES\n{}", witness(&framework, extension)),
                None if decision.is_accepted() => "YES".to_owned(),
                None => "NO".to_owned(),
            }
        }
        Task::Sceptical => {
            let decision = framework
                .sceptical(semantics, argument(&args.argument)?)
                .map_err(|e| e.to_string())?;
            match decision.certificate().filter(|_| !decision.is_accepted()) {
                Some(extension) => format!("NO\n{}", witness(&framework, extension)),
                None if decision.is_accepted() => "YES".to_owned(),
                None => "NO".to_owned(),
            }
        }
    };
    // The process ends right after: freeing a framework of millions of
    // lists one by one is work the operating system does at once.
    std::mem::forget(framework);
    Ok(answer)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!(
                "{message}\nusage: iccma --problems | -p TASK -f FILE [-fo FORMAT] [-a ARGUMENT]"
            );
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        // A reader that stops early (`| head -1`) closes the pipe: `outln!`
        // then ends quietly, where `println!` would panic.
        Ok(answer) => {
            outln!("{answer}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
