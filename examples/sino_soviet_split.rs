//! The main example: the debate over the Sino-Soviet split, from the
//! built-in corpus, compared event by event, then as an events ×
//! explanations matrix, then as it moved over time.
//!
//! ```text
//! cargo run --example sino_soviet_split
//! cargo run --example sino_soviet_split -- --as-of 2000
//! ```

use std::process::ExitCode;

use historiograph::{
    Argument, CompareOptions, Corpus, EventId, ExplanationId, Gradual, GradualOptions, Semantics,
    Verdict, Why,
};

/// The events the book turns on, in order.
const KEY_EVENTS: [&str; 9] = [
    "socialist-high-tide",
    "secret-speech",
    "great-leap-forward",
    "taiwan-strait-crisis-1958",
    "u2-incident",
    "withdrawal-of-soviet-advisers",
    "test-ban-treaty",
    "cultural-revolution",
    "sino-soviet-split",
];

fn main() -> ExitCode {
    let as_of = match parse_args() {
        Ok(as_of) => as_of,
        Err(message) => {
            eprintln!("{message}\nusage: sino_soviet_split [--as-of YEAR]");
            return ExitCode::from(2);
        }
    };
    match run(as_of) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args() -> Result<Option<i32>, String> {
    let mut args = std::env::args().skip(1);
    let mut as_of = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--as-of" => {
                let year = args.next().ok_or("--as-of needs a year")?;
                as_of = Some(year.parse().map_err(|_| format!("not a year: {year}"))?);
            }
            other => return Err(format!("unknown argument: {other}")),
        }
    }
    Ok(as_of)
}

fn run(as_of: Option<i32>) -> historiograph::Result<()> {
    let corpus = historiograph::sino_soviet_split();
    println!("{}", corpus.title().unwrap_or("The Sino-Soviet split"));
    println!(
        "{} scholars, {} works, {} pieces of evidence, {} events, {} explanations, {} claims\n",
        corpus.count::<historiograph::ScholarId>(),
        corpus.count::<historiograph::WorkId>(),
        corpus.count::<historiograph::EvidenceId>(),
        corpus.count::<EventId>(),
        corpus.count::<ExplanationId>(),
        corpus.count::<historiograph::ClaimId>(),
    );

    let options = CompareOptions::new().with_as_of(as_of);
    println!("== The key events, explanation by explanation ==\n");
    for key in KEY_EVENTS {
        let event: EventId = corpus.resolve(key)?;
        if corpus.claims_about(event).next().is_some() {
            println!("{}", corpus.compare(event, &options)?);
        } else {
            // No claim is about the event itself: let the claims about the
            // events that enclose it speak.
            let wider = options.clone().with_enclosing(true);
            println!("{}", corpus.compare(event, &wider)?);
        }
    }

    println!("== Events × families of explanation ==\n");
    let families = options.clone().with_roll_up(true);
    let events: Vec<EventId> = corpus
        .events_by_date()
        .filter(|&e| corpus.claims_about(e).next().is_some())
        .collect();
    println!("{}\n", corpus.matrix(events, &families)?);

    println!("== Where each family stands ==\n");
    let family_ids: Vec<ExplanationId> = corpus
        .ids::<ExplanationId>()
        .filter(|&x| corpus.variant_of(x).is_none())
        .collect();
    for &family in &family_ids {
        println!("{}", corpus.accounts(family, &families)?);
    }

    println!("== Which claims stand ==\n");
    which_claims_stand(&corpus, &options)?;

    if as_of.is_none() {
        println!("\n== The split as the scholarship saw it over time ==\n");
        debate_over_time(&corpus, &family_ids)?;
    }
    Ok(())
}

/// The claims as an argumentation framework: what the grounded and
/// preferred semantics accept, why the defeated claims fall, and the
/// strongest claims under DF-QuAD.
fn which_claims_stand(corpus: &Corpus, options: &CompareOptions) -> historiograph::Result<()> {
    let view = corpus.framework(options);
    let af = view.framework();
    let grounded = af.grounded();
    let preferred = af.extensions(Semantics::Preferred).count();
    println!(
        "{} claims, {} attacks, {} supports: grounded semantics accepts {}, defeats {}, leaves {} undecided; {} preferred extension(s)",
        af.len(),
        af.attack_count(),
        af.support_count(),
        grounded.in_arguments().len(),
        grounded.out_arguments().len(),
        grounded.undecided_arguments().len(),
        preferred,
    );
    let name = |a: Argument| af.name(a).unwrap_or_default();
    println!("\ndefeated, and by what:");
    for argument in grounded.out_arguments() {
        if let Some(Why::Out { attackers }) = grounded.why(af, argument) {
            let by: Vec<String> = attackers.into_iter().map(name).collect();
            println!("  {:<36} <- {}", name(argument), by.join(", "));
        }
    }
    let strengths = af.strengths(Gradual::DfQuad, &GradualOptions::new())?;
    let mut ranked: Vec<(Argument, f64)> = af
        .arguments()
        .map(|a| (a, strengths.values()[a.index()]))
        .collect();
    ranked.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    println!("\nstrongest claims under DF-QuAD (base weights from scholars and evidence):");
    for (argument, strength) in ranked.iter().take(8) {
        println!("  {strength:.3}  {}", name(*argument));
    }
    Ok(())
}

/// The verdict on each family for the split as a whole, as of each year a
/// position on it was published.
fn debate_over_time(corpus: &Corpus, families: &[ExplanationId]) -> historiograph::Result<()> {
    let split: EventId = corpus.resolve("sino-soviet-split")?;
    let mut years: Vec<i32> = corpus
        .claims_about(split)
        .filter_map(|c| corpus.claim_year(c))
        .collect();
    years.sort_unstable();
    years.dedup();
    print!("{:<28}", "family");
    for year in &years {
        print!(" {year:>5}");
    }
    println!();
    let comparisons = years
        .iter()
        .map(|&y| {
            let options = CompareOptions::new().with_roll_up(true).with_as_of(Some(y));
            corpus.compare(split, &options)
        })
        .collect::<historiograph::Result<Vec<_>>>()?;
    for &family in families {
        let Some(name) = corpus.explanation(family).map(|x| x.name()) else {
            continue;
        };
        let cells: Vec<&str> = comparisons
            .iter()
            .map(|c| match c.standing(family).map(|s| s.verdict()) {
                Some(Verdict::Supported) => "S",
                Some(Verdict::Contested) => "C",
                Some(Verdict::Rejected) => "R",
                Some(Verdict::Unaddressed) | None => ".",
            })
            .collect();
        if cells.iter().all(|&c| c == ".") {
            continue;
        }
        print!("{name:<28}");
        for cell in cells {
            print!(" {cell:>5}");
        }
        println!();
    }
    println!("\nS supported, C contested, R rejected, . not yet in the debate");
    Ok(())
}
