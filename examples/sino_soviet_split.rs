//! The main example: the debate over the Sino-Soviet split, from the
//! built-in corpus, read as a historian's summary — the split first, then
//! each key event in date order: which explanation leads, who holds it and
//! on what notes, the strongest objection and who answers it, and how much
//! it would take to change the verdict.
//!
//! ```text
//! cargo run --example sino_soviet_split
//! cargo run --example sino_soviet_split -- --as-of 2000
//! cargo run --example sino_soviet_split -- --detail    # every number, and the whole debate
//! ```

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use historiograph::{
    Acceptance, Argument, ClaimEntry, CompareOptions, Comparison, Corpus, EventId, ExplanationId,
    Gradual, GradualOptions, Semantics, Stance, Standing, Verdict, Why,
};

/// The events the book turns on; printed in date order.
const KEY_EVENTS: [&str; 14] = [
    "socialist-high-tide",
    "secret-speech",
    "polish-october",
    "moscow-meeting-1957",
    "great-leap-forward",
    "taiwan-strait-crisis-1958",
    "suppression-of-leap-critics",
    "withdrawal-of-soviet-advisers",
    "economic-recovery-1961",
    "beidaihe-conference-1962",
    "test-ban-treaty",
    "cultural-revolution",
    "collapse-of-military-relations",
    "border-war-scare-1969",
];

struct Args {
    as_of: Option<i32>,
    detail: bool,
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}\nusage: sino_soviet_split [--as-of YEAR] [--detail]");
            return ExitCode::from(2);
        }
    };
    let text = match report(&args) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    // A reader that closes the pipe early (`| head`) ends the run quietly.
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let mut parsed = Args {
        as_of: None,
        detail: false,
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--as-of" => {
                let year = args.next().ok_or("--as-of needs a year")?;
                parsed.as_of = Some(year.parse().map_err(|_| format!("not a year: {year}"))?);
            }
            "--detail" => parsed.detail = true,
            other => return Err(format!("unknown argument: {other}")),
        }
    }
    Ok(parsed)
}

type Out = Result<String, historiograph::Error>;

fn report(args: &Args) -> Out {
    let corpus = historiograph::sino_soviet_split();
    let options = CompareOptions::new().with_as_of(args.as_of);
    let mut out = String::new();
    let title = corpus.title().unwrap_or("The Sino-Soviet split");
    match args.as_of {
        Some(year) => writeln!(out, "{title}, as the debate stood in {year}\n"),
        None => writeln!(out, "{title}\n"),
    }
    .ok();

    let split: EventId = corpus.resolve("sino-soviet-split")?;
    out += &summary(&corpus, split, &options, args.detail)?;

    writeln!(out, "THE KEY EVENTS, IN DATE ORDER\n").ok();
    for event in corpus.events_by_date() {
        if KEY_EVENTS.contains(&corpus.key(event).unwrap_or_default()) {
            out += &summary(&corpus, event, &options, args.detail)?;
        }
    }

    if args.detail {
        out += &the_whole_debate(&corpus, &options, args.as_of.is_none())?;
    } else {
        writeln!(
            out,
            "Every number and claim behind these lines: --detail. The debate as it stood in \
             another year: --as-of YEAR."
        )
        .ok();
    }
    Ok(out)
}

/// One event on one screen: the leading explanation in words, who holds
/// it and on what notes, the others' verdicts, the strongest objection and
/// who answers it, and the margin.
fn summary(corpus: &Corpus, event: EventId, options: &CompareOptions, detail: bool) -> Out {
    let cmp = corpus.view(options).compare(event)?;
    let mut out = String::new();
    let when = corpus
        .event(event)
        .and_then(|e| e.when())
        .map(|w| format!(" ({w})"))
        .unwrap_or_default();
    writeln!(out, "{}{when}", cmp.event_name().to_uppercase()).ok();
    let Some(leader) = cmp.leader() else {
        let words = if cmp
            .standings()
            .iter()
            .all(|s| s.verdict() == Verdict::Unaddressed)
        {
            "Nothing about it is in view yet."
        } else {
            "No explanation is supported."
        };
        writeln!(out, "  {words}\n").ok();
        return Ok(out);
    };

    writeln!(out, "  {} leads.", name_in_words(corpus, leader)).ok();
    if let Some(best) = strongest(leader.supporting()) {
        writeln!(out, "  {}", quoted(best)).ok();
    }
    writeln!(out, "  Held by {}.", holders(leader.supporting(), false)).ok();
    let notes = notes(leader.supporting());
    if !notes.is_empty() {
        writeln!(out, "  On {}.", notes.join(", ")).ok();
    }
    for (verdict, label) in [
        (Verdict::Supported, "Also supported"),
        (Verdict::Contested, "Contested"),
        (Verdict::Rejected, "Rejected"),
    ] {
        let names: Vec<String> = cmp
            .standings()
            .iter()
            .filter(|s| s.id() != leader.id() && s.verdict() == verdict)
            .map(|s| s.name().to_owned())
            .collect();
        if !names.is_empty() {
            writeln!(out, "  {label}: {}.", names.join(", ")).ok();
        }
    }
    match objection(&cmp, leader) {
        Some(entry) => {
            writeln!(out, "  Strongest objection: {}", quoted(entry)).ok();
            let from = holders(std::slice::from_ref(entry), true);
            writeln!(out, "    from {from}; {}.", answer(entry)).ok();
        }
        None => {
            writeln!(out, "  No objection to it is in view.").ok();
        }
    }
    if let Some(lead) = cmp.lead() {
        writeln!(out, "  {}.", capitalized(&lead.to_string())).ok();
    }
    writeln!(out).ok();
    if detail {
        writeln!(out, "{cmp}").ok();
    }
    Ok(out)
}

