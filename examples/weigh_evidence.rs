//! Weighing the evidence on the built-in corpus: the ACH matrix for a key
//! event, the evidence ranked by diagnosticity, the standard of proof each
//! explanation meets, what would change the verdict, and how the debate
//! moved over time.
//!
//! ```text
//! cargo run --example weigh_evidence
//! cargo run --example weigh_evidence -- taiwan-strait-crisis-1958
//! ```

#[path = "common/out.rs"]
#[macro_use]
mod out;

use historiograph::{
    AchMatrix, AchOptions, CompareOptions, Corpus, EventId, ProofThresholds, Removal, Result,
    ScholarId,
};

fn main() -> Result<()> {
    let corpus = historiograph::sino_soviet_split();
    let key = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "sino-soviet-split".to_owned());
    let event: EventId = corpus.resolve(&key)?;
    let families = CompareOptions::new().with_roll_up(true);

    outln!("== ACH matrix: {key}, families of explanation ==\n");
    let options = AchOptions::new().with_compare(families.clone());
    let matrix = corpus.ach(&[event], &options)?;
    outln!("{matrix}");
    print_columns(&corpus, &matrix);

    outln!("\n== Evidence by diagnosticity ==\n");
    for (evidence, d) in matrix.evidence_by_diagnosticity().take(10) {
        let item = corpus
            .evidence(evidence)
            .map(|e| e.description())
            .unwrap_or("");
        outln!(
            "  {d:.2}  {:<16} {item}",
            corpus.key(evidence).unwrap_or("?")
        );
    }

    outln!("\n== Two scholars' matrices, and where they differ ==\n");
    let luthi: ScholarId = corpus.resolve("luthi")?;
    let zagoria: ScholarId = corpus.resolve("zagoria")?;
    let of_luthi = corpus.ach_of_scholar(&[event], luthi, &options)?;
    let of_zagoria = corpus.ach_of_scholar(&[event], zagoria, &options)?;
    let differences = of_luthi.differences(&of_zagoria);
    outln!(
        "Lüthi rates {} items, Zagoria {}; they differ on {} cells",
        of_luthi.evidence().len(),
        of_zagoria.evidence().len(),
        differences.len()
    );
    for d in differences.iter().take(8) {
        outln!(
            "  {:<18} {:<22} Lüthi {}, Zagoria {}",
            corpus.key(d.evidence).unwrap_or("?"),
            corpus.key(d.explanation).unwrap_or("?"),
            d.first.name(),
            d.second.name()
        );
    }

    outln!("\n== Standards of proof ==\n");
    for (explanation, met) in corpus
        .view(&families)
        .standards_of_proof(event, &ProofThresholds::new())?
    {
        let name = corpus
            .explanation(explanation)
            .map(|x| x.name())
            .unwrap_or("?");
        match met {
            Some(standard) => outln!("  {name:<30} {}", standard.name()),
            None => outln!("  {name:<30} no standard met"),
        }
    }

    outln!("\n== What would change the leading explanation ==\n");
    let sensitivity = corpus.view(&families).sensitivity(event, 2)?;
    let name = |x: Option<historiograph::ExplanationId>| {
        x.and_then(|x| corpus.explanation(x))
            .map_or("no leader", |x| x.name())
    };
    outln!("leader: {}", name(sensitivity.leader()));
    if sensitivity.pivots().is_empty() {
        outln!("no single removal changes it");
    }
    for (removal, after) in sensitivity.pivots() {
        outln!(
            "  without {:<40} -> {}",
            describe(&corpus, removal),
            name(*after)
        );
    }
    match sensitivity.smallest() {
        Some((set, after)) => {
            let set: Vec<String> = set.iter().map(|r| describe(&corpus, r)).collect();
            outln!("smallest set: {} -> {}", set.join(" + "), name(after));
        }
        None => outln!("no set of up to 2 removals changes it"),
    }

    outln!("\n== The debate over time ==\n");
    let history = corpus.view(&families).history(Some(event))?;
    outln!("{history}");
    outln!("as CSV:\n{}", history.to_csv());
    Ok(())
}

fn describe(corpus: &Corpus, removal: &Removal) -> String {
    match *removal {
        Removal::Evidence(e) => format!("evidence {}", corpus.key(e).unwrap_or("?")),
        Removal::Claim(c) => format!("claim {}", corpus.key(c).unwrap_or("?")),
        Removal::Scholar(s) => format!("scholar {}", corpus.key(s).unwrap_or("?")),
    }
}

fn print_columns(corpus: &Corpus, matrix: &AchMatrix) {
    for (i, &x) in matrix.explanations().iter().enumerate() {
        outln!(
            "{:>3} = {}",
            i + 1,
            corpus.explanation(x).map(|x| x.name()).unwrap_or("?")
        );
    }
}
