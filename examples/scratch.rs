use historiograph::*;
fn main() -> Result<()> {
    let corpus = sino_soviet_split();
    for key in [
        "taiwan-strait-crisis-1958",
        "sino-soviet-split",
        "great-leap-forward",
        "socialist-high-tide",
        "withdrawal-of-soviet-advisers",
    ] {
        let e: EventId = corpus.resolve(key)?;
        println!("{}", corpus.compare(e, &CompareOptions::new())?);
    }
    let events: Vec<EventId> = corpus.events_by_date().collect();
    println!(
        "{}",
        corpus.matrix(events, &CompareOptions::new().with_roll_up(true))?
    );
    Ok(())
}