/// An explanation's name, with its family for a variant.
fn name_in_words(corpus: &Corpus, standing: &Standing) -> String {
    let family = corpus
        .variant_of(standing.id())
        .and_then(|_| corpus.family(standing.id()))
        .and_then(|f| corpus.explanation(f));
    match family {
        Some(family) => format!("{} (within {})", standing.name(), family.name()),
        None => standing.name().to_owned(),
    }
}

/// The claim that weighs most among those that stand, preferring one a
/// named scholar advances to a view of the literature.
fn strongest(entries: &[ClaimEntry]) -> Option<&ClaimEntry> {
    let standing = || entries.iter().filter(|e| e.acceptance() != Acceptance::Out);
    let heaviest = |a: &&ClaimEntry, b: &&ClaimEntry| {
        (a.weight() * a.strength())
            .total_cmp(&(b.weight() * b.strength()))
            .then(b.key().cmp(a.key()))
    };
    let advanced = |e: &&ClaimEntry| e.positions().iter().any(|p| p.stance() == Stance::Advances);
    standing()
        .filter(advanced)
        .max_by(heaviest)
        .or_else(|| standing().max_by(heaviest))
}

fn quoted(entry: &ClaimEntry) -> String {
    format!("\u{201c}{}\u{201d}", entry.text())
}

/// Who holds these claims: the scholars whose counted position holds one
/// (with the year; "with reservations" when they only qualify them), and
/// the unnamed literature. With `proponents_only`, those who qualify are
/// left out.
fn holders(entries: &[ClaimEntry], proponents_only: bool) -> String {
    // Each scholar once: name, year, whether they only qualify.
    let mut by_scholar: Vec<(String, String, Option<i32>, bool)> = Vec::new();
    for e in entries.iter().filter(|e| e.acceptance() != Acceptance::Out) {
        for p in e
            .positions()
            .iter()
            .filter(|p| p.is_counted() && p.stance().holds())
        {
            let qualified = p.stance() == Stance::Qualifies;
            match by_scholar.iter_mut().find(|(k, ..)| k == p.scholar_key()) {
                Some(slot) => slot.3 &= qualified,
                None => by_scholar.push((
                    p.scholar_key().to_owned(),
                    p.name().to_owned(),
                    p.year(),
                    qualified,
                )),
            }
        }
    }
    let mut names: Vec<String> = by_scholar
        .into_iter()
        .filter(|(.., qualified)| !(proponents_only && *qualified))
        .map(|(_, name, year, qualified)| {
            let year = year.map(|y| format!(" ({y})")).unwrap_or_default();
            let how = if qualified { ", with reservations" } else { "" };
            format!("{name}{year}{how}")
        })
        .collect();
    let unnamed = entries
        .iter()
        .filter(|e| e.acceptance() != Acceptance::Out && e.has_unnamed_proponent())
        .count();
    match unnamed {
        0 => {}
        1 => names.push("a literature the book reports".to_owned()),
        n => names.push(format!("{n} strands of the literature the book reports")),
    }
    match names.len() {
        0 => "no one in view".to_owned(),
        1 => names.remove(0),
        _ => {
            let last = names.pop().unwrap_or_default();
            format!("{} and {last}", names.join(", "))
        }
    }
}

/// The notes these claims rest on, by locator.
fn notes(entries: &[ClaimEntry]) -> Vec<String> {
    let mut notes: Vec<String> = entries
        .iter()
        .filter(|e| e.acceptance() != Acceptance::Out)
        .flat_map(|e| e.evidence())
        .map(|v| v.locator().unwrap_or(v.key()).to_owned())
        .collect();
    notes.sort_by_key(|n| {
        n.trim_start_matches("n.")
            .parse::<u32>()
            .map_or((1, 0, n.clone()), |k| (0, k, String::new()))
    });
    notes.dedup();
    notes
}

/// The strongest claim against the leader that stands: a denial of it, or
/// a claim that attacks one of its claims; failing that, the strongest one
/// that has fallen.
fn objection<'a>(cmp: &'a Comparison, leader: &'a Standing) -> Option<&'a ClaimEntry> {
    let attackers: BTreeSet<_> = leader
        .supporting()
        .iter()
        .flat_map(|e| e.attacked_by())
        .map(|a| a.id())
        .collect();
    let against: Vec<&ClaimEntry> = cmp
        .standings()
        .iter()
        .flat_map(|s| s.supporting().iter().chain(s.opposing()))
        .filter(|e| {
            attackers.contains(&e.id()) || leader.opposing().iter().any(|o| o.id() == e.id())
        })
        .collect();
    let weight = |e: &&ClaimEntry| e.weight() * e.strength();
    against
        .iter()
        .filter(|e| e.acceptance() != Acceptance::Out)
        .max_by(|a, b| weight(a).total_cmp(&weight(b)).then(b.key().cmp(a.key())))
        .or_else(|| {
            against
                .iter()
                .max_by(|a, b| a.weight().total_cmp(&b.weight()).then(b.key().cmp(a.key())))
        })
        .copied()
}

