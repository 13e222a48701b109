//! A user encoding a different debate, with explanation families of their
//! own, through the public API only: the origins of the First World War,
//! from the Fischer controversy to Christopher Clark.
//!
//! ```text
//! cargo run --example custom_debate
//! ```

#[path = "common/out.rs"]
#[macro_use]
mod out;

use historiograph::{
    AttackKind, Claim, CompareOptions, Corpus, Date, Event, EventId, Explanation, ExplanationId,
    Polarity, Position, Result, Scholar, ScholarId, Stance, When, Work, WorkKind,
};

fn main() -> Result<()> {
    let corpus = build()?;
    let july: EventId = corpus.resolve("july-crisis")?;

    outln!("== The July Crisis, as the debate stands ==\n");
    outln!(
        "{}",
        corpus
            .view(&CompareOptions::new().with_enclosed(true))
            .compare(july)?
    );

    outln!("== The same, as it stood in 1970, after the Fischer controversy ==\n");
    let in_1970 = CompareOptions::new()
        .with_enclosed(true)
        .with_as_of(Some(1970));
    outln!("{}", corpus.view(&in_1970).compare(july)?);

    outln!("== Where German war aims are held to explain events ==\n");
    let aims: ExplanationId = corpus.resolve("german-war-aims")?;
    outln!("{}", corpus.view(&CompareOptions::new()).accounts(aims)?);

    outln!("== Fischer and Clark ==\n");
    let fischer: ScholarId = corpus.resolve("fischer")?;
    let clark: ScholarId = corpus.resolve("clark")?;
    for d in corpus
        .view(&CompareOptions::new())
        .disagreements(fischer, clark, None)?
    {
        outln!("{d}");
    }
    outln!("\n== The corpus as a document (first lines) ==\n");
    for line in corpus.to_json().lines().take(12) {
        outln!("{line}");
    }
    Ok(())
}

fn build() -> Result<Corpus> {
    let mut c = Corpus::new();
    c.set_title(Some("The origins of the First World War".to_owned()));

    // Scholars and their works.
    let fay = c.add_scholar(
        Scholar::new("fay", "Sidney B. Fay")
            .with_born(1876)
            .with_died(1967),
    )?;
    let fischer = c.add_scholar(
        Scholar::new("fischer", "Fritz Fischer")
            .with_born(1908)
            .with_died(1999),
    )?;
    let van_evera = c.add_scholar(Scholar::new("van-evera", "Stephen Van Evera"))?;
    let clark = c.add_scholar(Scholar::new("clark", "Christopher Clark"))?;
    let fay_1928 = c.add_work(
        Work::new("fay-1928", "The Origins of the World War").with_issued(Date::from_year(1928)),
        [fay],
    )?;
    let fischer_1961 = c.add_work(
        Work::new("fischer-1961", "Griff nach der Weltmacht").with_issued(Date::from_year(1961)),
        [fischer],
    )?;
    let van_evera_1984 = c.add_work(
        Work::new(
            "van-evera-1984",
            "The Cult of the Offensive and the Origins of the First World War",
        )
        .with_kind(WorkKind::ArticleJournal)
        .with_container_title("International Security")
        .with_issued(Date::from_year(1984)),
        [van_evera],
    )?;
    let clark_2012 = c.add_work(
        Work::new(
            "clark-2012",
            "The Sleepwalkers: How Europe Went to War in 1914",
        )
        .with_issued(Date::from_year(2012)),
        [clark],
    )?;

    // Events: the crisis and the steps within it.
    let july = c.add_event(
        Event::new("july-crisis", "The July Crisis").with_when(When::between(
            Date::from_ymd(1914, 6, 28)?,
            Date::from_ymd(1914, 8, 4)?,
        )?),
        None,
    )?;
    let sarajevo = c.add_event(
        Event::new("sarajevo", "Assassination of Franz Ferdinand")
            .with_when(Date::from_ymd(1914, 6, 28)?),
        Some(july),
    )?;
    let blank_cheque = c.add_event(
        Event::new(
            "blank-cheque",
            "German assurance of support to Austria-Hungary",
        )
        .with_when(Date::from_ymd(1914, 7, 5)?),
        Some(july),
    )?;
    let mobilization = c.add_event(
        Event::new("russian-mobilization", "Russian general mobilization")
            .with_when(Date::from_ymd(1914, 7, 30)?),
        Some(july),
    )?;

    // Families of explanation of this debate's own.
    let aims = c.add_explanation(
        Explanation::new("german-war-aims", "German war aims")
            .with_description("Germany's leaders sought the war to win a place as a world power"),
        None,
    )?;
    let shared = c.add_explanation(
        Explanation::new("shared-responsibility", "Shared responsibility")
            .with_description("All the great powers' decisions together brought the war"),
        None,
    )?;
    let doctrine = c.add_explanation(
        Explanation::new("military-doctrine", "Military doctrine"),
        None,
    )?;
    let offensive = c.add_explanation(
        Explanation::new("cult-of-the-offensive", "Cult of the offensive")
            .with_description("Belief that attack beats defence made mobilization a race"),
        Some(doctrine),
    )?;

    // Claims, who holds them, and how they meet.
    let fay_claim = c.add_claim(
        Claim::new(
            "fay-shared",
            "No single power bears sole responsibility for the war",
        ),
        shared,
        [july],
    )?;
    c.add_position(
        fay,
        fay_claim,
        Position::new(Stance::Advances).in_work(fay_1928),
    )?;

    let fischer_claim = c.add_claim(
        Claim::new(
            "fischer-bid",
            "German leaders used the crisis in a bid for world power",
        ),
        aims,
        [july, blank_cheque],
    )?;
    c.add_position(
        fischer,
        fischer_claim,
        Position::new(Stance::Advances).in_work(fischer_1961),
    )?;
    let fischer_denial = c.add_claim(
        Claim::new("fischer-not-shared", "Responsibility was not evenly shared")
            .with_polarity(Polarity::Denies),
        shared,
        [july],
    )?;
    c.add_position(
        fischer,
        fischer_denial,
        Position::new(Stance::Advances).in_work(fischer_1961),
    )?;
    c.attack(fischer_denial, fay_claim, AttackKind::Rebuts)?;

    let cult = c.add_claim(
        Claim::new(
            "offensive-spiral",
            "Faith in the offensive turned mobilization into a race",
        ),
        offensive,
        [mobilization],
    )?;
    c.add_position(
        van_evera,
        cult,
        Position::new(Stance::Advances).in_work(van_evera_1984),
    )?;

    let sleepwalkers = c.add_claim(
        Claim::new(
            "sleepwalkers",
            "Decision-makers across Europe stumbled into war together",
        ),
        shared,
        [july, sarajevo],
    )?;
    c.add_position(
        clark,
        sleepwalkers,
        Position::new(Stance::Advances).in_work(clark_2012),
    )?;
    let no_plan = c.add_claim(
        Claim::new(
            "no-german-plan",
            "The crisis was not the execution of a German plan for war",
        )
        .with_polarity(Polarity::Denies),
        aims,
        [july, blank_cheque],
    )?;
    c.add_position(
        clark,
        no_plan,
        Position::new(Stance::Advances).in_work(clark_2012),
    )?;
    c.attack(no_plan, fischer_claim, AttackKind::Undercuts)?;
    c.attack(sleepwalkers, fischer_denial, AttackKind::Rebuts)?;
    c.support(cult, sleepwalkers)?;
    Ok(c)
}