/// Who answers an objection: the claims that defeat it, or the scholars
/// who qualify or reject it.
fn answer(entry: &ClaimEntry) -> String {
    let defeaters: Vec<String> = entry
        .attacked_by()
        .iter()
        .filter(|a| a.defeats() && a.acceptance() != Acceptance::Out)
        .map(|a| {
            format!(
                "`{}` {}",
                a.key(),
                if a.is_reply() {
                    "rebuts it"
                } else {
                    a.kind().as_str()
                }
            )
        })
        .collect();
    let status = match entry.acceptance() {
        Acceptance::In => "it stands",
        Acceptance::Undecided => "it is undecided",
        Acceptance::Out => "it falls",
    };
    let by: Vec<String> = entry
        .positions()
        .iter()
        .filter(|p| p.is_counted() && matches!(p.stance(), Stance::Qualifies | Stance::Rejects))
        .map(|p| format!("{} {} it", p.name(), p.stance()))
        .collect();
    match (defeaters.is_empty(), by.is_empty()) {
        (false, _) => format!("{status}: {}", defeaters.join(", ")),
        (true, false) => format!("{status}; {}", by.join(", ")),
        (true, true) => format!("{status}, unanswered"),
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// With `--detail`: the events × families matrix, where each family
/// stands, which claims stand, and the split over time.
fn the_whole_debate(corpus: &Corpus, options: &CompareOptions, over_time: bool) -> Out {
    let mut out = String::new();
    writeln!(out, "EVENTS × FAMILIES OF EXPLANATION\n").ok();
    let families = options.clone().with_roll_up(true);
    let events: Vec<EventId> = corpus
        .events_by_date()
        .filter(|&e| corpus.claims_about(e).next().is_some())
        .collect();
    writeln!(out, "{}\n", corpus.view(&families).matrix(events)?).ok();

    writeln!(out, "WHERE EACH FAMILY STANDS\n").ok();
    let family_ids: Vec<ExplanationId> = corpus
        .ids::<ExplanationId>()
        .filter(|&x| corpus.variant_of(x).is_none())
        .collect();
    for &family in &family_ids {
        writeln!(out, "{}", corpus.view(&families).accounts(family)?).ok();
    }

    writeln!(out, "WHICH CLAIMS STAND\n").ok();
    out += &which_claims_stand(corpus, options)?;
    if over_time {
        writeln!(out, "\nTHE SPLIT AS THE SCHOLARSHIP SAW IT OVER TIME\n").ok();
        let split: EventId = corpus.resolve("sino-soviet-split")?;
        writeln!(out, "{}", corpus.view(&families).history(Some(split))?).ok();
        writeln!(
            out,
            "S supported, C contested, R rejected, . not yet in the debate"
        )
        .ok();
    }
    Ok(out)
}

/// The claims as an argumentation framework: what the grounded and
/// preferred semantics accept, why the defeated claims fall, and the
/// strongest claims under DF-QuAD.
fn which_claims_stand(corpus: &Corpus, options: &CompareOptions) -> Out {
    let mut out = String::new();
    let view = corpus.view(options).framework();
    let af = view.framework();
    let grounded = af.grounded();
    let preferred = af.extensions(Semantics::Preferred).count();
    writeln!(
        out,
        "{} claims, {} defeats, {} supports: grounded semantics accepts {}, defeats {}, leaves {} \
         undecided; {} preferred extension(s)",
        af.len(),
        af.attack_count(),
        af.support_count(),
        grounded.in_arguments().len(),
        grounded.out_arguments().len(),
        grounded.undecided_arguments().len(),
        preferred,
    )
    .ok();
    let name = |a: Argument| af.name(a).unwrap_or_default();
    writeln!(out, "\ndefeated, and by what:").ok();
    for argument in grounded.out_arguments() {
        if let Some(Why::Out { attackers }) = grounded.why(af, argument) {
            let by: Vec<String> = attackers.into_iter().map(name).collect();
            writeln!(out, "  {:<36} <- {}", name(argument), by.join(", ")).ok();
        }
    }
    let strengths = af.strengths(Gradual::DfQuad, &GradualOptions::new())?;
    let mut ranked: Vec<(Argument, f64)> = af
        .arguments()
        .map(|a| (a, strengths.values()[a.index()]))
        .collect();
    ranked.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    writeln!(
        out,
        "\nstrongest claims under DF-QuAD (base weights from scholars and evidence):"
    )
    .ok();
    for (argument, strength) in ranked.iter().take(8) {
        writeln!(out, "  {strength:.3}  {}", name(*argument)).ok();
    }
    Ok(out)
}
